"""Attachments: what is stored (re-encoded pictures, random names, limits) and how it is served
(only to readers, with safe headers, and in byte ranges for players)."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse
from PIL import ExifTags, Image

from kring.accounts.models import ActivityEvent
from kring.content.models import Attachment
from kring.content.services.attachments import (
    MAX_PER_POST,
    attachment_add,
    attachment_alt_text,
    attachment_remove,
    needs_alt_text,
)
from kring.content.services.posts import post_delete
from kring.content.tests.factories import post
from kring.content.tests.files import GPS, stored_files
from kring.spaces.tests import factories as sf

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]

# What the test files hold.
MP3 = (b"\xff\xfb\x90\x64" + b"\x00" * 413) * 40  # 40 frames of MPEG-1 layer III
PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)


@pytest.fixture
def secret(member, space_owner):
    return sf.community(
        "Directieoverleg", "secret", owner=space_owner, members={"member": [member]}
    )


@pytest.fixture
def mine(member, coffee):
    return post(member, coffee, body="Foto's van de studiedag")


def photo(size=(3000, 1000), fmt="JPEG", *, orientation=None, gps=False) -> bytes:
    """A two-coloured picture (left red, right blue), with EXIF if asked."""
    image = Image.new("RGB", size, (220, 20, 20))
    image.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        exif[ExifTags.IFD.GPSInfo] = GPS
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif)
    return out.getvalue()


def upload(data: bytes, name: str = "foto.jpg") -> SimpleUploadedFile:
    # The browser's content type is whatever it says; nothing reads it.
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def stored_bytes(attachment: Attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


# -- what is stored --------------------------------------------------------------------------------


def test_a_photo_loses_its_exif_and_location_and_is_turned_upright_and_shrunk(member, mine):
    data = photo(orientation=6, gps=True)  # a phone held upright: "rotate 90° to show"
    assert b"Canon" in data and Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)

    attachment = attachment_add(actor=member, post=mine, upload=upload(data), alt_text="De gang")

    saved = stored_bytes(attachment)
    image = Image.open(io.BytesIO(saved))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert b"Exif" not in saved and b"Canon" not in saved
    # 3000 x 1000 on its side becomes 1000 x 3000 upright, then fits in 2048 x 2048.
    assert image.height == 2048 and image.width in (682, 683)
    assert (attachment.width, attachment.height) == image.size
    # The red half, on the left before turning, is now on top.
    red, blue = image.getpixel((image.width // 2, 10)), image.getpixel((image.width // 2, 2000))
    assert red[0] > 150 > red[2] and blue[2] > 150 > blue[0]
    assert attachment.kind == Attachment.Kind.IMAGE
    assert attachment.mime == "image/jpeg"
    assert attachment.size == len(saved)
    assert attachment.alt_text == "De gang"


def test_a_phone_video_loses_where_it_was_recorded(member, mine):
    from kring.common.tests.test_mp4 import LOCATION, phone_video

    data = phone_video().replace(b"ftypqt  ", b"ftypisom", 1)
    attachment = attachment_add(actor=member, post=mine, upload=upload(data, "klas.mp4"))
    assert attachment.kind == "video" and attachment.mime == "video/mp4"
    stored = stored_bytes(attachment)
    assert LOCATION in data and LOCATION not in stored
    assert len(stored) == len(data) == attachment.size


def test_a_small_picture_keeps_its_size(member, mine):
    attachment = attachment_add(actor=member, post=mine, upload=upload(photo((40, 30), "PNG")))
    assert (attachment.width, attachment.height) == (40, 30)
    assert attachment.mime == "image/png"


def test_files_get_a_random_name_on_disk_and_keep_the_uploaders_name_for_download(
    member, mine, media
):
    first = attachment_add(actor=member, post=mine, upload=upload(photo(), "Mila thuis.jpg"))
    second = attachment_add(actor=member, post=mine, upload=upload(photo(), "Mila thuis.jpg"))

    for attachment in (first, second):
        assert re.fullmatch(r"content/files/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", attachment.file.name)
        assert attachment.original_name == "Mila thuis.jpg"
    assert first.file.name != second.file.name
    assert all("Mila" not in path.name for path in stored_files(media))
    assert [first.position, second.position] == [0, 1]


def test_audio_video_and_documents_are_stored_as_uploaded(member, mine):
    audio = attachment_add(actor=member, post=mine, upload=upload(MP3, "podcast.mp3"))
    document = attachment_add(actor=member, post=mine, upload=upload(PDF, "Jaarplan.pdf"))

    assert (audio.kind, audio.mime) == (Attachment.Kind.AUDIO, "audio/mpeg")
    assert (document.kind, document.mime) == (Attachment.Kind.DOCUMENT, "application/pdf")
    assert stored_bytes(audio) == MP3 and stored_bytes(document) == PDF
    assert audio.file.name.endswith(".mp3") and document.file.name.endswith(".pdf")
    assert not needs_alt_text(audio)


def test_an_animated_gif_keeps_its_bytes_and_a_still_one_becomes_a_png(member, mine):
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    animated = out.getvalue()
    still = io.BytesIO()
    frames[0].save(still, format="GIF")

    moving = attachment_add(actor=member, post=mine, upload=upload(animated, "dans.gif"))
    fixed = attachment_add(actor=member, post=mine, upload=upload(still.getvalue(), "stip.gif"))

    assert stored_bytes(moving) == animated
    assert (moving.mime, moving.width, moving.height) == ("image/gif", 30, 20)
    assert fixed.mime == "image/png" and fixed.file.name.endswith(".png")
    assert Image.open(io.BytesIO(stored_bytes(fixed))).format == "PNG"


def test_an_oversized_file_is_refused_and_nothing_is_saved(member, mine, media, settings):
    settings.KRING = {**settings.KRING, "UPLOAD_MAX_BYTES": 2000}
    data = photo((400, 400))
    assert len(data) > 2000

    with pytest.raises(ValidationError) as error:
        attachment_add(actor=member, post=mine, upload=upload(data))

    assert "too large" in error.value.message_dict["file"][0]
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("foto.jpg", PDF),  # a document that calls itself a picture
        ("logo.svg", SVG_WITH_SCRIPT),
        ("logo.png", SVG_WITH_SCRIPT),
        ("pagina.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("run.sh", b"#!/bin/sh\nrm -rf /\n"),
    ],
)
def test_files_that_are_not_what_they_claim_or_could_run_are_refused(
    member, mine, media, name, data
):
    with pytest.raises(ValidationError) as error:
        attachment_add(actor=member, post=mine, upload=upload(data, name))

    assert error.value.message_dict["file"]
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_only_the_author_adds_files(other_member, non_member, space_moderator, mine, media):
    for outsider, refusal in [
        (other_member, PermissionDenied),
        (space_moderator, PermissionDenied),
        (non_member, PermissionDenied),  # an open space: they may read it, not add to it
    ]:
        with pytest.raises(refusal):
            attachment_add(actor=outsider, post=mine, upload=upload(photo()))
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_a_post_in_a_secret_space_is_not_found_for_outsiders(member, non_member, secret, media):
    hidden = post(member, secret, body="Vertrouwelijk")
    with pytest.raises(Http404):
        attachment_add(actor=non_member, post=hidden, upload=upload(photo()))
    assert stored_files(media) == []


def test_a_post_holds_at_most_ten_files(member, mine, media):
    small = photo((8, 8), "PNG")
    for _ in range(MAX_PER_POST):
        attachment_add(actor=member, post=mine, upload=upload(small, "stip.png"))

    with pytest.raises(ValidationError) as error:
        attachment_add(actor=member, post=mine, upload=upload(small, "stip.png"))

    assert "at most 10" in error.value.message_dict["file"][0]
    assert mine.attachments.count() == MAX_PER_POST
    assert len(stored_files(media)) == MAX_PER_POST


def test_adding_a_file_is_recorded(member, mine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        attachment = attachment_add(actor=member, post=mine, upload=upload(PDF, "plan.pdf"))
    event = ActivityEvent.objects.get(actor=member, verb="file_uploaded")
    assert (event.object_type, event.object_id) == ("attachment", attachment.pk)
    assert (event.root_type, event.root_id, event.space_id) == ("post", mine.pk, mine.space_id)


# -- descriptions ----------------------------------------------------------------------------------


def test_a_picture_without_a_description_asks_for_one(member, other_member, mine):
    attachment = attachment_add(actor=member, post=mine, upload=upload(photo()))
    assert needs_alt_text(attachment)

    with pytest.raises(PermissionDenied):
        attachment_alt_text(actor=other_member, attachment_id=attachment.pk, alt_text="Nee")
    described = attachment_alt_text(
        actor=member, attachment_id=attachment.pk, alt_text="  Kinderen   op het plein "
    )

    assert described.alt_text == "Kinderen op het plein"
    assert not needs_alt_text(described)


def test_an_overlong_description_is_refused(member, mine):
    with pytest.raises(ValidationError) as error:
        attachment_add(actor=member, post=mine, upload=upload(photo()), alt_text="x" * 301)
    assert "alt_text" in error.value.message_dict
    assert not Attachment.objects.exists()


# -- removing --------------------------------------------------------------------------------------


def test_the_author_removes_a_file_and_its_bytes_go_after_commit(
    member, mine, media, django_capture_on_commit_callbacks
):
    attachment = attachment_add(actor=member, post=mine, upload=upload(photo()))
    path = media / attachment.file.name

    with django_capture_on_commit_callbacks() as callbacks:
        attachment_remove(actor=member, attachment_id=attachment.pk)
        assert path.exists()  # still there while the removal could be rolled back
    for callback in callbacks:
        callback()

    assert not Attachment.objects.exists()
    assert not path.exists()


def test_a_moderator_removes_a_file_others_may_not(
    member, other_member, space_moderator, mine, media, django_capture_on_commit_callbacks
):
    attachment = attachment_add(actor=member, post=mine, upload=upload(photo()))

    with pytest.raises(PermissionDenied):
        attachment_remove(actor=other_member, attachment_id=attachment.pk)
    assert Attachment.objects.filter(pk=attachment.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        attachment_remove(actor=space_moderator, attachment_id=attachment.pk)
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


# -- serving ---------------------------------------------------------------------------------------


def url(attachment: Attachment, post_id: int | None = None) -> str:
    return reverse(
        "content:attachment",
        args=[post_id or attachment.post_id, attachment.pk, attachment.original_name],
    )


def content_of(response) -> bytes:
    # Reading it to the end closes the response (and the file), as a WSGI server would.
    return b"".join(response.streaming_content)


def test_a_reader_gets_a_picture_inline_with_safe_headers(as_user, member, other_member, mine):
    attachment = attachment_add(actor=member, post=mine, upload=upload(photo(), "plein.jpg"))

    response = as_user(other_member).get(url(attachment))

    assert response.status_code == 200
    assert content_of(response) == stored_bytes(attachment)
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'inline; filename="plein.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"].startswith("private")
    assert response["Content-Length"] == str(attachment.size)


def test_documents_download_under_their_encoded_name_with_the_sniffed_type(
    as_user, member, mine, django_capture_on_commit_callbacks
):
    attachment = attachment_add(actor=member, post=mine, upload=upload(PDF, "Jaarplan 2025 ö.pdf"))

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(member).get(url(attachment), HTTP_ACCEPT="text/html")

    assert content_of(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Jaarplan%202025%20%C3%B6.pdf"
    )
    assert ActivityEvent.objects.filter(actor=member, verb="file_downloaded").count() == 1


def test_the_name_in_the_url_is_only_cosmetic(as_user, member, mine):
    attachment = attachment_add(actor=member, post=mine, upload=upload(PDF, "plan.pdf"))
    path = reverse("content:attachment", args=[mine.pk, attachment.pk, "index.html"])
    response = as_user(member).get(path)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    content_of(response)


def test_outsiders_of_a_secret_space_get_a_404_that_tells_nothing(
    as_user, member, non_member, secret
):
    hidden = post(member, secret, body="Vertrouwelijk")
    canary = "kanarie-reorganisatie.pdf"
    attachment = attachment_add(actor=member, post=hidden, upload=upload(PDF, canary))

    # The name in a link is the uploader's: an outsider asks by numbers alone.
    path = reverse("content:attachment", args=[hidden.pk, attachment.pk, "bestand"])
    response = as_user(non_member).get(path)

    assert response.status_code == 404
    assert canary.encode() not in response.content
    assert "kanarie" not in str(response.headers)
    assert content_of(as_user(member).get(path)) == PDF


def test_anonymous_visitors_are_sent_to_sign_in(client, member, mine):
    attachment = attachment_add(actor=member, post=mine, upload=upload(PDF, "plan.pdf"))
    response = client.get(url(attachment))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_a_deleted_post_serves_no_files(as_user, member, other_member, mine):
    attachment = attachment_add(actor=member, post=mine, upload=upload(PDF, "plan.pdf"))
    post_delete(actor=member, post_id=mine.pk)
    assert as_user(other_member).get(url(attachment)).status_code == 404
    assert as_user(member).get(url(attachment)).status_code == 404


def test_a_file_is_served_only_under_its_own_post(as_user, member, coffee, mine):
    attachment = attachment_add(actor=member, post=mine, upload=upload(PDF, "plan.pdf"))
    other = post(member, coffee, body="Iets anders")
    assert as_user(member).get(url(attachment, post_id=other.pk)).status_code == 404


@pytest.fixture
def podcast(member, mine):
    return attachment_add(actor=member, post=mine, upload=upload(MP3, "aflevering 1.mp3"))


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-9", 0, 9),
        ("bytes=100-", 100, len(MP3) - 1),
        ("bytes=-417", len(MP3) - 417, len(MP3) - 1),
        ("bytes=16000-99999999", 16000, len(MP3) - 1),  # the end is clipped to the file
    ],
)
def test_a_player_gets_the_byte_range_it_asks_for(
    as_user, other_member, podcast, header, first, last
):
    response = as_user(other_member).get(url(podcast), HTTP_RANGE=header)

    assert response.status_code == 206
    assert content_of(response) == MP3[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(MP3)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Accept-Ranges"] == "bytes"


@pytest.mark.parametrize("header", [f"bytes={len(MP3)}-", "bytes=99999999-99999999", "bytes=-0"])
def test_a_range_beyond_the_file_is_refused_with_416(as_user, other_member, podcast, header):
    response = as_user(other_member).get(url(podcast), HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(MP3)}"


@pytest.mark.parametrize("header", ["bytes=0-9,20-29", "items=0-9", "bytes=9-0", "bytes=abc"])
def test_ranges_we_do_not_serve_get_the_whole_file(as_user, other_member, podcast, header):
    response = as_user(other_member).get(url(podcast), HTTP_RANGE=header)
    assert response.status_code == 200
    assert content_of(response) == MP3


def test_if_range_resumes_only_the_same_version(as_user, other_member, podcast):
    client = as_user(other_member)
    first = client.get(url(podcast))
    etag = first["ETag"]
    content_of(first)

    same = client.get(url(podcast), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    other = client.get(url(podcast), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"elsewhere"')

    assert (same.status_code, content_of(same)) == (206, MP3[:10])
    assert (other.status_code, content_of(other)) == (200, MP3)


def test_a_cached_copy_is_confirmed_without_sending_it_again(as_user, other_member, podcast):
    client = as_user(other_member)
    first = client.get(url(podcast))
    etag = first["ETag"]
    content_of(first)
    response = client.get(url(podcast), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response["Cache-Control"].startswith("private")
