"""Migration 0014 on a database with seats at 0015: every seat kept, none marked as given
after the scenario step; down and up again without loss."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from test_migration_0003 import _session_at_0002, at_0002  # noqa: F401 (fixture)

from zet.db import reading, upgrade_schema
from zet.db.engine import downgrade_schema
from zet.db.schema import groepsleden, metadata


def _seats(engine) -> list[tuple[int, int, bool]]:
    with reading(engine) as conn:
        return [tuple(row) for row in conn.execute(
            groepsleden.select().with_only_columns(
                groepsleden.c.groep_id, groepsleden.c.deelnemer_id, groepsleden.c.na_scenario)
            .order_by(groepsleden.c.deelnemer_id))]


def test_seats_from_0015_are_kept_and_count_as_regular_seats(at_0002):  # noqa: F811
    group_id, people = _session_at_0002(at_0002)  # columns 0002..0015 all have defaults
    upgrade_schema(at_0002, "0015")
    upgrade_schema(at_0002)
    assert _seats(at_0002) == [(group_id, p.id, False) for p in people]
    downgrade_schema(at_0002, "0015")  # through 0017, which rebuilds groepen on SQLite
    upgrade_schema(at_0002)
    assert _seats(at_0002) == [(group_id, p.id, False) for p in people]
    with at_0002.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
