"""The canary sweep, reusable by every issue (ARCHITECTURE.md §11).

Plant unique strings ("canaries") where an outsider must never read them, then request every URL
pattern of the live URL conf as each outsider — plain, as an htmx partial and as a search/export —
and look for the canaries in every response body and header, and in the mail that went out.

The sweep walks `get_resolver()` itself, so a new URL is swept the day it is added. Path parameters
come from a registry the calling test owns (`{"slug": [...], "spaces:decide.user_id": [...]}`); a
pattern with a parameter the registry cannot fill fails the sweep with a message saying what to
register, so nothing is skipped silently.

Usage (see tests/test_canary_sweep.py):

    canaries = Canaries()
    secret_name = canaries.plant("secret", "space name")        # "kanarie…" — put it in the data
    targets = sweep_targets(registry)                           # every pattern, filled
    problems = sweep(client, targets, canaries.of("secret"), login=lambda: ...)
    assert not problems, "\\n".join(problems)
"""

import itertools
import logging
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.core.mail import EmailMessage
from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

PREFIX = "kanarie"


# -- canaries --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Canary:
    group: str  # whose secret it is, e.g. "secret" (the secret space) or "request"
    label: str  # where it was planted, e.g. "space name"
    token: str


@dataclass
class Canaries:
    """The canaries of one test run. Every token starts with "kanarie" + the run id.

    `fragment` is the run id alone: a search for it finds every planted text, while a page that
    merely repeats the search term back (a search box) does not contain a canary."""

    run: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    planted: list[Canary] = field(default_factory=list)

    @property
    def fragment(self) -> str:
        return self.run

    def plant(self, group: str, label: str) -> str:
        token = f"{PREFIX}{self.run}{group}{len(self.planted)}x"
        self.planted.append(Canary(group, label, token))
        return token

    def token_of(self, label: str) -> str:
        return next(c.token for c in self.planted if c.label == label)

    def of(self, *groups: str) -> list[Canary]:
        return [c for c in self.planted if c.group in groups]


def found(text: str, canaries: Iterable[Canary]) -> list[Canary]:
    return [c for c in canaries if c.token in text]


# -- the URL conf ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # "spaces:detail"; an unnamed pattern is named by its route
    route: str  # the full route, e.g. "ruimtes/<slug:slug>/leden/"
    params: tuple[str, ...]


ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()\\]|\\.|\([^()]*\))*\)")


def _part(pattern: object) -> str:
    """One pattern's piece of the path template, regex anchors removed."""
    text = str(pattern)
    if type(pattern).__name__ == "RegexPattern":
        text = text.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    return text


def routes() -> list[Route]:
    """Every URL pattern of the live URL conf, nested includes resolved."""
    found_routes: list[Route] = []

    def walk(patterns: Sequence[object], prefix: str, namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, prefix + _part(p.pattern), ns)
            elif isinstance(p, URLPattern):
                route = prefix + _part(p.pattern)
                params = [m["name"] for m in REGEX_GROUP.finditer(route)]
                params += [m["name"] for m in ROUTE_PARAM.finditer(REGEX_GROUP.sub("", route))]
                name = f"{namespace}{p.name}" if p.name else f"{namespace}<{route}>"
                found_routes.append(Route(name, route, tuple(params)))

    walk(get_resolver().url_patterns, "", "")
    return found_routes


def _values(registry: Mapping[str, Sequence[str]], route: Route, param: str) -> Sequence[str]:
    for key in (f"{route.name}.{param}", param):
        if key in registry:
            return registry[key]
    return ()


def _path(route: Route, values: Mapping[str, str]) -> str:
    path = re.sub(r"\\(.)", r"\1", REGEX_GROUP.sub(lambda m: f"\0{m['name']}\0", route.route))
    path = ROUTE_PARAM.sub(lambda m: values[m["name"]], path)
    return "/" + re.sub("\0(\\w+)\0", lambda m: values[m[1]], path)


def sweep_targets(registry: Mapping[str, Sequence[str]]) -> list[tuple[Route, str]]:
    """Every pattern of the URL conf as request paths: each parameter filled with each of its
    registered values. Fails when a pattern cannot be filled or a filled path does not resolve."""
    targets: list[tuple[Route, str]] = []
    problems: list[str] = []
    for route in routes():
        choices = {p: _values(registry, route, p) for p in route.params}
        missing = [p for p, values in choices.items() if not values]
        if missing:
            problems.append(
                f"{route.name} (/{route.route}): register values for {missing} in the sweep's "
                f"parameter registry (as {missing[0]!r} or {route.name + '.' + missing[0]!r})"
            )
            continue
        names = list(choices)
        for combination in itertools.product(*(choices[n] for n in names)):
            path = _path(route, dict(zip(names, combination, strict=True)))
            try:
                resolve(path)
            except Resolver404:
                problems.append(f"{route.name}: the filled path {path} does not resolve")
                continue
            targets.append((route, path))
    assert not problems, "The canary sweep cannot request every URL:\n" + "\n".join(problems)
    return targets


# -- requests --------------------------------------------------------------------------------------


def variants(canaries: Canaries) -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """How each URL is asked: a page, an htmx partial, and a search/export with the run id."""
    return [
        ("GET", {}, {}),
        ("GET htmx", {}, {"HX-Request": "true"}),
        ("GET ?q&format=csv", {"q": canaries.fragment, "format": "csv"}, {}),
    ]


def response_text(response: HttpResponseBase) -> str:
    """Body, headers and cookies of a response, as one text to search."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    else:
        body = response.content  # type: ignore[attr-defined]
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return body.decode("utf-8", "replace") + "\n" + headers + "\n" + response.cookies.output()


def sweep(
    client: Client,
    targets: Sequence[tuple[Route, str]],
    canaries: Sequence[Canary],
    *,
    how: Sequence[tuple[str, dict[str, str], dict[str, str]]],
    login: Callable[[], None] = lambda: None,
    allowed: Callable[[Route], bool] = lambda route: False,
    actor: str = "",
) -> list[str]:
    """Request every target in every way; return each leak (and each server error) found.

    `login` signs the actor in again when a response changed the session (a login or logout
    page); `allowed` names the routes where this actor may legitimately read these canaries."""
    problems: list[str] = []
    login()
    # Thousands of expected 403s and 404s: do not log each one (a 500 is still reported).
    quiet = logging.getLogger("django.request")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        _requests(client, targets, canaries, how, login, allowed, actor, problems)
    finally:
        quiet.setLevel(level)
    return problems


def _requests(
    client: Client,
    targets: Sequence[tuple[Route, str]],
    canaries: Sequence[Canary],
    how: Sequence[tuple[str, dict[str, str], dict[str, str]]],
    login: Callable[[], None],
    allowed: Callable[[Route], bool],
    actor: str,
    problems: list[str],
) -> None:
    for route, path in targets:
        if allowed(route):
            continue
        for label, data, headers in how:
            try:
                response = client.get(path, data, headers=headers)
            except Exception as error:  # a crash is a finding too, never a pass
                problems.append(f"{actor}: {label} {path} raised {error!r}")
                login()
                continue
            if response.status_code >= 500:
                problems.append(f"{actor}: {label} {path} answered {response.status_code}")
            for canary in found(response_text(response), canaries):
                problems.append(
                    f"{actor}: {label} {path} ({route.name}) shows the {canary.group} "
                    f"{canary.label}"
                )
            if "sessionid" in response.cookies:
                login()


def mail_leaks(
    outbox: Sequence[EmailMessage], outsiders: Mapping[str, Sequence[Canary]]
) -> list[str]:
    """Mails to an outsider (by address) that carry a canary that outsider must not read."""
    problems = []
    for message in outbox:
        text = "\n".join(
            [
                str(message.subject),
                str(message.body),
                *(str(content) for content, _ in getattr(message, "alternatives", [])),
                *(f"{k}: {v}" for k, v in message.extra_headers.items()),
            ]
        )
        for address in [*message.to, *message.cc, *message.bcc]:
            for canary in found(text, outsiders.get(address.lower(), [])):
                problems.append(
                    f"mail “{message.subject}” to {address} shows the {canary.group} {canary.label}"
                )
    return problems
