"""The live reads on a real SQLite file: shared per process, kept per dagdeel version (no
clearing by hand), a write of another process seen through the version watcher, and a
phone's seat from the dagdeel's seating."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from browser import ROOT
from conftest import FIXTURE_CONTENT
from test_pages import env, session  # noqa: F401 (fixtures)

from ui import live
from zet.clock import today
from zet.content import load_library
from zet.db import changes
from zet.errors import NotFound
from zet.roles import ROLES
from zet.room import answers, groups, participants, rounds, versions
from zet.room.dagdelen import create_single_session, get_dagdeel
from zet.steps import Step


def first_choice_question():
    theme = load_library(FIXTURE_CONTENT).themes["proef"]
    return next(q for q in theme.vragen if q.type == "keuze")


def test_a_phones_answer_reaches_this_processs_screens_at_once(env, session):  # noqa: F811
    group_id = session.group_ids[0]
    dagdeel = get_dagdeel(env, session.dagdeel.id)
    person = participants.join(env, dagdeel, role=ROLES[0])
    question = first_choice_question()
    assert live.group_answers(group_id) == ()
    before = live.version(dagdeel.id)
    answers.save_answer(env, group_id, person.id, question, question.opties[0])
    assert live.version(dagdeel.id) > before  # the write bumped it, nobody cleared anything
    shown = live.group_answers(group_id)
    assert [(a.participant_id, a.question_id) for a in shown] == [(person.id, question.id)]
    assert live.snapshot(group_id).progress.started == 1


def test_a_read_is_kept_while_its_dagdeel_stays_the_same(env, session):  # noqa: F811
    other = create_single_session(env, locatie="Elders", datum=today(),
                                  procesbegeleider="Bo", theme_id="proef")
    room = live.room(session.dagdeel.id)
    assert live.room(session.dagdeel.id) is room  # one read per version, then a lookup
    groups.set_step(env, other.group_ids[0], Step.UITWISSELING, expected_current=Step.WERKBLAD)
    assert live.room(session.dagdeel.id) is room  # another dagdeel's write keeps it
    assert live.step(other.group_ids[0]) == Step.UITWISSELING.value


WRITE_ELSEWHERE = """
import sys
from zet.db import make_engine
from zet.room import groups
from zet.steps import Step
groups.set_step(make_engine(sys.argv[1]), int(sys.argv[2]), Step.UITWISSELING,
                expected_current=Step.WERKBLAD)
"""


def test_a_step_changed_by_another_process_reaches_this_one(env, session):  # noqa: F811
    group_id = session.group_ids[0]
    assert live.step(group_id) == Step.WERKBLAD.value
    subprocess.run([sys.executable, "-c", WRITE_ELSEWHERE, str(env.url), str(group_id)],
                   cwd=ROOT, check=True, timeout=60)
    deadline = time.monotonic() + 10  # the watcher reads the versions four times a second
    while live.step(group_id) != Step.UITWISSELING.value and time.monotonic() < deadline:
        time.sleep(0.05)
    assert live.step(group_id) == Step.UITWISSELING.value


def test_refresh_drops_everything(env, session):  # noqa: F811
    group_id = session.group_ids[0]
    assert live.step(group_id) == Step.WERKBLAD.value
    live.refresh()
    assert live.step(group_id) == Step.WERKBLAD.value


def test_a_phone_finds_its_seat_in_the_seating_and_a_late_joiner_is_placed(env, session):  # noqa: F811
    dagdeel = get_dagdeel(env, session.dagdeel.id)
    early = participants.join(env, dagdeel, role=ROLES[0])
    seat = live.seat(early)
    assert seat is not None and seat.group_id == session.group_ids[0]
    assert live.seats(dagdeel.id)[early.id] == seat
    late = participants.join(env, dagdeel, role=ROLES[1])
    placed = live.seat(late)
    assert placed is not None and placed == rounds.take_seat(env, late)
    assert live.seats(dagdeel.id)[late.id] == placed  # the seat's bump renewed the seating


def test_an_old_token_stops_working_at_once(env, session):  # noqa: F811
    person = participants.join(env, get_dagdeel(env, session.dagdeel.id), role=ROLES[0])
    assert live.participant(person.token) == person
    participants.forget_device(env, person.token)

    with pytest.raises(NotFound):
        live.participant(person.token)


class _LateAnnouncer:
    """A database's hub whose ``publish`` waits a few watcher passes: the gap between a
    write's commit and its announcement, which a loaded server stretches."""

    def __init__(self, inner: changes.Notifier) -> None:
        self.inner = inner

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def publish(self, bumps) -> None:
        time.sleep(3 * versions.WATCH_EVERY)  # the SQLite watcher reads in this gap
        self.inner.publish(bumps)


def test_an_answer_is_not_relayed_to_the_phones_as_a_room_change(env, session, monkeypatch):  # noqa: F811
    """The SQLite watcher relays other processes' writes as bare ROOM bumps (every phone
    follows ROOM). This process's own answer, committed but not yet announced when the
    watcher reads, must reach the hub as what it is: an INPUT bump, which phones ignore;
    else every answer reruns every phone of the dagdeel (issue 17: 'stored' got slower)."""
    group_id, dagdeel_id = session.group_ids[0], session.dagdeel.id
    person = participants.join(env, get_dagdeel(env, dagdeel_id), role=ROLES[0])
    live.version(dagdeel_id)  # known here, and the watcher runs
    heard: list[changes.Bump] = []
    notifier = changes.hub(env)
    handle = notifier.listen(dagdeel_id, heard.append)
    real_hub = changes.hub
    monkeypatch.setattr(changes, "hub", lambda engine: _LateAnnouncer(real_hub(engine)))
    try:
        question = first_choice_question()
        answers.save_answer(env, group_id, person.id, question, question.opties[0])
    finally:
        monkeypatch.undo()
        notifier.unlisten(handle)
    assert [(bump.topic, bump.group_id) for bump in heard] == [(versions.INPUT, group_id)]
