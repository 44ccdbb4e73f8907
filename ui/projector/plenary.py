"""The plenary screen of a dagdeel: the opening, the round overview and the close."""
from __future__ import annotations

from ui import live
from ui.projector import render
from ui.resources import general_texts, library
from ui.text import esc
from zet.projector import Page, page_at, plenary_pages
from zet.scenarios import scenario_label
from zet.states import Phase


def pages_of(dagdeel_id: int) -> list[Page]:
    dagdeel = live.dagdeel(dagdeel_id)
    closing = ([(f"{r.theme.titel} ({r.where})", r.points)
                for r in live.closing_reports(dagdeel_id)]
               if dagdeel.fase == Phase.AFSLUITING else [])
    return plenary_pages(dagdeel, closing)


def page_html(dagdeel_id: int, join_url: str) -> str:
    dagdeel = live.dagdeel(dagdeel_id)
    pages = pages_of(dagdeel_id)
    index, page = page_at(pages, dagdeel.screen_page)
    general = general_texts()
    body = ""
    if page.kind == "welkom":
        body = render.welcome_html(dagdeel.locatie, general, len(live.people(dagdeel_id)),
                                   dagdeel.join_code, join_url)
    elif page.kind == "methode":
        body = render.prose_html(general.methode_titel, general.methode_tekst)
    elif page.kind == "vier-scenarios":
        body = render.four_scenarios_html(general)
    elif page.kind == "ronde":
        body = _round(dagdeel_id, dagdeel.room.ronde or 0)
    elif page.kind == "groep":
        report = live.closing_reports(dagdeel_id)[page.extra["index"]]
        body = (f"<h2>{esc(report.theme.titel)} · {esc(report.where)}</h2>"
                + render.outcome_html(report.theme, report.group, page, with_scenario=True))
    else:
        body = render.overview_table_html([
            {"theme": r.theme.titel, "where": r.where,
             "nu": scenario_label(r.theme, r.group.scenario_nu, missing="–"),
             "gewenst": scenario_label(r.theme, r.group.scenario_gewenst, missing="–"),
             "sterk": len(r.points_of("sterk")), "ontwikkel": len(r.points_of("ontwikkel"))}
            for r in live.closing_reports(dagdeel_id)])
    titles = {Phase.OPENING: "Plenaire opening", Phase.RONDE: "Rondes in themagroepen",
              Phase.AFSLUITING: "Plenaire afsluiting"}
    return render.screen_html(
        title=f"ZET — {dagdeel.locatie}", kicker_html=esc(titles[dagdeel.fase]),
        step=dagdeel.fase.value, page_index=index, pages=pages, body_html=body,
        join_html=render.join_line_html(dagdeel.join_code, join_url), footer=page.title)


def _round(dagdeel_id: int, nummer: int) -> str:
    current = next((r for r in live.all_rounds(dagdeel_id) if r.nummer == nummer), None)
    if current is None:
        return ""
    lib = library()
    tables = []
    for table in current.tables:
        group = live.group(table.group_id)
        tables.append({"label": table.label or "–", "theme": lib.title(table.theme_id),
                       "facilitator": table.procesbegeleider, "members": len(table.members),
                       "step_number": group.step.number, "step": group.step.label})
    times = (f"{current.start_tijd}–{current.eind_tijd}" if current.start_tijd else "")
    return render.round_overview_html(nummer, times, tables)
