"""Cards kept in the cache: the same HTML as drawn fresh, each reader's own form token, and a new
card the moment anything it shows changes (kring/content/views/cards.py)."""

import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from PIL import Image

from kring.common import clock
from kring.content.models import Post
from kring.content.selectors import post_cards
from kring.content.services.attachments import attachment_add, attachment_alt_text
from kring.content.services.news import read_confirm
from kring.content.services.polls import poll_create, poll_vote
from kring.content.services.posts import post_edit, post_hide, post_share
from kring.content.services.questions import answer_accept
from kring.content.tests.factories import news, post, question
from kring.content.views import cards
from kring.content.views.cards import CARD_TEMPLATE, draw_cards
from kring.engagement.services.comments import comment_create
from kring.engagement.services.follows import bookmark_set
from kring.engagement.services.reactions import reaction_set
from kring.spaces.models import Space
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def later():
    clock.pin(clock.now())
    yield lambda **delta: clock.pin(clock.now() + timedelta(**delta))
    clock.pin(None)


def request_of(actor):
    request = RequestFactory().get("/")
    request.user = actor
    return request


def card_of(actor, post_id, **marks):
    qs = Post.objects.visible_to(actor).select_related(
        "author", "space", "shared_post__author", "shared_post__space"
    )
    return post_cards(actor, [qs.get(pk=post_id)], **marks)[0]


def drawn(actor, post_id, **marks):
    card = card_of(actor, post_id, **marks)
    draw_cards(request_of(actor), [card])
    return card.html


def without_tokens(html):
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', str(html))


def png():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return SimpleUploadedFile("stip.png", out.getvalue())


def test_a_kept_card_is_the_card_drawn_fresh(
    member, other_member, comms_editor, coffee, space_owner
):
    plain = post(other_member, coffee, body="Wie heeft de **sleutel** van lokaal 12?")
    attachment_add(actor=other_member, post=plain, upload=png(), alt_text="Een rode stip")
    reaction_set(actor=member, target="post", target_id=plain.pk, kind="thanks")
    asked = question(other_member, coffee, title="Waar staat de beamer?")
    answer = comment_create(actor=member, target="post", target_id=asked.pk, body="In de kast")
    answer_accept(actor=other_member, post_id=asked.pk, comment_id=answer.pk)
    important = news(comms_editor, sf.the_news_space(), title="Staking", important=True)
    elsewhere = sf.community("Teamkamer", owner=space_owner, members={"member": [member]})
    shared = post_share(actor=member, post_id=plain.pk, to=elsewhere, body="Handig!")
    since = clock.now() - timedelta(hours=1)
    for pk in (plain.pk, asked.pk, important.pk, shared.pk):
        fresh_card = card_of(member, pk, unread_after=since)
        fresh = render_to_string(CARD_TEMPLATE, {"card": fresh_card}, request=request_of(member))
        first = drawn(member, pk, unread_after=since)  # drawn and kept
        kept = drawn(member, pk, unread_after=since)  # from the cache
        assert without_tokens(kept) == without_tokens(first) == without_tokens(fresh)
        assert TOKEN.search(kept)


def test_each_reader_gets_their_own_form_token(member, other_member, coffee):
    """A kept card carries no one's form token: each reader's own goes in, and it works."""
    p = post(other_member, coffee, body="Koffie in de teamkamer")
    pages = {}
    for person in (other_member, member):  # the second reader gets the kept card
        client = Client(enforce_csrf_checks=True)
        client.force_login(person)
        html = client.get(reverse("feed:home")).content.decode()
        token = TOKEN.search(html[html.index(f'id="post-{p.pk}"') :])[1]
        pages[person.pk] = html
        react = reverse("engagement:react", args=["post", p.pk])
        response = client.post(react, {"kind": "like", "csrfmiddlewaretoken": token})
        assert response.status_code in (200, 302)
    assert "\x00" not in pages[member.pk]


def test_whatever_the_card_shows_changing_makes_a_new_card(
    member, other_member, space_owner, coffee, later
):
    p = post(other_member, coffee, body="Eerste versie")
    image = attachment_add(actor=other_member, post=p, upload=png())
    assert "Eerste versie" in drawn(member, p.pk)

    post_edit(actor=other_member, post_id=p.pk, body="Tweede versie")
    assert "Tweede versie" in drawn(member, p.pk)

    other_member.display_name = "Fatima de Vries"
    other_member.save()
    assert "Fatima de Vries" in drawn(member, p.pk)

    Space.objects.filter(pk=coffee.pk).update(name="Koffie & thee")
    assert "Koffie &amp; thee" in drawn(member, p.pk)

    attachment_alt_text(actor=other_member, attachment_id=image.pk, alt_text="Een rode stip")
    assert 'alt="Een rode stip"' in drawn(member, p.pk)

    reaction_set(actor=space_owner, target="post", target_id=p.pk, kind="celebrate")
    assert "reaction-count" in drawn(member, p.pk)

    reaction_set(actor=member, target="post", target_id=p.pk, kind="like")
    assert "reaction-count--mine" in drawn(member, p.pk)

    assert "</svg>Save</button>" in drawn(member, p.pk)
    bookmark_set(actor=member, target="post", target_id=p.pk, on=True)
    assert "</svg>Saved</button>" in drawn(member, p.pk)

    comment_create(actor=space_owner, target="post", target_id=p.pk, body="Mooi")
    assert "1 comment" in drawn(member, p.pk)

    assert "post-card--unread" in drawn(member, p.pk, unread_after=clock.now() - timedelta(hours=1))
    assert "post-card--unread" not in drawn(member, p.pk)


def test_the_age_shown_is_part_of_the_card(member, other_member, coffee, monkeypatch):
    """ "5 minutes ago" becomes "6 minutes ago": a kept card never shows an old age."""
    p = post(other_member, coffee, body="Net gepost")
    monkeypatch.setattr(cards, "naturaltime", lambda moment: "5 minuten geleden")
    first = cards._key(card_of(member, p.pk))
    monkeypatch.setattr(cards, "naturaltime", lambda moment: "6 minuten geleden")
    assert cards._key(card_of(member, p.pk)) != first


def test_pinned_and_important_news_change_with_time_and_reading(member, comms_editor, later):
    n = news(
        comms_editor,
        sf.the_news_space(),
        important=True,
        pinned_until=clock.now() + timedelta(days=1),
    )
    card = drawn(member, n.pk)
    assert "Pinned" in card and "I have read this" in card
    read_confirm(actor=member, post=Post.objects.get(pk=n.pk))
    assert "You confirmed you have read this." in drawn(member, n.pk)
    later(days=2)
    assert "Pinned" not in drawn(member, n.pk)


def test_a_hidden_post_is_drawn_for_each_reader(member, other_member, space_moderator, coffee):
    p = post(other_member, coffee, body="Niet zo aardig")
    post_hide(actor=space_moderator, post_id=p.pk, reason="Houd het vriendelijk")
    assert "only you still see it" in drawn(other_member, p.pk)
    moderator_sees = drawn(space_moderator, p.pk)
    assert "only its author and the moderators see it" in moderator_sees
    assert "only you still see it" not in moderator_sees


def test_a_poll_is_drawn_for_each_reader(member, other_member, coffee):
    p = poll_create(actor=other_member, space=coffee, title="Lunch?", options=["Soep", "Broodjes"])
    assert "Vote" in drawn(member, p.pk)
    poll_vote(actor=other_member, poll_id=p.poll.pk, option_ids=[p.poll.options.first().pk])
    assert "your vote" in drawn(other_member, p.pk)
    assert "your vote" not in drawn(member, p.pk)
