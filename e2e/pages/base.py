"""What every page has: a top bar (language switcher, account menu) and a main landmark."""

from playwright.sync_api import Locator, Page


class BasePage:
    path = "/"

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> "BasePage":
        self.page.goto(self.path)
        return self

    @property
    def language(self) -> str | None:
        return self.page.locator("html").get_attribute("lang")

    @property
    def heading(self) -> Locator:
        return self.page.get_by_role("heading", level=1)

    @property
    def main(self) -> Locator:
        return self.page.get_by_role("main")

    @property
    def messages(self) -> Locator:
        return self.page.locator(".messages")

    # --- Top bar
    @property
    def banner(self) -> Locator:
        return self.page.get_by_role("banner")

    def language_button(self) -> Locator:
        """The switcher shows the other language, named in that language."""
        return self.banner.locator("form.langswitch button[name=language]")

    def switch_language(self) -> None:
        with self.page.expect_navigation():
            self.language_button().click()

    @property
    def account_menu(self) -> Locator:
        return self.banner.locator("details.menu")

    @property
    def account_menu_toggle(self) -> Locator:
        return self.account_menu.locator("summary")

    def open_account_menu(self) -> Locator:
        self.account_menu_toggle.click()
        return self.account_menu.locator(".menu__panel")

    def log_out(self, label: str) -> None:
        panel = self.open_account_menu()
        with self.page.expect_navigation():
            panel.get_by_role("button", name=label).click()
