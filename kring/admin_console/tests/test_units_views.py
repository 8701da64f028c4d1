import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.accounts.tests.factories import UserFactory
from kring.common.models import AuditEntry
from kring.org.models import OrgUnit
from kring.org.tests.factories import unit_factory

pytestmark = pytest.mark.django_db

UNITS = reverse("admin_console:units")
CREATE = reverse("admin_console:unit_create")


@pytest.fixture(autouse=True)
def english(admin_user):
    admin_user.language = "en"
    admin_user.save(update_fields=["language"])


def url(name, unit):
    return reverse(f"admin_console:{name}", args=[unit.pk])


def parent_of(unit):
    return OrgUnit.objects.get_parent(OrgUnit.objects.get(pk=unit.pk))


# --- Who may come in


@pytest.mark.parametrize("name", ["unit_edit", "unit_move", "unit_delete"])
def test_unit_pages_are_hidden_from_non_administrators(
    as_user, member, community_manager, school, name
):
    for actor in (member, community_manager):
        client = as_user(actor)
        assert client.get(UNITS).status_code == 404
        assert client.get(CREATE).status_code == 404
        assert (
            client.post(
                url(name, school), {"name": "X", "kind": "team", "confirm": "yes"}
            ).status_code
            == 404
        )
    assert OrgUnit.objects.filter(pk=school.pk, name="De Regenboog").exists()


@pytest.mark.parametrize("name", ["unit_edit", "unit_move", "unit_delete"])
def test_unknown_unit_is_404(as_user, admin_user, name):
    response = as_user(admin_user).post(
        reverse(f"admin_console:{name}", args=[424242]), {"confirm": "yes"}
    )
    assert response.status_code == 404


# --- The tree


def test_tree_nests_units_with_people_counts_manager_and_location(
    as_user, admin_user, board, school, member, other_member, deactivated
):
    team = unit_factory("Groep 3", kind="team", parent=school, location="Lokaal 12", manager=member)
    UserFactory(primary_unit=team)
    response = as_user(admin_user).get(UNITS)
    assert response.status_code == 200
    tree = response.context["tree"]
    assert [n.unit for n in tree] == [board]
    school_node = tree[0].children[0]
    assert school_node.unit == school
    assert school_node.people_count == 2  # the deactivated colleague does not count
    assert school_node.children[0].unit == team
    assert school_node.subtree_people_count == 3
    assert tree[0].subtree_people_count == 4  # the administrator works at the board office
    html = response.content.decode()
    assert "Groep 3" in html and "Lokaal 12" in html and member.display_name in html
    assert url("unit_edit", team) in html
    assert f"?unit={team.pk}" in html


def test_tree_query_count_does_not_grow_with_units(
    as_user, admin_user, board, django_assert_num_queries
):
    client = as_user(admin_user)

    def grow(n, start):
        for i in range(start, start + n):
            school = unit_factory(f"School {i}", kind="school", parent=board, manager=UserFactory())
            unit_factory(f"Team {i}", kind="team", parent=school)
            UserFactory(primary_unit=school)

    grow(2, 0)
    client.get(UNITS)
    with CaptureQueriesContext(connection) as small:
        client.get(UNITS)
    expected = len(small)  # read now: a later request resets the query log
    assert expected > 0
    grow(4, 2)
    with django_assert_num_queries(expected):
        response = client.get(UNITS)
    assert len(response.context["tree"][0].children) == 6


def test_empty_tree_says_what_to_do(as_user, admin_user):
    admin_user.primary_unit = None
    admin_user.save()
    OrgUnit.objects.all().delete()
    response = as_user(admin_user).get(UNITS)
    assert "No units yet" in response.content.decode()


# --- Create


def test_create_form_preselects_the_parent(as_user, admin_user, school):
    response = as_user(admin_user).get(CREATE, {"parent": school.pk})
    assert response.context["form"]["parent"].value() == school.pk


def test_create_a_unit(as_user, admin_user, school, member):
    response = as_user(admin_user).post(
        CREATE,
        {
            "parent": school.pk,
            "name": "Groep 8",
            "kind": "team",
            "location": "Zeist",
            "manager": member.email,
        },
    )
    assert response.status_code == 302
    unit = OrgUnit.objects.get(name="Groep 8")
    assert parent_of(unit) == school
    assert unit.manager == member
    assert unit.location == "Zeist"
    assert AuditEntry.objects.filter(action="unit.create", actor=admin_user).exists()


def test_create_refuses_a_name_clash_next_to_the_field(as_user, admin_user, board, school):
    response = as_user(admin_user).post(
        CREATE, {"parent": board.pk, "name": "De Regenboog", "kind": "school"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "There is already a unit with this name here."
    ]
    assert OrgUnit.objects.filter(name="De Regenboog").count() == 1


def test_create_refuses_bad_input(as_user, admin_user, board):
    response = as_user(admin_user).post(
        CREATE, {"parent": 999999, "name": "A/B", "kind": "castle", "manager": "ghost@example.org"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {"parent", "kind", "manager"}
    assert (
        "Nobody with the e-mail address ghost@example.org works here." in response.content.decode()
    )
    assert OrgUnit.objects.count() == 1


def test_create_refuses_a_slash_in_the_name(as_user, admin_user, board):
    response = as_user(admin_user).post(CREATE, {"parent": board.pk, "name": "A/B", "kind": "team"})
    assert response.context["form"].errors["name"] == ['A unit name cannot contain "/".']


# --- Edit, move, delete


def test_edit_page_shows_all_three_forms(as_user, admin_user, school):
    html = as_user(admin_user).get(url("unit_edit", school)).content.decode()
    assert url("unit_edit", school) in html
    assert url("unit_move", school) in html
    assert url("unit_delete", school) in html


def test_edit_saves_and_audits(as_user, admin_user, school, member):
    response = as_user(admin_user).post(
        url("unit_edit", school),
        {
            "name": "OBS De Regenboog",
            "kind": "school",
            "location": "Bilthoven",
            "manager": member.email,
        },
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.name, school.location, school.manager) == (
        "OBS De Regenboog",
        "Bilthoven",
        member,
    )
    entry = AuditEntry.objects.get(action="unit.update")
    assert entry.changes["name"] == ["De Regenboog", "OBS De Regenboog"]


def test_edit_name_clash_is_shown_and_nothing_saved(as_user, admin_user, board, school):
    unit_factory("De Zonnebloem", kind="school", parent=board)
    response = as_user(admin_user).post(
        url("unit_edit", school), {"name": "de zonnebloem", "kind": "school"}
    )
    assert response.status_code == 200
    assert "There is already a unit with this name here." in response.content.decode()
    school.refresh_from_db()
    assert school.name == "De Regenboog"


def test_move_keeps_people_and_sub_units(as_user, admin_user, board, school, member):
    team = unit_factory("Groep 3", kind="team", parent=school)
    other = unit_factory("De Zonnebloem", kind="school", parent=board)
    response = as_user(admin_user).post(url("unit_move", school), {"parent": other.pk})
    assert response.status_code == 302
    assert parent_of(school) == other
    assert parent_of(team).pk == school.pk
    member.refresh_from_db()
    assert member.primary_unit == school
    assert AuditEntry.objects.filter(action="unit.move").exists()


def test_move_under_a_descendant_is_refused(as_user, admin_user, board, school):
    team = unit_factory("Groep 3", kind="team", parent=school)
    client = as_user(admin_user)
    for target in (school, team):
        response = client.post(url("unit_move", school), {"parent": target.pk})
        assert response.status_code == 200
        assert "cannot move under itself or one of its sub-units" in response.content.decode()
    assert parent_of(school) == board
    # The move form offers only units outside the subtree.
    offered = set(response.context["move_form"].fields["parent"].queryset)
    assert offered == {board}


def test_move_name_clash_is_shown_next_to_the_field(as_user, admin_user, board, school):
    other = unit_factory("De Zonnebloem", kind="school", parent=board)
    unit_factory("De Regenboog", kind="team", parent=other)
    response = as_user(admin_user).post(url("unit_move", school), {"parent": other.pk})
    assert response.status_code == 200
    assert response.context["move_form"].errors["parent"] == [
        "There is already a unit with this name here."
    ]
    assert parent_of(school) == board


def test_delete_an_empty_unit(as_user, admin_user, school):
    team = unit_factory("Groep 3", kind="team", parent=school)
    response = as_user(admin_user).post(url("unit_delete", team), {"confirm": "yes"})
    assert response.status_code == 302
    assert not OrgUnit.objects.filter(pk=team.pk).exists()
    assert AuditEntry.objects.filter(action="unit.delete", object_id=str(team.pk)).exists()


def test_delete_needs_the_confirmation_box(as_user, admin_user, school):
    team = unit_factory("Groep 3", kind="team", parent=school)
    response = as_user(admin_user).post(url("unit_delete", team))
    assert response.status_code == 400
    assert "Tick the box to confirm" in response.content.decode()
    assert OrgUnit.objects.filter(pk=team.pk).exists()


def test_delete_with_people_or_children_is_refused_with_a_message(
    as_user, admin_user, board, school, member
):
    client = as_user(admin_user)
    response = client.post(url("unit_delete", school), {"confirm": "yes"})
    assert response.status_code == 400
    assert "Move the people of this unit to another unit first." in response.content.decode()
    response = client.post(url("unit_delete", board), {"confirm": "yes"})
    assert response.status_code == 400
    assert "Move or delete the sub-units first." in response.content.decode()
    assert OrgUnit.objects.count() == 2
    assert not AuditEntry.objects.filter(action="unit.delete").exists()


def test_get_is_not_allowed_on_move_and_delete(as_user, admin_user, school):
    client = as_user(admin_user)
    assert client.get(url("unit_move", school)).status_code == 405
    assert client.get(url("unit_delete", school)).status_code == 405
