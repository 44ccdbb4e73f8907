"""Creating and finding dagdelen, their rounds and theme groups."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, Engine, Row, func, select, update
from sqlalchemy.exc import IntegrityError

from zet.clock import as_utc, now
from zet.clock import today as local_today
from zet.codes import is_well_formed_join_code, new_join_code, new_secret, normalise_join_code
from zet.config import load_limits
from zet.content.model import PLANS, ROUND_MINUTES
from zet.db import inserted_id, reading, writing
from zet.db.schema import dagdelen, groepen, locaties, partnerschappen, rondes
from zet.errors import Closed, NotFound, UserError
from zet.fields import one_line, required_line
from zet.programme.locaties import ensure_locatie
from zet.room.states import Phase, Room, Status
from zet.room.versions import ROOM, bump, quiet
from zet.steps import Step

MAX_NAME = 120
MAX_LABEL = 40
MAX_ROUNDS = 3  # the handleiding: rounds of at least an hour in one dagdeel
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def clean_time(value: str | None, what: str) -> str | None:
    """'9:30' or '09.30' becomes '09:30'; empty stays None; nonsense is refused."""
    value = (value or "").strip().replace(".", ":")
    if not value:
        return None
    if re.fullmatch(r"\d:\d\d", value):
        value = "0" + value
    if not _TIME.match(value):
        raise UserError(f"{what}: '{value}' is geen tijd. Schrijf bijvoorbeeld 09:30.")
    return value


def time_slot(start: str | None, end: str | None, what: str) -> tuple[str, str] | None:
    """A cleaned (start, end) pair, None when both are empty; refused when only one is
    given or the end is not after the start."""
    start, end = clean_time(start, what), clean_time(end, what)
    if start and end:
        if end <= start:
            raise UserError(f"{what}: de eindtijd ligt niet na de begintijd.")
        return start, end
    if start or end:
        raise UserError(f"{what}: vul een begin- én eindtijd in, of geen van beide.")
    return None


@dataclass(frozen=True)
class Programme:
    """The plenary parts around the rounds (the rounds carry their own times)."""
    opening: tuple[str, str] | None = None
    pauzes: tuple[tuple[str, str], ...] = ()
    afsluiting: tuple[str, str] | None = None

    def to_json(self) -> str:
        return json.dumps({"opening": self.opening, "pauzes": self.pauzes,
                           "afsluiting": self.afsluiting})

    @classmethod
    def from_json(cls, raw: str | None) -> Programme:
        data = json.loads(raw or "{}")
        pair = lambda v: tuple(v) if v else None  # noqa: E731
        return cls(opening=pair(data.get("opening")),
                   pauzes=tuple(tuple(p) for p in data.get("pauzes") or ()),
                   afsluiting=pair(data.get("afsluiting")))


def role_counts_from_json(raw: str | None) -> tuple[tuple[str, int], ...]:
    """The role counts a purge kept, as (role, count) pairs in stored order."""
    return tuple((role, int(count)) for role, count in json.loads(raw or "{}").items())


@dataclass(frozen=True)
class Dagdeel:
    id: int
    locatie: str
    datum: date
    titel: str
    join_code: str
    admin_secret: str
    status: Status
    created_at: datetime
    fase: Phase = Phase.RONDE
    actieve_ronde: int | None = 1
    programme: Programme = field(default_factory=Programme)
    screen_page: int = 0  # which page of the plenary screen the room sees
    # After zet.operations.retention.purge: when, and how many of each role had joined (role,
    # count).
    purged_at: datetime | None = None
    kept_role_counts: tuple[tuple[str, int], ...] = ()
    locatie_id: int | None = None
    hoofdprocesbegeleider: str = ""
    partnerschap: str = ""  # name of the locatie's partnership (opleidingsschool)
    ronde_minuten: int = ROUND_MINUTES  # the stappenplan its rounds follow (75 or 60)

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def room(self) -> Room:
        return Room(self.fase, self.actieve_ronde if self.fase == Phase.RONDE else None)

    @classmethod
    def from_row(cls, row: Row) -> Dagdeel:
        return cls(id=row.id, locatie=row.locatie, datum=row.datum, titel=row.titel,
                   join_code=row.join_code, admin_secret=row.admin_secret,
                   status=Status(row.status), created_at=as_utc(row.created_at),
                   fase=Phase(row.fase),
                   actieve_ronde=row.actieve_ronde,
                   programme=Programme.from_json(row.programma),
                   screen_page=row.scherm_pagina,
                   purged_at=as_utc(row.purged_at),
                   kept_role_counts=role_counts_from_json(row.rolaantallen),
                   locatie_id=row.locatie_id, hoofdprocesbegeleider=row.hoofdprocesbegeleider,
                   partnerschap=getattr(row, "partnerschap", None) or "",
                   ronde_minuten=row.ronde_minuten)


@dataclass(frozen=True)
class GroupPlan:
    """One theme group to create in a round."""
    theme_id: str
    procesbegeleider: str
    label: str = ""


@dataclass(frozen=True)
class RoundPlan:
    groups: tuple[GroupPlan, ...]
    start_tijd: str | None = None
    eind_tijd: str | None = None


@dataclass(frozen=True)
class CreatedSession:
    dagdeel: Dagdeel
    group_ids: list[int]
    group_secrets: list[str]


def _clean_name(value: str, what: str, *, required: bool = True) -> str:
    return required_line(value, what, MAX_NAME, required=required)


def clean_label(value: str) -> str:
    """A table's name as shown in the room: one line, in capitals ('A', 'B', 'ZAAL 2')."""
    label = one_line(value).upper()
    if len(label) > MAX_LABEL:
        raise UserError(f"De naam van een tafel is te lang (hoogstens {MAX_LABEL} tekens).")
    return label


def create_dagdeel(engine: Engine, *, locatie: str, datum: date, rounds: list[RoundPlan],
                   titel: str = "", known_themes: set[str] | None = None,
                   programme: Programme | None = None, partnerschap_id: int | None = None,
                   hoofdprocesbegeleider: str = "",
                   ronde_minuten: int = ROUND_MINUTES,
                   theme_titles: Mapping[str, str] | None = None) -> CreatedSession:
    """Create a dagdeel with its rounds and groups; the join code is unique among open ones.

    Without a programme it is a quick session that starts in its first round at once;
    with one it starts in the plenary opening. The locatie (by name) is found or made in
    the given partnership, else in the first one (``zet.programme.locaties.ensure_locatie``).
    ``ronde_minuten`` picks the stappenplan of every round: 75 or 60 minutes; a refusal
    about one tafel names its round, tafel and (from ``theme_titles``) theme."""
    locatie = _clean_name(locatie, "de locatie")
    if ronde_minuten not in PLANS:
        raise UserError("Kies een stappenplan van "
                        + " of ".join(str(m) for m in PLANS) + " minuten.")
    titel = _clean_name(titel, "de titel", required=False)
    lead = one_line(hoofdprocesbegeleider)[:MAX_NAME]
    if not rounds or not all(r.groups for r in rounds):
        raise UserError("Een dagdeel heeft minstens één ronde met één themagroep nodig.")
    if len(rounds) > MAX_ROUNDS:
        raise UserError(f"Een dagdeel heeft hoogstens {MAX_ROUNDS} rondes; een goed gesprek "
                        "over een thema duurt minstens een uur.")
    for number, plan in enumerate(rounds, start=1):
        time_slot(plan.start_tijd, plan.eind_tijd, f"Ronde {number}")
    if programme is not None:
        _check_programme(programme)
    for number, round_plan in enumerate(rounds, start=1):
        for index, group_plan in enumerate(round_plan.groups):
            with _naming_the_row(rounds, number, index, group_plan, theme_titles):
                clean_label(group_plan.label)
                _clean_name(group_plan.procesbegeleider, "de naam van de procesbegeleider")
                if known_themes is not None and group_plan.theme_id not in known_themes:
                    raise UserError(f"Thema '{group_plan.theme_id}' bestaat niet.")
    for number, round_plan in enumerate(rounds, start=1):
        labels = [clean_label(g.label) for g in round_plan.groups]
        if len(round_plan.groups) > 1 and len(set(labels)) != len(labels):
            raise UserError(f"Ronde {number}: geef elke tafel een eigen naam (bijv. A, B, C).")
    for _attempt in range(20):
        try:
            return _insert_dagdeel(engine, locatie, datum, titel, rounds, programme,
                                   (partnerschap_id, lead), ronde_minuten)
        except IntegrityError:
            continue  # join code taken by another open dagdeel: draw a new one
    raise UserError("Er kon geen vrije deelnamecode worden gemaakt. Probeer het opnieuw.")


@contextmanager
def _naming_the_row(rounds: list[RoundPlan], number: int, index: int, plan: GroupPlan,
                    theme_titles: Mapping[str, str] | None) -> Iterator[None]:
    """A refusal about one tafel of a larger dagdeel says which one: 'Ronde 1, tafel B
    (thema Visie): vul de naam van de procesbegeleider in.'"""
    try:
        yield
    except UserError as error:
        if len(rounds) == 1 and len(rounds[0].groups) == 1:
            raise  # a single session has one row: the message needs no place
        label = one_line(plan.label).upper() or str(index + 1)
        title = (theme_titles or {}).get(plan.theme_id)
        where = f"Ronde {number}, tafel {label}" + (f" (thema {title})" if title else "")
        message = str(error)
        raise UserError(f"{where}: {message[:1].lower()}{message[1:]}") from error


def _check_programme(programme: Programme) -> None:
    slots = [("Opening", programme.opening), ("Afsluiting", programme.afsluiting)]
    slots += [("Pauze", pause) for pause in programme.pauzes]
    for what, slot in slots:
        if slot is not None:
            time_slot(slot[0], slot[1], what)


def _insert_dagdeel(engine: Engine, locatie: str, datum: date, titel: str,
                    rounds: list[RoundPlan], programme: Programme | None,
                    where: tuple[int | None, str], ronde_minuten: int) -> CreatedSession:
    created = now()
    group_ids, secrets = [], []
    partnerschap_id, lead = where
    with writing(engine) as conn:
        quiet(conn)  # a new dagdeel: no screen follows it yet
        dagdeel_id = inserted_id(conn.execute(dagdelen.insert().values(
            locatie=locatie, locatie_id=ensure_locatie(conn, locatie, partnerschap_id),
            hoofdprocesbegeleider=lead,
            datum=datum, titel=titel, join_code=new_join_code(),
            admin_secret=new_secret(), status=Status.OPEN.value, created_at=created,
            fase=(Phase.OPENING if programme else Phase.RONDE).value,
            actieve_ronde=None if programme else 1,
            programma=(programme or Programme()).to_json(), ronde_minuten=ronde_minuten,
        )))
        for number, round_plan in enumerate(rounds, start=1):
            ronde_id = inserted_id(conn.execute(rondes.insert().values(
                dagdeel_id=dagdeel_id, nummer=number, start_tijd=round_plan.start_tijd,
                eind_tijd=round_plan.eind_tijd,
            )))
            for plan in round_plan.groups:
                secret = new_secret()
                group_ids.append(inserted_id(conn.execute(groepen.insert().values(
                    dagdeel_id=dagdeel_id, ronde_id=ronde_id, theme_id=plan.theme_id,
                    procesbegeleider=_clean_name(plan.procesbegeleider, "de procesbegeleider"),
                    label=clean_label(plan.label), secret=secret, step=Step.WERKBLAD.value,
                    step_changed_at=created, created_at=created,
                ))))
                secrets.append(secret)
        row = conn.execute(dagdeel_query().where(dagdelen.c.id == dagdeel_id)).one()
    return CreatedSession(Dagdeel.from_row(row), group_ids, secrets)


def create_single_session(engine: Engine, *, locatie: str, datum: date, procesbegeleider: str,
                          theme_id: str, known_themes: set[str] | None = None,
                          ronde_minuten: int = ROUND_MINUTES) -> CreatedSession:
    """The simplest dagdeel: one round, one theme group."""
    return create_dagdeel(
        engine, locatie=locatie, datum=datum, known_themes=known_themes,
        ronde_minuten=ronde_minuten,
        rounds=[RoundPlan(groups=(GroupPlan(theme_id=theme_id,
                                             procesbegeleider=procesbegeleider),))],
    )


def dagdeel_query():
    """Dagdelen with the name of their partnership (for ``Dagdeel.partnerschap``)."""
    return (select(dagdelen, partnerschappen.c.naam.label("partnerschap"))
            .outerjoin(locaties, locaties.c.id == dagdelen.c.locatie_id)
            .outerjoin(partnerschappen, partnerschappen.c.id == locaties.c.partnerschap_id))


def closes_on(datum: date, close_after_days: int | None = None) -> date:
    """The day a dagdeel closes by itself: ``ZET_SLUIT_NA_DAGEN`` days after its date (for
    the start screen: "sluit vanzelf op ...", and a warning for a date already past)."""
    days = load_limits().close_after_days if close_after_days is None else close_after_days
    return datum + timedelta(days=days)


def is_expired(datum: date, today: date, close_after_days: int | None = None) -> bool:
    return today >= closes_on(datum, close_after_days)


def find_open_dagdeel(engine: Engine, raw_code: str, *, today: date | None = None,
                      close_after_days: int | None = None) -> Dagdeel:
    """The open dagdeel with this join code, or NotFound with a message for the phone.

    A dagdeel past its date counts as closed here even before ``close_expired`` ran. The
    message repeats the code only when it looks like a join code, so a crafted link
    cannot put its own text in the app's error box."""
    code = normalise_join_code(raw_code)
    if not code:
        raise NotFound("Vul de deelnamecode in die op het scherm staat.")
    if not is_well_formed_join_code(code):
        raise NotFound("Dat is geen deelnamecode. Een deelnamecode heeft vijf letters en "
                       "cijfers; je vindt hem op het scherm.")
    with reading(engine) as conn:
        row = conn.execute(dagdeel_query().where(dagdelen.c.join_code == code)
                           .order_by(dagdelen.c.status.desc(), dagdelen.c.id.desc())).first()
    if row is None:
        raise NotFound(f"De code {code} hoort bij geen enkele sessie. "
                       "Controleer de code op het scherm en probeer het opnieuw.")
    dagdeel = Dagdeel.from_row(row)
    if not dagdeel.is_open or is_expired(dagdeel.datum, today or local_today(),
                                         close_after_days):
        raise Closed(f"De sessie met code {code} is al afgesloten. "
                       "Vraag de procesbegeleider om de code van vandaag.")
    return dagdeel


def get_dagdeel(engine: Engine, dagdeel_id: int) -> Dagdeel:
    with reading(engine) as conn:
        return dagdeel_on(conn, dagdeel_id)


def dagdeel_on(conn: Connection, dagdeel_id: int) -> Dagdeel:
    row = conn.execute(dagdeel_query().where(dagdelen.c.id == dagdeel_id)).first()
    if row is None:
        raise NotFound("Dit dagdeel bestaat niet (meer).")
    return Dagdeel.from_row(row)


def close_dagdeel(engine: Engine, dagdeel_id: int) -> None:
    """Close the dagdeel: phones can no longer join or answer; exports keep working.
    For the hoofdprocesbegeleider's link (or a single session's, see
    ``close_dagdeel_from_group``)."""
    with writing(engine) as conn:
        _close(conn, dagdeel_id)


def _close(conn: Connection, dagdeel_id: int) -> None:
    conn.execute(update(dagdelen).where(dagdelen.c.id == dagdeel_id,
                                        dagdelen.c.status == Status.OPEN.value)
                 .values(status=Status.GESLOTEN.value, closed_at=now()))
    bump(conn, dagdeel_id, ROOM)


def close_dagdeel_from_group(engine: Engine, group_id: int) -> None:
    """A procesbegeleider's link closes the session only when it is the dagdeel's one and
    only group; a table of a larger dagdeel is closed by the hoofdprocesbegeleider."""
    with writing(engine) as conn:
        dagdeel_id = conn.execute(select(groepen.c.dagdeel_id)
                                  .where(groepen.c.id == group_id)).scalar()
        if dagdeel_id is None:
            raise NotFound("Deze themagroep bestaat niet (meer).")
        count = conn.execute(select(func.count()).select_from(groepen)
                             .where(groepen.c.dagdeel_id == dagdeel_id)).scalar_one()
        if count != 1:
            raise UserError("Dit dagdeel heeft meer tafels; alleen de hoofdprocesbegeleider "
                            "kan het afsluiten.")
        _close(conn, dagdeel_id)


def close_expired(engine: Engine, today: date | None = None, *,
                  close_after_days: int | None = None) -> list[int]:
    """Close every open dagdeel whose date is ``close_after_days`` or more days past;
    returns their ids. The app runs it daily (``zet.operations.retention.purge_if_due``)."""
    days = load_limits().close_after_days if close_after_days is None else close_after_days
    last_open_date = (today or local_today()) - timedelta(days=days)
    with writing(engine) as conn:
        ids = list(conn.execute(select(dagdelen.c.id).where(
            dagdelen.c.status == Status.OPEN.value, dagdelen.c.datum <= last_open_date)
            .order_by(dagdelen.c.id)).scalars())
        for dagdeel_id in ids:
            _close(conn, dagdeel_id)
    return ids


def lock_dagdeel(conn: Connection, dagdeel_id: int) -> str | None:
    """Inside a write: the dagdeel's status, its row locked on PostgreSQL until the commit,
    so joins, seats and compositions of one dagdeel are decided one at a time."""
    return conn.execute(select(dagdelen.c.status).where(dagdelen.c.id == dagdeel_id)
                        .with_for_update(key_share=True)).scalar()


def require_open_dagdeel(conn: Connection, dagdeel_id: int) -> None:
    """Inside a write: refuse when the dagdeel is closed (or gone); locks it (lock_dagdeel)."""
    status = lock_dagdeel(conn, dagdeel_id)
    if status is None:
        raise NotFound("Dit dagdeel bestaat niet (meer).")
    if status != Status.OPEN:
        raise UserError("Dit dagdeel is afgesloten; er kan niets meer worden gewijzigd. "
                        "Exporteren kan nog wel.")


def dagdeel_by_secret(engine: Engine, secret: str) -> Dagdeel:
    """The dagdeel behind the hoofdprocesbegeleider's link."""
    row = None
    if secret:
        with reading(engine) as conn:
            row = conn.execute(dagdeel_query()
                               .where(dagdelen.c.admin_secret == secret)).first()
    if row is None:
        raise NotFound("Deze link van de hoofdprocesbegeleider klopt niet. Gebruik de link "
                       "die je kreeg toen het dagdeel werd gemaakt.")
    return Dagdeel.from_row(row)


def list_dagdelen(engine: Engine) -> list[Dagdeel]:
    with reading(engine) as conn:
        rows = conn.execute(dagdeel_query().order_by(dagdelen.c.datum.desc(),
                                                     dagdelen.c.id.desc())).all()
    return [Dagdeel.from_row(row) for row in rows]
