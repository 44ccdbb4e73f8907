"""Shared fixtures: a real SQLite file per test and the fixture content."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from zet.content import load_library
from zet.dagdelen import create_single_session
from zet.db import make_engine

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'zet.db'}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def library():
    return load_library(FIXTURE_CONTENT)


@pytest.fixture
def session(engine, library):
    """A fresh single-group session on the fixture theme 'proef'."""
    return create_single_session(engine, locatie="Het Kompas", datum=date(2026, 11, 30),
                                 procesbegeleider="Anna de Vries", theme_id="proef",
                                 known_themes=set(library.themes))
