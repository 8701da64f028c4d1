import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from kring.accounts.models import Organisation
from kring.accounts.services.organisation import organisation_update
from kring.common.colours import contrast_ratio
from kring.common.models import AuditEntry

pytestmark = pytest.mark.django_db


def update(actor, **overrides):
    values = {
        "name": "Stichting Testbestuur",
        "brand_colour": "#1f5f8b",
        "require_admin_mfa": False,
        "invitation_valid_days": 14,
    }
    values.update(overrides)
    return organisation_update(actor=actor, **values)


def test_light_colour_is_refused_with_its_contrast(admin_user):
    with pytest.raises(ValidationError) as exc:
        update(admin_user, brand_colour="#ffd700")
    message = exc.value.message_dict["brand_colour"][0]
    assert "too light" in message
    assert f"{contrast_ratio('#ffd700', '#ffffff'):.1f}:1" in message
    assert not Organisation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_dark_enough_colour_is_saved_with_a_derived_text_colour(admin_user):
    org = update(admin_user, brand_colour="#1F5F8B")
    assert org.brand_colour == "#1f5f8b"
    assert org.brand_text_colour == "#ffffff"
    assert contrast_ratio(org.brand_colour, org.brand_text_colour) >= 4.5


def test_text_colour_is_derived_and_always_passes_aa(admin_user):
    """Any colour dark enough for links on white carries white text at AA or better."""
    for colour in ("#767676", "#0b6e3f", "#000000"):
        org = update(admin_user, brand_colour=colour)
        assert org.brand_text_colour == "#ffffff"
        assert contrast_ratio(org.brand_colour, org.brand_text_colour) >= 4.5


@pytest.mark.parametrize("colour", ["", "1f5f8b", "#1f5f8", "#zzzzzz", "red"])
def test_malformed_colours_are_refused(admin_user, colour):
    with pytest.raises(ValidationError) as exc:
        update(admin_user, brand_colour=colour)
    assert "#rrggbb" in exc.value.message_dict["brand_colour"][0]


def test_name_and_days_are_checked_together(admin_user):
    with pytest.raises(ValidationError) as exc:
        update(admin_user, name="  ", invitation_valid_days=0)
    assert set(exc.value.message_dict) == {"name", "invitation_valid_days"}
    with pytest.raises(ValidationError):
        update(admin_user, invitation_valid_days=91)


def test_only_administrators_may_change_settings(member, comms_editor):
    for actor in (member, comms_editor):
        with pytest.raises(Http404):
            update(actor, name="Hacked")
    assert not Organisation.objects.exists()


def test_update_is_audited_with_what_changed(admin_user):
    update(admin_user)
    update(admin_user, require_admin_mfa=True, invitation_valid_days=7)
    last = AuditEntry.objects.filter(action="organisation.update").order_by("-pk").first()
    assert last.actor == admin_user
    assert last.changes == {"require_admin_mfa": [False, True], "invitation_valid_days": [14, 7]}
    assert Organisation.objects.count() == 1


def test_cached_organisation_is_refreshed_after_commit(
    admin_user, client, django_capture_on_commit_callbacks
):
    update(admin_user, name="Eerst")
    assert Organisation.current().name in ("Eerst", "Kring")  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        update(admin_user, name="Daarna", brand_colour="#0b6e3f")
    assert Organisation.current().name == "Daarna"
    css = client.get(reverse("brand_css"))
    assert css["Content-Type"].startswith("text/css")
    assert "--brand: #0b6e3f;" in css.content.decode()
    assert "--on-brand: #ffffff;" in css.content.decode()
