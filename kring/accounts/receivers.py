from typing import Any

from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record


@receiver(user_logged_in)
def record_login(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    activity_record(actor=user, verb="login")
