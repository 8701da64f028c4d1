"""The post pages: writing (good and bad input), reading, answering, confirming, voting, and
mention suggestions, each through the one visibility filter."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kring.content.models import Attachment, Post, ReadConfirmation
from kring.content.tests.factories import news, post, question
from kring.engagement.models import Comment
from kring.engagement.services.comments import comment_create
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(space_owner, other_member):
    return sf.community(
        "Directieoverleg", "secret", owner=space_owner, members={"member": [other_member]}
    )


def jpeg() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(out, "JPEG")
    return SimpleUploadedFile("sportdag.jpg", out.getvalue(), content_type="image/jpeg")


def compose(space, kind="post"):
    return reverse("content:compose", args=[space.slug]) + f"?soort={kind}"


def test_writing_a_post_with_a_photo_asks_to_describe_it(as_user, member, coffee):
    client = as_user(member)
    response = client.post(compose(coffee), {"body": "Sportdag!", "attachments": [jpeg()]})
    assert response.status_code == 302
    written = Post.objects.get(body="Sportdag!")
    assert written.attachments.get().kind == Attachment.Kind.IMAGE
    html = client.get(response["Location"]).content.decode()
    assert 'id="describe-heading"' in html


@pytest.mark.parametrize(
    "data",
    [{"body": "   "}, {"body": "<script>x</script>" * 2000}, {"body": ""}],
)
def test_bad_posts_are_refused_with_a_form_and_nothing_saved(as_user, member, coffee, data):
    response = as_user(member).post(compose(coffee), data)
    assert response.status_code == 400
    assert not Post.objects.exists()


def test_an_upload_that_lies_about_its_type_is_refused_and_nothing_saved(as_user, member, coffee):
    fake = SimpleUploadedFile("foto.jpg", b"<svg onload=alert(1)></svg>", content_type="image/jpeg")
    response = as_user(member).post(compose(coffee), {"body": "Kijk", "attachments": [fake]})
    assert response.status_code == 400
    assert not Post.objects.exists() and not Attachment.objects.exists()


def test_over_long_question_titles_are_refused(as_user, member, coffee):
    response = as_user(member).post(compose(coffee, "question"), {"title": "x" * 151})
    assert response.status_code == 400
    assert not Post.objects.exists()


def test_only_editors_may_open_the_news_composer(as_user, member, comms_editor):
    sf.structure_spaces(member, comms_editor)
    news_space = sf.the_news_space()
    assert as_user(member).get(compose(news_space, "news")).status_code == 403
    assert as_user(comms_editor).get(compose(news_space, "news")).status_code == 200


def test_a_secret_post_page_is_404_for_outsiders_and_shows_for_members(
    as_user, member, other_member, secret
):
    p = post(other_member, secret, body="Vertrouwelijk")
    assert as_user(member).get(reverse("content:detail", args=[p.pk])).status_code == 404
    html = as_user(other_member).get(reverse("content:detail", args=[p.pk])).content.decode()
    assert "Vertrouwelijk" in html


def test_answering_and_accepting_puts_the_answer_first(as_user, member, other_member, coffee):
    q = question(member, coffee, title="Waar ligt de sleutel?")
    comment_create(actor=other_member, target="post", target_id=q.pk, body="Eerste gok")
    right = comment_create(actor=other_member, target="post", target_id=q.pk, body="In de kast")
    client = as_user(member)
    response = client.post(reverse("content:accept", args=[q.pk]), {"comment": right.pk})
    assert response.status_code == 302
    html = client.get(reverse("content:detail", args=[q.pk])).content.decode()
    assert html.index("In de kast") < html.index("Eerste gok")
    assert "comment--accepted" in html


def test_only_the_asker_accepts(as_user, member, other_member, coffee):
    q = question(member, coffee)
    answer = comment_create(actor=other_member, target="post", target_id=q.pk, body="Zo")
    as_user(other_member).post(reverse("content:accept", args=[q.pk]), {"comment": answer.pk})
    assert Post.objects.get(pk=q.pk).accepted_answer is None


def test_confirming_important_news_with_htmx(as_user, member, comms_editor):
    sf.structure_spaces(member, comms_editor)
    item = news(comms_editor, sf.the_news_space(), important=True)
    response = as_user(member).post(
        reverse("content:confirm", args=[item.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert ReadConfirmation.objects.filter(post=item, user=member).count() == 1


def test_confirmations_per_unit_are_for_editors_only(as_user, member, comms_editor):
    sf.structure_spaces(member, comms_editor)
    item = news(comms_editor, sf.the_news_space(), important=True)
    url = reverse("content:confirmations", args=[item.pk])
    assert as_user(member).get(url).status_code == 403
    html = as_user(comms_editor).get(url).content.decode()
    assert "Mila Member" in html  # not confirmed yet


def test_voting_on_something_that_is_not_a_poll_is_404(as_user, member, coffee):
    p = post(member, coffee)
    assert as_user(member).post(reverse("content:vote", args=[p.pk])).status_code == 404


def test_commenting_a_mention_of_someone_who_cannot_see_warns(
    as_user, member, other_member, space_owner, school
):
    from kring.accounts.tests.factories import UserFactory

    outsider = UserFactory(display_name="Olga Outsider", primary_unit=school)
    secret = sf.community("Kleine kring", "secret", owner=space_owner, members={"member": [member]})
    p = post(member, secret, body="Hallo")
    client = as_user(member)
    response = client.post(
        reverse("engagement:comment", args=["post", p.pk]),
        {"body": f"Vraag het @[Olga Outsider](person:{outsider.pk})"},
        follow=True,
    )
    assert "Olga Outsider" in response.content.decode()
    assert Comment.objects.filter(target_id=p.pk).count() == 1


def test_mention_suggestions_offer_only_people_who_can_see(
    as_user, member, other_member, space_owner, school
):
    from kring.accounts.tests.factories import UserFactory

    UserFactory(display_name="Mira Buiten", primary_unit=school)
    secret = sf.community(
        "Kleine kring", "secret", owner=space_owner, members={"member": [member, other_member]}
    )
    client = as_user(member)
    url = reverse("engagement:mentions", args=["space", secret.pk])
    html = client.get(url, {"q": "Ot"}).content.decode()
    assert "Otto Other" in html
    assert "Mira Buiten" not in client.get(url, {"q": "Mi"}).content.decode()
    outsider_url = reverse("engagement:mentions", args=["space", secret.pk])
    UserFactory(display_name="Nina Nieuw", primary_unit=school)
    from kring.accounts.models import User

    nina = User.objects.get(display_name="Nina Nieuw")
    assert as_user(nina).get(outsider_url, {"q": "Ot"}).status_code == 404


def test_mention_suggestions_find_the_reader_among_many_who_cannot_read(
    as_user, member, space_owner, school, django_assert_max_num_queries
):
    from kring.accounts.tests.factories import UserFactory

    for i in range(40):  # namesakes outside the secret space, ahead in the alphabet
        UserFactory(display_name=f"Anna Buiten {i:02d}", primary_unit=school)
    inside = UserFactory(display_name="Anna Zonneveld", primary_unit=school)
    secret = sf.community(
        "Kleine kring", "secret", owner=space_owner, members={"member": [member, inside]}
    )
    client = as_user(member)
    url = reverse("engagement:mentions", args=["space", secret.pk])
    client.get(url, {"q": "Anna"})
    with django_assert_max_num_queries(6):
        html = client.get(url, {"q": "Anna"}).content.decode()
    assert "Anna Zonneveld" in html and "Anna Buiten" not in html


def test_an_external_guest_is_offered_the_members_only(as_user, member, other_member, school):
    from kring.accounts.tests.factories import UserFactory

    UserFactory(display_name="Otto Buiten", primary_unit=school)  # an employee, not a member
    partner = sf.external_guest(display_name="Petra Partner")
    open_space = sf.community("Ouderraad", members={"member": [other_member]}, guests=[partner])
    url = reverse("engagement:mentions", args=["space", open_space.pk])
    html = as_user(partner).get(url, {"q": "Ot"}).content.decode()
    assert "Otto Other" in html and "Otto Buiten" not in html
    assert "Otto Buiten" in as_user(member).get(url, {"q": "Ot"}).content.decode()


@pytest.mark.parametrize(
    "url_name",
    ["content:detail"],
)
def test_the_post_page_makes_a_constant_number_of_queries(
    as_user, member, other_member, coffee, django_assert_max_num_queries, url_name
):
    p = post(member, coffee, body="Veel reacties")
    client = as_user(member)
    for i in range(3):
        comment_create(actor=other_member, target="post", target_id=p.pk, body=f"Reactie {i}")
    client.get(reverse(url_name, args=[p.pk]))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse(url_name, args=[p.pk]))
    for i in range(9):
        c = comment_create(actor=other_member, target="post", target_id=p.pk, body=f"Meer {i}")
        comment_create(actor=member, target="post", target_id=p.pk, body="Antwoord", parent_id=c.pk)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse(url_name, args=[p.pk]))


def test_a_poll_from_the_composer_to_the_results(as_user, member, other_member, coffee):
    client = as_user(member)
    response = client.post(
        compose(coffee, "poll"),
        {
            "title": "Wanneer de sportdag?",
            "options": "Vrijdag\n\nZaterdag\n",
            "results": "after_vote",
        },
    )
    assert response.status_code == 302
    poll_post = Post.objects.get(kind=Post.Kind.POLL)
    option = poll_post.poll.options.get(label="Zaterdag")
    voter = as_user(other_member)
    before = voter.get(reverse("content:detail", args=[poll_post.pk])).content.decode()
    assert "poll-results" not in before  # results after voting
    html = voter.post(
        reverse("content:vote", args=[poll_post.pk]),
        {"option": option.pk},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "poll-results" in html and "100%" in html


def test_a_poll_with_bad_options_is_refused_and_nothing_saved(as_user, member, coffee):
    response = as_user(member).post(
        compose(coffee, "poll"),
        {"title": "Kies", "options": "Alleen deze", "results": "after_vote"},
    )
    assert response.status_code == 400
    assert not Post.objects.exists()


def test_polls_in_a_stream_keep_the_query_count_constant(
    as_user, member, other_member, coffee, django_assert_max_num_queries
):
    from kring.content.services.polls import poll_create

    def polls(n):
        for i in range(n):
            poll_create(
                actor=other_member, space=coffee, title=f"Peiling {i}", options=["Ja", "Nee"]
            )

    url = reverse("feed:space", args=[coffee.slug])
    client = as_user(member)
    polls(2)
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    polls(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# -- share and move --------------------------------------------------------------------------------


def test_share_offers_where_one_may_post_and_shares_there(
    as_user, member, other_member, space_owner, coffee
):
    original = post(other_member, coffee, body="Goed idee voor de ouderavond")
    team = sf.community("Teamkamer", owner=space_owner, members={"member": [member]})
    elsewhere = sf.community("Schaakclub", owner=space_owner)  # open, but not a member
    client = as_user(member)
    url = reverse("content:share", args=[original.pk])
    page = client.get(url)
    assert ">Delen in" in page.content.decode()
    # Not coffee itself (the original is there), not the chess club (not a member).
    assert list(page.context["form"].fields["space"].queryset) == [team]
    refused = client.post(url, {"space": elsewhere.pk, "body": "Kijk!"})
    assert refused.status_code == 400 and "space" in refused.context["form"].errors
    assert not Post.objects.filter(shared_post=original).exists()
    response = client.post(url, {"space": team.pk, "body": "Kijk!"})
    assert response.status_code == 302
    assert Post.objects.get(shared_post=original).space == team


def test_move_takes_the_post_along_and_only_its_author_or_a_moderator_may(
    as_user, member, other_member, space_owner, coffee
):
    mine = post(member, coffee, body="Verkeerde ruimte")
    team = sf.community("Teamkamer", owner=space_owner, members={"member": [member]})
    url = reverse("content:move", args=[mine.pk])
    assert as_user(other_member).get(url).status_code == 403
    client = as_user(member)
    assert ">Verplaatsen naar" in client.get(url).content.decode()
    assert client.post(url, {"space": "nope"}).status_code == 400
    assert client.post(url, {"space": team.pk}).status_code == 302
    assert Post.objects.get(pk=mine.pk).space == team
