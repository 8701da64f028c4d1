from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kring.accounts.models import Organisation
from kring.common.models import AuditEntry

pytestmark = pytest.mark.django_db

SETTINGS = reverse("admin_console:settings")


@pytest.fixture(autouse=True)
def english(admin_user):
    admin_user.language = "en"
    admin_user.save(update_fields=["language"])


def image_file(fmt="PNG", size=(64, 32), name=None, **save_kwargs):
    buffer = BytesIO()
    mode = "RGBA" if fmt == "PNG" else "RGB"
    Image.new(mode, size, (200, 30, 30)).save(buffer, format=fmt, **save_kwargs)
    ext = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}[fmt]
    return SimpleUploadedFile(name or f"logo.{ext}", buffer.getvalue())


def form_data(**overrides):
    data = {
        "name": "Stichting Testbestuur",
        "brand_colour": "#1f5f8b",
        "brand_colour_picker": "#1f5f8b",
        "invitation_valid_days": "14",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def stored():
    return Organisation.objects.order_by("pk").first()


def test_hidden_from_non_administrators(as_user, member, comms_editor):
    for actor in (member, comms_editor):
        assert as_user(actor).get(SETTINGS).status_code == 404
        assert as_user(actor).post(SETTINGS, form_data(name="Hacked")).status_code == 404
    assert stored() is None or stored().name != "Hacked"


def test_form_shows_current_values(as_user, admin_user):
    Organisation.objects.create(name="OBS Kring", brand_colour="#123456", invitation_valid_days=21)
    response = as_user(admin_user).get(SETTINGS)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="OBS Kring"' in html
    assert 'type="color"' in html and 'value="#123456"' in html
    assert 'value="21"' in html
    assert 'enctype="multipart/form-data"' in html


def test_save_settings_audits_and_derives_text_colour(
    as_user, admin_user, django_capture_on_commit_callbacks
):
    client = as_user(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SETTINGS,
            form_data(
                name="Stichting Kring",
                brand_colour="#7a1f2b",
                require_admin_mfa="on",
                invitation_valid_days="30",
            ),
        )
    assert response.status_code == 302
    org = stored()
    assert org.name == "Stichting Kring"
    assert org.brand_colour == "#7a1f2b"
    assert org.brand_text_colour == "#ffffff"
    assert org.require_admin_mfa is True
    assert org.invitation_valid_days == 30
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.actor == admin_user
    assert entry.changes["brand_colour"] == ["#1f5f8b", "#7a1f2b"]
    # The layout reads the colours from /brand.css.
    css = client.get(reverse("brand_css")).content.decode()
    assert "--brand: #7a1f2b" in css
    assert "--on-brand: #ffffff" in css


def test_light_brand_colour_is_refused_with_the_contrast(as_user, admin_user):
    response = as_user(admin_user).post(SETTINGS, form_data(brand_colour="#ffd700"))
    assert response.status_code == 200
    errors = response.context["form"].errors["brand_colour"]
    assert "too light" in errors[0] and "1.4:1" in errors[0]
    assert stored() is None or stored().brand_colour != "#ffd700"
    assert not AuditEntry.objects.filter(action="organisation.update").exists()


def test_picker_wins_when_only_the_picker_changed(as_user, admin_user):
    response = as_user(admin_user).post(SETTINGS, form_data(brand_colour_picker="#0b6e3f"))
    assert response.status_code == 302
    assert stored().brand_colour == "#0b6e3f"


def test_typed_colour_wins_over_the_picker(as_user, admin_user):
    response = as_user(admin_user).post(
        SETTINGS, form_data(brand_colour="#3b2a6d", brand_colour_picker="#0b6e3f")
    )
    assert response.status_code == 302
    assert stored().brand_colour == "#3b2a6d"


@pytest.mark.parametrize("colour", ["blue", "#12345", "#gggggg"])
def test_malformed_colour_is_refused(as_user, admin_user, colour):
    response = as_user(admin_user).post(SETTINGS, form_data(brand_colour=colour))
    assert response.status_code == 200
    assert "Give a colour as #rrggbb" in response.content.decode()


def test_empty_name_and_bad_days_are_refused(as_user, admin_user):
    response = as_user(admin_user).post(SETTINGS, form_data(name="   ", invitation_valid_days="0"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "name" in errors
    response = as_user(admin_user).post(SETTINGS, form_data(invitation_valid_days="365"))
    assert response.context["form"].errors["invitation_valid_days"] == [
        "Choose between 1 and 90 days."
    ]
    response = as_user(admin_user).post(SETTINGS, form_data(invitation_valid_days="many"))
    assert "invitation_valid_days" in response.context["form"].errors
    assert stored() is None


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_logo_upload_accepts_png_jpeg_and_webp(as_user, admin_user, fmt):
    response = as_user(admin_user).post(SETTINGS, form_data(logo=image_file(fmt)))
    assert response.status_code == 302
    org = stored()
    assert org.logo.name.startswith("branding/logo")
    with org.logo.open("rb") as f, Image.open(f) as img:
        assert img.format == fmt
        assert img.size == (64, 32)
    assert AuditEntry.objects.get(action="organisation.update").changes["logo"]


def test_logo_metadata_is_stripped(as_user, admin_user):
    exif = Image.Exif()
    exif[0x010F] = "Spy Camera Inc."  # Make
    exif[0x8825] = {2: (52.0, 5.0, 0.0)}  # GPS
    upload = image_file("JPEG", exif=exif.tobytes())
    with Image.open(BytesIO(upload.read())) as original:
        assert original.getexif()
    upload.seek(0)
    assert as_user(admin_user).post(SETTINGS, form_data(logo=upload)).status_code == 302
    with stored().logo.open("rb") as f:
        data = f.read()
    assert b"Spy Camera" not in data
    with Image.open(BytesIO(data)) as img:
        assert not img.getexif()
        assert "exif" not in img.info


def test_large_logo_is_scaled_down(as_user, admin_user):
    upload = image_file("PNG", size=(3000, 600))
    assert as_user(admin_user).post(SETTINGS, form_data(logo=upload)).status_code == 302
    with stored().logo.open("rb") as f, Image.open(f) as img:
        assert img.size == (1024, 205)


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("logo.png", b"this is not an image at all"),
        SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ],
    ids=["text", "broken-png", "svg"],
)
def test_fake_images_are_refused(as_user, admin_user, upload):
    response = as_user(admin_user).post(SETTINGS, form_data(logo=upload))
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "This file is not a PNG, JPEG or WebP image. Choose another file."
    ]
    assert stored() is None


def test_gif_is_refused_even_when_named_png(as_user, admin_user):
    response = as_user(admin_user).post(SETTINGS, form_data(logo=image_file("GIF", name="x.png")))
    assert "not a PNG, JPEG or WebP image" in response.content.decode()


def test_logo_over_two_megabytes_is_refused(as_user, admin_user):
    big = SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (2 * 1024 * 1024))
    response = as_user(admin_user).post(SETTINGS, form_data(logo=big))
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "The logo is larger than 2 MB. Choose a smaller image."
    ]
    assert stored() is None


def test_decompression_bomb_is_refused(as_user, admin_user):
    # A tiny file that unpacks to 10,000 x 10,000 pixels.
    buffer = BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, format="PNG", optimize=True)
    assert buffer.tell() < 2 * 1024 * 1024
    upload = SimpleUploadedFile("bomb.png", buffer.getvalue())
    response = as_user(admin_user).post(SETTINGS, form_data(logo=upload))
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert stored() is None


def test_remove_logo(as_user, admin_user):
    client = as_user(admin_user)
    client.post(SETTINGS, form_data(logo=image_file()))
    assert stored().logo
    assert client.post(SETTINGS, form_data(remove_logo="on")).status_code == 302
    assert not stored().logo
