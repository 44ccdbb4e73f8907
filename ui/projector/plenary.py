"""The plenary screen of a dagdeel: the opening, the round overview and the close."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui import live
from ui.projector import render
from ui.resources import general_texts, library
from ui.text import esc
from zet.room.scenarios import scenario_label
from zet.room.screen_pages import (
    TWO,
    ClosingGroup,
    Page,
    PageKind,
    Seat,
    outcome_lines,
    page_at,
    plenary_pages,
    plenary_title,
)
from zet.room.states import Phase


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


@dataclass(frozen=True)
class PlenaryScreen:
    """What a plenary page is drawn from besides the page itself."""
    dagdeel_id: int
    join_url: str


def _welcome(screen: PlenaryScreen, page: Page) -> str:
    dagdeel = live.dagdeel(screen.dagdeel_id)
    return render.welcome_html(dagdeel.locatie, len(live.people(screen.dagdeel_id)),
                               dagdeel.join_code, screen.join_url)


def _round(screen: PlenaryScreen, page: Page) -> str:
    nummer = live.dagdeel(screen.dagdeel_id).room.ronde or 0
    return render.round_overview_html(nummer, _times(screen.dagdeel_id, nummer), page)


def _closing_group(screen: PlenaryScreen, page: Page) -> str:
    report = live.closing_snapshots(screen.dagdeel_id)[page.group_index]
    return (f"<h2>{esc(report.theme.titel)} · {esc(report.where)}</h2>"
            + render.outcome_html(report.theme, report.group, page, with_scenario=True))


# One renderer per kind of a plenary page; a group's kinds are drawn by
# ``ui.projector.render.GROUP_RENDERERS`` (``tests/test_step_registries.py``).
PLENARY_RENDERERS: dict[PageKind, Callable[[PlenaryScreen, Page], str]] = {
    PageKind.WELKOM: _welcome,
    PageKind.DOELEN: lambda screen, page: render.flow_page_html(
        "Wat dit dagdeel oplevert", page, 1),
    PageKind.METHODE: lambda screen, page: render.flow_page_html(
        general_texts().methode_titel, page, TWO),
    PageKind.VIER_SCENARIOS: lambda screen, page: render.flow_page_html(
        "De vier scenario's", page, TWO),
    PageKind.RONDE: _round,
    PageKind.GROEP: _closing_group,
    PageKind.OVERZICHT: lambda screen, page: render.overview_table_html(page),
}


def page_html(dagdeel_id: int, join_url: str) -> str:
    dagdeel = live.dagdeel(dagdeel_id)
    pages = pages_of(dagdeel_id)
    index, page = page_at(pages, dagdeel.screen_page)
    body = PLENARY_RENDERERS[page.kind](PlenaryScreen(dagdeel_id, join_url), page)
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
