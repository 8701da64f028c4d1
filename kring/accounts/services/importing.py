"""Employee import: upload a CSV (stored with its dry run), then apply it all-or-nothing.

Applying re-plans against the database as it is then, and writes through the people services,
so every rule for people (unit history, invitations revoked on deactivation) holds for imports
too. The per-person services run with audit=False: one "import.apply" entry with the counts
points at the EmployeeImport, whose stored plan lists every row's changes. That keeps a
10,000-person import from burying the audit log under 10,000 entries without losing detail.
"""

import hashlib
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kring.accounts import permissions
from kring.accounts.importing import csvfile
from kring.accounts.importing import plan as planning
from kring.accounts.importing.plan import NO_CHANGE, ImportPlan, Target, Work
from kring.accounts.models import EmployeeImport, RolloutWave, User
from kring.accounts.services import people
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
    limit = settings.KRING["IMPORT_MAX_BYTES"]
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


def _write(actor: User | None, work: Work) -> None:
    """Creates (managers first), then updates, then deactivations. The caller's transaction."""
    targets = [*work.creates, *work.updates]
    unit_ids = {t.values["primary_unit"] for t in targets if "primary_unit" in t.values}
    units = OrgUnit.objects.in_bulk(unit_ids)
    waves = RolloutWave.objects.in_bulk()
    manager_ids = {
        work.ids_by_email[t.manager_email]
        for t in targets
        if isinstance(t.manager_email, str) and t.manager_email in work.ids_by_email
    }
    person_ids = {t.user_id for t in work.updates if t.user_id is not None}
    leaver_ids = {leaver.id for leaver in work.plan.deactivate}
    existing = User.objects.in_bulk(person_ids | leaver_ids | manager_ids)
    created: dict[str, User] = {}

    def manager(target: Target) -> User | None:
        email = target.manager_email
        if not isinstance(email, str):
            return None
        return created.get(email) or existing[work.ids_by_email[email]]

    def objects(values: dict[str, Any]) -> dict[str, Any]:
        result = dict(values)
        if "primary_unit" in result:
            result["primary_unit"] = units[result["primary_unit"]]
        if "wave" in result:
            result["wave"] = waves.get(result["wave"] or 0)
        return result

    for target in work.creates:
        values = objects(target.values)
        with _on_line(target.line):
            created[target.email] = people.person_create(
                actor=actor,
                email=target.email,
                display_name=values["display_name"],
                job_title=values["job_title"],
                unit=values["primary_unit"],
                wave=values["wave"],
                line_manager=manager(target),
                status=User.Status.INVITED,
                source=User.Source.IMPORT,
                audit=False,
            )
    for target in work.updates:
        assert target.user_id is not None
        person = existing[target.user_id]
        values = objects(target.values)
        if target.manager_email is not NO_CHANGE:
            values["line_manager"] = manager(target)
        with _on_line(target.line):
            if target.reactivate:
                people.person_reactivate(actor=actor, person=person, audit=False)
            if values:
                people.person_update(actor=actor, person=person, audit=False, **values)
    for leaver in work.plan.deactivate:
        people.person_deactivate(actor=actor, person=existing[leaver.id], audit=False)


@contextmanager
def _on_line(line: int) -> Iterator[None]:
    """Say which line a person service refused (e.g. someone added the address meanwhile)."""
    try:
        yield
    except ValidationError as error:
        raise ValidationError(
            _("Line %(line)s: %(error)s"),
            code="row",
            params={"line": line, "error": " ".join(error.messages)},
        ) from error
