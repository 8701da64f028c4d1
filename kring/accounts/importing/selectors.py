"""Reads for employee imports: the console's list and detail, and the example file."""

import csv
import io

from django.db.models import IntegerField, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404

from kring.accounts import permissions
from kring.accounts.importing.csvfile import COLUMNS
from kring.accounts.models import EmployeeImport, RolloutWave, User
from kring.org.models import OrgUnit


def _count(name: str) -> Cast:
    return Cast(KT(f"plan__counts__{name}"), IntegerField())


def employee_import_list(*, actor: User) -> QuerySet[EmployeeImport]:
    """Earlier imports, newest first, with their counts but without the (large) file and plan."""
    if not permissions.can_administer(actor):
        return EmployeeImport.objects.none()
    return (
        EmployeeImport.objects.select_related("uploaded_by", "applied_by")
        .defer("content", "plan")
        .annotate(
            to_create=_count("create"),
            to_update=_count("update"),
            to_deactivate=_count("deactivate"),
            problem_count=_count("errors"),
        )
    )


def employee_import_get(*, actor: User, pk: int) -> EmployeeImport:
    """One import for an administrator; a 404 for anyone else, as for a missing one."""
    if not permissions.can_administer(actor):
        return get_object_or_404(EmployeeImport.objects.none())
    return get_object_or_404(
        EmployeeImport.objects.select_related("uploaded_by", "applied_by"), pk=pk
    )


def employee_import_example() -> str:
    """An example file with this organisation's own units and wave, so it imports as it is.

    Semicolons and a BOM: Excel in Dutch opens that as columns, and the import reads it back.
    """
    schools = list(OrgUnit.objects.filter(depth=2).order_by("path")[:2])
    units = [unit.path_names for unit in schools] or [
        "Stichting De Kring / De Regenboog",
        "Stichting De Kring / Het Anker",
    ]
    wave = RolloutWave.objects.order_by("starts_at", "pk").values_list("name", flat=True).first()
    rows = [
        ["Sanne de Vries", "sanne.devries@example.org", units[0], "Directeur", wave or "", ""],
        [
            "Jeroen Bakker",
            "jeroen.bakker@example.org",
            units[0],
            "Leerkracht groep 5",
            wave or "",
            "sanne.devries@example.org",
        ],
        ["Fatima el Amrani", "fatima.elamrani@example.org", units[-1], "Intern begeleider", "", ""],
    ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()
