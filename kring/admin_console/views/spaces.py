"""Spaces in the admin console: every space (secret and deleted ones too), restoring, structure.

Administrators govern the installation: they see every space that exists, restore a deleted
community within 30 days, and can make the organisation's spaces follow the unit tree again.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kring.admin_console.forms import SpaceFilterForm
from kring.admin_console.views.base import console_view
from kring.admin_console.views.people import console_actor
from kring.common import clock
from kring.common.htmx import render_page_or_partial
from kring.spaces import selectors
from kring.spaces.services.spaces import space_restore as restore
from kring.spaces.services.structure import structure_ensure

PAGE_SIZE = 50
FILTERS = ("q", "kind", "access", "state", "page")


def _query(raw: str) -> QueryDict:
    """The list's filters, carried through a POST so the list comes back as it was."""
    given = QueryDict(raw)
    kept = QueryDict(mutable=True)
    for key in FILTERS:
        if given.get(key):
            kept[key] = given[key]
    return kept


def _list_page(request: HttpRequest, query: QueryDict, status: int = 200) -> HttpResponse:
    form = SpaceFilterForm(query or None)
    form.is_valid()
    found = selectors.spaces_for_console(
        actor=request.user, filters=selectors.ConsoleFilter(**form.filters())
    )
    page = Paginator(found, PAGE_SIZE).get_page(query.get("page"))
    now = clock.now()
    rows = [
        (space, space.restorable_until is not None and now <= space.restorable_until)
        for space in page.object_list
    ]
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "filtered": bool(query.keys() - {"page"}),
    }
    response = render_page_or_partial(request, "admin_console/spaces/list.html", context, "results")
    response.status_code = status
    return response


@console_view
@require_http_methods(["GET"])
def spaces(request: HttpRequest) -> HttpResponse:
    return _list_page(request, _query(request.GET.urlencode()))


@console_view
@require_POST
def space_restore(request: HttpRequest, pk: int) -> HttpResponse:
    space = selectors.space_for_console(actor=request.user, pk=pk)
    query = _query(request.POST.get("query", ""))
    try:
        restore(actor=console_actor(request), space=space)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _list_page(request, query, status=400)
    messages.success(
        request,
        _("“%(name)s” is restored: its members and content are back where they were.")
        % {"name": space.name},
    )
    url = reverse("admin_console:spaces")
    return redirect(f"{url}?{query.urlencode()}" if query else url)


@console_view
@require_POST
def spaces_follow_organisation(request: HttpRequest) -> HttpResponse:
    """Every unit gets its space and everyone sits in the spaces of the units they work in."""
    structure_ensure()
    unit_spaces = selectors.spaces_for_console(
        actor=request.user, filters=selectors.ConsoleFilter(kind="unit", state="active")
    ).count()
    messages.success(
        request,
        _(
            "The spaces follow the organisation again: %(count)d unit spaces, and everyone is a "
            "member of the spaces of the units they work in. Members added by hand stay."
        )
        % {"count": unit_spaces},
    )
    return redirect("admin_console:spaces")
