"""The streams as pages: home, a space's posts, a person's posts, a topic.

Every stream renders the same component (feed/partials/stream.html). "More" is a plain link with
a keyset cursor, so it works without JavaScript; with htmx it appends the next page in place.
"""

from datetime import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kring.accounts import permissions as account_permissions
from kring.accounts.actor import actor_of
from kring.accounts.models import User
from kring.accounts.selectors import home_summary
from kring.common import clock
from kring.common.markup import normalise_topic
from kring.content.permissions import can_keep_blog
from kring.content.selectors import compose_kinds, compose_spaces, post_cards, spotlight
from kring.content.views.cards import draw_cards
from kring.engagement.models import Follow, Topic
from kring.engagement.selectors import follows
from kring.feed import selectors
from kring.feed.selectors import Filter, StreamPage
from kring.feed.services import home_visit
from kring.spaces import permissions as space_permissions
from kring.spaces.selectors import my_spaces, space_get

HOME_SPACES = 6
PREVIEW_POSTS = 5
STREAM = "feed/partials/stream.html"


def _filter(request: HttpRequest, allowed: tuple[str, ...]) -> str:
    value = request.GET.get("filter", Filter.ALL)
    return value if value in allowed else Filter.ALL


def _moment(value: str | None) -> datetime | None:
    try:
        parsed = parse_datetime(value or "")
    except ValueError:
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def _stream_context(
    request: HttpRequest, page: StreamPage, *, unread_after: datetime | None = None
) -> dict[str, Any]:
    actor = actor_of(request)
    memberships = page.interests.memberships if page.interests else None
    posts = page.scheduled + page.must_know + page.posts
    cards = post_cards(actor, posts, memberships=memberships, unread_after=unread_after)
    draw_cards(request, cards)
    scheduled, pinned = len(page.scheduled), len(page.scheduled) + len(page.must_know)
    return {
        "scheduled": cards[:scheduled],
        "must_know": cards[scheduled:pinned],
        "cards": cards[pinned:],
        "more_url": _more_url(request, page.next_cursor, unread_after),
    }


def _more_url(request: HttpRequest, cursor: str | None, unread_after: datetime | None) -> str:
    """The next page's address: the same filters, the cursor, and the "new since" moment."""
    if cursor is None:
        return ""
    query = request.GET.copy()
    query["cursor"] = cursor
    query.pop("new", None)
    if unread_after is not None:
        query["new"] = unread_after.isoformat()
    return f"{request.path}?{query.urlencode()}"


def _render_stream(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """The whole page; an htmx "more" asks for the next page of cards only."""
    if request.htmx and request.GET.get("cursor"):  # type: ignore[attr-defined]
        return render(request, "feed/partials/stream_page.html", context)
    return render(request, template, context)


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    filter_ = _filter(request, Filter.HOME)
    cursor = request.GET.get("cursor")
    page = selectors.home_stream(actor, filter_=filter_, cursor=cursor)
    # The first page marks what is new since the last visit; later pages carry that moment.
    unread_after = home_visit(actor=actor) if cursor is None else _moment(request.GET.get("new"))
    context = _stream_context(request, page, unread_after=unread_after)
    context.update(filter=filter_, filters=_home_filters())
    if cursor is None:
        since = urlencode({"filter": filter_, "since": _newest(context).isoformat()})
        context["newer_url"] = f"{reverse('feed:newer')}?{since}"
    if cursor is None and not request.htmx:  # type: ignore[attr-defined]
        spaces = my_spaces(
            actor=actor, memberships=page.interests.memberships if page.interests else None
        )
        context.update(
            compose_spaces=compose_spaces(actor, spaces),
            # An external guest sees their own spaces only: nothing about the organisation.
            summary=None if actor.is_guest else home_summary(actor=actor),
            spaces=spaces[:HOME_SPACES],
            more_spaces=len(spaces) > HOME_SPACES,
            spotlight=spotlight(actor),
        )
    return _render_stream(request, "feed/home.html", context)


def _home_filters() -> list[tuple[str, str]]:
    return [
        (Filter.ALL, _("Everything")),
        (Filter.NEWS, _("News")),
        (Filter.QUESTIONS, _("Questions")),
        (Filter.SPACES, _("My spaces")),
        (Filter.FOLLOWING, _("Following")),
    ]


def _space_filters() -> list[tuple[str, str]]:
    return [
        (Filter.ALL, _("Everything")),
        (Filter.QUESTIONS, _("Questions")),
        (Filter.UNANSWERED, _("Unanswered")),
        (Filter.ANSWERED, _("Answered")),
    ]


def _newest(context: dict[str, Any]) -> datetime:
    cards = context["cards"]
    return cards[0].post.published_at if cards else clock.now()


@login_required
@require_GET
def newer(request: HttpRequest) -> HttpResponse:
    """The "new posts" indicator, polled by htmx: how many arrived since the page was drawn."""
    actor = actor_of(request)
    filter_ = _filter(request, Filter.HOME)
    since = _moment(request.GET.get("since"))
    count = 0 if since is None else selectors.newer_count(actor, filter_=filter_, since=since)
    return render(request, "feed/partials/newer.html", {"count": count, "filter": filter_})


@login_required
@require_GET
def space(request: HttpRequest, slug: str) -> HttpResponse:
    actor = actor_of(request)
    space = space_get(actor=actor, slug=slug)
    space_permissions.check_read(actor, space)
    request.activity_space_id = space.pk  # type: ignore[attr-defined]
    filter_ = _filter(request, Filter.SPACE)
    page = selectors.space_stream(actor, space, filter_=filter_, cursor=request.GET.get("cursor"))
    embedded = bool(request.htmx and request.GET.get("embed"))  # type: ignore[attr-defined]
    if embedded:  # the space's About page shows the latest few, and links to the rest
        page.posts, page.next_cursor = page.posts[:PREVIEW_POSTS], None
    context = _stream_context(request, page)
    context.update(
        space=space,
        filter=filter_,
        filters=_space_filters(),
        can=space_permissions.capabilities(actor, space),
        compose_kinds=compose_kinds(actor, space),
        can_blog=can_keep_blog(actor, space),
        following=follows(actor, Follow.Kind.SPACE, space.pk),
    )
    if embedded:
        return render(request, "feed/partials/space_preview.html", context)
    return _render_stream(request, "feed/space.html", context)


@login_required
@require_GET
def person(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    if not account_permissions.can_see_directory(actor) and pk != actor.pk:
        raise Http404
    who = get_object_or_404(User, pk=pk, is_active=True)
    if who.is_guest and who.pk != actor.pk:
        raise Http404  # external guests appear only inside their own spaces
    page = selectors.person_stream(actor, who, cursor=request.GET.get("cursor"))
    context = _stream_context(request, page)
    context.update(person=who, following=follows(actor, Follow.Kind.PERSON, who.pk))
    return _render_stream(request, "feed/person.html", context)


@login_required
@require_GET
def topic(request: HttpRequest, name: str) -> HttpResponse:
    actor = actor_of(request)
    found = get_object_or_404(Topic, name=normalise_topic(name))
    page = selectors.topic_stream(actor, found, cursor=request.GET.get("cursor"))
    if not page.posts and not request.GET.get("cursor"):
        raise Http404  # a topic only used where the reader cannot look does not exist for them
    context = _stream_context(request, page)
    context.update(topic=found, following=follows(actor, Follow.Kind.TOPIC, found.pk))
    return _render_stream(request, "feed/topic.html", context)


@login_required
@require_GET
def saved(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    page = selectors.saved_stream(actor, cursor=request.GET.get("cursor"))
    return _render_stream(request, "feed/saved.html", _stream_context(request, page))
