"""The demo's fixed calendar. No generated value depends on the wall clock.

Week 0 is the day the first rollout wave (the enthusiasts) got access; the general launch, when
everyone got access, is twelve weeks later and is the demo's anchor. The demo covers 35 weeks
(ANALYTICS.md §11), all of them in the past for anyone running it from late 2026 on.
"""

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

TZ: Final = ZoneInfo("Europe/Amsterdam")

WEEK_0: Final = date(2025, 12, 8)  # Monday: wave 1 ("Golf 1 — enthousiastelingen") starts
SET_UP: Final = WEEK_0 - timedelta(weeks=2)  # the project team prepares Kring
GENERAL_LAUNCH: Final = WEEK_0 + timedelta(weeks=12)  # Monday 2 March 2026: wave 2, everyone
ANCHOR: Final = GENERAL_LAUNCH
WEEKS: Final = 35
END: Final = WEEK_0 + timedelta(weeks=WEEKS)  # first day after the demo's timeline
WAVE_START_TIME: Final = time(7, 0)

# The two school holidays inside the timeline (first and last day, inclusive).
HOLIDAYS: Final[tuple[tuple[str, date, date], ...]] = (
    ("Kerstvakantie", date(2025, 12, 20), date(2026, 1, 4)),
    ("Meivakantie", date(2026, 4, 25), date(2026, 5, 10)),
)

# How busy each weekday is, Monday first (ANALYTICS.md §11; the sources: Monday peaks,
# Saturday is nearly silent, Sunday picks up again).
WEEKDAY_WEIGHTS: Final[tuple[float, ...]] = (1.00, 0.85, 0.80, 0.75, 0.55, 0.05, 0.30)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """An aware moment on `day` in the organisation's time zone."""
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def week_start(week: int) -> date:
    """The Monday of demo week `week` (week 0 is wave 1's first week)."""
    return WEEK_0 + timedelta(weeks=week)


def is_holiday(day: date) -> bool:
    return any(first <= day <= last for _name, first, last in HOLIDAYS)


def day_weight(day: date) -> float:
    """Relative activity on `day`: the weekday weight, and almost nothing in a holiday."""
    return WEEKDAY_WEIGHTS[day.weekday()] * (0.05 if is_holiday(day) else 1.0)


def pick_moment(
    rng: random.Random,
    start: date,
    days: int,
    *,
    decay: float = 1.0,
    boosts: Sequence[float] = (),
    hours: tuple[int, int] = (7, 21),
) -> datetime:
    """A moment in the `days` days from `start`, weighted by weekday and holidays.

    `decay` makes earlier days likelier (day d weighs decay**d); `boosts` multiplies the first
    days' weights (a launch day). The minute is drawn within `hours` (start inclusive, end not).
    """
    candidates = [start + timedelta(days=d) for d in range(days)]
    weights = [
        day_weight(day) * decay**d * (boosts[d] if d < len(boosts) else 1.0)
        for d, day in enumerate(candidates)
    ]
    day = rng.choices(candidates, weights=weights)[0]
    minute = rng.randrange((hours[1] - hours[0]) * 60)
    return at(day, hours[0] + minute // 60, minute % 60)
