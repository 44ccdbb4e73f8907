"""The quickscan in Chromium: a phone of 390×844 fills it in and finds it again after a
reload, the preparation of a dagdeel suggests themes from it, and the beamer shows what it
said at 1920×1080 in projector type without scrolling."""
from __future__ import annotations

import random
import time

import pytest
from browser import (
    ARTIFACTS,
    BEAMERS,
    FIT_CHECK,
    PHONE,
    PROJECTOR,
    PROJECTOR_CHECK,
    body_text_px,
    demo_room,
    wait_for,
)

from zet.clock import today
from zet.operations.demo import fill_quickscan
from zet.roles import ROLES, role_group
from zet.room import groups, quickscan
from zet.room.dagdelen import create_single_session
from zet.room.screen_pages import group_pages, screen_target
from zet.room.snapshot import group_snapshot
from zet.steps import Step

pytestmark = pytest.mark.browser
THEMES = ["beoordelen", "coachen-en-feedback", "visie"]


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    with demo_room(tmp_path_factory.mktemp("db")) as opened:
        yield opened


def _ratings_until(engine, respondent_id: int, count: int, timeout: float = 20.0):
    """The stored ratings once ``count`` statements have a complete answer (app state)."""
    deadline = time.monotonic() + timeout
    while True:
        stored = quickscan.own_ratings(engine, respondent_id)
        done = [r for r in stored.values()
                if r.oordeel is not None or None not in (r.gewenst, r.feitelijk)]
        if len(done) >= count or time.monotonic() > deadline:
            return stored
        time.sleep(0.2)


def test_a_phone_fills_in_the_quickscan_and_finds_it_after_a_reload(room):
    engine, library, _paths, base, browser = room
    created = create_single_session(engine, locatie="Quickscanschool", datum=today(),
                                    procesbegeleider="Noor", theme_id="beoordelen")
    scan = quickscan.open_quickscan(engine, created.dagdeel.id, THEMES,
                                    known_themes=set(library.themes))
    items = library.quickscan_items(scan.theme_ids)
    page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(f"{base}/quickscan?code={scan.code}")
    page.get_by_text("Wat is je rol?").wait_for()
    page.locator("[data-testid='stSelectbox']").click()
    page.get_by_role("option", name="Startende leraar").click()
    page.get_by_role("button", name="Beginnen").click()
    page.get_by_text("Jij vult in als").wait_for()
    assert "token" not in page.url and page.url.endswith(f"code={scan.code}")

    controls = page.locator("[data-testid='stButtonGroup']")
    index = 0
    for number, item in enumerate(items):
        taps = ["G"] if item.schaal == "ovg" else [str(4 + number % 2), str(1 + number % 3)]
        for tap in taps:
            label = {"G": "Goed"}.get(tap, tap)
            control = controls.nth(index)
            button = control.get_by_role("radio", name=label, exact=True)
            button.tap()
            control.locator("[role='radio'][aria-checked='true']").wait_for()
            index += 1
    page.get_by_text(f"{len(items)} van {len(items)} uitspraken beantwoord").wait_for()
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        "[data-testid='stButtonGroup'] button, button[kind], [data-testid='stExpander'] summary"
        )].map(b => b.getBoundingClientRect()).filter(r => r.width > 0)
        .map(r => [Math.round(r.width), Math.round(r.height)])""")
    assert sizes and all(w >= 44 and h >= 44 for w, h in sizes), sizes
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(ARTIFACTS / "quickscan-phone.png"))

    respondent = next(r for r in [quickscan.respondent_by_token(engine, c["value"])
                                  for c in page.context.cookies() if c["name"] == "zet_quickscan"])
    assert respondent.role_group == "Studenten en startende leraren"
    stored = _ratings_until(engine, respondent.id, len(items))
    first = stored[items[0].id]
    assert (first.gewenst, first.feitelijk) == (4, 1)
    assert all(stored[i.id].oordeel == "G" for i in items if i.schaal == "ovg")

    page.reload()
    page.get_by_text(f"{len(items)} van {len(items)} uitspraken beantwoord").wait_for()
    assert page.get_by_text("Wat is je rol?").count() == 0


def test_preparing_a_dagdeel_suggests_the_themes_of_the_quickscan(room):
    _engine, _library, _paths, base, browser = room
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/start")
    page.get_by_role("tab", name="Een dagdeel met rondes en groepen").click()
    wait_for(page, "prepare-quickscan")
    page.get_by_role("combobox", name="Quickscan").click()  # the demo dagdeel's, not another test's
    page.get_by_role("option", name="Demo — Dagdeel").click()
    suggestions = page.get_by_text("Thema's om te bespreken")
    suggestions.wait_for()
    listed = page.locator("[data-testid='stExpander']").first.inner_text()
    assert "1. Beoordelen" in listed or "Beoordelen —" in listed, listed
    page.screenshot(path=str(ARTIFACTS / "quickscan-prepare.png"))
    english = page.locator("[data-testid='stExpander']").first.locator(
        "[aria-label^='Help for'], [placeholder='Choose an option']")
    assert english.count() == 0


def test_the_beamer_shows_what_the_quickscan_said_in_projector_type(room):
    engine, library, paths, base, browser = room
    code = paths["uitwisseling"]["projector"].split("code=")[1]
    group_id = screen_target(engine, code, client_key="browser-test").group.id
    pages = group_pages(group_snapshot(engine, library, group_id))
    assert pages[-1].kind == "quickscan"
    groups.set_screen_page(engine, group_id, len(pages) - 1, expected_step=Step.UITWISSELING)
    page = browser.new_context(viewport=PROJECTOR).new_page()
    page.goto(base + paths["uitwisseling"]["projector"])
    wait_for(page, "quickscan-page")
    found = page.evaluate(PROJECTOR_CHECK)
    page.screenshot(path=str(ARTIFACTS / "quickscan-beamer.png"))
    assert not found["scroll"] and not found["mainOverflow"], found["outside"]
    assert found["small"] == [] and found["outside"] == [] and found["buttons"] == 0
    rows = page.locator("[data-testid='quickscan-row']")
    assert rows.count() >= 2
    assert "Overige rollen samen" in page.inner_text("[data-testid='projector']")


def test_a_rating_on_a_phone_redraws_the_beamers_quickscan_page_without_a_reload(room):
    """A new respondent's ratings reach the wall through the dagdeel's version (push)."""
    engine, library, paths, base, browser = room
    code = paths["uitwisseling"]["projector"].split("code=")[1]
    group = screen_target(engine, code, client_key="browser-test").group
    state = group_snapshot(engine, library, group.id)
    pages = group_pages(state)
    groups.set_screen_page(engine, group.id, len(pages) - 1, expected_step=Step.UITWISSELING)
    assert state.quickscan is not None
    shown = state.quickscan.groups[0]
    page = browser.new_context(viewport=PROJECTOR).new_page()
    page.goto(base + paths["uitwisseling"]["projector"])
    first_row = page.locator("[data-testid='quickscan-row']").first
    first_row.get_by_text(f"{shown.respondents} mensen").wait_for()
    scan = quickscan.quickscan_of_dagdeel(engine, group.dagdeel_id)
    assert scan is not None and scan.is_open
    role = next(r for r in ROLES if role_group(r) == shown.group)
    person = quickscan.start(engine, scan.id, role=role)
    statement = next(i for i in library.quickscan_items([group.theme_id]) if i.schaal == "koos")
    quickscan.rate(engine, person.token, statement, "feitelijk", 1)
    first_row.get_by_text(f"{shown.respondents + 1} mensen").wait_for(timeout=20_000)


def test_the_werkblad_step_can_open_with_the_quickscan_on_every_beamer(room):
    """Switched on by the procesbegeleider: the first page of the werkblad step, in
    projector type on every beamer from 1024×768 to 3840×2160, per role group."""
    engine, library, paths, base, browser = room
    code = paths["werkblad"]["projector"].split("code=")[1]
    group = screen_target(engine, code, client_key="browser-test").group
    fill_quickscan(engine, library, group.dagdeel_id, [group.theme_id], random.Random(21))
    groups.set_quickscan_first(engine, group.id, True)
    state = group_snapshot(engine, library, group.id)
    assert [p.kind for p in group_pages(state)][:2] == ["quickscan", "werkblad"]
    page = browser.new_context(viewport=PROJECTOR).new_page()
    page.goto(base + paths["werkblad"]["projector"])
    wait_for(page, "quickscan-page")
    page.evaluate("document.fonts.ready")
    assert page.locator("[data-testid='quickscan-row']").count() >= 2
    for width, height in BEAMERS:
        page.set_viewport_size({"width": width, "height": height})
        found = page.evaluate(FIT_CHECK, body_text_px(width))
        if (width, height) in ((1920, 1080), (1024, 768)):
            page.screenshot(path=str(ARTIFACTS / f"quickscan-werkblad-{width}.png"))
        assert found["bodyPx"] >= body_text_px(width), (width, found["bodyPx"])
        assert not found["scroll"], (width, height)
        assert found["small"] == found["outside"] == found["clipped"] == [], (width, found)
    page.context.close()
    groups.set_quickscan_first(engine, group.id, False)
