"""The database: migrations, SQLite settings and concurrent writers."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from zet.db import make_engine, upgrade_schema
from zet.db.schema import metadata
from zet.roles import ROLES
from zet.room.answers import group_answers, save_answer
from zet.room.dagdelen import find_open_dagdeel
from zet.room.participants import join


def test_migrations_build_exactly_the_schema_the_code_uses(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_upgrade_is_idempotent_and_keeps_data(engine, session):
    again = make_engine(engine.url.render_as_string(hide_password=False))  # a restart
    upgrade_schema(again)
    assert find_open_dagdeel(again, session.dagdeel.join_code).id == session.dagdeel.id
    assert "alembic_version" in inspect(again).get_table_names()
    again.dispose()


def test_sqlite_runs_in_wal_mode_with_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # synchronous=FULL (2): a commit is on disk before the phone hears it was saved.
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2


def test_many_phones_answering_at_once_lose_nothing(engine, library, session):
    theme = library.theme("proef")
    question = theme.question("beeld")
    group_id = session.group_ids[0]
    people = [join(engine, session.dagdeel, role=ROLES[i % len(ROLES)]) for i in range(30)]

    def answer(person):
        for round_ in range(3):
            save_answer(engine, group_id, person.id, question, f"{person.id} ronde {round_}")

    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(answer, people))
    stored = {a.participant_id: a.value for a in group_answers(engine, group_id)}
    assert stored == {p.id: f"{p.id} ronde 2" for p in people}
