from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.accounts.models import EmployeeImport, User
from kring.accounts.services.importing import employee_import_apply, employee_import_upload
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.org.tests.factories import unit_factory

CSV_DIR = Path(__file__).parents[2] / "accounts" / "tests" / "csv"
UPLOAD = reverse("admin_console:import")


@pytest.fixture
def org(db):
    board = unit_factory("Stichting De Kring", kind="organisation")
    unit_factory("De Regenboog", kind="school", parent=board)
    unit_factory("Het Anker", kind="school", parent=board)
    WaveFactory(name="Pioniers")
    WaveFactory(name="Iedereen")
    return board


@pytest.fixture
def admin(org):
    return UserFactory(
        email="admin@dekring.nl", display_name="Anna Admin", role=User.Role.ADMIN,
        is_staff=True, language="en",
    )  # fmt: skip


@pytest.fixture
def console(as_user, admin):
    return as_user(admin)


def csv_file(name, content=None):
    data = content if content is not None else (CSV_DIR / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="text/csv")


def uploaded(admin, name="valid.csv"):
    return employee_import_upload(actor=admin, filename=name, data=(CSV_DIR / name).read_bytes())


# --- Who may see the pages


def urls(employee_import):
    pk = employee_import.pk
    return [
        ("get", UPLOAD),
        ("post", UPLOAD),
        ("get", reverse("admin_console:import_example")),
        ("get", reverse("admin_console:import_detail", args=[pk])),
        ("post", reverse("admin_console:import_apply", args=[pk])),
    ]


@pytest.mark.parametrize("actor", ["member", "guest", "comms_editor", "community_manager"])
def test_the_import_does_not_exist_for_non_administrators(request, as_user, admin, actor):
    employee_import = uploaded(admin)
    client = as_user(request.getfixturevalue(actor))
    for method, url in urls(employee_import):
        assert getattr(client, method)(url).status_code == 404, url
    assert not User.objects.filter(email="dirk@dekring.nl").exists()


def test_anonymous_visitors_are_sent_to_log_in(client, admin):
    employee_import = uploaded(admin)
    for method, url in urls(employee_import):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_unknown_import_is_a_404(console):
    assert console.get(reverse("admin_console:import_detail", args=[999])).status_code == 404


# --- Upload


def test_upload_page_explains_the_file(console):
    response = console.get(UPLOAD)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<label for="id_file">Employee file (CSV)</label>' in html
    assert 'aria-describedby="id_file_helptext"' in html
    for column in ("name", "email", "unit", "job_title", "wave", "manager_email"):
        assert f"<code>{column}</code>" in html
    assert reverse("admin_console:import_example") in html
    assert "No imports yet" in html


def test_a_good_file_leads_to_its_dry_run(console, admin):
    response = console.post(UPLOAD, {"file": csv_file("valid.csv")})

    employee_import = EmployeeImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin_console:import_detail", args=[employee_import.pk])
    assert employee_import.uploaded_by == admin
    assert employee_import.filename == "valid.csv"
    assert not User.objects.filter(email="dirk@dekring.nl").exists()


NO_FILE, TEXT = "no file", "text instead of a file"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        ("windows1252.csv", "The file has the wrong encoding"),
        ("tab.csv", "Wrong delimiter: the columns are separated by tab."),
        ("pipe.csv", "Wrong delimiter: the columns are separated by “|”."),
        ("missing_columns.csv", "Missing required column(s): email, unit."),
        ("empty.csv", "The file is empty."),
        (b"PK\x03\x04binary\x00", "This is not a CSV file."),
        (NO_FILE, "Choose a CSV file to upload."),
        (TEXT, "Choose a CSV file to upload."),
    ],
    ids=["encoding", "tab", "pipe", "missing-columns", "empty", "binary", "no-file", "text"],
)
def test_bad_uploads_show_the_error_and_save_nothing(console, upload, message):
    if upload == NO_FILE:
        data = {}
    elif upload == TEXT:
        data = {"file": "just text, not a file"}
    elif isinstance(upload, bytes):
        data = {"file": csv_file("people.xlsx", upload)}
    else:
        data = {"file": csv_file(upload)}

    response = console.post(UPLOAD, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert "field--error" in html
    assert EmployeeImport.objects.count() == 0


def test_too_big_upload_is_refused(console, settings):
    settings.KRING = {**settings.KRING, "IMPORT_MAX_BYTES": 50}

    response = console.post(UPLOAD, {"file": csv_file("valid.csv")})

    assert response.status_code == 400
    assert "The file is too large (at most 50\xa0bytes)." in response.content.decode()
    assert EmployeeImport.objects.count() == 0


def test_upload_page_lists_earlier_imports(console, admin):
    applied = uploaded(admin)
    employee_import_apply(actor=admin, employee_import=applied)
    uploaded(admin, "row_problems.csv")

    html = console.get(UPLOAD).content.decode()

    assert reverse("admin_console:import_detail", args=[applied.pk]) in html
    assert "row_problems.csv" in html
    assert "Applied" in html
    assert "Has problems" in html


def test_earlier_imports_take_the_same_queries_for_more_imports(console, admin):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert console.get(UPLOAD).status_code == 200
        return len(queries)

    for _ in range(3):
        uploaded(admin)
    count()  # warm the per-process caches (organisation, session)
    few = count()
    for _ in range(6):
        uploaded(admin, "row_problems.csv")
    assert count() == few


# --- The dry run and applying it


def test_dry_run_shows_counts_changes_and_the_apply_button(console, admin):
    UserFactory(email="leaver@dekring.nl", display_name="Lea Leaver", source=User.Source.IMPORT)
    employee_import = uploaded(admin)

    response = console.get(reverse("admin_console:import_detail", args=[employee_import.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="stat">4</span><span class="muted">to create</span>' in html
    assert '<span class="stat">1</span><span class="muted">to deactivate</span>' in html
    assert "lotte@dekring.nl" in html
    assert "Manager: dirk@dekring.nl" in html
    assert "Lea Leaver" in html
    assert reverse("admin_console:import_apply", args=[employee_import.pk]) in html
    assert ">Apply</button>" in html


def test_dry_run_warns_when_a_file_deactivates_more_people_than_it_lists(console, admin):
    for i in range(5):
        UserFactory(email=f"old{i}@dekring.nl", source=User.Source.IMPORT)
    partial = uploaded(admin)  # 4 people; the 5 imported before are not in it
    complete = employee_import_upload(
        actor=admin,
        filename="all.csv",
        data=(CSV_DIR / "valid.csv").read_bytes()
        + b"".join(f"Old {i},old{i}@dekring.nl,De Regenboog,,,\n".encode() for i in range(5)),
    )

    def page(employee_import):
        url = reverse("admin_console:import_detail", args=[employee_import.pk])
        return console.get(url).content.decode()

    assert "This file deactivates more people (5) than it lists (4)." in page(partial)
    assert "deactivates more people" not in page(complete)


def test_dry_run_lists_problems_per_row_without_apply(console, admin):
    employee_import = uploaded(admin, "row_problems.csv")

    html = console.get(reverse("admin_console:import_detail", args=[employee_import.pk])).content
    html = html.decode()

    assert '<span class="stat">9</span><span class="muted">problems</span>' in html
    assert '<td data-label="Line">4</td>' in html
    assert '<td data-label="Column">unit</td>' in html
    assert "There is no unit “De Zonnebloem”." in html
    assert "The file has 9 problems." in html
    assert ">Apply</button>" not in html
    assert reverse("admin_console:import_apply", args=[employee_import.pk]) not in html


def test_applying_imports_and_says_what_happened(console, admin):
    employee_import = uploaded(admin)
    url = reverse("admin_console:import_detail", args=[employee_import.pk])

    response = console.post(reverse("admin_console:import_apply", args=[employee_import.pk]))

    assert response.status_code == 302
    assert response["Location"] == url
    assert User.objects.filter(source=User.Source.IMPORT).count() == 4
    html = console.get(url).content.decode()
    assert (
        "The import was applied: 4 people created, 0 updated, 0 deactivated and 0 unchanged."
        in html
    )
    assert '<span class="muted">created</span>' in html
    assert ">Apply</button>" not in html


def test_applying_twice_or_with_problems_is_refused_with_a_message(console, admin):
    bad = uploaded(admin, "row_problems.csv")
    response = console.post(reverse("admin_console:import_apply", args=[bad.pk]), follow=True)
    assert "The file has 9 problems now." in response.content.decode()
    assert not User.objects.filter(email="twice@dekring.nl").exists()

    good = uploaded(admin)
    console.post(reverse("admin_console:import_apply", args=[good.pk]))
    response = console.post(reverse("admin_console:import_apply", args=[good.pk]), follow=True)
    assert "This import has already been applied." in response.content.decode()


def test_apply_only_accepts_post(console, admin):
    employee_import = uploaded(admin)

    response = console.get(reverse("admin_console:import_apply", args=[employee_import.pk]))

    assert response.status_code == 405
    assert not User.objects.filter(email="dirk@dekring.nl").exists()


def test_example_file_downloads_and_imports_as_it_is(console, admin):
    response = console.get(reverse("admin_console:import_example"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = response.content
    assert data.startswith(b"\xef\xbb\xbfname;email;unit;job_title;wave;manager_email")
    assert b"Stichting De Kring / De Regenboog" in data
    plan = employee_import_upload(actor=admin, filename="example.csv", data=data).plan
    assert plan["counts"]["create"] == 3
    assert plan["counts"]["errors"] == 0
