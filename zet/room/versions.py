"""The version of a dagdeel: bumped inside every write that changes what one of its screens
shows, so a screen knows it is behind by comparing one number (docs/architecture.md, "Live
reads and caches").

``bump`` is the one place a write says what it changed; ``follow`` relays the bumps of other
processes into this process's ``hub`` of the database: PostgreSQL's own LISTEN/NOTIFY (one listening
connection per process), or on SQLite one watcher thread per process that reads the versions
of the watched dagdelen every ``WATCH_EVERY`` seconds (one query per process, not per screen).
"""
from __future__ import annotations

import json
import logging
import threading
import time

from sqlalchemy import Connection, Engine, select, text

from zet.db.changes import INPUT, ROOM, WATCH_FOR, Bump, hub, quiet, record
from zet.db.schema import dagdelen, groepen

__all__ = ["INPUT", "ROOM", "Bump", "bump", "bump_group", "current", "follow", "quiet",
           "version_on"]

CHANNEL = "zet_room"
WATCH_EVERY = 0.25
log = logging.getLogger("zet")


def bump(conn: Connection, dagdeel_id: int, topic: str, group_id: int | None = None) -> int:
    """Raise the dagdeel's version inside the caller's transaction; the new version."""
    version = conn.execute(
        dagdelen.update().where(dagdelen.c.id == dagdeel_id)
        .values(version=dagdelen.c.version + 1).returning(dagdelen.c.version)).scalar_one()
    made = Bump(dagdeel_id, int(version), topic, group_id)
    record(conn, made)
    if conn.dialect.name == "postgresql":  # delivered at commit, dropped on rollback
        conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                     {"channel": CHANNEL, "payload": _payload(made)})
    return made.version


def bump_group(conn: Connection, group_id: int, topic: str) -> int:
    """``bump`` for a change of one group."""
    dagdeel_id = conn.execute(select(groepen.c.dagdeel_id)
                              .where(groepen.c.id == group_id)).scalar_one()
    return bump(conn, dagdeel_id, topic, group_id)


def version_on(conn: Connection, dagdeel_id: int) -> int:
    """The dagdeel's version as the caller's transaction sees it (a snapshot's stamp)."""
    return int(conn.execute(select(dagdelen.c.version)
                            .where(dagdelen.c.id == dagdeel_id)).scalar_one_or_none() or 0)


def current(engine: Engine, dagdeel_id: int) -> int:
    """The dagdeel's version as this process knows it (read once, then followed)."""
    follow(engine)  # before anything is known: a bump of this process may come first
    notifier = hub(engine)
    known = notifier.latest(dagdeel_id)
    if known is not None:
        return known
    with engine.connect() as conn:
        version = conn.execute(select(dagdelen.c.version)
                               .where(dagdelen.c.id == dagdeel_id)).scalar_one_or_none()
    notifier.seed(dagdeel_id, int(version or 0))
    return notifier.latest(dagdeel_id) or 0


def _payload(made: Bump) -> str:
    return json.dumps([made.dagdeel_id, made.version, made.topic, made.group_id])


def _parse(payload: str) -> Bump:
    dagdeel_id, version, topic, group_id = json.loads(payload)
    return Bump(int(dagdeel_id), int(version), str(topic),
                None if group_id is None else int(group_id))


_FOLLOWING: dict[str, threading.Thread] = {}  # database URL -> its relay thread
_URL_OF_ENGINE: dict[int, str] = {}
_FOLLOWING_GUARD = threading.Lock()


def _url(engine: Engine) -> str:
    known = _URL_OF_ENGINE.get(id(engine))
    if known is None:
        known = _URL_OF_ENGINE[id(engine)] = engine.url.render_as_string(hide_password=False)
    return known


def follow(engine: Engine) -> None:
    """Start (once per database per process) relaying other processes' bumps. Called on
    every screen read and by every event stream, so a relay that stopped (SQLite: nothing
    watched for ``WATCH_FOR``) starts again when a screen needs it."""
    key = _url(engine)
    with _FOLLOWING_GUARD:
        if key in _FOLLOWING:
            return
        ready = threading.Event()
        target = _listen if engine.dialect.name == "postgresql" else _watch
        thread = threading.Thread(target=target, args=(engine, ready), daemon=True,
                                  name=f"zet-versions-{engine.dialect.name}")
        _FOLLOWING[key] = thread
        thread.start()
    ready.wait(timeout=5)  # LISTEN runs before the caller reads a version to start from


def _listen(engine: Engine, ready: threading.Event) -> None:
    """PostgreSQL: one connection per process LISTENs; every NOTIFY becomes a bump."""
    import psycopg  # only on PostgreSQL

    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    while True:
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                ready.set()
                for notice in conn.notifies():
                    hub(engine).publish([_parse(notice.payload)])
        except Exception:
            log.exception("LISTEN %s failed; trying again", CHANNEL)
            ready.set()
            time.sleep(1)


def _watch(engine: Engine, ready: threading.Event) -> None:
    """SQLite: read the versions of the watched dagdelen a few times a second, so a write
    of another process (a second server, the CLI) reaches this one's screens."""
    ready.set()
    notifier, idle_since = hub(engine), time.monotonic()
    while True:
        time.sleep(WATCH_EVERY)
        watched = notifier.watched()
        if not watched:
            with _FOLLOWING_GUARD:  # stop when idle; ``follow`` starts a new one if needed
                if time.monotonic() - idle_since > WATCH_FOR and not notifier.watched():
                    _FOLLOWING.pop(_url(engine), None)
                    return
            continue
        idle_since = time.monotonic()
        try:
            with engine.connect() as conn:
                rows = conn.execute(select(dagdelen.c.id, dagdelen.c.version)
                                    .where(dagdelen.c.id.in_(watched))).all()
        except Exception:
            log.exception("reading dagdeel versions failed")
            continue
        for dagdeel_id, version in rows:
            # Not a version of this process's own that is committed but not yet published:
            # relayed here as a bare ROOM bump, an answer would rerun every phone.
            if notifier.foreign(dagdeel_id, int(version)):
                notifier.publish([Bump(dagdeel_id, int(version), ROOM)])
