import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from kring.common.models import AuditEntry
from kring.org.models import OrgUnit
from kring.org.services import unit_by_path, unit_create, unit_delete, unit_move, unit_update
from kring.org.tests.factories import unit_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(board, school):
    """board > {De Regenboog > {Groep 1, Groep 2 > Leerjaar}, De Zonnebloem}"""
    group1 = unit_factory("Groep 1", kind="team", parent=school)
    group2 = unit_factory("Groep 2", kind="team", parent=school)
    year = unit_factory("Leerjaar", kind="team", parent=group2)
    other = unit_factory("De Zonnebloem", kind="school", parent=board)
    return {
        "board": board,
        "school": school,
        "group1": group1,
        "group2": group2,
        "year": year,
        "other": other,
    }


def person(unit):
    """Someone working in `unit` (org sees people only through AUTH_USER_MODEL)."""
    User = get_user_model()
    n = User.objects.count()
    return User.objects.create_user(f"p{n}@example.org", display_name=f"P {n}", primary_unit=unit)


def fresh(unit):
    return OrgUnit.objects.get(pk=unit.pk)


# --- create


def test_create_adds_a_child_and_audits(admin_user, board):
    unit = unit_create(
        actor=admin_user, name="  De Vlinder ", kind="school", parent=board, location="Utrecht"
    )
    assert unit.name == "De Vlinder"
    assert unit.location == "Utrecht"
    assert OrgUnit.objects.get_parent(fresh(unit)) == board
    entry = AuditEntry.objects.get(action="unit.create")
    assert entry.actor == admin_user
    assert entry.object_id == str(unit.pk)
    assert entry.changes == {"parent": board.pk}


def test_create_root(admin_user, db):
    unit = unit_create(actor=admin_user, name="Stichting", kind="organisation")
    assert fresh(unit).is_root()


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "A unit needs a name."), ("   ", "A unit needs a name."), ("A/B", 'cannot contain "/"')],
)
def test_create_refuses_bad_names(admin_user, board, name, message):
    with pytest.raises(ValidationError) as exc:
        unit_create(actor=admin_user, name=name, kind="school", parent=board)
    assert message in str(exc.value.message_dict["name"])
    assert OrgUnit.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_create_refuses_a_sibling_with_the_same_name_case_insensitively(admin_user, board, school):
    with pytest.raises(ValidationError) as exc:
        unit_create(actor=admin_user, name="de regenboog", kind="school", parent=board)
    assert "already a unit with this name" in str(exc.value.message_dict["name"])


def test_same_name_under_another_parent_is_fine(admin_user, tree):
    unit = unit_create(actor=admin_user, name="Groep 1", kind="team", parent=tree["other"])
    assert OrgUnit.objects.get_parent(fresh(unit)) == tree["other"]


def test_create_refuses_unknown_type_and_manager(admin_user, board):
    with pytest.raises(ValidationError) as exc:
        unit_create(actor=admin_user, name="X", kind="castle", parent=board)
    assert "kind" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        unit_create(actor=admin_user, name="X", kind="team", parent=board, manager_id=999999)
    assert "manager" in exc.value.message_dict
    assert OrgUnit.objects.count() == 1


def test_create_with_a_stale_parent_object_keeps_the_tree_valid(admin_user, board):
    stale = OrgUnit.objects.get(pk=board.pk)  # loaded before it had children
    unit_create(actor=admin_user, name="B", kind="team", parent=board)
    unit_create(actor=admin_user, name="A", kind="team", parent=stale)
    assert [u.name for u in OrgUnit.objects.get_children(fresh(board))] == ["A", "B"]
    assert fresh(board).numchild == 2


# --- update


def test_update_changes_fields_and_audits_only_what_changed(admin_user, member, school):
    unit_update(
        actor=admin_user,
        unit=school,
        name="De Regenboog",
        kind="school",
        location="Zeist",
        manager_id=member.pk,
    )
    school = fresh(school)
    assert school.location == "Zeist"
    assert school.manager == member
    entry = AuditEntry.objects.get(action="unit.update")
    assert entry.changes == {"location": ["", "Zeist"], "manager": [None, member.pk]}


def test_update_without_changes_writes_no_audit(admin_user, school):
    unit_update(actor=admin_user, unit=school, name="De Regenboog", kind="school")
    assert not AuditEntry.objects.filter(action="unit.update").exists()


def test_update_refuses_a_name_clash_but_allows_its_own_name_in_other_case(admin_user, tree):
    with pytest.raises(ValidationError):
        unit_update(actor=admin_user, unit=tree["group1"], name="GROEP 2", kind="team")
    assert fresh(tree["group1"]).name == "Groep 1"
    unit_update(actor=admin_user, unit=tree["group1"], name="groep 1", kind="team")
    assert fresh(tree["group1"]).name == "groep 1"


# --- move


def test_move_keeps_the_subtree_and_its_people(admin_user, tree):
    teacher = person(tree["year"])
    helper = person(tree["group2"])
    unit_move(actor=admin_user, unit=tree["group2"], new_parent=tree["other"])

    group2 = fresh(tree["group2"])
    assert OrgUnit.objects.get_parent(group2) == tree["other"]
    assert [u.name for u in OrgUnit.objects.get_children(group2)] == ["Leerjaar"]
    assert OrgUnit.objects.get_ancestors(fresh(tree["year"])).filter(pk=tree["other"].pk).exists()
    teacher.refresh_from_db()
    helper.refresh_from_db()
    assert teacher.primary_unit == tree["year"]
    assert helper.primary_unit == tree["group2"]
    assert fresh(tree["school"]).numchild == 1
    assert fresh(tree["other"]).numchild == 1
    assert (
        unit_by_path("Stichting Testbestuur / De Zonnebloem / Groep 2 / Leerjaar") == tree["year"]
    )
    entry = AuditEntry.objects.get(action="unit.move")
    assert entry.changes == {"parent": [tree["school"].pk, tree["other"].pk]}


@pytest.mark.parametrize("target", ["group2", "year"])
def test_cannot_move_under_itself_or_a_descendant(admin_user, tree, target):
    with pytest.raises(ValidationError) as exc:
        unit_move(actor=admin_user, unit=tree["group2"], new_parent=tree[target])
    assert "cannot be moved under itself" in exc.value.messages[0]
    assert OrgUnit.objects.get_parent(fresh(tree["group2"])) == tree["school"]
    assert not AuditEntry.objects.filter(action="unit.move").exists()


def test_move_refuses_a_name_clash_at_the_destination(admin_user, tree):
    unit_factory("Groep 2", kind="team", parent=tree["other"])
    with pytest.raises(ValidationError) as exc:
        unit_move(actor=admin_user, unit=tree["group2"], new_parent=tree["other"])
    assert "already a unit with this name" in exc.value.messages[0]
    assert OrgUnit.objects.get_parent(fresh(tree["group2"])) == tree["school"]


def test_move_to_the_current_parent_changes_nothing(admin_user, tree):
    """Once refused as a name clash with itself."""
    unit_move(actor=admin_user, unit=tree["group2"], new_parent=tree["school"])
    assert OrgUnit.objects.get_parent(fresh(tree["group2"])) == tree["school"]
    assert not AuditEntry.objects.filter(action="unit.move").exists()


# --- delete


def test_delete_an_empty_unit(admin_user, tree):
    unit_delete(actor=admin_user, unit=tree["group1"])
    assert not OrgUnit.objects.filter(pk=tree["group1"].pk).exists()
    assert fresh(tree["school"]).numchild == 1
    entry = AuditEntry.objects.get(action="unit.delete")
    assert entry.object_repr == "Groep 1"


def test_delete_refuses_a_unit_with_children(admin_user, tree):
    with pytest.raises(ValidationError) as exc:
        unit_delete(actor=admin_user, unit=tree["group2"])
    assert "sub-units" in exc.value.messages[0]
    assert OrgUnit.objects.filter(pk=tree["group2"].pk).exists()
    assert not AuditEntry.objects.filter(action="unit.delete").exists()


def test_delete_refuses_a_unit_with_people(admin_user, tree):
    person(tree["group1"])
    with pytest.raises(ValidationError) as exc:
        unit_delete(actor=admin_user, unit=tree["group1"])
    assert "Move the people" in exc.value.messages[0]


def test_delete_refuses_a_unit_that_is_someones_extra_unit(admin_user, tree, member):
    member.extra_units.add(tree["group1"])
    with pytest.raises(ValidationError):
        unit_delete(actor=admin_user, unit=tree["group1"])
    assert list(member.extra_units.all()) == [tree["group1"]]
