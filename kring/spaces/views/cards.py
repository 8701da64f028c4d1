"""The directory's space cards: the part that is the same for everyone is rendered once a minute.

A card's body (cover, icon, name, access, member count, description, tags, last activity) depends
only on the space and the reader's language; its buttons depend on the reader and are drawn fresh
on every request. Rendering 28 bodies was most of the directory's CPU (bench/README.md,
spaces_directory), so bodies are kept in the cache under a key made of everything they show. A
change to the space (its `updated_at`), its member count or its last activity makes a new key, so
nothing stale is shown except "active 5 minutes ago", which lags by at most `BODY_SECONDS`.
"""

from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from kring.spaces import permissions
from kring.spaces.models import Space

BODY_SECONDS = 60
BODY_TEMPLATE = "spaces/partials/card_body.html"


def _key(space: Space, prefix: str, plain_tags: bool) -> str:
    return (
        f"spaces:card:{get_language()}:{prefix}:{int(plain_tags)}:{space.pk}:"
        f"{space.updated_at.timestamp()}:{space.member_count}:{space.last_activity_at.timestamp()}"
    )


def card_bodies(spaces: list[Space], *, prefix: str, plain_tags: bool) -> dict[int, SafeString]:
    """Each space's card body, from the cache in one round trip, rendering only what is missing.

    `prefix` keeps element ids unique when a space shows twice on a page; `plain_tags` writes tags
    as text rather than directory links (an external guest has no directory to filter).
    """
    keys = {space.pk: _key(space, prefix, plain_tags) for space in spaces}
    found = cache.get_many(list(keys.values()))
    bodies: dict[int, SafeString] = {}
    missing: dict[str, str] = {}
    for space in spaces:
        html = found.get(keys[space.pk])
        if html is None:
            context = {"space": space, "prefix": prefix, "plain_tags": plain_tags}
            html = missing[keys[space.pk]] = render_to_string(BODY_TEMPLATE, context)
        bodies[space.pk] = mark_safe(html)  # rendered by our own template
    if missing:
        cache.set_many(missing, BODY_SECONDS)
    return bodies


def directory_cards(actor: object, spaces: list[Space], *, prefix: str) -> list[dict[str, Any]]:
    """Cards for the directory: each space, its body, and the answers that decide its buttons."""
    permissions.remember_memberships(actor, spaces)
    bodies = card_bodies(spaces, prefix=prefix, plain_tags=permissions.is_external_guest(actor))
    return [
        {"space": space, "body": bodies[space.pk], "can": permissions.capabilities(actor, space)}
        for space in spaces
    ]
