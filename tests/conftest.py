"""Shared fixtures: a real SQLite file per test and the fixture content."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import text

from zet.clock import today
from zet.content import load_library
from zet.db import changes, make_engine
from zet.programme.archive import Scope
from zet.programme.tenancy import Viewer
from zet.room.dagdelen import create_single_session

# CI runs the property tests on a fixed set of examples, so a run is repeatable; locally
# Hypothesis keeps exploring (and remembers what failed in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The operator of the server (what the command line is): every partnership.
OPERATOR = Viewer.server()
EVERYTHING = Scope(OPERATOR)

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"


# CI also runs every storage and domain test on PostgreSQL (see .ci/run); locally they run on
# SQLite unless ZET_TEST_POSTGRES_URL points at an empty database you may wipe.
POSTGRES_URL = os.environ.get("ZET_TEST_POSTGRES_URL", "").strip()
DATABASES = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def wipe_postgres(url: str) -> None:
    wipe = make_engine(url, upgrade=False)
    with wipe.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    wipe.dispose()
    changes.reset_hubs()  # the versions and bumps heard of the database before it was wiped


def _fresh_postgres(url: str):
    wipe_postgres(url)
    return make_engine(url)


@pytest.fixture(params=DATABASES)
def engine(request, tmp_path):
    """A freshly migrated database: a SQLite file, and PostgreSQL where configured."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'zet.db'}")
    else:
        engine = _fresh_postgres(POSTGRES_URL)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def library():
    return load_library(FIXTURE_CONTENT)


@pytest.fixture
def session(engine, library):
    """A fresh single-group session on the fixture theme 'proef'."""
    return create_single_session(engine, locatie="Het Kompas", datum=today(),
                                 procesbegeleider="Anna de Vries", theme_id="proef",
                                 known_themes=set(library.themes))


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The guessing limits live in the server process; each test starts with none used."""
    from zet.room import throttle

    throttle.joins.reset()
    throttle.logins.reset()
    yield


# Every write to a room table must bump its dagdeel's version (zet.room.versions): the whole suite
# runs with the check that refuses a write that forgot.
changes.STRICT = True
