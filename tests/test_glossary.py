"""The glossary where a word is used: one rule finds the words (zet.content.glossary), one
block shows them under the step on the phone and in the control view (ui/glossary.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from conftest import REAL_CONTENT
from streamlit.testing.v1 import AppTest

from ui import live
from zet.clock import today
from zet.content import load_library
from zet.content.glossary import step_texts, terms_in
from zet.content.model import Term
from zet.db import make_engine
from zet.roles import ROLES
from zet.room import groups, participants
from zet.room.dagdelen import create_single_session
from zet.steps import Step

APP = str(Path(__file__).resolve().parent.parent / "zet_pages.py")
# Words the themes use that a participant may not know (issue 22).
EXPLAINED = ("ZEK", "kwaliteitscultuur", "didactisch concept", "startbekwaam",
             "werkplekcurriculum", "intervisie", "inductie", "onderzoeksagenda",
             "assessor/examinator", "kalibreren")


def test_terms_in_finds_whole_words_plurals_parts_and_forms():
    terms = (Term("KOOS", "a"), Term("aanstaande leraar", "b", ("aanstaande leraren",)),
             Term("assessor/examinator", "c"), Term("ronde", "d"), Term("inductie", "e"),
             Term("scenario", "f"))
    text = ("Iedereen koos een kaart. Twee aanstaande\nleraren en een examinator, in twee "
            "rondes; het inductieprogramma en de scenario's.")
    assert [t.titel for t in terms_in(text, terms)] == [
        "aanstaande leraar", "assessor/examinator", "ronde", "scenario"]
    assert terms_in("Het KOOS-instrument", terms) == (terms[0],)


def test_the_glossary_explains_the_words_the_themes_use():
    library = load_library(REAL_CONTENT)
    glossary = {t.titel: t for t in library.general.gids.begrippen}
    assert set(EXPLAINED) <= set(glossary)
    used = "\n".join(
        text for theme in library.themes.values()
        for text in (theme.opdracht.toelichting,
                     *(p.beschrijving for p in theme.opdracht.stappen),
                     *(t for step in Step for t in step_texts(theme, step, theme.kaarten))))
    assert [w for w in EXPLAINED if not terms_in(used, [glossary[w]])] == []


@pytest.fixture
def room(tmp_path, monkeypatch):
    """A session on Beoordelen (the shipped content) with one participant."""
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    monkeypatch.setenv("ZET_DATABASE_URL", url)
    monkeypatch.setenv("ZET_CONTENT_DIR", str(REAL_CONTENT))
    st.cache_resource.clear()
    live.refresh()
    engine = make_engine(url)
    session = create_single_session(engine, locatie="Het Kompas", datum=today(),
                                    procesbegeleider="Anna de Vries", theme_id="beoordelen")
    person = participants.join(engine, session.dagdeel, role=ROLES[0])
    yield engine, session, person
    engine.dispose()
    st.cache_resource.clear()
    live.refresh()


def _page(page: str, **state: str) -> AppTest:
    live.refresh()
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page(page)
    for key, value in state.items():
        if key == "zet_token":
            at.session_state[key] = value
        else:
            at.query_params[key] = value
    return at.run()


def _begrippen(at: AppTest) -> str:
    """The one 'Begrippen' expander of the page, as HTML."""
    boxes = [e.proto.body for e in at.get("html") if "data-testid='begrippen'" in e.proto.body]
    assert len(boxes) == 1, len(boxes)
    assert "<summary>Begrippen</summary>" in boxes[0]
    return boxes[0]


def test_phone_and_control_view_explain_the_words_of_the_step(room):
    engine, session, person = room
    gid = session.group_ids[0]
    phone = _page("pages/deelnemen.py", zet_token=person.token,
                  code=session.dagdeel.join_code)
    assert not phone.exception
    shown = _begrippen(phone)  # the werkblad asks about 'een assessor of examinator'
    assert "<strong>assessor/examinator</strong>" in shown
    assert "<strong>kalibreren</strong>" not in shown
    for step in (Step.UITWISSELING, Step.REFLECTIEKAARTEN):
        groups.set_step(engine, gid, step, expected_current=step.previous())
    groups.reveal_card(engine, gid, "geschoold-om-te-beoordelen")  # 'assessor of examinator'
    phone = _page("pages/deelnemen.py", zet_token=person.token,
                  code=session.dagdeel.join_code)
    assert "<strong>assessor/examinator</strong>" in _begrippen(phone)
    for step in (Step.PUNTEN, Step.SCENARIO):
        groups.set_step(engine, gid, step, expected_current=step.previous())
    phone = _page("pages/deelnemen.py", zet_token=person.token,
                  code=session.dagdeel.join_code)
    assert "<strong>kalibreren</strong>" in _begrippen(phone)  # scenario 3 of Beoordelen
    control = _page("pages/begeleiden.py", sleutel=session.group_secrets[0])
    assert not control.exception
    assert "<strong>kalibreren</strong>" in _begrippen(control)
