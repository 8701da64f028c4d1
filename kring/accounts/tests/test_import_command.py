from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kring.accounts.models import EmployeeImport, User
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common.models import AuditEntry
from kring.org.tests.factories import unit_factory

CSV_DIR = Path(__file__).parent / "csv"


@pytest.fixture
def org(db):
    board = unit_factory("Stichting De Kring", kind="organisation")
    unit_factory("De Regenboog", kind="school", parent=board)
    WaveFactory(name="Pioniers")
    WaveFactory(name="Iedereen")


@pytest.fixture
def admin(org):
    return UserFactory(email="admin@dekring.nl", role=User.Role.ADMIN, is_staff=True)


def run(*args):
    out = StringIO()
    call_command("import_employees", *map(str, args), stdout=out)
    return out.getvalue()


def test_dry_run_prints_the_summary_and_changes_nothing(org):
    UserFactory(email="leaver@dekring.nl", display_name="Lea Leaver", source=User.Source.IMPORT)

    out = run(CSV_DIR / "valid.csv")

    assert "4 rows: 4 to create, 0 to update, 0 unchanged, 1 to deactivate, 0 problem(s)." in out
    assert "deactivate: Lea Leaver <leaver@dekring.nl>" in out
    assert "Dry run" in out
    assert not User.objects.filter(email="dirk@dekring.nl").exists()
    assert EmployeeImport.objects.get().applied_at is None


def test_verbose_dry_run_lists_the_changes(org):
    out = run(CSV_DIR / "valid.csv", "-v", "2")

    assert "line 3 create lotte@dekring.nl: Name:  → Lotte Leerkracht;" in out
    assert "Manager:  → dirk@dekring.nl" in out


def test_problems_are_printed_and_exit_with_1(org):
    out = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_employees", str(CSV_DIR / "row_problems.csv"), "--apply", stdout=out)

    assert excinfo.value.returncode == 1
    assert "9 problems: nothing was imported." in str(excinfo.value)
    assert "line 2 (email): “not-an-address” is not a valid e-mail address." in out.getvalue()
    assert "line 4 (unit): There is no unit “De Zonnebloem”." in out.getvalue()
    assert not User.objects.filter(email="twice@dekring.nl").exists()


def test_apply_imports_and_records_the_actor(admin):
    out = run(CSV_DIR / "dutch_semicolon.csv", "--apply", "--actor", "ADMIN@dekring.nl")

    assert "Applied: 4 created, 0 updated, 0 deactivated, 0 unchanged." in out
    assert User.objects.get(email="lotte@dekring.nl").line_manager.email == "dirk@dekring.nl"
    employee_import = EmployeeImport.objects.get()
    assert employee_import.applied_by == admin
    assert AuditEntry.objects.get(action="import.apply").actor == admin


def test_apply_without_actor_is_recorded_without_one(org):
    run(CSV_DIR / "valid.csv", "--apply")

    assert User.objects.filter(source=User.Source.IMPORT).count() == 4
    assert AuditEntry.objects.get(action="import.apply").actor is None


def test_running_the_same_file_twice_changes_nothing(admin):
    run(CSV_DIR / "valid.csv", "--apply")

    out = run(CSV_DIR / "valid.csv", "--apply")

    assert "0 to create, 0 to update, 4 unchanged, 0 to deactivate" in out
    assert "Applied: 0 created, 0 updated, 0 deactivated, 4 unchanged." in out


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("windows1252.csv", "windows1252.csv: The file has the wrong encoding"),
        ("tab.csv", "Wrong delimiter: the columns are separated by tab."),
        ("missing_columns.csv", "Missing required column(s): email, unit."),
        ("empty.csv", "The file is empty."),
        ("does-not-exist.csv", "Cannot read"),
    ],
)
def test_unusable_files_stop_with_a_clear_error(org, file, message):
    with pytest.raises(CommandError) as excinfo:
        run(CSV_DIR / file)

    assert message in str(excinfo.value)
    assert EmployeeImport.objects.count() == 0


def test_actor_must_be_an_existing_administrator(org, member):
    with pytest.raises(CommandError, match=r"No one has the e-mail address nobody@x\.nl"):
        run(CSV_DIR / "valid.csv", "--apply", "--actor", "nobody@x.nl")
    with pytest.raises(CommandError, match="is not an active administrator"):
        run(CSV_DIR / "valid.csv", "--apply", "--actor", member.email)
    assert EmployeeImport.objects.count() == 0
