"""The spaces that follow the organisation: the news space and one space per unit.

Everyone working here is a member of the news space and of the spaces of their units (and of the
units above them, up to the organisation). These memberships have source STRUCTURE: the
organisation tree decides them, in the same transaction as the change in the tree or the person.
People a manager added by hand (source MANUAL) stay when the structure changes.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.common import clock
from kring.org.models import OrgUnit
from kring.spaces.models import ROLE_RANK, Membership, Space
from kring.spaces.services.counts import member_count_refresh

STRUCTURE = Membership.Source.STRUCTURE
NEWS_SLUG = "nieuws"


# Paths under /ruimtes/ that are pages, not spaces (kring/spaces/urls.py).
RESERVED_SLUGS = frozenset({"nieuw"})


def unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = (slugify(name) or "ruimte")[:80]
    slug, n = base, 2
    taken = Space.objects.exclude(pk=exclude_pk) if exclude_pk else Space.objects.all()
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def news_space() -> Space:
    """The organisation news space, created on first use."""
    space = Space.objects.filter(kind=Space.Kind.NEWS).first()
    if space is None:
        space = Space.objects.create(
            kind=Space.Kind.NEWS,
            access=Space.Access.OPEN,
            name=_("Organisation news"),
            slug=unique_slug(NEWS_SLUG),
            icon=Space.Icon.MEGAPHONE,
            description=_("News for everyone in the organisation, from the communications team."),
        )
    return space


def _has_own_space(unit: OrgUnit) -> bool:
    # The organisation itself (the root) speaks through the news space.
    return unit.kind != OrgUnit.Kind.ORGANISATION


def unit_space(unit: OrgUnit) -> Space | None:
    """The unit's space, created (or renamed to follow the unit) when needed."""
    if not _has_own_space(unit):
        return None
    space = Space.objects.filter(unit=unit).first()
    if space is None:
        space = Space.objects.create(
            kind=Space.Kind.UNIT,
            access=Space.Access.REQUEST,
            name=unit.name[:80],
            slug=unique_slug(unit.name),
            unit=unit,
            icon=Space.Icon.BUILDING,
        )
    elif space.name != unit.name[:80]:
        space.name = unit.name[:80]
        space.save(update_fields=["name", "updated_at"])
    return space


@transaction.atomic
def structure_ensure() -> None:
    """Before launch, and after any doubt: every unit has a space, everyone sits where they work."""
    news_space()
    for unit in OrgUnit.objects.all():
        unit_space(unit)
    structure_sync(user_ids=None)


def _unit_space_ids() -> tuple[dict[str, int], dict[str, int | None]]:
    """Space id per unit path, and each unit's manager, in two queries."""
    spaces = dict(
        Space.objects.filter(
            kind=Space.Kind.UNIT, unit__isnull=False, deleted_at__isnull=True
        ).values_list("unit__path", "pk")
    )
    managers = dict(OrgUnit.objects.values_list("path", "manager_id"))
    return spaces, managers


def _wanted(
    people: list[User],
    extra: dict[int, list[str]],
    space_by_path: dict[str, int],
    manager_by_path: dict[str, int | None],
    news_id: int,
) -> dict[tuple[int, int], str]:
    """(user, space) → role for everyone who should sit in the structural spaces."""
    step = OrgUnit.steplen
    wanted: dict[tuple[int, int], str] = {}
    managed: dict[int, list[str]] = {}
    for path, manager_id in manager_by_path.items():
        if manager_id is not None:
            managed.setdefault(manager_id, []).append(path)
    for person in people:
        if person.status == User.Status.DEACTIVATED or person.role == User.Role.GUEST:
            continue
        wanted[(person.pk, news_id)] = Membership.Role.MEMBER
        paths = list(extra.get(person.pk, []))
        if person.primary_unit is not None:
            paths.append(person.primary_unit.path)
        for path in paths:
            for end in range(step, len(path) + 1, step):
                ancestor = path[:end]
                space_id = space_by_path.get(ancestor)
                if space_id is None:
                    continue
                role = (
                    Membership.Role.MANAGER
                    if manager_by_path.get(ancestor) == person.pk and end == len(path)
                    else Membership.Role.MEMBER
                )
                key = (person.pk, space_id)
                if ROLE_RANK[role] > ROLE_RANK[wanted.get(key, Membership.Role.GUEST)]:  # type: ignore[index]
                    wanted[key] = role
        # A unit's manager manages its space, also when they work elsewhere (a director
        # placed at the board office).
        for path in managed.get(person.pk, []):
            if (space_id := space_by_path.get(path)) is not None:
                wanted[(person.pk, space_id)] = Membership.Role.MANAGER
    return wanted


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@transaction.atomic
def structure_sync(*, user_ids: Iterable[int] | None) -> None:
    """Make the structural memberships of these people (or everyone) match the organisation."""
    news_id = news_space().pk
    space_by_path, manager_by_path = _unit_space_ids()
    unit_space_ids = set(space_by_path.values())
    structural = {news_id, *unit_space_ids}
    people_qs = User.objects.select_related("primary_unit")
    ids = None if user_ids is None else sorted(set(user_ids))
    batches = [None] if ids is None else list(_chunks(ids))
    now = clock.now()
    touched: set[int] = set()
    for batch in batches:
        chunk = people_qs if batch is None else people_qs.filter(pk__in=batch)
        people = list(chunk)
        extra: dict[int, list[str]] = {}
        through = User.extra_units.through.objects.filter(user__in=[p.pk for p in people])
        for user_id, path in through.values_list("user_id", "orgunit__path"):
            extra.setdefault(user_id, []).append(path)
        wanted = _wanted(people, extra, space_by_path, manager_by_path, news_id)
        existing = {
            (m.user_id, m.space_id): m
            for m in Membership.objects.filter(
                user__in=[p.pk for p in people], space_id__in=structural
            )
        }
        create, update, remove = [], [], []
        for key, role in wanted.items():
            m = existing.get(key)
            if m is None:
                create.append(
                    Membership(
                        user_id=key[0], space_id=key[1], role=role, source=STRUCTURE,
                        state=Membership.State.ACTIVE, created_at=now, joined_at=now,
                    )
                )  # fmt: skip
            else:
                # A unit's former manager manages its space no longer (the organisation decides).
                replaced = (
                    m.source == STRUCTURE
                    and m.role == Membership.Role.MANAGER
                    and role != Membership.Role.MANAGER
                    and key[1] in unit_space_ids
                )
                promoted = ROLE_RANK[m.role] < ROLE_RANK[role]  # type: ignore[index]
                if m.state != Membership.State.ACTIVE or promoted or replaced:
                    # A waiting request or invitation becomes membership; a new unit manager
                    # manages.
                    if m.state != Membership.State.ACTIVE:
                        m.joined_at = now
                    m.state, m.source = Membership.State.ACTIVE, STRUCTURE
                    m.role = role if promoted or replaced else m.role
                    update.append(m)
        for key, m in existing.items():
            if key not in wanted and m.source == STRUCTURE:
                remove.append(m.pk)
        Membership.objects.bulk_create(create, batch_size=500)
        Membership.objects.bulk_update(update, ["state", "source", "joined_at", "role"])
        for chunk_ids in _chunks(remove):
            Membership.objects.filter(pk__in=chunk_ids).delete()
        touched |= {m.space_id for m in create} | {m.space_id for m in update}
        removed = set(remove)
        touched |= {key[1] for key, m in existing.items() if m.pk in removed}
        if batch is not None:
            # Deactivated people leave the counts of their manual spaces too.
            touched |= set(
                Membership.objects.filter(user__in=batch).values_list("space_id", flat=True)
            )
    if ids is None:
        touched = set(Space.objects.values_list("pk", flat=True))
    member_count_refresh(touched)
