"""External guests: invited by e-mail into one community, until an end date (services/guests.py)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kring.accounts.models import Invitation, User
from kring.common import clock
from kring.common.models import AuditEntry
from kring.spaces import permissions, selectors
from kring.spaces.models import Membership, Space
from kring.spaces.services.guests import guest_access_change, guest_invite
from kring.spaces.services.membership import members_invite, space_join, space_request
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db

Role = Membership.Role


def in_days(days: int):
    return clock.now() + timedelta(days=days)


@pytest.fixture
def living_room(space_manager):
    return sf.community("Huiskamer De Linde", "secret", members={"manager": [space_manager]})


def activate(user: User) -> User:
    """The guest accepted the invitation and set a password."""
    User.objects.filter(pk=user.pk).update(status=User.Status.ACTIVE, activated_at=clock.now())
    user.refresh_from_db()
    return user


def test_inviting_a_new_guest(living_room, space_manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        m = guest_invite(
            actor=space_manager, space=living_room, email="  Fam.Jansen@Example.org ",
            name="Familie Jansen", expires_at=in_days(90),
        )  # fmt: skip
    guest = m.user
    assert (guest.email, guest.display_name, guest.role, guest.status) == (
        "fam.jansen@example.org",
        "Familie Jansen",
        User.Role.GUEST,
        User.Status.INVITED,
    )
    assert (m.role, m.state, m.invited_by) == (Role.GUEST, Membership.State.ACTIVE, space_manager)
    assert Space.objects.get(pk=living_room.pk).member_count == 3  # owner, manager, guest
    invitation = Invitation.objects.get(user=guest)
    assert (invitation.kind, invitation.note) == (Invitation.Kind.GUEST, "Huiskamer De Linde")
    assert [message.to for message in mail.outbox] == [["fam.jansen@example.org"]]
    entry = AuditEntry.objects.get(action="space.guest_invite")
    assert entry.changes["email"] == "fam.jansen@example.org"


def test_a_guest_sees_their_space_and_nothing_else(living_room, space_manager, member):
    open_space = sf.community("Koffiehoek", members={"member": [member]})
    guest = activate(
        guest_invite(
            actor=space_manager, space=living_room, email="gast@example.org", expires_at=in_days(9)
        ).user
    )
    assert list(Space.objects.visible_to(guest)) == [living_room]
    assert list(Space.objects.readable_by(guest)) == [living_room]
    assert permissions.can_post(guest, living_room)
    with pytest.raises(Http404):
        selectors.space_get(actor=guest, slug=open_space.slug)
    with pytest.raises(Http404):
        space_join(actor=guest, space=open_space)
    # The space's members, yes; the organisation's directory of people, no.
    assert selectors.space_members(actor=guest, space=living_room).paginator.count == 3
    assert selectors.suggested_spaces(actor=guest) == []


def test_a_returning_guest_is_told_by_mail(space_manager, django_capture_on_commit_callbacks):
    first = sf.community("Huiskamer", members={"manager": [space_manager]})
    second = sf.community("Tuinclub", members={"manager": [space_manager]})
    guest = activate(
        guest_invite(
            actor=space_manager, space=first, email="gast@example.org", expires_at=in_days(9)
        ).user
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        guest_invite(
            actor=space_manager, space=second, email="gast@example.org", expires_at=in_days(9)
        )
    assert [message.to for message in mail.outbox] == [["gast@example.org"]]
    assert "Tuinclub" in mail.outbox[0].subject
    assert set(Space.objects.visible_to(guest)) == {first, second}


def test_access_ends_on_the_expiry_date(living_room, space_manager):
    m = guest_invite(
        actor=space_manager, space=living_room, email="gast@example.org", expires_at=in_days(1)
    )
    guest = activate(m.user)
    assert permissions.can_read(guest, Space.objects.get(pk=living_room.pk))
    Membership.objects.filter(pk=m.pk).update(expires_at=clock.now() - timedelta(seconds=1))
    assert not Space.objects.visible_to(guest).exists()
    with pytest.raises(Http404):
        selectors.space_get(actor=guest, slug=living_room.slug)

    guest_access_change(actor=space_manager, space=living_room, guest=guest, expires_at=in_days(30))
    assert selectors.space_get(actor=guest, slug=living_room.slug) == living_room
    assert AuditEntry.objects.filter(action="space.guest_access").count() == 1


@pytest.mark.parametrize(
    ("email", "expires", "message"),
    [
        ("geen-adres", 9, "valid e-mail address"),
        ("gast@example.org", 0, "end date in the future"),
        ("mila@example.org", 9, "works here: invite them as a colleague"),
    ],
)
def test_bad_guest_invitations(email, expires, message, living_room, space_manager, member):
    member.email = "mila@example.org"
    member.save()
    before = (User.objects.count(), Membership.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError, match=message):
        guest_invite(
            actor=space_manager, space=living_room, email=email, expires_at=in_days(expires)
        )
    assert (User.objects.count(), Membership.objects.count(), AuditEntry.objects.count()) == before


def test_a_switched_off_guest_is_not_invited_again(living_room, space_manager):
    sf.external_guest(email="weg@example.org", status=User.Status.DEACTIVATED, is_active=False)
    with pytest.raises(ValidationError, match="switched off"):
        guest_invite(
            actor=space_manager, space=living_room, email="weg@example.org", expires_at=in_days(9)
        )
    assert Membership.objects.filter(space=living_room).count() == 2


def test_inviting_a_guest_twice(living_room, space_manager):
    guest_invite(
        actor=space_manager, space=living_room, email="gast@example.org", expires_at=in_days(9)
    )
    with pytest.raises(ValidationError, match="already a guest here"):
        guest_invite(
            actor=space_manager, space=living_room, email="gast@example.org", expires_at=in_days(9)
        )


def test_guests_join_communities_only(space_manager, school, admin_user, member):
    unit = sf.unit_space_of(school, member)
    with pytest.raises(PermissionDenied):
        guest_invite(actor=admin_user, space=unit, email="gast@example.org", expires_at=in_days(9))
    news = sf.the_news_space()
    with pytest.raises(PermissionDenied):
        guest_invite(actor=admin_user, space=news, email="gast@example.org", expires_at=in_days(9))


def test_only_managers_invite_guests(living_room, member):
    sf.add_member(living_room, member, Role.MODERATOR)
    with pytest.raises(PermissionDenied):
        guest_invite(
            actor=member, space=living_room, email="gast@example.org", expires_at=in_days(9)
        )


def test_guests_are_not_invited_or_asking_as_colleagues(living_room, space_manager, guest):
    other = sf.community("Ambassadeurs", "request", members={"manager": [space_manager]})
    sf.guest_membership(living_room, guest)
    with pytest.raises(ValidationError, match="external guest"):
        members_invite(actor=space_manager, space=living_room, people=[guest])
    with pytest.raises(Http404):
        space_request(actor=guest, space=other)


def test_changing_access_of_someone_who_is_no_guest(living_room, space_manager, member):
    sf.add_member(living_room, member)
    with pytest.raises(ValidationError, match="not a guest of this space"):
        guest_access_change(
            actor=space_manager, space=living_room, guest=member, expires_at=in_days(9)
        )
