"""Reads for spaces; each takes the acting user and filters through permissions (§5)."""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from kring.accounts.models import User
from kring.accounts.permissions import can_see_directory
from kring.spaces import permissions
from kring.spaces.models import Membership, Space, SpaceTag

PAGE_SIZE = 24


@dataclass(frozen=True)
class DirectoryFilter:
    q: str = ""
    access: str = ""  # open | request | secret
    kind: str = ""  # news | unit | community
    tag: str = ""
    unit: int | None = None
    mine: bool = False


def _with_details(qs: QuerySet[Space]) -> QuerySet[Space]:
    return qs.select_related("unit").prefetch_related(
        Prefetch("tags", queryset=SpaceTag.objects.order_by("name"))
    )


def _remembered(actor: object, spaces: list[Space]) -> list[Space]:
    permissions.remember_memberships(actor, spaces)
    return spaces


def space_get(*, actor: object, slug: str) -> Space:
    """One space the actor may see, or 404 exactly as for a space that does not exist."""
    space = _with_details(Space.objects.visible_to(actor)).filter(slug=slug).first()
    if space is None:
        raise Http404
    return space


def space_directory(*, actor: object, filters: DirectoryFilter, page: int = 1) -> Page[Space]:
    """The directory: the spaces the actor may see, filtered, a page at a time."""
    qs: QuerySet[Space] = Space.objects.visible_to(actor)
    if filters.mine:
        qs = qs.filter(pk__in=permissions.current_memberships(actor).values("space_id"))
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(description__icontains=filters.q))
    if filters.access in Space.Access.values:
        qs = qs.filter(access=filters.access)
    if filters.kind in Space.Kind.values:
        qs = qs.filter(kind=filters.kind)
    if filters.tag:
        qs = qs.filter(tags__slug=filters.tag)
    if filters.unit:
        from_unit = Membership.objects.filter(user__primary_unit_id=filters.unit)
        qs = qs.filter(Q(unit_id=filters.unit) | Q(pk__in=from_unit.values("space_id")))
    qs = _with_details(qs.order_by("kind", "name", "pk"))
    result = Paginator(qs, PAGE_SIZE).get_page(page)
    _remembered(actor, list(result.object_list))
    return result


def my_spaces(
    *,
    actor: object,
    limit: int | None = None,
    memberships: dict[int, Membership] | None = None,
) -> list[Space]:
    """The spaces the actor belongs to, most recently active first (at most `limit` of them).

    For short lists of names (the home page, the directory's front): no tags. A caller holding
    every membership row of the actor, loaded with their spaces and units, passes them: no query.
    """
    if memberships is not None:
        rows = [m for m in memberships.values() if m.is_current()]
        permissions.remember_memberships(actor, [m.space for m in rows], memberships)
        found = [m.space for m in rows if permissions.can_see(actor, m.space)]
        found.sort(key=lambda s: (-s.last_activity_at.timestamp(), s.pk))
        return found[:limit]
    mine = permissions.current_memberships(actor).values("space_id")
    qs = Space.objects.visible_to(actor).filter(pk__in=mine).order_by("-last_activity_at", "pk")
    spaces = list(qs.select_related("unit")[:limit])
    permissions.remember_memberships(actor, spaces)
    return spaces


SUGGESTION_SECONDS = 600


def suggested_spaces(*, actor: object, limit: int = 4) -> list[Space]:
    """Communities the actor is not in yet, most joined by the people of their own unit.

    Ranked by colleagues in it, then size, then name. The colleagues' memberships are counted from
    the colleagues' side (a few dozen people, by the user index) rather than by joining every
    membership of every community: at 2,000 spaces and 150,000 memberships that is the difference
    between a few milliseconds and 400 (bench/README.md, spaces_directory). The ranking changes
    slowly, so it is kept for ten minutes; what the actor may see and has joined is asked fresh.
    """
    if not permissions.is_person(actor):
        return []
    mine = Membership.objects.filter(user_id=actor.pk).values("space_id")  # type: ignore[attr-defined]
    candidates = (
        Space.objects.visible_to(actor)
        .filter(kind=Space.Kind.COMMUNITY, archived_at__isnull=True)
        .exclude(access=Space.Access.SECRET)
        .exclude(pk__in=mine)
    )
    key = f"spaces:suggested:{actor.pk}:{actor.primary_unit_id}:{limit}"  # type: ignore[attr-defined]
    ranking: list[int] | None = cache.get(key)
    if ranking is None:
        ranking = _suggestion_ranking(actor, candidates, limit)
        cache.set(key, ranking, SUGGESTION_SECONDS)
    order = {pk: place for place, pk in enumerate(ranking)}
    spaces = list(_with_details(candidates.filter(pk__in=ranking)))
    spaces.sort(key=lambda space: order[space.pk])
    return _remembered(actor, spaces)


def _suggestion_ranking(actor: object, candidates: QuerySet[Space], limit: int) -> list[int]:
    unit_id = actor.primary_unit_id  # type: ignore[attr-defined]
    colleagues: dict[int, int] = {}
    if unit_id:  # without a unit there are no colleagues to go by: rank by size alone
        colleagues = dict(
            Membership.objects.filter(
                state=Membership.State.ACTIVE,
                user__primary_unit_id=unit_id,
                user__is_active=True,
                space__in=candidates,
            )
            .values("space_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "-space__member_count", "space__name")
            .values_list("space_id", "n")[:limit]
        )
    # Always asked (the same queries whatever the data): filled up with the largest communities.
    largest = list(
        candidates.exclude(pk__in=list(colleagues))
        .order_by("-member_count", "name")
        .values_list("pk", flat=True)[:limit]
    )
    return [*colleagues, *largest][:limit]


def space_members(
    *, actor: object, space: Space, q: str = "", role: str = "", page: int = 1
) -> Page[Membership]:
    permissions.check_list_members(actor, space)
    qs = Membership.objects.filter(
        space=space, state=Membership.State.ACTIVE, user__is_active=True
    ).select_related("user", "user__primary_unit")
    if q:
        qs = qs.filter(Q(user__display_name__icontains=q) | Q(user__job_title__icontains=q))
    if role in Membership.Role.values:
        qs = qs.filter(role=role)
    return Paginator(qs.order_by("user__display_name", "pk"), 30).get_page(page)


def space_membership(*, actor: object, space: Space, user_id: int) -> Membership:
    """One person's membership here, for a manager's action on it; 404 when there is none."""
    permissions.check_list_members(actor, space)
    found = (
        Membership.objects.filter(space=space, user_id=user_id)
        .select_related("user", "user__primary_unit")
        .first()
    )
    if found is None:
        raise Http404
    return found


def space_staff(*, actor: object, space: Space) -> list[Membership]:
    """Owners, managers and moderators, for the space's about panel."""
    permissions.check_list_members(actor, space)
    staff = (Membership.Role.OWNER, Membership.Role.MANAGER, Membership.Role.MODERATOR)
    return list(
        Membership.objects.filter(
            space=space, state=Membership.State.ACTIVE, role__in=staff, user__is_active=True
        )
        .select_related("user")
        .order_by("user__display_name")[:12]
    )


def space_requests(*, actor: object, space: Space) -> list[Membership]:
    permissions.check_manage_members(actor, space)
    return list(
        Membership.objects.filter(space=space, state=Membership.State.REQUESTED)
        .select_related("user", "user__primary_unit")
        .order_by("created_at", "pk")
    )


def space_invitations(*, actor: object, space: Space) -> list[Membership]:
    permissions.check_manage_members(actor, space)
    return list(
        Membership.objects.filter(space=space, state=Membership.State.INVITED)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def space_guests(*, actor: object, space: Space) -> list[Membership]:
    permissions.check_invite_guests(actor, space)
    return list(
        Membership.objects.filter(space=space, role=Membership.Role.GUEST)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )


def people_to_invite(*, actor: object, space: Space, q: str, limit: int = 10) -> list[User]:
    """Autocomplete: colleagues the actor may see who are not in the space yet."""
    permissions.check_invite(actor, space)
    if not can_see_directory(actor) or len(q.strip()) < 2:
        return []
    term = q.strip()
    taken = Membership.objects.filter(
        space=space, state__in=(Membership.State.ACTIVE, Membership.State.INVITED)
    ).values("user_id")
    return list(
        User.objects.filter(is_active=True)
        .exclude(status=User.Status.DEACTIVATED)
        .exclude(role=User.Role.GUEST)
        .exclude(pk__in=taken)
        .filter(Q(display_name__icontains=term) | Q(email__istartswith=term))
        .select_related("primary_unit")
        .order_by("display_name", "pk")[:limit]
    )


def directory_tags(*, actor: object) -> list[SpaceTag]:
    """Tags in use on spaces the actor may see, for the directory filter."""
    visible = Space.objects.visible_to(actor).values("pk")
    return list(SpaceTag.objects.filter(spaces__in=visible).distinct().order_by("name"))


# -- the admin console: every space, for governance ------------------------------------------------

CONSOLE_STATES = ("active", "archived", "deleted")


@dataclass(frozen=True)
class ConsoleFilter:
    q: str = ""
    kind: str = ""  # news | unit | community
    access: str = ""  # open | request | secret
    state: str = ""  # active | archived | deleted


def spaces_for_console(*, actor: object, filters: ConsoleFilter) -> QuerySet[Space]:
    """Every space, secret and deleted ones included: administrators govern (restore, audit).

    Each space carries its active owners in `owners` (one query for a whole page of spaces).
    """
    permissions.check_administer_spaces(actor)
    qs = Space.objects.all()
    if filters.q:
        qs = qs.filter(
            Q(name__icontains=filters.q)
            | Q(slug__icontains=filters.q)
            | Q(description__icontains=filters.q)
        )
    if filters.kind in Space.Kind.values:
        qs = qs.filter(kind=filters.kind)
    if filters.access in Space.Access.values:
        qs = qs.filter(access=filters.access)
    if filters.state == "active":
        qs = qs.filter(archived_at__isnull=True, deleted_at__isnull=True)
    elif filters.state == "archived":
        qs = qs.filter(archived_at__isnull=False, deleted_at__isnull=True)
    elif filters.state == "deleted":
        qs = qs.filter(deleted_at__isnull=False)
    owners = (
        Membership.objects.filter(role=Membership.Role.OWNER, state=Membership.State.ACTIVE)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )
    return (
        qs.select_related("unit", "deleted_by")
        .prefetch_related(Prefetch("memberships", queryset=owners, to_attr="owners"))
        .order_by("kind", "name", "pk")
    )


def space_for_console(*, actor: object, pk: int) -> Space:
    """One space by id, deleted or secret, for an administrator; 404 for everyone else."""
    permissions.check_administer_spaces(actor)
    space = Space.objects.filter(pk=pk).first()
    if space is None:
        raise Http404
    return space
