"""A rerun request that comes in while a phone's answer is being saved (a push because the
room moved, at the moment the participant taps) must not cut the save short: the answer is
stored and the phone says 'Opgeslagen' (issue 17: 2 of 200 phones never did)."""
from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest
from browser import streamlit_server

from bench.loadgen.client import PageClient
from bench.loadgen.zet_room import (
    Phone,
    _phone_join,
    _radio,
    answer_question,
    choice_of,
    create_room,
)
from ui.text import md
from zet.config import load_settings
from zet.content import load_library
from zet.db import make_engine
from zet.room import answers

pytestmark = pytest.mark.browser  # a real server, spoken to over its websocket
THEME = "coachen-en-feedback"


async def _answer_while_a_push_comes_in(base: str, code: str, question, database: str) -> Phone:
    phone = Phone(0, None)  # type: ignore[arg-type]
    phone.client = PageClient(base, "deelnemen", f"code={code}", on_text=phone.on_text,
                              timeout=30)
    await _phone_join(phone, 30)
    assert phone.error is None
    assert await phone.client.wait_for(lambda: _radio(phone.client, question) is not None, 30)
    radio = _radio(phone.client, question)
    # Another program holds the write lock: the server's save waits inside the callback.
    blocker = sqlite3.connect(database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        await phone.client.change(radio, string_value=md(choice_of(question, 0)))
        await asyncio.sleep(1.0)  # the run started and its callback waits for the lock
        await phone.client.rerun()  # the push element's rerun, while the save waits
        await asyncio.sleep(0.5)  # the request is queued on the server
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    await phone.client.wait_for(lambda: bool(phone.saved_at), 30)
    await phone.client.close()
    return phone


@pytest.mark.xfail(strict=False, reason=(
    "open (issue 17): the callback is abandoned after the save and before its status is "
    "set; not by a RerunException (catching that did not help) but probably a stop of the "
    "old script runner; timing-dependent, so it may pass"))
def test_an_answer_given_as_a_push_comes_in_is_stored_and_says_so(tmp_path):
    database = tmp_path / "zet.db"
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    question = answer_question(load_library(load_settings().content_dir), THEME)
    session = create_room(engine, THEME, 1)
    started = time.monotonic()
    with streamlit_server({"ZET_DATABASE_URL": url}) as base:
        phone = asyncio.run(_answer_while_a_push_comes_in(
            base, session.dagdeel.join_code, question, str(database)))
    stored = [a for a in answers.group_answers(engine, session.group_ids[0])
              if a.question_id == question.id]
    assert [a.value for a in stored] == [choice_of(question, 0)]
    assert phone.saved_at, "the answer was stored, but the phone never said 'Opgeslagen'"
    assert phone.saved_at[0] > started
