"""The quickscan's pages with AppTest: the phone (no account, role, taps saved at once, no
token in the address) and the hoofdprocesbegeleider's panel on the dagdeel control view."""
from __future__ import annotations

import io
from datetime import UTC

import pytest
from conftest import FIXTURE_CONTENT
from pypdf import PdfReader
from test_pages import env, open_page, texts  # noqa: F401  (env is a fixture)

from zet.clock import today
from zet.content import load_library
from zet.room import quickscan
from zet.room.dagdelen import create_single_session
from zet.room.quickscan import open_quickscan, own_ratings, respondent_by_token

KNOWN = {"proef", "proef-twee"}


@pytest.fixture
def scan(env):  # noqa: F811
    created = create_single_session(env, locatie="Het Kompas", datum=today(),
                                    procesbegeleider="Anna de Vries", theme_id="proef")
    return created, open_quickscan(env, created.dagdeel.id, ["proef"], known_themes=KNOWN)


def segmented(at, label):
    return next(w for w in at.button_group if w.label == label)


def test_the_phone_starts_with_a_role_and_saves_every_tap(env, scan):  # noqa: F811
    _created, qs = scan
    at = open_page("pages/quickscan.py", code=qs.code)
    assert "Wat is je rol?" in [s.label for s in at.selectbox]
    assert not at.button_group  # no statement before the role is chosen
    at.selectbox[0].select("Werkplekbegeleider")
    at.button[0].click().run()
    assert "Begeleiders in de school" in texts(at)
    token = at.session_state["zet_qs_token"]
    assert token not in str(dict(at.query_params))
    segmented(at, "Hoe zou je willen dat het is?").set_value(5).run()
    assert "Opgeslagen" in texts(at)
    segmented(at, "Hoe is het nu?").set_value(2).run()
    segmented(at, "Hoe staat het ervoor?").set_value("O").run()
    ratings = own_ratings(env, respondent_by_token(env, token).id)
    assert (ratings["proef-koos"].gewenst, ratings["proef-koos"].feitelijk) == (5, 2)
    assert ratings["proef-ovg"].oordeel == "O"
    assert "2 van 2 uitspraken beantwoord" in str(at.get("progress")[0].proto)
    assert not any("proef-twee" in t for t in texts(at).splitlines())


def test_a_closed_quickscan_keeps_the_ratings_and_says_so(env, scan):  # noqa: F811
    _created, qs = scan
    at = open_page("pages/quickscan.py", code=qs.code)
    at.selectbox[0].select("Schoolopleider")
    at.button[0].click().run()
    quickscan.close_quickscan(env, qs.id)
    segmented(at, "Hoe is het nu?").set_value(3).run()
    assert any("gesloten" in e.value for e in at.error)
    assert not at.exception


def test_a_wrong_code_gets_a_dutch_message_and_the_form(env, scan):  # noqa: F811
    at = open_page("pages/quickscan.py", code="QQQQQ")
    assert at.error and "bestaat niet" in at.error[0].value
    assert at.text_input[0].label == "Code van de quickscan"


def test_the_dagdeel_control_opens_closes_and_reopens_the_quickscan(env):  # noqa: F811
    created = create_single_session(env, locatie="De Linde", datum=today(),
                                    procesbegeleider="Bo", theme_id="proef")
    at = open_page("pages/dagdeel.py", beheer=created.dagdeel.admin_secret)
    assert at.multiselect[0].value == ["proef"]  # the dagdeel's own theme first
    at.multiselect[0].set_value(["proef", "proef-twee"])
    next(b for b in at.button if b.key == "qs_open").click().run()
    qs = quickscan.quickscan_of_dagdeel(env, created.dagdeel.id)
    assert qs.is_open and qs.theme_ids == ("proef", "proef-twee")
    assert qs.code in texts(at) and f"/quickscan?code={qs.code}" in str(
        [c.value for c in at.code])
    next(b for b in at.button if b.key == "qs_close").click().run()
    assert not quickscan.quickscan_of_dagdeel(env, created.dagdeel.id).is_open
    next(b for b in at.button if b.key == "qs_reopen").click().run()
    assert quickscan.quickscan_of_dagdeel(env, created.dagdeel.id).is_open
    assert not at.exception


def test_the_quickscan_card_has_the_link_and_the_code(env, scan):  # noqa: F811
    from datetime import datetime

    from zet.export.link_cards import quickscan_card_pdf

    created, qs = scan
    pdf = quickscan_card_pdf(created.dagdeel, f"https://zet.example/quickscan?code={qs.code}",
                             qs.code, 5, datetime(2026, 12, 3, tzinfo=UTC))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    page = pages[0].extract_text()
    assert qs.code in page and "quickscan?code=" in page and "Het Kompas" in page


def test_fixture_library_is_what_the_pages_load():
    assert {i.theme_id for i in load_library(FIXTURE_CONTENT).quickscan} == KNOWN


def test_preparing_a_dagdeel_shows_the_themes_the_quickscan_suggests(env, scan):  # noqa: F811
    _created, qs = scan
    statement = next(i for i in load_library(FIXTURE_CONTENT).quickscan if i.id == "proef-koos")
    for _ in range(3):
        person = quickscan.start(env, qs.id, role="Schoolopleider")
        quickscan.rate(env, person.token, statement, "gewenst", 5)
        quickscan.rate(env, person.token, statement, "feitelijk", 2)
    at = open_page("pages/start.py")
    shown = texts(at)
    assert "Thema's om te bespreken" in shown
    assert "1. **Proefthema** — gewenst ligt 3,0 boven feitelijk" in shown
    assert at.selectbox(key="dd_quickscan").value.quickscan.id == qs.id


def test_preparing_without_answers_says_a_suggestion_is_coming(env, scan):  # noqa: F811
    shown = texts(open_page("pages/start.py"))
    assert "Nog geen voorstel" in shown


def test_starting_on_a_full_disk_says_so_in_dutch_and_keeps_the_role(env, scan,  # noqa: F811
                                                                      monkeypatch):
    """The role step is the dagdeel's (``ui.phone_start``): a storage failure is a Dutch
    line under the form (the old page wrote its message under the form's own key)."""
    from sqlalchemy.exc import OperationalError

    def full_disk(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    _created, qs = scan
    at = open_page("pages/quickscan.py", code=qs.code)
    monkeypatch.setattr(quickscan, "start", full_disk)
    at.selectbox[0].select("Werkplekbegeleider")
    at.button[0].click().run()
    assert not at.exception
    assert any("de opslag reageert niet" in e.value for e in at.error)
    assert at.selectbox[0].value == "Werkplekbegeleider"


def test_the_procesbegeleider_switches_the_quickscan_onto_the_werkblad_step(env,  # noqa: F811
                                                                            scan):
    from zet.room.groups import get_group

    created, qs = scan
    at = open_page("pages/begeleiden.py", sleutel=created.group_secrets[0])
    label = "Eerst op het scherm: wat de quickscan zei"
    assert label not in [t.label for t in at.toggle]  # nobody answered yet
    koos = next(i for i in load_library(FIXTURE_CONTENT).quickscan if i.id == "proef-koos")
    for _ in range(3):
        person = quickscan.start(env, qs.id, role="Werkplekbegeleider")
        quickscan.rate(env, person.token, koos, "feitelijk", 2)
    at = open_page("pages/begeleiden.py", sleutel=created.group_secrets[0])
    switch = next(t for t in at.toggle if t.label == label)
    assert switch.value is False
    switch.set_value(True).run()
    assert not at.exception
    assert get_group(env, created.group_ids[0]).quickscan_first
    assert "Wat de quickscan zei" in texts(at)  # the pager names the page on the wall
    next(t for t in at.toggle if t.label == label).set_value(False).run()
    assert not get_group(env, created.group_ids[0]).quickscan_first
