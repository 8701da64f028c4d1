"""Back to where one came from, never to another site."""

import pytest
from django.test import RequestFactory

from kring.common.redirects import safe_next


@pytest.fixture
def rf():
    return RequestFactory()


@pytest.mark.parametrize(
    ("next_", "expected"),
    [
        ("/ruimtes/koffie/", "/ruimtes/koffie/"),
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("/\\evil.example", None),
        ("ruimtes/", None),  # not a path from the root
        ("", None),
    ],
)
def test_next_must_be_a_path_on_this_site(rf, next_, expected):
    assert safe_next(rf.post("/doe/", {"next": next_})) == expected
    assert safe_next(rf.get("/doe/", {"next": next_})) == expected


def test_the_referer_only_when_asked_and_only_this_site(rf):
    here = rf.post("/doe/", HTTP_REFERER="http://testserver/berichten/12/")
    assert safe_next(here) is None
    assert safe_next(here, referer=True) == "http://testserver/berichten/12/"
    away = rf.post("/doe/", HTTP_REFERER="https://evil.example/phish")
    assert safe_next(away, referer=True) is None
    both = rf.post("/doe/", {"next": "/bewaard/"}, HTTP_REFERER="http://testserver/x/")
    assert safe_next(both, referer=True) == "/bewaard/"
