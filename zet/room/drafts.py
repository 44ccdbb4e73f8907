"""Text a participant is still typing outside the werkblad (a point not yet sent), kept
so a reload, a locked phone or a server restart does not lose it.

Werkblad answers need no drafts here: they are saved while typing (``zet.room.answers``).
"""
from __future__ import annotations

from sqlalchemy import Engine, delete, select, update

from zet.clock import now
from zet.db import reading, writing
from zet.db.schema import concepten
from zet.fields import without_controls
from zet.room.groups import load_group, require_open
from zet.room.participants import require_member

MAX_DRAFT = 10_000


def save_draft(engine: Engine, group_id: int, participant_id: int, field: str,
               text: str) -> None:
    """Keep what is typed in ``field`` (an empty text removes the draft). Refused once the
    dagdeel is closed and for someone who does not sit in this group; removing a draft is
    always allowed."""
    text = without_controls(text)[:MAX_DRAFT]  # not trimmed: typing goes on after a space
    key = (concepten.c.groep_id == group_id, concepten.c.deelnemer_id == participant_id,
           concepten.c.veld == field)
    with writing(engine) as conn:
        if not text.strip():
            conn.execute(delete(concepten).where(*key))
            return
        require_open(load_group(conn, group_id))
        require_member(conn, group_id, participant_id)
        changed = conn.execute(update(concepten).where(*key)
                               .values(tekst=text, updated_at=now())).rowcount
        if not changed:
            conn.execute(concepten.insert().values(groep_id=group_id,
                                                   deelnemer_id=participant_id, veld=field,
                                                   tekst=text, updated_at=now()))


def draft_of(engine: Engine, group_id: int, participant_id: int, field: str) -> str:
    with reading(engine) as conn:
        return conn.execute(select(concepten.c.tekst).where(
            concepten.c.groep_id == group_id, concepten.c.deelnemer_id == participant_id,
            concepten.c.veld == field)).scalar() or ""


def clear_draft(engine: Engine, group_id: int, participant_id: int, field: str) -> None:
    save_draft(engine, group_id, participant_id, field, "")
