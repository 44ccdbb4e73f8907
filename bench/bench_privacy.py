"""What the privacy and guessing protections cost.

Run:  python bench/bench_privacy.py [dagdelen] [participants per dagdeel]
Prints (1) how long a purge takes for that many played dagdelen, (2) the cost of the daily
check the app makes on every page run, (3) the join limiter per call, and (4) how many codes
a guesser gets through per minute and per day against the overall bound.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zet.codes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from zet.content import load_library
from zet.db import make_engine
from zet.operations.retention import purge, purge_if_due
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, scenarios
from zet.room.dagdelen import create_single_session
from zet.room.throttle import JOIN_MESSAGE, Throttle, TooManyAttempts
from zet.steps import STEP_ORDER, Step

CONTENT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "content"
DAY = date(2026, 1, 5)


def play(engine, question, n: int) -> None:
    created = create_single_session(engine, locatie="School", datum=DAY, procesbegeleider="P",
                                    theme_id="proef")
    gid = created.group_ids[0]
    people = [participants.join(engine, created.dagdeel, role=ROLES[i % len(ROLES)])
              for i in range(n)]
    for person in people:
        answers.save_answer(engine, gid, person.id, question, f"Antwoord {person.id}")
    for current in STEP_ORDER[:STEP_ORDER.index(Step.PUNTEN)]:
        groups.set_step(engine, gid, current.next(), expected_current=current)
    for person in people:
        points.contribute(engine, gid, person.id, "sterk", f"Punt {person.id}")
    groups.set_step(engine, gid, Step.SCENARIO, expected_current=Step.PUNTEN)
    for person in people:
        scenarios.place(engine, gid, person.id, nu=2, gewenst=3)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    question = load_library(CONTENT).theme("proef").question("beeld")
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        for _ in range(count):
            play(engine, question, size)
        start = time.perf_counter()
        report = purge(engine, DAY + timedelta(days=30), retention_days=30)
        took = time.perf_counter() - start
        print(f"purge: {len(report.dagdeel_ids)} dagdelen × {size} deelnemers "
              f"({report.removed.summary()}) in {took * 1000:.0f} ms")
        purge_if_due(engine, DAY + timedelta(days=31))  # the first look of the day
        runs = []
        for _ in range(10_000):
            t = time.perf_counter()
            purge_if_due(engine, DAY + timedelta(days=31))
            runs.append(time.perf_counter() - t)
        print(f"purge_if_due after the first look of the day: "
              f"median {statistics.median(runs) * 1e6:.1f} µs per page run")
        engine.dispose()

    limiter = Throttle(per_client=5, overall=30, window=60, message=JOIN_MESSAGE)
    calls = []
    for i in range(20_000):
        t = time.perf_counter()
        try:
            limiter.check(f"k{i}")
            limiter.record_failure(f"k{i}")
        except TooManyAttempts:
            pass
        calls.append(time.perf_counter() - t)
    print(f"join limiter check + record: median {statistics.median(calls) * 1e6:.1f} µs")
    space = len(JOIN_CODE_ALPHABET) ** JOIN_CODE_LENGTH
    per_day = limiter.overall * 60 * 24
    print(f"guessing: at most {limiter.overall} wrong codes per minute for the whole server, "
          f"{per_day} per day; with 5 open dagdelen that finds one with chance "
          f"{per_day * 5 / space:.1%} per day (code space {space:,})")


if __name__ == "__main__":
    main()
