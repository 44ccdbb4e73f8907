"""The participant's phone keeps what is typed: saved while typing, after a reload, after
the facilitator moved on, and a paste over the limit stays whole and is refused, never cut."""
from __future__ import annotations

import json
import time

import pytest
from browser import ARTIFACTS, PHONE, demo_room, fresh_demo, open_as_participant, wait_for

from zet.clock import today
from zet.room import answers, drafts, groups, participants, points
from zet.room.dagdelen import create_single_session
from zet.steps import Step

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with demo_room(tmp_path_factory.mktemp("db")) as opened:
        yield opened


@pytest.fixture
def room(server):
    """Each test its own demo dagdelen (on the module's server)."""
    return fresh_demo(server)


def _werkblad_dagdeel(room):
    from zet.room.dagdelen import find_open_dagdeel
    return find_open_dagdeel(room[0], room[2]["werkblad"]["join"].split("code=")[1])


def _phone(room, role: str = "Werkplekbegeleider"):
    """A fresh participant of the demo's werkblad group, on a phone."""
    engine, _library, _paths, base, browser = room
    person = participants.join(engine, _werkblad_dagdeel(room), role=role)
    page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    open_as_participant(page, base, person.token)
    wait_for(page, "phone-step")  # the werkblad, or the punten step after a points test
    return person, page


def _open_question(room, person):
    engine, library = room[0], room[1]
    group_id = participants.groups_joined(engine, person.id)[0]
    theme = library.theme(groups.get_group(engine, group_id).theme_id)
    return group_id, next(q for q in theme.vragen if q.type in ("tekst", "lijst"))


def _type(page, question, text: str) -> None:
    field = page.get_by_test_id(f"answer-{question.id}")
    field.click()
    field.press_sequentially(text, delay=20)  # no blur, no Ctrl+Enter


def test_typed_text_survives_a_reload_without_leaving_the_field(room):
    person, page = _phone(room)
    _group_id, question = _open_question(room, person)
    _type(page, question, "Vooral bij de koffie")
    page.get_by_text("Opgeslagen").first.wait_for()
    page.reload()
    field = page.get_by_test_id(f"answer-{question.id}")
    field.wait_for()
    assert field.input_value() == "Vooral bij de koffie"
    page.screenshot(path=str(ARTIFACTS / "phone-werkblad-after-reload.png"))


def test_a_reload_right_after_the_last_keystroke_keeps_every_character(room):
    """The save waits for a pause in typing; a reload 50 ms after the last key comes before
    it. The phone's journal (localStorage) puts the text back and sends it."""
    person, page = _phone(room)
    group_id, question = _open_question(room, person)
    field = page.get_by_test_id(f"answer-{question.id}")
    field.click()
    field.press_sequentially("Elk woord telt", delay=10)
    page.wait_for_timeout(50)
    page.reload()
    field = page.get_by_test_id(f"answer-{question.id}")
    field.wait_for()
    assert field.input_value() == "Elk woord telt"
    page.wait_for_function(
        "key => localStorage.getItem(key) === null",
        arg=f"zet:{person.id}:q{group_id}_{question.id}", timeout=30_000)  # acknowledged
    stored = answers.own_answers(room[0], group_id, person.id)[question.id]
    assert (stored if isinstance(stored, str) else "\n".join(stored)) == "Elk woord telt"


def test_typing_on_after_the_first_save_keeps_the_field_and_every_keystroke(room):
    """The first save reruns the page; the field must stay the same element (a remounted
    field loses the focus, and what is typed next goes nowhere)."""
    engine = room[0]
    person, page = _phone(room, "Aanstaande leraar / student")
    group_id, question = _open_question(room, person)
    _type(page, question, "Eerst dit")
    # "Opgeslagen" is drawn by the rerun that follows the save, below the field.
    page.get_by_text("Opgeslagen").first.wait_for()
    page.keyboard.type(" en dan dat", delay=20)  # no new tap: the focus stays in the field
    field = page.get_by_test_id(f"answer-{question.id}")
    assert field.input_value() == "Eerst dit en dan dat"
    field.blur()
    assert _stored_within(engine, group_id, person.id, question.id, "Eerst dit en dan dat")


def _stored_within(engine, group_id: int, participant_id: int, question_id: str,
                   expected: str, seconds: float = 10.0) -> bool:
    """Whether the stored answer holds ``expected`` within ``seconds`` (the blur's save
    goes over the websocket; this polls the database, the state of record)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        stored = answers.own_answers(engine, group_id, participant_id).get(question_id)
        if expected in str(stored):
            return True
        time.sleep(0.1)
    return False


def test_text_typed_when_the_facilitator_moves_on_is_kept_and_counted(room):
    engine = room[0]
    person, page = _phone(room, "Schoolopleider")
    group_id, question = _open_question(room, person)
    _type(page, question, "Half af")
    groups.set_step(engine, group_id, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    _type(page, question, " en nu af")  # the phone has not noticed yet
    wait_for(page, "phone-step", step="uitwisseling")
    stored = answers.own_answers(engine, group_id, person.id)[question.id]
    assert "Half af" in str(stored)
    groups.set_step(engine, group_id, Step.WERKBLAD, expected_current=Step.UITWISSELING)
    given = [a for a in answers.group_answers(engine, group_id)
             if a.participant_id == person.id]
    assert given and "Half af" in str(given[0].value)


def test_a_paste_over_the_limit_stays_whole_with_a_dutch_counter(room):
    person, page = _phone(room, "Instituutsopleider")
    group_id, question = _open_question(room, person)
    field = page.get_by_test_id(f"answer-{question.id}")
    field.click()
    listed = question.type == "lijst"  # a list counts its points, each with its own limit
    page.get_by_test_id(f"answer-{question.id}-count").get_by_text(
        "0 van " if listed else "0 / ").wait_for()
    page.keyboard.insert_text("x" * 10_000)
    assert len(field.input_value()) == 10_000  # never cut
    page.get_by_text("Te lang: punt 1 heeft 10000 tekens" if listed
                     else "Te lang: 10000 tekens").first.wait_for()
    field.blur()
    page.get_by_text("is te lang (10000 tekens").first.wait_for()
    assert len(field.input_value()) == 10_000
    assert not [a for a in answers.group_answers(room[0], group_id)
                if a.participant_id == person.id]


def _to_punten(room, person, page) -> int:
    engine = room[0]
    group_id, _ = _open_question(room, person)
    group = groups.get_group(engine, group_id)
    while group.step != Step.PUNTEN:
        group = groups.set_step(engine, group_id, group.step.next(),
                                expected_current=group.step)
    wait_for(page, "phone-step", step="punten")
    return group_id


def test_a_point_of_600_characters_is_refused_not_sent_as_300(room):
    person, page = _phone(room, "Schoolopleider")
    group_id = _to_punten(room, person, page)
    field = page.get_by_test_id("point-text")
    field.click()
    page.keyboard.insert_text("p" * 600)
    page.get_by_text("Te lang: 600 tekens, hoogstens 300").wait_for()
    field.blur()  # the draft is kept (a tap landing in that rerun is lost in Streamlit)
    page.get_by_text("Concept bewaard").wait_for()
    page.get_by_role("button", name="Versturen").click()
    page.get_by_text("Dit punt is te lang (600 tekens; hoogstens 300)").wait_for()
    page.screenshot(path=str(ARTIFACTS / "phone-point-too-long.png"))
    assert field.input_value() == "p" * 600
    assert points.contributions(room[0], group_id, person.id) == []
    assert not page.get_by_text("Verstuurd.").count()


def test_an_unsent_point_survives_a_reload_and_a_double_tap_sends_it_once(room):
    engine = room[0]
    person, page = _phone(room, "Aanstaande leraar / student")
    group_id = _to_punten(room, person, page)
    field = page.get_by_test_id("point-text")
    field.click()
    field.press_sequentially("Korte lijnen", delay=20)
    page.get_by_text("Concept bewaard").first.wait_for()
    assert drafts.draft_of(engine, group_id, person.id, "punt") == "Korte lijnen"
    page.reload()
    field = page.get_by_test_id("point-text")
    field.wait_for()
    assert field.input_value() == "Korte lijnen"
    send = page.get_by_role("button", name="Versturen")
    send.dblclick()
    page.get_by_text("Sterk punt: Korte lijnen").wait_for()  # the phone's own list
    page.screenshot(path=str(ARTIFACTS / "phone-point-sent.png"))
    mine = points.contributions(engine, group_id, person.id)
    assert [c.text for c in mine] == ["Korte lijnen"], points.contributions(engine, group_id)


def _identity_cookie(page) -> dict:
    """The cookie the page asked the server for after joining (HttpOnly: only the browser
    context can see it, so ask that until it is there)."""
    for _ in range(100):
        found = [c for c in page.context.cookies() if c["name"] == "zet_deelnemer"]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError("the phone never got its identity cookie")


def test_on_a_shared_tablet_back_after_ik_ben_iemand_anders_shows_the_join_form(room):
    """A joins with the form, answers, and taps "Ik ben iemand anders"; B presses Back and
    reloads. Nothing of that makes B into A: the identity was a cookie, never the address,
    and the server no longer knows A's old one."""
    engine, _library, _paths, base, browser = room
    own = create_single_session(engine, locatie="Gedeelde tablet", datum=today(),
                                procesbegeleider="PB", theme_id="visie")  # its own room
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base}/deelnemen?code={own.dagdeel.join_code}")
    page.get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name="Schoolopleider").click()
    page.get_by_role("button", name="Meedoen").click()
    wait_for(page, "phone-step", step="werkblad")
    cookie = _identity_cookie(page)
    assert cookie["httpOnly"], cookie
    a = participants.participant_by_token(engine, cookie["value"])
    group_id, question = _open_question(room, a)
    _type(page, question, "Antwoord van A")
    page.get_by_text("Opgeslagen").first.wait_for()
    assert "p=" not in page.url and cookie["value"] not in page.url

    page.get_by_text("Niet jij? Of klaar?").click()
    page.get_by_role("button", name="Ik ben iemand anders").click()
    page.get_by_text("Wat is je rol?").wait_for()
    page.go_back()  # joining wrote no address of its own: Back leaves the app
    assert cookie["value"] not in page.url
    page.go_forward()  # and coming back is a new page load with the old cookie
    page.get_by_text("Wat is je rol?").wait_for()
    page.reload()
    page.get_by_text("Wat is je rol?").wait_for()
    assert page.get_by_test_id("phone-step").count() == 0
    stored = answers.own_answers(engine, group_id, a.id)[question.id]
    assert "Antwoord van A" in (stored if isinstance(stored, str) else " ".join(stored))


def test_a_phone_says_so_in_dutch_when_the_server_is_away(room, tmp_path):
    """Stopping a server turns Streamlit's English dialog into the Dutch notice (a server of
    its own, so the module's server keeps running; the module's browser)."""
    from browser import streamlit_server

    from zet.clock import today
    from zet.db import make_engine
    from zet.room.dagdelen import create_single_session

    url = f"sqlite:///{tmp_path / 'zet.db'}"
    engine = make_engine(url)
    session = create_single_session(engine, locatie="X", datum=today(), procesbegeleider="P",
                                    theme_id="visie")
    person = participants.join(engine, session.dagdeel, role="Schoolopleider")
    page = room[4].new_context(viewport=PHONE).new_page()
    with streamlit_server({"ZET_DATABASE_URL": url}) as base:
        open_as_participant(page, base, person.token)
        wait_for(page, "phone-step", step="werkblad")
    notice = page.get_by_test_id("connection-lost")
    notice.wait_for(state="visible", timeout=60_000)
    assert "Verbinding weg" in notice.inner_text()
    assert page.get_by_text("Connection error").count() == 0 or not page.get_by_text(
        "Connection error").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "phone-connection-lost.png"))
    page.context.close()
    engine.dispose()


def test_every_response_carries_the_security_headers_and_the_identity_route_wants_this_site(
        room):
    import urllib.error
    import urllib.request
    base = room[3]
    with urllib.request.urlopen(f"{base}/deelnemen") as reply:
        headers = reply.headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert (headers["X-Frame-Options"], headers["X-Content-Type-Options"],
            headers["Referrer-Policy"]) == ("DENY", "nosniff", "no-referrer")
    person = participants.join(room[0], _werkblad_dagdeel(room), role="Schoolopleider")
    body = json.dumps({"token": person.token}).encode()
    for extra, status in (({}, 403), ({"X-Zet-Phone": "1", "Origin": "http://elders.nl"}, 403)):
        request = urllib.request.Request(f"{base}/api/telefoon/onthoud", data=body,
                                         headers={"Content-Type": "application/json", **extra})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == status
    request = urllib.request.Request(f"{base}/api/telefoon/onthoud", data=body, headers={
        "Content-Type": "application/json", "X-Zet-Phone": "1"})
    with urllib.request.urlopen(request) as reply:
        cookie = reply.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
