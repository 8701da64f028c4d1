"""Keyset pagination walks a stream newest first, without gaps or repeats, even on equal times."""

from datetime import timedelta

import pytest
from django.db import models

from kring.common import clock
from kring.common.keyset import Cursor, keyset_page
from kring.common.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_pages_cover_every_row_once_in_order_with_ties():
    now = clock.now()
    rows = [
        AuditEntry.objects.create(action="x", at=now - timedelta(minutes=i // 3)) for i in range(10)
    ]
    seen, cursor = [], None
    while True:
        page = keyset_page(
            AuditEntry.objects.all(), field="at", cursor=Cursor.decode(cursor), size=4
        )
        seen += [r.pk for r in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    expected = [r.pk for r in sorted(rows, key=lambda r: (r.at, r.pk), reverse=True)]
    assert seen == expected


@pytest.mark.parametrize("token", ["", "x", "%%%", "bm9uc2Vuc2U", "MjAyNi0wMS0wMXwx", "a" * 200])
def test_a_damaged_cursor_starts_from_the_top(token):
    assert Cursor.decode(token) is None  # naive dates, garbage, wrong shape, absurd length


def test_a_cursor_round_trips():
    cursor = Cursor(clock.now(), 42)
    assert Cursor.decode(cursor.encode()) == cursor


def test_drawing_a_page_keeps_the_filter_and_order_and_applies_the_drawing(
    django_assert_num_queries,
):
    now = clock.now()
    for i in range(7):
        AuditEntry.objects.create(action="keep" if i % 2 else "drop", at=now - timedelta(hours=i))
    kept = AuditEntry.objects.filter(action="keep")

    def draw(page):
        return page.annotate(drawn=models.Value(True))

    with django_assert_num_queries(1):  # ids and rows in one statement
        page = keyset_page(kept, field="at", cursor=None, size=2, draw=draw)
    assert [r.pk for r in page.items] == [r.pk for r in kept.order_by("-at", "-pk")[:2]]
    assert all(r.drawn for r in page.items)
    rest = keyset_page(kept, field="at", cursor=Cursor.decode(page.next_cursor), size=2, draw=draw)
    assert [r.action for r in rest.items] == ["keep"] and rest.next_cursor is None
