"""What one phone rerun spends outside Streamlit's own machinery, and what caching costs.

Run:  python bench/bench_reads.py [repeats]
Prints (1) the phone page's uncached database reads of one full run on a throw-away SQLite
file (participant_by_token, get_dagdeel, take_seat, own_answers), (2) one hit of st.cache_data,
st.cache_resource and of a plain dictionary with a timestamp, (3) a QR code made and cached.
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

from zet import answers, participants, rounds
from zet.dagdelen import create_single_session, get_dagdeel
from zet.db import make_engine
from zet.qr import qr_png
from zet.roles import ROLES


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
    cache_hits(count * 10)
    qr_codes()
