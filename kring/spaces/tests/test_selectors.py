"""Reads for spaces: each filtered by the acting user (selectors.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.spaces import selectors
from kring.spaces.models import Membership, Space
from kring.spaces.selectors import DirectoryFilter
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db

Role = Membership.Role
State = Membership.State


def names(spaces) -> list[str]:
    return [s.name for s in spaces]


def directory(actor, **filters) -> list[str]:
    return names(selectors.space_directory(actor=actor, filters=DirectoryFilter(**filters)))


# -- one space -------------------------------------------------------------------------------------


def test_space_get_hides_secret_and_deleted_spaces_like_missing_ones(member, non_member):
    secret = sf.community("MR", "secret", members={"member": [member]})
    gone = sf.community("Weg", deleted_at=clock.now())
    assert selectors.space_get(actor=member, slug=secret.slug) == secret
    for slug in (secret.slug, gone.slug, "bestaat-niet"):
        with pytest.raises(Http404) as caught:
            selectors.space_get(actor=non_member, slug=slug)
        assert caught.value.args == ()  # no message that could tell the cases apart


def test_space_get_for_the_invited(non_member):
    secret = sf.community("MR", "secret")
    sf.add_member(secret, non_member, state=State.INVITED)
    assert selectors.space_get(actor=non_member, slug=secret.slug) == secret


# -- the directory ---------------------------------------------------------------------------------


@pytest.fixture
def spaces(member, school):
    news = sf.the_news_space()
    sf.structure_spaces(member)
    unit = sf.unit_space_of(school, member)
    teachers = sf.community("Groep 2 leerkrachten", tags=["kleuters"], description="Voor groep 2")
    ambassadors = sf.community("Ambassadeurs", "request", tags=["kleuters"])
    council = sf.community("MR", "secret", members={"member": [member]}, tags=["geheim"])
    directors = sf.community("Directieoverleg", "secret", tags=["directie"])
    return {
        "news": news,
        "unit": unit,
        "teachers": teachers,
        "ambassadors": ambassadors,
        "council": council,
        "directors": directors,
    }


def test_the_directory_shows_what_the_actor_may_see(spaces, member, non_member, guest, anonymous):
    everyone = ["Organisation news", "De Regenboog", "Ambassadeurs", "Groep 2 leerkrachten"]
    assert sorted(directory(non_member)) == sorted(everyone)
    assert sorted(directory(member)) == sorted([*everyone, "MR"])
    sf.guest_membership(spaces["teachers"], guest)
    assert directory(guest) == ["Groep 2 leerkrachten"]
    assert directory(anonymous) == []


def test_directory_filters(spaces, member, school):
    assert directory(member, q="groep 2") == ["Groep 2 leerkrachten"]
    assert directory(member, q="voor GROEP") == ["Groep 2 leerkrachten"]  # the description
    assert directory(member, access="request", kind="community") == ["Ambassadeurs"]
    assert directory(member, kind="unit") == ["De Regenboog"]
    assert sorted(directory(member, tag="kleuters")) == ["Ambassadeurs", "Groep 2 leerkrachten"]
    assert directory(member, tag="directie") == []  # the tag of a secret space they are not in
    assert sorted(directory(member, mine=True)) == ["De Regenboog", "MR", "Organisation news"]
    assert sorted(directory(member, unit=school.pk)) == ["De Regenboog", "MR", "Organisation news"]
    # Nonsense filters are ignored rather than refused.
    assert len(directory(member, access="everything", kind="x")) == 5


def test_directory_tags_hide_secret_spaces(spaces, member, non_member):
    assert [t.slug for t in selectors.directory_tags(actor=non_member)] == ["kleuters"]
    assert [t.slug for t in selectors.directory_tags(actor=member)] == ["geheim", "kleuters"]


def test_the_directory_pages(member):
    for n in range(selectors.PAGE_SIZE + 3):
        sf.community(f"Club {n:02d}")
    first = selectors.space_directory(actor=member, filters=DirectoryFilter())
    last = selectors.space_directory(actor=member, filters=DirectoryFilter(), page=99)
    assert (len(first.object_list), first.paginator.num_pages) == (selectors.PAGE_SIZE, 2)
    assert len(last.object_list) == 3


def test_the_directory_runs_the_same_queries_for_more_spaces(
    member, django_assert_num_queries, django_assert_max_num_queries
):
    def build(n):
        for i in range(n):
            space = sf.community(f"Club {n}-{i}", tags=[f"tag {i % 3}"])
            sf.add_member(space, member)

    def run():
        page = selectors.space_directory(actor=member, filters=DirectoryFilter())
        for space in page.object_list:
            list(space.tags.all())
            from kring.spaces import permissions

            permissions.capabilities(member, space)

    build(3)
    with django_assert_max_num_queries(6) as few:
        run()
    build(6)
    with django_assert_num_queries(len(few.captured_queries)):
        run()


# -- mine and suggested ----------------------------------------------------------------------------


def test_my_spaces(member, django_assert_num_queries):
    older = sf.community("Oud", members={"member": [member]})
    newer = sf.community("Nieuw", members={"member": [member]})
    Space.objects.filter(pk=older.pk).update(last_activity_at=clock.now() - timedelta(days=2))
    sf.community("Aangevraagd", "request")
    Membership.objects.create(
        space=Space.objects.get(name="Aangevraagd"), user=member, state="requested"
    )
    expired = sf.community("Verlopen")
    sf.add_member(expired, member, expires_at=clock.now() - timedelta(days=1))
    sf.community("Weg", members={"member": [member]}, deleted_at=clock.now())
    assert names(selectors.my_spaces(actor=member)) == [newer.name, older.name]
    # From memberships the caller loaded with their spaces: the same list, and no query.
    rows = Membership.objects.filter(user=member).select_related("space__unit")
    memberships = {m.space_id: m for m in rows}
    with django_assert_num_queries(0):
        mine = selectors.my_spaces(actor=member, memberships=memberships, limit=1)
    assert names(mine) == [newer.name]


def test_suggestions_follow_the_colleagues(member, other_member, school, other_school, guest):
    popular_here = sf.community("Hier populair", members={"member": [other_member]})
    big_elsewhere = sf.community(
        "Elders groot",
        members={"member": [UserFactory(primary_unit=other_school) for _ in range(3)]},
    )
    sf.community("Al lid", members={"member": [member, other_member]})
    sf.community("Geheim", "secret", members={"member": [other_member]})
    sf.community("Archief", members={"member": [other_member]}, archived=True)
    suggested = selectors.suggested_spaces(actor=member)
    assert names(suggested) == [popular_here.name, big_elsewhere.name]
    assert selectors.suggested_spaces(actor=guest) == []


# -- members ---------------------------------------------------------------------------------------


def test_space_members_search_and_roles(
    member, other_member, space_manager, non_member, deactivated
):
    space = sf.community(
        "Leesclub",
        members={"manager": [space_manager], "member": [member, other_member, deactivated]},
    )
    sf.add_member(space, non_member, state=State.REQUESTED)
    everyone = selectors.space_members(actor=member, space=space)
    shown = [m.user for m in everyone.object_list]
    assert deactivated not in shown and non_member not in shown
    assert everyone.paginator.count == 4
    assert [m.user for m in selectors.space_members(actor=member, space=space, q="otto")] == [
        other_member
    ]
    assert [
        m.user for m in selectors.space_members(actor=member, space=space, role=Role.MANAGER)
    ] == [space_manager]


def test_outsiders_do_not_list_members(member, non_member):
    secret = sf.community("MR", "secret", members={"member": [member]})
    closed = sf.community("Ambassadeurs", "request", members={"member": [member]})
    with pytest.raises(Http404):
        selectors.space_members(actor=non_member, space=secret)
    with pytest.raises(PermissionDenied):
        selectors.space_members(actor=non_member, space=closed)
    with pytest.raises(PermissionDenied):
        selectors.space_staff(actor=non_member, space=closed)


def test_staff_requests_invitations_and_guests(
    space_manager, space_moderator, member, non_member, guest
):
    space = sf.community(
        "Ambassadeurs", "request",
        members={"manager": [space_manager], "moderator": [space_moderator], "member": [member]},
        guests=[guest],
    )  # fmt: skip
    sf.add_member(space, non_member, state=State.REQUESTED)
    invited = UserFactory()
    sf.add_member(space, invited, state=State.INVITED)
    staff = selectors.space_staff(actor=member, space=space)
    assert {m.user for m in staff} >= {space_manager, space_moderator}
    assert member not in {m.user for m in staff}
    assert [m.user for m in selectors.space_requests(actor=space_manager, space=space)] == [
        non_member
    ]
    assert [m.user for m in selectors.space_invitations(actor=space_manager, space=space)] == [
        invited
    ]
    assert [m.user for m in selectors.space_guests(actor=space_manager, space=space)] == [guest]
    for read in (selectors.space_requests, selectors.space_invitations, selectors.space_guests):
        with pytest.raises(PermissionDenied):
            read(actor=space_moderator, space=space)


# -- people to invite ------------------------------------------------------------------------------


def test_people_to_invite(space_manager, member, non_member, guest, deactivated):
    space = sf.community("Leesclub", members={"manager": [space_manager], "member": [member]})
    invited = UserFactory(display_name="Nina Invited")
    sf.add_member(space, invited, state=State.INVITED)
    requested = UserFactory(display_name="Nina Requested")
    sf.add_member(space, requested, state=State.REQUESTED)
    for person in (guest, deactivated):
        person.display_name = "Nina Other"
        person.save()

    found = selectors.people_to_invite(actor=space_manager, space=space, q="nina")
    assert found == [non_member, requested]
    assert selectors.people_to_invite(actor=space_manager, space=space, q="n") == []
    assert selectors.people_to_invite(actor=space_manager, space=space, q=non_member.email) == [
        non_member
    ]
    with pytest.raises(PermissionDenied):
        selectors.people_to_invite(actor=member, space=space, q="nina")


def test_nobody_outside_searches_a_secret_spaces_invitees(non_member):
    secret = sf.community("MR", "secret")
    with pytest.raises(Http404):
        selectors.people_to_invite(actor=non_member, space=secret, q="ni")


def test_a_guest_manager_would_not_search_the_organisation(member):
    """Guests never manage; even a planted guest manager gets nobody from the directory."""
    space = sf.community("Huiskamer")
    guest = sf.external_guest()
    sf.add_member(space, guest, Role.MANAGER)
    assert guest.role == User.Role.GUEST
    assert selectors.people_to_invite(actor=guest, space=space, q=member.display_name[:4]) == []
