"""What synchronous=FULL costs against NORMAL (SQLite in WAL mode) for the writes that matter.

Run:  python bench/bench_durability.py [writers] [bursts]
For each setting a fresh database gets ``writers`` participants (default 50); in each burst
all of them save a werkblad answer at the same instant (a barrier), then all of them send a
point at the same instant. Prints p50/p95/max latency per write and the commits per second.
NORMAL survives a killed process but may lose the last commits on a power cut; FULL syncs
the WAL at every commit, so a commit the phone was told about is on disk.
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

from sqlalchemy import event, text

from zet.content import load_library
from zet.db import make_engine
from zet.roles import ROLES
from zet.room import answers, participants, points
from zet.room.dagdelen import create_single_session

CONTENT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "content"
PRAGMA_VALUES = {"NORMAL": 1, "FULL": 2}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def burst(people, write) -> list[float]:
    """Everyone writes at the same instant; the latency of each write."""
    barrier = threading.Barrier(len(people))
    latencies: list[float] = []
    lock = threading.Lock()

    def run(person):
        barrier.wait()
        began = time.perf_counter()
        write(person)
        with lock:
            latencies.append(time.perf_counter() - began)

    threads = [threading.Thread(target=run, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def engine_with(url: str, synchronous: str):
    engine = make_engine(url)
    event.listen(engine, "connect",  # runs after make_engine's own pragmas
                 lambda dbapi, _record: dbapi.execute(f"PRAGMA synchronous={synchronous}"))
    engine.dispose()  # connections made so far had the default setting
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == PRAGMA_VALUES[synchronous]
    return engine


def report(name: str, latencies: list[float], wall: float) -> None:
    ms = [v * 1000 for v in latencies]
    print(f"  {name:<12} n={len(ms):<5} p50={statistics.median(ms):7.1f} ms  "
          f"p95={percentile(ms, 0.95):7.1f} ms  max={max(ms):7.1f} ms  "
          f"{len(ms) / wall:6.0f} commits/s")


def main() -> None:
    writers = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    bursts = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    question = load_library(CONTENT).theme("proef").question("beeld")
    print(f"SQLite (WAL), {writers} writers at once, {bursts} bursts per write")
    for synchronous in ("NORMAL", "FULL"):
        with tempfile.TemporaryDirectory() as folder:
            engine = engine_with(f"sqlite:///{folder}/bench.db", synchronous)
            session = create_single_session(engine, locatie="Bench", datum=date.today(),
                                            procesbegeleider="Bench", theme_id="proef")
            gid = session.group_ids[0]
            people = [participants.join(engine, session.dagdeel, role=ROLES[i % len(ROLES)])
                      for i in range(writers)]
            saves, sends = [], []
            save_wall = send_wall = 0.0
            for number in range(bursts):
                began = time.perf_counter()
                saves += burst(people, lambda p, n=number, e=engine, g=gid: answers.save_answer(
                    e, g, p.id, question, f"antwoord {n} van {p.id}"))
                save_wall += time.perf_counter() - began
                began = time.perf_counter()
                sends += burst(people, lambda p, n=number, e=engine, g=gid: points.contribute(
                    e, g, p.id, "sterk", f"punt {n} van {p.id}"))
                send_wall += time.perf_counter() - began
            print(f"synchronous={synchronous}")
            report("save_answer", saves, save_wall)
            report("contribute", sends, send_wall)
            engine.dispose()


if __name__ == "__main__":
    main()
