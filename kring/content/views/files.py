"""Attachments and covers, served only after the post's permission check (never from a public URL).

The type sent is the one sniffed from the bytes when the file came in, never the request's or the
name's; pictures, audio and video open inline, everything else downloads. A sandboxing policy
and nosniff mean that even a file that is also a script or a page never runs as one. Single
byte ranges are answered (206), so a player can seek in a podcast or a video.
"""

import hashlib
import re
from typing import IO

from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotModified,
)
from django.views.decorators.http import require_GET

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common.images import image_response
from kring.content.models import Attachment
from kring.content.selectors import post_get
from kring.content.services.attachments import ATTACHMENT, attachment_get
from kring.content.targets import POST

INLINE_KINDS = (Attachment.Kind.IMAGE, Attachment.Kind.AUDIO, Attachment.Kind.VIDEO)
SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    # Private: a shared cache must not hand a secret space's file to someone else.
    "Cache-Control": "private, max-age=3600",
    "Accept-Ranges": "bytes",
}
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class RangeNotSatisfiable(Exception):
    pass


@login_required
@require_GET
def attachment(request: HttpRequest, post_id: int, pk: int, name: str) -> HttpResponseBase:
    """`name` only makes the URL readable and the download sensible; it is not checked."""
    actor = request.user
    if not isinstance(actor, User):
        raise Http404
    found = attachment_get(actor=actor, post_id=post_id, attachment_id=pk)
    stored = found.file.name
    if not stored:
        raise Http404
    # Stored files never change (a new upload gets a new name), so the name is the version.
    etag = f'"{hashlib.sha256(stored.encode()).hexdigest()[:32]}"'
    if _tags(request.headers.get("If-None-Match", "")) & {etag, "*"}:
        return _with_safe_headers(HttpResponseNotModified(), etag)
    try:
        wanted = _range_wanted(request, etag, found.size)
    except RangeNotSatisfiable:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{found.size}"
        return _with_safe_headers(refused, etag)
    response = _file_response(found, stored, wanted)
    if found.kind == Attachment.Kind.DOCUMENT and (wanted is None or wanted[0] == 0):
        activity_record(
            actor=actor,
            verb="file_downloaded",
            obj_type=ATTACHMENT,
            obj_id=found.pk,
            root_type=POST,
            root_id=found.post_id,
            space_id=found.post.space_id,
        )
    return _with_safe_headers(response, etag)


def _file_response(found: Attachment, stored: str, wanted: tuple[int, int] | None) -> FileResponse:
    try:
        handle: IO[bytes] = found.file.storage.open(stored, "rb")
    except OSError as error:
        raise Http404 from error
    body: IO[bytes] | _Window = handle
    if wanted is not None:
        first, last = wanted
        body = _Window(handle, first, last - first + 1)
    response = FileResponse(
        body,
        status=200 if wanted is None else 206,
        content_type=found.mime,
        as_attachment=found.kind not in INLINE_KINDS,
        # Encoded for Content-Disposition by Django (RFC 6266; RFC 5987 when not ASCII).
        filename=found.original_name,
    )
    if wanted is not None:
        response["Content-Length"] = str(last - first + 1)
        response["Content-Range"] = f"bytes {first}-{last}/{found.size}"
    return response


def _with_safe_headers(response: HttpResponseBase, etag: str) -> HttpResponseBase:
    for header, value in SAFE_HEADERS.items():
        response[header] = value
    response["ETag"] = etag
    return response


def _tags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",")}


def _range_wanted(request: HttpRequest, etag: str, size: int) -> tuple[int, int] | None:
    """The one byte range asked for, as (first, last) inclusive; None to send the whole file.

    Several ranges, other units and malformed headers get the whole file (RFC 9110 lets a server
    ignore Range), and so does an If-Range that names another version."""
    header = request.headers.get("Range", "").strip()
    if_range = request.headers.get("If-Range")
    if not header or (if_range is not None and if_range.strip() != etag):
        return None
    match = _RANGE.fullmatch(header.replace(" ", ""))
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":
        # The last N bytes ("bytes=-500").
        suffix = int(last)
        if suffix == 0:
            raise RangeNotSatisfiable
        return max(size - suffix, 0), size - 1
    start = int(first)
    if last != "" and int(last) < start:
        return None
    if start >= size:
        raise RangeNotSatisfiable
    return start, size - 1 if last == "" else min(int(last), size - 1)


class _Window:
    """`length` bytes of an open file from `first` on: what a 206 response streams."""

    def __init__(self, handle: IO[bytes], first: int, length: int) -> None:
        handle.seek(first)
        self._handle = handle
        self._left = length

    def read(self, size: int = -1) -> bytes:
        size = self._left if size < 0 else min(size, self._left)
        data = self._handle.read(size)
        self._left -= len(data)
        return data

    def close(self) -> None:
        self._handle.close()


@login_required
@require_GET
def cover(request: HttpRequest, pk: int, name: str) -> HttpResponseBase:
    """A news article's cover, to whoever may read the article (404 alike for everyone else).
    `name` versions the URL (a new cover has a new name); it is not checked."""
    post = post_get(request.user, pk)
    if not post.cover:
        raise Http404
    return image_response(post.cover, filename="cover")
