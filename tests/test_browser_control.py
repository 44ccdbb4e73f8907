"""The procesbegeleider's control view on a 390 px phone, and the printed QR card: every
action within reach, all four scenarios readable, the card's link the real address."""
from __future__ import annotations

import io

import pytest
from browser import ARTIFACTS, PHONE, demo_room, fresh_demo, wait_for
from pypdf import PdfReader

from zet.room import groups
from zet.steps import Step

pytestmark = pytest.mark.browser
PUBLIC = "https://zet.voorbeeldschool.nl"

# What the control view must offer in each step (button labels or test ids).
ACTIONS = {
    Step.UITWISSELING: ["Volgende pagina ▶", "Reflectiekaarten →", "← Werkblad"],
    Step.REFLECTIEKAARTEN: ["Op het scherm"],
    Step.PUNTEN: ["Lijst bevestigen", "Toevoegen"],
    Step.SCENARIO: ["Vastleggen"],
    Step.AFRONDING: ["Opslaan", "Verslag (PDF)"],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_room(tmp_path_factory.mktemp("db"), {"ZET_PUBLIC_URL": PUBLIC}) as opened:
        yield opened


@pytest.fixture
def room(server):
    """Each test its own demo dagdelen (on the module's server)."""
    return fresh_demo(server)


def _secret(paths) -> str:
    return paths["uitwisseling"]["control"].split("sleutel=")[1]


def test_every_action_is_within_reach_on_a_phone(room):
    engine, library, paths, base, browser = room
    page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    group = groups.group_by_secret(engine, _secret(paths))
    for step, labels in ACTIONS.items():
        while group.step != step:
            group = groups.set_step(engine, group.id, group.step.next(),
                                    expected_current=group.step)
        page.goto(base + paths["uitwisseling"]["control"])
        wait_for(page, "control-step", step=step.value)
        for label in labels:
            button = page.get_by_role("button", name=label).first
            button.scroll_into_view_if_needed()
            box = button.bounding_box()
            assert box and box["height"] >= 44 and box["x"] >= 0 \
                and box["x"] + box["width"] <= PHONE["width"], f"{step}: {label} {box}"
        page.screenshot(path=str(ARTIFACTS / f"control-390-{step.value}.png"))
        if step == Step.SCENARIO:
            theme = library.theme(group.theme_id)
            for scenario in theme.scenarios:
                option = page.get_by_text(f"{scenario.nummer}. {scenario.naam}").first
                option.scroll_into_view_if_needed()
                box = option.bounding_box()
                assert box and box["x"] + box["width"] <= PHONE["width"], scenario.naam
        assert page.get_by_test_id("stException").count() == 0


def test_the_printed_qr_card_points_at_the_configured_address(room):
    _engine, _library, paths, base, browser = room
    page = browser.new_context(viewport={"width": 1280, "height": 800},
                               accept_downloads=True).new_page()
    page.goto(base + paths["dagdeel"]["control"])
    page.get_by_role("tab", name="Programma en export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="QR-kaart voor de tafels (A4, PDF)").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = pdf.pages[0].extract_text()
    code = paths["dagdeel"]["join"].split("code=")[1]
    assert f"{PUBLIC}/deelnemen?code={code}" in text.replace("\n", "")
    assert "localhost" not in text
