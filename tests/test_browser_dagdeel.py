"""A dagdeel in a real browser, in journeys that each fail on their own: the plenary opening
counts phones as they join, the rounds send every phone to its table, and the plenary close
shows each group's outcome and ends in the dagdeel report."""
from __future__ import annotations

import io

import pytest
from browser import ARTIFACTS, PHONE, PROJECTOR, fixture_app, open_as_participant, wait_for
from playwright.sync_api import expect
from pypdf import PdfReader

from zet.clock import today
from zet.room import groups, participants, points, rounds
from zet.room.dagdelen import GroupPlan, Programme, RoundPlan, create_dagdeel
from zet.steps import Step

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}
ROLES = ["Aanstaande leraar / student", "Aanstaande leraar / student", "Werkplekbegeleider",
         "Werkplekbegeleider", "Schoolopleider", "Instituutsopleider"]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """A server on a fresh database, the engine to it and Chromium."""
    with fixture_app(tmp_path_factory.mktemp("db")) as opened:
        yield opened


def _dagdeel(engine, locatie: str):
    return create_dagdeel(
        engine, locatie=locatie, datum=today(),
        programme=Programme(opening=("09:00", "09:30"), pauzes=(("10:45", "11:00"),),
                            afsluiting=("12:15", "12:45")),
        rounds=[RoundPlan((GroupPlan("proef", "Anna", "A"), GroupPlan("proef-twee", "Bram", "B")),
                          "09:30", "10:45"),
                RoundPlan((GroupPlan("proef-twee", "Anna", "A"), GroupPlan("proef", "Bram", "B")),
                          "11:00", "12:15")])


def _pages(app, created):
    base, _engine, browser = app
    control = browser.new_context(viewport=LAPTOP, accept_downloads=True).new_page()
    control.goto(f"{base}/dagdeel?beheer={created.dagdeel.admin_secret}")
    wall = browser.new_context(viewport=PROJECTOR).new_page()
    wall.goto(f"{base}/scherm?code={created.dagdeel.join_code}")
    return control, wall


def test_the_opening_counts_phones_as_they_join(app):
    base, engine, browser = app
    created = _dagdeel(engine, "Het Kompas")
    control, wall = _pages(app, created)
    wait_for(wall, "joined-count")
    for index, role in enumerate(ROLES[:2]):
        phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
        phone.goto(f"{base}/deelnemen?code={created.dagdeel.join_code}")
        phone.get_by_label("Wat is je rol?").click()
        phone.get_by_role("option", name=role, exact=True).click()
        phone.get_by_role("button", name="Meedoen").click()
        wait_for(phone, "phone-step", step="opening")
        expect(wall.get_by_test_id("joined-count")).to_have_text(f"{index + 1} aangemeld",
                                                                 timeout=20_000)
    control.get_by_role("tab", name="Indeling per ronde").click()
    expect(control.get_by_test_id("joined-count")).to_contain_text("2 deelnemers aangemeld",
                                                                   timeout=20_000)
    wall.screenshot(path=str(ARTIFACTS / "dagdeel-projector-opening.png"))


def test_rounds_send_every_phone_to_its_table(app):
    base, engine, browser = app
    created = _dagdeel(engine, "De Brug")
    people = [participants.join(engine, created.dagdeel, role=role) for role in ROLES]
    control, wall = _pages(app, created)
    phones = []
    for person in people[:3]:
        phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
        open_as_participant(phone, base, person.token)
        wait_for(phone, "phone-step", step="opening")
        phones.append(phone)
    control.get_by_role("button", name="Ronde 1 starten").click()
    wait_for(control, "dagdeel-phase", phase="ronde")
    first = []
    for phone in phones:
        seat = wait_for(phone, "phone-seat")
        expect(seat).to_contain_text("Ronde 1 — tafel")
        first.append(seat.inner_text())
    expect(wall.get_by_role("heading", name="Ronde 1 · 09:30–10:45")).to_be_visible(
        timeout=20_000)
    wall.screenshot(path=str(ARTIFACTS / "dagdeel-projector-round.png"))
    phones[0].screenshot(path=str(ARTIFACTS / "dagdeel-phone-seat.png"))
    # A move by hand during the round: the phone follows to its new table.
    ronde = rounds.rounds_of(engine, created.dagdeel.id)[0]
    here = next(t for t in ronde.tables if people[0].id in {m.id for m in t.members})
    there = next(t for t in ronde.tables if t.group_id != here.group_id)
    rounds.set_locked(engine, created.dagdeel.id, 1, False)
    rounds.move_participant(engine, created.dagdeel.id, 1, people[0].id, there.group_id)
    expect(phones[0].get_by_test_id("phone-seat")).to_contain_text(f"tafel {there.label}",
                                                                   timeout=20_000)
    control.get_by_role("button", name="Ronde 2 starten").click()
    for phone in phones:
        expect(phone.get_by_test_id("phone-seat")).to_contain_text("Ronde 2 — tafel",
                                                                   timeout=20_000)
    second = rounds.rounds_of(engine, created.dagdeel.id)[1]
    assert second.locked and len(second.placed_ids) == len(people)


def test_the_close_shows_every_group_and_ends_in_the_dagdeel_report(app):
    base, engine, browser = app
    created = _dagdeel(engine, "Het Baken")
    people = [participants.join(engine, created.dagdeel, role=role) for role in ROLES]
    for nummer in (1, 2):
        rounds.start_round(engine, created.dagdeel.id, nummer)
        ronde = rounds.rounds_of(engine, created.dagdeel.id)[nummer - 1]
        for table in ronde.tables:
            gid = table.group_id
            for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN):
                groups.set_step(engine, gid, step, expected_current=step.previous())
            member = table.members[0]
            points.contribute(engine, gid, member.id, "sterk",
                              f"Ronde {nummer} tafel {table.label}: samen plannen")
            points.confirm_list(engine, gid)
    control, wall = _pages(app, created)
    control.get_by_role("button", name="Plenaire afsluiting").click()
    wait_for(control, "dagdeel-phase", phase="afsluiting")
    expect(wall.get_by_text("Ronde 1 tafel A: samen plannen")
           .or_(wall.get_by_text("Ronde 1 tafel B: samen plannen")).first).to_be_visible(
        timeout=20_000)
    next_page = control.get_by_role("button", name="Volgende pagina ▶")
    while next_page.is_enabled():
        current = wall.get_by_test_id("projector").get_attribute("data-page")
        next_page.click()
        expect(wall.get_by_test_id("projector")).not_to_have_attribute(
            "data-page", current or "", timeout=20_000)
    expect(wall.get_by_text("Overzicht van alle groepen")).to_be_visible()
    wall.screenshot(path=str(ARTIFACTS / "dagdeel-projector-close.png"))
    phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    open_as_participant(phone, base, people[0].token)
    wait_for(phone, "phone-step", step="afsluiting")

    control.get_by_role("tab", name="Programma en export").click()
    control.get_by_role("button", name="Verslag en gegevens van het dagdeel maken").click()
    with control.expect_download() as download:
        control.get_by_role("button", name="Verslag van alle groepen (PDF)").click()
    pdf = download.value.path().read_bytes()
    (ARTIFACTS / "dagdeel.pdf").write_bytes(pdf)
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
                    .split())
    for label in ("A", "B"):
        for nummer in (1, 2):
            assert f"Ronde {nummer} tafel {label}: samen plannen" in flat
    assert "Het Baken" in flat
