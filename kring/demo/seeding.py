"""Run the demo's steps and write the planted truth. Used by `manage.py seed_demo` and the tests."""

import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from kring.accounts.models import User
from kring.common import clock
from kring.demo.builders import STEPS, DemoContext, Step
from kring.demo.credentials import ADMINISTRATOR
from kring.org.models import OrgUnit


def planted_truth_path() -> Path:
    return Path(settings.VAR_DIR) / "demo" / "planted_truth.json"


def demo_exists() -> bool:
    """The demo has been seeded when its administrator exists (seeding is all-or-nothing)."""
    return User.objects.filter(email=ADMINISTRATOR.email).exists()


def database_is_empty() -> bool:
    return not User.objects.exists() and not OrgUnit.objects.exists()


def render_truth(truth: dict[str, Any]) -> str:
    """Stable text: sorted keys, fixed indentation, one trailing newline."""
    return json.dumps(truth, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write_truth(truth: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(render_truth(truth), encoding="utf-8")
    os.replace(tmp, path)


def seed_demo(*, seed: int, steps: Sequence[Step] | None = None) -> DemoContext:
    """Generate the demo organisation in one transaction; nothing is left half-made on failure."""
    ctx = DemoContext(seed=seed)
    previous = clock.pinned()
    try:
        with transaction.atomic():
            for step in STEPS if steps is None else steps:
                started = time.perf_counter()
                step.run(ctx)
                ctx.timings[step.name] = time.perf_counter() - started
            write_truth(ctx.truth, planted_truth_path())
    finally:
        clock.pin(previous)
    return ctx
