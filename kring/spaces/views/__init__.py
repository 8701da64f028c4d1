"""The spaces pages: the directory, a space's own page, its members and its settings."""

from kring.spaces.views.directory import create, directory
from kring.spaces.views.members import (
    guest_access,
    guests,
    invite,
    invite_search,
    member_remove,
    member_role,
    members,
    transfer,
)
from kring.spaces.views.membership import decide, join, leave, request_join
from kring.spaces.views.space import archive, cover, delete, detail, settings

__all__ = [
    "archive",
    "cover",
    "create",
    "decide",
    "delete",
    "detail",
    "directory",
    "guest_access",
    "guests",
    "invite",
    "invite_search",
    "join",
    "leave",
    "member_remove",
    "member_role",
    "members",
    "request_join",
    "settings",
    "transfer",
]
