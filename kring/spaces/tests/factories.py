"""Spaces and memberships for tests.

Communities are built directly (fast, any state a test needs); the news and unit spaces come from
the structure services, so they look exactly as they do in production.
"""

from datetime import datetime, timedelta
from typing import cast

import factory
from django.utils.text import slugify

from kring.accounts.models import User
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.org.models import OrgUnit
from kring.spaces.models import Membership, Space, SpaceTag
from kring.spaces.services.counts import member_count_refresh
from kring.spaces.services.structure import news_space, structure_sync, unit_space

Role = Membership.Role
State = Membership.State


class SpaceFactory(factory.django.DjangoModelFactory[Space]):
    """A bare community without members; use `community()` to get one with people in it."""

    class Meta:
        model = Space

    kind = Space.Kind.COMMUNITY
    access = Space.Access.OPEN
    name = factory.Sequence(lambda n: f"Gemeenschap {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:90])
    description = "Een plek om samen te werken."


class SpaceTagFactory(factory.django.DjangoModelFactory[SpaceTag]):
    class Meta:
        model = SpaceTag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"onderwerp {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:50])


def external_guest(**fields: object) -> User:
    """An external guest's account (a partner, a family member): no unit, role GUEST."""
    fields.setdefault("display_name", factory.Faker._get_faker().name())
    return cast(User, UserFactory(role=User.Role.GUEST, job_title="", primary_unit=None, **fields))


def add_member(
    space: Space,
    user: User,
    role: str = Role.MEMBER,
    *,
    state: str = State.ACTIVE,
    source: str = Membership.Source.MANUAL,
    expires_at: datetime | None = None,
) -> Membership:
    """Put `user` in `space` as they would be after the services ran (count kept right)."""
    now = clock.now()
    m, _ = Membership.objects.update_or_create(
        space=space,
        user=user,
        defaults={
            "role": role,
            "state": state,
            "source": source,
            "expires_at": expires_at,
            "joined_at": now if state == State.ACTIVE else None,
        },
    )
    member_count_refresh([space.pk])
    space.refresh_from_db(fields=["member_count"])
    space.__dict__.pop("_membership_by_user", None)
    return m


def guest_membership(
    space: Space, guest: User | None = None, *, expires_in: timedelta | None = timedelta(days=30)
) -> Membership:
    """An external guest in `space` until now + `expires_in` (a negative delta: already expired)."""
    guest = guest or external_guest()
    expires_at = clock.now() + expires_in if expires_in is not None else None
    return add_member(space, guest, Role.GUEST, expires_at=expires_at)


def community(
    name: str = "",
    access: str = Space.Access.OPEN,
    *,
    owner: User | None = None,
    members: dict[str, list[User]] | None = None,
    guests: list[User] | None = None,
    tags: list[str] | None = None,
    archived: bool = False,
    **fields: object,
) -> Space:
    """A community with an owner (made up when not given) and people by role:
    `community("MR", "secret", owner=o, members={"manager": [m], "member": [a, b]})`."""
    if name:
        fields["name"] = name
    if archived:
        fields["archived_at"] = clock.now()
    space = SpaceFactory.create(access=access, **fields)
    if tags:
        space.tags.set([SpaceTagFactory.create(name=t) for t in tags])
    add_member(space, owner or cast(User, UserFactory()), Role.OWNER)
    for role, people in (members or {}).items():
        for person in people:
            add_member(space, person, role)
    for guest in guests or []:
        guest_membership(space, guest)
    return space


def structure_spaces(*people: User) -> None:
    """Sync these people into the news space and their units' spaces, as the signals would."""
    structure_sync(user_ids=[p.pk for p in people])


def the_news_space() -> Space:
    return news_space()


def unit_space_of(unit: OrgUnit, *people: User) -> Space:
    """The unit's space (created by the structure service), with these people synced into it."""
    space = unit_space(unit)
    assert space is not None, "the organisation root has no unit space: it has the news space"
    if people:
        structure_spaces(*people)
    space.refresh_from_db()
    return space
