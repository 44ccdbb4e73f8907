"""What a projector shows: which group a screen follows, and how each step is cut into
pages that fit a 1920×1080 beamer at projector type sizes, without scrolling.

The projector view draws one page; the control view lists the same pages and chooses which
one is on the wall (``groepen.scherm_pagina``). Both build them with ``group_pages`` from
the same data, so "pagina 2 van 5" means the same on both.

Fitting is estimated from text length: the screen's type is set in ``ui/projector`` with
the sizes below, and a browser test checks that no page of the demo data overflows.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from zet.actions import Action, open_actions_for
from zet.aggregates import (
    Progress,
    QuestionSummary,
    ScenarioDistribution,
    progress,
    scenario_distribution,
    summarise,
)
from zet.answers import Answer, answer_text, group_answers
from zet.content.model import Card, Library, Question, Scenario, Theme
from zet.dagdelen import Dagdeel, get_dagdeel
from zet.db import reading
from zet.db.schema import groepen, rondes
from zet.errors import Closed, NotFound
from zet.groups import Group, get_group, load_group, revealed_cards
from zet.participants import members_of
from zet.points import Point, working_list
from zet.roles import role_sort_key
from zet.scenarios import placements
from zet.states import Phase
from zet.steps import Step
from zet.throttle import find_open_dagdeel_guarded

# The projector's geometry (1920×1080, see ui/projector/style.py): body text 28 px in the
# app's Source Sans, about 12 px per character on average (13 px here, to be safe);
# lines of 1.3 × 28 px; page headings 40 px bold. Measured in Chromium, kept conservative.
SCREEN_PX = 1848           # width inside the page margins
BODY_PX = 880              # height of the body area below the header
CHAR_PX = 13.0
LINE_PX = 36.4
HEADING_CHAR_PX = 20.0
HEADING_LINE_PX = 48.0 + 14
COLUMN_GAP_PX = 24
ANSWER_INSET_PX = 34       # border and padding left and right of one answer
ANSWER_FRAME_PX = 26       # padding and gap above and below one answer
MAX_COLUMNS = 4            # answer columns side by side


def chars_per_line(width_px: float, char_px: float = CHAR_PX) -> int:
    return max(8, int(width_px // char_px))


def wrapped_lines(value: str, width: int) -> int:
    """How many lines ``value`` takes at ``width`` characters (paragraphs kept)."""
    return sum(max(1, len(textwrap.wrap(part, width) or [""]))
               for part in value.splitlines() or [""])


def split_to_fit(value: str, width: int, lines: int) -> list[str]:
    """A text as it is when it fits in ``lines``; otherwise cut into parts that do, at
    line ends, keeping its own line breaks."""
    if wrapped_lines(value, width) <= lines:
        return [value]
    rows: list[tuple[str, bool]] = []  # (line, starts a new paragraph)
    for paragraph in value.splitlines() or [""]:
        for index, line in enumerate(textwrap.wrap(paragraph, width) or [""]):
            rows.append((line, index == 0))
    parts = []
    for start in range(0, len(rows), lines):
        chunk = rows[start:start + lines]
        text = chunk[0][0]
        for line, new_paragraph in chunk[1:]:
            text += ("\n" if new_paragraph else " ") + line
        parts.append(text)
    return parts


def column_width_px(count: int) -> float:
    return (SCREEN_PX - COLUMN_GAP_PX * (count - 1)) / count


def heading_px(text: str) -> float:
    return wrapped_lines(text, chars_per_line(SCREEN_PX - 80, HEADING_CHAR_PX)) \
        * HEADING_LINE_PX


# ---------------------------------------------------------------- pages


@dataclass(frozen=True)
class AnswerColumn:
    role: str
    texts: tuple[str, ...]
    continued: bool = False  # the role's answers started on an earlier page


@dataclass(frozen=True)
class Page:
    """One screenful. ``kind`` says how to draw it; ``title`` is its name on the control
    view ('Vraag 2 (deel 1 van 2)')."""
    kind: str
    title: str
    question: Question | None = None
    number: int = 0                      # the question's number in the werkblad
    summary: QuestionSummary | None = None
    columns: tuple[AnswerColumn, ...] = ()
    card: Card | None = None
    sterk: tuple[tuple[int, str], ...] = ()
    ontwikkel: tuple[tuple[int, str], ...] = ()
    scenario: Scenario | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class GroupState:
    """Everything a projector page of one group is made from."""
    group: Group
    theme: Theme
    answers: list[Answer]
    progress: Progress
    revealed: list[Card]
    points: list[Point]
    distribution: ScenarioDistribution
    member_count: int
    actions: tuple[Action, ...] = ()  # open actions of this locatie and theme, from before


def load_group_state(engine: Engine, library: Library, group_id: int) -> GroupState:
    """Read everything a group's projector page is made of."""
    group = get_group(engine, group_id)
    theme = library.theme(group.theme_id)
    locatie_id = get_dagdeel(engine, group.dagdeel_id).locatie_id
    people = members_of(engine, group_id)
    given = group_answers(engine, group_id)
    return GroupState(
        group=group, theme=theme, answers=given,
        progress=progress(theme.vragen, given, people),
        revealed=[c for cid in revealed_cards(engine, group_id) if (c := theme.card(cid))],
        points=working_list(engine, group_id),
        distribution=scenario_distribution(placements(engine, group_id)),
        member_count=len(people),
        actions=tuple(open_actions_for(engine, locatie_id, group.theme_id)))


def group_pages(state: GroupState) -> list[Page]:
    """The pages of the group's current step, in order."""
    step = state.group.step
    if step == Step.WERKBLAD:
        earlier = [Page("acties", "Vorige keer afgesproken")] if state.actions else []
        return [Page("werkblad", "Werkblad: QR-code en voortgang"), *earlier]
    if step == Step.UITWISSELING:
        return [page for number, question in enumerate(state.theme.vragen, start=1)
                for page in _question_pages(number, question, state.answers)] \
            or [Page("leeg", "Nog geen vragen")]
    if step == Step.REFLECTIEKAARTEN:
        return [Page("kaart", f"Kaart: {card.titel}", card=card) for card in state.revealed] \
            or [Page("geen-kaart", "Nog geen kaart")]
    if step == Step.PUNTEN:
        return points_pages(state.points, "punten", "Sterke punten en ontwikkelpunten")
    if step == Step.SCENARIO:
        return [Page("scenarios", "De vier scenario's en wie waar staat"),
                *[Page("scenario", f"Scenario {s.nummer}: {s.naam}", scenario=s)
                  for s in state.theme.scenarios]]
    return points_pages(state.points, "uitkomst", "Wat de groep heeft opgeleverd")


def page_at(pages: list[Page], index: int) -> tuple[int, Page]:
    """The page the control view chose, kept inside the pages that exist now."""
    index = min(max(index, 0), len(pages) - 1)
    return index, pages[index]


def _question_pages(number: int, question: Question, answers: list[Answer]) -> list[Page]:
    summary = summarise(question, answers)
    title = f"Vraag {number}"
    if question.is_closed:
        return [Page("vraag", title, question=question, number=number, summary=summary)]
    texts_by_role = {role: [answer_text(value, bullets=True) for value in values]
                     for role, values in summary.by_role.items()}
    pages = _pack_columns(texts_by_role, BODY_PX - heading_px(question.vraag) - LINE_PX)
    if len(pages) == 1:
        return [Page("vraag", title, question=question, number=number, summary=summary,
                     columns=pages[0])]
    return [Page("vraag", f"{title} (deel {part} van {len(pages)})", question=question,
                 number=number, summary=summary, columns=columns, extra={"part": part})
            for part, columns in enumerate(pages, start=1)]


def _pack_columns(texts_by_role: dict[str, list[str]],
                  room_px: float) -> list[tuple[AnswerColumn, ...]]:
    """Role columns, MAX_COLUMNS to a page; a role that does not fit one column goes on
    in the next column (and page), a very long answer is cut into parts."""
    roles = sorted(texts_by_role, key=role_sort_key)
    if not roles:
        return [()]
    column_px = column_width_px(min(len(roles), MAX_COLUMNS))
    width = chars_per_line(column_px - ANSWER_INSET_PX)
    columns: list[AnswerColumn] = []
    for role in roles:
        heading = wrapped_lines(role, chars_per_line(column_px - 24)) * LINE_PX + 12
        current: list[str] = []
        used = heading
        continued = False
        longest = max(1, int((room_px - heading - ANSWER_FRAME_PX) // LINE_PX))
        for text in texts_by_role[role]:
            for part in split_to_fit(text, width, longest):
                need = wrapped_lines(part, width) * LINE_PX + ANSWER_FRAME_PX
                if current and used + need > room_px:
                    columns.append(AnswerColumn(role, tuple(current), continued))
                    current, used, continued = [], heading, True
                current.append(part)
                used += need
        columns.append(AnswerColumn(role, tuple(current), continued))
    return [tuple(columns[i:i + MAX_COLUMNS]) for i in range(0, len(columns), MAX_COLUMNS)]


def points_pages(points: list[Point], kind: str, title: str) -> list[Page]:
    """Sterke punten and ontwikkelpunten side by side, paged together when long."""
    width = chars_per_line(column_width_px(2) - 60)
    room = BODY_PX - HEADING_LINE_PX - 2 * LINE_PX  # column headings, the outcome line
    sides = {}
    for which in ("sterk", "ontwikkel"):
        numbered = [(n, p.text) for n, p in enumerate(
            (p for p in points if p.kind == which), start=1)]
        sides[which] = _chunks(numbered, width, room)
    count = max(len(sides["sterk"]), len(sides["ontwikkel"]), 1)
    pages = []
    for index in range(count):
        label = title if count == 1 else f"{title} ({index + 1} van {count})"
        pages.append(Page(kind, label,
                          sterk=tuple(sides["sterk"][index]) if index < len(sides["sterk"])
                          else (),
                          ontwikkel=tuple(sides["ontwikkel"][index])
                          if index < len(sides["ontwikkel"]) else ()))
    return pages


def _chunks(items: list[tuple[int, str]], width: int, room_px: float) -> list[list]:
    chunks: list[list] = []
    current: list = []
    used = 0.0
    for number, text in items:
        need = wrapped_lines(text, width) * LINE_PX + 8
        if current and used + need > room_px:
            chunks.append(current)
            current, used = [], 0.0
        current.append((number, text))
        used += need
    if current:
        chunks.append(current)
    return chunks


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


def screen_path(dagdeel: Dagdeel, label: str = "") -> str:
    """The projector's address (without host): only the public join code and a tafel."""
    return f"/scherm?code={dagdeel.join_code}" + (f"&tafel={label}" if label else "")


def plenary_pages(dagdeel: Dagdeel,
                  closing: Sequence[tuple[str, list[Point]]] = ()) -> list[Page]:
    """The pages of the plenary screen in the dagdeel's current phase. ``closing`` gives
    each group's title and confirmed points, in the order the close presents them."""
    room = dagdeel.room
    if room.phase == Phase.OPENING:
        return [Page("welkom", "Welkom, QR-code en aanmeldingen"),
                Page("methode", "De ZET-methode"),
                Page("vier-scenarios", "De vier scenario's")]
    if room.in_round:
        return [Page("ronde", f"Ronde {room.ronde}: wie zit waar")]
    pages = []
    for index, (title, group_points) in enumerate(closing):
        for page in points_pages(group_points, "groep", title):
            pages.append(Page(page.kind, page.title, sterk=page.sterk,
                              ontwikkel=page.ontwikkel, extra={"index": index}))
    return [*pages, Page("overzicht", "Overzicht van alle groepen")]
