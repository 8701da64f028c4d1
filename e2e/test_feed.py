"""Teachers post with photos, comment, react, ask and answer; the communications team publishes
important news that everyone confirms; the home stream pages with and without JavaScript. Every
page checked with axe and screenshotted at desktop and phone width."""

import io
import re
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, FilePayload, Page, expect

from e2e.conftest import DESKTOP, TIMEOUT_MS, watch_csp
from e2e.pages.base import BasePage
from e2e.pages.feed import ComposePage, HomeStream, PostPage, SpaceStream
from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.content.models import Post
from kring.content.services.attachments import attachment_alt_text
from kring.content.services.compose import Draft, post_write
from kring.org.tests.factories import unit_factory
from kring.spaces.models import Space
from kring.spaces.services.structure import news_space, structure_ensure

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("e2e"),
    pytest.mark.django_db(transaction=True),
]

PHOTO_ALT = "Children planting tulips along the new schoolyard fence"


def _photo() -> bytes:
    """A real JPEG: a sky, a lawn and a row of tulips."""
    image = Image.new("RGB", (1200, 800), (170, 210, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 520, 1200, 800), fill=(90, 160, 80))
    for i in range(12):
        x = 60 + i * 95
        draw.line((x, 520, x, 440), fill=(40, 110, 40), width=6)
        draw.ellipse((x - 22, 400, x + 22, 450), fill=(220, 40 + i * 10, 60))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


class School:
    """One school in a board, five colleagues and the communications editor; English speakers
    see English, the others Dutch (their profile's language decides)."""

    def __init__(self) -> None:
        board = unit_factory("Stichting Kring", kind="organisation")
        school = unit_factory("De Regenboog", kind="school", parent=board)
        other = unit_factory("Het Kompas", kind="school", parent=board)
        self.teacher = UserFactory(
            display_name="Femke de Vries", primary_unit=school, job_title="Leerkracht groep 2",
            language="en",
        )  # fmt: skip
        self.colleague = UserFactory(
            display_name="Youssef El Amrani", primary_unit=school, job_title="Leerkracht groep 5",
            language="en",
        )  # fmt: skip
        self.neighbour = UserFactory(
            display_name="Noor Jansen", primary_unit=school, job_title="Leerkracht groep 7"
        )
        self.caretaker = UserFactory(
            display_name="Bram de Groot", primary_unit=other, job_title="Conciërge"
        )
        self.editor = UserFactory(
            display_name="Carla Comms", primary_unit=board, job_title="Communicatie",
            role=User.Role.COMMS_EDITOR, language="en",
        )  # fmt: skip
        structure_ensure()
        self.space = Space.objects.get(unit=school)
        self.news = news_space()

    def photo_post(self) -> Post:
        """Femke's post about the schoolyard, with its photo described."""
        upload = SimpleUploadedFile("schoolplein.jpg", _photo(), content_type="image/jpeg")
        post = post_write(
            actor=self.teacher, space=self.space,
            draft=Draft(body="The new schoolyard is finished! Thank you, everyone."),
            files=[upload],
        )  # fmt: skip
        attachment_alt_text(
            actor=self.teacher, attachment_id=post.attachments.get().pk, alt_text=PHOTO_ALT
        )
        return post


@pytest.fixture
def school() -> School:
    return School()


@pytest.fixture
def page_as(browser: Browser, live_server) -> Iterator[Callable[..., Page]]:
    """Another person's browser beside `page`, with or without JavaScript: `page_as(user)`.

    Like `page`, it fails the test when the Content Security Policy refused anything."""
    contexts = []
    csp_errors: list[str] = []

    def open_page(user: User, *, javascript: bool = True) -> Page:
        context = browser.new_context(
            base_url=live_server.url, viewport=DESKTOP, locale="nl-NL",
            timezone_id="Europe/Amsterdam", java_script_enabled=javascript,
        )  # fmt: skip
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        watch_csp(page, csp_errors)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not csp_errors, "CSP refused something:\n" + "\n".join(csp_errors)


def _mark_document(page: Page) -> None:
    page.evaluate("window.kringMark = true")


def _same_document(page: Page) -> bool:
    """True when no page load happened since `_mark_document`: htmx swapped the change in."""
    return page.evaluate("window.kringMark === true")


def _loaded(page: Page, selector: str) -> None:
    """Wait until every image under `selector` has arrived and decoded (not a broken icon)."""
    page.locator(selector).first.scroll_into_view_if_needed()
    page.wait_for_function(
        "sel => [...document.querySelectorAll(sel)]"
        ".every(img => img.complete && img.naturalWidth > 0)",
        arg=selector,
    )


def test_teacher_posts_a_photo_and_describes_it(
    page: Page, school: School, log_in_as, check_page
) -> None:
    log_in_as(school.teacher)
    compose = ComposePage(page, school.space.slug, "post")
    compose.open()
    expect(compose.heading).to_have_text("Write a post")
    check_page(page, "feed-compose-post")
    compose.field("What do you want to share?").fill(
        "The new schoolyard is finished! Thank you, everyone."
    )
    photo: FilePayload = {"name": "schoolplein.jpg", "mimeType": "image/jpeg", "buffer": _photo()}
    compose.field("Photos, audio, video or documents").set_input_files([photo])
    compose.submit("Publish")

    # On the post page, she is asked to describe the photo she just shared.
    post = PostPage(page)
    expect(post.messages).to_contain_text("Posted.")
    expect(post.describe_section).to_contain_text("Describe your photos")
    expect(post.card.images).to_have_count(1)
    check_page(page, "feed-post-describe")
    post.describe_first_photo("Description", PHOTO_ALT, "Save description")
    expect(post.messages).to_contain_text("Thank you: everyone can follow along now.")
    expect(post.describe_section).to_have_count(0)
    expect(post.card.images).to_have_attribute("alt", PHOTO_ALT)
    _loaded(page, "main .post-images img")
    check_page(page, "feed-post-photo")

    # Her colleagues' stream shows it, photo and description included.
    home = HomeStream(page)
    home.open()
    card = home.card("The new schoolyard is finished!")
    expect(card.images).to_have_attribute("alt", PHOTO_ALT)
    _loaded(page, "#stream .post-images img")
    check_page(page, "feed-home-photo")


def test_colleagues_comment_and_react_with_and_without_javascript(
    page: Page, school: School, log_in_as, page_as, check_page
) -> None:
    written = school.photo_post()
    log_in_as(school.colleague)
    post = PostPage(page, written.pk)
    post.open()
    post.write_comment(
        "Write a comment", "It looks wonderful, the children will love it.", "Comment"
    )
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    expect(post.comment("It looks wonderful")).to_contain_text("Youssef El Amrani")
    expect(post.thread.get_by_role("heading", level=2)).to_have_text("1 comment")

    # With htmx: the picker's button swaps the reactions in place, no page load.
    _mark_document(page)
    post.card.react("Thanks")
    expect(post.card.reaction_counts).to_contain_text("Thanks: 1")
    assert _same_document(page)
    expect(post.card.reaction_picker.locator("summary")).to_have_text("🙏 You reacted")
    post.card.open_reactions()
    expect(post.card.reaction_picker.get_by_role("button", name="Thanks")).to_have_attribute(
        "aria-pressed", "true"
    )
    check_page(page, "feed-post-reacting")

    # Without JavaScript: the <details> still opens, the button posts the form and comes back.
    plain = PostPage(page_as(school.neighbour, javascript=False), written.pk)
    plain.open()
    with plain.page.expect_navigation():
        plain.card.react("Duim omhoog")
    expect(plain.card.reaction_counts).to_contain_text("Duim omhoog: 1")
    expect(plain.card.reaction_counts).to_contain_text("Bedankt: 1")

    # The author sees both.
    page.context.clear_cookies()
    log_in_as(school.teacher)
    home = HomeStream(page)
    home.open()
    card = home.card("The new schoolyard is finished!")
    expect(card.comments_link).to_have_text("1 comment")
    expect(card.reaction_counts).to_contain_text("Like: 1")
    expect(card.reaction_counts).to_contain_text("Thanks: 1")
    post.open()
    expect(post.comment("It looks wonderful")).to_be_visible()
    expect(post.card.reaction_counts).to_contain_text("Like: 1")
    check_page(page, "feed-post-author")


def test_question_answered_and_accepted(
    page: Page, school: School, log_in_as, page_as, check_page
) -> None:
    log_in_as(school.teacher)
    compose = ComposePage(page, school.space.slug, "question")
    compose.open()
    expect(compose.heading).to_have_text("Ask a question")
    compose.field("Your question").fill("Who has the key to the gym cupboard?")
    compose.field("Details (optional)").fill("I need the mats for group 2 on Friday.")
    compose.submit("Ask")
    asked = PostPage(page)
    expect(asked.card.badges).to_contain_text("No answer yet")
    question_url = page.url

    unanswered = SpaceStream(page, school.space.slug, "unanswered")
    unanswered.open()
    expect(unanswered.card("Who has the key to the gym cupboard?").root).to_be_visible()

    # Two colleagues answer; the second one helps.
    other = PostPage(page_as(school.neighbour))
    other.page.goto(question_url)
    other.write_comment("Je antwoord", "Misschien bij de conciërge?", "Antwoorden")
    helper = PostPage(page_as(school.colleague))
    helper.page.goto(question_url)
    helper.write_comment("Your answer", "It hangs in the staff room, behind the door.", "Answer")

    # The asker marks the answer that helped: it is marked and moves to the top.
    page.goto(question_url)
    expect(asked.comments).to_have_count(2)
    expect(asked.comments.first).to_contain_text("Misschien bij de conciërge?")
    asked.accept("It hangs in the staff room", "This helped")
    expect(asked.messages).to_contain_text("Marked as the answer that helped.")
    accepted = asked.comment("It hangs in the staff room")
    expect(accepted).to_contain_text("The answer that helped")
    expect(accepted).to_have_class(re.compile(r"\bcomment--accepted\b"))
    expect(asked.comments.first).to_contain_text("It hangs in the staff room")
    expect(asked.card.badges).to_contain_text("Answered")
    check_page(page, "feed-question-accepted")

    unanswered.open()
    expect(unanswered.main).not_to_contain_text("Who has the key to the gym cupboard?")
    answered = SpaceStream(page, school.space.slug, "answered")
    answered.open()
    expect(answered.card("Who has the key to the gym cupboard?").badges).to_contain_text("Answered")
    check_page(page, "feed-space-answered")


def test_important_news_is_confirmed_and_counted(
    page: Page, school: School, log_in_as, page_as, check_page
) -> None:
    log_in_as(school.editor)
    compose = ComposePage(page, school.news.slug, "news")
    compose.open()
    expect(compose.heading).to_have_text("Write news")
    compose.field("Title").fill("New fire drill procedure")
    compose.field("Lead").fill("From Monday, every school follows the new evacuation plan.")
    compose.field("Text").fill("Read the plan with your group and check the assembly point.")
    cover: FilePayload = {"name": "oefening.jpg", "mimeType": "image/jpeg", "buffer": _photo()}
    compose.field("Cover image").set_input_files([cover])
    compose.field("Describe the cover image").fill("Children lined up at the assembly point")
    compose.field("Important: ask every reader to confirm they have read it").check()
    check_page(page, "feed-compose-news")
    compose.submit("Publish")
    news_url = page.url

    # A Dutch teacher finds it on top of her home page and confirms in place.
    reader = page_as(school.neighbour)
    home = HomeStream(reader)
    home.open()
    expect(home.must_know.get_by_role("heading", level=2)).to_have_text("Moet je weten")
    news = home.must_know_card("New fire drill procedure")
    expect(news.badges).to_contain_text("Belangrijk")
    expect(news.cover).to_have_attribute("alt", "Children lined up at the assembly point")
    _loaded(reader, "#stream .post-card__cover")
    check_page(reader, "feed-home-must-know")
    _mark_document(reader)
    news.read_confirmation.get_by_role("button", name="Ik heb dit gelezen").click()
    expect(news.read_confirmation).to_have_text("Je hebt bevestigd dat je dit gelezen hebt.")
    expect(news.read_confirmation).to_have_attribute("role", "status")
    assert _same_document(reader)
    reader.reload()
    expect(home.must_know).to_have_count(0)
    expect(home.card("New fire drill procedure").read_confirmation).to_contain_text(
        "Je hebt bevestigd"
    )

    # The editor follows up, per unit.
    page.goto(news_url)
    with page.expect_navigation():
        PostPage(page).tools.get_by_role("link", name="Who has read it").click()
    confirmations = BasePage(page)
    expect(confirmations.heading).to_have_text("Who has read it")
    expect(confirmations.main).to_contain_text("1 of 4 confirmed")
    row = confirmations.main.locator("table tbody tr").filter(has_text="De Regenboog")
    expect(row.locator("td").first).to_have_text("1 / 3 (33%)")
    check_page(page, "feed-news-confirmations")


def test_home_stream_shows_more_with_and_without_javascript(
    page: Page, school: School, log_in_as, page_as, check_page
) -> None:
    for n in range(1, 26):
        post_write(
            actor=school.colleague, space=school.space, draft=Draft(body=f"Notice number {n}.")
        )
    log_in_as(school.teacher)
    home = HomeStream(page)
    home.open()
    expect(home.cards).to_have_count(20)
    expect(home.cards.first).to_contain_text("Notice number 25.")
    _mark_document(page)
    home.show_more.click()
    expect(home.cards).to_have_count(25)
    expect(home.cards.last).to_contain_text("Notice number 1.")
    expect(home.show_more).to_have_count(0)
    assert _same_document(page)  # appended by htmx
    check_page(page, "feed-home-more")

    plain = HomeStream(page_as(school.teacher, javascript=False))
    plain.open()
    expect(plain.cards).to_have_count(20)
    with plain.page.expect_navigation():
        plain.show_more.click()
    expect(plain.page).to_have_url(re.compile(r"[?&]cursor="))
    expect(plain.cards).to_have_count(5)
    expect(plain.cards.first).to_contain_text("Notice number 5.")
    expect(plain.cards.last).to_contain_text("Notice number 1.")
    expect(plain.show_more).to_have_count(0)
