import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from kring.accounts.models import ActivityEvent, Invitation, Organisation, User
from kring.accounts.services import invitations as svc
from kring.accounts.services.people import person_deactivate
from kring.accounts.tasks import send_invitation
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common import clock
from kring.common.models import AuditEntry

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
GOOD_PASSWORD = "lantern-orchard-42"


@pytest.fixture
def pinned():
    clock.pin(NOW)
    yield NOW
    clock.pin(None)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run on-commit work (the mail task, activity events) as a real commit would."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


def invited_person(**fields):
    defaults = {"status": User.Status.INVITED, "activated_at": None, "password": None}
    return UserFactory(**{**defaults, **fields})


@pytest.fixture
def person(school):
    return invited_person(
        display_name="Ilse Invited", email="ilse@example.org", primary_unit=school
    )


def link_of(message) -> str:
    """The invitation path in an e-mail's body."""
    line = next(line for line in message.body.splitlines() if "/accounts/uitnodiging/" in line)
    return line.strip().split("127.0.0.1:8000", 1)[1]


def comparable(html: str) -> str:
    """A page without what differs on every response (CSP nonce, CSRF token)."""
    return re.sub(r'(nonce|value)="[^"]*"', "", html)


def token_of(message) -> str:
    return link_of(message).rstrip("/").rsplit("/", 1)[1]


# --- Tokens


def test_token_round_trips_and_is_not_stored(admin_user, person, commit):
    invitation = commit(svc.invitation_create, actor=admin_user, user=person)
    token = svc.invitation_token(invitation)
    assert svc.invitation_for_token(token) == invitation
    assert token_of(mail.outbox[0]) == token
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert all(token not in str(value) for value in stored.values())
    assert token.split(".", 1)[1] not in str(stored)


@pytest.mark.parametrize(
    "garble",
    [
        lambda t: t[:-1] + ("0" if t[-1] != "0" else "1"),  # signature tampered
        lambda t: "",
        lambda t: "abc",
        lambda t: t.split(".")[0],
        lambda t: "99999." + t.split(".")[1],  # unknown pk
        lambda t: "\uff11." + t.split(".")[1],  # a non-ASCII digit one
        lambda t: t + "00",
    ],
)
def test_tampered_or_garbled_tokens_find_nothing(admin_user, person, garble):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    assert svc.invitation_for_token(garble(svc.invitation_token(invitation))) is None


def test_a_signature_does_not_open_another_invitation(admin_user, person, other_member, school):
    second = invited_person(primary_unit=school)
    first_inv = svc.invitation_create(actor=admin_user, user=person)
    second_inv = svc.invitation_create(actor=admin_user, user=second)
    signature = svc.invitation_token(first_inv).split(".")[1]
    assert svc.invitation_for_token(f"{second_inv.pk}.{signature}") is None


# --- Creating and sending


def test_create_sends_one_mail_expiring_after_the_organisations_days(
    admin_user, person, commit, pinned
):
    Organisation.objects.create(name="Stichting Test", invitation_valid_days=7)
    invitation = commit(svc.invitation_create, actor=admin_user, user=person)
    assert invitation.expires_at == NOW + timedelta(days=7)
    assert invitation.invited_by == admin_user
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ilse@example.org"]
    assert "Stichting Test" in mail.outbox[0].subject
    invitation.refresh_from_db()
    assert invitation.sent_at == NOW
    entry = AuditEntry.objects.get(action="invitation.create")
    assert entry.actor_id == admin_user.pk
    assert entry.object_id == str(invitation.pk)


def test_default_validity_is_fourteen_days(admin_user, person, pinned):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    assert invitation.expires_at == NOW + timedelta(days=14)


def test_new_invitation_revokes_the_open_ones(admin_user, person, commit):
    first = commit(svc.invitation_create, actor=admin_user, user=person)
    second = commit(svc.invitation_create, actor=admin_user, user=person)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.state == Invitation.State.PENDING
    assert svc.invitation_problem(svc.invitation_for_token(svc.invitation_token(first))).code == (
        "revoked"
    )
    assert len(mail.outbox) == 2


def test_only_administrators_invite(member, person):
    with pytest.raises(Http404):
        svc.invitation_create(actor=member, user=person)
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("status", [User.Status.ACTIVE, User.Status.DEACTIVATED])
def test_active_or_deactivated_people_are_not_invited(admin_user, school, status):
    active = status == User.Status.ACTIVE
    someone = UserFactory(status=status, is_active=active, primary_unit=school)
    with pytest.raises(ValidationError):
        svc.invitation_create(actor=admin_user, user=someone)
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("language", "month"), [("nl", "maart"), ("en", "March")], ids=["dutch", "english"]
)
def test_mail_is_written_in_the_persons_language(
    admin_user, school, commit, pinned, language, month, monkeypatch
):
    someone = invited_person(language=language, primary_unit=school)
    seen = []
    original = svc.render_to_string

    def spy(*args, **kwargs):
        seen.append(translation.get_language())
        return original(*args, **kwargs)

    monkeypatch.setattr(svc, "render_to_string", spy)
    with translation.override("en" if language == "nl" else "nl"):
        commit(svc.invitation_create, actor=admin_user, user=someone)
    assert seen == [language, language]
    # Dates are formatted in that language too: valid until 16 March.
    assert month in mail.outbox[0].body


def test_mail_to_a_later_wave_says_from_when(admin_user, person, commit):
    person.wave = WaveFactory(starts_at=datetime(2031, 5, 6, 7, 0, tzinfo=UTC))
    person.language = "en"
    person.save()
    commit(svc.invitation_create, actor=admin_user, user=person)
    assert "You can log in from: May 6, 2031" in mail.outbox[0].body


def test_send_task_sends_once_however_often_it_runs(admin_user, person):
    invitation = svc.invitation_create(actor=admin_user, user=person)  # on-commit not run: unsent
    assert send_invitation.call(invitation.pk) is True
    assert send_invitation.call(invitation.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("field", ["revoked_at", "used_at"])
def test_send_task_skips_revoked_or_used(admin_user, person, field):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    Invitation.objects.filter(pk=invitation.pk).update(**{field: clock.now()})
    assert send_invitation.call(invitation.pk) is False
    assert send_invitation.call(123456) is False
    assert mail.outbox == []


def test_send_task_skips_someone_deactivated_meanwhile(admin_user, person):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    User.objects.filter(pk=person.pk).update(status=User.Status.DEACTIVATED, is_active=False)
    assert send_invitation.call(invitation.pk) is False
    assert mail.outbox == []


def test_failed_mail_gives_the_claim_back_for_a_retry(admin_user, person, monkeypatch):
    invitation = svc.invitation_create(actor=admin_user, user=person)

    def broken(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with pytest.raises(ConnectionError):
        svc.invitation_send(invitation_id=invitation.pk)
    invitation.refresh_from_db()
    assert invitation.sent_at is None
    monkeypatch.undo()
    assert svc.invitation_send(invitation_id=invitation.pk) is True
    assert len(mail.outbox) == 1


# --- Accepting


def test_accept_sets_password_activates_and_records_the_event(admin_user, person, commit, pinned):
    invitation = commit(svc.invitation_create, actor=admin_user, user=person)
    token = svc.invitation_token(invitation)
    user = commit(svc.invitation_accept, token=token, password=GOOD_PASSWORD)
    user.refresh_from_db()
    assert user.status == User.Status.ACTIVE
    assert user.activated_at == NOW
    assert user.check_password(GOOD_PASSWORD)
    invitation.refresh_from_db()
    assert invitation.used_at == NOW
    event = ActivityEvent.objects.get(verb="invite_accepted")
    assert event.actor_id == user.pk
    assert event.object_id == invitation.pk


def test_accept_works_once(admin_user, person):
    token = svc.invitation_token(svc.invitation_create(actor=admin_user, user=person))
    svc.invitation_accept(token=token, password=GOOD_PASSWORD)
    with pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token=token, password="another-password-99")
    assert excinfo.value.code == "used"
    person.refresh_from_db()
    assert person.check_password(GOOD_PASSWORD)


def test_accept_revokes_the_persons_other_open_links(admin_user, person, school):
    wave = WaveFactory(starts_at=clock.now() - timedelta(days=1))
    person.wave = wave
    person.save()
    older = Invitation.objects.create(
        user=person, wave=wave, kind=Invitation.Kind.WAVE, nonce="n1",
        expires_at=clock.now() + timedelta(days=3),
    )  # fmt: skip
    Invitation.objects.filter(pk=older.pk).update(created_at=clock.now() - timedelta(days=1))
    newer = Invitation.objects.create(
        user=person, nonce="n2", expires_at=clock.now() + timedelta(days=3)
    )
    svc.invitation_accept(token=svc.invitation_token(newer), password=GOOD_PASSWORD)
    older.refresh_from_db()
    assert older.revoked_at is not None
    with pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token=svc.invitation_token(older), password=GOOD_PASSWORD)
    assert excinfo.value.code == "used"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"expires_at": datetime(2020, 1, 1, tzinfo=UTC)}, "expired"),
        ({"revoked_at": datetime(2020, 1, 1, tzinfo=UTC)}, "revoked"),
    ],
)
def test_expired_or_revoked_links_change_nothing(admin_user, person, change, code):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    Invitation.objects.filter(pk=invitation.pk).update(**change)
    with pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token=svc.invitation_token(invitation), password=GOOD_PASSWORD)
    assert excinfo.value.code == code
    person.refresh_from_db()
    assert person.status == User.Status.INVITED
    assert not person.has_usable_password()


def test_garbled_token_is_refused(db):
    with pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token="12.nonsense", password=GOOD_PASSWORD)
    assert excinfo.value.code == "invalid"


def test_deactivated_person_cannot_accept(admin_user, person):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    person_deactivate(actor=admin_user, person=person)
    with pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token=svc.invitation_token(invitation), password=GOOD_PASSWORD)
    assert excinfo.value.code == "revoked"


def test_future_wave_cannot_accept_yet(admin_user, person):
    person.wave = WaveFactory(starts_at=clock.now() + timedelta(days=30))
    person.save()
    invitation = svc.invitation_create(actor=admin_user, user=person)
    with pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token=svc.invitation_token(invitation), password=GOOD_PASSWORD)
    assert excinfo.value.code == "not_yet"
    person.refresh_from_db()
    assert person.status == User.Status.INVITED


@pytest.mark.parametrize(
    ("password", "dutch"),
    [
        ("12345678901", "bevat alleen cijfers"),
        ("password123", "te algemeen"),
        ("ilse@example.org", "lijkt te veel op"),
    ],
)
def test_weak_password_is_refused_in_the_persons_language(admin_user, person, password, dutch):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    with translation.override("nl"), pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token=svc.invitation_token(invitation), password=password)
    assert "password" in excinfo.value.error_dict
    with translation.override("nl"):
        assert any(dutch in message for message in excinfo.value.message_dict["password"])
    invitation.refresh_from_db()
    person.refresh_from_db()
    assert invitation.used_at is None
    assert person.status == User.Status.INVITED
    assert not person.has_usable_password()


def test_short_password_is_refused(admin_user, person):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        svc.invitation_accept(token=svc.invitation_token(invitation), password="short")
    assert "at least 10 characters" in " ".join(excinfo.value.message_dict["password"])
    person.refresh_from_db()
    assert person.status == User.Status.INVITED


# --- Asking for a new link


def test_expired_link_gets_a_fresh_one(admin_user, person, commit):
    invitation = commit(svc.invitation_create, actor=admin_user, user=person)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=clock.now() - timedelta(hours=1))
    commit(svc.invitation_request_new, token=svc.invitation_token(invitation))
    fresh = Invitation.objects.exclude(pk=invitation.pk).get()
    assert fresh.user == person
    assert fresh.kind == Invitation.Kind.REQUESTED
    assert fresh.state == Invitation.State.PENDING
    assert len(mail.outbox) == 2
    assert token_of(mail.outbox[1]) == svc.invitation_token(fresh)


def test_requests_are_limited_to_three_a_day(admin_user, person, commit, pinned):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    token = svc.invitation_token(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=NOW)
    for _ in range(5):
        commit(svc.invitation_request_new, token=token)
    assert Invitation.objects.filter(kind=Invitation.Kind.REQUESTED).count() == 3
    assert len(mail.outbox) == 3
    clock.pin(NOW + timedelta(days=1, minutes=1))
    commit(svc.invitation_request_new, token=token)
    assert Invitation.objects.filter(kind=Invitation.Kind.REQUESTED).count() == 4


def test_no_new_link_for_used_pending_deactivated_or_unknown(admin_user, person, school, commit):
    pending = svc.invitation_create(actor=admin_user, user=person)
    commit(svc.invitation_request_new, token=svc.invitation_token(pending))
    svc.invitation_accept(token=svc.invitation_token(pending), password=GOOD_PASSWORD)
    commit(svc.invitation_request_new, token=svc.invitation_token(pending))

    leaver = invited_person(primary_unit=school)
    old = svc.invitation_create(actor=admin_user, user=leaver)
    person_deactivate(actor=admin_user, person=leaver)
    commit(svc.invitation_request_new, token=svc.invitation_token(old))
    commit(svc.invitation_request_new, token="1.garbage")
    assert Invitation.objects.count() == 2
    assert mail.outbox == []


# --- Revoking


def test_revoke_is_audited_and_refused_for_used_links(admin_user, person):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    svc.invitation_revoke(actor=admin_user, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.REVOKED
    assert AuditEntry.objects.filter(action="invitation.revoke").count() == 1

    other = svc.invitation_create(actor=admin_user, user=person)
    svc.invitation_accept(token=svc.invitation_token(other), password=GOOD_PASSWORD)
    with pytest.raises(ValidationError):
        svc.invitation_revoke(actor=admin_user, invitation=other)
    other.refresh_from_db()
    assert other.revoked_at is None


# --- Inviting new people


def test_person_invite_now_or_on_the_wave_date(admin_user, school, commit):
    started = WaveFactory(starts_at=clock.now() - timedelta(days=1))
    later = WaveFactory(starts_at=clock.now() + timedelta(days=10))
    now_person = commit(
        svc.person_invite, actor=admin_user, email="Nu@Example.org", display_name="Nina Nu",
        unit=school, job_title="Leerkracht", role=User.Role.MEMBER, wave=started,
    )  # fmt: skip
    later_person = commit(
        svc.person_invite, actor=admin_user, email="later@example.org", display_name="Lars Later",
        unit=school, wave=later,
    )  # fmt: skip
    assert now_person.email == "nu@example.org"
    assert now_person.status == User.Status.INVITED
    assert now_person.primary_unit == school
    assert now_person.invitations.get().wave == started
    assert not later_person.invitations.exists()
    assert [m.to for m in mail.outbox] == [["nu@example.org"]]


def test_name_from_email_reads_dutch_names():
    assert svc.name_from_email("jan.van.dijk@example.org") == "Jan van Dijk"
    assert svc.name_from_email("fatima_el-amrani@example.org") == "Fatima El Amrani"


def test_pasted_lines_are_parsed(db):
    people = svc.invite_lines_parse(
        "Sanne de Boer <sanne@example.org>\n\n  piet.van.der.berg@example.org  \n"
        '"Kees Klaassen" <KEES@example.org>\n'
    )
    assert [(p.line, p.email, p.display_name) for p in people] == [
        (1, "sanne@example.org", "Sanne de Boer"),
        (3, "piet.van.der.berg@example.org", "Piet van der Berg"),
        (4, "kees@example.org", "Kees Klaassen"),
    ]


def test_bulk_invite_is_all_or_nothing_with_an_error_per_line(admin_user, school, member, commit):
    people_before = User.objects.count()
    text = "\n".join(
        [
            "Anna <anna@example.org>",
            "not-an-address",
            "Bert <bert@example.org>",
            "anna@EXAMPLE.org",
            f"Mila <{member.email.upper()}>",
            "Chris <chris@example>",
        ]
    )
    with pytest.raises(ValidationError) as excinfo:
        commit(svc.people_invite_bulk, actor=admin_user, lines=text, unit=school, wave=None)
    errors = excinfo.value.message_dict["lines"]
    assert len(errors) == 4
    assert errors[0].startswith("Line 2:")
    assert "anna@example.org appears twice" in errors[1] and "line 1" in errors[1]
    assert errors[2].startswith("Line 5:") and "already exists" in errors[2]
    assert errors[3].startswith("Line 6:")
    assert User.objects.count() == people_before
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_bulk_invite_errors_are_translated(admin_user, school):
    with translation.override("nl"), pytest.raises(ValidationError) as excinfo:
        svc.people_invite_bulk(actor=admin_user, lines="   \n", unit=school, wave=None)
    assert excinfo.value.message_dict["lines"]
    assert not User.objects.filter(status=User.Status.INVITED).exists()


def test_bulk_invite_adds_and_invites_everyone(admin_user, school, commit):
    people = commit(
        svc.people_invite_bulk,
        actor=admin_user,
        lines="Anna Alfa <anna@example.org>\nbert.bravo@example.org",
        unit=school,
        wave=None,
    )
    assert [p.display_name for p in people] == ["Anna Alfa", "Bert Bravo"]
    assert all(p.primary_unit == school and p.status == User.Status.INVITED for p in people)
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "bert.bravo@example.org"]
    assert AuditEntry.objects.filter(action="invitation.create").count() == 2


# --- The link's pages


def test_link_shows_a_password_form_with_the_persons_name(client, admin_user, person):
    token = svc.invitation_token(svc.invitation_create(actor=admin_user, user=person))
    response = client.get(reverse("accounts:invitation", args=[token]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ilse Invited" in html
    assert 'name="password1"' in html and 'name="password2"' in html
    assert 'autocomplete="new-password"' in html


def test_choosing_a_password_logs_in_and_goes_home(client, admin_user, person, commit):
    token = svc.invitation_token(svc.invitation_create(actor=admin_user, user=person))
    response = commit(
        client.post,
        reverse("accounts:invitation", args=[token]),
        {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("feed:home")
    assert client.session[SESSION_KEY] == str(person.pk)
    person.refresh_from_db()
    assert person.status == User.Status.ACTIVE
    assert set(ActivityEvent.objects.values_list("verb", flat=True)) >= {"invite_accepted", "login"}


@pytest.mark.parametrize(
    ("first", "second", "error"),
    [
        ("12345678901", "12345678901", "bevat alleen cijfers"),
        (GOOD_PASSWORD, GOOD_PASSWORD + "x", "De twee wachtwoorden zijn niet hetzelfde."),
        ("", "", "Dit veld is verplicht."),
    ],
)
def test_bad_password_shows_the_error_and_saves_nothing(
    client, admin_user, person, first, second, error
):
    token = svc.invitation_token(svc.invitation_create(actor=admin_user, user=person))
    response = client.post(
        reverse("accounts:invitation", args=[token]),
        {"password1": first, "password2": second},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert 'aria-invalid="true"' in html
    assert SESSION_KEY not in client.session
    person.refresh_from_db()
    assert person.status == User.Status.INVITED
    assert not Invitation.objects.filter(used_at__isnull=False).exists()


def test_used_link_says_so_and_points_to_login_and_reset(client, admin_user, person):
    token = svc.invitation_token(svc.invitation_create(actor=admin_user, user=person))
    svc.invitation_accept(token=token, password=GOOD_PASSWORD)
    response = client.get(reverse("accounts:invitation", args=[token]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    html = response.content.decode()
    assert "This link was already used" in html
    assert reverse("account_login") in html
    assert reverse("account_reset_password") in html
    assert 'name="password1"' not in html


def _invalid_page(client, token):
    response = client.get(reverse("accounts:invitation", args=[token]), HTTP_ACCEPT_LANGUAGE="en")
    return response.status_code, comparable(response.content.decode().replace(token, "TOKEN"))


def test_expired_and_unknown_links_look_the_same(client, admin_user, person):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=clock.now() - timedelta(days=1))
    expired = _invalid_page(client, svc.invitation_token(invitation))
    unknown = _invalid_page(client, f"{invitation.pk + 1}.{'a' * 64}")
    garbled = _invalid_page(client, "not-a-token")
    assert expired[0] == unknown[0] == garbled[0] == 404
    assert expired[1] == unknown[1] == garbled[1]
    assert "This link has expired" in expired[1]
    assert "Send me a new link" in expired[1]
    assert "Ilse" not in expired[1]


def test_revoked_link_says_so_with_a_new_link_button(client, admin_user, person):
    invitation = svc.invitation_create(actor=admin_user, user=person)
    svc.invitation_revoke(actor=admin_user, invitation=invitation)
    status, html = _invalid_page(client, svc.invitation_token(invitation))
    assert status == 404
    assert "no longer valid" in html
    assert reverse("accounts:invitation_request_new", args=["TOKEN"]) in html


def test_future_wave_link_tells_when(client, admin_user, person):
    person.wave = WaveFactory(starts_at=datetime(2031, 5, 6, 7, 0, tzinfo=UTC))
    person.save()
    token = svc.invitation_token(svc.invitation_create(actor=admin_user, user=person))
    response = client.get(reverse("accounts:invitation", args=[token]), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 403
    assert "6 mei 2031" in response.content.decode()
    response = client.post(
        reverse("accounts:invitation", args=[token]),
        {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.status == User.Status.INVITED


def test_asking_for_a_new_link_always_gets_the_same_answer(client, admin_user, person, commit):
    invitation = commit(svc.invitation_create, actor=admin_user, user=person)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=clock.now() - timedelta(days=1))
    answers = []
    for token in [svc.invitation_token(invitation), "garbage", f"{invitation.pk}.{'b' * 64}"]:
        response = commit(client.post, reverse("accounts:invitation_request_new", args=[token]))
        answers.append((response.status_code, comparable(response.content.decode())))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 200
    assert len(mail.outbox) == 2  # the first invitation and one fresh link
    assert client.get(reverse("accounts:invitation_request_new", args=["x"])).status_code == 405
