from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kring.accounts.selectors import console_overview
from kring.admin_console.forms import action_label
from kring.admin_console.views.base import console_view


@console_view
def index(request: HttpRequest) -> HttpResponse:
    overview = console_overview(actor=request.user)
    latest_audit = [(entry, action_label(entry.action)) for entry in overview.latest_audit]
    return render(
        request, "admin_console/index.html", {"overview": overview, "latest_audit": latest_audit}
    )
