"""Migration 0003 on a database with data at 0002: twins merged, positions renumbered,
nothing else lost, and the new unique constraints in force afterwards."""
from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import DATABASES, POSTGRES_URL, wipe_postgres
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from zet.clock import now
from zet.db import make_engine, reading, upgrade_schema, writing
from zet.db.engine import alembic_config
from zet.db.schema import bijdragen, metadata, punten
from zet.roles import ROLES
from zet.room.versions import quiet


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


def _session_at_0002(engine) -> tuple[int, tuple]:
    """A group with two participants, written with the columns revision 0002 has (today's
    domain code reads columns of later revisions)."""
    moment = now()
    with writing(engine) as conn:
        quiet(conn)  # revision 0002 has no dagdeel version to bump
        dagdeel = conn.execute(text(
            "INSERT INTO dagdelen (locatie, datum, titel, join_code, admin_secret, status, "
            "created_at, fase, actieve_ronde, programma) VALUES ('Oud', :d, '', 'ACDEF', "
            "'geheim', 'open', :t, 'ronde', 1, '{}') RETURNING id"),
            {"d": date(2026, 5, 1), "t": moment}).scalar_one()
        ronde = conn.execute(text(
            "INSERT INTO rondes (dagdeel_id, nummer, indeling_vast) VALUES (:d, 1, false) "
            "RETURNING id"), {"d": dagdeel}).scalar_one()
        group = conn.execute(text(
            "INSERT INTO groepen (dagdeel_id, ronde_id, theme_id, procesbegeleider, label, "
            "secret, step, step_changed_at, reporter, scenario_argument, created_at) VALUES "
            "(:d, :r, 'proef', 'P', '', 'groep', 'punten', :t, '', '', :t) RETURNING id"),
            {"d": dagdeel, "r": ronde, "t": moment}).scalar_one()
        people = []
        for index in range(2):
            person = conn.execute(text(
                "INSERT INTO deelnemers (dagdeel_id, token, role, initials, joined_at) VALUES "
                "(:d, :k, :r, '', :t) RETURNING id"),
                {"d": dagdeel, "k": f"token{index}", "r": ROLES[index], "t": moment}
            ).scalar_one()
            conn.execute(text("INSERT INTO groepsleden (groep_id, deelnemer_id, ronde_id) "
                              "VALUES (:g, :p, :r)"), {"g": group, "p": person, "r": ronde})
            people.append(SimpleNamespace(id=person))
    return group, tuple(people)


def test_upgrade_from_0002_merges_twins_and_keeps_everything_else(at_0002):
    engine = at_0002
    group_id, (first, second) = _session_at_0002(engine)
    with writing(engine) as conn:
        quiet(conn)  # still at 0002: no dagdeel version to bump

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
