"""Where a page's time goes, in-process against the bench database: `python -m bench.profile /`.

Signs in as the bench member (or `--member N`, the N-th of the members the load rotates
through), makes `--warm` requests, then `--repeat` measured ones, and prints per request the
status, the wall time, the SQL time and the statements; with `--profile`, cProfile's top functions
by cumulative time. Run `python -m bench.generate` first. Uses the production settings, as the
load runs do.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("path", help="the page, e.g. / or '/?filter=news'")
    parser.add_argument("--member", type=int, default=0)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="cProfile the measured requests")
    parser.add_argument("--sql", action="store_true", help="print every statement")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)

    from bench import run

    run._environment()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    cookie = run.member_sessions(args.member + 1)[args.member]
    client = Client(HTTP_HOST="127.0.0.1", headers={"Cookie": cookie})
    for _ in range(args.warm):
        client.get(args.path)
    profiler = cProfile.Profile() if args.profile else None
    walls = []
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            response = client.get(args.path)
            if profiler:
                profiler.disable()
            wall = (time.perf_counter() - started) * 1000
        walls.append(wall)
        sql = sum(float(q["time"]) for q in captured.captured_queries) * 1000
        print(
            f"{response.status_code}  {wall:7.1f} ms  sql {sql:6.1f} ms  "
            f"{len(captured.captured_queries)} statements  {len(response.content):,} bytes"
        )
    walls.sort()
    print(f"median {walls[len(walls) // 2]:.1f} ms, best {walls[0]:.1f} ms")
    if args.sql:
        for q in captured.captured_queries:
            print(f"-- {float(q['time']) * 1000:.1f} ms\n{q['sql'][:600]}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
