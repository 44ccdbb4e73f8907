"""A whole dagdeel in the domain layer: programme, rounds, composition, phases."""
from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from zet.db import make_engine, upgrade_schema
from zet.errors import NotFound, UserError
from zet.roles import ROLES
from zet.room import groups, participants, rounds
from zet.room.dagdelen import (
    GroupPlan,
    Programme,
    RoundPlan,
    clean_time,
    create_dagdeel,
    dagdeel_by_secret,
    get_dagdeel,
    time_slot,
)
from zet.room.phase import set_plenary
from zet.room.states import Phase
from zet.steps import Step

EXAMPLE = Programme(opening=("09:00", "09:30"), pauzes=(("10:45", "11:00"),),
                    afsluiting=("12:15", "12:45"))


def example_dagdeel(engine):
    """The handleiding's example: 3 groups × 2 rounds."""
    themes = [("visie", "coachen-en-feedback", "beoordelen"),
              ("kwaliteitsontwikkeling", "regie-op-leren", "rijke-leeromgeving")]
    plans = [RoundPlan(groups=tuple(GroupPlan(t, f"Begeleider {label}", label)
                                    for t, label in zip(round_themes, "ABC")),
                       start_tijd=start, eind_tijd=end)
             for round_themes, (start, end) in zip(themes, [("09:30", "10:45"),
                                                            ("11:00", "12:15")])]
    return create_dagdeel(engine, locatie="Het Kompas", datum=date(2026, 11, 30),
                          rounds=plans, programme=EXAMPLE)


def test_times_are_checked_and_normalised():
    assert clean_time("9.30", "Start") == "09:30"
    assert clean_time("", "Start") is None
    with pytest.raises(UserError, match="geen tijd"):
        clean_time("25:00", "Start ronde 1")


def test_a_dagdeel_starts_in_the_plenary_opening(engine):
    created = example_dagdeel(engine)
    dagdeel = get_dagdeel(engine, created.dagdeel.id)
    assert (dagdeel.fase, dagdeel.actieve_ronde) == ("opening", None)
    assert dagdeel.programme == EXAMPLE
    assert dagdeel_by_secret(engine, dagdeel.admin_secret).id == dagdeel.id
    with pytest.raises(NotFound):
        dagdeel_by_secret(engine, created.group_secrets[0])  # a group link is not the admin
    person = participants.join(engine, dagdeel, role=ROLES[0])
    assert rounds.take_seat(engine, person) is None  # nobody is seated in the opening


def test_table_names_must_differ_within_a_round(engine):
    with pytest.raises(UserError, match="eigen naam"):
        create_dagdeel(engine, locatie="X", datum=date.today(), programme=EXAMPLE,
                       rounds=[RoundPlan(groups=(GroupPlan("visie", "P", "A"),
                                                 GroupPlan("visie", "Q", "a")))])


def test_example_programme_with_14_participants(engine):
    created = example_dagdeel(engine)
    dagdeel = created.dagdeel
    roles = ([ROLES[0]] * 4 + [ROLES[2]] * 4 + [ROLES[3]] * 2 + [ROLES[4]] * 2
             + [ROLES[7], ROLES[1]])
    people = [participants.join(engine, dagdeel, role=role) for role in roles]
    rounds.propose_round(engine, dagdeel.id, 1)
    first = rounds.rounds_of(engine, dagdeel.id)[0]
    assert sorted(len(t.members) for t in first.tables) == [4, 5, 5]
    for table in first.tables:
        assert Counter(m.role for m in table.members)[ROLES[0]] <= 2
    rounds.start_round(engine, dagdeel.id, 1)
    seat = rounds.take_seat(engine, people[0])
    assert seat.ronde == 1 and seat.label in "ABC"
    assert get_dagdeel(engine, dagdeel.id).fase == "ronde"

    late = participants.join(engine, dagdeel, role=ROLES[8])  # arrives during round 1
    assert rounds.take_seat(engine, late).ronde == 1
    with pytest.raises(UserError, match="staat vast"):
        rounds.propose_round(engine, dagdeel.id, 1)

    rounds.propose_round(engine, dagdeel.id, 2)
    second = rounds.rounds_of(engine, dagdeel.id)[1]
    assert sum(len(t.members) for t in second.tables) == 15
    met_before = {frozenset((a.id, b.id)) for t in first.tables
                  for a in t.members for b in t.members if a.id < b.id}
    again = sum(1 for t in second.tables for a in t.members for b in t.members
                if a.id < b.id and frozenset((a.id, b.id)) in met_before)
    assert again <= 6  # 14 people over 3 tables twice: most pairs are new

    target = second.tables[0]
    mover = second.tables[1].members[0]
    rounds.move_participant(engine, dagdeel.id, 2, mover.id, target.group_id)
    moved = rounds.rounds_of(engine, dagdeel.id)[1]
    assert mover.id in {m.id for m in moved.tables[0].members}
    rounds.start_round(engine, dagdeel.id, 2)
    assert rounds.take_seat(engine, mover).group_id == target.group_id

    set_plenary(engine, dagdeel.id, Phase.AFSLUITING)
    assert get_dagdeel(engine, dagdeel.id).fase == "afsluiting"
    assert rounds.take_seat(engine, mover) is None


def test_move_to_a_table_of_another_round_is_refused(engine):
    created = example_dagdeel(engine)
    person = participants.join(engine, created.dagdeel, role=ROLES[2])
    rounds.propose_round(engine, created.dagdeel.id, 1)
    round_two_table = rounds.rounds_of(engine, created.dagdeel.id)[1].tables[0]
    with pytest.raises(UserError, match="hoort niet bij deze ronde"):
        rounds.move_participant(engine, created.dagdeel.id, 1, person.id,
                                round_two_table.group_id)


def test_sessions_from_before_the_dagdeel_migration_keep_running(tmp_path):
    """Revision 0001 data upgraded to head: an old single session is in its round."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}", upgrade=False)
    upgrade_schema(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO dagdelen (locatie, datum, titel, join_code, admin_secret,"
                          " status, created_at) VALUES ('Oud', '2025-11-01', '', 'AAAAA', 's',"
                          " 'open', '2025-11-01 09:00:00')"))
    upgrade_schema(engine)
    old = get_dagdeel(engine, 1)
    assert (old.fase, old.actieve_ronde, old.programme) == ("ronde", 1, Programme())


def test_times_need_a_start_before_the_end():
    assert time_slot("9.00", "9:30", "Opening") == ("09:00", "09:30")
    assert time_slot("", "", "Pauze") is None
    with pytest.raises(UserError, match="eindtijd ligt niet na"):
        time_slot("10:00", "09:00", "Pauze")
    with pytest.raises(UserError, match="begin- én eindtijd"):
        time_slot("10:00", "", "Pauze")


def test_the_domain_refuses_what_the_form_refuses(engine):
    """The CLI or a script cannot make what the preparation form would refuse."""
    one = (GroupPlan("proef", "Anna"),)
    with pytest.raises(UserError, match="hoogstens 3 rondes"):
        create_dagdeel(engine, locatie="X", datum=date(2026, 1, 5),
                       rounds=[RoundPlan(groups=one)] * 4)
    with pytest.raises(UserError, match="Ronde 2: de eindtijd ligt niet na"):
        create_dagdeel(engine, locatie="X", datum=date(2026, 1, 5),
                       rounds=[RoundPlan(groups=one, start_tijd="09:00", eind_tijd="10:00"),
                               RoundPlan(groups=one, start_tijd="11:00", eind_tijd="10:30")])
    with pytest.raises(UserError, match="Pauze: de eindtijd"):
        create_dagdeel(engine, locatie="X", datum=date(2026, 1, 5), rounds=[RoundPlan(one)],
                       programme=Programme(pauzes=(("10:45", "10:30"),)))


def _walk(engine, group_id, target, current=Step.WERKBLAD):
    """Move a group step by step to ``target``, as its procesbegeleider would."""
    while current != target:
        groups.set_step(engine, group_id, current.next(), expected_current=current)
        current = current.next()


def test_a_late_joiner_sits_only_at_a_table_before_the_scenario(engine):
    """A latecomer is never seated at a table that is already deciding (scenario,
    afronding): only at one still before that step, or where the hoofdprocesbegeleider
    puts them. The group that finished keeps counting only who took part."""
    created = example_dagdeel(engine)
    dagdeel = created.dagdeel
    people = [participants.join(engine, dagdeel, role=role)
              for role in [ROLES[0], ROLES[2], ROLES[3]] * 2]
    rounds.start_round(engine, dagdeel.id, 1)
    tables = rounds.rounds_of(engine, dagdeel.id)[0].tables
    a, b, c = (t.group_id for t in tables)
    _walk(engine, a, Step.AFRONDING)
    _walk(engine, b, Step.SCENARIO)
    _walk(engine, c, Step.PUNTEN)

    first = participants.join(engine, dagdeel, role=ROLES[4])
    assert rounds.take_seat(engine, first).group_id == c  # the only table before the scenario

    _walk(engine, c, Step.SCENARIO, Step.PUNTEN)
    second = participants.join(engine, dagdeel, role=ROLES[4])
    assert rounds.take_seat(engine, second) is None  # waits: every table is deciding
    assert second.id not in rounds.rounds_of(engine, dagdeel.id)[0].placed_ids

    rounds.seat_waiting(engine, dagdeel.id, 1, second.id, b)  # the hoofdprocesbegeleider
    assert rounds.take_seat(engine, second).group_id == b
    with pytest.raises(UserError, match="al een plek"):
        rounds.seat_waiting(engine, dagdeel.id, 1, second.id, a)

    finished = participants.members_of(engine, a)  # what its report counts
    assert {m.id for m in finished} <= {p.id for p in people} and len(finished) == 2


def test_a_waiting_late_joiner_is_seated_by_hand_and_counted_only_if_they_gave(engine):
    """Who waits is listed for the hoofdprocesbegeleider; seated at a table past the
    scenario step, a newcomer who gives nothing listens in and is not one of its deelnemers
    (its report says 6 only beside n = 6 placements); at a table in the scenario step a
    placement makes them count. The dagdeel's reports count the same people."""
    from conftest import REAL_CONTENT

    from zet.content import load_library
    from zet.export.dagdeel_tables import groepen_frame
    from zet.export.group_pdf import group_report_pdf
    from zet.room import scenarios
    from zet.room.snapshot import dagdeel_snapshot, group_snapshot

    library = load_library(REAL_CONTENT)
    dagdeel = example_dagdeel(engine).dagdeel
    for role in [ROLES[0], ROLES[2], ROLES[3]] * 2:
        participants.join(engine, dagdeel, role=role)
    rounds.start_round(engine, dagdeel.id, 1)
    a, b, c = (t.group_id for t in rounds.rounds_of(engine, dagdeel.id)[0].tables)
    for group_id in (a, b, c):
        _walk(engine, group_id, Step.SCENARIO)
        for member in participants.members_of(engine, group_id):
            scenarios.place(engine, group_id, member.id, nu=2, gewenst=3)
    _walk(engine, a, Step.AFRONDING, Step.SCENARIO)
    assert rounds.waiting(engine, dagdeel.id) == (1, [])

    listener = participants.join(engine, dagdeel, role=ROLES[4])
    placer = participants.join(engine, dagdeel, role=ROLES[4])
    assert rounds.take_seat(engine, listener) is None
    assert rounds.waiting(engine, dagdeel.id) == (1, [listener, placer])

    rounds.seat_waiting(engine, dagdeel.id, 1, listener.id, a)  # a is at the afronding
    rounds.seat_waiting(engine, dagdeel.id, 1, placer.id, b)  # b is still deciding
    scenarios.place(engine, b, placer.id, nu=1, gewenst=2)
    assert rounds.waiting(engine, dagdeel.id) == (1, [])
    assert rounds.take_seat(engine, listener).group_id == a

    at_a, at_b = (group_snapshot(engine, library, g) for g in (a, b))
    assert len(participants.members_of(engine, a)) == 3  # seated, so the phone follows a
    assert (len(at_a.members), at_a.listeners, at_a.distribution.placed) == (2, 1, 2)
    assert (len(at_b.members), at_b.listeners, at_b.distribution.placed) == (3, 0, 3)
    pdf = "".join(page.extract_text() for page in PdfReader(io.BytesIO(
        group_report_pdf(at_a))).pages)
    assert "1 later aangeschoven" in " ".join(pdf.split())
    whole = dagdeel_snapshot(engine, library, dagdeel.id)
    assert listener.id not in {p.id for p in whole.seated}
    assert placer.id in {p.id for p in whole.seated} and len(whole.seated) == 7
    frame = groepen_frame(whole)
    first = frame[frame["ronde"] == 1]
    counts = dict(zip(first["tafel"], first["deelnemers"]))
    assert (counts["A"], counts["B"], counts["C"]) == (2, 3, 2)
    with pytest.raises(UserError, match="niet bij deze ronde"):
        rounds.seat_waiting(engine, dagdeel.id, 1, listener.id, 10**6)


def test_the_indeling_shows_the_live_proposal_that_starting_the_round_stores(engine):
    """14 registered, nothing clicked: round 1 shows the proposal (5, 5, 4), nothing is
    written, and starting the round seats everyone exactly so; round 2's proposal then
    follows from who met in round 1."""
    dagdeel = example_dagdeel(engine).dagdeel
    for role in ROLES * 3:
        participants.join(engine, dagdeel, role=role)
        if len(participants.dagdeel_participants(engine, dagdeel.id)) == 14:
            break
    first, second = rounds.preview_rounds(engine, dagdeel.id)
    assert first.proposed and not second.proposed and not second.placed_ids
    assert sorted(len(t.members) for t in first.tables) == [4, 5, 5]
    assert not rounds.rounds_of(engine, dagdeel.id)[0].placed_ids  # shown, not stored
    shown = {t.group_id: [m.id for m in t.members] for t in first.tables}

    rounds.start_round(engine, dagdeel.id, 1)
    stored = rounds.rounds_of(engine, dagdeel.id)[0]
    assert {t.group_id: [m.id for m in t.members] for t in stored.tables} == shown
    _, second = rounds.preview_rounds(engine, dagdeel.id)
    assert second.proposed and len(second.placed_ids) == 14
    rounds.set_locked(engine, dagdeel.id, 2, True)  # locks what was shown
    locked = rounds.rounds_of(engine, dagdeel.id)[1]
    assert [[m.id for m in t.members] for t in locked.tables] == [
        [m.id for m in t.members] for t in second.tables]


def test_the_chosen_plan_is_stored_with_the_dagdeel(engine):
    from zet.room.dagdelen import create_single_session, get_dagdeel

    short = create_single_session(engine, locatie="Noord", datum=date(2026, 11, 30),
                                  procesbegeleider="Anna", theme_id="proef", ronde_minuten=60)
    assert get_dagdeel(engine, short.dagdeel.id).ronde_minuten == 60
    usual = create_single_session(engine, locatie="Noord", datum=date(2026, 11, 30),
                                  procesbegeleider="Anna", theme_id="proef")
    assert get_dagdeel(engine, usual.dagdeel.id).ronde_minuten == 75
    with pytest.raises(UserError, match="60 minuten"):
        create_single_session(engine, locatie="Noord", datum=date(2026, 11, 30),
                              procesbegeleider="Anna", theme_id="proef", ronde_minuten=45)
