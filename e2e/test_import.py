"""An administrator imports the staff list: upload, dry run, apply."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from e2e.pages.importing import ImportPage
from kring.accounts.models import RolloutWave, User
from kring.accounts.services.rollout import wave_create
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.org.models import OrgUnit
from kring.org.services import unit_create

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("e2e"),
    pytest.mark.django_db(transaction=True),
]

STAFF_CSV = """name,email,unit,job_title,wave,manager_email
Dirk Directeur,dirk@dekring.nl,Stichting De Kring / De Regenboog,Directeur,,
Lotte Leerkracht,lotte@dekring.nl,De Regenboog,Leerkracht groep 3,Iedereen,dirk@dekring.nl
Bea Bestuur,bea@dekring.nl,Stichting De Kring,Bestuurder,,
Ahmed Assistent,ahmed@dekring.nl,De Regenboog,Onderwijsassistent,,dirk@dekring.nl
"""

BROKEN_CSV = """name,email,unit,job_title,wave,manager_email
Dirk Directeur,dirk@dekring.nl,De Regenboog,Directeur,,
Geen Adres,not-an-address,De Regenboog,Leerkracht,,
Onbekende Eenheid,zonnebloem@dekring.nl,De Zonnebloem,Leerkracht,,
"""


@pytest.fixture
def administrator() -> User:
    """An administrator whose board has the units the file names (the import never makes units)."""
    admin = UserFactory(
        display_name="Anna Admin", role=User.Role.ADMIN, is_staff=True, language="en"
    )
    board = unit_create(actor=admin, name="Stichting De Kring", kind=OrgUnit.Kind.ORGANISATION)
    school = unit_create(actor=admin, name="De Regenboog", kind=OrgUnit.Kind.SCHOOL, parent=board)
    wave_create(actor=admin, name="Iedereen", starts_at=clock.now() + timedelta(days=180))
    # Already in Kring, added by hand: the file updates their job title and manager.
    UserFactory(
        display_name="Ahmed Assistent",
        email="ahmed@dekring.nl",
        primary_unit=school,
        job_title="Stagiair",
    )
    return admin


def test_administrator_imports_a_csv_after_a_dry_run(
    page: Page, administrator: User, log_in_as, check_page
) -> None:
    log_in_as(administrator)
    importing = ImportPage(page)
    page.goto("/beheer/")
    with page.expect_navigation():
        importing.sections.get_by_role("link", name="Import", exact=True).click()
    expect(importing.heading).to_have_text("Import employees")
    check_page(page, "console-import")

    importing.upload("personeel.csv", STAFF_CSV)

    expect(importing.heading).to_have_text("Import of personeel.csv")
    expect(importing.count("to create")).to_have_text("3")
    expect(importing.count("to update")).to_have_text("1")
    expect(importing.count("to deactivate")).to_have_text("0")
    expect(importing.count("problems")).to_have_text("0")
    expect(importing.changes).to_have_count(4)
    expect(importing.changes.filter(has_text="Lotte Leerkracht")).to_contain_text("New")
    expect(importing.changes.filter(has_text="Ahmed Assistent")).to_contain_text("Changed")
    expect(importing.changes.filter(has_text="Ahmed Assistent")).to_contain_text(
        "Onderwijsassistent"
    )
    # A dry run changes nothing.
    assert not User.objects.filter(email="lotte@dekring.nl").exists()
    assert User.objects.get(email="ahmed@dekring.nl").job_title == "Stagiair"
    check_page(page, "console-import-dry-run")

    importing.apply()

    expect(importing.messages).to_contain_text(
        "The import was applied: 3 people created, 1 updated, 0 deactivated and 0 unchanged."
    )
    expect(importing.count("created")).to_have_text("3")
    expect(importing.apply_button).to_have_count(0)
    check_page(page, "console-import-applied")

    dirk = User.objects.get(email="dirk@dekring.nl")
    lotte = User.objects.get(email="lotte@dekring.nl")
    ahmed = User.objects.get(email="ahmed@dekring.nl")
    assert lotte.display_name == "Lotte Leerkracht"
    assert lotte.job_title == "Leerkracht groep 3"
    assert lotte.primary_unit is not None and lotte.primary_unit.name == "De Regenboog"
    assert lotte.wave == RolloutWave.objects.get(name="Iedereen")
    assert lotte.line_manager == dirk
    assert User.objects.get(email="bea@dekring.nl").primary_unit.name == "Stichting De Kring"
    assert ahmed.job_title == "Onderwijsassistent"
    assert ahmed.line_manager == dirk

    # The upload page lists the applied import.
    page.goto(importing.path)
    earlier = importing.main.get_by_role("region", name="Earlier imports")
    expect(earlier.get_by_role("link", name="personeel.csv")).to_be_visible()
    expect(earlier).to_contain_text("Applied")


def test_a_file_with_problems_shows_them_per_row_and_cannot_be_applied(
    page: Page, administrator: User, log_in_as, check_page
) -> None:
    log_in_as(administrator)
    importing = ImportPage(page)
    importing.open()

    importing.upload("personeel.csv", BROKEN_CSV)

    expect(importing.main.get_by_role("alert")).to_contain_text("2 problems")
    expect(importing.count("problems")).to_have_text("2")
    expect(importing.problems).to_have_count(2)
    expect(importing.problems.nth(0)).to_contain_text(re.compile(r"^\s*3\b"))
    expect(importing.problems.nth(1)).to_contain_text(re.compile(r"^\s*4\b"))
    expect(importing.apply_button).to_have_count(0)
    check_page(page, "console-import-problems")
    assert not User.objects.filter(email="dirk@dekring.nl").exists()
