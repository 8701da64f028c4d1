"""Playwright fixtures: one Chromium per worker, a context per test, axe and screenshots."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
BLOCKING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 10_000


def pytest_configure(config: pytest.Config) -> None:
    # Registered here too, so that `-p no:xdist` runs do not trip over --strict-markers.
    config.addinivalue_line("markers", "xdist_group(name): run in one xdist worker with its group")


class _Chromium:
    """One Chromium per worker, alive while the browser tests run.

    Playwright's sync API keeps an event loop running in this thread, and Django refuses ORM calls
    while one runs, so DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly as long as the browser lives:
    not for the other tests a worker runs afterwards, nor for the subprocesses they start.
    """

    def __init__(self) -> None:
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None

    def get(self) -> Browser:
        if self.browser is None:
            if not Path(CHROMIUM).exists():
                pytest.fail("Browser tests need Debian's Chromium: run `make browser`")
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
        return self.browser

    def stop(self) -> None:
        if self.browser is not None:
            self.browser.close()
        if self.playwright is not None:
            self.playwright.stop()
        self.browser = self.playwright = None
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


_chromium = _Chromium()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield  # the test's own fixtures, its browser context included, are gone now
    if nextitem is None or nextitem.get_closest_marker("e2e") is None:
        _chromium.stop()


@pytest.fixture
def browser() -> Browser:
    """The worker's shared Chromium: started by the first browser test, stopped after the last."""
    return _chromium.get()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # The organisation row is cached per process; every test starts from an empty database.
    cache.clear()


def watch_csp(page: Page, errors: list[str]) -> None:
    """Collect in `errors` what the Content Security Policy refuses on `page`: a strict CSP only
    shows its teeth in a browser, where inline styles or scripts are refused, quietly."""
    page.on(
        "console",
        lambda message: (
            errors.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    """A new browser context, like a Dutch teacher's browser: Dutch first, desktop width."""
    context = browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, locale="nl-NL", timezone_id="Europe/Amsterdam"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    csp_errors: list[str] = []
    watch_csp(page, csp_errors)
    yield page
    context.close()
    assert not csp_errors, "CSP refused something:\n" + "\n".join(csp_errors)


def screenshot(page: Page, path: Path, viewport: dict[str, int]) -> None:
    """The whole page, taken with a viewport as tall as the page.

    A plain full-page screenshot paints fixed elements (the phone's bottom bar) where the first
    screen ends, on top of content that a person would scroll into view above it.
    """
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height)})
    page.screenshot(path=path)
    page.set_viewport_size(viewport)


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def axe_violations(page: Page, axe: Axe) -> list[dict]:
    """axe-core's violations on the page as it is now (injected once per document: it is large)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe.axe_script)
    return page.evaluate(
        "axe.run({resultTypes: ['violations']}).then(results => results.violations)"
    )


@pytest.fixture
def check_page(axe: Axe) -> Callable[[Page, str], None]:
    """`check_page(page, "login")`: axe and a screenshot at desktop and at phone width.

    Fails listing every serious or critical violation.
    """

    def check(page: Page, name: str) -> None:
        SCREENSHOTS.mkdir(exist_ok=True)
        problems: list[str] = []
        findings: list[str] = []
        for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            for violation in axe_violations(page, axe):
                impact = violation["impact"]
                targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"])
                line = f"[{label}] {violation['id']} ({impact}): {violation['help']} → {targets}"
                findings.append(line)
                if impact in BLOCKING_IMPACTS:
                    problems.append(line)
            screenshot(page, SCREENSHOTS / f"{name}-{label}.png", viewport)
        page.set_viewport_size(DESKTOP)
        # Lesser findings do not fail the test; they stay beside the screenshots for whoever looks.
        (SCREENSHOTS / f"{name}-axe.txt").write_text("".join(f"{line}\n" for line in findings))
        if problems:
            pytest.fail(f"axe on {name} ({page.url}):\n" + "\n".join(problems), pytrace=False)

    return check


@pytest.fixture
def log_in_as(page: Page, live_server) -> Callable[..., Page]:
    """Sign a person in without the login form (the form has its own tests): `log_in_as(user)`."""
    from django.conf import settings
    from django.test import Client

    def log_in(user) -> Page:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )
        return page

    return log_in
