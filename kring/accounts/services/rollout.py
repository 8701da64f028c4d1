"""Phased rollout: waves of people who get access on the same date."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import RolloutWave, User
from kring.common.audit import audit_record


@transaction.atomic
def wave_create(*, actor: User | None, name: str, starts_at: datetime) -> RolloutWave:
    name = name.strip()
    if RolloutWave.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("There is already a wave with this name.")})
    wave = RolloutWave(name=name, starts_at=starts_at)
    wave.full_clean()
    wave.save()
    audit_record(actor=actor, action="wave.create", obj=wave, changes={"starts_at": starts_at.isoformat()})
    return wave
