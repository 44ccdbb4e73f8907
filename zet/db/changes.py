"""Which dagdelen a write transaction changed, and who hears about it after the commit.

Every write that changes what a screen of a dagdeel shows calls ``zet.room.versions.bump`` inside
its transaction; the bump is recorded here on the connection. ``writing()`` sees every
INSERT/UPDATE/DELETE of the transaction (a cursor listener, ``track``) and refuses to commit
one that wrote a room table without a bump when ``STRICT`` is on (the test suite turns it on,
so the whole suite proves that every write path bumps); otherwise it logs the write path. A
write no screen watches (creating or purging a whole dagdeel) says so with ``quiet``.

After the commit ``writing()`` hands the bumps to the database's ``hub``, the in-process
``Notifier`` the event stream (``web/stream.py``) and the live reads (``ui/live.py``) follow
(one per database: a process that opens two, the test suite, keeps their versions apart).
Bumps of other processes reach it through ``zet.room.versions.follow`` (PostgreSQL LISTEN, or a
watcher on SQLite).
"""
from __future__ import annotations

import logging
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event

ROOM = "room"    # phase, rounds, seats, step, cards, screen page: every phone follows it
INPUT = "input"  # answers, points, placements, notes: the beamer and control view follow it
TOPICS = (ROOM, INPUT)
# Tables whose rows some screen of a dagdeel shows.
ROOM_TABLES = frozenset({
    "dagdelen", "rondes", "groepen", "deelnemers", "groepsleden", "antwoorden",
    "kaarten_getoond", "bijdragen", "punten", "scenario_plaatsingen", "notities",
    "quickscans", "quickscan_antwoorden"})
STRICT = False  # tests: a room write without a bump raises MissingBump instead of logging
REPLAY = 512    # bumps kept per dagdeel, so a stream that (re)connects misses none
WATCH_FOR = 60.0  # seconds a dagdeel stays watched after a screen last asked for its version
EXPECT_FOR = 10.0  # seconds an own version, committed but not yet published, is waited for

log = logging.getLogger("zet")
_DML = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)',
                  re.IGNORECASE)
_WRITTEN, _BUMPS, _QUIET = "zet_written", "zet_bumps", "zet_quiet"


class MissingBump(RuntimeError):
    """A transaction wrote a room table but bumped no dagdeel's version."""


@dataclass(frozen=True)
class Bump:
    """Dagdeel ``dagdeel_id`` is now at ``version`` because of a change of ``topic``
    (``ROOM`` or ``INPUT``), of group ``group_id`` or of the whole dagdeel (None)."""
    dagdeel_id: int
    version: int
    topic: str
    group_id: int | None = None


def track(engine: Engine) -> None:
    """Record the tables every statement inside ``writing()`` writes to."""
    event.listen(engine, "before_cursor_execute", _seen)


def _seen(conn: Connection, _cursor: Any, statement: str, *_: Any) -> None:
    written = conn.info.get(_WRITTEN)
    if written is not None:
        match = _DML.match(statement)
        if match:
            written.add(match.group(1).lower())


def start(conn: Connection) -> None:
    conn.info[_WRITTEN], conn.info[_BUMPS], conn.info[_QUIET] = set(), [], False


def record(conn: Connection, bump: Bump) -> None:
    conn.info.setdefault(_BUMPS, []).append(bump)


def quiet(conn: Connection) -> None:
    """This transaction changes nothing a running screen shows (no bump needed)."""
    conn.info[_QUIET] = True


def finish(conn: Connection) -> list[Bump]:
    """The bumps of the transaction, checked before it commits; clears the record."""
    written = conn.info.pop(_WRITTEN, set())
    bumps = conn.info.pop(_BUMPS, [])
    silent = conn.info.pop(_QUIET, False)
    missed = written & ROOM_TABLES
    if missed and not bumps and not silent:
        message = f"a write to {sorted(missed)} bumped no dagdeel version"
        if STRICT:
            raise MissingBump(message)
        log.warning(message)
    return bumps


def forget(conn: Connection) -> None:
    for key in (_WRITTEN, _BUMPS, _QUIET):
        conn.info.pop(key, None)


Listener = Callable[[Bump], None]


class Notifier:
    """The process's hub of committed bumps: the latest version per dagdeel, the last
    ``REPLAY`` bumps of each, and the listeners (one per open event stream)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._latest: dict[int, int] = {}
        self._recent: dict[int, deque[Bump]] = {}
        self._seen: dict[int, set[int]] = {}
        self._listeners: dict[int, tuple[int, Listener]] = {}
        self._asked: dict[int, float] = {}
        self._expected: dict[tuple[int, int], float] = {}  # (dagdeel, version) -> until
        self._next_id = 0

    def expect(self, bumps: Iterable[Bump]) -> None:
        """Versions this process is about to commit: until they are published (or dropped
        after a rollback), the SQLite watcher must not mistake them for another process's
        change and tell every screen that the whole room moved (``foreign``)."""
        until = time.monotonic() + EXPECT_FOR
        with self._guard:
            for bump in bumps:
                self._expected[(bump.dagdeel_id, bump.version)] = until

    def unexpect(self, bumps: Iterable[Bump]) -> None:
        """The transaction of ``expect`` rolled back: its versions will not come."""
        with self._guard:
            for bump in bumps:
                self._expected.pop((bump.dagdeel_id, bump.version), None)

    def foreign(self, dagdeel_id: int, version: int) -> bool:
        """Whether a version read from the database is news this process did not make:
        newer than the latest published, and not all of it this process's own commits
        on their way to ``publish`` (whose topic says more than a bare version)."""
        now = time.monotonic()
        with self._guard:
            latest = self._latest.get(dagdeel_id)
            if latest is None:
                return True
            return any(self._expected.get((dagdeel_id, v), 0.0) < now
                       for v in range(latest + 1, version + 1))

    def publish(self, bumps: Iterable[Bump]) -> None:
        """Tell the listeners; a bump heard twice (own NOTIFY relayed back) counts once."""
        fresh: list[Bump] = []
        with self._guard:
            for bump in bumps:
                self._expected.pop((bump.dagdeel_id, bump.version), None)
                seen = self._seen.setdefault(bump.dagdeel_id, set())
                if bump.version in seen:
                    continue
                recent = self._recent.setdefault(bump.dagdeel_id, deque(maxlen=REPLAY))
                if len(recent) == REPLAY:
                    seen.discard(recent[0].version)
                recent.append(bump)
                seen.add(bump.version)
                self._latest[bump.dagdeel_id] = max(bump.version,
                                                    self._latest.get(bump.dagdeel_id, 0))
                fresh.append(bump)
            listeners = list(self._listeners.values())
        for bump in fresh:
            for dagdeel_id, listener in listeners:
                if dagdeel_id == bump.dagdeel_id:
                    listener(bump)

    def seed(self, dagdeel_id: int, version: int) -> None:
        """A version read from the database (first use in this process)."""
        with self._guard:
            if version > self._latest.get(dagdeel_id, -1):
                self._latest[dagdeel_id] = version

    def latest(self, dagdeel_id: int) -> int | None:
        """The newest version this process knows; marks the dagdeel as watched."""
        with self._guard:
            self._asked[dagdeel_id] = time.monotonic()
            return self._latest.get(dagdeel_id)

    def since(self, dagdeel_id: int, version: int) -> list[Bump]:
        """Bumps after ``version``. When some may have been dropped from the replay (or came
        from another process as a bare version), the newest version comes as a ROOM bump,
        which every screen follows."""
        with self._guard:
            latest = self._latest.get(dagdeel_id, 0)
            recent = [b for b in self._recent.get(dagdeel_id, ()) if b.version > version]
        if latest <= version:
            return []
        have = {b.version for b in recent}
        if all(v in have for v in range(version + 1, latest + 1)):
            return recent
        return [*recent, Bump(dagdeel_id, latest, ROOM)]

    def listen(self, dagdeel_id: int, listener: Listener) -> int:
        with self._guard:
            self._next_id += 1
            self._listeners[self._next_id] = (dagdeel_id, listener)
            self._asked[dagdeel_id] = time.monotonic()
            return self._next_id

    def unlisten(self, handle: int) -> None:
        with self._guard:
            self._listeners.pop(handle, None)

    def reset(self) -> None:
        """Forget every version and bump (a fresh database, in tests)."""
        with self._guard:
            self._latest.clear()
            self._recent.clear()
            self._seen.clear()
            self._asked.clear()
            self._expected.clear()

    def watched(self) -> set[int]:
        """Dagdelen a stream listens to or a screen asked about within ``WATCH_FOR``."""
        now = time.monotonic()
        with self._guard:
            for dagdeel_id in [d for d, t in self._asked.items() if now - t > WATCH_FOR]:
                del self._asked[dagdeel_id]
            return set(self._asked) | {d for d, _ in self._listeners.values()}


_HUBS: dict[str, Notifier] = {}
_HUB_OF_ENGINE: dict[int, Notifier] = {}  # the fast path: every screen read asks
_HUBS_GUARD = threading.Lock()


def hub(engine: Engine) -> Notifier:
    """The notifier of ``engine``'s database, shared by every engine on the same URL."""
    found = _HUB_OF_ENGINE.get(id(engine))
    if found is not None:
        return found
    key = engine.url.render_as_string(hide_password=False)
    with _HUBS_GUARD:
        found = _HUBS.setdefault(key, Notifier())
        _HUB_OF_ENGINE[id(engine)] = found
    return found


def reset_hubs() -> None:
    """Forget every version and bump of every database (tests start from a fresh one)."""
    with _HUBS_GUARD:
        for notifier in _HUBS.values():
            notifier.reset()
