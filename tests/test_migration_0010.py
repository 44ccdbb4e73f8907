"""Migration 0010 on a database with data at 0009: every existing account keeps seeing the
partnerships it saw (and is no administrator), the old login attempts with typed names and
plainly hashed addresses are gone, and the schema matches the tables afterwards."""
from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import DATABASES, POSTGRES_URL, wipe_postgres
from sqlalchemy import select, text

from zet.clock import now
from zet.db import make_engine, reading, upgrade_schema, writing
from zet.db.engine import alembic_config
from zet.db.schema import account_partnerschappen, accounts, login_pogingen, metadata


@pytest.fixture(params=DATABASES)
def at_0009(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'oud.db'}"
    else:
        wipe_postgres(POSTGRES_URL)
        url = POSTGRES_URL
    engine = make_engine(url, upgrade=False)
    upgrade_schema(engine, "0009")
    moment = now()
    with writing(engine) as conn:
        for naam in ("Noord", "Zuid"):
            conn.execute(text("INSERT INTO partnerschappen (naam, created_at) VALUES (:n, :t)"),
                         {"n": naam, "t": moment})
        conn.execute(text("INSERT INTO accounts (naam, password_hash, created_at) VALUES "
                          "('Els', 'x', :t), ('Ruud', 'y', :t)"), {"t": moment})
        conn.execute(text("INSERT INTO login_pogingen (naam, client, at, gelukt) VALUES "
                          "('Els', 'abc123', :t, false)"), {"t": moment})
    yield engine
    engine.dispose()


def test_existing_accounts_keep_what_they_saw_and_old_attempts_go(at_0009):
    upgrade_schema(at_0009)
    with reading(at_0009) as conn:
        members = conn.execute(select(account_partnerschappen)).all()
        admins = conn.execute(select(accounts.c.naam).where(accounts.c.beheerder)).all()
        attempts = conn.execute(select(login_pogingen)).all()
    assert len(members) == 4  # two accounts × two partnerships
    assert admins == [] and attempts == []
    with at_0009.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_0010_downgrades_and_upgrades_again(at_0009):
    upgrade_schema(at_0009)
    config = alembic_config()
    with at_0009.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
    upgrade_schema(at_0009)
    with at_0009.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
