"""Spaces: the organisation news space, one space per unit, and communities; who belongs where."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.common import clock
from kring.org.models import OrgUnit

DELETED_RESTORABLE_DAYS = 30


class SpaceTag(models.Model):
    name = models.CharField(_("name"), max_length=40, unique=True)
    slug = models.SlugField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("space tag")
        verbose_name_plural = _("space tags")

    def __str__(self) -> str:
        return self.name


class SpaceQuerySet(models.QuerySet["Space"]):
    def alive(self) -> "SpaceQuerySet":
        return self.filter(deleted_at__isnull=True)

    def visible_to(self, actor: object) -> "models.QuerySet[Space]":
        """The spaces whose existence `actor` may see (ARCHITECTURE.md §5)."""
        from kring.spaces.permissions import filter_visible_spaces

        return filter_visible_spaces(actor, self)

    def readable_by(self, actor: object) -> "models.QuerySet[Space]":
        """The spaces whose content `actor` may read: the feed and every stream use this."""
        from kring.spaces.permissions import filter_readable_spaces

        return filter_readable_spaces(actor, self)


class Space(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("Organisation news")
        UNIT = "unit", _("Unit space")
        COMMUNITY = "community", _("Community")

    class Access(models.TextChoices):
        OPEN = "open", _("Open")
        REQUEST = "request", _("On request")
        SECRET = "secret", _("Secret")

    class Icon(models.TextChoices):
        GROUP = "user-group", _("People")
        BUILDING = "building-library", _("School")
        MEGAPHONE = "megaphone", _("Announcements")
        CHAT = "chat-bubble-left-right", _("Conversation")
        BOOK = "book-open", _("Learning")
        HEART = "heart", _("Care")
        STAR = "star", _("Ambassadors")
        SCALE = "scale", _("Council")
        LOCK = "lock-closed", _("Confidential")
        SPARKLES = "sparkles", _("Celebration")
        LIGHT = "light-bulb", _("Ideas")
        BRIEFCASE = "briefcase", _("Work")

    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    access = models.CharField(_("access"), max_length=10, choices=Access.choices)
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("web address"), max_length=90, unique=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    guidelines = models.TextField(_("guidelines"), max_length=4000, blank=True)
    cover = models.ImageField(_("cover image"), upload_to="spaces/covers/", blank=True)
    icon = models.CharField(_("icon"), max_length=40, choices=Icon.choices, default=Icon.GROUP)
    tags = models.ManyToManyField(
        SpaceTag, verbose_name=_("tags"), blank=True, related_name="spaces"
    )
    unit = models.OneToOneField(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="space"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(auto_now=True)
    last_activity_at = models.DateTimeField(default=clock.now)
    # Kept by the membership services: counting 10,000 rows on every directory page is not free.
    member_count = models.PositiveIntegerField(default=0, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        indexes = [
            models.Index(fields=["kind", "access", "name"], name="space_kind_access_name"),
            models.Index(fields=["-last_activity_at"], name="space_last_activity"),
            models.Index(fields=["deleted_at"], name="space_deleted"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="news"), name="one_news_space"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_community(self) -> bool:
        return self.kind == self.Kind.COMMUNITY

    @property
    def restorable_until(self):  # type: ignore[no-untyped-def]
        if self.deleted_at is None:
            return None
        return self.deleted_at + timedelta(days=DELETED_RESTORABLE_DAYS)


class Membership(models.Model):
    """A person's place in a space; requests and invitations are memberships in waiting."""

    class Role(models.TextChoices):
        OWNER = "owner", pgettext_lazy("space role", "Owner")
        MANAGER = "manager", pgettext_lazy("space role", "Manager")
        MODERATOR = "moderator", pgettext_lazy("space role", "Moderator")
        MEMBER = "member", pgettext_lazy("space role", "Member")
        GUEST = "guest", pgettext_lazy("space role", "Guest")

    class State(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("membership state", "Member")
        REQUESTED = "requested", _("Requested")
        INVITED = "invited", _("Invited")
        DECLINED = "declined", _("Declined")

    class Source(models.TextChoices):
        MANUAL = "manual", _("Joined or added")
        STRUCTURE = "structure", _("Organisation structure")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MANUAL)
    created_at = models.DateTimeField(default=clock.now)
    joined_at = models.DateTimeField(null=True, blank=True)
    # External guests lose access on this date.
    expires_at = models.DateTimeField(_("access until"), null=True, blank=True)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    decision_message = models.TextField(_("message to the requester"), max_length=1000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Claimed by the task that mails an invitation or a decision, so it is mailed once.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space"),
        ]
        indexes = [
            models.Index(fields=["user", "state", "space"], name="membership_user_state"),
            models.Index(fields=["space", "state", "role"], name="membership_space_state_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.space_id} ({self.role}, {self.state})"

    def is_current(self) -> bool:
        return self.state == self.State.ACTIVE and (
            self.expires_at is None or self.expires_at > clock.now()
        )


ROLE_RANK = {
    Membership.Role.GUEST: 0,
    Membership.Role.MEMBER: 1,
    Membership.Role.MODERATOR: 2,
    Membership.Role.MANAGER: 3,
    Membership.Role.OWNER: 4,
}
