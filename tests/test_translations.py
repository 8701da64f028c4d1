"""Every user-facing string is translatable, and the Dutch translation is complete and compiled."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "kring" / "locale"


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def test_dutch_has_no_missing_or_fuzzy_translations():
    po = catalogue("nl")
    missing = [e.msgid for e in po if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags and not e.obsolete]
    assert not missing, f"Untranslated Dutch strings: {missing[:20]} (+{max(0, len(missing) - 20)})"
    assert not fuzzy, f"Fuzzy Dutch strings: {fuzzy[:20]}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_catalogue_matches_the_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo
    }
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in po
        if e.translated() and not e.obsolete
    }
    stale = [k[1] for k, v in source.items() if compiled.get(k) != v]
    assert not stale, f"Run `make messages`: the .mo is out of date for {stale[:10]}"


def test_catalogue_holds_every_string_in_the_code(tmp_path):
    """Extract the strings again from a copy of the code; none may be missing from the .po."""
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is needed for this test: apt-get install gettext")
    copy = tmp_path / "kring"
    shutil.copytree(ROOT / "kring", copy, ignore=shutil.ignore_patterns("tests", "__pycache__"))
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "-l",
            "nl",
            "--no-location",
            "-v0",
        ],
        cwd=copy,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": str(ROOT),
        },
        check=True,
        timeout=300,
    )
    extracted = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/nl/LC_MESSAGES/django.po"))
    }
    committed = {(e.msgctxt, e.msgid) for e in catalogue("nl") if not e.obsolete}
    missing = sorted(m for _, m in extracted - committed)
    assert not missing, f"Strings missing from kring/locale (run `make messages`): {missing[:20]}"


def test_password_validator_messages_are_dutch_and_informal():
    """Django 6.1 lacks Dutch for the `%d` too-short error and says "Uw"; Kring fills in."""
    from django.contrib.auth.password_validation import (
        MinimumLengthValidator,
        NumericPasswordValidator,
    )
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("nl"):
        with pytest.raises(ValidationError) as short:
            MinimumLengthValidator(min_length=10).validate("kort")
        numeric_help = NumericPasswordValidator().get_help_text()
    assert short.value.messages == [
        "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten."
    ]
    assert numeric_help == "Je wachtwoord mag niet alleen uit cijfers bestaan."


@pytest.mark.django_db
def test_login_page_speaks_dutch_by_default(client):
    from django.urls import reverse

    page = client.get(reverse("account_login")).content.decode()
    assert "Inloggen bij" in page
    assert "Wachtwoord vergeten?" in page
    assert "Log in to" not in page and "Forgot your password?" not in page


def test_home_page_speaks_dutch_by_default(as_user, member):
    page = as_user(member).get("/").content.decode()
    assert '<html lang="nl">' in page
    assert "Welkom, Mila" in page and "Welcome, " not in page
