"""The permission matrix: who may do what in which kind of space (issue 8, ARCHITECTURE.md §5).

The tables are the product rules written down, not a print-out of the code:

- Outside the organisation (anonymous), switched off (deactivated, even with an old membership
  row) or outside a guest's own space, a space does not exist: 404 for every action.
- A secret space does not exist for anyone who is neither in it nor invited to it — also not for
  communications editors, community managers or administrators (they govern it through the
  admin console, not through its pages): 404.
- The news space: everyone reads and comments; only communications editors and admins post.
- Unit spaces follow the organisation: nobody joins, colleagues from elsewhere may ask; the unit's
  manager manages it. News and unit spaces are never archived or deleted by hand.
- Open communities: any colleague reads, joins, and comments (like the news); posting needs
  membership. On-request communities: outsiders see the space (name, description) and may ask to
  join; its content and member list are for members.
- Roles in a space: moderator moderates; manager also invites, manages members, edits and
  archives; only the owner deletes (and hands over).
- Community managers moderate the spaces whose content they may read (news, open communities);
  administrators do that too, and govern: they edit, archive and delete communities they can see,
  and are the managers of last resort of the news and unit spaces (invite, manage members — so
  they list the members there — and edit), without reading a unit's stream.
- External guests take part in their own space (read, post, comment) and nothing else.
- Archived spaces stay readable and take no new posts, comments or members. Deleted spaces are
  gone for everyone, owners included (admins restore them through the console).

"ok" means allowed; 403 means the actor may know the space exists but may not do this; 404 means
the actor may not know the space exists. join/request have no check_* of their own: their can_*
answer is mapped (allowed → ok, refused but visible → 403, invisible → 404).
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.spaces import permissions
from kring.spaces.models import Membership, Space
from kring.spaces.services.membership import member_remove
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db

ACTIONS = (
    "see", "list", "read", "join", "request", "post", "comment", "invite", "moderate", "edit",
    "archive", "delete",
)  # fmt: skip

# Every actor by every action, per kind of space. Actors:
#   guest_elsewhere   an external guest of another community
#   guest_here        an external guest of this space (planted in news/unit: see `staffed`)
#   non_member        a colleague from another school, in none of these spaces
#   invited           a colleague invited into the space who has not answered yet
#   comms_editor, community_manager, admin: those organisation roles, not members of the space
#   deactivated       a former member: their membership row is still there
MATRIX = """
kind news            see  list read join req  post comm inv  mod  edit arch del
anonymous            404  404  404  404  404  404  404  404  404  404  404  404
deactivated          404  404  404  404  404  404  404  404  404  404  404  404
guest_elsewhere      404  404  404  404  404  404  404  404  404  404  404  404
guest_here           ok   ok   ok   403  403  403  ok   403  403  403  403  403
non_member           ok   ok   ok   403  403  403  ok   403  403  403  403  403
invited              ok   ok   ok   ok   403  403  ok   403  403  403  403  403
member               ok   ok   ok   403  403  403  ok   403  403  403  403  403
moderator            ok   ok   ok   403  403  403  ok   403  ok   403  403  403
manager              ok   ok   ok   403  403  403  ok   ok   ok   ok   403  403
owner                ok   ok   ok   403  403  403  ok   ok   ok   ok   403  403
comms_editor         ok   ok   ok   403  403  ok   ok   403  ok   403  403  403
community_manager    ok   ok   ok   403  403  403  ok   403  ok   403  403  403
admin                ok   ok   ok   403  403  ok   ok   ok   ok   ok   403  403

kind unit            see  list read join req  post comm inv  mod  edit arch del
anonymous            404  404  404  404  404  404  404  404  404  404  404  404
deactivated          404  404  404  404  404  404  404  404  404  404  404  404
guest_elsewhere      404  404  404  404  404  404  404  404  404  404  404  404
guest_here           ok   ok   ok   403  403  ok   ok   403  403  403  403  403
non_member           ok   403  403  403  ok   403  403  403  403  403  403  403
invited              ok   403  403  ok   403  403  403  403  403  403  403  403
member               ok   ok   ok   403  403  ok   ok   403  403  403  403  403
moderator            ok   ok   ok   403  403  ok   ok   403  ok   403  403  403
manager              ok   ok   ok   403  403  ok   ok   ok   ok   ok   403  403
owner                ok   ok   ok   403  403  ok   ok   ok   ok   ok   403  403
comms_editor         ok   403  403  403  ok   403  403  403  403  403  403  403
community_manager    ok   403  403  403  ok   403  403  403  403  403  403  403
admin                ok   ok   403  403  ok   403  403  ok   403  ok   403  403

kind open            see  list read join req  post comm inv  mod  edit arch del
anonymous            404  404  404  404  404  404  404  404  404  404  404  404
deactivated          404  404  404  404  404  404  404  404  404  404  404  404
guest_elsewhere      404  404  404  404  404  404  404  404  404  404  404  404
guest_here           ok   ok   ok   403  403  ok   ok   403  403  403  403  403
non_member           ok   ok   ok   ok   403  403  ok   403  403  403  403  403
invited              ok   ok   ok   ok   403  403  ok   403  403  403  403  403
member               ok   ok   ok   403  403  ok   ok   403  403  403  403  403
moderator            ok   ok   ok   403  403  ok   ok   403  ok   403  403  403
manager              ok   ok   ok   403  403  ok   ok   ok   ok   ok   ok   403
owner                ok   ok   ok   403  403  ok   ok   ok   ok   ok   ok   ok
comms_editor         ok   ok   ok   ok   403  403  ok   403  403  403  403  403
community_manager    ok   ok   ok   ok   403  403  ok   403  ok   403  403  403
admin                ok   ok   ok   ok   403  403  ok   403  ok   ok   ok   ok

kind request         see  list read join req  post comm inv  mod  edit arch del
anonymous            404  404  404  404  404  404  404  404  404  404  404  404
deactivated          404  404  404  404  404  404  404  404  404  404  404  404
guest_elsewhere      404  404  404  404  404  404  404  404  404  404  404  404
guest_here           ok   ok   ok   403  403  ok   ok   403  403  403  403  403
non_member           ok   403  403  403  ok   403  403  403  403  403  403  403
invited              ok   403  403  ok   403  403  403  403  403  403  403  403
member               ok   ok   ok   403  403  ok   ok   403  403  403  403  403
moderator            ok   ok   ok   403  403  ok   ok   403  ok   403  403  403
manager              ok   ok   ok   403  403  ok   ok   ok   ok   ok   ok   403
owner                ok   ok   ok   403  403  ok   ok   ok   ok   ok   ok   ok
comms_editor         ok   403  403  403  ok   403  403  403  403  403  403  403
community_manager    ok   403  403  403  ok   403  403  403  403  403  403  403
admin                ok   403  403  403  ok   403  403  403  403  ok   ok   ok

kind secret          see  list read join req  post comm inv  mod  edit arch del
anonymous            404  404  404  404  404  404  404  404  404  404  404  404
deactivated          404  404  404  404  404  404  404  404  404  404  404  404
guest_elsewhere      404  404  404  404  404  404  404  404  404  404  404  404
guest_here           ok   ok   ok   403  403  ok   ok   403  403  403  403  403
non_member           404  404  404  404  404  404  404  404  404  404  404  404
invited              ok   403  403  ok   403  403  403  403  403  403  403  403
member               ok   ok   ok   403  403  ok   ok   403  403  403  403  403
moderator            ok   ok   ok   403  403  ok   ok   403  ok   403  403  403
manager              ok   ok   ok   403  403  ok   ok   ok   ok   ok   ok   403
owner                ok   ok   ok   403  403  ok   ok   ok   ok   ok   ok   ok
comms_editor         404  404  404  404  404  404  404  404  404  404  404  404
community_manager    404  404  404  404  404  404  404  404  404  404  404  404
admin                404  404  404  404  404  404  404  404  404  404  404  404
"""

# Archived communities: still readable, no new posts, comments, members or invitations.
# Moderation and settings stay possible (hiding something harmful; un-archiving).
ARCHIVED = """
kind open            see  list read join req  post comm inv  mod  edit arch del
non_member           ok   ok   ok   403  403  403  403  403  403  403  403  403
member               ok   ok   ok   403  403  403  403  403  403  403  403  403
guest_here           ok   ok   ok   403  403  403  403  403  403  403  403  403
manager              ok   ok   ok   403  403  403  403  403  ok   ok   ok   403
owner                ok   ok   ok   403  403  403  403  403  ok   ok   ok   ok

kind request         see  list read join req  post comm inv  mod  edit arch del
non_member           ok   403  403  403  403  403  403  403  403  403  403  403
member               ok   ok   ok   403  403  403  403  403  403  403  403  403
owner                ok   ok   ok   403  403  403  403  403  ok   ok   ok   ok

kind secret          see  list read join req  post comm inv  mod  edit arch del
non_member           404  404  404  404  404  404  404  404  404  404  404  404
invited              ok   403  403  403  403  403  403  403  403  403  403  403
member               ok   ok   ok   403  403  403  403  403  403  403  403  403
owner                ok   ok   ok   403  403  403  403  403  ok   ok   ok   ok
"""

CHECKS = {
    "see": permissions.check_see,
    "list": permissions.check_list_members,
    "read": permissions.check_read,
    "post": permissions.check_post,
    "comment": permissions.check_comment,
    "invite": permissions.check_invite,
    "moderate": permissions.check_moderate,
    "edit": permissions.check_edit,
    "archive": permissions.check_archive,
    "delete": permissions.check_delete,
}
ASKS = {"join": permissions.can_join, "request": permissions.can_request}


def parse(table: str) -> dict[str, dict[str, dict[str, str]]]:
    """{kind: {actor: {action: expected}}} from the text tables above."""
    result: dict[str, dict[str, dict[str, str]]] = {}
    kind = ""
    for line in table.strip().splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == "kind":
            kind = words[1]
            assert len(words) == 2 + len(ACTIONS), f"header of {kind} must name every action"
            result[kind] = {}
            continue
        actor, answers = words[0], words[1:]
        assert len(answers) == len(ACTIONS), f"{kind}/{actor}: one answer per action"
        assert set(answers) <= {"ok", "403", "404"}, f"{kind}/{actor}: ok, 403 or 404 only"
        result[kind][actor] = dict(zip(ACTIONS, answers, strict=True))
    return result


def answer(action: str, actor: object, space: Space) -> str:
    """What the permission module says, as a table cell."""
    if action in ASKS:
        if not permissions.can_see(actor, space):
            return "404"
        return "ok" if ASKS[action](actor, space) else "403"
    try:
        CHECKS[action](actor, space)
    except Http404:
        return "404"
    except PermissionDenied:
        return "403"
    return "ok"


@pytest.fixture
def actors(
    anonymous, deactivated, guest_elsewhere, guest, non_member, member, space_moderator,
    space_manager, space_owner, comms_editor, community_manager, admin_user,
):  # fmt: skip
    return {
        "anonymous": anonymous,
        "deactivated": deactivated,
        "guest_elsewhere": guest_elsewhere,
        "guest_here": guest,
        "non_member": non_member,
        "invited": UserFactory(display_name="Ivo Invited"),
        "member": member,
        "moderator": space_moderator,
        "manager": space_manager,
        "owner": space_owner,
        "comms_editor": comms_editor,
        "community_manager": community_manager,
        "admin": admin_user,
    }


def space_for(staffed, actors, kind: str, **fields) -> Space:
    space = staffed(kind, **fields)
    # A former member: deactivation alone must take every right away.
    sf.add_member(space, actors["deactivated"])
    sf.add_member(space, actors["invited"], state=Membership.State.INVITED)
    return Space.objects.get(pk=space.pk)


def mismatches(expected: dict[str, dict[str, str]], actors, space: Space, label: str) -> list[str]:
    wrong = []
    for name, row in expected.items():
        for action, want in row.items():
            # A fresh object per question: no answer remembered from an earlier one.
            got = answer(action, actors[name], Space.objects.get(pk=space.pk))
            if got != want:
                wrong.append(f"{label:>16} | {name:<18} {action:<9} expected {want:<3}, got {got}")
    return wrong


def test_tables_are_complete():
    matrix = parse(MATRIX)
    assert list(matrix) == ["news", "unit", "open", "request", "secret"]
    every_actor = set(matrix["news"])
    assert len(every_actor) == 13
    for kind, rows in matrix.items():
        assert set(rows) == every_actor, kind
    assert set(parse(ARCHIVED)) == {"open", "request", "secret"}


@pytest.mark.parametrize("kind", ["news", "unit", "open", "request", "secret"])
def test_permission_matrix(kind, staffed, actors):
    space = space_for(staffed, actors, kind)
    wrong = mismatches(parse(MATRIX)[kind], actors, space, kind)
    assert not wrong, "permission matrix:\n" + "\n".join(wrong)


@pytest.mark.parametrize("kind", ["open", "request", "secret"])
def test_archived_spaces_are_read_only(kind, staffed, actors):
    space = space_for(staffed, actors, kind, archived_at=clock.now())
    wrong = mismatches(parse(ARCHIVED)[kind], actors, space, f"archived {kind}")
    assert not wrong, "archived spaces:\n" + "\n".join(wrong)


@pytest.mark.parametrize("kind", ["open", "request", "secret"])
def test_deleted_spaces_are_gone_for_everyone(kind, staffed, actors):
    space = space_for(staffed, actors, kind)
    Space.objects.filter(pk=space.pk).update(deleted_at=clock.now())
    expected = {name: dict.fromkeys(ACTIONS, "404") for name in actors}
    wrong = mismatches(expected, actors, space, f"deleted {kind}")
    assert not wrong, "deleted spaces:\n" + "\n".join(wrong)
    for actor in actors.values():
        assert not Space.objects.visible_to(actor).filter(pk=space.pk).exists()
        assert not Space.objects.readable_by(actor).filter(pk=space.pk).exists()


@pytest.mark.parametrize("kind", ["open", "request", "secret"])
def test_an_expired_guest_is_outside(kind, staffed, actors, guest):
    space = space_for(staffed, actors, kind)
    Membership.objects.filter(space=space, user=guest).update(
        expires_at=clock.now() - timedelta(minutes=1)
    )
    expected = {"guest_here": dict.fromkeys(ACTIONS, "404")}
    wrong = mismatches(expected, actors, space, f"expired {kind}")
    assert not wrong, "expired guest:\n" + "\n".join(wrong)


@pytest.mark.parametrize("kind", ["news", "unit", "open", "request", "secret"])
def test_querysets_and_capabilities_agree_with_the_checks(kind, staffed, actors):
    """Lists (visible_to, readable_by) and templates (capabilities) give the same answers."""
    space = space_for(staffed, actors, kind)
    for name, actor in actors.items():
        fresh = Space.objects.get(pk=space.pk)
        visible = Space.objects.visible_to(actor).filter(pk=space.pk).exists()
        readable = Space.objects.readable_by(actor).filter(pk=space.pk).exists()
        assert visible == permissions.can_see(actor, fresh), (kind, name)
        assert readable == permissions.can_read(actor, fresh), (kind, name)
        caps = permissions.capabilities(actor, fresh)
        for action in ("see", "read", "join", "request", "post", "comment", "invite", "edit"):
            assert caps[action] == getattr(permissions, f"can_{action}")(actor, fresh), (
                kind,
                name,
                action,
            )


def test_remembered_memberships_give_the_same_answers(staffed, actors):
    """Lists preload memberships in one query; the answers must not change."""
    spaces = [space_for(staffed, actors, kind) for kind in ("open", "request", "secret")]
    for name, actor in actors.items():
        preloaded = list(Space.objects.filter(pk__in=[s.pk for s in spaces]))
        permissions.remember_memberships(actor, preloaded)
        for space in preloaded:
            fresh = Space.objects.get(pk=space.pk)
            for action in ACTIONS:
                assert answer(action, actor, space) == answer(action, actor, fresh), (
                    name,
                    space.access,
                    action,
                )


# -- membership changes count on the very next request ---------------------------------------------


@pytest.mark.parametrize(("access", "after"), [("secret", 404), ("request", 403)])
def test_a_removed_member_is_refused_on_the_next_request(
    access, after, as_user, member, space_manager
):
    space = sf.community(
        "Vertrouwelijk", access, members={"manager": [space_manager], "member": [member]}
    )
    url = reverse("spaces:members", args=[space.slug])
    client = as_user(member)
    assert client.get(url).status_code == 200

    member_remove(actor=space_manager, space=Space.objects.get(pk=space.pk), user=member)

    assert client.get(url).status_code == after
    assert client.get(url, headers={"HX-Request": "true"}).status_code == after


def test_a_removed_member_loses_access_in_the_same_process(member, space_manager):
    """No answer is kept between requests: a new request builds new objects and asks again."""
    space = sf.community(
        "Geheim", "secret", members={"manager": [space_manager], "member": [member]}
    )
    before = Space.objects.get(pk=space.pk)
    assert permissions.can_read(member, before)
    member_remove(actor=space_manager, space=Space.objects.get(pk=space.pk), user=member)
    assert not permissions.can_read(member, Space.objects.get(pk=space.pk))
    assert not Space.objects.readable_by(member).filter(pk=space.pk).exists()
    assert not Space.objects.visible_to(member).filter(pk=space.pk).exists()


def test_a_deactivated_person_loses_access_on_the_next_request(as_user, member):
    space = sf.community("Geheim", "secret", members={"member": [member]})
    client = as_user(member)
    url = reverse("spaces:members", args=[space.slug])
    assert client.get(url).status_code == 200
    User.objects.filter(pk=member.pk).update(is_active=False, status=User.Status.DEACTIVATED)
    response = client.get(url)
    # Signed out by the deactivation: sent to the login page, never shown the members.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "Geheim" not in response.content.decode()
