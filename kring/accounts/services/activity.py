"""The one writer of ActivityEvent (ANALYTICS.md §2): after commit, 30-minute sessions."""

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from kring.accounts.models import ActivityEvent, User
from kring.common import clock

SESSION_NAMESPACE = uuid.UUID("6c1e2f52-8f0c-4c43-9d3b-6b7bb1f3c0aa")

VERBS = frozenset(
    {
        "invite_accepted", "login", "session_start", "page_view", "search", "profile_viewed",
        "followed", "group_joined", "group_left", "group_requested", "news_read_confirmed",
        "file_downloaded", "poll_voted", "event_rsvp", "post_created", "question_asked", "share",
        "comment_created", "reaction_added", "mention", "answer_accepted", "file_uploaded",
        "page_edited", "space_muted", "digest_opt_out", "email_unsubscribed", "push_disabled",
        "tour_completed", "outcome_marked",
    }
)  # fmt: skip


def session_id_for(user_id: int, started_at: datetime) -> uuid.UUID:
    """Deterministic, so sessions_recompute reproduces the ids from the events alone."""
    return uuid.uuid5(SESSION_NAMESPACE, f"{user_id}:{started_at.timestamp():.6f}")


def session_gap() -> timedelta:
    return timedelta(minutes=settings.KRING["SESSION_GAP_MINUTES"])


def activity_record(
    *,
    actor: User,
    verb: str,
    obj_type: str = "",
    obj_id: int | None = None,
    root_type: str = "",
    root_id: int | None = None,
    space_id: int | None = None,
    target_user_id: int | None = None,
    client: str = "web",
    meta: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> None:
    """Record that `actor` did `verb`; the row is written once the transaction commits."""
    if verb not in VERBS:
        raise ValueError(f"Unknown activity verb: {verb}")
    if not actor.pk:
        return
    moment = occurred_at or clock.now()
    fields = {
        "verb": verb,
        "object_type": obj_type,
        "object_id": obj_id,
        "root_type": root_type,
        "root_id": root_id,
        "space_id": space_id,
        "unit_id": actor.primary_unit_id,
        "target_user_id": target_user_id,
        "client": client,
        "meta": meta or {},
    }
    transaction.on_commit(lambda: _write(actor.pk, moment, fields))


def session_cache_key(user_id: int) -> str:
    return f"kring:activity:session:{user_id}"


def _current_session(actor_id: int) -> tuple[datetime, uuid.UUID] | None:
    """The person's latest event time and session, by one read on the (actor, occurred_at) index."""
    return (
        ActivityEvent.objects.filter(actor_id=actor_id)
        .order_by("-occurred_at")
        .values_list("occurred_at", "session_id")
        .first()
    )


def _write(actor_id: int, moment: datetime, fields: dict[str, Any]) -> None:
    # Two statements in autocommit (a read that the cache usually saves, and one insert): no
    # lock and no transaction of its own, because this runs inside every page request.
    gap = session_gap()
    state: tuple[datetime, uuid.UUID] | None = cache.get(session_cache_key(actor_id))
    if state is None or moment - state[0] >= gap:
        # Another web process may have continued the session meanwhile: the log decides.
        state = _current_session(actor_id)
    rows = []
    if state is None or moment - state[0] >= gap:
        session_id = session_id_for(actor_id, moment)
        last = moment
        rows.append(
            ActivityEvent(
                occurred_at=moment, recorded_at=clock.now(), actor_id=actor_id,
                verb="session_start", session_id=session_id, unit_id=fields["unit_id"],
                client=fields["client"],
            )
        )  # fmt: skip
    else:
        session_id, last = state[1], max(state[0], moment)
    rows.append(
        ActivityEvent(
            occurred_at=moment, recorded_at=clock.now(), actor_id=actor_id,
            session_id=session_id, **fields,
        )
    )  # fmt: skip
    ActivityEvent.objects.bulk_create(rows)
    cache.set(session_cache_key(actor_id), (last, session_id), int(gap.total_seconds()))


def sessions_recompute(*, user_ids: Iterable[int]) -> int:
    """Make each person's sessions follow from their events alone: every event's `session_id`,
    and one `session_start` per session at its first event. Events recorded out of order (the
    demo writes a person's content by space, not by time; a phone sends late) leave the ids and
    starts of the moment of recording; this puts them as if every event had come in order.
    Returns the number of sessions."""
    gap = session_gap()
    ids = list(user_ids)
    events = (
        ActivityEvent.objects.filter(actor_id__in=ids)
        .exclude(verb="session_start")
        .order_by("actor_id", "occurred_at", "pk")
        .only("pk", "actor_id", "occurred_at", "recorded_at", "session_id", "unit_id", "client")
    )
    changed: list[ActivityEvent] = []
    starts: list[ActivityEvent] = []
    last: tuple[int, datetime] | None = None  # (person, moment of their previous event)
    current: uuid.UUID | None = None
    for event in events.iterator(chunk_size=5000):
        if last is None or last[0] != event.actor_id or event.occurred_at - last[1] >= gap:
            current = session_id_for(event.actor_id, event.occurred_at)
            starts.append(
                ActivityEvent(
                    occurred_at=event.occurred_at, recorded_at=event.recorded_at,
                    actor_id=event.actor_id, verb="session_start", session_id=current,
                    unit_id=event.unit_id, client=event.client,
                )
            )  # fmt: skip
        last = (event.actor_id, event.occurred_at)
        if event.session_id != current:
            event.session_id = current  # type: ignore[assignment]
            changed.append(event)
    with transaction.atomic():
        ActivityEvent.objects.bulk_update(changed, ["session_id"], batch_size=1000)
        ActivityEvent.objects.filter(actor_id__in=ids, verb="session_start").delete()
        ActivityEvent.objects.bulk_create(starts, batch_size=1000)
    for actor_id in ids:
        cache.delete(session_cache_key(actor_id))
    return len(starts)
