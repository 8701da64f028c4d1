"""The demo's spaces (seed 42): organisation spaces, the communities of the sources, guests."""

from datetime import timedelta

import pytest

from kring.accounts.models import User
from kring.common import clock
from kring.demo import timeline, words
from kring.demo.builders.spaces import GUEST_UNTIL, OTHER_GUEST
from kring.demo.credentials import (
    COMMUNITY_MANAGER,
    DEMO_PASSWORD,
    DIRECTOR,
    GUEST,
    TEACHERS,
)
from kring.org.models import OrgUnit
from kring.spaces import permissions
from kring.spaces.models import Membership, Space
from kring.spaces.services.mail import membership_mail_send

Access, Kind, Role, State = Space.Access, Space.Kind, Membership.Role, Membership.State


@pytest.fixture
def in_the_timeline():
    """Look at the demo as it stands on its last day (guests' access is dated)."""
    clock.pin(timeline.at(timeline.END - timedelta(days=1), 12, 0))
    yield
    clock.pin(None)


def person(email):
    return User.objects.get(email=email)


def community(name):
    return Space.objects.get(kind=Kind.COMMUNITY, name=name)


def active_members(space):
    return Membership.objects.filter(space=space, state=State.ACTIVE)


def test_news_space_and_a_space_for_the_board_office_and_every_school(truth):
    news = Space.objects.get(kind=Kind.NEWS)
    assert news.pk == truth["news_space_id"]
    assert news.access == Access.OPEN
    assert "14 scholen" in news.description
    staff = User.objects.exclude(role=User.Role.GUEST).exclude(status=User.Status.DEACTIVATED)
    assert news.member_count == staff.count() == 523
    for unit in OrgUnit.objects.filter(kind__in=[OrgUnit.Kind.SCHOOL, OrgUnit.Kind.BOARD_OFFICE]):
        space = Space.objects.get(unit=unit)
        assert (space.kind, space.name) == (Kind.UNIT, unit.name)
        assert space.description
        manager = Membership.objects.get(space=space, user=unit.manager)
        assert (manager.role, manager.source) == (Role.MANAGER, Membership.Source.STRUCTURE)
        # Everyone working there (and not gone) sits in their unit's space.
        working = set(
            unit.people.exclude(status=User.Status.DEACTIVATED).values_list("pk", flat=True)
        )
        assert working <= set(active_members(space).values_list("user_id", flat=True))
    assert Space.objects.filter(kind=Kind.UNIT, unit__kind=OrgUnit.Kind.SCHOOL).count() == 14


def test_the_named_communities_exist_with_the_right_access(truth):
    expected = {
        "Leerkrachten groep 2": (Access.OPEN, truth["group2_space_id"]),
        "Personeelsvereniging": (Access.OPEN, truth["staff_association_space_id"]),
        "Ambassadeurs": (Access.REQUEST, truth["ambassadors_space_id"]),
        "GMR": (Access.REQUEST, truth["beachhead_space_id"]),
        "Directieoverleg": (Access.SECRET, truth["secret_space_id"]),
        "Ouderraad De Regenboog": (Access.REQUEST, truth["guest_space_id"]),
    }
    for name, (access, pk) in expected.items():
        space = community(name)
        assert (space.access, space.pk) == (access, pk), name
        assert space.description and space.tags.exists()
        assert (
            Membership.objects.filter(space=space, role=Role.OWNER, state=State.ACTIVE).count() == 1
        )
    communities = Space.objects.filter(kind=Kind.COMMUNITY)
    assert 22 <= communities.count() <= 30
    assert truth["community_count"] == communities.count()
    # Sizes vary like a real organisation's: a few large, most small.
    sizes = sorted(communities.values_list("member_count", flat=True))
    assert sizes[0] < 15 and sizes[-1] > 150
    assert community("Personeelsvereniging").member_count > 150
    # Each counter matches the members it counts.
    for space in communities:
        assert space.member_count == active_members(space).count(), space.name
    assert communities.filter(archived_at__isnull=False).count() == 1


def test_the_beachhead_works_council_has_24_members_from_every_school(truth):
    gmr = community("GMR")
    members = active_members(gmr).select_related("user")
    assert members.count() == 24 == truth["beachhead"]["size"]
    assert truth["beachhead"]["space_id"] == gmr.pk
    assert sorted(m.user_id for m in members) == truth["beachhead"]["member_ids"]
    assert all(m.user.status == User.Status.ACTIVE for m in members)  # all of them log in
    schools = {m.user.primary_unit.name for m in members}
    assert schools == {name for name, _town in words.SCHOOLS}
    # Somebody asked to join and was told, kindly, that members are elected.
    declined = Membership.objects.get(space=gmr, state=State.DECLINED)
    assert "gekozen" in declined.decision_message


def test_ambassadors_are_on_request_with_requests_waiting(truth):
    ambassadors = community("Ambassadeurs")
    assert ambassadors.memberships.get(role=Role.OWNER).user.email == COMMUNITY_MANAGER.email
    waiting = Membership.objects.filter(space=ambassadors, state=State.REQUESTED)
    assert waiting.count() >= 3
    assert all(m.message for m in waiting)
    # One ambassador (at least) per school.
    schools = set(
        active_members(ambassadors)
        .filter(user__primary_unit__kind=OrgUnit.Kind.SCHOOL)
        .values_list("user__primary_unit__name", flat=True)
    )
    assert schools == {name for name, _town in words.SCHOOLS}


def test_the_directors_consultation_is_secret_to_a_teacher(truth):
    secret = community("Directieoverleg")
    members = set(active_members(secret).values_list("user__job_title", flat=True))
    assert members <= {words.DIRECTOR_TITLE, *words.BOARD_MEMBER_TITLES, "Bestuurssecretaris"}
    directors = User.objects.filter(job_title=words.DIRECTOR_TITLE)
    assert set(directors) <= {m.user for m in active_members(secret).select_related("user")}
    assert active_members(secret).filter(user__job_title__in=words.BOARD_MEMBER_TITLES).count() == 2

    teacher = person(TEACHERS[0].email)
    assert not Space.objects.visible_to(teacher).filter(pk=secret.pk).exists()
    assert not permissions.can_see(teacher, secret)
    assert Space.objects.visible_to(teacher).filter(name="GMR").exists()  # on request: visible
    director = person(DIRECTOR.email)
    assert Space.objects.visible_to(director).filter(pk=secret.pk).exists()


def test_two_external_guests_see_only_their_own_space(truth, in_the_timeline, client):
    parents = community("Ouderraad De Regenboog")
    assert parents.memberships.get(role=Role.OWNER).user.email == DIRECTOR.email
    guests = User.objects.filter(role=User.Role.GUEST).order_by("email")
    assert [g.email for g in guests] == sorted([GUEST.email, OTHER_GUEST[1]])
    assert sorted(g.pk for g in guests) == truth["guest_user_ids"]
    for guest in guests:
        assert guest.status == User.Status.ACTIVE and guest.primary_unit is None
        membership = Membership.objects.get(user=guest)  # one space, nothing else
        assert (membership.space, membership.role) == (parents, Role.GUEST)
        assert membership.expires_at.date() == GUEST_UNTIL[guest.email]
        assert list(Space.objects.visible_to(guest)) == [parents]
        assert list(Space.objects.readable_by(guest)) == [parents]
        assert not permissions.can_see(guest, Space.objects.get(kind=Kind.NEWS))
    # The guest login works with the demo password; the other guest's password is nobody's.
    assert client.login(email=GUEST.email, password=DEMO_PASSWORD)
    assert not person(OTHER_GUEST[1]).check_password(DEMO_PASSWORD)
    assert truth["demo_login_ids"]["guest"] == person(GUEST.email).pk


def test_a_guest_loses_access_on_the_expiry_date(truth):
    parents = community("Ouderraad De Regenboog")
    yusuf = person(OTHER_GUEST[1])
    clock.pin(timeline.at(GUEST_UNTIL[OTHER_GUEST[1]] + timedelta(days=1), 9, 0))
    try:
        assert not Space.objects.visible_to(yusuf).exists()
        assert not permissions.can_read(yusuf, parents)
        assert Space.objects.visible_to(person(GUEST.email)).get() == parents
    finally:
        clock.pin(None)


def test_most_group_2_teachers_are_in_their_community(truth):
    space = community("Leerkrachten groep 2")
    group_2 = User.objects.filter(
        job_title="Leerkracht groep 1-2", status=User.Status.ACTIVE
    ).values_list("pk", flat=True)
    members = set(active_members(space).values_list("user_id", flat=True))
    assert members <= set(group_2)  # teachers of group 1-2 only
    assert len(members) >= 0.75 * len(group_2)
    # From many schools: the point of a cross-school community.
    schools = active_members(space).values_list("user__primary_unit", flat=True).distinct()
    assert schools.count() >= 12


def test_memberships_follow_the_demo_timeline(truth):
    start, end = timeline.at(timeline.SET_UP, 0), timeline.at(timeline.END)
    rows = Membership.objects.filter(space__kind=Kind.COMMUNITY).select_related("user", "space")
    for m in rows:
        assert start <= m.created_at < end
        if m.state == State.ACTIVE:
            assert m.space.created_at <= m.joined_at < end
            # (A guest's membership starts with the invitation; employees join themselves.)
            if m.role != Role.GUEST:
                assert m.user.activated_at is not None and m.user.activated_at <= m.joined_at
    # Nobody who never logged in is an active member of a community: they cannot have joined.
    never = User.objects.filter(status=User.Status.INVITED, role=User.Role.MEMBER)
    assert not rows.filter(user__in=never, state=State.ACTIVE).exists()
    # The enthusiasts of wave 1 joined more communities than the others, on average.
    per_person = {1: [], 2: []}
    for user in User.objects.filter(status=User.Status.ACTIVE, wave__isnull=False).select_related(
        "wave"
    ):
        number = 1 if user.wave.name.startswith("Golf 1") else 2
        per_person[number].append(rows.filter(user=user, state=State.ACTIVE).count())
    average = {n: sum(v) / len(v) for n, v in per_person.items()}
    assert average[1] > 1.5 * average[2]
    assert not Space.objects.filter(created_at__gte=end).exists()


def test_demo_logins_each_show_something(truth):
    fatima, daan, lotte = (person(t.email) for t in TEACHERS)
    mine = Membership.objects.filter(space__kind=Kind.COMMUNITY)
    # The member login belongs to a few communities and waits for an answer to one request.
    assert 3 <= mine.filter(user=fatima, state=State.ACTIVE).count() <= 8
    assert mine.filter(user=fatima, state=State.REQUESTED).count() == 1
    assert mine.filter(user=daan, state=State.INVITED).count() == 1
    # Lotte owns the network of intern begeleiders, with requests to decide.
    ib = mine.get(user=lotte, role=Role.OWNER).space
    assert ib.name == "IB-netwerk" and ib.memberships.filter(state=State.REQUESTED).count() == 2
    cm = person(COMMUNITY_MANAGER.email)
    assert mine.filter(user=cm, role=Role.OWNER).count() >= 2
    assert mine.filter(user=person(DIRECTOR.email), role=Role.OWNER).get().space.name == (
        "Ouderraad De Regenboog"
    )


def test_a_fresh_demo_mails_nobody_about_old_invitations(truth):
    invited = Membership.objects.filter(state__in=[State.INVITED, State.ACTIVE]).exclude(
        invited_by=None
    )
    assert invited.exists()
    assert not Membership.objects.filter(notified_at__isnull=True).exists()
    assert not membership_mail_send(membership_id=invited.first().pk, kind="invited")
    decided = Membership.objects.exclude(decided_at=None).first()
    assert not membership_mail_send(membership_id=decided.pk, kind="decided")
