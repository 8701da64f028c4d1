from django.http import Http404, HttpRequest

from kring.accounts.models import User


def actor_of(request: HttpRequest) -> User:
    """The signed-in person (login_required has turned everyone else away)."""
    if not isinstance(request.user, User):
        raise Http404
    return request.user
