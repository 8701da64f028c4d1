"""Writing a post with everything it carries (files, a cover, a poll, a link) in one go: all or
nothing."""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from kring.accounts.models import User
from kring.common.linkpreview import PreviewRefused, fetch_preview
from kring.content.models import Attachment, Blog, Poll, Post
from kring.content.services.attachments import attachment_add
from kring.content.services.covers import cover_change
from kring.content.services.polls import poll_create
from kring.content.services.posts import post_create, post_edit
from kring.spaces.models import Space


@dataclass
class Draft:
    kind: str = Post.Kind.POST
    title: str = ""
    lead: str = ""
    body: str = ""
    link_url: str = ""
    important: bool = False
    pinned_until: datetime | None = None
    publish_at: datetime | None = None
    blog: Blog | None = None
    options: list[str] = field(default_factory=list)
    multiple: bool = False
    closes_at: datetime | None = None
    results: str = Poll.Results.AFTER_VOTE
    cover: UploadedFile[bytes] | None = None  # news only, with its description
    cover_alt: str = ""


def post_write(
    *, actor: User, space: Space, draft: Draft, files: list[UploadedFile[bytes]] | None = None
) -> Post:
    """Create the post, its poll, its cover and its attachments; a refused file leaves nothing
    behind."""
    added: list[Attachment] = []
    post: Post | None = None
    try:
        with transaction.atomic():
            post = _create(actor, space, draft)
            cover_change(actor=actor, post=post, upload=draft.cover, alt_text=draft.cover_alt)
            for upload in files or []:
                added.append(attachment_add(actor=actor, post=post, upload=upload))
            if draft.link_url:
                post.link_url = draft.link_url
                post.save(update_fields=["link_url"])
                transaction.on_commit(lambda: _fetch_preview(post.pk))
    except BaseException:
        for attachment in added:
            attachment.file.delete(save=False)
        if post is not None and post.cover:
            post.cover.delete(save=False)
        raise
    return post


def post_revise(
    *,
    actor: User,
    post: Post,
    title: str = "",
    lead: str = "",
    body: str = "",
    cover: UploadedFile[bytes] | None = None,
    cover_alt: str = "",
    remove_cover: bool = False,
) -> Post:
    """The edit form: the text (with its history) and, for news, the cover, together or not at
    all; a refused change leaves no new file behind."""
    before = post.cover.name
    try:
        with transaction.atomic():
            post_edit(actor=actor, post_id=post.pk, title=title, lead=lead, body=body)
            if post.kind == Post.Kind.NEWS:
                cover_change(
                    actor=actor, post=post, upload=cover, alt_text=cover_alt, remove=remove_cover
                )
    except BaseException:
        if post.cover and post.cover.name != before:
            post.cover.delete(save=False)
        raise
    return post


def _create(actor: User, space: Space, draft: Draft) -> Post:
    if draft.kind == Post.Kind.POLL:
        return poll_create(
            actor=actor,
            space=space,
            title=draft.title,
            body=draft.body,
            options=draft.options,
            multiple=draft.multiple,
            closes_at=draft.closes_at,
            results=draft.results,
        )
    return post_create(
        actor=actor,
        space=space,
        kind=draft.kind,
        title=draft.title,
        lead=draft.lead,
        body=draft.body,
        important=draft.important,
        pinned_until=draft.pinned_until,
        publish_at=draft.publish_at,
        blog=draft.blog,
    )


def _fetch_preview(post_id: int) -> None:
    from kring.content.tasks import fetch_link_preview

    fetch_link_preview.enqueue(post_id)


def link_preview_store(*, post_id: int) -> bool:
    """Fetch the post's link preview (from a task: it goes out on the network, SSRF-safe)."""
    post = Post.objects.filter(pk=post_id).exclude(link_url="").first()
    if post is None:
        return False
    try:
        preview = fetch_preview(post.link_url)
    except PreviewRefused:
        preview = None
    data = (
        {
            "title": preview.title,
            "description": preview.description,
            "site_name": preview.site_name,
        }
        if preview is not None and preview.title
        else {}
    )
    Post.objects.filter(pk=post_id).update(link_preview=data)
    return bool(data)
