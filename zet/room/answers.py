"""Werkblad answers: checked per answer type (``zet.answer_types``), editable while the
werkblad step is open."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from zet.answer_types import answer_type
from zet.clock import as_utc, now
from zet.content.model import Question
from zet.db import reading, retry_transient, writing
from zet.db.schema import antwoorden, deelnemers
from zet.db.upsert import upsert
from zet.room.groups import load_group, lock_group, require_open
from zet.room.participants import require_member
from zet.room.versions import INPUT, bump, bump_group, quiet
from zet.steps import Step


class SaveResult(StrEnum):
    SAVED = "opgeslagen"
    CLEARED = "gewist"
    DRAFT = "concept"  # the werkblad step was closed: kept aside, restored when it reopens


@dataclass(frozen=True)
class Answer:
    participant_id: int
    role: str
    question_id: str
    value: Any
    hidden: bool
    updated_at: datetime


def answer_text(value: Any, *, bullets: bool = False) -> str:
    """A stored werkblad answer as readable text: the one spelling on screens, phones and
    in exports. List items go one per line with ``bullets``, else joined with '; '."""
    if value is None:
        return ""
    if isinstance(value, dict):
        def part(key: str) -> str:
            return "–" if value.get(key) is None else str(value[key])
        return f"gewenst {part('gewenst')} / feitelijk {part('feitelijk')}"
    if isinstance(value, (list, tuple)):
        if bullets:
            return "\n".join(f"• {item}" for item in value)
        return "; ".join(str(item) for item in value)
    return str(value)


def normalise_answer(question: Question, value: Any) -> Any:
    """The stored form of an answer, or None when it is empty. Raises UserError if invalid."""
    return None if value is None else answer_type(question).normalise(question, value)


def is_complete(question: Question, value: Any) -> bool:
    """Counts as 'ingevuld' on the projector."""
    return value is not None and answer_type(question).complete(value)


@retry_transient
def save_answer(engine: Engine, group_id: int, participant_id: int, question: Question,
                value: Any) -> SaveResult:
    """Store an answer while the werkblad step is open; afterwards keep it as a draft.
    One row per participant and question: a double tap or a second tab overwrites it.
    Only from someone who sits at this group, and only while the dagdeel is open."""
    stored = normalise_answer(question, value)
    encoded = None if stored is None else json.dumps(stored, ensure_ascii=False)
    with writing(engine) as conn:
        group = lock_group(conn, group_id, shared=True)  # a step change waits for this save
        require_open(group)
        require_member(conn, group_id, participant_id)
        open_step = group.step == Step.WERKBLAD
        values = ({"value": encoded, "draft": None} if open_step else {"draft": encoded})
        upsert(conn, antwoorden, {"groep_id": group_id, "deelnemer_id": participant_id,
                                  "vraag_id": question.id}, {**values, "updated_at": now()})
        if open_step:
            bump(conn, group.dagdeel_id, INPUT, group_id)
        else:
            quiet(conn)  # a draft for a reopened werkblad: no screen shows it
    if not open_step:
        return SaveResult.DRAFT
    return SaveResult.CLEARED if stored is None else SaveResult.SAVED


def own_answers(engine: Engine, group_id: int, participant_id: int) -> dict[str, Any]:
    """A participant's answers for their phone, drafts taking precedence."""
    with reading(engine) as conn:
        rows = conn.execute(select(antwoorden.c.vraag_id, antwoorden.c.value,
                                   antwoorden.c.draft).where(
            antwoorden.c.groep_id == group_id,
            antwoorden.c.deelnemer_id == participant_id)).all()
    result = {}
    for row in rows:
        raw = row.draft if row.draft is not None else row.value
        result[row.vraag_id] = None if raw is None else json.loads(raw)
    return result


def group_answers(engine: Engine, group_id: int, *, include_hidden: bool = True) -> list[Answer]:
    with reading(engine) as conn:
        return group_answers_on(conn, group_id, include_hidden=include_hidden)


def group_answers_on(conn: Connection, group_id: int, *,
                     include_hidden: bool = True) -> list[Answer]:
    """All submitted answers of a group with the role of whoever gave them (no names)."""
    query = (select(antwoorden, deelnemers.c.role)
             .join(deelnemers, deelnemers.c.id == antwoorden.c.deelnemer_id)
             .where(antwoorden.c.groep_id == group_id, antwoorden.c.value.is_not(None))
             .order_by(antwoorden.c.id))
    if not include_hidden:
        query = query.where(antwoorden.c.hidden.is_(False))
    rows = conn.execute(query).all()
    return [Answer(participant_id=row.deelnemer_id, role=row.role, question_id=row.vraag_id,
                   value=json.loads(row.value), hidden=bool(row.hidden),
                   updated_at=as_utc(row.updated_at)) for row in rows]


def set_answer_hidden(engine: Engine, group_id: int, participant_id: int, question_id: str,
                      hidden: bool) -> None:
    """The procesbegeleider hides (or shows again) one answer on the projector."""
    with writing(engine) as conn:
        require_open(load_group(conn, group_id))
        conn.execute(update(antwoorden).where(
            antwoorden.c.groep_id == group_id, antwoorden.c.deelnemer_id == participant_id,
            antwoorden.c.vraag_id == question_id).values(hidden=hidden))
        bump_group(conn, group_id, INPUT)
