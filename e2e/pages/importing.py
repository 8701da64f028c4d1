from playwright.sync_api import Locator

from e2e.pages.console import ConsolePage


class ImportPage(ConsolePage):
    """The employee import: the upload form, then the dry run of one file with its Apply button."""

    def __init__(self, page) -> None:
        super().__init__(page, "/beheer/import/")

    @property
    def file_input(self) -> Locator:
        return self.page.get_by_label("Employee file (CSV)")

    def upload(self, filename: str, content: str) -> None:
        self.file_input.set_input_files(
            {"name": filename, "mimeType": "text/csv", "buffer": content.encode()}
        )
        with self.page.expect_navigation():
            self.main.get_by_role("button", name="Check the file").click()

    def count(self, label: str) -> Locator:
        """The number on the dry run's summary tile that says `label` ("to create", "problems"…)."""
        tile = self.main.locator(".stats .tile").filter(has_text=label)
        return tile.locator(".stat")

    @property
    def apply_button(self) -> Locator:
        return self.main.get_by_role("button", name="Apply")

    def apply(self) -> None:
        with self.page.expect_navigation():
            self.apply_button.click()

    @property
    def problems(self) -> Locator:
        return self.main.get_by_role("region", name="Problems").locator("tbody tr")

    @property
    def changes(self) -> Locator:
        return self.main.get_by_role("region", name="Changes").locator("tbody tr")
