"""Console pages for rollout waves, invitations and inviting people."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from kring.accounts.forms import InviteManyForm, InviteOneForm, WaveForm
from kring.accounts.models import Invitation
from kring.accounts.services import invitations as invitation_services
from kring.accounts.services import rollout
from kring.accounts.services.invitations import when_wave_starts
from kring.admin_console.views.base import console_view

INVITATIONS_PER_PAGE = 50


def _apply_errors(form: Form, error: ValidationError) -> None:
    """Put a service's errors next to the fields they are about (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@console_view
@require_http_methods(["GET", "POST"])
def waves(request: HttpRequest) -> HttpResponse:
    """The waves by date with their progress, and a form for a new one."""
    form = WaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            wave = rollout.wave_create(actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Wave “%(name)s” is planned for %(when)s.")
                % {"name": wave.name, "when": when_wave_starts(wave)},
            )
            return redirect("admin_console:waves")
    context = {
        "waves": list(rollout.wave_list_with_progress(actor=request.user)),
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "admin_console/rollout/waves.html", context, status=status)


@console_view
@require_http_methods(["GET", "POST"])
def wave_edit(request: HttpRequest, pk: int) -> HttpResponse:
    wave = rollout.wave_get(actor=request.user, pk=pk)
    initial = {"name": wave.name, "starts_at": wave.starts_at}
    form = WaveForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            rollout.wave_update(actor=request.user, wave=wave, **form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The wave was saved."))
            return redirect("admin_console:waves")
    status = 400 if form.errors else 200
    return render(
        request, "admin_console/rollout/wave_edit.html", {"wave": wave, "form": form}, status=status
    )


@console_view
@require_POST
def wave_delete(request: HttpRequest, pk: int) -> HttpResponse:
    wave = rollout.wave_get(actor=request.user, pk=pk)
    try:
        rollout.wave_delete(actor=request.user, wave=wave)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("admin_console:wave_edit", pk=wave.pk)
    messages.success(request, _("The wave “%(name)s” was deleted.") % {"name": wave.name})
    return redirect("admin_console:waves")


@console_view
def invitations(request: HttpRequest) -> HttpResponse:
    """Every invitation, newest first, filtered by state, with resend and revoke."""
    state = request.GET.get("state", "")
    if state not in Invitation.State.values:
        state = ""
    rows = invitation_services.invitation_list(actor=request.user, state=state)
    page = Paginator(rows, INVITATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context: dict[str, Any] = {
        "page": page,
        "state": state,
        "states": Invitation.State.choices,
    }
    return render(request, "admin_console/rollout/invitations.html", context)


@console_view
@require_POST
def invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    old = invitation_services.invitation_get(actor=request.user, pk=pk)
    try:
        invitation_services.invitation_create(actor=request.user, user=old.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A new link was sent to %(email)s.") % {"email": old.user.email}
        )
    return redirect(_back_to_invitations(request))


@console_view
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = invitation_services.invitation_get(actor=request.user, pk=pk)
    try:
        invitation_services.invitation_revoke(actor=request.user, invitation=invitation)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The link of %(name)s no longer works.") % {"name": invitation.user.display_name},
        )
    return redirect(_back_to_invitations(request))


def _back_to_invitations(request: HttpRequest) -> str:
    state = request.POST.get("state", "")
    url = reverse("admin_console:invitations")
    return f"{url}?state={state}" if state in Invitation.State.values else url


@console_view
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """Invite one person with all their details, or many pasted at once into one unit and wave."""
    posted = request.POST if request.method == "POST" else None
    mode = request.POST.get("mode", "one")
    one = InviteOneForm(posted if mode == "one" else None, prefix="one")
    many = InviteManyForm(posted if mode == "many" else None, prefix="many")
    if request.method == "POST":
        form: Form = many if mode == "many" else one
        if form.is_valid():
            data = form.cleaned_data
            try:
                if form is many:
                    people = invitation_services.people_invite_bulk(
                        actor=request.user,  # type: ignore[arg-type]
                        lines=data["lines"],
                        unit=data["unit"],
                        wave=data["wave"],
                    )
                else:
                    people = [
                        invitation_services.person_invite(
                            actor=request.user,  # type: ignore[arg-type]
                            email=data["email"],
                            display_name=data["display_name"],
                            unit=data["unit"],
                            job_title=data["job_title"],
                            role=data["role"],
                            wave=data["wave"],
                        )
                    ]
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                wave = data["wave"]
                if wave is not None and not wave.has_started:
                    text = ngettext(
                        "%(count)d person added; they are invited on %(when)s.",
                        "%(count)d people added; they are invited on %(when)s.",
                        len(people),
                    ) % {"count": len(people), "when": when_wave_starts(wave)}
                else:
                    text = ngettext(
                        "%(count)d person invited.", "%(count)d people invited.", len(people)
                    ) % {"count": len(people)}
                messages.success(request, text)
                return redirect("admin_console:invite")
    errors = bool(one.errors or many.errors)
    return render(
        request,
        "admin_console/rollout/invite.html",
        {"one": one, "many": many, "mode": mode},
        status=400 if errors else 200,
    )
