from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kring.accounts.models import User
from kring.accounts.selectors import home_summary


@login_required
def home(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    return render(request, "feed/home.html", {"summary": home_summary(actor=request.user)})
