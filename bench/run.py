"""Run the Kring benchmarks on PostgreSQL: `python -m bench.run [SCENARIO ...]` (`make bench`).

Every scenario writes bench/results/<scenario>.json. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

from bench.harness import (
    BENCH_DIR,
    REPO_DIR,
    LoadSettings,
    Server,
    combine_rounds,
    cpu_busy_pct,
    ensure_wrk,
    measure,
    wait_until_quiet,
)

SCENARIOS = (
    "login", "home", "import", "activity", "spaces_directory", "my_spaces", "space_join",
    "home_feed", "post_create",
)  # fmt: skip
MODULES = {"import": "import_csv"}  # `import` is a keyword: not a module name
HTTP_SCENARIOS = {"login", "home", "activity", "spaces_directory", "my_spaces", "home_feed"}
DATABASE_NAME = "kring_bench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE_NAME}"
REDIS_URL = "redis://127.0.0.1:6379/5"
RESULTS_DIR = BENCH_DIR / "results"
VAR_DIR = REPO_DIR / "var" / "bench"


def log(message: str) -> None:
    print(message, flush=True)


@dataclass(frozen=True)
class Page:
    """A page to measure: a name for the results, a path, the settings serving it, cookies."""

    name: str
    path: str
    settings_module: str = "config.settings.prod"
    cookies: list[str] = field(default_factory=list)


@dataclass
class Bench:
    """What a scenario gets: the environment, load settings and helpers to serve and measure."""

    env: dict[str, str]
    load: LoadSettings
    sizes: dict[str, int]
    seed: int
    notes: list[str] = field(default_factory=list)

    def server(self, name: str, settings_module: str) -> Server:
        wsgi = "bench.hello.wsgi:application" if name == "hello" else "config.wsgi:application"
        return Server(
            name=name, wsgi=wsgi, settings_module=settings_module, env=self.env,
            log_dir=VAR_DIR / "logs", workers=self.load.workers,
        )  # fmt: skip

    def measure_pages(self, pages: list[Page], rounds: int = 1) -> dict[str, Any]:
        """Serve Kring (once per settings module) and the hello reference, measure each page.

        With rounds > 1 the pages take turns (A B A B …), each round a share of the duration,
        so a burst of other work on the machine hits them alike; figures are the rounds' medians.
        """
        with contextlib.ExitStack() as stack:
            servers: dict[str, Server] = {}
            for page in pages:
                if page.settings_module not in servers:
                    name = "kring" if not servers else f"kring-{len(servers) + 1}"
                    servers[page.settings_module] = stack.enter_context(
                        self.server(name, page.settings_module)
                    )
            hello = stack.enter_context(self.server("hello", "bench.hello.settings"))
            for page in pages:
                servers[page.settings_module].wait_ready(page.path)
            hello.wait_ready("/")
            per_round = max(3, -(-self.load.duration_s // rounds))
            measured: dict[str, list[dict[str, Any]]] = {page.name: [] for page in pages}
            for round_ in range(rounds):
                for page in pages:
                    log(f"  measuring {page.name}: GET {page.path} ({page.settings_module})")
                    result = measure(
                        servers[page.settings_module], page.path, self.load, page.cookies, log,
                        warmup_s=self.load.warmup_s if round_ == 0 else 0,
                        duration_s=per_round if rounds > 1 else None,
                    )  # fmt: skip
                    measured[page.name].append(result)
                    _print_row(page.name, result)
            results: dict[str, Any] = {}
            for page in pages:
                results[page.name] = combine_rounds(measured[page.name])
                results[page.name]["settings_module"] = page.settings_module
                if page.settings_module == os.environ["DJANGO_SETTINGS_MODULE"]:
                    results[page.name]["queries"] = self.count_queries(page)
                if rounds > 1:
                    _print_row(f"{page.name} (median)", results[page.name])
            log("  measuring the reference: bare Django hello")
            reference = measure(hello, "/", self.load, None, log)
            _print_row("hello", reference)
            for result in results.values():
                result["reference"] = {
                    k: reference[k]
                    for k in ("url", "p50_ms", "p95_ms", "p99_ms", "rps", "requests", "errors")
                }
            return results

    def count_queries(self, page: Page) -> int | None:
        """SQL statements of one warm request for the page, made in-process (ARCHITECTURE §12).

        None when the page does not answer 2xx (the load figures then show the errors).
        """
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        client = Client(HTTP_HOST="127.0.0.1")
        headers = {"Cookie": page.cookies[0]} if page.cookies else {}
        client.get(page.path, headers=headers)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path, headers=headers)
        if not 200 <= response.status_code < 300:
            return None
        control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
        return sum(1 for q in captured.captured_queries if not q["sql"].startswith(control))

    def quiet(self) -> float:
        """Before an in-process measurement: wait for a quiet machine if asked; returns busy %."""
        if self.load.quiet_wait_s:
            return wait_until_quiet(self.load.quiet_wait_s, log=log)
        return cpu_busy_pct()

    def member_sessions(self, count: int) -> list[str]:
        return member_sessions(count)


def member_sessions(count: int) -> list[str]:
    """Signed-in sessions (Cookie header values): the bench member, then other members."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from bench.generate import BENCH_MEMBER_EMAIL
    from kring.accounts.models import User

    bench_member = User.objects.get(email=BENCH_MEMBER_EMAIL)
    others = User.objects.filter(status="active", is_active=True, role="member").exclude(
        pk=bench_member.pk
    )
    people = [bench_member, *others.order_by("pk")[: max(0, count - 1)]]
    cookies = []
    for person in people:
        session = SessionStore()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


class Scenario(Protocol):
    def run(self, bench: Bench) -> dict[str, Any]: ...


def _print_row(name: str, r: dict[str, Any]) -> None:
    flag = f"  ERRORS: {r['errors']} {r.get('status_codes')}" if r.get("errors") else ""
    log(
        f"    {name:<24} p50 {r['p50_ms']:>8.2f} ms  p95 {r['p95_ms']:>8.2f} ms"
        f"  p99 {r['p99_ms']:>8.2f} ms  {r['rps']:>8.1f} req/s  n={r['requests']}{flag}"
    )


def _environment() -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "KRING_CACHE_PREFIX": "kring-bench",
        "KRING_HTTPS": "0",
        "KRING_VAR_DIR": str(VAR_DIR),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    os.environ.update(env)
    return env


def _create_database() -> None:
    import psycopg

    with psycopg.connect(
        "host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            log(f"creating database {DATABASE_NAME}")
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def prepare(sizes: dict[str, int] | None = None, seed: int = 42) -> dict[str, int]:
    """Database, migrations, static files, cache and data: all before the first measurement."""
    import django
    import redis
    from django.core.management import call_command

    from bench.generate import ensure_data

    if not os.environ.get("DJANGO_SECRET_KEY"):
        _environment()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _create_database()
    redis.Redis.from_url(REDIS_URL).flushdb()  # db 5 belongs to the benchmarks
    django.setup()
    log("migrating the bench database")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.contrib.sessions.models import Session

    Session.objects.all().delete()
    return ensure_data(sizes, seed, log)


def _machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = 0.0
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "postgresql": postgres,
    }


def _git() -> dict[str, Any]:
    def git(*args: str) -> str:
        out = subprocess.run(["git", *args], cwd=REPO_DIR, capture_output=True, text=True)
        return out.stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def _load_average() -> float:
    return round(os.getloadavg()[0], 2)


def _errors(results: dict[str, Any]) -> int:
    return sum(int(r.get("errors", 0)) for r in results.values() if isinstance(r, dict))


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind like Ctrl-C, so every server is stopped on the way out."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "scenarios", nargs="*", metavar="SCENARIO",
        help=f"one or more of {', '.join(SCENARIOS)} (default: all)",
    )  # fmt: skip
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--spaces", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", 3)))
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", 4))
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 2)))
    parser.add_argument(
        "--quiet-wait",
        type=int,
        default=int(os.environ.get("BENCH_QUIET_WAIT", 0)),
        help="on a shared machine, wait up to this many seconds before each measurement "
        "until other work leaves the CPUs mostly idle",
    )
    args = parser.parse_args(argv)
    unknown = [s for s in args.scenarios if s not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
    chosen = args.scenarios or list(SCENARIOS)

    env = _environment()
    if HTTP_SCENARIOS & set(chosen):
        ensure_wrk(log)
    load = LoadSettings(
        duration_s=args.duration, warmup_s=args.warmup, connections=args.connections,
        workers=args.workers, quiet_wait_s=args.quiet_wait,
    )  # fmt: skip
    with _terminate_cleanly():
        sizes = prepare(
            sizes={"users": args.users, "units": args.units, "spaces": args.spaces}, seed=args.seed
        )
        machine = _machine()
        failed: list[str] = []
        for name in chosen:
            log(f"scenario {name}")
            bench = Bench(env=env, load=load, sizes=sizes, seed=args.seed)
            module: Scenario = importlib.import_module(f"bench.scenarios.{MODULES.get(name, name)}")
            started = time.monotonic()
            load_before = _load_average()
            if load_before > (os.cpu_count() or 1):
                log(
                    f"  note: the machine is busy (load average {load_before:.1f} on "
                    f"{os.cpu_count()} CPUs); figures will be slower and noisier"
                )
            report: dict[str, Any] = {
                "scenario": name,
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "git": _git(),
                "machine": machine,
                "load": load.as_dict(),
            }
            try:
                results = module.run(bench)
                report["ok"] = _errors(results) == 0
                report["errors"] = _errors(results)
            except KeyboardInterrupt:
                log("interrupted; servers stopped")
                return 130
            except Exception:
                results = {}
                report["ok"] = False
                report["failure"] = traceback.format_exc()
                log(report["failure"])
            from bench.generate import data_size

            report["data"] = data_size()
            report["results"] = results
            report["notes"] = bench.notes
            report["seconds"] = round(time.monotonic() - started, 1)
            # Other work on the machine skews the figures; the 1-minute load says how much.
            report["load_average"] = {"before": load_before, "after": _load_average()}
            RESULTS_DIR.mkdir(parents=True, exist_ok=True)
            path = RESULTS_DIR / f"{name}.json"
            path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
            status = "ok" if report["ok"] else "FAILED (see errors and notes in the file)"
            log(f"scenario {name}: {status}, {report['seconds']} s -> {path.relative_to(REPO_DIR)}")
            if not report["ok"]:
                failed.append(name)
    if failed:
        log(f"\nScenarios with errors: {', '.join(failed)}. Their figures are not valid.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
