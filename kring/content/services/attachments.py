"""Files in a post: pictures, audio, video and documents, at most ten per post.

What a file is comes from its bytes (`common.uploads.classify_upload`). Pictures are re-encoded
(`common.images`): upright, EXIF and every other kind of metadata gone, at most 2048 pixels on a
side. Animated GIFs are the one exception and keep their bytes: GIF has no place for EXIF or a
location, and re-encoding an animation frame by frame is slow, lossy and easily gets timing and
transparency wrong. Like every attachment they are served with their sniffed type, nosniff and a
sandboxing policy (views/files.py), so a GIF that is also a script never runs. Animated PNG and
WebP, which can carry EXIF, are re-encoded like other pictures and keep their first frame. Audio,
video and documents are stored as uploaded.

On disk every file gets a random name; the uploader's name is kept only to offer it on download.
"""

import io
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404
from django.utils.translation import gettext as _
from PIL import Image

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common.audit import audit_record
from kring.common.images import image_reencode
from kring.common.mp4 import strip_metadata
from kring.common.uploads import UploadInfo, classify_upload
from kring.content import permissions
from kring.content.models import Attachment, Post
from kring.content.targets import POST

MAX_PER_POST = 10
MAX_IMAGE_SIDE = 2048
ALT_TEXT_MAX_LENGTH = 300
ATTACHMENT = "attachment"


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An upload as it will be stored."""

    content: File[bytes]
    info: UploadInfo
    mime: str
    extension: str
    size: int
    width: int | None = None
    height: int | None = None


def needs_alt_text(attachment: Attachment) -> bool:
    """A picture nobody has described yet: the composer asks its author for a description."""
    return attachment.kind == Attachment.Kind.IMAGE and not attachment.alt_text


def attachment_get(*, actor: object, post_id: int, attachment_id: int) -> Attachment:
    """An attachment of a post the actor may read: 404 alike for missing, hidden or elsewhere."""
    attachment = (
        Attachment.objects.select_related("post__space", "post__shared_post__space")
        .filter(pk=attachment_id, post_id=post_id)
        .first()
    )
    if attachment is None:
        raise Http404
    permissions.check_read(actor, attachment.post)
    return attachment


def attachment_add(
    *, actor: User, post: Post, upload: UploadedFile[bytes], alt_text: str = ""
) -> Attachment:
    """Add a file to one's own post.

    The slow part (judging and re-encoding the bytes, writing the file) happens before the
    transaction, so no lock is held meanwhile; the file is removed again if the row is refused.
    """
    permissions.check_edit(actor, post)
    _check_room(post)
    alt_text = clean_alt_text(alt_text)
    prepared = _prepare(upload)
    attachment = Attachment(
        post=post,
        kind=prepared.info.kind,
        mime=prepared.mime,
        size=prepared.size,
        # Shown, and offered as the name on download; never used on disk.
        original_name=prepared.info.original_name,
        alt_text=alt_text,
        width=prepared.width,
        height=prepared.height,
    )
    name = f"{secrets.token_hex(16)}.{prepared.extension}"
    attachment.file.save(name, prepared.content, save=False)
    try:
        return _attachment_store(actor, attachment)
    except BaseException:
        attachment.file.delete(save=False)
        raise


@transaction.atomic
def _attachment_store(actor: User, attachment: Attachment) -> Attachment:
    post = _locked_post(attachment.post_id)
    permissions.check_edit(actor, post)
    taken = post.attachments.aggregate(count=Count("pk"), last=Max("position"))
    if taken["count"] >= MAX_PER_POST:
        raise _too_many()
    attachment.post = post
    attachment.position = 0 if taken["last"] is None else taken["last"] + 1
    attachment.full_clean()
    attachment.save()
    activity_record(
        actor=actor,
        verb="file_uploaded",
        obj_type=ATTACHMENT,
        obj_id=attachment.pk,
        root_type=POST,
        root_id=post.pk,
        space_id=post.space_id,
        meta={"kind": attachment.kind},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor: User, attachment_id: int) -> None:
    """The post's author or a moderator removes a file; the bytes go once the removal commits."""
    attachment = _locked(attachment_id)
    post = attachment.post
    permissions.check_delete(actor, post)
    file = attachment.file
    storage, name = file.storage, file.name
    if post.author_id != actor.pk:
        audit_record(
            actor=actor,
            action="attachment.delete",
            obj=attachment,
            changes={"post": post.pk, "name": attachment.original_name},
        )
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attachment_alt_text(*, actor: User, attachment_id: int, alt_text: str) -> Attachment:
    """The author describes a picture (or changes the description)."""
    attachment = _locked(attachment_id)
    permissions.check_edit(actor, attachment.post)
    attachment.alt_text = clean_alt_text(alt_text)
    attachment.save(update_fields=["alt_text"])
    return attachment


def _locked(attachment_id: int) -> Attachment:
    attachment = (
        Attachment.objects.select_for_update(of=("self",))
        .select_related("post__space", "post__shared_post__space")
        .filter(pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment


def _locked_post(post_id: int) -> Post:
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("space", "shared_post__space")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        raise Http404
    return post


def _check_room(post: Post) -> None:
    if post.attachments.count() >= MAX_PER_POST:
        raise _too_many()


def _too_many() -> ValidationError:
    return ValidationError(
        {"file": _("A post can have at most %(count)d files.") % {"count": MAX_PER_POST}}
    )


def clean_alt_text(
    alt_text: str, *, field: str = "alt_text", limit: int = ALT_TEXT_MAX_LENGTH
) -> str:
    """A picture's description on one line, refused (on `field`) when longer than `limit`."""
    alt_text = " ".join((alt_text or "").split())
    if len(alt_text) > limit:
        raise ValidationError(
            {field: _("A description can be at most %(count)d characters long.") % {"count": limit}}
        )
    return alt_text


MP4_TYPES = {"video/mp4", "video/quicktime", "audio/mp4"}


def _prepare(upload: UploadedFile[bytes]) -> _Prepared:
    try:
        info = classify_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error}) from error
    if info.mime in MP4_TYPES:
        # Where a phone video or voice memo was recorded, and on what: gone (common/mp4.py).
        media = strip_metadata(upload.read())
        upload.seek(0)
        return _Prepared(ContentFile(media), info, info.mime, info.extension, len(media))
    if info.kind != "image":
        return _Prepared(upload, info, info.mime, info.extension, info.size)
    data = upload.read()
    upload.seek(0)
    size = _animated_gif_size(data, info)
    if size is not None:
        return _Prepared(upload, info, info.mime, info.extension, info.size, *size)
    try:
        clean = image_reencode(data, max_width=MAX_IMAGE_SIDE, max_height=MAX_IMAGE_SIDE)
    except ValidationError as error:
        raise ValidationError({"file": error}) from error
    return _Prepared(
        ContentFile(clean.data),
        info,
        clean.mime,
        clean.extension,
        len(clean.data),
        clean.width,
        clean.height,
    )


def _animated_gif_size(data: bytes, info: UploadInfo) -> tuple[int, int] | None:
    """The size of an animated GIF (kept as uploaded); None for any other picture."""
    if info.mime != "image/gif":
        return None
    try:
        with Image.open(io.BytesIO(data), formats=["GIF"]) as gif:
            return gif.size if getattr(gif, "is_animated", False) else None
    except (OSError, ValueError, EOFError):
        return None  # re-encoding will tell what is wrong with it
