"""Writes for people: create, update, move between units, roles, deactivation."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts import permissions
from kring.accounts.models import RolloutWave, UnitAssignment, User
from kring.accounts.signals import people_placed
from kring.common import clock
from kring.common.audit import audit_record
from kring.org.models import OrgUnit


def _assign_unit(user: User, unit: OrgUnit | None) -> None:
    """Close the open unit period and open a new one, so history stays consistent."""
    now = clock.now()
    UnitAssignment.objects.filter(user=user, ended_at__isnull=True).update(ended_at=now)
    if unit is not None:
        UnitAssignment.objects.create(user=user, unit=unit, started_at=now)


@transaction.atomic
def person_create(
    *,
    actor: User | None,
    email: str,
    display_name: str,
    job_title: str = "",
    unit: OrgUnit | None = None,
    role: str = User.Role.MEMBER,
    wave: RolloutWave | None = None,
    line_manager: User | None = None,
    language: str = "nl",
    password: str | None = None,
    status: str = User.Status.INVITED,
    source: str = User.Source.MANUAL,
    audit: bool = True,
) -> User:
    email = User.objects.normalize_email(email.strip()).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Someone with this e-mail address already exists.")})
    user = User(
        email=email,
        display_name=display_name.strip(),
        job_title=job_title.strip(),
        primary_unit=unit,
        role=role,
        wave=wave,
        line_manager=line_manager,
        language=language,
        status=status,
        source=source,
    )
    if status == User.Status.ACTIVE:
        user.activated_at = clock.now()
    user.set_password(password) if password else user.set_unusable_password()
    user.full_clean()
    user.save()
    _assign_unit(user, unit)
    if audit:
        audit_record(actor=actor, action="person.create", obj=user, changes={"email": email})
    people_placed.send(sender=User, user_ids=[user.pk])
    return user


TRACKED_FIELDS = ("display_name", "job_title", "primary_unit", "line_manager", "wave", "language")


def _manages_indirectly(person: User, manager: User) -> bool:
    """Whether `person` is somewhere above `manager` in the line of managers."""
    seen: set[int] = set()
    current: int | None = manager.line_manager_id
    while current is not None and current not in seen:
        if current == person.pk:
            return True
        seen.add(current)
        current = User.objects.filter(pk=current).values_list("line_manager_id", flat=True).first()
    return False


@transaction.atomic
def person_update(
    *,
    actor: User | None,
    person: User,
    audit: bool = True,
    extra_units: list[OrgUnit] | None = None,
    **values: Any,
) -> User:
    """Change a person's details; a new primary unit closes the old unit period."""
    unknown = set(values) - set(TRACKED_FIELDS)
    if unknown:
        raise TypeError(f"person_update does not change {sorted(unknown)}")
    manager = values.get("line_manager")
    if (
        isinstance(manager, User)
        and manager.pk != person.pk
        and _manages_indirectly(person, manager)
    ):
        message = _("This person already manages this manager (directly or indirectly).")
        raise ValidationError({"line_manager": message})
    before = {
        f: getattr(person, f"{f}_id" if f in ("primary_unit", "line_manager", "wave") else f)
        for f in values
    }
    for field, value in values.items():
        setattr(person, field, value)
    if person.line_manager_id is not None and person.line_manager_id == person.pk:
        raise ValidationError({"line_manager": _("A person cannot be their own manager.")})
    person.full_clean()
    person.save()
    after = {
        f: getattr(person, f"{f}_id" if f in ("primary_unit", "line_manager", "wave") else f)
        for f in values
    }
    changes = {f: [before[f], after[f]] for f in values if before[f] != after[f]}
    if "primary_unit" in changes:
        _assign_unit(person, person.primary_unit)
    if extra_units is not None:
        # The primary unit is never an extra unit as well.
        new_ids = sorted({u.pk for u in extra_units} - {person.primary_unit_id})
        old_ids = sorted(person.extra_units.values_list("pk", flat=True))
        if new_ids != old_ids:
            person.extra_units.set(new_ids)
            changes["extra_units"] = [old_ids, new_ids]
    if changes and audit:
        audit_record(actor=actor, action="person.update", obj=person, changes=changes)
    if "primary_unit" in changes or "extra_units" in changes:
        people_placed.send(sender=User, user_ids=[person.pk])
    return person


@transaction.atomic
def person_change_role(*, actor: User, person: User, role: str) -> User:
    permissions.check_change_role(actor, person, role)
    if role not in User.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    if person.role == role:
        return person
    old = person.role
    person.role = role
    person.is_staff = role == User.Role.ADMIN
    person.save(update_fields=["role", "is_staff"])
    audit_record(actor=actor, action="person.role", obj=person, changes={"role": [old, role]})
    return person


@transaction.atomic
def person_deactivate(*, actor: User | None, person: User, audit: bool = True) -> User:
    """A leaver: cannot log in any more; their content stays, shown as a former colleague."""
    if actor is not None and actor.pk == person.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if person.status == User.Status.DEACTIVATED:
        return person
    person.status = User.Status.DEACTIVATED
    person.is_active = False
    person.deactivated_at = clock.now()
    person.save(update_fields=["status", "is_active", "deactivated_at"])
    person.invitations.filter(used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=clock.now()
    )
    if audit:
        audit_record(actor=actor, action="person.deactivate", obj=person)
    people_placed.send(sender=User, user_ids=[person.pk])
    return person


@transaction.atomic
def person_reactivate(*, actor: User | None, person: User, audit: bool = True) -> User:
    if person.status != User.Status.DEACTIVATED:
        return person
    person.status = User.Status.ACTIVE if person.activated_at else User.Status.INVITED
    person.is_active = True
    person.deactivated_at = None
    person.save(update_fields=["status", "is_active", "deactivated_at"])
    if audit:
        audit_record(actor=actor, action="person.reactivate", obj=person)
    people_placed.send(sender=User, user_ids=[person.pk])
    return person
