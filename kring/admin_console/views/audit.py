"""The audit log: every administrative action, filtered, paginated and exportable as CSV."""

import csv
import json
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kring.accounts import selectors
from kring.admin_console.forms import AuditFilterForm, action_label, object_type_label
from kring.admin_console.views.base import console_view
from kring.common import clock
from kring.common.htmx import render_page_or_partial
from kring.common.models import AuditEntry

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
    rows = [
        {
            "entry": entry,
            "action": action_label(entry.action),
            "object_type": object_type_label(entry.object_type),
            "url": _object_url(entry),
            "changes": describe_changes(entry.changes),
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


def describe_changes(changes: dict[str, Any]) -> list[str]:
    """ "field: before → after" lines; other values as they are."""
    lines = []
    for key, value in sorted(changes.items()):
        if isinstance(value, list) and len(value) == 2:
            before, after = ("—" if v in (None, "") else v for v in value)
            lines.append(f"{key}: {before} → {after}")
        else:
            lines.append(f"{key}: {value}")
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
