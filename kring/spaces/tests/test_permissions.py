"""The permission module's own rules; the full actor-by-action-by-kind table is in
tests/test_permission_matrix.py."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.spaces import permissions
from kring.spaces.models import Membership, Space
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db

Role = Membership.Role
State = Membership.State


def fresh(space: Space) -> Space:
    return Space.objects.get(pk=space.pk)


def test_who_is_acting(member, guest, deactivated, anonymous, admin_user):
    assert permissions.is_person(member)
    assert permissions.is_person(admin_user)
    assert not permissions.is_person(guest)
    assert permissions.is_external_guest(guest)
    for nobody in (deactivated, anonymous, None, "member"):
        assert not permissions.is_person(nobody)
        assert not permissions.is_external_guest(nobody)


def test_someone_invited_to_kring_but_not_yet_signed_in_sees_nothing(member):
    """An account still waiting for its invitation to be accepted acts as nobody."""
    User.objects.filter(pk=member.pk).update(status=User.Status.INVITED)
    member.refresh_from_db()
    space = sf.community("Koffiehoek", members={"member": [member]})
    assert not permissions.can_see(member, space)
    assert not Space.objects.visible_to(member).exists()


def test_invited_and_requested_people(non_member):
    secret = sf.community("MR", "secret")
    sf.add_member(secret, non_member, state=State.INVITED)
    assert permissions.can_see(non_member, fresh(secret))
    assert permissions.can_join(non_member, fresh(secret))
    assert not permissions.can_request(non_member, fresh(secret))
    assert not permissions.can_read(non_member, fresh(secret))
    assert permissions.can_leave(non_member, fresh(secret))  # turning the invitation down

    closed = sf.community("Ambassadeurs", "request")
    sf.add_member(closed, non_member, state=State.REQUESTED)
    assert not permissions.can_request(non_member, fresh(closed))  # asked already
    assert permissions.can_leave(non_member, fresh(closed))  # withdrawing
    Membership.objects.filter(space=closed, user=non_member).update(state=State.DECLINED)
    assert permissions.can_request(non_member, fresh(closed))  # may ask again
    assert not permissions.can_leave(non_member, fresh(closed))


def test_a_declined_request_does_not_reveal_a_secret_space(non_member):
    """A space turned secret after someone was declined: the declined row grants nothing."""
    space = sf.community("MR", "request")
    sf.add_member(space, non_member, state=State.DECLINED)
    Space.objects.filter(pk=space.pk).update(access=Space.Access.SECRET)
    assert not permissions.can_see(non_member, fresh(space))
    with pytest.raises(Http404):
        permissions.check_read(non_member, fresh(space))


def test_structural_members_cannot_leave_but_manual_ones_can(member, school):
    unit = sf.unit_space_of(school, member)
    assert not permissions.can_leave(member, unit)
    club = sf.community("Koffiehoek", members={"member": [member]})
    assert permissions.can_leave(member, club)


def test_guest_access_until_the_end_date(guest):
    space = sf.community("Huiskamer")
    m = sf.guest_membership(space, guest, expires_in=timedelta(minutes=5))
    assert permissions.role_in(guest, fresh(space)) == Role.GUEST
    Membership.objects.filter(pk=m.pk).update(expires_at=clock.now())
    assert permissions.role_in(guest, fresh(space)) is None
    assert not Space.objects.visible_to(guest).exists()
    assert not permissions.current_memberships(guest).exists()


def test_a_stale_membership_does_not_help_a_deactivated_person(deactivated):
    space = sf.community("Koffiehoek", members={"owner": [deactivated]})
    for check in (permissions.check_see, permissions.check_read, permissions.check_delete):
        with pytest.raises(Http404):
            check(deactivated, fresh(space))
    assert permissions.membership_of(deactivated, space) is None


def test_within_one_request_the_answer_is_remembered_until_a_service_changes_it(
    member, django_assert_num_queries
):
    space = sf.community("MR", "secret", members={"member": [member]})
    space = fresh(space)
    with django_assert_num_queries(1):
        for _ in range(5):
            assert permissions.can_read(member, space)
            permissions.capabilities(member, space)
    Membership.objects.filter(space=space, user=member).delete()
    assert permissions.can_read(member, space)  # the same request, the same object
    permissions.forget_membership(member, space)
    assert not permissions.can_read(member, space)


def test_remember_memberships_loads_many_spaces_in_one_query(member, django_assert_num_queries):
    spaces = [sf.community(f"Club {n}", members={"member": [member]}) for n in range(5)]
    spaces += [sf.community(f"Ander {n}") for n in range(5)]
    loaded = list(Space.objects.filter(pk__in=[s.pk for s in spaces]))
    with django_assert_num_queries(1):
        permissions.remember_memberships(member, loaded)
        answers = [permissions.capabilities(member, s)["role"] for s in loaded]
    assert sorted(a or "-" for a in answers) == ["-"] * 5 + ["member"] * 5
    with django_assert_num_queries(0):
        permissions.remember_memberships(member, loaded)  # already known


def test_ownership_is_handed_over_by_owners_of_communities_only(space_owner, space_manager, school):
    club = sf.community("Koffiehoek", owner=space_owner, members={"manager": [space_manager]})
    assert permissions.can_transfer_ownership(space_owner, club)
    assert not permissions.can_transfer_ownership(space_manager, club)
    with pytest.raises(PermissionDenied):
        permissions.check_transfer_ownership(space_manager, club)
    unit = sf.unit_space_of(school)
    sf.add_member(unit, space_owner, Role.OWNER)
    assert not permissions.can_transfer_ownership(space_owner, fresh(unit))


def test_guests_are_invited_into_communities_only(space_manager, admin_user, school, member):
    club = sf.community("Huiskamer", members={"manager": [space_manager]})
    assert permissions.can_invite_guests(space_manager, club)
    unit = sf.unit_space_of(school, member)
    assert permissions.can_invite(admin_user, unit)
    assert not permissions.can_invite_guests(admin_user, unit)


def test_only_administrators_administer_spaces(admin_user, community_manager, member):
    assert permissions.can_administer_spaces(admin_user)
    for actor in (community_manager, member):
        assert not permissions.can_administer_spaces(actor)
        with pytest.raises(Http404):
            permissions.check_administer_spaces(actor)
    superuser = UserFactory(is_superuser=True)
    assert permissions.can_administer_spaces(superuser)


def test_capabilities_hold_every_answer_for_templates(member):
    space = sf.community("Koffiehoek", members={"manager": [member]})
    caps = permissions.capabilities(member, space)
    assert set(caps) == {
        "see", "read", "join", "request", "leave", "post", "comment", "invite", "invite_guests",
        "moderate", "manage_members", "edit", "archive", "delete", "transfer", "role",
        "membership",
    }  # fmt: skip
    assert caps["role"] == Role.MANAGER
    assert caps["membership"].role == Role.MANAGER
    assert (caps["manage_members"], caps["delete"], caps["transfer"]) == (True, False, False)


@pytest.mark.parametrize("kind", ["news", "unit", "open", "request", "secret"])
def test_the_readers_of_a_space_are_who_can_read_it(
    kind, staffed, member, non_member, guest, guest_elsewhere, deactivated, community_manager
):
    """`filter_readers` (mention suggestions) answers as `can_read` does, person by person."""
    space = staffed(kind)
    invited, expired, requested = UserFactory(), UserFactory(), UserFactory()
    sf.add_member(space, invited, state=State.INVITED)
    sf.add_member(space, expired, expires_at=clock.now() - timedelta(days=1))
    sf.add_member(space, requested, state=State.REQUESTED)
    sf.add_member(space, deactivated)
    people = list(User.objects.all())
    expected = {p.pk for p in people if permissions.can_read(p, fresh(space))}
    found = set(permissions.filter_readers(space, User.objects.all()).values_list("pk", flat=True))
    assert found == expected
    assert member.pk in found and deactivated.pk not in found
    Space.objects.filter(pk=space.pk).update(deleted_at=clock.now())
    assert not permissions.filter_readers(fresh(space), User.objects.all()).exists()
