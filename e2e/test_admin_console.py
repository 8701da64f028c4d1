"""An administrator walks through the admin console, opens its detail pages and lands on a 404."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from e2e.pages.base import BasePage
from e2e.pages.console import ConsolePage
from kring.accounts.models import User
from kring.accounts.services.invitations import person_invite
from kring.accounts.services.people import person_change_role
from kring.accounts.services.rollout import wave_create
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.org.models import OrgUnit
from kring.org.services import unit_create

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("e2e"),
    pytest.mark.django_db(transaction=True),
]

# The console's sections as its navigation names them, and each section's heading.
SECTIONS = {
    "Overview": "Admin console",
    "People": "People",
    "Units": "Units",
    "Spaces": "Spaces",
    "Rollout waves": "Rollout waves",
    "Invitations": "Invitations",
    "Audit log": "Audit log",
    "Settings": "Settings",
}


@pytest.fixture
def administrator() -> User:
    """An administrator of a small board, with enough history to fill every console page.

    In English, so the assertions hold once Dutch translations arrive (the login test covers Dutch).
    """
    admin = UserFactory(
        display_name="Anna Admin", role=User.Role.ADMIN, is_staff=True, language="en"
    )
    board = unit_create(actor=admin, name="Stichting Kring", kind=OrgUnit.Kind.ORGANISATION)
    school = unit_create(actor=admin, name="De Regenboog", kind=OrgUnit.Kind.SCHOOL, parent=board)
    unit_create(actor=admin, name="Het Kompas", kind=OrgUnit.Kind.SCHOOL, parent=board)
    admin.primary_unit = board
    admin.save(update_fields=["primary_unit"])
    wave = wave_create(actor=admin, name="Iedereen", starts_at=clock.now() + timedelta(days=30))
    for name in ("Femke de Vries", "Sanne Bakker", "Youssef El Amrani"):
        UserFactory(display_name=name, primary_unit=school, wave=wave)
    editor = UserFactory(display_name="Carla Comms", primary_unit=board)
    person_change_role(actor=admin, person=editor, role=User.Role.COMMS_EDITOR)
    person_invite(actor=admin, email="noor@example.org", display_name="Noor Nieuw", unit=school)
    return admin


def test_administrator_walks_every_console_section(
    page: Page, administrator: User, log_in_as, check_page
) -> None:
    log_in_as(administrator)
    console = ConsolePage(page, reverse("admin_console:index"))
    console.open()
    names = console.sections.get_by_role("link").all_inner_texts()
    assert set(SECTIONS) <= set(names), f"console sections: {names}"

    for name in names:
        with page.expect_navigation():
            console.sections.get_by_role("link", name=name, exact=True).click()
        expect(console.current_section).to_have_text(name)
        expect(console.heading).to_have_count(1)
        if name in SECTIONS:
            expect(console.heading).to_have_text(SECTIONS[name])
        expect(console.main.locator(".errorlist")).to_have_count(0)
        check_page(page, "console-" + re.sub(r"\W+", "-", name.lower()))


def test_console_detail_and_form_pages(
    page: Page, administrator: User, log_in_as, check_page
) -> None:
    log_in_as(administrator)
    console = ConsolePage(page, reverse("admin_console:people"))

    console.open()
    console.main.get_by_role("link", name="Femke de Vries").click()
    expect(console.heading).to_have_text("Femke de Vries")
    check_page(page, "console-person")

    page.goto(reverse("admin_console:units"))
    console.main.get_by_role("link", name="De Regenboog").click()
    expect(console.heading).to_have_text("De Regenboog")
    check_page(page, "console-unit")

    page.goto(reverse("admin_console:units"))
    console.main.get_by_role("link", name="Add a unit").click()
    expect(console.heading).to_have_text("Add a unit")
    check_page(page, "console-unit-create")

    page.goto(reverse("admin_console:waves"))
    console.main.get_by_role("link", name="Iedereen").click()
    expect(console.heading).to_have_text("Iedereen")
    check_page(page, "console-wave")

    page.goto(reverse("admin_console:invitations"))
    with page.expect_navigation() as navigation:
        console.main.get_by_role("link", name="Invite people").click()
    assert navigation.value is not None and navigation.value.status == 200
    expect(console.heading).to_have_text("Invite people")
    # A form that nobody has sent yet shows no errors.
    expect(console.main.locator(".errorlist")).to_have_count(0)
    check_page(page, "console-invite")


def test_unknown_page_is_a_404_with_the_layout(
    page: Page, administrator: User, log_in_as, check_page
) -> None:
    log_in_as(administrator)

    response = page.goto("/bestaat-niet/")

    assert response is not None and response.status == 404
    not_found = BasePage(page)
    expect(not_found.heading).to_have_count(1)
    # The way back: the top bar and the navigation are still there.
    expect(not_found.account_menu).to_be_visible()
    expect(page.get_by_role("navigation", name="Main", exact=True)).to_be_visible()
    expect(not_found.main.get_by_role("link").first).to_be_visible()
    check_page(page, "not-found")

    # Someone who is not signed in gets the same page in the public layout.
    page.context.clear_cookies()
    response = page.goto("/bestaat-niet/")
    assert response is not None and response.status == 404
    expect(not_found.heading).to_have_count(1)
    expect(not_found.account_menu).to_have_count(0)
    check_page(page, "not-found-anonymous")
