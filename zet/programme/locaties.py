"""The structure a programme manager works in: a partnership (opleidingsschool) with its
locaties. One installation can hold one partnership or several; every dagdeel belongs to a
locatie (``dagdelen.locatie_id``) and keeps the locatie's name as it was typed."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select, update

from zet.clock import now
from zet.db import inserted_id, reading, writing
from zet.db.schema import locaties, partnerschappen
from zet.errors import NotFound, UserError
from zet.fields import required_line
from zet.programme.tenancy import Viewer

DEFAULT_PARTNERSHIP = "Opleidingsschool"  # the same name migration 0004 uses
MAX_NAME = 120


@dataclass(frozen=True)
class Partnership:
    id: int
    naam: str


@dataclass(frozen=True)
class Locatie:
    id: int
    naam: str
    partnerschap_id: int
    partnerschap: str


def _clean(value: str, what: str) -> str:
    return required_line(value, f"de naam van {what}", MAX_NAME)


def ensure_partnership(conn: Connection, naam: str) -> int:
    """The id of the partnership with this name, made when it is not there yet."""
    naam = _clean(naam, "de opleidingsschool")
    found = conn.execute(select(partnerschappen.c.id)
                         .where(partnerschappen.c.naam == naam)).scalar()
    if found is not None:
        return found
    return inserted_id(conn.execute(partnerschappen.insert().values(naam=naam, created_at=now())
                        ))


def ensure_locatie(conn: Connection, naam: str, partnerschap_id: int | None = None) -> int:
    """The id of the locatie with this name: in the given partnership, else the one locatie
    of that name anywhere, else a new one in the first partnership (made if needed)."""
    naam = _clean(naam, "de locatie")
    query = select(locaties.c.id).where(locaties.c.naam == naam)
    if partnerschap_id is not None:
        query = query.where(locaties.c.partnerschap_id == partnerschap_id)
    found = conn.execute(query.order_by(locaties.c.id)).scalar()
    if found is not None:
        return found
    if partnerschap_id is None:
        partnerschap_id = conn.execute(select(partnerschappen.c.id)
                                       .order_by(partnerschappen.c.id)).scalar()
        if partnerschap_id is None:
            partnerschap_id = ensure_partnership(conn, DEFAULT_PARTNERSHIP)
    return inserted_id(conn.execute(locaties.insert().values(
        partnerschap_id=partnerschap_id, naam=naam, created_at=now())))


def add_partnership(engine: Engine, by: Viewer, naam: str) -> Partnership:
    """A new opleidingsschool on this server: for administrators."""
    by.require_admin()
    with writing(engine) as conn:
        pid = ensure_partnership(conn, naam)
    return Partnership(pid, _clean(naam, "de opleidingsschool"))


def add_locatie(engine: Engine, by: Viewer, partnerschap_id: int, naam: str) -> Locatie:
    by.require_sees(partnerschap_id)
    with writing(engine) as conn:
        lid = ensure_locatie(conn, naam, partnerschap_id)
    return _get_locatie(engine, lid)


def rename_partnership(engine: Engine, by: Viewer, partnerschap_id: int, naam: str) -> None:
    """E.g. give the placeholder "Opleidingsschool" of migration 0004 its real name."""
    by.require_sees(partnerschap_id)
    naam = _clean(naam, "de opleidingsschool")
    with writing(engine) as conn:
        taken = conn.execute(select(partnerschappen.c.id).where(
            partnerschappen.c.naam == naam, partnerschappen.c.id != partnerschap_id)).first()
        if taken:
            raise UserError(f"Er is al een opleidingsschool met de naam '{naam}'.")
        conn.execute(update(partnerschappen).where(partnerschappen.c.id == partnerschap_id)
                     .values(naam=naam))


def move_locatie(engine: Engine, by: Viewer, locatie_id: int, partnerschap_id: int) -> None:
    """Put a locatie (with its dagdelen) under another partnership; both must be the
    viewer's."""
    by.require_sees(partnerschap_id)
    with writing(engine) as conn:
        row = conn.execute(select(locaties.c.naam, locaties.c.partnerschap_id)
                           .where(locaties.c.id == locatie_id)).first()
        if row is None or not by.sees(row.partnerschap_id):
            raise NotFound("Deze locatie bestaat niet (meer).")
        name = row.naam
        clash = conn.execute(select(locaties.c.id).where(
            locaties.c.partnerschap_id == partnerschap_id, locaties.c.naam == name)).first()
        if clash:
            raise UserError(f"Die opleidingsschool heeft al een locatie '{name}'.")
        conn.execute(update(locaties).where(locaties.c.id == locatie_id)
                     .values(partnerschap_id=partnerschap_id))


def _locatie_query():
    return (select(locaties.c.id, locaties.c.naam, locaties.c.partnerschap_id,
                   partnerschappen.c.naam.label("partnerschap"))
            .join(partnerschappen, partnerschappen.c.id == locaties.c.partnerschap_id))


def _get_locatie(engine: Engine, locatie_id: int) -> Locatie:
    """One locatie by id (the caller checked the viewer)."""
    with reading(engine) as conn:
        row = conn.execute(_locatie_query().where(locaties.c.id == locatie_id)).first()
    if row is None:
        raise NotFound("Deze locatie bestaat niet (meer).")
    return Locatie(row.id, row.naam, row.partnerschap_id, row.partnerschap)


def list_partnerships(engine: Engine, viewer: Viewer) -> list[Partnership]:
    """The partnerships the viewer sees, by name."""
    with reading(engine) as conn:
        rows = conn.execute(select(partnerschappen)
                            .where(viewer.where(partnerschappen.c.id))
                            .order_by(partnerschappen.c.naam)).all()
    return [Partnership(row.id, row.naam) for row in rows]


def partnership_named(engine: Engine, viewer: Viewer, naam: str) -> Partnership:
    """The partnership with this name (any case) among the viewer's, else a Dutch error
    that lists them."""
    partnerships = list_partnerships(engine, viewer)
    found = [p for p in partnerships if p.naam.casefold() == (naam or "").strip().casefold()]
    if not found:
        raise UserError(f"Er is geen opleidingsschool '{naam}'. Er zijn: "
                        + (", ".join(p.naam for p in partnerships) or "geen"))
    return found[0]


def list_locaties(engine: Engine, viewer: Viewer,
                  partnerschap_id: int | None = None) -> list[Locatie]:
    """The locaties of the partnerships the viewer sees (or of one of them)."""
    query = (_locatie_query().where(viewer.where(locaties.c.partnerschap_id))
             .order_by(partnerschappen.c.naam, locaties.c.naam))
    if partnerschap_id is not None:
        query = query.where(locaties.c.partnerschap_id == partnerschap_id)
    with reading(engine) as conn:
        rows = conn.execute(query).all()
    return [Locatie(row.id, row.naam, row.partnerschap_id, row.partnerschap) for row in rows]
