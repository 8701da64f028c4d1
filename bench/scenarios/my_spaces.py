"""'My spaces' (the directory filtered to the member's own spaces) at 10,000 users, 2,000 spaces.

Target: p95 ≤100 ms on PostgreSQL.
"""

from typing import Any

from django.urls import reverse

from bench.run import Bench, Page

SESSIONS = 100
TARGET_P95_MS = 100


def run(bench: Bench) -> dict[str, Any]:
    cookies = bench.member_sessions(SESSIONS)
    bench.notes.append(
        f"Requests rotate through {len(cookies)} signed-in active members (the bench member "
        f"first). Target: p95 ≤{TARGET_P95_MS} ms on PostgreSQL."
    )
    path = f"{reverse('spaces:directory')}?mine=1"
    results = bench.measure_pages([Page(name="my_spaces", path=path, cookies=cookies)])
    for result in results.values():
        result["within_target"] = result["p95_ms"] <= TARGET_P95_MS
    return results
