"""How the storage layer holds up when a whole room acts at once.

Run:  python bench/bench_storage.py [participants] [repeats]
Prints latency figures for (1) every phone saving a werkblad answer at the same moment,
(2) the cheap 'which step are we in?' poll each phone makes, (3) the projector's reads.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zet.content import load_library
from zet.db import make_engine
from zet.roles import ROLES
from zet.room import answers, groups, participants
from zet.room.dagdelen import create_single_session

CONTENT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "content"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def simultaneous_saves(engine, group_id, people, question, repeats: int) -> list[float]:
    """Every participant saves at the same instant (a barrier), ``repeats`` times."""
    latencies: list[float] = []
    lock = threading.Lock()
    for round_ in range(repeats):
        barrier = threading.Barrier(len(people))

        def save(person, round_=round_, barrier=barrier):
            barrier.wait()
            start = time.perf_counter()
            answers.save_answer(engine, group_id, person.id, question,
                                f"antwoord {round_} van {person.id}")
            with lock:
                latencies.append(time.perf_counter() - start)

        threads = [threading.Thread(target=save, args=(p,)) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return latencies


def timed(call, count: int) -> list[float]:
    result = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        result.append(time.perf_counter() - start)
    return result


def report(name: str, values: list[float]) -> None:
    ms = [v * 1000 for v in values]
    print(f"{name:<44} n={len(ms):<5} p50={statistics.median(ms):7.2f} ms  "
          f"p95={percentile(ms, 0.95):7.2f} ms  max={max(ms):7.2f} ms")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    library = load_library(CONTENT)
    question = library.theme("proef").question("beeld")
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        session = create_single_session(engine, locatie="Bench", datum=date.today(),
                                        procesbegeleider="Bench", theme_id="proef")
        gid = session.group_ids[0]
        people = [participants.join(engine, session.dagdeel, role=ROLES[i % len(ROLES)])
                  for i in range(count)]
        print(f"SQLite (WAL), {count} participants, {repeats} bursts")
        report(f"{count} phones save an answer at once",
               simultaneous_saves(engine, gid, people, question, repeats))
        report("phone poll: current step", timed(lambda: groups.current_step(engine, gid), 500))
        report("projector read: all answers of the group",
               timed(lambda: answers.group_answers(engine, gid), 200))
        report("projector read: members of the group",
               timed(lambda: participants.members_of(engine, gid), 200))
        engine.dispose()


if __name__ == "__main__":
    main()
