from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kring.accounts import permissions


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    quick_links = []
    if permissions.can_administer(user):
        quick_links.append("admin")
    return render(
        request,
        "feed/home.html",
        {"unit": getattr(user, "primary_unit", None), "quick_links": quick_links},
    )
