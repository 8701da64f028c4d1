from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from kring.accounts import permissions


def console_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in and administrator, or a 404: the console does not exist for anyone else."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        permissions.check_administer(request.user)
        request.activity_section = "admin_console"  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped
