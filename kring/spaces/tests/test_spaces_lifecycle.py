"""Creating, editing, archiving, deleting, restoring and purging spaces (services/spaces.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kring.accounts.models import Organisation
from kring.common import clock
from kring.common.models import AuditEntry
from kring.spaces import permissions, selectors
from kring.spaces.models import Membership, Space
from kring.spaces.services import spaces as services
from kring.spaces.services.membership import space_join
from kring.spaces.tasks import purge_deleted_spaces
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


def fresh(space: Space) -> Space:
    return Space.objects.get(pk=space.pk)


def audited(action: str) -> list[tuple]:
    return list(
        AuditEntry.objects.filter(action=action).values_list("actor_id", "object_id", "changes")
    )


# -- creating --------------------------------------------------------------------------------------


def test_creating_a_community(member):
    space = services.community_create(
        actor=member, name="  Groep 2   leerkrachten ", access=Space.Access.OPEN,
        description=" Voor iedereen in groep 2. ", tags=["Kleuters", "kleuters", "Rekenen"],
    )  # fmt: skip
    assert (space.kind, space.name, space.slug) == (
        "community",
        "Groep 2 leerkrachten",
        "groep-2-leerkrachten",
    )
    assert space.description == "Voor iedereen in groep 2."
    assert sorted(space.tags.values_list("slug", flat=True)) == ["kleuters", "rekenen"]
    assert list(space.memberships.values_list("user_id", "role")) == [(member.pk, "owner")]
    assert space.member_count == 1
    assert space.created_by == member


def test_names_are_unique_and_slugs_too(member, other_member):
    services.community_create(actor=member, name="Leesclub", access="open")
    with pytest.raises(ValidationError, match="already a community with this name"):
        services.community_create(actor=other_member, name="LEESCLUB", access="open")
    with pytest.raises(ValidationError, match="Give the space a name"):
        services.community_create(actor=other_member, name="   ", access="open")
    sf.community("Oud", slug="lees-club")
    second = services.community_create(actor=other_member, name="Lees club", access="open")
    assert second.slug == "lees-club-2"
    assert Space.objects.filter(kind="community").count() == 3


def test_at_most_eight_tags(member):
    with pytest.raises(ValidationError, match="at most 8 tags"):
        services.community_create(
            actor=member, name="Veel", access="open", tags=[f"tag {n}" for n in range(9)]
        )
    assert not Space.objects.filter(name="Veel").exists()


@pytest.mark.parametrize(
    ("rule", "allowed"),
    [
        ("everyone", {"member", "comms_editor", "community_manager", "admin_user"}),
        ("staff", {"comms_editor", "community_manager", "admin_user"}),
        ("admins", {"admin_user"}),
    ],
)
def test_who_may_create_communities(rule, allowed, request):
    org = Organisation.current()
    org.community_creators = rule
    org.save()
    from django.core.cache import cache

    cache.clear()
    for name in (
        "member",
        "comms_editor",
        "community_manager",
        "admin_user",
        "guest",
        "deactivated",
    ):
        actor = request.getfixturevalue(name)
        assert permissions.can_create_community(actor) == (name in allowed), (rule, name)
        if name not in allowed:
            with pytest.raises(PermissionDenied):
                services.community_create(actor=actor, name=f"Van {name}", access="open")


# -- editing ---------------------------------------------------------------------------------------


def test_managers_edit_and_it_is_audited(space_manager):
    space = sf.community("Leesclub", members={"manager": [space_manager]})
    services.space_update(
        actor=space_manager, space=space, name="Boekenclub", description="Nieuw",
        access=Space.Access.REQUEST, tags=["boeken"],
    )  # fmt: skip
    space = fresh(space)
    assert (space.name, space.description, space.access, space.slug) == (
        "Boekenclub",
        "Nieuw",
        "request",
        "leesclub",
    )
    ((actor, obj, changes),) = audited("space.update")
    assert (actor, obj) == (space_manager.pk, str(space.pk))
    assert changes["name"] == ["Leesclub", "Boekenclub"]
    assert changes["access"] == ["open", "request"]


def test_a_clashing_name_is_refused(space_manager):
    sf.community("Boekenclub")
    space = sf.community("Leesclub", members={"manager": [space_manager]})
    with pytest.raises(ValidationError, match="already a community"):
        services.space_update(actor=space_manager, space=space, name="boekenclub")
    assert fresh(space).name == "Leesclub"
    assert audited("space.update") == []


def test_unit_spaces_keep_name_and_access_from_the_organisation(school, member, space_manager):
    school.manager = space_manager
    school.save()
    space = sf.unit_space_of(school, member, space_manager)
    services.space_update(
        actor=space_manager, space=space, name="Anders", access="open", description="Welkom"
    )
    space = fresh(space)
    assert (space.name, space.access, space.description) == ("De Regenboog", "request", "Welkom")


def test_only_what_managers_may_change(space_manager):
    space = sf.community("Leesclub", members={"manager": [space_manager]})
    with pytest.raises(TypeError):
        services.space_update(actor=space_manager, space=space, kind="news")


def test_members_do_not_edit_and_outsiders_do_not_know(member, non_member):
    space = sf.community("MR", "secret", members={"moderator": [member]})
    with pytest.raises(PermissionDenied):
        services.space_update(actor=member, space=space, description="x")
    with pytest.raises(Http404):
        services.space_update(actor=non_member, space=space, description="x")
    assert fresh(space).description != "x"


# -- archiving -------------------------------------------------------------------------------------


def test_archiving_and_back(space_manager, non_member):
    space = sf.community("Leesclub", members={"manager": [space_manager]})
    services.space_archive(actor=space_manager, space=space)
    assert fresh(space).is_archived
    services.space_archive(actor=space_manager, space=fresh(space))  # already: nothing new
    assert len(audited("space.archive")) == 1
    with pytest.raises(ValidationError, match="archived"):
        space_join(actor=non_member, space=fresh(space))
    services.space_archive(actor=space_manager, space=fresh(space), archived=False)
    assert not fresh(space).is_archived
    assert len(audited("space.unarchive")) == 1
    space_join(actor=non_member, space=fresh(space))


def test_news_and_unit_spaces_are_not_archived_by_hand(admin_user, school, member):
    for space in (sf.the_news_space(), sf.unit_space_of(school, member)):
        with pytest.raises(PermissionDenied):
            services.space_archive(actor=admin_user, space=space)


# -- deleting, restoring, purging ------------------------------------------------------------------


def test_deleting_needs_the_name_typed_again(space_owner):
    space = sf.community("Leesclub", owner=space_owner)
    with pytest.raises(ValidationError, match="Type the name of the space exactly"):
        services.space_delete(actor=space_owner, space=space, confirm_name="Leesclu")
    assert not fresh(space).is_deleted
    services.space_delete(actor=space_owner, space=space, confirm_name=" leesCLUB ")
    space = fresh(space)
    assert (space.is_deleted, space.deleted_by) == (True, space_owner)
    assert audited("space.delete") == [(space_owner.pk, str(space.pk), {})]
    # Gone for everyone, its owner too.
    with pytest.raises(Http404):
        selectors.space_get(actor=space_owner, slug=space.slug)
    assert selectors.my_spaces(actor=space_owner) == []


def test_managers_do_not_delete(space_manager):
    space = sf.community("Leesclub", members={"manager": [space_manager]})
    with pytest.raises(PermissionDenied):
        services.space_delete(actor=space_manager, space=space, confirm_name="Leesclub")


def test_administrators_restore_within_thirty_days(space_owner, admin_user, member):
    space = sf.community("Leesclub", owner=space_owner)
    services.space_delete(actor=space_owner, space=space, confirm_name="Leesclub")
    with pytest.raises(Http404):
        services.space_restore(actor=space_owner, space=fresh(space))
    services.space_restore(actor=admin_user, space=fresh(space))
    assert selectors.space_get(actor=space_owner, slug=space.slug) == space
    assert len(audited("space.restore")) == 1
    with pytest.raises(ValidationError, match="has not been deleted"):
        services.space_restore(actor=admin_user, space=fresh(space))

    Space.objects.filter(pk=space.pk).update(deleted_at=clock.now() - timedelta(days=31))
    with pytest.raises(ValidationError, match="more than 30 days ago"):
        services.space_restore(actor=admin_user, space=fresh(space))


def test_purging_removes_what_was_deleted_long_ago(space_owner, member):
    old = sf.community("Oud", owner=space_owner, members={"member": [member]})
    recent = sf.community("Recent", owner=space_owner)
    Space.objects.filter(pk=old.pk).update(deleted_at=clock.now() - timedelta(days=31))
    Space.objects.filter(pk=recent.pk).update(deleted_at=clock.now() - timedelta(days=29))
    assert purge_deleted_spaces.call() == 1
    assert not Space.objects.filter(pk=old.pk).exists()
    assert not Membership.objects.filter(space_id=old.pk).exists()
    assert Space.objects.filter(pk=recent.pk).exists()
    assert audited("space.purge") == [(None, str(old.pk), {})]
    assert services.spaces_purge() == 0


def test_touching_moves_last_activity(member):
    space = sf.community("Leesclub")
    Space.objects.filter(pk=space.pk).update(last_activity_at=clock.now() - timedelta(days=3))
    services.space_touch(space.pk)
    assert clock.now() - fresh(space).last_activity_at < timedelta(minutes=1)
