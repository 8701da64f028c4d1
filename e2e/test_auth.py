"""Logging in and out, the language switcher and keyboard use of the top bar."""

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.pages.home import HomePage
from e2e.pages.login import LoginPage
from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.org.tests.factories import unit_factory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("e2e"),
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "correct-horse-battery"


@pytest.fixture
def teacher() -> User:
    board = unit_factory("Stichting Testbestuur", kind="organisation")
    school = unit_factory("De Regenboog", kind="school", parent=board)
    return UserFactory(
        email="femke@example.org",
        display_name="Femke de Vries",
        primary_unit=school,
        job_title="Leerkracht",
    )


def test_teacher_logs_in_in_dutch_switches_to_english_and_logs_out(
    page: Page, teacher: User, check_page
) -> None:
    login = LoginPage(page)
    login.open()
    assert login.language == "nl"
    # Dutch is the default: the form speaks Dutch before anyone has chosen a language.
    expect(page.get_by_label("E-mailadres", exact=True)).to_be_visible()
    expect(page.get_by_label("Wachtwoord", exact=True)).to_be_visible()
    expect(login.submit).to_have_text("Inloggen")
    check_page(page, "login")

    login.log_in(teacher.email, PASSWORD)

    home = HomePage(page)
    expect(page).to_have_url(re.compile(r"/$"))
    assert home.language == "nl"
    expect(home.heading).to_contain_text("Femke")
    expect(home.main).to_contain_text("De Regenboog")
    expect(home.heading).to_have_text("Welkom, Femke")
    check_page(page, "home")

    expect(home.language_button()).to_have_text("English")
    home.switch_language()

    assert home.language == "en"
    expect(home.heading).to_have_text("Welcome, Femke")
    expect(home.main).to_contain_text("You work at De Regenboog.")
    expect(home.language_button()).to_have_text("Nederlands")
    teacher.refresh_from_db()
    assert teacher.language == "en"

    # The choice sticks on the next page.
    page.get_by_role("link", name="Change password").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/password/change/$"))
    assert home.language == "en"
    check_page(page, "change-password")

    home.log_out("Log out")

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(login.email).to_be_visible()
    expect(home.account_menu).to_have_count(0)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page: Page) -> None:
    login = LoginPage(page)
    login.open()

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be on screen"

    page.keyboard.press("Enter")
    expect(login.main).to_be_focused()
    # The next Tab continues inside main, not back in the top bar.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_account_menu_opens_with_the_keyboard(page: Page, teacher: User, log_in_as) -> None:
    log_in_as(teacher)
    home = HomePage(page)
    home.open()

    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    expect(home.account_menu_toggle).to_be_focused()
    expect(home.account_menu_toggle).to_have_accessible_name(re.compile(r".+"))
    expect(home.account_menu).not_to_have_attribute("open", "")

    page.keyboard.press("Enter")
    expect(home.account_menu).to_have_attribute("open", "")
    panel = home.account_menu.locator(".menu__panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(teacher.display_name)

    # Every item in the menu is reachable with Tab, up to the log-out button.
    seen = []
    for _ in range(5):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.textContent.trim()"))
        if page.evaluate("document.activeElement.closest('.menu__panel') === null"):
            break
        if page.evaluate("document.activeElement.type") == "submit":
            break
    logout = panel.locator("button[type=submit]")
    expect(logout).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))


def test_wrong_password_shows_an_error_and_stays_on_the_login_page(
    page: Page, teacher: User, check_page
) -> None:
    login = LoginPage(page)
    login.open()

    login.log_in(teacher.email, "not-the-password")

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(login.error).to_be_visible()
    wrong_password = login.error.inner_text().strip()
    assert wrong_password
    expect(login.email).to_have_value(teacher.email)
    expect(login.password).to_have_value("")
    check_page(page, "login-error")

    # No user enumeration: an unknown address gets the very same answer.
    login.log_in("nobody@example.org", "not-the-password")
    expect(login.error).to_have_text(wrong_password)
    expect(page.get_by_role("main").get_by_role("heading", level=1)).to_have_count(1)
