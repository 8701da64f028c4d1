"""Compiling a subquery once and using it many times."""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from kring.common import clock

_MEMO = "_kring_compiled_sql"


def compiled_once(owner: object, key: str, build: Callable[[], QuerySet[Any]]) -> RawSQL:
    """`build()` as SQL, compiled once per `owner` object (a request's user) within a second.

    For the subqueries of the visibility filters, asked several times on one page: compiling them
    costs milliseconds each time, the statement they make runs fresh in every query all the same.
    Within a second, as "now" is among their parameters (an expiring membership).
    """
    second = int(clock.now().timestamp())
    memo: dict[str, tuple[int, RawSQL]] = owner.__dict__.setdefault(_MEMO, {})
    found = memo.get(key)
    if found is None or found[0] != second:
        sql, params = build().query.sql_with_params()
        found = memo[key] = (second, RawSQL(sql, params))
    return found[1]
