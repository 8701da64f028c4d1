from e2e.pages.base import BasePage


class HomePage(BasePage):
    path = "/"
