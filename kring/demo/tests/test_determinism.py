"""Same seed, same demo; another seed, another demo; only an empty database is seeded."""

import pytest
from django.core.management import CommandError, call_command

from kring.accounts.models import Organisation, User
from kring.demo.seeding import planted_truth_path
from kring.org.models import OrgUnit
from kring.org.services import unit_create
from kring.spaces.models import Membership, Space


def _seed_fresh(seed: int) -> bytes:
    call_command("flush", interactive=False, verbosity=0)  # also resets the id sequences
    call_command("seed_demo", "--seed", str(seed), "--if-missing", verbosity=0)
    return planted_truth_path().read_bytes()


def _spaces() -> list[tuple]:
    """Every space and membership, with its moments: what the spaces step decided."""
    spaces = list(
        Space.objects.order_by("pk").values_list(
            "pk", "kind", "access", "name", "slug", "member_count", "created_at", "archived_at"
        )
    )
    members = list(
        Membership.objects.order_by("pk").values_list(
            "space_id", "user__email", "role", "state", "source", "joined_at", "expires_at"
        )
    )
    return spaces + members


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_planted_truth_is_byte_identical_per_seed(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    first = _seed_fresh(42)
    names_42 = list(User.objects.order_by("pk").values_list("display_name", "email", "wave_id"))
    spaces_42 = _spaces()
    second = _seed_fresh(42)
    assert second == first
    assert _spaces() == spaces_42
    assert (
        list(User.objects.order_by("pk").values_list("display_name", "email", "wave_id"))
        == names_42
    )
    other = _seed_fresh(7)
    assert other != first
    assert b'"seed": 7' in other
    assert (
        list(User.objects.order_by("pk").values_list("display_name", "email", "wave_id"))
        != names_42
    )
    assert _spaces() != spaces_42


@pytest.mark.django_db
def test_a_database_with_other_data_is_never_seeded(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    unit_create(actor=None, name="Stichting Anders", kind="organisation", audit=False)
    for args in (["--seed", "42"], ["--seed", "42", "--if-missing"]):
        with pytest.raises(CommandError, match="make clean-demo"):
            call_command("seed_demo", *args)
    assert not User.objects.exists()
    assert not planted_truth_path().exists()


@pytest.mark.django_db
def test_a_failing_step_leaves_nothing_behind(settings, tmp_path, monkeypatch):
    from kring.demo import builders
    from kring.demo.builders.context import Step
    from kring.demo.seeding import seed_demo

    settings.VAR_DIR = tmp_path

    def broken(ctx):
        raise RuntimeError("boom")

    steps = [*builders.STEPS[:4], Step("broken", broken)]  # after units and the administrator
    with pytest.raises(RuntimeError):
        seed_demo(seed=42, steps=steps)
    assert not User.objects.exists()
    assert not OrgUnit.objects.exists()
    assert not Organisation.objects.exists()
    assert not planted_truth_path().exists()


@pytest.mark.django_db
def test_demo_logins_before_seeding_says_how_to_get_the_demo():
    from io import StringIO

    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "http://127.0.0.1:8000" in out.getvalue()
    assert "make demo" in out.getvalue()
