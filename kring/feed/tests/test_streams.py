"""The streams: what the home, space, person and topic streams show, in which order, to whom,
page after page; and that each stays within a fixed number of queries as posts pile up."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from kring.common import clock
from kring.content.models import Post
from kring.content.services.news import read_confirm
from kring.content.services.posts import post_publish_due
from kring.content.tests.factories import news, post, question
from kring.engagement.models import Follow
from kring.engagement.services.comments import comment_create
from kring.engagement.services.follows import bookmark_set, follow_set
from kring.engagement.services.reactions import reaction_set
from kring.feed.selectors import PAGE_SIZE
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture
def coffee(member, space_owner, other_member):
    return sf.community("Koffiehoek", owner=space_owner, members={"member": [member, other_member]})


@pytest.fixture
def secret(space_owner, other_member):
    return sf.community(
        "Directieoverleg", "secret", owner=space_owner, members={"member": [other_member]}
    )


@pytest.fixture
def elsewhere(space_owner):
    """An open community the member has not joined."""
    return sf.community("Schaakclub", owner=space_owner)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def next_link(html):
    found = re.search(r'rel="next" href="([^"]+)"', html)
    return found and found[1].replace("&amp;", "&")


def test_home_shows_my_spaces_newest_first_and_never_a_secret(
    as_user, member, other_member, coffee, secret, elsewhere, space_owner
):
    post(other_member, coffee, body="Eerste bericht")
    post(other_member, coffee, body="Tweede bericht")
    post(other_member, secret, body="kanarie-geheim")
    post(space_owner, elsewhere, body="Schaakprobleem van de week")
    html = page(as_user(member), reverse("feed:home"))
    assert html.index("Tweede bericht") < html.index("Eerste bericht")
    assert "kanarie-geheim" not in html
    assert "Schaakprobleem" not in html  # open, but not mine and not followed


def test_following_brings_a_space_a_person_and_a_topic_home(
    as_user, member, space_owner, elsewhere, secret, other_member
):
    post(space_owner, elsewhere, body="Uit de schaakclub")
    post(other_member, secret, body="Geheim #rekenen met kanarie")
    follow_set(actor=member, kind=Follow.Kind.SPACE, target_id=elsewhere.pk, on=True)
    client = as_user(member)
    assert "Uit de schaakclub" in page(client, reverse("feed:home") + "?filter=following")
    assert "Uit de schaakclub" not in page(client, reverse("feed:home") + "?filter=spaces")
    # Following the author of a secret post shows nothing of it: the filter comes first.
    follow_set(actor=member, kind=Follow.Kind.PERSON, target_id=other_member.pk, on=True)
    assert "kanarie" not in page(client, reverse("feed:home") + "?filter=following")


def test_filters_news_and_questions(as_user, member, other_member, coffee, comms_editor):
    sf.structure_spaces(member, comms_editor)
    news(comms_editor, sf.the_news_space(), title="Studiedag op vrijdag")
    question(other_member, coffee, title="Wie heeft de sleutel van het lokaal?")
    post(other_member, coffee, body="Gewoon een bericht")
    client = as_user(member)
    html = page(client, reverse("feed:home") + "?filter=news")
    assert "Studiedag" in html and "sleutel" not in html and "Gewoon" not in html
    html = page(client, reverse("feed:home") + "?filter=questions")
    assert "sleutel" in html and "Studiedag" not in html
    html = page(client, reverse("feed:home") + "?filter=nonsense")  # unknown: everything
    assert "Gewoon een bericht" in html


def test_important_news_comes_first_until_it_is_confirmed(
    as_user, member, other_member, coffee, comms_editor
):
    sf.structure_spaces(member, comms_editor)
    important = news(
        comms_editor, sf.the_news_space(), title="Lees dit: nieuw protocol", important=True
    )
    post(other_member, coffee, body="Later geschreven")
    client = as_user(member)
    html = page(client, reverse("feed:home"))
    assert 'id="must-know-heading"' in html
    assert html.index("nieuw protocol") < html.index("Later geschreven")
    read_confirm(actor=member, post=important)
    html = page(client, reverse("feed:home"))
    assert 'id="must-know-heading"' not in html
    assert html.index("Later geschreven") < html.index("nieuw protocol")  # in time order now


def test_scheduled_news_waits_on_top_of_the_news_space_for_its_author_only(
    as_user, member, comms_editor, admin_user
):
    sf.structure_spaces(member, comms_editor, admin_user)
    space = sf.the_news_space()
    at = clock.now() + timedelta(hours=3)
    news(comms_editor, space, title="Al gepubliceerd")
    news(comms_editor, space, title="Staking morgen", publish_at=at)
    url = reverse("feed:space", args=[space.slug])
    mine = page(as_user(comms_editor), url)
    assert 'id="scheduled-heading"' in mine
    assert mine.index("Staking morgen") < mine.index("Al gepubliceerd")
    for other in (member, admin_user):  # a reader, and another editor: not theirs
        html = page(as_user(other), url)
        assert "Staking morgen" not in html and 'id="scheduled-heading"' not in html
    clock.pin(at + timedelta(seconds=1))
    try:
        post_publish_due(post_id=Post.objects.get(title="Staking morgen").pk)
        html = page(as_user(comms_editor), url)
    finally:
        clock.pin(None)
    assert 'id="scheduled-heading"' not in html and "Staking morgen" in html


def test_pinned_news_stays_on_top_until_its_date(
    as_user, member, comms_editor, other_member, coffee
):
    sf.structure_spaces(member, comms_editor)
    news(
        comms_editor,
        sf.the_news_space(),
        title="Vastgezet bericht",
        pinned_until=clock.now() + timedelta(days=2),
    )
    post(other_member, coffee, body="Nieuwer")
    html = page(as_user(member), reverse("feed:home"))
    assert html.index("Vastgezet bericht") < html.index("Nieuwer")


def test_more_pages_without_javascript_and_nothing_twice(as_user, member, other_member, coffee):
    written = [post(other_member, coffee, body=f"Bericht nummer {i:03d}") for i in range(45)]
    client = as_user(member)
    seen: list[str] = []
    url = reverse("feed:home")
    while url:
        html = page(client, url)
        seen += re.findall(r"Bericht nummer (\d{3})", html)
        url = next_link(html)
    assert seen == [f"{i:03d}" for i in reversed(range(len(written)))]


def test_more_with_htmx_returns_only_the_next_cards(as_user, member, other_member, coffee):
    for i in range(PAGE_SIZE + 3):
        post(other_member, coffee, body=f"Bericht {i}")
    client = as_user(member)
    more = next_link(page(client, reverse("feed:home")))
    html = client.get(more, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in html
    assert html.count('<article class="post-card') == 3


def test_new_since_last_visit_is_marked(as_user, member, other_member, coffee):
    client = as_user(member)
    post(other_member, coffee, body="Oud nieuws")
    page(client, reverse("feed:home"))  # the visit
    post(other_member, coffee, body="Vers van de pers")
    html = page(client, reverse("feed:home"))
    fresh = html[html.index("Vers van de pers") - 3000 : html.index("Vers van de pers")]
    assert "post-card--unread" in fresh
    old = html[html.index("Oud nieuws") - 3000 : html.index("Oud nieuws")]
    assert old.count("post-card--unread") <= fresh.count("post-card--unread") - 1


def test_new_posts_indicator_counts_what_arrived(as_user, member, other_member, coffee):
    client = as_user(member)
    since = clock.now()
    post(other_member, coffee, body="Nieuw 1")
    post(other_member, coffee, body="Nieuw 2")
    post(member, coffee, body="Van mezelf")  # one's own posts are not news to oneself
    html = page(client, reverse("feed:newer") + f"?since={since.isoformat().replace('+', '%2B')}")
    assert "2 " in html and 'hx-select="#stream"' in html
    assert page(client, reverse("feed:newer") + "?since=rubbish").strip() == ""


def test_space_stream_filters_questions_by_state(as_user, member, other_member, coffee):
    open_question = question(other_member, coffee, title="Nog open vraag")
    answered = question(other_member, coffee, title="Beantwoorde vraag")
    comment_create(actor=member, target="post", target_id=answered.pk, body="Zo doe je het")
    client = as_user(member)
    url = reverse("feed:space", args=[coffee.slug])
    html = page(client, url + "?filter=unanswered")
    assert "Nog open vraag" in html and "Beantwoorde vraag" not in html
    html = page(client, url + "?filter=answered")
    assert "Beantwoorde vraag" in html and "Nog open vraag" not in html
    assert open_question.pk


def test_space_stream_of_a_secret_space_is_404_for_outsiders(as_user, member, secret):
    assert as_user(member).get(reverse("feed:space", args=[secret.slug])).status_code == 404


def test_person_and_topic_streams_show_only_what_the_reader_may_see(
    as_user, member, other_member, coffee, secret
):
    post(other_member, coffee, body="Open over #rekenen")
    post(other_member, secret, body="Geheim over #rekenen kanarie")
    client = as_user(member)
    for url in (
        reverse("feed:person", args=[other_member.pk]),
        reverse("feed:topic", args=["rekenen"]),
    ):
        html = page(client, url)
        assert "Open over" in html and "kanarie" not in html


def test_a_topic_used_only_in_secret_is_not_found(as_user, member, other_member, secret):
    post(other_member, secret, body="Alleen hier #geheimonderwerp")
    assert as_user(member).get(reverse("feed:topic", args=["geheimonderwerp"])).status_code == 404


def test_saved_lists_bookmarks_still_visible(as_user, member, other_member, coffee):
    kept = post(other_member, coffee, body="Bewaar dit recept")
    bookmark_set(actor=member, target="post", target_id=kept.pk, on=True)
    assert "Bewaar dit recept" in page(as_user(member), reverse("feed:saved"))


@pytest.mark.parametrize("url_name", ["feed:home", "feed:space", "feed:saved"])
def test_streams_make_a_constant_number_of_queries(
    as_user, member, other_member, coffee, comms_editor, django_assert_max_num_queries, url_name
):
    sf.structure_spaces(member, comms_editor)
    url = reverse(url_name, args=[coffee.slug] if url_name == "feed:space" else [])
    client = as_user(member)

    def write(n):
        for i in range(n):
            p = post(other_member, coffee, body=f"Bericht {i} #thema")
            reaction_set(actor=member, target="post", target_id=p.pk, kind="like")
            comment_create(actor=member, target="post", target_id=p.pk, body="Mooi!")
            bookmark_set(actor=member, target="post", target_id=p.pk, on=True)
        news(comms_editor, sf.the_news_space(), title=f"Belangrijk {n}", important=True)

    write(3)
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    write(9)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    if url_name == "feed:home":
        assert len(few.captured_queries) <= 12, "the home page grew: see docs/feed.md"


def test_cards_carry_the_readers_reaction_and_saved_state(as_user, member, other_member, coffee):
    p = post(other_member, coffee, body="Reageer hierop")
    reaction_set(actor=member, target="post", target_id=p.pk, kind="thanks")
    bookmark_set(actor=member, target="post", target_id=p.pk, on=True)
    html = page(as_user(member), reverse("feed:home"))
    assert "reaction-count--mine" in html
    assert 'aria-pressed="true"' in html
    assert Post.objects.get(pk=p.pk).reaction_count == 1


def test_a_spaces_about_page_previews_its_latest_five_posts(as_user, member, other_member, coffee):
    for i in range(7):
        post(other_member, coffee, body=f"Bericht nummer {i}")
    url = reverse("feed:space", args=[coffee.slug]) + "?embed=1"
    html = as_user(member).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html
    assert html.count('<article class="post-card') == 5
    assert "Bericht nummer 6" in html and "Bericht nummer 1" not in html
    assert 'rel="next"' not in html  # the link to all posts, not a "more"
