"""Rode lijnen: the confirmed sterke punten and ontwikkelpunten of every locatie side by
side, by theme and by waarborg (Tabel 1), with how many locaties name something similar.

"Similar" is what the programme manager decided by hand (points put in one group), and
otherwise a plain word overlap within the same theme and kind: a hint, never a merge. Groups
and tags are kept in the database (``puntgroepen``, ``puntgroep_leden``, ``punt_labels``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, Engine, delete, select, update

from zet.clock import now
from zet.content.model import WAARBORGEN, Library
from zet.db import inserted_id, reading, writing
from zet.db.schema import (
    dagdelen,
    groepen,
    locaties,
    punt_labels,
    punten,
    puntgroep_leden,
    puntgroepen,
)
from zet.errors import NotFound, UserError
from zet.fields import required_line
from zet.programme.archive import Scope, scoped
from zet.programme.tenancy import Viewer
from zet.room.versions import quiet

MAX_LABEL = 60
MAX_GROUP_NAME = 200
SIMILAR = 0.34  # share of shared content words (Jaccard) from which two points are "alike"
_STOPWORD_TEXT = """de het een en of in op aan van voor met bij naar om te tot uit door als dan
dat die dit deze er is zijn wordt worden we wij ze zij hun ons onze je jij jullie hij het nog
niet wel ook al meer minder veel weinig heel erg zo maar want dus over onder tussen elkaar
elke ieder iedereen wat wie waar hoe wanneer kan kunnen moet moeten wil willen gaat gaan"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class ConfirmedPoint:
    id: int
    kind: str
    text: str
    theme_id: str
    group_id: int
    dagdeel_id: int
    datum: date
    locatie_id: int | None
    locatie: str
    puntgroep_id: int | None = None
    labels: tuple[str, ...] = ()
    waarborg: str | None = None  # the one waarborg it is about, chosen by hand

    @property
    def jaar(self) -> int:
        return self.datum.year


@dataclass(frozen=True)
class PointGroup:
    id: int
    naam: str
    kind: str
    point_ids: tuple[int, ...]


def confirmed_points(engine: Engine, scope: Scope) -> list[ConfirmedPoint]:
    """Points of groups that confirmed their list, oldest dagdeel first, with their group
    and tags."""
    query = (select(punten.c.id, punten.c.soort, punten.c.tekst, groepen.c.id.label("gid"),
                    groepen.c.theme_id, dagdelen.c.id.label("did"), dagdelen.c.datum,
                    dagdelen.c.locatie_id, dagdelen.c.locatie,
                    locaties.c.naam.label("locatie_naam"), puntgroep_leden.c.puntgroep_id,
                    punten.c.waarborg)
             .join(groepen, groepen.c.id == punten.c.groep_id)
             .join(dagdelen, dagdelen.c.id == groepen.c.dagdeel_id)
             .outerjoin(locaties, locaties.c.id == dagdelen.c.locatie_id)
             .outerjoin(puntgroep_leden, puntgroep_leden.c.punt_id == punten.c.id)
             .where(groepen.c.points_confirmed_at.is_not(None))
             .order_by(dagdelen.c.datum, groepen.c.id, punten.c.soort, punten.c.positie))
    query = scoped(query, scope)
    with reading(engine) as conn:
        rows = conn.execute(query).all()
        labels: dict[int, list[str]] = defaultdict(list)
        for row in conn.execute(select(punt_labels).order_by(punt_labels.c.label)):
            labels[row.punt_id].append(row.label)
    points = [ConfirmedPoint(
        id=row.id, kind=row.soort, text=row.tekst, theme_id=row.theme_id, group_id=row.gid,
        dagdeel_id=row.did, datum=row.datum, locatie_id=row.locatie_id,
        locatie=row.locatie_naam or row.locatie, puntgroep_id=row.puntgroep_id,
        labels=tuple(labels.get(row.id, ())), waarborg=row.waarborg) for row in rows]
    return [p for p in points if scope.jaar is None or p.jaar == scope.jaar]


# ---------------------------------------------------------------- similarity

def _words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-zà-ÿ0-9]+", text.casefold())
    return frozenset(_stem(w) for w in words if w not in _STOPWORDS and len(w) > 2)


def _stem(word: str) -> str:
    """A crude Dutch stem, enough to match 'studenten' with 'student', 'visies' with 'visie'."""
    for ending in ("heden", "en", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def alike(a: ConfirmedPoint, b: ConfirmedPoint) -> bool:
    """Same hand-made group; or, both ungrouped, same kind and theme with enough shared
    content words."""
    if a.puntgroep_id is not None or b.puntgroep_id is not None:
        return a.puntgroep_id == b.puntgroep_id
    if a.kind != b.kind or a.theme_id != b.theme_id:
        return False
    wa, wb = _words(a.text), _words(b.text)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= SIMILAR


def locaties_alike(point: ConfirmedPoint, points: list[ConfirmedPoint]) -> int:
    """How many locaties (this one included) name something like ``point``."""
    return len({p.locatie_id for p in points if p.id == point.id or alike(point, p)})


@dataclass
class Line:
    """One rode lijn: a hand-made group, or a single point with the ones that look alike."""
    kind: str
    title: str
    points: list[ConfirmedPoint] = field(default_factory=list)
    puntgroep_id: int | None = None

    @property
    def locaties(self) -> list[str]:
        return sorted({p.locatie for p in self.points})

    @property
    def theme_ids(self) -> list[str]:
        return list(dict.fromkeys(p.theme_id for p in self.points))


def lines(points: list[ConfirmedPoint], groups: list[PointGroup]) -> list[Line]:
    """The points gathered into lines: each hand-made group is one line; every other point
    joins the first earlier ungrouped point it is alike with. Most locaties first."""
    by_id = {g.id: g for g in groups}
    result: dict[int, Line] = {}
    loose: list[Line] = []
    for point in points:
        if point.puntgroep_id is not None and point.puntgroep_id in by_id:
            group = by_id[point.puntgroep_id]
            line = result.setdefault(group.id, Line(group.kind, group.naam,
                                                    puntgroep_id=group.id))
            line.points.append(point)
            continue
        home = next((line for line in loose if alike(line.points[0], point)), None)
        if home is None:
            loose.append(Line(point.kind, point.text, [point]))
        else:
            home.points.append(point)
    return sorted([*result.values(), *loose], key=lambda ln: (-len(ln.locaties), ln.title))


def locaties_of_line(line: Line, everything: list[ConfirmedPoint]) -> int:
    """How many locaties say what this line says, counted over ``everything`` (so a search
    that shows one point still counts every locatie that named it)."""
    ids = {p.id for p in line.points}
    if line.puntgroep_id is not None:
        return len({p.locatie_id for p in everything if p.puntgroep_id == line.puntgroep_id
                    or p.id in ids})
    return len({p.locatie_id for p in everything
                if p.id in ids or any(alike(q, p) for q in line.points)})


def search(points: list[ConfirmedPoint], query: str) -> list[ConfirmedPoint]:
    """Points whose text, locatie or a tag contains every word of the query."""
    words = query.casefold().split()
    return [p for p in points
            if all(w in " ".join((p.text, p.locatie, *p.labels)).casefold() for w in words)]


def by_theme(points: list[ConfirmedPoint], library: Library) -> dict[str, list[ConfirmedPoint]]:
    """Points per theme, in Tabel 1 order."""
    order = {t.id: i for i, t in enumerate(library.ordered_themes())}
    result: dict[str, list[ConfirmedPoint]] = defaultdict(list)
    for point in sorted(points, key=lambda p: order.get(p.theme_id, len(order))):
        result[point.theme_id].append(point)
    return dict(result)


def waarborgen_of(theme_id: str, waarborg: str | None,
                  library: Library) -> tuple[str, ...]:
    """The waarborgen a point (or an action from it) counts for: the one chosen by hand,
    else every waarborg its theme relates to (Tabel 1)."""
    theme = library.themes.get(theme_id)
    themed = theme.waarborgen if theme else ()
    return (waarborg,) if waarborg in themed else themed


def needs_waarborg(point: ConfirmedPoint, library: Library) -> bool:
    """A point of a theme with several waarborgen that nobody placed under one yet."""
    return len(waarborgen_of(point.theme_id, point.waarborg, library)) > 1


def by_waarborg(points: list[ConfirmedPoint],
                library: Library) -> dict[str, list[ConfirmedPoint]]:
    """Points per waarborg: under the waarborg chosen for it, else under every waarborg its
    theme relates to."""
    result: dict[str, list[ConfirmedPoint]] = {w: [] for w in WAARBORGEN}
    for point in points:
        for waarborg in waarborgen_of(point.theme_id, point.waarborg, library):
            result.setdefault(waarborg, []).append(point)
    return result


def set_waarborg(engine: Engine, viewer: Viewer, library: Library, point_id: int,
                 waarborg: str | None) -> None:
    """Place a point under one of its theme's waarborgen (None: under all of them again).
    Organisatie and Kwaliteitscultuur share their themes, so only this tells their
    sections in the partnership report apart."""
    with writing(engine) as conn:
        _require_own_points(conn, viewer, [point_id])
        theme_id = conn.execute(select(groepen.c.theme_id).join(
            punten, punten.c.groep_id == groepen.c.id).where(punten.c.id == point_id)).scalar()
        if theme_id is None:
            raise NotFound("Dit punt bestaat niet (meer).")
        theme = library.themes.get(theme_id)
        allowed = theme.waarborgen if theme else ()
        if waarborg is not None and waarborg not in allowed:
            raise UserError(f"Dit punt hoort bij een thema met de waarborgen "
                            f"{', '.join(allowed) or '(geen)'}; kies daaruit.")
        quiet(conn)  # only the programme page shows it; no room screen follows it
        conn.execute(update(punten).where(punten.c.id == point_id).values(waarborg=waarborg))


def came_back(points: list[ConfirmedPoint]) -> list[tuple[ConfirmedPoint, ConfirmedPoint]]:
    """Ontwikkelpunten that came back: (earlier, later) pairs at the same locatie and theme
    in a later year that are alike. Each later point is paired with its latest earlier one."""
    develop = [p for p in points if p.kind == "ontwikkel"]
    pairs = []
    for later in develop:
        earlier = [p for p in develop if p.locatie_id == later.locatie_id
                   and p.theme_id == later.theme_id and p.jaar < later.jaar and alike(p, later)]
        if earlier:
            pairs.append((max(earlier, key=lambda p: (p.datum, p.id)), later))
    return pairs


# ---------------------------------------------------------------- grouping and tags by hand

def _through_dagdeel(query):
    """``query`` on points, joined through their group and dagdeel to the locatie (and so
    the partnership): ``puntgroepen`` and labels have no partnership of their own, they
    belong where their points' dagdelen are."""
    return (query.select_from(punten)
            .join(groepen, groepen.c.id == punten.c.groep_id)
            .join(dagdelen, dagdelen.c.id == groepen.c.dagdeel_id)
            .outerjoin(locaties, locaties.c.id == dagdelen.c.locatie_id))


def _visible_points(viewer: Viewer):
    """The ids of points in partnerships the viewer sees."""
    return _through_dagdeel(select(punten.c.id)).where(viewer.where(locaties.c.partnerschap_id))


def _partnerships_of(conn, point_ids) -> set[int | None]:
    return set(conn.execute(_through_dagdeel(select(locaties.c.partnerschap_id))
                            .where(punten.c.id.in_(point_ids))).scalars())


def _require_own_points(conn, viewer: Viewer, point_ids) -> None:
    """Refuse points of a partnership the viewer does not see (as if they did not exist),
    and a group across partnerships."""
    owners = _partnerships_of(conn, point_ids)
    if not all(viewer.sees(owner) for owner in owners):
        raise NotFound("Deze punten bestaan niet (meer).")
    if len(owners) > 1:
        raise UserError("Zet alleen punten van één opleidingsschool in een groep.")


def point_groups(engine: Engine, viewer: Viewer) -> list[PointGroup]:
    """The hand-made groups with at least one point the viewer sees (only those points)."""
    with reading(engine) as conn:
        members: dict[int, list[int]] = defaultdict(list)
        for row in conn.execute(select(puntgroep_leden)
                                .where(puntgroep_leden.c.punt_id.in_(_visible_points(viewer)))
                                .order_by(puntgroep_leden.c.punt_id)):
            members[row.puntgroep_id].append(row.punt_id)
        rows = conn.execute(select(puntgroepen).where(puntgroepen.c.id.in_(list(members)))
                            .order_by(puntgroepen.c.naam)).all()
    return [PointGroup(row.id, row.naam, row.soort, tuple(members[row.id])) for row in rows]


def group_points(engine: Engine, viewer: Viewer, point_ids: list[int], naam: str,
                 puntgroep_id: int | None = None) -> int:
    """Put points into one rode lijn (a new one named ``naam``, or ``puntgroep_id``).
    A point is in at most one group: it leaves its old one. Returns the group's id. All
    points, and the group's points, belong to one partnership the viewer sees."""
    if len(point_ids) < 1:
        raise UserError("Kies minstens één punt.")
    with writing(engine) as conn:
        if puntgroep_id is not None:
            point_ids = [*point_ids, *conn.execute(select(puntgroep_leden.c.punt_id).where(
                puntgroep_leden.c.puntgroep_id == puntgroep_id)).scalars()]
        _require_own_points(conn, viewer, point_ids)
        kinds = {row.soort for row in conn.execute(
            select(punten.c.soort).where(punten.c.id.in_(point_ids)))}
        if len(kinds) != 1:
            raise UserError("Zet sterke punten en ontwikkelpunten niet in één groep." if kinds
                            else "Deze punten bestaan niet (meer).")
        kind = kinds.pop()
        if puntgroep_id is None:
            puntgroep_id = inserted_id(conn.execute(puntgroepen.insert().values(
                naam=required_line(naam, "een naam voor de groep", MAX_GROUP_NAME), soort=kind,
                created_at=now())))
        else:
            found = conn.execute(select(puntgroepen.c.soort)
                                 .where(puntgroepen.c.id == puntgroep_id)).scalar()
            if found is None:
                raise NotFound("Deze groep bestaat niet (meer).")
            if found != kind:
                raise UserError("Zet sterke punten en ontwikkelpunten niet in één groep.")
        conn.execute(delete(puntgroep_leden).where(puntgroep_leden.c.punt_id.in_(point_ids)))
        conn.execute(puntgroep_leden.insert(), [{"punt_id": pid, "puntgroep_id": puntgroep_id}
                                                for pid in dict.fromkeys(point_ids)])
        drop_empty_groups(conn)
    return puntgroep_id


def ungroup_point(engine: Engine, viewer: Viewer, point_id: int) -> None:
    with writing(engine) as conn:
        _require_own_points(conn, viewer, [point_id])
        conn.execute(delete(puntgroep_leden).where(puntgroep_leden.c.punt_id == point_id))
        drop_empty_groups(conn)


def rename_group(engine: Engine, viewer: Viewer, puntgroep_id: int, naam: str) -> None:
    with writing(engine) as conn:
        _require_own_points(conn, viewer, select(puntgroep_leden.c.punt_id).where(
            puntgroep_leden.c.puntgroep_id == puntgroep_id))
        conn.execute(update(puntgroepen).where(puntgroepen.c.id == puntgroep_id)
                     .values(naam=required_line(naam, "een naam voor de groep", MAX_GROUP_NAME)))


def drop_empty_groups(conn: Connection) -> int:
    """Remove the rode lijnen left without points; returns how many."""
    used = select(puntgroep_leden.c.puntgroep_id)
    return conn.execute(delete(puntgroepen).where(puntgroepen.c.id.not_in(used))).rowcount


def add_label(engine: Engine, viewer: Viewer, point_id: int, label: str) -> None:
    label = required_line(label, "een label", MAX_LABEL).casefold()
    with writing(engine) as conn:
        _require_own_points(conn, viewer, [point_id])
        if conn.execute(select(punten.c.id).where(punten.c.id == point_id)).first() is None:
            raise NotFound("Dit punt bestaat niet (meer).")
        exists = conn.execute(select(punt_labels).where(
            punt_labels.c.punt_id == point_id, punt_labels.c.label == label)).first()
        if not exists:
            conn.execute(punt_labels.insert().values(punt_id=point_id, label=label))


def remove_label(engine: Engine, viewer: Viewer, point_id: int, label: str) -> None:
    with writing(engine) as conn:
        _require_own_points(conn, viewer, [point_id])
        conn.execute(delete(punt_labels).where(punt_labels.c.punt_id == point_id,
                                               punt_labels.c.label == label))

