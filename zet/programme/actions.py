"""From ontwikkelpunt to action, with the ZEK's questions: when are we satisfied (concrete
result), who is responsible, how will we do it, and on what timeline. At the next dagdeel of
that locatie and theme the open actions are the group's starting point
(``open_actions_for``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select, true, update

from zet.clock import as_utc, now
from zet.db import inserted_id, reading, writing
from zet.db.schema import acties, dagdelen, groepen, locaties, punten
from zet.errors import NotFound, UserError
from zet.fields import multi_line, within_limit
from zet.programme.tenancy import Viewer

OPEN, DONE = "open", "afgerond"
# The ZEK's four questions per ontwikkelpunt: asked in every theme's punten step and
# answered per action by the programme manager.
ZEK_QUESTIONS = (("tevreden", "Wanneer zijn we tevreden? (concrete opbrengst)"),
                 ("verantwoordelijk", "Wie is verantwoordelijk?"),
                 ("aanpak", "Hoe gaan we het doen?"),
                 ("tijdpad", "Welk tijdpad?"))


def zek_prompt() -> str:
    """The four questions on one line, for the punten step."""
    return "Bij elk ontwikkelpunt: " + " ".join(q for _key, q in ZEK_QUESTIONS)
MAX_TEXT = 2000
MAX_TIJDPAD = 200


@dataclass(frozen=True)
class Action:
    id: int
    point_id: int | None
    locatie_id: int
    locatie: str
    theme_id: str
    ontwikkelpunt: str
    tevreden: str          # wanneer zijn we tevreden (concrete opbrengst)
    verantwoordelijk: str  # wie is verantwoordelijk
    aanpak: str            # hoe gaan we het realiseren
    tijdpad: str
    status: str
    created_at: datetime
    afgerond_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status == OPEN


def _text(value: str, what: str, limit: int = MAX_TEXT) -> str:
    return within_limit(multi_line(value), limit, what)


def _zek(tevreden: str, verantwoordelijk: str, aanpak: str, tijdpad: str) -> dict[str, str]:
    given = {"tevreden": tevreden, "verantwoordelijk": verantwoordelijk, "aanpak": aanpak,
             "tijdpad": tijdpad}
    return {key: _text(given[key], f"het antwoord op '{question}'",
                       MAX_TIJDPAD if key == "tijdpad" else MAX_TEXT)
            for key, question in ZEK_QUESTIONS}


def _require_own_locatie(conn, viewer: Viewer, locatie_id: int | None) -> None:
    owner = conn.execute(select(locaties.c.partnerschap_id)
                         .where(locaties.c.id == locatie_id)).first()
    if owner is None or not viewer.sees(owner.partnerschap_id):
        raise NotFound("Deze locatie bestaat niet (meer).")


def _require_own_action(conn, viewer: Viewer, action_id: int) -> None:
    locatie_id = conn.execute(select(acties.c.locatie_id)
                              .where(acties.c.id == action_id)).scalar()
    if locatie_id is None:
        raise NotFound("Deze actie bestaat niet (meer).")
    _require_own_locatie(conn, viewer, locatie_id)


def create_action(engine: Engine, viewer: Viewer, *, locatie_id: int, theme_id: str,
                  ontwikkelpunt: str, tevreden: str = "", verantwoordelijk: str = "",
                  aanpak: str = "", tijdpad: str = "", point_id: int | None = None) -> int:
    ontwikkelpunt = _text(ontwikkelpunt, "het ontwikkelpunt")
    if not ontwikkelpunt:
        raise UserError("Beschrijf het ontwikkelpunt.")
    with writing(engine) as conn:
        _require_own_locatie(conn, viewer, locatie_id)
        return inserted_id(conn.execute(acties.insert().values(
            punt_id=point_id, locatie_id=locatie_id, theme_id=theme_id,
            ontwikkelpunt=ontwikkelpunt, status=OPEN, created_at=now(),
            **_zek(tevreden, verantwoordelijk, aanpak, tijdpad))))


def action_from_point(engine: Engine, viewer: Viewer, point_id: int, *, tevreden: str = "",
                      verantwoordelijk: str = "", aanpak: str = "", tijdpad: str = "") -> int:
    """An action for a confirmed ontwikkelpunt: its locatie and theme come with it."""
    with reading(engine) as conn:
        row = conn.execute(
            select(punten.c.soort, punten.c.tekst, groepen.c.theme_id,
                   groepen.c.points_confirmed_at, dagdelen.c.locatie_id)
            .join(groepen, groepen.c.id == punten.c.groep_id)
            .join(dagdelen, dagdelen.c.id == groepen.c.dagdeel_id)
            .where(punten.c.id == point_id)).first()
    if row is None:
        raise NotFound("Dit punt bestaat niet (meer).")
    if row.soort != "ontwikkel" or row.points_confirmed_at is None:
        raise UserError("Alleen een bevestigd ontwikkelpunt wordt een actie.")
    return create_action(engine, viewer, locatie_id=row.locatie_id, theme_id=row.theme_id,
                         ontwikkelpunt=row.tekst, point_id=point_id, tevreden=tevreden,
                         verantwoordelijk=verantwoordelijk, aanpak=aanpak, tijdpad=tijdpad)


def update_action(engine: Engine, viewer: Viewer, action_id: int, *, tevreden: str,
                  verantwoordelijk: str, aanpak: str, tijdpad: str) -> None:
    with writing(engine) as conn:
        _require_own_action(conn, viewer, action_id)
        conn.execute(update(acties).where(acties.c.id == action_id)
                     .values(**_zek(tevreden, verantwoordelijk, aanpak, tijdpad)))


def set_done(engine: Engine, viewer: Viewer, action_id: int, done: bool = True) -> None:
    with writing(engine) as conn:
        _require_own_action(conn, viewer, action_id)
        conn.execute(update(acties).where(acties.c.id == action_id).values(
            status=DONE if done else OPEN, afgerond_at=now() if done else None))


def list_actions(engine: Engine, viewer: Viewer, *, locatie_id: int | None = None,
                 theme_id: str | None = None, status: str | None = None,
                 partnerschap_id: int | None = None) -> list[Action]:
    """The actions in partnerships the viewer sees, oldest first, narrowed by the rest."""
    return _actions(engine, viewer.where(locaties.c.partnerschap_id), locatie_id=locatie_id,
                    theme_id=theme_id, status=status, partnerschap_id=partnerschap_id)


def _actions(engine: Engine, allowed, **filters) -> list[Action]:
    with reading(engine) as conn:
        return _actions_on(conn, allowed, **filters)


def _actions_on(conn: Connection, allowed, *, locatie_id: int | None = None,
                theme_id: str | None = None, status: str | None = None,
                partnerschap_id: int | None = None) -> list[Action]:
    query = (select(acties, locaties.c.naam.label("locatie_naam"))
             .join(locaties, locaties.c.id == acties.c.locatie_id)
             .where(allowed)
             .order_by(acties.c.created_at, acties.c.id))
    if locatie_id is not None:
        query = query.where(acties.c.locatie_id == locatie_id)
    if theme_id is not None:
        query = query.where(acties.c.theme_id == theme_id)
    if status is not None:
        query = query.where(acties.c.status == status)
    if partnerschap_id is not None:
        query = query.where(locaties.c.partnerschap_id == partnerschap_id)
    rows = conn.execute(query).all()
    return [Action(id=row.id, point_id=row.punt_id, locatie_id=row.locatie_id,
                   locatie=row.locatie_naam, theme_id=row.theme_id,
                   ontwikkelpunt=row.ontwikkelpunt, tevreden=row.tevreden,
                   verantwoordelijk=row.verantwoordelijk, aanpak=row.aanpak,
                   tijdpad=row.tijdpad, status=row.status, created_at=row.created_at.replace(
                       tzinfo=row.created_at.tzinfo or UTC),
                   afgerond_at=as_utc(row.afgerond_at)) for row in rows]


def open_actions_for(engine: Engine, locatie_id: int | None, theme_id: str) -> list[Action]:
    with reading(engine) as conn:
        return open_actions_on(conn, locatie_id, theme_id)


def open_actions_on(conn: Connection, locatie_id: int | None, theme_id: str) -> list[Action]:
    """The open actions of this locatie and theme, oldest first: what the group agreed to
    work on last time, shown on the projector at the start of the next conversation (the
    room's own locatie: no account involved)."""
    if locatie_id is None:
        return []
    return _actions_on(conn, true(), locatie_id=locatie_id, theme_id=theme_id, status=OPEN)
