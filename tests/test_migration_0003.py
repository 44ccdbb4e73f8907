"""Migration 0003 on a database with data at 0002: twins merged, positions renumbered,
nothing else lost, and the new unique constraints in force afterwards."""
from __future__ import annotations

import json
from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import DATABASES, POSTGRES_URL, wipe_postgres
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from zet.clock import now
from zet.dagdelen import create_single_session
from zet.db import make_engine, reading, upgrade_schema, writing
from zet.db.engine import alembic_config
from zet.db.schema import bijdragen, metadata, punten
from zet.participants import join
from zet.roles import ROLES


@pytest.fixture(params=DATABASES)
def at_0002(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'oud.db'}"
    else:
        wipe_postgres(POSTGRES_URL)
        url = POSTGRES_URL
    engine = make_engine(url, upgrade=False)
    upgrade_schema(engine, "0002")
    yield engine
    engine.dispose()


def test_upgrade_from_0002_merges_twins_and_keeps_everything_else(at_0002):
    engine = at_0002
    session = create_single_session(engine, locatie="Oud", datum=date(2026, 5, 1),
                                    procesbegeleider="P", theme_id="proef")
    group_id = session.group_ids[0]
    first, second = (join(engine, session.dagdeel, role=ROLES[i]) for i in range(2))
    with writing(engine) as conn:
        def contribution(person, text):
            return conn.execute(bijdragen.insert().values(
                groep_id=group_id, deelnemer_id=person, soort="sterk", tekst=text,
                created_at=now())).inserted_primary_key[0]

        def point(text, position, sources):
            return conn.execute(punten.insert().values(
                groep_id=group_id, soort="sterk", tekst=text, positie=position,
                bron_ids=json.dumps(sources), updated_at=now())).inserted_primary_key[0]

        tap, double_tap = contribution(first.id, "Goed"), contribution(first.id, "Goed")
        other = contribution(second.id, "Goed")
        own, own_again = contribution(None, "Zelf"), contribution(None, "Zelf")
        kept = point("Goed", 1, [tap])
        point("Goed", 1, [double_tap])  # the twin of the double tap, on the same position
        merged = point("Goed, ook bij anderen", 2, [double_tap, other])
        from_other = point("Goed", 3, [other])
        mine, mine_again = point("Zelf", 4, [own]), point("Zelf", 4, [own_again])

    upgrade_schema(engine)

    with reading(engine) as conn:
        ids = conn.execute(select(bijdragen.c.id).order_by(bijdragen.c.id)).scalars().all()
        listed = conn.execute(select(punten.c.id, punten.c.positie, punten.c.bron_ids)
                              .order_by(punten.c.positie)).all()
    assert ids == [tap, other, own, own_again]
    assert [(row.id, row.positie, json.loads(row.bron_ids)) for row in listed] == [
        (kept, 1, [tap]), (merged, 2, [tap, other]), (from_other, 3, [other]),
        (mine, 4, [own]), (mine_again, 5, [own_again])]
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    with pytest.raises(IntegrityError), writing(engine) as conn:
        conn.execute(bijdragen.insert().values(groep_id=group_id, deelnemer_id=first.id,
                                               soort="sterk", tekst="Goed", created_at=now()))
    with pytest.raises(IntegrityError), writing(engine) as conn:
        conn.execute(punten.insert().values(groep_id=group_id, soort="sterk", tekst="X",
                                            positie=1, updated_at=now()))


def test_0003_downgrades_and_upgrades_again(at_0002):
    upgrade_schema(at_0002)
    config = alembic_config()
    with at_0002.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    upgrade_schema(at_0002)
    with at_0002.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
