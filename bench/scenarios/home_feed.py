"""The home feed at 1,000,000 posts, as signed-in members.

Four pages: the feed's first page, its second page (the keyset cursor of page 1's `rel="next"`
link), and the news and questions filters. Target (issue 9): p95 ≤150 ms per page of 20, with at
most 12 queries whatever the page; the bare Django hello is measured in the same run.

Each page is first fetched once in-process as the bench member, with the database's statement
timeout set to wrk's timeout: a page that fails or takes longer is recorded as an error and not
put under load (wrk would only count timeouts, and gunicorn would kill its workers). A page that
still breaks the run under load (its first request times out) is measured on its own and recorded
as failed, so the other pages keep their figures.
"""

import time
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from django.urls import reverse

from bench.run import Bench, Page

SESSIONS = 100
TARGET_P95_MS = 150
TARGET_QUERIES = 12


class _NextLink(HTMLParser):
    """The href of the first `<a rel="next">` (attribute values come unescaped)."""

    def __init__(self) -> None:
        super().__init__()
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if self.href is None and tag == "a" and "next" in (found.get("rel") or "").split():
            self.href = found.get("href")


@dataclass(frozen=True)
class Probe:
    seconds: float
    status: int | None  # None: the page failed or ran out of time
    body: str = ""
    failure: str = ""

    def usable(self, limit_s: float) -> bool:
        return self.status is not None and 200 <= self.status < 300 and self.seconds <= limit_s


def probe(path: str, cookie: str, limit_s: float) -> Probe:
    """One in-process GET with the database's statement timeout at `limit_s`."""
    from django.db import connection
    from django.test import Client

    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {int(limit_s * 1000)}")
    started = time.perf_counter()
    try:
        response = Client(HTTP_HOST="127.0.0.1").get(path, headers={"Cookie": cookie})
    except Exception as error:  # recorded as the page's failure; the other pages go on
        return Probe(time.perf_counter() - started, None, failure=repr(error)[:500])
    finally:
        connection.close()  # the time limit goes with the session
    return Probe(time.perf_counter() - started, response.status_code, response.content.decode())


def next_page_path(home: str, page_1: Probe) -> str | None:
    """Page 2's path: the href of page 1's `rel="next"` link."""
    parser = _NextLink()
    parser.feed(page_1.body)
    return urljoin(home, parser.href) if parser.href else None


def _unmeasured(path: str, found: Probe, limit_s: float) -> dict[str, Any]:
    answer = found.failure or f"answered {found.status}"
    reason = f"{answer} after {found.seconds:.1f} s in-process (limit {limit_s:.0f} s)"
    return {
        "url": path,
        "errors": 1,
        "not_measured": reason,
        "probe_s": round(found.seconds, 2),
        "within_target": False,
    }


def _compare(result: dict[str, Any]) -> None:
    """Targets, and what Kring costs over the bare Django view served the same way."""
    if not result["requests"]:  # wrk's latencies are then zeros, not figures
        result["errors"] = result["errors"] or 1
        result["not_measured"] = "no request finished within the measurement"
    result["within_target"] = bool(result["requests"]) and result["p95_ms"] <= TARGET_P95_MS
    queries = result.get("queries")
    result["queries_within_target"] = queries is not None and queries <= TARGET_QUERIES
    hello = result["reference"]
    result["over_hello"] = {
        "p50_ms": round(result["p50_ms"] - hello["p50_ms"], 2),
        "p95_ms": round(result["p95_ms"] - hello["p95_ms"], 2),
        "rps_ratio": round(result["rps"] / hello["rps"], 4) if hello["rps"] else None,
    }


def _measure(bench: Bench, pages: list[Page]) -> dict[str, Any]:
    """All pages in one run; when one breaks it (a timeout under load), each page on its own."""
    try:
        return bench.measure_pages(pages)
    except Exception as error:
        if len(pages) == 1:
            raise
        bench.notes.append(f"Measuring the pages together failed ({error!r}): one by one.")
    results: dict[str, Any] = {}
    for page in pages:
        try:
            results.update(bench.measure_pages([page]))
        except Exception as error:  # recorded as the page's failure; the other pages go on
            results[page.name] = {
                "url": page.path,
                "errors": 1,
                "not_measured": f"failed under load: {error!r}"[:500],
                "within_target": False,
            }
    return results


def run(bench: Bench) -> dict[str, Any]:
    cookies = bench.member_sessions(SESSIONS)
    home = reverse("feed:home")
    limit_s = bench.load.timeout_s
    bench.notes.append(
        f"Requests rotate through {len(cookies)} signed-in active members (the bench member "
        f"first). Target: p95 ≤{TARGET_P95_MS} ms and ≤{TARGET_QUERIES} queries per page."
    )
    paths = {"home_feed": home}
    page_1 = probe(home, cookies[0], limit_s)
    page_2 = next_page_path(home, page_1)
    if not page_1.usable(limit_s):
        bench.notes.append("Page 1 failed, so page 2 is unknown: not measured.")
    elif page_2 is None:
        bench.notes.append('Page 1 has no `<a rel="next">` link: page 2 not measured.')
    else:
        bench.notes.append(f"Page 2 is page 1's next link for the bench member: {page_2}")
        paths["home_feed_page_2"] = page_2
    paths["home_feed_news"] = f"{home}?filter=news"
    paths["home_feed_questions"] = f"{home}?filter=questions"

    results: dict[str, Any] = {}
    pages = []
    for name, path in paths.items():
        found = page_1 if path == home else probe(path, cookies[0], limit_s)
        if found.usable(limit_s):
            pages.append(Page(name=name, path=path, cookies=cookies))
        else:
            results[name] = _unmeasured(path, found, limit_s)
            bench.notes.append(f"{name} not measured: {results[name]['not_measured']}")
    if pages:
        for name, result in _measure(bench, pages).items():
            if "reference" in result:
                _compare(result)
            results[name] = result
    return {name: results[name] for name in paths}
