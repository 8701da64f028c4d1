"""The space directory and creating a community."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kring.accounts.actor import actor_of
from kring.common.htmx import render_page_or_partial
from kring.spaces import permissions, selectors
from kring.spaces.forms import CommunityCreateForm, DirectoryFilterForm, apply_service_errors
from kring.spaces.services.spaces import community_create
from kring.spaces.views.base import capability_cards, page_number, posted, section_view
from kring.spaces.views.cards import directory_cards

MY_SPACES_SHOWN = 6
# One row of cards on a desktop.
SUGGESTED_SHOWN = 3


@section_view
@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    is_person = permissions.is_person(actor)
    form = DirectoryFilterForm(
        request.GET or None,
        actor=actor,
        tags=selectors.directory_tags(actor=actor) if is_person else [],
    )
    form.is_valid()
    filters = form.filters()
    page = selectors.space_directory(actor=actor, filters=filters, page=page_number(request))
    filtered = filters != selectors.DirectoryFilter()
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "cards": directory_cards(actor, list(page.object_list), prefix="a"),
        "filtered": filtered,
        "is_person": is_person,
        "can_create": permissions.can_create_community(actor),
        "my_cards": [],
        "my_more": False,
        "suggested_cards": [],
    }
    # The front of the directory: where you are and what you might like. Not while searching.
    if is_person and not filtered and page.number == 1:
        mine = selectors.my_spaces(actor=actor, limit=MY_SPACES_SHOWN + 1)
        context["my_cards"] = capability_cards(actor, mine[:MY_SPACES_SHOWN])
        context["my_more"] = len(mine) > MY_SPACES_SHOWN
        context["suggested_cards"] = directory_cards(
            actor, selectors.suggested_spaces(actor=actor, limit=SUGGESTED_SHOWN), prefix="s"
        )
    return render_page_or_partial(request, "spaces/directory.html", context, "results")


@section_view
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_create_community(actor)
    form = CommunityCreateForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            space = community_create(
                actor=actor, cover=form.cover_upload(), **form.service_values()
            )
        except ValidationError as error:
            apply_service_errors(form, error, default_field="cover")
        else:
            messages.success(
                request,
                _("“%(space)s” is ready. Invite colleagues to get the conversation going.")
                % {"space": space.name},
            )
            return redirect("spaces:detail", slug=space.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "spaces/create.html", {"form": form}, status=status)
