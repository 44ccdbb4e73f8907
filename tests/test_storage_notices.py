"""A database that cannot be written, at start or later: every page says so in Dutch and
keeps what was typed; a phone or the beamer never shows the file or what an administrator
should do (that goes to the log and the control views). Real SQLite refusals: a file opened
read-only, and ``PRAGMA query_only`` on the app's own engine (SQLITE_READONLY on a write)."""
from __future__ import annotations

import pytest
import streamlit as st
from conftest import FIXTURE_CONTENT
from sqlalchemy import event
from streamlit.testing.v1 import AppTest
from test_pages import APP, env, errors, htmls, open_page, session, texts  # noqa: F401

from ui import live
from zet.db import app_engine, make_engine
from zet.operations import retention

CALM = "De app kan nu even niets bewaren of ophalen"
ADMIN_WORDS = ("ZET_DATABASE_URL", "schrijfrechten", "start de app opnieuw", "zet.db")


def shown(at) -> str:
    return texts(at) + htmls(at)


@pytest.fixture
def read_only_file(tmp_path, monkeypatch):
    path = tmp_path / "zet.db"
    make_engine(f"sqlite:///{path}").dispose()
    monkeypatch.setenv("ZET_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    monkeypatch.setenv("ZET_CONTENT_DIR", str(FIXTURE_CONTENT))
    st.cache_resource.clear()
    live.refresh()
    yield path
    st.cache_resource.clear()


def refuse_writes() -> None:
    """From now on the app's engine cannot write (as on a disk that went read-only)."""
    engine = app_engine()
    event.listen(engine, "connect",
                 lambda dbapi, _record: dbapi.execute("PRAGMA query_only=ON"))
    engine.dispose()


@pytest.mark.parametrize("page", ["pages/scherm.py", "pages/deelnemen.py"])
def test_the_room_gets_a_calm_line_without_file_or_admin_text(read_only_file, page):
    at = open_page(page, code="K7MQA")
    assert not at.exception
    assert CALM in shown(at)
    for word in (str(read_only_file), *ADMIN_WORDS):
        assert word not in shown(at), word


def test_the_control_view_names_the_file_and_what_to_do(read_only_file):
    at = open_page("pages/begeleiden.py", sleutel="geraden")
    assert not at.exception
    assert any(str(read_only_file) in e and "alleen-lezen" in e for e in errors(at))


def test_the_daily_purge_on_a_read_only_database_does_not_stop_the_pages(env):  # noqa: F811
    refuse_writes()
    retention._checked_on.clear()  # the first page run of the day
    at = AppTest.from_file(APP, default_timeout=30).run()  # the router, then the start page
    assert not at.exception
    assert "ZET — ZelfEvaluatieTool Kwaliteitsontwikkeling" in texts(at)


def test_starting_a_session_on_a_read_only_database_keeps_the_form(env):  # noqa: F811
    at = open_page("pages/start.py")
    refuse_writes()
    at.text_input(key="s_locatie").input("Het Kompas")
    at.text_input(key="s_naam").input("Anna de Vries")
    at.button(key="s_start").click().run()
    assert not at.exception
    assert any("de opslag reageert niet" in e for e in errors(at))
    assert at.text_input(key="s_locatie").value == "Het Kompas"


def test_the_control_view_on_a_read_only_database_still_shows_the_group(env, session):  # noqa: F811
    refuse_writes()  # the notulist link is made (written) the first time the view is drawn
    at = open_page("pages/begeleiden.py", sleutel=session.group_secrets[0])
    assert not at.exception
    assert any("De opslag reageert nu even niet" in e for e in errors(at))
    assert "Verslag en gegevens" in [e.label for e in at.expander]
