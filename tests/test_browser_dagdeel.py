"""A dagdeel in a real browser: the hoofdprocesbegeleider's screen, two procesbegeleiders,
six phones, two rounds with new tables, and the plenary close ending in the dagdeel PDF."""
from __future__ import annotations

import io
import re

import pytest
from browser import ARTIFACTS, PHONE, PROJECTOR, launch_chromium, streamlit_server
from conftest import FIXTURE_CONTENT
from playwright.sync_api import Page, expect, sync_playwright
from pypdf import PdfReader

from zet.clock import today
from zet.dagdelen import GroupPlan, Programme, RoundPlan, create_dagdeel
from zet.db import make_engine

pytestmark = pytest.mark.browser
TIMEOUT = 20_000
ROLES = ["Aanstaande leraar / student", "Aanstaande leraar / student", "Werkplekbegeleider",
         "Werkplekbegeleider", "Schoolopleider", "Instituutsopleider"]


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"dagdeel-{name}.png"), full_page=True)


def wait_step(page: Page, testid: str, value: str) -> None:
    attribute = "data-phase" if testid == "dagdeel-phase" else "data-step"
    page.locator(f"[data-testid='{testid}'][{attribute}='{value}']").wait_for(
        state="attached", timeout=TIMEOUT)


def run_group(leader: Page, phones: list[Page], round_no: int, point: str) -> None:
    """One table through its steps: werkblad, points, agreed scenario, reporter."""
    for phone in phones:
        wait_step(phone, "phone-step", "werkblad")
    for phone in phones:
        if "Tweede proefthema" in phone.get_by_test_id("phone-seat").inner_text():
            scale = phone.get_by_test_id("stButtonGroup").first  # a 1–5 scale
            scale.locator("button", has_text=re.compile("^4$")).click()
        else:  # proef: free text
            field = phone.get_by_label("Jouw antwoord")
            field.fill(f"Ronde {round_no}: zo gaat het bij ons")
            field.press("Tab")
        expect(phone.get_by_text("✓ Opgeslagen").first).to_be_visible()
    for label, step in (("Uitwisseling", "uitwisseling"), ("Reflectiekaarten", "reflectiekaarten"),
                        ("Sterke punten & ontwikkelpunten", "punten")):
        leader.get_by_role("button", name=f"{label} →").click()
        wait_step(leader, "projector-step", step)
    wait_step(phones[0], "phone-step", "punten")
    phones[0].get_by_label("Jouw punt").fill(point)
    phones[0].get_by_role("button", name="Versturen").click()
    expect(phones[0].get_by_text("Verstuurd.")).to_be_visible()
    expect(leader.get_by_text(point).first).to_be_visible(timeout=TIMEOUT)
    leader.get_by_role("button", name="Lijst bevestigen").click()
    expect(leader.get_by_text("De groep heeft deze lijst bevestigd.")).to_be_visible()
    leader.get_by_role("button", name="Scenario →").click()
    wait_step(leader, "projector-step", "scenario")
    decision = leader.get_by_test_id("stForm").get_by_test_id("stButtonGroup")
    decision.first.get_by_text("2. Commitment Samen Opleiden").click()
    decision.nth(1).get_by_text("3. Verbinden en verbreden").click()
    leader.get_by_role("button", name="Vastleggen").click()
    expect(leader.get_by_text("2. Commitment Samen Opleiden · nu")).to_be_visible()
    leader.get_by_role("button", name="Afronding →").click()
    wait_step(leader, "projector-step", "afronding")
    leader.get_by_label(re.compile("Wie vertelt in het plenaire deel")).fill(f"Tafel {round_no}")
    leader.get_by_role("button", name="Opslaan").click()
    expect(leader.get_by_text("Terugkoppeling in het plenaire deel:")).to_be_visible()


def seat_of(phone: Page) -> str:
    seat = phone.get_by_test_id("phone-seat")
    seat.wait_for(timeout=TIMEOUT)
    return seat.inner_text()


def test_two_rounds_two_groups_six_phones_and_the_plenary_close(tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    engine = make_engine(url)
    created = create_dagdeel(
        engine, locatie="Het Kompas", datum=today(),
        programme=Programme(opening=("09:00", "09:30"), pauzes=(("10:45", "11:00"),),
                            afsluiting=("12:15", "12:45")),
        rounds=[RoundPlan((GroupPlan("proef", "Anna", "A"), GroupPlan("proef-twee", "Bram", "B")),
                          "09:30", "10:45"),
                RoundPlan((GroupPlan("proef-twee", "Anna", "A"), GroupPlan("proef", "Bram", "B")),
                          "11:00", "12:15")])
    engine.dispose()
    secrets = created.group_secrets  # round 1: A, B; round 2: A, B
    with streamlit_server({"ZET_DATABASE_URL": url,
                           "ZET_CONTENT_DIR": str(FIXTURE_CONTENT)}) as base, \
            sync_playwright() as pw:
        browser = launch_chromium(pw)
        hoofd = browser.new_context(viewport=PROJECTOR, accept_downloads=True).new_page()
        hoofd.set_default_timeout(TIMEOUT)
        hoofd.goto(f"{base}/dagdeel?beheer={created.dagdeel.admin_secret}")
        wait_step(hoofd, "dagdeel-phase", "opening")

        phones = []
        for role in ROLES:
            phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
            phone.set_default_timeout(TIMEOUT)
            phone.goto(f"{base}/deelnemen?code={created.dagdeel.join_code}")
            phone.get_by_label("Wat is je rol?").click()
            phone.get_by_role("option", name=role, exact=True).click()
            phone.get_by_role("button", name="Meedoen").click()
            wait_step(phone, "phone-step", "opening")
            phones.append(phone)
        expect(hoofd.get_by_test_id("joined-count")).to_have_text("6 aangemeld",
                                                                  timeout=TIMEOUT)
        shot(hoofd, "01-opening")
        shot(phones[0], "02-phone-opening")

        hoofd.get_by_role("button", name="Ronde 1 starten").first.click()
        wait_step(hoofd, "dagdeel-phase", "ronde")
        seats_one = [seat_of(phone) for phone in phones]
        assert all(s.startswith("Ronde 1 — tafel ") for s in seats_one)
        assert sorted(s.split(" — ")[1] for s in seats_one) == ["tafel A"] * 3 + ["tafel B"] * 3
        students = [s for s, role in zip(seats_one, ROLES) if role == ROLES[0]]
        assert students[0] != students[1]  # the two students sit at different tables
        shot(hoofd, "03-round-1")
        shot(phones[0], "04-phone-seat")

        leaders = []
        for secret in secrets[:2]:
            leader = browser.new_context(viewport=PROJECTOR).new_page()
            leader.set_default_timeout(TIMEOUT)
            leader.goto(f"{base}/begeleiden?sleutel={secret}")
            wait_step(leader, "projector-step", "werkblad")
            leaders.append(leader)
        for leader, table in zip(leaders, "AB"):
            at_table = [p for p, s in zip(phones, seats_one) if f"tafel {table}" in s]
            run_group(leader, at_table, 1, f"Sterk punt van tafel {table} in ronde 1")
        shot(leaders[0], "05-leader-afronding")

        hoofd.get_by_role("button", name="Ronde 2 starten").first.click()
        seats_two = []
        for phone in phones:
            expect(phone.get_by_test_id("phone-seat")).to_contain_text("Ronde 2",
                                                                       timeout=TIMEOUT)
            seats_two.append(seat_of(phone))
        tables_one = {t: {i for i, s in enumerate(seats_one) if f"tafel {t}" in s} for t in "AB"}
        tables_two = {t: {i for i, s in enumerate(seats_two) if f"tafel {t}" in s} for t in "AB"}
        assert tables_two != tables_one and tables_two != {"A": tables_one["B"],
                                                           "B": tables_one["A"]}
        for leader, secret in zip(leaders, secrets[2:]):
            leader.goto(f"{base}/begeleiden?sleutel={secret}")
            wait_step(leader, "projector-step", "werkblad")
        for leader, table in zip(leaders, "AB"):
            at_table = [p for p, s in zip(phones, seats_two) if f"tafel {table}" in s]
            run_group(leader, at_table, 2, f"Ontdekt aan tafel {table} in ronde 2")
        shot(phones[3], "06-phone-round-2-afronding")

        hoofd.get_by_role("button", name="Plenaire afsluiting").click()
        wait_step(hoofd, "dagdeel-phase", "afsluiting")
        for phone in phones:
            wait_step(phone, "phone-step", "afsluiting")
        expect(hoofd.get_by_text("Overzicht van alle groepen")).to_be_visible()
        for text in ("Sterk punt van tafel A in ronde 1", "Ontdekt aan tafel B in ronde 2"):
            expect(hoofd.get_by_text(text).first).to_be_visible()
        shot(hoofd, "07-closing")
        shot(phones[0], "08-phone-closing")

        hoofd.get_by_role("tab", name="Programma en export").click()
        with hoofd.expect_download() as download:
            hoofd.get_by_role("button", name="Verslag van alle groepen (PDF)").click()
        pdf = download.value.path().read_bytes()
        (ARTIFACTS / "dagdeel.pdf").write_bytes(pdf)
        flat = " ".join(" ".join(page.extract_text() for page in
                                 PdfReader(io.BytesIO(pdf)).pages).split())
        for text in ("Het Kompas", "Proefthema", "Tweede proefthema",
                     "Sterk punt van tafel A in ronde 1", "Ontdekt aan tafel B in ronde 2",
                     "Verbinden en verbreden"):
            assert text in flat, text
        browser.close()
