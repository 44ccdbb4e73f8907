"""Rounds of a dagdeel: the proposed composition, moving people by hand, locking, starting
a round, and each participant's seat (the room's phase itself lives in ``zet.room.phase``)."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from sqlalchemy import Connection, Engine, delete, select, update

from zet.db import reading, retry_transient, writing
from zet.db.schema import deelnemers, groepen, groepsleden, rondes
from zet.errors import UserError
from zet.room import composition
from zet.room.dagdelen import require_open_dagdeel
from zet.room.groups import where
from zet.room.participants import (
    Participant,
    active_round_id,
    dagdeel_participants,
    gave_something,
    open_tables,
    place_in_active_round,
    seat_at,
    seat_in,
)
from zet.room.phase import enter_round, load_room
from zet.room.versions import INPUT, ROOM, bump
from zet.steps import LATE_JOIN_STEPS, Step


@dataclass(frozen=True)
class Tafel:
    """One theme group in a round, with who sits there."""
    group_id: int
    label: str
    theme_id: str
    procesbegeleider: str
    members: list[Participant]


@dataclass(frozen=True)
class Round:
    id: int
    nummer: int
    start_tijd: str | None
    eind_tijd: str | None
    locked: bool
    tables: list[Tafel]
    proposed: bool = False  # the tables show a proposal that is not stored yet

    @property
    def placed_ids(self) -> set[int]:
        return {m.id for t in self.tables for m in t.members}


@dataclass(frozen=True)
class Seat:
    """Where a phone tells its owner to go."""
    ronde: int
    label: str
    theme_id: str
    group_id: int

    @property
    def where(self) -> str:
        return where(self.ronde, self.label)


def _round_row(conn: Connection, dagdeel_id: int, nummer: int):
    row = conn.execute(select(rondes).where(rondes.c.dagdeel_id == dagdeel_id,
                                            rondes.c.nummer == nummer)).first()
    if row is None:
        raise UserError(f"Ronde {nummer} bestaat niet in dit dagdeel.")
    return row


def rounds_of(engine: Engine, dagdeel_id: int) -> list[Round]:
    with reading(engine) as conn:
        return rounds_on(conn, dagdeel_id)


def rounds_on(conn: Connection, dagdeel_id: int) -> list[Round]:
    """The dagdeel's rounds in order, each with its tafels and who sits there."""
    round_rows = conn.execute(select(rondes).where(rondes.c.dagdeel_id == dagdeel_id)
                              .order_by(rondes.c.nummer)).all()
    group_rows = conn.execute(select(groepen).where(groepen.c.dagdeel_id == dagdeel_id)
                              .order_by(groepen.c.label, groepen.c.id)).all()
    seat_rows = conn.execute(
        select(groepsleden.c.groep_id, deelnemers)
        .join(deelnemers, deelnemers.c.id == groepsleden.c.deelnemer_id)
        .where(deelnemers.c.dagdeel_id == dagdeel_id).order_by(deelnemers.c.id)).all()
    members: dict[int, list[Participant]] = {}
    for row in seat_rows:
        members.setdefault(row.groep_id, []).append(Participant.from_row(row))
    result = []
    for r in round_rows:
        tables = [Tafel(g.id, g.label, g.theme_id, g.procesbegeleider, members.get(g.id, []))
                  for g in group_rows if g.ronde_id == r.id]
        result.append(Round(r.id, r.nummer, r.start_tijd, r.eind_tijd, bool(r.indeling_vast),
                            tables))
    return result


def _met_before(conn: Connection, dagdeel_id: int, nummer: int) -> Counter[composition.Pair]:
    """How many times each pair already sat at one table in an earlier round."""
    rows = conn.execute(
        select(groepsleden.c.groep_id, groepsleden.c.deelnemer_id)
        .join(rondes, rondes.c.id == groepsleden.c.ronde_id)
        .where(rondes.c.dagdeel_id == dagdeel_id, rondes.c.nummer < nummer)).all()
    by_group: dict[int, list[int]] = {}
    for row in rows:
        by_group.setdefault(row.groep_id, []).append(row.deelnemer_id)
    return composition.meeting_counts({g: m} for g, m in by_group.items())


@dataclass(frozen=True)
class _Inputs:
    """Everything a round's proposal depends on; equal inputs give the equal proposal."""
    people: tuple[tuple[int, str], ...]  # (id, role) in order of arrival
    group_ids: tuple[int, ...]
    met: tuple[tuple[composition.Pair, int], ...]
    seed: int


def _inputs(conn: Connection, dagdeel_id: int, ronde) -> _Inputs:
    people = conn.execute(select(deelnemers.c.id, deelnemers.c.role)
                          .where(deelnemers.c.dagdeel_id == dagdeel_id)
                          .order_by(deelnemers.c.id)).all()
    group_ids = conn.execute(select(groepen.c.id).where(groepen.c.ronde_id == ronde.id)
                             .order_by(groepen.c.label, groepen.c.id)).scalars()
    met = _met_before(conn, dagdeel_id, ronde.nummer)
    return _Inputs(tuple((p.id, p.role) for p in people), tuple(group_ids),
                   tuple(sorted(met.items(), key=lambda item: sorted(item[0]))), ronde.id)


@lru_cache(maxsize=32)
def _proposal(inputs: _Inputs) -> composition.Assignment:
    """The composition for these inputs (kept: the Indeling asks every few seconds, and a
    room of 120 takes the search seconds)."""
    return composition.propose([p for p, _ in inputs.people], dict(inputs.people),
                               inputs.group_ids, dict(inputs.met), seed=inputs.seed)


def _write_proposal(conn: Connection, dagdeel_id: int, ronde) -> composition.Assignment:
    """Inside a write: seat everyone who joined so far as the proposal says."""
    assignment = {g: list(m) for g, m in _proposal(_inputs(conn, dagdeel_id, ronde)).items()}
    conn.execute(delete(groepsleden).where(groepsleden.c.ronde_id == ronde.id))
    for group_id, members in assignment.items():
        for participant_id in members:
            conn.execute(groepsleden.insert().values(
                groep_id=group_id, deelnemer_id=participant_id, ronde_id=ronde.id))
    bump(conn, dagdeel_id, ROOM)
    return assignment


def _unlocked_round(conn: Connection, dagdeel_id: int, nummer: int, to_do: str):
    """The round's row, refused while its composition is locked (``to_do``: what needs it
    loose, for the message)."""
    ronde = _round_row(conn, dagdeel_id, nummer)
    if ronde.indeling_vast:
        raise UserError(f"De indeling van ronde {nummer} staat vast. Maak haar eerst los "
                        f"{to_do}.")
    return ronde


def propose_round(engine: Engine, dagdeel_id: int, nummer: int) -> composition.Assignment:
    """(Re)compute the composition of a round for everyone who has joined so far."""
    with writing(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        ronde = _unlocked_round(conn, dagdeel_id, nummer, "om een nieuw voorstel te maken")
        return _write_proposal(conn, dagdeel_id, ronde)


# The last preview per round: (when, inputs, proposal). A new preview at most every
# PREVIEW_EVERY seconds while people keep joining, so a room of 120 that registers costs
# one search per interval, not one per poll.
PREVIEW_EVERY = 10.0
_previews: dict[tuple[str, int], tuple[float, _Inputs, composition.Assignment]] = {}


def preview_rounds(engine: Engine, dagdeel_id: int) -> list[Round]:
    """Every round as the Indeling shows it. A round nobody sits in yet, not locked, whose
    earlier rounds all have their seats, shows the proposal its start would store for
    everyone who joined so far (``proposed``), without writing it. Later rounds wait for
    the seats of the rounds before them, which their proposal depends on."""
    stored = rounds_of(engine, dagdeel_id)
    result: list[Round] = []
    for ronde in stored:
        if ronde.placed_ids or ronde.locked or any(r.proposed or not r.placed_ids
                                                   for r in result):
            result.append(ronde)
            continue
        with reading(engine) as conn:
            inputs = _inputs(conn, dagdeel_id, _round_row(conn, dagdeel_id, ronde.nummer))
        if not inputs.people:
            result.append(ronde)
            continue
        assignment = _throttled_proposal((str(engine.url), ronde.id), inputs)
        by_id = {m.id: m for m in dagdeel_participants(engine, dagdeel_id)}
        tables = [replace(t, members=[by_id[i] for i in assignment.get(t.group_id, [])
                                      if i in by_id]) for t in ronde.tables]
        result.append(replace(ronde, tables=tables, proposed=True))
    return result


def _throttled_proposal(key: tuple[str, int], inputs: _Inputs) -> composition.Assignment:
    last = _previews.get(key)
    clock = time.monotonic()
    if last is not None and (last[1] == inputs or (
            clock - last[0] < PREVIEW_EVERY and _only_joined(last[1], inputs))):
        return last[2]  # the same, or a moment ago: newcomers show as not yet in it
    assignment = _proposal(inputs)
    _previews[key] = (clock, inputs, assignment)
    return assignment


def _only_joined(before: _Inputs, now: _Inputs) -> bool:
    """Whether the only change is people who joined since."""
    return (before.group_ids, before.met, before.seed) == (now.group_ids, now.met, now.seed) \
        and set(before.people) <= set(now.people)




def move_participant(engine: Engine, dagdeel_id: int, nummer: int, participant_id: int,
                     group_id: int) -> None:
    """The hoofdprocesbegeleider moves one person to another table in a round.

    Refused while the composition is locked, and for someone who already gave answers,
    points or a placement at their table: those belong to that group's conversation."""
    with writing(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        ronde = _unlocked_round(conn, dagdeel_id, nummer, "om iemand te verplaatsen")
        target = conn.execute(select(groepen.c.ronde_id).where(groepen.c.id == group_id)).scalar()
        if target != ronde.id:
            raise UserError("Die tafel hoort niet bij deze ronde.")
        if not _has_seats(conn, ronde.id):
            _write_proposal(conn, dagdeel_id, ronde)  # the shown proposal, then the move
        current = seat_in(conn, ronde.id, participant_id)
        if current is not None and current != group_id and gave_something(conn, current,
                                                                            participant_id):
            raise UserError("Deze deelnemer heeft aan de eigen tafel al antwoorden, punten of "
                            "een scenario gegeven. Die horen bij dat gesprek; verplaatsen kan "
                            "alleen vóór de eerste antwoorden.")
        conn.execute(delete(groepsleden).where(groepsleden.c.ronde_id == ronde.id,
                                               groepsleden.c.deelnemer_id == participant_id))
        conn.execute(groepsleden.insert().values(groep_id=group_id, deelnemer_id=participant_id,
                                                 ronde_id=ronde.id))
        bump(conn, dagdeel_id, ROOM)


def waiting(engine: Engine, dagdeel_id: int) -> tuple[int | None, list[Participant]]:
    """The running round's number and who waits for a seat in it: late joiners who came
    when every table was past the scenario step (``open_tables``). (None, []) during a
    plenary part."""
    with reading(engine) as conn:
        ronde_id = active_round_id(conn, dagdeel_id)
        if ronde_id is None:
            return None, []
        nummer = conn.execute(select(rondes.c.nummer).where(rondes.c.id == ronde_id)).scalar()
        rows = conn.execute(
            select(deelnemers).where(deelnemers.c.dagdeel_id == dagdeel_id,
                                     deelnemers.c.id.not_in(
                                         select(groepsleden.c.deelnemer_id)
                                         .where(groepsleden.c.ronde_id == ronde_id)))
            .order_by(deelnemers.c.id)).all()
    return nummer, [Participant.from_row(row) for row in rows]


def seat_waiting(engine: Engine, dagdeel_id: int, nummer: int, participant_id: int,
                 group_id: int) -> None:
    """The hoofdprocesbegeleider gives a late joiner a seat in a running or locked round,
    at any table: also one past the scenario step, where ``take_seat`` does not seat anyone
    by itself (that seat is marked, and counts in the group's report only if the newcomer
    still gives something). Someone who already has a seat in the round is moved with
    ``move_participant`` instead."""
    with writing(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        ronde = _round_row(conn, dagdeel_id, nummer)
        target = conn.execute(select(groepen.c.ronde_id, groepen.c.step)
                              .where(groepen.c.id == group_id)).first()
        if target is None or target.ronde_id != ronde.id:
            raise UserError("Die tafel hoort niet bij deze ronde.")
        row = conn.execute(select(deelnemers).where(deelnemers.c.id == participant_id,
                                                    deelnemers.c.dagdeel_id == dagdeel_id)
                           ).first()
        if row is None:
            raise UserError("Deze deelnemer hoort niet bij dit dagdeel.")
        if seat_in(conn, ronde.id, participant_id) is not None:
            raise UserError("Deze deelnemer heeft in deze ronde al een plek.")
        seat_at(conn, ronde.id, Participant.from_row(row), [group_id],
                na_scenario=Step(target.step) not in LATE_JOIN_STEPS)
        bump(conn, dagdeel_id, ROOM)


def _has_seats(conn: Connection, ronde_id: int) -> bool:
    return conn.execute(select(groepsleden.c.groep_id)
                        .where(groepsleden.c.ronde_id == ronde_id)).first() is not None


def set_locked(engine: Engine, dagdeel_id: int, nummer: int, locked: bool) -> None:
    """Lock or unlock a round's composition; locking a round nobody sits in yet stores the
    proposal the Indeling showed (``preview_rounds``) first."""
    with writing(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        ronde = _round_row(conn, dagdeel_id, nummer)
        if locked and not ronde.indeling_vast and not _has_seats(conn, ronde.id):
            _write_proposal(conn, dagdeel_id, ronde)
        conn.execute(update(rondes).where(rondes.c.id == ronde.id)
                     .values(indeling_vast=locked))
        bump(conn, dagdeel_id, ROOM)


def start_round(engine: Engine, dagdeel_id: int, nummer: int) -> None:
    """Phones go to their table: the composition is locked (proposed first if there is
    none) and everyone who joined since is placed where their role is needed most."""
    with reading(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        ronde = _round_row(conn, dagdeel_id, nummer)
        has_seats = _has_seats(conn, ronde.id)
    if not has_seats and not ronde.indeling_vast:
        propose_round(engine, dagdeel_id, nummer)
    with writing(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        conn.execute(update(rondes).where(rondes.c.id == ronde.id).values(indeling_vast=True))
        enter_round(conn, dagdeel_id, nummer)
        unplaced = conn.execute(
            select(deelnemers).where(deelnemers.c.dagdeel_id == dagdeel_id,
                                     deelnemers.c.id.not_in(
                                         select(groepsleden.c.deelnemer_id)
                                         .where(groepsleden.c.ronde_id == ronde.id)))
            .order_by(deelnemers.c.id)).all()
        for row in unplaced:
            place_in_active_round(conn, Participant.from_row(row))
        bump(conn, dagdeel_id, ROOM)


@retry_transient
def take_seat(engine: Engine, participant: Participant) -> Seat | None:
    """Where the participant sits in the running round ('ronde 2, tafel B'); a late joiner
    is given a seat first (the only write here) at a table before the scenario step. None
    during a plenary part, and while a late joiner waits for the hoofdprocesbegeleider."""
    with reading(engine) as conn:  # the common case, without taking the write lock
        room = load_room(conn, participant.dagdeel_id)
        seat = _seat(conn, participant, room.ronde) if room.in_round else None
        ronde_id = active_round_id(conn, participant.dagdeel_id)
        waits = seat is None and ronde_id is not None and not open_tables(conn, ronde_id)
    if seat is not None or not room.in_round or waits:
        return seat  # a latecomer after every table's scenario began waits, without a write
    with writing(engine) as conn:
        place_in_active_round(conn, participant)
        bump(conn, participant.dagdeel_id, INPUT)  # the control view's seating; no phone moves
        room = load_room(conn, participant.dagdeel_id)
        return _seat(conn, participant, room.ronde) if room.in_round else None


def _seat(conn: Connection, participant: Participant, nummer: int | None) -> Seat | None:
    row = conn.execute(
        select(groepen.c.id, groepen.c.label, groepen.c.theme_id, rondes.c.nummer)
        .join(rondes, rondes.c.id == groepen.c.ronde_id)
        .join(groepsleden, groepsleden.c.groep_id == groepen.c.id)
        .where(rondes.c.dagdeel_id == participant.dagdeel_id, rondes.c.nummer == nummer,
               groepsleden.c.deelnemer_id == participant.id)).first()
    if row is None:
        return None
    return Seat(ronde=row.nummer, label=row.label, theme_id=row.theme_id, group_id=row.id)
