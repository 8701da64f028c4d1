"""Joining, leaving, requests, invitations, removal, roles, ownership (services/membership.py)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kring.accounts.models import ActivityEvent, User
from kring.accounts.services.people import person_deactivate
from kring.accounts.tests.factories import UserFactory
from kring.common.models import AuditEntry
from kring.spaces import permissions
from kring.spaces.models import Membership, Space
from kring.spaces.services import membership as services
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db

Role = Membership.Role
State = Membership.State


def fresh(space: Space) -> Space:
    return Space.objects.get(pk=space.pk)


def verbs(user: User, space: Space) -> list[str]:
    return list(
        ActivityEvent.objects.filter(actor=user, space_id=space.pk)
        .order_by("pk")
        .values_list("verb", flat=True)
    )


def active_count(space: Space) -> int:
    return Membership.objects.filter(space=space, state=State.ACTIVE, user__is_active=True).count()


def snapshot(space: Space) -> list[tuple]:
    return list(
        Membership.objects.filter(space=space)
        .order_by("user_id")
        .values_list("user_id", "role", "state", "message", "decision_message", "created_at")
    )


def refused(call, match: str, space: Space) -> ValidationError:
    """The service refuses with a clear message and changes nothing."""
    before = (snapshot(space), fresh(space).member_count, AuditEntry.objects.count())
    with pytest.raises(ValidationError, match=match) as caught, transaction.atomic():
        call()
    assert (snapshot(space), fresh(space).member_count, AuditEntry.objects.count()) == before
    return caught.value


# -- joining ---------------------------------------------------------------------------------------


def test_joining_an_open_community(non_member, django_capture_on_commit_callbacks):
    space = sf.community("Koffiehoek")
    with django_capture_on_commit_callbacks(execute=True):
        m = services.space_join(actor=non_member, space=space)
    assert (m.role, m.state, m.source) == (Role.MEMBER, State.ACTIVE, Membership.Source.MANUAL)
    assert m.joined_at is not None
    assert fresh(space).member_count == 2
    assert verbs(non_member, space) == ["group_joined"]
    assert permissions.can_read(non_member, fresh(space))


def test_joining_twice_is_a_clear_no(non_member, django_capture_on_commit_callbacks):
    space = sf.community("Koffiehoek")
    with django_capture_on_commit_callbacks(execute=True):
        services.space_join(actor=non_member, space=space)
        refused(
            lambda: services.space_join(actor=non_member, space=fresh(space)),
            "already a member of “Koffiehoek”",
            space,
        )
    assert verbs(non_member, space) == ["group_joined"]


def test_joining_an_on_request_space_says_to_ask(non_member):
    space = sf.community("Ambassadeurs", "request")
    refused(lambda: services.space_join(actor=non_member, space=space), "ask to join", space)


def test_joining_an_archived_space_is_refused(non_member):
    space = sf.community("Oud", archived=True)
    refused(lambda: services.space_join(actor=non_member, space=space), "archived", space)


def test_joining_a_unit_space_is_refused(non_member, school, member):
    space = sf.unit_space_of(school, member)
    refused(lambda: services.space_join(actor=non_member, space=space), "ask to join", space)


def test_joining_a_secret_space_uninvited_is_not_found(non_member):
    space = sf.community("MR", "secret")
    before = snapshot(space)
    with pytest.raises(Http404):
        services.space_join(actor=non_member, space=space)
    assert snapshot(space) == before


def test_an_external_guest_cannot_join_another_space(guest):
    sf.community("Huiskamer", guests=[guest])
    other = sf.community("Koffiehoek")
    with pytest.raises(Http404):
        services.space_join(actor=guest, space=other)


def test_accepting_an_invitation_to_a_secret_space(
    non_member, space_manager, django_capture_on_commit_callbacks
):
    space = sf.community("MR", "secret", members={"manager": [space_manager]})
    with django_capture_on_commit_callbacks(execute=True):
        services.members_invite(actor=space_manager, space=space, people=[non_member])
        assert fresh(space).member_count == 2  # an invitation is not membership yet
        m = services.space_join(actor=non_member, space=fresh(space))
    assert m.state == State.ACTIVE
    assert fresh(space).member_count == 3
    assert verbs(non_member, space) == ["invite_accepted", "group_joined"]


# -- leaving ---------------------------------------------------------------------------------------


def test_leaving(member, django_capture_on_commit_callbacks):
    space = sf.community("Koffiehoek", members={"member": [member]})
    with django_capture_on_commit_callbacks(execute=True):
        services.space_leave(actor=member, space=space)
    assert not Membership.objects.filter(space=space, user=member).exists()
    assert fresh(space).member_count == 1
    assert verbs(member, space) == ["group_left"]


def test_leaving_a_secret_space_makes_it_disappear(member):
    space = sf.community("MR", "secret", members={"member": [member]})
    services.space_leave(actor=member, space=space)
    assert not Space.objects.visible_to(member).filter(pk=space.pk).exists()


def test_leaving_what_you_are_not_in(non_member):
    space = sf.community("Koffiehoek")
    refused(lambda: services.space_leave(actor=non_member, space=space), "not a member", space)


def test_the_last_owner_cannot_leave(space_owner):
    space = sf.community("Koffiehoek", owner=space_owner)
    error = refused(
        lambda: services.space_leave(actor=space_owner, space=space), "last owner", space
    )
    assert "Hand ownership to someone else" in error.messages[0]


def test_an_owner_may_leave_when_another_owner_stays(space_owner, member):
    space = sf.community("Koffiehoek", owner=space_owner, members={"owner": [member]})
    services.space_leave(actor=space_owner, space=space)
    assert list(space.memberships.values_list("user_id", "role")) == [(member.pk, Role.OWNER)]


def test_structural_members_cannot_leave(member, school):
    space = sf.unit_space_of(school, member)
    error = refused(
        lambda: services.space_leave(actor=member, space=space), "because of where you work", space
    )
    assert "De Regenboog" in error.messages[0]
    news = sf.the_news_space()
    refused(lambda: services.space_leave(actor=member, space=news), "where you work", news)


def test_withdrawing_a_request_records_no_leaving(non_member, django_capture_on_commit_callbacks):
    space = sf.community("Ambassadeurs", "request")
    with django_capture_on_commit_callbacks(execute=True):
        services.space_request(actor=non_member, space=space)
        services.space_leave(actor=non_member, space=fresh(space))
    assert not Membership.objects.filter(space=space, user=non_member).exists()
    assert verbs(non_member, space) == ["group_requested"]


def test_turning_down_an_invitation(non_member, space_manager):
    space = sf.community("MR", "secret", members={"manager": [space_manager]})
    services.members_invite(actor=space_manager, space=space, people=[non_member])
    services.space_leave(actor=non_member, space=fresh(space))
    assert not Membership.objects.filter(space=space, user=non_member).exists()
    assert not Space.objects.visible_to(non_member).filter(pk=space.pk).exists()


# -- requests --------------------------------------------------------------------------------------


def test_asking_to_join(non_member, django_capture_on_commit_callbacks):
    space = sf.community("Ambassadeurs", "request")
    with django_capture_on_commit_callbacks(execute=True):
        m = services.space_request(actor=non_member, space=space, message="  Ik doe mee!  ")
    assert (m.state, m.message) == (State.REQUESTED, "Ik doe mee!")
    assert fresh(space).member_count == 1
    assert verbs(non_member, space) == ["group_requested"]
    assert not permissions.can_read(non_member, fresh(space))


def test_asking_twice_is_a_clear_no(non_member, django_capture_on_commit_callbacks):
    space = sf.community("Ambassadeurs", "request")
    with django_capture_on_commit_callbacks(execute=True):
        services.space_request(actor=non_member, space=space, message="Eerste")
        refused(
            lambda: services.space_request(actor=non_member, space=fresh(space), message="Twee"),
            "already asked to join",
            space,
        )
    assert verbs(non_member, space) == ["group_requested"]


def test_asking_to_join_a_space_you_are_in(member):
    space = sf.community("Ambassadeurs", "request", members={"member": [member]})
    refused(lambda: services.space_request(actor=member, space=space), "already a member", space)


def test_asking_to_join_an_open_space_says_to_join(non_member):
    space = sf.community("Koffiehoek")
    refused(lambda: services.space_request(actor=non_member, space=space), "join it", space)


def test_asking_to_join_a_secret_space_is_not_found(non_member):
    space = sf.community("MR", "secret")
    with pytest.raises(Http404):
        services.space_request(actor=non_member, space=space)
    assert not Membership.objects.filter(space=space, user=non_member).exists()


def test_asking_again_after_a_decline(non_member, space_owner):
    space = sf.community("Ambassadeurs", "request", owner=space_owner)
    services.space_request(actor=non_member, space=space)
    services.request_decide(actor=space_owner, space=space, requester=non_member, accept=False)
    m = services.space_request(actor=non_member, space=fresh(space), message="Nu wel?")
    assert (m.state, m.message, m.decided_by_id, m.decision_message) == (
        State.REQUESTED,
        "Nu wel?",
        None,
        "",
    )


def test_accepting_a_request(non_member, space_manager, django_capture_on_commit_callbacks):
    space = sf.community("Ambassadeurs", "request", members={"manager": [space_manager]})
    services.space_request(actor=non_member, space=space)
    with django_capture_on_commit_callbacks(execute=True):
        m = services.request_decide(
            actor=space_manager, space=fresh(space), requester=non_member, accept=True,
            message="Welkom!",
        )  # fmt: skip
    assert (m.state, m.decided_by, m.decision_message) == (State.ACTIVE, space_manager, "Welkom!")
    assert fresh(space).member_count == 3
    assert verbs(non_member, space) == ["group_joined"]
    entry = AuditEntry.objects.get(action="space.request_accept")
    assert (entry.actor, entry.object_id, entry.changes) == (
        space_manager,
        str(space.pk),
        {"user": non_member.pk},
    )
    assert [m.to for m in mail.outbox] == [[non_member.email]]
    assert "Welkom!" in mail.outbox[0].body


def test_declining_a_request(non_member, space_manager, django_capture_on_commit_callbacks):
    space = sf.community("Ambassadeurs", "request", members={"manager": [space_manager]})
    services.space_request(actor=non_member, space=space)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decide(
            actor=space_manager, space=space, requester=non_member, accept=False,
            message="Alleen voor ambassadeurs.",
        )  # fmt: skip
    assert Membership.objects.get(space=space, user=non_member).state == State.DECLINED
    assert AuditEntry.objects.filter(action="space.request_decline").count() == 1
    assert fresh(space).member_count == 2
    assert len(mail.outbox) == 1
    assert "Alleen voor ambassadeurs." in mail.outbox[0].body


def test_deciding_twice_is_a_clear_no(non_member, space_manager):
    space = sf.community("Ambassadeurs", "request", members={"manager": [space_manager]})
    services.space_request(actor=non_member, space=space)
    services.request_decide(actor=space_manager, space=space, requester=non_member, accept=True)
    refused(
        lambda: services.request_decide(
            actor=space_manager, space=fresh(space), requester=non_member, accept=False
        ),
        "already been answered",
        space,
    )


def test_accepting_someone_who_left_the_organisation(non_member, space_manager):
    space = sf.community("Ambassadeurs", "request", members={"manager": [space_manager]})
    services.space_request(actor=non_member, space=space)
    User.objects.filter(pk=non_member.pk).update(status=User.Status.DEACTIVATED, is_active=False)
    non_member.refresh_from_db()
    refused(
        lambda: services.request_decide(
            actor=space_manager, space=space, requester=non_member, accept=True
        ),
        "no longer works here",
        space,
    )
    assert Membership.objects.get(space=space, user=non_member).decided_by is None


def test_only_managers_decide(non_member, member):
    space = sf.community("Ambassadeurs", "request", members={"moderator": [member]})
    services.space_request(actor=non_member, space=space)
    with pytest.raises(PermissionDenied):
        services.request_decide(actor=member, space=space, requester=non_member, accept=True)


# -- invitations -----------------------------------------------------------------------------------


def test_inviting_colleagues(
    space_manager, non_member, other_member, django_capture_on_commit_callbacks
):
    space = sf.community("MR", "secret", members={"manager": [space_manager]})
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.members_invite(
            actor=space_manager, space=space, people=[non_member, other_member]
        )
    assert {(m.user, m.state, m.invited_by) for m in invited} == {
        (non_member, State.INVITED, space_manager),
        (other_member, State.INVITED, space_manager),
    }
    assert fresh(space).member_count == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([non_member.email, other_member.email])
    # The invited may now know the space exists, and accept.
    assert Space.objects.visible_to(non_member).filter(pk=space.pk).exists()


def test_inviting_someone_who_left_changes_nothing_for_anyone(
    space_manager, non_member, deactivated
):
    space = sf.community("MR", "secret", members={"manager": [space_manager]})
    error = refused(
        lambda: services.members_invite(
            actor=space_manager, space=space, people=[non_member, deactivated]
        ),
        "Dirk Departed no longer works here",
        space,
    )
    assert len(error.messages) == 1
    assert not Membership.objects.filter(space=space, user=non_member).exists()


def test_inviting_members_guests_and_the_already_invited(space_manager, member, guest, non_member):
    space = sf.community("MR", "secret", members={"manager": [space_manager], "member": [member]})
    services.members_invite(actor=space_manager, space=space, people=[non_member])
    error = refused(
        lambda: services.members_invite(
            actor=space_manager, space=fresh(space), people=[member, guest, non_member]
        ),
        "already a member",
        space,
    )
    assert error.messages == [
        "Mila Member is already a member.",
        "Gijs Guest is an external guest; invite guests by e-mail.",
        "Nina Nonmember has already been invited.",
    ]
    refused(
        lambda: services.members_invite(actor=space_manager, space=space, people=[]),
        "at least one person",
        space,
    )


def test_inviting_someone_who_asked_lets_them_in(
    space_manager, non_member, django_capture_on_commit_callbacks
):
    space = sf.community("Ambassadeurs", "request", members={"manager": [space_manager]})
    with django_capture_on_commit_callbacks(execute=True):
        services.space_request(actor=non_member, space=space)
        (m,) = services.members_invite(actor=space_manager, space=fresh(space), people=[non_member])
    assert m.state == State.ACTIVE
    assert fresh(space).member_count == 3
    assert verbs(non_member, space) == ["group_requested", "group_joined"]


def test_members_do_not_invite(member, non_member):
    space = sf.community("Koffiehoek", members={"moderator": [member]})
    with pytest.raises(PermissionDenied):
        services.members_invite(actor=member, space=space, people=[non_member])


def test_nobody_is_invited_into_an_archived_space(space_manager, non_member):
    space = sf.community("Oud", members={"manager": [space_manager]}, archived=True)
    with pytest.raises(PermissionDenied):
        services.members_invite(actor=space_manager, space=space, people=[non_member])


# -- removing members and changing roles -----------------------------------------------------------


def test_removing_a_member(space_manager, member):
    space = sf.community("MR", "secret", members={"manager": [space_manager], "member": [member]})
    services.member_remove(actor=space_manager, space=space, user=member)
    assert not Membership.objects.filter(space=space, user=member).exists()
    assert fresh(space).member_count == 2
    entry = AuditEntry.objects.get(action="space.member_remove")
    assert (entry.actor, entry.changes) == (space_manager, {"user": member.pk})
    assert not permissions.can_see(member, fresh(space))


def test_removing_someone_who_is_not_a_member(space_manager, non_member):
    space = sf.community("MR", members={"manager": [space_manager]})
    refused(
        lambda: services.member_remove(actor=space_manager, space=space, user=non_member),
        "Nina Nonmember is not a member",
        space,
    )


def test_managers_cannot_remove_an_owner(space_owner, space_manager):
    space = sf.community("MR", owner=space_owner, members={"manager": [space_manager]})
    refused(
        lambda: services.member_remove(actor=space_manager, space=space, user=space_owner),
        "Only an owner can remove an owner",
        space,
    )


def test_the_last_owner_is_never_removed(space_owner):
    space = sf.community("MR", owner=space_owner)
    refused(
        lambda: services.member_remove(actor=space_owner, space=space, user=space_owner),
        "always keeps an owner",
        space,
    )


def test_an_owner_removes_a_fellow_owner(space_owner, member):
    space = sf.community("MR", owner=space_owner, members={"owner": [member]})
    services.member_remove(actor=space_owner, space=space, user=member)
    assert list(space.memberships.values_list("user_id", flat=True)) == [space_owner.pk]


def test_structural_members_are_not_removed_by_hand(space_manager, member, school):
    school.manager = space_manager
    school.save()
    space = sf.unit_space_of(school, member, space_manager)
    refused(
        lambda: services.member_remove(actor=space_manager, space=space, user=member),
        "because of where they work",
        space,
    )


def test_changing_a_role(space_manager, member):
    space = sf.community("MR", members={"manager": [space_manager], "member": [member]})
    m = services.member_change_role(
        actor=space_manager, space=space, user=member, role=Role.MODERATOR
    )
    assert m.role == Role.MODERATOR
    entry = AuditEntry.objects.get(action="space.role")
    assert entry.changes == {"user": member.pk, "role": ["member", "moderator"]}
    assert permissions.can_moderate(member, fresh(space))
    # The same role again: nothing to change, nothing to audit.
    services.member_change_role(actor=space_manager, space=space, user=member, role=Role.MODERATOR)
    assert AuditEntry.objects.filter(action="space.role").count() == 1


def test_managers_cannot_touch_owners_or_fellow_managers(
    space_owner, space_manager, member, other_member
):
    space = sf.community(
        "MR",
        owner=space_owner,
        members={"manager": [space_manager, member], "owner": [other_member]},
    )
    for target in (space_owner, member):
        refused(
            lambda target=target: services.member_change_role(
                actor=space_manager, space=space, user=target, role=Role.MEMBER
            ),
            "at or above your own role",
            space,
        )


def test_the_last_owner_cannot_be_demoted(space_owner, space_manager):
    space = sf.community("MR", owner=space_owner, members={"manager": [space_manager]})
    for actor in (space_owner, space_manager):
        refused(
            lambda actor=actor: services.member_change_role(
                actor=actor, space=space, user=space_owner, role=Role.MEMBER
            ),
            "A space always keeps an owner: hand ownership over first",
            space,
        )


def test_ownership_is_not_a_role_to_pick(space_owner, member):
    space = sf.community("MR", owner=space_owner, members={"member": [member]})
    refused(
        lambda: services.member_change_role(
            actor=space_owner, space=space, user=member, role=Role.OWNER
        ),
        "handed over separately",
        space,
    )


def test_guests_keep_the_guest_role(space_owner, guest):
    space = sf.community("Huiskamer", owner=space_owner, guests=[guest])
    refused(
        lambda: services.member_change_role(
            actor=space_owner, space=space, user=guest, role=Role.MEMBER
        ),
        "guests keep the guest role",
        space,
    )


def test_members_do_not_change_roles(member, other_member):
    space = sf.community("MR", members={"moderator": [member], "member": [other_member]})
    with pytest.raises(PermissionDenied):
        services.member_change_role(
            actor=member, space=space, user=other_member, role=Role.MODERATOR
        )


# -- ownership -------------------------------------------------------------------------------------


def test_handing_over_ownership(space_owner, member):
    space = sf.community("MR", owner=space_owner, members={"member": [member]})
    services.ownership_transfer(actor=space_owner, space=space, new_owner=member)
    roles = dict(space.memberships.values_list("user_id", "role"))
    assert roles == {space_owner.pk: Role.MANAGER, member.pk: Role.OWNER}
    entry = AuditEntry.objects.get(action="space.transfer")
    assert entry.changes == {"owner": [space_owner.pk, member.pk]}
    assert permissions.can_delete(member, fresh(space))
    assert not permissions.can_delete(space_owner, fresh(space))


def test_handing_over_to_yourself_a_non_member_or_a_guest(space_owner, non_member, guest):
    space = sf.community("MR", owner=space_owner, guests=[guest])
    refused(
        lambda: services.ownership_transfer(actor=space_owner, space=space, new_owner=space_owner),
        "already own",
        space,
    )
    refused(
        lambda: services.ownership_transfer(actor=space_owner, space=space, new_owner=non_member),
        "not a member",
        space,
    )
    refused(
        lambda: services.ownership_transfer(actor=space_owner, space=space, new_owner=guest),
        "active colleague",
        space,
    )


def test_only_the_owner_hands_over(space_manager, member):
    space = sf.community("MR", members={"manager": [space_manager], "member": [member]})
    with pytest.raises(PermissionDenied):
        services.ownership_transfer(actor=space_manager, space=space, new_owner=member)


# -- the member count ------------------------------------------------------------------------------

ACTIONS = ("join", "leave", "request", "accept", "decline", "invite", "remove", "deactivate")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 3)), max_size=14))
def test_member_count_follows_every_change(steps, space_owner, school):
    """Whatever happens in whatever order, the stored count equals the active members."""
    with transaction.atomic():
        people = [UserFactory(primary_unit=school) for _ in range(4)]
        space = sf.community("Telling", "open", owner=space_owner)
        for action, who in steps:
            person = people[who]
            current = fresh(space)
            try:
                with transaction.atomic():
                    if action == "join":
                        services.space_join(actor=person, space=current)
                    elif action == "leave":
                        services.space_leave(actor=person, space=current)
                    elif action == "request":
                        Space.objects.filter(pk=space.pk).update(access=Space.Access.REQUEST)
                        services.space_request(actor=person, space=fresh(space))
                    elif action in ("accept", "decline"):
                        services.request_decide(
                            actor=space_owner, space=current, requester=person,
                            accept=action == "accept",
                        )  # fmt: skip
                    elif action == "invite":
                        services.members_invite(actor=space_owner, space=current, people=[person])
                    elif action == "remove":
                        services.member_remove(actor=space_owner, space=current, user=person)
                    else:
                        person_deactivate(actor=None, person=person)
            except (ValidationError, PermissionDenied, Http404):
                pass
            Space.objects.filter(pk=space.pk).update(access=Space.Access.OPEN)
            assert fresh(space).member_count == active_count(space), steps
        transaction.set_rollback(True)
