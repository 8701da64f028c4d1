"""The audit log: every administrative action, filtered, paginated and exportable as CSV."""

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from kring.accounts import selectors
from kring.accounts.models import User
from kring.admin_console.forms import AuditFilterForm, action_label, object_type_label
from kring.admin_console.views.base import console_view
from kring.common import clock
from kring.common.htmx import render_page_or_partial
from kring.common.models import AuditEntry
from kring.org.models import OrgUnit

PAGE_SIZE = 50
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@console_view
@require_http_methods(["GET"])
def audit(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None, actor=request.user)
    form.is_valid()
    entries = selectors.audit_list(actor=request.user, **form.filters())
    if request.GET.get("format") == "csv":
        return _csv_response(entries)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    names = reference_names(request.user, list(page.object_list))
    rows = [
        {
            "entry": entry,
            "action": action_label(entry.action),
            "object_type": object_type_label(entry.object_type),
            "url": _object_url(entry),
            "changes": describe_changes(entry.changes, names),
        }
        for entry in page.object_list
    ]
    context = {"form": form, "page": page, "rows": rows}
    return render_page_or_partial(request, "admin_console/audit/list.html", context, "results")


def _object_url(entry: AuditEntry) -> str:
    if not entry.object_id.isdigit():
        return ""
    if entry.object_type == "accounts.user":
        return reverse("admin_console:person", args=[int(entry.object_id)])
    if entry.object_type == "org.orgunit" and entry.action != "unit.delete":
        return reverse("admin_console:unit_edit", args=[int(entry.object_id)])
    return ""


# Which ids in `changes` name which kind of thing.
UNIT_KEYS = frozenset({"primary_unit", "extra_units", "parent", "unit"})
PERSON_KEYS = frozenset({"line_manager", "manager"})
WAVE_KEYS = frozenset({"wave"})
FIELD_LABELS: dict[str, Any] = {
    "display_name": gettext_lazy("Name"),
    "job_title": gettext_lazy("Job title"),
    "primary_unit": gettext_lazy("Unit"),
    "extra_units": gettext_lazy("Extra units"),
    "line_manager": gettext_lazy("Line manager"),
    "manager": gettext_lazy("Manager"),
    "wave": gettext_lazy("Rollout wave"),
    "language": gettext_lazy("Language"),
    "role": gettext_lazy("Role"),
    "email": gettext_lazy("E-mail"),
    "name": gettext_lazy("Name"),
    "kind": gettext_lazy("Type"),
    "location": gettext_lazy("Location"),
    "parent": gettext_lazy("Part of"),
    "brand_colour": gettext_lazy("Brand colour"),
    "require_admin_mfa": gettext_lazy("Administrators must use two-factor authentication"),
    "invitation_valid_days": gettext_lazy("Invitation links are valid for (days)"),
    "logo": gettext_lazy("Logo"),
    "starts_at": gettext_lazy("Starts at"),
}

CHOICE_LABELS: dict[str, dict[str, Any]] = {
    "role": dict(User.Role.choices),
    "status": dict(User.Status.choices),
    "kind": dict(OrgUnit.Kind.choices),
}


def _ids(value: object) -> Iterator[int]:
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _ids(item)


def reference_names(actor: object, entries: list[AuditEntry]) -> selectors.ReferenceNames:
    wanted: dict[frozenset[str], set[int]] = {
        UNIT_KEYS: set(),
        PERSON_KEYS: set(),
        WAVE_KEYS: set(),
    }
    for entry in entries:
        for key, value in entry.changes.items():
            for keys, ids in wanted.items():
                if key in keys:
                    ids.update(_ids(value))
    return selectors.audit_reference_names(
        actor=actor,
        unit_ids=wanted[UNIT_KEYS],
        person_ids=wanted[PERSON_KEYS],
        wave_ids=wanted[WAVE_KEYS],
    )


def _show(key: str, value: object, names: selectors.ReferenceNames) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(_show(key, item, names) for item in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        for keys, known in ((UNIT_KEYS, names.units), (PERSON_KEYS, names.people),
                            (WAVE_KEYS, names.waves)):  # fmt: skip
            if key in keys:
                return known.get(value, _("#%(id)s (deleted)") % {"id": value})
    if isinstance(value, str) and key in CHOICE_LABELS:
        return str(CHOICE_LABELS[key].get(value, value))
    if isinstance(value, str) and "T" in value:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    return str(value)


def describe_changes(changes: dict[str, Any], names: selectors.ReferenceNames) -> list[str]:
    """ "Field: before → after" lines, with names for the ids of units, people and waves."""
    lines = []
    for key, value in sorted(changes.items()):
        label = FIELD_LABELS.get(key, key)
        if isinstance(value, list) and len(value) == 2:
            before, after = (_show(key, v, names) for v in value)
            lines.append(f"{label}: {before} → {after}")
        else:
            lines.append(f"{label}: {_show(key, value, names)}")
    return lines


def _cell(value: object) -> str:
    """A spreadsheet must show a cell's text, never run it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_response(entries: QuerySet[AuditEntry]) -> HttpResponse:
    """The filtered entries as CSV (UTF-8 with a BOM, so spreadsheet programs read it right)."""
    stamp = timezone.localtime(clock.now()).strftime("%Y%m%d-%H%M")
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="audit-log-{stamp}.csv"'},
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [_("Date and time"), _("Action"), _("Done by"), _("E-mail"), _("Object type"),
         _("Object id"), _("Object"), _("Changes")]
    )  # fmt: skip
    for entry in entries.iterator(chunk_size=500):
        who = entry.actor
        changes = json.dumps(entry.changes, ensure_ascii=False, sort_keys=True)
        writer.writerow(
            _cell(value)
            for value in (
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                action_label(entry.action),
                who.display_name if who else _("System"),
                who.email if who else "",
                entry.object_type,
                entry.object_id,
                entry.object_repr,
                changes if entry.changes else "",
            )
        )
    return response
