"""GET the login page, anonymous, at 10,000 users."""

from typing import Any

from django.urls import reverse

from bench.run import Bench, Page


def run(bench: Bench) -> dict[str, Any]:
    return bench.measure_pages([Page(name="login", path=reverse("account_login"))])
