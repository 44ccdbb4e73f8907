"""A room of phones joining at once: every join stored, none failing on a locked database.

Run:  python bench/bench_joins.py [phones] [seconds] [page_ms]
Each phone is a thread (as a Streamlit session is); they arrive spread evenly over the given
seconds (default 400 over 10 s), join, ask for their seat, and then poll the room and their
step every 2 s as a phone page does, so late joiners write while the early ones read.
``page_ms`` (default 100) is Python work per page run, holding the GIL as Streamlit's script
runs do: it is what stretches a write transaction when hundreds of sessions are busy.
Prints how many were stored and seated, the errors, and join latencies.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from zet.db import make_engine
from zet.roles import ROLES
from zet.room import groups, participants, phase, rounds
from zet.room.dagdelen import GroupPlan, RoundPlan, create_dagdeel


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def page_work(ms: float) -> None:
    """Pure-Python work for ``ms`` milliseconds (a page run drawing its widgets)."""
    until = time.perf_counter() + ms / 1000
    while time.perf_counter() < until:
        sum(range(200))


def main() -> None:
    phones = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    page_ms = float(sys.argv[3]) if len(sys.argv) > 3 else 100.0
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        created = create_dagdeel(engine, locatie="Bench", datum=date.today(), rounds=[
            RoundPlan(groups=tuple(GroupPlan("proef", f"Begeleider {label}", label)
                                   for label in "ABCDEFGH"))])
        latencies: list[float] = []
        errors: Counter[str] = Counter()
        lock = threading.Lock()
        stop = threading.Event()
        start = time.monotonic() + 0.5

        def phone(index: int) -> None:
            time.sleep(max(0.0, start + index * seconds / phones - time.monotonic()))
            page_work(page_ms)  # the join form
            began = time.perf_counter()
            try:
                joined = participants.join(engine, created.dagdeel, role=ROLES[index % len(ROLES)])
                seat = rounds.take_seat(engine, joined)
            except Exception as error:  # the bench counts every kind of failure
                with lock:
                    errors[f"{type(error).__name__}: {error}"[:120]] += 1
                return
            with lock:
                latencies.append(time.perf_counter() - began)
            while not stop.wait(2.0):
                page_work(page_ms / 4)  # the polling fragment
                phase.room_of(engine, joined.dagdeel_id)
                if seat is not None:
                    groups.current_step(engine, seat.group_id)

        threads = [threading.Thread(target=phone, args=(i,)) for i in range(phones)]
        for thread in threads:
            thread.start()
        time.sleep(max(0.0, start + seconds - time.monotonic()))
        while len(latencies) + sum(errors.values()) < phones:
            time.sleep(0.1)
        took = time.monotonic() - start
        stop.set()
        for thread in threads:
            thread.join()
        stored = participants.dagdeel_participants(engine, created.dagdeel.id)
        sizes = sorted(len(t.members) for t in rounds.rounds_of(engine, created.dagdeel.id)[0]
                       .tables)
        ms = [v * 1000 for v in latencies]
        print(f"SQLite (WAL), {phones} phones joining over {seconds:g} s, {page_ms:g} ms page "
              f"work (done in {took:.1f} s)")
        print(f"stored {len(stored)} of {phones}, seated {sum(sizes)}, errors "
              f"{sum(errors.values())}, table sizes {sizes}")
        if ms:
            print(f"join + seat latency: p50={statistics.median(ms):.1f} ms  "
                  f"p95={percentile(ms, 0.95):.1f} ms  max={max(ms):.1f} ms")
        for message, count in errors.most_common():
            print(f"  {count} x {message}")
        engine.dispose()


if __name__ == "__main__":
    main()
