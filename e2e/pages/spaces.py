from playwright.sync_api import Locator, Page

from e2e.pages.base import BasePage


class DirectoryPage(BasePage):
    """The space directory: a search box, folded filters and cards with their buttons."""

    path = "/ruimtes/"

    @property
    def search(self) -> Locator:
        return self.main.get_by_role("searchbox", name="Search spaces")

    @property
    def results(self) -> Locator:
        return self.main.locator("#results")

    def section(self, name: str) -> Locator:
        return self.main.get_by_role("region", name=name, exact=True)

    def card(self, name: str, section: str = "All spaces") -> Locator:
        heading = self.page.get_by_role("heading", name=name, exact=True)
        return self.section(section).locator("article.space-card").filter(has=heading)

    def open_filters(self) -> None:
        self.main.locator("summary", has_text="More filters").click()

    def filter_by(self, label: str, option: str) -> None:
        self.main.get_by_label(label, exact=True).select_option(label=option)


class SpacePage(BasePage):
    """A space's own page: its header with the buttons, its tabs, and what is below."""

    def __init__(self, page: Page, slug: str) -> None:
        super().__init__(page)
        self.path = f"/ruimtes/{slug}/"

    @property
    def header_actions(self) -> Locator:
        return self.main.locator(".space-hero__actions")

    @property
    def tabs(self) -> Locator:
        return self.main.get_by_role("navigation", name="Space")

    def tab(self, name: str) -> Locator:
        return self.tabs.get_by_role("link", name=name, exact=True)

    @property
    def requests(self) -> Locator:
        return self.main.locator(".request")

    def request_of(self, name: str) -> Locator:
        return self.requests.filter(has_text=name)
