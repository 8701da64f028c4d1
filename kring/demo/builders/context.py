"""What the seeding steps share: the seed, per-step random streams, the clock, and the results."""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kring.accounts.models import RolloutWave, User
from kring.common import clock
from kring.org.models import OrgUnit


@dataclass
class DemoContext:
    """State handed from step to step while the demo organisation is generated.

    Steps add what later steps need (units by name, people by e-mail, waves) and write what the
    analytics tests must find into `truth`, which becomes `var/demo/planted_truth.json`.
    """

    seed: int
    admin: User | None = None
    units: dict[str, OrgUnit] = field(default_factory=dict)  # by name; schools by their name
    schools: list[OrgUnit] = field(default_factory=list)  # in the order of words.SCHOOLS
    people: dict[str, User] = field(default_factory=dict)  # by e-mail
    waves: dict[int, RolloutWave] = field(default_factory=dict)  # 1 and 2
    plan: Any = None  # the staff plan (kring.demo.builders.staff.StaffPlan)
    truth: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step

    def rng(self, stream: str) -> random.Random:
        """A random stream of its own per step, so adding a step never changes earlier ones."""
        return random.Random(f"kring-demo:{self.seed}:{stream}")

    def pin(self, moment: datetime) -> None:
        """Pin kring.common.clock, so services stamp the demo's timeline, not today."""
        clock.pin(moment)

    @property
    def administrator(self) -> User:
        if self.admin is None:
            raise RuntimeError("the administrator step has not run")
        return self.admin


@dataclass(frozen=True)
class Step:
    """One named stage of the demo; `run` writes through the services of the apps it fills."""

    name: str
    run: Callable[[DemoContext], None]
