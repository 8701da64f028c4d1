from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone

from kring.accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    """Kring has no self sign-up; people arrive by invitation, import or SSO."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_login(
        self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> HttpResponse | None:
        # Only reached after the password matched, so these answers reveal nothing to a stranger.
        assert isinstance(user, User)
        # A leaver hears that first: their wave no longer matters.
        if user.status == User.Status.DEACTIVATED or not user.is_active:
            return render(request, "account/account_inactive.html", status=403)
        if user.wave is not None and not user.wave.has_started:
            when = formats.date_format(timezone.localtime(user.wave.starts_at), "DATETIME_FORMAT")
            return render(
                request,
                "account/not_yet.html",
                {"wave": user.wave, "when": when},
                status=403,
            )
        return super().pre_login(request, user, **kwargs)

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        # Skip the chatty "You have signed in as …" banners; the page itself shows who you are.
        if message_template and message_template.endswith(("logged_in.txt", "logged_out.txt")):
            return
        super().add_message(request, level, message_template, *args, **kwargs)
