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

from kring.accounts.models import User
from kring.common import clock
from kring.common.keyset import Cursor, KeysetPage
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
    return Post.objects.visible_to(actor).filter(
        state=Post.State.PUBLISHED, deleted_at__isnull=True
    )


def _drawn(actor: User, qs: QuerySet[Post]) -> QuerySet[Post]:
    """What a card needs besides the post: author, space, a share's original, the reader's marks."""
    qs = qs.select_related("author", "space", "shared_post__author", "shared_post__space")
    return with_reader_marks(qs, actor)


def _page(actor: User, qs: QuerySet[Post], cursor: Cursor | None) -> KeysetPage[Post]:
    """One page in two steps inside one statement: the ids of the page (the filter and the keyset
    walk, nothing else), then those rows with what the cards need. Planned apart, so the joins
    for drawing never meet a million-row estimate (docs/feed.md)."""
    if cursor is not None:
        qs = qs.filter(
            Q(published_at__lt=cursor.moment) | Q(published_at=cursor.moment, pk__lt=cursor.pk)
        )
    ids = qs.order_by("-published_at", "-pk").values("pk")[: PAGE_SIZE + 1]
    rows = list(_drawn(actor, Post.objects.filter(pk__in=ids)).order_by("-published_at", "-pk"))
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    token = Cursor(rows[-1].published_at, rows[-1].pk).encode() if more and rows else None
    return KeysetPage(rows, token)


def _with_topics(topic_ids: frozenset[int]) -> QuerySet[TopicUse, Any]:
    return TopicUse.objects.filter(topic_id__in=topic_ids, target_type=POST).values("target_id")


def _home_sources(filter_: str, interests: Interests) -> list[Q]:
    """Each source of the home stream as its own condition: one space, one person, the topics."""
    mine = [Q(space_id=pk) for pk in sorted(interests.space_ids)]
    followed = [Q(space_id=pk) for pk in sorted(interests.followed_spaces - interests.space_ids)]
    followed += [Q(author_id=pk) for pk in sorted(interests.followed_people)]
    if interests.followed_topics:
        followed.append(Q(pk__in=_with_topics(interests.followed_topics)))
    if filter_ == Filter.SPACES:
        return mine
    if filter_ == Filter.FOLLOWING:
        return followed
    return mine + followed


# Above this many sources one IN-list walks the stream index better than a union.
UNION_SOURCES = 60


def _candidates(
    filter_: str, interests: Interests, cursor: Cursor | None, exclude: list[int], n: int
) -> QuerySet[Post, Any] | None:
    """The newest `n` post ids of each source after `cursor`, as one UNION ALL: every branch is
    a short walk down its own index (post_space_stream, post_author_stream), so the cost is
    bounded by the number of sources, never by the number of posts (docs/feed.md)."""
    sources = _home_sources(filter_, interests)
    if not sources or len(sources) > UNION_SOURCES:
        return None
    base = Post.objects.filter(state=Post.State.PUBLISHED, deleted_at__isnull=True)
    if filter_ == Filter.NEWS:
        base = base.filter(kind=Post.Kind.NEWS)
    elif filter_ == Filter.QUESTIONS:
        base = base.filter(kind=Post.Kind.QUESTION)
    if exclude:
        base = base.exclude(pk__in=exclude)
    if cursor is not None:
        base = base.filter(
            Q(published_at__lt=cursor.moment) | Q(published_at=cursor.moment, pk__lt=cursor.pk)
        )
    branches = [base.filter(q).order_by("-published_at", "-pk").values("pk")[:n] for q in sources]
    if not connection.features.supports_slicing_ordering_in_compound:  # SQLite
        branches = [Post.objects.filter(pk__in=b).values("pk") for b in branches]
    return branches[0].union(*branches[1:], all=True) if len(branches) > 1 else branches[0]


def _unread_news(actor: User) -> Q:
    """Important news the reader has not confirmed yet."""
    confirmed = ReadConfirmation.objects.filter(post=OuterRef("pk"), user=actor)
    return Q(important=True) & ~Q(Exists(confirmed))


def _home_query(actor: User, filter_: str, interests: Interests) -> QuerySet[Post]:
    sources = _home_sources(filter_, interests)
    anywhere = Q()
    for q in sources:
        anywhere |= q
    qs = _visible(actor).filter(anywhere if sources else Q(pk__in=[]))
    if filter_ == Filter.NEWS:
        return qs.filter(kind=Post.Kind.NEWS)
    if filter_ == Filter.QUESTIONS:
        return qs.filter(kind=Post.Kind.QUESTION)
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


def home_stream(
    actor: User, *, filter_: str = Filter.ALL, cursor: str | None = None, top: bool = True
) -> StreamPage:
    """Must-know first (on the first page), then what the person belongs to and follows."""
    interests = interests_of(actor)
    pinned = must_know(actor) if top and cursor is None and filter_ == Filter.ALL else []
    exclude = [p.pk for p in pinned]
    after = Cursor.decode(cursor)
    qs = _home_query(actor, filter_, interests)
    candidates = _candidates(filter_, interests, after, exclude, PAGE_SIZE + 1)
    if candidates is not None:
        qs = qs.filter(pk__in=candidates)  # the same rows, found by a bounded walk
    elif exclude:
        qs = qs.exclude(pk__in=exclude)
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
    return StreamPage(page.items, page.next_cursor, must_know=pinned)


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
    qs = _home_query(actor, filter_, interests_of(actor))
    return qs.filter(published_at__gt=since).exclude(author=actor)[:100].count()
