from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kring.accounts import permissions


@login_required
def index(request: HttpRequest) -> HttpResponse:
    permissions.check_administer(request.user)
    return render(request, "admin_console/index.html", {})
