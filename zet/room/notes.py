"""The notulist: an optional second person who writes down what is said, per step.

A notulist has a link of their own (never the procesbegeleider's): it can add notes to one
group and read them back, and nothing else. The notes go into the group's report.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, select, update

from zet.clock import as_utc, now
from zet.codes import new_secret
from zet.db import inserted_id, reading, writing
from zet.db.schema import groepen, notities
from zet.errors import NotFound, UserError
from zet.fields import multi_line, within_limit
from zet.room.groups import Group, load_group, require_open
from zet.room.versions import INPUT, bump, quiet
from zet.steps import Step

MAX_NOTE = 2000


@dataclass(frozen=True)
class Note:
    id: int
    step: Step
    text: str
    created_at: datetime


def notulist_secret(engine: Engine, group_id: int) -> str:
    """The notulist's link secret for a group, made the first time it is asked for."""
    with reading(engine) as conn:
        secret = conn.execute(select(groepen.c.notulist_secret)
                              .where(groepen.c.id == group_id)).scalar()
    if secret:
        return secret
    with writing(engine) as conn:
        secret = conn.execute(select(groepen.c.notulist_secret)
                              .where(groepen.c.id == group_id)).scalar()
        if not secret:
            secret = new_secret()
            conn.execute(update(groepen).where(groepen.c.id == group_id)
                         .values(notulist_secret=secret))
        quiet(conn)  # a secret no screen shows
    return secret


def group_by_notulist_secret(engine: Engine, secret: str) -> Group:
    if secret:
        with reading(engine) as conn:
            group_id = conn.execute(select(groepen.c.id)
                                    .where(groepen.c.notulist_secret == secret)).scalar()
            if group_id is not None:
                return load_group(conn, group_id)
    raise NotFound("Deze notulistenlink klopt niet. Vraag de procesbegeleider om de link.")


def add_note(engine: Engine, group_id: int, text: str) -> Note:
    """A note for the step the group is in now."""
    text = multi_line(text)
    if not text:
        raise UserError("Typ eerst een notitie; een lege notitie wordt niet bewaard.")
    within_limit(text, MAX_NOTE, "deze notitie")
    with writing(engine) as conn:
        group = load_group(conn, group_id)
        require_open(group)
        created = now()
        note_id = inserted_id(conn.execute(notities.insert().values(
            groep_id=group_id, stap=group.step.value, tekst=text,
            created_at=created)))
        bump(conn, group.dagdeel_id, INPUT, group_id)
    return Note(note_id, group.step, text, created)


def notes_of(engine: Engine, group_id: int) -> list[Note]:
    with reading(engine) as conn:
        return notes_on(conn, group_id)


def notes_on(conn: Connection, group_id: int) -> list[Note]:
    """What the notulist wrote down for the group, in order."""
    rows = conn.execute(select(notities).where(notities.c.groep_id == group_id)
                        .order_by(notities.c.id)).all()
    return [Note(row.id, Step(row.stap), row.tekst, as_utc(row.created_at)) for row in rows]
