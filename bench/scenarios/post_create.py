"""Writing a post in the biggest spaces, in-process on PostgreSQL, at 1,000,000 posts.

`post_create` (the service the post form calls) in its own transaction with its on-commit work
(the activity event), by 20 people taking turns: a post in the community everyone is in, and news
in the organisation news space by the communications team. The space is read fresh before each
call, as a request would. The reference is a plain insert of one post row. Every post made here is
deleted afterwards (with its topic uses and the activity events of the run), so the data stays
the same.
Target (issue 9): ≤100 ms (p95).
"""

import time
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.test.utils import CaptureQueriesContext

from bench.harness import percentiles_ms
from bench.run import Bench

ITERATIONS = 200
WARMUP = 20
TARGET_MS = 100
AUTHORS = 20
# Recognisable, so a run that was killed half-way can clean up after itself the next time.
BODY = "Wie doet er mee met de leesweek van alle scholen? Aanmelden kan tot vrijdag. #leesweek"
NEWS_TITLE = "Leesweek voor alle scholen"


def _queries(step: Callable[[], None]) -> int:
    with CaptureQueriesContext(connection) as captured:
        step()
    control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
    return sum(1 for q in captured.captured_queries if not q["sql"].startswith(control))


def _timed(step: Callable[[], None]) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def _clean_up(topics_before: set[int], last_event_id: int) -> None:
    """Delete the bench's posts and what they left: topic uses, new topics, activity events."""
    from kring.accounts.models import ActivityEvent
    from kring.content.models import Post
    from kring.engagement.models import Topic, TopicUse

    ids = list(Post.objects.filter(body=BODY).values_list("pk", flat=True))
    with transaction.atomic():
        TopicUse.objects.filter(target_type="post", target_id__in=ids).delete()
        Topic.objects.exclude(pk__in=topics_before).filter(uses__isnull=True).delete()
        ActivityEvent.objects.filter(pk__gt=last_event_id).delete()
        Post.objects.filter(pk__in=ids).delete()


def _measure(bench: Bench, space_id: int, authors: list[Any], kind: str) -> dict[str, Any]:
    """Warm up, count the queries of one creation, then time ITERATIONS creations."""
    from kring.content.models import Post
    from kring.content.services.posts import post_create
    from kring.spaces.models import Space

    title = NEWS_TITLE if kind == Post.Kind.NEWS else ""

    def create(author: Any, space: Space) -> None:
        with transaction.atomic():
            post_create(actor=author, space=space, kind=kind, title=title, body=BODY)

    def fresh() -> Space:
        return Space.objects.get(pk=space_id)

    for i in range(WARMUP):
        create(authors[i % len(authors)], fresh())
    space = fresh()
    queries = _queries(lambda: create(authors[0], space))
    busy = bench.quiet()
    samples = []
    for i in range(ITERATIONS):
        space = fresh()
        samples.append(_timed(lambda: create(authors[i % len(authors)], space)))  # noqa: B023
    figures = percentiles_ms(samples)
    return {
        **figures,
        "errors": 0,
        "queries": queries,
        "within_target": figures["p95_ms"] <= TARGET_MS,
        "cpu_busy_before_pct": busy,
    }


def _reference(space_id: int, author: Any) -> dict[str, Any]:
    """A plain insert of one post row, each in its own transaction: the floor."""
    from kring.content.models import Post

    samples = []
    for _i in range(ITERATIONS):
        started = time.perf_counter()
        with transaction.atomic():
            Post.objects.create(space_id=space_id, author=author, body=BODY, body_html=BODY)
        samples.append(time.perf_counter() - started)
    return {**percentiles_ms(samples), "what": "plain insert of one post row"}


def run(bench: Bench) -> dict[str, Any]:
    from kring.accounts.models import ActivityEvent, User
    from kring.content.models import Post
    from kring.engagement.models import Topic
    from kring.spaces.models import Membership, Space

    community = (
        Space.objects.filter(kind="community", deleted_at__isnull=True, archived_at__isnull=True)
        .order_by("-member_count")
        .first()
    )
    news = Space.objects.get(kind="news")
    if community is None:
        raise RuntimeError("The bench data has no community: generate it first")
    members = list(
        User.objects.filter(
            pk__in=Membership.objects.filter(space=community, state="active").values("user_id"),
            status="active",
            is_active=True,
            role="member",
        ).order_by("pk")[:AUTHORS]
    )
    editors = list(
        User.objects.filter(status="active", is_active=True, role="comms_editor").order_by("pk")[
            :AUTHORS
        ]
    )
    topics_before = set(Topic.objects.values_list("pk", flat=True))
    last_event_id = ActivityEvent.objects.aggregate(last=Max("pk"))["last"] or 0
    _clean_up(topics_before, last_event_id)  # a run killed half-way left its posts behind
    activity_before = {s.pk: s.last_activity_at for s in (community, news)}
    posts = Post.objects.count()
    try:
        reference = _reference(community.pk, members[0])
        results = {
            "post_create": {
                **_measure(bench, community.pk, members, Post.Kind.POST),
                "what": f"a post in the community of {community.member_count} members",
                "members": community.member_count,
                "reference": reference,
            },
            "news_create": {
                **_measure(bench, news.pk, editors, Post.Kind.NEWS),
                "what": f"news in the news space of {news.member_count} members",
                "members": news.member_count,
                "reference": reference,
            },
        }
    finally:
        _clean_up(topics_before, last_event_id)
        for pk, moment in activity_before.items():
            Space.objects.filter(pk=pk).update(last_activity_at=moment)
    bench.notes.append(
        f"In-process: {ITERATIONS} posts by {len(members)} members taking turns in "
        f"'{community.name}' ({community.member_count} members) and {ITERATIONS} news items by "
        f"{len(editors)} editors in the news space ({news.member_count} members), after "
        f"{WARMUP} warm-up posts each, beside {posts} posts; each in its own transaction with "
        f"its on-commit work, deleted afterwards. Target: ≤{TARGET_MS} ms (p95). No space can "
        f"hold 10,000 members: of the 10,000 people some are deactivated, guests or outside."
    )
    return results
