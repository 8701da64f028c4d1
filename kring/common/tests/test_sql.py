"""Compiling a subquery once per person and second, and what that must not change."""

from datetime import timedelta

import pytest

from kring.common import clock
from kring.common.models import AuditEntry
from kring.common.sql import compiled_once

pytestmark = pytest.mark.django_db


class Person:
    """Whoever the subquery is compiled for (a request's user, in Kring)."""


@pytest.fixture
def pinned():
    clock.pin(clock.now().replace(microsecond=0))
    yield
    clock.pin(None)


def test_compiled_once_per_owner_within_a_second(pinned):
    built = []

    def build():
        built.append(1)
        return AuditEntry.objects.filter(at__lt=clock.now()).values("pk")

    someone, someone_else = Person(), Person()
    first = compiled_once(someone, "past", build)
    assert compiled_once(someone, "past", build) is first
    assert len(built) == 1
    compiled_once(someone_else, "past", build)  # another person: compiled for them
    assert len(built) == 2
    clock.pin(clock.now() + timedelta(seconds=1))  # "now" is a parameter: a new second compiles
    later = compiled_once(someone, "past", build)
    assert later is not first and len(built) == 3
    assert later.params != first.params


def test_the_compiled_statement_still_runs_fresh():
    logins = compiled_once(
        Person(), "logins", lambda: AuditEntry.objects.filter(action="login").values("pk")
    )
    assert not AuditEntry.objects.filter(pk__in=logins).exists()
    entry = AuditEntry.objects.create(action="login")
    assert list(AuditEntry.objects.filter(pk__in=logins)) == [entry]
