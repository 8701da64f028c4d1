from playwright.sync_api import Locator

from e2e.pages.base import BasePage


class LoginPage(BasePage):
    path = "/accounts/login/"

    @property
    def email(self) -> Locator:
        return self.main.locator("input[name=login]")

    @property
    def password(self) -> Locator:
        return self.main.locator("input[name=password]")

    @property
    def submit(self) -> Locator:
        return self.main.locator("form button[type=submit]")

    @property
    def error(self) -> Locator:
        return self.main.get_by_role("alert")

    def log_in(self, email: str, password: str) -> None:
        self.email.fill(email)
        self.password.fill(password)
        with self.page.expect_navigation():
            self.submit.click()
