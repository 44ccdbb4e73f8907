"""Partnerships and locaties: migration 0004 gives old dagdelen a locatie without losing
anything; new dagdelen find or make their locatie."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import OPERATOR
from sqlalchemy import func, inspect, select, text

from zet.db import make_engine, reading
from zet.db.engine import upgrade_schema
from zet.db.schema import groepen, rondes
from zet.errors import UserError
from zet.programme.locaties import (
    add_locatie,
    add_partnership,
    list_locaties,
    list_partnerships,
    move_locatie,
    rename_partnership,
)
from zet.room.dagdelen import GroupPlan, RoundPlan, create_dagdeel, get_dagdeel, list_dagdelen


def test_migration_gives_every_old_dagdeel_a_locatie_and_keeps_its_rows(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}", upgrade=False)
    upgrade_schema(engine, "0002")
    with engine.begin() as conn:
        for i, name in enumerate(["De Brug", "Het Kompas", "De Brug"], start=1):
            conn.execute(text(
                "INSERT INTO dagdelen (locatie, datum, titel, join_code, admin_secret, status,"
                f" created_at) VALUES ('{name}', '2025-11-0{i}', '', 'AAAA{i}', 's{i}', 'open',"
                " '2025-11-01 09:00:00')"))
            conn.execute(text(f"INSERT INTO rondes (dagdeel_id, nummer) VALUES ({i}, 1)"))
            conn.execute(text(
                "INSERT INTO groepen (dagdeel_id, ronde_id, theme_id, procesbegeleider, secret,"
                f" step_changed_at, created_at) VALUES ({i}, {i}, 'proef', 'Anna', 'g{i}',"
                " '2025-11-01 09:00:00', '2025-11-01 09:00:00')"))
    upgrade_schema(engine)
    with reading(engine) as conn:  # the table rebuild on SQLite cascaded nothing away
        assert conn.execute(select(func.count()).select_from(groepen)).scalar() == 3
        assert conn.execute(select(func.count()).select_from(rondes)).scalar() == 3
    [partnership] = list_partnerships(engine, OPERATOR)
    assert partnership.naam == "Opleidingsschool"
    assert [loc.naam for loc in list_locaties(engine, OPERATOR)] == ["De Brug", "Het Kompas"]
    first, third = get_dagdeel(engine, 1), get_dagdeel(engine, 3)
    assert first.locatie_id == third.locatie_id is not None
    assert get_dagdeel(engine, 2).locatie_id != first.locatie_id
    assert first.partnerschap == "Opleidingsschool"


def test_a_new_dagdeel_finds_or_makes_its_locatie(engine):
    plans = [RoundPlan(groups=(GroupPlan("proef", "Anna"),))]
    one = create_dagdeel(engine, locatie="De Brug", datum=date(2026, 1, 5), rounds=plans)
    two = create_dagdeel(engine, locatie="  De   Brug ", datum=date(2027, 1, 5), rounds=plans,
                         hoofdprocesbegeleider="Karin")
    assert one.dagdeel.locatie_id == two.dagdeel.locatie_id
    assert two.dagdeel.hoofdprocesbegeleider == "Karin"
    assert one.dagdeel.partnerschap == "Opleidingsschool"  # made for the first locatie

    other = add_partnership(engine, OPERATOR, "Samen Opleiden Oost")
    elsewhere = create_dagdeel(engine, locatie="De Brug", datum=date(2026, 2, 5), rounds=plans,
                               partnerschap_id=other.id)
    assert elsewhere.dagdeel.locatie_id != one.dagdeel.locatie_id
    assert elsewhere.dagdeel.partnerschap == "Samen Opleiden Oost"
    added = add_locatie(engine, OPERATOR, other.id, "Het Kompas")
    assert added.partnerschap == "Samen Opleiden Oost"
    assert [loc.naam for loc in list_locaties(engine, OPERATOR, other.id)] == ["De Brug",
                                                                            "Het Kompas"]
    assert {d.partnerschap for d in list_dagdelen(engine)} == {"Opleidingsschool",
                                                               "Samen Opleiden Oost"}


def test_the_placeholder_partnership_is_renamed_and_locaties_move(engine):
    plans = [RoundPlan(groups=(GroupPlan("proef", "Anna"),))]
    made = create_dagdeel(engine, locatie="De Brug", datum=date(2026, 1, 5), rounds=plans)
    [placeholder] = list_partnerships(engine, OPERATOR)
    rename_partnership(engine, OPERATOR, placeholder.id, "Opleidingsschool Rivierenland")
    assert get_dagdeel(engine, made.dagdeel.id).partnerschap == "Opleidingsschool Rivierenland"
    other = add_partnership(engine, OPERATOR, "Samen Opleiden Oost")
    with pytest.raises(UserError, match="al een opleidingsschool"):
        rename_partnership(engine, OPERATOR, other.id, "Opleidingsschool Rivierenland")
    move_locatie(engine, OPERATOR, made.dagdeel.locatie_id, other.id)
    assert get_dagdeel(engine, made.dagdeel.id).partnerschap == "Samen Opleiden Oost"
    add_locatie(engine, OPERATOR, placeholder.id, "De Brug")
    with pytest.raises(UserError, match="al een locatie 'De Brug'"):
        move_locatie(engine, OPERATOR, made.dagdeel.locatie_id, placeholder.id)


def test_migration_0004_goes_down_and_up_again(tmp_path):
    from alembic import command

    from zet.db.engine import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'down.db'}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
        assert "locatie_id" not in {c["name"] for c in inspect(conn).get_columns("dagdelen")}
    upgrade_schema(engine)
    assert list_partnerships(engine, OPERATOR) == []


def test_names_of_schools_locaties_and_rode_lijnen_follow_the_one_trimming_rule(engine):
    """Every typed name goes through zet.fields: whitespace collapsed, control and
    bidirectional-override characters removed, a clear Dutch message when empty or long."""
    from zet.programme.rode_lijnen import add_label

    school = add_partnership(engine, OPERATOR, "  Samen\tOpleiden\u202e Noord\x00 ")
    assert school.naam == "Samen Opleiden Noord"
    locatie = add_locatie(engine, OPERATOR, school.id, "De\u2066 Brug\x1b")
    assert locatie.naam == "De Brug"
    with pytest.raises(UserError, match=r"^Vul de naam van de locatie in\.$"):
        add_locatie(engine, OPERATOR, school.id, " \u202e ")
    with pytest.raises(UserError, match="De naam van de opleidingsschool is te lang"):
        add_partnership(engine, OPERATOR, "x" * 500)
    with pytest.raises(UserError, match=r"^Vul een label in\.$"):
        add_label(engine, OPERATOR, 1, "\x00")
