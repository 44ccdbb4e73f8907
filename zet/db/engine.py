"""Create the engine for the configured database and bring its schema up to date.

Writes go through ``writing()``. On SQLite a process lets one writer at a time into the file
(a lock per file, so waiting threads queue instead of polling SQLite's busy handler), takes
the write lock up front with ``BEGIN IMMEDIATE`` and retries that BEGIN with jittered
backoff while another process holds the file. Once BEGIN IMMEDIATE succeeded no statement
of the body can meet ``database is locked`` in WAL mode, so the body itself need not be
re-run and every ``with writing(engine) as conn:`` call site stays as it is. On PostgreSQL
the domain takes row locks (``SELECT ... FOR UPDATE``), and ``retry_transient`` re-runs a
whole domain call (the hot writes of phones) after a deadlock, a serialization failure or a
lock met inside the body.
"""
from __future__ import annotations

import functools
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, CursorResult, Engine, RootTransaction, create_engine, event
from sqlalchemy.exc import DBAPIError

from zet.db import changes
from zet.db.storage import check_storage, storage_error
from zet.errors import StorageBusy

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000  # SQLite's own wait for another process, per attempt
# FULL: every commit is on disk before the phone hears "opgeslagen", even after a power cut.
# The measured cost is in docs/reliability.md (bench/bench_durability.py).
SQLITE_SYNCHRONOUS = "FULL"
PG_RETRY_CODES = {"40001", "40P01"}  # serialization_failure, deadlock_detected

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """Jittered exponential backoff, bounded in attempts and in total time."""
    attempts: int = 8
    first_delay: float = 0.02
    max_delay: float = 1.0
    budget: float = 30.0

    def delay(self, attempt: int) -> float:
        """'Full jitter': a random wait up to the doubled delay of this attempt."""
        return random.uniform(0, min(self.max_delay, self.first_delay * 2 ** attempt))


RETRY = RetryPolicy()


def is_transient(error: BaseException) -> bool:
    """An error that goes away when the same transaction is tried again a little later."""
    if not isinstance(error, DBAPIError):
        return False
    orig = error.orig
    if (getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)) in PG_RETRY_CODES:
        return True
    if isinstance(orig, sqlite3.OperationalError):
        name = getattr(orig, "sqlite_errorname", "")
        message = str(orig).lower()
        return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message
    return False


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    # WAL lets phones read while another thread writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
    cursor.close()


def make_engine(url: str, *, upgrade: bool = True) -> Engine:
    """A pooled engine; SQLite files get WAL and a busy timeout. Upgrades the schema.

    Raises ``zet.errors.StorageError`` (a Dutch message naming the file or server) when the
    database cannot be written: read-only, disk full, missing folder, server unreachable."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False},
                               pool_size=10, max_overflow=20)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    changes.track(engine)
    try:
        check_storage(engine)
        if upgrade:
            try:
                upgrade_schema(engine)
            except DBAPIError as error:  # e.g. the disk filled up while creating the tables
                raise storage_error(engine.url, error) from error
    except BaseException:
        engine.dispose()
        raise
    return engine


_APP: dict[str, Engine] = {}
_APP_GUARD = threading.Lock()


def app_engine() -> Engine:
    """The process's one engine for the configured database (``ZET_DATABASE_URL``): the
    Streamlit pages (``ui.resources``) and the Starlette routes (``web/``) share its pool and
    its change hub. Made on first use; a failure (``StorageError``) is not kept, so the next
    call tries again. When the configured URL changes (a test's own database) the next call
    makes the engine of the new one."""
    from zet.config import load_settings  # here: zet.config imports nothing of zet.db

    url = load_settings().database_url
    with _APP_GUARD:
        engine = _APP.get(url)
        if engine is None:
            engine = make_engine(url)
            _APP.clear()  # one database per process: drop a test's earlier one
            _APP[url] = engine
        return engine


def _sqlite_begin(connection: Connection) -> None:
    # A write transaction takes the write lock up front (BEGIN IMMEDIATE), so a busy file
    # shows at BEGIN, before the body ran, where writing() can safely try again.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


_FILE_LOCKS: dict[str, threading.Lock] = {}
_FILE_LOCKS_GUARD = threading.Lock()


def _writer_lock(engine: Engine) -> threading.Lock | None:
    """One lock per SQLite file in this process; None for PostgreSQL (row locks there)."""
    if engine.dialect.name != "sqlite":
        return None
    key = str(Path(engine.url.database or "").resolve())
    with _FILE_LOCKS_GUARD:
        return _FILE_LOCKS.setdefault(key, threading.Lock())


def _begin_write(engine: Engine, deadline: float) -> tuple[Connection, RootTransaction]:
    """A connection inside a fresh write transaction; BEGIN retried while the file is busy."""
    for attempt in range(RETRY.attempts):
        connection = engine.connect().execution_options(sqlite_begin="IMMEDIATE")
        try:
            return connection, connection.begin()
        except DBAPIError as error:
            connection.close()
            if not is_transient(error):
                raise
            pause = RETRY.delay(attempt)
            if attempt + 1 == RETRY.attempts or time.monotonic() + pause > deadline:
                raise StorageBusy(_BUSY_MESSAGE) from error
            time.sleep(pause)
    raise AssertionError("unreachable: the last attempt returns or raises")


_BUSY_MESSAGE = ("De database is al te lang bezet door een ander programma. Probeer het zo "
                 "nog eens; er is niets verloren gegaan.")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes; commits on success, rolls back on an exception.

    A write to a room table must bump its dagdeel's version (``zet.room.versions.bump``); the
    bumps reach the database's ``changes.hub`` after the commit, never after a rollback.
    Raises ``StorageBusy`` when the database stayed locked for the whole retry budget."""
    deadline = time.monotonic() + RETRY.budget
    lock = _writer_lock(engine)
    if lock is not None and not lock.acquire(timeout=RETRY.budget):
        raise StorageBusy(_BUSY_MESSAGE)
    notifier, bumps = changes.hub(engine), []
    try:
        connection, transaction = _begin_write(engine, deadline)
        with connection:
            try:
                with transaction:
                    changes.start(connection)
                    yield connection
                    bumps = changes.finish(connection)  # may refuse, before the commit
                    notifier.expect(bumps)  # own versions: the watcher must not relay them
            except BaseException:
                notifier.unexpect(bumps)
                raise
            finally:
                changes.forget(connection)
    finally:
        if lock is not None:
            lock.release()
    notifier.publish(bumps)


def retry_transient(function: Callable[P, T]) -> Callable[P, T]:
    """Re-run a whole domain write (its own transaction, nothing done outside it) after a
    deadlock, a serialization failure or a lock met inside the body."""
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        deadline = time.monotonic() + RETRY.budget
        for attempt in range(RETRY.attempts - 1):
            try:
                return function(*args, **kwargs)
            except DBAPIError as error:
                pause = RETRY.delay(attempt)
                if not is_transient(error) or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
        return function(*args, **kwargs)
    return wrapper


@contextmanager
def reading(engine: Engine, *, repeatable: bool = False) -> Iterator[Connection]:
    """A read-only transaction. ``repeatable``: every statement in it sees the same state
    (a snapshot, ``zet.room.snapshot``): REPEATABLE READ on PostgreSQL, whose default READ
    COMMITTED gives each statement its own; on SQLite a read transaction always does."""
    with engine.connect() as connection:
        if repeatable and connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to ``revision`` (idempotent)."""
    _migrate(engine, command.upgrade, revision)


def downgrade_schema(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (an operator's way back, and the tests')."""
    _migrate(engine, command.downgrade, revision)


def _migrate(engine: Engine, move: Any, revision: str) -> None:
    """On SQLite, foreign keys are off while migrating: Alembic's batch mode rebuilds a table
    by copying it and dropping the old one, and with foreign keys on that drop would
    cascade and delete every answer of every group. The check runs again afterwards."""
    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw: Any = connection.connection.driver_connection  # outside SQLAlchemy's transaction
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                move(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"foreign keys broken after migrating: {broken[:5]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def inserted_id(result: CursorResult) -> int:
    """The primary key of the row an INSERT just made."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("this statement inserted no row")
    return int(key[0])
