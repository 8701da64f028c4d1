"""The one source of "now", so tests and the demo can pin time."""

from datetime import datetime

from django.utils import timezone

_pinned: datetime | None = None


def now() -> datetime:
    return _pinned if _pinned is not None else timezone.now()


def pinned() -> datetime | None:
    """The moment the clock is pinned to, or None when it runs."""
    return _pinned


def pin(moment: datetime | None) -> None:
    """Pin the clock to `moment` (None releases it)."""
    global _pinned
    _pinned = moment
