"""The quickscan before a dagdeel: opened by the hoofdprocesbegeleider with its own code,
filled in on a phone without an account, closed and re-opened at will.

A respondent is a random token (kept in the phone's HttpOnly cookie, never in an address)
and a role group (``zet.roles.ROLE_GROUPS``); no name, no initials, no role finer than the
group. Each rating is stored the moment it is tapped.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, Row, select, update
from sqlalchemy.exc import IntegrityError

from zet.clock import as_utc, now
from zet.codes import is_well_formed_join_code, new_join_code, new_secret, normalise_join_code
from zet.content.model import OVG, QuickscanItem
from zet.db import inserted_id, reading, retry_transient, writing
from zet.db.schema import dagdelen, quickscan_antwoorden, quickscan_respondenten, quickscans
from zet.db.upsert import upsert
from zet.errors import NotFound, UserError
from zet.roles import is_known_role, role_group
from zet.room.states import Status
from zet.room.versions import INPUT, bump

SCALE = (1, 2, 3, 4, 5)
PARTS = ("gewenst", "feitelijk", "oordeel")
CLOSED_MESSAGE = ("Deze quickscan is gesloten. Wat je al invulde, is bewaard; vraag de "
                  "organisator of hij nog een keer opengaat.")
UNKNOWN_CODE = "Deze quickscan bestaat niet (meer). Controleer de link of de code."


@dataclass(frozen=True)
class Quickscan:
    id: int
    dagdeel_id: int
    code: str
    status: Status
    theme_ids: tuple[str, ...]
    created_at: datetime
    closed_at: datetime | None = None
    purged_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @classmethod
    def from_row(cls, row: Row) -> Quickscan:
        return cls(id=row.id, dagdeel_id=row.dagdeel_id, code=row.code,
                   status=Status(row.status), theme_ids=tuple(json.loads(row.themas or "[]")),
                   created_at=as_utc(row.created_at), closed_at=as_utc(row.closed_at),
                   purged_at=as_utc(row.purged_at))


@dataclass(frozen=True)
class Respondent:
    id: int
    quickscan_id: int
    token: str
    role_group: str


@dataclass(frozen=True)
class Rating:
    """What one respondent gave one item (any part may still be empty)."""
    gewenst: int | None = None
    feitelijk: int | None = None
    oordeel: str | None = None


def _chosen_themes(theme_ids: list[str] | tuple[str, ...], known_themes: set[str]) -> list[str]:
    chosen = [tid for tid in dict.fromkeys(theme_ids) if tid in known_themes]
    if not chosen:
        raise UserError("Kies minstens één thema voor de quickscan.")
    return chosen


def _by_dagdeel(conn: Connection, dagdeel_id: int) -> Row | None:
    return conn.execute(select(quickscans).where(quickscans.c.dagdeel_id == dagdeel_id)).first()


@retry_transient
def open_quickscan(engine: Engine, dagdeel_id: int, theme_ids: list[str], *,
                   known_themes: set[str]) -> Quickscan:
    """Open the dagdeel's quickscan with these themes: create it the first time (with its
    own code), else re-open it and set the themes. Ratings given before stay."""
    chosen = json.dumps(_chosen_themes(theme_ids, known_themes))
    for _attempt in range(5):  # a new code that happens to exist already: draw again
        try:
            with writing(engine) as conn:
                row = _by_dagdeel(conn, dagdeel_id)
                if row is not None and row.purged_at is not None:
                    raise UserError("De antwoorden van deze quickscan zijn na de bewaartermijn "
                                    "gewist; alleen de uitkomst is er nog.")
                if row is None:
                    conn.execute(quickscans.insert().values(
                        dagdeel_id=dagdeel_id, code=new_join_code(), status=Status.OPEN.value,
                        themas=chosen, created_at=now()))
                else:
                    conn.execute(update(quickscans).where(quickscans.c.id == row.id).values(
                        status=Status.OPEN.value, themas=chosen, closed_at=None))
                created = _by_dagdeel(conn, dagdeel_id)
                assert created is not None
                bump(conn, dagdeel_id, INPUT)  # the themes decide what the beamer shows
                return Quickscan.from_row(created)
        except IntegrityError:
            continue
    raise UserError("Er kon geen code voor de quickscan gemaakt worden; probeer het nog eens.")


def close_quickscan(engine: Engine, quickscan_id: int) -> None:
    """Nobody can rate any more; the results stay, and it can be opened again."""
    with writing(engine) as conn:
        dagdeel_id = conn.execute(
            update(quickscans).where(quickscans.c.id == quickscan_id,
                                     quickscans.c.status == Status.OPEN.value)
            .values(status=Status.GESLOTEN.value, closed_at=now())
            .returning(quickscans.c.dagdeel_id)).scalar()
        if dagdeel_id is not None:  # the dagdeel page shows open or closed
            bump(conn, dagdeel_id, INPUT)


def quickscan_of_dagdeel(engine: Engine, dagdeel_id: int) -> Quickscan | None:
    with reading(engine) as conn:
        row = _by_dagdeel(conn, dagdeel_id)
    return Quickscan.from_row(row) if row is not None else None


def get_quickscan(engine: Engine, quickscan_id: int) -> Quickscan:
    with reading(engine) as conn:
        row = conn.execute(select(quickscans).where(quickscans.c.id == quickscan_id)).first()
    if row is None:
        raise NotFound(UNKNOWN_CODE)
    return Quickscan.from_row(row)


def find_quickscan(engine: Engine, raw_code: str) -> Quickscan:
    """The quickscan with this code, open or closed (a closed one says so on the phone);
    NotFound for a code that is no quickscan's or whose answers were purged."""
    code = normalise_join_code(raw_code)
    if not is_well_formed_join_code(code):
        raise NotFound(UNKNOWN_CODE)
    with reading(engine) as conn:
        row = conn.execute(select(quickscans).where(quickscans.c.code == code)).first()
    if row is None or row.purged_at is not None:
        raise NotFound(UNKNOWN_CODE)
    return Quickscan.from_row(row)


def _respondent(row: Row) -> Respondent:
    return Respondent(id=row.id, quickscan_id=row.quickscan_id, token=row.token,
                      role_group=row.rolgroep)


def _require_open(conn: Connection, quickscan_id: int) -> None:
    status = conn.execute(select(quickscans.c.status).where(quickscans.c.id == quickscan_id)
                          .with_for_update()).scalar()
    if status is None:
        raise NotFound(UNKNOWN_CODE)
    if status != Status.OPEN:
        raise UserError(CLOSED_MESSAGE)


@retry_transient
def start(engine: Engine, quickscan_id: int, *, role: str) -> Respondent:
    """A new anonymous respondent of an open quickscan; only the role's group is kept."""
    if not is_known_role(role):
        raise UserError("Kies je rol uit de lijst.")
    with writing(engine) as conn:
        _require_open(conn, quickscan_id)
        respondent_id = inserted_id(conn.execute(quickscan_respondenten.insert().values(
            quickscan_id=quickscan_id, token=new_secret(), rolgroep=role_group(role),
            created_at=now())))
        row = conn.execute(select(quickscan_respondenten)
                           .where(quickscan_respondenten.c.id == respondent_id)).one()
    return _respondent(row)


def respondent_by_token(engine: Engine, token: str) -> Respondent:
    with reading(engine) as conn:
        row = conn.execute(select(quickscan_respondenten)
                           .where(quickscan_respondenten.c.token == token)).first()
    if row is None:
        raise NotFound("We herkennen deze telefoon niet meer. Begin opnieuw met de link.")
    return _respondent(row)


def forget_device(engine: Engine, token: str) -> None:
    """'Ik ben iemand anders': the ratings stay, the token no device knows any more."""
    with writing(engine) as conn:
        conn.execute(update(quickscan_respondenten)
                     .where(quickscan_respondenten.c.token == token).values(token=new_secret()))


def _clean(item: QuickscanItem, part: str, value: int | str | None) -> int | str | None:
    if part not in PARTS or (part == "oordeel") != (item.schaal == "ovg"):
        raise UserError("Dit onderdeel hoort niet bij deze uitspraak.")
    if value is None:
        return None
    if part == "oordeel":
        if value not in OVG:
            raise UserError("Kies O, V of G.")
        return value
    if isinstance(value, bool) or value not in SCALE:
        raise UserError("Kies een getal van 1 tot en met 5.")
    return int(value)


@retry_transient
def rate(engine: Engine, token: str, item: QuickscanItem, part: str,
         value: int | str | None) -> None:
    """Store one tap: ``part`` (gewenst / feitelijk for KOOS items, oordeel for O/V/G
    items) of ``item``; None clears it. Refused once the quickscan is closed, and for an
    item whose theme the organiser did not include."""
    rate_many(engine, token, [(item, part, value)])


@retry_transient
def rate_many(engine: Engine, token: str,
              taps: list[tuple[QuickscanItem, str, int | str | None]]) -> None:
    """Several taps of one respondent in one transaction (``rate`` for each)."""
    cleaned = [(item, part, _clean(item, part, value)) for item, part, value in taps]
    with writing(engine) as conn:
        row = conn.execute(select(quickscan_respondenten)
                           .where(quickscan_respondenten.c.token == token)).first()
        if row is None:
            raise NotFound("We herkennen deze telefoon niet meer. Begin opnieuw met de link.")
        _require_open(conn, row.quickscan_id)
        scan = conn.execute(select(quickscans.c.themas, quickscans.c.dagdeel_id).where(
            quickscans.c.id == row.quickscan_id)).one()
        themes = json.loads(scan.themas)
        for item, part, value in cleaned:
            if item.theme_id not in themes:
                raise UserError("Deze uitspraak hoort niet (meer) bij deze quickscan.")
            upsert(conn, quickscan_antwoorden, {"respondent_id": row.id, "item_id": item.id},
                   {part: value, "updated_at": now()})
        # The dagdeel's results and the beamer's quickscan page redraw (topic INPUT).
        bump(conn, scan.dagdeel_id, INPUT)


def own_ratings(engine: Engine, respondent_id: int) -> dict[str, Rating]:
    with reading(engine) as conn:
        rows = conn.execute(select(quickscan_antwoorden)
                            .where(quickscan_antwoorden.c.respondent_id == respondent_id)).all()
    return {row.item_id: Rating(row.gewenst, row.feitelijk, row.oordeel) for row in rows}


def ratings_in(conn: Connection, quickscan_id: int) -> list[tuple[int, str, str, Rating]]:
    """Every rating as (respondent id, role group, item id, rating): for the results only,
    which never show a respondent."""
    rows = conn.execute(
        select(quickscan_respondenten.c.id, quickscan_respondenten.c.rolgroep,
               quickscan_antwoorden)
        .join(quickscan_antwoorden,
              quickscan_antwoorden.c.respondent_id == quickscan_respondenten.c.id)
        .where(quickscan_respondenten.c.quickscan_id == quickscan_id)).all()
    return [(row.id, row.rolgroep, row.item_id, Rating(row.gewenst, row.feitelijk, row.oordeel))
            for row in rows]


def estimated_minutes(item_count: int) -> int:
    """About half a minute a statement (two taps and a moment's thought), at least five."""
    return max(5, round(item_count * 0.5))


def invitation_text(locatie: str, datum_text: str, url: str, code: str, minutes: int) -> str:
    """The e-mail an organiser can paste: what, why, how long, how, and what is stored."""
    return (f"Beste collega's,\n\n"
            f"Op {datum_text} houden we op {locatie} een ZET-dagdeel over de kwaliteit van "
            f"samen opleiden. Om het gesprek goed te beginnen, vragen we iedereen die meedoet "
            f"vooraf een korte quickscan in te vullen: ongeveer {minutes} minuten, op je "
            f"telefoon of computer, zonder account.\n\n"
            f"Open deze link: {url}\n(of ga naar de pagina quickscan en vul de code {code} "
            f"in)\n\n"
            f"Je kiest je rol en geeft per uitspraak aan hoe je het zou willen en hoe het nu "
            f"is. Je naam wordt niet gevraagd; we zien alleen wat een rolgroep van minstens "
            f"drie mensen samen antwoordde.\n\nDank je wel!")


@dataclass(frozen=True)
class Listed:
    """A quickscan with where and when its dagdeel is, for choosing one."""
    quickscan: Quickscan
    locatie: str
    datum: date
    locatie_id: int | None
    titel: str = ""


def list_quickscans(engine: Engine, limit: int = 50) -> list[Listed]:
    """The most recent quickscans first, with their dagdeel's locatie and date."""
    with reading(engine) as conn:
        rows = conn.execute(
            select(quickscans, dagdelen.c.locatie, dagdelen.c.datum, dagdelen.c.locatie_id,
                   dagdelen.c.titel)
            .join(dagdelen, dagdelen.c.id == quickscans.c.dagdeel_id)
            .order_by(dagdelen.c.datum.desc(), quickscans.c.id.desc()).limit(limit)).all()
    return [Listed(Quickscan.from_row(row), row.locatie, row.datum, row.locatie_id, row.titel)
            for row in rows]
