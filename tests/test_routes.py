"""Route inventory: every URL pattern of Kring is exercised by at least one test.

A route counts as tested when a test names it (reverse("app:name") or a page object does);
this test fails when a new named route has no test at all.
"""

import pathlib
import re

from django.urls import URLPattern, URLResolver, get_resolver

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Third-party URL confs test themselves; Kring's own names and allauth pages we restyle are ours.
OWN_NAMESPACES = ("feed", "accounts", "admin_console")


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


def referenced_in_tests() -> str:
    sources = []
    for path in [
        *ROOT.glob("kring/**/tests/**/*.py"),
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("e2e/**/*.py"),
    ]:
        if path.name != "test_routes.py":
            sources.append(path.read_text())
    return "\n".join(sources)


def test_every_url_pattern_has_a_test():
    text = referenced_in_tests()

    def named(route: str) -> bool:
        # Tests name a route fully ("app:name") or through a local helper (url("name", obj)).
        bare = route.rsplit(":", 1)[-1]
        return any(re.search(rf"[\"']{re.escape(n)}[\"']", text) for n in {route, bare})

    missing = sorted(n for n in kring_route_names() if not named(n))
    assert not missing, f"URL patterns without a test that requests them: {missing}"
