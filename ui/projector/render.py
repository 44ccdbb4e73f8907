"""The projector's pages as HTML: large type, role colours, full labels, no controls.

Pure functions from ``zet.projector`` pages to HTML strings (no Streamlit here), so they
are tested directly. Every value from outside the code goes through ``esc``.
"""
from __future__ import annotations

import base64
from collections.abc import Iterable

from ui.projector.style import PROJECTOR_STYLE, role_color
from ui.text import esc
from zet.aggregates import QuestionSummary, ScenarioDistribution
from zet.content.model import ANSWER_TYPE_LABELS, GeneralTexts, Theme
from zet.groups import Group
from zet.projector import GroupState, Page
from zet.qr import qr_png
from zet.roles import role_sort_key
from zet.scenarios import scenario_label
from zet.steps import STEP_ORDER, Step


def screen(*, title: str, kicker: str, step: str, page_index: int, pages: list[Page] | int,
           body: str, join: str = "", footer: str = "") -> str:
    """The frame of every projector page: title line, step line, body, footer."""
    count = pages if isinstance(pages, int) else len(pages)
    paging = f"pagina {page_index + 1} van {count}" if count > 1 else ""
    foot = " · ".join(part for part in (esc(footer), paging) if part)
    return (f"{PROJECTOR_STYLE}<div class='zp' data-testid='projector' data-step='{esc(step)}' "
            f"data-page='{page_index}' data-pages='{count}'>"
            f"<div class='zp-head'><div class='zp-titles'><div class='zp-title'>"
            f"{esc(title)}</div><div class='zp-kicker'>{kicker}</div></div>"
            f"<div class='zp-join'>{join}</div></div>"
            f"<main class='zp-main'>{body}</main>"
            f"<div class='zp-foot'>{foot}</div></div>")


def stepper(current: Step) -> str:
    parts = []
    for step in STEP_ORDER:
        state = "now" if step == current else "done" if step.number < current.number else ""
        parts.append(f"<span class='zp-step {state}'>{step.number}. {esc(step.label)}</span>")
    return "<span class='zp-sep'>›</span>".join(parts)


def join_line(join_code: str, join_url: str) -> str:
    """The small corner line for late comers: where to go and the code."""
    return (f"<span>Meedoen: {esc(_short(join_url))}</span>"
            f"<span class='zp-code-small'>{esc(join_code)}</span>")


def _short(url: str) -> str:
    return url.split("://", 1)[-1].split("?", 1)[0]


def qr_img(url: str, size: int) -> str:
    data = base64.b64encode(qr_png(url)).decode("ascii")
    return (f"<img class='zp-qr' alt='QR-code om mee te doen' width='{size}' height='{size}' "
            f"src='data:image/png;base64,{data}'/>")


def join_block(join_code: str, join_url: str, *, size: int = 420) -> str:
    return (f"<div class='zp-joinblock'>{qr_img(join_url, size)}"
            f"<div class='zp-code' data-testid='join-code'>{esc(join_code)}</div>"
            f"<div class='zp-url'>Scan de code of ga naar<br/>{esc(_short(join_url))}</div></div>")


# ---------------------------------------------------------------- group pages


def group_page(state: GroupState, page: Page, *, join_code: str, join_url: str) -> str:
    theme = state.theme
    if page.kind == "werkblad":
        return _werkblad(state, join_code, join_url)
    if page.kind == "vraag":
        return _question(page)
    if page.kind == "kaart" and page.card is not None:
        card = page.card
        questions = "".join(f"<li>{esc(q)}</li>" for q in card.vragen)
        return (f"<div class='zp-card'><h2>{esc(card.titel)}</h2>"
                f"<p class='zp-lead'>{esc(card.kern)}</p><ul class='zp-questions'>"
                f"{questions}</ul></div>")
    if page.kind == "geen-kaart":
        return _calm("De procesbegeleider kiest zo een reflectiekaart.")
    if page.kind in ("punten", "uitkomst"):
        return _points(state, page)
    if page.kind == "scenarios":
        return _scenarios(theme, state)
    if page.kind == "scenario" and page.scenario is not None:
        scenario = page.scenario
        beelden = "".join(f"<li>{esc(b)}</li>" for b in scenario.beelden)
        ideas = scenario.ideeen
        idea_block = ("<h3>Ideeën om daar te komen</h3><ul>"
                      + "".join(f"<li>{esc(i)}</li>" for i in ideas) + "</ul>") if ideas else ""
        return (f"<div class='zp-scenario'><h2>{scenario.nummer}. {esc(scenario.naam)}</h2>"
                f"<p class='zp-lead'>{esc(scenario.samenvatting)}</p><div class='zp-two'>"
                f"<div><h3>Zo ziet het eruit</h3><ul>{beelden}</ul></div>"
                f"<div>{idea_block}</div></div></div>")
    return _calm("Nog niets om te tonen.")


def _calm(message: str) -> str:
    return f"<div class='zp-calm'>{esc(message)}</div>"


def _werkblad(state: GroupState, join_code: str, join_url: str) -> str:
    progress = state.progress
    questions = "".join(
        f"<li><span class='zp-q'>{esc(q.vraag)}</span> "
        f"<span class='zp-type'>({esc(ANSWER_TYPE_LABELS[q.type])})</span></li>"
        for q in state.theme.vragen)
    busy = progress.started - progress.done
    busy_line = f"<div class='zp-busy'>{busy} nog bezig</div>" if busy > 0 else ""
    return (f"<div class='zp-split'>{join_block(join_code, join_url)}"
            f"<div class='zp-task'><h2>Werkblad — ieder voor zich</h2>"
            f"<ol class='zp-qlist'>{questions}</ol>"
            f"<div class='zp-progress' data-testid='werkblad-progress'>{progress.done} van "
            f"{progress.total} ingevuld</div>{busy_line}</div></div>")


def _question(page: Page) -> str:
    question, summary = page.question, page.summary
    assert question is not None and summary is not None
    heading = (f"<h2 class='zp-qhead'><span class='zp-num'>{page.number}</span>"
               f"{esc(question.vraag)}</h2>")
    if question.type in ("keuze", "meerkeuze"):
        body = _option_bars(summary)
    elif question.type == "schaal":
        body = _scale_bars(summary)
    elif question.type == "koos":
        body = _koos(summary)
    else:
        body = _answer_columns(page)
    hidden = (f"<div class='zp-note'>{summary.hidden_count} antwoord(en) niet getoond.</div>"
              if summary.hidden_count else "")
    return heading + body + hidden


def _answer_columns(page: Page) -> str:
    if not page.columns:
        return _calm("Nog geen antwoorden op deze vraag.")
    columns = []
    for column in page.columns:
        color = role_color(column.role)
        label = esc(column.role) + (" <span class='zp-cont'>(vervolg)</span>"
                                    if column.continued else "")
        answers = "".join(f"<div class='zp-answer' data-testid='answer' dir='auto' "
                          f"style='border-color:{color}'>{esc(text)}</div>"
                          for text in column.texts)
        columns.append(f"<section class='zp-col'><div class='zp-role' "
                       f"style='border-color:{color}'>{label}</div>{answers}</section>")
    return f"<div class='zp-cols' style='--cols:{len(columns)}'>{''.join(columns)}</div>"


def _legend(roles: Iterable[str]) -> str:
    items = "".join(f"<span class='zp-key'><i style='background:{role_color(r)}'></i>"
                    f"{esc(r)}</span>" for r in sorted(set(roles), key=role_sort_key))
    return f"<div class='zp-legend'>{items}</div>"


def _stacked_row(label: str, counts: dict[str, int], scale_max: int) -> str:
    total = sum(counts.values())
    segments = "".join(
        f"<span class='zp-seg' style='width:{100 * n / scale_max:.2f}%;"
        f"background:{role_color(role)}' title='{esc(role)}'></span>"
        for role, n in sorted(counts.items(), key=lambda i: role_sort_key(i[0])) if n)
    return (f"<div class='zp-bar'><div class='zp-bar-label'>{esc(label)}</div>"
            f"<div class='zp-bar-track'>{segments}<span class='zp-bar-n'>{total}</span></div>"
            f"</div>")


def _option_bars(summary: QuestionSummary) -> str:
    by_option = {option: {role: counts.get(option, 0)
                          for role, counts in summary.option_counts_by_role.items()}
                 for option in summary.question.opties}
    if not any(sum(c.values()) for c in by_option.values()):
        return _calm("Nog geen keuzes.")
    top = max(sum(c.values()) for c in by_option.values())
    rows = "".join(_stacked_row(option, counts, top) for option, counts in by_option.items())
    return f"<div class='zp-bars'>{rows}</div>{_legend(summary.option_counts_by_role)}"


def _scale_bars(summary: QuestionSummary) -> str:
    question = summary.question
    by_point = {point: {role: counts.get(point, 0)
                        for role, counts in summary.scale_by_role.items()}
                for point in range(1, 6)}
    if not any(sum(c.values()) for c in by_point.values()):
        return _calm("Nog geen antwoorden.")
    top = max(sum(c.values()) for c in by_point.values())
    ends = {1: question.laag, 5: question.hoog}
    rows = "".join(_stacked_row(f"{point}" + (f" — {ends[point]}" if ends.get(point) else ""),
                                counts, top) for point, counts in by_point.items())
    return f"<div class='zp-bars'>{rows}</div>{_legend(summary.scale_by_role)}"


def _koos(summary: QuestionSummary) -> str:
    if not summary.koos_by_role:
        return _calm("Nog geen complete antwoorden.")
    rows = []
    items = sorted(summary.koos_by_role.items(), key=lambda i: role_sort_key(i[0]))
    overall = summary.koos_overall()
    if overall:
        items.append(("Hele groep", overall))
    for role, (wanted, actual) in items:
        color = role_color(role) if role != "Hele groep" else "#1f2933"
        rows.append(
            f"<div class='zp-koos'><div class='zp-koos-role'><i style='background:{color}'></i>"
            f"{esc(role)}</div>"
            f"<div class='zp-koos-bars'><div class='zp-kbar'><span>gewenst</span><b style="
            f"'width:{wanted / 5 * 100:.1f}%;background:#1f5f8b'></b><em>{wanted:.1f}</em></div>"
            f"<div class='zp-kbar'><span>feitelijk</span><b style='width:"
            f"{actual / 5 * 100:.1f}%;background:#8aa6c1'></b><em>{actual:.1f}</em></div></div>"
            f"<div class='zp-gap'>verschil {wanted - actual:+.1f}</div></div>")
    return f"<div class='zp-koosgrid'>{''.join(rows)}</div>"


def _points(state: GroupState, page: Page) -> str:
    return outcome(state.theme, state.group, page, with_scenario=page.kind == "uitkomst")


def outcome(theme: Theme, group: Group, page: Page, *, with_scenario: bool) -> str:
    """Sterke punten and ontwikkelpunten side by side; with the scenario and the reporter
    for a group's outcome (afronding, plenary close)."""
    def side(title: str, items: tuple[tuple[int, str], ...], empty: str) -> str:
        body = "".join(f"<li value='{n}' data-testid='answer' dir='auto'>{esc(text)}</li>"
                       for n, text in items) or f"<li class='zp-empty'>{esc(empty)}</li>"
        return f"<section><h2>{esc(title)}</h2><ol>{body}</ol></section>"

    top = ""
    if with_scenario:
        top = (f"<div class='zp-outcome-line'>Scenario nu: <b>"
               f"{esc(scenario_label(theme, group.scenario_nu))}</b> → gewenst: <b>"
               f"{esc(scenario_label(theme, group.scenario_gewenst))}</b></div>")
        if group.reporter:
            top += f"<div class='zp-outcome-line'>Vertelt plenair: {esc(group.reporter)}</div>"
    elif group.points_confirmed_at is not None:
        top = "<div class='zp-outcome-line'>De groep heeft deze lijst bevestigd.</div>"
    return (top + "<div class='zp-points'>"
            + side("Sterke punten", page.sterk, "Nog geen sterke punten.")
            + side("Ontwikkelpunten", page.ontwikkel, "Nog geen ontwikkelpunten.") + "</div>")


def _scenarios(theme: Theme, state: GroupState) -> str:
    distribution: ScenarioDistribution = state.distribution
    group = state.group
    columns = []
    for scenario in theme.scenarios:
        n = scenario.nummer
        marks = []
        if group.scenario_nu == n:
            marks.append("nu")
        if group.scenario_gewenst == n:
            marks.append("gewenst")
        badge = (f"<div class='zp-badge'>groep: {' en '.join(marks)}</div>" if marks else "")
        columns.append(
            f"<section class='zp-scol'><h3>{n}. {esc(scenario.naam)}</h3>"
            f"<p>{esc(scenario.samenvatting)}</p>{badge}"
            f"{_placement_bar('nu', distribution.nu, n, state.member_count)}"
            f"{_placement_bar('gewenst', distribution.gewenst, n, state.member_count)}"
            f"</section>")
    roles = [*distribution.nu, *distribution.gewenst]
    placed = (f"<div class='zp-note' data-testid='scenario-placed'>{distribution.placed} van "
              f"{state.member_count} deelnemers hebben gekozen</div>")
    return (f"<div class='zp-scols'>{''.join(columns)}</div>"
            f"{_legend(roles) if roles else ''}{placed}")


def _placement_bar(which: str, source: dict[str, dict[int, int]], number: int,
                   members: int) -> str:
    counts = {role: per.get(number, 0) for role, per in source.items()}
    total = sum(counts.values())
    scale = max(members, 1)
    segments = "".join(f"<span class='zp-seg' style='width:{100 * c / scale:.2f}%;"
                       f"background:{role_color(r)}'></span>"
                       for r, c in sorted(counts.items(), key=lambda i: role_sort_key(i[0]))
                       if c)
    return (f"<div class='zp-place'><span class='zp-place-label'>{which}</span>"
            f"<div class='zp-bar-track'>{segments}<span class='zp-bar-n'>{total}</span></div>"
            f"</div>")


# ---------------------------------------------------------------- plenary pages


def welcome(locatie: str, general: GeneralTexts, joined: int, join_code: str,
            join_url: str) -> str:
    goals = "".join(f"<li>{esc(goal)}</li>" for goal in general.methode_doelen)
    return (f"<div class='zp-split'>{join_block(join_code, join_url, size=400)}"
            f"<div class='zp-task'><h2>Welkom bij ZET — {esc(locatie)}</h2>"
            f"<p class='zp-lead'>Samen kijken we naar de kwaliteit van Samen Opleiden en "
            f"Professionaliseren: waar staan we nu, waar willen we naartoe?</p>"
            f"<h3>Wat dit dagdeel oplevert</h3><ol>{goals}</ol>"
            f"<div class='zp-progress' data-testid='joined-count'>{joined} aangemeld</div>"
            f"</div></div>")


def prose(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n") if p.strip())
    return f"<div class='zp-prose'><h2>{esc(title)}</h2>{paragraphs}</div>"


def four_scenarios(general: GeneralTexts) -> str:
    columns = "".join(f"<section class='zp-scol'><h3>{n}. {esc(item.titel)}</h3>"
                      f"<p>{esc(item.tekst)}</p></section>"
                      for n, item in enumerate(general.scenario_uitleg, start=1))
    return f"<div class='zp-scols'>{columns}</div>"


def round_overview(nummer: int, times: str, tables: list[dict]) -> str:
    cards = "".join(
        f"<section class='zp-table'><h2>Tafel {esc(t['label'])}</h2>"
        f"<div class='zp-lead'>{esc(t['theme'])}</div>"
        f"<div>procesbegeleider {esc(t['facilitator'])}</div>"
        f"<div>{t['members']} deelnemers · stap {t['step_number']}: {esc(t['step'])}</div>"
        f"</section>" for t in tables)
    heading = f"<h2>Ronde {nummer}{(' · ' + esc(times)) if times else ''}</h2>"
    return (f"{heading}<p class='zp-lead'>Je telefoon laat zien aan welke tafel je zit.</p>"
            f"<div class='zp-tables'>{cards}</div>")


def overview_table(rows: list[dict]) -> str:
    head = ("<tr><th>Thema</th><th>Tafel</th><th>Nu</th><th>Gewenst</th><th>Sterk</th>"
            "<th>Ontwikkel</th></tr>")
    body = "".join(f"<tr><td>{esc(r['theme'])}</td><td>{esc(r['where'])}</td>"
                   f"<td>{esc(r['nu'])}</td><td>{esc(r['gewenst'])}</td>"
                   f"<td>{r['sterk']}</td><td>{r['ontwikkel']}</td></tr>" for r in rows)
    return f"<table class='zp-overview'>{head}{body}</table>"
