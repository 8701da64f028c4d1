"""Print the figures of bench/results/*.json as Markdown tables: `python -m bench.report`."""

import json
from typing import Any

from bench.harness import BENCH_DIR

ORDER = ("login", "home", "import", "activity")


def _load() -> dict[str, dict[str, Any]]:
    reports = {}
    for name in ORDER:
        path = BENCH_DIR / "results" / f"{name}.json"
        if path.exists():
            reports[name] = json.loads(path.read_text())
    return reports


def _size(report: dict[str, Any]) -> str:
    data = report["data"]
    return f"{data['users']:,} users, {data['units']} units"


def main() -> None:
    reports = _load()
    pages = [
        "| page | p50 ms | p95 ms | p99 ms | req/s | requests | errors | queries "
        "| hello p50 ms | hello req/s | data |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    inprocess = [
        "| operation | p50 ms | p95 ms | p99 ms | per s | n | queries | reference p50 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    imports = [
        "| import (10,000 rows) | created | updated | deactivated | plan s | apply s "
        "| within 60 s | idempotent | bulk_create floor s |",
        "|---|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    for report in reports.values():
        for name, r in report["results"].items():
            if not isinstance(r, dict):
                continue
            if "url" in r:
                ref = r["reference"]
                pages.append(
                    f"| {name} (`GET {r['url']}`) | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} "
                    f"| {r['rps']} | {r['requests']} | {r['errors']} | {r.get('queries', '')} "
                    f"| {ref['p50_ms']} | {ref['rps']} | {_size(report)} |"
                )
            elif "plan_s" in r:
                c = r["counts"]
                floor = (r.get("reference") or {}).get("wall_s", "")
                imports.append(
                    f"| {name} | {c['create']} | {c['update']} | {c['deactivate']} "
                    f"| {r['plan_s']} | {r.get('apply_s')} | {r.get('within_target')} "
                    f"| {r.get('idempotent')} | {floor} |"
                )
            elif "p50_ms" in r and "reference" in r:
                inprocess.append(
                    f"| {name} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['rps']} "
                    f"| {r['requests']} | {r.get('queries', '')} | {r['reference']['p50_ms']} |"
                )
        added = report["results"].get("activity_added_per_request")
        if added:
            inprocess.append(
                f"| home page, with minus without ActivityMiddleware (HTTP) | {added['p50_ms']} "
                f"| {added['p95_ms']} | {added['p99_ms']} | {added['rps_change_pct']} % req/s "
                "| | | |"
            )
    any_report = next(iter(reports.values()), None)
    if any_report:
        m, load = any_report["machine"], any_report["load"]
        print(
            f"Measured {any_report['date'][:10]} at commit {any_report['git']['commit'][:7]} on "
            f"{m['cpus']} x {m['cpu']}, {m['memory_gb']} GB, Python {m['python']}, "
            f"PostgreSQL {m['postgresql'].split()[0]}; {load['tool'].split(' [')[0]}, "
            f"{load['connections']} connections, {load['duration_s']} s per page, gunicorn "
            f"{load['gunicorn_workers']} {load['gunicorn_worker_class']} workers.\n"
        )
    for table in (pages, imports, inprocess):
        if len(table) > 2:
            print("\n".join(table) + "\n")


if __name__ == "__main__":
    main()
