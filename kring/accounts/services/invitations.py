"""Invitations: single-use links that let an invited person set a password and log in.

The link's token is `<pk>.<hmac of the row's nonce>`. Only the nonce is stored, so the token can be
rebuilt from the row (by the task that sends the mail) but never read from a database dump alone.
"""

import logging
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from kring.accounts import permissions
from kring.accounts.models import Invitation, Organisation, RolloutWave, User
from kring.accounts.services.activity import activity_record
from kring.accounts.services.people import person_create
from kring.common import clock
from kring.common.audit import audit_record
from kring.org.models import OrgUnit

logger = logging.getLogger(__name__)

TOKEN_SALT = "kring.accounts.invitation"
# A person may ask for a fresh link this often per day; more would let anyone flood their inbox.
REQUESTS_PER_DAY = 3
# Pasting a whole school is fine; a whole organisation belongs in the employee import.
MAX_BULK_LINES = 1000
_TOKEN = re.compile(r"([0-9]{1,18})\.([0-9a-f]{64})")
_NAMED_ADDRESS = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]*)>$")
_NAME_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "t"})


# --- Tokens and links


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def _signature(nonce: str) -> str:
    return salted_hmac(TOKEN_SALT, nonce, algorithm="sha256").hexdigest()


def invitation_token(invitation: Invitation) -> str:
    return f"{invitation.pk}.{_signature(invitation.nonce)}"


def invitation_url(invitation: Invitation) -> str:
    """The absolute link for the e-mail; tasks have no request, so the base URL is a setting."""
    base = str(settings.KRING.get("BASE_URL", "http://127.0.0.1:8000")).rstrip("/")
    return base + reverse("accounts:invitation", args=[invitation_token(invitation)])


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link points to, or None for anything unknown or tampered with."""
    match = _TOKEN.fullmatch(token)
    if match is None:
        return None
    invitation = (
        Invitation.objects.select_related("user", "user__wave").filter(pk=int(match[1])).first()
    )
    if invitation is None or not constant_time_compare(_signature(invitation.nonce), match[2]):
        return None
    return invitation


def when_wave_starts(wave: RolloutWave) -> str:
    """The wave's start as people read it, in the active language and time zone."""
    return formats.date_format(timezone.localtime(wave.starts_at), "DATETIME_FORMAT")


def _valid_days() -> int:
    return Organisation.current().invitation_valid_days


# --- Creating, revoking, accepting


def _invite(
    *, user: User, invited_by: User | None, wave: RolloutWave | None, kind: str, note: str = ""
) -> Invitation:
    """Create a fresh link for `user`, revoking the open ones, and send it after commit."""
    if user.status == User.Status.DEACTIVATED or not user.is_active:
        raise ValidationError(_("%(name)s is deactivated and cannot be invited.") % {"name": user})
    if user.status != User.Status.INVITED:
        raise ValidationError(
            _("%(name)s has already activated their account; they can reset their password.")
            % {"name": user}
        )
    now = clock.now()
    # One live link per person: a new link makes the earlier ones worthless.
    Invitation.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    if wave is not None and Invitation.objects.filter(user=user, wave=wave).exists():
        # A wave invites each person once (unique constraint); later links are plain ones.
        wave = None
    invitation = Invitation(
        user=user,
        wave=wave,
        kind=kind,
        note=note,
        invited_by=invited_by,
        nonce=new_nonce(),
        created_at=now,
        expires_at=now + timedelta(days=_valid_days()),
    )
    invitation.full_clean()
    invitation.save()
    invitation_id = invitation.pk
    transaction.on_commit(lambda: _enqueue_send(invitation_id))
    return invitation


def _enqueue_send(invitation_id: int) -> None:
    # Imported here: the tasks module imports this one to do its work.
    from kring.accounts.tasks import send_invitation

    send_invitation.enqueue(invitation_id)


@transaction.atomic
def invitation_create(*, actor: User, user: User, wave: RolloutWave | None = None) -> Invitation:
    """Invite `user` (again): earlier open links stop working; the new one is mailed on commit."""
    permissions.check_administer(actor)
    kind = Invitation.Kind.ADMIN
    invitation = _invite(user=user, invited_by=actor, wave=wave, kind=kind)
    audit_record(
        actor=actor,
        action="invitation.create",
        obj=invitation,
        changes={"email": user.email, "wave": invitation.wave_id},
    )
    return invitation


def guest_invitation_create(*, invited_by: User, user: User, space_name: str) -> Invitation:
    """Invite an external guest; the spaces app checked that `invited_by` may do so."""
    return _invite(
        user=user, invited_by=invited_by, wave=None, kind=Invitation.Kind.GUEST, note=space_name
    )


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    permissions.check_administer(actor)
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=invitation.pk)
    )
    if invitation.used_at is not None:
        raise ValidationError(_("This invitation was already used; it can no longer be revoked."))
    if invitation.revoked_at is not None:
        return invitation
    invitation.revoked_at = clock.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(actor=actor, action="invitation.revoke", obj=invitation)
    return invitation


def invitation_problem(invitation: Invitation) -> ValidationError | None:
    """Why this link cannot be used now (code: used, expired, revoked, not_yet), or None."""
    user = invitation.user
    if invitation.used_at is not None or user.status == User.Status.ACTIVE:
        return ValidationError(_("This invitation link was already used."), code="used")
    if (
        invitation.revoked_at is not None
        or user.status == User.Status.DEACTIVATED
        or not user.is_active
    ):
        return ValidationError(_("This invitation link is no longer valid."), code="revoked")
    if invitation.expires_at <= clock.now():
        return ValidationError(_("This invitation link has expired."), code="expired")
    if user.wave is not None and not user.wave.has_started:
        return ValidationError(
            _("You can log in from %(when)s.") % {"when": when_wave_starts(user.wave)},
            code="not_yet",
        )
    return None


def invitation_accept(*, token: str, password: str) -> User:
    """Set the person's password from a valid link, once; they are active from now on."""
    with transaction.atomic():
        invitation = invitation_for_token(token)
        if invitation is None:
            raise ValidationError(_("This invitation link has expired."), code="invalid")
        problem = invitation_problem(invitation)
        if problem is not None:
            raise problem
        user = invitation.user
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise ValidationError({"password": error.error_list}) from error
        now = clock.now()
        # The conditional update is the single-use guarantee, also when two requests race.
        claimed = Invitation.objects.filter(
            pk=invitation.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if claimed != 1:
            raise ValidationError(_("This invitation link was already used."), code="used")
        Invitation.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=now
        )
        user.set_password(password)
        user.status = User.Status.ACTIVE
        user.is_active = True
        user.activated_at = now
        user.save(update_fields=["password", "status", "is_active", "activated_at"])
        activity_record(
            actor=user, verb="invite_accepted", obj_type="invitation", obj_id=invitation.pk
        )
    return user


@transaction.atomic
def invitation_request_new(*, token: str) -> None:
    """Mail a fresh link for a used, expired or revoked one, when that is still right.

    Returns nothing on purpose: the caller shows the same answer whatever happened here.
    """
    invitation = invitation_for_token(token)
    if invitation is None or invitation.state == Invitation.State.PENDING:
        return
    user = (
        User.objects.select_for_update(of=("self",))
        .select_related("wave")
        .get(pk=invitation.user_id)
    )
    if user.status != User.Status.INVITED or not user.is_active:
        return
    if user.wave is not None and not user.wave.has_started:
        return  # The wave's own invitation arrives on its date.
    since = clock.now() - timedelta(days=1)
    recent = Invitation.objects.filter(
        user=user, kind=Invitation.Kind.REQUESTED, created_at__gte=since
    ).count()
    if recent >= REQUESTS_PER_DAY:
        logger.info("invitation.request_new: limit reached for user %s", user.pk)
        return
    fresh = _invite(user=user, invited_by=None, wave=None, kind=Invitation.Kind.REQUESTED)
    audit_record(actor=None, action="invitation.request_new", obj=fresh)


# --- Sending


def invitation_mail_send(invitation: Invitation) -> None:
    """Write the invitation e-mail in the person's own language and send it."""
    user = invitation.user
    org = Organisation.current()
    with translation.override(user.language or settings.LANGUAGE_CODE):
        wave = user.wave
        context = {
            "person": user,
            "invitation": invitation,
            "organisation": org,
            "link": invitation_url(invitation),
            "expires": formats.date_format(
                timezone.localtime(invitation.expires_at), "DATETIME_FORMAT"
            ),
            "starts": when_wave_starts(wave) if wave and not wave.has_started else "",
        }
        subject = render_to_string("account/email/invitation_subject.txt", context)
        body = render_to_string("account/email/invitation_message.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]).send()


def invitation_claim(invitation: Invitation) -> bool:
    """Mark the invitation as sent if nobody else did: True means this caller sends it."""
    now = clock.now()
    claimed = Invitation.objects.filter(
        pk=invitation.pk, sent_at__isnull=True, used_at__isnull=True, revoked_at__isnull=True
    ).update(sent_at=now)
    if claimed == 1:
        invitation.sent_at = now
    return claimed == 1


def invitation_deliver(invitation: Invitation) -> None:
    """Send a claimed invitation; if the mail fails, give the claim back so a retry sends it."""
    try:
        invitation_mail_send(invitation)
    except Exception:
        Invitation.objects.filter(pk=invitation.pk, sent_at=invitation.sent_at).update(sent_at=None)
        raise


def invitation_send(*, invitation_id: int) -> bool:
    """Send one invitation exactly once; True when this call sent it."""
    invitation = (
        Invitation.objects.select_related("user", "user__wave").filter(pk=invitation_id).first()
    )
    if (
        invitation is None
        or invitation.sent_at is not None
        or invitation.used_at is not None
        or invitation.revoked_at is not None
        or invitation.user.status != User.Status.INVITED
        or not invitation.user.is_active
    ):
        return False
    if not invitation_claim(invitation):
        return False
    invitation_deliver(invitation)
    return True


# --- Inviting new people from the console


def person_invite(
    *,
    actor: User,
    email: str,
    display_name: str,
    unit: OrgUnit | None,
    job_title: str = "",
    role: str = User.Role.MEMBER,
    wave: RolloutWave | None = None,
    language: str = "nl",
) -> User:
    """Add a person and invite them: now, or on their wave's date if it lies ahead."""
    permissions.check_administer(actor)
    with transaction.atomic():
        if not display_name.strip():
            raise ValidationError({"display_name": _("Give the person's name.")})
        person = person_create(
            actor=actor,
            email=email,
            display_name=display_name,
            job_title=job_title,
            unit=unit,
            role=role,
            wave=wave,
            language=language,
            status=User.Status.INVITED,
        )
        if wave is None or wave.has_started:
            invitation_create(actor=actor, user=person, wave=wave)
    return person


@dataclass(frozen=True)
class InviteLine:
    line: int
    email: str
    display_name: str


def name_from_email(email: str) -> str:
    """A readable name from an address such as jan.van.dijk@…: "Jan van Dijk"."""
    words = [w for w in re.split(r"[._\-+]+", email.split("@", 1)[0]) if w]
    parts = [
        w.lower() if i and w.lower() in _NAME_PARTICLES else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    ]
    return " ".join(parts) or email


def invite_lines_parse(text: str) -> list[InviteLine]:
    """Read pasted lines ("Name <e-mail>" or "e-mail"); raise every problem at once, by line.

    Errors are raised under the key "lines", the argument of people_invite_bulk."""
    errors: list[tuple[int, str]] = []
    people: list[InviteLine] = []
    seen: dict[str, int] = {}
    lines = [(n, raw.strip()) for n, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    if not lines:
        raise ValidationError({"lines": _("Paste at least one e-mail address, one per line.")})
    if len(lines) > MAX_BULK_LINES:
        raise ValidationError(
            {
                "lines": _("Paste at most %(max)d lines; use the employee import for more.")
                % {"max": MAX_BULK_LINES}
            }
        )
    for number, line in lines:
        match = _NAMED_ADDRESS.match(line)
        name, email = (match["name"].strip(" \"'"), match["email"]) if match else ("", line)
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                (
                    number,
                    _("Line %(line)d: “%(text)s” is not a valid e-mail address.")
                    % {"line": number, "text": line},
                )
            )
            continue
        if email in seen:
            errors.append(
                (
                    number,
                    _("Line %(line)d: %(email)s appears twice in the list (also line %(first)d).")
                    % {"line": number, "email": email, "first": seen[email]},
                )
            )
            continue
        seen[email] = number
        people.append(InviteLine(number, email, name or name_from_email(email)))
    existing = {
        email.lower()
        for email in User.objects.alias(email_lower=Lower("email"))
        .filter(email_lower__in=list(seen))
        .values_list("email", flat=True)
    }
    for person in people:
        if person.email in existing:
            errors.append(
                (
                    person.line,
                    _("Line %(line)d: someone with the e-mail address %(email)s already exists.")
                    % {"line": person.line, "email": person.email},
                )
            )
    if errors:
        raise ValidationError({"lines": [message for _line, message in sorted(errors)]})
    return people


def people_invite_bulk(
    *, actor: User, lines: str, unit: OrgUnit | None, wave: RolloutWave | None
) -> list[User]:
    """Add and invite everyone in the pasted list, all or nothing."""
    permissions.check_administer(actor)
    people = invite_lines_parse(lines)
    with transaction.atomic():
        return [
            person_invite(
                actor=actor,
                email=person.email,
                display_name=person.display_name,
                unit=unit,
                wave=wave,
            )
            for person in people
        ]


# --- Reads for the console


def invitation_list(*, actor: object, state: str = "") -> QuerySet[Invitation]:
    """Invitations, newest first, optionally in one state (pending, used, expired, revoked)."""
    if not permissions.can_administer(actor):
        return Invitation.objects.none()
    invitations = Invitation.objects.select_related(
        "user", "user__primary_unit", "wave", "invited_by"
    )
    now = clock.now()
    open_ = Q(used_at__isnull=True, revoked_at__isnull=True)
    if state == Invitation.State.PENDING:
        invitations = invitations.filter(open_, expires_at__gt=now)
    elif state == Invitation.State.EXPIRED:
        invitations = invitations.filter(open_, expires_at__lte=now)
    elif state == Invitation.State.USED:
        invitations = invitations.filter(used_at__isnull=False)
    elif state == Invitation.State.REVOKED:
        invitations = invitations.filter(used_at__isnull=True, revoked_at__isnull=False)
    return invitations.order_by("-created_at", "-pk")


def invitation_get(*, actor: object, pk: int) -> Invitation:
    invitation = invitation_list(actor=actor).filter(pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation
