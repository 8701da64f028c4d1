from playwright.sync_api import Locator

from e2e.pages.base import BasePage


class ConsolePage(BasePage):
    """Any admin console page: the sections' navigation above the page's own content."""

    def __init__(self, page, path: str) -> None:
        super().__init__(page)
        self.path = path

    @property
    def sections(self) -> Locator:
        return self.main.locator("nav.console-nav")

    @property
    def current_section(self) -> Locator:
        return self.sections.locator("a[aria-current=page]")
