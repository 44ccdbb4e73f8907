"""One theme in a real browser, split into journeys that each fail on their own: starting a
session, phones joining, and the group going through every step to its report.

The procesbegeleider works on the control view (a laptop window at 1280×800), the room looks
at the projector view (1920×1080) and participants use phones (390×844). Every wait is on
the app's own state (data-testid attributes), never on a fixed time.
"""
from __future__ import annotations

import io
import re

import pytest
from browser import ARTIFACTS, PHONE, PROJECTOR, fixture_app, open_as_participant, wait_for
from conftest import FIXTURE_CONTENT
from playwright.sync_api import expect
from pypdf import PdfReader

from zet.clock import today
from zet.content import load_library
from zet.room import answers, groups, participants
from zet.room.dagdelen import create_single_session
from zet.steps import Step

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """A server on a fresh database, the engine to it and Chromium."""
    with fixture_app(tmp_path_factory.mktemp("db")) as opened:
        yield opened


def _session(engine, locatie: str = "Het Kompas, locatie Noord"):
    return create_single_session(engine, locatie=locatie, datum=today(),
                                 procesbegeleider="Anna de Vries", theme_id="proef")


def test_starting_a_session_gives_a_control_view_and_a_beamer_without_secret(app):
    base, _engine, browser = app
    control = browser.new_context(viewport=LAPTOP).new_page()
    control.goto(f"{base}/start")
    control.locator(".st-key-s_locatie input").fill("Het Kompas, locatie Noord")
    control.locator(".st-key-s_naam input").fill("Anna de Vries")
    control.get_by_role("button", name="Sessie starten").click()
    wait_for(control, "control-step", step="werkblad")
    assert "sleutel=" in control.url
    beamer = control.get_by_role("link", name="Beamerscherm openen").get_attribute("href")
    assert beamer and "sleutel" not in beamer and "/scherm?code=" in beamer
    wall = browser.new_context(viewport=PROJECTOR).new_page()
    wall.goto(beamer)
    code = wait_for(wall, "join-code").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z0-9]{5}", code)
    control.screenshot(path=str(ARTIFACTS / "journey-control-werkblad.png"))
    wall.screenshot(path=str(ARTIFACTS / "journey-projector-werkblad.png"))


def test_phones_join_by_code_and_the_projector_counts_their_answers(app):
    base, engine, browser = app
    session = _session(engine)
    wall = browser.new_context(viewport=PROJECTOR).new_page()
    wall.goto(f"{base}/scherm?code={session.dagdeel.join_code}")
    wait_for(wall, "werkblad-progress")
    phones = []
    for role in ("Schoolopleider", "Werkplekbegeleider"):
        phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
        phone.goto(f"{base}/deelnemen?code={session.dagdeel.join_code}")
        phone.get_by_label("Wat is je rol?").click()
        phone.get_by_role("option", name=role, exact=True).click()
        phone.get_by_role("button", name="Meedoen").click()
        wait_for(phone, "phone-step", step="werkblad")
        field = phone.get_by_test_id("answer-beeld")
        field.click()
        field.press_sequentially(f"Een moment met feedback ({role})", delay=10)
        phone.get_by_test_id("answer-mensen").click()  # leaving the field also saves
        phone.get_by_test_id("answer-mensen").press_sequentially("Mentor", delay=10)
        phone.get_by_text("Ik zelf", exact=True).click()
        phone.get_by_role("button", name="In de les").click()
        phones.append(phone)
    phones[0].screenshot(path=str(ARTIFACTS / "journey-phone-werkblad.png"))
    expect(wall.get_by_test_id("werkblad-progress")).to_have_text("2 van 2 ingevuld",
                                                                   timeout=20_000)
    # Scanning again on the same phone finds the same participant (cookie).
    phones[1].goto(f"{base}/deelnemen?code={session.dagdeel.join_code}")
    wait_for(phones[1], "phone-step", step="werkblad")
    assert len(participants.members_of(engine, session.group_ids[0])) == 2


def test_the_group_goes_through_every_step_to_its_report(app):
    base, engine, browser = app
    session = _session(engine, "De Brug")
    group_id = session.group_ids[0]
    theme = load_library(FIXTURE_CONTENT).theme("proef")
    people = [participants.join(engine, session.dagdeel, role=role)
              for role in ("Schoolopleider", "Aanstaande leraar / student")]
    for person, text in zip(people, ("Gesprek na de les", "<b>Stage</b> & **lessen**")):
        answers.save_answer(engine, group_id, person.id, theme.question("beeld"), text)
    control = browser.new_context(viewport=LAPTOP, accept_downloads=True).new_page()
    control.goto(f"{base}/begeleiden?sleutel={session.group_secrets[0]}")
    wall = browser.new_context(viewport=PROJECTOR).new_page()
    wall.goto(f"{base}/scherm?code={session.dagdeel.join_code}")
    phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    open_as_participant(phone, base, people[1].token)

    def forward(label: str, step: Step) -> None:
        control.get_by_role("button", name=f"{label} →").click()
        for page, testid in ((control, "control-step"), (wall, "projector"),
                             (phone, "phone-step")):
            wait_for(page, testid, step=step.value)

    forward("Uitwisseling", Step.UITWISSELING)
    expect(wall.get_by_text("<b>Stage</b> & **lessen**")).to_be_visible()
    forward("Reflectiekaarten", Step.REFLECTIEKAARTEN)
    control.get_by_role("button", name="Op het scherm").nth(1).click()
    expect(wall.get_by_role("heading", name="Kaart B")).to_be_visible(timeout=20_000)
    expect(phone.get_by_text("Kaart B")).to_be_visible(timeout=20_000)
    forward("Sterke punten & ontwikkelpunten", Step.PUNTEN)
    field = phone.get_by_test_id("point-text")
    field.click()
    field.press_sequentially("Korte lijnen met het instituut", delay=10)
    phone.get_by_role("button", name="Versturen").click()
    expect(wall.get_by_text("Korte lijnen met het instituut")).to_be_visible(timeout=20_000)
    control.get_by_role("button", name="Lijst bevestigen").click()
    expect(control.get_by_text("De groep heeft deze lijst bevestigd.")).to_be_visible()
    forward("Scenario", Step.SCENARIO)
    control.get_by_test_id("stRadio").first.get_by_text("2. Commitment Samen Opleiden").click()
    control.get_by_test_id("stRadio").nth(1).get_by_text("3. Verbinden en verbreden").click()
    control.get_by_role("textbox", name="Onderbouwing").fill("Verbreden naar alle secties.")
    control.get_by_role("button", name="Vastleggen").click()
    expect(wall.get_by_text("groep: nu")).to_be_visible(timeout=20_000)
    forward("Afronding", Step.AFRONDING)
    control.get_by_label(re.compile("Wie vertelt in het plenaire deel")).fill("Jamal")
    control.get_by_role("button", name="Opslaan").click()
    expect(control.get_by_text("Terugkoppeling in het plenaire deel:")).to_be_visible()
    expect(phone.get_by_text("Korte lijnen met het instituut").first).to_be_visible()
    wall.screenshot(path=str(ARTIFACTS / "journey-projector-afronding.png"))
    assert groups.get_group(engine, group_id).reporter == "Jamal"

    with control.expect_download() as download:
        control.get_by_role("button", name="Verslag (PDF)").first.click()
    pdf = download.value.path().read_bytes()
    (ARTIFACTS / "journey.pdf").write_bytes(pdf)
    flat = " ".join(" ".join(page.extract_text() for page in
                             PdfReader(io.BytesIO(pdf)).pages).split())
    for expected in ("De Brug", "Proefthema", "Korte lijnen met het instituut",
                     "Commitment Samen Opleiden", "Verbinden en verbreden",
                     "Verbreden naar alle secties.", "Kaart B", "Schoolopleider"):
        assert expected in flat, expected
    assert "Anna de Vries" not in flat and "Jamal" not in flat  # names only on request
