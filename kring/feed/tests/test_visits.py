"""Remembering the visit before: what the home stream marks as new."""

from datetime import timedelta

import pytest

from kring.common import clock
from kring.feed.models import HomeVisit
from kring.feed.services import home_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def pinned_clock():
    clock.pin(clock.now().replace(microsecond=0))
    yield
    clock.pin(None)


def test_each_visit_answers_the_one_before(member, pinned_clock):
    first = clock.now()
    assert home_visit(actor=member) is None
    clock.pin(first + timedelta(hours=3))
    assert home_visit(actor=member) == first
    clock.pin(first + timedelta(hours=3, minutes=5))
    assert home_visit(actor=member) == first + timedelta(hours=3)
    visit = HomeVisit.objects.get(user=member)
    assert (visit.seen_before, visit.seen_at) == (first + timedelta(hours=3), clock.now())


def test_a_visit_is_one_statement_after_the_first(member, django_assert_num_queries):
    home_visit(actor=member)
    with django_assert_num_queries(1):
        home_visit(actor=member)
