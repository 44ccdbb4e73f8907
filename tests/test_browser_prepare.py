"""The handleiding's example dagdeel (3 tafels, 2 rounds) prepared in a real browser, on a
1280-wide laptop and on a 390-wide phone: no sideways scroll, no English placeholder, and
the dagdeel made is the one typed."""
from __future__ import annotations

from pathlib import Path

import pytest
from browser import ARTIFACTS, PHONE, ROOT, launch_chromium, streamlit_server, wait_for

from zet.content import load_library
from zet.db import make_engine
from zet.room.dagdelen import list_dagdelen
from zet.room.rounds import rounds_of

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}
# The handleiding's example (§4.3): three theme groups in each of two rounds.
EXAMPLE = (("visie", "coachen-en-feedback", "beoordelen"),
           ("kwaliteitsontwikkeling", "regie-op-leren", "rijke-leeromgeving"))
NAMES = ("Anna de Vries", "Bram Jansen", "Chris Bakker")
FITS = "() => document.documentElement.scrollWidth <= innerWidth"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """A server on a fresh database with the real content, the engine to it and Chromium."""
    from playwright.sync_api import sync_playwright

    url = f"sqlite:///{Path(tmp_path_factory.mktemp('db')) / 'zet.db'}"
    engine = make_engine(url)
    content = ROOT / "content"
    try:
        with streamlit_server({"ZET_DATABASE_URL": url, "ZET_CONTENT_DIR": str(content)}) \
                as base, sync_playwright() as pw:
            browser = launch_chromium(pw)
            yield base, engine, browser, load_library(content)
            browser.close()
    finally:
        engine.dispose()


def _choose(page, key: str, option: str) -> None:
    """Pick an option of a selectbox: its list opens on the arrow (a redraw of the page
    that lands in the same moment closes it again, so open it until it stays)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    wanted = page.get_by_role("option", name=option, exact=True)
    for _attempt in range(10):
        page.locator(f".st-key-{key} button").click()
        try:
            wanted.wait_for(timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
    wanted.click()
    page.locator(f".st-key-{key} input[value='{option}']").wait_for(state="attached")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop-1280", "phone-390"])
def test_the_example_dagdeel_is_prepared_without_sideways_scroll(app, viewport):
    base, engine, browser, library = app
    locatie = f"Het Kompas {viewport['width']}"
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(f"{base}/start")
    page.get_by_role("tab", name="Een dagdeel met rondes en groepen").click()
    form = page.locator("[data-testid='stForm']").filter(has_text="Dagdeel aanmaken")
    form.locator(".st-key-dd_locatie input").fill(locatie)
    for number, themes in enumerate(EXAMPLE, start=1):
        for index, (theme_id, name) in enumerate(zip(themes, NAMES)):
            _choose(page, f"dd_r{number}_t{index}_thema", library.theme(theme_id).titel)
            page.locator(f".st-key-dd_r{number}_t{index}_pb input").fill(name)
    assert page.evaluate(FITS), page.evaluate("document.documentElement.scrollWidth")
    assert not page.get_by_text("None", exact=True).count()
    assert page.evaluate("() => [...document.querySelectorAll('input')].filter("
                         "i => i.placeholder === 'None').length") == 0
    name = f"prepare-{viewport['width']}.png"
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)

    form.get_by_role("button", name="Dagdeel aanmaken").click()
    wait_for(page, "dagdeel-phase", phase="opening")
    assert page.evaluate(FITS)
    made = next(d for d in list_dagdelen(engine) if d.locatie == locatie)
    tables = [[(t.label, t.theme_id, t.procesbegeleider) for t in r.tables]
              for r in rounds_of(engine, made.id)]
    assert tables == [list(zip("ABC", themes, NAMES)) for themes in EXAMPLE]
