"""What the quickscan said, per theme and per waarborg, by role group, and which themes it
suggests for the dagdeel.

Privacy by construction: a role group with fewer than ``MIN_GROUP`` respondents on a theme
is never shown on its own. Such groups are pooled ("Overige rollen samen"); when even the
pool is too small, its answers are left out altogether, also from the total, so no total
minus the shown groups gives a small group away. Nothing here names a respondent.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import Connection, Engine, select

from zet.content.model import OVG, WAARBORGEN, Library, QuickscanItem
from zet.db import reading
from zet.db.schema import dagdelen, locaties, quickscans
from zet.programme.archive import Scope, scoped
from zet.roles import ROLE_GROUPS
from zet.room.quickscan import Rating, ratings_in

MIN_GROUP = 3
POOLED = "Overige rollen samen"
EVERYONE = "Alle getoonde rollen"
SUGGESTED = 3


def _mean(counts: tuple[int, ...]) -> float | None:
    total = sum(counts)
    return sum((i + 1) * n for i, n in enumerate(counts)) / total if total else None


@dataclass(frozen=True)
class Spread:
    """The answers of one role group (or the total) on one theme or waarborg."""
    group: str
    respondents: int
    gewenst: tuple[int, ...] = (0, 0, 0, 0, 0)  # how many chose 1 … 5
    feitelijk: tuple[int, ...] = (0, 0, 0, 0, 0)
    ovg: tuple[int, ...] = (0, 0, 0)  # how many chose O, V, G

    @property
    def gewenst_mean(self) -> float | None:
        return _mean(self.gewenst)

    @property
    def feitelijk_mean(self) -> float | None:
        return _mean(self.feitelijk)

    @property
    def gap(self) -> float | None:
        """Gewenst − feitelijk: how far the wish is ahead of the practice."""
        wish, fact = self.gewenst_mean, self.feitelijk_mean
        return None if wish is None or fact is None else wish - fact


@dataclass(frozen=True)
class Outcome:
    """One theme or waarborg: the shown role groups, their total and how many were left
    out because their group was too small."""
    key: str  # theme id or waarborg name
    title: str
    groups: tuple[Spread, ...]
    total: Spread | None
    hidden: int = 0

    @property
    def respondents(self) -> int:
        return self.total.respondents if self.total else 0

    @property
    def disagreement(self) -> float | None:
        """How far apart the role groups see the practice: the largest minus the smallest
        mean feitelijk rating of the shown groups (None with fewer than two groups)."""
        means = [g.feitelijk_mean for g in self.groups if g.feitelijk_mean is not None]
        return max(means) - min(means) if len(means) >= 2 else None


@dataclass(frozen=True)
class QuickscanResults:
    respondents: int  # everyone who rated at least one statement
    themes: tuple[Outcome, ...] = ()
    waarborgen: tuple[Outcome, ...] = ()

    def theme(self, theme_id: str) -> Outcome | None:
        return next((o for o in self.themes if o.key == theme_id), None)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> QuickscanResults:
        data = json.loads(raw)

        def spread(d: dict | None) -> Spread | None:
            return None if d is None else Spread(
                group=d["group"], respondents=d["respondents"], gewenst=tuple(d["gewenst"]),
                feitelijk=tuple(d["feitelijk"]), ovg=tuple(d["ovg"]))

        def outcome(d: dict) -> Outcome:
            return Outcome(key=d["key"], title=d["title"],
                           groups=tuple(s for s in map(spread, d["groups"]) if s),
                           total=spread(d["total"]), hidden=d["hidden"])

        return cls(respondents=data["respondents"],
                   themes=tuple(map(outcome, data["themes"])),
                   waarborgen=tuple(map(outcome, data["waarborgen"])))


@dataclass
class _Tally:
    respondents: set[int] = field(default_factory=set)
    gewenst: list[int] = field(default_factory=lambda: [0] * 5)
    feitelijk: list[int] = field(default_factory=lambda: [0] * 5)
    ovg: list[int] = field(default_factory=lambda: [0] * 3)

    def add(self, respondent: int, rating: Rating) -> None:
        if rating.gewenst is None and rating.feitelijk is None and rating.oordeel is None:
            return
        self.respondents.add(respondent)
        if rating.gewenst is not None:
            self.gewenst[rating.gewenst - 1] += 1
        if rating.feitelijk is not None:
            self.feitelijk[rating.feitelijk - 1] += 1
        if rating.oordeel in OVG:
            self.ovg[OVG.index(rating.oordeel)] += 1

    def merge(self, other: _Tally) -> None:
        self.respondents |= other.respondents
        for mine, theirs in ((self.gewenst, other.gewenst), (self.feitelijk, other.feitelijk),
                             (self.ovg, other.ovg)):
            for i, n in enumerate(theirs):
                mine[i] += n

    def spread(self, group: str) -> Spread:
        return Spread(group, len(self.respondents), tuple(self.gewenst), tuple(self.feitelijk),
                      tuple(self.ovg))


def _outcome(key: str, title: str, by_group: dict[str, _Tally]) -> Outcome:
    order = list(ROLE_GROUPS)
    shown: list[Spread] = []
    total, pool = _Tally(), _Tally()
    for group in sorted(by_group, key=lambda g: order.index(g) if g in order else len(order)):
        tally = by_group[group]
        if len(tally.respondents) >= MIN_GROUP:
            shown.append(tally.spread(group))
            total.merge(tally)
        else:
            pool.merge(tally)
    hidden = 0
    if len(pool.respondents) >= MIN_GROUP:
        shown.append(pool.spread(POOLED))
        total.merge(pool)
    else:
        hidden = len(pool.respondents)
    return Outcome(key, title, tuple(shown),
                   total.spread(EVERYONE) if total.respondents else None, hidden)


def summarise(ratings: Iterable[tuple[int, str, str, Rating]], items: list[QuickscanItem],
              library: Library) -> QuickscanResults:
    """The results of these ratings (respondent id, role group, item id, rating) for the
    given statements; ratings of other statements are ignored."""
    by_id = {item.id: item for item in items}
    themes: dict[str, dict[str, _Tally]] = defaultdict(lambda: defaultdict(_Tally))
    borgen: dict[str, dict[str, _Tally]] = defaultdict(lambda: defaultdict(_Tally))
    everyone: set[int] = set()
    for respondent, group, item_id, rating in ratings:
        item = by_id.get(item_id)
        if item is None:
            continue
        themes[item.theme_id][group].add(respondent, rating)
        borgen[item.waarborg][group].add(respondent, rating)
        everyone.add(respondent)
    theme_order = list(dict.fromkeys(item.theme_id for item in items))
    return QuickscanResults(
        respondents=len(everyone),
        themes=tuple(_outcome(tid, library.title(tid), themes[tid]) for tid in theme_order),
        waarborgen=tuple(_outcome(name, name, borgen[name]) for name in WAARBORGEN
                         if any(item.waarborg == name for item in items)))


def quickscan_results(engine: Engine, library: Library, quickscan_id: int) -> QuickscanResults:
    with reading(engine) as conn:
        return quickscan_results_on(conn, library, quickscan_id)


def quickscan_results_on(conn: Connection, library: Library,
                         quickscan_id: int) -> QuickscanResults:
    """The results of one quickscan: from its ratings, or after a purge from what the purge
    kept (``quickscans.samenvatting``)."""
    row = conn.execute(select(quickscans.c.themas, quickscans.c.samenvatting)
                       .where(quickscans.c.id == quickscan_id)).one()
    if row.samenvatting:
        return QuickscanResults.from_json(row.samenvatting)
    items = library.quickscan_items(json.loads(row.themas))
    return summarise(ratings_in(conn, quickscan_id), items, library)


@dataclass(frozen=True)
class Suggestion:
    theme_id: str
    title: str
    reason: str
    score: float


def number_text(value: float | None) -> str:
    """1,8 (a Dutch decimal comma); '–' for nothing."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


def _counts(counts: tuple[int, ...]) -> str:
    return " · ".join(str(n) for n in counts) if sum(counts) else "–"


def spread_cells(spread: Spread) -> dict[str, object]:
    """One role group's line as screens and exports show it."""
    return {"Rolgroep": spread.group, "Aantal": spread.respondents,
            "Gewenst": number_text(spread.gewenst_mean),
            "Feitelijk": number_text(spread.feitelijk_mean),
            "Verschil": number_text(spread.gap),
            "Feitelijk 1·2·3·4·5": _counts(spread.feitelijk),
            "O·V·G": _counts(spread.ovg)}


SPREAD_COLUMNS = list(spread_cells(Spread("", 0)))


def outcome_rows(outcome: Outcome) -> list[dict[str, object]]:
    """The shown role groups, then the total when there is more than one group."""
    rows = [spread_cells(g) for g in outcome.groups]
    if outcome.total is not None and len(outcome.groups) > 1:
        rows.append(spread_cells(outcome.total))
    return rows


def suggestions(results: QuickscanResults, count: int = SUGGESTED) -> list[Suggestion]:
    """The themes to talk about: the largest gap gewenst − feitelijk and the largest
    difference between role groups, together; only themes with enough answers."""
    found = []
    for outcome in results.themes:
        gap = outcome.total.gap if outcome.total else None
        apart = outcome.disagreement
        if gap is None and apart is None:
            continue
        reasons = []
        if gap is not None:
            reasons.append(f"gewenst ligt {number_text(gap)} boven feitelijk" if gap >= 0 else
                           f"feitelijk ligt {number_text(-gap)} boven gewenst")
        if apart is not None:
            reasons.append(f"rollen verschillen {number_text(apart)} punt in hoe het nu is")
        found.append(Suggestion(outcome.key, outcome.title, "; ".join(reasons),
                                max(gap or 0.0, 0.0) + (apart or 0.0)))
    found.sort(key=lambda s: -s.score)
    return found[:count]


def theme_outcome(engine: Engine, library: Library, dagdeel_id: int,
                  theme_id: str) -> Outcome | None:
    """``theme_outcome_on`` in a transaction of its own (the control view's switch)."""
    with reading(engine) as conn:
        return theme_outcome_on(conn, library, dagdeel_id, theme_id)


def theme_outcome_on(conn: Connection, library: Library, dagdeel_id: int,
                     theme_id: str) -> Outcome | None:
    """What the dagdeel's quickscan said about one theme, for the beamer; None when there
    is no quickscan, the theme was not in it, or no role group has enough answers yet."""
    row = conn.execute(select(quickscans.c.id, quickscans.c.themas)
                       .where(quickscans.c.dagdeel_id == dagdeel_id)).first()
    if row is None or theme_id not in json.loads(row.themas):
        return None
    outcome = quickscan_results_on(conn, library, row.id).theme(theme_id)
    return outcome if outcome is not None and outcome.total is not None else None


def _add(a: Spread | None, b: Spread | None, group: str) -> Spread | None:
    if a is None or b is None:
        return a or b
    plus = lambda x, y: tuple(i + j for i, j in zip(x, y))  # noqa: E731
    return Spread(group, a.respondents + b.respondents, plus(a.gewenst, b.gewenst),
                  plus(a.feitelijk, b.feitelijk), plus(a.ovg, b.ovg))


def _merge_outcomes(outcomes: list[Outcome]) -> Outcome:
    groups: dict[str, Spread] = {}
    total = None
    for outcome in outcomes:
        for spread in outcome.groups:
            groups[spread.group] = _add(groups.get(spread.group), spread, spread.group) \
                or spread
        total = _add(total, outcome.total, EVERYONE)
    order = [*ROLE_GROUPS, POOLED]
    ordered = sorted(groups.values(), key=lambda g: order.index(g.group)
                     if g.group in order else len(order))
    return Outcome(outcomes[0].key, outcomes[0].title, tuple(ordered), total,
                   sum(o.hidden for o in outcomes))


def merge_results(results: list[QuickscanResults]) -> QuickscanResults:
    """Several quickscans (a locatie's of one year) as one: the shown groups' counts added;
    what each left out stays left out."""
    def merged(pick) -> tuple[Outcome, ...]:
        keyed: dict[str, list[Outcome]] = {}
        for result in results:
            for outcome in pick(result):
                keyed.setdefault(outcome.key, []).append(outcome)
        return tuple(_merge_outcomes(found) for found in keyed.values())

    return QuickscanResults(respondents=sum(r.respondents for r in results),
                            themes=merged(lambda r: r.themes),
                            waarborgen=merged(lambda r: r.waarborgen))


@dataclass(frozen=True)
class LocatieYear:
    """The quickscans of one locatie in one year, merged."""
    locatie: str
    jaar: int
    quickscans: int
    results: QuickscanResults


def per_locatie_and_year(engine: Engine, library: Library, scope: Scope) -> list[LocatieYear]:
    """Every quickscan's results the scope's viewer may see (of its opleidingsschool,
    locatie and year), merged per locatie and year; newest year first."""
    query = (select(quickscans.c.id, dagdelen.c.locatie, dagdelen.c.datum,
                    locaties.c.naam.label("locatie_naam"))
             .join(dagdelen, dagdelen.c.id == quickscans.c.dagdeel_id)
             .outerjoin(locaties, locaties.c.id == dagdelen.c.locatie_id))
    query = scoped(query, replace(scope, theme_id=None))
    with reading(engine) as conn:
        rows = conn.execute(query).all()
    grouped: dict[tuple[str, int], list[QuickscanResults]] = {}
    for row in rows:
        if scope.jaar is not None and row.datum.year != scope.jaar:
            continue
        grouped.setdefault((row.locatie_naam or row.locatie, row.datum.year), []).append(
            quickscan_results(engine, library, row.id))
    return [LocatieYear(locatie, year, len(found), merge_results(found))
            for (locatie, year), found in sorted(grouped.items(),
                                                 key=lambda item: (-item[0][1], item[0][0]))]
