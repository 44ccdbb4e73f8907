"""Migration 0014 on a database with seats at 0009: every seat kept, none marked as given
after the scenario step; down and up again without loss."""
from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import DATABASES, POSTGRES_URL, wipe_postgres
from test_migration_0003 import _session_at_0002

from zet.db import make_engine, reading, upgrade_schema
from zet.db.engine import alembic_config
from zet.db.schema import groepsleden, metadata


@pytest.fixture(params=DATABASES)
def old(request, tmp_path):
    """A database at 0002 (where the shared session writer fits), upgraded to 0009 by the test."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'oud.db'}"
    else:
        wipe_postgres(POSTGRES_URL)
        url = POSTGRES_URL
    engine = make_engine(url, upgrade=False)
    upgrade_schema(engine, "0002")
    yield engine
    engine.dispose()


def _seats(engine) -> list[tuple[int, int, bool]]:
    with reading(engine) as conn:
        return [tuple(row) for row in conn.execute(
            groepsleden.select().with_only_columns(
                groepsleden.c.groep_id, groepsleden.c.deelnemer_id, groepsleden.c.na_scenario)
            .order_by(groepsleden.c.deelnemer_id))]


def test_seats_from_0009_are_kept_and_count_as_regular_seats(old):
    group_id, people = _session_at_0002(old)  # columns 0002..0009 all have defaults
    upgrade_schema(old, "0009")
    upgrade_schema(old)
    assert _seats(old) == [(group_id, p.id, False) for p in people]
    config = alembic_config()
    with old.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
    upgrade_schema(old)
    assert _seats(old) == [(group_id, p.id, False) for p in people]
    with old.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
