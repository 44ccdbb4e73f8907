"""The plenary screen of a dagdeel: the opening, the round overview and the close."""
from __future__ import annotations

from ui import live
from ui.projector import render
from ui.resources import general_texts, library
from ui.text import esc
from zet.projector import (
    TWO,
    ClosingGroup,
    Page,
    Seat,
    outcome_lines,
    page_at,
    plenary_pages,
    plenary_title,
)
from zet.scenarios import scenario_label
from zet.states import Phase


def pages_of(dagdeel_id: int) -> list[Page]:
    """The plenary pages now: the same on the wall and on the control view."""
    dagdeel = live.dagdeel(dagdeel_id)
    if dagdeel.fase == Phase.OPENING:
        return plenary_pages(dagdeel, general=general_texts())
    if dagdeel.room.in_round:
        return plenary_pages(dagdeel, seats=_seats(dagdeel_id, dagdeel.room.ronde or 0))
    reports = live.closing_snapshots(dagdeel_id)
    closing = [ClosingGroup(f"{r.theme.titel} · {r.where}",
                            tuple(outcome_lines(r.theme, r.group)), list(r.points))
               for r in reports]
    overview = [(r.theme.titel, r.where, scenario_label(r.theme, r.group.scenario_nu, missing="–"),
                 scenario_label(r.theme, r.group.scenario_gewenst, missing="–"),
                 str(len(r.points_of("sterk"))), str(len(r.points_of("ontwikkel"))))
                for r in reports]
    return plenary_pages(dagdeel, closing=closing, overview=overview)


def page_html(dagdeel_id: int, join_url: str) -> str:
    dagdeel = live.dagdeel(dagdeel_id)
    pages = pages_of(dagdeel_id)
    index, page = page_at(pages, dagdeel.screen_page)
    general = general_texts()
    body = ""
    if page.kind == "welkom":
        body = render.welcome_html(dagdeel.locatie, len(live.people(dagdeel_id)),
                                   dagdeel.join_code, join_url)
    elif page.kind == "doelen":
        body = render.flow_page_html("Wat dit dagdeel oplevert", page, 1)
    elif page.kind == "methode":
        body = render.flow_page_html(general.methode_titel, page, TWO)
    elif page.kind == "vier-scenarios":
        body = render.flow_page_html("De vier scenario's", page, TWO)
    elif page.kind == "ronde":
        body = render.round_overview_html(dagdeel.room.ronde or 0,
                                          _times(dagdeel_id, dagdeel.room.ronde or 0), page)
    elif page.kind == "groep":
        report = live.closing_snapshots(dagdeel_id)[page.extra["index"]]
        body = (f"<h2>{esc(report.theme.titel)} · {esc(report.where)}</h2>"
                + render.outcome_html(report.theme, report.group, page, with_scenario=True))
    else:
        body = render.overview_table_html(page)
    titles = {Phase.OPENING: "Plenaire opening", Phase.RONDE: "Rondes in themagroepen",
              Phase.AFSLUITING: "Plenaire afsluiting"}
    return render.screen_html(
        title=plenary_title(dagdeel), kicker_html=esc(titles[dagdeel.fase]),
        step=dagdeel.fase.value, page_index=index, pages=pages, body_html=body,
        join_code=dagdeel.join_code, join_url=join_url)


def _current(dagdeel_id: int, nummer: int):
    return next((r for r in live.all_rounds(dagdeel_id) if r.nummer == nummer), None)


def _seats(dagdeel_id: int, nummer: int) -> list[Seat]:
    current = _current(dagdeel_id, nummer)
    if current is None:
        return []
    lib = library()
    return [Seat(table.label or "–", lib.title(table.theme_id), table.procesbegeleider,
                 len(table.members), live.group(table.group_id).step)
            for table in current.tables]


def _times(dagdeel_id: int, nummer: int) -> str:
    current = _current(dagdeel_id, nummer)
    return f"{current.start_tijd}–{current.eind_tijd}" if current and current.start_tijd else ""
