"""Spaces follow the organisation: people and units change, memberships change with them."""

from typing import Any

from django.dispatch import receiver

from kring.accounts.models import User
from kring.accounts.signals import people_placed
from kring.common import clock
from kring.org.models import OrgUnit
from kring.org.signals import unit_changed
from kring.spaces.models import Membership, Space
from kring.spaces.services.structure import structure_ensure, structure_sync, unit_space


@receiver(people_placed)
def follow_people(sender: Any, user_ids: list[int], **kwargs: Any) -> None:
    structure_sync(user_ids=user_ids)


@receiver(unit_changed)
def follow_unit(sender: Any, unit: OrgUnit, change: str, **kwargs: Any) -> None:
    if change == "deleted":
        # The unit is gone; its space stays readable, archived, for its history.
        now = clock.now()
        Space.objects.filter(unit=unit).update(unit=None, archived_at=now, updated_at=now)
        return
    unit_space(unit)
    # Who sits in a unit's space depends on the units below it, and on the unit's manager.
    below = OrgUnit.objects.filter(path__startswith=unit.path)
    affected = User.objects.filter(primary_unit__in=below).values_list("pk", flat=True)
    extra = User.extra_units.through.objects.filter(orgunit__in=below).values_list(
        "user_id", flat=True
    )
    ids = {*affected, *extra}
    if unit.manager_id:
        ids.add(unit.manager_id)
    # A former manager who works elsewhere stops managing the space.
    ids |= set(
        Membership.objects.filter(
            space__unit=unit, role=Membership.Role.MANAGER, source=Membership.Source.STRUCTURE
        ).values_list("user_id", flat=True)
    )
    if ids:
        structure_sync(user_ids=ids)


def spaces_before_launch(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """An installation that had units before spaces existed gets its spaces on migrate."""
    if (
        OrgUnit.objects.using(using).exists()
        and not Space.objects.using(using).filter(kind=Space.Kind.NEWS).exists()
    ):
        structure_ensure()
