"""Post cards in a stream, drawn once and kept: most readers see a post the same way.

Rendering twenty cards was the largest part of a home page's time (bench/README.md, home_feed).
A card depends on the post, its author and space, its attachments, the reader's marks (new, saved,
confirmed, their reaction, whether they may react), the reaction counts, the language and how long
ago it was posted. All of that goes into the cache key, so a changed post, a renamed space or a new
reaction makes a new key and nothing stale is ever shown. The one per-request part, the form token,
is put in after the cache. Hidden posts (their text depends on who reads) and polls (their results
depend on the reader's vote and the moment) are drawn fresh every time.
"""

from hashlib import blake2b
from typing import Any

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kring.content.models import Post
from kring.content.selectors import PostCard

CARD_TEMPLATE = "content/partials/post_card.html"
CARD_SECONDS = 600
# Stands for the form token in a kept card. Forms refuse NUL characters, so no post holds it.
TOKEN_MARK = "\x00csrf\x00"


def _post_key(post: Post) -> tuple[Any, ...]:
    return (
        post.pk, post.kind, post.state, post.publish_at, post.published_at, post.edited_at,
        post.is_pinned(), post.important, post.title, post.lead, post.body_html,
        post.accepted_answer_id, post.comment_count, post.link_url, post.link_preview,
        post.cover.name, post.cover_alt,
        post.shared_post_id, post.author_id, post.author.display_name, post.space_id,
        post.space.slug, post.space.name,
    )  # fmt: skip


def _key(card: PostCard) -> str | None:
    """Everything the card shows, hashed; None for a card that must be drawn fresh."""
    post, original = card.post, card.original
    if post.is_hidden or original.kind == Post.Kind.POLL:
        return None
    files = [
        (a.pk, a.kind, a.original_name, a.alt_text, a.width, a.height, a.size)
        for a in [*card.images, *card.media, *card.files]
    ]
    parts = (
        get_language(),
        naturaltime(post.published_at),
        (card.unread, card.my_reaction, card.saved, card.confirmed, card.can_react),
        tuple((r.kind, r.count) for r in card.reactions),
        tuple(files),
        _post_key(post),
        _post_key(original) if original is not post else None,
    )
    return "content:card:" + blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def draw_cards(request: HttpRequest, cards: list[PostCard]) -> None:
    """Set each card's `html`: from the cache in one round trip, drawing only what is missing."""
    keys = {id(card): _key(card) for card in cards}
    found = cache.get_many([key for key in keys.values() if key])
    token = get_token(request)
    missing: dict[str, str] = {}
    for card in cards:
        key = keys[id(card)]
        html = found.get(key) if key else None
        if html is None:
            context = {"card": card, "user": request.user, "csrf_token": TOKEN_MARK}
            html = render_to_string(CARD_TEMPLATE, context)
            if key:
                missing[key] = html
        card.html = mark_safe(html.replace(TOKEN_MARK, token))  # our own template's output
    if missing:
        cache.set_many(missing, CARD_SECONDS)
