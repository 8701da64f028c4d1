"""What every spaces view shares: the signed-in actor, the space from its slug, the way back."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from kring.common.redirects import safe_next
from kring.spaces import permissions, selectors
from kring.spaces.models import Space

SECTION = "spaces"


def section_view(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Signed in; the page counts as a visit to the spaces section."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        request.activity_section = SECTION  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def space_view(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Signed in, and the space of the URL's slug visible to this person: 404 otherwise, for a
    secret space exactly as for one that does not exist. The view receives the space."""

    @section_view
    @wraps(view)
    def wrapped(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        space = selectors.space_get(actor=request.user, slug=slug)
        # The activity middleware records which space a page view belongs to.
        request.activity_space_id = space.pk  # type: ignore[attr-defined]
        return view(request, space, *args, **kwargs)

    return wrapped


def back(request: HttpRequest, space: Space) -> HttpResponseRedirect:
    """Back where the person came from; to the space's page otherwise, or to the directory when
    they can no longer see the space (after leaving a secret one)."""
    if not permissions.can_see(request.user, space):
        return redirect("spaces:directory")
    return redirect(safe_next(request) or reverse("spaces:detail", args=[space.slug]))


def posted(request: HttpRequest) -> tuple[Any, ...]:
    """A form's data: bound on POST (even an empty one, so it reports what is missing)."""
    if request.method == "POST":
        return (request.POST, request.FILES)
    return (None, None)


def page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1


def capability_cards(actor: object, spaces: list[Space]) -> list[dict[str, Any]]:
    """Each space with the answers that decide its buttons (the memberships are preloaded)."""
    permissions.remember_memberships(actor, spaces)
    return [{"space": space, "can": permissions.capabilities(actor, space)} for space in spaces]
