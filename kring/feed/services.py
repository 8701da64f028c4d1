"""The feed's one write: remembering when someone last looked at their home stream."""

from datetime import datetime

from kring.accounts.models import User
from kring.common import clock
from kring.feed.models import HomeVisit

_VISIT = (
    f"UPDATE {HomeVisit._meta.db_table} SET seen_before = seen_at, seen_at = %s "
    "WHERE user_id = %s RETURNING user_id, seen_before"
)


def home_visit(*, actor: User) -> datetime | None:
    """Record a visit now; returns the moment of the visit before (None the first time).

    One statement on every visit but the first: the update hands back the visit it replaced.
    """
    now = clock.now()
    for visit in HomeVisit.objects.raw(_VISIT, [now, actor.pk]):
        return visit.seen_before
    HomeVisit.objects.bulk_create([HomeVisit(user=actor, seen_at=now)], ignore_conflicts=True)
    return None
