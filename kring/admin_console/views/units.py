"""Organisation units in the admin console: the tree, adding, editing, moving and deleting."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kring.admin_console.forms import UnitForm, UnitMoveForm, apply_service_errors
from kring.admin_console.views.base import console_view
from kring.admin_console.views.people import console_actor
from kring.org import selectors, services
from kring.org.models import OrgUnit

MANAGER_FIELDS = {"manager_id": "manager", "manager": "manager"}


@console_view
@require_http_methods(["GET"])
def units(request: HttpRequest) -> HttpResponse:
    tree = selectors.unit_tree(actor=request.user)
    return render(request, "admin_console/units/tree.html", {"tree": tree})


@console_view
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = UnitForm(request.POST, actor=request.user, with_parent=True)
        if form.is_valid():
            try:
                unit = services.unit_create(
                    actor=console_actor(request),
                    parent=form.cleaned_data["parent"],
                    **form.service_values(),
                )
            except ValidationError as error:
                apply_service_errors(form, error, MANAGER_FIELDS)
            else:
                messages.success(request, _("The unit %(name)s is added.") % {"name": unit.name})
                return redirect("admin_console:units")
    else:
        initial: dict[str, Any] = {"kind": OrgUnit.Kind.TEAM}
        parent_pk = request.GET.get("parent", "")
        if parent_pk.isdigit():
            initial["parent"] = int(parent_pk)
        form = UnitForm(initial=initial, actor=request.user, with_parent=True)
    return render(request, "admin_console/units/create.html", {"form": form})


def _edit_page(
    request: HttpRequest,
    unit: OrgUnit,
    *,
    form: UnitForm | None = None,
    move_form: UnitMoveForm | None = None,
    delete_error: str = "",
    status: int = 200,
) -> HttpResponse:
    actor = request.user
    parent = OrgUnit.objects.get_parent(unit, update=True)
    context = {
        "unit": unit,
        "parent": parent,
        "ancestors": list(OrgUnit.objects.get_ancestors(unit)),
        "children": list(OrgUnit.objects.get_children(unit).select_related("manager")),
        "form": form or UnitForm(actor=actor, unit=unit),
        "move_form": move_form
        or UnitMoveForm(actor=actor, unit=unit, initial={"parent": parent.pk if parent else None}),
        "delete_error": delete_error,
    }
    return render(request, "admin_console/units/edit.html", context, status=status)


@console_view
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(actor=request.user, pk=pk)
    if request.method != "POST":
        return _edit_page(request, unit)
    form = UnitForm(request.POST, actor=request.user, unit=unit)
    if form.is_valid():
        try:
            services.unit_update(actor=console_actor(request), unit=unit, **form.service_values())
        except ValidationError as error:
            apply_service_errors(form, error, MANAGER_FIELDS)
        else:
            messages.success(request, _("The unit %(name)s is saved.") % {"name": unit.name})
            return redirect("admin_console:unit_edit", pk=unit.pk)
    return _edit_page(request, selectors.unit_get(actor=request.user, pk=pk), form=form)


@console_view
@require_POST
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(actor=request.user, pk=pk)
    move_form = UnitMoveForm(request.POST, actor=request.user, unit=unit)
    if move_form.is_valid():
        new_parent: OrgUnit = move_form.cleaned_data["parent"]
        try:
            services.unit_move(actor=console_actor(request), unit=unit, new_parent=new_parent)
        except ValidationError as error:
            apply_service_errors(move_form, error, default_field="parent")
        else:
            messages.success(
                request,
                _("%(name)s is now part of %(parent)s.")
                % {"name": unit.name, "parent": new_parent},
            )
            return redirect("admin_console:unit_edit", pk=unit.pk)
    return _edit_page(request, unit, move_form=move_form)


@console_view
@require_POST
def unit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get(actor=request.user, pk=pk)
    if request.POST.get("confirm") != "yes":
        return _edit_page(
            request, unit, delete_error=_("Tick the box to confirm the deletion."), status=400
        )
    try:
        services.unit_delete(actor=console_actor(request), unit=unit)
    except ValidationError as error:
        return _edit_page(request, unit, delete_error=" ".join(error.messages), status=400)
    messages.success(request, _("The unit %(name)s is deleted.") % {"name": unit.name})
    return redirect("admin_console:units")
