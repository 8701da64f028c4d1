"""A teacher finds, joins and asks to join spaces; the manager lets her in; everything checked
with axe and screenshotted at desktop and phone width."""

import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

from e2e.pages.spaces import DirectoryPage, SpacePage
from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.org.tests.factories import unit_factory
from kring.spaces.models import Membership, Space
from kring.spaces.services.counts import member_count_refresh
from kring.spaces.services.membership import space_join
from kring.spaces.services.spaces import community_create
from kring.spaces.services.structure import structure_ensure

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("e2e"),
    pytest.mark.django_db(transaction=True),
]


def _cover() -> SimpleUploadedFile:
    """A wide picture with soft bands, like a photo would sit in the header."""
    image = Image.new("RGB", (1200, 400), (236, 244, 250))
    draw = ImageDraw.Draw(image)
    for i, colour in enumerate([(31, 95, 139), (74, 144, 190), (140, 190, 220), (200, 225, 240)]):
        draw.ellipse((-200 + i * 320, 120 - i * 30, 500 + i * 320, 700), fill=colour)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return SimpleUploadedFile("cover.jpg", out.getvalue(), content_type="image/jpeg")


class Town:
    """A small board: two schools, a handful of colleagues and some communities."""

    def __init__(self) -> None:
        board = unit_factory("Stichting Kring", kind="organisation")
        school = unit_factory("De Regenboog", kind="school", parent=board)
        other = unit_factory("Het Kompas", kind="school", parent=board)
        self.teacher = UserFactory(
            display_name="Femke de Vries", primary_unit=school, job_title="Leerkracht groep 2",
            language="en",
        )  # fmt: skip
        self.manager = UserFactory(
            display_name="Sanne Bakker", primary_unit=other, job_title="Intern begeleider",
            language="en",
        )  # fmt: skip
        colleagues = [
            UserFactory(display_name=name, primary_unit=unit, job_title=job)
            for name, unit, job in [
                ("Youssef El Amrani", school, "Leerkracht groep 5"),
                ("Noor Jansen", school, "Leerkracht groep 7"),
                ("Bram de Groot", other, "Conciërge"),
                ("Lotte Visser", other, "Leerkracht groep 2"),
                ("Daan Smit", other, "Directeur"),
            ]
        ]
        structure_ensure()
        self.reading = community_create(
            actor=self.manager, name="Leesclub", access=Space.Access.OPEN,
            description="Tips over kinderboeken en voorlezen, voor alle groepen.",
            icon=Space.Icon.BOOK, tags=["lezen", "groep 1-8"], cover=_cover(),
        )  # fmt: skip
        self.ambassadors = community_create(
            actor=self.manager, name="Ambassadeurs", access=Space.Access.REQUEST,
            description="Collega's die anderen op weg helpen met Kring.",
            guidelines="Deel wat werkt, vraag wat niet werkt.\nWe helpen elkaar binnen twee dagen.",
            icon=Space.Icon.STAR, tags=["kring"],
        )  # fmt: skip
        self.group2 = community_create(
            actor=colleagues[3], name="Leerkrachten groep 2", access=Space.Access.OPEN,
            description="Voor alle leerkrachten van groep 2, van alle scholen.",
            icon=Space.Icon.GROUP, tags=["groep 2", "kleuters"],
        )  # fmt: skip
        community_create(
            actor=colleagues[4], name="Directieoverleg", access=Space.Access.SECRET,
            description="Vertrouwelijk overleg van de directeuren.", icon=Space.Icon.LOCK,
        )  # fmt: skip
        community_create(
            actor=colleagues[2], name="Personeelsvereniging", access=Space.Access.OPEN,
            description="Uitjes, borrels en de kerstmarkt.", icon=Space.Icon.SPARKLES,
            tags=["uitjes"],
        )  # fmt: skip
        for person in colleagues[:3]:
            space_join(actor=person, space=self.group2)
            space_join(actor=person, space=self.reading)
        guest = UserFactory(display_name="Oma Jansen", role=User.Role.GUEST, job_title="")
        Membership.objects.create(
            space=self.ambassadors, user=guest, role=Membership.Role.GUEST,
            joined_at=clock.now(), expires_at=clock.now() + timedelta(days=60),
        )  # fmt: skip
        Membership.objects.create(
            space=self.ambassadors, user=colleagues[0], role=Membership.Role.MODERATOR,
            joined_at=clock.now(),
        )  # fmt: skip
        member_count_refresh([self.ambassadors.pk])


@pytest.fixture
def town() -> Town:
    return Town()


def test_teacher_finds_joins_and_asks_and_the_manager_lets_her_in(
    page: Page, town: Town, log_in_as, check_page
) -> None:
    log_in_as(town.teacher)
    directory = DirectoryPage(page)
    directory.open()
    expect(directory.heading).to_have_text("Spaces")
    expect(directory.section("My spaces")).to_contain_text("De Regenboog")
    expect(directory.section("Suggested for you")).to_contain_text("Leerkrachten groep 2")
    expect(directory.main).not_to_contain_text("Directieoverleg")
    check_page(page, "spaces-directory")

    # Live search: the results follow the typing, without a page load.
    directory.search.fill("lees")
    expect(directory.section("Search results")).to_contain_text("Leesclub")
    expect(directory.section("Search results")).not_to_contain_text("Ambassadeurs")
    expect(page).to_have_url(re.compile(r"q=lees"))
    directory.search.fill("")
    expect(directory.section("All spaces")).to_contain_text("Ambassadeurs")

    directory.open_filters()
    directory.filter_by("Access", "On request")
    expect(directory.card("Ambassadeurs", "Search results")).to_be_visible()
    expect(directory.section("Search results")).not_to_contain_text("Leesclub")
    check_page(page, "spaces-directory-filtered")

    # Join an open community from its card: the buttons change in place.
    directory.open()
    card = directory.card("Leesclub")
    card.get_by_role("button", name="Join Leesclub").click()
    expect(card).to_contain_text("You joined “Leesclub”")
    expect(card.get_by_role("button", name="Leave Leesclub")).to_be_visible()

    # Ask to join the on-request community, with a message.
    directory.card("Ambassadeurs").get_by_role("link", name="Ask to join Ambassadeurs").click()
    expect(directory.heading).to_have_text("Ask to join “Ambassadeurs”")
    check_page(page, "spaces-request")
    page.get_by_label("Message to the managers (optional)").fill(
        "Ik help graag collega's van De Regenboog op weg."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Send request").click()
    expect(directory.messages).to_contain_text("Your request to join “Ambassadeurs” is sent")
    expect(directory.card("Ambassadeurs")).to_contain_text("Requested")

    # Outsiders see what it is about, not who is in it.
    ambassadors = SpacePage(page, town.ambassadors.slug)
    ambassadors.open()
    expect(ambassadors.main).to_contain_text("Your request is waiting")
    expect(ambassadors.main).not_to_contain_text("Oma Jansen")
    check_page(page, "space-page-outsider")

    # The manager answers.
    page.context.clear_cookies()
    log_in_as(town.manager)
    ambassadors.open()
    request = ambassadors.request_of("Femke de Vries")
    expect(request).to_contain_text("Ik help graag collega's")
    check_page(page, "space-page-manager")
    request.get_by_label("Message to Femke de Vries (optional)").fill("Welkom!")
    with page.expect_navigation():
        request.get_by_role("button", name="Accept").click()
    expect(ambassadors.messages).to_contain_text("Femke de Vries is now a member")
    expect(ambassadors.requests).to_have_count(0)

    # Back as the teacher: she is in.
    page.context.clear_cookies()
    log_in_as(town.teacher)
    ambassadors.open()
    expect(ambassadors.header_actions).to_contain_text("Member")
    expect(ambassadors.main).to_contain_text("Deel wat werkt")
    check_page(page, "space-page")


def test_members_settings_create_and_invite_pages(
    page: Page, town: Town, log_in_as, check_page
) -> None:
    log_in_as(town.manager)
    space = SpacePage(page, town.ambassadors.slug)
    space.open()
    with page.expect_navigation():
        space.tab("Members").click()
    expect(space.heading).to_have_text("Members")
    rows = space.main.locator(".member-row")
    expect(rows.filter(has_text="Oma Jansen")).to_contain_text("Guest")
    expect(rows.filter(has_text="Oma Jansen")).to_contain_text("Access until")
    # A manager's menu per person.
    youssef = rows.filter(has_text="Youssef El Amrani")
    youssef.locator("summary").click()
    expect(youssef.get_by_label("Role of Youssef El Amrani")).to_be_visible()
    check_page(page, "space-members")

    # Live search in the list.
    page.get_by_role("searchbox", name="Search members").fill("oma")
    expect(rows).to_have_count(1)
    expect(space.main).to_contain_text("1 member found")

    page.goto(reverse("spaces:settings", args=[town.reading.slug]))
    expect(space.heading).to_have_text("Settings")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Leesclub")
    check_page(page, "space-settings")

    page.goto(reverse("spaces:invite", args=[town.reading.slug]))
    page.get_by_role("searchbox", name="Find colleagues").fill("lot")
    expect(page.get_by_label("Lotte Visser")).to_be_visible()
    page.get_by_label("Lotte Visser").check()
    # A new search keeps who is ticked.
    page.get_by_role("searchbox", name="Find colleagues").fill("femke")
    expect(page.get_by_label("Femke de Vries")).to_be_visible()
    expect(page.get_by_label("Lotte Visser")).to_be_checked()
    check_page(page, "space-invite")
    with page.expect_navigation():
        page.get_by_role("button", name="Send invitations").click()
    expect(space.messages).to_contain_text("1 person is invited")

    page.goto(reverse("spaces:guests", args=[town.ambassadors.slug]))
    check_page(page, "space-guests")

    page.goto(reverse("spaces:create"))
    expect(space.heading).to_have_text("Create a community")
    check_page(page, "space-create")


def test_external_guest_sees_only_her_space(page: Page, town: Town, log_in_as, check_page) -> None:
    guest = User.objects.get(display_name="Oma Jansen")
    guest.language = "en"
    guest.save(update_fields=["language"])
    log_in_as(guest)
    directory = DirectoryPage(page)
    directory.open()
    expect(directory.section("Your spaces")).to_contain_text("Ambassadeurs")
    expect(directory.main).not_to_contain_text("Leesclub")
    expect(directory.main).not_to_contain_text("Create a community")
    check_page(page, "spaces-directory-guest")
