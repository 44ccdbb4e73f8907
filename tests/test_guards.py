"""Every command checks its authority and state: one test per guard, each failing without
it (issue 10, "Every command checks its authority and state")."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from zet.clock import today
from zet.db import reading
from zet.db.schema import bijdragen
from zet.errors import NotFound, UserError
from zet.roles import ROLES
from zet.room import answers, drafts, groups, notes, participants, points, rounds, scenarios
from zet.room.dagdelen import (
    GroupPlan,
    RoundPlan,
    close_dagdeel,
    close_dagdeel_from_group,
    close_expired,
    closes_on,
    create_dagdeel,
    create_single_session,
    find_open_dagdeel,
    get_dagdeel,
)
from zet.room.phase import set_plenary, set_plenary_page
from zet.room.states import Phase, Status
from zet.steps import STEP_ORDER, Step

SO, WPB = ROLES[3], ROLES[2]


def to_step(engine, gid: int, target: Step) -> None:
    current = groups.current_step(engine, gid)
    while current != target:
        groups.set_step(engine, gid, current.next(), expected_current=current)
        current = current.next()


def two_tables(engine, datum: date | None = None):
    """A dagdeel with one round and two tables, A and B."""
    return create_dagdeel(engine, locatie="De Brug", datum=datum or today(), rounds=[
        RoundPlan(groups=(GroupPlan("proef", "Anna", "A"), GroupPlan("proef-twee", "Bo", "B")))])


# --- guessing: expiry and caps -------------------------------------------------------------

def test_a_dagdeel_past_its_date_cannot_be_joined_even_before_the_sweep(engine):
    created = create_single_session(engine, locatie="X", datum=date(2026, 3, 2),
                                    procesbegeleider="P", theme_id="proef")
    code = created.dagdeel.join_code
    assert find_open_dagdeel(engine, code, today=date(2026, 3, 2)).id == created.dagdeel.id
    with pytest.raises(NotFound, match="al afgesloten"):
        find_open_dagdeel(engine, code, today=date(2026, 3, 3))
    assert find_open_dagdeel(engine, code, today=date(2026, 3, 3), close_after_days=2)


def test_close_expired_closes_only_dagdelen_past_their_date(engine):
    old = create_single_session(engine, locatie="Oud", datum=date(2026, 3, 1),
                                procesbegeleider="P", theme_id="proef")
    current = create_single_session(engine, locatie="Nu", datum=date(2026, 3, 2),
                                    procesbegeleider="P", theme_id="proef")
    assert close_expired(engine, date(2026, 3, 2), close_after_days=1) == [old.dagdeel.id]
    assert get_dagdeel(engine, old.dagdeel.id).status == Status.GESLOTEN
    assert get_dagdeel(engine, current.dagdeel.id).is_open
    assert close_expired(engine, date(2026, 3, 2), close_after_days=1) == []


def test_a_dagdeel_takes_at_most_max_participants(engine, session):
    for _ in range(3):
        participants.join(engine, session.dagdeel, role=SO, max_participants=3)
    with pytest.raises(UserError, match="Dit dagdeel is vol"):
        participants.join(engine, session.dagdeel, role=SO, max_participants=3)
    assert len(participants.dagdeel_participants(engine, session.dagdeel.id)) == 3


def test_the_participant_cap_comes_from_the_setting(engine, session, monkeypatch):
    monkeypatch.setenv("ZET_MAX_DEELNEMERS", "1")
    participants.join(engine, session.dagdeel, role=SO)
    with pytest.raises(UserError, match="vol"):
        participants.join(engine, session.dagdeel, role=SO)


def test_a_phone_sends_at_most_max_points_per_group(engine, session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    to_step(engine, gid, Step.PUNTEN)
    for i in range(4):
        points.contribute(engine, gid, person.id, "sterk", f"Punt {i}", max_points=4)
    with pytest.raises(UserError, match="al 4 punten ingestuurd"):
        points.contribute(engine, gid, person.id, "ontwikkel", "Nog een", max_points=4)
    points.contribute(engine, gid, None, "sterk", "Van de procesbegeleider", max_points=4)


def test_a_crafted_code_is_not_repeated_in_the_error(engine, session):
    with pytest.raises(NotFound) as refused:
        find_open_dagdeel(engine, "[KLIK HIER](HTTPS://EVIL.EXAMPLE)")
    assert "EVIL" not in str(refused.value) and "](" not in str(refused.value)
    assert "geen deelnamecode" in str(refused.value)


# --- a table's link never closes the dagdeel ------------------------------------------------

def test_a_tables_link_cannot_close_a_dagdeel_with_more_tables(engine):
    created = two_tables(engine)
    with pytest.raises(UserError, match="hoofdprocesbegeleider"):
        close_dagdeel_from_group(engine, created.group_ids[0])
    assert get_dagdeel(engine, created.dagdeel.id).is_open


def test_the_link_of_a_single_session_closes_it(engine, session):
    close_dagdeel_from_group(engine, session.group_ids[0])
    assert get_dagdeel(engine, session.dagdeel.id).status == Status.GESLOTEN
    with pytest.raises(NotFound):
        close_dagdeel_from_group(engine, 999_999)


# --- points only in the Punten step --------------------------------------------------------

@pytest.mark.parametrize("step", [s for s in STEP_ORDER if s != Step.PUNTEN])
def test_a_phone_cannot_send_a_point_outside_the_punten_step(engine, session, step):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    to_step(engine, gid, step)
    with pytest.raises(UserError, match="alleen in de stap"):
        points.contribute(engine, gid, person.id, "sterk", "Te laat of te vroeg")
    with reading(engine) as conn:
        assert conn.execute(select(bijdragen.c.id)).first() is None


def test_the_procesbegeleider_may_add_a_point_in_any_step_until_confirmed(engine, session):
    gid = session.group_ids[0]
    to_step(engine, gid, Step.SCENARIO)
    assert points.contribute(engine, gid, None, "ontwikkel", "Kwam op bij het scenario")


def test_a_phone_sends_points_only_to_its_own_table(engine):
    created = two_tables(engine)
    rounds.start_round(engine, created.dagdeel.id, 1)
    person = participants.join(engine, created.dagdeel, role=SO)
    own = rounds.take_seat(engine, person).group_id
    other = next(g for g in created.group_ids if g != own)
    for gid in created.group_ids:
        to_step(engine, gid, Step.PUNTEN)
    points.contribute(engine, own, person.id, "sterk", "Aan mijn tafel")
    with pytest.raises(UserError, match="niet aan deze tafel"):
        points.contribute(engine, other, person.id, "sterk", "Aan een andere tafel")


def test_a_werkblad_answer_and_a_draft_only_at_the_own_table(engine, library):
    created = two_tables(engine)
    rounds.start_round(engine, created.dagdeel.id, 1)
    person = participants.join(engine, created.dagdeel, role=SO)
    own = rounds.take_seat(engine, person).group_id
    other = next(g for g in created.group_ids if g != own)
    question = library.theme("proef").question("beeld")
    answers.save_answer(engine, own, person.id, question, "Aan mijn tafel")
    drafts.save_draft(engine, own, person.id, "punt", "half")
    with pytest.raises(UserError, match="niet aan deze tafel"):
        answers.save_answer(engine, other, person.id, question, "Aan een andere tafel")
    with pytest.raises(UserError, match="niet aan deze tafel"):
        drafts.save_draft(engine, other, person.id, "punt", "half")
    assert answers.own_answers(engine, other, person.id) == {}
    drafts.clear_draft(engine, own, person.id, "punt")  # removing is always allowed


# --- scenario placements only in the Scenario step -----------------------------------------

def test_a_placement_after_the_scenario_step_is_refused(engine, session):
    gid = session.group_ids[0]
    person = participants.join(engine, session.dagdeel, role=SO)
    to_step(engine, gid, Step.SCENARIO)
    scenarios.place(engine, gid, person.id, nu=2, gewenst=3)
    to_step(engine, gid, Step.AFRONDING)
    with pytest.raises(UserError, match="al voorbij"):
        scenarios.place(engine, gid, person.id, nu=4, gewenst=4)
    assert scenarios.own_placement(engine, gid, person.id).nu == 2


def test_a_placement_only_at_the_own_table(engine):
    created = two_tables(engine)
    rounds.start_round(engine, created.dagdeel.id, 1)
    person = participants.join(engine, created.dagdeel, role=SO)
    own = rounds.take_seat(engine, person).group_id
    other = next(g for g in created.group_ids if g != own)
    to_step(engine, other, Step.SCENARIO)
    with pytest.raises(UserError, match="niet aan deze tafel"):
        scenarios.place(engine, other, person.id, nu=1, gewenst=1)


# --- round and group actions only on an open dagdeel ---------------------------------------

@pytest.fixture
def closed(engine):
    created = two_tables(engine)
    person = participants.join(engine, created.dagdeel, role=SO)
    close_dagdeel(engine, created.dagdeel.id)
    return created, person


ROUND_ACTIONS = {
    "propose_round": lambda e, c, p: rounds.propose_round(e, c.dagdeel.id, 1),
    "move_participant": lambda e, c, p: rounds.move_participant(e, c.dagdeel.id, 1, p.id,
                                                                c.group_ids[1]),
    "set_locked": lambda e, c, p: rounds.set_locked(e, c.dagdeel.id, 1, True),
    "start_round": lambda e, c, p: rounds.start_round(e, c.dagdeel.id, 1),
    "set_plenary": lambda e, c, p: set_plenary(e, c.dagdeel.id, Phase.AFSLUITING),
    "set_step": lambda e, c, p: groups.set_step(e, c.group_ids[0], Step.UITWISSELING,
                                                expected_current=Step.WERKBLAD),
    "reveal_card": lambda e, c, p: groups.reveal_card(e, c.group_ids[0], "kaart-a"),
    "hide_card": lambda e, c, p: groups.hide_card(e, c.group_ids[0], "kaart-a"),
    "set_answer_hidden": lambda e, c, p: answers.set_answer_hidden(e, c.group_ids[0], p.id,
                                                                   "beeld", True),
    "record_group_scenario": lambda e, c, p: groups.record_group_scenario(
        e, c.group_ids[0], nu=1, gewenst=2, argument="x"),
    "set_reporter": lambda e, c, p: groups.set_reporter(e, c.group_ids[0], "Jamal"),
    "contribute": lambda e, c, p: points.contribute(e, c.group_ids[0], None, "sterk", "x"),
    "edit_point": lambda e, c, p: points.edit_point(e, c.group_ids[0], 1, "x"),
    "delete_point": lambda e, c, p: points.delete_point(e, c.group_ids[0], 1),
    "merge_points": lambda e, c, p: points.merge_points(e, c.group_ids[0], [1, 2], "x"),
    "move_point": lambda e, c, p: points.move_point(e, c.group_ids[0], 1, +1),
    "confirm_list": lambda e, c, p: points.confirm_list(e, c.group_ids[0]),
    "reopen_list": lambda e, c, p: points.reopen_list(e, c.group_ids[0]),
    "place": lambda e, c, p: scenarios.place(e, c.group_ids[0], p.id, nu=1, gewenst=1),
    "set_screen_page": lambda e, c, p: groups.set_screen_page(e, c.group_ids[0], 1,
                                                              expected_step=Step.WERKBLAD),
    "set_plenary_page": lambda e, c, p: set_plenary_page(e, c.dagdeel.id, 1,
                                                         expected_phase=Phase.OPENING),
    "save_draft": lambda e, c, p: drafts.save_draft(e, c.group_ids[0], p.id, "punt", "x"),
    "add_note": lambda e, c, p: notes.add_note(e, c.group_ids[0], "x"),
}


@pytest.mark.parametrize("action", list(ROUND_ACTIONS))
def test_nothing_changes_on_a_closed_dagdeel(engine, closed, action):
    created, person = closed
    with pytest.raises(UserError, match="afgesloten"):
        ROUND_ACTIONS[action](engine, created, person)


def test_a_late_joiner_cannot_take_a_seat_in_a_closed_dagdeel(engine, closed):
    created, _person = closed
    with pytest.raises(NotFound, match="afgesloten"):
        participants.join(engine, created.dagdeel, role=WPB)


def test_expiry_boundary_is_the_day_after_by_default(engine):
    day = today()
    assert closes_on(day) == day + timedelta(days=1)
    created = create_single_session(engine, locatie="X", datum=day, procesbegeleider="P",
                                    theme_id="proef")
    code = created.dagdeel.join_code
    assert find_open_dagdeel(engine, code).id == created.dagdeel.id
    with pytest.raises(NotFound):
        find_open_dagdeel(engine, code, today=day + timedelta(days=1))
