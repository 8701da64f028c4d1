import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.accounts.models import Invitation, RolloutWave, User
from kring.accounts.services import invitations as invitation_services
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common import clock
from kring.common.models import AuditEntry

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def admin(as_user, admin_user):
    admin_user.language = "en"
    admin_user.save()
    return as_user(admin_user)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


def local(moment):
    """A moment as a datetime-local form field writes it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def invited(wave=None, unit=None, **fields):
    return UserFactory(
        status=User.Status.INVITED, activated_at=None, password=None, wave=wave,
        primary_unit=unit, **fields,
    )  # fmt: skip


def make_invitation(person, **fields):
    defaults = {"expires_at": clock.now() + timedelta(days=5)}
    return Invitation.objects.create(
        user=person, nonce=invitation_services.new_nonce(), **{**defaults, **fields}
    )


# --- Who may see the pages


PAGES = [
    ("admin_console:waves", []),
    ("admin_console:wave_edit", ["wave"]),
    ("admin_console:invitations", []),
    ("admin_console:invite", []),
]
POSTS = [
    ("admin_console:wave_delete", "wave"),
    ("admin_console:invitation_resend", "invitation"),
    ("admin_console:invitation_revoke", "invitation"),
]


@pytest.fixture
def things(school):
    wave = WaveFactory(starts_at=clock.now() + timedelta(days=3))
    return {"wave": wave, "invitation": make_invitation(invited(unit=school))}


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_pages_are_hidden_from_everyone_but_administrators(
    client, as_user, member, comms_editor, things, name, args
):
    url = reverse(name, args=[things[a].pk for a in args])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert as_user(member).get(url).status_code == 404
    assert as_user(comms_editor).get(url).status_code == 404


@pytest.mark.parametrize(("name", "arg"), POSTS)
def test_actions_are_hidden_from_everyone_but_administrators(as_user, member, things, name, arg):
    response = as_user(member).post(reverse(name, args=[things[arg].pk]))
    assert response.status_code == 404
    assert RolloutWave.objects.count() == 1
    assert Invitation.objects.get().revoked_at is None


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_pages_render_for_administrators(admin, things, name, args):
    response = admin.get(reverse(name, args=[things[a].pk for a in args]), **EN)
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


# --- Waves


def test_waves_list_shows_progress(admin, school):
    sent = WaveFactory(
        name="Golf 1", starts_at=clock.now() - timedelta(days=60),
        invitations_sent_at=clock.now() - timedelta(days=60),
    )  # fmt: skip
    active = [UserFactory(wave=sent, primary_unit=school) for _ in range(3)]
    waiting = [invited(sent, school) for _ in range(2)]
    for person in [*active, *waiting]:
        make_invitation(person, wave=sent, sent_at=sent.starts_at)
    WaveFactory(name="Golf 2", starts_at=clock.now() + timedelta(days=90))
    response = admin.get(reverse("admin_console:waves"), **EN)
    rows = {w.name: w for w in response.context["waves"]}
    first = rows["Golf 1"]
    assert (first.people_count, first.sent_count, first.active_count) == (5, 5, 3)
    assert (rows["Golf 2"].people_count, rows["Golf 2"].sent_count) == (0, 0)
    html = response.content.decode()
    assert "Invitations sent" in html and "Planned" in html
    assert html.index("Golf 1") < html.index("Golf 2")
    assert 'data-label="People"' in html


def _add_waves(school, count):
    for n in range(count):
        wave = WaveFactory(starts_at=clock.now() + timedelta(days=n + 1))
        for person in [invited(wave, school), UserFactory(wave=wave, primary_unit=school)]:
            make_invitation(person, wave=wave, sent_at=clock.now())


def _queries(client, url, query=None):
    client.get(url, query)  # warm the session and the cached organisation
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, query).status_code == 200
    return len(ctx.captured_queries)


def test_waves_list_query_count_does_not_grow(admin, school, django_assert_num_queries):
    url = reverse("admin_console:waves")
    _add_waves(school, 2)
    few = _queries(admin, url)
    _add_waves(school, 4)
    with django_assert_num_queries(few):
        response = admin.get(url)
    assert len(response.context["waves"]) == 6


def test_create_wave(admin, commit):
    starts = clock.now() + timedelta(days=14)
    response = commit(
        admin.post, reverse("admin_console:waves"), {"name": "Golf 2", "starts_at": local(starts)}
    )
    assert response.status_code == 302
    wave = RolloutWave.objects.get()
    assert wave.name == "Golf 2"
    assert local(wave.starts_at) == local(starts)
    assert AuditEntry.objects.filter(action="wave.create").count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "Golf", "starts_at": "2020-01-01T09:00"}, "starts_at", "in the future"),
        ({"name": "Golf", "starts_at": "tomorrow"}, "starts_at", "Enter a valid date/time."),
        ({"name": "", "starts_at": "2031-01-01T09:00"}, "name", "This field is required."),
        ({"name": "Bestaat", "starts_at": "2031-01-01T09:00"}, "name", "already a wave"),
    ],
)
def test_bad_wave_input_is_refused_with_a_clear_error(admin, data, field, message):
    WaveFactory(name="Bestaat", starts_at=clock.now() + timedelta(days=1))
    response = admin.post(reverse("admin_console:waves"), data, **EN)
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error"', html)
    assert RolloutWave.objects.count() == 1


def test_dutch_errors(admin_user, as_user):
    admin_user.language = "nl"
    admin_user.save()
    response = as_user(admin_user).post(
        reverse("admin_console:waves"), {"name": "", "starts_at": ""}
    )
    assert "Dit veld is verplicht." in response.content.decode()


def test_edit_wave(admin):
    wave = WaveFactory(name="Golf", starts_at=clock.now() + timedelta(days=3))
    later = clock.now() + timedelta(days=30)
    response = admin.post(
        reverse("admin_console:wave_edit", args=[wave.pk]),
        {"name": "Golf twee", "starts_at": local(later)},
    )
    assert response.status_code == 302
    wave.refresh_from_db()
    assert wave.name == "Golf twee"
    assert local(wave.starts_at) == local(later)


def test_a_sent_wave_cannot_move(admin):
    wave = WaveFactory(starts_at=clock.now() - timedelta(days=3), invitations_sent_at=clock.now())
    response = admin.post(
        reverse("admin_console:wave_edit", args=[wave.pk]),
        {"name": wave.name, "starts_at": local(clock.now() + timedelta(days=3))},
        **EN,
    )
    assert response.status_code == 400
    assert "can no longer change" in response.content.decode()
    original = wave.starts_at
    wave.refresh_from_db()
    assert wave.starts_at == original


def test_delete_wave(admin):
    wave = WaveFactory(starts_at=clock.now() + timedelta(days=3))
    response = admin.post(reverse("admin_console:wave_delete", args=[wave.pk]))
    assert response.status_code == 302
    assert not RolloutWave.objects.exists()


def test_a_sent_wave_cannot_be_deleted(admin):
    wave = WaveFactory(starts_at=clock.now() - timedelta(days=3), invitations_sent_at=clock.now())
    response = admin.post(reverse("admin_console:wave_delete", args=[wave.pk]), **EN, follow=True)
    assert "can no longer be deleted" in response.content.decode()
    assert RolloutWave.objects.filter(pk=wave.pk).exists()


def test_wave_pages_answer_404_for_unknown_waves(admin):
    assert admin.get(reverse("admin_console:wave_edit", args=[999])).status_code == 404
    assert admin.post(reverse("admin_console:wave_delete", args=[999])).status_code == 404


# --- Invitations list


@pytest.fixture
def four_states(school):
    now = clock.now()
    return {
        "pending": make_invitation(invited(unit=school, display_name="Petra Pending")),
        "used": make_invitation(
            UserFactory(primary_unit=school, display_name="Ulla Used"), used_at=now
        ),
        "expired": make_invitation(
            invited(unit=school, display_name="Erik Expired"), expires_at=now - timedelta(days=1)
        ),
        "revoked": make_invitation(
            invited(unit=school, display_name="Rita Revoked"), revoked_at=now
        ),
    }


@pytest.mark.parametrize("state", ["pending", "used", "expired", "revoked"])
def test_invitations_filter_by_state(admin, four_states, state):
    response = admin.get(reverse("admin_console:invitations"), {"state": state}, **EN)
    assert [i.pk for i in response.context["page"].object_list] == [four_states[state].pk]
    html = response.content.decode()
    assert four_states[state].user.display_name in html


def test_all_invitations_and_unknown_filters(admin, four_states):
    for query in [{}, {"state": "nonsense"}]:
        response = admin.get(reverse("admin_console:invitations"), query)
        assert response.status_code == 200
        assert len(response.context["page"].object_list) == 4


def test_only_invited_people_get_buttons(admin, four_states):
    html = admin.get(reverse("admin_console:invitations"), **EN).content.decode()
    assert reverse("admin_console:invitation_revoke", args=[four_states["pending"].pk]) in html
    assert reverse("admin_console:invitation_resend", args=[four_states["expired"].pk]) in html
    assert reverse("admin_console:invitation_revoke", args=[four_states["expired"].pk]) not in html
    assert reverse("admin_console:invitation_resend", args=[four_states["used"].pk]) not in html


def _add_invitations(school, count):
    wave = WaveFactory(starts_at=clock.now())
    inviter = UserFactory()
    for _ in range(count):
        make_invitation(invited(wave, school), wave=wave, invited_by=inviter)


def test_invitations_list_query_count_does_not_grow(admin, school, django_assert_num_queries):
    url = reverse("admin_console:invitations")
    _add_invitations(school, 3)
    few = _queries(admin, url, {"state": "pending"})
    _add_invitations(school, 6)
    with django_assert_num_queries(few):
        response = admin.get(url, {"state": "pending"})
    assert len(response.context["page"].object_list) == 9


def test_resend_revokes_the_old_link_and_mails_a_new_one(admin, four_states, commit):
    old = four_states["expired"]
    response = commit(
        admin.post,
        reverse("admin_console:invitation_resend", args=[old.pk]),
        {"state": "expired"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?state=expired")
    assert [m.to for m in mail.outbox] == [[old.user.email]]
    fresh = Invitation.objects.filter(user=old.user).exclude(pk=old.pk).get()
    assert fresh.state == Invitation.State.PENDING
    old.refresh_from_db()
    assert old.revoked_at is not None


def test_resend_to_an_active_person_is_refused(admin, four_states, commit):
    used = four_states["used"]
    response = commit(
        admin.post, reverse("admin_console:invitation_resend", args=[used.pk]), **EN, follow=True
    )
    assert "already activated" in response.content.decode()
    assert Invitation.objects.filter(user=used.user).count() == 1
    assert mail.outbox == []


def test_revoke(admin, four_states):
    pending = four_states["pending"]
    response = admin.post(reverse("admin_console:invitation_revoke", args=[pending.pk]))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.state == Invitation.State.REVOKED


def test_revoke_a_used_link_is_refused(admin, four_states):
    used = four_states["used"]
    response = admin.post(
        reverse("admin_console:invitation_revoke", args=[used.pk]), **EN, follow=True
    )
    assert "already used" in response.content.decode()
    used.refresh_from_db()
    assert used.revoked_at is None


def test_actions_need_post(admin, four_states):
    pk = four_states["pending"].pk
    assert admin.get(reverse("admin_console:invitation_revoke", args=[pk])).status_code == 405
    assert admin.get(reverse("admin_console:invitation_resend", args=[pk])).status_code == 405


# --- Inviting people


def one_person(school, wave=None, **changes):
    data = {
        "mode": "one",
        "one-display_name": "Noor Nieuw",
        "one-email": "noor@example.org",
        "one-unit": school.pk,
        "one-job_title": "Leerkracht",
        "one-role": User.Role.MEMBER,
        "one-wave": wave.pk if wave else "",
    }
    return {**data, **changes}


def test_invite_one_person(admin, school, commit):
    response = commit(admin.post, reverse("admin_console:invite"), one_person(school), **EN)
    assert response.status_code == 302
    person = User.objects.get(email="noor@example.org")
    assert (person.display_name, person.primary_unit, person.job_title, person.status) == (
        "Noor Nieuw", school, "Leerkracht", User.Status.INVITED,
    )  # fmt: skip
    assert [m.to for m in mail.outbox] == [["noor@example.org"]]
    followed = admin.get(response["Location"], **EN)
    assert "1 person invited." in followed.content.decode()


def test_invite_into_a_future_wave_waits_for_its_date(admin, school, commit):
    wave = WaveFactory(starts_at=clock.now() + timedelta(days=20))
    response = commit(
        admin.post, reverse("admin_console:invite"), one_person(school, wave), **EN, follow=True
    )
    assert "they are invited on" in response.content.decode()
    assert User.objects.get(email="noor@example.org").wave == wave
    assert mail.outbox == []
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"one-email": "noor@"}, "email", "Enter a valid email address."),
        ({"one-email": "MILA@example.org"}, "email", "already exists"),
        ({"one-display_name": ""}, "display_name", "This field is required."),
        ({"one-role": "emperor"}, "role", "Select a valid choice."),
        ({"one-unit": "999999"}, "unit", "Select a valid choice."),
    ],
)
def test_bad_single_invite_saves_nothing(admin, school, member, changes, field, message):
    member.email = "mila@example.org"
    member.save()
    people = User.objects.count()
    response = admin.post(reverse("admin_console:invite"), one_person(school, **changes), **EN)
    assert response.status_code == 400
    assert any(message in e for e in response.context["one"].errors[field])
    assert f'id="id_one-{field}_error"' in response.content.decode()
    assert User.objects.count() == people
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def many(school, lines, wave=None):
    return {
        "mode": "many",
        "many-lines": lines,
        "many-unit": school.pk,
        "many-wave": wave.pk if wave else "",
    }


def test_invite_many_people(admin, school, commit):
    wave = WaveFactory(starts_at=clock.now() - timedelta(days=1))
    lines = "Anna Alfa <anna@example.org>\nbert.bravo@example.org\n\nCor <cor@example.org>"
    response = commit(admin.post, reverse("admin_console:invite"), many(school, lines, wave), **EN)
    assert response.status_code == 302
    people = User.objects.filter(status=User.Status.INVITED)
    assert {p.display_name for p in people} == {"Anna Alfa", "Bert Bravo", "Cor"}
    assert all(p.primary_unit == school and p.wave == wave for p in people)
    assert len(mail.outbox) == 3
    assert "3 people invited." in admin.get(response["Location"], **EN).content.decode()


def test_one_bad_line_saves_nobody_and_names_every_problem(admin, school, member):
    lines = "\n".join(["Anna <anna@example.org>", "geen-adres", "anna@example.org", member.email])
    people = User.objects.count()
    response = admin.post(reverse("admin_console:invite"), many(school, lines), **EN)
    assert response.status_code == 400
    errors = response.context["many"].errors["lines"]
    assert [e.split(":")[0] for e in errors] == ["Line 2", "Line 3", "Line 4"]
    html = response.content.decode()
    assert "geen-adres" in html  # the pasted text stays, to fix and resend
    assert 'id="id_many-lines_error"' in html
    assert User.objects.count() == people
    assert mail.outbox == []


def test_many_needs_a_unit_and_some_lines(admin, school):
    response = admin.post(
        reverse("admin_console:invite"),
        {"mode": "many", "many-lines": "", "many-unit": "", "many-wave": ""},
        **EN,
    )
    assert response.status_code == 400
    assert set(response.context["many"].errors) == {"lines", "unit"}


def test_invite_page_shows_the_line_format(admin):
    html = admin.get(reverse("admin_console:invite"), **EN).content.decode()
    assert "“Name &lt;e-mail&gt;”" in html
