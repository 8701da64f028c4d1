"""External guests: a partner or a family member, invited by e-mail into one community."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.invitations import guest_invitation_create, name_from_email
from kring.accounts.services.people import person_create
from kring.common import clock
from kring.common.audit import audit_record
from kring.spaces import permissions
from kring.spaces.models import Membership, Space
from kring.spaces.services.counts import member_count_refresh


@transaction.atomic
def guest_invite(
    *, actor: User, space: Space, email: str, name: str = "", expires_at: datetime
) -> Membership:
    """Invite someone from outside into this space only, until `expires_at`."""
    permissions.check_invite_guests(actor, space)
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from error
    if expires_at <= clock.now():
        raise ValidationError({"expires_at": _("Choose an end date in the future.")})
    guest = User.objects.filter(email__iexact=email).first()
    if guest is not None and guest.role != User.Role.GUEST:
        raise ValidationError(
            {
                "email": _("%(name)s works here: invite them as a colleague instead.")
                % {"name": guest}
            }
        )
    if guest is not None and (guest.status == User.Status.DEACTIVATED or not guest.is_active):
        raise ValidationError({"email": _("This guest's account has been switched off.")})
    if guest is None:
        guest = person_create(
            actor=actor,
            email=email,
            display_name=name.strip() or name_from_email(email),
            role=User.Role.GUEST,
            status=User.Status.INVITED,
            audit=False,
        )
    m = Membership.objects.select_for_update().filter(space=space, user=guest).first()
    if m is not None and m.is_current():
        raise ValidationError({"email": _("%(name)s is already a guest here.") % {"name": guest}})
    now = clock.now()
    m = m or Membership(space=space, user=guest)
    m.role, m.state, m.source = (
        Membership.Role.GUEST,
        Membership.State.ACTIVE,
        Membership.Source.MANUAL,
    )
    m.invited_by, m.created_at, m.joined_at, m.expires_at = actor, now, now, expires_at
    m.save()
    if guest.status == User.Status.INVITED:
        guest_invitation_create(invited_by=actor, user=guest, space_name=space.name)
    else:
        _notify_existing_guest(m.pk)
    permissions.forget_membership(guest, space)
    member_count_refresh([space.pk])
    audit_record(
        actor=actor, action="space.guest_invite", obj=space,
        changes={"email": email, "until": expires_at.isoformat()},
    )  # fmt: skip
    return m


def _notify_existing_guest(membership_id: int) -> None:
    def enqueue() -> None:
        from kring.spaces.tasks import notify_invited

        notify_invited.enqueue(membership_id)

    transaction.on_commit(enqueue)


@transaction.atomic
def guest_access_change(
    *, actor: User, space: Space, guest: User, expires_at: datetime
) -> Membership:
    """Extend or shorten a guest's access to this space."""
    permissions.check_invite_guests(actor, space)
    m = (
        Membership.objects.select_for_update()
        .filter(space=space, user=guest, role=Membership.Role.GUEST)
        .first()
    )
    if m is None:
        raise ValidationError(_("%(name)s is not a guest of this space.") % {"name": guest})
    old = m.expires_at
    m.expires_at = expires_at
    m.save(update_fields=["expires_at"])
    permissions.forget_membership(guest, space)
    audit_record(
        actor=actor,
        action="space.guest_access",
        obj=space,
        changes={
            "user": guest.pk,
            "until": [old.isoformat() if old else None, expires_at.isoformat()],
        },
    )
    return m
