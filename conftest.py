"""Actors for every test (ARCHITECTURE.md §11), and the actors bound to a space (issue 8)."""

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
def other_school(board):
    return unit_factory("Het Anker", kind="school", parent=board)


@pytest.fixture
def non_member(other_school):
    """A colleague from another school who belongs to none of the test's spaces."""
    return UserFactory(display_name="Nina Nonmember", primary_unit=other_school)


@pytest.fixture
def space_owner(school):
    return UserFactory(display_name="Olaf Owner", primary_unit=school)


@pytest.fixture
def space_manager(school):
    return UserFactory(display_name="Mara Manager", primary_unit=school)


@pytest.fixture
def space_moderator(school):
    return UserFactory(display_name="Mees Moderator", primary_unit=school)


@pytest.fixture
def staffed(space_owner, space_manager, space_moderator, member, guest, school):
    """`staffed(kind)` gives a space of that kind ("news", "unit", "open", "request", "secret")
    where space_owner, space_manager, space_moderator, member and guest hold those roles.

    Communities get them as the services leave them. The news and unit spaces come from the
    structure services (member sits there by their unit, space_manager manages the school); the
    owner and moderator rows and the guest there cannot arise in production (structure spaces have
    no owner, guests join communities only) and are planted so every actor is answered for."""
    from kring.spaces.models import Membership, Space
    from kring.spaces.tests import factories as sf

    Role = Membership.Role

    def build(kind: str = "open", **fields):
        if kind in ("news", "unit"):
            if kind == "news":
                space = sf.the_news_space()
                sf.structure_spaces(member)
            else:
                school.manager = space_manager
                school.save(update_fields=["manager"])
                space = sf.unit_space_of(school, member, space_manager)
            sf.add_member(space, space_owner, Role.OWNER)
            sf.add_member(space, space_moderator, Role.MODERATOR)
            if kind == "news":
                sf.add_member(space, space_manager, Role.MANAGER)
            sf.guest_membership(space, guest)
            if fields:
                Space.objects.filter(pk=space.pk).update(**fields)
                space.refresh_from_db()
            return space
        members = {Role.MANAGER: [space_manager], Role.MODERATOR: [space_moderator]}
        members[Role.MEMBER] = [member]
        return sf.community(
            access=kind, owner=space_owner, members=members, guests=[guest], **fields
        )

    return build


@pytest.fixture
def guest_elsewhere(db):
    """An external guest of some other community: outside every space a test is about."""
    from kring.spaces.tests import factories as sf

    other = sf.external_guest(display_name="Gerda Elsewhere")
    sf.community("Elders", guests=[other])
    return other


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
