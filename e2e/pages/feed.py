"""Streams, posts and the composer: cards and their reactions, a post's thread, must-know news."""

import re

from playwright.sync_api import Locator, Page

from e2e.pages.base import BasePage


class PostCard:
    """One post in a stream or on its own page: text, photos, reactions, the read button."""

    def __init__(self, root: Locator) -> None:
        self.root = root

    @property
    def images(self) -> Locator:
        return self.root.locator(".post-images img")

    @property
    def cover(self) -> Locator:
        return self.root.locator("img.post-card__cover")

    @property
    def reactions(self) -> Locator:
        return self.root.locator(".post-card__foot .reactions")

    @property
    def reaction_counts(self) -> Locator:
        """The link to who reacted; reads like "Thanks: 1 Like: 1 Who reacted"."""
        return self.reactions.locator(".reaction-counts")

    @property
    def reaction_picker(self) -> Locator:
        return self.reactions.locator("details.reaction-picker")

    def open_reactions(self) -> Locator:
        self.reaction_picker.locator("summary").click()
        return self.reaction_picker.get_by_role("button")

    def react(self, label: str) -> None:
        """Open the picker and choose a reaction; without JavaScript this loads the page again."""
        self.open_reactions()
        self.reaction_picker.get_by_role("button", name=label, exact=True).click()

    @property
    def comments_link(self) -> Locator:
        return self.root.locator(".post-card__foot a.chip[href$='#comments']")

    @property
    def badges(self) -> Locator:
        return self.root.locator(".post-card__badges")

    @property
    def read_confirmation(self) -> Locator:
        return self.root.locator(".read-confirm")


class StreamPage(BasePage):
    """Any stream (home, a space's posts): filters, the must-know block, cards, "Show more"."""

    @property
    def filters(self) -> Locator:
        return self.main.locator("nav.stream-filters")

    @property
    def cards(self) -> Locator:
        return self.main.locator(".stream__items article.post-card")

    def card(self, text: str) -> PostCard:
        return PostCard(self.cards.filter(has_text=text))

    @property
    def must_know(self) -> Locator:
        return self.main.locator("section.must-know")

    def must_know_card(self, text: str) -> PostCard:
        return PostCard(self.must_know.locator("article.post-card").filter(has_text=text))

    @property
    def show_more(self) -> Locator:
        return self.main.locator("a[rel=next]")


class HomeStream(StreamPage):
    path = "/"


class SpaceStream(StreamPage):
    def __init__(self, page: Page, slug: str, filter_: str = "") -> None:
        super().__init__(page)
        self.path = f"/ruimtes/{slug}/berichten/" + (f"?filter={filter_}" if filter_ else "")


class ComposePage(BasePage):
    """Writing a post, question, news item or poll in one space (`?soort=`)."""

    def __init__(self, page: Page, slug: str, kind: str = "post") -> None:
        super().__init__(page)
        self.path = f"/berichten/schrijven/{slug}/?soort={kind}"

    @property
    def form(self) -> Locator:
        return self.main.locator("form.form")

    def field(self, label: str) -> Locator:
        """A field by its label, with or without Django's label suffix (a colon)."""
        return self.form.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))

    def submit(self, label: str) -> None:
        with self.page.expect_navigation():
            self.form.get_by_role("button", name=label, exact=True).click()


class PostPage(BasePage):
    """A post's own page: the card, the tools, the photo descriptions and the comment thread."""

    def __init__(self, page: Page, pk: int | None = None) -> None:
        """Without `pk`: the post page the browser is on now."""
        super().__init__(page)
        self.path = f"/berichten/{pk}/" if pk else page.url

    @property
    def card(self) -> PostCard:
        return PostCard(self.main.locator("article.post-card"))

    @property
    def tools(self) -> Locator:
        return self.main.locator(".post-tools")

    # --- Describing photos after posting
    @property
    def describe_section(self) -> Locator:
        return self.main.locator("section[aria-labelledby=describe-heading]")

    def describe_first_photo(self, label: str, text: str, button: str) -> None:
        form = self.describe_section.locator("form.describe-form").first
        form.get_by_label(label, exact=True).fill(text)
        with self.page.expect_navigation():
            form.get_by_role("button", name=button, exact=True).click()

    # --- The thread
    @property
    def thread(self) -> Locator:
        return self.main.locator("section#comments")

    @property
    def comments(self) -> Locator:
        """The top-level comments (answers), in the order shown."""
        return self.thread.locator("ol.comments:not(.comments--replies) > li > article.comment")

    def comment(self, text: str) -> Locator:
        return self.comments.filter(has_text=text)

    def write_comment(self, label: str, text: str, button: str) -> None:
        form = self.thread.locator("form.comment-form").first
        form.get_by_label(label, exact=True).fill(text)
        with self.page.expect_navigation():
            form.get_by_role("button", name=button, exact=True).click()

    def accept(self, answer_text: str, button: str) -> None:
        with self.page.expect_navigation():
            self.comment(answer_text).get_by_role("button", name=button).click()
