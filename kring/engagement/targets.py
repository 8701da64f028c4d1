"""What engagement works on: targets that higher apps register (ARCHITECTURE.md §4).

Engagement knows no posts. An app that owns something people comment on or react to registers
its type here in `AppConfig.ready()`, with the one visibility filter of that type; engagement asks
it before every read and write, so a comment is visible exactly when its target is.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.http import Http404


@dataclass(frozen=True)
class TargetType:
    name: str
    model: type[models.Model]
    # The type's own visibility filter: (actor, queryset) -> the rows the actor may see.
    visible_to: Callable[[object, models.QuerySet[Any]], models.QuerySet[Any]]
    # The same rule for one loaded object (cheaper than the queryset for a single read).
    can_see: Callable[[object, Any], bool]
    # May the actor comment on / react to this (visible) object?
    can_comment: Callable[[object, Any], bool]
    can_react: Callable[[object, Any], bool]
    # Who moderates it (hides comments on it)?
    can_moderate: Callable[[object, Any], bool]
    # The space it lives in (for activity events), and its author (for edges and notifications).
    space_id_of: Callable[[Any], int | None]
    author_id_of: Callable[[Any], int | None]
    # Recount the target's denormalised counters after a comment or reaction changed.
    counts_changed: Callable[[int], None]
    # The ids of the targets the actor moderates (a queryset of pks): the moderation queue.
    moderated_ids: Callable[[object], models.QuerySet[Any]]


_registry: dict[str, TargetType] = {}


def register(target: TargetType) -> None:
    _registry[target.name] = target


def target_type(name: str) -> TargetType:
    try:
        return _registry[name]
    except KeyError:
        raise Http404 from None


def target_get(actor: object, name: str, pk: int) -> Any:
    """The target if the actor may see it; 404 for missing and hidden alike."""
    kind = target_type(name)
    found = kind.model._default_manager.filter(pk=pk).first()
    if found is None or not kind.can_see(actor, found):
        raise Http404
    return found


def registered() -> list[TargetType]:
    return list(_registry.values())
