"""Sterke punten and ontwikkelpunten: raw contributions and the group's confirmed list.

Every contribution from a phone is kept as sent (``bijdragen``) and also lands in the
group's working list (``punten``), which the procesbegeleider edits, merges and confirms.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, func, select, update

from zet.clock import as_utc, now
from zet.config import load_limits
from zet.db import inserted_id, reading, retry_transient, writing
from zet.db.schema import bijdragen, deelnemers, groepen, punten
from zet.errors import UserError
from zet.fields import one_line, within_limit
from zet.room.groups import load_group, lock_group, require_open
from zet.room.participants import require_member
from zet.room.versions import INPUT, bump_group
from zet.steps import Step

KINDS = {"sterk": "Sterk punt", "ontwikkel": "Ontwikkelpunt"}
KIND_PLURALS = {"sterk": "Sterke punten", "ontwikkel": "Ontwikkelpunten"}
MAX_POINT = 300


@dataclass(frozen=True)
class Contribution:
    id: int
    kind: str
    text: str
    role: str | None  # None: typed by the procesbegeleider
    created_at: datetime


@dataclass(frozen=True)
class Point:
    id: int
    kind: str
    text: str
    position: int
    source_ids: tuple[int, ...]


def clean_point(kind: str, text: str) -> str:
    if kind not in KINDS:
        raise UserError("Kies of het een sterk punt of een ontwikkelpunt is.")
    text = one_line(text)
    if not text:
        raise UserError("Typ eerst een punt; een leeg punt wordt niet verstuurd.")
    return within_limit(text, MAX_POINT, "dit punt")


def _require_editable(conn: Connection, group_id: int) -> Step:
    """Inside a write: refuse unless the dagdeel is open and the list not confirmed; returns
    the group's step. Locks the group row, so the list's writes (duplicate check, next
    position, renumbering) queue per group on PostgreSQL too."""
    group = lock_group(conn, group_id)
    require_open(group)
    if group.points_confirmed_at is not None:
        raise UserError("De lijst is al bevestigd. Heropen de lijst om nog iets te wijzigen.")
    return group.step


def _require_may_send(conn: Connection, group_id: int, participant_id: int, step: Step,
                      cap: int) -> None:
    """A phone sends points only in the Punten step, to its own table, up to ``cap``."""
    if step != Step.PUNTEN:
        raise UserError("Punten insturen kan alleen in de stap 'Sterke punten & "
                        "ontwikkelpunten'. Je punt is niet verstuurd.")
    require_member(conn, group_id, participant_id)
    sent = conn.execute(select(func.count()).select_from(bijdragen).where(
        bijdragen.c.groep_id == group_id, bijdragen.c.deelnemer_id == participant_id)
    ).scalar_one()
    if sent >= cap:
        raise UserError(f"Je hebt al {sent} punten ingestuurd; meer kan niet. Bespreek je "
                        "andere punten in de groep.")


def _next_position(conn: Connection, group_id: int, kind: str) -> int:
    current = conn.execute(select(func.max(punten.c.positie)).where(
        punten.c.groep_id == group_id, punten.c.soort == kind)).scalar()
    return (current or 0) + 1


def _add_to_list(conn: Connection, group_id: int, kind: str, text: str,
                 source_ids: list[int]) -> int:
    return inserted_id(conn.execute(punten.insert().values(
        groep_id=group_id, soort=kind, tekst=text, positie=_next_position(conn, group_id, kind),
        bron_ids=json.dumps(source_ids), updated_at=now())))


@retry_transient
def contribute(engine: Engine, group_id: int, participant_id: int | None, kind: str,
               text: str, *, max_points: int | None = None) -> int | None:
    """A point sent from a phone (or typed by the procesbegeleider when participant_id is
    None). Sending the same text twice (a double tap) stores it once; returns None then.

    A phone may send only in the Punten step, only to its own group and at most
    ``max_points`` (``ZET_MAX_PUNTEN``) per group. The procesbegeleider's own point is
    allowed in every step until the list is confirmed: the holder of the group link moves
    the step and edits the list anyway, and notes points that come up in any part of the
    conversation."""
    text = clean_point(kind, text)
    cap = load_limits().max_points if max_points is None else max_points
    with writing(engine) as conn:
        step = _require_editable(conn, group_id)
        if participant_id is not None:
            _require_may_send(conn, group_id, participant_id, step, cap)
        duplicate = conn.execute(select(bijdragen.c.id).where(
            bijdragen.c.groep_id == group_id, bijdragen.c.soort == kind,
            bijdragen.c.tekst == text,
            (bijdragen.c.deelnemer_id == participant_id) if participant_id is not None
            else bijdragen.c.deelnemer_id.is_(None))).first()
        if duplicate is not None:
            return None
        contribution_id = inserted_id(conn.execute(bijdragen.insert().values(
            groep_id=group_id, deelnemer_id=participant_id, soort=kind, tekst=text,
            created_at=now())))
        _add_to_list(conn, group_id, kind, text, [contribution_id])
        bump_group(conn, group_id, INPUT)
        return contribution_id


def contributions(engine: Engine, group_id: int,
                  participant_id: int | None = None) -> list[Contribution]:
    with reading(engine) as conn:
        return contributions_on(conn, group_id, participant_id)


def contributions_on(conn: Connection, group_id: int,
                     participant_id: int | None = None) -> list[Contribution]:
    """Raw contributions of a group, or only those one participant sent."""
    query = (select(bijdragen, deelnemers.c.role)
             .outerjoin(deelnemers, deelnemers.c.id == bijdragen.c.deelnemer_id)
             .where(bijdragen.c.groep_id == group_id).order_by(bijdragen.c.id))
    if participant_id is not None:
        query = query.where(bijdragen.c.deelnemer_id == participant_id)
    rows = conn.execute(query).all()
    return [Contribution(id=row.id, kind=row.soort, text=row.tekst,
                         role=row.role if row.deelnemer_id is not None else None,
                         created_at=as_utc(row.created_at)) for row in rows]


def working_list(engine: Engine, group_id: int) -> list[Point]:
    with reading(engine) as conn:
        return working_list_on(conn, group_id)


def working_list_on(conn: Connection, group_id: int) -> list[Point]:
    """The group's numbered points, sterke punten first, each list in its order."""
    rows = conn.execute(select(punten).where(punten.c.groep_id == group_id)
                        .order_by(punten.c.soort.desc(), punten.c.positie)).all()
    return [Point(id=row.id, kind=row.soort, text=row.tekst, position=row.positie,
                  source_ids=tuple(json.loads(row.bron_ids))) for row in rows]


def edit_point(engine: Engine, group_id: int, point_id: int, text: str,
               kind: str | None = None) -> None:
    with writing(engine) as conn:
        _require_editable(conn, group_id)
        current = conn.execute(select(punten.c.soort).where(
            punten.c.id == point_id, punten.c.groep_id == group_id)).scalar()
        if current is None:
            raise UserError("Dit punt bestaat niet meer; misschien is het al samengevoegd.")
        new_kind = kind or current
        values = {"tekst": clean_point(new_kind, text), "updated_at": now()}
        if new_kind != current:
            values.update(soort=new_kind, positie=_next_position(conn, group_id, new_kind))
        conn.execute(update(punten).where(punten.c.id == point_id).values(**values))
        bump_group(conn, group_id, INPUT)


def delete_point(engine: Engine, group_id: int, point_id: int) -> None:
    """Remove a point from the working list; the raw contribution stays."""
    with writing(engine) as conn:
        _require_editable(conn, group_id)
        conn.execute(delete(punten).where(punten.c.id == point_id,
                                          punten.c.groep_id == group_id))
        bump_group(conn, group_id, INPUT)


def merge_points(engine: Engine, group_id: int, point_ids: list[int], text: str) -> int:
    """Replace several points of one kind by one, keeping every source contribution."""
    if len(set(point_ids)) < 2:
        raise UserError("Kies minstens twee punten om samen te voegen.")
    with writing(engine) as conn:
        _require_editable(conn, group_id)
        rows = conn.execute(select(punten).where(punten.c.groep_id == group_id,
                                                 punten.c.id.in_(point_ids))
                            .order_by(punten.c.positie)).all()
        if len(rows) != len(set(point_ids)):
            raise UserError("Een van deze punten bestaat niet meer. Kies opnieuw.")
        kinds = {row.soort for row in rows}
        if len(kinds) != 1:
            raise UserError("Voeg alleen sterke punten met sterke punten, of ontwikkelpunten "
                            "met ontwikkelpunten samen.")
        kind = kinds.pop()
        text = clean_point(kind, text)
        sources = [sid for row in rows for sid in json.loads(row.bron_ids)]
        first = rows[0]
        conn.execute(update(punten).where(punten.c.id == first.id).values(
            tekst=text, bron_ids=json.dumps(sources), updated_at=now()))
        conn.execute(delete(punten).where(punten.c.id.in_([row.id for row in rows[1:]])))
        bump_group(conn, group_id, INPUT)
        return first.id


def move_point(engine: Engine, group_id: int, point_id: int, offset: int) -> None:
    """Move a point up (-1) or down (+1) within its kind."""
    with writing(engine) as conn:
        _require_editable(conn, group_id)
        row = conn.execute(select(punten).where(punten.c.id == point_id,
                                                punten.c.groep_id == group_id)).first()
        if row is None:
            return
        siblings = list(conn.execute(select(punten.c.id).where(
            punten.c.groep_id == group_id, punten.c.soort == row.soort)
            .order_by(punten.c.positie)).scalars())
        index = siblings.index(point_id)
        target = index + offset
        if not 0 <= target < len(siblings):
            return
        siblings[index], siblings[target] = siblings[target], siblings[index]
        _renumber(conn, siblings)
        bump_group(conn, group_id, INPUT)


def _renumber(conn: Connection, point_ids: list[int]) -> None:
    """Positions 1..n in this order. Positions are unique per group and kind, so every row
    first steps aside to a negative position, then takes its new one."""
    for position, pid in enumerate(point_ids, start=1):
        conn.execute(update(punten).where(punten.c.id == pid).values(positie=-position))
    for position, pid in enumerate(point_ids, start=1):
        conn.execute(update(punten).where(punten.c.id == pid).values(positie=position))


def confirm_list(engine: Engine, group_id: int) -> None:
    """The group agrees on the list; it is what the export reports."""
    with writing(engine) as conn:
        _require_editable(conn, group_id)
        count = conn.execute(select(func.count()).select_from(punten)
                             .where(punten.c.groep_id == group_id)).scalar_one()
        if count == 0:
            raise UserError("De lijst is nog leeg. Voeg eerst sterke punten of "
                            "ontwikkelpunten toe.")
        conn.execute(update(groepen).where(groepen.c.id == group_id)
                     .values(points_confirmed_at=now()))
        bump_group(conn, group_id, INPUT)


def reopen_list(engine: Engine, group_id: int) -> None:
    with writing(engine) as conn:
        require_open(load_group(conn, group_id))
        conn.execute(update(groepen).where(groepen.c.id == group_id)
                     .values(points_confirmed_at=None))
        bump_group(conn, group_id, INPUT)
