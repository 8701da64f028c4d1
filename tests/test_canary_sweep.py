"""Canary sweep (issue 8): what a secret or on-request space holds never reaches an outsider.

Planted:
- secret space: its name, description, guidelines and a tag; the display name of an external
  guest in it (guests appear nowhere but in their own space).
- on-request space: the display name of an external guest in it, and the messages of a pending
  request and of a declined one. Its name, description, tags and guidelines are deliberately NOT
  canaries: an on-request space shows them to every colleague (the directory card and the "about"
  panel are what you ask to join); its members, its requests and (from issue 9) its posts are
  for members only.

Outsiders: anonymous, a colleague who is in neither space, an external guest of another space, a
former member who was deactivated (their membership rows are still there), the community manager
and the administrator (neither is a member).

Decision, administrators: the admin console legitimately shows secret things to administrators —
the audit log (and its CSV export) names the space a manager's action was about, and the people
list names every account, guests included — because administrators govern the installation
(audit, restore a deleted space, switch an account off). So the admin console is the one surface
where the administrator may read these canaries; everywhere else (a space's pages, the directory,
search, the feed) the administrator is an outsider like anyone else. Community managers and
members never reach the console (404) — checked below.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from kring.accounts.models import User
from kring.accounts.services.people import person_deactivate
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.spaces.models import Membership, Space
from kring.spaces.services.guests import guest_invite
from kring.spaces.services.membership import (
    members_invite,
    request_decide,
    space_join,
    space_request,
)
from kring.spaces.services.spaces import community_create, space_update
from kring.spaces.tests import factories as sf
from tests.canary import Canaries, mail_leaks, routes, sweep, sweep_targets, variants

pytestmark = pytest.mark.django_db

SECRET_SLUG = "besloten-overleg"
REQUEST_SLUG = "ambassadeurs"
PUBLIC_SLUG = "open-koffiehoek"
DOES_NOT_EXIST = "bestaat-niet-xyz"


class World:
    """The planted spaces and people; attributes are set by the `world` fixture."""

    canaries: Canaries
    secret: Space
    on_request: Space
    public: Space
    people: dict[str, User]
    outsider_mail: dict[str, list]
    registry: dict[str, list[str]]


@pytest.fixture
def world(
    school, non_member, guest_elsewhere, deactivated, community_manager, admin_user,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    w = World()
    c = w.canaries = Canaries()
    owner = UserFactory(display_name="Sanne Secretaris", primary_unit=school)
    insider = UserFactory(display_name="Ivo Insider", primary_unit=school)
    leaver = UserFactory(display_name="Lars Leaver", primary_unit=school)
    requester = UserFactory(display_name="Rik Requester", primary_unit=school)
    refused = UserFactory(display_name="Dina Declined", primary_unit=school)

    with django_capture_on_commit_callbacks(execute=True):
        # The secret space, through the services, so audit entries and mails are real.
        secret = community_create(
            actor=owner,
            name=f"Geheim {c.plant('secret', 'space name')}",
            access=Space.Access.SECRET,
            description=f"Over {c.plant('secret', 'description')}.",
            guidelines=f"Regel: {c.plant('secret', 'guidelines')}.",
            tags=[c.plant("secret", "tag")],
        )
        Space.objects.filter(pk=secret.pk).update(slug=SECRET_SLUG)
        secret.refresh_from_db()
        secret_guest = guest_invite(
            actor=owner,
            space=secret,
            email="gast.geheim@example.org",
            name=c.plant("secret", "guest's name"),
            expires_at=clock.now() + timedelta(days=30),
        ).user
        members_invite(actor=owner, space=secret, people=[insider])
        space_join(actor=insider, space=Space.objects.get(pk=secret.pk))
        # Manager actions about the secret space land in the audit log.
        space_update(actor=owner, space=secret, description=f"Nieuw: {c.token_of('description')}")

        on_request = community_create(
            actor=owner,
            name="Ambassadeurs",
            access=Space.Access.REQUEST,
            description="Voor de ambassadeurs van elke school.",
            guidelines="Deel wat werkt.",
        )
        Space.objects.filter(pk=on_request.pk).update(slug=REQUEST_SLUG)
        on_request.refresh_from_db()
        request_guest = guest_invite(
            actor=owner,
            space=on_request,
            email="gast.aanvraag@example.org",
            name=c.plant("request", "guest's name"),
            expires_at=clock.now() + timedelta(days=30),
        ).user
        space_request(actor=requester, space=on_request, message=c.plant("request", "request"))
        space_request(actor=refused, space=on_request, message="Mag ik erbij?")
        request_decide(
            actor=owner,
            space=on_request,
            requester=refused,
            accept=False,
            message=c.plant("request", "decision message"),
        )
        # Outsiders get mail about their own request: it must not tell them the space's secrets.
        space_request(actor=non_member, space=on_request, message="Graag!")
        request_decide(
            actor=owner, space=on_request, requester=non_member, accept=False, message="Nee."
        )

        # The former member: rows in both spaces, then switched off.
        sf.add_member(secret, deactivated)
        sf.add_member(on_request, deactivated)

        public = sf.community("Open koffiehoek", slug=PUBLIC_SLUG, guests=[guest_elsewhere])
        sf.add_member(public, owner, Membership.Role.MANAGER)

    # An invitation whose mail is still waiting when the invitee leaves: the task checks again.
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        members_invite(actor=owner, space=secret, people=[leaver])
    person_deactivate(actor=admin_user, person=leaver)
    for callback in waiting:
        callback()

    content = _plant_content(c, secret, on_request, public, owner, insider, non_member)

    w.secret, w.on_request, w.public = secret, on_request, public
    w.people = {
        "owner": owner, "insider": insider, "secret_guest": secret_guest,
        "request_guest": request_guest, "requester": requester, "refused": refused,
        "leaver": leaver,
    }  # fmt: skip
    w.outsider_mail = {
        non_member.email: c.of("secret", "request"),
        leaver.email: c.of("secret", "request"),
        deactivated.email: c.of("secret", "request"),
        refused.email: c.of("secret"),
    }
    ids = [str(u.pk) for u in (secret_guest, request_guest, insider, requester)]
    ids += [str(pk) for pk in content["ids"]]
    # What fills the URL conf's path parameters. A new converter or parameter name needs a line
    # here; the sweep fails and says so until it has one.
    w.registry = {
        "slug": [SECRET_SLUG, REQUEST_SLUG, PUBLIC_SLUG],
        "user_id": ids,
        "pk": ids,
        "admin_console:space_restore.pk": [str(secret.pk), str(on_request.pk)],
        "token": ["no-such-invitation-token"],
        "key": ["no-such-key"],
        "uidb36": ["1"],
        "object_id": ["1"],
        "content_type_id": ["1"],
        "app_label": ["auth"],
        "url": ["no-such-page/"],
        # Content and engagement (issue 9): the secret posts, their comments and files.
        "post_id": [str(pk) for pk in content["posts"]],
        "attachment_id": [str(content["attachment"])],
        "target": ["post", "comment", "space"],
        "kind": ["person", "space", "topic", "thread"],
        "name": [content["topic"], "foto.png"],
    }
    return w


def _plant_content(c, secret, on_request, public, owner, insider, non_member):
    """Posts, a question with answers, a photo, reactions, a share and a report inside the
    secret and on-request spaces: none of it may reach an outsider (issue 9)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from kring.content.services.attachments import attachment_add
    from kring.content.services.posts import post_create, post_share
    from kring.engagement.services.comments import comment_create
    from kring.engagement.services.follows import bookmark_set
    from kring.engagement.services.reactions import reaction_set
    from kring.engagement.services.reports import report_create

    # Path parameters are echoed in the login redirect's `next`, so the topic's name is a plain
    # word; the sweep still asks its page as every outsider (404 for a topic used only here).
    topic = "geheimonderwerp"
    secret_post = post_create(
        actor=insider,
        space=secret,
        body=f"{c.plant('secret', 'post')} #{topic} "
        f"@[{non_member.display_name}](person:{non_member.pk})",
    )
    question = post_create(
        actor=insider, space=secret, kind="question", title=c.plant("secret", "question")
    )
    answer = comment_create(
        actor=owner, target="post", target_id=question.pk, body=c.plant("secret", "answer")
    )
    reply = comment_create(
        actor=insider,
        target="post",
        target_id=question.pk,
        body=c.plant("secret", "reply"),
        parent_id=answer.pk,
    )
    reaction_set(actor=owner, target="post", target_id=secret_post.pk, kind="celebrate")
    reaction_set(actor=insider, target="comment", target_id=answer.pk, kind="thanks")
    bookmark_set(actor=insider, target="post", target_id=secret_post.pk, on=True)
    report_create(
        actor=owner, target="post", target_id=secret_post.pk, reason=c.plant("secret", "report")
    )
    image = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(image, "PNG")
    file_name = f"{c.plant('secret', 'file name')}.png"
    photo = attachment_add(
        actor=insider,
        post=secret_post,
        upload=SimpleUploadedFile(file_name, image.getvalue(), content_type="image/png"),
        alt_text=c.plant("secret", "alt text"),
    )
    # A share of the secret post into the open space: only who sees the original sees it.
    share = post_share(
        actor=owner,
        post_id=secret_post.pk,
        to=Space.objects.get(pk=public.pk),
        body=c.plant("secret", "share"),
    )
    request_post = post_create(actor=owner, space=on_request, body=c.plant("request", "post"))
    return {
        "posts": [secret_post.pk, question.pk, request_post.pk, share.pk],
        "ids": [secret_post.pk, question.pk, request_post.pk, share.pk, answer.pk, reply.pk],
        "attachment": photo.pk,
        "topic": topic,
    }


OUTSIDERS = [
    "anonymous",
    "non_member",
    "guest_elsewhere",
    "deactivated",
    "community_manager",
    "admin_user",
]


def console(route) -> bool:
    return route.name.startswith("admin_console:")


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_no_url_shows_an_outsider_the_canaries(outsider, world, client, request):
    actor = request.getfixturevalue(outsider)
    targets = sweep_targets(world.registry)

    def login():
        if outsider != "anonymous":
            client.force_login(actor)

    problems = sweep(
        client,
        targets,
        world.canaries.of("secret", "request"),
        how=variants(world.canaries),
        login=login,
        allowed=console if outsider == "admin_user" else lambda route: False,
        actor=outsider,
    )
    assert not problems, "\n".join(problems)


def test_the_sweep_covers_every_url_of_the_url_conf(world):
    """Every pattern of the live URL conf is requested, spaces routes with each planted space."""
    targets = sweep_targets(world.registry)
    swept = {route.name for route, _ in targets}
    assert swept == {r.name for r in routes()}
    detail_paths = {path for route, path in targets if route.name == "spaces:detail"}
    assert detail_paths == {
        reverse("spaces:detail", args=[slug]) for slug in (SECRET_SLUG, REQUEST_SLUG, PUBLIC_SLUG)
    }


def test_outsiders_get_real_pages_not_just_errors(world, as_user, non_member):
    """The sweep reads real pages: the non-member's directory lists the open and on-request
    spaces, and the on-request space's page shows its public side."""
    client = as_user(non_member)
    directory = client.get(reverse("spaces:directory"))
    assert directory.status_code == 200
    html = directory.content.decode()
    assert "Open koffiehoek" in html
    assert "Ambassadeurs" in html
    detail = client.get(reverse("spaces:detail", args=[REQUEST_SLUG]))
    assert detail.status_code == 200
    assert "Voor de ambassadeurs van elke school." in detail.content.decode()
    assert client.get(reverse("spaces:members", args=[REQUEST_SLUG])).status_code == 403


def test_the_sweep_finds_a_leak(world, client):
    """The sweep is not blind: an insider's own pages do show the canaries it looks for."""
    owner = world.people["owner"]
    targets = [
        (route, path)
        for route, path in sweep_targets(world.registry)
        if route.name in ("spaces:detail", "spaces:directory")
    ]
    problems = sweep(
        client,
        targets,
        world.canaries.of("secret"),
        how=variants(world.canaries)[:1],
        login=lambda: client.force_login(owner),
        actor="owner",
    )
    assert any("secret space name" in p for p in problems)
    assert any("guidelines" in p for p in problems)


def test_the_sweep_refuses_a_pattern_it_cannot_fill(world):
    registry = {k: v for k, v in world.registry.items() if k != "user_id"}
    with pytest.raises(
        AssertionError, match=r"spaces:member_role .*register values for \['user_id'\]"
    ):
        sweep_targets(registry)


def test_mail_to_outsiders_carries_no_canary(world, non_member):
    """Invitations and decisions went out (mail.outbox after the on-commit tasks ran)."""
    sent_to = {address for message in mail.outbox for address in message.to}
    # Insiders got their mail: the sweep of the outbox looks at real messages.
    assert "gast.geheim@example.org" in sent_to
    assert world.people["insider"].email in sent_to  # invited into the secret space
    assert world.people["refused"].email in sent_to  # told of the declined request
    # The non-member was told their request was declined, and nothing else.
    outsider_mail = [m for m in mail.outbox if m.to == [non_member.email]]
    assert len(outsider_mail) == 1
    # The leaver's invitation mail was checked again when it was about to go: not sent.
    assert world.people["leaver"].email not in sent_to
    problems = mail_leaks(mail.outbox, world.outsider_mail)
    assert not problems, "\n".join(problems)


def test_invite_autocomplete_does_not_offer_the_secret_spaces_guests(world, client):
    """A manager of another space searches people to invite: guests of secret spaces never
    show (guests are invited by e-mail, and their names would betray the space)."""
    manager = world.people["owner"]  # also a manager of the open space
    client.force_login(manager)
    url = reverse("spaces:invite_search", args=[PUBLIC_SLUG])
    for q in (world.canaries.fragment, "kanarie", "gast"):
        response = client.get(url, {"q": q}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        body = response.content.decode()
        assert not [c for c in world.canaries.planted if c.token in body]
    # The insider of the secret space is found as a colleague, but not marked as its member.
    response = client.get(url, {"q": "Ivo"}, headers={"HX-Request": "true"})
    assert "Ivo Insider" in response.content.decode()
    assert "Geheim" not in response.content.decode()


def test_the_audit_export_is_for_administrators_only(world, as_user, admin_user, community_manager):
    """Governance: the administrator's audit CSV names the secret space (documented above);
    the community manager and the space's own owner never get the audit log."""
    audit = reverse("admin_console:audit")
    name = world.canaries.token_of("space name")
    response = as_user(admin_user).get(audit, {"format": "csv"})
    assert response.status_code == 200
    assert name in response.content.decode("utf-8-sig")
    owner = world.people["owner"]
    for actor in (community_manager, owner):
        for params in ({}, {"format": "csv"}):
            response = as_user(actor).get(audit, params)
            assert response.status_code == 404
            assert name not in response.content.decode()


def _normalised(body: bytes, slug: str) -> str:
    text = body.decode().replace(slug, "SLUG")
    # Per-response values: the CSRF token and the CSP nonce.
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", text)
    return re.sub(r'nonce="[^"]+"', "NONCE", text)


@pytest.mark.parametrize("name", ["detail", "join", "request", "members", "leave"])
def test_guessing_a_secret_slug_answers_like_a_missing_space(name, world, as_user, non_member):
    """Joining (or opening) a secret space by its slug: the same 404, byte for byte, as for a
    space that does not exist. Nothing tells the guesser that it is there."""
    client = as_user(non_member)
    for method in ("get", "post"):
        secret = getattr(client, method)(reverse(f"spaces:{name}", args=[SECRET_SLUG]))
        missing = getattr(client, method)(reverse(f"spaces:{name}", args=[DOES_NOT_EXIST]))
        assert secret.status_code == missing.status_code == 404, (name, method)
        assert _normalised(secret.content, SECRET_SLUG) == _normalised(
            missing.content, DOES_NOT_EXIST
        )
        assert set(secret.headers) == set(missing.headers)
        assert re.sub(r"nonce-[\w+/=-]+", "", secret["Content-Security-Policy"]) == re.sub(
            r"nonce-[\w+/=-]+", "", missing["Content-Security-Policy"]
        )
    assert not Membership.objects.filter(space=world.secret, user=non_member).exists()
