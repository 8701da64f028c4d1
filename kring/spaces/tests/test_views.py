"""The spaces pages: the directory, creating a community, a space's page and its cover, joining,
leaving, asking and answering. Members, invitations, guests and settings: test_views_manage.py."""

import io
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from kring.accounts.models import Organisation, User
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.spaces.models import Membership, Space
from kring.spaces.services.counts import member_count_refresh
from kring.spaces.services.membership import request_decide, space_request
from kring.spaces.services.spaces import community_create, space_delete
from kring.spaces.services.structure import structure_ensure

pytestmark = pytest.mark.django_db

Role = Membership.Role
State = Membership.State
DIRECTORY = reverse("spaces:directory")


# --- Small helpers (the shared factories live elsewhere; these keep the tests self-contained)


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


def community(owner, name, access="open", **fields):
    return community_create(actor=owner, name=name, access=access, **fields)


def put(space, user, role=Role.MEMBER, state=State.ACTIVE, **fields):
    """A membership as the services would leave it, with the member count kept right."""
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


def png_bytes(size=(40, 20), colour=(200, 30, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def owner(school):
    return UserFactory(display_name="Olga Owner", primary_unit=school)


@pytest.fixture
def open_space(owner):
    return community(owner, "Leesclub", "open", description="Boeken voor groep 5 tot 8.")


@pytest.fixture
def request_space(owner):
    return community(owner, "Ambassadeurs", "request", description="Wie helpt collega's op weg.")


@pytest.fixture
def secret_space(owner):
    return community(owner, "Directieoverleg", "secret", description="Vertrouwelijk overleg.")


# --- Who may come in


ROUTES_GET = ["detail", "members", "request", "invite", "guests", "transfer", "settings", "delete"]


@pytest.mark.parametrize("name", ["directory", "create"])
def test_anonymous_people_are_asked_to_log_in(client, name):
    response = client.get(reverse(f"spaces:{name}"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name", [*ROUTES_GET, "cover", "invite_search"])
def test_anonymous_people_are_asked_to_log_in_on_a_space(client, open_space, name):
    response = client.get(url(name, open_space))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name", ["join", "leave", "request", "archive"])
def test_anonymous_posts_change_nothing(client, open_space, name):
    response = client.post(url(name, open_space))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert open_space.memberships.count() == 1


@pytest.mark.parametrize("name", [*ROUTES_GET, "cover", "invite_search"])
def test_a_secret_space_is_a_404_like_one_that_does_not_exist(login, member, secret_space, name):
    client = login(member)
    hidden = client.get(url(name, secret_space))
    missing = client.get(reverse(f"spaces:{name}", args=["bestaat-niet"]))
    assert hidden.status_code == missing.status_code == 404
    assert "Directieoverleg" not in html_of(hidden)


@pytest.mark.parametrize("name", ["join", "leave", "request", "archive", "settings", "delete"])
def test_posting_to_a_secret_space_is_a_404_and_changes_nothing(login, member, secret_space, name):
    response = login(member).post(url(name, secret_space), {"confirm_name": "Directieoverleg"})
    assert response.status_code == 404
    secret_space.refresh_from_db()
    assert not secret_space.is_deleted and not secret_space.is_archived
    assert not secret_space.memberships.filter(user=member).exists()


def test_a_deleted_space_is_a_404(login, owner, open_space):
    space_delete(actor=owner, space=open_space, confirm_name="Leesclub")
    assert login(owner).get(url("detail", open_space)).status_code == 404


# --- The directory


def test_directory_lists_what_a_member_may_see_with_the_right_buttons(
    login, member, open_space, request_space, secret_space
):
    html = html_of(login(member).get(DIRECTORY))
    assert "Leesclub" in html and "Ambassadeurs" in html
    assert "Directieoverleg" not in html
    # Open: join at once. On request: the form that asks.
    assert f'action="{url("join", open_space)}"' in html
    assert url("request", request_space) in html
    assert f'action="{url("join", request_space)}"' not in html
    assert "Boeken voor groep 5 tot 8." in html
    assert "1 member" in html


def test_directory_shows_a_secret_space_to_its_members(login, member, secret_space):
    put(secret_space, member)
    html = html_of(login(member).get(DIRECTORY))
    assert "Directieoverleg" in html
    assert "Secret" in html


def test_directory_shows_requested_invited_and_member_states(
    login, member, owner, open_space, request_space, secret_space
):
    put(open_space, member)
    space_request(actor=member, space=request_space)
    put(secret_space, member, state=State.INVITED, role=Role.MEMBER)
    html = html_of(login(member).get(DIRECTORY))
    # A member may leave; a requester may withdraw; the invited accept or decline.
    assert f'action="{url("leave", open_space)}"' in html
    assert "Withdraw request" in html and f'action="{url("leave", request_space)}"' in html
    assert "Accept invitation" in html and f'action="{url("join", secret_space)}"' in html
    assert "Decline" in html


def test_directory_filters(login, member, owner, open_space, request_space, school):
    put(open_space, member)
    community(owner, "Schaakclub", "open", tags=["spel", "denken"])
    client = login(member)

    def names(**params):
        html = html_of(client.get(DIRECTORY, params))
        return set(
            re.findall(r'class="space-card__name" id="space-a\d+"><a href="[^"]+">([^<]+)<', html)
        )

    assert names(q="lees") == {"Leesclub"}
    assert names(q="helpt") == {"Ambassadeurs"}
    assert names(access="request") == {"Ambassadeurs"}
    assert names(tag="spel") == {"Schaakclub"}
    assert names(mine="1") == {"Leesclub"}
    assert names(kind="news") == set()
    # The unit filter: spaces with people of that unit (the owner works at the school).
    assert "Leesclub" in names(unit=school.pk)


def test_directory_with_structure_spaces(login, member, school):
    structure_ensure()
    html = html_of(login(member).get(DIRECTORY, {"kind": "unit"}))
    assert "De Regenboog" in html
    # Someone sits in their school's space because of where they work: no leave button.
    space = Space.objects.get(unit=school)
    assert f'action="{url("leave", space)}"' not in html


def test_directory_bad_filter_values_are_ignored_not_a_500(login, member, open_space):
    response = login(member).get(
        DIRECTORY, {"access": "everything", "unit": "abc", "page": "999", "kind": "<b>"}
    )
    assert response.status_code == 200
    html = html_of(response)
    assert "Leesclub" in html
    # The folded filters open to show what was wrong.
    assert '<details class="filters-panel" open>' in html
    plain = html_of(login(member).get(DIRECTORY))
    assert '<details class="filters-panel">' in plain


def test_directory_front_shows_my_spaces_and_suggestions(
    login, member, other_member, owner, open_space, request_space
):
    chess = community(owner, "Schaakclub", "open")
    put(chess, other_member)  # a colleague from the same school is in it
    put(open_space, member)
    html = html_of(login(member).get(DIRECTORY))
    assert "My spaces" in html and "Suggested for you" in html
    suggested = html.split("Suggested for you", 1)[1].split("all-spaces-heading", 1)[0]
    assert "Schaakclub" in suggested
    assert "Leesclub" not in suggested  # already a member
    # While searching, the front blocks step aside.
    searching = html_of(login(member).get(DIRECTORY, {"q": "schaak"}))
    assert "Suggested for you" not in searching and "My spaces" not in searching


def test_directory_htmx_returns_the_results_fragment(login, member, open_space):
    response = login(member).get(DIRECTORY, {"q": "lees"}, headers={"HX-Request": "true"})
    html = html_of(response)
    assert response.status_code == 200
    assert "<html" not in html and 'id="results"' in html
    assert "Leesclub" in html


def only_admins_create_communities():
    organisation = Organisation.current()
    organisation.community_creators = Organisation.CommunityCreators.ADMINS
    organisation.save()
    cache.clear()


def test_directory_create_button_follows_the_organisation_rule(login, member, admin_user):
    assert "Create a community" in html_of(login(member).get(DIRECTORY))
    only_admins_create_communities()
    assert "Create a community" not in html_of(login(member).get(DIRECTORY))


def test_directory_empty_state_says_what_to_do(login, member):
    html = html_of(login(member).get(DIRECTORY))
    assert "There are no spaces yet" in html
    assert "Create the first community" in html
    html = html_of(login(member).get(DIRECTORY, {"q": "niets"}))
    assert "No spaces match your search" in html


@pytest.fixture
def care_home(owner, guest):
    space = community(owner, "Familie De Linde", "secret")
    put(space, guest, Role.GUEST, expires_at=clock.now() + timedelta(days=30))
    return space


def test_external_guest_sees_only_their_own_space(
    login, guest, care_home, open_space, request_space, school
):
    html = html_of(login(guest).get(DIRECTORY))
    assert "Familie De Linde" in html
    assert "Leesclub" not in html and "Ambassadeurs" not in html
    assert "Create a community" not in html
    assert "Suggested for you" not in html
    assert 'name="unit"' not in html and school.name not in html
    assert login(guest).get(url("detail", open_space)).status_code == 404
    assert login(guest).get(reverse("spaces:create")).status_code == 403


def test_external_guest_whose_access_ended_sees_nothing(login, guest, care_home):
    Membership.objects.filter(user=guest).update(expires_at=clock.now() - timedelta(days=1))
    html = html_of(login(guest).get(DIRECTORY))
    assert "Familie De Linde" not in html
    assert "You are not in a space at the moment" in html
    assert login(guest).get(url("detail", care_home)).status_code == 404


def _directory_queries(client):
    cache.clear()  # the cold page: suggestions ranked afresh, every card body rendered
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(DIRECTORY)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _many_spaces(owner, member, n, start):
    for i in range(start, start + n):
        access = ("open", "request", "secret")[i % 3]
        space = community(owner, f"Werkgroep {i}", access, tags=[f"tag{i}", "samen"])
        if i % 2:
            put(space, member)
        elif i % 5 == 0:
            put(space, member, state=State.INVITED)
        else:
            put(space, UserFactory(primary_unit=member.primary_unit))


def test_directory_runs_a_constant_number_of_queries(login, member, owner):
    client = login(member)
    _many_spaces(owner, member, 6, 0)
    few = _directory_queries(client)
    _many_spaces(owner, member, 12, 6)
    many = _directory_queries(client)
    assert few == many, f"{few} queries with 6 spaces, {many} with 18"


# --- Creating a community


def test_create_page_explains_each_kind_of_access(login, member):
    html = html_of(login(member).get(reverse("spaces:create")))
    assert "Everyone can find it, read along and join straight away." in html
    assert "Invisible to everyone but its members" in html
    assert 'type="radio" name="icon"' in html


def test_create_a_community_makes_the_creator_its_owner(login, member):
    cover = SimpleUploadedFile("cover.png", png_bytes(), content_type="image/png")
    response = login(member).post(
        reverse("spaces:create"),
        {
            "name": "  Groep 2  leerkrachten ",
            "access": "request",
            "description": "Voor alle leerkrachten van groep 2.",
            "guidelines": "Wees aardig.",
            "icon": "book-open",
            "tags": "kleuters, groep 2, , spel",
            "cover": cover,
        },
    )
    space = Space.objects.get(name="Groep 2 leerkrachten")
    assert response.status_code == 302
    assert response["Location"] == url("detail", space)
    assert space.access == "request" and space.icon == "book-open"
    assert sorted(t.name for t in space.tags.all()) == ["groep 2", "kleuters", "spel"]
    assert space.cover.name.endswith(".png")
    assert space.memberships.get(user=member).role == Role.OWNER
    follow = login(member).get(response["Location"])
    assert "is ready" in html_of(follow)


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"name": "", "access": "open", "icon": "heart"}, "This field is required."),
        ({"name": "Leesclub", "access": "open", "icon": "heart"}, "already a community"),
        ({"name": "X", "access": "everyone", "icon": "heart"}, "Select a valid choice"),
        (
            {"name": "X", "access": "open", "icon": "heart", "tags": "a,b,c,d,e,f,g,h,i"},
            "at most 8",
        ),
    ],
)
def test_create_refuses_bad_input_with_the_form(login, member, open_space, data, field_error):
    before = Space.objects.count()
    response = login(member).post(reverse("spaces:create"), data)
    assert response.status_code == 400
    assert field_error in html_of(response)
    assert Space.objects.count() == before


def test_create_refuses_a_file_that_is_not_an_image(login, member):
    fake = SimpleUploadedFile("cover.png", b"<script>alert(1)</script>", content_type="image/png")
    response = login(member).post(
        reverse("spaces:create"),
        {"name": "Fotoclub", "access": "open", "icon": "heart", "cover": fake},
    )
    assert response.status_code == 400
    assert "not an image we can use" in html_of(response)
    assert not Space.objects.filter(name="Fotoclub").exists()


def test_create_is_a_403_when_the_organisation_restricts_it(login, member):
    only_admins_create_communities()
    assert login(member).get(reverse("spaces:create")).status_code == 403
    response = login(member).post(
        reverse("spaces:create"), {"name": "Stiekem", "access": "open", "icon": "heart"}
    )
    assert response.status_code == 403
    assert not Space.objects.filter(name="Stiekem").exists()


# --- A space's own page


def test_a_community_named_like_a_page_still_has_its_own_page(login, member):
    space = community(member, "Nieuw", "open")
    response = login(member).get(url("detail", space))
    assert response.status_code == 200
    assert "<h1>Nieuw</h1>" in html_of(response)


def test_space_page_for_a_member(login, member, owner, open_space):
    put(open_space, member)
    open_space.guidelines = "Spoilers in een draadje."
    open_space.save()
    html = html_of(login(member).get(url("detail", open_space)))
    assert "<h1>Leesclub</h1>" in html
    assert "Boeken voor groep 5 tot 8." in html and "Spoilers in een draadje." in html
    assert "2 members" in html and 'class="badge badge--success"' in html
    assert "Olga Owner" in html  # managed by
    assert url("members", open_space) in html
    assert f'action="{url("leave", open_space)}"' in html
    # Not a manager: no settings, no invitations.
    assert url("settings", open_space) not in html and url("invite", open_space) not in html


def test_space_page_of_an_on_request_space_for_an_outsider(
    login, member, other_member, request_space
):
    put(request_space, other_member)
    html = html_of(login(member).get(url("detail", request_space)))
    assert "Wie helpt collega&#x27;s op weg." in html
    assert "Ask to join" in html and url("request", request_space) in html
    # Who is in it is for members only.
    assert "Otto Other" not in html and "Olga Owner" not in html
    assert "Members only" in html
    assert login(member).get(url("members", request_space)).status_code == 403


def test_space_page_shows_an_invitation_banner(login, member, owner, secret_space):
    put(secret_space, member, state=State.INVITED, invited_by=owner)
    html = html_of(login(member).get(url("detail", secret_space)))
    assert "You are invited" in html and "Olga Owner invited you" in html
    assert f'action="{url("join", secret_space)}"' in html
    assert f'action="{url("leave", secret_space)}"' in html


def test_space_page_shows_the_managers_answer_to_a_declined_request(
    login, member, owner, request_space
):
    space_request(actor=member, space=request_space, message="Mag ik erbij?")
    request_decide(
        actor=owner,
        space=request_space,
        requester=member,
        accept=False,
        message="Deze groep is voor ambassadeurs.",
    )
    html = html_of(login(member).get(url("detail", request_space)))
    assert "Your request was declined" in html
    assert "Deze groep is voor ambassadeurs." in html
    assert "Ask again" in html


def test_space_page_shows_a_waiting_request(login, member, request_space):
    space_request(actor=member, space=request_space)
    html = html_of(login(member).get(url("detail", request_space)))
    assert "Your request is waiting" in html and "Withdraw request" in html


def test_managers_see_the_requests_with_their_messages(login, member, owner, request_space):
    space_request(actor=member, space=request_space, message="Ik wil graag meedoen.")
    html = html_of(login(owner).get(url("detail", request_space)))
    assert "1 request to join" in html
    assert "Mila Member" in html and "Ik wil graag meedoen." in html
    assert f'action="{url("decide", request_space, member.pk)}"' in html
    assert url("settings", request_space) in html and url("invite", request_space) in html


def test_space_page_of_an_archived_space(login, owner, member, open_space):
    open_space.archived_at = clock.now()
    open_space.save()
    html = html_of(login(member).get(url("detail", open_space)))
    assert "This space is archived" in html
    assert f'action="{url("join", open_space)}"' not in html


def test_space_page_records_a_page_view_of_the_space(
    login, member, open_space, django_capture_on_commit_callbacks
):
    from kring.accounts.models import ActivityEvent

    with django_capture_on_commit_callbacks(execute=True):
        login(member).get(url("detail", open_space))
    event = ActivityEvent.objects.filter(actor=member, verb="page_view").latest("pk")
    assert event.space_id == open_space.pk


def _page_queries(client, address):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add_people(space, school, n, *, requests=0):
    for _ in range(n):
        put(space, UserFactory(primary_unit=school))
    for _ in range(requests):
        put(space, UserFactory(primary_unit=school), state=State.REQUESTED)


@pytest.mark.parametrize("name", ["detail", "members"])
def test_space_pages_run_a_constant_number_of_queries(login, owner, request_space, school, name):
    client = login(owner)
    _add_people(request_space, school, 3, requests=2)
    few = _page_queries(client, url(name, request_space))
    _add_people(request_space, school, 9, requests=6)
    many = _page_queries(client, url(name, request_space))
    assert few == many, f"{name}: {few} queries with 3 members, {many} with 9"


# --- The cover image


def test_cover_is_served_with_safe_headers(login, member, owner):
    space = community(
        owner,
        "Fotoclub",
        "open",
        cover=SimpleUploadedFile("c.png", png_bytes(), content_type="image/png"),
    )
    response = login(member).get(url("cover", space))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert "private" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\x89PNG")
    # The page shows it through this view, not through a public media URL.
    html = html_of(login(member).get(url("detail", space)))
    assert url("cover", space) in html and "/media/" not in html


def test_cover_of_a_secret_space_is_a_404_for_outsiders(login, member, owner):
    space = community(
        owner,
        "Geheime fotoclub",
        "secret",
        cover=SimpleUploadedFile("c.png", png_bytes(), content_type="image/png"),
    )
    assert login(member).get(url("cover", space)).status_code == 404
    assert login(owner).get(url("cover", space)).status_code == 200


def test_cover_is_a_404_when_there_is_none(login, member, open_space):
    assert login(member).get(url("cover", open_space)).status_code == 404


# --- Join, leave, ask, answer


def test_join_an_open_community(login, member, open_space):
    response = login(member).post(url("join", open_space))
    assert response.status_code == 302 and response["Location"] == url("detail", open_space)
    assert open_space.memberships.get(user=member).state == State.ACTIVE
    follow = login(member).get(response["Location"])
    assert "You joined “Leesclub”" in html_of(follow)


def test_join_twice_is_harmless(login, member, open_space):
    client = login(member)
    client.post(url("join", open_space))
    response = client.post(url("join", open_space), follow=True)
    assert "You are already a member" in html_of(response)
    assert open_space.memberships.filter(user=member).count() == 1
    open_space.refresh_from_db()
    assert open_space.member_count == 2


def test_join_goes_back_to_a_safe_next_only(login, member, open_space, owner):
    other = community(owner, "Tuinclub", "open")
    response = login(member).post(url("join", open_space), {"next": "/ruimtes/?q=lees"})
    assert response["Location"] == "/ruimtes/?q=lees"
    response = login(member).post(url("join", other), {"next": "https://evil.example/"})
    assert response["Location"] == url("detail", other)
    response = login(member).post(url("leave", other), {"next": "//evil.example/"})
    assert response["Location"] == url("detail", other)


def test_join_a_space_on_request_is_refused_with_a_message(login, member, request_space):
    response = login(member).post(url("join", request_space), follow=True)
    assert "ask to join instead" in html_of(response)
    assert not request_space.memberships.filter(user=member).exists()


def test_join_by_htmx_returns_the_cards_buttons(login, member, open_space):
    response = login(member).post(
        url("join", open_space), {"next": DIRECTORY}, headers={"HX-Request": "true"}
    )
    html = html_of(response)
    assert response.status_code == 200 and "<html" not in html
    assert "You joined “Leesclub”" in html
    assert f'hx-post="{url("leave", open_space)}"' in html
    # Twice: the message says why, the buttons stay right.
    again = html_of(login(member).post(url("join", open_space), headers={"HX-Request": "true"}))
    assert "already a member" in again and f'action="{url("leave", open_space)}"' in again


def test_accept_an_invitation_to_a_secret_space(login, member, owner, secret_space):
    put(secret_space, member, state=State.INVITED, invited_by=owner)
    response = login(member).post(url("join", secret_space), follow=True)
    assert "You accepted the invitation" in html_of(response)
    assert secret_space.memberships.get(user=member).state == State.ACTIVE


def test_decline_an_invitation_to_a_secret_space_goes_to_the_directory(
    login, member, owner, secret_space
):
    put(secret_space, member, state=State.INVITED, invited_by=owner)
    response = login(member).post(url("leave", secret_space))
    assert response["Location"] == DIRECTORY
    assert not secret_space.memberships.filter(user=member).exists()


def test_leave_a_community(login, member, open_space):
    put(open_space, member)
    response = login(member).post(url("leave", open_space), follow=True)
    assert "You left “Leesclub”" in html_of(response)
    assert not open_space.memberships.filter(user=member).exists()


def test_the_last_owner_cannot_leave(login, owner, open_space):
    response = login(owner).post(url("leave", open_space), follow=True)
    assert "You are the last owner" in html_of(response)
    assert open_space.memberships.get(user=owner).role == Role.OWNER


def test_leave_twice_is_harmless(login, member, open_space):
    response = login(member).post(url("leave", open_space), follow=True)
    assert "You are not a member of this space." in html_of(response)


def test_only_post_changes_membership(login, member, open_space):
    for name in ("join", "leave", "archive", "decide"):
        args = [member.pk] if name == "decide" else []
        assert login(member).get(url(name, open_space, *args)).status_code == 405
    assert not open_space.memberships.filter(user=member).exists()


def test_ask_to_join_with_a_message(login, member, request_space):
    client = login(member)
    form = client.get(url("request", request_space))
    assert form.status_code == 200
    assert 'name="message"' in html_of(form)
    response = client.post(url("request", request_space), {"message": "Ik help graag mee."})
    assert response.status_code == 302
    m = request_space.memberships.get(user=member)
    assert m.state == State.REQUESTED and m.message == "Ik help graag mee."
    # Twice: harmless, with the reason.
    again = client.post(url("request", request_space), {"message": "Nog een keer"}, follow=True)
    assert "You have already asked to join" in html_of(again)
    m.refresh_from_db()
    assert m.message == "Ik help graag mee."


def test_ask_to_join_an_open_space_points_to_the_space(login, member, open_space):
    response = login(member).get(url("request", open_space))
    assert response["Location"] == url("detail", open_space)
    response = login(member).post(url("request", open_space), follow=True)
    assert "you can join it straight away" in html_of(response)


def test_ask_to_join_with_a_message_that_is_too_long(login, member, request_space):
    response = login(member).post(url("request", request_space), {"message": "x" * 1001})
    assert response.status_code == 400
    assert not request_space.memberships.filter(user=member).exists()


def test_withdraw_a_request(login, member, request_space):
    space_request(actor=member, space=request_space)
    response = login(member).post(url("leave", request_space), follow=True)
    assert "You withdrew your request" in html_of(response)
    assert not request_space.memberships.filter(user=member).exists()


def test_a_manager_accepts_a_request(login, member, owner, request_space):
    space_request(actor=member, space=request_space)
    response = login(owner).post(
        url("decide", request_space, member.pk), {f"r{member.pk}-decision": "accept"}, follow=True
    )
    assert "Mila Member is now a member" in html_of(response)
    assert request_space.memberships.get(user=member).state == State.ACTIVE


def test_a_manager_declines_a_request_with_a_message(login, member, owner, request_space):
    space_request(actor=member, space=request_space)
    client = login(owner)
    response = client.post(
        url("decide", request_space, member.pk),
        {f"r{member.pk}-decision": "decline", f"r{member.pk}-message": "Volgend jaar weer."},
    )
    assert response.status_code == 302
    m = request_space.memberships.get(user=member)
    assert m.state == State.DECLINED and m.decision_message == "Volgend jaar weer."
    # A second click finds the request answered and changes nothing.
    again = client.post(
        url("decide", request_space, member.pk), {f"r{member.pk}-decision": "accept"}, follow=True
    )
    assert "already been answered" in html_of(again)
    m.refresh_from_db()
    assert m.state == State.DECLINED


def test_decide_without_a_decision_changes_nothing(login, member, owner, request_space):
    space_request(actor=member, space=request_space)
    response = login(owner).post(url("decide", request_space, member.pk), {}, follow=True)
    assert "Choose whether to accept or decline" in html_of(response)
    assert request_space.memberships.get(user=member).state == State.REQUESTED


def test_only_managers_decide(login, member, other_member, request_space):
    put(request_space, other_member)
    space_request(actor=member, space=request_space)
    response = login(other_member).post(
        url("decide", request_space, member.pk), {f"r{member.pk}-decision": "accept"}
    )
    assert response.status_code == 403
    assert request_space.memberships.get(user=member).state == State.REQUESTED


def test_a_deactivated_account_cannot_use_the_pages(client, deactivated, open_space):
    client.force_login(deactivated)
    response = client.get(url("detail", open_space))
    assert response.status_code in (302, 404)
    assert User.objects.get(pk=deactivated.pk).space_memberships.count() == 0
