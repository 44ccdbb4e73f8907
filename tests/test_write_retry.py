"""Lock contention: a write waits and retries instead of surfacing 'database is locked'."""
from __future__ import annotations

import sqlite3
import threading
import time
from datetime import date

import pytest
from sqlalchemy.exc import OperationalError

from zet.db import engine as db_engine
from zet.db import make_engine, retry_transient
from zet.errors import StorageBusy
from zet.roles import ROLES
from zet.room import participants
from zet.room.dagdelen import create_single_session


def hold_write_lock(path, seconds: float) -> threading.Thread:
    """Another process's writer: a raw connection that keeps the write lock a while."""
    ready = threading.Event()

    def hold():
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


@pytest.fixture
def quick_busy(monkeypatch, tmp_path):
    """SQLite gives up after 50 ms on its own, so only writing()'s retries can save a write."""
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "zet.db"
    engine = make_engine(f"sqlite:///{path}")
    session = create_single_session(engine, locatie="X", datum=date.today(),
                                    procesbegeleider="P", theme_id="proef")
    yield path, engine, session
    engine.dispose()


def test_a_join_waits_out_another_process_holding_the_file(quick_busy, monkeypatch):
    path, engine, session = quick_busy
    # SQLite's own wait is cut to 50 ms per attempt: give the retries enough attempts to
    # span the hold (in the app each attempt also waits BUSY_TIMEOUT_MS inside SQLite).
    monkeypatch.setattr(db_engine, "RETRY", db_engine.RetryPolicy(attempts=40, budget=10.0))
    holder = hold_write_lock(path, 1.0)
    start = time.monotonic()
    person = participants.join(engine, session.dagdeel, role=ROLES[0])
    waited = time.monotonic() - start
    holder.join()
    assert person.id > 0
    assert waited > 0.5  # it really met the lock, twenty times SQLite's own timeout


def test_a_lock_that_outlasts_the_budget_gives_a_dutch_storage_busy(quick_busy, monkeypatch):
    path, engine, session = quick_busy
    monkeypatch.setattr(db_engine, "RETRY", db_engine.RetryPolicy(budget=0.3))
    holder = hold_write_lock(path, 1.5)
    start = time.monotonic()
    with pytest.raises(StorageBusy, match="bezet"):
        participants.join(engine, session.dagdeel, role=ROLES[0])
    assert time.monotonic() - start < 1.2
    holder.join()
    assert participants.dagdeel_participants(engine, session.dagdeel.id) == []


class _Orig(Exception):
    def __init__(self, message: str, sqlstate: str | None = None):
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("orig", "transient"), [
    (sqlite3.OperationalError("database is locked"), True),
    (_Orig("deadlock detected", "40P01"), True),
    (_Orig("could not serialize access", "40001"), True),
    (sqlite3.OperationalError("attempt to write a readonly database"), False),
    (_Orig("duplicate key", "23505"), False),
])
def test_only_lock_deadlock_and_serialization_errors_are_retried(orig, transient):
    assert db_engine.is_transient(OperationalError("SQL", {}, orig)) is transient


def test_retry_transient_reruns_the_whole_call_after_a_deadlock():
    calls = []

    @retry_transient
    def write():
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("UPDATE", {}, _Orig("deadlock detected", "40P01"))
        return "klaar"

    assert write() == "klaar"
    assert len(calls) == 3


def test_retry_transient_does_not_repeat_other_errors():
    calls = []

    @retry_transient
    def write():
        calls.append(1)
        raise OperationalError("INSERT", {}, _Orig("duplicate key", "23505"))

    with pytest.raises(OperationalError):
        write()
    assert len(calls) == 1


def test_writers_in_one_process_queue_on_the_file_lock(tmp_path):
    path = tmp_path / "zet.db"
    first, second = (make_engine(f"sqlite:///{path}") for _ in range(2))
    assert db_engine._writer_lock(first) is db_engine._writer_lock(second)
    first.dispose()
    second.dispose()
