"""Joining and leaving the 10,000-member community, in-process on PostgreSQL.

`space_join` and `space_leave` (the services the join and leave buttons call), each in its own
transaction with its on-commit work (the activity event), for 20 people taking turns; the space
is read fresh before each call, as a request would. The reference is a plain insert and delete
of one membership row, each in its own transaction. Target: ≤50 ms (p95).
"""

import time
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from bench.harness import percentiles_ms
from bench.run import Bench

ITERATIONS = 250
WARMUP = 20
TARGET_MS = 50


def _queries(step: Callable[[], None]) -> int:
    with CaptureQueriesContext(connection) as captured:
        step()
    control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
    return sum(1 for q in captured.captured_queries if not q["sql"].startswith(control))


def run(bench: Bench) -> dict[str, Any]:
    from bench.generate import BIG_SPACE_NAME, _joiner_ids
    from kring.accounts.models import User
    from kring.spaces.models import Membership, Space
    from kring.spaces.services.membership import space_join, space_leave

    space_id = Space.objects.get(name=BIG_SPACE_NAME).pk
    people = list(User.objects.filter(pk__in=_joiner_ids()).order_by("pk"))
    # A run that stopped half-way may have left someone in: start clean.
    Membership.objects.filter(space_id=space_id, user__in=people).delete()
    members = Membership.objects.filter(space_id=space_id, state="active").count()

    def fresh() -> Space:
        return Space.objects.get(pk=space_id)

    def join(person: User, space: Space) -> None:
        with transaction.atomic():
            space_join(actor=person, space=space)

    def leave(person: User, space: Space) -> None:
        with transaction.atomic():
            space_leave(actor=person, space=space)

    def timed(step: Callable[[], None]) -> float:
        started = time.perf_counter()
        step()
        return time.perf_counter() - started

    for i in range(WARMUP):
        join(people[i % len(people)], fresh())
        leave(people[i % len(people)], fresh())
    busy = bench.quiet()
    space = fresh()
    join_queries = _queries(lambda: join(people[0], space))
    space = fresh()
    leave_queries = _queries(lambda: leave(people[0], space))
    join_s: list[float] = []
    leave_s: list[float] = []
    for i in range(ITERATIONS):
        person = people[i % len(people)]
        space = fresh()
        join_s.append(timed(lambda: join(person, space)))  # noqa: B023 - called at once
        space = fresh()
        leave_s.append(timed(lambda: leave(person, space)))  # noqa: B023 - called at once

    reference_s: list[float] = []
    person = people[0]
    for _i in range(ITERATIONS):
        started = time.perf_counter()
        with transaction.atomic():
            m = Membership.objects.create(space_id=space_id, user=person)
        with transaction.atomic():
            m.delete()
        reference_s.append(time.perf_counter() - started)
    reference = {**percentiles_ms(reference_s), "what": "plain insert + delete of one membership"}

    bench.notes.append(
        f"In-process: {ITERATIONS} joins and {ITERATIONS} leaves by {len(people)} people taking "
        f"turns, after {WARMUP} warm-up rounds, on the community with {members} active "
        f"members. Target: ≤{TARGET_MS} ms."
    )
    results = {}
    for name, samples, queries in (
        ("space_join", join_s, join_queries),
        ("space_leave", leave_s, leave_queries),
    ):
        figures = percentiles_ms(samples)
        results[name] = {
            **figures,
            "errors": 0,
            "queries": queries,
            "members": members,
            "within_target": figures["p95_ms"] <= TARGET_MS,
            "what": f"{name} on the {members}-member community, with its on-commit work",
            "cpu_busy_before_pct": busy,
            "reference": reference,
        }
    return results
