"""The partnership report, gathered: per waarborg (Kwaliteitskader) the related themes
(Tabel 1), the sterke punten and ontwikkelpunten as rode lijnen, where the locaties stand
(scenario picture), how that moved over the years, the open actions, and what the
quickscans before the dagdelen said per locatie and year. Input for the
kritische reflectie of an ontwikkelingsgerichte peer review; exports in ``zet.export``."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Engine

from zet.clock import now
from zet.content.model import WAARBORGEN, Library, Theme
from zet.errors import UserError
from zet.programme.actions import Action, list_actions
from zet.programme.archive import (
    ArchiveEntry,
    GroupOutcome,
    Scope,
    YearPlacement,
    YearScore,
    archive,
    group_outcomes,
    latest_placements,
    placements_per_year,
    werkblad_scores_per_year,
)
from zet.programme.locaties import (
    Locatie,
    Partnership,
    list_locaties,
    list_partnerships,
    partnership_named,
)
from zet.programme.quickscan_results import LocatieYear, per_locatie_and_year
from zet.programme.rode_lijnen import (
    ConfirmedPoint,
    Line,
    PointGroup,
    confirmed_points,
    lines,
    needs_waarborg,
    point_groups,
    waarborgen_of,
)
from zet.programme.tenancy import NO_PARTNERSHIP, Viewer


@dataclass(frozen=True)
class ReportFilter:
    jaar: int | None = None
    locatie: str | None = None       # a locatie's name
    partnerschap: str | None = None  # needed only when the installation holds several


@dataclass(frozen=True)
class WaarborgSection:
    """One waarborg: its themes (Tabel 1) and the points and actions placed under it (a
    point of a theme with several waarborgen counts for the one chosen by hand, else for
    all of them: ``unplaced`` says how many)."""
    waarborg: str
    themes: list[Theme]
    strong: list[Line]     # rode lijnen, most locaties first (``line.locaties``)
    develop: list[Line]
    picture: list[GroupOutcome]   # latest placement per locatie and theme
    trend: list[YearPlacement]    # per theme and year, up to the report's year
    all_actions: list[Action]     # open and finished, oldest first
    unplaced: int = 0             # points here that also count for another waarborg

    @property
    def actions(self) -> list[Action]:
        """The open ones."""
        return [a for a in self.all_actions if a.is_open]

    @property
    def done_actions(self) -> list[Action]:
        return [a for a in self.all_actions if not a.is_open]

    @property
    def recurring(self) -> list[Line]:
        """Ontwikkelpunten that more than one locatie names."""
        return [line for line in self.develop if len(line.locaties) > 1]


@dataclass(frozen=True)
class PartnershipReport:
    partnership: Partnership
    locatie: Locatie | None
    jaar: int | None
    locaties: list[Locatie]
    dagdelen: list[ArchiveEntry]
    outcomes: list[GroupOutcome]
    points: list[ConfirmedPoint]
    scores: list[YearScore]
    actions: list[Action]
    groups: list[PointGroup]  # the rode lijnen grouped by hand
    sections: list[WaarborgSection]
    library: Library
    made_at: datetime
    # per locatie and year, aggregates of role groups of at least three (also after a purge)
    quickscans: tuple[LocatieYear, ...] = ()

    @property
    def years(self) -> list[int]:
        return sorted({o.jaar for o in self.outcomes})


def _partnership(engine: Engine, viewer: Viewer, wanted: ReportFilter) -> Partnership:
    """The one partnership the report is about, among those the viewer sees."""
    if wanted.partnerschap:
        return partnership_named(engine, viewer, wanted.partnerschap)
    partnerships = list_partnerships(engine, viewer)
    if wanted.locatie:
        owners = {loc.partnerschap_id for loc in list_locaties(engine, viewer)
                  if loc.naam.casefold() == wanted.locatie.casefold()}
        if len(owners) == 1:
            return next(p for p in partnerships if p.id in owners)
    if len(partnerships) == 1:
        return partnerships[0]
    if not partnerships:
        raise UserError(NO_PARTNERSHIP if not viewer.sees_all
                        else "Er zijn nog geen dagdelen, dus ook geen opleidingsschool.")
    raise UserError("Kies een opleidingsschool (--partnerschap): "
                    + ", ".join(p.naam for p in partnerships))


def build_partnership_report(engine: Engine, library: Library, viewer: Viewer,
                             wanted: ReportFilter | None = None) -> PartnershipReport:
    """The report for one partnership the viewer sees; ``wanted`` narrows it to a year
    and/or a locatie (the trend then runs up to that year)."""
    wanted = wanted or ReportFilter()
    partnership = _partnership(engine, viewer, wanted)
    locaties = list_locaties(engine, viewer, partnership.id)
    locatie = None
    if wanted.locatie:
        locatie = next((loc for loc in locaties
                        if loc.naam.casefold() == wanted.locatie.casefold()), None)
        if locatie is None:
            raise UserError(f"Locatie '{wanted.locatie}' hoort niet bij {partnership.naam}. "
                            "Er zijn: " + ", ".join(loc.naam for loc in locaties))
    where = Scope(viewer, partnerschap_id=partnership.id,
                  locatie_id=locatie.id if locatie else None)
    every_year = group_outcomes(engine, where)
    until = [o for o in every_year if wanted.jaar is None or o.jaar <= wanted.jaar]
    outcomes = [o for o in until if wanted.jaar is None or o.jaar == wanted.jaar]
    year_scope = replace(where, jaar=wanted.jaar)
    points = confirmed_points(engine, year_scope)
    actions = list_actions(engine, viewer, partnerschap_id=partnership.id,
                           locatie_id=where.locatie_id)
    # An action counts for the waarborg of the point it came from.
    placed = {p.id: p.waarborg for p in confirmed_points(engine, where)}
    groups = point_groups(engine, viewer)
    sections = []
    for waarborg in WAARBORGEN:
        themes = [t for t in library.ordered_themes() if waarborg in t.waarborgen]
        ids = {t.id for t in themes}
        mine = [p for p in points if waarborg in waarborgen_of(p.theme_id, p.waarborg, library)]
        counted = {kind: lines([p for p in mine if p.kind == kind], groups)
                   for kind in ("sterk", "ontwikkel")}
        picture = [o for o in latest_placements(until).values() if o.theme_id in ids]
        sections.append(WaarborgSection(
            waarborg=waarborg, themes=themes, strong=counted["sterk"],
            develop=counted["ontwikkel"],
            picture=sorted(picture, key=lambda o: (o.locatie, o.theme_id)),
            trend=[y for y in placements_per_year(until) if y.theme_id in ids],
            all_actions=[a for a in actions if waarborg in waarborgen_of(
                a.theme_id, placed.get(a.point_id) if a.point_id else None, library)],
            unplaced=sum(1 for p in mine if needs_waarborg(p, library))))
    return PartnershipReport(
        partnership=partnership, locatie=locatie, jaar=wanted.jaar, locaties=locaties,
        dagdelen=archive(engine, year_scope), outcomes=outcomes, points=points,
        scores=werkblad_scores_per_year(engine, library, year_scope), actions=actions,
        groups=groups, sections=sections, library=library, made_at=now(),
        quickscans=tuple(per_locatie_and_year(engine, library, year_scope)))
