"""One engine per process: the Streamlit pages and the Starlette routes share its pool and
its change hub (before, ``web/resources.py`` made a second engine of the same database)."""
from __future__ import annotations

from ui.resources import engine_or_error
from zet.db import app_engine


def test_pages_and_routes_share_one_engine_per_database(tmp_path, monkeypatch):
    monkeypatch.setenv("ZET_DATABASE_URL", f"sqlite:///{tmp_path}/a.db")
    first = app_engine()
    assert engine_or_error() is first
    assert app_engine() is first
    monkeypatch.setenv("ZET_DATABASE_URL", f"sqlite:///{tmp_path}/b.db")
    other = app_engine()
    assert other is not first
    assert str(other.url).endswith("b.db")
