import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from kring.demo.seeding import planted_truth_path


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed 42 once per module; the module's tests run inside this transaction, rolled back at
    the end. What runs after the demo commits (the activity log, then its sessions) runs too."""
    var_dir = tmp_path_factory.mktemp("var")
    out = StringIO()
    with django_db_blocker.unblock(), override_settings(VAR_DIR=var_dir), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", "--seed", "42", stdout=out)
        path = planted_truth_path()
        yield {"out": out.getvalue(), "path": path, "truth": json.loads(path.read_text())}
        transaction.set_rollback(True)


@pytest.fixture
def truth(seeded, db):
    return seeded["truth"]
