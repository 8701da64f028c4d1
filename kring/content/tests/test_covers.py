"""A news article's cover image: re-encoded without its metadata, described, shown on the card and
the article, served only to readers, replaced and removed without leaving files behind."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from kring.content.models import Post
from kring.content.services.covers import cover_set
from kring.content.tests.factories import news, post
from kring.content.tests.files import GPS, stored_files
from kring.spaces.tests import factories as sf

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


@pytest.fixture
def newsroom(member, comms_editor):
    sf.structure_spaces(member, comms_editor)
    return sf.the_news_space()


def photo(name: str = "schoolplein.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.IFD.GPSInfo] = GPS
    Image.new("RGB", (3000, 1500), (30, 120, 200)).save(out, "JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def compose(space):
    return reverse("content:compose", args=[space.slug]) + "?soort=news"


def written(**fields):
    return {"title": "Nieuw schoolplein", "lead": "Het is klaar.", "body": "Kom kijken!", **fields}


def cover_url(p):
    p = Post.objects.get(pk=p.pk)
    return reverse("content:cover", args=[p.pk, p.cover_filename])


def test_news_with_a_cover_shows_it_to_every_reader_without_its_metadata(
    as_user, client, comms_editor, member, newsroom, media
):
    response = as_user(comms_editor).post(
        compose(newsroom), written(cover=photo(), cover_alt="Kinderen op het nieuwe plein")
    )
    assert response.status_code == 302
    article = Post.objects.get(title="Nieuw schoolplein")
    assert article.cover_alt == "Kinderen op het nieuwe plein"
    assert "schoolplein" not in article.cover.name  # a random name on disk
    (path,) = stored_files(media)
    with Image.open(path) as kept:
        assert max(kept.size) == 2048 and not kept.getexif()  # shrunk, no camera, no location

    reader = as_user(member)
    served = reader.get(cover_url(article))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Cache-Control"].startswith("private")
    home = reader.get(reverse("feed:home")).content.decode()
    assert f'src="{cover_url(article)}" alt="Kinderen op het nieuwe plein"' in home
    page = reader.get(reverse("content:detail", args=[article.pk])).content.decode()
    assert 'class="post-card__cover"' in page


def test_a_cover_must_be_described_and_be_a_picture_and_nothing_is_left(
    as_user, comms_editor, newsroom, media
):
    client = as_user(comms_editor)
    undescribed = client.post(compose(newsroom), written(cover=photo()))
    assert undescribed.status_code == 400 and "cover_alt" in undescribed.context["form"].errors
    pdf = SimpleUploadedFile("plein.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    not_a_picture = client.post(compose(newsroom), written(cover=pdf, cover_alt="Het plein"))
    assert not_a_picture.status_code == 400 and "cover" in not_a_picture.context["form"].errors
    described_only = client.post(compose(newsroom), written(cover_alt="Het plein"))
    assert described_only.status_code == 400 and "cover" in described_only.context["form"].errors
    assert not Post.objects.exists() and stored_files(media) == []


def test_only_news_has_a_cover(member, space_owner):
    coffee = sf.community("Koffiehoek", owner=space_owner, members={"member": [member]})
    mine = post(member, coffee, body="Gewoon een bericht")
    with pytest.raises(ValidationError):
        cover_set(actor=member, post=mine, upload=photo(), alt_text="Een plein")


def test_a_cover_is_served_only_to_who_may_read_the_news(
    as_user, comms_editor, member, newsroom, guest_elsewhere
):
    article = news(comms_editor, newsroom, title="Geheimcover")
    cover_set(actor=comms_editor, post=article, upload=photo(), alt_text="Het plein")
    assert as_user(member).get(cover_url(article)).status_code == 200
    assert as_user(guest_elsewhere).get(cover_url(article)).status_code == 404  # not theirs
    Post.objects.filter(pk=article.pk).update(deleted_at=article.created_at)
    assert as_user(member).get(cover_url(article)).status_code == 404


def test_editing_replaces_describes_and_removes_the_cover(
    as_user, comms_editor, member, newsroom, media, django_capture_on_commit_callbacks
):
    article = news(comms_editor, newsroom, title="Nieuw schoolplein", lead="Klaar.")
    cover_set(actor=comms_editor, post=article, upload=photo(), alt_text="Het plein")
    first = cover_url(article)
    edit = reverse("content:edit", args=[article.pk])
    assert 'name="remove_cover"' in as_user(comms_editor).get(edit).content.decode()
    fields = {"title": "Nieuw schoolplein", "lead": "Klaar.", "body": article.body}

    def save(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            response = as_user(comms_editor).post(edit, {**fields, **changes})
        assert response.status_code == 302

    save(cover=photo("nieuw.jpg"), cover_alt="Vanaf het dak")
    assert cover_url(article) != first and len(stored_files(media)) == 1  # the old file is gone
    assert as_user(member).get(first).status_code == 200  # the name only versions the URL

    save(cover_alt="Het plein vanaf het dak")
    assert Post.objects.get(pk=article.pk).cover_alt == "Het plein vanaf het dak"

    save(cover_alt="", remove_cover="on")
    article.refresh_from_db()
    assert not article.cover and stored_files(media) == []
    assert as_user(member).get(first).status_code == 404
    home = as_user(member).get(reverse("feed:home")).content.decode()
    assert "Nieuw schoolplein" in home and 'class="post-card__cover"' not in home


def test_a_refused_edit_keeps_the_old_cover_and_leaves_no_new_file(
    as_user, comms_editor, newsroom, media
):
    article = news(comms_editor, newsroom, title="Nieuw schoolplein")
    cover_set(actor=comms_editor, post=article, upload=photo(), alt_text="Het plein")
    before = Post.objects.get(pk=article.pk).cover.name
    response = as_user(comms_editor).post(
        reverse("content:edit", args=[article.pk]),
        {"title": "", "body": "x", "cover": photo("nieuw.jpg"), "cover_alt": "Nieuw"},
    )
    assert response.status_code == 400
    assert Post.objects.get(pk=article.pk).cover.name == before and len(stored_files(media)) == 1
