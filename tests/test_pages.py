"""The pages, driven with Streamlit's AppTest: facilitator and several participants."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from conftest import FIXTURE_CONTENT
from streamlit.testing.v1 import AppTest

from ui import live
from zet.clock import today
from zet.db import make_engine
from zet.errors import NotFound
from zet.roles import ROLES
from zet.room import answers, drafts, groups, participants, points, scenarios
from zet.room.dagdelen import create_single_session
from zet.steps import Step

APP = str(Path(__file__).resolve().parent.parent / "zet_pages.py")
STUDENT, WPB, SO = ROLES[0], ROLES[2], ROLES[3]


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    monkeypatch.setenv("ZET_DATABASE_URL", url)
    monkeypatch.setenv("ZET_CONTENT_DIR", str(FIXTURE_CONTENT))
    monkeypatch.delenv("ZET_PUBLIC_URL", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    live.refresh()
    engine = make_engine(url)
    yield engine
    engine.dispose()
    st.cache_resource.clear()
    st.cache_data.clear()
    live.refresh()


def open_page(page: str, **params: str) -> AppTest:
    live.refresh()  # the live reads would show a state up to a second old
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def phone_of(token: str, code: str = "") -> AppTest:
    """The phone page of a participant who joined in this browser session before (the
    identity is the session's, or the HttpOnly cookie's; never the address's)."""
    live.refresh()
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page("pages/deelnemen.py")
    at.session_state["zet_token"] = token
    if code:
        at.query_params["code"] = code
    return at.run()


def facilitator(session) -> AppTest:
    return open_page("pages/begeleiden.py", sleutel=session.group_secrets[0])


@pytest.fixture
def session(env):
    return create_single_session(env, locatie="Het Kompas", datum=today(),
                                 procesbegeleider="Anna de Vries", theme_id="proef")


def texts(at: AppTest) -> str:
    """What a person reads: Markdown sources without our backslash escapes."""
    parts = [e.value for kind in ("markdown", "caption", "text", "error", "warning", "info",
                                  "success", "title", "subheader", "header")
             for e in getattr(at, kind)]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def errors(at: AppTest) -> list[str]:
    """The error messages as read (our Markdown escapes removed)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]


def htmls(at: AppTest) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


def projector(code: str, tafel: str = "") -> AppTest:
    params = {"code": code} | ({"tafel": tafel} if tafel else {})
    return open_page("pages/scherm.py", **params)


def test_start_page_creates_a_session_and_opens_the_facilitator_screen(env):
    at = open_page("pages/start.py")
    at.text_input(key="s_locatie").input("Het Kompas")
    at.text_input(key="s_naam").input("Anna de Vries")
    at.button(key="s_start").click().run()
    assert not at.exception
    assert "sleutel" in at.query_params
    assert "Proefthema" in texts(at)
    assert "0 van 0 ingevuld" in htmls(at)


def test_start_page_explains_a_missing_field(env):
    at = open_page("pages/start.py")
    at.text_input(key="s_naam").input("Anna de Vries")
    at.button(key="s_start").click().run()
    assert "Vul de locatie in." in errors(at)


def test_wrong_facilitator_link_shows_a_message_not_the_controls(env, session):
    at = open_page("pages/begeleiden.py", sleutel="geraden")
    assert "klopt niet" in texts(at)
    assert not [b for b in at.button if "→" in b.label]


def test_participant_link_cannot_open_the_controls(env, session):
    person = participants.join(env, session.dagdeel, role=SO)
    at = open_page("pages/begeleiden.py", sleutel=person.token)
    assert "klopt niet" in texts(at)


def test_phone_join_with_wrong_code_then_right_code(env, session):
    at = open_page("pages/deelnemen.py", code="QQQQQ")
    assert "hoort bij geen enkele sessie" in texts(at)
    at.query_params["code"] = session.dagdeel.join_code
    at.run()
    at.button[0].click().run()
    assert "Kies eerst je rol." in errors(at)
    at.selectbox[0].select(WPB)
    at.text_input[0].input("JB")
    at.button[0].click().run()
    assert "p" not in at.query_params  # the identity is in no address
    person = participants.participant_by_token(env, at.session_state["zet_token"])
    assert (person.role, person.initials) == (WPB, "JB")
    assert "Beschrijf een moment van deze week." in texts(at)


def test_phone_reload_keeps_identity_and_answers(env, library, session):
    person = participants.join(env, session.dagdeel, role=SO)
    gid = session.group_ids[0]
    at = phone_of(person.token, session.dagdeel.join_code)
    at.radio(key=f"q{gid}_initiatief").set_value("De schoolopleider").run()
    assert "Opgeslagen" in texts(at)
    answers.save_answer(env, gid, person.id, library.theme("proef").question("beeld"), "Les")
    again = phone_of(person.token, session.dagdeel.join_code)
    assert again.radio(key=f"q{gid}_initiatief").value == "De schoolopleider"
    assert len(participants.members_of(env, gid)) == 1


def test_someone_else_on_a_shared_phone_gets_a_fresh_join_form(env, session):
    person = participants.join(env, session.dagdeel, role=SO)
    gid = session.group_ids[0]
    at = phone_of(person.token, session.dagdeel.join_code)
    at.radio(key=f"q{gid}_initiatief").set_value("De schoolopleider").run()
    at.button(key="forget").click().run()
    assert "Wat is je rol?" in [s.label for s in at.selectbox]
    with pytest.raises(NotFound):  # the old identity works nowhere any more
        participants.participant_by_token(env, person.token)
    assert answers.own_answers(env, gid, person.id) == {"initiatief": "De schoolopleider"}
    stale = phone_of(person.token, session.dagdeel.join_code)  # another tab, or Back
    assert "Wat is je rol?" in [s.label for s in stale.selectbox]


def test_an_address_with_a_participant_token_identifies_nobody(env, session):
    person = participants.join(env, session.dagdeel, role=SO)
    at = open_page("pages/deelnemen.py", code=session.dagdeel.join_code, p=person.token)
    assert "Wat is je rol?" in [s.label for s in at.selectbox]
    assert "p" not in at.query_params


def test_projector_shows_progress_not_answers_during_the_werkblad(env, library, session):
    gid = session.group_ids[0]
    theme = library.theme("proef")
    people = [participants.join(env, session.dagdeel, role=r) for r in (SO, WPB, STUDENT)]
    for q, value in (("beeld", "GEHEIM-ANTWOORD"), ("mensen", ["Mentor"]),
                     ("initiatief", "Ik zelf"), ("plekken", ["In de les"])):
        answers.save_answer(env, gid, people[0].id, theme.question(q), value)
    answers.save_answer(env, gid, people[1].id, theme.question("beeld"), "half")
    wall = projector(session.dagdeel.join_code)
    assert "1 van 3 ingevuld" in htmls(wall)
    assert "GEHEIM-ANTWOORD" not in htmls(wall)
    control = facilitator(session)
    assert "GEHEIM-ANTWOORD" not in [t.value for t in control.text]  # until asked for
    control.toggle(key=f"preview_{gid}").set_value(True).run()
    assert "GEHEIM-ANTWOORD" in [t.value for t in control.text]
    control.button(key=f"prehide_{people[0].id}_beeld").click().run()
    assert [a.question_id for a in answers.group_answers(env, gid, include_hidden=False)
            if a.participant_id == people[0].id] == ["mensen", "initiatief", "plekken"]
    assert "Weer tonen" in [b.label for b in control.button]


def test_projector_holds_no_control_and_no_secret_in_any_step(env, library, session):
    gid = session.group_ids[0]
    person = participants.join(env, session.dagdeel, role=SO)
    answers.save_answer(env, gid, person.id, library.theme("proef").question("beeld"), "Ja")
    for step in Step:
        if step != Step.WERKBLAD:
            groups.set_step(env, gid, step, expected_current=step.previous())
        wall = projector(session.dagdeel.join_code)
        assert not wall.exception and not wall.button and not wall.text_input
        page = htmls(wall)
        assert f"data-step='{step.value}'" in page
        for secret in (session.group_secrets[0], session.dagdeel.admin_secret, person.token):
            assert secret not in page


def test_uitwisseling_shows_answers_per_role_as_plain_text_and_can_hide_one(env, library,
                                                                             session):
    gid = session.group_ids[0]
    theme = library.theme("proef")
    so = participants.join(env, session.dagdeel, role=SO)
    participants.join(env, session.dagdeel, role=STUDENT)  # present, has not answered
    answers.save_answer(env, gid, so.id, theme.question("beeld"), "![x](http://evil/x.png) <b>")
    answers.save_answer(env, gid, so.id, theme.question("initiatief"), "Ik zelf")
    groups.set_step(env, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    wall = projector(session.dagdeel.join_code)
    assert "![x](http://evil/x.png) &lt;b&gt;" in htmls(wall) and "<b>" not in htmls(wall)
    at = facilitator(session)
    assert "Nog geen antwoord van 1 deelnemer" in texts(at)
    assert "![x](http://evil/x.png) <b>" not in [t.value for t in at.text]  # until opened
    at.toggle(key=f"open_{gid}_beeld").set_value(True).run()
    assert "![x](http://evil/x.png) <b>" in [t.value for t in at.text]
    assert STUDENT not in texts(at)  # the only student is never singled out
    at.button(key=f"hide_{so.id}_beeld").click().run()
    assert answers.group_answers(env, gid, include_hidden=False)[0].question_id == "initiatief"
    wall = projector(session.dagdeel.join_code)
    assert "evil" not in htmls(wall) and "1 antwoord(en) niet getoond." in htmls(wall)


def test_the_control_view_pages_the_projector(env, library, session):
    gid = session.group_ids[0]
    groups.set_step(env, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    at = facilitator(session)
    assert "Op het scherm:** Vraag 1 · pagina 1 van 4" in texts(at)
    at.button(key="screen_next").click().run()
    assert groups.get_group(env, gid).screen_page == 1
    assert "<span class='zp-num'>2</span>" in htmls(projector(session.dagdeel.join_code))
    groups.set_step(env, gid, Step.REFLECTIEKAARTEN, expected_current=Step.UITWISSELING)
    assert groups.get_group(env, gid).screen_page == 0  # a new step starts on its first page


def test_next_and_back_buttons_move_the_group_and_phones_follow(env, session):
    gid = session.group_ids[0]
    person = participants.join(env, session.dagdeel, role=SO)
    at = facilitator(session)
    at.button(key="step_forward").click().run()
    assert groups.current_step(env, gid) == Step.UITWISSELING
    phone = phone_of(person.token, session.dagdeel.join_code)
    assert "Kijk mee op het scherm" in texts(phone)
    at.button(key="step_back").click().run()
    assert groups.current_step(env, gid) == Step.WERKBLAD


def test_a_stale_second_screen_cannot_skip_a_step(env, session):
    gid = session.group_ids[0]
    first, second = facilitator(session), facilitator(session)
    first.button(key="step_forward").click().run()
    second.button(key="step_forward").click().run()  # still shows the werkblad
    assert groups.current_step(env, gid) == Step.UITWISSELING
    assert any("inmiddels bij" in e.value for e in second.error)


def test_reflectiekaart_revealed_on_projector_and_phone(env, session):
    gid = session.group_ids[0]
    person = participants.join(env, session.dagdeel, role=SO)
    groups.set_step(env, gid, Step.UITWISSELING, expected_current=Step.WERKBLAD)
    groups.set_step(env, gid, Step.REFLECTIEKAARTEN, expected_current=Step.UITWISSELING)
    at = facilitator(session)
    at.button(key="reveal_kaart-c").click().run()
    assert groups.revealed_cards(env, gid) == ["kaart-c"]
    assert "<h2>Kaart C</h2>" in htmls(projector(session.dagdeel.join_code))
    phone = phone_of(person.token, session.dagdeel.join_code)
    assert "#### Kaart C" in [m.value for m in phone.markdown]


def _to_step(engine, gid, target: Step) -> None:
    for step in list(Step)[1:]:
        groups.set_step(engine, gid, step, expected_current=step.previous())
        if step == target:
            return


def test_points_reach_the_control_view_which_confirms_the_list(env, session):
    gid = session.group_ids[0]
    a = participants.join(env, session.dagdeel, role=SO)
    _to_step(env, gid, Step.PUNTEN)
    points.contribute(env, gid, a.id, "sterk", "Korte lijnen met het instituut")
    at = facilitator(session)
    assert "1. Korte lijnen met het instituut" in [t.value for t in at.text]
    assert "Korte lijnen met het instituut" in htmls(projector(session.dagdeel.join_code))
    at.button(key="confirm_list").click().run()
    assert groups.get_group(env, gid).points_confirmed_at is not None


def test_a_point_over_the_limit_is_refused_with_the_limit_and_stays_in_the_field(env,
                                                                                 session):
    """600 characters are never stored as the first 300: the procesbegeleider's own point
    and the notulist's over-long note are refused in Dutch, the field keeps every
    character, and the limit was on the screen beforehand."""
    from zet.room import notes

    gid = session.group_ids[0]
    _to_step(env, gid, Step.PUNTEN)
    at = facilitator(session)
    assert "Hoogstens 300 tekens" in texts(at)
    at.text_input(key="own_text").input("x" * 600)
    next(b for b in at.button if b.label == "Toevoegen").click().run()
    assert any("Dit punt is te lang (600 tekens; hoogstens 300)" in e for e in errors(at))
    assert at.text_input(key="own_text").value == "x" * 600
    assert points.working_list(env, gid) == []

    notulist = open_page("pages/notities.py", n=notes.notulist_secret(env, gid))
    assert "Hoogstens 2000 tekens" in texts(notulist)
    notulist.text_area[0].input("y" * 2100)
    next(b for b in notulist.button if b.label == "Notitie bewaren").click().run()
    assert any("Deze notitie is te lang (2100 tekens; hoogstens 2000)" in e
               for e in errors(notulist))
    assert notulist.text_area[0].value == "y" * 2100
    assert notes.notes_of(env, gid) == []


def test_two_identical_points_can_be_merged(env, session):
    gid = session.group_ids[0]
    a = participants.join(env, session.dagdeel, role=SO)
    b = participants.join(env, session.dagdeel, role=WPB)
    _to_step(env, gid, Step.PUNTEN)
    for person in (a, b):
        points.contribute(env, gid, person.id, "sterk", "Samen plannen")
    at = facilitator(session)
    merge = at.multiselect[0]
    assert len(merge.options) == 2
    merge.set_value([p.id for p in points.working_list(env, gid)])
    next(t for t in at.text_input if t.label == "Samengevoegde tekst").input("Samen plannen")
    next(b for b in at.button if b.label == "Samenvoegen").click().run()
    assert [p.text for p in points.working_list(env, gid)] == ["Samen plannen"]


def test_scenario_placement_on_phone_and_group_decision(env, session):
    gid = session.group_ids[0]
    a = participants.join(env, session.dagdeel, role=SO)
    _to_step(env, gid, Step.SCENARIO)
    phone = phone_of(a.token)
    phone.button_group(key=f"scenario_nu{gid}").set_value(2).run()
    phone.button_group(key=f"scenario_gewenst{gid}").set_value(3).run()
    assert scenarios.own_placement(env, gid, a.id).gewenst == 3
    at = facilitator(session)
    assert "1 van 1 deelnemers hebben gekozen" in htmls(at)
    assert len(at.radio(key="group_nu").options) == 4  # all four, one per line
    at.radio(key="group_nu").set_value(2)
    at.radio(key="group_gewenst").set_value(2)
    at.text_area[0].input("We blijven hier; dat past bij onze visie.")
    at.button(key="record_scenario").click().run()
    group = groups.get_group(env, gid)
    assert (group.scenario_nu, group.scenario_gewenst) == (2, 2)


def test_afronding_records_reporter_and_summarises(env, session):
    gid = session.group_ids[0]
    a = participants.join(env, session.dagdeel, role=SO)
    _to_step(env, gid, Step.PUNTEN)
    points.contribute(env, gid, a.id, "sterk", "Iedereen doet mee")
    points.confirm_list(env, gid)
    _to_step_from(env, gid, Step.PUNTEN, Step.AFRONDING)
    at = facilitator(session)
    at.text_input[0].input("Jamal")
    at.button(key="save_reporter").click().run()
    assert groups.get_group(env, gid).reporter == "Jamal"
    assert "1. Iedereen doet mee" in [t.value for t in at.text]
    phone = phone_of(a.token)
    assert "1. Iedereen doet mee" in [t.value for t in phone.text]


def _to_step_from(engine, gid, current: Step, target: Step) -> None:
    while current != target:
        following = current.next()
        groups.set_step(engine, gid, following, expected_current=current)
        current = following


def test_theme_preview_page_shows_every_part(env):
    at = open_page("pages/themas.py")
    assert not at.exception
    shown = texts(at)
    for expected in ("Proefthema", "Kaart A", "Co-creatie en innovatie", "Stappenplan",
                     "Vier uitgangspunten"):
        assert expected in shown, expected


# --- a whole dagdeel -----------------------------------------------------------------------

def _dagdeel(engine):
    from zet.room.dagdelen import GroupPlan, Programme, RoundPlan, create_dagdeel

    return create_dagdeel(
        engine, locatie="De Brug", datum=today(),
        programme=Programme(opening=("09:00", "09:30"), afsluiting=("12:15", "12:45")),
        rounds=[RoundPlan((GroupPlan("proef", "Anna", "A"), GroupPlan("proef-twee", "Bram", "B")),
                          "09:30", "10:45"),
                RoundPlan((GroupPlan("proef-twee", "Anna", "A"), GroupPlan("proef", "Bram", "B")),
                          "11:00", "12:15")])


def test_start_page_refuses_a_dagdeel_without_themes(env, library):
    at = open_page("pages/start.py")
    at.text_input(key="dd_locatie").input("De Brug")
    at.button(key="FormSubmitter:dagdeel_form-Dagdeel aanmaken").click().run()
    assert any("Ronde 1, tafel A: kies een thema" in e for e in errors(at))
    assert "beheer" not in at.query_params  # nothing was made


def test_the_preparation_form_names_the_row_and_field_and_speaks_dutch(env, library):
    """Every tafel is a row of its own fields; a missing name says which row, and no
    field shows an English placeholder."""
    at = open_page("pages/start.py")
    at.number_input(key="dd_rondes").set_value(1).run()
    at.number_input(key="dd_tafels").set_value(2).run()
    at.text_input(key="dd_locatie").input("De Brug")
    at.selectbox(key="dd_r1_t0_thema").set_value("proef")
    at.text_input(key="dd_r1_t0_pb").input("Anna")
    at.selectbox(key="dd_r1_t1_thema").set_value("proef-twee")
    at.button(key="FormSubmitter:dagdeel_form-Dagdeel aanmaken").click().run()
    assert not at.exception
    assert ("Ronde 1, tafel B (thema Tweede proefthema): vul de naam van de "
            "procesbegeleider in." in errors(at))
    assert at.text_input(key="dd_r1_t0_pb").value == "Anna"  # what was typed stays
    placeholders = [w.placeholder for w in [*at.text_input, *at.selectbox]]
    assert "None" not in placeholders and all(placeholders[:1])


def test_dagdeel_control_and_plenary_screen_run_opening_rounds_and_closing(env):
    from zet.room import rounds

    created = _dagdeel(env)
    code = created.dagdeel.join_code
    people = [participants.join(env, created.dagdeel, role=r) for r in
              (STUDENT, STUDENT, WPB, SO)]
    at = open_page("pages/dagdeel.py", beheer=created.dagdeel.admin_secret)
    assert not at.exception
    assert "4 deelnemers aangemeld." in htmls(at)
    assert "Welkom bij ZET — De Brug" in htmls(projector(code))
    assert "plenaire opening" in texts(phone_of(people[0].token))

    at.button(key="propose_1").click().run()
    at.button(key="phase_round_1").click().run()
    first = rounds.rounds_of(env, created.dagdeel.id)[0]
    assert first.locked and sorted(len(t.members) for t in first.tables) == [2, 2]
    assert {m.role for m in first.tables[0].members} != {STUDENT}
    phone = phone_of(people[0].token)
    assert "Ronde 1 — tafel" in htmls(phone)
    assert "Ronde 1 · 09:30–10:45" in htmls(projector(code))
    table_a = projector(code, "A")
    assert "data-step='werkblad'" in htmls(table_a)

    at.button(key="phase_round_2").click().run()
    second = rounds.rounds_of(env, created.dagdeel.id)[1]
    assert second.locked and len(second.placed_ids) == 4
    at.button(key="phase_closing").click().run()
    wall = htmls(projector(code))
    assert "Plenaire afsluiting" in wall and "Sterke punten" in wall
    at.run()
    for _ in range(5):
        if not at.button(key="plenary_next").disabled:
            at.button(key="plenary_next").click().run()
    assert "Overzicht van alle groepen" in htmls(projector(code))
    phone = phone_of(people[0].token)
    assert not phone.exception
    assert "Plenaire afsluiting: elke groep vertelt" in texts(phone)
    labels = [e.label for e in phone.expander][:2]
    assert labels[0].startswith("Ronde 1, tafel ") and labels[1].startswith("Ronde 2, tafel ")


def test_the_indeling_tab_shows_the_proposal_as_soon_as_people_register(env):
    created = _dagdeel(env)
    for role in (STUDENT, STUDENT, WPB, SO):
        participants.join(env, created.dagdeel, role=role)
    at = open_page("pages/dagdeel.py", beheer=created.dagdeel.admin_secret)
    assert not at.exception
    shown = [m.value for m in at.markdown if "Tafel **" in m.value][:2]
    assert all("2 deelnemers" in line for line in shown), shown
    assert "nog niemand" not in texts(at) and "Dit voorstel groeit mee" in texts(at)


def test_a_waiting_late_joiner_is_shown_on_the_dagdeel_view_and_seated_there(env):
    """Every table is past the scenario step: the newcomer's phone says calmly that a
    table comes, the control view lists them, and 'Plek geven' seats them where chosen."""
    from zet.room import groups, rounds

    created = _dagdeel(env)
    for role in (STUDENT, WPB, SO, STUDENT):
        participants.join(env, created.dagdeel, role=role)
    rounds.start_round(env, created.dagdeel.id, 1)
    tables = rounds.rounds_of(env, created.dagdeel.id)[0].tables
    for table in tables:
        _to_step(env, table.group_id, Step.AFRONDING)
    late = participants.join(env, created.dagdeel, role=WPB)
    phone = phone_of(late.token)
    assert not phone.exception
    assert "hoofdprocesbegeleider geeft je zo een tafel" in texts(phone)
    assert "plenaire opening" not in texts(phone)

    at = open_page("pages/dagdeel.py", beheer=created.dagdeel.admin_secret)
    assert not at.exception
    assert "data-count='1'" in htmls(at) and "Wachten op een tafel in ronde 1" in texts(at)
    at.selectbox(key=f"seat_to_{late.id}").set_value(tables[1].group_id)
    at.button(key=f"seat_{late.id}").click().run()
    assert not at.exception
    assert "data-count='0'" in htmls(at)
    seated = rounds.rounds_of(env, created.dagdeel.id)[0].tables[1]
    assert late.id in {m.id for m in seated.members}
    assert f"Ronde 1 — tafel {seated.label}" in htmls(phone_of(late.token))
    assert groups.get_group(env, seated.group_id).step == Step.AFRONDING


def test_table_links_are_on_the_control_view_never_on_the_wall(env):
    created = _dagdeel(env)
    at = open_page("pages/dagdeel.py", beheer=created.dagdeel.admin_secret)
    assert any(created.group_secrets[0] in c.value for c in at.code)
    wall = htmls(projector(created.dagdeel.join_code))
    for secret in (*created.group_secrets, created.dagdeel.admin_secret):
        assert secret not in wall


def test_notulist_writes_notes_but_cannot_steer(env, session):
    from zet.room import notes

    secret = notes.notulist_secret(env, session.group_ids[0])
    at = open_page("pages/notities.py", n=secret)
    assert not at.exception
    assert not [b for b in at.button if "→" in b.label]
    at.text_area[0].input("Iedereen noemt het rooster.")
    next(b for b in at.button if b.label == "Notitie bewaren").click().run()
    saved = notes.notes_of(env, session.group_ids[0])
    assert [(n.step, n.text) for n in saved] == [(Step.WERKBLAD, "Iedereen noemt het rooster.")]
    assert at.text_area[0].value == ""
    assert "klopt niet" in texts(open_page("pages/notities.py", n="geraden"))


def test_wrong_dagdeel_link_is_refused(env):
    created = _dagdeel(env)
    at = open_page("pages/dagdeel.py", beheer=created.group_secrets[0])
    assert "klopt niet" in texts(at)


def test_a_table_leader_in_a_dagdeel_cannot_close_the_whole_dagdeel(env):
    created = _dagdeel(env)
    at = open_page("pages/begeleiden.py", sleutel=created.group_secrets[0])
    assert not at.exception
    assert "ronde 1, tafel A" in texts(at)
    assert not [b for b in at.button if b.key == "close_session"]


def test_a_session_whose_theme_left_the_content_gets_a_clear_message(env):
    gone = create_single_session(env, locatie="X", datum=date(2026, 11, 30),
                                 procesbegeleider="P", theme_id="verdwenen")
    at = open_page("pages/begeleiden.py", sleutel=gone.group_secrets[0])
    assert not at.exception
    assert any("'verdwenen'" in e for e in errors(at))


def test_on_a_server_only_an_organiser_creates_a_session(env, monkeypatch):
    monkeypatch.setenv("ZET_PUBLIC_URL", "https://zet.voorbeeld.nl")
    monkeypatch.setenv("ZET_ORGANISATOR_WACHTWOORD", "goed-geheim")
    at = open_page("pages/start.py")
    assert not [b for b in at.button if b.key == "s_start"]
    assert "Meedoen als deelnemer" in texts(at)  # joining needs no password
    at.text_input[0].input("fout")
    next(b for b in at.button if b.label == "Inloggen").click().run()
    assert "Dit wachtwoord klopt niet." in errors(at)
    at.text_input[0].input("goed-geheim")
    next(b for b in at.button if b.label == "Inloggen").click().run()
    assert [b for b in at.button if b.key == "s_start"]


def test_guessing_join_codes_is_slowed_down_with_a_dutch_message(env, session):
    at = open_page("pages/deelnemen.py", code="QQQQQ")
    for wrong in "QWERTY":  # six different codes: the same code again is one guess
        at.query_params["code"] = f"QQQQ{wrong}"
        at.run()
    assert any("Te veel verkeerde codes" in e for e in errors(at))
    at.query_params["code"] = session.dagdeel.join_code
    at.run()
    assert any("Te veel verkeerde codes" in e for e in errors(at))  # also a right code


def test_a_crafted_join_link_shows_no_link(env):
    at = open_page("pages/deelnemen.py", code="[KLIK HIER](HTTPS://EVIL.EXAMPLE)")
    assert not any("EVIL" in e or "](" in e for e in errors(at))


def test_the_werkblad_fields_keep_their_place_between_the_first_run_and_the_next(env, session):
    """A field whose position changes between two runs is mounted anew in the browser, and
    what the participant is typing in it at that moment is gone. The first run after joining
    also sends the cookie script; the next run (after the first save) does not."""
    person = participants.join(env, session.dagdeel, role=SO)
    at = phone_of(person.token, session.dagdeel.join_code)

    def places(at: AppTest) -> list[tuple[int, str]]:
        # The one-time identity element comes last, after every field: leave it out.
        return [(index, node.type) for index, node in at.main.children.items()
                if node.type != "html" and getattr(node, "key", None) != "zet_identity"]

    first = places(at)
    assert at.session_state["zet_cookie"] == person.token  # the cookie went with this run
    at.run()
    assert places(at) == first


def test_a_double_tap_on_versturen_sends_one_point_and_shows_no_error(env, session):
    gid = session.group_ids[0]
    person = participants.join(env, session.dagdeel, role=SO)
    _to_step(env, gid, Step.PUNTEN)
    drafts.save_draft(env, gid, person.id, "punt", "Vaste overlegmomenten")
    phone = phone_of(person.token)
    phone.button(key=f"send_point{gid}").click().run()
    phone.button(key=f"send_point{gid}").click().run()  # the second tap of the two
    assert [p.text for p in points.contributions(env, gid, person.id)] == [
        "Vaste overlegmomenten"]
    assert not phone.error
    assert any("Verstuurd" in c.value for c in phone.caption)


def test_joining_on_a_full_disk_says_so_in_dutch_and_keeps_the_form(env, session, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def full_disk(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    at = open_page("pages/deelnemen.py", code=session.dagdeel.join_code)
    monkeypatch.setattr(participants, "join", full_disk)
    at.selectbox[0].select(WPB)
    at.button[0].click().run()
    assert not at.exception
    assert any("de opslag reageert niet" in e.value for e in at.error)
    assert at.selectbox[0].value == WPB  # what was chosen stays
