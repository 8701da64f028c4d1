import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kring.common import clock
from kring.org.models import OrgUnit


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> "User":
        fields.update(is_staff=True, is_superuser=True, role=User.Role.ADMIN)
        fields.setdefault("status", User.Status.ACTIVE)
        return self.create_user(email, password, **fields)


class RolloutWave(models.Model):
    """A group of people who get access on the same date (enthusiasts first, everyone later)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    starts_at = models.DateTimeField(_("starts at"))
    invitations_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("rollout wave")
        verbose_name_plural = _("rollout waves")

    def __str__(self) -> str:
        return self.name

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DUE = "due", _("Sending")
        SENT = "sent", _("Invitations sent")

    @property
    def has_started(self) -> bool:
        return self.starts_at <= clock.now()

    @property
    def status(self) -> "RolloutWave.Status":
        if self.invitations_sent_at is not None:
            return self.Status.SENT
        return self.Status.DUE if self.has_started else self.Status.PLANNED


class User(AbstractBaseUser, PermissionsMixin):  # type: ignore[django-manager-missing]
    """A person: employee, guest or service account. Logs in with e-mail; no usernames."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        GUEST = "guest", _("External guest")
        COMMS_EDITOR = "comms_editor", _("Communications editor")
        COMMUNITY_MANAGER = "community_manager", _("Community manager")
        ADMIN = "admin", _("Administrator")

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Active")
        DEACTIVATED = "deactivated", _("Deactivated")

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    primary_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    extra_units = models.ManyToManyField(
        OrgUnit, verbose_name=_("extra units"), blank=True, related_name="extra_people"
    )
    line_manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    language = models.CharField(
        _("language"), max_length=8, choices=[("nl", "Nederlands"), ("en", "English")], default="nl"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.INVITED
    )
    wave = models.ForeignKey(
        RolloutWave,
        verbose_name=_("rollout wave"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    class Source(models.TextChoices):
        MANUAL = "manual", _("Added by hand")
        IMPORT = "import", _("Employee import")
        SCIM = "scim", _("Provisioning (SCIM)")

    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=clock.now)
    activated_at = models.DateTimeField(null=True, blank=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            models.Index(fields=["status", "display_name"]),
            models.Index(Lower("display_name"), name="user_display_name_lower"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def is_guest(self) -> bool:
        return self.role == self.Role.GUEST

    @property
    def is_former(self) -> bool:
        return self.status == self.Status.DEACTIVATED

    @property
    def initials(self) -> str:
        parts = [
            p for p in self.display_name.split() if p[:1].isupper()
        ] or self.display_name.split()
        if not parts:
            return "?"
        return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")).upper()

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name.split(" ")[0] if self.display_name else self.email


class UnitAssignment(models.Model):
    """History of a person's primary unit, so moves keep earlier figures consistent."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="unit_history")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user_id", "started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(ended_at__isnull=True), name="one_open_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.unit_id} from {self.started_at:%Y-%m-%d}"


class Invitation(models.Model):
    """A single-use link that lets an invited person set a password and log in."""

    class Kind(models.TextChoices):
        ADMIN = "admin", _("Sent by an administrator")
        WAVE = "wave", _("Rollout wave")
        REQUESTED = "requested", _("Asked for a new link")
        GUEST = "guest", _("Invited into a space as a guest")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        USED = "used", _("Used")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ADMIN)
    # What the person is invited to, for the mail: the space's name for a guest.
    note = models.CharField(max_length=150, blank=True)
    # The link's token is derived from this nonce with SECRET_KEY (HMAC), so neither a database
    # dump alone nor the task queue ever holds a usable link.
    nonce = models.CharField(max_length=64, unique=True)
    wave = models.ForeignKey(
        RolloutWave, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A wave invites each person once, however often its task runs.
            models.UniqueConstraint(
                fields=["user", "wave"], condition=models.Q(wave__isnull=False), name="one_per_wave"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > clock.now()

    @property
    def state(self) -> "Invitation.State":
        if self.used_at is not None:
            return self.State.USED
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at <= clock.now():
            return self.State.EXPIRED
        return self.State.PENDING


ORGANISATION_CACHE_KEY = "kring:organisation"


class Organisation(models.Model):
    """The single organisation this Kring serves: its name, brand and policies."""

    name = models.CharField(_("name"), max_length=150, default="Kring")
    logo = models.ImageField(_("logo"), upload_to="branding/", blank=True)
    brand_colour = models.CharField(_("brand colour"), max_length=7, default="#1f5f8b")
    brand_text_colour = models.CharField(max_length=7, default="#ffffff", editable=False)
    require_admin_mfa = models.BooleanField(
        _("administrators must use two-factor authentication"), default=False
    )
    invitation_valid_days = models.PositiveSmallIntegerField(
        _("invitation links are valid for (days)"), default=14
    )

    class CommunityCreators(models.TextChoices):
        EVERYONE = "everyone", _("Every employee")
        STAFF = "staff", _("Communications editors, community managers and administrators")
        ADMINS = "admins", _("Administrators only")

    community_creators = models.CharField(
        _("who may create communities"),
        max_length=10,
        choices=CommunityCreators.choices,
        default=CommunityCreators.EVERYONE,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Organisation":
        """The single row, cached per process for a short while (changes clear the cache)."""
        from django.core.cache import cache

        org = cache.get(ORGANISATION_CACHE_KEY)
        if org is None:
            org = cls.objects.order_by("pk").first() or cls(name="Kring")
            cache.set(ORGANISATION_CACHE_KEY, org, 60)
        return org


class EmployeeImport(models.Model):
    """An uploaded employee CSV: checked in a dry run first, then applied all-or-nothing."""

    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=clock.now)
    filename = models.CharField(max_length=255)
    content = models.TextField()
    sha256 = models.CharField(max_length=64)
    plan = models.JSONField(default=dict, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename


class ActivityEvent(models.Model):
    """Append-only record of what people do (ANALYTICS.md §2); written by activity_record only."""

    occurred_at = models.DateTimeField()
    recorded_at = models.DateTimeField()
    actor = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+", db_index=False)
    verb = models.CharField(max_length=32)
    object_type = models.CharField(max_length=32, blank=True)
    object_id = models.BigIntegerField(null=True, blank=True)
    root_type = models.CharField(max_length=32, blank=True)
    root_id = models.BigIntegerField(null=True, blank=True)
    space_id = models.BigIntegerField(null=True, blank=True)
    unit_id = models.BigIntegerField(null=True, blank=True)
    target_user_id = models.BigIntegerField(null=True, blank=True)
    session_id = models.UUIDField(default=uuid.uuid4)
    client = models.CharField(max_length=8, default="web")
    meta = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["occurred_at"]),
            models.Index(fields=["recorded_at"]),
            models.Index(fields=["actor", "occurred_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.verb} by {self.actor_id} at {self.occurred_at:%Y-%m-%d %H:%M}"
