"""What the projector computes from answers and placements."""
from __future__ import annotations

from datetime import UTC, datetime

from zet.roles import ROLES
from zet.room.aggregates import (
    not_heard_yet,
    not_heard_yet_label,
    progress,
    role_counts,
    scenario_distribution,
    summarise,
)
from zet.room.answers import Answer
from zet.room.participants import Participant
from zet.room.scenarios import Placement

STUDENT, WPB, SO, LEADER = ROLES[0], ROLES[2], ROLES[3], ROLES[7]
T = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def person(pid: int, role: str) -> Participant:
    return Participant(id=pid, dagdeel_id=1, token=f"t{pid}", role=role, initials="")


def answer(pid: int, role: str, qid: str, value, hidden: bool = False) -> Answer:
    return Answer(participant_id=pid, role=role, question_id=qid, value=value, hidden=hidden,
                  updated_at=T)


def test_progress_counts_only_people_who_answered_everything(library):
    questions = library.theme("proef").vragen
    members = [person(1, SO), person(2, WPB), person(3, STUDENT)]
    given = [answer(1, SO, q.id, "x" if q.type != "meerkeuze" else ["In de les"])
             for q in questions] + [answer(2, WPB, "beeld", "half")]
    state = progress(questions, given, members)
    assert (state.done, state.started, state.total) == (1, 2, 3)
    assert state.label == "1 van 3 ingevuld"


def test_choice_counts_per_role_and_overall(library):
    question = library.theme("proef").question("plekken")
    given = [answer(1, SO, "plekken", ["In de les", "Op papier"]),
             answer(2, SO, "plekken", ["In de les"]),
             answer(3, WPB, "plekken", ["In overleg"]),
             answer(4, WPB, "plekken", ["Op papier"], hidden=True)]
    summary = summarise(question, given)
    assert summary.option_counts == {"In de les": 2, "In overleg": 1, "Op papier": 1}
    assert summary.option_counts_by_role[SO] == {"In de les": 2, "In overleg": 0,
                                                 "Op papier": 1}
    assert summary.hidden_count == 1
    assert list(summary.by_role) == [WPB, SO]  # roles in the order of the role list


def test_scale_distribution_and_koos_gap(library):
    theme = library.theme("proef-twee")
    scale = summarise(theme.question("ruimte"), [
        answer(1, SO, "ruimte", 4), answer(2, SO, "ruimte", 4), answer(3, STUDENT, "ruimte", 2)])
    assert scale.scale_by_role[SO] == {1: 0, 2: 0, 3: 0, 4: 2, 5: 0}
    assert scale.scale_by_role[STUDENT][2] == 1
    koos = summarise(theme.question("feedback"), [
        answer(1, SO, "feedback", {"gewenst": 5, "feitelijk": 2}),
        answer(2, SO, "feedback", {"gewenst": 4, "feitelijk": 3}),
        answer(3, STUDENT, "feedback", {"gewenst": 5, "feitelijk": None})])
    assert koos.koos_by_role == {SO: (4.5, 2.5)}
    assert koos.koos_overall() == (4.5, 2.5)


def test_not_heard_yet_is_a_count_that_never_names_a_role():
    members = [person(1, SO), person(2, LEADER), person(3, STUDENT), person(4, STUDENT)]
    given = [answer(1, SO, "beeld", "x"), answer(1, SO, "mensen", ["y"])]
    assert not_heard_yet(given, members) == 3
    assert not_heard_yet_label(3) == "Nog geen antwoord van 3 deelnemers"
    only_leader = not_heard_yet_label(not_heard_yet(
        [*given, answer(3, STUDENT, "beeld", "z"), answer(4, STUDENT, "beeld", "z")], members))
    assert only_leader == "Nog geen antwoord van 1 deelnemer"
    assert LEADER not in only_leader  # the only school leader is not singled out
    assert not_heard_yet_label(0) == ""
    assert role_counts([*members, person(5, SO)]) == {STUDENT: 2, SO: 2, LEADER: 1}


def test_scenario_distribution_per_role():
    dist = scenario_distribution([Placement(1, SO, 2, 3), Placement(2, SO, 2, 4),
                                  Placement(3, STUDENT, 1, None), Placement(4, WPB, None, None)])
    assert dist.nu[SO] == {1: 0, 2: 2, 3: 0, 4: 0}
    assert dist.totals("nu") == {1: 1, 2: 2, 3: 0, 4: 0}
    assert dist.totals("gewenst") == {1: 0, 2: 0, 3: 1, 4: 1}
    assert dist.placed == 3
