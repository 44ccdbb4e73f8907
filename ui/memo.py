"""Process-wide memos for live reads, shared by every session of the server process:
``Versioned`` keeps one read per key per version of its dagdeel (``zet.room.versions``), ``Memo``
one per key per ``ttl`` seconds (for reads no version covers).

Why not ``st.cache_data``: a hit there hashes the arguments (``inspect.signature`` on every
call) and unpickles a fresh copy of the value, 20–50 µs for a small value and O(size) for a
large one. Hundreds of phones poll several live reads every two seconds, so a hit has to
cost a dictionary lookup (docs/performance.md). Values are shared, not copied: loaders return
frozen dataclasses, tuples and strings, and callers never change them.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
MAX_ENTRIES = 5000  # past this, expired entries are dropped (a server runs for months)


class Memo(Generic[P, R]):
    """``load(*args)`` kept per ``args`` for ``ttl`` seconds.

    One loader per key at a time: when a value expires under 400 polling phones, one of them
    reads the database and the others wait for that read instead of repeating it. A value is
    stamped with the moment its read *started*, so a write committed during the read is
    never hidden for longer than ``ttl``; ``forget`` during a read keeps that read's value
    out of the memo.
    """

    def __init__(self, load: Callable[P, R], ttl: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._load, self.ttl, self._clock = load, ttl, clock
        self.__name__ = getattr(load, "__name__", "memo")
        self.__doc__ = load.__doc__
        self._values: dict[Hashable, tuple[float, R]] = {}
        self._forgotten: dict[Hashable, int] = {}  # key -> how often it was forgotten
        self._everything_forgotten = 0
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key: Hashable = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        hit = self._values.get(key)
        if hit is not None and self._clock() - hit[0] < self.ttl:
            return hit[1]
        with self._lock_for(key):
            hit = self._values.get(key)
            if hit is not None and self._clock() - hit[0] < self.ttl:
                return hit[1]  # another session read it while this one waited
            generation = self._generation(key)
            started = self._clock()
            value = self._load(*args, **kwargs)
            with self._guard:
                if self._generation(key) == generation:
                    self._values[key] = (started, value)
                if len(self._values) > MAX_ENTRIES:
                    self._drop_expired()
            return value

    def forget(self, *args: Hashable) -> None:
        """Drop the value for ``args``; without arguments, every value."""
        with self._guard:
            if args:
                self._values.pop(args, None)
                self._forgotten[args] = self._forgotten.get(args, 0) + 1
            else:
                self._values.clear()
                self._forgotten.clear()
                self._everything_forgotten += 1

    def _generation(self, key: Hashable) -> tuple[int, int]:
        return self._everything_forgotten, self._forgotten.get(key, 0)

    def _lock_for(self, key: Hashable) -> threading.Lock:
        with self._guard:
            lock = self._locks.get(key)
            if lock is None:
                lock = self._locks[key] = threading.Lock()
            return lock

    def _drop_expired(self) -> None:
        now = self._clock()
        for key in [k for k, (stamp, _) in self._values.items() if now - stamp >= self.ttl]:
            del self._values[key]
            self._locks.pop(key, None)
            self._forgotten.pop(key, None)


def memo(ttl: float) -> Callable[[Callable[P, R]], Memo[P, R]]:
    """Decorator form: ``@memo(ttl=1.0) def step(group_id): ...``."""
    def wrap(load: Callable[P, R]) -> Memo[P, R]:
        return Memo(load, ttl)
    return wrap


class Versioned(Generic[P, R]):
    """``load(*args)`` kept per ``args`` while ``version(*args)`` stays the same: one read
    per version per process, and no staleness to wait out. The version is read *before*
    the load, so a write that commits during the load (and bumps the version) makes the
    next call read again. A value only ever replaces one of an older version.

    ``stamp``: the version a value says it was read at (a snapshot's ``version``, read in
    its own transaction); it is kept under that version when this process has not heard of
    it yet, so the next call that knows it finds the value instead of reading again."""

    def __init__(self, load: Callable[P, R], version: Callable[P, int],
                 stamp: Callable[[R], int] | None = None) -> None:
        self._load, self._version, self._stamp = load, version, stamp
        self.__name__ = getattr(load, "__name__", "versioned")
        self.__doc__ = load.__doc__
        self._values: dict[Hashable, tuple[int, R]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key: Hashable = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        version = self._version(*args, **kwargs)
        hit = self._values.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        with self._lock_for(key):
            hit = self._values.get(key)
            if hit is not None and hit[0] >= version:
                return hit[1]  # another session read it while this one waited
            value = self._load(*args, **kwargs)
            if self._stamp is not None:
                version = max(version, self._stamp(value))
            with self._guard:
                stored = self._values.get(key)
                if stored is None or stored[0] < version:
                    self._values[key] = (version, value)
            return value

    def forget(self, *args: Hashable) -> None:
        """Drop the value for ``args``; without arguments, every value."""
        with self._guard:
            if args:
                self._values.pop(args, None)
            else:
                self._values.clear()
                self._locks.clear()

    def _lock_for(self, key: Hashable) -> threading.Lock:
        with self._guard:
            lock = self._locks.get(key)
            if lock is None:
                if len(self._locks) > MAX_ENTRIES:
                    self._locks.clear()
                lock = self._locks[key] = threading.Lock()
            return lock
