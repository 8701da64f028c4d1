from typing import Any

from django.http import HttpRequest

from kring.accounts import permissions
from kring.accounts.models import Organisation


def organisation(request: HttpRequest) -> dict[str, Any]:
    """The organisation's name and brand, and what the navigation may offer this person."""
    user = getattr(request, "user", None)
    return {
        "organisation": Organisation.current(),
        "nav_can_administer": permissions.can_administer(user),
    }
