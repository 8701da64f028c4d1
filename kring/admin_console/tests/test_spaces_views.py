"""The console's spaces section: every space for administrators, restoring, structure, policy."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.accounts.models import Organisation
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.common.models import AuditEntry
from kring.spaces import permissions
from kring.spaces.models import Membership, Space
from kring.spaces.services.spaces import community_create, space_delete

pytestmark = pytest.mark.django_db

SPACES = reverse("admin_console:spaces")
STRUCTURE = reverse("admin_console:spaces_structure")
SETTINGS = reverse("admin_console:settings")


def restore_url(space):
    return reverse("admin_console:space_restore", args=[space.pk])


@pytest.fixture(autouse=True)
def english(admin_user):
    admin_user.language = "en"
    admin_user.save(update_fields=["language"])


def make_space(owner, name, access=Space.Access.OPEN, **fields):
    """A community with its owner, written directly (the services are tested in their app)."""
    space = Space.objects.create(
        kind=Space.Kind.COMMUNITY, access=access, name=name, slug=name.lower().replace(" ", "-"),
        member_count=1, **fields,
    )  # fmt: skip
    Membership.objects.create(space=space, user=owner, role=Membership.Role.OWNER)
    return space


def deleted_space(owner, name, days_ago):
    """A community its owner deleted `days_ago` days ago, through the service."""
    clock.pin(clock.now() - timedelta(days=days_ago))
    try:
        space = community_create(actor=owner, name=name, access=Space.Access.OPEN)
        return space_delete(actor=owner, space=space, confirm_name=name)
    finally:
        clock.pin(None)


# --- Who may


def test_hidden_from_everyone_but_administrators(
    client, as_user, member, comms_editor, community_manager, guest, other_member
):
    space = deleted_space(other_member, "Oud project", days_ago=2)
    for actor in (member, comms_editor, community_manager, guest):
        c = as_user(actor)
        assert c.get(SPACES).status_code == 404
        assert c.post(restore_url(space)).status_code == 404
        assert c.post(STRUCTURE).status_code == 404
    client.logout()
    assert client.get(SPACES).status_code == 302  # to the login page
    space.refresh_from_db()
    assert space.deleted_at is not None
    assert not AuditEntry.objects.filter(action="space.restore").exists()


def test_the_console_navigation_has_a_spaces_section(as_user, admin_user):
    html = as_user(admin_user).get(reverse("admin_console:index")).content.decode()
    assert f'href="{SPACES}"' in html


# --- The list


def test_list_shows_every_space_secret_and_deleted_ones_too(as_user, admin_user, member):
    secret = make_space(member, "Vertrouwenspersonen", access=Space.Access.SECRET)
    archived = make_space(member, "Kerstviering", archived_at=clock.now())
    gone = deleted_space(member, "Oude werkgroep", days_ago=3)
    assert not permissions.can_see(admin_user, secret)  # elsewhere the admin is an outsider
    response = as_user(admin_user).get(SPACES)
    assert response.status_code == 200
    html = response.content.decode()
    for space in (secret, archived, gone):
        assert space.name in html
    assert member.display_name in html  # the owners
    assert "Secret" in html and "Archived" in html and "Deleted" in html
    assert "Restorable until" in html
    assert restore_url(gone) in html
    # A secret or deleted space is not linked: its own page would answer 404.
    assert reverse("spaces:detail", args=[secret.slug]) not in html
    assert reverse("spaces:detail", args=[archived.slug]) in html


def test_search_and_filters(as_user, admin_user, member):
    make_space(member, "Leerkrachten groep 2")
    make_space(member, "Directieoverleg", access=Space.Access.SECRET)
    make_space(member, "Kerstviering", archived_at=clock.now())
    deleted_space(member, "Oude werkgroep", days_ago=1)
    client = as_user(admin_user)

    def names(**params):
        response = client.get(SPACES, params)
        assert response.status_code == 200
        return {space.name for space, _restorable in response.context["rows"]}

    assert names(q="groep") == {"Leerkrachten groep 2", "Oude werkgroep"}
    assert names(access="secret") == {"Directieoverleg"}
    assert names(state="archived") == {"Kerstviering"}
    assert names(state="deleted") == {"Oude werkgroep"}
    assert "Directieoverleg" in names(state="active", kind="community")
    assert names(kind="news") == set()
    # A bad value is ignored, with the reason beside the field.
    response = client.get(SPACES, {"access": "everyone"})
    assert response.status_code == 200
    assert "access" in response.context["form"].errors
    assert len(response.context["rows"]) == 4


def test_the_list_is_paginated(as_user, admin_user, member):
    for i in range(55):
        make_space(member, f"Groep {i:02d}")
    client = as_user(admin_user)
    first = client.get(SPACES)
    assert len(first.context["rows"]) == 50
    assert "Page 1 of 2" in first.content.decode()
    second = client.get(SPACES, {"page": 2})
    assert [s.name for s, _r in second.context["rows"]] == [f"Groep {i}" for i in range(50, 55)]


def test_an_htmx_request_gets_the_results_only(as_user, admin_user, member):
    make_space(member, "Personeelsvereniging")
    response = as_user(admin_user).get(SPACES, {"q": "personeel"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="results"' in html and "Personeelsvereniging" in html
    assert "<h1>" not in html


def test_query_count_does_not_grow_with_spaces(as_user, admin_user):
    client = as_user(admin_user)

    def make(n):
        for _i in range(n):
            owner = UserFactory()
            make_space(owner, f"Ruimte {Space.objects.count()}")
            deleted_space(owner, f"Weg {Space.objects.count()}", days_ago=1)

    make(3)
    client.get(SPACES)  # warm up caches (organisation, session)
    with CaptureQueriesContext(connection) as small:
        client.get(SPACES)
    expected = len(small)  # read now: a later request resets the query log
    assert expected > 0
    make(6)
    with CaptureQueriesContext(connection) as large:
        response = client.get(SPACES)
    assert response.context["page"].paginator.count == 18
    assert len(large) == expected


# --- Restoring


def test_restore_a_space_deleted_within_30_days(as_user, admin_user, member):
    space = deleted_space(member, "Oude werkgroep", days_ago=29)
    response = as_user(admin_user).post(restore_url(space), {"query": "state=deleted&junk=1"})
    assert response.status_code == 302
    assert response["Location"] == f"{SPACES}?state=deleted"
    space.refresh_from_db()
    assert space.deleted_at is None and space.deleted_by is None
    entry = AuditEntry.objects.get(action="space.restore")
    assert (entry.actor, entry.object_id) == (admin_user, str(space.pk))
    page = as_user(admin_user).get(response["Location"])
    assert "is restored" in page.content.decode()
    assert permissions.can_see(member, space)


def test_restore_is_refused_after_30_days(as_user, admin_user, member):
    space = deleted_space(member, "Heel oude werkgroep", days_ago=31)
    client = as_user(admin_user)
    listed = client.get(SPACES).content.decode()
    assert "No longer restorable" in listed
    assert restore_url(space) not in listed  # no button
    response = client.post(restore_url(space))
    assert response.status_code == 400
    assert "more than 30 days ago" in response.content.decode()
    space.refresh_from_db()
    assert space.deleted_at is not None
    assert not AuditEntry.objects.filter(action="space.restore").exists()


def test_restoring_a_space_that_was_not_deleted_changes_nothing(as_user, admin_user, member):
    space = make_space(member, "Personeelsvereniging")
    response = as_user(admin_user).post(restore_url(space))
    assert response.status_code == 400
    assert "has not been deleted" in response.content.decode()
    assert (
        as_user(admin_user).post(reverse("admin_console:space_restore", args=[99999])).status_code
        == 404
    )
    assert as_user(admin_user).get(restore_url(space)).status_code == 405


# --- The organisation's spaces


def test_bring_spaces_in_line_with_the_organisation(as_user, admin_user, school, member):
    # Units and people written directly have no spaces yet: the button puts everything right.
    assert not Space.objects.filter(unit=school).exists()
    response = as_user(admin_user).post(STRUCTURE)
    assert response.status_code == 302
    unit_space = Space.objects.get(unit=school)
    news = Space.objects.get(kind=Space.Kind.NEWS)
    for space in (unit_space, news):
        m = Membership.objects.get(space=space, user=member)
        assert (m.state, m.source) == (Membership.State.ACTIVE, Membership.Source.STRUCTURE)
    page = as_user(admin_user).get(response["Location"]).content.decode()
    assert "The spaces follow the organisation again" in page
    # Doing it again changes nothing.
    before = sorted(Membership.objects.values_list("space_id", "user_id", "role"))
    as_user(admin_user).post(STRUCTURE)
    assert sorted(Membership.objects.values_list("space_id", "user_id", "role")) == before


# --- Who may create communities (settings)


def settings_data(**overrides):
    data = {
        "name": "Stichting Testbestuur",
        "brand_colour": "#1f5f8b",
        "brand_colour_picker": "#1f5f8b",
        "invitation_valid_days": "14",
    }
    return {**data, **overrides}


def test_settings_decide_who_may_create_communities(
    as_user, admin_user, member, community_manager, django_capture_on_commit_callbacks
):
    assert permissions.can_create_community(member)  # everyone, by default
    page = as_user(admin_user).get(SETTINGS).content.decode()
    assert "Who may create communities" in page and 'type="radio"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(admin_user).post(SETTINGS, settings_data(community_creators="admins"))
    assert response.status_code == 302
    assert Organisation.current().community_creators == "admins"
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.changes["community_creators"] == ["everyone", "admins"]
    assert not permissions.can_create_community(member)
    assert not permissions.can_create_community(community_manager)
    assert permissions.can_create_community(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        as_user(admin_user).post(SETTINGS, settings_data(community_creators="staff"))
    assert permissions.can_create_community(community_manager)
    assert not permissions.can_create_community(member)


def test_a_settings_post_without_the_field_keeps_the_rule(as_user, admin_user):
    Organisation.objects.create(name="Stichting", community_creators="staff")
    response = as_user(admin_user).post(SETTINGS, settings_data())
    assert response.status_code == 302
    assert Organisation.objects.get().community_creators == "staff"
    response = as_user(admin_user).post(SETTINGS, settings_data(community_creators="nobody"))
    assert response.status_code == 200
    assert "community_creators" in response.context["form"].errors
    assert Organisation.objects.get().community_creators == "staff"
