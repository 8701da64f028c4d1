"""The streams: home, space, person and topic, assembled at read time (docs/feed.md).

Pull model: no per-person copy of any post. A stream is one keyset query on the post stream
indexes, narrowed by what the reader belongs to and follows, always through the one visibility
filter (`Post.objects.visible_to`). Cards are then decorated for the reader in a fixed number of
queries, whatever the page holds (kring/feed/cards.py).
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from kring.accounts.models import User
from kring.common import clock
from kring.common.keyset import Cursor, KeysetPage, keyset_page
from kring.content.models import Post, ReadConfirmation
from kring.content.permissions import can_post
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
    scheduled: list[Post] = field(default_factory=list)  # the reader's own, not yet published


def interests_of(actor: User) -> Interests:
    """Two queries: the person's memberships (with their spaces), and everything they follow."""
    rows = Membership.objects.filter(user=actor).select_related("space__unit")
    memberships = {m.space_id: m for m in rows}
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
    return Post.objects.visible_to(actor).filter(
        state=Post.State.PUBLISHED, deleted_at__isnull=True
    )


def _drawn(actor: User, qs: QuerySet[Post]) -> QuerySet[Post]:
    """What a card needs besides the post: author, space, a share's original, the reader's marks."""
    qs = qs.select_related("author", "space", "shared_post__author", "shared_post__space")
    return with_reader_marks(qs, actor)


def _page(actor: User, qs: QuerySet[Post], cursor: Cursor | None) -> KeysetPage[Post]:
    """One page: its ids first, then those rows with what the cards need (docs/feed.md)."""
    return keyset_page(
        qs,
        field="published_at",
        cursor=cursor,
        size=PAGE_SIZE,
        draw=lambda page: _drawn(actor, page),
    )


def _with_topics(topic_ids: frozenset[int]) -> QuerySet[TopicUse, Any]:
    return TopicUse.objects.filter(topic_id__in=topic_ids, target_type=POST).values("target_id")


@dataclass(frozen=True)
class Sources:
    """Where a home stream's posts come from: spaces, people, topics (by id)."""

    spaces: tuple[int, ...] = ()
    people: tuple[int, ...] = ()
    topics: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.spaces or self.people or self.topics)

    def q(self) -> Q:
        found = Q(space_id__in=self.spaces) if self.spaces else Q(pk__in=[])
        if self.people:
            found |= Q(author_id__in=self.people)
        if self.topics:
            found |= Q(pk__in=_with_topics(frozenset(self.topics)))
        return found


def _home_sources(filter_: str, interests: Interests) -> Sources:
    mine = sorted(interests.space_ids)
    if filter_ == Filter.SPACES:
        return Sources(spaces=tuple(mine))
    followed = Sources(
        spaces=tuple(sorted(interests.followed_spaces - interests.space_ids)),
        people=tuple(sorted(interests.followed_people)),
        topics=tuple(sorted(interests.followed_topics)),
    )
    if filter_ == Filter.FOLLOWING:
        return followed
    return Sources(tuple(sorted({*mine, *followed.spaces})), followed.people, followed.topics)


KIND_OF_FILTER = {Filter.NEWS: Post.Kind.NEWS, Filter.QUESTIONS: Post.Kind.QUESTION}


def _candidates(
    filter_: str, sources: Sources, cursor: Cursor | None, exclude: list[int], n: int
) -> RawSQL | None:
    """PostgreSQL: the newest `n` post ids of each space and each followed person after
    `cursor`, in one statement. Each source is a LATERAL walk of at most `n` entries down its own
    index (post_space_stream, post_space_kind_stream, post_author_stream), so the cost grows
    with the number of sources, never with the number of posts (docs/feed.md). Elsewhere
    (SQLite, the embedded demo) None: the plain query is fine at that size."""
    if connection.vendor != "postgresql":
        return None
    post, uses = Post._meta.db_table, TopicUse._meta.db_table
    where = ["p.state = 'published'", "p.deleted_at IS NULL"]
    params: list[Any] = []
    if filter_ in KIND_OF_FILTER:
        where.append("p.kind = %s")
        params.append(str(KIND_OF_FILTER[filter_]))
    if cursor is not None:
        where.append("(p.published_at, p.id) < (%s, %s)")
        params += [cursor.moment, cursor.pk]
    if exclude:
        where.append("NOT (p.id = ANY(%s))")
        params.append(exclude)
    condition = " AND ".join(where)
    branches: list[str] = []
    values: list[Any] = []
    for column, ids in (("space_id", sources.spaces), ("author_id", sources.people)):
        if ids:
            branches.append(
                f"SELECT c.id FROM unnest(%s::bigint[]) AS s(v) CROSS JOIN LATERAL ("
                f"SELECT p.id FROM {post} p WHERE p.{column} = s.v AND {condition} "
                f"ORDER BY p.published_at DESC, p.id DESC LIMIT %s) c"
            )
            values += [list(ids), *params, n]
    if sources.topics:
        branches.append(
            f"(SELECT p.id FROM {post} p WHERE p.id IN (SELECT u.target_id FROM {uses} u "
            f"WHERE u.topic_id = ANY(%s) AND u.target_type = %s) AND {condition} "
            f"ORDER BY p.published_at DESC, p.id DESC LIMIT %s)"
        )
        values += [list(sources.topics), POST, *params, n]
    return RawSQL(" UNION ALL ".join(branches), values) if branches else None


def _unread_news(actor: User) -> Q:
    """Important news the reader has not confirmed yet."""
    confirmed = ReadConfirmation.objects.filter(post=OuterRef("pk"), user=actor)
    return Q(important=True) & ~Q(Exists(confirmed))


def _home_query(actor: User, filter_: str, sources: Sources) -> QuerySet[Post]:
    qs = _visible(actor).filter(sources.q())
    if filter_ in KIND_OF_FILTER:
        return qs.filter(kind=KIND_OF_FILTER[filter_])
    return qs


def must_know(actor: User) -> list[Post]:
    """Pinned news and important news not yet confirmed: on top of the home stream."""
    now = clock.now()
    ids = (
        _visible(actor)
        .filter(Q(important=True) | Q(pinned_until__isnull=False), kind=Post.Kind.NEWS)
        .filter(Q(pinned_until__gt=now) | _unread_news(actor))
        .order_by("-published_at", "-pk")
        .values("pk")[:MUST_KNOW_LIMIT]
    )
    return list(_drawn(actor, Post.objects.filter(pk__in=ids)).order_by("-published_at", "-pk"))


def home_stream(actor: User, *, filter_: str = Filter.ALL, cursor: str | None = None) -> StreamPage:
    """Must-know first (on the first page), then what the person belongs to and follows."""
    interests = interests_of(actor)
    pinned = must_know(actor) if cursor is None and filter_ == Filter.ALL else []
    exclude = [p.pk for p in pinned]
    after = Cursor.decode(cursor)
    sources = _home_sources(filter_, interests)
    qs = _visible(actor)
    candidates = _candidates(filter_, sources, after, exclude, PAGE_SIZE + 1)
    if candidates is not None:
        qs = qs.filter(pk__in=candidates)  # the same rows, found by a bounded walk
    else:
        qs = _home_query(actor, filter_, sources).exclude(pk__in=exclude)
    page = _page(actor, qs, after)
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
        pinned_ids = qs.filter(pinned_until__isnull=False, pinned_until__gt=clock.now())
        pinned_ids = pinned_ids.order_by("-published_at")[:3]
        pinned = list(_drawn(actor, Post.objects.filter(pk__in=pinned_ids.values("pk"))))
        qs = qs.exclude(pk__in=[p.pk for p in pinned])
    page = _page(actor, qs, Cursor.decode(cursor))
    mine = _scheduled(actor, space) if cursor is None and filter_ == Filter.ALL else []
    return StreamPage(page.items, page.next_cursor, must_know=pinned, scheduled=mine)


SCHEDULED_LIMIT = 10


def _scheduled(actor: User, space: Space) -> list[Post]:
    """The reader's own scheduled news in this space, soonest first, so they can check it before
    everyone sees it. Only news is scheduled: no query in other spaces or for other readers."""
    if not can_post(actor, space, Post.Kind.NEWS):
        return []
    qs = Post.objects.visible_to(actor).filter(
        space=space, author=actor, state=Post.State.SCHEDULED, deleted_at__isnull=True
    )
    return list(_drawn(actor, qs).order_by("publish_at", "pk")[:SCHEDULED_LIMIT])


def person_stream(actor: User, person: User, *, cursor: str | None = None) -> StreamPage:
    qs = _visible(actor).filter(author=person)
    page = _page(actor, qs, Cursor.decode(cursor))
    return StreamPage(page.items, page.next_cursor)


def topic_stream(actor: User, topic: Topic, *, cursor: str | None = None) -> StreamPage:
    qs = _visible(actor).filter(pk__in=_with_topics(frozenset([topic.pk])))
    page = _page(actor, qs, Cursor.decode(cursor))
    return StreamPage(page.items, page.next_cursor)


def saved_stream(actor: User, *, cursor: str | None = None) -> StreamPage:
    """What the person saved (still visible to them), newest post first."""
    saved = Bookmark.objects.filter(user=actor, target_type=POST).values("target_id")
    qs = _visible(actor).filter(pk__in=saved)
    page = _page(actor, qs, Cursor.decode(cursor))
    return StreamPage(page.items, page.next_cursor)


def newer_count(actor: User, *, filter_: str, since: datetime) -> int:
    """How many posts in the reader's home stream appeared after `since` (the indicator)."""
    qs = _home_query(actor, filter_, _home_sources(filter_, interests_of(actor)))
    return qs.filter(published_at__gt=since).exclude(author=actor)[:100].count()
