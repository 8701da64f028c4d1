"""The feed's one write: remembering when someone last looked at their home stream."""

from datetime import datetime

from kring.accounts.models import User
from kring.common import clock
from kring.feed.models import HomeVisit


def home_visit(*, actor: User) -> datetime | None:
    """Record a visit now; returns the moment of the visit before (None the first time)."""
    now = clock.now()
    before = HomeVisit.objects.filter(user=actor).values_list("seen_at", flat=True).first()
    if before is None:
        HomeVisit.objects.bulk_create([HomeVisit(user=actor, seen_at=now)], ignore_conflicts=True)
    else:
        HomeVisit.objects.filter(user=actor).update(seen_at=now)
    return before
