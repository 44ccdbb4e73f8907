"""A theme group: its step, the cards it revealed and what it decided."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, Row, delete, select, update

from zet.clock import as_utc, now
from zet.db import reading, retry_transient, writing
from zet.db.schema import antwoorden, dagdelen, groepen, kaarten_getoond, rondes
from zet.db.upsert import insert_absent
from zet.errors import NotFound, UserError
from zet.fields import multi_line, one_line, within_limit
from zet.room.dagdelen import role_counts_from_json
from zet.room.kept import KeptCounts
from zet.room.states import Status
from zet.room.versions import INPUT, ROOM, bump, bump_group
from zet.steps import Step

MAX_ARGUMENT = 2000
MAX_REPORTER = 120


def where(ronde: int, label: str) -> str:
    """'ronde 2, tafel B', or 'ronde 1' for a round with one unnamed table: the one
    spelling of a table's place in the day."""
    return f"ronde {ronde}, tafel {label}" if label else f"ronde {ronde}"


@dataclass(frozen=True)
class Group:
    id: int
    dagdeel_id: int
    ronde_id: int
    ronde_nummer: int
    theme_id: str
    procesbegeleider: str
    label: str
    secret: str
    step: Step
    step_changed_at: datetime
    reporter: str
    scenario_nu: int | None
    scenario_gewenst: int | None
    scenario_argument: str
    points_confirmed_at: datetime | None
    dagdeel_open: bool
    eind_tijd: str | None = None  # end of the group's round in the programme ("HH:MM")
    screen_page: int = 0  # which page of the current step the projector shows
    join_code: str = ""

    @property
    def where(self) -> str:
        return where(self.ronde_nummer, self.label)
    kept_role_counts: tuple[tuple[str, int], ...] = ()  # members per role, kept by a purge
    kept: KeptCounts | None = None  # the other counts a purge kept; None before a purge
    quickscan_first: bool = False  # the werkblad step opens with what the quickscan said

    @classmethod
    def from_row(cls, row: Row) -> Group:
        return cls(
            id=row.id, dagdeel_id=row.dagdeel_id, ronde_id=row.ronde_id,
            ronde_nummer=row.nummer, theme_id=row.theme_id,
            procesbegeleider=row.procesbegeleider, label=row.label, secret=row.secret,
            step=Step(row.step), step_changed_at=as_utc(row.step_changed_at),
            reporter=row.reporter, scenario_nu=row.scenario_nu,
            scenario_gewenst=row.scenario_gewenst, scenario_argument=row.scenario_argument,
            points_confirmed_at=as_utc(row.points_confirmed_at),
            dagdeel_open=row.status == Status.OPEN, eind_tijd=row.eind_tijd,
            screen_page=row.scherm_pagina, join_code=row.join_code,
            kept_role_counts=role_counts_from_json(row.rolaantallen),
            kept=KeptCounts.from_json(row.bewaard),
            quickscan_first=bool(row.quickscan_eerst),
        )


def _group_query():
    return (select(groepen, rondes.c.nummer, rondes.c.eind_tijd, dagdelen.c.status,
                   dagdelen.c.join_code)
            .join(rondes, rondes.c.id == groepen.c.ronde_id)
            .join(dagdelen, dagdelen.c.id == groepen.c.dagdeel_id))


def get_group(engine: Engine, group_id: int) -> Group:
    with reading(engine) as conn:
        return load_group(conn, group_id)


def load_group(conn: Connection, group_id: int) -> Group:
    return _load(conn, _group_query().where(groepen.c.id == group_id))


def lock_group(conn: Connection, group_id: int, *, shared: bool = False) -> Group:
    """Inside a write: the group, with its row locked on PostgreSQL until the commit.

    ``shared`` lets writers of one group (answers, placements) run side by side while a step
    change waits for them; without it the writes of the group queue (a step change, the
    points list with its positions). SQLite's BEGIN IMMEDIATE already serialises writers."""
    lock = {"read": True} if shared else {"key_share": True}
    return _load(conn, _group_query().where(groepen.c.id == group_id)
                 .with_for_update(of=groepen, **lock))


def _load(conn: Connection, query) -> Group:
    row = conn.execute(query).first()
    if row is None:
        raise NotFound("Deze themagroep bestaat niet (meer).")
    return Group.from_row(row)


def group_by_secret(engine: Engine, secret: str) -> Group:
    """The group behind a procesbegeleider's link."""
    if not secret:
        raise NotFound("Deze link is niet compleet. Open de link van de procesbegeleider opnieuw.")
    with reading(engine) as conn:
        row = conn.execute(_group_query().where(groepen.c.secret == secret)).first()
    if row is None:
        raise NotFound("Deze link van de procesbegeleider klopt niet. "
                       "Gebruik de link die je kreeg toen de sessie werd gemaakt.")
    return Group.from_row(row)


def groups_of_dagdeel(engine: Engine, dagdeel_id: int) -> list[Group]:
    with reading(engine) as conn:
        rows = conn.execute(_group_query().where(groepen.c.dagdeel_id == dagdeel_id)
                            .order_by(rondes.c.nummer, groepen.c.label, groepen.c.id)).all()
    return [Group.from_row(row) for row in rows]


def require_open(group: Group) -> None:
    if not group.dagdeel_open:
        raise UserError("Deze sessie is afgesloten; er kan niets meer worden gewijzigd. "
                        "Exporteren kan nog wel.")


def set_step(engine: Engine, group_id: int, target: Step, *, expected_current: Step) -> Group:
    """Move the group to ``target``. ``expected_current`` is the step the facilitator saw,
    so a double click or a second open tab cannot skip a step."""
    with writing(engine) as conn:
        group = lock_group(conn, group_id)
        require_open(group)
        if group.step != expected_current:
            raise UserError(f"De groep staat inmiddels bij '{group.step.label}'. "
                            "Het scherm is bijgewerkt; kies opnieuw.")
        if group.step != target:
            conn.execute(update(groepen).where(groepen.c.id == group_id)
                         .values(step=target.value, step_changed_at=now(), scherm_pagina=0))
        if target == Step.WERKBLAD:
            # Reopened: what phones typed after the step closed becomes the answer.
            conn.execute(update(antwoorden).where(antwoorden.c.groep_id == group_id,
                                                  antwoorden.c.draft.is_not(None))
                         .values(value=antwoorden.c.draft, draft=None))
        bump(conn, group.dagdeel_id, ROOM, group_id)
        return load_group(conn, group_id)


def current_step(engine: Engine, group_id: int) -> Step:
    """The cheap question phones ask every poll."""
    with reading(engine) as conn:
        value = conn.execute(select(groepen.c.step).where(groepen.c.id == group_id)).scalar()
    if value is None:
        raise NotFound("Deze themagroep bestaat niet (meer).")
    return Step(value)


def revealed_cards(engine: Engine, group_id: int) -> list[str]:
    with reading(engine) as conn:
        return revealed_cards_on(conn, group_id)


def revealed_cards_on(conn: Connection, group_id: int) -> list[str]:
    """The ids of the cards shown to the group, in the order they were shown."""
    return list(conn.execute(
        select(kaarten_getoond.c.kaart_id).where(kaarten_getoond.c.groep_id == group_id)
        .order_by(kaarten_getoond.c.revealed_at)).scalars())


@retry_transient
def reveal_card(engine: Engine, group_id: int, card_id: str) -> None:
    """Lay a reflectiekaart on the projector and the phones; a card already laid comes
    back to the front (revealing twice stores it once)."""
    with writing(engine) as conn:
        group = load_group(conn, group_id)
        require_open(group)
        insert_absent(conn, kaarten_getoond, {"groep_id": group_id, "kaart_id": card_id},
                      {"revealed_at": now()})
        if group.step == Step.REFLECTIEKAARTEN:
            order = list(conn.execute(
                select(kaarten_getoond.c.kaart_id).where(kaarten_getoond.c.groep_id == group_id)
                .order_by(kaarten_getoond.c.revealed_at)).scalars())
            conn.execute(update(groepen).where(groepen.c.id == group_id)
                         .values(scherm_pagina=order.index(card_id)))
        bump(conn, group.dagdeel_id, ROOM, group_id)


def hide_card(engine: Engine, group_id: int, card_id: str) -> None:
    with writing(engine) as conn:
        require_open(load_group(conn, group_id))
        conn.execute(delete(kaarten_getoond).where(kaarten_getoond.c.groep_id == group_id,
                                                   kaarten_getoond.c.kaart_id == card_id))
        bump_group(conn, group_id, ROOM)


def record_group_scenario(engine: Engine, group_id: int, *, nu: int | None,
                          gewenst: int | None, argument: str) -> None:
    """The group's agreed placement: where we are now, where we want to go, and why."""
    for value in (nu, gewenst):
        if value is not None and value not in (1, 2, 3, 4):
            raise UserError("Kies een scenario van 1 tot en met 4.")
    argument = multi_line(argument)
    within_limit(argument, MAX_ARGUMENT, "de onderbouwing")
    with writing(engine) as conn:
        require_open(load_group(conn, group_id))
        conn.execute(update(groepen).where(groepen.c.id == group_id).values(
            scenario_nu=nu, scenario_gewenst=gewenst, scenario_argument=argument))
        bump_group(conn, group_id, INPUT)


def set_reporter(engine: Engine, group_id: int, reporter: str) -> None:
    """Who reports back for this group in the plenary close."""
    reporter = one_line(reporter)
    if len(reporter) > MAX_REPORTER:
        raise UserError(f"Die naam is te lang (hoogstens {MAX_REPORTER} tekens).")
    with writing(engine) as conn:
        require_open(load_group(conn, group_id))
        conn.execute(update(groepen).where(groepen.c.id == group_id).values(reporter=reporter))
        bump_group(conn, group_id, INPUT)


def set_quickscan_first(engine: Engine, group_id: int, on: bool) -> None:
    """Whether the beamer opens the werkblad step with what the quickscan said on the
    theme (before the QR code). During the werkblad step the beamer goes to the first page,
    so what was just switched on (or off) is what the room sees."""
    with writing(engine) as conn:
        group = load_group(conn, group_id)
        require_open(group)
        values: dict[str, object] = {"quickscan_eerst": bool(on)}
        if group.step == Step.WERKBLAD:
            values["scherm_pagina"] = 0
        conn.execute(update(groepen).where(groepen.c.id == group_id).values(**values))
        bump(conn, group.dagdeel_id, ROOM, group_id)


def set_screen_page(engine: Engine, group_id: int, page: int, *, expected_step: Step) -> None:
    """Which page of the current step the projector shows (0 is the first). The control
    view passes the step it saw, so a late click cannot page a step that has moved on."""
    with writing(engine) as conn:
        group = load_group(conn, group_id)
        require_open(group)
        if group.step != expected_step:
            raise UserError(f"De groep staat inmiddels bij '{group.step.label}'.")
        conn.execute(update(groepen).where(groepen.c.id == group_id)
                     .values(scherm_pagina=max(0, int(page))))
        bump(conn, group.dagdeel_id, ROOM, group_id)
