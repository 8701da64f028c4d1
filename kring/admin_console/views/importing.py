"""Console pages for the employee import: upload, dry run, apply, example file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kring.accounts.importing.result import ImportPlan
from kring.accounts.importing.selectors import (
    employee_import_example,
    employee_import_get,
    employee_import_list,
)
from kring.accounts.models import User
from kring.accounts.services.importing import employee_import_apply, employee_import_upload
from kring.admin_console.forms_import import EmployeeImportForm
from kring.admin_console.views.base import console_view

EARLIER_IMPORTS = 20
# A dry run of 10,000 rows can list thousands of lines; the page shows the first ones.
SHOWN_ROWS = 500


def _actor(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # console_view let only administrators in
    return request.user


@console_view
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """The upload form and the earlier imports; a good upload goes on to its dry run."""
    form = EmployeeImportForm()
    if request.method == "POST":
        form = EmployeeImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                employee_import = employee_import_upload(
                    actor=_actor(request),
                    filename=form.cleaned_data["file"].name,
                    data=form.file_bytes(),
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                return redirect("admin_console:import_detail", pk=employee_import.pk)
    context = {
        "form": form,
        "imports": list(employee_import_list(actor=_actor(request))[:EARLIER_IMPORTS]),
    }
    return render(
        request, "admin_console/import/upload.html", context, status=400 if form.errors else 200
    )


@console_view
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The dry run (or, once applied, what was done): counts, problems, changes, leavers."""
    employee_import = employee_import_get(actor=_actor(request), pk=pk)
    plan = ImportPlan.from_dict(employee_import.plan)
    changed = plan.changed_rows
    context = {
        "employee_import": employee_import,
        "plan": plan,
        "counts": plan.counts,
        "problems": plan.problems[:SHOWN_ROWS],
        "changed": changed[:SHOWN_ROWS],
        "changed_count": len(changed),
        "leavers": plan.deactivate[:SHOWN_ROWS],
        "shown_rows": SHOWN_ROWS,
        "can_apply": employee_import.applied_at is None and not plan.has_errors,
    }
    return render(request, "admin_console/import/detail.html", context)


@console_view
@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    employee_import = employee_import_get(actor=_actor(request), pk=pk)
    try:
        plan = employee_import_apply(actor=_actor(request), employee_import=employee_import)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "The import was applied: %(create)d people created, %(update)d updated, "
                "%(deactivate)d deactivated and %(unchanged)d unchanged."
            )
            % plan.counts,
        )
    return redirect("admin_console:import_detail", pk=employee_import.pk)


@console_view
@require_GET
def example(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(employee_import_example(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kring-employees-example.csv"'
    return response
