"""The projector's pages as HTML: large type, role colours, full labels, no controls.

Pure functions from ``zet.projector`` pages to HTML strings (no Streamlit here), so they
are tested directly. Every value from outside the code goes through ``esc``.
"""
from __future__ import annotations

import base64
from collections.abc import Iterable

from ui.projector.quickscan import quickscan_page_html
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


def screen_html(*, title: str, kicker_html: str, step: str, page_index: int,
           pages: list[Page] | int, body_html: str, join_html: str = "",
           footer: str = "") -> str:
    """The frame of every projector page: title line, step line, body, footer. Arguments
    ending in ``_html`` are HTML built by this module; ``title`` and ``footer`` are text."""
    count = pages if isinstance(pages, int) else len(pages)
    paging = f"pagina {page_index + 1} van {count}" if count > 1 else ""
    foot_html = esc(" · ".join(part for part in (footer, paging) if part))
    return (f"{PROJECTOR_STYLE}<div class='zp' data-testid='projector' data-step='{esc(step)}' "
            f"data-page='{page_index}' data-pages='{count}'>"
            f"<div class='zp-head'><div class='zp-titles'><div class='zp-title'>"
            f"{esc(title)}</div><div class='zp-kicker'>{kicker_html}</div></div>"
            f"<div class='zp-join'>{join_html}</div></div>"
            f"<main class='zp-main'>{body_html}</main>"
            f"<div class='zp-foot'>{foot_html}</div></div>")


def stepper_html(current: Step) -> str:
    parts = []
    for step in STEP_ORDER:
        state = "now" if step == current else "done" if step.number < current.number else ""
        parts.append(f"<span class='zp-step {esc(state)}'>{step.number}. "
                     f"{esc(step.label)}</span>")
    return "<span class='zp-sep'>›</span>".join(parts)


def join_line_html(join_code: str, join_url: str) -> str:
    """The small corner line for late comers: where to go and the code."""
    return (f"<span>Meedoen: {esc(_short(join_url))}</span>"
            f"<span class='zp-code-small'>{esc(join_code)}</span>")


def _short(url: str) -> str:
    return url.split("://", 1)[-1].split("?", 1)[0]


def qr_html(url: str, size: int) -> str:
    png = base64.b64encode(qr_png(url)).decode("ascii")
    return (f"<img class='zp-qr' alt='QR-code om mee te doen' width='{size}' height='{size}' "
            f"src='data:image/png;base64,{esc(png)}'/>")


def join_block_html(join_code: str, join_url: str, *, size: int = 420) -> str:
    return (f"<div class='zp-joinblock'>{qr_html(join_url, size)}"
            f"<div class='zp-code' data-testid='join-code'>{esc(join_code)}</div>"
            f"<div class='zp-url'>Scan de code of ga naar<br/>{esc(_short(join_url))}</div></div>")


# ---------------------------------------------------------------- group pages


def group_page_html(state: GroupState, page: Page, *, join_code: str, join_url: str) -> str:
    theme = state.theme
    if page.kind == "werkblad":
        return _werkblad(state, join_code, join_url)
    if page.kind == "vraag":
        return _question(page)
    if page.kind == "quickscan" and state.quickscan is not None:
        return quickscan_page_html(state.quickscan)
    if page.kind == "kaart" and page.card is not None:
        card = page.card
        questions_html = "".join(f"<li>{esc(q)}</li>" for q in card.vragen)
        return (f"<div class='zp-card'><h2>{esc(card.titel)}</h2>"
                f"<p class='zp-lead'>{esc(card.kern)}</p><ul class='zp-questions'>"
                f"{questions_html}</ul></div>")
    if page.kind == "acties":
        return _actions_html(state)
    if page.kind == "geen-kaart":
        return _calm("De procesbegeleider kiest zo een reflectiekaart.")
    if page.kind in ("punten", "uitkomst"):
        return _points(state, page)
    if page.kind == "scenarios":
        return _scenarios(theme, state)
    if page.kind == "scenario" and page.scenario is not None:
        scenario = page.scenario
        beelden_html = "".join(f"<li>{esc(b)}</li>" for b in scenario.beelden)
        ideas_html = ("<h3>Ideeën om daar te komen</h3><ul>"
                      + "".join(f"<li>{esc(i)}</li>" for i in scenario.ideeen) + "</ul>"
                      ) if scenario.ideeen else ""
        return (f"<div class='zp-scenario'><h2>{scenario.nummer}. {esc(scenario.naam)}</h2>"
                f"<p class='zp-lead'>{esc(scenario.samenvatting)}</p><div class='zp-two'>"
                f"<div><h3>Zo ziet het eruit</h3><ul>{beelden_html}</ul></div>"
                f"<div>{ideas_html}</div></div></div>")
    return _calm("Nog niets om te tonen.")


def _actions_html(state: GroupState) -> str:
    """What this locatie agreed on this theme last time: where the conversation starts."""
    items_html = ""
    for action in state.actions[:4]:
        facts = [("Tevreden als", action.tevreden), ("Wie", action.verantwoordelijk),
                 ("Hoe", action.aanpak), ("Tijdpad", action.tijdpad)]
        facts_html = "".join(f"<div>{esc(label)}: {esc(value)}</div>"
                             for label, value in facts if value)
        items_html += f"<section class='zp-action'><h3>{esc(action.ontwikkelpunt)}</h3>" \
                      f"{facts_html}</section>"
    more = len(state.actions) - 4
    more_html = f"<div class='zp-note'>En nog {more} actie(s).</div>" if more > 0 else ""
    return (f"<h2>Vorige keer afgesproken</h2><p class='zp-lead'>Waar staan we nu mee?</p>"
            f"<div class='zp-actions'>{items_html}</div>{more_html}")


def _calm(message: str) -> str:
    return f"<div class='zp-calm'>{esc(message)}</div>"


def _werkblad(state: GroupState, join_code: str, join_url: str) -> str:
    progress = state.progress
    questions_html = "".join(
        f"<li><span class='zp-q'>{esc(q.vraag)}</span> "
        f"<span class='zp-type'>({esc(ANSWER_TYPE_LABELS[q.type])})</span></li>"
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
    columns_html = []
    for column in page.columns:
        color = role_color(column.role)
        label_html = esc(column.role) + (" <span class='zp-cont'>(vervolg)</span>"
                                         if column.continued else "")
        answers_html = "".join(f"<div class='zp-answer' data-testid='answer' dir='auto' "
                               f"style='border-color:{color}'>{esc(text)}</div>"
                               for text in column.texts)
        columns_html.append(f"<section class='zp-col'><div class='zp-role' "
                            f"style='border-color:{color}'>{label_html}</div>{answers_html}"
                            f"</section>")
    return (f"<div class='zp-cols' style='--cols:{len(columns_html)}'>"
            f"{''.join(columns_html)}</div>")


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
            f"<div class='zp-bar-track'>{_segments_html(counts, scale_max)}"
            f"<span class='zp-bar-n'>{total}</span></div></div>")


def _option_bars(summary: QuestionSummary) -> str:
    by_option = {option: {role: counts.get(option, 0)
                          for role, counts in summary.option_counts_by_role.items()}
                 for option in summary.question.opties}
    if not any(sum(c.values()) for c in by_option.values()):
        return _calm("Nog geen keuzes.")
    most = max(sum(c.values()) for c in by_option.values())
    rows_html = "".join(_stacked_row_html(option, counts, most)
                        for option, counts in by_option.items())
    return (f"<div class='zp-bars'>{rows_html}</div>"
            f"{_legend_html(summary.option_counts_by_role)}")


def _scale_bars(summary: QuestionSummary) -> str:
    question = summary.question
    by_point = {point: {role: counts.get(point, 0)
                        for role, counts in summary.scale_by_role.items()}
                for point in range(1, 6)}
    if not any(sum(c.values()) for c in by_point.values()):
        return _calm("Nog geen antwoorden.")
    most = max(sum(c.values()) for c in by_point.values())
    ends = {1: question.laag, 5: question.hoog}
    rows_html = "".join(
        _stacked_row_html(str(point) + (" — " + ends[point] if ends.get(point) else ""),
                          counts, most) for point, counts in by_point.items())
    return f"<div class='zp-bars'>{rows_html}</div>{_legend_html(summary.scale_by_role)}"


def _koos(summary: QuestionSummary) -> str:
    if not summary.koos_by_role:
        return _calm("Nog geen complete antwoorden.")
    rows_html = []
    items = sorted(summary.koos_by_role.items(), key=lambda i: role_sort_key(i[0]))
    overall = summary.koos_overall()
    if overall:
        items.append(("Hele groep", overall))
    for role, (wanted, actual) in items:
        color = role_color(role) if role != "Hele groep" else "#1f2933"
        rows_html.append(
            f"<div class='zp-koos'><div class='zp-koos-role'><i style='background:{color}'></i>"
            f"{esc(role)}</div>"
            f"<div class='zp-koos-bars'><div class='zp-kbar'><span>gewenst</span><b style="
            f"'width:{wanted / 5 * 100:.1f}%;background:#1f5f8b'></b><em>{wanted:.1f}</em></div>"
            f"<div class='zp-kbar'><span>feitelijk</span><b style='width:"
            f"{actual / 5 * 100:.1f}%;background:#8aa6c1'></b><em>{actual:.1f}</em></div></div>"
            f"<div class='zp-gap'>verschil {wanted - actual:+.1f}</div></div>")
    return f"<div class='zp-koosgrid'>{''.join(rows_html)}</div>"


def _points(state: GroupState, page: Page) -> str:
    return outcome_html(state.theme, state.group, page, with_scenario=page.kind == "uitkomst")


def outcome_html(theme: Theme, group: Group, page: Page, *, with_scenario: bool) -> str:
    """Sterke punten and ontwikkelpunten side by side; with the scenario and the reporter
    for a group's outcome (afronding, plenary close)."""
    def side_html(title: str, items: tuple[tuple[int, str], ...], empty: str) -> str:
        list_html = "".join(f"<li value='{n}' data-testid='answer' dir='auto'>{esc(text)}"
                            f"</li>" for n, text in items) \
            or f"<li class='zp-empty'>{esc(empty)}</li>"
        return f"<section><h2>{esc(title)}</h2><ol>{list_html}</ol></section>"

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
            + side_html("Sterke punten", page.sterk, "Nog geen sterke punten.")
            + side_html("Ontwikkelpunten", page.ontwikkel, "Nog geen ontwikkelpunten.")
            + "</div>")


def _scenarios(theme: Theme, state: GroupState) -> str:
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
            f"<section class='zp-scol'><h3>{n}. {esc(scenario.naam)}</h3>"
            f"<p>{esc(scenario.samenvatting)}</p>{badge_html}"
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
            f"<div class='zp-bar-track'>{_segments_html(counts, members)}"
            f"<span class='zp-bar-n'>{total}</span></div></div>")


# ---------------------------------------------------------------- plenary pages


def welcome_html(locatie: str, general: GeneralTexts, joined: int, join_code: str,
                 join_url: str) -> str:
    goals_html = "".join(f"<li>{esc(goal)}</li>" for goal in general.methode_doelen)
    return (f"<div class='zp-split'>{join_block_html(join_code, join_url, size=400)}"
            f"<div class='zp-task'><h2>Welkom bij ZET — {esc(locatie)}</h2>"
            f"<p class='zp-lead'>Samen kijken we naar de kwaliteit van Samen Opleiden en "
            f"Professionaliseren: waar staan we nu, waar willen we naartoe?</p>"
            f"<h3>Wat dit dagdeel oplevert</h3><ol>{goals_html}</ol>"
            f"<div class='zp-progress' data-testid='joined-count'>{joined:d} aangemeld</div>"
            f"</div></div>")


def prose_html(title: str, text: str) -> str:
    paragraphs_html = "".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n") if p.strip())
    return f"<div class='zp-prose'><h2>{esc(title)}</h2>{paragraphs_html}</div>"


def four_scenarios_html(general: GeneralTexts) -> str:
    columns_html = "".join(f"<section class='zp-scol'><h3>{n}. {esc(item.titel)}</h3>"
                           f"<p>{esc(item.tekst)}</p></section>"
                           for n, item in enumerate(general.scenario_uitleg, start=1))
    return f"<div class='zp-scols'>{columns_html}</div>"


def round_overview_html(nummer: int, times: str, tables: list[dict]) -> str:
    cards_html = "".join(
        f"<section class='zp-table'><h2>Tafel {esc(t['label'])}</h2>"
        f"<div class='zp-lead'>{esc(t['theme'])}</div>"
        f"<div>procesbegeleider {esc(t['facilitator'])}</div>"
        f"<div>{esc(t['members'])} deelnemers · stap {esc(t['step_number'])}: "
        f"{esc(t['step'])}</div></section>" for t in tables)
    times_html = f" · {esc(times)}" if times else ""
    return (f"<h2>Ronde {nummer}{times_html}</h2>"
            f"<p class='zp-lead'>Je telefoon laat zien aan welke tafel je zit.</p>"
            f"<div class='zp-tables'>{cards_html}</div>")


def overview_table_html(rows: list[dict]) -> str:
    head_html = ("<tr><th>Thema</th><th>Tafel</th><th>Nu</th><th>Gewenst</th><th>Sterk</th>"
                 "<th>Ontwikkel</th></tr>")
    body_html = "".join(f"<tr><td>{esc(r['theme'])}</td><td>{esc(r['where'])}</td>"
                        f"<td>{esc(r['nu'])}</td><td>{esc(r['gewenst'])}</td>"
                        f"<td>{esc(r['sterk'])}</td><td>{esc(r['ontwikkel'])}</td></tr>"
                        for r in rows)
    return f"<table class='zp-overview'>{head_html}{body_html}</table>"
