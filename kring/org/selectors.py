"""Reads of the organisation tree.

`org` sees people only through AUTH_USER_MODEL, so the caller (the admin console, or a higher app)
decides who may call these; they only refuse actors who are not signed in."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from kring.org.models import OrgUnit


def _signed_in(actor: object) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and getattr(actor, "is_active", False))


@dataclass
class UnitNode:
    """A unit with its sub-units, as the tree page nests them."""

    unit: OrgUnit
    people_count: int
    children: list["UnitNode"] = field(default_factory=list)
    subtree_people_count: int = 0


def unit_list(*, actor: object) -> QuerySet[OrgUnit]:
    """Every unit in tree order (parents before children), for choices and filters."""
    if not _signed_in(actor):
        return OrgUnit.objects.none()
    return OrgUnit.objects.order_by("path")


def unit_tree(*, actor: object) -> list[UnitNode]:
    """The whole tree with the active people count per unit, built from one query."""
    units = (
        unit_list(actor=actor)
        .select_related("manager")
        .annotate(active_people=Count("people", filter=Q(people__is_active=True)))
    )
    roots: list[UnitNode] = []
    by_path: dict[str, UnitNode] = {}
    for unit in units:
        node = UnitNode(unit=unit, people_count=unit.active_people)
        by_path[unit.path] = node
        parent = by_path.get(unit.path[: -OrgUnit.steplen])
        (parent.children if parent is not None and unit.depth > 1 else roots).append(node)

    def total(node: UnitNode) -> int:
        node.subtree_people_count = node.people_count + sum(total(c) for c in node.children)
        return node.subtree_people_count

    for root in roots:
        total(root)
    return roots


def unit_get(*, actor: object, pk: int) -> OrgUnit:
    """One unit with its manager, or a 404."""
    unit = unit_list(actor=actor).select_related("manager").filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def unit_move_targets(*, actor: object, unit: OrgUnit) -> QuerySet[OrgUnit]:
    """Units that `unit` may move under: anything outside its own subtree."""
    return unit_list(actor=actor).exclude(path__startswith=unit.path)
