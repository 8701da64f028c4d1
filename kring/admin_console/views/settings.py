"""Organisation settings: name, logo, brand colour and policies."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kring.accounts import selectors
from kring.accounts.services.organisation import organisation_update
from kring.admin_console.forms import OrganisationForm, apply_service_errors
from kring.admin_console.views.base import console_view
from kring.admin_console.views.people import console_actor


@console_view
@require_http_methods(["GET", "POST"])
def settings(request: HttpRequest) -> HttpResponse:
    organisation = selectors.organisation_for_settings(actor=request.user)
    if request.method == "POST":
        form = OrganisationForm(request.POST, request.FILES, organisation=organisation)
        if form.is_valid():
            try:
                organisation_update(actor=console_actor(request), **form.service_values())
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The settings are saved."))
                return redirect("admin_console:settings")
    else:
        form = OrganisationForm(organisation=organisation)
    return render(request, "admin_console/settings/form.html", {"form": form, "org": organisation})
