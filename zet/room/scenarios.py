"""Each participant places the school on the four scenarios: now and desired."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select

from zet.clock import now
from zet.content.model import Theme
from zet.db import reading, retry_transient, writing
from zet.db.schema import deelnemers, scenario_plaatsingen
from zet.db.upsert import upsert
from zet.errors import UserError
from zet.room.groups import lock_group, require_open
from zet.room.participants import require_member
from zet.room.versions import INPUT, bump
from zet.steps import STEP_ORDER, Step

NOT_DECIDED = "nog niet vastgesteld"
# Scenario 1 to 4 from light to dark blue in every chart and PDF: a shared language, not a
# grade.
SCENARIO_COLORS = ("#D6E4F0", "#9DBEDB", "#4F86B8", "#1F5F8B")


def scenario_label(theme: Theme, number: int | None, *, missing: str = NOT_DECIDED) -> str:
    """'2. Samen opleiden als basis': the one spelling of a scenario on screens and in
    exports; ``missing`` when nothing was chosen."""
    if number is None or not 1 <= number <= len(theme.scenarios):
        return missing
    return f"{number}. {theme.scenarios[number - 1].naam}"


@dataclass(frozen=True)
class Placement:
    participant_id: int
    role: str
    nu: int | None
    gewenst: int | None


def _check(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or value not in (1, 2, 3, 4)):
        raise UserError("Kies een scenario van 1 tot en met 4.")
    return value


@retry_transient
def place(engine: Engine, group_id: int, participant_id: int, *, nu: int | None,
          gewenst: int | None) -> None:
    """Store (or change) a participant's placement: only in the Scenario step, only at the
    participant's own table (a late tap after the group moved on is refused)."""
    nu, gewenst = _check(nu), _check(gewenst)
    with writing(engine) as conn:
        group = lock_group(conn, group_id, shared=True)
        require_open(group)
        if STEP_ORDER.index(group.step) < STEP_ORDER.index(Step.SCENARIO):
            raise UserError("De scenariostap is nog niet begonnen. Wacht op de procesbegeleider.")
        if group.step != Step.SCENARIO:
            raise UserError("De scenariostap is al voorbij; je keuze kan niet meer veranderen.")
        require_member(conn, group_id, participant_id)
        upsert(conn, scenario_plaatsingen, {"groep_id": group_id, "deelnemer_id": participant_id},
               {"nu": nu, "gewenst": gewenst, "updated_at": now()})
        bump(conn, group.dagdeel_id, INPUT, group_id)


def placements(engine: Engine, group_id: int) -> list[Placement]:
    with reading(engine) as conn:
        return placements_on(conn, group_id)


def placements_on(conn: Connection, group_id: int) -> list[Placement]:
    """Where each participant of the group placed the locatie, now and wished for."""
    rows = conn.execute(
        select(scenario_plaatsingen, deelnemers.c.role)
        .join(deelnemers, deelnemers.c.id == scenario_plaatsingen.c.deelnemer_id)
        .where(scenario_plaatsingen.c.groep_id == group_id)).all()
    return [Placement(row.deelnemer_id, row.role, row.nu, row.gewenst) for row in rows]


def own_placement(engine: Engine, group_id: int, participant_id: int) -> Placement | None:
    return next((p for p in placements(engine, group_id) if p.participant_id == participant_id),
                None)
