"""Phased rollout: waves of people who get access on the same date.

On a wave's date its invitations go out exactly once: the task creates one invitation per person
(a unique constraint makes a second run create nothing) and claims each one with a conditional
UPDATE before sending, so retries and parallel runs never mail anybody twice.
"""

import logging
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from kring.accounts import permissions
from kring.accounts.models import Invitation, Organisation, RolloutWave, User
from kring.accounts.services.invitations import invitation_claim, invitation_deliver, new_nonce
from kring.common import clock
from kring.common.audit import audit_record

logger = logging.getLogger(__name__)

# A date picked "now" in a form is a few seconds old when it arrives.
PAST_GRACE = timedelta(minutes=5)


def _check_actor(actor: User | None) -> None:
    # No actor means the system itself (demo, import); people must be administrators.
    if actor is not None:
        permissions.check_administer(actor)


def _check_future(starts_at: datetime) -> None:
    if starts_at < clock.now() - PAST_GRACE:
        raise ValidationError({"starts_at": _("Choose a date and time in the future.")})


def _clean_name(name: str, *, exclude_pk: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the wave a name.")})
    same = RolloutWave.objects.filter(name__iexact=name)
    if exclude_pk is not None:
        same = same.exclude(pk=exclude_pk)
    if same.exists():
        raise ValidationError({"name": _("There is already a wave with this name.")})
    return name


def _schedule(wave: RolloutWave) -> None:
    """After commit, queue the wave's invitations for its date (the task itself waits for it)."""
    wave_id, starts_at = wave.pk, wave.starts_at

    def enqueue() -> None:
        # Imported here: the tasks module imports this one to do its work.
        from kring.accounts.tasks import send_wave_invitations

        task = send_wave_invitations
        if task.get_backend().supports_defer and starts_at > clock.now():
            task = task.using(run_after=starts_at)
        task.enqueue(wave_id)

    transaction.on_commit(enqueue)


@transaction.atomic
def wave_create(
    *, actor: User | None, name: str, starts_at: datetime, allow_past: bool = False
) -> RolloutWave:
    """A new wave; `allow_past` is for recreating history (the demo), never for the console."""
    _check_actor(actor)
    name = _clean_name(name)
    if not allow_past:
        _check_future(starts_at)
    wave = RolloutWave(name=name, starts_at=starts_at)
    wave.full_clean()
    wave.save()
    audit_record(
        actor=actor, action="wave.create", obj=wave, changes={"starts_at": starts_at.isoformat()}
    )
    _schedule(wave)
    return wave


@transaction.atomic
def wave_update(
    *, actor: User | None, wave: RolloutWave, name: str, starts_at: datetime
) -> RolloutWave:
    _check_actor(actor)
    wave = RolloutWave.objects.select_for_update().get(pk=wave.pk)
    name = _clean_name(name, exclude_pk=wave.pk)
    moved = starts_at != wave.starts_at
    if moved and wave.invitations_sent_at is not None:
        raise ValidationError(
            {"starts_at": _("This wave's invitations were sent; its date can no longer change.")}
        )
    if moved:
        _check_future(starts_at)
    changes = {}
    if name != wave.name:
        changes["name"] = [wave.name, name]
    if moved:
        changes["starts_at"] = [wave.starts_at.isoformat(), starts_at.isoformat()]
    if not changes:
        return wave
    wave.name = name
    wave.starts_at = starts_at
    wave.full_clean()
    wave.save(update_fields=["name", "starts_at"])
    audit_record(actor=actor, action="wave.update", obj=wave, changes=changes)
    if moved:
        # The task queued for the old date finds the wave not started yet and does nothing.
        _schedule(wave)
    return wave


@transaction.atomic
def wave_delete(*, actor: User | None, wave: RolloutWave) -> None:
    _check_actor(actor)
    wave = RolloutWave.objects.select_for_update().get(pk=wave.pk)
    if wave.invitations_sent_at is not None or wave.invitations.exists():
        raise ValidationError(_("This wave's invitations were sent; it can no longer be deleted."))
    people = wave.people.count()
    audit_record(actor=actor, action="wave.delete", obj=wave, changes={"people": people})
    wave.delete()


# --- Sending a wave's invitations (the task's work)


def _people_without_wave_invitation(wave: RolloutWave) -> QuerySet[User]:
    return User.objects.filter(wave=wave, status=User.Status.INVITED, is_active=True).filter(
        ~Exists(Invitation.objects.filter(user=OuterRef("pk"), wave=wave))
    )


def wave_send_invitations(*, wave_id: int) -> int:
    """Invite everyone of a started wave exactly once; returns how many mails this run sent.

    Runs outside a transaction on purpose: each claim must be visible to a parallel run at once.
    """
    wave = RolloutWave.objects.filter(pk=wave_id).first()
    if wave is None or not wave.has_started:
        return 0
    now = clock.now()
    expires_at = now + timedelta(days=Organisation.current().invitation_valid_days)
    missing = _people_without_wave_invitation(wave).values_list("pk", flat=True)
    Invitation.objects.bulk_create(
        [
            Invitation(
                user_id=pk,
                wave=wave,
                kind=Invitation.Kind.WAVE,
                nonce=new_nonce(),
                created_at=now,
                expires_at=expires_at,
            )
            for pk in missing
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    unsent = (
        Invitation.objects.filter(
            wave=wave,
            sent_at__isnull=True,
            used_at__isnull=True,
            revoked_at__isnull=True,
            user__status=User.Status.INVITED,
            user__is_active=True,
        )
        .select_related("user", "user__wave")
        .order_by("pk")
    )
    sent = failed = 0
    for invitation in unsent:
        if not invitation_claim(invitation):
            continue  # Another run sends this one.
        try:
            invitation_deliver(invitation)
        except Exception:
            logger.exception("Could not send invitation %s of wave %s", invitation.pk, wave.pk)
            failed += 1
        else:
            sent += 1
    if not failed:
        RolloutWave.objects.filter(pk=wave.pk, invitations_sent_at__isnull=True).update(
            invitations_sent_at=clock.now()
        )
    return sent


def waves_due() -> QuerySet[RolloutWave]:
    """Started waves whose invitations are not all out yet: never run, a run was cut short, or
    people joined the wave (by import or by hand) after its invitations went out."""
    late_joiners = User.objects.filter(
        wave=OuterRef("pk"), status=User.Status.INVITED, is_active=True
    ).filter(~Exists(Invitation.objects.filter(user=OuterRef("pk"), wave=OuterRef("wave"))))
    return RolloutWave.objects.filter(starts_at__lte=clock.now()).filter(
        Q(invitations_sent_at__isnull=True) | Exists(late_joiners)
    )


def waves_tick() -> list[int]:
    """Queue the invitations of every wave that is due; safe to run as often as you like."""
    from kring.accounts.tasks import send_wave_invitations

    wave_ids = list(waves_due().order_by("starts_at", "pk").values_list("pk", flat=True))
    for wave_id in wave_ids:
        send_wave_invitations.enqueue(wave_id)
    return wave_ids


# --- Reads for the console


def _count(qs: QuerySet[User] | QuerySet[Invitation]) -> Subquery:
    return Subquery(
        qs.order_by().values("wave").annotate(n=Count("pk")).values("n"),
        output_field=IntegerField(),
    )


def wave_list_with_progress(*, actor: object) -> QuerySet[RolloutWave]:
    """Waves by date with people, invitations sent and people activated, in one query."""
    if not permissions.can_administer(actor):
        return RolloutWave.objects.none()
    people = User.objects.filter(wave=OuterRef("pk"))
    return RolloutWave.objects.annotate(
        people_count=Coalesce(_count(people), 0),
        sent_count=Coalesce(
            _count(Invitation.objects.filter(wave=OuterRef("pk"), sent_at__isnull=False)), 0
        ),
        active_count=Coalesce(_count(people.filter(status=User.Status.ACTIVE)), 0),
    ).order_by("starts_at", "pk")


def wave_get(*, actor: object, pk: int) -> RolloutWave:
    wave = wave_list_with_progress(actor=actor).filter(pk=pk).first()
    if wave is None:
        raise Http404
    return wave
