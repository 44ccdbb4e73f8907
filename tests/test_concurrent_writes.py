"""Sixty writers at the same instant (threads behind a barrier), on SQLite and, where
configured, PostgreSQL: double taps, two tabs and a full room store every write once."""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import func, select

from zet.db import reading
from zet.db.schema import (
    antwoorden,
    bijdragen,
    deelnemers,
    groepsleden,
    kaarten_getoond,
    punten,
    scenario_plaatsingen,
)
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, scenarios
from zet.room.dagdelen import GroupPlan, RoundPlan, create_dagdeel
from zet.steps import STEP_ORDER, Step

WRITERS = 60


def at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run every call in its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def count(engine, table, *where) -> int:
    with reading(engine) as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def people(engine, session, n: int) -> list[participants.Participant]:
    return [participants.join(engine, session.dagdeel, role=ROLES[i % len(ROLES)])
            for i in range(n)]


def test_sixty_phones_joining_at_once_are_each_stored_and_seated_once(engine):
    created = create_dagdeel(engine, locatie="Het Kompas", datum=date(2026, 11, 30), rounds=[
        RoundPlan(groups=tuple(GroupPlan("proef", f"Begeleider {label}", label)
                               for label in "ABC"))])
    joined = at_once([lambda i=i: participants.join(engine, created.dagdeel,
                                                    role=ROLES[i % len(ROLES)])
                      for i in range(WRITERS)])
    assert len({p.id for p in joined}) == WRITERS
    assert count(engine, deelnemers) == WRITERS
    with reading(engine) as conn:
        seats = conn.execute(select(groepsleden.c.deelnemer_id, groepsleden.c.groep_id)).all()
    assert sorted(s.deelnemer_id for s in seats) == sorted(p.id for p in joined)
    sizes = Counter(s.groep_id for s in seats)
    assert sorted(sizes.values()) == [20, 20, 20]


def test_an_answer_sent_from_two_tabs_at_once_is_one_row(engine, library, session):
    question = library.theme("proef").question("beeld")
    group_id = session.group_ids[0]
    room = people(engine, session, WRITERS // 2)
    at_once([lambda p=p, tab=tab: answers.save_answer(engine, group_id, p.id, question,
                                                      f"{p.id} tab {tab}")
             for p in room for tab in (1, 2)])
    assert count(engine, antwoorden) == len(room)
    stored = {a.participant_id: a.value for a in answers.group_answers(engine, group_id)}
    assert {p.id: stored[p.id].split(" tab ")[0] for p in room} == {p.id: str(p.id)
                                                                     for p in room}


def test_the_same_point_tapped_twice_at_once_is_stored_once(engine, session):
    group_id = session.group_ids[0]
    room = people(engine, session, WRITERS // 2)
    for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
        groups.set_step(engine, group_id, step, expected_current=step.previous())
    results = at_once([lambda p=p: points.contribute(engine, group_id, p.id, "sterk",
                                                     f"Punt van {p.id}")
                       for p in room for _tap in (1, 2)])
    assert sum(r is not None for r in results) == len(room)
    assert count(engine, bijdragen) == len(room)
    listed = points.working_list(engine, group_id)
    assert sorted(p.text for p in listed) == sorted(f"Punt van {p.id}" for p in room)
    assert sorted(p.position for p in listed) == list(range(1, len(room) + 1))


def test_the_facilitator_typing_one_point_in_many_tabs_stores_it_once(engine, session):
    group_id = session.group_ids[0]
    results = at_once([lambda: points.contribute(engine, group_id, None, "ontwikkel",
                                                 "Meer tijd voor nabespreking")] * WRITERS)
    assert sum(r is not None for r in results) == 1
    assert [p.text for p in points.working_list(engine, group_id)] == [
        "Meer tijd voor nabespreking"]


def test_placements_from_two_tabs_at_once_are_one_per_participant(engine, session):
    group_id = session.group_ids[0]
    room = people(engine, session, WRITERS // 2)  # seated before the scenario step
    for current, target in pairwise(STEP_ORDER[:STEP_ORDER.index(Step.SCENARIO) + 1]):
        groups.set_step(engine, group_id, target, expected_current=current)
    at_once([lambda p=p: scenarios.place(engine, group_id, p.id, nu=2, gewenst=3)
             for p in room for _tab in (1, 2)])
    assert count(engine, scenario_plaatsingen) == len(room)
    assert {(p.nu, p.gewenst) for p in scenarios.placements(engine, group_id)} == {(2, 3)}


def test_a_card_revealed_from_many_clicks_at_once_is_shown_once(engine, session):
    group_id = session.group_ids[0]
    at_once([lambda: groups.reveal_card(engine, group_id, "kaart-1")] * WRITERS)
    assert count(engine, kaarten_getoond) == 1
    assert groups.revealed_cards(engine, group_id) == ["kaart-1"]


def test_moving_points_keeps_positions_unique(engine, session):
    group_id = session.group_ids[0]
    for text in ("een", "twee", "drie"):
        points.contribute(engine, group_id, None, "sterk", text)
    first = points.working_list(engine, group_id)[0]
    points.move_point(engine, group_id, first.id, +1)
    assert [(p.text, p.position) for p in points.working_list(engine, group_id)] == [
        ("twee", 1), ("een", 2), ("drie", 3)]
    assert count(engine, punten) == 3
