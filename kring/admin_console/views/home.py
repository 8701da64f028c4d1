from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kring.admin_console.views.base import console_view


@console_view
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "admin_console/index.html", {})
