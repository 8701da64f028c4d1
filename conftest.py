"""Actors for every test (ARCHITECTURE.md §11). Space-bound actors arrive with the spaces issue."""

import pytest

from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.org.tests.factories import unit_factory

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (rate limits, the cached organisation)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def board(db):
    return unit_factory("Stichting Testbestuur", kind="organisation")


@pytest.fixture
def school(board):
    return unit_factory("De Regenboog", kind="school", parent=board)


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def member(school):
    return UserFactory(display_name="Mila Member", primary_unit=school)


@pytest.fixture
def other_member(school):
    return UserFactory(display_name="Otto Other", primary_unit=school)


@pytest.fixture
def guest(db):
    return UserFactory(display_name="Gijs Guest", role=User.Role.GUEST, job_title="")


@pytest.fixture
def deactivated(school):
    return UserFactory(
        display_name="Dirk Departed",
        primary_unit=school,
        status=User.Status.DEACTIVATED,
        is_active=False,
    )


@pytest.fixture
def comms_editor(board):
    return UserFactory(display_name="Carla Comms", role=User.Role.COMMS_EDITOR, primary_unit=board)


@pytest.fixture
def community_manager(board):
    return UserFactory(
        display_name="Chris Community", role=User.Role.COMMUNITY_MANAGER, primary_unit=board
    )


@pytest.fixture
def admin_user(board):
    return UserFactory(
        display_name="Anna Admin", role=User.Role.ADMIN, primary_unit=board, is_staff=True
    )


@pytest.fixture
def as_user(client):
    """Log `client` in as a user: `as_user(member).get(url)`."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _source_language():
    """Outside a request, code speaks English (the source language), so tests can assert the
    source strings whatever the catalogue holds; a request still picks its own language (Dutch by
    default) in LocaleMiddleware. It also stops a request's language leaking into the next test."""
    from django.utils import translation

    with translation.override("en"):
        yield
