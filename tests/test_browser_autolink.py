"""The hostile corpus shows no link in Chromium: names, locatie and points that look like
web or e-mail addresses are text on the control views (Markdown, ``md``) and the beamer
(HTML, ``esc``). Streamlit's Markdown links a bare ``https://…``, ``www.…`` or
``naam@domein`` even when every character is backslashed (issue 24)."""
from __future__ import annotations

import pytest
from browser import PROJECTOR, fixture_app, wait_for
from hostile import HOSTILE_NAMED

from zet.clock import today
from zet.room import groups, points
from zet.room.dagdelen import GroupPlan, RoundPlan, create_dagdeel
from zet.steps import Step

pytestmark = pytest.mark.browser
LINKISH = [(name, value) for name, value in HOSTILE_NAMED
           if any(mark in value.lower() for mark in ("://", "www.", "@"))
           and len(value) <= 120 and "\t" not in value]
FOREIGN = ("evil", "127.0.0.1:9", "mailto:")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with fixture_app(tmp_path_factory.mktemp("db")) as opened:
        yield opened


def foreign_links(page, base: str) -> list[str]:
    """Links out of the app (its own heading anchors, hidden, are in the app)."""
    hrefs = page.locator("[data-testid='stMain'] a[href], [data-testid='projector'] a[href]"
                         ).evaluate_all("links => links.map(a => a.href)")
    return [href for href in hrefs if not href.startswith(base + "/")
            and any(mark in href.lower() for mark in FOREIGN)]


@pytest.mark.parametrize(("name", "value"), LINKISH, ids=[n for n, _v in LINKISH])
def test_an_address_typed_anywhere_is_no_link(app, name, value):
    base, engine, browser = app
    created = create_dagdeel(
        engine, locatie=value, datum=today(), hoofdprocesbegeleider=value,
        rounds=[RoundPlan((GroupPlan("proef", value, "A"), GroupPlan("proef", "Bram", "B")))])
    group_id = created.group_ids[0]
    points.contribute(engine, group_id, None, "sterk", value)
    for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
        groups.set_step(engine, group_id, step, expected_current=step.previous())
    page = browser.new_context(viewport=PROJECTOR).new_page()
    page.goto(f"{base}/begeleiden?sleutel={created.group_secrets[0]}")
    wait_for(page, "control-step", step="punten")
    page.get_by_text("procesbegeleider", exact=False).first.wait_for(state="attached")
    assert foreign_links(page, base) == [], name
    page.goto(f"{base}/dagdeel?beheer={created.dagdeel.admin_secret}")
    wait_for(page, "dagdeel-phase")
    page.get_by_text("Bram", exact=False).first.wait_for(state="attached")
    assert foreign_links(page, base) == [], name
    page.goto(f"{base}/scherm?code={created.dagdeel.join_code}")
    wait_for(page, "projector")
    assert foreign_links(page, base) == [], name
    page.context.close()
