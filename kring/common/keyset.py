"""Keyset pagination for streams: an opaque cursor on (moment, id), newest first. Never OFFSET."""

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Cursor:
    moment: datetime
    pk: int

    def encode(self) -> str:
        raw = f"{self.moment.isoformat()}|{self.pk}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str | None) -> "Cursor | None":
        """The cursor in `token`, or None for a missing or damaged one (start from the top)."""
        if not token or len(token) > 100:
            return None
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            moment, pk = raw.split("|")
            parsed = datetime.fromisoformat(moment)
            if parsed.tzinfo is None:
                return None
            return cls(parsed, int(pk))
        except (ValueError, UnicodeDecodeError):
            return None


@dataclass
class KeysetPage[T]:
    items: list[T]
    next_cursor: str | None


def keyset_page(
    qs: "QuerySet[M]",
    *,
    field: str,
    cursor: Cursor | None,
    size: int,
    draw: "Callable[[QuerySet[M]], QuerySet[M]] | None" = None,
) -> KeysetPage[M]:
    """Up to `size` rows after `cursor`, newest first, and the cursor of the next page (if any).

    With `draw`, the page's ids are chosen first (the filter and the walk only) and `draw` then
    loads those rows with what the page shows, in the same statement: planned apart, the joins
    for drawing never meet the estimate of the whole filtered table (docs/feed.md)."""
    if cursor is not None:
        qs = qs.filter(
            Q(**{f"{field}__lt": cursor.moment}) | Q(**{field: cursor.moment, "pk__lt": cursor.pk})
        )
    order = (f"-{field}", "-pk")
    if draw is not None:
        ids = qs.order_by(*order).values("pk")[: size + 1]
        qs = draw(qs.model._default_manager.filter(pk__in=ids))
    rows = list(qs.order_by(*order)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    last: Any = rows[-1] if rows else None
    token = Cursor(getattr(last, field), last.pk).encode() if more and last is not None else None
    return KeysetPage(rows, token)
