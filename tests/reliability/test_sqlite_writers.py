"""Fifty writers on one SQLite file for 30 seconds, with the settings the site
uses for SQLite (WAL, busy timeout, IMMEDIATE transactions): none of them ever
sees "database is locked", and no write is lost.

It runs on a SQLite file of its own, so it runs on the PostgreSQL pass too."""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

from config.settings.base import sqlite_database

WRITERS = 50
SECONDS = 30
ALIAS = "sqlite_writers"

# Alone in the serial pass: its busy timeout should not be measured against
# CPU starved by a pytest-xdist worker on each core.
pytestmark = pytest.mark.serial


@pytest.fixture
def sqlite_alias(tmp_path, django_db_blocker):
    """A database alias on a fresh SQLite file, configured as the site's."""
    configured = connections.configure_settings(
        {
            "default": connections.settings["default"],
            ALIAS: sqlite_database(str(tmp_path / "writers.sqlite3")),
        }
    )
    connections.settings[ALIAS] = configured[ALIAS]
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)")
            cursor.execute("INSERT INTO counter (id, n) VALUES (1, 0)")
            cursor.execute(
                "CREATE TABLE entry"
                " (id INTEGER PRIMARY KEY, writer INTEGER, seen INTEGER)"
            )
        connections[ALIAS].close()
        yield ALIAS
        connections[ALIAS].close()
    del connections.settings[ALIAS]


def test_fifty_writers_for_thirty_seconds_never_see_a_locked_database(sqlite_alias):
    errors: list[str] = []
    writes = [0] * WRITERS
    stop_at = time.monotonic() + SECONDS
    barrier = threading.Barrier(WRITERS)

    def writer(number: int) -> None:
        # The read-then-write a service does: read the counter, insert, update
        # it. With deferred transactions the read lock's upgrade fails at once.
        barrier.wait()
        try:
            while time.monotonic() < stop_at:
                with transaction.atomic(using=sqlite_alias):
                    cursor = connections[sqlite_alias].cursor()
                    cursor.execute("SELECT n FROM counter WHERE id = 1")
                    (seen,) = cursor.fetchone()
                    cursor.execute(
                        "INSERT INTO entry (writer, seen) VALUES (%s, %s)",
                        [number, seen],
                    )
                    cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [seen + 1])
                writes[number] += 1
        except OperationalError as error:
            errors.append(f"writer {number}: {error}")
        finally:
            connections[sqlite_alias].close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert all(count > 0 for count in writes), writes
    cursor = connections[sqlite_alias].cursor()
    cursor.execute("SELECT n FROM counter WHERE id = 1")
    assert cursor.fetchone()[0] == sum(writes)
    cursor.execute("SELECT COUNT(*), COUNT(DISTINCT seen) FROM entry")
    # Each write saw the one before it: serialised, none lost.
    assert cursor.fetchone() == (sum(writes), sum(writes))
