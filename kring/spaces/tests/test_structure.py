"""The news space and the unit spaces follow the organisation, in the same transaction."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kring.accounts.models import User
from kring.accounts.services import people as people_services
from kring.accounts.services.importing import employee_import_apply, employee_import_upload
from kring.accounts.tests.factories import UserFactory
from kring.org import services as org
from kring.org.models import OrgUnit
from kring.org.tests.factories import unit_factory
from kring.spaces.models import Membership, Space
from kring.spaces.services.membership import space_leave
from kring.spaces.services.structure import news_space, structure_ensure, unit_space
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db

Role = Membership.Role
STRUCTURE = Membership.Source.STRUCTURE


def spaces_of(user: User) -> dict[str, str]:
    """{space name: role} of the person's active memberships."""
    return dict(
        Membership.objects.filter(user=user, state=Membership.State.ACTIVE)
        .order_by("space__name")
        .values_list("space__name", "role")
    )


def count(space: Space) -> int:
    return Space.objects.get(pk=space.pk).member_count


@pytest.fixture
def tree(board, school, other_school):
    """The board with two schools; De Regenboog has a team."""
    team = unit_factory("Groep 3", kind="team", parent=school)
    structure_ensure()
    return {"board": board, "regenboog": school, "anker": other_school, "groep3": team}


NEWS = "Organisation news"


def test_structure_ensure_gives_every_unit_a_space_and_everyone_their_place(
    board, school, other_school, guest, deactivated
):
    team = unit_factory("Groep 3", kind="team", parent=school)
    teacher = UserFactory(primary_unit=team)
    clerk = UserFactory(primary_unit=board)
    structure_ensure()
    assert set(Space.objects.values_list("kind", "name")) == {
        ("news", NEWS),
        ("unit", "De Regenboog"),
        ("unit", "Het Anker"),
        ("unit", "Groep 3"),
    }
    # The organisation's root speaks through the news space: no space of its own.
    assert not Space.objects.filter(unit=board).exists()
    assert spaces_of(teacher) == {NEWS: "member", "De Regenboog": "member", "Groep 3": "member"}
    assert spaces_of(clerk) == {NEWS: "member"}
    assert spaces_of(guest) == {}
    assert spaces_of(deactivated) == {}
    assert set(Membership.objects.values_list("source", flat=True)) == {STRUCTURE}
    unit_spaces = Space.objects.filter(kind=Space.Kind.UNIT)
    assert set(unit_spaces.values_list("access", flat=True)) == {Space.Access.REQUEST}
    assert count(news_space()) == 2
    assert count(Space.objects.get(unit=school)) == 1
    # Running it again changes nothing.
    before = list(Membership.objects.order_by("pk").values_list("user", "space", "role"))
    structure_ensure()
    assert list(Membership.objects.order_by("pk").values_list("user", "space", "role")) == before


def test_a_new_person_is_placed_at_once(tree):
    person = people_services.person_create(
        actor=None, email="nieuw@example.org", display_name="Nieuwe Collega", unit=tree["groep3"]
    )
    assert spaces_of(person) == {NEWS: "member", "De Regenboog": "member", "Groep 3": "member"}
    assert count(Space.objects.get(unit=tree["groep3"])) == 1


def test_a_moved_person_changes_spaces_and_keeps_their_communities(tree, member):
    sf.structure_spaces(member)
    club = sf.community("Koffiehoek", members={"member": [member]})
    regenboog = Space.objects.get(unit=tree["regenboog"])
    assert count(regenboog) == 1

    people_services.person_update(actor=None, person=member, primary_unit=tree["anker"])

    assert spaces_of(member) == {NEWS: "member", "Het Anker": "member", "Koffiehoek": "member"}
    assert count(regenboog) == 0
    assert count(Space.objects.get(unit=tree["anker"])) == 1
    assert count(club) == 2


def test_leavers_leave_and_come_back(tree, member):
    sf.structure_spaces(member)
    club = sf.community("Koffiehoek", members={"member": [member]})
    people_services.person_deactivate(actor=None, person=member)
    assert Membership.objects.filter(user=member, source=STRUCTURE).count() == 0
    # Their own community keeps the row (history) but no longer counts them.
    assert Membership.objects.filter(user=member, space=club).exists()
    assert count(club) == 1
    assert count(news_space()) == 0

    people_services.person_reactivate(actor=None, person=member)
    assert spaces_of(member) == {NEWS: "member", "De Regenboog": "member", "Koffiehoek": "member"}
    assert count(club) == 2


def test_extra_units_add_their_spaces(tree, member):
    sf.structure_spaces(member)
    people_services.person_update(actor=None, person=member, extra_units=[tree["anker"]])
    assert spaces_of(member) == {NEWS: "member", "De Regenboog": "member", "Het Anker": "member"}
    people_services.person_update(actor=None, person=member, extra_units=[])
    assert spaces_of(member) == {NEWS: "member", "De Regenboog": "member"}


def test_a_new_unit_gets_its_space_and_a_renamed_unit_renames_it(tree):
    unit = org.unit_create(actor=None, name="De Wilg", kind="school", parent=tree["board"])
    space = Space.objects.get(unit=unit)
    assert (space.kind, space.name, space.slug) == (Space.Kind.UNIT, "De Wilg", "de-wilg")
    org.unit_update(actor=None, unit=unit, name="De Treurwilg", kind="school")
    space.refresh_from_db()
    # Renamed, with the same address: links keep working.
    assert (space.name, space.slug) == ("De Treurwilg", "de-wilg")


def test_a_moved_unit_takes_its_people_along(tree):
    teacher = UserFactory(primary_unit=tree["groep3"])
    sf.structure_spaces(teacher)
    assert "De Regenboog" in spaces_of(teacher)
    org.unit_move(actor=None, unit=tree["groep3"], new_parent=tree["anker"])
    assert spaces_of(teacher) == {NEWS: "member", "Het Anker": "member", "Groep 3": "member"}


def test_a_deleted_unit_leaves_its_space_archived(tree):
    unit = org.unit_create(actor=None, name="De Wilg", kind="school", parent=tree["board"])
    space = Space.objects.get(unit=unit)
    org.unit_delete(actor=None, unit=unit)
    space.refresh_from_db()
    assert space.unit_id is None
    assert space.is_archived
    assert not space.is_deleted


def test_the_unit_manager_manages_the_units_space(tree, member, other_member):
    sf.structure_spaces(member, other_member)
    org.unit_update(
        actor=None, unit=tree["regenboog"], name="De Regenboog", kind="school",
        manager_id=member.pk,
    )  # fmt: skip
    assert spaces_of(member)["De Regenboog"] == "manager"
    assert spaces_of(other_member)["De Regenboog"] == "member"
    # Only of their own unit: in the news space they are a member like everyone.
    assert spaces_of(member)[NEWS] == "member"


def test_structural_members_cannot_leave(tree, member):
    sf.structure_spaces(member)
    space = Space.objects.get(unit=tree["regenboog"])
    with pytest.raises(ValidationError, match="because of where you work"):
        space_leave(actor=member, space=space)
    assert spaces_of(member)["De Regenboog"] == "member"


def test_a_manual_member_stays_when_the_structure_changes(tree, member, non_member):
    """Someone from another school whose request to a unit space was accepted stays there."""
    sf.structure_spaces(member, non_member)
    regenboog = Space.objects.get(unit=tree["regenboog"])
    sf.add_member(regenboog, non_member)
    people_services.person_update(actor=None, person=non_member, primary_unit=tree["board"])
    assert spaces_of(non_member) == {NEWS: "member", "De Regenboog": "member"}


def test_a_waiting_request_becomes_membership_when_the_person_moves_in(tree, non_member):
    sf.structure_spaces(non_member)
    regenboog = Space.objects.get(unit=tree["regenboog"])
    sf.add_member(regenboog, non_member, state=Membership.State.REQUESTED)
    people_services.person_update(actor=None, person=non_member, primary_unit=tree["regenboog"])
    m = Membership.objects.get(space=regenboog, user=non_member)
    assert (m.state, m.source) == (Membership.State.ACTIVE, STRUCTURE)
    assert count(regenboog) == 1


IMPORT_HEADER = "name,email,unit,job_title,wave,manager_email\n"


def test_the_employee_import_moves_people_between_unit_spaces_at_once(tree, admin_user):
    csv = (
        IMPORT_HEADER
        + "Lotte Leerkracht,lotte@example.org,Stichting Testbestuur / De Regenboog,Leerkracht,,\n"
        + "Ahmed Assistent,ahmed@example.org,Het Anker,Assistent,,\n"
    )
    upload = employee_import_upload(actor=admin_user, filename="a.csv", data=csv.encode())
    employee_import_apply(actor=admin_user, employee_import=upload)
    lotte = User.objects.get(email="lotte@example.org")
    ahmed = User.objects.get(email="ahmed@example.org")
    assert spaces_of(lotte) == {NEWS: "member", "De Regenboog": "member"}
    assert spaces_of(ahmed) == {NEWS: "member", "Het Anker": "member"}

    # The next file moves Lotte to Het Anker: her spaces follow in the same transaction.
    moved = csv.replace("Stichting Testbestuur / De Regenboog", "Het Anker")
    upload = employee_import_upload(actor=admin_user, filename="b.csv", data=moved.encode())
    employee_import_apply(actor=admin_user, employee_import=upload)
    assert spaces_of(lotte) == {NEWS: "member", "Het Anker": "member"}
    assert count(Space.objects.get(unit=tree["regenboog"])) == 0
    assert count(Space.objects.get(unit=tree["anker"])) == 2


# -- any sequence of changes ends where structure_ensure from scratch would ------------------------

# Manager changes twice as often: a replaced manager is the subtle case.
CHANGES = (
    "move",
    "extra",
    "no_extra",
    "deactivate",
    "reactivate",
    "manager",
    "manager",
    "new_person",
)


def structural_state() -> set[tuple[int, int, str, str]]:
    return set(
        Membership.objects.filter(source=STRUCTURE).values_list(
            "user_id", "space_id", "role", "state"
        )
    )


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(CHANGES), st.integers(0, 2), st.integers(0, 3)), max_size=10
    )
)
def test_any_sequence_of_changes_matches_a_fresh_sync(steps, board):
    with transaction.atomic():
        units = [
            org.unit_create(actor=None, name=name, kind="school", parent=board)
            for name in ("Noord", "Zuid")
        ]
        units.append(org.unit_create(actor=None, name="Team", kind="team", parent=units[0]))
        people = [
            people_services.person_create(
                actor=None, email=f"p{i}@example.org", display_name=f"P{i}", unit=units[i % 3],
                status=User.Status.ACTIVE,
            )
            for i in range(3)
        ]  # fmt: skip
        serial = itertools.count()
        for change, who, where in steps:
            unit = units[where % 3]
            person = User.objects.get(pk=people[who].pk)
            if change == "move":
                people_services.person_update(actor=None, person=person, primary_unit=unit)
            elif change == "extra":
                people_services.person_update(actor=None, person=person, extra_units=[unit])
            elif change == "no_extra":
                people_services.person_update(actor=None, person=person, extra_units=[])
            elif change == "deactivate":
                people_services.person_deactivate(actor=None, person=person)
            elif change == "reactivate":
                people_services.person_reactivate(actor=None, person=person)
            elif change == "manager":
                unit.refresh_from_db()
                org.unit_update(
                    actor=None, unit=unit, name=unit.name, kind=unit.kind,
                    manager_id=person.pk if where < 3 else None,
                )  # fmt: skip
            else:
                people.append(
                    people_services.person_create(
                        actor=None, email=f"n{next(serial)}@example.org", display_name="N",
                        unit=unit, status=User.Status.ACTIVE,
                    )
                )  # fmt: skip
                people = people[-3:]
        incremental = structural_state()
        counts = dict(Space.objects.values_list("pk", "member_count"))

        Membership.objects.filter(source=STRUCTURE).delete()
        structure_ensure()
        assert structural_state() == incremental, steps
        assert dict(Space.objects.values_list("pk", "member_count")) == counts, steps
        transaction.set_rollback(True)


def test_unit_spaces_exist_before_launch_on_migrate(board, school):
    """An installation with units but no spaces gets them from the post_migrate receiver."""
    from kring.spaces.receivers import spaces_before_launch

    person = UserFactory(primary_unit=school)
    spaces_before_launch(sender=None)
    assert spaces_of(person) == {NEWS: "member", "De Regenboog": "member"}
    assert unit_space(board) is None
    assert OrgUnit.objects.count() == 2


def test_a_replaced_unit_manager_goes_back_to_member(tree, member, other_member):
    sf.structure_spaces(member, other_member)
    unit = tree["regenboog"]
    org.unit_update(actor=None, unit=unit, name=unit.name, kind=unit.kind, manager_id=member.pk)
    unit.refresh_from_db()
    org.unit_update(
        actor=None, unit=unit, name=unit.name, kind=unit.kind, manager_id=other_member.pk
    )
    assert spaces_of(other_member)["De Regenboog"] == "manager"
    assert spaces_of(member)["De Regenboog"] == "member"


def test_a_unit_manager_who_works_elsewhere_still_manages_the_units_space(tree, member):
    """A director placed at the board office manages their school's space all the same."""
    director = UserFactory(display_name="Dora Directeur", primary_unit=tree["board"])
    sf.structure_spaces(director, member)
    unit = tree["regenboog"]
    org.unit_update(actor=None, unit=unit, name=unit.name, kind=unit.kind, manager_id=director.pk)
    assert spaces_of(director)["De Regenboog"] == "manager"
    unit.refresh_from_db()
    org.unit_update(actor=None, unit=unit, name=unit.name, kind=unit.kind, manager_id=member.pk)
    assert "De Regenboog" not in spaces_of(director)
    assert spaces_of(member)["De Regenboog"] == "manager"
