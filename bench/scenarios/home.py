"""GET the home page as signed-in members at 10,000 users."""

from typing import Any

from django.urls import reverse

from bench.run import Bench, Page

SESSIONS = 100


def run(bench: Bench) -> dict[str, Any]:
    cookies = bench.member_sessions(SESSIONS)
    bench.notes.append(
        f"Requests rotate through {len(cookies)} signed-in active members (the bench member first)."
    )
    return bench.measure_pages([Page(name="home", path=reverse("feed:home"), cookies=cookies)])
