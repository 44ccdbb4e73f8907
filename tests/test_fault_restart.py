"""A killed server loses nothing: a writer process stores answers, a draft, points, a
curated and confirmed list, placements and step changes, and is killed (SIGKILL, no clean
close); the running server is SIGKILLed too and restarted on the same port. Everything is
still there and a phone page loaded after the restart resumes on the same step."""
from __future__ import annotations

import multiprocessing
import os
import signal
from datetime import date

import pytest
from browser import PHONE, launch_chromium, open_as_participant, start_streamlit, stop_streamlit
from conftest import FIXTURE_CONTENT
from playwright.sync_api import Page, sync_playwright

from zet.content import load_library
from zet.db import make_engine
from zet.roles import ROLES
from zet.room import answers, groups, participants, points, scenarios
from zet.room.dagdelen import create_single_session
from zet.steps import Step

pytestmark = pytest.mark.browser
TIMEOUT = 30_000


def write_then_die(url: str, results) -> None:
    """In a child process: a whole theme conversation up to the scenario step, then SIGKILL."""
    engine = make_engine(url)
    theme = load_library(FIXTURE_CONTENT).theme("proef")
    session = create_single_session(engine, locatie="Het Kompas", datum=date(2026, 11, 30),
                                    procesbegeleider="Anna", theme_id="proef")
    gid = session.group_ids[0]
    people = [participants.join(engine, session.dagdeel, role=ROLES[i]) for i in range(3)]
    for person in people:
        answers.save_answer(engine, gid, person.id, theme.question("beeld"), f"moment {person.id}")
    steps = iter([Step.WERKBLAD, Step.UITWISSELING, Step.REFLECTIEKAARTEN, Step.PUNTEN,
                  Step.SCENARIO])
    current = next(steps)

    def advance():
        nonlocal current
        target = next(steps)
        groups.set_step(engine, gid, target, expected_current=current)
        current = target

    advance()  # uitwisseling: what is typed now is kept as a draft
    answers.save_answer(engine, gid, people[0].id, theme.question("mensen"), ["collega"])
    advance()
    groups.reveal_card(engine, gid, "kaart-a")
    advance()
    for person, text in zip(people, ["Goede feedback", "goede  feedback", "Tijd"]):
        points.contribute(engine, gid, person.id, "sterk", text)
    first, second, third = points.working_list(engine, gid)
    merged = points.merge_points(engine, gid, [first.id, second.id], "Goede feedback na de les")
    points.edit_point(engine, gid, third.id, "Tijd voor nabespreking", kind="ontwikkel")
    points.confirm_list(engine, gid)
    advance()
    scenarios.place(engine, gid, people[0].id, nu=2, gewenst=3)
    scenarios.place(engine, gid, people[1].id, nu=1, gewenst=4)
    results.send({"gid": gid, "ids": [p.id for p in people], "token": people[2].token,
                 "merged": merged})
    os.kill(os.getpid(), signal.SIGKILL)  # no dispose, no close, no checkpoint


def phone_step(page: Page, base: str, token: str) -> str:
    open_as_participant(page, base, token)
    marker = page.locator("[data-testid='phone-step']")
    marker.wait_for(state="attached", timeout=TIMEOUT)
    return marker.get_attribute("data-step")


def test_everything_survives_a_killed_server_and_the_phone_resumes(tmp_path):
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    env = {"ZET_DATABASE_URL": url, "ZET_CONTENT_DIR": str(FIXTURE_CONTENT)}
    server = start_streamlit(env)
    try:
        fork = multiprocessing.get_context("fork")
        results, sender = fork.Pipe(duplex=False)  # a pipe sends before the kill, a queue not
        writer = fork.Process(target=write_then_die, args=(url, sender))
        writer.start()
        assert results.poll(60), "the writer process sent nothing"
        state = results.recv()
        writer.join(timeout=30)
        assert writer.exitcode == -signal.SIGKILL
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            phone = browser.new_context(viewport=PHONE).new_page()
            assert phone_step(phone, server.base, state["token"]) == "scenario"
            server.process.send_signal(signal.SIGKILL)
            server.process.wait(timeout=10)
            stop_streamlit(server)
            server = start_streamlit(env, port=int(server.base.rsplit(":", 1)[1]))
            fresh = browser.new_context(viewport=PHONE).new_page()
            assert phone_step(fresh, server.base, state["token"]) == "scenario"
            browser.close()
    finally:
        stop_streamlit(server)

    engine = make_engine(url)
    gid, ids = state["gid"], state["ids"]
    assert groups.get_group(engine, gid).step == Step.SCENARIO
    assert {a.participant_id: a.value for a in answers.group_answers(engine, gid)} == {
        pid: f"moment {pid}" for pid in ids}
    assert answers.own_answers(engine, gid, ids[0])["mensen"] == ["collega"]  # the draft
    assert groups.revealed_cards(engine, gid) == ["kaart-a"]
    listed = points.working_list(engine, gid)
    assert [(p.kind, p.text) for p in listed] == [("sterk", "Goede feedback na de les"),
                                                   ("ontwikkel", "Tijd voor nabespreking")]
    assert listed[0].id == state["merged"] and len(listed[0].source_ids) == 2
    assert groups.get_group(engine, gid).points_confirmed_at is not None
    assert {(p.participant_id, p.nu, p.gewenst) for p in scenarios.placements(engine, gid)} == {
        (ids[0], 2, 3), (ids[1], 1, 4)}
    engine.dispose()
