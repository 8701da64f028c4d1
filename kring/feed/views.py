from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kring.accounts.models import User
from kring.accounts.selectors import home_summary
from kring.spaces.selectors import my_spaces

HOME_SPACES = 6


@login_required
def home(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    spaces = my_spaces(actor=request.user, limit=HOME_SPACES + 1)
    context = {
        # An external guest sees their own spaces only: nothing about the organisation's people.
        "summary": None if request.user.is_guest else home_summary(actor=request.user),
        "spaces": spaces[:HOME_SPACES],
        "more_spaces": len(spaces) > HOME_SPACES,
    }
    return render(request, "feed/home.html", context)
