"""A whole theme in a real browser: the projector at 1920×1080 and three phones at 390×844,
through every step, ending with the PDF whose text is checked."""
from __future__ import annotations

import io
import re

import pytest
from browser import ARTIFACTS, PHONE, PROJECTOR, launch_chromium, streamlit_server
from conftest import FIXTURE_CONTENT
from playwright.sync_api import Page, expect, sync_playwright
from pypdf import PdfReader

pytestmark = pytest.mark.browser
TIMEOUT = 20_000
PEOPLE = [("Schoolopleider", "Een les met feedback – ‘zo’n moment’", "Ik zelf"),
          ("Werkplekbegeleider", "Gesprek na de les", "De schoolopleider"),
          ("Aanstaande leraar / student", "<b>Stage</b> & **lessen**", "Niemand")]


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def wait_step(phone: Page, step: str) -> None:
    phone.locator(f"[data-testid='phone-step'][data-step='{step}']").wait_for(
        state="attached", timeout=TIMEOUT)


def next_step(projector: Page, label: str, step: str) -> None:
    projector.get_by_role("button", name=f"{label} →").click()
    projector.locator(f"[data-testid='projector-step'][data-step='{step}']").wait_for(
        state="attached", timeout=TIMEOUT)


def choose(page: Page, select_label: str, option: str) -> None:
    page.get_by_label(select_label).click()
    page.get_by_role("option", name=option, exact=True).click()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    db = tmp_path_factory.mktemp("db") / "zet.db"
    with streamlit_server({"ZET_DATABASE_URL": f"sqlite:///{db}",
                           "ZET_CONTENT_DIR": str(FIXTURE_CONTENT)}) as base:
        yield base


def test_one_theme_end_to_end(server):
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        projector = browser.new_context(viewport=PROJECTOR, accept_downloads=True).new_page()
        projector.set_default_timeout(TIMEOUT)
        projector.goto(f"{server}/start")
        projector.locator(".st-key-s_locatie input").fill("Het Kompas, locatie Noord")
        projector.locator(".st-key-s_naam input").fill("Anna de Vries")
        projector.get_by_role("button", name="Sessie starten").click()
        code_box = projector.locator("[data-testid='join-code']")
        code_box.wait_for()
        code = code_box.inner_text().strip()
        assert re.fullmatch(r"[A-Z0-9]{5}", code)
        facilitator_url = projector.url
        assert "sleutel=" in facilitator_url
        shot(projector, "01-projector-werkblad-join")

        phones = []
        for index, (role, text, choice) in enumerate(PEOPLE):
            phone = browser.new_context(viewport=PHONE, is_mobile=True,
                                        has_touch=True).new_page()
            phone.set_default_timeout(TIMEOUT)
            phone.goto(f"{server}/deelnemen?code={code}")
            choose(phone, "Wat is je rol?", role)
            phone.get_by_role("button", name="Meedoen").click()
            wait_step(phone, "werkblad")
            if index == 0:
                shot(phone, "02-phone-werkblad-empty")
            answer = phone.get_by_label("Jouw antwoord")
            answer.fill(text)
            answer.press("Tab")
            expect(phone.get_by_text("✓ Opgeslagen").first).to_be_visible()
            people = phone.get_by_label("Eén punt per regel")
            people.fill("Schoolopleider\nMentor")
            people.press("Tab")
            expect(phone.get_by_text("✓ Opgeslagen")).to_have_count(2)
            phone.get_by_text(choice, exact=True).click()
            expect(phone.get_by_text("✓ Opgeslagen")).to_have_count(3)
            phone.get_by_role("button", name="In de les").click()
            expect(phone.get_by_text("✓ Opgeslagen")).to_have_count(4)
            phones.append(phone)
        shot(phones[0], "03-phone-werkblad-filled")

        # A reload keeps the participant and the answers (token in the URL).
        phones[2].reload()
        wait_step(phones[2], "werkblad")
        expect(phones[2].get_by_label("Jouw antwoord")).to_have_value(PEOPLE[2][1])
        # Scanning the QR code again on the same phone finds the same participant (cookie).
        phones[1].goto(f"{server}/deelnemen?code={code}")
        wait_step(phones[1], "werkblad")
        expect(phones[1].get_by_label("Jouw antwoord")).to_have_value(PEOPLE[1][1])

        expect(projector.locator("[data-testid='werkblad-progress']")).to_have_text(
            "3 van 3 ingevuld", timeout=TIMEOUT)
        shot(projector, "04-projector-werkblad-progress")

        next_step(projector, "Uitwisseling", "uitwisseling")
        for phone in phones:
            wait_step(phone, "uitwisseling")
        expect(projector.get_by_text("<b>Stage</b> & **lessen**")).to_be_visible()
        shot(projector, "05-projector-uitwisseling")
        shot(phones[0], "06-phone-uitwisseling")

        next_step(projector, "Reflectiekaarten", "reflectiekaarten")
        for phone in phones:
            wait_step(phone, "reflectiekaarten")
        projector.get_by_role("button", name="Tonen").nth(1).click()
        for phone in phones:
            expect(phone.get_by_text("Kaart B")).to_be_visible(timeout=TIMEOUT)
        shot(projector, "07-projector-kaarten")
        shot(phones[1], "08-phone-kaarten")

        next_step(projector, "Sterke punten & ontwikkelpunten", "punten")
        for phone, (kind, point) in zip(phones, [
                ("Sterk punt", "Korte lijnen met het instituut"),
                ("Ontwikkelpunt", "Meer tijd voor begeleiding"),
                ("Sterk punt", "Iedereen is welkom – ook één nieuwe collega")]):
            wait_step(phone, "punten")
            phone.get_by_text(kind, exact=True).click()
            phone.get_by_label("Jouw punt").fill(point)
            phone.get_by_role("button", name="Versturen").click()
            expect(phone.get_by_text("Verstuurd.")).to_be_visible()
        shot(phones[2], "09-phone-punten")
        expect(projector.get_by_text("Meer tijd voor begeleiding", exact=False).first) \
            .to_be_visible(timeout=TIMEOUT)
        expect(projector.get_by_text("Iedereen is welkom", exact=False).first).to_be_visible()
        shot(projector, "10-projector-punten")
        projector.get_by_role("button", name="Lijst bevestigen").click()
        expect(projector.get_by_text("De groep heeft deze lijst bevestigd.")).to_be_visible()

        next_step(projector, "Scenario", "scenario")
        for phone, (now, wanted) in zip(phones, [(2, 3), (2, 2), (1, 3)]):
            wait_step(phone, "scenario")
            groups = phone.get_by_test_id("stButtonGroup")
            groups.first.locator("button", has_text=re.compile(f"^{now}$")).click()
            expect(phone.get_by_text("✓ Opgeslagen")).to_be_visible()
            groups.nth(1).locator("button", has_text=re.compile(f"^{wanted}$")).click()
        shot(phones[0], "11-phone-scenario")
        expect(projector.locator("[data-testid='scenario-placed']")).to_have_text(
            "3 van 3 deelnemers hebben gekozen", timeout=TIMEOUT)
        shot(projector, "12a-projector-scenario-before")
        decision = projector.get_by_test_id("stForm").get_by_test_id("stButtonGroup")
        decision.first.get_by_text("2. Commitment Samen Opleiden").click()
        decision.nth(1).get_by_text("3. Verbinden en verbreden").click()
        projector.get_by_role("textbox", name="Onderbouwing").fill(
            "We willen de lijnen met het instituut "
                                                    "verbreden naar alle secties.")
        projector.get_by_role("button", name="Vastleggen").click()
        expect(projector.get_by_text("2. Commitment Samen Opleiden · nu")).to_be_visible()
        shot(projector, "12-projector-scenario")

        next_step(projector, "Afronding", "afronding")
        for phone in phones:
            wait_step(phone, "afronding")
        projector.get_by_label(re.compile("Wie vertelt in het plenaire deel")).fill("Jamal")
        projector.get_by_role("button", name="Opslaan").click()
        expect(projector.get_by_text("Terugkoppeling in het plenaire deel:")).to_be_visible()
        shot(projector, "13-projector-afronding")
        expect(phones[0].get_by_text("Korte lijnen met het instituut").first).to_be_visible()
        shot(phones[0], "14-phone-afronding")

        # The facilitator's own link brings the controls back after a reload.
        projector.goto(facilitator_url)
        projector.locator("[data-testid='projector-step'][data-step='afronding']").wait_for(
            state="attached", timeout=TIMEOUT)
        expect(projector.get_by_role("button", name="← Scenario")).to_be_visible(
            timeout=TIMEOUT)

        with projector.expect_download() as download:
            projector.get_by_role("button", name="Verslag (PDF)").first.click()
        pdf_bytes = download.value.path().read_bytes()
        (ARTIFACTS / "journey.pdf").write_bytes(pdf_bytes)
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)
        flat = " ".join(text.split())
        for expected in ("Het Kompas, locatie Noord", "Proefthema", "Anna de Vries",
                         "Korte lijnen met het instituut", "Meer tijd voor begeleiding",
                         "Iedereen is welkom – ook één nieuwe collega",
                         "Commitment Samen Opleiden", "Verbinden en verbreden",
                         "verbreden naar alle secties", "Kaart B", "Schoolopleider", "Jamal"):
            assert expected in flat, expected
        browser.close()
