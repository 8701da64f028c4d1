"""The embedded SQLite database: WAL, and concurrent writers wait instead of failing."""

import sqlite3
import threading

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper


def connect(path):
    """A connection configured exactly like the embedded default, on a file of the test's own."""
    config = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": settings.SQLITE_OPTIONS,
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
    }
    wrapper = DatabaseWrapper(config)
    wrapper.ensure_connection()
    return wrapper


@pytest.fixture(autouse=True)
def _own_connections(django_db_blocker):
    """These tests open their own database files, outside the test database."""
    with django_db_blocker.unblock():
        yield


def test_embedded_database_uses_wal_and_waits_for_locks(tmp_path):
    db = connect(tmp_path / "kring.sqlite3")
    with db.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    db.close()


def test_concurrent_writers_wait_instead_of_failing(tmp_path):
    path = tmp_path / "kring.sqlite3"
    setup = connect(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
    setup.close()
    errors: list[Exception] = []
    start = threading.Barrier(4)

    def writer() -> None:
        db = connect(path)
        try:
            start.wait()
            for _ in range(25):
                with db.cursor() as cursor:
                    # Django opens IMMEDIATE transactions, so writers queue for the lock.
                    db.set_autocommit(False)
                    cursor.execute("SELECT count(*) FROM counter")
                    cursor.execute("INSERT INTO counter VALUES (1)")
                    db.commit()
                    db.set_autocommit(True)
        except sqlite3.OperationalError as error:
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    check = connect(path)
    with check.cursor() as cursor:
        assert cursor.execute("SELECT count(*) FROM counter").fetchone()[0] == 100
    check.close()
