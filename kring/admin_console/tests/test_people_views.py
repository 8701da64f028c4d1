import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.accounts.models import UnitAssignment, User
from kring.accounts.services.people import person_create
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common.models import AuditEntry
from kring.org.tests.factories import unit_factory

pytestmark = pytest.mark.django_db

PEOPLE = reverse("admin_console:people")


@pytest.fixture(autouse=True)
def english(admin_user):
    """The administrator reads Kring in English, so the assertions read the source strings."""
    admin_user.language = "en"
    admin_user.save(update_fields=["language"])


def person_url(name, person):
    return reverse(f"admin_console:{name}", args=[person.pk])


def details(person, **overrides):
    """The detail form as the page would post it, with `overrides`."""
    data = {
        "display_name": person.display_name,
        "job_title": person.job_title,
        "primary_unit": person.primary_unit_id or "",
        "extra_units": [u.pk for u in person.extra_units.all()],
        "line_manager": person.line_manager.email if person.line_manager else "",
        "wave": person.wave_id or "",
        "language": person.language,
    }
    data.update(overrides)
    return data


# --- Who may come in


@pytest.mark.parametrize("name", ["people"])
def test_list_is_hidden_from_everyone_but_administrators(
    as_user, member, comms_editor, community_manager, name
):
    for actor in (member, comms_editor, community_manager):
        assert as_user(actor).get(reverse(f"admin_console:{name}")).status_code == 404


def test_list_asks_anonymous_people_to_log_in(client):
    response = client.get(PEOPLE)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    "name", ["person", "person_role", "person_deactivate", "person_reactivate"]
)
def test_person_pages_are_hidden_from_members(as_user, member, other_member, name):
    client = as_user(member)
    assert client.get(person_url(name, other_member)).status_code == 404
    assert client.post(person_url(name, other_member), {"role": "admin"}).status_code == 404
    other_member.refresh_from_db()
    assert other_member.role == User.Role.MEMBER
    assert other_member.status == User.Status.ACTIVE


@pytest.mark.parametrize(
    "name", ["person", "person_role", "person_deactivate", "person_reactivate"]
)
def test_unknown_person_is_404(as_user, admin_user, name):
    url = reverse(f"admin_console:{name}", args=[987654])
    assert as_user(admin_user).post(url, {"role": "admin"}).status_code == 404
    if name in ("person", "person_deactivate"):
        response = as_user(admin_user).get(url)
        assert response.status_code == 404
        assert "<h1" in response.content.decode()  # the translated error page, not a bare text


# --- The list


def test_list_shows_people_with_unit_role_and_status(as_user, admin_user, member, deactivated):
    html = as_user(admin_user).get(PEOPLE).content.decode()
    assert member.display_name in html
    assert member.email in html
    assert "De Regenboog" in html
    assert person_url("person", member) in html
    assert "Former colleague" in html


def test_search_matches_name_email_and_job_title(as_user, admin_user, school):
    UserFactory(display_name="Fleur Fietsers", email="fleur@example.org", job_title="Leerkracht")
    UserFactory(
        display_name="Bram Bakker", email="b.bakker@example.org", job_title="Intern begeleider"
    )
    client = as_user(admin_user)

    def names(q):
        return {p.display_name for p in client.get(PEOPLE, {"q": q}).context["page"].object_list}

    assert names("fietsers") == {"Fleur Fietsers"}
    assert names("B.BAKKER@") == {"Bram Bakker"}
    assert names("intern begel") == {"Bram Bakker"}


def test_filter_by_unit_includes_sub_units_and_extra_units(as_user, admin_user, board, school):
    team = unit_factory("Groep 3", kind="team", parent=school)
    other_school = unit_factory("De Zonnebloem", kind="school", parent=board)
    UserFactory(display_name="In School", primary_unit=school)
    UserFactory(display_name="In Team", primary_unit=team)
    extra = UserFactory(display_name="Extra Hands", primary_unit=other_school)
    extra.extra_units.add(team)
    UserFactory(display_name="Elsewhere", primary_unit=other_school)

    page = as_user(admin_user).get(PEOPLE, {"unit": school.pk}).context["page"]
    assert {p.display_name for p in page.object_list} == {"In School", "In Team", "Extra Hands"}


def test_filter_by_role_status_and_wave(as_user, admin_user, member, deactivated, comms_editor):
    wave = WaveFactory(name="Enthousiastelingen")
    member.wave = wave
    member.save()
    client = as_user(admin_user)

    def names(**params):
        return {p.display_name for p in client.get(PEOPLE, params).context["page"].object_list}

    assert names(role="comms_editor") == {comms_editor.display_name}
    assert names(status="deactivated") == {deactivated.display_name}
    assert names(wave=wave.pk) == {member.display_name}
    assert member.display_name not in names(wave="none")
    assert admin_user.display_name in names(wave="none")


def test_bad_filter_value_is_reported_and_ignored(as_user, admin_user, member):
    response = as_user(admin_user).get(PEOPLE, {"unit": "999999", "role": "emperor"})
    assert response.status_code == 200
    form = response.context["form"]
    assert "unit" in form.errors and "role" in form.errors
    assert member in response.context["page"].object_list
    assert "Select a valid choice" in response.content.decode()


def test_htmx_request_gets_only_the_results(as_user, admin_user, member):
    response = as_user(admin_user).get(PEOPLE, {"q": "Mila"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="results"' in html
    assert "<h1" not in html
    assert member.display_name in html


def test_list_is_paginated(as_user, admin_user, school):
    UserFactory.create_batch(55, primary_unit=school)
    client = as_user(admin_user)
    first = client.get(PEOPLE)
    assert len(first.context["page"].object_list) == 50
    second = client.get(PEOPLE, {"page": 2})
    assert len(second.context["page"].object_list) == 55 + 1 - 50  # the admin is a person too
    assert client.get(PEOPLE, {"page": "nonsense"}).status_code == 200


def test_list_query_count_does_not_grow_with_people(as_user, admin_user, board, school):
    wave = WaveFactory()
    client = as_user(admin_user)

    def make(n):
        for i in range(n):
            unit = unit_factory(
                f"Team {UserFactory._meta.model.objects.count()}-{i}", kind="team", parent=school
            )
            UserFactory(primary_unit=unit, wave=wave)

    make(4)
    client.get(PEOPLE)  # warm up caches (organisation, session)
    with CaptureQueriesContext(connection) as small:
        client.get(PEOPLE, {"unit": school.pk})
    expected = len(small)  # read now: a later request resets the query log
    assert expected > 0
    make(8)
    with CaptureQueriesContext(connection) as large:
        response = client.get(PEOPLE, {"unit": school.pk})
    assert response.context["page"].paginator.count == 12
    assert len(large) == expected


def test_list_query_count_with_django_assert(
    as_user, admin_user, school, django_assert_num_queries
):
    client = as_user(admin_user)
    UserFactory.create_batch(5, primary_unit=school)
    client.get(PEOPLE)
    with CaptureQueriesContext(connection) as ctx:
        client.get(PEOPLE)
    expected = len(ctx)  # read now: a later request resets the query log
    assert expected > 0
    UserFactory.create_batch(10, primary_unit=school)
    with django_assert_num_queries(expected):
        client.get(PEOPLE)


# --- One person


def test_detail_page_shows_forms_and_history(as_user, admin_user, member):
    response = as_user(admin_user).get(person_url("person", member))
    assert response.status_code == 200
    html = response.content.decode()
    assert member.display_name in html
    assert 'name="display_name"' in html
    assert 'name="role"' in html
    assert person_url("person_deactivate", member) in html


def test_edit_saves_details_and_writes_audit(as_user, admin_user, member, board, school):
    wave = WaveFactory(name="Iedereen")
    team = unit_factory("Administratie", kind="team", parent=board)
    data = details(
        member,
        display_name="Mila de Vries",
        job_title="Intern begeleider",
        extra_units=[team.pk],
        line_manager=admin_user.email.upper(),
        wave=wave.pk,
        language="en",
    )
    response = as_user(admin_user).post(person_url("person", member), data)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Mila de Vries"
    assert member.job_title == "Intern begeleider"
    assert member.line_manager == admin_user
    assert member.wave == wave
    assert member.language == "en"
    assert list(member.extra_units.all()) == [team]
    entry = AuditEntry.objects.get(action="person.update", object_id=str(member.pk))
    assert entry.actor == admin_user
    assert entry.changes["display_name"] == ["Mila Member", "Mila de Vries"]
    assert entry.changes["extra_units"] == [[], [team.pk]]


def test_moving_a_person_keeps_unit_history(as_user, admin_user, board, school):
    person = person_create(
        actor=admin_user, email="jan@example.org", display_name="Jan Jansen", unit=school
    )
    other = unit_factory("De Zonnebloem", kind="school", parent=board)
    client = as_user(admin_user)
    assert (
        client.post(
            person_url("person", person), details(person, primary_unit=other.pk)
        ).status_code
        == 302
    )

    periods = list(UnitAssignment.objects.filter(user=person).order_by("started_at", "pk"))
    assert [p.unit for p in periods] == [school, other]
    assert periods[0].ended_at is not None
    assert periods[1].ended_at is None
    html = client.get(person_url("person", person)).content.decode()
    assert "Unit history" in html and "De Zonnebloem" in html and "De Regenboog" in html


def test_edit_with_unknown_manager_email_shows_error_and_saves_nothing(as_user, admin_user, member):
    response = as_user(admin_user).post(
        person_url("person", member),
        details(member, display_name="Changed", line_manager="nobody@example.org"),
    )
    assert response.status_code == 200
    assert (
        "Nobody with the e-mail address nobody@example.org works here." in response.content.decode()
    )
    member.refresh_from_db()
    assert member.display_name == "Mila Member"
    assert not AuditEntry.objects.filter(action="person.update").exists()


def test_edit_with_empty_name_or_unknown_unit_is_refused(as_user, admin_user, member):
    response = as_user(admin_user).post(
        person_url("person", member), details(member, display_name="", primary_unit=999999)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "display_name" in form.errors and "primary_unit" in form.errors
    assert 'aria-invalid="true"' in response.content.decode()
    member.refresh_from_db()
    assert member.primary_unit is not None


def test_person_cannot_be_their_own_manager(as_user, admin_user, member):
    response = as_user(admin_user).post(
        person_url("person", member), details(member, line_manager=member.email)
    )
    assert response.status_code == 200
    assert "cannot be their own manager" in response.content.decode()
    member.refresh_from_db()
    assert member.line_manager is None


def test_manager_loops_are_refused(as_user, admin_user, member, other_member):
    other_member.line_manager = member
    other_member.save()
    response = as_user(admin_user).post(
        person_url("person", member), details(member, line_manager=other_member.email)
    )
    assert response.status_code == 200
    assert "already manages this manager" in response.content.decode()
    member.refresh_from_db()
    assert member.line_manager is None


# --- Role


def test_change_role_writes_audit(as_user, admin_user, member):
    response = as_user(admin_user).post(person_url("person_role", member), {"role": "comms_editor"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == User.Role.COMMS_EDITOR
    entry = AuditEntry.objects.get(action="person.role")
    assert entry.changes == {"role": ["member", "comms_editor"]}
    assert entry.actor == admin_user


def test_admin_cannot_demote_themself(as_user, admin_user):
    response = as_user(admin_user).post(person_url("person_role", admin_user), {"role": "member"})
    assert response.status_code == 200
    assert "You cannot take away your own administrator role" in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.role == User.Role.ADMIN
    assert not AuditEntry.objects.filter(action="person.role").exists()


def test_unknown_role_is_refused(as_user, admin_user, member):
    response = as_user(admin_user).post(person_url("person_role", member), {"role": "emperor"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    member.refresh_from_db()
    assert member.role == User.Role.MEMBER


# --- Deactivate and reactivate


def test_deactivate_asks_for_confirmation_first(as_user, admin_user, member):
    response = as_user(admin_user).get(person_url("person_deactivate", member))
    assert response.status_code == 200
    assert "Yes, deactivate" in response.content.decode()
    member.refresh_from_db()
    assert member.status == User.Status.ACTIVE


def test_deactivate_and_reactivate(as_user, admin_user, member):
    client = as_user(admin_user)
    assert client.post(person_url("person_deactivate", member)).status_code == 302
    member.refresh_from_db()
    assert member.status == User.Status.DEACTIVATED and not member.is_active
    assert AuditEntry.objects.filter(action="person.deactivate", object_id=str(member.pk)).exists()
    html = client.get(person_url("person", member)).content.decode()
    assert "Former colleague" in html
    assert person_url("person_reactivate", member) in html

    assert client.post(person_url("person_reactivate", member)).status_code == 302
    member.refresh_from_db()
    assert member.status == User.Status.ACTIVE and member.is_active
    assert AuditEntry.objects.filter(action="person.reactivate", object_id=str(member.pk)).exists()


def test_admin_cannot_deactivate_themself(as_user, admin_user):
    client = as_user(admin_user)
    assert (
        "You cannot deactivate your own account."
        in client.get(person_url("person_deactivate", admin_user)).content.decode()
    )
    response = client.post(person_url("person_deactivate", admin_user))
    assert response.status_code == 400
    assert "You cannot deactivate your own account." in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.status == User.Status.ACTIVE


def test_reactivating_an_active_person_changes_nothing(as_user, admin_user, member):
    response = as_user(admin_user).post(person_url("person_reactivate", member), follow=True)
    assert "is not deactivated" in response.content.decode()
    assert not AuditEntry.objects.filter(action="person.reactivate").exists()


def test_deactivate_only_by_post(as_user, admin_user, member):
    response = as_user(admin_user).put(person_url("person_deactivate", member))
    assert response.status_code == 405


# --- The console's front page


def test_overview_counts_people_units_next_wave_and_latest_changes(
    as_user, admin_user, member, other_member, deactivated
):
    from datetime import timedelta

    from kring.common import clock

    WaveFactory(name="Gisteren", starts_at=clock.now() - timedelta(days=1))
    later = WaveFactory(name="Iedereen", starts_at=clock.now() + timedelta(days=60))
    WaveFactory(name="Nog later", starts_at=clock.now() + timedelta(days=90))
    UserFactory(status=User.Status.INVITED, wave=later)
    client = as_user(admin_user)
    client.post(person_url("person_role", member), {"role": "comms_editor"})

    response = client.get(reverse("admin_console:index"))
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview.people_by_status == {"invited": 1, "active": 3, "deactivated": 1}
    assert overview.unit_count == 2
    assert overview.next_wave == later and overview.next_wave_people == 1
    html = response.content.decode()
    assert "Iedereen" in html
    assert f"{PEOPLE}?wave={later.pk}" in html
    assert f"{PEOPLE}?status=deactivated" in html
    assert "Role changed" in html and member.display_name in html


def test_overview_query_count_is_constant(as_user, admin_user, school, django_assert_num_queries):
    client = as_user(admin_user)
    index = reverse("admin_console:index")
    UserFactory.create_batch(3, primary_unit=school)
    for person in User.objects.all()[:3]:
        client.post(person_url("person_role", person), {"role": "comms_editor"})
    client.get(index)
    with CaptureQueriesContext(connection) as small:
        client.get(index)
    expected = len(small)  # read now: a later request resets the query log
    assert expected > 0
    UserFactory.create_batch(9, primary_unit=school)
    for person in User.objects.exclude(role="comms_editor").exclude(pk=admin_user.pk)[:6]:
        client.post(person_url("person_role", person), {"role": "comms_editor"})
    with django_assert_num_queries(expected):
        client.get(index)


def test_overview_is_hidden_from_members(as_user, member):
    assert as_user(member).get(reverse("admin_console:index")).status_code == 404
