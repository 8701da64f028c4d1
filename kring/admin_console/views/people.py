"""People in the admin console: the searchable list, one person's details, role and status."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kring.accounts import selectors
from kring.accounts.models import User
from kring.accounts.services import people as people_services
from kring.admin_console.forms import (
    PeopleFilterForm,
    PersonForm,
    RoleForm,
    action_label,
    apply_service_errors,
)
from kring.admin_console.views.base import console_view
from kring.common.htmx import render_page_or_partial

PAGE_SIZE = 50


def console_actor(request: HttpRequest) -> User:
    """The signed-in administrator (console_view has already turned everyone else away)."""
    if not isinstance(request.user, User):
        raise Http404
    return request.user


@console_view
@require_http_methods(["GET"])
def people(request: HttpRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET or None, actor=request.user)
    form.is_valid()
    found = selectors.people_list(actor=request.user, **form.filters())
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "filtered": bool(request.GET.dict().keys() - {"page"})}
    return render_page_or_partial(request, "admin_console/people/list.html", context, "results")


def _person_page(
    request: HttpRequest,
    person: User,
    *,
    form: PersonForm | None = None,
    role_form: RoleForm | None = None,
) -> HttpResponse:
    actor = request.user
    history = selectors.audit_list(
        actor=actor, object_type=User._meta.label_lower, object_id=str(person.pk)
    )[:10]
    context: dict[str, Any] = {
        "person": person,
        "form": form or PersonForm(actor=actor, person=person),
        "role_form": role_form or RoleForm(initial={"role": person.role}),
        "unit_history": selectors.person_unit_history(actor=actor, person=person),
        "audit_entries": [(entry, action_label(entry.action)) for entry in history],
        "is_self": person.pk == actor.pk,
    }
    return render(request, "admin_console/people/detail.html", context)


@console_view
@require_http_methods(["GET", "POST"])
def person(request: HttpRequest, pk: int) -> HttpResponse:
    subject = selectors.person_get(actor=request.user, pk=pk)
    if request.method != "POST":
        return _person_page(request, subject)
    form = PersonForm(request.POST, actor=request.user, person=subject)
    if form.is_valid():
        try:
            people_services.person_update(
                actor=console_actor(request),
                person=subject,
                **form.service_values(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The changes to %(name)s are saved.") % {"name": subject})
            return redirect("admin_console:person", pk=subject.pk)
    # A failed update may have changed the object in memory: show what is stored.
    return _person_page(request, selectors.person_get(actor=request.user, pk=pk), form=form)


@console_view
@require_POST
def person_role(request: HttpRequest, pk: int) -> HttpResponse:
    subject = selectors.person_get(actor=request.user, pk=pk)
    role_form = RoleForm(request.POST)
    if role_form.is_valid():
        try:
            people_services.person_change_role(
                actor=console_actor(request),
                person=subject,
                role=role_form.cleaned_data["role"],
            )
        except PermissionDenied:
            role_form.add_error(
                "role",
                _(
                    "You cannot take away your own administrator role. "
                    "Ask another administrator to do it."
                ),
            )
        except ValidationError as error:
            apply_service_errors(role_form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now: %(role)s.")
                % {"name": subject, "role": subject.get_role_display()},
            )
            return redirect("admin_console:person", pk=subject.pk)
    return _person_page(
        request, selectors.person_get(actor=request.user, pk=pk), role_form=role_form
    )


@console_view
@require_http_methods(["GET", "POST"])
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (GET), then deactivate (POST): a leaver cannot log in, their content stays."""
    subject = selectors.person_get(actor=request.user, pk=pk)
    error = ""
    if subject.pk == request.user.pk:
        error = _("You cannot deactivate your own account.")
    if request.method == "POST" and not error:
        try:
            people_services.person_deactivate(actor=console_actor(request), person=subject)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("%(name)s is deactivated and is shown as a former colleague.")
                % {"name": subject},
            )
            return redirect("admin_console:person", pk=subject.pk)
    return render(
        request,
        "admin_console/people/deactivate.html",
        {"person": subject, "error": error},
        status=400 if error and request.method == "POST" else 200,
    )


@console_view
@require_POST
def person_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    subject = selectors.person_get(actor=request.user, pk=pk)
    if subject.status != User.Status.DEACTIVATED:
        messages.info(request, _("%(name)s is not deactivated.") % {"name": subject})
    else:
        people_services.person_reactivate(actor=console_actor(request), person=subject)
        messages.success(request, _("%(name)s can log in again.") % {"name": subject})
    return redirect("admin_console:person", pk=subject.pk)
