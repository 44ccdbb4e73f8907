"""What a projector shows: which group a screen follows, and how each step is cut into
pages that fit the projector's canvas (``zet.room.screenfit``: the same pages on every beamer,
scaled to it) at projector type sizes, without scrolling.

The projector view draws one page; the control view lists the same pages and chooses which
one is on the wall (``groepen.scherm_pagina``). Both build them with ``group_pages`` from
the same data, so "pagina 2 van 5" means the same on both.

Fitting is estimated from text length (``zet.room.screenfit``); a browser test checks every page
of the demo data at 1024×768 up to 3840×2160.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Engine, select

from zet.content.model import Card, GeneralTexts, Question, Scenario, Theme
from zet.db import reading
from zet.db.schema import groepen, rondes
from zet.errors import Closed, NotFound
from zet.programme.actions import Action
from zet.roles import role_sort_key
from zet.room.aggregates import (
    QuestionSummary,
    summarise,
)
from zet.room.answers import Answer, answer_text
from zet.room.dagdelen import Dagdeel
from zet.room.groups import Group, load_group
from zet.room.points import Point
from zet.room.scenarios import scenario_label
from zet.room.screenfit import (
    BODY_W,
    BOLD_CHAR,
    CHAR,
    H2_LINE,
    H3,
    H3_LINE,
    LEAD,
    LINE,
    Column,
    Flow,
    Piece,
    body_height,
    column_width,
    flow,
    heading_height,
    lines,
    text_height,
)
from zet.room.snapshot import GroupSnapshot
from zet.room.states import Phase
from zet.room.throttle import find_open_dagdeel_guarded
from zet.steps import Step

# ---------------------------------------------------------------- pages


class PageKind(StrEnum):
    """How a projector page is drawn: each kind has exactly one renderer, a group's page
    in ``ui.projector.render.GROUP_RENDERERS``, a plenary one in
    ``ui.projector.plenary.PLENARY_RENDERERS``."""
    # a group's beamer
    WERKBLAD = "werkblad"            # QR code, the questions and how many are done
    ACTIES = "acties"                # what this locatie agreed on the theme last time
    VRAAG = "vraag"                  # one werkblad question's answers (or part of them)
    QUICKSCAN = "quickscan"          # what the quickscan said on the theme
    LEEG = "leeg"                    # a theme without questions
    KAART = "kaart"                  # a laid reflectiekaart
    GEEN_KAART = "geen-kaart"        # no card laid yet
    PUNTEN = "punten"                # the working list of points
    SCENARIOS = "scenarios"          # the four scenarios and who stands where
    SCENARIO = "scenario"            # one scenario in full
    UITKOMST = "uitkomst"            # the group's outcome
    # the plenary screen
    WELKOM = "welkom"                # QR code and how many joined
    DOELEN = "doelen"                # what the dagdeel yields
    METHODE = "methode"              # the ZET method
    VIER_SCENARIOS = "vier-scenarios"  # the four scenarios explained
    RONDE = "ronde"                  # who sits where in the running round
    GROEP = "groep"                  # one group's outcome at the close
    OVERZICHT = "overzicht"          # every group's outcome in one table


@dataclass(frozen=True)
class Page:
    """One screenful. ``kind`` says how to draw it; ``title`` is its name on the control
    view ('Vraag 2 (deel 1 van 2)'); ``columns`` what flows on it (``zet.room.screenfit``)."""
    kind: PageKind
    title: str
    question: Question | None = None
    number: int = 0                      # the question's number in the werkblad
    summary: QuestionSummary | None = None
    columns: tuple[Column, ...] = ()
    card: Card | None = None
    sterk: tuple[tuple[int, str], ...] = ()
    ontwikkel: tuple[tuple[int, str], ...] = ()
    scenario: Scenario | None = None
    part: int = 0                        # which of several pages of one thing (0: the only)
    group_index: int = 0                 # GROEP: which group of the close, in its order


def _quickscan_page(state: GroupSnapshot) -> list[Page]:
    return [Page(PageKind.QUICKSCAN, "Wat de quickscan zei")] if state.quickscan else []


def _werkblad_pages(state: GroupSnapshot, body: float) -> list[Page]:
    """The quickscan first when the procesbegeleider switched it on (the snapshot
    then holds it), the werkblad, the open actions from before."""
    return [*_quickscan_page(state), Page(PageKind.WERKBLAD, "Werkblad: QR-code en voortgang"),
            *(actions_pages(state.actions, body) if state.actions else [])]


def _exchange_pages(state: GroupSnapshot, body: float) -> list[Page]:
    return [page for number, question in enumerate(state.theme.vragen, start=1)
            for page in _question_pages(number, question, list(state.answers), body)] \
        + _quickscan_page(state) \
        or [Page(PageKind.LEEG, "Nog geen vragen")]


def _card_pages(state: GroupSnapshot, body: float) -> list[Page]:
    return [page for card in state.revealed for page in card_pages(card, body)] \
        or [Page(PageKind.GEEN_KAART, "Nog geen kaart")]


def _point_pages(state: GroupSnapshot, body: float) -> list[Page]:
    top = 1 if state.group.points_confirmed_at is not None else 0
    return points_pages(list(state.points), PageKind.PUNTEN, "Sterke punten en ontwikkelpunten",
                        body, top_em=top * (LEAD * LINE + 0.3))


def _scenario_step_pages(state: GroupSnapshot, body: float) -> list[Page]:
    return [Page(PageKind.SCENARIOS, "De vier scenario's en wie waar staat"),
            *[page for s in state.theme.scenarios for page in scenario_pages(s, body)]]


def _outcome_pages(state: GroupSnapshot, body: float) -> list[Page]:
    return points_pages(list(state.points), PageKind.UITKOMST, "Wat de groep heeft opgeleverd",
                        body, top_em=_lines_em(outcome_lines(state.theme, state.group)))


# What the beamer of a group shows in each step (``tests/test_step_registries.py``).
STEP_PAGES: dict[Step, Callable[[GroupSnapshot, float], list[Page]]] = {
    Step.WERKBLAD: _werkblad_pages,
    Step.UITWISSELING: _exchange_pages,
    Step.REFLECTIEKAARTEN: _card_pages,
    Step.PUNTEN: _point_pages,
    Step.SCENARIO: _scenario_step_pages,
    Step.AFRONDING: _outcome_pages,
}


def group_pages(state: GroupSnapshot) -> list[Page]:
    """The pages of the group's current step, in order."""
    return STEP_PAGES[state.group.step](state, body_height(state.theme.titel))


def page_at(pages: list[Page], index: int) -> tuple[int, Page]:
    """The page the control view chose, kept inside the pages that exist now."""
    index = min(max(index, 0), len(pages) - 1)
    return index, pages[index]


def outcome_lines(theme: Theme, group: Group) -> list[str]:
    """The lines above a group's outcome: its scenarios and who tells the room."""
    said = [f"Scenario nu: {scenario_label(theme, group.scenario_nu)} → gewenst: "
            f"{scenario_label(theme, group.scenario_gewenst)}"]
    if group.reporter:
        said.append(f"Vertelt plenair: {group.reporter}")
    return said


def _lines_em(said: Sequence[str]) -> float:
    """Outcome lines (lead type) with their margins."""
    return sum(text_height(line, BODY_W, LEAD) + 0.3 for line in said)


def _parts(kind: PageKind, title: str, cut: list[tuple[Column, ...]], **fields) -> list[Page]:
    """A page per cut, titled '… (deel 2 van 3)' when there are several."""
    if len(cut) == 1:
        return [Page(kind, title, columns=cut[0], **fields)]
    return [Page(kind, f"{title} (deel {n} van {len(cut)})", columns=columns, part=n,
                 **fields)
            for n, columns in enumerate(cut, start=1)]


# ---------------------------------------------------------------- werkblad questions

ANSWER_COLUMNS = 3          # open answers: three columns side by side
ANSWER_INSET = 1.05         # border and padding left and right of one answer
ANSWER_FRAME = 0.6          # padding and gap above and below one answer
NUMBER_BADGE = 2.4          # the question's number before its text


def _question_pages(number: int, question: Question, answers: list[Answer],
                    body: float) -> list[Page]:
    summary = summarise(question, answers)
    room = body - heading_height(question.vraag, BODY_W - NUMBER_BADGE) \
        - (1.6 if summary.hidden_count else 0.0)
    return _parts(PageKind.VRAAG, f"Vraag {number}", QUESTION_CUTS[question.type](summary, room),
                  question=question, number=number, summary=summary)


def _option_cut(summary: QuestionSummary, room: float) -> list[tuple[Column, ...]]:
    labels = list(enumerate(summary.question.opties))
    return _bar_cut(labels, summary.option_counts_by_role, room)


def _scale_cut(summary: QuestionSummary, room: float) -> list[tuple[Column, ...]]:
    question = summary.question
    ends = {1: question.laag, 5: question.hoog}
    labels = [(point - 1, f"{point}" + (f" — {ends[point]}" if ends.get(point) else ""))
              for point in range(1, 6)]
    return _bar_cut(labels, summary.scale_by_role, room)


def _open_cut(summary: QuestionSummary, room: float) -> list[tuple[Column, ...]]:
    pieces = []
    for role in sorted(summary.by_role, key=role_sort_key):
        pieces.append(Piece("role", role, role=role))
        pieces.extend(Piece("answer", answer_text(value, bullets=True), role=role)
                      for value in summary.by_role[role])
    return flow(pieces, answer_flow(room))


def answer_flow(room: float) -> Flow:
    """Open answers: role labels and their answers, in three columns."""
    width = column_width(ANSWER_COLUMNS)

    def measure(piece: Piece) -> float:
        if piece.kind == "role":
            label = piece.text + (" (vervolg)" if piece.continued else "")
            return lines(label, width - 0.7, 1, BOLD_CHAR) * 1.2 + 0.7
        return text_height(piece.text, width - ANSWER_INSET) + ANSWER_FRAME

    return Flow(ANSWER_COLUMNS, room, measure, headers=frozenset({"role"}),
                splittable=frozenset({"answer"}), text_width=width - ANSWER_INSET,
                frame=ANSWER_FRAME)


BAR_LABEL = 0.5             # share of the width for an option's label


def legend_height(roles: Sequence[str]) -> float:
    """The role legend under bars: keys side by side, wrapping."""
    rows, used = 1, 0.0
    for role in roles:
        key = len(role) * CHAR + 2.3
        if used and used + key > BODY_W:
            rows, used = rows + 1, 0.0
        used += key
    return rows * LINE + (rows - 1) * 0.2 + 0.6 if roles else 0.0


def _bar_cut(labels: list[tuple[int, str]], by_role: dict[str, dict],
             room: float) -> list[tuple[Column, ...]]:
    """Option (or scale point) bars in one column, the legend under them on every page."""
    if not any(sum(counts.values()) for counts in by_role.values()):
        return [()]
    width = BODY_W * BAR_LABEL - 0.3

    def measure(piece: Piece) -> float:
        return max(1, lines(piece.text, width)) * LINE + 0.25

    how = Flow(1, room - legend_height(list(by_role)), measure)
    return flow([Piece("bar", text, number=index) for index, text in labels], how)


KOOS_ROLE = 11.0            # the role's name before its two bars


def _koos_cut(summary: QuestionSummary, room: float) -> list[tuple[Column, ...]]:
    if not summary.koos_by_role:
        return [()]
    roles = sorted(summary.koos_by_role, key=role_sort_key)
    pieces = [Piece("koos", role, role=role) for role in roles]
    if summary.koos_overall():
        pieces.append(Piece("koos", WHOLE_GROUP))
    how = Flow(1, room - (LINE + 0.35),
               lambda piece: lines(piece.text, KOOS_ROLE - 0.8, 1, BOLD_CHAR) * LINE + 0.35)
    return flow(pieces, how)


WHOLE_GROUP = "Hele groep"

# How a question's answers are cut into the beamer's pages, per answer type
# (``zet.answer_types``; ``tests/test_step_registries.py``).
QUESTION_CUTS: dict[str, Callable[[QuestionSummary, float], list[tuple[Column, ...]]]] = {
    "tekst": _open_cut,
    "lijst": _open_cut,
    "keuze": _option_cut,
    "meerkeuze": _option_cut,
    "schaal": _scale_cut,
    "koos": _koos_cut,
}


# ---------------------------------------------------------------- cards, scenarios, actions


def card_pages(card: Card, body: float) -> list[Page]:
    """A reflectiekaart: its core and its questions, in lead type."""
    width = BODY_W - 1.6
    pieces = [Piece("lead", card.kern), *[Piece("item", q) for q in card.vragen]]

    def measure(piece: Piece) -> float:
        return text_height(piece.text, width - (1.2 if piece.kind == "item" else 0), LEAD) \
            + 0.35

    how = Flow(1, body - heading_height(card.titel, width), measure,
               splittable=frozenset({"lead"}), text_width=width / LEAD)
    return _parts(PageKind.KAART, f"Kaart: {card.titel}", flow(pieces, how), card=card)


TWO = 2


def prose_flow(room: float, columns: int = TWO) -> Flow:
    """Headings, paragraphs and list items in ``columns`` columns."""
    width = column_width(columns)

    def measure(piece: Piece) -> float:
        if piece.kind == "heading":
            label = piece.text + (" (vervolg)" if piece.continued else "")
            return lines(label, width, H3, BOLD_CHAR) * H3_LINE + 0.6
        if piece.kind == "item":
            return text_height(piece.text, width - 1.4) + 0.2
        return text_height(piece.text, width) + 0.45

    return Flow(columns, room, measure, headers=frozenset({"heading"}),
                splittable=frozenset({"para"}), text_width=width, frame=0.45)


def scenario_pages(scenario: Scenario, body: float) -> list[Page]:
    """One scenario in full: its summary, what it looks like, ideas to get there."""
    pieces = [Piece("para", scenario.samenvatting),
              Piece("heading", "Zo ziet het eruit"),
              *[Piece("item", b) for b in scenario.beelden]]
    if scenario.ideeen:
        pieces += [Piece("heading", "Ideeën om daar te komen"),
                   *[Piece("item", i) for i in scenario.ideeen]]
    heading = f"{scenario.nummer}. {scenario.naam}"
    cut = flow(pieces, prose_flow(body - heading_height(heading)))
    return _parts(PageKind.SCENARIO, f"Scenario {scenario.nummer}: {scenario.naam}", cut,
                  scenario=scenario)


ACTIONS_TOP = H2_LINE + 0.45 + LEAD * LINE + 0.4   # heading and "Waar staan we nu mee?"


def action_facts(action: Action) -> tuple[str, ...]:
    facts = [("Tevreden als", action.tevreden), ("Wie", action.verantwoordelijk),
             ("Hoe", action.aanpak), ("Tijdpad", action.tijdpad)]
    return tuple(f"{label}: {value}" for label, value in facts if value)


def actions_pages(actions: Sequence[Action], body: float) -> list[Page]:
    """What this locatie agreed on this theme last time, two columns to a page."""
    width = column_width(TWO) - 0.9

    def measure(piece: Piece) -> float:
        return (lines(piece.text, width, H3, BOLD_CHAR) * H3_LINE + 0.6
                + sum(text_height(fact, width) for fact in piece.detail) + 0.7)

    pieces = [Piece("actie", a.ontwikkelpunt, detail=action_facts(a)) for a in actions]
    return _parts(PageKind.ACTIES, "Vorige keer afgesproken",
                  flow(pieces, Flow(TWO, body - ACTIONS_TOP, measure)))


# ---------------------------------------------------------------- points


POINT_NUMBER = 1.7          # the number before a point


def points_pages(points: list[Point], kind: PageKind, title: str, body: float, *,
                 top_em: float = 0.0,
                 **fields) -> list[Page]:
    """Sterke punten and ontwikkelpunten side by side, paged together when long; every
    point keeps its number. ``top_em`` is what stands above the two lists."""
    width = column_width(TWO) - POINT_NUMBER
    how = Flow(1, body - top_em - (H2_LINE + 0.55),
               lambda piece: text_height(piece.text, width) + 0.25)
    numbered = {which: [Piece("punt", p.text, number=n) for n, p in enumerate(
        (p for p in points if p.kind == which), start=1)] for which in ("sterk", "ontwikkel")}
    count = max(len(flow(pieces, how)) for pieces in numbered.values())
    sides = {which: [column for page in flow(pieces, how, pages=count) for column in page]
             for which, pieces in numbered.items()}  # both lists over the same pages

    def side(which: str, index: int) -> tuple[tuple[int, str], ...]:
        columns = sides[which]
        return tuple((p.number, p.text) for p in columns[index]) if index < len(columns) \
            else ()

    return [Page(kind, title if count == 1 else f"{title} ({index + 1} van {count})",
                 sterk=side("sterk", index), ontwikkel=side("ontwikkel", index),
                 part=index + 1 if count > 1 else 0, **fields)
            for index in range(count)]


# ---------------------------------------------------------------- which screen


@dataclass(frozen=True)
class ScreenTarget:
    """What a projector URL shows: a group, or (group None) the plenary screen of a
    dagdeel with several tables."""
    dagdeel_id: int
    group: Group | None


def screen_target(engine: Engine, join_code: str, tafel: str = "", *,
                  client_key: str) -> ScreenTarget:
    """The screen behind ``/scherm?code=…&tafel=…``. At a tafel the screen follows the
    group of the running round; in the opening the first round's, in the closing the
    last round's. A dagdeel with one group needs no tafel.

    The code is looked up like a phone's (``find_open_dagdeel_guarded``): a wrong code
    counts against ``client_key``, a closed dagdeel raises ``Closed``."""
    try:
        dagdeel = find_open_dagdeel_guarded(engine, join_code, client_key)
    except Closed:
        raise
    except NotFound as error:
        raise NotFound("Dit scherm hoort bij geen enkele sessie. Controleer de code in "
                       "het adres.") from error
    label = (tafel or "").strip().upper()[:40]
    with reading(engine) as conn:
        rows = conn.execute(select(groepen.c.id, groepen.c.label, rondes.c.nummer)
                            .join(rondes, rondes.c.id == groepen.c.ronde_id)
                            .where(groepen.c.dagdeel_id == dagdeel.id)
                            .order_by(rondes.c.nummer, groepen.c.id)).all()
        if not label:
            if len(rows) == 1:
                return ScreenTarget(dagdeel.id, load_group(conn, rows[0].id))
            return ScreenTarget(dagdeel.id, None)
        at_table = [row for row in rows if row.label == label]
        if not at_table:
            raise NotFound(f"Tafel {label} bestaat niet in dit dagdeel.")
        if dagdeel.fase == Phase.RONDE:
            chosen = [r for r in at_table if r.nummer == dagdeel.actieve_ronde] or at_table
        elif dagdeel.fase == Phase.AFSLUITING:
            chosen = at_table[-1:]
        else:
            chosen = at_table
        return ScreenTarget(dagdeel.id, load_group(conn, chosen[0].id))


def plenary_title(dagdeel: Dagdeel) -> str:
    """The title line of the plenary screen."""
    return f"ZET — {dagdeel.locatie}"


def screen_path(dagdeel: Dagdeel, label: str = "") -> str:
    """The projector's address (without host): only the public join code and a tafel."""
    return f"/scherm?code={dagdeel.join_code}" + (f"&tafel={label}" if label else "")


@dataclass(frozen=True)
class ClosingGroup:
    """One group as the plenary close presents it: heading, outcome lines, confirmed points."""
    title: str
    lines: tuple[str, ...]
    points: list[Point]


@dataclass(frozen=True)
class Seat:
    """One table of the running round on the plenary screen."""
    label: str
    theme: str
    facilitator: str
    members: int
    step: Step

    @property
    def details(self) -> tuple[str, ...]:
        return (self.theme, f"procesbegeleider {self.facilitator}",
                f"{self.members} deelnemers · stap {self.step.number}: {self.step.label}")


OVERVIEW_HEAD = ("Thema", "Tafel", "Nu", "Gewenst", "Sterk", "Ontwikkel")
OVERVIEW_WIDTHS = (0.27, 0.10, 0.21, 0.21, 0.08, 0.13)   # shares of the table's width
TABLE_COLUMNS = 3


def plenary_pages(dagdeel: Dagdeel, *, general: GeneralTexts | None = None,
                  seats: Sequence[Seat] = (), closing: Sequence[ClosingGroup] = (),
                  overview: Sequence[tuple[str, ...]] = ()) -> list[Page]:
    """The pages of the plenary screen in the dagdeel's current phase: the opening's
    ``general`` texts, the running round's ``seats``, the close's groups (in the order it
    presents them) and its ``overview`` rows (cells as in ``OVERVIEW_HEAD``)."""
    room = dagdeel.room
    body = body_height(plenary_title(dagdeel))
    if room.phase == Phase.OPENING:
        return [Page(PageKind.WELKOM, "Welkom, QR-code en aanmeldingen"),
                *(_opening_pages(general, body) if general else [])]
    if room.in_round:
        return _round_pages(room.ronde or 0, seats, body)
    pages = []
    for index, group in enumerate(closing):
        top = heading_height(group.title) + _lines_em(group.lines)
        pages += points_pages(group.points, PageKind.GROEP, group.title, body, top_em=top,
                              group_index=index)
    return [*pages, *_overview_pages(overview, body)]


def _opening_pages(general: GeneralTexts, body: float) -> list[Page]:
    goals = [Piece("item", goal, number=n) for n, goal in enumerate(general.methode_doelen, 1)]
    one = prose_flow(body - heading_height("Wat dit dagdeel oplevert"), columns=1)
    pages = _parts(PageKind.DOELEN, "Wat dit dagdeel oplevert", flow(goals, one)) if goals else []
    method = prose_flow(body - heading_height(general.methode_titel))
    pages += _parts(PageKind.METHODE, "De ZET-methode", flow(prose_pieces(general.methode_tekst),
                                                      method))
    scenarios = [piece for n, item in enumerate(general.scenario_uitleg, start=1)
                 for piece in (Piece("heading", f"{n}. {item.titel}"), Piece("para", item.tekst))]
    pages += _parts(PageKind.VIER_SCENARIOS, "De vier scenario's",
                    flow(scenarios, prose_flow(body - heading_height("De vier scenario's"))))
    return pages


def prose_pieces(text: str) -> list[Piece]:
    """Paragraphs (split at blank lines) and numbered list items ('1. …') of a text."""
    pieces = []
    for block in text.split("\n\n"):
        items = re.split(r"(?m)^\s*(\d+)\.\s+", block)
        lead = " ".join(items[0].split())
        if lead:
            pieces.append(Piece("para", lead))
        for number, item in zip(items[1::2], items[2::2], strict=True):
            pieces.append(Piece("item", " ".join(item.split()), number=int(number)))
    return pieces


ROUND_TOP = LEAD * LINE + 0.5                # "Je telefoon laat zien aan welke tafel je zit."


def _round_pages(nummer: int, seats: Sequence[Seat], body: float) -> list[Page]:
    width = column_width(TABLE_COLUMNS)

    def measure(piece: Piece) -> float:
        return 0.7 + H3_LINE + 0.4 + sum(text_height(line, width) for line in piece.detail) \
            + 0.9

    pieces = [Piece("tafel", seat.label or "–", detail=seat.details) for seat in seats]
    how = Flow(TABLE_COLUMNS, body - heading_height(f"Ronde {nummer} · 00:00–00:00")
               - ROUND_TOP, measure)
    return _parts(PageKind.RONDE, f"Ronde {nummer}: wie zit waar", flow(pieces, how))


def _overview_pages(rows: Sequence[tuple[str, ...]], body: float) -> list[Page]:
    def height(cells: Sequence[str]) -> float:
        return max(lines(str(cell), BODY_W * share - 0.5)
                   for cell, share in zip(cells, OVERVIEW_WIDTHS, strict=True)) * LINE + 0.3

    how = Flow(1, body - heading_height("Overzicht van alle groepen") - height(OVERVIEW_HEAD),
               lambda piece: height(piece.detail))
    pieces = [Piece("rij", detail=tuple(str(cell) for cell in row)) for row in rows]
    return _parts(PageKind.OVERZICHT, "Overzicht van alle groepen", flow(pieces, how))
