"""Login gating: rollout waves, leavers, no user enumeration, throttling (allauth + our adapter)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common import clock

PASSWORD = "correct-horse-battery"
WRONG = "wrong-horse-battery"


def log_in(client, email, password, language="en"):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def errors_of(response) -> list[str]:
    form = response.context["form"]
    return [str(e) for e in form.non_field_errors()]


def test_member_logs_in(client, member):
    response = log_in(client, member.email, PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(member.pk)


def test_future_wave_is_told_when_and_stays_logged_out(client, school):
    wave = WaveFactory(starts_at=datetime(2031, 9, 1, 6, 0, tzinfo=UTC))
    person = UserFactory(wave=wave, primary_unit=school)
    response = log_in(client, person.email, PASSWORD, language="nl")
    assert response.status_code == 403
    html = response.content.decode()
    assert "1 september 2031" in html
    assert reverse("account_login") in html
    assert SESSION_KEY not in client.session


def test_started_wave_logs_in(client, school):
    person = UserFactory(wave=WaveFactory(starts_at=clock.now() - timedelta(days=1)))
    assert log_in(client, person.email, PASSWORD).status_code == 302


def test_wrong_password_answers_like_an_unknown_email(client, member, school):
    future = UserFactory(wave=WaveFactory(starts_at=clock.now() + timedelta(days=9)))
    leaver = UserFactory(status=User.Status.DEACTIVATED, is_active=False)
    answers = []
    for email, password in [
        ("nobody@example.org", PASSWORD),
        (member.email, WRONG),
        (future.email, WRONG),
        (leaver.email, WRONG),
    ]:
        response = log_in(client, email, password)
        answers.append((response.status_code, errors_of(response)))
    assert answers[0][0] == 200
    assert answers[0][1]
    assert all(answer == answers[0] for answer in answers)
    assert SESSION_KEY not in client.session


def test_deactivated_person_sees_the_deactivated_page(client, deactivated):
    response = log_in(client, deactivated.email, PASSWORD)
    assert response.status_code == 403
    assert "This account is deactivated" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_deactivated_in_a_future_wave_hears_deactivated(client, school):
    leaver = UserFactory(
        status=User.Status.DEACTIVATED,
        is_active=False,
        wave=WaveFactory(starts_at=clock.now() + timedelta(days=9)),
    )
    response = log_in(client, leaver.email, PASSWORD)
    assert response.status_code == 403
    assert "This account is deactivated" in response.content.decode()


def test_invited_person_without_a_password_cannot_log_in(client, school):
    invited = UserFactory(status=User.Status.INVITED, password=None, activated_at=None)
    response = log_in(client, invited.email, "")
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_repeated_failures_are_throttled_with_429(client, member):
    for _ in range(5):
        assert log_in(client, member.email, WRONG).status_code == 200
    response = log_in(client, member.email, WRONG, language="nl")
    assert response.status_code == 429
    assert "Te veel inlogpogingen" in response.content.decode()
    # Throttled means throttled: even the right password waits.
    response = log_in(client, member.email, PASSWORD, language="en")
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_throttling_is_per_address(client, member, other_member):
    for _ in range(6):
        log_in(client, member.email, WRONG)
    assert log_in(client, other_member.email, PASSWORD).status_code == 302


@pytest.mark.parametrize("language", ["nl", "en"])
def test_login_page_renders(client, db, language):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert 'name="login"' in response.content.decode()


def test_too_many_requests_from_one_address_get_a_translated_page(client, member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    for n in range(2):
        log_in(client, f"stranger{n}@example.org", WRONG)
    response = log_in(client, member.email, PASSWORD, language="en")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert SESSION_KEY not in client.session
