"""Rate limits for guessing: wrong join codes and wrong organiser passwords.

A join code has 25⁵ ≈ 9.8 million values, so guessing one only works fast. Each limiter
counts failures in a sliding window, per client (the key the UI passes, e.g. the remote
address) and overall. The overall bound is the one that holds against a guesser who
changes keys. For join codes it slows lookups down instead of refusing them, so a right code
from another phone still gets in during an attack (``find_open_dagdeel_guarded``).

A failure can name what was tried (the code): the same wrong code from the same client
within the window counts once, so a beamer that redraws a wrong address every second, or a
phone rerunning its page, is one guess and not one per run.

In-process and in memory: one Streamlit server is one process. Memory stays bounded: at
most ``per_client`` timestamps per key, ``overall`` timestamps in total, and ``max_keys``
keys (the oldest are forgotten first).
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine

from zet.codes import normalise_join_code
from zet.errors import NotFound, UserError
from zet.room.dagdelen import Dagdeel, find_open_dagdeel

T = TypeVar("T")


class TooManyAttempts(UserError):
    """Too many failures in the window; the message says to wait."""


JOIN_MESSAGE = ("Te veel verkeerde codes geprobeerd. Wacht een minuut en probeer het dan "
                "opnieuw.")
LOGIN_MESSAGE = ("Te vaak een verkeerd wachtwoord geprobeerd. Wacht een minuut en probeer het "
                 "dan opnieuw.")


class Throttle:
    """At most ``per_client`` failures per key and ``overall`` failures in total within
    ``window`` seconds. Thread-safe."""

    def __init__(self, *, per_client: int, overall: int, window: float, message: str,
                 max_keys: int = 10_000, clock: Callable[[], float] = time.monotonic):
        self.per_client, self.overall, self.window = per_client, overall, window
        self.message, self.max_keys, self._clock = message, max_keys, clock
        self._lock = threading.Lock()
        # Per key: (when, what was tried) of its recent failures, oldest first.
        self._by_key: OrderedDict[str, deque[tuple[float, str]]] = OrderedDict()
        self._all: deque[float] = deque()

    def _forget_old(self, now: float) -> None:
        horizon = now - self.window
        while self._all and self._all[0] <= horizon:
            self._all.popleft()
        # Keys are kept in order of their last failure: drop stale ones from the front.
        while self._by_key:
            key, stamps = next(iter(self._by_key.items()))
            if stamps and stamps[-1][0] > horizon:
                break
            del self._by_key[key]

    def _recent(self, client_key: str, now: float) -> int:
        stamps = self._by_key.get(client_key)
        if not stamps:
            return 0
        while stamps and stamps[0][0] <= now - self.window:
            stamps.popleft()
        return len(stamps)

    def check(self, client_key: str) -> None:
        """Raise TooManyAttempts when this client, or everyone together, failed too often."""
        if self.saturated() or self.client_blocked(client_key):
            raise TooManyAttempts(self.message)

    def client_blocked(self, client_key: str) -> bool:
        """Whether this client failed ``per_client`` times within the window."""
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            return self._recent(client_key, now) >= self.per_client

    def saturated(self) -> bool:
        """Whether everyone together failed ``overall`` times within the window."""
        with self._lock:
            self._forget_old(self._clock())
            return len(self._all) >= self.overall

    def record_failure(self, client_key: str, tried: str = "") -> None:
        """Count one failure of ``client_key``; a ``tried`` value this client already
        failed with inside the window is not counted again."""
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            if tried and self._recent(client_key, now) and any(
                    earlier == tried for _, earlier in self._by_key[client_key]):
                return
            stamps = self._by_key.pop(client_key, None) or deque(maxlen=self.per_client)
            stamps.append((now, tried))
            self._by_key[client_key] = stamps  # most recent failure last
            while len(self._by_key) > self.max_keys:
                self._by_key.popitem(last=False)
            self._all.append(now)
            while len(self._all) > self.overall:
                self._all.popleft()

    def reset(self) -> None:
        """Forget everything (tests, or after a restart of the app's settings)."""
        with self._lock:
            self._by_key.clear()
            self._all.clear()


# One limiter per kind of secret, shared by every session of this server process.
joins = Throttle(per_client=5, overall=30, window=60, message=JOIN_MESSAGE)
logins = Throttle(per_client=5, overall=20, window=60, message=LOGIN_MESSAGE)


# While everyone together guessed too often, each lookup waits this long first: guessing
# slows down, and a phone with the right code still gets in.
SATURATED_DELAY = 1.0


def guarded(lookup: Callable[[Engine, str], T], engine: Engine, raw_code: str,
            client_key: str, *, sleep: Callable[[float], None] = time.sleep) -> T:
    """``lookup(engine, raw_code)`` behind the join limiter: the one way from a typed or
    linked code to what it opens (a dagdeel, a quickscan).

    An empty field is no guess and is not counted; an unknown, malformed or closed code
    is, once per client. A client that guessed wrong too often is refused
    (TooManyAttempts, a UserError), even with a right code. The overall bound never
    refuses a right code: it only slows every lookup down, so a stranger cannot keep a
    room of forty people out."""
    if joins.client_blocked(client_key):
        raise TooManyAttempts(joins.message)
    if joins.saturated():
        sleep(SATURATED_DELAY)
    try:
        return lookup(engine, raw_code)
    except NotFound:
        if code := normalise_join_code(raw_code):
            joins.record_failure(client_key, code)
        raise


def find_open_dagdeel_guarded(engine: Engine, raw_code: str, client_key: str, *,
                              sleep: Callable[[float], None] = time.sleep) -> Dagdeel:
    """``zet.room.dagdelen.find_open_dagdeel`` behind the join limiter (see ``guarded``): for the
    phone, the beamer and any later route (``tests/test_guess_codes.py`` checks nothing else
    looks codes up). A closed dagdeel raises ``Closed`` (a NotFound)."""
    return guarded(find_open_dagdeel, engine, raw_code, client_key, sleep=sleep)
