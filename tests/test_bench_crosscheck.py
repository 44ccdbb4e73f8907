"""The load generator against real Chromium pages: three simulated phones and three browser
phones join the same group, answer the same question and follow the same step change; the
database must hold the same rows for both kinds (so the benchmark measures real work)."""
from __future__ import annotations

import asyncio
import json
import threading

import pytest
from browser import ARTIFACTS, PHONE, launch_chromium, streamlit_server
from playwright.sync_api import expect, sync_playwright
from sqlalchemy import select

from bench.loadgen.client import PageClient
from bench.loadgen.zet_room import (
    Phone,
    _phone_answer,
    _phone_join,
    answer_question,
    choice_of,
    create_room,
)
from zet.config import load_settings
from zet.content import load_library
from zet.db import make_engine
from zet.db.schema import antwoorden, deelnemers, groepsleden
from zet.roles import ROLES
from zet.room import groups
from zet.steps import Step

pytestmark = pytest.mark.browser
THEME = "coachen-en-feedback"  # the benchmark's default theme, from the real content/
TIMEOUT = 20_000


def _rows(engine, dagdeel_id: int, question_id: str) -> dict[str, tuple]:
    """initials -> (role, group, stored value, draft, hidden) for every participant."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(deelnemers.c.initials, deelnemers.c.role, groepsleden.c.groep_id,
                   antwoorden.c.value, antwoorden.c.draft, antwoorden.c.hidden)
            .join(groepsleden, groepsleden.c.deelnemer_id == deelnemers.c.id)
            .outerjoin(antwoorden, (antwoorden.c.deelnemer_id == deelnemers.c.id)
                       & (antwoorden.c.vraag_id == question_id))
            .where(deelnemers.c.dagdeel_id == dagdeel_id)).all()
    return {row.initials: tuple(row)[1:] for row in rows}


async def _simulated(base: str, code: str, question) -> list[Phone]:
    phones = []
    for number in range(3):
        phone = Phone(number, None)  # type: ignore[arg-type]
        phone.client = PageClient(base, "deelnemen", f"code={code}", on_text=phone.on_text,
                                  timeout=20)
        await _phone_join(phone, 20)
        await _phone_answer(phone, question, 0, 20)
        phones.append(phone)
    return phones


class LoopThread:
    """The simulated phones' asyncio loop, in its own thread: Playwright's sync API already
    runs a loop in the test's thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine, timeout: float = 60):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


async def _all_reach(phones: list[Phone], step: str) -> list[bool]:
    return await asyncio.gather(*(p.client.wait_for(lambda p=p: step in p.step_seen, 20)
                                  for p in phones))


async def _close(phones: list[Phone]) -> None:
    await asyncio.gather(*(p.client.close() for p in phones))


def test_simulated_phones_write_what_browser_phones_write(tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    engine = make_engine(url)
    library = load_library(load_settings().content_dir)
    question = answer_question(library, THEME)
    session = create_room(engine, THEME, 1)
    code, group_id = session.dagdeel.join_code, session.group_ids[0]
    with streamlit_server({"ZET_DATABASE_URL": url}) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        pages = []
        for number in range(3):
            page = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
            page.set_default_timeout(TIMEOUT)
            page.goto(f"{base}/deelnemen?code={code}")
            page.get_by_label("Wat is je rol?").click()
            page.get_by_role("option", name=ROLES[number], exact=True).click()
            page.get_by_label("Initialen (mag je leeg laten)").fill(f"C{number}")
            page.get_by_role("button", name="Meedoen").click()
            page.locator("[data-testid='phone-step'][data-step='werkblad']").wait_for(
                state="attached")
            page.get_by_text(choice_of(question, number), exact=True).click()
            expect(page.get_by_text("Opgeslagen").first).to_be_visible()
            pages.append(page)

        loop = LoopThread()
        try:
            simulated = loop.run(_simulated(base, code, question))
            assert [p.error for p in simulated] == [None, None, None]
            groups.set_step(engine, group_id, Step.UITWISSELING, expected_current=Step.WERKBLAD)
            for page in pages:
                page.locator("[data-testid='phone-step'][data-step='uitwisseling']").wait_for(
                    state="attached")
            assert loop.run(_all_reach(simulated, "uitwisseling")) == [True, True, True]
            loop.run(_close(simulated))
        finally:
            loop.stop()
        browser.close()

    rows = _rows(engine, session.dagdeel.id, question.id)
    assert sorted(rows) == ["B0", "B1", "B2", "C0", "C1", "C2"]
    for number in range(3):
        browser_row, simulated_row = rows[f"C{number}"], rows[f"B{number}"]
        assert browser_row == simulated_row  # role, group, value, draft, hidden
        assert browser_row[:2] == (ROLES[number], group_id)
        assert json.loads(browser_row[2]) == choice_of(question, number)
