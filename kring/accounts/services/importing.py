"""Employee import: upload a CSV (stored with its dry run), then apply it all-or-nothing.

Applying re-plans against the database as it is then and writes in bulk, with the same rules
as the per-person services (unit history, invitations revoked on deactivation). There is one
"import.apply" audit entry with the counts, pointing at the EmployeeImport whose stored plan
lists every row's changes: a 10,000-person import does not bury the audit log under 10,000
entries, and no detail is lost.
"""

import hashlib
import posixpath
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kring.accounts import permissions
from kring.accounts.importing import csvfile
from kring.accounts.importing import plan as planning
from kring.accounts.importing.plan import Target, Work
from kring.accounts.importing.result import ImportPlan
from kring.accounts.models import EmployeeImport, Invitation, RolloutWave, UnitAssignment, User
from kring.accounts.services.rollout import waves_tick
from kring.accounts.signals import people_placed
from kring.common import clock
from kring.common.audit import audit_record
from kring.org.models import OrgUnit

__all__ = [
    "ImportPlan",
    "employee_import_apply",
    "employee_import_plan",
    "employee_import_upload",
]


def _check_actor(actor: User | None) -> None:
    # None is the command line without --actor: whoever runs manage.py owns the server.
    if actor is not None and not permissions.can_administer(actor):
        raise PermissionDenied(_("Only administrators can import employees."))


def employee_import_plan(*, content: str, actor: User | None = None) -> ImportPlan:
    """The dry run for a decoded file; file-level problems raise a ValidationError."""
    return planning.build(content, actor_id=actor.pk if actor else None).plan


def employee_import_upload(*, actor: User | None, filename: str, data: bytes) -> EmployeeImport:
    """Check and store an uploaded file with its dry run. Nothing about people changes yet."""
    _check_actor(actor)
    limit: int = settings.KRING["IMPORT_MAX_BYTES"]
    if len(data) > limit:
        raise ValidationError(
            _("The file is too large (at most %(max)s)."),
            code="too_large",
            params={"max": filesizeformat(limit)},
        )
    content = csvfile.decode(data)
    plan = employee_import_plan(content=content, actor=actor)
    name = posixpath.basename(filename.replace("\\", "/")).strip()[:255] or "import.csv"
    with transaction.atomic():
        employee_import = EmployeeImport(
            uploaded_by=actor,
            filename=name,
            content=content,
            sha256=hashlib.sha256(data).hexdigest(),
            plan=plan.to_dict(),
        )
        employee_import.full_clean(exclude=["uploaded_by"])
        employee_import.save()
        audit_record(
            actor=actor,
            action="import.upload",
            obj=employee_import,
            changes={"filename": name, **plan.counts},
        )
    return employee_import


class _PlanHasErrors(Exception):
    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan


def employee_import_apply(*, actor: User | None, employee_import: EmployeeImport) -> ImportPlan:
    """Re-plan against today's database and apply it in one transaction, or change nothing."""
    _check_actor(actor)
    try:
        with transaction.atomic():
            locked = EmployeeImport.objects.select_for_update().get(pk=employee_import.pk)
            if locked.applied_at is not None:
                raise ValidationError(_("This import has already been applied."), code="applied")
            work = planning.build(locked.content, actor_id=actor.pk if actor else None)
            if work.plan.has_errors:
                raise _PlanHasErrors(work.plan)
            _write(actor, work)
            plan = work.plan
            locked.plan = plan.to_dict()
            locked.applied_at = clock.now()
            locked.applied_by = actor
            locked.save(update_fields=["plan", "applied_at", "applied_by"])
            # People imported into a wave that has started get their invitation now.
            transaction.on_commit(waves_tick)
            counts = plan.counts
            audit_record(
                actor=actor,
                action="import.apply",
                obj=locked,
                changes={
                    "filename": locked.filename,
                    "sha256": locked.sha256,
                    "created": counts["create"],
                    "updated": counts["update"],
                    "unchanged": counts["unchanged"],
                    "deactivated": counts["deactivate"],
                },
            )
    except _PlanHasErrors as refused:
        # Keep the new problems, so the dry-run page shows why applying was refused.
        EmployeeImport.objects.filter(pk=employee_import.pk).update(plan=refused.plan.to_dict())
        employee_import.plan = refused.plan.to_dict()
        count = len(refused.plan.problems)
        raise ValidationError(
            ngettext(
                "The file has %(count)d problem now. Fix it and upload the file again.",
                "The file has %(count)d problems now. Fix them and upload the file again.",
                count,
            ),
            code="has_errors",
            params={"count": count},
        ) from None
    employee_import.plan = locked.plan
    employee_import.applied_at = locked.applied_at
    employee_import.applied_by = locked.applied_by
    return plan


# Bulk writes: per-person services (person_create & co.) cost about 7 queries and a full_clean()
# each, which measured 170 s for 10,000 new people on SQLite. These functions do what those
# services do, for many people at once (test_importing checks that both give the same rows).
# Keep them in step with kring/accounts/services/people.py.
BATCH_SIZE = 500
# The fields an import row sets from the file; everything else has fixed, valid values.
FILE_FIELDS = ("email", "display_name", "job_title")
NOT_FROM_FILE = [
    f.name for f in User._meta.get_fields() if f.concrete and f.name not in FILE_FIELDS
]
Resolver = Callable[[dict[str, Any]], dict[str, Any]]


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


def _validate(user: User, line: int) -> None:
    # Units, waves and managers were loaded just now and the plan checked that no address is
    # taken, so only the values from the file need the model's checks.
    with _on_line(line):
        user.full_clean(exclude=NOT_FROM_FILE, validate_unique=False, validate_constraints=False)


def _write(actor: User | None, work: Work) -> None:
    """Creates, updates, managers (a second pass), deactivations; in the caller's transaction."""
    targets = [*work.creates, *work.updates]
    unit_ids = {t.values["primary_unit"] for t in targets if "primary_unit" in t.values}
    units = OrgUnit.objects.in_bulk(unit_ids)
    waves = RolloutWave.objects.in_bulk()

    def resolved(values: dict[str, Any]) -> dict[str, Any]:
        result = dict(values)
        if "primary_unit" in result:
            result["primary_unit"] = units[result["primary_unit"]]
        if "wave" in result:
            result["wave"] = waves.get(result["wave"] or 0)
        return result

    now = clock.now()
    created = _create_people(work.creates, resolved, now)
    changes = _update_people(work.updates, resolved, now)
    # Managers in a second pass, once everyone they may point at has an id.
    ids = {**work.ids_by_email, **{email: user.pk for email, user in created.items()}}
    for target in targets:
        if isinstance(target.manager_email, str):
            changes.setdefault(ids[target.email], {})["line_manager_id"] = ids[target.manager_email]
        elif target.manager_email is None and target.user_id is not None:
            changes.setdefault(target.user_id, {})["line_manager_id"] = None
    _save_changes(changes)
    leavers = [leaver.id for leaver in work.plan.deactivate]
    _deactivate_people(leavers, now)
    placed = [u.pk for u in created.values()] + [
        pk for pk, columns in changes.items() if {"primary_unit_id", "status"} & set(columns)
    ]
    # As person_create/update/deactivate do: the spaces that follow the organisation follow.
    people_placed.send(sender=User, user_ids=sorted({*placed, *leavers}))


def _create_people(targets: list[Target], resolved: Resolver, now: datetime) -> dict[str, User]:
    """What person_create(status=INVITED, source=IMPORT) does, for many people."""
    users: dict[str, User] = {}
    for target in targets:
        values = resolved(target.values)
        user = User(
            email=target.email,
            display_name=values["display_name"],
            job_title=values["job_title"],
            primary_unit=values["primary_unit"],
            wave=values["wave"],
            status=User.Status.INVITED,
            source=User.Source.IMPORT,
        )
        # As set_unusable_password(), whose get_random_string() is slow for thousands.
        user.password = UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30)
        _validate(user, target.line)
        users[target.email] = user
    try:
        with transaction.atomic():
            User.objects.bulk_create(users.values(), batch_size=BATCH_SIZE)
    except IntegrityError as error:
        # Someone added one of these addresses after the plan was made.
        taken = set(User.objects.filter(email__in=list(users)).values_list("email", flat=True))
        lines = ", ".join(str(t.line) for t in targets if t.email in taken)
        raise ValidationError(
            _("Line %(line)s: Someone with this e-mail address already exists."),
            code="row",
            params={"line": lines},
        ) from error
    UnitAssignment.objects.bulk_create(
        [UnitAssignment(user=u, unit=u.primary_unit, started_at=now) for u in users.values()],
        batch_size=BATCH_SIZE,
    )
    return users


def _update_people(
    targets: list[Target], resolved: Resolver, now: datetime
) -> dict[int, dict[str, Any]]:
    """What person_update (and person_reactivate) check; returns the columns to write per id."""
    people = User.objects.in_bulk([t.user_id for t in targets if t.user_id is not None])
    changes: dict[int, dict[str, Any]] = {}
    moved: list[User] = []
    for target in targets:
        assert target.user_id is not None
        person = people[target.user_id]
        values = resolved(target.values)
        columns: dict[str, Any] = {}
        for name, value in values.items():
            setattr(person, name, value)
            attname = f"{name}_id" if name in ("primary_unit", "wave") else name
            columns[attname] = getattr(person, attname)
        if "primary_unit" in values:
            moved.append(person)
        if target.reactivate:
            person.status = User.Status.ACTIVE if person.activated_at else User.Status.INVITED
            person.is_active = True
            person.deactivated_at = None
            columns.update(status=person.status, is_active=True, deactivated_at=None)
        _validate(person, target.line)
        changes[person.pk] = columns
    # A new primary unit closes the old unit period and opens a new one (history stays right).
    for batch in _batches([person.pk for person in moved]):
        UnitAssignment.objects.filter(user_id__in=batch, ended_at__isnull=True).update(ended_at=now)
    UnitAssignment.objects.bulk_create(
        [UnitAssignment(user=p, unit=p.primary_unit, started_at=now) for p in moved],
        batch_size=BATCH_SIZE,
    )
    return changes


def _save_changes(changes: dict[int, dict[str, Any]]) -> None:
    """One UPDATE per distinct set of new values: a unit move or a new manager for a whole
    team is one query, and no CASE expression with thousands of branches."""
    groups: dict[tuple[tuple[str, Any], ...], list[int]] = {}
    for pk, columns in changes.items():
        if columns:
            groups.setdefault(tuple(sorted(columns.items())), []).append(pk)
    for columns_key, pks in groups.items():
        for batch in _batches(pks):
            User.objects.filter(pk__in=batch).update(**dict(columns_key))


def _deactivate_people(ids: list[int], now: datetime) -> None:
    """What person_deactivate does, for many leavers: no log-in, open invitations revoked."""
    for batch in _batches(ids):
        User.objects.filter(pk__in=batch).update(
            status=User.Status.DEACTIVATED, is_active=False, deactivated_at=now
        )
        Invitation.objects.filter(
            user_id__in=batch, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)


@contextmanager
def _on_line(line: int) -> Iterator[None]:
    """Say which line the model refused."""
    try:
        yield
    except ValidationError as error:
        raise ValidationError(
            _("Line %(line)s: %(error)s"),
            code="row",
            params={"line": line, "error": " ".join(error.messages)},
        ) from error
