"""/programma with AppTest on a server with two opleidingsscholen and three accounts: each
manager sees only their own school in every tab (texts, tables, choices, chart data), has no
Accounts tab and can change their password and log out; the administrator sees both schools
and makes an account in the page."""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from conftest import FIXTURE_CONTENT, OPERATOR
from streamlit.testing.v1 import AppTest
from tenancy_server import (
    NOORD,
    NOORD_LOCATIE,
    NOORD_MARKERS,
    PASSWORD,
    ZUID,
    ZUID_LOCATIE,
    build_server,
    leaks,
)

from ui import live
from zet.content import load_library
from zet.db import make_engine
from zet.programme import account_admin
from zet.programme.accounts import log_in

APP = str(Path(__file__).resolve().parent.parent / "zet_pages.py")
TABS = ["Overzicht", "Archief", "Rode lijnen", "Ontwikkeling", "Acties", "Verslag", "Locaties"]


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'zet.db'}"
    monkeypatch.setenv("ZET_DATABASE_URL", url)
    monkeypatch.setenv("ZET_CONTENT_DIR", str(FIXTURE_CONTENT))
    st.cache_resource.clear()
    live.refresh()
    engine = make_engine(url)
    server = build_server(engine, load_library(FIXTURE_CONTENT))
    yield engine, server
    engine.dispose()
    st.cache_resource.clear()
    live.refresh()


def log_in_as(naam: str, password: str = PASSWORD) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/programma.py")
    at.run()
    at.text_input(key="pm_naam").input(naam)
    at.text_input(key="pm_wachtwoord").input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def shown(node) -> str:
    """Everything an element tree (or part of it) holds: every element's message (texts,
    labels, options, chart specs and data) and every table's cells."""
    parts: list[str] = []

    def walk(item) -> None:
        proto = getattr(item, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(item, "children", {}).values():
            walk(child)

    walk(node)
    parts += [frame.value.to_csv() for frame in node.dataframe]
    return "\n".join(parts)


@pytest.mark.parametrize(("naam", "own", "markers"), [
    ("Noor", NOORD_LOCATIE, ("zuiderzon", "zonnewijzer")),
    ("Zeger", ZUID_LOCATIE, NOORD_MARKERS)])
def test_each_manager_sees_only_their_school_in_every_tab(env, naam, own, markers):
    at = log_in_as(naam)
    assert [t.label for t in at.tabs] == TABS  # no Accounts tab for a manager
    for tab in at.tabs:
        text = shown(tab)
        assert leaks(text, markers) == [], tab.label
        if tab.label in ("Archief", "Rode lijnen", "Locaties", "Acties", "Ontwikkeling"):
            assert own in text, tab.label
    assert leaks(shown(at.main), markers) == []  # and nothing outside the tabs either
    assert "pm_partnerschap" not in [s.key for s in at.selectbox]  # one school: no choice


def test_the_administrator_sees_both_schools_and_makes_an_account(env):
    engine, server = env
    at = log_in_as("Bea")
    assert [t.label for t in at.tabs] == [*TABS, "Accounts"]
    choice = at.selectbox(key="pm_partnerschap")
    assert sorted(choice.options) == sorted([NOORD, ZUID])
    at.selectbox(key="pm_partnerschap").set_value(server.zuid).run()
    assert ZUID_LOCATIE in shown(at.tabs[1]) and leaks(shown(at.tabs[1]), NOORD_MARKERS) == []
    at.text_input(key="acc_naam").input("Mira")
    at.text_input(key="acc_wachtwoord").input("kort")
    at.multiselect(key="acc_scholen").set_value([server.noord])
    next(b for b in at.button if b.label == "Account maken").click().run()
    assert "minstens 10 tekens" in " ".join(e.value for e in at.error)
    assert at.text_input(key="acc_naam").value == "Mira"  # what was typed stays
    at.text_input(key="acc_wachtwoord").input(PASSWORD)
    next(b for b in at.button if b.label == "Account maken").click().run()
    assert not at.exception
    infos = {a.naam: a for a in account_admin.list_accounts(engine, OPERATOR)}
    assert infos["Mira"].partnerschappen == (NOORD,)
    assert at.text_input(key="acc_naam").value == ""
    assert log_in(engine, "Mira", PASSWORD)


def test_a_manager_changes_the_password_and_logs_out(env):
    engine, _server = env
    at = log_in_as("Noor")
    at.text_input(key="pm_pw_nu").input(PASSWORD)
    at.text_input(key="pm_pw_nieuw").input("mijn nieuwe wachtwoord")
    at.text_input(key="pm_pw_weer").input("mijn nieuwe wachtwoordje")
    next(b for b in at.button if b.label == "Wachtwoord opslaan").click().run()
    assert "niet gelijk" in " ".join(e.value for e in at.error)
    assert at.text_input(key="pm_pw_nieuw").value == "mijn nieuwe wachtwoord"  # kept
    at.text_input(key="pm_pw_weer").input("mijn nieuwe wachtwoord")
    next(b for b in at.button if b.label == "Wachtwoord opslaan").click().run()
    assert not at.exception and at.tabs  # still logged in
    assert at.text_input(key="pm_pw_nu").value == ""
    at.button(key="pm_logout").click().run()
    assert not at.tabs and at.text_input(key="pm_naam")
    assert log_in(engine, "Noor", "mijn nieuwe wachtwoord")
