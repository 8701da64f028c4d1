"""Who may do what with people and the organisation. Only this module decides."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kring.accounts.models import User

Role = User.Role


def _is_person(actor: object) -> bool:
    return (
        isinstance(actor, User)
        and actor.is_authenticated
        and actor.is_active
        and actor.status == User.Status.ACTIVE
    )


def is_admin(actor: object) -> bool:
    return _is_person(actor) and (actor.role == Role.ADMIN or actor.is_superuser)  # type: ignore[attr-defined]


def can_administer(actor: object) -> bool:
    """Manage people, units, waves, invitations, imports, settings and read the audit log."""
    return is_admin(actor)


def can_publish_news(actor: object) -> bool:
    return _is_person(actor) and actor.role in (Role.COMMS_EDITOR, Role.ADMIN)  # type: ignore[attr-defined]


def can_manage_community(actor: object) -> bool:
    return _is_person(actor) and actor.role in (Role.COMMUNITY_MANAGER, Role.ADMIN)  # type: ignore[attr-defined]


def can_see_directory(actor: object) -> bool:
    """External guests see their own space only, never the organisation's people."""
    return _is_person(actor) and actor.role != Role.GUEST  # type: ignore[attr-defined]


def check_administer(actor: object) -> None:
    """Hide the admin console (404) from everyone but administrators."""
    if not can_administer(actor):
        raise Http404


def check_change_role(actor: User, person: User, role: str) -> None:
    check_administer(actor)
    if person.pk == actor.pk and role != Role.ADMIN:
        # An administrator cannot demote themself and lock the organisation out.
        raise PermissionDenied
