"""What a programme manager reads across dagdelen: every theme group's outcome with its
locatie and date, the archive of dagdelen, the latest scenario placement per locatie and
theme, the placements per year (counted) and the werkblad scores per year. Queries once,
then pure functions on lists.

Every read takes a ``Scope``, and a Scope has a ``Viewer`` (``zet.programme.tenancy``): a read sees
only the partnerships of the account it is for. ``scoped`` is the one place that limits."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Engine, select

from zet.answer_types import answer_type
from zet.content.model import Library
from zet.db import reading
from zet.db.schema import antwoorden, dagdelen, groepen, locaties
from zet.programme.tenancy import Viewer


@dataclass(frozen=True)
class Scope:
    """Whose view (``viewer``, required) and which part of it; None means all of it."""
    viewer: Viewer
    partnerschap_id: int | None = None
    locatie_id: int | None = None
    jaar: int | None = None
    theme_id: str | None = None


@dataclass(frozen=True)
class GroupOutcome:
    group_id: int
    dagdeel_id: int
    titel: str
    datum: date
    locatie_id: int | None
    locatie: str
    partnerschap_id: int | None
    theme_id: str
    nu: int | None
    gewenst: int | None
    confirmed: bool

    @property
    def jaar(self) -> int:
        return self.datum.year


def scoped(query, scope: Scope):
    """``query`` (joined with ``locaties`` and ``dagdelen``) limited to what the viewer may
    see and to the opleidingsschool, locatie and theme of ``scope``."""
    query = query.where(scope.viewer.where(locaties.c.partnerschap_id))
    if scope.partnerschap_id is not None:
        query = query.where(locaties.c.partnerschap_id == scope.partnerschap_id)
    if scope.locatie_id is not None:
        query = query.where(dagdelen.c.locatie_id == scope.locatie_id)
    if scope.theme_id is not None:
        query = query.where(groepen.c.theme_id == scope.theme_id)
    return query


def group_outcomes(engine: Engine, scope: Scope) -> list[GroupOutcome]:
    """Every theme group in scope, oldest dagdeel first."""
    query = scoped(
        select(groepen.c.id, groepen.c.dagdeel_id, groepen.c.theme_id, groepen.c.scenario_nu,
               groepen.c.scenario_gewenst, groepen.c.points_confirmed_at, dagdelen.c.titel,
               dagdelen.c.datum, dagdelen.c.locatie_id, dagdelen.c.locatie,
               locaties.c.naam.label("locatie_naam"), locaties.c.partnerschap_id)
        .join(dagdelen, dagdelen.c.id == groepen.c.dagdeel_id)
        .outerjoin(locaties, locaties.c.id == dagdelen.c.locatie_id)
        .order_by(dagdelen.c.datum, dagdelen.c.id, groepen.c.id), scope)
    with reading(engine) as conn:
        rows = conn.execute(query).all()
    outcomes = [GroupOutcome(
        group_id=row.id, dagdeel_id=row.dagdeel_id, titel=row.titel, datum=row.datum,
        locatie_id=row.locatie_id, locatie=row.locatie_naam or row.locatie,
        partnerschap_id=row.partnerschap_id, theme_id=row.theme_id, nu=row.scenario_nu,
        gewenst=row.scenario_gewenst, confirmed=row.points_confirmed_at is not None)
        for row in rows]
    return [o for o in outcomes if scope.jaar is None or o.jaar == scope.jaar]


@dataclass(frozen=True)
class ArchiveEntry:
    dagdeel_id: int
    titel: str
    datum: date
    locatie_id: int | None
    locatie: str
    theme_ids: tuple[str, ...]
    groups: int

    @property
    def jaar(self) -> int:
        return self.datum.year


def archive(engine: Engine, scope: Scope) -> list[ArchiveEntry]:
    """Dagdelen in scope, newest first; a theme filter keeps dagdelen with that theme."""
    by_dagdeel: dict[int, list[GroupOutcome]] = defaultdict(list)
    for outcome in group_outcomes(engine, replace(scope, theme_id=None)):
        by_dagdeel[outcome.dagdeel_id].append(outcome)
    entries = []
    for dagdeel_id, outcomes in by_dagdeel.items():
        themes = tuple(dict.fromkeys(o.theme_id for o in outcomes))
        if scope.theme_id is not None and scope.theme_id not in themes:
            continue
        first = outcomes[0]
        entries.append(ArchiveEntry(dagdeel_id, first.titel, first.datum, first.locatie_id,
                                    first.locatie, themes, len(outcomes)))
    return sorted(entries, key=lambda e: (e.datum, e.dagdeel_id), reverse=True)


def years(engine: Engine, scope: Scope) -> list[int]:
    """The years that have dagdelen in the scope's partnership (locatie, theme and year
    aside), newest first."""
    query = scoped(select(dagdelen.c.datum).outerjoin(
        locaties, locaties.c.id == dagdelen.c.locatie_id),
        Scope(scope.viewer, scope.partnerschap_id))
    with reading(engine) as conn:
        return sorted({row.datum.year for row in conn.execute(query)}, reverse=True)


def latest_placements(outcomes: list[GroupOutcome]) -> dict[tuple[int | None, str],
                                                            GroupOutcome]:
    """Per (locatie, theme) the most recent group that decided where it stands (nu or
    gewenst); ``outcomes`` oldest first, as ``group_outcomes`` gives them."""
    latest: dict[tuple[int | None, str], GroupOutcome] = {}
    for outcome in outcomes:
        if outcome.nu is not None or outcome.gewenst is not None:
            latest[(outcome.locatie_id, outcome.theme_id)] = outcome
    return latest


@dataclass(frozen=True)
class YearPlacement:
    """Where the groups on one theme placed the school in one year: how many groups went
    from which scenario now to which desired. The four scenarios are pictures, not a
    ladder, so they are counted, never averaged."""
    jaar: int
    theme_id: str
    moves: tuple[tuple[int | None, int | None, int], ...]  # (nu, gewenst, groups), most first

    @property
    def groups(self) -> int:
        return sum(count for _nu, _gewenst, count in self.moves)

    def counts(self, which: str) -> dict[int, int]:
        """Groups per scenario (1–4), ``which`` "nu" or "gewenst"."""
        result = dict.fromkeys(range(1, 5), 0)
        for nu, gewenst, count in self.moves:
            value = nu if which == "nu" else gewenst
            if value in result:
                result[value] += count
        return result

    @property
    def common_nu(self) -> int | None:
        """The nu scenario most groups chose; None when that is a tie (or nobody chose)."""
        counts = sorted(self.counts("nu").items(), key=lambda item: -item[1])
        if not counts[0][1] or counts[0][1] == counts[1][1]:
            return None
        return counts[0][0]

    def move_labels(self) -> list[str]:
        """'2 → 3' for a single group; otherwise one '2× 2 → 3' per move, most first."""
        def arrow(nu: int | None, gewenst: int | None) -> str:
            return f"{nu or '–'} → {gewenst or '–'}"
        if self.groups == 1:
            return [arrow(self.moves[0][0], self.moves[0][1])]
        return [f"{count}× {arrow(nu, gewenst)}" for nu, gewenst, count in self.moves]

    @property
    def label(self) -> str:
        return " · ".join(self.move_labels())


def placements_per_year(outcomes: list[GroupOutcome]) -> list[YearPlacement]:
    """Per theme and year how many groups decided on each nu → gewenst."""
    buckets: dict[tuple[str, int], Counter[tuple[int | None, int | None]]] = defaultdict(Counter)
    for outcome in outcomes:
        if outcome.nu is not None or outcome.gewenst is not None:
            buckets[(outcome.theme_id, outcome.jaar)][(outcome.nu, outcome.gewenst)] += 1
    result = []
    for (theme_id, jaar), moves in sorted(buckets.items()):
        ordered = sorted(moves.items(), key=lambda item: (-item[1], item[0][0] or 0,
                                                          item[0][1] or 0))
        result.append(YearPlacement(jaar, theme_id, tuple((nu, gewenst, count)
                                                          for (nu, gewenst), count in ordered)))
    return result


@dataclass(frozen=True)
class YearScore:
    """The mean of one closed werkblad question in one year: a schaal score, or a KOOS
    answer's gewenst and feitelijk (then ``score`` is None)."""
    jaar: int
    theme_id: str
    question_id: str
    vraag: str
    kind: str
    score: float | None
    gewenst: float | None
    feitelijk: float | None
    answers: int


def werkblad_scores_per_year(engine: Engine, library: Library,
                             scope: Scope) -> list[YearScore]:
    """Schaal and KOOS answers (visible ones) averaged per theme, question and year."""
    query = scoped(
        select(antwoorden.c.vraag_id, antwoorden.c.value, groepen.c.theme_id,
               dagdelen.c.datum)
        .join(groepen, groepen.c.id == antwoorden.c.groep_id)
        .join(dagdelen, dagdelen.c.id == groepen.c.dagdeel_id)
        .outerjoin(locaties, locaties.c.id == dagdelen.c.locatie_id)
        .where(antwoorden.c.hidden.is_(False), antwoorden.c.value.is_not(None)), scope)
    with reading(engine) as conn:
        rows = conn.execute(query).all()
    buckets: dict[tuple[str, str, int], list] = defaultdict(list)
    for row in rows:
        if scope.jaar is not None and row.datum.year != scope.jaar:
            continue
        buckets[(row.theme_id, row.vraag_id, row.datum.year)].append(json.loads(row.value))
    result = []
    for (theme_id, question_id, jaar), values in sorted(buckets.items()):
        theme = library.themes.get(theme_id)
        question = theme.question(question_id) if theme else None
        found = answer_type(question).year_mean(values) if question else None
        if question is not None and found is not None:
            result.append(YearScore(jaar, theme_id, question_id, question.vraag, question.type,
                                    found.score, found.gewenst, found.feitelijk, found.answers))
    return result
