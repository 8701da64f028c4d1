"""The members of a space, and what its managers do with them: roles, removal, invitations,
external guests and handing over ownership."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kring.accounts.actor import actor_of
from kring.accounts.models import User
from kring.common.htmx import render_page_or_partial
from kring.common.redirects import safe_next
from kring.spaces import permissions, selectors
from kring.spaces.forms import (
    GuestAccessForm,
    GuestInviteForm,
    InviteForm,
    MemberFilterForm,
    MemberRoleForm,
    TransferForm,
    apply_service_errors,
    chosen_people,
    local_date,
)
from kring.spaces.models import ROLE_RANK, Membership, Space
from kring.spaces.services import membership as membership_services
from kring.spaces.services.guests import guest_access_change, guest_invite
from kring.spaces.views.base import page_number, posted, space_view

Role = Membership.Role


def _members_url(request: HttpRequest, space: Space) -> str:
    return safe_next(request) or reverse("spaces:members", args=[space.slug])


def _member_rows(actor: User, found: list[Membership], can: dict[str, Any]) -> list[dict[str, Any]]:
    """Each member with what a manager could do to them; the services still decide."""
    mine = can["role"]
    my_rank = ROLE_RANK[mine] if mine else ROLE_RANK[Role.OWNER]  # administrators of unit spaces
    rows = []
    for m in found:
        manageable = can["manage_members"] and m.user_id != actor.pk
        structural = m.source == Membership.Source.STRUCTURE
        rows.append(
            {
                "m": m,
                "change_role": manageable
                and m.role not in (Role.GUEST, Role.OWNER)
                and ROLE_RANK[m.role] < my_rank,  # type: ignore[index]
                "remove": manageable
                and not structural
                and (m.role != Role.OWNER or mine == Role.OWNER),
                "structural": manageable and structural,
            }
        )
    return rows


@space_view
@require_GET
def members(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    form = MemberFilterForm(request.GET or None)
    form.is_valid()
    page = selectors.space_members(
        actor=actor, space=space, page=page_number(request), **form.filters()
    )
    can = permissions.capabilities(actor, space)
    context = {
        "space": space,
        "can": can,
        "form": form,
        "page": page,
        "rows": _member_rows(actor, list(page.object_list), can),
        "filtered": any(form.filters().values()),
        "role_choices": MemberRoleForm.base_fields["role"].choices,  # type: ignore[attr-defined]
        # The organisation's units are not an external guest's business.
        "show_units": permissions.is_person(actor),
    }
    return render_page_or_partial(request, "spaces/members.html", context, "results")


@space_view
@require_POST
def member_role(request: HttpRequest, space: Space, user_id: int) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_manage_members(actor, space)
    target = selectors.space_membership(actor=actor, space=space, user_id=user_id)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose manager, moderator or member."))
        return redirect(_members_url(request, space))
    try:
        changed = membership_services.member_change_role(
            actor=actor, space=space, user=target.user, role=form.cleaned_data["role"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is now %(role)s of “%(space)s”.")
            % {
                "name": target.user,
                "role": changed.get_role_display().lower(),
                "space": space.name,
            },
        )
    return redirect(_members_url(request, space))


@space_view
@require_http_methods(["GET", "POST"])
def member_remove(request: HttpRequest, space: Space, user_id: int) -> HttpResponse:
    """Ask first (GET), then remove (POST)."""
    actor = actor_of(request)
    permissions.check_manage_members(actor, space)
    target = selectors.space_membership(actor=actor, space=space, user_id=user_id)
    if request.method == "POST":
        try:
            membership_services.member_remove(actor=actor, space=space, user=target.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is no longer a member of “%(space)s”.")
                % {"name": target.user, "space": space.name},
            )
        return redirect(_members_url(request, space))
    context = {"space": space, "target": target, "next": safe_next(request) or ""}
    return render(request, "spaces/member_remove.html", context)


# --- Inviting colleagues


def _invite_context(
    request: HttpRequest, space: Space, *, q: str, chosen_ids: list[str], form: InviteForm
) -> dict[str, Any]:
    actor = actor_of(request)
    chosen = chosen_people(actor, chosen_ids)
    taken = {person.pk for person in chosen}
    found = selectors.people_to_invite(actor=actor, space=space, q=q)
    return {
        "space": space,
        "can": permissions.capabilities(actor, space),
        "q": q,
        "chosen": chosen,
        "found": [person for person in found if person.pk not in taken],
        "searched": len(q.strip()) >= 2,
        "form": form,
    }


@space_view
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_invite(actor, space)
    form = InviteForm(*posted(request), actor=actor)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            people = list(form.cleaned_data["people"])
            try:
                membership_services.members_invite(actor=actor, space=space, people=people)
            except ValidationError as error:
                form.add_error("people", error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d person is invited; they will get an e-mail.",
                        "%(count)d people are invited; they will get an e-mail.",
                        len(people),
                    )
                    % {"count": len(people)},
                )
                return redirect("spaces:invite", slug=space.slug)
        status = 400
    context = _invite_context(
        request,
        space,
        q=request.GET.get("q", "")[:100],
        chosen_ids=request.POST.getlist("people"),
        form=form,
    )
    context["invitations"] = selectors.space_invitations(actor=actor, space=space)
    return render(request, "spaces/invite.html", context, status=status)


@space_view
@require_GET
def invite_search(request: HttpRequest, space: Space) -> HttpResponse:
    """The autocomplete under the invitation's search field: an HTML fragment of people, the
    ones already ticked first, so a new search does not lose them."""
    actor = actor_of(request)
    permissions.check_invite(actor, space)
    context = _invite_context(
        request,
        space,
        q=request.GET.get("q", "")[:100],
        chosen_ids=request.GET.getlist("people"),
        form=InviteForm(actor=actor),
    )
    return render(request, "spaces/invite.html#people", context)


# --- External guests


def _guests_page(
    request: HttpRequest,
    space: Space,
    *,
    form: GuestInviteForm | None = None,
    access_form: tuple[int, GuestAccessForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = actor_of(request)
    rows = []
    for m in selectors.space_guests(actor=actor, space=space):
        if access_form is not None and access_form[0] == m.user_id:
            row_form = access_form[1]
        else:
            row_form = GuestAccessForm(
                prefix=f"g{m.user_id}", initial={"expires_on": local_date(m.expires_at)}
            )
        rows.append((m, row_form))
    context = {
        "space": space,
        "can": permissions.capabilities(actor, space),
        "form": form or GuestInviteForm(),
        "rows": rows,
    }
    return render(request, "spaces/guests.html", context, status=status)


@space_view
@require_http_methods(["GET", "POST"])
def guests(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_invite_guests(actor, space)
    if request.method != "POST":
        return _guests_page(request, space)
    form = GuestInviteForm(request.POST)
    if form.is_valid():
        try:
            m = guest_invite(
                actor=actor,
                space=space,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                expires_at=form.expires_at(),
            )
        except ValidationError as error:
            apply_service_errors(form, error, default_field="email")
        else:
            messages.success(
                request,
                _("%(name)s is invited as a guest of “%(space)s” and will get an e-mail.")
                % {"name": m.user, "space": space.name},
            )
            return redirect("spaces:guests", slug=space.slug)
    return _guests_page(request, space, form=form, status=400)


@space_view
@require_POST
def guest_access(request: HttpRequest, space: Space, user_id: int) -> HttpResponse:
    actor = actor_of(request)
    found = next(
        (m for m in selectors.space_guests(actor=actor, space=space) if m.user_id == user_id),
        None,
    )
    if found is None:
        messages.error(request, _("This person is not a guest of this space."))
        return redirect("spaces:guests", slug=space.slug)
    form = GuestAccessForm(request.POST, prefix=f"g{user_id}")
    if form.is_valid():
        try:
            guest_access_change(
                actor=actor, space=space, guest=found.user, expires_at=form.expires_at()
            )
        except ValidationError as error:
            apply_service_errors(form, error, default_field="expires_on")
        else:
            messages.success(
                request,
                _("%(name)s has access until %(date)s.")
                % {
                    "name": found.user,
                    "date": date_format(form.cleaned_data["expires_on"], "DATE_FORMAT"),
                },
            )
            return redirect("spaces:guests", slug=space.slug)
    return _guests_page(request, space, access_form=(user_id, form), status=400)


# --- Handing over ownership


def _transfer_candidates(actor: object, space: Space, q: str) -> list[Membership]:
    """Members who could own the space: colleagues, not guests, not the owner themselves."""
    page = selectors.space_members(actor=actor, space=space, q=q)
    return [
        m
        for m in page.object_list
        if m.role not in (Role.GUEST, Role.OWNER) and m.user_id != getattr(actor, "pk", None)
    ]


@space_view
@require_http_methods(["GET", "POST"])
def transfer(request: HttpRequest, space: Space) -> HttpResponse:
    actor = actor_of(request)
    permissions.check_transfer_ownership(actor, space)
    form = TransferForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            target = selectors.space_membership(
                actor=actor, space=space, user_id=form.cleaned_data["new_owner"]
            )
            membership_services.ownership_transfer(actor=actor, space=space, new_owner=target.user)
        except Http404:
            form.add_error("new_owner", _("Choose one of the members of the space."))
        except ValidationError as error:
            apply_service_errors(form, error, default_field="new_owner")
        else:
            messages.success(
                request,
                _("%(name)s now owns “%(space)s”. You stay on as a manager.")
                % {"name": target.user, "space": space.name},
            )
            return redirect("spaces:detail", slug=space.slug)
    q = request.GET.get("q", "")[:100].strip()
    context = {
        "space": space,
        "can": permissions.capabilities(actor, space),
        "form": form,
        "q": q,
        "candidates": _transfer_candidates(actor, space, q),
    }
    return render(
        request, "spaces/transfer.html", context, status=400 if request.method == "POST" else 200
    )
