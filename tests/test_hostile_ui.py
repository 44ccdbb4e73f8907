"""The hostile corpus through the forms people type in, and onto every screen.

Forms (AppTest): every string goes into every free-text field of every form; the page never
shows an exception, and the field either stores the text (after the documented trimming)
or says in Dutch why not. Screens (Chromium): the stored strings are shown as literal text
on projector, control view and phone, no script runs and no request leaves the page.
"""
from __future__ import annotations

import pytest
from browser import PHONE, PROJECTOR, demo_room, open_as_participant, wait_for
from hostile import HOSTILE, HOSTILE_NAMED
from streamlit.testing.v1 import AppTest
from test_pages import APP, env, facilitator, open_page, session  # noqa: F401 (fixtures)

from zet.room import answers, groups, notes, participants
from zet.steps import Step

SHOWN = [(name, value) for name, value in HOSTILE_NAMED
         if value.strip() and len(value) <= 300 and "\x00" not in value]


def _no_exception(at: AppTest, what: str) -> None:
    assert not at.exception, f"{what}: {at.exception}"


def _submit(at: AppTest, label: str) -> None:
    next(b for b in at.button if b.label == label).click().run()


def test_every_hostile_string_through_the_start_form(env):  # noqa: F811
    at = open_page("pages/start.py")
    for value in HOSTILE:
        at.text_input(key="s_locatie").input(value)
        at.text_input(key="s_naam").input("Anna")
        at.button(key="s_start").click().run()
        _no_exception(at, repr(value[:30]))
        if "sleutel" in at.query_params:  # created: the control view shows the locatie
            at = open_page("pages/start.py")


def test_every_hostile_string_as_initials_on_the_phone(env, session):  # noqa: F811
    for value in HOSTILE:
        at = open_page("pages/deelnemen.py", code=session.dagdeel.join_code)
        at.selectbox[0].select("Schoolopleider")
        at.text_input[0].input(value)
        _submit(at, "Meedoen")
        _no_exception(at, repr(value[:30]))
        assert "zet_token" in at.session_state or at.error, repr(value[:30])


def test_every_hostile_string_as_reporter_argument_point_and_note(env, session):  # noqa: F811
    gid = session.group_ids[0]
    for step in list(Step)[1:4]:
        groups.set_step(env, gid, step, expected_current=step.previous())
    at = facilitator(session)
    secret = notes.notulist_secret(env, gid)
    notulist = open_page("pages/notities.py", n=secret)
    for value in HOSTILE:
        own = next(t for t in at.text_input if t.label == "Punt")
        own.input(value)
        _submit(at, "Toevoegen")
        _no_exception(at, f"punt {value[:30]!r}")
        notulist.text_area[0].input(value)
        _submit(notulist, "Notitie bewaren")
        _no_exception(notulist, f"notitie {value[:30]!r}")
    groups.set_step(env, gid, Step.SCENARIO, expected_current=Step.PUNTEN)
    at = facilitator(session)
    for value in HOSTILE:
        at.text_area[0].input(value)
        at.button(key="record_scenario").click().run()
        _no_exception(at, f"onderbouwing {value[:30]!r}")
    groups.set_step(env, gid, Step.AFRONDING, expected_current=Step.SCENARIO)
    at = facilitator(session)
    for value in HOSTILE:
        at.text_input[0].input(value)
        at.button(key="save_reporter").click().run()
        _no_exception(at, f"terugkoppeling {value[:30]!r}")


@pytest.fixture(scope="module")
def hostile_room(tmp_path_factory):
    """The demo room with a hostile string in every answer, point and name."""
    with demo_room(tmp_path_factory.mktemp("db")) as (engine, library, paths, base, browser):
        code = paths["uitwisseling"]["join"].split("code=")[1]
        from zet.room.screen_pages import screen_target
        group = screen_target(engine, code, client_key="test").group
        theme = library.theme(group.theme_id)
        question = next(q for q in theme.vragen if q.type in ("tekst", "lijst"))
        members = participants.members_of(engine, group.id)
        groups.set_step(engine, group.id, Step.WERKBLAD, expected_current=Step.UITWISSELING)
        for person, (_name, value) in zip(members, SHOWN, strict=False):
            answers.save_answer(engine, group.id, person.id, question,
                                value if question.type == "tekst" else [value[:200]])
        groups.set_step(engine, group.id, Step.UITWISSELING, expected_current=Step.WERKBLAD)
        yield engine, group, members, paths, base, browser


def _watch(page, base: str) -> list[str]:
    """Every request to somewhere else than the app, and every dialog a script opened
    (``blob:`` addresses of the app's own origin are modules its components made)."""
    seen: list[str] = []
    own = (base, "data:", f"blob:{base}")  # blob: the app's own component scripts
    page.on("request", lambda r: seen.append(r.url) if not r.url.startswith(own) else None)
    page.on("dialog", lambda d: (seen.append(f"dialog: {d.message}"), d.dismiss()))
    return seen


@pytest.mark.browser
def test_hostile_answers_are_literal_text_on_the_projector(hostile_room):
    engine, group, _members, paths, base, browser = hostile_room
    page = browser.new_context(viewport=PROJECTOR).new_page()
    leaks = _watch(page, base)
    pages = 0
    for index in range(12):
        groups.set_screen_page(engine, group.id, index, expected_step=Step.UITWISSELING)
        page.goto(base + paths["uitwisseling"]["projector"])
        found = wait_for(page, "projector", step="uitwisseling")
        if found.get_attribute("data-page") != str(index):
            break
        pages += 1
        texts = page.locator("[data-testid='answer']").all_text_contents()
        for text in texts:
            assert "<" not in text or "&lt;" not in text  # shown as typed, not as markup
    shown = " ".join(page.locator("[data-testid='projector']").all_text_contents())
    assert pages >= 1 and leaks == [], leaks
    assert page.locator("[data-testid='projector'] img:not(.zp-qr), "
                        "[data-testid='projector'] a, [data-testid='projector'] iframe, "
                        "[data-testid='projector'] script").count() == 0
    assert shown


@pytest.mark.browser
def test_hostile_text_is_literal_on_the_control_view_and_the_phone(hostile_room):
    _engine, _group, members, paths, base, browser = hostile_room
    control = browser.new_context(viewport=PHONE).new_page()
    leaks = _watch(control, base)
    control.goto(base + paths["uitwisseling"]["control"])
    wait_for(control, "control-step", step="uitwisseling")
    control.locator("[data-testid='stCheckbox']").filter(has_text="1. ").first.click()
    phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    leaks += _watch(phone, base)
    open_as_participant(phone, base, members[0].token)
    wait_for(phone, "phone-step", step="uitwisseling")
    script = SHOWN[0][1]
    assert phone.get_by_text(script, exact=False).count() + control.get_by_text(
        script, exact=False).count() >= 1
    assert leaks == [], leaks
    for page in (control, phone):
        assert page.locator("[data-testid='stMain'] iframe").count() == 0
