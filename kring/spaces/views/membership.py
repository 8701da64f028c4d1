"""Joining, leaving, asking to join and answering requests: POST, then back where you were.

An htmx request (the directory's cards) gets the card's updated buttons instead of a redirect.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kring.accounts.actor import actor_of
from kring.common.redirects import safe_next
from kring.spaces import permissions, selectors
from kring.spaces.forms import DecideForm, RequestForm
from kring.spaces.models import Membership, Space
from kring.spaces.services.membership import (
    request_decide,
    space_join,
    space_leave,
    space_request,
)
from kring.spaces.views.base import back, space_view

State = Membership.State


def _done(request: HttpRequest, space: Space, *, note: str = "", error: str = "") -> HttpResponse:
    if getattr(request, "htmx", False):
        context: dict[str, Any] = {
            "space": space,
            "can": permissions.capabilities(request.user, space),
            "live": True,
            "next": safe_next(request) or "",
            "note": note,
            "error": error,
        }
        return render(request, "spaces/partials/actions.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, note)
    return back(request, space)


def _state(actor: object, space: Space) -> str | None:
    found = permissions.membership_of(actor, space)
    return found.state if found is not None else None


@space_view
@require_POST
def join(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    invited = _state(actor, space) == State.INVITED
    try:
        space_join(actor=actor, space=space)
    except ValidationError as error:
        return _done(request, space, error=" ".join(error.messages))
    if invited:
        note = _("You accepted the invitation. Welcome to “%(space)s”!")
    else:
        note = _("You joined “%(space)s”. Welcome!")
    return _done(request, space, note=note % {"space": space.name})


@space_view
@require_POST
def leave(request: HttpRequest, space: Space) -> HttpResponse:
    """Leave, withdraw a request or turn down an invitation: the service tells them apart."""
    actor = actor_of(request)
    state = _state(actor, space)
    try:
        space_leave(actor=actor, space=space)
    except ValidationError as error:
        return _done(request, space, error=" ".join(error.messages))
    if state == State.REQUESTED:
        note = _("You withdrew your request to join “%(space)s”.")
    elif state == State.INVITED:
        note = _("You turned down the invitation to “%(space)s”.")
    else:
        note = _("You left “%(space)s”.")
    return _done(request, space, note=note % {"space": space.name})


@space_view
@require_http_methods(["GET", "POST"])
def request_join(request: HttpRequest, space: Space) -> HttpResponse:
    """Ask to join a space on request, with an optional message to its managers."""
    actor = actor_of(request)
    if request.method == "POST":
        form = RequestForm(request.POST)
        if form.is_valid():
            try:
                space_request(actor=actor, space=space, message=form.cleaned_data["message"])
            except ValidationError as error:
                # A second click, or a space that changed meanwhile: say why, change nothing.
                messages.error(request, " ".join(error.messages))
                return redirect("spaces:detail", slug=space.slug)
            messages.success(
                request,
                _("Your request to join “%(space)s” is sent. A manager will answer it.")
                % {"space": space.name},
            )
            return back(request, space)
        status = 400
    else:
        if not permissions.can_request(actor, space):
            # Already in, already asked, or open anyway: the space's page shows what to do.
            return redirect("spaces:detail", slug=space.slug)
        form, status = RequestForm(), 200
    context = {"space": space, "form": form, "next": safe_next(request) or ""}
    return render(request, "spaces/request.html", context, status=status)


@space_view
@require_POST
def decide(request: HttpRequest, space: Space, user_id: int) -> HttpResponse:
    """A manager accepts or declines a request to join, with a message for the requester."""
    actor = actor_of(request)
    waiting = selectors.space_requests(actor=actor, space=space)
    found = next((m for m in waiting if m.user_id == user_id), None)
    if found is None:
        messages.info(request, _("This request has already been answered or withdrawn."))
        return back(request, space)
    form = DecideForm(request.POST, prefix=f"r{user_id}")
    if not form.is_valid():
        messages.error(request, _("Choose whether to accept or decline the request."))
        return back(request, space)
    accept = form.cleaned_data["decision"] == "accept"
    try:
        request_decide(
            actor=actor,
            space=space,
            requester=found.user,
            accept=accept,
            message=form.cleaned_data["message"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back(request, space)
    if accept:
        note = _("%(name)s is now a member of “%(space)s”.")
    else:
        note = _("You declined the request of %(name)s; they will be told.")
    messages.success(request, note % {"name": found.user, "space": space.name})
    return back(request, space)
