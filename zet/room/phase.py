"""What the room is doing: the plenary opening, a running round, or the plenary close.

A dagdeel's phase is the one piece of state every phone follows outside the steps of a
theme group. This module is the only place that writes it (``rounds.start_round`` calls
``enter_round`` inside its own transaction).
"""
from __future__ import annotations

from sqlalchemy import Connection, Engine, select, update

from zet.db import reading, writing
from zet.db.schema import dagdelen
from zet.errors import NotFound, UserError
from zet.room.dagdelen import require_open_dagdeel
from zet.room.states import PLENARY, Phase, Room
from zet.room.versions import ROOM, bump


def load_room(conn: Connection, dagdeel_id: int) -> Room:
    row = conn.execute(select(dagdelen.c.fase, dagdelen.c.actieve_ronde)
                       .where(dagdelen.c.id == dagdeel_id)).first()
    if row is None:
        raise NotFound("Dit dagdeel bestaat niet (meer).")
    return Room(Phase(row.fase), row.actieve_ronde if row.fase == Phase.RONDE else None)


def room_of(engine: Engine, dagdeel_id: int) -> Room:
    """The cheap question phones ask every poll during a dagdeel."""
    with reading(engine) as conn:
        return load_room(conn, dagdeel_id)


def enter_round(conn: Connection, dagdeel_id: int, nummer: int) -> None:
    """Inside the transaction that prepared round ``nummer``: the room goes there."""
    conn.execute(update(dagdelen).where(dagdelen.c.id == dagdeel_id)
                 .values(fase=Phase.RONDE.value, actieve_ronde=nummer, scherm_pagina=0))


def set_plenary(engine: Engine, dagdeel_id: int, phase: Phase) -> None:
    """Back to the whole room: the opening or the closing."""
    if phase not in PLENARY:
        raise ValueError(phase)
    with writing(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        conn.execute(update(dagdelen).where(dagdelen.c.id == dagdeel_id)
                     .values(fase=phase.value, actieve_ronde=None, scherm_pagina=0))
        bump(conn, dagdeel_id, ROOM)


def set_plenary_page(engine: Engine, dagdeel_id: int, page: int, *,
                     expected_phase: Phase) -> None:
    """Which page of the plenary screen the room sees; refused when the phase has moved
    on since the control view was drawn."""
    with writing(engine) as conn:
        require_open_dagdeel(conn, dagdeel_id)
        if load_room(conn, dagdeel_id).phase != expected_phase:
            raise UserError("Het dagdeel is inmiddels in een ander onderdeel. Kies opnieuw.")
        conn.execute(update(dagdelen).where(dagdelen.c.id == dagdeel_id)
                     .values(scherm_pagina=max(0, int(page))))
        bump(conn, dagdeel_id, ROOM)
