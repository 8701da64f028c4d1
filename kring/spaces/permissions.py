"""Who may see and do what in a space. Only this module decides (ARCHITECTURE.md §5).

`check_*` raise Http404 when the actor may not even know the space exists (secret spaces, anything
outside a guest's own spaces) and PermissionDenied when they may see it but not do this.
Membership is read fresh from the database on every request: a removed member loses access on the
very next request. Within one request the answer is remembered on the space object.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.functional import LazyObject, empty

from kring.accounts.models import Organisation, User
from kring.common import clock
from kring.common.sql import compiled_once
from kring.spaces.models import ROLE_RANK, Membership, Space

Role = Membership.Role
_CACHE = "_membership_by_user"


# -- who is acting ---------------------------------------------------------------------------------


def _is_user(actor: object) -> bool:
    return (
        isinstance(actor, User)
        and actor.is_authenticated
        and actor.is_active
        and actor.status == User.Status.ACTIVE
    )


def is_person(actor: object) -> bool:
    """An active employee: not anonymous, not deactivated, not an external guest."""
    return _is_user(actor) and actor.role != User.Role.GUEST  # type: ignore[attr-defined]


def is_external_guest(actor: object) -> bool:
    return _is_user(actor) and actor.role == User.Role.GUEST  # type: ignore[attr-defined]


def _is_admin(actor: object) -> bool:
    return is_person(actor) and (actor.role == User.Role.ADMIN or actor.is_superuser)  # type: ignore[attr-defined]


def _is_community_manager(actor: object) -> bool:
    return is_person(actor) and actor.role in (User.Role.COMMUNITY_MANAGER, User.Role.ADMIN)  # type: ignore[attr-defined]


def _is_news_editor(actor: object) -> bool:
    return is_person(actor) and actor.role in (User.Role.COMMS_EDITOR, User.Role.ADMIN)  # type: ignore[attr-defined]


# -- the actor's membership ------------------------------------------------------------------------


def _uid(actor: object) -> int:
    return actor.pk  # type: ignore[attr-defined]


def _current_q(prefix: str = "") -> Q:
    now = clock.now()
    return Q(**{f"{prefix}state": Membership.State.ACTIVE}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


def current_memberships(actor: object) -> QuerySet[Membership]:
    """The actor's memberships that grant access now (active, not expired)."""
    if not _is_user(actor):
        return Membership.objects.none()
    return Membership.objects.filter(_current_q(), user_id=_uid(actor))


def current_memberships_of(space: Space) -> QuerySet[Membership]:
    """The memberships of a space that grant access now: its audience."""
    return Membership.objects.filter(_current_q(), space=space)


def remember_memberships(
    actor: object, spaces: list[Space], every_row: dict[int, Membership] | None = None
) -> None:
    """Load the actor's memberships of many spaces in one query, for permission checks in lists.

    A caller that already holds every membership row of the actor (any state), by space id,
    passes them as `every_row` and saves the query.
    """
    if not _is_user(actor):
        return
    uid = _uid(actor)
    wanted = [s for s in spaces if uid not in s.__dict__.get(_CACHE, {})]
    if not wanted:
        return
    found = (
        every_row
        if every_row is not None
        else {m.space_id: m for m in Membership.objects.filter(user_id=uid, space__in=wanted)}
    )
    for space in wanted:
        space.__dict__.setdefault(_CACHE, {})[uid] = found.get(space.pk)


def membership_of(actor: object, space: Space) -> Membership | None:
    """The actor's membership row of this space in any state (or None)."""
    if not _is_user(actor):
        return None
    uid = _uid(actor)
    cache: dict[int, Membership | None] = space.__dict__.setdefault(_CACHE, {})
    if uid not in cache:
        cache[uid] = Membership.objects.filter(user_id=uid, space=space).first()
    return cache[uid]


def forget_membership(actor: object, space: Space) -> None:
    """Services call this after changing a membership, so later checks read it again."""
    space.__dict__.get(_CACHE, {}).pop(getattr(actor, "pk", None), None)


def role_in(actor: object, space: Space) -> str | None:
    """The actor's role if their membership grants access now."""
    m = membership_of(actor, space)
    return m.role if m is not None and m.is_current() else None


def _at_least(actor: object, space: Space, role: str) -> bool:
    mine = role_in(actor, space)
    return mine is not None and ROLE_RANK[mine] >= ROLE_RANK[role]  # type: ignore[index]


def is_member(actor: object, space: Space) -> bool:
    return role_in(actor, space) is not None


def is_invited(actor: object, space: Space) -> bool:
    m = membership_of(actor, space)
    return m is not None and m.state == Membership.State.INVITED


# -- querysets -------------------------------------------------------------------------------------


def filter_visible_spaces(actor: object, qs: QuerySet[Space]) -> QuerySet[Space]:
    """Spaces whose existence the actor may know: what the directory and every link can show."""
    if not _is_user(actor):
        return qs.none()
    qs = qs.filter(deleted_at__isnull=True)
    mine = current_memberships(actor).values("space_id")
    if is_external_guest(actor):
        return qs.filter(pk__in=mine)
    invited = Membership.objects.filter(user_id=_uid(actor), state=Membership.State.INVITED)
    return qs.filter(
        ~Q(access=Space.Access.SECRET) | Q(pk__in=mine) | Q(pk__in=invited.values("space_id"))
    )


def filter_readable_spaces(actor: object, qs: QuerySet[Space]) -> QuerySet[Space]:
    """Spaces whose content the actor may read: the one filter of every stream and list."""
    if not _is_user(actor):
        return qs.none()
    qs = qs.filter(deleted_at__isnull=True)
    mine = current_memberships(actor).values("space_id")
    if is_external_guest(actor):
        return qs.filter(pk__in=mine)
    return qs.filter(Q(pk__in=mine) | Q(kind=Space.Kind.NEWS) | Q(access=Space.Access.OPEN))


def moderated_q(actor: object, space: str = "") -> Q:
    """Where the actor moderates, as a condition on spaces the actor can already read (the caller
    filters by readable spaces too): `space` is the path to the space, "" on spaces themselves,
    "space__" on what lives in one. The queryset twin of `can_moderate`."""
    if not is_person(actor):
        return Q(pk__in=[])
    if _is_community_manager(actor):
        return Q(**{f"{space}id__isnull": False})  # every readable space
    staff = compiled_once(
        actor,
        "staff_spaces",
        lambda: (
            current_memberships(actor)
            .filter(role__in=[Role.MODERATOR, Role.MANAGER, Role.OWNER])
            .values("space_id")
        ),
    )
    moderated = Q(**{f"{space}id__in": staff})
    if _is_news_editor(actor):
        moderated |= Q(**{f"{space}kind": Space.Kind.NEWS})
    return moderated


def filter_moderated_spaces(actor: object, qs: QuerySet[Space]) -> QuerySet[Space]:
    """Spaces whose content the actor moderates."""
    return filter_readable_spaces(actor, qs).filter(moderated_q(actor))


# -- single-space answers --------------------------------------------------------------------------


def can_see(actor: object, space: Space) -> bool:
    if not _is_user(actor) or space.is_deleted:
        return False
    if is_external_guest(actor):
        return is_member(actor, space)
    if space.access == Space.Access.SECRET:
        return is_member(actor, space) or is_invited(actor, space)
    return True


def can_read(actor: object, space: Space) -> bool:
    """Read the stream, the member list and everything posted in the space."""
    if not can_see(actor, space):
        return False
    if is_member(actor, space):
        return True
    return is_person(actor) and (space.kind == Space.Kind.NEWS or space.access == Space.Access.OPEN)


def filter_readers(space: Space, qs: QuerySet[User]) -> QuerySet[User]:
    """The people who may read the space: the queryset twin of `can_read(person, space)`."""
    if space.is_deleted:
        return qs.none()
    people = qs.filter(is_active=True, status=User.Status.ACTIVE)
    members = Q(pk__in=current_memberships_of(space).values("user_id"))
    if space.kind == Space.Kind.NEWS or space.access == Space.Access.OPEN:
        return people.filter(members | ~Q(role=User.Role.GUEST))
    return people.filter(members)


def can_list_members(actor: object, space: Space) -> bool:
    """Readers see who is in; so do those who manage the members (admins in unit spaces)."""
    return can_read(actor, space) or can_manage_members(actor, space)


def can_join(actor: object, space: Space) -> bool:
    """Join at once: open communities, and secret ones the actor was invited to."""
    if not (is_person(actor) and can_see(actor, space)) or space.is_archived:
        return False
    if is_member(actor, space):
        return False
    if is_invited(actor, space):
        return True
    return space.kind == Space.Kind.COMMUNITY and space.access == Space.Access.OPEN


def can_request(actor: object, space: Space) -> bool:
    if not (is_person(actor) and can_see(actor, space)) or space.is_archived:
        return False
    if is_member(actor, space) or is_invited(actor, space):
        return False
    m = membership_of(actor, space)
    if m is not None and m.state == Membership.State.REQUESTED:
        return False
    return space.kind != Space.Kind.NEWS and space.access == Space.Access.REQUEST


def can_leave(actor: object, space: Space) -> bool:
    m = membership_of(actor, space)
    return (
        m is not None
        and m.state
        in (Membership.State.ACTIVE, Membership.State.REQUESTED, Membership.State.INVITED)
        and m.source == Membership.Source.MANUAL
    )


def can_post(actor: object, space: Space) -> bool:
    if not can_read(actor, space) or space.is_archived:
        return False
    if space.kind == Space.Kind.NEWS:
        return _is_news_editor(actor)
    return is_member(actor, space)


def can_comment(actor: object, space: Space) -> bool:
    if not can_read(actor, space) or space.is_archived:
        return False
    return is_member(actor, space) or is_person(actor)


def can_invite(actor: object, space: Space) -> bool:
    if not can_see(actor, space) or space.is_archived:
        return False
    return _at_least(actor, space, Role.MANAGER) or (
        space.kind != Space.Kind.COMMUNITY and _is_admin(actor)
    )


def can_invite_guests(actor: object, space: Space) -> bool:
    """External guests join communities only; the news and unit spaces are for employees."""
    return space.kind == Space.Kind.COMMUNITY and can_invite(actor, space)


def can_moderate(actor: object, space: Space) -> bool:
    """Hide content, pin, handle reports."""
    if not can_see(actor, space):
        return False
    if _at_least(actor, space, Role.MODERATOR):
        return True
    if space.kind == Space.Kind.NEWS and _is_news_editor(actor):
        return True  # the communications team keeps its own news space tidy
    # Community managers moderate what they can read; nobody moderates content unseen.
    return _is_community_manager(actor) and can_read(actor, space)


def can_manage_members(actor: object, space: Space) -> bool:
    """Accept requests, remove members, change roles."""
    return can_see(actor, space) and (
        _at_least(actor, space, Role.MANAGER)
        or (space.kind != Space.Kind.COMMUNITY and _is_admin(actor))
    )


def can_edit(actor: object, space: Space) -> bool:
    if not can_see(actor, space):
        return False
    return _at_least(actor, space, Role.MANAGER) or (
        space.access != Space.Access.SECRET and _is_admin(actor)
    )


def can_archive(actor: object, space: Space) -> bool:
    return space.kind == Space.Kind.COMMUNITY and can_edit(actor, space)


def can_delete(actor: object, space: Space) -> bool:
    if space.kind != Space.Kind.COMMUNITY or not can_see(actor, space):
        return False
    return _at_least(actor, space, Role.OWNER) or (
        space.access != Space.Access.SECRET and _is_admin(actor)
    )


def can_transfer_ownership(actor: object, space: Space) -> bool:
    return space.kind == Space.Kind.COMMUNITY and _at_least(actor, space, Role.OWNER)


def can_create_community(actor: object) -> bool:
    if not is_person(actor):
        return False
    rule = Organisation.current().community_creators
    if rule == Organisation.CommunityCreators.EVERYONE:
        return True
    if rule == Organisation.CommunityCreators.STAFF:
        return actor.role in (  # type: ignore[attr-defined]
            User.Role.COMMS_EDITOR,
            User.Role.COMMUNITY_MANAGER,
            User.Role.ADMIN,
        )
    return _is_admin(actor)


def can_administer_spaces(actor: object) -> bool:
    """The admin console: every space, deleted ones too, for restoring and governance."""
    return _is_admin(actor)


# -- checks for views and services -----------------------------------------------------------------


def check_see(actor: object, space: Space) -> None:
    if not can_see(actor, space):
        raise Http404


def _check(allowed: bool, actor: object, space: Space) -> None:
    check_see(actor, space)
    if not allowed:
        raise PermissionDenied


def check_read(actor: object, space: Space) -> None:
    _check(can_read(actor, space), actor, space)


def check_list_members(actor: object, space: Space) -> None:
    _check(can_list_members(actor, space), actor, space)


def check_post(actor: object, space: Space) -> None:
    _check(can_post(actor, space), actor, space)


def check_comment(actor: object, space: Space) -> None:
    _check(can_comment(actor, space), actor, space)


def check_invite(actor: object, space: Space) -> None:
    _check(can_invite(actor, space), actor, space)


def check_invite_guests(actor: object, space: Space) -> None:
    _check(can_invite_guests(actor, space), actor, space)


def check_moderate(actor: object, space: Space) -> None:
    _check(can_moderate(actor, space), actor, space)


def check_manage_members(actor: object, space: Space) -> None:
    _check(can_manage_members(actor, space), actor, space)


def check_edit(actor: object, space: Space) -> None:
    _check(can_edit(actor, space), actor, space)


def check_archive(actor: object, space: Space) -> None:
    _check(can_archive(actor, space), actor, space)


def check_delete(actor: object, space: Space) -> None:
    _check(can_delete(actor, space), actor, space)


def check_transfer_ownership(actor: object, space: Space) -> None:
    _check(can_transfer_ownership(actor, space), actor, space)


def check_create_community(actor: object) -> None:
    if not can_create_community(actor):
        raise PermissionDenied


def check_administer_spaces(actor: object) -> None:
    if not can_administer_spaces(actor):
        raise Http404


def _unwrapped(actor: object) -> object:
    """request.user is a lazy proxy: every attribute read goes through it. A list page asks a
    few hundred questions, so ask them of the user itself (bench: a fifth of the directory)."""
    if isinstance(actor, LazyObject):
        if actor._wrapped is empty:
            actor._setup()
        return actor._wrapped
    return actor


def capabilities(actor: object, space: Space) -> dict[str, Any]:
    """Every answer for one space, for templates that show or hide buttons."""
    actor = _unwrapped(actor)
    return {
        "see": can_see(actor, space),
        "read": can_read(actor, space),
        "join": can_join(actor, space),
        "request": can_request(actor, space),
        "leave": can_leave(actor, space),
        "post": can_post(actor, space),
        "comment": can_comment(actor, space),
        "invite": can_invite(actor, space),
        "invite_guests": can_invite_guests(actor, space),
        "moderate": can_moderate(actor, space),
        "manage_members": can_manage_members(actor, space),
        "edit": can_edit(actor, space),
        "archive": can_archive(actor, space),
        "delete": can_delete(actor, space),
        "transfer": can_transfer_ownership(actor, space),
        "role": role_in(actor, space),
        "membership": membership_of(actor, space),
    }
