"""The projector fits every beamer a school room may have: 1024×768 up to 3840×2160.

Per step of a group, and per phase of a dagdeel with several tables, every page is opened
once in Chromium and measured at each screen size of ``BEAMERS`` (the viewport changes, the
page stays): no element outside the screen or cut off by the page, no text cut off in its
box, body text at least 24 px below 1280 wide and 28 px from there, no scrolling.
Screenshots of every page at 1024×768, 1920×1080 and 3840×2160 go to test-artifacts/.
Each test has its own demo room (``python -m zet demo``) on one server and one Chromium.
"""
from __future__ import annotations

import pytest
from browser import (
    ARTIFACTS,
    BEAMERS,
    FIT_CHECK,
    advance_group,
    body_text_px,
    demo_point,
    demo_room,
    wait_for,
)

from zet.operations.demo import add_demo
from zet.room import groups, points, rounds
from zet.room.phase import set_plenary, set_plenary_page
from zet.room.screen_pages import group_pages, screen_target
from zet.room.snapshot import group_snapshot
from zet.room.states import Phase
from zet.steps import Step

pytestmark = pytest.mark.browser

LOOKED_AT = {(1024, 768), (1920, 1080), (3840, 2160)}
ARABIC = "مرحبا بكم في مدرستنا، نحن نخطط التوجيه معًا"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with demo_room(tmp_path_factory.mktemp("db")) as (engine, library, _paths, base, browser):
        yield {"engine": engine, "library": library, "base": base, "browser": browser}


@pytest.fixture
def room(app):
    """A demo room of its own, and a projector tab."""
    context = app["browser"].new_context(viewport={"width": 1920, "height": 1080})
    yield {**app, "paths": add_demo(app["engine"], app["library"]), "page": context.new_page()}
    context.close()


def _fits_every_beamer(room, name: str, path: str, step: str, pages: int, set_page) -> None:
    """Every page at every beamer size; all problems are listed together."""
    page = room["page"]
    problems = []
    for index in range(pages):
        set_page(index)
        page.set_viewport_size({"width": 1920, "height": 1080})
        page.goto(room["base"] + path)
        wait_for(page, "projector", step=step, page=str(index))
        page.evaluate("document.fonts.ready")
        for width, height in BEAMERS:
            page.set_viewport_size({"width": width, "height": height})
            found = page.evaluate(FIT_CHECK, body_text_px(width))
            where = f"{name}, pagina {index + 1} van {pages}, {width}×{height}"
            if (width, height) in LOOKED_AT:
                page.screenshot(path=str(ARTIFACTS / f"fit-{name}-{index + 1}-{width}.png"))
            if found["bodyPx"] < body_text_px(width):
                problems.append(f"{where}: tekst {found['bodyPx']} px")
            for what, label in (("small", "te kleine tekst"), ("outside", "buiten beeld"),
                                ("clipped", "afgekapte tekst")):
                if found[what]:
                    problems.append(f"{where}: {label} {found[what][:3]}")
            if found["scroll"]:
                problems.append(f"{where}: scrolt")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("step", list(Step), ids=lambda s: s.value)
def test_every_page_of_a_group_step_fits_every_beamer(room, step):
    engine = room["engine"]
    which = "werkblad" if step == Step.WERKBLAD else "uitwisseling"
    path = room["paths"][which]["projector"]
    start = screen_target(engine, path.split("code=")[1], client_key="test").group
    group = advance_group(engine, room["library"], start, step, reporter="Demo Sanne en Ahmed",
                          point_texts=[*map(demo_point, range(12)), ARABIC])
    count = len(group_pages(group_snapshot(engine, room["library"], group.id)))

    def set_page(index: int) -> None:
        groups.set_screen_page(engine, group.id, index, expected_step=step)

    _fits_every_beamer(room, step.value, path, step.value, count, set_page)
    if step == Step.PUNTEN:  # a right-to-left point keeps its number, left of it
        page = room["page"]
        for index in range(count):
            set_page(index)
            page.goto(room["base"] + path)
            wait_for(page, "projector", step=step.value, page=str(index))
            item = page.locator(".zp-item", has_text=ARABIC)
            if item.count():
                number = item.locator(".zp-n")
                assert number.inner_text() == "7."
                assert number.is_visible()
                assert number.bounding_box()["x"] < item.locator(".zp-itext").bounding_box()["x"]
                break
        else:
            raise AssertionError("het Arabische punt stond op geen enkele pagina")


def _plenary_path(room) -> tuple[int, str]:
    path = room["paths"]["dagdeel"]["projector"]
    return screen_target(room["engine"], path.split("code=")[1], client_key="test").dagdeel_id, path


def _close(room, dagdeel_id: int) -> None:
    """Both rounds run, every group with confirmed points, then the plenary close."""
    engine = room["engine"]
    for nummer in (1, 2):
        rounds.start_round(engine, dagdeel_id, nummer)
        for table in rounds.rounds_of(engine, dagdeel_id)[nummer - 1].tables:
            gid = table.group_id
            for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
                groups.set_step(engine, gid, step, expected_current=step.previous())
            for index, member in enumerate(table.members[:5]):
                points.contribute(engine, gid, member.id, "sterk" if index % 2 else "ontwikkel",
                                  f"Tafel {table.label}, punt {index + 1}: de begeleiding "
                                  "van aanstaande leraren is afgestemd met het instituut.")
            points.confirm_list(engine, gid)
            groups.record_group_scenario(engine, gid, nu=2, gewenst=3, argument="")
    set_plenary(engine, dagdeel_id, Phase.AFSLUITING)


@pytest.mark.parametrize("phase", [Phase.OPENING, Phase.RONDE, Phase.AFSLUITING],
                         ids=lambda p: p.value)
def test_every_page_of_the_plenary_screen_fits_every_beamer(room, phase):
    engine = room["engine"]
    dagdeel_id, path = _plenary_path(room)
    if phase == Phase.RONDE:
        rounds.start_round(engine, dagdeel_id, 1)
    if phase == Phase.AFSLUITING:
        _close(room, dagdeel_id)
    count = _plenary_count(room, phase)

    def set_page(index: int) -> None:
        set_plenary_page(engine, dagdeel_id, index, expected_phase=phase)

    _fits_every_beamer(room, f"plenair-{phase.value}", path, phase.value, count, set_page)


def _plenary_count(room, phase: Phase) -> int:
    """How many pages the wall has now, read from the wall itself."""
    page = room["page"]
    page.goto(room["base"] + _plenary_path(room)[1])
    wall = wait_for(page, "projector", step=phase.value)
    return int(wall.get_attribute("data-pages") or "1")
