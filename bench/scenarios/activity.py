"""What recording an ActivityEvent adds: in-process per event, and over HTTP per home page request.

In-process (PostgreSQL): `activity_record` plus its on-commit write, timed around the transaction
that records it, for many different people (each event starts a session: two rows and the session
state) and for one person again and again (session continuation: one row, one update). The
reference is a plain insert of one ActivityEvent row.

Over HTTP: the home page served with the production settings, and with the same settings minus the
ActivityMiddleware (bench/settings_no_activity.py), same sessions, same load.
"""

import random
import time
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.harness import percentiles_ms
from bench.run import Bench, Page

EVENTS = 2000
WARMUP_EVENTS = 50
SESSIONS = 100
ROUNDS = 4  # the two home pages take turns, so a burst of other work hits both


def _timed(count: int, step: Callable[[int], None]) -> list[float]:
    samples = []
    for i in range(count):
        started = time.perf_counter()
        step(i)
        samples.append(time.perf_counter() - started)
    return samples


def _queries(step: Callable[[], None]) -> int:
    from django.db import connection

    with CaptureQueriesContext(connection) as captured:
        step()
    # Statements only: Django also logs BEGIN, COMMIT and savepoints.
    control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
    return sum(1 for q in captured.captured_queries if not q["sql"].startswith(control))


def _in_process(bench: Bench) -> dict[str, Any]:
    from django.core.cache import cache

    from bench.generate import BENCH_MEMBER_EMAIL
    from kring.accounts.models import ActivityEvent, User
    from kring.accounts.services.activity import activity_record, session_cache_key

    rng = random.Random(bench.seed)
    member = User.objects.get(email=BENCH_MEMBER_EMAIL)
    candidates = list(
        User.objects.filter(status="active", is_active=True)
        .exclude(pk=member.pk)
        .only("pk", "primary_unit_id")
    )
    people = rng.sample(candidates, min(len(candidates), EVENTS + WARMUP_EVENTS + 1))
    # Each of these people starts a fresh session, whatever earlier runs recorded.
    ActivityEvent.objects.filter(actor__in=people).delete()
    cache.delete_many([session_cache_key(p.pk) for p in people])
    meta = {"section": "bench"}

    def record(actor: User) -> None:
        with transaction.atomic():
            activity_record(actor=actor, verb="page_view", meta=meta)

    def plain_insert(i: int) -> None:
        with transaction.atomic():
            ActivityEvent.objects.create(
                occurred_at=member.date_joined, recorded_at=member.date_joined, actor_id=member.pk,
                verb="page_view", unit_id=member.primary_unit_id, meta=meta,
            )  # fmt: skip

    for person in people[:WARMUP_EVENTS]:
        record(person)
    busy = bench.quiet()
    new_queries = _queries(lambda: record(people[WARMUP_EVENTS]))
    new_session = _timed(EVENTS, lambda i: record(people[(WARMUP_EVENTS + 1 + i) % len(people)]))

    record(member)  # opens (or continues) the member's session
    same_queries = _queries(lambda: record(member))
    same_user = _timed(EVENTS, lambda i: record(member))

    _timed(WARMUP_EVENTS, plain_insert)
    insert_queries = _queries(lambda: plain_insert(0))
    reference = {**percentiles_ms(_timed(EVENTS, plain_insert)), "queries": insert_queries}
    reference["what"] = "one plain ActivityEvent insert in its own transaction"

    return {
        "activity_record_new_session": {
            **percentiles_ms(new_session),
            "errors": 0,
            "queries": new_queries,
            "what": "activity_record + on-commit write, a new person each time (session start)",
            "cpu_busy_before_pct": busy,
            "reference": reference,
        },
        "activity_record_same_user": {
            **percentiles_ms(same_user),
            "errors": 0,
            "queries": same_queries,
            "what": "activity_record + on-commit write, the same person (session continuation)",
            "reference": reference,
        },
    }


def run(bench: Bench) -> dict[str, Any]:
    results = _in_process(bench)
    cookies = bench.member_sessions(SESSIONS)
    bench.notes.append(
        f"HTTP: requests rotate through {len(cookies)} signed-in active members; in-process: "
        f"{EVENTS} events per case after {WARMUP_EVENTS} warm-up events. The two home pages are "
        f"measured in {ROUNDS} alternating rounds; their figures are the medians of the rounds."
    )
    home = reverse("feed:home")
    pages = bench.measure_pages(
        [
            Page(name="home_with_activity", path=home, cookies=cookies),
            Page(
                name="home_without_activity",
                path=home,
                settings_module="bench.settings_no_activity",
                cookies=cookies,
            ),
        ],
        rounds=ROUNDS,
    )
    results.update(pages)
    with_, without = pages["home_with_activity"], pages["home_without_activity"]
    results["activity_added_per_request"] = {
        "p50_ms": round(with_["p50_ms"] - without["p50_ms"], 2),
        "p95_ms": round(with_["p95_ms"] - without["p95_ms"], 2),
        "p99_ms": round(with_["p99_ms"] - without["p99_ms"], 2),
        "rps_change_pct": round((with_["rps"] / without["rps"] - 1) * 100, 1)
        if without["rps"]
        else None,
        "what": "home_with_activity minus home_without_activity (negative: within noise)",
    }
    return results
