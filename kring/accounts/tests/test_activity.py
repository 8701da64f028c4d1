from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.urls import reverse

from kring.accounts.models import ActivityEvent
from kring.accounts.services.activity import activity_record, sessions_recompute


def at(hh_mm: str) -> datetime:
    hours, minutes = map(int, hh_mm.split(":"))
    return datetime(2026, 3, 2, hours, minutes, tzinfo=UTC)


def record(user, *moments: str, verb: str = "page_view") -> None:
    for moment in moments:
        with transaction.atomic():
            activity_record(actor=user, verb=verb, occurred_at=at(moment), meta={"section": "feed"})


def session_count(user) -> int:
    return ActivityEvent.objects.filter(actor=user, verb="session_start").count()


@pytest.mark.django_db(transaction=True)
def test_gaps_under_30_minutes_stay_in_one_session(member):
    record(member, "09:00", "09:29", "09:58")
    assert session_count(member) == 1
    assert ActivityEvent.objects.filter(actor=member).values("session_id").distinct().count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_gap_of_30_minutes_starts_a_new_session(member):
    record(member, "09:00", "09:30")
    assert session_count(member) == 2
    starts = ActivityEvent.objects.filter(actor=member, verb="session_start").order_by(
        "occurred_at"
    )
    assert [e.occurred_at for e in starts] == [at("09:00"), at("09:30")]


def sessions_of(user):
    events = ActivityEvent.objects.filter(actor=user).order_by("occurred_at", "verb")
    return [(e.verb, e.occurred_at, e.session_id) for e in events]


@pytest.mark.django_db(transaction=True)
def test_events_recorded_out_of_order_get_the_sessions_they_would_have_had(member, other_member):
    record(other_member, "09:00", "09:10", "11:00", "11:45", "11:50")  # in order
    record(member, "11:45", "09:10", "11:00", "09:00", "11:50")  # the same moments, shuffled
    assert session_count(member) != 3  # recording could only follow the order of arrival
    assert sessions_recompute(user_ids=[member.pk, other_member.pk]) == 6
    ordered = [(verb, moment) for verb, moment, _ in sessions_of(other_member)]
    assert [(verb, moment) for verb, moment, _ in sessions_of(member)] == ordered
    assert session_count(member) == session_count(other_member) == 3
    for person in (member, other_member):
        starts = {sid for verb, _, sid in sessions_of(person) if verb == "session_start"}
        assert {sid for _, _, sid in sessions_of(person)} == starts  # every event in a session
    assert sessions_recompute(user_ids=[member.pk]) == 3  # and again: nothing changes
    record(member, "12:10")  # recording goes on from the rebuilt sessions
    assert session_count(member) == 3


@pytest.mark.django_db(transaction=True)
def test_sessions_recompute_reproduces_the_recorded_ids(member):
    record(member, "09:00", "09:10", "11:00", "11:45", "11:50")
    recorded = list(
        ActivityEvent.objects.filter(actor=member).exclude(verb="session_start")
        .order_by("occurred_at").values_list("session_id", flat=True)
    )  # fmt: skip
    ActivityEvent.objects.filter(actor=member).update(
        session_id="00000000-0000-0000-0000-000000000000"
    )
    assert sessions_recompute(user_ids=[member.pk]) == 3
    recomputed = list(
        ActivityEvent.objects.filter(actor=member).exclude(verb="session_start")
        .order_by("occurred_at").values_list("session_id", flat=True)
    )  # fmt: skip
    assert recomputed == recorded


@pytest.mark.django_db(transaction=True)
def test_events_are_written_only_after_commit(member):
    with transaction.atomic():
        activity_record(actor=member, verb="login")
        assert not ActivityEvent.objects.filter(actor=member).exists()
    assert ActivityEvent.objects.filter(actor=member, verb="login").exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_action_records_nothing(member):
    with pytest.raises(RuntimeError), transaction.atomic():
        activity_record(actor=member, verb="post_created")
        raise RuntimeError("the action failed")
    assert not ActivityEvent.objects.filter(actor=member).exists()


@pytest.mark.django_db(transaction=True)
def test_event_keeps_the_unit_the_actor_had_then(member, school, board):
    record(member, "09:00")
    member.primary_unit = board
    member.save()
    record(member, "09:05")
    units = list(
        ActivityEvent.objects.filter(actor=member, verb="page_view").order_by("occurred_at")
        .values_list("unit_id", flat=True)
    )  # fmt: skip
    assert units == [school.pk, board.pk]


def test_unknown_verbs_are_refused(member):
    with pytest.raises(ValueError, match="Unknown activity verb"):
        activity_record(actor=member, verb="keystroke")


@pytest.mark.django_db(transaction=True)
def test_page_view_records_the_section_of_a_full_page(client, member):
    client.force_login(member)
    client.get(reverse("feed:home"))
    view = ActivityEvent.objects.get(actor=member, verb="page_view")
    assert view.meta == {"section": "feed"}
    assert view.client == "web"


@pytest.mark.django_db(transaction=True)
def test_htmx_fragments_and_errors_are_not_page_views(client, member):
    client.force_login(member)
    client.get(reverse("feed:home"), headers={"HX-Request": "true"})
    client.get("/does-not-exist/")
    assert not ActivityEvent.objects.filter(actor=member, verb="page_view").exists()


@pytest.mark.django_db(transaction=True)
def test_login_is_recorded(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert ActivityEvent.objects.filter(actor=member, verb="login").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_stale_cache_in_another_web_process_does_not_split_the_session(member):
    from django.core.cache import cache

    from kring.accounts.services.activity import session_cache_key

    record(member, "09:00")
    stale = cache.get(session_cache_key(member.pk))
    record(member, "09:20")
    cache.set(session_cache_key(member.pk), stale)  # what a second process still remembers
    record(member, "09:40")
    assert session_count(member) == 1


@pytest.mark.django_db(transaction=True)
def test_without_a_cache_the_log_decides(member):
    from django.core.cache import cache

    record(member, "09:00")
    cache.clear()
    record(member, "09:10")
    cache.clear()
    record(member, "09:45")
    assert session_count(member) == 2
