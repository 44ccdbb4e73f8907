"""What one phone rerun spends outside Streamlit's own machinery, and what caching costs.

Run:  python bench/bench_reads.py [repeats] [database URL for the snapshots, wiped first]
Prints (1) the phone page's uncached database reads of one full run on a throw-away SQLite
file (participant_by_token, get_dagdeel, take_seat, own_answers), (2) the snapshot of one group
and of one dagdeel (``zet.room.snapshot``) on the demo data, with the connections each takes from
the pool, (3) one hit of st.cache_data, st.cache_resource and of a plain dictionary with a
timestamp, (4) a QR code made and cached.
"""
from __future__ import annotations

import logging
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from sqlalchemy import event, text

from zet.config import load_settings
from zet.content import load_library
from zet.db import make_engine
from zet.operations.demo import DEMO_PREFIX, add_demo
from zet.qr import qr_png
from zet.roles import ROLES
from zet.room import answers, participants, rounds
from zet.room.dagdelen import create_single_session, get_dagdeel, list_dagdelen
from zet.room.snapshot import dagdeel_snapshot, group_snapshot


def per_call(call, repeats: int) -> float:
    """Seconds per call, after a warm-up of a tenth of the repeats."""
    for _ in range(max(1, repeats // 10)):
        call()
    start = time.perf_counter()
    for _ in range(repeats):
        call()
    return (time.perf_counter() - start) / repeats


def database_reads(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/zet.db")
        session = create_single_session(engine, locatie="Bench", datum=date.today(),
                                        procesbegeleider="PB", theme_id="coachen-en-feedback")
        people = [participants.join(engine, session.dagdeel, role=ROLES[i % len(ROLES)])
                  for i in range(50)]
        person, group_id = people[7], session.group_ids[0]
        reads = {
            "participant_by_token": lambda: participants.participant_by_token(engine,
                                                                              person.token),
            "get_dagdeel": lambda: get_dagdeel(engine, person.dagdeel_id),
            "take_seat": lambda: rounds.take_seat(engine, person),
            "own_answers": lambda: answers.own_answers(engine, group_id, person.id),
        }
        times = {name: per_call(read, repeats) for name, read in reads.items()}
        print(f"phone page, uncached reads of one full run: {1000 * sum(times.values()):.2f} ms")
        for name, seconds in times.items():
            print(f"  {name}: {1000 * seconds:.2f} ms")
        engine.dispose()


def snapshots(repeats: int, url: str = "") -> None:
    """The demo's exchange group (12 deelnemers, every werkblad answer, a quickscan) and its
    dagdeel of two rounds of three tables; on a throw-away SQLite file, or on ``url`` (a
    PostgreSQL database that is wiped first)."""
    library = load_library(load_settings().content_dir)
    with tempfile.TemporaryDirectory() as tmp:
        if url:
            wipe = make_engine(url, upgrade=False)
            with wipe.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            wipe.dispose()
        engine = make_engine(url or f"sqlite:///{tmp}/zet.db")
        print(f"on {engine.dialect.name}:")
        add_demo(engine, library)
        by_title = {d.titel: d for d in list_dagdelen(engine)}
        exchange = by_title[f"{DEMO_PREFIX}Uitwisseling"]
        day = by_title[f"{DEMO_PREFIX}Dagdeel"]
        group_id = rounds.rounds_of(engine, exchange.id)[0].tables[0].group_id
        taken: list[int] = []
        event.listen(engine, "checkout", lambda *_: taken.append(1))
        for name, read in (("group snapshot (Uitwisseling, 12 deelnemers)",
                            lambda: group_snapshot(engine, library, group_id)),
                           ("dagdeel snapshot (2 rounds x 3 tables)",
                            lambda: dagdeel_snapshot(engine, library, day.id))):
            taken.clear()
            read()
            connections = len(taken)
            print(f"{name}: {1000 * per_call(read, repeats):.2f} ms, "
                  f"{connections} connection(s) from the pool")
        engine.dispose()


def cache_hits(repeats: int) -> None:
    logging.disable(logging.CRITICAL)  # "no runtime" warnings: we call outside a server

    @st.cache_data(ttl=1.0, show_spinner=False)
    def step_data(group_id: int) -> str:
        return "werkblad"

    @st.cache_resource(ttl=1.0, show_spinner=False)
    def step_resource(group_id: int) -> str:
        return "werkblad"

    memo: dict[int, tuple[float, str]] = {}
    lock = threading.Lock()

    def step_memo(group_id: int) -> str:
        hit = memo.get(group_id)
        if hit and time.monotonic() - hit[0] < 1.0:
            return hit[1]
        with lock:
            memo[group_id] = (time.monotonic(), "werkblad")
        return "werkblad"

    for name, call in (("st.cache_data", step_data), ("st.cache_resource", step_resource),
                       ("dict + timestamp", step_memo)):
        print(f"one cache hit, {name}: {1e6 * per_call(lambda c=call: c(1), repeats):.1f} µs")
    logging.disable(logging.NOTSET)


def qr_codes() -> None:
    url = "http://192.168.1.23:8501/deelnemen?code=K7MQA"
    qr_png.cache_clear()
    start = time.perf_counter()
    qr_png(url)
    made = time.perf_counter() - start
    cached = per_call(lambda: qr_png(url), 100)
    print(f"QR code made: {1000 * made:.1f} ms, cached: {1e6 * cached:.1f} µs")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    database_reads(count)
    snapshots(max(10, count // 10), sys.argv[2] if len(sys.argv) > 2 else "")
    cache_hits(count * 10)
    qr_codes()
