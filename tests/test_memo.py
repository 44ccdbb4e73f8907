"""The live memo: one read per key per ttl, shared; forgetting is exact; a slow read does not
hide a write for longer than the ttl."""
from __future__ import annotations

import threading

import pytest

from ui import memo as memo_module
from ui.memo import Memo, Versioned


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def counting(clock: Clock, ttl: float = 0.5):
    calls: list[int] = []

    def load(key: int) -> tuple[int, int]:
        calls.append(key)
        return key, len(calls)

    return Memo(load, ttl, clock=clock), calls


def test_a_value_is_read_once_per_ttl_and_per_key(clock):
    read, calls = counting(clock)
    assert read(1) == (1, 1)
    assert read(1) == (1, 1)
    assert read(2) == (2, 2)
    clock.now += 0.49
    assert read(1) == (1, 1)
    clock.now += 0.02
    assert read(1) == (1, 3)
    assert calls == [1, 2, 1]


def test_forget_one_key_keeps_the_others(clock):
    read, calls = counting(clock)
    read(1), read(2)
    read.forget(1)
    read(1), read(2)
    assert calls == [1, 2, 1]
    read.forget()
    read(1), read(2)
    assert calls == [1, 2, 1, 1, 2]


def test_an_error_is_not_kept(clock):
    attempts = []

    def load(key: int) -> int:
        attempts.append(key)
        if len(attempts) == 1:
            raise LookupError("not there yet")
        return key

    read = Memo(load, 0.5, clock=clock)
    with pytest.raises(LookupError):
        read(7)
    assert read(7) == 7
    assert attempts == [7, 7]


def test_a_value_is_as_old_as_the_start_of_its_read(clock):
    """A write that commits while the read runs must not stay hidden for a whole ttl after
    the read ends."""
    def slow(key: int) -> int:
        clock.now += 0.4  # the read takes 0.4 s
        return key

    read = Memo(slow, 0.5, clock=clock)
    read(1)
    clock.now += 0.11  # 0.51 s after the read started, 0.11 s after it ended
    before = clock.now
    read(1)
    assert clock.now > before  # it read again


def test_forget_during_a_read_keeps_that_read_out(clock):
    started, release = threading.Event(), threading.Event()
    values = iter(["old", "new"])

    def load(key: int) -> str:
        value = next(values)
        if value == "old":
            started.set()
            release.wait(5)
        return value

    read = Memo(load, 10.0, clock=clock)
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(read(1)))
    reader.start()
    assert started.wait(5)
    read.forget(1)  # a write happened while the old value was being read
    release.set()
    reader.join(5)
    assert result == ["old"]  # that session got what it read ...
    assert read(1) == "new"   # ... but the memo did not keep it


def test_many_sessions_wait_for_one_read(clock):
    gate = threading.Event()
    calls = []

    def load(key: int) -> int:
        calls.append(key)
        gate.wait(5)
        return key * 10

    read = Memo(load, 10.0, clock=clock)
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(read(3))) for _ in range(20)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join(5)
    assert results == [30] * 20
    assert calls == [3]


def test_expired_values_are_dropped_past_the_bound(clock, monkeypatch):
    monkeypatch.setattr(memo_module, "MAX_ENTRIES", 10)
    read, _ = counting(clock)
    for key in range(10):
        read(key)
    clock.now += 1.0  # all ten expired
    read(100)         # the eleventh entry makes the memo drop the expired ones
    assert len(read._values) == 1


def test_keyword_arguments_are_part_of_the_key(clock):
    calls = []

    def load(code: str, tafel: str = "") -> str:
        calls.append((code, tafel))
        return code + tafel

    read = Memo(load, 0.5, clock=clock)
    assert read("K7", tafel="A") == "K7A"
    assert read("K7", tafel="B") == "K7B"
    assert read("K7", tafel="A") == "K7A"
    assert calls == [("K7", "A"), ("K7", "B")]


def test_a_stamped_value_is_kept_under_the_version_it_was_read_at():
    """A snapshot read at version 7 while this process still knew 6 is kept under 7: when
    the process hears of 7, it finds the snapshot instead of reading it again."""
    known = {"version": 6}
    calls: list[int] = []

    def load(group_id: int) -> tuple[int, int]:
        calls.append(group_id)
        return (7, len(calls))  # (the version it was read at, which read)

    read = Versioned(load, lambda _: known["version"], stamp=lambda value: value[0])
    assert read(1) == (7, 1)
    known["version"] = 7
    assert read(1) == (7, 1)
    known["version"] = 8
    assert read(1) == (7, 2)
    assert calls == [1, 1]
