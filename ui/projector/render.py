"""The projector's pages as HTML: large type, role colours, full labels, no controls.

Pure functions from ``zet.room.screen_pages`` pages to HTML strings (no Streamlit here), so they
are tested directly. Every value from outside the code goes through ``esc``. What flows on
a page (answers, list items, paragraphs, tables) comes cut into columns by
``zet.room.screen_pages``; this module only draws the columns it is given.
"""
from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ui.projector.quickscan import quickscan_page_html
from ui.projector.style import PROJECTOR_STYLE, role_color
from ui.text import esc
from zet.answer_types import answer_type
from zet.content.model import Theme
from zet.qr import qr_png
from zet.roles import role_sort_key
from zet.room.aggregates import QuestionSummary, ScenarioDistribution
from zet.room.groups import Group
from zet.room.screen_pages import (
    ANSWER_COLUMNS,
    OVERVIEW_HEAD,
    OVERVIEW_WIDTHS,
    TABLE_COLUMNS,
    TWO,
    WHOLE_GROUP,
    Page,
    PageKind,
    outcome_lines,
)
from zet.room.screenfit import LONG_TITLE, Column, Piece
from zet.room.snapshot import GroupSnapshot
from zet.steps import STEP_ORDER, Step


def screen_html(*, title: str, kicker_html: str, step: str, page_index: int,
                pages: list[Page] | int, body_html: str, join_code: str = "",
                join_url: str = "", footer: str = "") -> str:
    """The frame of every projector page: the title and the step line with the join code
    beside them, the body, and a footer with where to join and the page number. Arguments
    ending in ``_html`` are HTML built by this module; ``title`` and ``footer`` are text."""
    count = pages if isinstance(pages, int) else len(pages)
    paging = f"pagina {page_index + 1} van {count}" if count > 1 else ""
    foot_html = esc(" · ".join(part for part in (footer, paging) if part))
    size = " zp-title-long" if len(title) > LONG_TITLE else ""
    code_html = f"<span class='zp-code-small'>{esc(join_code)}</span>" if join_code else ""
    where_html = f"<span>Meedoen: {_breakable_html(_short(join_url))}</span>" if join_url else ""
    return (f"{PROJECTOR_STYLE}<div class='zp' data-testid='projector' data-step='{esc(step)}' "
            f"data-page='{page_index}' data-pages='{count}'>"
            f"<div class='zp-head'><div class='zp-titles'><div class='zp-title{size}'>"
            f"{esc(title)}</div><div class='zp-kicker'>{kicker_html}</div></div>"
            f"<div class='zp-join'>{code_html}</div></div>"
            f"<main class='zp-main'>{body_html}</main>"
            f"<div class='zp-foot'>{where_html}<span class='zp-paging'>{foot_html}</span>"
            f"</div></div>")


def stepper_html(current: Step) -> str:
    """The six steps on one line: the current one by name, the others by number."""
    parts = []
    for step in STEP_ORDER:
        state = "now" if step == current else "done" if step.number < current.number else ""
        label = f"{step.number}. {step.label}" if step == current else str(step.number)
        parts.append(f"<span class='zp-step {esc(state)}' title='{esc(step.label)}'>"
                     f"{esc(label)}</span>")
    return "<span class='zp-sep'>›</span>".join(parts)


def _short(url: str) -> str:
    return url.split("://", 1)[-1].split("?", 1)[0]


def qr_html(url: str) -> str:
    png = base64.b64encode(qr_png(url)).decode("ascii")
    return (f"<img class='zp-qr' alt='QR-code om mee te doen' "
            f"src='data:image/png;base64,{esc(png)}'/>")


def join_block_html(join_code: str, join_url: str) -> str:
    return (f"<div class='zp-joinblock'>{qr_html(join_url)}"
            f"<div class='zp-code' data-testid='join-code'>{esc(join_code)}</div>"
            f"<div class='zp-url'>Scan de code of ga naar<br/>{_breakable_html(_short(join_url))}"
            f"</div></div>")


def _breakable_html(address: str) -> str:
    """An address that may wrap after its slashes rather than inside a word."""
    return "/<wbr/>".join(esc(part) for part in address.split("/"))


# ---------------------------------------------------------------- flowing columns


def columns_html(columns: Sequence[Column], count: int, *, kind: str = "") -> str:
    """``count`` columns side by side (empty ones keep the others' width)."""
    cells = [*columns, *[()] * (count - len(columns))]
    return (f"<div class='zp-flow {esc(kind)}' style='--cols:{count}'>"
            + "".join(f"<div class='zp-fcol'>{''.join(piece_html(p) for p in column)}</div>"
                      for column in cells) + "</div>")


def piece_html(piece: Piece) -> str:
    text_html = esc(piece.text)
    later_html = " <span class='zp-cont'>(vervolg)</span>" if piece.continued else ""
    if piece.kind == "role":
        return (f"<div class='zp-role' style='border-color:{role_color(piece.role)}'>"
                f"{text_html}{later_html}</div>")
    if piece.kind == "answer":
        return (f"<div class='zp-answer' data-testid='answer' dir='auto' "
                f"style='border-color:{role_color(piece.role)}'>{text_html}</div>")
    if piece.kind == "heading":
        return f"<h3>{text_html}{later_html}</h3>"
    if piece.kind == "item":
        return numbered_html(piece.number, piece.text, bullet="•")
    if piece.kind == "lead":
        return f"<p class='zp-lead' dir='auto'>{text_html}</p>"
    if piece.kind == "tafel":
        theme, *rest = piece.detail
        return (f"<section class='zp-table'><h3>Tafel {text_html}</h3>"
                f"<div class='zp-table-theme'>{esc(theme)}</div>"
                + "".join(f"<div>{esc(line)}</div>" for line in rest) + "</section>")
    if piece.kind == "actie":
        return (f"<section class='zp-action'><h3 dir='auto'>{text_html}</h3>"
                + "".join(f"<div dir='auto'>{esc(fact)}</div>" for fact in piece.detail)
                + "</section>")
    return f"<p dir='auto'>{_bold_html(text_html)}</p>"


def numbered_html(number: int, text: str, *, bullet: str = "", testid: str = "") -> str:
    """A list item whose number (or bullet) stands left of its text in every script: the
    text takes its own direction, the number stays put (a native list marker goes to the
    right of right-to-left text, outside the column)."""
    mark = f"{number}." if number else bullet
    test_html = f" data-testid='{esc(testid)}'" if testid else ""
    return (f"<div class='zp-item'><span class='zp-n'>{esc(mark)}</span>"
            f"<span class='zp-itext' dir='auto'{test_html}>{esc(text)}</span></div>")


def _bold_html(escaped: str) -> str:
    """``**word**`` in the method texts as bold; the text is escaped already."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)


# ---------------------------------------------------------------- group pages


@dataclass(frozen=True)
class GroupScreen:
    """What a group's beamer page is drawn from besides the page itself."""
    state: GroupSnapshot
    join_code: str
    join_url: str


NOTHING_YET = "Nog niets om te tonen."


def _card_html(page: Page) -> str:
    if page.card is None:
        return _calm(NOTHING_YET)
    return (f"<div class='zp-card'><h2>{esc(page.card.titel)}</h2>"
            f"{columns_html(page.columns, 1, kind='zp-cardflow')}</div>")


def _scenario_html(page: Page) -> str:
    if page.scenario is None:
        return _calm(NOTHING_YET)
    return (f"<h2>{page.scenario.nummer}. {esc(page.scenario.naam)}</h2>"
            f"{columns_html(page.columns, TWO)}")


def _quickscan_html(screen: GroupScreen, page: Page) -> str:
    scan = screen.state.quickscan
    if scan is None:
        return _calm(NOTHING_YET)
    return quickscan_page_html(scan, before_werkblad=screen.state.group.step == Step.WERKBLAD)


# One renderer per kind of a group's page; the plenary kinds are drawn by
# ``ui.projector.plenary.PLENARY_RENDERERS`` (``tests/test_step_registries.py``).
GROUP_RENDERERS: dict[PageKind, Callable[[GroupScreen, Page], str]] = {
    PageKind.WERKBLAD: lambda screen, page: _werkblad(screen.state, screen.join_code,
                                                      screen.join_url),
    PageKind.ACTIES: lambda screen, page: (
        f"<h2>Vorige keer afgesproken</h2><p class='zp-lead'>Waar staan we nu mee?"
        f"</p>{columns_html(page.columns, TWO)}"),
    PageKind.VRAAG: lambda screen, page: _question(page),
    PageKind.QUICKSCAN: _quickscan_html,
    PageKind.LEEG: lambda screen, page: _calm(NOTHING_YET),
    PageKind.KAART: lambda screen, page: _card_html(page),
    PageKind.GEEN_KAART: lambda screen, page: _calm(
        "De procesbegeleider kiest zo een reflectiekaart."),
    PageKind.PUNTEN: lambda screen, page: outcome_html(
        screen.state.theme, screen.state.group, page, with_scenario=False),
    PageKind.SCENARIOS: lambda screen, page: _scenarios(screen.state.theme, screen.state),
    PageKind.SCENARIO: lambda screen, page: _scenario_html(page),
    PageKind.UITKOMST: lambda screen, page: outcome_html(
        screen.state.theme, screen.state.group, page, with_scenario=True),
}


def group_page_html(state: GroupSnapshot, page: Page, *, join_code: str, join_url: str) -> str:
    """The body of one page of a group's beamer."""
    return GROUP_RENDERERS[page.kind](GroupScreen(state, join_code, join_url), page)


def _calm(message: str) -> str:
    return f"<div class='zp-calm'>{esc(message)}</div>"


def _werkblad(state: GroupSnapshot, join_code: str, join_url: str) -> str:
    progress = state.progress
    questions_html = "".join(
        f"<li><span class='zp-q'>{esc(q.vraag)}</span> "
        f"<span class='zp-type'>({esc(answer_type(q).label)})</span></li>"
        for q in state.theme.vragen)
    busy = progress.started - progress.done
    busy_html = f"<div class='zp-busy'>{busy} nog bezig</div>" if busy > 0 else ""
    return (f"<div class='zp-split'>{join_block_html(join_code, join_url)}"
            f"<div class='zp-task'><h2>Werkblad — ieder voor zich</h2>"
            f"<ol class='zp-qlist'>{questions_html}</ol>"
            f"<div class='zp-progress' data-testid='werkblad-progress'>{progress.done} van "
            f"{progress.total} ingevuld</div>{busy_html}</div></div>")


def _question(page: Page) -> str:
    question, summary = page.question, page.summary
    assert question is not None and summary is not None
    heading = (f"<h2 class='zp-qhead'><span class='zp-num'>{page.number}</span>"
               f"<span>{esc(question.vraag)}</span></h2>")
    body = QUESTION_BODIES[question.type](summary, page)
    hidden = (f"<div class='zp-note'>{summary.hidden_count} antwoord(en) niet getoond.</div>"
              if summary.hidden_count else "")
    return heading + body + hidden


def _legend_html(roles: Iterable[str]) -> str:
    keys_html = "".join(f"<span class='zp-key'><i style='background:{role_color(r)}'></i>"
                        f"{esc(r)}</span>" for r in sorted(set(roles), key=role_sort_key))
    return f"<div class='zp-legend'>{keys_html}</div>"


def _segments_html(counts: dict[str, int], scale_max: int) -> str:
    """One coloured piece per role, as wide as its share of ``scale_max``."""
    return "".join(
        f"<span class='zp-seg' style='width:{100 * n / max(scale_max, 1):.2f}%;"
        f"background:{role_color(role)}' title='{esc(role)}'></span>"
        for role, n in sorted(counts.items(), key=lambda i: role_sort_key(i[0])) if n)


def _stacked_row_html(label: str, counts: dict[str, int], scale_max: int) -> str:
    total = sum(counts.values())
    return (f"<div class='zp-bar'><div class='zp-bar-label'>{esc(label)}</div>"
            f"<div class='zp-bar-track'><span class='zp-bar-fill'>"
            f"{_segments_html(counts, scale_max)}</span>"
            f"<span class='zp-bar-n'>{total}</span></div></div>")


def _bars_html(page: Page, by_key: dict, by_role: dict) -> str:
    """The bars of this page's options (each piece's number is its option's index)."""
    if not any(sum(c.values()) for c in by_key.values()):
        return _calm("Nog geen keuzes.")
    keys = list(by_key)
    most = max(sum(c.values()) for c in by_key.values())
    rows_html = "".join(_stacked_row_html(piece.text, by_key[keys[piece.number]], most)
                        for column in page.columns for piece in column)
    return f"<div class='zp-bars'>{rows_html}</div>{_legend_html(by_role)}"


def _option_bars(summary: QuestionSummary, page: Page) -> str:
    by_option = {option: {role: counts.get(option, 0)
                          for role, counts in summary.option_counts_by_role.items()}
                 for option in summary.question.opties}
    return _bars_html(page, by_option, summary.option_counts_by_role)


def _scale_bars(summary: QuestionSummary, page: Page) -> str:
    by_point = {point: {role: counts.get(point, 0)
                        for role, counts in summary.scale_by_role.items()}
                for point in range(1, 6)}
    return _bars_html(page, by_point, summary.scale_by_role)


def _koos(summary: QuestionSummary, page: Page) -> str:
    if not summary.koos_by_role:
        return _calm("Nog geen complete antwoorden.")
    overall = summary.koos_overall()
    rows_html = ["<div class='zp-koos zp-koos-head'><span></span><span>gewenst</span>"
                 "<span>feitelijk</span><span>verschil</span></div>"]
    for piece in (p for column in page.columns for p in column):
        whole = piece.text == WHOLE_GROUP and not piece.role
        values = overall if whole else summary.koos_by_role.get(piece.role)
        if values is None:
            continue
        wanted, actual = values
        color = "#1f2933" if whole else role_color(piece.role)
        rows_html.append(
            f"<div class='zp-koos'><div class='zp-koos-role'><i style='background:{color}'>"
            f"</i>{esc(piece.text)}</div>{_kbar_html(wanted, '#1f5f8b')}"
            f"{_kbar_html(actual, '#8aa6c1')}"
            f"<div class='zp-gap'>{wanted - actual:+.1f}</div></div>")
    return f"<div class='zp-koosgrid'>{''.join(rows_html)}</div>"


def _kbar_html(value: float, color: str) -> str:
    return (f"<div class='zp-kbar'><b style='width:{value / 5 * 100:.1f}%;"
            f"background:{color}'></b><em>{value:.1f}</em></div>")


def _open_answers(summary: QuestionSummary, page: Page) -> str:
    if not page.columns or not any(page.columns):
        return _calm("Nog geen antwoorden op deze vraag.")
    return columns_html(page.columns, ANSWER_COLUMNS, kind="zp-answers")


# How a question's page is drawn, per answer type (``zet.answer_types``).
QUESTION_BODIES: dict[str, Callable[[QuestionSummary, Page], str]] = {
    "tekst": _open_answers,
    "lijst": _open_answers,
    "keuze": _option_bars,
    "meerkeuze": _option_bars,
    "schaal": _scale_bars,
    "koos": _koos,
}


def outcome_html(theme: Theme, group: Group, page: Page, *, with_scenario: bool) -> str:
    """Sterke punten and ontwikkelpunten side by side; with the scenario and the reporter
    for a group's outcome (afronding, plenary close). Every point keeps its number."""
    def side_html(title: str, items: tuple[tuple[int, str], ...], empty: str) -> str:
        list_html = "".join(numbered_html(n, text, testid="answer") for n, text in items) \
            or (f"<div class='zp-empty'>{esc(empty)}</div>" if page.part <= 1 else "")
        return f"<section><h2>{esc(title)}</h2><div class='zp-list'>{list_html}</div></section>"

    top = ""
    if with_scenario:
        top = "".join(f"<div class='zp-outcome-line' dir='auto'>{esc(line)}</div>"
                      for line in outcome_lines(theme, group))
    elif group.points_confirmed_at is not None:
        top = "<div class='zp-outcome-line'>De groep heeft deze lijst bevestigd.</div>"
    return (top + "<div class='zp-points'>"
            + side_html("Sterke punten", page.sterk, "Nog geen sterke punten.")
            + side_html("Ontwikkelpunten", page.ontwikkel, "Nog geen ontwikkelpunten.")
            + "</div>")


def _scenarios(theme: Theme, state: GroupSnapshot) -> str:
    """The four scenarios by name, and where the members put the school now and wanted."""
    distribution: ScenarioDistribution = state.distribution
    group = state.group
    columns_html = []
    for scenario in theme.scenarios:
        n = scenario.nummer
        marks = [mark for mark, chosen in (("nu", group.scenario_nu),
                                           ("gewenst", group.scenario_gewenst)) if chosen == n]
        badge_html = (f"<div class='zp-badge'>groep: {esc(' en '.join(marks))}</div>"
                      if marks else "")
        columns_html.append(
            f"<section class='zp-scol'><h3>{n}. {esc(scenario.naam)}</h3>{badge_html}"
            f"{_placement_html('nu', distribution.nu, n, state.member_count)}"
            f"{_placement_html('gewenst', distribution.gewenst, n, state.member_count)}"
            f"</section>")
    roles = [*distribution.nu, *distribution.gewenst]
    placed_html = (f"<div class='zp-note' data-testid='scenario-placed'>{distribution.placed} "
                   f"van {state.member_count} deelnemers hebben gekozen</div>")
    return (f"<div class='zp-scols'>{''.join(columns_html)}</div>"
            f"{_legend_html(roles) if roles else ''}{placed_html}")


def _placement_html(which: str, source: dict[str, dict[int, int]], number: int,
                    members: int) -> str:
    counts = {role: per.get(number, 0) for role, per in source.items()}
    total = sum(counts.values())
    return (f"<div class='zp-place'><span class='zp-place-label'>{esc(which)}</span>"
            f"<div class='zp-bar-track'><span class='zp-bar-fill'>"
            f"{_segments_html(counts, members)}</span>"
            f"<span class='zp-bar-n'>{total}</span></div></div>")


# ---------------------------------------------------------------- plenary pages


def welcome_html(locatie: str, joined: int, join_code: str, join_url: str) -> str:
    return (f"<div class='zp-split'>{join_block_html(join_code, join_url)}"
            f"<div class='zp-task'><h2>Welkom bij ZET — {esc(locatie)}</h2>"
            f"<p class='zp-lead'>Samen kijken we naar de kwaliteit van Samen Opleiden en "
            f"Professionaliseren: waar staan we nu, waar willen we naartoe?</p>"
            f"<p class='zp-lead'>Scan de QR-code met je telefoon en kies je rol.</p>"
            f"<div class='zp-progress' data-testid='joined-count'>{joined:d} aangemeld</div>"
            f"</div></div>")


def flow_page_html(title: str, page: Page, columns: int) -> str:
    """A heading and what flows under it: the aims, the method, the four scenarios."""
    return f"<div class='zp-prose'><h2>{esc(title)}</h2>{columns_html(page.columns, columns)}</div>"


def round_overview_html(nummer: int, times: str, page: Page) -> str:
    times_html = f" · {esc(times)}" if times else ""
    return (f"<h2>Ronde {nummer}{times_html}</h2>"
            f"<p class='zp-lead'>Je telefoon laat zien aan welke tafel je zit.</p>"
            f"{columns_html(page.columns, TABLE_COLUMNS)}")


def overview_table_html(page: Page) -> str:
    """The close's overview: one row per group, cut into pages when there are many."""
    cols_html = "".join(f"<col style='width:{esc(round(share * 100))}%'/>"
                        for share in OVERVIEW_WIDTHS)
    head_html = "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in OVERVIEW_HEAD) + "</tr>"
    body_html = "".join("<tr>" + "".join(f"<td dir='auto'>{esc(cell)}</td>"
                                         for cell in piece.detail) + "</tr>"
                        for column in page.columns for piece in column)
    return (f"<h2>Overzicht van alle groepen</h2>"
            f"<table class='zp-overview'><colgroup>{cols_html}</colgroup>"
            f"{head_html}{body_html}</table>")
