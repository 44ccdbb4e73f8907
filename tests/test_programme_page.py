"""The programme manager's page with Streamlit's AppTest, on the demo history: login,
filters, rode lijnen grouped by hand, an action from an ontwikkelpunt."""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from conftest import EVERYTHING, OPERATOR, REAL_CONTENT
from streamlit.testing.v1 import AppTest

from ui import live
from zet.content import load_library
from zet.db import make_engine
from zet.operations.demo_history import LOCATIES, add_history
from zet.programme.account_admin import add_account
from zet.programme.actions import list_actions
from zet.programme.locaties import list_locaties
from zet.programme.rode_lijnen import confirmed_points, point_groups

APP = str(Path(__file__).resolve().parent.parent / "zet_pages.py")
PASSWORD = "geheim wachtwoord 12"


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    monkeypatch.setenv("ZET_DATABASE_URL", url)
    monkeypatch.setenv("ZET_CONTENT_DIR", str(REAL_CONTENT))
    st.cache_resource.clear()
    st.cache_data.clear()
    live.refresh()
    engine = make_engine(url)
    history = add_history(engine, load_library(REAL_CONTENT))
    add_account(engine, OPERATOR, "Els", PASSWORD, partnerschap_ids=[history.partnerschap_id])
    yield engine
    engine.dispose()
    st.cache_resource.clear()
    st.cache_data.clear()
    live.refresh()


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "text", "error", "warning", "info",
                                  "success", "title", "subheader", "header")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def logged_in() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/programma.py")
    at.run()
    at.text_input(key="pm_naam").input("Els")
    at.text_input(key="pm_wachtwoord").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def test_nothing_without_a_login(env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/programma.py")
    at.run()
    assert not at.exception
    assert "Programmamanager" in texts(at)
    assert not at.dataframe and not at.tabs
    at.text_input(key="pm_naam").input("Els")
    at.text_input(key="pm_wachtwoord").input("fout")
    at.button[0].click().run()
    assert "Naam of wachtwoord klopt niet\\." in [e.value for e in at.error]  # escaped
    assert not at.tabs
    assert at.text_input(key="pm_wachtwoord").value == ""  # the password is not kept


def test_archive_filters_by_locatie_and_year(env):
    at = logged_in()
    assert "Opleidingsschool in beeld" in texts(at)
    assert "12 dagdelen, 48 themagroepen" in texts(at)  # the report tab, whole partnership
    assert len(at.get("vega_lite_chart")) >= 3  # matrix, one theme, trend lines
    # dagdeel PDF and Excel, quickscan PDF and Excel, report PDF and Excel
    assert len(at.get("download_button")) == 6
    archive = at.dataframe[1].value  # the overview's table comes first
    assert len(archive) == 12
    locatie_id = next(loc.id for loc in list_locaties(env, OPERATOR) if loc.naam == LOCATIES[1])
    at.selectbox(key="arch_locatie").set_value(locatie_id).run()
    archive = at.dataframe[1].value
    assert len(archive) == 3 and set(archive["Locatie"]) == {LOCATIES[1]}
    at.selectbox(key="arch_jaar").set_value(2025).run()
    archive = at.dataframe[1].value
    assert len(archive) == 1 and archive["Datum"].iloc[0].year == 2025
    assert not at.exception


def test_group_two_points_by_hand_and_make_an_action(env):
    at = logged_in()
    points = [p for p in confirmed_points(env, EVERYTHING) if p.kind == "sterk"]
    first, other = points[0], next(p for p in points if p.locatie != points[0].locatie)
    at.multiselect(key="rl_kies").set_value([first.id, other.id]).run()
    at.text_input(key="rl_naam").input("Samen nabespreken")
    at.button(key="rl_groepeer").click().run()
    assert not at.exception
    [group] = [g for g in point_groups(env, OPERATOR) if g.naam == "Samen nabespreken"]
    assert set(group.point_ids) == {first.id, other.id}
    assert any("Groep\\: Samen nabespreken" in e.label for e in at.expander)  # escaped Markdown

    before = len(list_actions(env, OPERATOR))
    at.text_area(key="ac_tevreden").input("Als elke student het merkt")
    at.text_area(key="ac_verantwoordelijk").input("De schoolopleider")
    next(b for b in at.button if b.label == "Actie maken").click().run()
    assert not at.exception
    made = list_actions(env, OPERATOR)
    assert len(made) == before + 1
    assert made[-1].tevreden == "Als elke student het merkt"
    assert made[-1].verantwoordelijk == "De schoolopleider"


def test_open_actions_panel_for_the_projector(env):
    """What the integrator puts on the procesbegeleider's screen: open actions as text."""
    action = next(a for a in list_actions(env, OPERATOR) if a.is_open)

    def panel(locatie_id, theme_id):
        from ui.programme.open_actions import open_actions_panel
        open_actions_panel(locatie_id, theme_id)

    at = AppTest.from_function(panel, args=(action.locatie_id, action.theme_id),
                               default_timeout=30).run()
    assert not at.exception
    assert "Vorige keer afgesproken" in texts(at)
    assert action.ontwikkelpunt in texts(at)
    assert "Wie: Schoolopleider met de teamleider" in texts(at)
    empty = AppTest.from_function(panel, args=(action.locatie_id, "bestaat-niet")).run()
    assert "Vorige keer afgesproken" not in texts(empty)


def test_the_quickscan_per_locatie_and_year_with_its_exports(env):
    at = logged_in()
    shown = texts(at)
    assert "Wat de quickscan zei, per locatie en jaar" in shown
    frames = [f.value for f in at.dataframe]
    table = next(f for f in frames if "Verschil tussen rollen" in f.columns)
    assert set(table["Locatie"]) == set(LOCATIES) and table["Jaar"].nunique() == 3
    assert {b.label for b in at.get("download_button")} >= {"Quickscan (PDF)",
                                                           "Quickscan (Excel)"}


def test_a_login_on_a_database_that_cannot_be_written_says_so_in_dutch(env):
    from test_storage_notices import refuse_writes

    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/programma.py")
    at.run()
    refuse_writes()  # a wrong password is written down (login_pogingen): that write fails
    at.text_input(key="pm_naam").input("Els")
    at.text_input(key="pm_wachtwoord").input("niet het goede wachtwoord")
    at.button[0].click().run()
    assert not at.exception
    assert any("de opslag reageert niet" in e.value for e in at.error)
    assert at.text_input(key="pm_naam").value == "Els"  # what was typed stays
