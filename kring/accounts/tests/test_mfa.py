"""Two-factor authentication: TOTP and recovery codes at login, and the admin MFA policy."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from conftest import PASSWORD
from kring.accounts.models import Organisation

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
MFA_AUTHENTICATE = reverse("mfa_authenticate")
TOTP_SETUP = reverse("mfa_activate_totp")
HOME = reverse("feed:home")
CONSOLE = reverse("admin_console:index")


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def enable_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def log_in(client, user, **kwargs):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD}, **kwargs)


def reauthenticate(client):
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def require_admin_mfa(db):
    return Organisation.objects.create(name="Kring", require_admin_mfa=True)


# --- The organisation's policy: administrators must use two-factor authentication


def test_admin_without_totp_is_sent_to_the_setup_on_every_page(
    as_user, admin_user, require_admin_mfa
):
    client = as_user(admin_user)
    for url in (HOME, CONSOLE, reverse("admin_console:people")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == TOTP_SETUP


def test_admin_logging_in_is_led_to_the_setup(client, admin_user, require_admin_mfa):
    response = log_in(client, admin_user, follow=True)
    chain = [url for url, _ in response.redirect_chain]
    assert chain[:2] == [HOME, TOTP_SETUP]
    # allauth asks for the password once more before an authenticator is added.
    assert chain[2].startswith(reverse("account_reauthenticate"))
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_admin_can_reach_the_setup_and_account_pages(client, admin_user, require_admin_mfa):
    log_in(client, admin_user)
    reauthenticate(client)
    response = client.get(TOTP_SETUP)
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("brand_css")).status_code == 200  # the setup page needs its colours


def test_members_are_not_asked(as_user, member, comms_editor, require_admin_mfa):
    for person in (member, comms_editor):
        assert as_user(person).get(HOME).status_code == 200


def test_admin_with_totp_gets_through(as_user, admin_user, require_admin_mfa):
    enable_totp(admin_user)
    client = as_user(admin_user)
    assert client.get(HOME).status_code == 200
    assert client.get(CONSOLE).status_code == 200


def test_without_the_policy_admins_are_not_asked(as_user, admin_user):
    Organisation.objects.create(name="Kring", require_admin_mfa=False)
    assert as_user(admin_user).get(CONSOLE).status_code == 200


def test_switching_the_policy_on_in_settings_takes_effect(
    as_user, admin_user, django_capture_on_commit_callbacks
):
    client = as_user(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin_console:settings"),
            {
                "name": "Kring",
                "brand_colour": "#1f5f8b",
                "invitation_valid_days": "14",
                "require_admin_mfa": "on",
            },
        )
    assert response.status_code == 302
    assert client.get(CONSOLE)["Location"] == TOTP_SETUP


def test_setting_up_totp_through_allauth_lets_the_admin_in(client, admin_user, require_admin_mfa):
    log_in(client, admin_user)
    assert client.get(CONSOLE)["Location"] == TOTP_SETUP
    reauthenticate(client)
    client.get(TOTP_SETUP)  # allauth keeps the new secret in the session
    secret = client.session["mfa.totp.secret"]
    response = client.post(TOTP_SETUP, {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=admin_user, type=Authenticator.Type.TOTP).exists()
    assert client.get(CONSOLE).status_code == 200


# --- Logging in with two factors


def test_login_with_totp_asks_for_the_code_before_letting_in(client, member):
    secret = enable_totp(member)
    response = log_in(client, member)
    assert response.status_code == 302
    assert response["Location"] == MFA_AUTHENTICATE
    # The password alone does not sign in.
    assert "_auth_user_id" not in client.session
    assert client.get(HOME).status_code == 302
    page = client.get(MFA_AUTHENTICATE)
    assert page.status_code == 200 and 'name="code"' in page.content.decode()

    response = client.post(MFA_AUTHENTICATE, {"code": current_code(secret)})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == member.pk
    assert client.get(HOME).status_code == 200


def test_wrong_code_is_refused(client, member):
    secret = enable_totp(member)
    log_in(client, member)
    wrong = f"{(int(current_code(secret)) + 1) % 1_000_000:06d}"
    response = client.post(MFA_AUTHENTICATE, {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_used_twice(client, member):
    secret = enable_totp(member)
    code = current_code(secret)
    log_in(client, member)
    client.post(MFA_AUTHENTICATE, {"code": code})
    client.post(reverse("account_logout"))
    log_in(client, member)
    response = client.post(MFA_AUTHENTICATE, {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_recovery_code_completes_the_login_once(client, member):
    enable_totp(member)
    codes = RecoveryCodes.activate(member).get_unused_codes()
    assert len(codes) == mfa_settings.RECOVERY_CODE_COUNT

    log_in(client, member)
    response = client.post(MFA_AUTHENTICATE, {"code": codes[0]})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == member.pk

    client.post(reverse("account_logout"))
    log_in(client, member)
    assert client.post(MFA_AUTHENTICATE, {"code": codes[0]}).status_code == 200  # used up
    assert "_auth_user_id" not in client.session
    assert client.post(MFA_AUTHENTICATE, {"code": codes[1]}).status_code == 302


def test_login_without_mfa_needs_no_code(client, member):
    response = log_in(client, member)
    assert response.status_code == 302
    assert response["Location"] == HOME
