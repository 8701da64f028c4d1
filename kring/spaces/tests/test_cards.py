"""The directory's cached card bodies: never stale in what they show, never shared across readers'
buttons, languages or guest status (kring/spaces/views/cards.py)."""

import pytest
from django.urls import reverse

from kring.accounts.tests.factories import UserFactory
from kring.spaces.models import Space
from kring.spaces.services.membership import space_join
from kring.spaces.services.spaces import space_touch, space_update
from kring.spaces.tests.factories import add_member, community, external_guest
from kring.spaces.views.cards import card_bodies

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("spaces:directory")


def directory_html(client, user, language="en"):
    user.language = language
    user.save(update_fields=["language"])
    client.force_login(user)
    response = client.get(DIRECTORY)
    assert response.status_code == 200
    return response.content.decode()


def fresh(space):
    return Space.objects.select_related("unit").prefetch_related("tags").get(pk=space.pk)


def test_a_body_is_rendered_once_and_then_served_from_the_cache():
    space = community("Leesclub", tags=["lezen"])
    first = card_bodies([fresh(space)], prefix="a", plain_tags=False)[space.pk]
    assert "Leesclub" in first
    Space.objects.filter(pk=space.pk).update(name="Changed behind the cache's back")
    again = card_bodies([fresh(space)], prefix="a", plain_tags=False)[space.pk]
    assert again == first  # the same key: not rendered again


def test_what_a_card_shows_is_never_stale(client):
    owner = UserFactory()
    space = community("Leesclub", owner=owner, description="Boeken voor groep 2")
    reader = UserFactory()
    assert "Boeken voor groep 2" in directory_html(client, reader)

    space_update(actor=owner, space=space, name="Boekenclub", tags=["lezen"])
    html = directory_html(client, reader)
    assert "Boekenclub" in html and "Leesclub" not in html
    assert "?tag=lezen" in html

    space_join(actor=UserFactory(), space=fresh(space))
    assert "2 members" in directory_html(client, reader)


def test_last_activity_shows_at_once(client):
    space = community("Leesclub")
    reader = UserFactory()
    assert "Active now" in directory_html(client, reader)
    Space.objects.filter(pk=space.pk).update(last_activity_at="2020-01-01T00:00:00Z")
    assert "Active now" not in directory_html(client, reader)
    space_touch(space.pk)
    assert "Active now" in directory_html(client, reader)


def test_buttons_belong_to_the_reader_not_to_the_cached_body(client):
    space = community("Leesclub")
    member, outsider = UserFactory(), UserFactory()
    add_member(space, member)
    assert f'action="{reverse("spaces:leave", args=[space.slug])}"' in directory_html(
        client, member
    )
    html = directory_html(client, outsider)  # the body now comes from the cache
    assert f'action="{reverse("spaces:join", args=[space.slug])}"' in html
    assert f'action="{reverse("spaces:leave", args=[space.slug])}"' not in html


def test_language_and_guest_status_get_their_own_bodies(client):
    space = community("Leesclub", tags=["lezen"])
    guest = external_guest()
    add_member(space, guest, "guest")
    assert "?tag=lezen" in directory_html(client, UserFactory())
    guest_html = directory_html(client, guest)
    assert "?tag=lezen" not in guest_html and '<span class="tag">lezen</span>' in guest_html
    assert "leden" in directory_html(client, UserFactory(), language="nl")


def test_suggestions_are_ranked_once_but_filtered_fresh():
    from kring.spaces import selectors

    reader = UserFactory()
    big = community("Schaakclub")
    for _ in range(3):
        add_member(big, UserFactory())
    small = community("Leesclub")
    assert [s.name for s in selectors.suggested_spaces(actor=reader)] == ["Schaakclub", "Leesclub"]
    space_join(actor=reader, space=fresh(big))
    Space.objects.filter(pk=small.pk).update(access=Space.Access.SECRET)
    assert selectors.suggested_spaces(actor=reader) == []  # joined, and now secret: both gone
