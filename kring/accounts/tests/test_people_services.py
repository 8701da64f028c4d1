from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kring.accounts.models import Invitation, UnitAssignment, User
from kring.accounts.services.people import (
    person_change_role,
    person_create,
    person_deactivate,
    person_reactivate,
    person_update,
)
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common import clock
from kring.common.models import AuditEntry
from kring.org.models import OrgUnit
from kring.org.services import unit_delete, unit_move
from kring.org.tests.factories import unit_factory

pytestmark = pytest.mark.django_db


def audit_actions(person):
    return list(
        AuditEntry.objects.filter(object_type="accounts.user", object_id=str(person.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- create


def test_create_normalises_email_opens_a_unit_period_and_audits(admin_user, school):
    person = person_create(
        actor=admin_user,
        email="  Jan.Jansen@Example.ORG ",
        display_name=" Jan Jansen ",
        unit=school,
    )
    assert person.email == "jan.jansen@example.org"
    assert person.display_name == "Jan Jansen"
    assert person.status == User.Status.INVITED
    assert not person.has_usable_password()
    period = UnitAssignment.objects.get(user=person)
    assert period.unit == school and period.ended_at is None
    assert audit_actions(person) == ["person.create"]


def test_create_refuses_a_duplicate_email_in_any_case(admin_user, member):
    with pytest.raises(ValidationError) as exc:
        person_create(actor=admin_user, email=member.email.upper(), display_name="Twin")
    assert "already exists" in exc.value.message_dict["email"][0]
    assert User.objects.filter(display_name="Twin").count() == 0


def test_create_refuses_bad_input_and_saves_nothing(admin_user):
    with pytest.raises(ValidationError) as exc:
        person_create(actor=admin_user, email="not-an-email", display_name="")
    assert {"email", "display_name"} <= set(exc.value.message_dict)
    assert not User.objects.filter(email="not-an-email").exists()
    assert not AuditEntry.objects.exists()


# --- update


def test_update_audits_only_what_changed(admin_user, member):
    person_update(actor=admin_user, person=member, job_title="Intern begeleider", language="nl")
    entry = AuditEntry.objects.get(action="person.update")
    assert entry.changes == {"job_title": ["Leerkracht", "Intern begeleider"]}
    person_update(actor=admin_user, person=member, job_title="Intern begeleider")
    assert AuditEntry.objects.filter(action="person.update").count() == 1


def test_moving_closes_the_old_unit_period_and_opens_a_new_one(admin_user, board, school):
    person = person_create(actor=admin_user, email="p@example.org", display_name="P", unit=school)
    other = unit_factory("De Zonnebloem", kind="school", parent=board)
    person_update(actor=admin_user, person=person, primary_unit=other)
    person_update(actor=admin_user, person=person, primary_unit=other)  # no move, no new period
    periods = list(UnitAssignment.objects.filter(user=person).order_by("started_at", "pk"))
    assert [(p.unit, p.ended_at is None) for p in periods] == [(school, False), (other, True)]
    assert periods[0].ended_at == periods[1].started_at
    entry = AuditEntry.objects.get(action="person.update")
    assert entry.changes == {"primary_unit": [school.pk, other.pk]}


def test_removing_the_unit_closes_the_period(admin_user, school):
    person = person_create(actor=admin_user, email="p@example.org", display_name="P", unit=school)
    person_update(actor=admin_user, person=person, primary_unit=None)
    assert not UnitAssignment.objects.filter(user=person, ended_at__isnull=True).exists()


def test_extra_units_are_set_audited_and_never_the_primary_unit(admin_user, member, board, school):
    team = unit_factory("Administratie", kind="team", parent=board)
    person_update(actor=admin_user, person=member, extra_units=[team, school])
    assert list(member.extra_units.all()) == [team]
    entry = AuditEntry.objects.get(action="person.update")
    assert entry.changes == {"extra_units": [[], [team.pk]]}
    person_update(actor=admin_user, person=member, extra_units=[team])
    assert AuditEntry.objects.filter(action="person.update").count() == 1
    person_update(actor=admin_user, person=member, extra_units=[])
    assert not member.extra_units.exists()


def test_update_refuses_unknown_fields(admin_user, member):
    with pytest.raises(TypeError):
        person_update(actor=admin_user, person=member, role="admin")
    member.refresh_from_db()
    assert member.role == User.Role.MEMBER


def test_own_manager_and_manager_loops_are_refused(admin_user, member, other_member):
    with pytest.raises(ValidationError) as exc:
        person_update(actor=admin_user, person=member, line_manager=member)
    assert "own manager" in exc.value.message_dict["line_manager"][0]
    third = UserFactory(line_manager=other_member)
    other_member.line_manager = member
    other_member.save()
    with pytest.raises(ValidationError) as exc:
        person_update(actor=admin_user, person=member, line_manager=third)
    assert "already manages" in exc.value.message_dict["line_manager"][0]
    member.refresh_from_db()
    assert member.line_manager is None
    person_update(actor=admin_user, person=third, line_manager=member)  # a plain chain is fine
    third.refresh_from_db()
    assert third.line_manager == member


def test_invalid_update_saves_nothing(admin_user, member, board):
    other = unit_factory("Elders", kind="school", parent=board)
    with pytest.raises(ValidationError):
        person_update(
            actor=admin_user, person=member, display_name="", primary_unit=other, language="fr"
        )
    member.refresh_from_db()
    assert member.display_name == "Mila Member"
    assert member.primary_unit.name == "De Regenboog"
    assert not AuditEntry.objects.exists()


def test_wave_change_is_audited(admin_user, member):
    wave = WaveFactory()
    person_update(actor=admin_user, person=member, wave=wave)
    assert AuditEntry.objects.get(action="person.update").changes == {"wave": [None, wave.pk]}


# --- role


def test_change_role_syncs_staff_flag_and_audits(admin_user, member):
    person_change_role(actor=admin_user, person=member, role=User.Role.ADMIN)
    member.refresh_from_db()
    assert member.role == User.Role.ADMIN and member.is_staff
    person_change_role(actor=admin_user, person=member, role=User.Role.COMMUNITY_MANAGER)
    member.refresh_from_db()
    assert member.role == User.Role.COMMUNITY_MANAGER and not member.is_staff
    changes = [e.changes for e in AuditEntry.objects.filter(action="person.role").order_by("pk")]
    assert changes == [{"role": ["member", "admin"]}, {"role": ["admin", "community_manager"]}]


def test_admin_cannot_demote_themself(admin_user):
    with pytest.raises(PermissionDenied):
        person_change_role(actor=admin_user, person=admin_user, role=User.Role.MEMBER)
    admin_user.refresh_from_db()
    assert admin_user.role == User.Role.ADMIN
    # Keeping their own role is fine (and changes nothing).
    person_change_role(actor=admin_user, person=admin_user, role=User.Role.ADMIN)
    assert not AuditEntry.objects.exists()


def test_only_administrators_change_roles(member, other_member, community_manager):
    for actor in (member, community_manager):
        with pytest.raises(Http404):
            person_change_role(actor=actor, person=other_member, role=User.Role.ADMIN)
    other_member.refresh_from_db()
    assert other_member.role == User.Role.MEMBER


def test_unknown_role_is_refused(admin_user, member):
    with pytest.raises(ValidationError):
        person_change_role(actor=admin_user, person=member, role="emperor")


# --- deactivate and reactivate


def test_deactivate_blocks_login_revokes_open_invitations_and_audits(admin_user, member):
    open_link = Invitation.objects.create(
        user=member, nonce="open", expires_at=clock.now() + timedelta(days=14)
    )
    used_link = Invitation.objects.create(
        user=member, nonce="used", expires_at=clock.now() + timedelta(days=14), used_at=clock.now()
    )
    person_deactivate(actor=admin_user, person=member)
    member.refresh_from_db()
    assert member.status == User.Status.DEACTIVATED
    assert member.is_former
    assert not member.is_active
    assert member.deactivated_at is not None
    open_link.refresh_from_db()
    used_link.refresh_from_db()
    assert open_link.revoked_at is not None and not open_link.is_usable
    assert used_link.revoked_at is None
    assert audit_actions(member) == ["person.deactivate"]


def test_deactivate_twice_is_a_no_op(admin_user, member):
    person_deactivate(actor=admin_user, person=member)
    person_deactivate(actor=admin_user, person=member)
    assert audit_actions(member) == ["person.deactivate"]


def test_cannot_deactivate_yourself(admin_user):
    with pytest.raises(ValidationError) as exc:
        person_deactivate(actor=admin_user, person=admin_user)
    assert exc.value.messages == ["You cannot deactivate your own account."]
    admin_user.refresh_from_db()
    assert admin_user.is_active


def test_reactivate_restores_the_previous_status(admin_user, member):
    invited = UserFactory(status=User.Status.INVITED, activated_at=None)
    for person in (member, invited):
        person_deactivate(actor=admin_user, person=person)
        person_reactivate(actor=admin_user, person=person)
        person.refresh_from_db()
        assert person.is_active and person.deactivated_at is None
    assert member.status == User.Status.ACTIVE
    assert invited.status == User.Status.INVITED
    assert audit_actions(member) == ["person.deactivate", "person.reactivate"]


def test_reactivate_an_active_person_changes_nothing(admin_user, member):
    person_reactivate(actor=admin_user, person=member)
    assert audit_actions(member) == []


# --- people and the unit tree together


@pytest.fixture
def tree(board, school):
    """board > {De Regenboog > {Groep 1, Groep 2 > Leerjaar}, De Zonnebloem}"""
    group2 = unit_factory("Groep 2", kind="team", parent=school)
    return {
        "school": school,
        "group1": unit_factory("Groep 1", kind="team", parent=school),
        "group2": group2,
        "year": unit_factory("Leerjaar", kind="team", parent=group2),
        "other": unit_factory("De Zonnebloem", kind="school", parent=board),
    }


def test_moving_a_unit_then_a_person_keeps_history_consistent(admin_user, tree):
    person = person_create(
        actor=admin_user, email="p@example.org", display_name="P", unit=tree["year"]
    )
    unit_move(actor=admin_user, unit=tree["group2"], new_parent=tree["other"])
    person_update(actor=admin_user, person=person, primary_unit=tree["group1"])
    history = list(person.unit_history.order_by("started_at", "pk"))
    assert [h.unit for h in history] == [tree["year"], tree["group1"]]
    assert history[0].ended_at is not None and history[1].ended_at is None


def test_delete_refuses_a_unit_with_history_instead_of_crashing(admin_user, tree):
    """People who worked here before keep the unit alive (UnitAssignment is PROTECTed)."""
    person = person_create(
        actor=admin_user, email="p@example.org", display_name="P", unit=tree["group1"]
    )
    person_update(actor=admin_user, person=person, primary_unit=tree["other"])
    with pytest.raises(ValidationError) as exc:
        unit_delete(actor=admin_user, unit=tree["group1"])
    assert "history" in exc.value.messages[0]
    assert OrgUnit.objects.filter(pk=tree["group1"].pk).exists()
    assert not AuditEntry.objects.filter(action="unit.delete").exists()
