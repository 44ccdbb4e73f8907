"""Joining a dagdeel once; who sits in which group."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Row, func, select, update

from zet.clock import now
from zet.codes import new_secret
from zet.config import load_limits
from zet.db import inserted_id, reading, retry_transient, writing
from zet.db.schema import (
    antwoorden,
    bijdragen,
    dagdelen,
    deelnemers,
    groepen,
    groepsleden,
    rondes,
    scenario_plaatsingen,
)
from zet.db.upsert import insert_absent
from zet.errors import NotFound, UserError
from zet.fields import no_spaces
from zet.roles import is_known_role
from zet.room.dagdelen import Dagdeel, lock_dagdeel
from zet.room.states import Phase, Status
from zet.room.versions import INPUT, ROOM, bump, quiet
from zet.steps import LATE_JOIN_STEPS

MAX_INITIALS = 6


@dataclass(frozen=True)
class Participant:
    id: int
    dagdeel_id: int
    token: str
    role: str
    initials: str

    @classmethod
    def from_row(cls, row: Row) -> Participant:
        return cls(id=row.id, dagdeel_id=row.dagdeel_id, token=row.token, role=row.role,
                   initials=row.initials)


def clean_initials(raw: str) -> str:
    initials = no_spaces(raw)
    if len(initials) > MAX_INITIALS:
        raise UserError(f"Gebruik voor je initialen hoogstens {MAX_INITIALS} tekens.")
    return initials


@retry_transient
def join(engine: Engine, dagdeel: Dagdeel, *, role: str, initials: str = "",
         max_participants: int | None = None) -> Participant:
    """Add a participant to an open dagdeel and place them in a group of the active round.

    Refused once the dagdeel has ``max_participants`` (``ZET_MAX_DEELNEMERS``): a join code
    that leaked cannot be used to fill the database."""
    if not is_known_role(role):
        raise UserError("Kies je rol uit de lijst.")
    initials = clean_initials(initials)
    cap = load_limits().max_participants if max_participants is None else max_participants
    with writing(engine) as conn:
        status = lock_dagdeel(conn, dagdeel.id)  # joins of one dagdeel queue
        if status != Status.OPEN:
            raise NotFound("Deze sessie is al afgesloten. Vraag de procesbegeleider om de "
                           "code van vandaag.")
        joined = conn.execute(select(func.count()).select_from(deelnemers)
                              .where(deelnemers.c.dagdeel_id == dagdeel.id)).scalar_one()
        if joined >= cap:
            raise UserError(f"Dit dagdeel is vol: er doen al {joined} mensen mee. Vraag de "
                            "procesbegeleider wat je kunt doen.")
        participant_id = inserted_id(conn.execute(deelnemers.insert().values(
            dagdeel_id=dagdeel.id, token=new_secret(), role=role, initials=initials,
            joined_at=now())))
        row = conn.execute(select(deelnemers).where(deelnemers.c.id == participant_id)).one()
        participant = Participant.from_row(row)
        place_in_active_round(conn, participant)
        bump(conn, dagdeel.id, INPUT)  # the control view's list of who joined
    return participant


def participant_by_token(engine: Engine, token: str) -> Participant:
    with reading(engine) as conn:
        row = conn.execute(select(deelnemers).where(deelnemers.c.token == token)).first()
    if row is None:
        raise NotFound("We herkennen deze telefoon niet meer. Meld je opnieuw aan met de code.")
    return Participant.from_row(row)


def forget_device(engine: Engine, token: str) -> None:
    """'Ik ben iemand anders': the identity this device holds stops working everywhere (an
    old address, Back, a cookie kept elsewhere). The participant's answers stay; the token
    is replaced by a new one that no device knows."""
    with writing(engine) as conn:
        dagdeel_id = conn.execute(update(deelnemers).where(deelnemers.c.token == token)
                                  .values(token=new_secret())
                                  .returning(deelnemers.c.dagdeel_id)).scalar()
        if dagdeel_id is None:
            quiet(conn)  # nobody held that token (any more)
        else:
            bump(conn, dagdeel_id, ROOM)  # live reads of the old token are dropped


def active_round_id(conn: Connection, dagdeel_id: int) -> int | None:
    """The round that is running now, or None during a plenary part."""
    row = conn.execute(select(dagdelen.c.fase, dagdelen.c.actieve_ronde)
                       .where(dagdelen.c.id == dagdeel_id)).first()
    if row is None or row.fase != Phase.RONDE or row.actieve_ronde is None:
        return None
    return conn.execute(select(rondes.c.id).where(rondes.c.dagdeel_id == dagdeel_id,
                                                  rondes.c.nummer == row.actieve_ronde)
                        ).scalar()


def seat_in(conn: Connection, ronde_id: int, participant_id: int) -> int | None:
    return conn.execute(select(groepsleden.c.groep_id).where(
        groepsleden.c.ronde_id == ronde_id,
        groepsleden.c.deelnemer_id == participant_id)).scalar()


def require_member(conn: Connection, group_id: int, participant_id: int) -> None:
    """Inside a write: refuse a participant who does not sit in this group."""
    seated = conn.execute(select(groepsleden.c.groep_id).where(
        groepsleden.c.groep_id == group_id,
        groepsleden.c.deelnemer_id == participant_id)).first()
    if seated is None:
        raise UserError("Je zit niet aan deze tafel. Kijk op je telefoon waar je zit.")


def open_tables(conn: Connection, ronde_id: int) -> list[int]:
    """Tables of a round that still seat a late joiner: their group is before the scenario
    step (``LATE_JOIN_STEPS``), so the newcomer can still take part."""
    return list(conn.execute(
        select(groepen.c.id).where(groepen.c.ronde_id == ronde_id,
                                   groepen.c.step.in_([s.value for s in LATE_JOIN_STEPS]))
        .order_by(groepen.c.id)).scalars())


def place_in_active_round(conn: Connection, participant: Participant) -> int | None:
    """Put a participant in a group of the active round: the smallest group first, so
    sizes keep differing by at most one; among those, the one with fewest of their role.
    Only tables before the scenario step take a late joiner (``open_tables``); when none
    does, the participant waits for the hoofdprocesbegeleider (``rounds.seat_waiting``).
    Returns the group id. Locks the dagdeel row, so seats are counted one joiner at a time."""
    lock_dagdeel(conn, participant.dagdeel_id)
    ronde_id = active_round_id(conn, participant.dagdeel_id)
    if ronde_id is None:
        return None
    existing = seat_in(conn, ronde_id, participant.id)
    if existing is not None:
        return existing
    group_ids = open_tables(conn, ronde_id)
    if not group_ids:
        return None
    return seat_at(conn, ronde_id, participant, group_ids)


def seat_at(conn: Connection, ronde_id: int, participant: Participant,
            group_ids: list[int], *, na_scenario: bool = False) -> int | None:
    """Inside a write: seat the participant at the one of ``group_ids`` with fewest people,
    then fewest of their role; returns the group id (the existing seat if one raced).
    ``na_scenario`` marks a seat given after the table's scenario step began."""
    members = conn.execute(
        select(groepsleden.c.groep_id, deelnemers.c.role)
        .join(deelnemers, deelnemers.c.id == groepsleden.c.deelnemer_id)
        .where(groepsleden.c.ronde_id == ronde_id)).all()
    sizes = Counter(row.groep_id for row in members)
    same_role = Counter(row.groep_id for row in members if row.role == participant.role)
    target = min(group_ids, key=lambda gid: (sizes[gid], same_role[gid], gid))
    if insert_absent(conn, groepsleden, {"ronde_id": ronde_id, "deelnemer_id": participant.id},
                     {"groep_id": target, "na_scenario": na_scenario}):
        return target
    return seat_in(conn, ronde_id, participant.id)


def gave_something(conn: Connection, group_id: int, participant_id: int) -> bool:
    """Whether a participant already said something in this group: answers, points or a
    scenario placement."""
    for table, participant_column in ((antwoorden, antwoorden.c.deelnemer_id),
                                      (bijdragen, bijdragen.c.deelnemer_id),
                                      (scenario_plaatsingen,
                                       scenario_plaatsingen.c.deelnemer_id)):
        if conn.execute(select(participant_column).where(
                table.c.groep_id == group_id, participant_column == participant_id)).first():
            return True
    return False


@dataclass(frozen=True)
class Table:
    """Who sits at a group's table: everyone ``seated`` (what the live screens count), and
    the ``counted`` members of its report: everyone seated except a late joiner seated after
    the scenario step began who gave nothing there (so "6 deelnemers" never stands beside
    n = 5 placements for a newcomer who could not place)."""
    seated: tuple[Participant, ...]
    counted: tuple[Participant, ...]

    @property
    def listeners(self) -> int:
        """Seated, but not counted: they listened in."""
        return len(self.seated) - len(self.counted)


def table_on(conn: Connection, group_id: int) -> Table:
    rows = conn.execute(
        select(deelnemers, groepsleden.c.na_scenario)
        .join(groepsleden, groepsleden.c.deelnemer_id == deelnemers.c.id)
        .where(groepsleden.c.groep_id == group_id).order_by(deelnemers.c.id)).all()
    return Table(
        seated=tuple(Participant.from_row(row) for row in rows),
        counted=tuple(Participant.from_row(row) for row in rows
                      if not row.na_scenario or gave_something(conn, group_id, row.id)))


def members_of(engine: Engine, group_id: int) -> list[Participant]:
    with reading(engine) as conn:
        return list(table_on(conn, group_id).seated)


def groups_joined(engine: Engine, participant_id: int) -> list[int]:
    """Every group a participant sat in, in round order."""
    with reading(engine) as conn:
        return list(conn.execute(
            select(groepsleden.c.groep_id)
            .join(rondes, rondes.c.id == groepsleden.c.ronde_id)
            .where(groepsleden.c.deelnemer_id == participant_id)
            .order_by(rondes.c.nummer)).scalars())


def dagdeel_participants(engine: Engine, dagdeel_id: int) -> list[Participant]:
    """Everyone who joined the dagdeel, in order of arrival."""
    with reading(engine) as conn:
        rows = conn.execute(select(deelnemers).where(deelnemers.c.dagdeel_id == dagdeel_id)
                            .order_by(deelnemers.c.id)).all()
    return [Participant.from_row(row) for row in rows]
