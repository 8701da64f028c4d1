"""A CSV import of 10,000 rows through the service contract, in-process on PostgreSQL.

Two files, each measured as the dry run (`employee_import_upload`: decode, plan, store) and the
apply (`employee_import_apply`: re-plan, write all-or-nothing); the target is ≤60 s for each.

- `import_initial`: the first import, 10,000 people who are not in Kring yet (everyone with
  managers from the same file). The generated people are marked as added by hand first, so the
  file does not deactivate them.
- `import_sync`: the monthly HR export of the whole organisation: everyone already there, a few
  per cent with a new job title or unit, 1 % leavers left out of the file (deactivated), and new
  hires to make 10,000 rows.

Each case runs inside a transaction that is rolled back afterwards, so the bench data stays the
same from run to run; the final COMMIT (one WAL flush) is therefore not in the figures.
"""

import csv
import io
import random
import time
from typing import Any

from django.db import transaction

from bench.generate import (
    BENCH_ADMIN_EMAIL,
    BENCH_MEMBER_EMAIL,
    JOB_TITLES,
    email_for,
    random_name,
)
from bench.run import Bench

ROWS = 10_000
TARGET_S = 60.0
HEADER = ["name", "email", "unit", "job_title", "wave", "manager_email"]
NEW_DOMAIN = "import.bench.kring.example"


class _Rollback(Exception):
    pass


def _unit_paths() -> dict[int, str]:
    from kring.org.models import OrgUnit

    steplen = OrgUnit.steplen
    by_path: dict[str, str] = {}
    labels: dict[int, str] = {}
    for pk, name, path in OrgUnit.objects.order_by("path").values_list("id", "name", "path"):
        label = f"{by_path[path[:-steplen]]} / {name}" if path[:-steplen] in by_path else name
        by_path[path] = label
        labels[pk] = label
    return labels


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def initial_file(rng: random.Random, rows: int = ROWS) -> bytes:
    """New people in every unit; the first person of a unit manages it and reports upwards."""
    from kring.org.models import OrgUnit

    labels = _unit_paths()
    units = list(OrgUnit.objects.order_by("path").values_list("id", "path", "depth"))
    parent_of = {path: pk for pk, path, _depth in units}
    steplen = OrgUnit.steplen
    weights = [1 if depth < 3 else 12 for _pk, _path, depth in units]
    head: dict[int, str] = {}
    out: list[list[str]] = []

    def person(unit_id: int, path: str) -> None:
        first, last = random_name(rng)
        email = email_for(first, last, len(out) + 1, NEW_DOMAIN)
        if unit_id in head:
            manager = head[unit_id]
        else:
            parent = parent_of.get(path[:-steplen])
            manager = head.get(parent, "") if parent else ""
            head[unit_id] = email
        wave = "Enthusiasts" if rng.random() < 0.1 else "Everyone"
        job = rng.choice(JOB_TITLES)
        out.append([f"{first} {last}", email, labels[unit_id], job, wave, manager])

    for pk, path, _depth in units:  # managers first: the tree order puts parents first
        person(pk, path)
    while len(out) < rows:
        pk, path, _depth = rng.choices(units, weights=weights)[0]
        person(pk, path)
    return _csv(out[:rows])


def sync_file(rng: random.Random, rows: int = ROWS) -> tuple[bytes, dict[str, int]]:
    """Everyone now, with changes, leavers and new hires; returns the file and what it holds."""
    from kring.accounts.models import RolloutWave, User

    labels = _unit_paths()
    waves = dict(RolloutWave.objects.values_list("id", "name"))
    people = list(
        User.objects.exclude(status="deactivated")
        .exclude(role="guest")
        .order_by("pk")
        .values("id", "email", "display_name", "job_title", "primary_unit_id", "wave_id",
                "line_manager_id", "source")
    )  # fmt: skip
    email_of = {p["id"]: p["email"] for p in people}
    managers = {p["line_manager_id"] for p in people if p["line_manager_id"]}
    manager_of_unit: dict[int, str] = {}
    for p in people:
        if p["id"] in managers and p["primary_unit_id"] not in manager_of_unit:
            manager_of_unit[p["primary_unit_id"]] = p["email"]
    bench_logins = {BENCH_ADMIN_EMAIL, BENCH_MEMBER_EMAIL}
    may_leave = [
        p
        for p in people
        if p["id"] not in managers and p["source"] == "import" and p["email"] not in bench_logins
    ]
    leavers = {p["id"] for p in rng.sample(may_leave, len(people) // 100)}
    unit_ids = list(labels)
    out: list[list[str]] = []
    stats = {"leavers": len(leavers), "job_changes": 0, "moves": 0, "new_hires": 0}
    for p in people:
        if p["id"] in leavers:
            continue
        job, unit = p["job_title"], p["primary_unit_id"]
        roll = rng.random()
        if roll < 0.03:
            job = rng.choice([j for j in JOB_TITLES if j != job])
            stats["job_changes"] += 1
        elif roll < 0.05 and p["id"] not in managers:
            unit = rng.choice([u for u in unit_ids if u != unit])
            stats["moves"] += 1
        manager = email_of.get(p["line_manager_id"] or 0, "")
        out.append([p["display_name"], p["email"], labels[unit], job,
                    waves.get(p["wave_id"] or 0, ""), manager])  # fmt: skip
    while len(out) < rows:
        first, last = random_name(rng)
        unit = rng.choice(unit_ids)
        out.append([f"{first} {last}", email_for(first, last, len(out), NEW_DOMAIN), labels[unit],
                    rng.choice(JOB_TITLES), "Everyone", manager_of_unit.get(unit, "")])  # fmt: skip
        stats["new_hires"] += 1
    return _csv(out[:rows]), stats


def _import(actor: Any, data: bytes, name: str) -> dict[str, Any]:
    """Dry run, then apply, then a second dry run of the same file (which must change nothing)."""
    from kring.accounts.services.importing import employee_import_apply, employee_import_upload

    started = time.perf_counter()
    upload = employee_import_upload(actor=actor, filename=f"{name}.csv", data=data)
    plan_s = time.perf_counter() - started
    counts = upload.plan["counts"]
    result: dict[str, Any] = {
        "rows": counts["rows"],
        "bytes": len(data),
        "plan_s": round(plan_s, 2),
        "counts": counts,
        "errors": counts["errors"],
        "target_s": TARGET_S,
    }
    if counts["errors"]:
        result["problems"] = [p.get("message", p) for p in upload.plan["problems"][:10]]
        result["within_target"] = False
        return result
    started = time.perf_counter()
    employee_import_apply(actor=actor, employee_import=upload)
    apply_s = time.perf_counter() - started
    again = employee_import_upload(actor=actor, filename=f"{name}-again.csv", data=data)
    replan = again.plan["counts"]
    idempotent = not any(replan[k] for k in ("create", "update", "deactivate", "errors"))
    result.update(
        {
            "apply_s": round(apply_s, 2),
            "total_s": round(plan_s + apply_s, 2),
            "rows_per_s_apply": round(counts["rows"] / apply_s, 1) if apply_s else None,
            "within_target": plan_s <= TARGET_S and apply_s <= TARGET_S,
            "replan_counts": replan,
            "idempotent": idempotent,
        }
    )
    if not idempotent:
        result["errors"] += 1
        result["problem"] = "re-importing the same file would change something"
    return result


def _bulk_floor(data: bytes) -> dict[str, Any]:
    """The floor: bulk_create the same people (no checks, no history), for scale."""
    from kring.accounts.models import User

    rows = list(csv.DictReader(io.StringIO(data.decode())))
    started = time.perf_counter()
    User.objects.bulk_create(
        [User(email=r["email"], display_name=r["name"], job_title=r["job_title"]) for r in rows],
        batch_size=1000,
    )
    return {
        "what": "bulk_create of the same people without any checks (the floor)",
        "wall_s": round(time.perf_counter() - started, 2),
        "rows": len(rows),
    }


def _rolled_back(work: Any) -> Any:
    outcome: dict[str, Any] = {}
    try:
        with transaction.atomic():
            outcome["value"] = work()
            raise _Rollback
    except _Rollback:
        pass
    return outcome["value"]


def run(bench: Bench) -> dict[str, Any]:
    from kring.accounts.models import User

    actor = User.objects.get(email=BENCH_ADMIN_EMAIL)
    rng = random.Random(f"{bench.seed}:import")
    results: dict[str, Any] = {}

    initial = initial_file(rng)

    def initial_case() -> dict[str, Any]:
        User.objects.update(source=User.Source.MANUAL)
        return _import(actor, initial, "initial")

    busy = bench.quiet()
    results["import_initial"] = _rolled_back(initial_case)
    results["import_initial"]["cpu_busy_before_pct"] = busy
    results["import_initial"]["reference"] = _rolled_back(lambda: _bulk_floor(initial))

    sync, stats = sync_file(rng)
    busy = bench.quiet()
    results["import_sync"] = _rolled_back(lambda: _import(actor, sync, "sync"))
    results["import_sync"]["cpu_busy_before_pct"] = busy
    results["import_sync"]["file"] = stats
    results["import_sync"]["reference"] = None
    for name, result in results.items():
        print(
            f"    {name:<16} rows {result['rows']}  plan {result['plan_s']} s"
            f"  apply {result.get('apply_s')} s  counts {result['counts']}"
            f"  errors {result['errors']}",
            flush=True,
        )
    bench.notes.append(
        "Each import runs in a transaction rolled back afterwards (bench data unchanged); "
        "plan = employee_import_upload, apply = employee_import_apply."
    )
    return results
