"""Route inventory: every URL pattern of Kring is exercised by at least one test.

A route counts as tested when a test names it in full ("app:name", as reverse() or a page object
does), or by its bare name in a test file that also names routes of that namespace (a local
helper such as url("name", obj) building "app:" + name). This test fails when a new named route
has no test of its own; the canary sweep (test_canary_sweep.py) additionally requests every
pattern of the URL conf as every outsider.
"""

import pathlib
import re

from django.urls import URLPattern, URLResolver, get_resolver

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Third-party URL confs test themselves; Kring's own names and allauth pages we restyle are ours.
OWN_NAMESPACES = ("feed", "accounts", "admin_console", "spaces")


def kring_route_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}{p.namespace}:"
                walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name and namespace.rstrip(":") in OWN_NAMESPACES:
                names.add(f"{namespace}{p.name}")

    walk(get_resolver().url_patterns)
    return names | {"set_language", "brand_css", "account_login", "account_logout"}


def sources_of_tests() -> list[str]:
    sources = []
    for path in [
        *ROOT.glob("kring/**/tests/**/*.py"),
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("e2e/**/*.py"),
    ]:
        # The sweep's helper walks every route without naming one: it proves no route tested.
        if path.name not in ("test_routes.py", "canary.py"):
            sources.append(path.read_text())
    return sources


def quoted(name: str, text: str) -> bool:
    return re.search(rf"[\"']{re.escape(name)}[\"']", text) is not None


def named(route: str, sources: list[str]) -> bool:
    """Named in full anywhere, or by its bare name next to its namespace (url("name", obj))."""
    namespace, _, bare = route.rpartition(":")
    return any(
        quoted(route, text) or (quoted(bare, text) and (not namespace or f"{namespace}:" in text))
        for text in sources
    )


def test_every_url_pattern_has_a_test():
    sources = sources_of_tests()
    missing = sorted(n for n in kring_route_names() if not named(n, sources))
    assert not missing, f"URL patterns without a test that requests them: {missing}"


def test_a_bare_name_counts_only_beside_its_namespace():
    assert named("spaces:members", ['reverse("spaces:members", args=[slug])'])
    assert named(
        "spaces:members", ['def url(name): return reverse(f"spaces:{name}")\nurl("members")']
    )
    # "members" as a dictionary key in a file about something else proves nothing.
    assert not named("spaces:members", ['context["members"]', 'reverse("feed:home")'])
