"""A space's own page, its cover image, its settings, archiving and deleting."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kring.accounts.actor import actor_of
from kring.common.images import image_response
from kring.spaces import permissions, selectors
from kring.spaces.forms import DecideForm, DeleteForm, SpaceSettingsForm, apply_service_errors
from kring.spaces.models import Space
from kring.spaces.services.spaces import space_archive, space_delete, space_update
from kring.spaces.views.base import posted, space_view

MEMBERS_PREVIEW = 8


@space_view
@require_GET
def detail(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    can = permissions.capabilities(actor, space)
    context: dict[str, Any] = {
        "space": space,
        "can": can,
        "membership": can["membership"],
        "staff": [],
        "members_preview": [],
        "requests": [],
    }
    if can["read"]:
        context["staff"] = selectors.space_staff(actor=actor, space=space)
        first_page = selectors.space_members(actor=actor, space=space)
        context["members_preview"] = list(first_page.object_list[:MEMBERS_PREVIEW])
    if can["manage_members"]:
        context["requests"] = [
            (m, DecideForm(prefix=f"r{m.user_id}"))
            for m in selectors.space_requests(actor=actor, space=space)
        ]
    return render(request, "spaces/detail.html", context)


@space_view
@require_GET
def cover(request: HttpRequest, space: Space) -> HttpResponseBase:
    """The cover's bytes, only to those who may see the space (never a public media URL)."""
    permissions.check_see(actor_of(request), space)
    if not space.cover:
        raise Http404
    return image_response(space.cover, filename="cover")


def _settings_page(
    request: HttpRequest, space: Space, form: SpaceSettingsForm, *, status: int = 200
) -> HttpResponse:
    context = {"space": space, "form": form, "can": permissions.capabilities(request.user, space)}
    return render(request, "spaces/settings.html", context, status=status)


@space_view
@require_http_methods(["GET", "POST"])
def settings(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_edit(actor, space)
    if request.method != "POST":
        return _settings_page(request, space, SpaceSettingsForm(space=space))
    form = SpaceSettingsForm(request.POST, request.FILES, space=space)
    if form.is_valid():
        values = form.service_values()
        try:
            space_update(
                actor=actor,
                space=space,
                tags=values.pop("tags"),
                cover=form.cover_value(),
                **values,
            )
        except ValidationError as error:
            apply_service_errors(form, error, default_field="cover")
        else:
            messages.success(
                request, _("The settings of “%(space)s” are saved.") % {"space": space}
            )
            return redirect("spaces:detail", slug=space.slug)
    # A refused update may have changed the object in memory: show what is stored.
    stored = selectors.space_get(actor=actor, slug=space.slug)
    return _settings_page(request, stored, form, status=400)


@space_view
@require_POST
def archive(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_archive(actor, space)
    archived = request.POST.get("archived") != "0"
    space_archive(actor=actor, space=space, archived=archived)
    if archived:
        messages.success(
            request,
            _("“%(space)s” is archived: everything stays readable, nothing new can be added.")
            % {"space": space},
        )
    else:
        messages.success(request, _("“%(space)s” is active again.") % {"space": space})
    return redirect("spaces:detail", slug=space.slug)


@space_view
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_delete(actor, space)
    form = DeleteForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            space_delete(actor=actor, space=space, confirm_name=form.cleaned_data["confirm_name"])
        except ValidationError as error:
            apply_service_errors(form, error, default_field="confirm_name")
        else:
            messages.success(
                request,
                _("“%(space)s” is deleted. An administrator can restore it within 30 days.")
                % {"space": space},
            )
            return redirect("spaces:directory")
    status = 400 if request.method == "POST" else 200
    return render(request, "spaces/delete.html", {"space": space, "form": form}, status=status)
