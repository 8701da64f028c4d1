import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kring.accounts.importing import plan as planning
from kring.accounts.models import EmployeeImport, Invitation, UnitAssignment, User
from kring.accounts.services import importing, people
from kring.accounts.services.importing import (
    employee_import_apply,
    employee_import_plan,
    employee_import_upload,
)
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common import clock
from kring.common.models import AuditEntry
from kring.org.services import unit_by_path
from kring.org.tests.factories import unit_factory

CSV_DIR = Path(__file__).parent / "csv"
HEADER = "name,email,unit,job_title,wave,manager_email\n"


def read(name: str) -> bytes:
    return (CSV_DIR / name).read_bytes()


@pytest.fixture
def org(db):
    """Stichting De Kring with two schools that both have a "Groep 3" team, and two waves."""
    board = unit_factory("Stichting De Kring", kind="organisation")
    regenboog = unit_factory("De Regenboog", kind="school", parent=board)
    anker = unit_factory("Het Anker", kind="school", parent=board)
    return {
        "board": board,
        "regenboog": regenboog,
        "anker": anker,
        "groep3_regenboog": unit_factory("Groep 3", kind="team", parent=regenboog),
        "groep3_anker": unit_factory("Groep 3", kind="team", parent=anker),
        "pioniers": WaveFactory(name="Pioniers"),
        "iedereen": WaveFactory(name="Iedereen"),
    }


@pytest.fixture
def admin(org):
    return UserFactory(
        email="admin@dekring.nl", display_name="Anna Admin", role=User.Role.ADMIN, is_staff=True
    )


def upload(admin, data, filename="people.csv"):
    if isinstance(data, str):
        data = data.encode()
    return employee_import_upload(actor=admin, filename=filename, data=data)


def upload_and_apply(admin, data):
    employee_import = upload(admin, data)
    return employee_import_apply(actor=admin, employee_import=employee_import)


def error_code(excinfo) -> str:
    return excinfo.value.error_list[0].code


# --- Files that cannot be read at all: a clear error, nothing stored.


def test_valid_file_is_stored_with_its_dry_run(admin):
    employee_import = upload(admin, read("valid.csv"), filename="C:\\Users\\hr\\export.csv")

    assert employee_import.filename == "export.csv"
    assert employee_import.uploaded_by == admin
    assert len(employee_import.sha256) == 64
    assert employee_import.content.startswith("name,email,unit")
    assert employee_import.plan["counts"]["create"] == 4
    assert employee_import.plan["counts"]["errors"] == 0
    assert employee_import.applied_at is None
    assert not User.objects.filter(email="dirk@dekring.nl").exists()  # a dry run only
    assert AuditEntry.objects.filter(action="import.upload").count() == 1


def test_dutch_excel_file_with_semicolons_bom_and_dutch_headers(admin):
    dutch = upload(admin, read("dutch_semicolon.csv")).plan
    english = upload(admin, read("valid.csv")).plan

    assert dutch["delimiter"] == ";"
    assert dutch["columns"]["manager_email"] == "Leidinggevende"
    assert dutch["counts"] == english["counts"]
    assert [r["changes"] for r in dutch["rows"]] == [r["changes"] for r in english["rows"]]


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (read("windows1252.csv"), "encoding", ["UTF-8", "line 2"]),
        ("name,email\n".encode("utf-16"), "encoding", ["UTF-8"]),
        (read("tab.csv"), "delimiter", ["tab"]),
        (read("pipe.csv"), "delimiter", ["“|”"]),
        (read("missing_columns.csv"), "missing_columns", ["email, unit"]),
        (read("empty.csv"), "empty", ["empty"]),
        (b"\xef\xbb\xbf \r\n\r\n", "empty", ["empty"]),
        (HEADER.encode(), "no_rows", ["no people"]),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "not_csv", ["not a CSV"]),
        (b"name,email,unit\nJo\x00,jo@x.nl,A\n", "not_csv", ["not a CSV"]),
        (b"name,email,unit\nJo\x07,jo@x.nl,A\n", "not_csv", ["not a CSV"]),
        (b"name,Naam,email,unit\nJo,Jo,jo@x.nl,A\n", "duplicate_column", ["Naam"]),
    ],
    ids=[
        "windows-1252", "utf-16", "tab", "pipe", "missing-columns", "empty", "blank",
        "header-only", "xlsx", "nul-bytes", "control-chars", "duplicate-column",
    ],
)  # fmt: skip
def test_unreadable_files_raise_a_clear_error_and_store_nothing(admin, data, code, words):
    with pytest.raises(ValidationError) as excinfo:
        upload(admin, data)

    assert error_code(excinfo) == code
    message = excinfo.value.messages[0]
    for word in words:
        assert word in message
    assert EmployeeImport.objects.count() == 0
    assert not AuditEntry.objects.exists()


def test_too_large_file_is_refused_before_reading_it(admin, settings):
    settings.KRING = {**settings.KRING, "IMPORT_MAX_BYTES": 100}

    with pytest.raises(ValidationError) as excinfo:
        upload(admin, HEADER + "x" * 200)

    assert error_code(excinfo) == "too_large"
    assert "100" in excinfo.value.messages[0]
    assert EmployeeImport.objects.count() == 0


def test_only_administrators_upload_and_apply(org, admin, member):
    with pytest.raises(PermissionDenied):
        upload(member, read("valid.csv"))
    employee_import = upload(admin, read("valid.csv"))
    with pytest.raises(PermissionDenied):
        employee_import_apply(actor=member, employee_import=employee_import)
    assert not User.objects.filter(email="dirk@dekring.nl").exists()


# --- Problems per row, with their line numbers.


def problems(plan):
    return {(p.line, p.field, p.code) for p in plan.problems}


def test_every_row_problem_is_reported_with_its_line(admin):
    plan = employee_import_plan(content=read("row_problems.csv").decode())

    assert problems(plan) == {
        (2, "email", "email_invalid"),
        (3, "name", "name_missing"),
        (4, "unit", "unit_unknown"),
        (5, "wave", "wave_unknown"),
        (6, "manager_email", "manager_unknown"),
        (8, "email", "email_duplicate"),
        (9, "manager_email", "manager_loop"),
        (10, "manager_email", "manager_loop"),
        (11, "unit", "unit_ambiguous"),
    }
    by_line = {p.line: p for p in plan.problems}
    assert by_line[8].message == "This e-mail address is also on line 7."
    assert "anna@dekring.nl → bert@dekring.nl → anna@dekring.nl" in by_line[9].message
    assert "Stichting De Kring / " in by_line[11].message  # suggests a full path
    assert by_line[4].column == "unit"
    assert plan.counts["errors"] == 9
    assert plan.counts["create"] == 1  # only "Eerste Keer" is fine
    assert plan.has_errors


def test_too_long_values_extra_cells_and_own_manager(admin):
    content = (
        HEADER
        + f"{'N' * 151},long-name@dekring.nl,De Regenboog,,,\n"
        + f"Lange Functie,long-title@dekring.nl,De Regenboog,{'t' * 151},,\n"
        + f"Lang Adres,{'a' * 250}@dekring.nl,De Regenboog,,,\n"
        + "Eigen Baas,self@dekring.nl,De Regenboog,,,SELF@dekring.nl\n"
        + "Te Veel,extra@dekring.nl,De Regenboog,,,,surprise\n"
        + "Lege Rest,trailing@dekring.nl,De Regenboog,,,,,\n"
    )
    plan = employee_import_plan(content=content)

    assert problems(plan) == {
        (2, "name", "too_long"),
        (3, "job_title", "too_long"),
        (4, "email", "too_long"),
        (5, "manager_email", "manager_self"),
        (6, "", "extra_cells"),
    }
    assert "151 characters; at most 150" in plan.problems[0].message


def test_guests_and_unusable_managers_are_problems(admin, org):
    UserFactory(email="guest@partner.nl", role=User.Role.GUEST)
    UserFactory(email="left@dekring.nl", status=User.Status.DEACTIVATED, is_active=False)
    UserFactory(email="leaving@dekring.nl", source=User.Source.IMPORT)
    content = (
        HEADER
        + "Gast,guest@partner.nl,De Regenboog,,,\n"
        + "Een,one@dekring.nl,De Regenboog,,,left@dekring.nl\n"
        + "Twee,two@dekring.nl,De Regenboog,,,leaving@dekring.nl\n"
        + "Drie,three@dekring.nl,De Regenboog,,,not an address\n"
    )
    plan = employee_import_plan(content=content, actor=admin)

    assert problems(plan) == {
        (2, "email", "email_guest"),
        (3, "manager_email", "manager_deactivated"),
        (4, "manager_email", "manager_leaving"),
        (5, "manager_email", "manager_invalid"),
    }


def test_manager_loop_through_someone_not_in_the_file(admin, org):
    kees = UserFactory(email="kees@dekring.nl")
    UserFactory(email="lisa@dekring.nl", line_manager=kees, primary_unit=org["regenboog"])
    # Lisa (not in the file) reports to Kees; the file makes Kees report to Lisa.
    content = HEADER + "Kees,kees@dekring.nl,De Regenboog,,,lisa@dekring.nl\n"

    plan = employee_import_plan(content=content)

    assert problems(plan) == {(2, "manager_email", "manager_loop")}


def test_units_resolve_like_unit_by_path(org):
    work = planning.build(HEADER + "X,x@dekring.nl,De Regenboog,,,\n")
    units = planning._World().units
    for path in [
        "Stichting De Kring",
        "stichting de kring / de regenboog",
        "De Regenboog / Groep 3",
        "Het Anker/Groep 3",
        "  Het Anker  ",
        "Stichting De Kring / Het Anker / Groep 3",
    ]:
        unit = unit_by_path(path)
        assert unit is not None
        assert units.resolve(path) == (unit.pk, [])
    assert units.resolve("Groep 3")[0] is None  # two teams: the path must say which
    assert units.resolve("De Regenboog / Onbekend") == (None, [])
    assert work.plan.rows[0].changes[1].new == "Stichting De Kring / De Regenboog"


def test_optional_columns_may_be_left_out(admin, org):
    person = UserFactory(
        email="kim@dekring.nl",
        display_name="Kim",
        job_title="Leerkracht",
        wave=org["pioniers"],
        primary_unit=org["regenboog"],
        source=User.Source.IMPORT,
    )

    plan = employee_import_plan(content="email;naam;eenheid\nkim@dekring.nl;Kim;De Regenboog\n")

    # Job title and wave are not in the file, so the import leaves them alone.
    assert plan.counts["unchanged"] == 1
    assert plan.counts["update"] == 0
    person.refresh_from_db()
    assert person.job_title == "Leerkracht"


def test_plan_is_json_serialisable_and_round_trips(admin):
    plan = employee_import_plan(content=read("row_problems.csv").decode())

    data = json.loads(json.dumps(plan.to_dict()))

    assert data["counts"]["errors"] == 9
    assert data["problems"][0]["message"] == "“not-an-address” is not a valid e-mail address."
    assert importing.ImportPlan.from_dict(data) == plan


def generated(count: int) -> str:
    """A file with `count` people: managers, waves and units vary, like a real export."""
    lines = [HEADER]
    units = ["De Regenboog", "Het Anker", "Stichting De Kring / De Regenboog / Groep 3"]
    for i in range(count):
        manager = f"person{i - 1}@dekring.nl" if i % 5 else "boss@dekring.nl"
        wave = ["Pioniers", "Iedereen", ""][i % 3]
        unit = units[i % 3]
        lines.append(f"Person {i},person{i}@dekring.nl,{unit},Leerkracht,{wave},{manager}\n")
    return "".join(lines)


def test_planning_makes_the_same_number_of_queries_for_10_and_30_rows(
    org, admin, django_assert_num_queries
):
    boss = UserFactory(email="boss@dekring.nl", primary_unit=org["board"])
    for i in range(0, 30, 2):  # half of them exist already, with another manager
        UserFactory(email=f"person{i}@dekring.nl", line_manager=boss, source=User.Source.IMPORT)

    with django_assert_num_queries(3):  # units, waves, people
        small = employee_import_plan(content=generated(10))
    with django_assert_num_queries(3):
        large = employee_import_plan(content=generated(30))

    assert small.counts["create"] == 5
    assert large.counts["create"] == 15
    assert large.counts["update"] == 15
    assert small.counts["deactivate"] == 10  # person10..person28 are imported, not in the file


# --- What a plan says for people who exist.


def test_plan_shows_updates_with_old_and_new_values(admin, org):
    boss = UserFactory(email="boss@dekring.nl")
    UserFactory(
        email="kim@dekring.nl",
        display_name="Kim de Vries",
        job_title="Leerkracht",
        primary_unit=org["regenboog"],
        wave=org["pioniers"],
        line_manager=boss,
    )
    content = HEADER + "Kim de Vries,KIM@dekring.nl,Het Anker,Intern begeleider,Iedereen,\n"

    plan = employee_import_plan(content=content)

    (row,) = plan.rows
    assert row.action == "update"
    assert {(c.field, c.old, c.new) for c in row.changes} == {
        ("job_title", "Leerkracht", "Intern begeleider"),
        ("unit", "Stichting De Kring / De Regenboog", "Stichting De Kring / Het Anker"),
        ("wave", "Pioniers", "Iedereen"),
        ("manager_email", "boss@dekring.nl", ""),
    }
    assert plan.counts == {
        "rows": 1, "create": 0, "update": 1, "unchanged": 0,
        "deactivate": 0, "errors": 0, "error_rows": 0,
    }  # fmt: skip


def test_who_is_deactivated(admin, org):
    admin.source = User.Source.IMPORT
    admin.save()
    leaver = UserFactory(email="leaver@dekring.nl", source=User.Source.IMPORT)
    UserFactory(email="by-hand@dekring.nl", source=User.Source.MANUAL)
    UserFactory(email="guest@partner.nl", source=User.Source.IMPORT, role=User.Role.GUEST)
    UserFactory(
        email="gone@dekring.nl",
        source=User.Source.IMPORT,
        status=User.Status.DEACTIVATED,
        is_active=False,
    )
    UserFactory(email="stays@dekring.nl", source=User.Source.IMPORT, primary_unit=org["anker"])
    content = HEADER + "Stays,stays@dekring.nl,Het Anker,Leerkracht,,\n"

    plan = employee_import_plan(content=content, actor=admin)

    # Only the imported leaver: never the importing admin, a guest, someone added by hand or
    # someone already deactivated.
    assert [(p.id, p.email) for p in plan.deactivate] == [(leaver.pk, "leaver@dekring.nl")]


# --- Applying.


def test_apply_creates_people_invited_from_the_import(admin, org):
    # Lotte's manager comes after her in the file.
    content = (
        HEADER
        + "Lotte,lotte@dekring.nl,De Regenboog,Leerkracht,Pioniers,dirk@dekring.nl\n"
        + "Dirk,dirk@dekring.nl,Stichting De Kring / De Regenboog,Directeur,Iedereen,\n"
    )

    plan = upload_and_apply(admin, content)

    assert plan.counts["create"] == 2
    lotte = User.objects.get(email="lotte@dekring.nl")
    dirk = User.objects.get(email="dirk@dekring.nl")
    assert lotte.status == User.Status.INVITED
    assert lotte.source == User.Source.IMPORT
    assert lotte.primary_unit == org["regenboog"]
    assert lotte.job_title == "Leerkracht"
    assert lotte.wave == org["pioniers"]
    assert lotte.line_manager == dirk
    assert dirk.line_manager is None
    assert UnitAssignment.objects.filter(user=lotte, unit=org["regenboog"], ended_at=None).exists()


def test_apply_writes_one_audit_entry_with_the_counts(admin, org):
    UserFactory(email="leaver@dekring.nl", source=User.Source.IMPORT)

    upload_and_apply(admin, read("valid.csv"))

    entry = AuditEntry.objects.get(action="import.apply")
    assert entry.actor == admin
    assert entry.changes["created"] == 4
    assert entry.changes["deactivated"] == 1
    assert entry.changes["filename"] == "people.csv"
    assert not AuditEntry.objects.filter(action__startswith="person.").exists()


def test_applied_import_records_who_when_and_what(admin):
    employee_import = upload(admin, read("valid.csv"))

    employee_import_apply(actor=admin, employee_import=employee_import)

    employee_import.refresh_from_db()
    assert employee_import.applied_by == admin
    assert employee_import.applied_at is not None
    assert employee_import.plan["counts"]["create"] == 4


def test_reimporting_the_same_file_changes_nothing(admin):
    upload_and_apply(admin, read("valid.csv"))
    before = list(User.objects.order_by("pk").values())
    history = UnitAssignment.objects.count()

    again = upload(admin, read("dutch_semicolon.csv"))  # the same people, the Dutch way
    counts = again.plan["counts"]
    assert (counts["create"], counts["update"], counts["deactivate"]) == (0, 0, 0)
    assert counts["unchanged"] == 4
    employee_import_apply(actor=admin, employee_import=again)

    assert list(User.objects.order_by("pk").values()) == before
    assert UnitAssignment.objects.count() == history


def test_changed_file_updates_and_moves_keep_history(admin, org):
    upload_and_apply(admin, read("valid.csv"))
    lotte = User.objects.get(email="lotte@dekring.nl")
    changed = (
        read("valid.csv")
        .decode()
        .replace(
            "lotte@dekring.nl,De Regenboog,Leerkracht groep 3,Pioniers,dirk@dekring.nl",
            "lotte@dekring.nl,Het Anker / Groep 3,Intern begeleider,Pioniers,bea@dekring.nl",
        )
    )

    plan = upload_and_apply(admin, changed)

    assert plan.counts["update"] == 1
    assert plan.counts["unchanged"] == 3
    lotte.refresh_from_db()
    assert lotte.primary_unit == org["groep3_anker"]
    assert lotte.job_title == "Intern begeleider"
    assert lotte.line_manager.email == "bea@dekring.nl"
    history = list(UnitAssignment.objects.filter(user=lotte).order_by("started_at", "pk"))
    assert [h.unit for h in history] == [org["regenboog"], org["groep3_anker"]]
    assert history[0].ended_at is not None
    assert history[1].ended_at is None


def test_apply_deactivates_imported_leavers_and_revokes_their_invitations(admin, org):
    upload_and_apply(admin, read("valid.csv"))
    ahmed = User.objects.get(email="ahmed@dekring.nl")
    Invitation.objects.create(user=ahmed, nonce="n1", expires_at=ahmed.date_joined)
    without_ahmed = "\n".join(
        line for line in read("valid.csv").decode().splitlines() if "ahmed" not in line
    )

    plan = upload_and_apply(admin, without_ahmed)

    assert [p.email for p in plan.deactivate] == ["ahmed@dekring.nl"]
    ahmed.refresh_from_db()
    assert ahmed.status == User.Status.DEACTIVATED
    assert not ahmed.is_active
    assert ahmed.invitations.get().revoked_at is not None


def test_a_leaver_who_returns_in_the_file_is_reactivated(admin, org):
    returning = UserFactory(
        email="back@dekring.nl",
        display_name="Back",
        primary_unit=org["regenboog"],
        status=User.Status.DEACTIVATED,
        is_active=False,
        source=User.Source.IMPORT,
    )
    content = "name,email,unit\nBack,back@dekring.nl,De Regenboog\n"

    plan = upload_and_apply(admin, content)

    assert [(c.field, c.old, c.new) for c in plan.rows[0].changes] == [
        ("status", "deactivated", "active")
    ]
    returning.refresh_from_db()
    assert returning.status == User.Status.ACTIVE
    assert returning.is_active


def test_update_may_name_a_manager_created_by_the_same_import(admin, org):
    kim = UserFactory(email="kim@dekring.nl", display_name="Kim", primary_unit=org["regenboog"])
    content = (
        HEADER
        + "Kim,kim@dekring.nl,De Regenboog,Leerkracht,,new-boss@dekring.nl\n"
        + "New Boss,new-boss@dekring.nl,De Regenboog,Directeur,,\n"
    )

    upload_and_apply(admin, content)

    kim.refresh_from_db()
    assert kim.line_manager.email == "new-boss@dekring.nl"


def test_apply_refuses_a_file_with_problems(admin):
    employee_import = upload(admin, read("row_problems.csv"))
    users = User.objects.count()

    with pytest.raises(ValidationError) as excinfo:
        employee_import_apply(actor=admin, employee_import=employee_import)

    assert error_code(excinfo) == "has_errors"
    assert "9 problems" in excinfo.value.messages[0]
    assert User.objects.count() == users
    employee_import.refresh_from_db()
    assert employee_import.applied_at is None


def test_apply_refuses_an_import_applied_before(admin):
    employee_import = upload(admin, read("valid.csv"))
    employee_import_apply(actor=admin, employee_import=employee_import)

    with pytest.raises(ValidationError) as excinfo:
        employee_import_apply(actor=admin, employee_import=employee_import)

    assert error_code(excinfo) == "applied"
    assert AuditEntry.objects.filter(action="import.apply").count() == 1


def test_apply_plans_again_against_todays_database(admin, org):
    employee_import = upload(admin, read("valid.csv"))
    assert employee_import.plan["counts"]["create"] == 4
    # Meanwhile someone adds Bea by hand, and the "Iedereen" wave is deleted.
    people.person_create(actor=admin, email="bea@dekring.nl", display_name="Bea", unit=org["board"])
    org["iedereen"].delete()

    with pytest.raises(ValidationError):
        employee_import_apply(actor=admin, employee_import=employee_import)

    # The stored dry run now shows why.
    employee_import.refresh_from_db()
    assert {(p["line"], p["code"]) for p in employee_import.plan["problems"]} == {
        (4, "wave_unknown")
    }
    assert employee_import.plan["counts"]["create"] == 2  # Bea became an update
    assert not User.objects.filter(email="dirk@dekring.nl").exists()


def test_apply_is_all_or_nothing(admin, org, monkeypatch):
    kim = UserFactory(
        email="kim@dekring.nl", display_name="Kim", primary_unit=org["regenboog"],
        source=User.Source.IMPORT, job_title="Leerkracht",
    )  # fmt: skip
    UserFactory(email="leaver@dekring.nl", source=User.Source.IMPORT)
    content = read("valid.csv").decode() + "Kim,kim@dekring.nl,Het Anker,Directeur,,\n"
    employee_import = upload(admin, content)
    users_before = list(User.objects.order_by("pk").values())
    history_before = list(UnitAssignment.objects.order_by("pk").values())

    def fail(ids, now):
        raise RuntimeError("disk full")

    # The last write of the import fails, after every create and update went through.
    monkeypatch.setattr(importing, "_deactivate_people", fail)
    with pytest.raises(RuntimeError):
        employee_import_apply(actor=admin, employee_import=employee_import)

    assert list(User.objects.order_by("pk").values()) == users_before
    assert list(UnitAssignment.objects.order_by("pk").values()) == history_before
    kim.refresh_from_db()
    assert kim.job_title == "Leerkracht"
    employee_import.refresh_from_db()
    assert employee_import.applied_at is None
    assert not AuditEntry.objects.filter(action="import.apply").exists()


def test_an_address_taken_while_applying_names_the_line(admin):
    work = planning.build(read("valid.csv").decode())
    UserFactory(email="ahmed@dekring.nl")  # added by someone else after the plan was made

    with pytest.raises(ValidationError) as excinfo, transaction.atomic():
        importing._write(admin, work)

    assert excinfo.value.messages == ["Line 4: Someone with this e-mail address already exists."]
    assert not User.objects.filter(email="dirk@dekring.nl").exists()


# --- The bulk writes give the same rows as the per-person services.

COMPARED_OUT = {"id", "email", "password", "last_login"}


@pytest.fixture
def pinned_clock():
    clock.pin(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    yield
    clock.pin(None)


def row(user):
    values = User.objects.filter(pk=user.pk).values().get()
    return {k: v for k, v in values.items() if k not in COMPARED_OUT}


def history(user):
    return list(
        UnitAssignment.objects.filter(user=user)
        .order_by("started_at", "pk")
        .values_list("unit_id", "started_at", "ended_at")
    )


def test_import_creates_people_like_person_create(admin, org, pinned_clock):
    boss = people.person_create(actor=admin, email="boss@dekring.nl", display_name="Boss")
    by_hand = people.person_create(
        actor=admin, email="hand@dekring.nl", display_name="Kim de Vries", job_title="Leerkracht",
        unit=org["regenboog"], wave=org["pioniers"], line_manager=boss,
        status=User.Status.INVITED, source=User.Source.IMPORT,
    )  # fmt: skip
    row_for = "Kim de Vries,{},De Regenboog,Leerkracht,Pioniers,boss@dekring.nl\n".format
    content = HEADER + row_for("hand@dekring.nl") + row_for("kim@dekring.nl")

    upload_and_apply(admin, content)

    imported = User.objects.get(email="kim@dekring.nl")
    assert row(imported) == row(by_hand)
    assert history(imported) == history(by_hand)
    assert not imported.has_usable_password()


def kim(email, org):
    user = UserFactory(
        email=email, display_name="Kim", job_title="Leerkracht", primary_unit=org["regenboog"],
        wave=org["pioniers"], source=User.Source.IMPORT,
    )  # fmt: skip
    UnitAssignment.objects.create(user=user, unit=org["regenboog"], started_at=user.date_joined)
    return user


def test_import_updates_people_like_person_update(admin, org, pinned_clock):
    by_hand, imported = kim("hand@dekring.nl", org), kim("kim@dekring.nl", org)
    people.person_update(
        actor=admin, person=by_hand, display_name="Kim Jansen", job_title="Directeur",
        primary_unit=org["anker"], wave=org["iedereen"], line_manager=admin,
    )  # fmt: skip
    row_for = "Kim Jansen,{},Het Anker,Directeur,Iedereen,admin@dekring.nl\n".format
    content = HEADER + row_for("hand@dekring.nl") + row_for("kim@dekring.nl")

    plan = upload_and_apply(admin, content)

    assert plan.counts["update"] == 1
    assert row(imported) == row(by_hand)
    assert history(imported) == history(by_hand)
    assert [unit for unit, *_ in history(imported)] == [org["regenboog"].pk, org["anker"].pk]


def test_import_deactivates_like_person_deactivate(admin, org, pinned_clock):
    by_hand, imported = kim("hand@dekring.nl", org), kim("kim@dekring.nl", org)
    for user in (by_hand, imported):
        Invitation.objects.create(user=user, nonce=user.email, expires_at=user.date_joined)
    people.person_deactivate(actor=admin, person=by_hand)

    plan = upload_and_apply(admin, "name,email,unit\nSomeone,else@dekring.nl,Het Anker\n")

    assert [leaver.email for leaver in plan.deactivate] == ["kim@dekring.nl"]
    assert row(imported) == row(by_hand)
    assert imported.invitations.get().revoked_at == by_hand.invitations.get().revoked_at


def test_import_reactivates_like_person_reactivate(admin, org, pinned_clock):
    by_hand, imported = kim("hand@dekring.nl", org), kim("kim@dekring.nl", org)
    for user in (by_hand, imported):
        people.person_deactivate(actor=admin, person=user)
    people.person_reactivate(actor=admin, person=by_hand)
    row_for = "Kim,{},De Regenboog,Leerkracht,Pioniers,\n".format

    plan = upload_and_apply(admin, HEADER + row_for("hand@dekring.nl") + row_for("kim@dekring.nl"))

    assert [r.action for r in plan.rows] == ["unchanged", "update"]
    assert row(imported) == row(by_hand)
    assert row(imported)["status"] == User.Status.ACTIVE
