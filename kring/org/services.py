"""Writes for the organisation tree. Every change is audited in its own transaction."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from kring.common.audit import audit_record
from kring.org.models import OrgUnit
from kring.org.signals import unit_changed


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("A unit needs a name.")})
    if "/" in name:
        raise ValidationError({"name": _('A unit name cannot contain "/".')})
    return name


@transaction.atomic
def unit_create(
    *,
    actor: AbstractBaseUser | None,
    name: str,
    kind: str,
    parent: OrgUnit | None = None,
    location: str = "",
    manager_id: int | None = None,
    audit: bool = True,
) -> OrgUnit:
    name = _clean_name(name)
    siblings = OrgUnit.objects.get_children(parent) if parent else OrgUnit.objects.get_root_nodes()
    if siblings.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("There is already a unit with this name here.")})
    fields = {"name": name, "kind": kind, "location": location.strip(), "manager_id": manager_id}
    OrgUnit(**fields).full_clean(exclude=["path", "depth", "numchild"])
    unit = OrgUnit.objects.add_child(parent, fields) if parent else OrgUnit.objects.add_root(fields)
    if audit:
        audit_record(
            actor=actor,
            action="unit.create",
            obj=unit,
            changes={"parent": parent.pk if parent else None},
        )
    unit_changed.send(sender=OrgUnit, unit=unit, change="created")
    return unit


@transaction.atomic
def unit_update(
    *,
    actor: AbstractBaseUser | None,
    unit: OrgUnit,
    name: str,
    kind: str,
    location: str = "",
    manager_id: int | None = None,
) -> OrgUnit:
    name = _clean_name(name)
    parent = OrgUnit.objects.get_parent(unit, update=True)
    siblings = OrgUnit.objects.get_children(parent) if parent else OrgUnit.objects.get_root_nodes()
    if siblings.filter(name__iexact=name).exclude(pk=unit.pk).exists():
        raise ValidationError({"name": _("There is already a unit with this name here.")})
    before = {
        "name": unit.name,
        "kind": unit.kind,
        "location": unit.location,
        "manager": unit.manager_id,
    }
    unit.name, unit.kind, unit.location, unit.manager_id = name, kind, location.strip(), manager_id
    unit.full_clean(exclude=["path", "depth", "numchild"])
    unit.save()
    after = {
        "name": unit.name,
        "kind": unit.kind,
        "location": unit.location,
        "manager": unit.manager_id,
    }
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changes:
        audit_record(actor=actor, action="unit.update", obj=unit, changes=changes)
        unit_changed.send(sender=OrgUnit, unit=unit, change="updated")
    return unit


@transaction.atomic
def unit_move(*, actor: AbstractBaseUser | None, unit: OrgUnit, new_parent: OrgUnit) -> OrgUnit:
    """Move a unit (with its subtree) under another parent; people keep their unit."""
    unit.refresh_from_db()
    new_parent.refresh_from_db()
    if new_parent.pk == unit.pk or new_parent.is_descendant_of(unit):
        raise ValidationError(_("A unit cannot be moved under itself or one of its sub-units."))
    old_parent = OrgUnit.objects.get_parent(unit, update=True)
    if old_parent is not None and old_parent.pk == new_parent.pk:
        return unit  # Already there: nothing to move, nothing to audit.
    if OrgUnit.objects.get_children(new_parent).filter(name__iexact=unit.name).exists():
        raise ValidationError(_("There is already a unit with this name here."))
    OrgUnit.objects.move(unit, new_parent, pos="sorted-child")
    audit_record(
        actor=actor, action="unit.move", obj=unit,
        changes={"parent": [old_parent.pk if old_parent else None, new_parent.pk]},
    )  # fmt: skip
    unit.refresh_from_db()
    unit_changed.send(sender=OrgUnit, unit=unit, change="moved")
    return unit


@transaction.atomic
def unit_delete(*, actor: AbstractBaseUser | None, unit: OrgUnit) -> None:
    """Delete an empty unit; a unit with sub-units or people is refused, never orphaned."""
    if OrgUnit.objects.get_children_count(unit):
        raise ValidationError(_("Move or delete the sub-units first."))
    if unit.people.exists() or unit.extra_people.exists():
        raise ValidationError(_("Move the people of this unit to another unit first."))
    audit_record(actor=actor, action="unit.delete", obj=unit)
    unit_changed.send(sender=OrgUnit, unit=unit, change="deleted")
    try:
        unit.delete()
    except (ProtectedError, RestrictedError) as exc:
        # Unit history (people who worked here before) and later content keep the unit alive.
        raise ValidationError(
            _(
                "This unit cannot be deleted: the unit history of people who worked here still "
                "refers to it. Rename or move it instead."
            )
        ) from exc


def unit_by_path(path: str) -> OrgUnit | None:
    """Find a unit by "Parent / Child" names (case-insensitive), as import files write it."""
    names = [n.strip() for n in path.split("/") if n.strip()]
    if not names:
        return None
    candidates = OrgUnit.objects.filter(name__iexact=names[-1], depth__gte=len(names))
    for unit in candidates:
        chain = [u.name.lower() for u in [*OrgUnit.objects.get_ancestors(unit), unit]]
        if chain[-len(names) :] == [n.lower() for n in names]:
            return unit
    return None
