"""A news article's cover image.

Re-encoded like every photo (`common.images`: upright, no EXIF or location, at most 2048 pixels
on a side), described for colleagues who cannot see it (a cover without a description is
refused), stored under a random name and served only after the post's permission check
(views/files.py). A replaced or removed cover's file goes once the change commits.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.common.images import image_reencode
from kring.common.uploads import classify_upload
from kring.content import permissions
from kring.content.models import Post
from kring.content.services.attachments import MAX_IMAGE_SIDE, clean_alt_text

COVER_ALT_MAX_LENGTH = 200


def _clean_alt(alt_text: str) -> str:
    alt_text = clean_alt_text(alt_text, field="cover_alt", limit=COVER_ALT_MAX_LENGTH)
    if not alt_text:
        raise ValidationError(
            {"cover_alt": _("Describe the cover image for colleagues who cannot see it.")}
        )
    return alt_text


def _picture(upload: UploadedFile[bytes]) -> tuple[str, ContentFile[bytes]]:
    try:
        if classify_upload(upload).kind != "image":
            raise ValidationError(
                _("A cover is a photo or a picture (JPEG, PNG, WebP or GIF)."), code="not_image"
            )
        data = upload.read()
        upload.seek(0)
        clean = image_reencode(data, max_width=MAX_IMAGE_SIDE, max_height=MAX_IMAGE_SIDE)
    except ValidationError as error:
        raise ValidationError({"cover": error}) from error
    return f"{secrets.token_hex(16)}.{clean.extension}", ContentFile(clean.data)


def _check(actor: User, post: Post) -> None:
    permissions.check_edit(actor, post)
    if post.kind != Post.Kind.NEWS:
        raise ValidationError({"cover": _("Only news has a cover image.")})


def _forget_after_commit(post: Post, name: str | None) -> None:
    if name:
        storage = post.cover.storage
        transaction.on_commit(lambda: storage.delete(name))


def cover_set(*, actor: User, post: Post, upload: UploadedFile[bytes], alt_text: str) -> Post:
    """Give a news article its cover, or a new one. Nothing is left on disk when it is refused."""
    _check(actor, post)
    alt_text = _clean_alt(alt_text)
    name, picture = _picture(upload)  # the slow part, before any lock
    before = post.cover.name
    post.cover.save(name, picture, save=False)
    try:
        with transaction.atomic():
            Post.objects.select_for_update().filter(pk=post.pk).update(
                cover=post.cover.name, cover_alt=alt_text
            )
            _forget_after_commit(post, before)
    except BaseException:
        post.cover.delete(save=False)
        raise
    post.cover_alt = alt_text
    return post


@transaction.atomic
def cover_describe(*, actor: User, post: Post, alt_text: str) -> Post:
    _check(actor, post)
    post.cover_alt = _clean_alt(alt_text)
    Post.objects.filter(pk=post.pk).update(cover_alt=post.cover_alt)
    return post


@transaction.atomic
def cover_remove(*, actor: User, post: Post) -> Post:
    _check(actor, post)
    _forget_after_commit(post, post.cover.name)
    Post.objects.filter(pk=post.pk).update(cover="", cover_alt="")
    post.cover, post.cover_alt = "", ""
    return post


def cover_change(
    *,
    actor: User,
    post: Post,
    upload: UploadedFile[bytes] | None = None,
    alt_text: str = "",
    remove: bool = False,
) -> Post:
    """What a news form says about the cover: remove it, put a (new) one, or describe it anew."""
    if remove:
        return cover_remove(actor=actor, post=post) if post.cover else post
    if upload is not None:
        return cover_set(actor=actor, post=post, upload=upload, alt_text=alt_text)
    if post.cover:
        if " ".join(alt_text.split()) == post.cover_alt:
            return post
        return cover_describe(actor=actor, post=post, alt_text=alt_text)
    if alt_text.strip():
        raise ValidationError({"cover": _("Choose the cover image you described.")})
    return post
