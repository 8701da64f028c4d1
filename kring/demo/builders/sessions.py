"""Sessions as if every event had come in order.

The steps before record each person's events space by space and week by week, not in the order
of time, and the activity service writes them once the demo commits, assigning sessions in that
order. This step asks, after those writes, for every person's sessions to be made again from the
events alone (ANALYTICS.md §2: `sessions_recompute` reproduces the ids).
"""

from django.db import transaction

from kring.accounts.models import ActivityEvent
from kring.accounts.services.activity import sessions_recompute
from kring.demo.builders.context import DemoContext


def _recompute_everyone() -> None:
    people = ActivityEvent.objects.order_by().values_list("actor_id", flat=True).distinct()
    sessions_recompute(user_ids=list(people))


def build_sessions(ctx: DemoContext) -> None:
    # After commit, behind the activity writes the earlier steps queued (callbacks run in order).
    transaction.on_commit(_recompute_everyone)
