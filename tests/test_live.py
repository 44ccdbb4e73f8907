"""The live reads on a real SQLite file: shared per process, dropped per group after a
phone's write, and a phone's seat from the dagdeel's seating."""
from __future__ import annotations

from conftest import FIXTURE_CONTENT
from test_pages import env, session  # noqa: F401 (fixtures)

from ui import live
from zet import answers, groups, participants, rounds
from zet.content import load_library
from zet.dagdelen import get_dagdeel
from zet.roles import ROLES
from zet.steps import Step


def first_choice_question():
    theme = load_library(FIXTURE_CONTENT).themes["proef"]
    return next(q for q in theme.vragen if q.type == "keuze")


def test_a_phones_answer_reaches_this_processs_screens_at_their_next_poll(env, session):  # noqa: F811
    group_id = session.group_ids[0]
    dagdeel = get_dagdeel(env, session.dagdeel.id)
    person = participants.join(env, dagdeel, role=ROLES[0])
    question = first_choice_question()
    assert live.group_answers(group_id) == ()
    answers.save_answer(env, group_id, person.id, question, question.opties[0])
    assert live.group_answers(group_id) == ()  # written elsewhere: up to TTL old
    live.changed(group_id)
    shown = live.group_answers(group_id)
    assert [(a.participant_id, a.question_id) for a in shown] == [(person.id, question.id)]
    assert live.group_state(group_id).progress.started == 1


def test_changed_drops_only_that_groups_reads(env, session):  # noqa: F811
    group_id = session.group_ids[0]
    before = live.room(session.dagdeel.id)
    live.changed(group_id)
    assert live.room(session.dagdeel.id) is before  # the dagdeel's reads are kept


def test_refresh_drops_everything(env, session):  # noqa: F811
    group_id = session.group_ids[0]
    step = live.step(group_id)
    groups.set_step(env, group_id, Step.UITWISSELING, expected_current=Step(step))
    assert live.step(group_id) == step
    live.refresh()
    assert live.step(group_id) == Step.UITWISSELING.value


def test_a_phone_finds_its_seat_in_the_seating_and_a_late_joiner_is_placed(env, session):  # noqa: F811
    dagdeel = get_dagdeel(env, session.dagdeel.id)
    early = participants.join(env, dagdeel, role=ROLES[0])
    seat = live.seat(early)
    assert seat is not None and seat.group_id == session.group_ids[0]
    assert live.seats(dagdeel.id)[early.id] == seat
    late = participants.join(env, dagdeel, role=ROLES[1])  # after the seating was read
    assert late.id not in live.seats(dagdeel.id)
    placed = live.seat(late)
    assert placed == rounds.take_seat(env, late)
    assert late.id in live.seats(dagdeel.id)  # the seating was read again
