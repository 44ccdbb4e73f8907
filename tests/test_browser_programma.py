"""The programme manager in a real browser, on the demo history: log in, filter the archive,
open a locatie's development, group two similar points, download the partnership report."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from browser import ARTIFACTS, PROJECTOR, launch_chromium, streamlit_server, wait_until_idle
from conftest import FIXTURE_CONTENT, OPERATOR, REAL_CONTENT
from playwright.sync_api import Page, expect, sync_playwright
from pypdf import PdfReader
from tenancy_server import (
    NOORD_LOCATIE,
    NOORD_MARKERS,
    ZUID_LOCATIE,
    ZUID_MARKERS,
    build_server,
    leaks,
)
from tenancy_server import PASSWORD as TENANCY_PASSWORD

from zet.content import load_library
from zet.db import make_engine
from zet.operations.demo_history import LOCATIES, add_history
from zet.programme.account_admin import add_account
from zet.programme.rode_lijnen import point_groups

pytestmark = pytest.mark.browser
TIMEOUT = 30_000
PASSWORD = "geheim wachtwoord 12"


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"programma-{name}.png"), full_page=True)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox or multiselect by its label."""
    page.get_by_label(label, exact=True).first.click()
    page.get_by_role("option", name=option, exact=True).first.click()


def test_programme_manager_journey(tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    engine = make_engine(url)
    history = add_history(engine, load_library(REAL_CONTENT))
    add_account(engine, OPERATOR, "Els", PASSWORD, partnerschap_ids=[history.partnerschap_id])
    with streamlit_server({"ZET_DATABASE_URL": url, "ZET_CONTENT_DIR": str(REAL_CONTENT)}) \
            as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport=PROJECTOR, accept_downloads=True)
        page.set_default_timeout(TIMEOUT)
        expect.set_options(timeout=TIMEOUT)
        page.goto(f"{base}/programma")
        page.get_by_label("Naam").fill("Els")
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_text("Opleidingsschool in beeld")).to_be_visible()
        page.locator("[data-testid='stVegaLiteChart'] canvas, "
                     "[data-testid='stVegaLiteChart'] svg").first.wait_for()
        page.wait_for_timeout(1000)
        shot(page, "overzicht")

        page.get_by_role("tab", name="Archief").click()
        expect(page.get_by_text("12 dagdelen", exact=True)).to_be_visible()
        choose(page, "Locatie", LOCATIES[1])
        expect(page.get_by_text("3 dagdelen", exact=True)).to_be_visible()
        shot(page, "archief")

        page.get_by_role("tab", name="Ontwikkeling").click()
        trends = page.get_by_role("tabpanel", name="Ontwikkeling")
        trends.get_by_label("Locatie", exact=True).click()
        page.get_by_role("option", name=LOCATIES[0], exact=True).click()
        expect(trends.get_by_text("Scenario per jaar")).to_be_visible()
        expect(trends.get_by_text("Ontwikkelpunten die terugkwamen")).to_be_visible()
        page.wait_for_timeout(1500)
        shot(page, "ontwikkeling")

        page.get_by_role("tab", name="Rode lijnen").click()
        lines = page.get_by_role("tabpanel", name="Rode lijnen")
        before = {g.id for g in point_groups(engine, OPERATOR)}
        picker = lines.get_by_label("Punten", exact=True)
        for text in ("Studenten doen mee aan teamoverleg en studiedagen (Het Baken",
                     "Studenten doen mee aan teamoverleg en studiedagen (Kindcentrum"):
            picker.click()
            page.keyboard.type("teamoverleg en studiedagen")  # the list only shows matches
            page.get_by_role("option").filter(has_text=text).first.click()
        page.keyboard.press("Escape")
        lines.get_by_label("Naam van de nieuwe groep").fill("Studenten horen bij het team")
        lines.get_by_label("Naam van de nieuwe groep").press("Tab")
        lines.get_by_role("button", name="Groeperen").click()
        expect(lines.get_by_text("Groep: Studenten horen bij het team").first).to_be_visible()
        made = [g for g in point_groups(engine, OPERATOR) if g.id not in before]
        assert [g.naam for g in made] == ["Studenten horen bij het team"]
        assert len(made[0].point_ids) == 2
        shot(page, "rode-lijnen")

        page.get_by_role("tab", name="Verslag").click()
        wait_until_idle(page)  # the grouping's rerun may still be drawing the page
        with page.expect_download() as download:
            page.get_by_role("button", name="Verslag per waarborg (PDF)").click()
        data = Path(download.value.path()).read_bytes()
        text = " ".join(" ".join((p.extract_text() or "").split())
                        for p in PdfReader(io.BytesIO(data)).pages)
        for expected in ("ZET · waarborg 1 van 4 Lerende leraar", "Kwaliteitscultuur",
                         "Groep: Studenten horen bij het team"):
            assert expected in text, expected
        browser.close()


def settled(page: Page) -> None:
    """The page finished drawing: no placeholder of an element left."""
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0)


def _log_in(page: Page, base: str, naam: str) -> None:
    page.goto(f"{base}/programma")
    page.get_by_label("Naam").fill(naam)
    page.get_by_label("Wachtwoord", exact=True).fill(TENANCY_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Opleidingsschool in beeld")).to_be_visible()


def test_each_account_sees_its_own_school(tmp_path):
    """Two schools, three accounts: each manager's page and report PDF hold only their own
    school; logging out returns to the login; the administrator has the Accounts tab."""
    ARTIFACTS.mkdir(exist_ok=True)
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    engine = make_engine(url)
    build_server(engine, load_library(FIXTURE_CONTENT))
    with streamlit_server({"ZET_DATABASE_URL": url, "ZET_CONTENT_DIR": str(FIXTURE_CONTENT)}) \
            as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for naam, own, markers in (("Noor", NOORD_LOCATIE, ZUID_MARKERS),
                                   ("Zeger", ZUID_LOCATIE, NOORD_MARKERS)):
            page = browser.new_page(viewport=PROJECTOR, accept_downloads=True)
            page.set_default_timeout(TIMEOUT)
            expect.set_options(timeout=TIMEOUT)
            _log_in(page, base, naam)
            page.get_by_role("tab", name="Archief").click()
            expect(page.get_by_text("2 dagdelen", exact=True)).to_be_visible()
            settled(page)
            shot(page, f"tenancy-{naam.lower()}-archief")
            page.get_by_role("tab", name="Rode lijnen").click()
            expect(page.get_by_role("tabpanel", name="Rode lijnen")
                   .get_by_text(own).first).to_be_visible()
            assert leaks(page.locator("body").inner_text(), markers) == []
            assert page.get_by_role("tab", name="Accounts").count() == 0
            page.get_by_role("tab", name="Verslag").click()
            with page.expect_download() as download:
                page.get_by_role("button", name="Verslag per waarborg (PDF)").click()
            data = Path(download.value.path()).read_bytes()
            text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
            assert own in text and leaks(text, markers) == []
            page.get_by_role("button", name="Uitloggen").click()
            expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
            page.close()
        page = browser.new_page(viewport=PROJECTOR)
        page.set_default_timeout(TIMEOUT)
        _log_in(page, base, "Bea")
        page.get_by_role("tab", name="Accounts").click()
        expect(page.get_by_role("tabpanel", name="Accounts")
               .get_by_text("Nieuw account")).to_be_visible()
        settled(page)
        shot(page, "tenancy-bea-accounts")
        browser.close()
