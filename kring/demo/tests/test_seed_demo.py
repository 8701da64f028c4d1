"""The demo organisation seeded once for this module (seed 42), checked against ANALYTICS.md §11."""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from kring.accounts.models import Organisation, RolloutWave, UnitAssignment, User
from kring.common import clock
from kring.common.colours import contrast_ratio
from kring.common.models import AuditEntry
from kring.demo import timeline, words
from kring.demo.credentials import ADMINISTRATOR, ALL_LOGINS, DEMO_LOGINS, DEMO_PASSWORD
from kring.org.models import OrgUnit


def staff():
    return User.objects.exclude(role=User.Role.GUEST)


def test_command_reports_what_it_made(seeded, db):
    assert "525" in seeded["out"]
    assert str(seeded["path"]) in seeded["out"]


def test_525_staff_in_the_section_11_mix(truth):
    titles = list(staff().values_list("job_title", flat=True))
    assert len(titles) == 525
    assert Counter(words.job_category(t) for t in titles) == {
        "board": 30, "director": 14, "teacher": 380, "support": 101,
    }  # fmt: skip
    office = OrgUnit.objects.get(name=words.BOARD_OFFICE)
    office_units = OrgUnit.objects.get_descendants(office, include_self=True)
    assert staff().filter(primary_unit__in=office_units).count() == 30
    teachers = Counter(t for t in titles if words.job_category(t) == "teacher")
    assert teachers[words.TEACHING_ASSISTANT_TITLE] >= 30
    assert teachers[words.INTERN_SUPERVISOR_TITLE] >= 14


def test_unit_tree_has_a_board_office_and_14_schools(truth):
    (root,) = OrgUnit.objects.get_root_nodes()
    assert (root.name, root.kind) == (words.ORGANISATION_NAME, OrgUnit.Kind.ORGANISATION)
    office = OrgUnit.objects.get(kind=OrgUnit.Kind.BOARD_OFFICE)
    assert OrgUnit.objects.get_parent(office) == root
    assert {u.name for u in OrgUnit.objects.get_children(office)} >= {
        "HR",
        "Financiën",
        "ICT",
        "Communicatie",
    }
    schools = OrgUnit.objects.filter(kind=OrgUnit.Kind.SCHOOL)
    assert schools.count() == 14
    for school in schools:
        assert OrgUnit.objects.get_parent(school) == root
        assert school.location
        assert school.manager.job_title == words.DIRECTOR_TITLE
        assert school.manager.primary_unit == school
    assert sum(s.people.count() for s in schools) == 495


def test_line_managers_follow_the_organisation(truth):
    board_members = set(User.objects.filter(job_title__in=words.BOARD_MEMBER_TITLES))
    for person in staff().select_related("primary_unit", "line_manager"):
        category = words.job_category(person.job_title)
        if category == "director":
            assert person.line_manager in board_members
        elif category in ("teacher", "support"):
            assert person.line_manager.job_title == words.DIRECTOR_TITLE
            assert person.line_manager.primary_unit_id == person.primary_unit_id
        elif person.job_title != "Voorzitter College van Bestuur":
            assert person.line_manager is not None


def test_names_and_emails_are_plausible_and_unique(truth):
    people = list(staff())
    emails = [p.email for p in people]
    assert len(set(emails)) == 525
    assert all(e.endswith("@kringonderwijs.nl") for e in emails)
    assert all(len(p.display_name.split()) >= 2 for p in people)
    with_particle = [
        p for p in people if any(f" {w} " in p.display_name for w in ("van", "de", "van der"))
    ]
    assert len(with_particle) > 50
    plain = next(p for p in people if p.display_name.count(" ") == 1 and p.email[0].isalpha())
    first, last = plain.display_name.lower().split()
    assert plain.email.startswith(f"{first}.{last}")


def test_two_waves_in_the_past_twelve_weeks_apart(truth):
    wave_1, wave_2 = RolloutWave.objects.order_by("starts_at")
    assert wave_1.name == "Golf 1 — enthousiastelingen"
    assert wave_2.name == "Golf 2 — iedereen"
    assert wave_2.starts_at - wave_1.starts_at == timedelta(weeks=12)
    assert timezone.localdate(wave_2.starts_at) == timeline.ANCHOR
    assert wave_1.has_started and wave_2.has_started
    assert wave_2.starts_at < timezone.now()
    assert 55 <= wave_1.people.count() <= 65
    assert wave_1.people.count() + wave_2.people.count() == 525
    assert truth["wave_ids"] == {"wave_1": wave_1.pk, "wave_2": wave_2.pk}
    # The enthusiasts are spread over the schools.
    assert (
        wave_1.people.filter(primary_unit__kind=OrgUnit.Kind.SCHOOL)
        .values("primary_unit")
        .distinct()
        .count()
        == 14
    )


def test_104_never_activated_mostly_support_staff(truth):
    invited = User.objects.filter(status=User.Status.INVITED)
    assert sorted(invited.values_list("pk", flat=True)) == truth["inactive_user_ids"]
    assert len(truth["inactive_user_ids"]) == 104
    assert not invited.filter(activated_at__isnull=False).exists()
    assert not invited.filter(last_login__isnull=False).exists()
    support = sum(
        words.job_category(t) == "support" for t in invited.values_list("job_title", flat=True)
    )
    assert 0.55 <= support / 104 <= 0.65
    assert not invited.filter(wave__name__startswith="Golf 1").exists()


def test_everyone_else_activated_in_their_waves_first_weeks(truth):
    active = staff().exclude(status=User.Status.INVITED).select_related("wave")
    assert active.count() == 525 - 104
    team = {
        ADMINISTRATOR.email,
        "roos.meijer@kringonderwijs.nl",
        "alexandra.dewit@kringonderwijs.nl",
    }
    for person in active:
        assert person.activated_at is not None
        if person.email in team:  # the project team set Kring up before the launch
            assert person.activated_at < person.wave.starts_at
        else:
            assert (
                person.wave.starts_at
                <= person.activated_at
                < person.wave.starts_at + timedelta(weeks=4)
            )
        assert person.date_joined == person.activated_at


def test_leavers_are_deactivated_after_being_active(truth):
    leavers = User.objects.filter(status=User.Status.DEACTIVATED)
    assert sorted(leavers.values_list("pk", flat=True)) == truth["leaver_user_ids"]
    assert len(truth["leaver_user_ids"]) == 2
    for leaver in leavers:
        assert not leaver.is_active
        assert leaver.activated_at < leaver.deactivated_at < timeline.at(timeline.END)


def test_demo_logins_can_log_in_and_nobody_else_has_a_password(truth, client):
    for demo in DEMO_LOGINS:
        user = User.objects.get(email=demo.email)
        assert user.role == demo.role
        assert user.status == User.Status.ACTIVE
        assert client.login(email=demo.email, password=DEMO_PASSWORD), demo.email
        client.logout()
    others = staff().exclude(email__in=[d.email for d in DEMO_LOGINS])
    assert others.count() == 518
    assert not any(u.has_usable_password() for u in others)


def test_demo_login_through_the_login_page(truth, client):
    response = client.post(
        "/accounts/login/", {"login": ADMINISTRATOR.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.email == ADMINISTRATOR.email


def test_roles_and_unit_history(truth):
    assert User.objects.filter(role=User.Role.ADMIN).count() == 1
    assert User.objects.filter(role=User.Role.COMMUNITY_MANAGER).count() == 1
    comms = User.objects.filter(role=User.Role.COMMS_EDITOR)
    assert truth["decoy_user_ids"]["comms_officer_liked_on_news"] in {u.pk for u in comms}
    assert UnitAssignment.objects.filter(ended_at__isnull=True).count() == 525


def test_organisation_brand_passes_aa(truth):
    org = Organisation.objects.get()
    assert org.name == words.ORGANISATION_NAME
    assert contrast_ratio(org.brand_colour, "#ffffff") >= 4.5


def test_planted_truth_matches_the_database(truth):
    assert truth["seed"] == 42
    assert truth["anchor"] == "2026-03-02"
    beachhead = truth["beachhead"]
    assert (beachhead["name"], beachhead["size"]) == ("GMR", 24)
    assert truth["beachhead_space_id"] == beachhead["space_id"]
    leaders = User.objects.filter(pk__in=truth["informal_leader_ids"]).select_related(
        "primary_unit"
    )
    assert leaders.count() == 6
    assert len({u.primary_unit_id for u in leaders}) == 6
    assert all(words.job_category(u.job_title) == "teacher" for u in leaders)
    assert not any(u.primary_unit_id == truth["chasm_unit_id"] for u in leaders)
    chasm = OrgUnit.objects.get(pk=truth["chasm_unit_id"])
    assert chasm.kind == OrgUnit.Kind.SCHOOL
    assert chasm.people.count() == 40
    decoys = truth["decoy_user_ids"]
    assert set(decoys) == {"comms_officer_liked_on_news", "broadcaster_nobody_answers"}
    assert not set(decoys.values()) & set(truth["informal_leader_ids"])
    assert User.objects.filter(pk__in=decoys.values(), status=User.Status.ACTIVE).count() == 2
    for pk, email in truth["emails"].items():
        assert User.objects.get(pk=int(pk)).email == email


def test_no_generated_moment_depends_on_the_wall_clock(truth):
    start, end = timeline.at(timeline.SET_UP, 0), timeline.at(timeline.END)
    for joined, activated in staff().values_list("date_joined", "activated_at"):
        assert start <= joined < end
        assert activated is None or start <= activated < end
    assert all(start <= at < end for at in AuditEntry.objects.values_list("at", flat=True))
    assert clock.pinned() is None  # seeding released the clock


def test_if_missing_leaves_the_demo_alone(seeded, db):
    before = seeded["path"].read_bytes()
    out = StringIO()
    with override_settings(VAR_DIR=seeded["path"].parent.parent):
        call_command("seed_demo", "--seed", "7", "--if-missing", stdout=out)
    assert "already exists" in out.getvalue()
    assert staff().count() == 525
    assert seeded["path"].read_bytes() == before


def test_seeding_again_without_if_missing_is_refused(seeded, db):
    with pytest.raises(CommandError, match="make clean-demo"):
        call_command("seed_demo", "--seed", "42")
    assert staff().count() == 525


def test_demo_logins_command_prints_url_and_logins(seeded, db):
    out = StringIO()
    call_command("demo_logins", "--port", "8123", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8123" in text
    for demo in ALL_LOGINS:
        assert demo.email in text
        assert demo.display_name in text
    assert "Ouderraad De Regenboog" in text  # where the guest login belongs
    assert DEMO_PASSWORD in text
    assert "make demo" not in text  # the demo exists, so no hint to generate it


def test_demo_prepare_on_an_existing_demo_only_prints_the_logins(seeded, db, tmp_path):
    out = StringIO()
    with override_settings(VAR_DIR=seeded["path"].parent.parent, STATIC_ROOT=tmp_path):
        call_command("demo_prepare", "--port", "8124", stdout=out)
    text = out.getvalue()
    assert "already exists" in text
    assert "http://127.0.0.1:8124" in text
    assert all(demo.email in text for demo in DEMO_LOGINS)
    assert staff().count() == 525
    assert (tmp_path / "kring" / "kring.css").exists()
