"""The managers' pages of a space: members and roles, invitations, external guests, ownership,
settings, archiving and deleting."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.common.models import AuditEntry
from kring.spaces.models import Membership, Space
from kring.spaces.services.counts import member_count_refresh
from kring.spaces.services.spaces import community_create
from kring.spaces.services.structure import structure_ensure

pytestmark = pytest.mark.django_db

Role = Membership.Role
State = Membership.State


@pytest.fixture
def login(client):
    """Sign in as `user`, reading Kring in English so the assertions read the source strings."""

    def sign_in(user):
        if user.language != "en":
            user.language = "en"
            user.save(update_fields=["language"])
        client.force_login(user)
        return client

    return sign_in


def url(name, space, *args):
    return reverse(f"spaces:{name}", args=[space.slug, *args])


def put(space, user, role=Role.MEMBER, state=State.ACTIVE, **fields):
    now = clock.now()
    m, _ = Membership.objects.update_or_create(
        space=space,
        user=user,
        defaults={
            "role": role,
            "state": state,
            "joined_at": now if state == State.ACTIVE else None,
            **fields,
        },
    )
    member_count_refresh([space.pk])
    space.refresh_from_db()
    return m


def html_of(response):
    return response.content.decode()


def png_upload(name="cover.png"):
    out = io.BytesIO()
    Image.new("RGB", (60, 20), (20, 120, 60)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture
def owner(school):
    return UserFactory(display_name="Olga Owner", primary_unit=school)


@pytest.fixture
def manager(school):
    return UserFactory(display_name="Manon Manager", primary_unit=school)


@pytest.fixture
def non_member(board):
    """A colleague from another school, in none of the test's spaces."""
    from kring.org.tests.factories import unit_factory

    elsewhere = unit_factory("Het Anker", kind="school", parent=board)
    return UserFactory(display_name="Nina Nonmember", primary_unit=elsewhere)


@pytest.fixture
def space(owner, manager, member):
    """A community on request: owner, a manager and a member."""
    created = community_create(
        actor=owner, name="Werkgroep rekenen", access="request", description="Rekenen in groep 3."
    )
    put(created, manager, Role.MANAGER)
    put(created, member)
    return created


@pytest.fixture
def space_guest(space, guest):
    return put(space, guest, Role.GUEST, expires_at=clock.now() + timedelta(days=20))


# --- The member list


def test_members_page_lists_members_with_roles_and_details(
    login, member, owner, manager, space, space_guest, school
):
    member.job_title = "Leerkracht groep 3"
    member.save()
    html = html_of(login(member).get(url("members", space)))
    assert "Mila Member" in html and "Leerkracht groep 3" in html and school.name in html
    assert "Olga Owner" in html and "Owner" in html and "Manager" in html
    assert "Gijs Guest" in html and "badge--guest" in html
    # A member does not manage, and sees no guest's expiry date.
    assert 'class="row-menu"' not in html and "Access until" not in html
    assert url("member_role", space, owner.pk) not in html


def test_members_page_for_a_manager_offers_role_changes_and_removal(
    login, member, owner, manager, space, space_guest, guest
):
    html = html_of(login(manager).get(url("members", space)))
    assert "Access until" in html
    assert f'action="{url("member_role", space, member.pk)}"' in html
    assert url("member_remove", space, member.pk) in html
    # Nobody changes the owner's role here, nor a guest's; a manager does not remove the owner.
    assert url("member_role", space, owner.pk) not in html
    assert url("member_role", space, guest.pk) not in html
    assert url("member_remove", space, owner.pk) not in html
    # Managers do not manage themselves from the list.
    assert url("member_role", space, manager.pk) not in html
    assert url("transfer", space) not in html  # only owners hand over


def test_members_page_for_the_owner_offers_the_hand_over(login, owner, manager, space):
    html = html_of(login(owner).get(url("members", space)))
    assert url("transfer", space) in html
    assert f'action="{url("member_role", space, manager.pk)}"' in html


def test_members_search_and_role_filter(login, member, owner, manager, space):
    client = login(owner)
    html = html_of(client.get(url("members", space), {"q": "manon"}))
    assert "Manon Manager" in html and "Mila Member" not in html
    assert "1 member found" in html
    html = html_of(client.get(url("members", space), {"role": "manager"}))
    assert "Manon Manager" in html and "Mila Member" not in html
    html = html_of(client.get(url("members", space), {"role": "king", "page": "x"}))
    assert "Mila Member" in html  # a bad filter is ignored


def test_members_htmx_returns_the_list_fragment(login, member, space):
    response = login(member).get(
        url("members", space), {"q": "mila"}, headers={"HX-Request": "true"}
    )
    html = html_of(response)
    assert "<html" not in html and 'id="results"' in html and "Mila Member" in html


def test_members_are_paginated(login, member, space, school):
    for i in range(31):
        put(space, UserFactory(display_name=f"Zz Collega {i:02d}", primary_unit=school))
    client = login(member)
    first = html_of(client.get(url("members", space)))
    assert "Page 1 of 2" in first and "Zz Collega 30" not in first
    second = html_of(client.get(url("members", space), {"page": 2}))
    assert "Zz Collega 30" in second


def test_an_external_guest_sees_the_members_but_not_the_organisation(
    login, guest, member, space, space_guest, school
):
    html = html_of(login(guest).get(url("members", space)))
    assert "Mila Member" in html
    assert school.name not in html


# --- Roles and removal


def test_a_manager_makes_a_member_moderator(login, manager, member, space):
    response = login(manager).post(
        url("member_role", space, member.pk),
        {"role": "moderator", "next": url("members", space) + "?q=mila"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("members", space) + "?q=mila"
    assert space.memberships.get(user=member).role == Role.MODERATOR
    follow = login(manager).get(response["Location"])
    assert "Mila Member is now moderator" in html_of(follow)
    assert AuditEntry.objects.filter(action="space.role").exists()


def test_role_change_refusals_say_why_and_change_nothing(login, manager, owner, guest, space):
    put(space, guest, Role.GUEST, expires_at=clock.now() + timedelta(days=5))
    client = login(manager)
    response = client.post(url("member_role", space, owner.pk), {"role": "member"}, follow=True)
    refusal = html_of(response)
    assert "message--error" in refusal
    assert "at or above your own role" in refusal or "always keeps an owner" in refusal
    colleague = UserFactory(display_name="Mark Manager")
    put(space, colleague, Role.MANAGER)
    response = client.post(url("member_role", space, colleague.pk), {"role": "member"}, follow=True)
    assert "at or above your own role" in html_of(response)
    assert space.memberships.get(user=colleague).role == Role.MANAGER
    response = client.post(url("member_role", space, guest.pk), {"role": "member"}, follow=True)
    assert "External guests keep the guest role" in html_of(response)
    response = client.post(url("member_role", space, owner.pk), {"role": "owner"}, follow=True)
    assert "Choose manager, moderator or member" in html_of(response)
    assert space.memberships.get(user=owner).role == Role.OWNER
    assert space.memberships.get(user=guest).role == Role.GUEST


def test_only_managers_change_roles_or_remove(login, member, other_member, space):
    put(space, other_member)
    client = login(member)
    assert (
        client.post(url("member_role", space, other_member.pk), {"role": "manager"}).status_code
        == 403
    )
    assert client.get(url("member_remove", space, other_member.pk)).status_code == 403
    assert client.post(url("member_remove", space, other_member.pk)).status_code == 403
    assert space.memberships.get(user=other_member).role == Role.MEMBER


def test_a_person_outside_the_space_is_a_404_for_member_actions(login, manager, space, non_member):
    assert (
        login(manager)
        .post(url("member_role", space, non_member.pk), {"role": "member"})
        .status_code
        == 404
    )
    assert login(manager).get(url("member_remove", space, 987654)).status_code == 404


def test_remove_a_member_asks_first(login, manager, member, space):
    client = login(manager)
    confirm = client.get(url("member_remove", space, member.pk))
    assert confirm.status_code == 200
    assert "Remove Mila Member from “Werkgroep rekenen”?" in html_of(confirm)
    assert space.memberships.filter(user=member).exists()
    response = client.post(url("member_remove", space, member.pk), follow=True)
    assert "Mila Member is no longer a member" in html_of(response)
    assert not space.memberships.filter(user=member).exists()
    # Twice: harmless.
    again = client.post(url("member_remove", space, member.pk))
    assert again.status_code == 404


def test_the_last_owner_cannot_be_removed(login, owner, space):
    response = login(owner).post(url("member_remove", space, owner.pk), follow=True)
    assert "A space always keeps an owner" in html_of(response)
    assert space.memberships.get(user=owner).role == Role.OWNER


def test_a_unit_space_member_is_not_removed_by_hand(login, admin_user, member, school):
    structure_ensure()
    unit_space = Space.objects.get(unit=school)
    html = html_of(login(admin_user).get(url("members", unit_space)))
    assert "because of where they work" in html
    assert url("member_remove", unit_space, member.pk) not in html
    response = login(admin_user).post(url("member_remove", unit_space, member.pk), follow=True)
    assert "change their unit instead" in html_of(response)
    assert unit_space.memberships.filter(user=member).exists()


# --- Inviting colleagues


def test_invite_page_searches_without_javascript(login, manager, space, non_member):
    html = html_of(login(manager).get(url("invite", space), {"q": "nina"}))
    assert "Nina Nonmember" in html
    assert f'name="people" value="{non_member.pk}"' in html
    # Members are not offered again.
    html = html_of(login(manager).get(url("invite", space), {"q": "mila"}))
    assert 'name="people"' not in html and "Nobody found" in html


def test_invite_search_is_a_fragment_that_keeps_who_is_ticked(
    login, manager, space, non_member, school
):
    picked = UserFactory(display_name="Pieter Post", primary_unit=school)
    response = login(manager).get(
        url("invite_search", space), {"q": "nina", "people": [str(picked.pk), "x"]}
    )
    html = html_of(response)
    assert response.status_code == 200 and "<html" not in html
    assert "Nina Nonmember" in html
    assert f'value="{picked.pk}" checked' in html
    assert f'value="{non_member.pk}" checked' not in html


def test_invite_search_does_not_offer_guests_or_the_former(login, manager, space, school):
    UserFactory(display_name="Nora Gast", role=User.Role.GUEST)
    UserFactory(
        display_name="Nora Weg",
        primary_unit=school,
        status=User.Status.DEACTIVATED,
        is_active=False,
    )
    html = html_of(login(manager).get(url("invite_search", space), {"q": "nora"}))
    assert "Nora Gast" not in html and "Nora Weg" not in html


def test_invite_colleagues(
    login, manager, space, non_member, school, mailoutbox, django_capture_on_commit_callbacks
):
    other = UserFactory(display_name="Pieter Post", primary_unit=school)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(manager).post(url("invite", space), {"people": [non_member.pk, other.pk]})
    assert response.status_code == 302
    invited = space.memberships.filter(state=State.INVITED)
    assert {m.user_id for m in invited} == {non_member.pk, other.pk}
    assert len(mailoutbox) == 2
    page = html_of(login(manager).get(url("invite", space)))
    assert "2 people are invited" in page
    assert "Waiting for an answer" in page and "Nina Nonmember" in page


def test_invite_refusals_keep_the_choice_and_change_nothing(
    login, manager, member, space, deactivated, non_member
):
    response = login(manager).post(
        url("invite", space), {"people": [non_member.pk, deactivated.pk, member.pk]}
    )
    html = html_of(response)
    assert response.status_code == 400
    assert "Dirk Departed no longer works here." in html
    assert "Mila Member is already a member." in html
    assert f'value="{non_member.pk}" checked' in html
    assert not space.memberships.filter(state=State.INVITED).exists()


def test_invite_needs_someone(login, manager, space):
    response = login(manager).post(url("invite", space), {})
    assert response.status_code == 400
    assert "Choose at least one person to invite." in html_of(response)
    response = login(manager).post(url("invite", space), {"people": ["abc"]})
    assert response.status_code == 400


def test_invite_refuses_an_external_guest_by_id(login, manager, space, guest):
    response = login(manager).post(url("invite", space), {"people": [guest.pk]})
    assert response.status_code == 400
    assert "Gijs Guest" not in html_of(response)
    assert not space.memberships.filter(user=guest).exists()


def test_members_do_not_invite(login, member, space, non_member):
    client = login(member)
    assert client.get(url("invite", space)).status_code == 403
    assert client.get(url("invite_search", space), {"q": "nina"}).status_code == 403
    assert client.post(url("invite", space), {"people": [non_member.pk]}).status_code == 403
    assert not space.memberships.filter(user=non_member).exists()


# --- External guests


def test_guests_page_lists_guests_with_their_access(login, manager, space, space_guest):
    html = html_of(login(manager).get(url("guests", space)))
    assert "Gijs Guest" in html and "Access until" in html
    assert f'action="{url("guest_access", space, space_guest.user_id)}"' in html
    default = timezone.localdate() + timedelta(days=90)
    assert f'value="{default.isoformat()}"' in html


def test_invite_an_external_guest(
    login, manager, space, mailoutbox, django_capture_on_commit_callbacks
):
    until = timezone.localdate() + timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(manager).post(
            url("guests", space),
            {
                "email": "Oma.Jansen@Example.org",
                "name": "Oma Jansen",
                "expires_on": until.isoformat(),
            },
        )
    assert response.status_code == 302
    guest = User.objects.get(email="oma.jansen@example.org")
    assert guest.role == User.Role.GUEST and guest.display_name == "Oma Jansen"
    m = space.memberships.get(user=guest)
    assert m.role == Role.GUEST and timezone.localtime(m.expires_at).date() == until
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "geen-adres", "expires_on": "2999-01-01"}, "Enter a valid email address."),
        (
            {"email": "a@example.org", "expires_on": "2000-01-01"},
            "Choose an end date in the future.",
        ),
        ({"email": "a@example.org", "expires_on": "morgen"}, "Enter a valid date."),
    ],
)
def test_guest_invitation_refuses_bad_input(login, manager, space, data, error):
    response = login(manager).post(url("guests", space), data)
    assert response.status_code == 400
    assert error in html_of(response)
    assert not User.objects.filter(email="a@example.org").exists()


def test_a_colleague_is_not_invited_as_a_guest(login, manager, space, non_member):
    response = login(manager).post(
        url("guests", space), {"email": non_member.email, "expires_on": "2999-01-01"}
    )
    assert response.status_code == 400
    assert "works here: invite them as a colleague instead" in html_of(response)
    assert not space.memberships.filter(user=non_member).exists()


def test_change_a_guests_access(login, manager, space, space_guest):
    until = timezone.localdate() + timedelta(days=200)
    prefix = f"g{space_guest.user_id}"
    response = login(manager).post(
        url("guest_access", space, space_guest.user_id), {f"{prefix}-expires_on": until.isoformat()}
    )
    assert response.status_code == 302
    space_guest.refresh_from_db()
    assert timezone.localtime(space_guest.expires_at).date() == until
    bad = login(manager).post(
        url("guest_access", space, space_guest.user_id), {f"{prefix}-expires_on": "nooit"}
    )
    assert bad.status_code == 400 and "Enter a valid date." in html_of(bad)


def test_change_access_of_someone_who_is_not_a_guest(login, manager, member, space):
    response = login(manager).post(
        url("guest_access", space, member.pk),
        {f"g{member.pk}-expires_on": "2999-01-01"},
        follow=True,
    )
    assert "not a guest of this space" in html_of(response)
    assert space.memberships.get(user=member).expires_at is None


def test_guests_are_for_communities_and_their_managers(login, member, admin_user, space, school):
    assert login(member).get(url("guests", space)).status_code == 403
    structure_ensure()
    unit_space = Space.objects.get(unit=school)
    assert login(admin_user).get(url("guests", unit_space)).status_code == 403


# --- Handing over ownership


def test_hand_over_ownership(login, owner, manager, member, space, space_guest, guest):
    client = login(owner)
    html = html_of(client.get(url("transfer", space)))
    assert f'value="{member.pk}"' in html and f'value="{manager.pk}"' in html
    assert f'value="{guest.pk}"' not in html and f'value="{owner.pk}"' not in html
    response = client.post(url("transfer", space), {"new_owner": member.pk})
    assert response.status_code == 302
    assert space.memberships.get(user=member).role == Role.OWNER
    assert space.memberships.get(user=owner).role == Role.MANAGER


def test_hand_over_refusals(login, owner, member, space, space_guest, guest, non_member):
    client = login(owner)
    for data in ({}, {"new_owner": guest.pk}, {"new_owner": non_member.pk}, {"new_owner": "x"}):
        response = client.post(url("transfer", space), data)
        assert response.status_code == 400, data
    assert space.memberships.get(user=owner).role == Role.OWNER
    assert not space.memberships.filter(user=non_member).exists()


def test_only_the_owner_hands_over(login, manager, member, space):
    assert login(manager).get(url("transfer", space)).status_code == 403
    assert login(manager).post(url("transfer", space), {"new_owner": member.pk}).status_code == 403


def test_transfer_search_narrows_the_list(login, owner, manager, member, space):
    html = html_of(login(owner).get(url("transfer", space), {"q": "manon"}))
    assert f'value="{manager.pk}"' in html and f'value="{member.pk}"' not in html


# --- Settings, archive, delete


def test_settings_change_a_community(login, manager, space):
    client = login(manager)
    page = html_of(client.get(url("settings", space)))
    assert 'value="Werkgroep rekenen"' in page and "Rekenen in groep 3." in page
    response = client.post(
        url("settings", space),
        {
            "name": "Werkgroep rekenen en taal",
            "access": "open",
            "description": "Nu ook taal.",
            "guidelines": "",
            "icon": "light-bulb",
            "tags": "rekenen, taal",
            "cover": png_upload(),
        },
    )
    assert response.status_code == 302
    space.refresh_from_db()
    assert space.name == "Werkgroep rekenen en taal" and space.access == "open"
    assert space.icon == "light-bulb" and space.cover
    assert sorted(t.name for t in space.tags.all()) == ["rekenen", "taal"]
    # The cover goes again with the checkbox.
    page = html_of(client.get(url("settings", space)))
    assert 'name="cover_remove"' in page
    client.post(
        url("settings", space),
        {"name": space.name, "access": "open", "icon": "light-bulb", "cover_remove": "on"},
    )
    space.refresh_from_db()
    assert not space.cover


def test_settings_refuse_bad_input_and_show_what_is_stored(login, owner, manager, space):
    community_create(actor=owner, name="Leesclub", access="open")
    response = login(manager).post(
        url("settings", space), {"name": "Leesclub", "access": "open", "icon": "heart"}
    )
    html = html_of(response)
    assert response.status_code == 400
    assert "There is already a community with this name." in html
    # The space's header still shows the stored name.
    assert "Werkgroep rekenen</span>" in html
    space.refresh_from_db()
    assert space.name == "Werkgroep rekenen"


def test_settings_of_a_unit_space_leave_name_and_access_alone(login, admin_user, school):
    structure_ensure()
    unit_space = Space.objects.get(unit=school)
    client = login(admin_user)
    page = html_of(client.get(url("settings", unit_space)))
    assert 'name="name"' not in page and 'name="access"' not in page
    response = client.post(
        url("settings", unit_space),
        {"name": "Hack", "access": "open", "description": "Onze school.", "icon": "heart"},
    )
    assert response.status_code == 302
    unit_space.refresh_from_db()
    assert unit_space.name == school.name and unit_space.access == "request"
    assert unit_space.description == "Onze school."


def test_members_do_not_change_settings(login, member, space):
    assert login(member).get(url("settings", space)).status_code == 403
    response = login(member).post(
        url("settings", space), {"name": "Van mij", "access": "open", "icon": "heart"}
    )
    assert response.status_code == 403
    space.refresh_from_db()
    assert space.name == "Werkgroep rekenen"


def test_archive_and_unarchive(login, manager, space):
    client = login(manager)
    response = client.post(url("archive", space), {"archived": "1"}, follow=True)
    assert "is archived" in html_of(response)
    space.refresh_from_db()
    assert space.is_archived
    settings_page = html_of(client.get(url("settings", space)))
    assert "Make active again" in settings_page
    client.post(url("archive", space), {"archived": "0"})
    space.refresh_from_db()
    assert not space.is_archived
    assert login(manager).post(url("archive", space)).status_code == 302


def test_members_do_not_archive(login, member, space):
    assert login(member).post(url("archive", space)).status_code == 403
    space.refresh_from_db()
    assert not space.is_archived


def test_delete_asks_for_the_name(login, owner, space):
    client = login(owner)
    page = html_of(client.get(url("delete", space)))
    assert "restore it within 30 days" in page
    wrong = client.post(url("delete", space), {"confirm_name": "Werkgroep"})
    assert wrong.status_code == 400
    assert "Type the name of the space exactly" in html_of(wrong)
    space.refresh_from_db()
    assert not space.is_deleted
    response = client.post(url("delete", space), {"confirm_name": " werkgroep  REKENEN "})
    assert response["Location"] == reverse("spaces:directory")
    space.refresh_from_db()
    assert space.is_deleted
    follow = html_of(client.get(reverse("spaces:directory")))
    assert "is deleted" in follow and "Werkgroep rekenen</a>" not in follow


def test_only_owners_delete(login, manager, space):
    assert login(manager).get(url("delete", space)).status_code == 403
    assert (
        login(manager).post(url("delete", space), {"confirm_name": space.name}).status_code == 403
    )
    space.refresh_from_db()
    assert not space.is_deleted


def test_settings_page_links_to_what_the_manager_may_do(login, owner, manager, space):
    owner_page = html_of(login(owner).get(url("settings", space)))
    assert url("delete", space) in owner_page and url("transfer", space) in owner_page
    manager_page = html_of(login(manager).get(url("settings", space)))
    assert url("delete", space) not in manager_page
    assert url("archive", space) in manager_page


def test_guest_expiry_dates_show_in_the_local_calendar(login, manager, space, guest):
    put(
        space,
        guest,
        Role.GUEST,
        expires_at=timezone.make_aware(timezone.datetime(2999, 3, 4, 23, 59)),
    )
    html = html_of(login(manager).get(url("guests", space)))
    assert date(2999, 3, 4).isoformat() in html
