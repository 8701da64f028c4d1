"""The streams: home, space, person and topic, assembled at read time (docs/feed.md).

Pull model: no per-person copy of any post. A stream is one keyset query on the post stream
indexes, narrowed by what the reader belongs to and follows, always through the one visibility
filter (`Post.objects.visible_to`). Cards are then decorated for the reader in a fixed number of
queries, whatever the page holds (kring/feed/cards.py).
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from kring.accounts.models import User
from kring.common import clock
from kring.common.keyset import Cursor, keyset_page
from kring.content.models import Post, ReadConfirmation
from kring.content.selectors import with_reader_marks
from kring.content.targets import POST
from kring.engagement.models import Bookmark, Follow, Topic, TopicUse
from kring.spaces.models import Membership, Space

PAGE_SIZE = 20
MUST_KNOW_LIMIT = 5


class Filter:
    ALL = "all"
    NEWS = "news"
    QUESTIONS = "questions"
    SPACES = "spaces"
    FOLLOWING = "following"
    HOME = (ALL, NEWS, QUESTIONS, SPACES, FOLLOWING)
    # A space's own stream: questions by state, besides everything.
    UNANSWERED = "unanswered"
    ANSWERED = "answered"
    SPACE = (ALL, QUESTIONS, UNANSWERED, ANSWERED)


@dataclass(frozen=True)
class Interests:
    """What a person belongs to and follows: the sources of their home stream."""

    space_ids: frozenset[int]  # where the person is a current member
    memberships: dict[int, Membership] = field(default_factory=dict)  # every row, any state
    followed_spaces: frozenset[int] = frozenset()
    followed_people: frozenset[int] = frozenset()
    followed_topics: frozenset[int] = frozenset()

    @property
    def follows_anything(self) -> bool:
        return bool(self.followed_spaces or self.followed_people or self.followed_topics)


@dataclass
class StreamPage:
    posts: list[Post]
    next_cursor: str | None
    must_know: list[Post] = field(default_factory=list)
    interests: Interests | None = None


def interests_of(actor: User) -> Interests:
    """Two queries: the person's memberships, and everything they follow."""
    memberships = {m.space_id: m for m in Membership.objects.filter(user=actor)}
    space_ids = frozenset(pk for pk, m in memberships.items() if m.is_current())
    follows: dict[str, set[int]] = {kind: set() for kind in Follow.Kind.values}
    for kind, target_id in Follow.objects.filter(user=actor).values_list(
        "target_type", "target_id"
    ):
        follows.setdefault(kind, set()).add(target_id)
    return Interests(
        space_ids=space_ids,
        memberships=memberships,
        followed_spaces=frozenset(follows[Follow.Kind.SPACE]),
        followed_people=frozenset(follows[Follow.Kind.PERSON]),
        followed_topics=frozenset(follows[Follow.Kind.TOPIC]),
    )


def _visible(actor: User) -> QuerySet[Post]:
    """Published posts the actor may read. `state` is repeated here (the filter also lets
    authors see their scheduled posts) so the planner can walk the partial stream indexes."""
    qs = Post.objects.visible_to(actor).filter(state=Post.State.PUBLISHED, deleted_at__isnull=True)
    qs = qs.select_related("author", "space", "shared_post__author", "shared_post__space")
    return with_reader_marks(qs, actor)


def _with_topics(topic_ids: frozenset[int]) -> QuerySet[TopicUse, Any]:
    return TopicUse.objects.filter(topic_id__in=topic_ids, target_type=POST).values("target_id")


def _home_sources(filter_: str, interests: Interests) -> Q:
    followed = Q(space_id__in=interests.followed_spaces) if interests.followed_spaces else Q()
    if interests.followed_people:
        followed |= Q(author_id__in=interests.followed_people)
    if interests.followed_topics:
        followed |= Q(pk__in=_with_topics(interests.followed_topics))
    mine = Q(space_id__in=interests.space_ids)
    if filter_ == Filter.SPACES:
        return mine
    if filter_ == Filter.FOLLOWING:
        return followed if interests.follows_anything else Q(pk__in=[])
    return mine | followed if interests.follows_anything else mine


def _unread_news(actor: User) -> Q:
    """Important news the reader has not confirmed yet."""
    confirmed = ReadConfirmation.objects.filter(post=OuterRef("pk"), user=actor)
    return Q(important=True) & ~Q(Exists(confirmed))


def _home_query(actor: User, filter_: str, interests: Interests) -> QuerySet[Post]:
    qs = _visible(actor).filter(_home_sources(filter_, interests))
    if filter_ == Filter.NEWS:
        return qs.filter(kind=Post.Kind.NEWS)
    if filter_ == Filter.QUESTIONS:
        return qs.filter(kind=Post.Kind.QUESTION)
    return qs


def must_know(actor: User) -> list[Post]:
    """Pinned news and important news not yet confirmed: on top of the home stream."""
    now = clock.now()
    return list(
        _visible(actor)
        .filter(Q(important=True) | Q(pinned_until__isnull=False), kind=Post.Kind.NEWS)
        .filter(Q(pinned_until__gt=now) | _unread_news(actor))
        .order_by("-published_at", "-pk")[:MUST_KNOW_LIMIT]
    )


def home_stream(
    actor: User, *, filter_: str = Filter.ALL, cursor: str | None = None, top: bool = True
) -> StreamPage:
    """Must-know first (on the first page), then what the person belongs to and follows."""
    interests = interests_of(actor)
    pinned = must_know(actor) if top and cursor is None and filter_ == Filter.ALL else []
    qs = _home_query(actor, filter_, interests)
    if pinned:
        qs = qs.exclude(pk__in=[p.pk for p in pinned])
    page = keyset_page(qs, field="published_at", cursor=Cursor.decode(cursor), size=PAGE_SIZE)
    return StreamPage(page.items, page.next_cursor, must_know=pinned, interests=interests)


def space_stream(
    actor: User, space: Space, *, filter_: str = Filter.ALL, cursor: str | None = None
) -> StreamPage:
    """A space's posts, newest first; pinned news of the space on top of the first page."""
    qs = _visible(actor).filter(space=space)
    if filter_ in (Filter.QUESTIONS, Filter.UNANSWERED, Filter.ANSWERED):
        qs = qs.filter(kind=Post.Kind.QUESTION)
    if filter_ == Filter.UNANSWERED:
        qs = qs.filter(accepted_answer__isnull=True, comment_count=0)
    elif filter_ == Filter.ANSWERED:
        qs = qs.filter(Q(accepted_answer__isnull=False) | Q(comment_count__gt=0))
    pinned: list[Post] = []
    if cursor is None and filter_ == Filter.ALL:
        pinned = list(qs.filter(pinned_until__gt=clock.now()).order_by("-published_at")[:3])
        qs = qs.exclude(pk__in=[p.pk for p in pinned])
    page = keyset_page(qs, field="published_at", cursor=Cursor.decode(cursor), size=PAGE_SIZE)
    return StreamPage(page.items, page.next_cursor, must_know=pinned)


def person_stream(actor: User, person: User, *, cursor: str | None = None) -> StreamPage:
    qs = _visible(actor).filter(author=person)
    page = keyset_page(qs, field="published_at", cursor=Cursor.decode(cursor), size=PAGE_SIZE)
    return StreamPage(page.items, page.next_cursor)


def topic_stream(actor: User, topic: Topic, *, cursor: str | None = None) -> StreamPage:
    qs = _visible(actor).filter(pk__in=_with_topics(frozenset([topic.pk])))
    page = keyset_page(qs, field="published_at", cursor=Cursor.decode(cursor), size=PAGE_SIZE)
    return StreamPage(page.items, page.next_cursor)


def saved_stream(actor: User, *, cursor: str | None = None) -> StreamPage:
    """What the person saved (still visible to them), newest post first."""
    saved = Bookmark.objects.filter(user=actor, target_type=POST).values("target_id")
    qs = _visible(actor).filter(pk__in=saved)
    page = keyset_page(qs, field="published_at", cursor=Cursor.decode(cursor), size=PAGE_SIZE)
    return StreamPage(page.items, page.next_cursor)


def newer_count(actor: User, *, filter_: str, since: datetime) -> int:
    """How many posts in the reader's home stream appeared after `since` (the indicator)."""
    qs = _home_query(actor, filter_, interests_of(actor))
    return qs.filter(published_at__gt=since).exclude(author=actor)[:100].count()
