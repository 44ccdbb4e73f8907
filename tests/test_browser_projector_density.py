"""Beamer pages are filled before a new one starts (issue 18): fifteen answers to one open
question, measured in Chromium on every beamer of ``BEAMERS``, leave no page but the last
under half full (at 1920×1080 the three pages were 65 %, 53 % and 74 % full).
The page model (``tests/test_projector_pages.py``) estimates the same from text length; this
measures what the wall really shows."""
from __future__ import annotations

import pytest
from browser import ARTIFACTS, BEAMERS, demo_room, wait_for
from test_projector_pages import ANSWERS

from zet.roles import ROLES
from zet.room import answers, groups, participants
from zet.room.dagdelen import get_dagdeel
from zet.room.screen_pages import group_pages, screen_target
from zet.room.snapshot import group_snapshot
from zet.steps import Step

pytestmark = pytest.mark.browser

# How full the page's answer columns are: the height their answers take, over the height
# the page body leaves under the question, summed over the columns of the grid.
FILL = """() => {
  const main = document.querySelector('.zp-main');
  const grid = main && main.querySelector('.zp-flow');
  if (!grid) return null;
  const top = grid.getBoundingClientRect().top;
  const room = main.getBoundingClientRect().bottom - top;
  const count = parseInt(getComputedStyle(grid).getPropertyValue('--cols')) || 1;
  const used = [...grid.querySelectorAll(':scope > .zp-fcol')].map((column) => {
    const last = column.lastElementChild;
    return last ? last.getBoundingClientRect().bottom - top : 0;
  });
  return used.reduce((a, b) => a + b, 0) / (count * room);
}"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with demo_room(tmp_path_factory.mktemp("db")) as (engine, library, paths, base, browser):
        yield {"engine": engine, "library": library, "paths": paths, "base": base,
               "browser": browser}


def test_fifteen_answers_leave_no_page_but_the_last_under_half_full(app):
    engine, library = app["engine"], app["library"]
    path = app["paths"]["werkblad"]["projector"]
    group = screen_target(engine, path.split("code=")[1], client_key="test").group
    theme = library.theme(group.theme_id)
    question = next(q for q in theme.vragen if q.type in ("tekst", "lijst"))
    dagdeel = get_dagdeel(engine, group.dagdeel_id)
    for index, text in enumerate(ANSWERS):
        person = participants.join(engine, dagdeel, role=ROLES[index % 6])
        answers.save_answer(engine, group.id, person.id, question,
                            [text] if question.type == "lijst" else text)
    groups.set_step(engine, group.id, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    number = theme.vragen.index(question) + 1
    pages = group_pages(group_snapshot(engine, library, group.id))
    indices = [index for index, page in enumerate(pages) if page.number == number]
    assert indices

    context = app["browser"].new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    fills: dict[tuple[int, int], list[float]] = {size: [] for size in BEAMERS}
    for index in indices:
        groups.set_screen_page(engine, group.id, index, expected_step=Step.UITWISSELING)
        page.goto(app["base"] + path)
        wait_for(page, "projector", step=Step.UITWISSELING.value, page=str(index))
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(ARTIFACTS / f"density-{index}.png"))
        for width, height in BEAMERS:  # the same page on every beamer, scaled
            page.set_viewport_size({"width": width, "height": height})
            fills[(width, height)].append(page.evaluate(FILL))
        page.set_viewport_size({"width": 1920, "height": 1080})
    context.close()
    sparse = {size: [round(f, 2) for f in per_page] for size, per_page in fills.items()
              if any(f is None or f < 0.5 for f in per_page[:-1])}
    assert not sparse, sparse
