"""Migration 0017 on a database with groups at 0014: every group kept, none opening its
werkblad step with the quickscan; down and up again without loss."""
from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from test_migration_0003 import _session_at_0002, at_0002  # noqa: F401 (fixture)

from zet.db import reading, upgrade_schema
from zet.db.engine import alembic_config
from zet.db.schema import groepen, metadata


def test_groups_from_0014_are_kept_with_the_quickscan_switched_off(at_0002):  # noqa: F811
    group_id, _people = _session_at_0002(at_0002)
    upgrade_schema(at_0002, "0014")
    upgrade_schema(at_0002)
    with reading(at_0002) as conn:
        assert conn.execute(select(groepen.c.id, groepen.c.quickscan_eerst)).all() == [
            (group_id, False)]
    config = alembic_config()
    with at_0002.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0014")
    upgrade_schema(at_0002)
    with at_0002.connect() as conn:
        assert conn.execute(select(groepen.c.id)).scalars().all() == [group_id]
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
