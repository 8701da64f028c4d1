import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import OperationalError, connection
from django.http import Http404
from django.test import override_settings
from django.utils import translation

from kring.accounts.models import Invitation, RolloutWave, User
from kring.accounts.services import invitations as invitation_services
from kring.accounts.services import rollout
from kring.accounts.tasks import send_wave_invitations
from kring.accounts.tests.factories import UserFactory, WaveFactory
from kring.common import clock
from kring.common.models import AuditEntry

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


@pytest.fixture
def dummy_tasks():
    """Keep enqueued tasks instead of running them, to see what was queued and for when."""
    from django.tasks import task_backends

    with override_settings(TASKS=DUMMY_TASKS):
        backend = task_backends["default"]
        backend.clear()
        yield backend


def started_wave(**fields):
    return WaveFactory(starts_at=clock.now() - timedelta(minutes=1), **fields)


def invited_in(wave, count, unit=None):
    return [
        UserFactory(
            status=User.Status.INVITED, activated_at=None, password=None, wave=wave,
            primary_unit=unit,
        )
        for _ in range(count)
    ]  # fmt: skip


def mails_per_person():
    counts = {}
    for message in mail.outbox:
        for address in message.to:
            counts[address] = counts.get(address, 0) + 1
    return counts


# --- Wave services


def test_create_is_audited_and_scheduled_for_the_wave_date(admin_user, commit, dummy_tasks):
    starts = clock.now() + timedelta(days=30)
    wave = commit(rollout.wave_create, actor=admin_user, name="  Golf 2 ", starts_at=starts)
    assert wave.name == "Golf 2"
    assert AuditEntry.objects.get(action="wave.create").object_id == str(wave.pk)
    [queued] = dummy_tasks.results
    assert queued.task.name == "send_wave_invitations"
    assert queued.args == [wave.pk]
    assert queued.task.run_after == starts


def test_create_refuses_a_past_date_and_a_duplicate_name(admin_user):
    yesterday, tomorrow = clock.now() - timedelta(days=1), clock.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        rollout.wave_create(actor=admin_user, name="Golf 1", starts_at=yesterday)
    assert "starts_at" in excinfo.value.error_dict
    rollout.wave_create(actor=admin_user, name="Golf 1", starts_at=tomorrow)
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        rollout.wave_create(actor=admin_user, name="golf 1", starts_at=tomorrow)
    assert excinfo.value.message_dict["name"] == ["There is already a wave with this name."]
    with pytest.raises(ValidationError) as excinfo:
        rollout.wave_create(actor=admin_user, name="  ", starts_at=clock.now() + timedelta(days=2))
    assert "name" in excinfo.value.error_dict
    assert RolloutWave.objects.count() == 1
    assert AuditEntry.objects.filter(action="wave.create").count() == 1


def test_the_demo_may_recreate_history(db):
    wave = rollout.wave_create(
        actor=None, name="Golf 1", starts_at=clock.now() - timedelta(days=200), allow_past=True
    )
    assert wave.has_started


def test_only_administrators_manage_waves(member):
    with pytest.raises(Http404):
        rollout.wave_create(actor=member, name="Golf", starts_at=clock.now() + timedelta(days=1))
    assert not RolloutWave.objects.exists()


def test_update_moves_and_reschedules(admin_user, commit, dummy_tasks):
    wave = WaveFactory(starts_at=clock.now() + timedelta(days=10))
    later = clock.now() + timedelta(days=20)
    commit(rollout.wave_update, actor=admin_user, wave=wave, name="Later", starts_at=later)
    wave.refresh_from_db()
    assert (wave.name, wave.starts_at) == ("Later", later)
    assert [r.task.run_after for r in dummy_tasks.results] == [later]
    entry = AuditEntry.objects.get(action="wave.update")
    assert set(entry.changes) == {"name", "starts_at"}


def test_update_refuses_moving_a_sent_wave_but_allows_renaming(admin_user):
    wave = started_wave(invitations_sent_at=clock.now())
    with pytest.raises(ValidationError) as excinfo:
        rollout.wave_update(
            actor=admin_user, wave=wave, name=wave.name, starts_at=clock.now() + timedelta(days=3)
        )
    assert "starts_at" in excinfo.value.error_dict
    rollout.wave_update(actor=admin_user, wave=wave, name="Renamed", starts_at=wave.starts_at)
    wave.refresh_from_db()
    assert wave.name == "Renamed"


def test_update_refuses_a_past_date(admin_user):
    wave = WaveFactory(starts_at=clock.now() + timedelta(days=10))
    with pytest.raises(ValidationError):
        rollout.wave_update(
            actor=admin_user, wave=wave, name=wave.name, starts_at=clock.now() - timedelta(days=1)
        )
    original = wave.starts_at
    wave.refresh_from_db()
    assert wave.starts_at == original


def test_delete_refuses_a_sent_wave_and_keeps_the_people(admin_user):
    sent = started_wave(invitations_sent_at=clock.now())
    with pytest.raises(ValidationError):
        rollout.wave_delete(actor=admin_user, wave=sent)
    planned = WaveFactory(starts_at=clock.now() + timedelta(days=5))
    [person] = invited_in(planned, 1)
    rollout.wave_delete(actor=admin_user, wave=planned)
    assert list(RolloutWave.objects.all()) == [sent]
    person.refresh_from_db()
    assert person.wave is None
    assert AuditEntry.objects.get(action="wave.delete").changes == {"people": 1}


def test_planned_wave_people_are_not_invited_on_creation(admin_user, school, commit):
    wave = commit(
        rollout.wave_create,
        actor=admin_user,
        name="Later",
        starts_at=clock.now() + timedelta(days=3),
    )
    invited_in(wave, 2, unit=school)
    assert send_wave_invitations.call(wave.pk) == 0
    assert mail.outbox == []
    assert not Invitation.objects.exists()


# --- Sending a wave's invitations


def test_a_started_wave_invites_each_invited_person_once(school):
    wave = started_wave()
    people = invited_in(wave, 3, unit=school)
    UserFactory(wave=wave)  # already active: no invitation
    UserFactory(wave=wave, status=User.Status.DEACTIVATED, is_active=False)
    invited_in(None, 1)  # not in the wave
    assert send_wave_invitations.call(wave.pk) == 3
    assert mails_per_person() == {p.email: 1 for p in people}
    invitations = Invitation.objects.filter(wave=wave)
    assert invitations.count() == 3
    assert all(i.kind == Invitation.Kind.WAVE and i.sent_at for i in invitations)
    wave.refresh_from_db()
    assert wave.invitations_sent_at is not None
    assert wave.status == RolloutWave.Status.SENT


def test_the_mail_opens_the_persons_invitation(client, school):
    wave = started_wave()
    [person] = invited_in(wave, 1, unit=school)
    send_wave_invitations.call(wave.pk)
    path = next(
        line.split("127.0.0.1:8000", 1)[1]
        for line in mail.outbox[0].body.splitlines()
        if "/accounts/uitnodiging/" in line
    )
    assert person.display_name in client.get(path).content.decode()


def test_running_twice_in_a_row_mails_each_person_once(school):
    wave = started_wave()
    people = invited_in(wave, 4, unit=school)
    send_wave_invitations.call(wave.pk)
    RolloutWave.objects.filter(pk=wave.pk).update(invitations_sent_at=None)  # as if retried
    assert send_wave_invitations.call(wave.pk) == 0
    send_wave_invitations.call(wave.pk)
    assert mails_per_person() == {p.email: 1 for p in people}
    assert Invitation.objects.count() == 4


def test_a_retry_after_a_crash_sends_only_what_is_left(school, monkeypatch):
    wave = started_wave()
    people = invited_in(wave, 4, unit=school)
    calls = {"n": 0}
    original = invitation_services.invitation_mail_send

    def crash_on_third(invitation):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ConnectionError("mail server went away")
        original(invitation)

    monkeypatch.setattr(invitation_services, "invitation_mail_send", crash_on_third)
    assert rollout.wave_send_invitations(wave_id=wave.pk) == 3
    wave.refresh_from_db()
    assert wave.invitations_sent_at is None  # not complete: the tick comes back for it
    assert Invitation.objects.filter(sent_at__isnull=True).count() == 1
    monkeypatch.undo()
    assert rollout.wave_send_invitations(wave_id=wave.pk) == 1
    assert mails_per_person() == {p.email: 1 for p in people}
    wave.refresh_from_db()
    assert wave.invitations_sent_at is not None


def test_revoked_wave_invitations_are_not_sent(school):
    wave = started_wave()
    people = invited_in(wave, 2, unit=school)
    Invitation.objects.create(
        user=people[0], wave=wave, kind=Invitation.Kind.WAVE, nonce="x",
        expires_at=clock.now() + timedelta(days=1), revoked_at=clock.now(),
    )  # fmt: skip
    send_wave_invitations.call(wave.pk)
    assert mails_per_person() == {people[1].email: 1}


def test_someone_invited_by_hand_in_a_started_wave_is_not_mailed_again(admin_user, school, commit):
    wave = started_wave()
    person = commit(
        invitation_services.person_invite, actor=admin_user, email="hand@example.org",
        display_name="Hanna Hand", unit=school, wave=wave,
    )  # fmt: skip
    others = invited_in(wave, 2, unit=school)
    send_wave_invitations.call(wave.pk)
    assert mails_per_person() == {person.email: 1, **{p.email: 1 for p in others}}


def _run_at_the_same_moment(target, workers=2):
    """Start `target` in `workers` threads at once; a run that fails is retried, as the tick does.

    PostgreSQL makes the second writer wait. The in-memory SQLite test database (shared cache)
    answers it with "table is locked" instead of waiting like the WAL file does in production:
    that run fails like a crashed worker, and its retry must still not mail anybody twice.
    """
    barrier = threading.Barrier(workers)
    errors = []
    retries = []

    def work():
        try:
            barrier.wait()
            for _attempt in range(50):
                try:
                    target()
                    return
                except OperationalError as error:
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    retries.append(error)
                    time.sleep(0.01)
            raise AssertionError("still locked after 50 attempts")
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return retries


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_the_same_moment_mail_each_person_once():
    wave = started_wave()
    people = invited_in(wave, 12)
    retries = _run_at_the_same_moment(lambda: rollout.wave_send_invitations(wave_id=wave.pk))
    assert connection.vendor == "sqlite" or not retries
    assert mails_per_person() == {p.email: 1 for p in people}
    assert Invitation.objects.filter(wave=wave).count() == 12
    assert Invitation.objects.filter(wave=wave, sent_at__isnull=True).count() == 0
    wave.refresh_from_db()
    assert wave.invitations_sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_ticks_at_the_same_moment_mail_each_person_once():
    wave = started_wave()
    people = invited_in(wave, 12)
    retries = _run_at_the_same_moment(lambda: call_command("rollout_tick", verbosity=0))
    assert connection.vendor == "sqlite" or not retries
    assert mails_per_person() == {p.email: 1 for p in people}
    assert Invitation.objects.filter(wave=wave).count() == 12


# --- The tick


def test_tick_queues_started_waves_that_are_not_complete(db, dummy_tasks):
    due = started_wave(name="Due")
    started_wave(name="Done", invitations_sent_at=clock.now())
    WaveFactory(name="Planned", starts_at=clock.now() + timedelta(days=1))
    out = StringIO()
    call_command("rollout_tick", stdout=out)
    assert [r.args for r in dummy_tasks.results] == [[due.pk]]
    assert all(r.task.run_after is None for r in dummy_tasks.results)
    assert "1 wave" in out.getvalue()


def test_tick_twice_in_a_row_mails_each_person_once(school):
    wave = started_wave()
    people = invited_in(wave, 3, unit=school)
    call_command("rollout_tick", verbosity=0)
    call_command("rollout_tick", verbosity=0)
    assert mails_per_person() == {p.email: 1 for p in people}
    assert rollout.waves_due().count() == 0


def test_tick_picks_up_a_wave_once_its_date_has_come(school):
    wave = WaveFactory(starts_at=clock.now() + timedelta(hours=1))
    people = invited_in(wave, 2, unit=school)
    call_command("rollout_tick", verbosity=0)
    assert mail.outbox == []
    clock.pin(clock.now() + timedelta(hours=2))
    try:
        call_command("rollout_tick", verbosity=0)
    finally:
        clock.pin(None)
    assert mails_per_person() == {p.email: 1 for p in people}


def test_people_imported_into_a_started_wave_are_invited_once(
    admin_user, school, django_capture_on_commit_callbacks
):
    from django.core import mail

    from kring.accounts.models import Invitation, User
    from kring.accounts.services.importing import employee_import_apply, employee_import_upload
    from kring.accounts.services.rollout import wave_send_invitations, waves_due
    from kring.accounts.tests.factories import WaveFactory
    from kring.common import clock

    wave = WaveFactory(name="Golf 1", starts_at=clock.now())
    wave_send_invitations(wave_id=wave.pk)
    assert wave.__class__.objects.get(pk=wave.pk).invitations_sent_at is not None
    mail.outbox.clear()

    csv = (
        "name,email,unit,job_title,wave\n"
        f"Nina Nieuw,nina@example.org,{school.name},Leerkracht,Golf 1\n"
    )
    upload = employee_import_upload(actor=admin_user, filename="hr.csv", data=csv.encode())
    with django_capture_on_commit_callbacks(execute=True):
        employee_import_apply(actor=admin_user, employee_import=upload)

    nina = User.objects.get(email="nina@example.org")
    assert Invitation.objects.filter(user=nina, wave=wave).count() == 1
    assert [m.to for m in mail.outbox] == [["nina@example.org"]]
    assert not waves_due().exists()
