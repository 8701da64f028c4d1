"""The spotlight: the community manager puts good examples on everyone's home page, and each
reader sees only those they may open."""

import pytest
from django.urls import reverse

from kring.common.models import AuditEntry
from kring.content.models import Post
from kring.content.services.posts import post_spotlight
from kring.content.tests.factories import post
from kring.spaces.models import Space
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture
def coffee(space_owner, other_member):
    return sf.community("Koffiehoek", owner=space_owner, members={"member": [other_member]})


def spotlight_of(client):
    html = client.get(reverse("feed:home")).content.decode()
    if 'id="spotlight-heading"' not in html:
        return ""
    start = html.index('id="spotlight-heading"')
    return html[start : html.index("</section>", start)]


def test_the_community_manager_puts_a_post_in_the_spotlight(
    as_user,
    client,
    member,
    other_member,
    community_manager,
    coffee,
    django_capture_on_commit_callbacks,
):
    good = post(other_member, coffee, body="Zo pakten wij de ouderavond aan")
    assert spotlight_of(as_user(member)) == ""  # nothing yet (and that answer is kept)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(community_manager).post(
            reverse("content:spotlight", args=[good.pk]), {"on": "1"}
        )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="post.spotlight", actor=community_manager).exists()
    shown = spotlight_of(as_user(member))
    assert "Zo pakten wij de ouderavond aan" in shown
    assert reverse("content:detail", args=[good.pk]) in shown

    with django_capture_on_commit_callbacks(execute=True):
        as_user(community_manager).post(reverse("content:spotlight", args=[good.pk]), {"on": "0"})
    assert spotlight_of(as_user(member)) == ""
    assert AuditEntry.objects.filter(action="post.unspotlight").exists()


def test_only_the_community_manager_may(as_user, member, other_member, space_owner, coffee):
    good = post(other_member, coffee, body="Mooi voorbeeld")
    for person in (member, space_owner):
        response = as_user(person).post(reverse("content:spotlight", args=[good.pk]), {"on": "1"})
        assert response.status_code == 403
    assert Post.objects.get(pk=good.pk).spotlight_at is None


def test_a_secret_post_cannot_be_put_in_the_spotlight(
    as_user, community_manager, space_owner, other_member
):
    secret = sf.community(
        "Directie", "secret", owner=space_owner, members={"member": [other_member]}
    )
    hush = post(other_member, secret, body="geheimspotlight")
    response = as_user(community_manager).post(reverse("content:spotlight", args=[hush.pk]))
    assert response.status_code == 404  # the community manager is no member: not even there
    assert Post.objects.get(pk=hush.pk).spotlight_at is None


def test_the_spotlight_shows_each_reader_only_what_they_may_read(
    as_user, member, other_member, community_manager, space_owner, coffee
):
    """A spotlighted post whose space later turns secret, or that moves into a closed space, is
    gone from the home page of everyone who cannot open it: the reader's visibility is asked on
    every visit, whatever is kept of the spotlight itself."""
    shown = post(other_member, coffee, body="Open voor iedereen")
    canary = post(other_member, coffee, body="geheimspotlightcanary")
    for p in (shown, canary):
        post_spotlight(actor=community_manager, post_id=p.pk, on=True)
    assert "geheimspotlightcanary" in spotlight_of(as_user(member))  # the candidates are kept now
    closed = sf.community(
        "Werkgroep", "secret", owner=space_owner, members={"member": [other_member]}
    )
    Post.objects.filter(pk=canary.pk).update(space=closed)
    assert "geheimspotlightcanary" not in spotlight_of(as_user(member))
    assert "Open voor iedereen" in spotlight_of(as_user(member))
    assert "geheimspotlightcanary" in spotlight_of(as_user(other_member))  # a member still does
    Space.objects.filter(pk=coffee.pk).update(access=Space.Access.SECRET)
    assert spotlight_of(as_user(member)) == ""
