"""Privacy by default: the purge after the retention period, deleting a dagdeel, the daily
run and the command line."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from alembic import command
from conftest import OPERATOR
from sqlalchemy import func, select

from zet.db import reading, upgrade_schema
from zet.db.engine import alembic_config
from zet.db.schema import (
    antwoorden,
    bijdragen,
    dagdelen,
    deelnemers,
    groepen,
    groepsleden,
    kaarten_getoond,
    notities,
    punten,
    puntgroepen,
    rondes,
    scenario_plaatsingen,
)
from zet.errors import NotFound
from zet.operations import retention
from zet.operations.cli import main
from zet.operations.retention import delete_dagdeel, purge, purge_if_due
from zet.programme import actions, rode_lijnen
from zet.roles import ROLES
from zet.room import answers, groups, notes, participants, points, scenarios
from zet.room.dagdelen import create_single_session, get_dagdeel
from zet.room.snapshot import group_snapshot
from zet.room.states import Status
from zet.steps import Step

SO, WPB = ROLES[3], ROLES[2]
OLD_DAY = date(2026, 1, 5)
PERSONAL = {"antwoorden": antwoorden, "bijdragen": bijdragen,
            "scenario_plaatsingen": scenario_plaatsingen, "groepsleden": groepsleden}


def to_step(engine, gid: int, target: Step) -> None:
    current = groups.current_step(engine, gid)
    while current != target:
        groups.set_step(engine, gid, current.next(), expected_current=current)
        current = current.next()


def played(engine, library, datum: date, locatie: str = "Het Kompas"):
    """A single session played to the end: answers, points, placements, outcome."""
    created = create_single_session(engine, locatie=locatie, datum=datum,
                                    procesbegeleider="Anna", theme_id="proef")
    gid = created.group_ids[0]
    people = [participants.join(engine, created.dagdeel, role=role, initials=f"P{i}")
              for i, role in enumerate([SO, SO, WPB])]
    question = library.theme("proef").question("beeld")
    for person in people:
        answers.save_answer(engine, gid, person.id, question, f"Antwoord van {person.initials}")
    groups.reveal_card(engine, gid, "kaart-a")
    to_step(engine, gid, Step.PUNTEN)
    points.contribute(engine, gid, people[0].id, "sterk", "Iedereen doet mee")
    points.contribute(engine, gid, people[2].id, "ontwikkel", "Meer tijd")
    points.confirm_list(engine, gid)
    to_step(engine, gid, Step.SCENARIO)
    for person in people:
        scenarios.place(engine, gid, person.id, nu=2, gewenst=3)
    groups.record_group_scenario(engine, gid, nu=2, gewenst=3, argument="Past bij de visie.")
    groups.set_reporter(engine, gid, "Jamal")
    return created


def rows(engine, table, group_id: int) -> int:
    with reading(engine) as conn:
        return conn.execute(select(func.count()).select_from(table)
                            .where(table.c.groep_id == group_id)).scalar_one()


def test_purge_removes_personal_data_and_keeps_the_outcome_and_counts(engine, library):
    old = played(engine, library, OLD_DAY)
    recent = played(engine, library, OLD_DAY + timedelta(days=10), locatie="De Brug")
    gid = old.group_ids[0]
    before = group_snapshot(engine, library, gid)

    report = purge(engine, OLD_DAY + timedelta(days=30), retention_days=30)

    assert report.dagdeel_ids == [old.dagdeel.id]
    assert (report.removed.answers, report.removed.contributions, report.removed.placements,
            report.removed.participants, report.removed.seats) == (3, 2, 3, 3, 3)
    for table in PERSONAL.values():
        assert rows(engine, table, gid) == 0
        assert rows(engine, table, recent.group_ids[0]) > 0  # within the period: untouched
    assert participants.dagdeel_participants(engine, old.dagdeel.id) == []
    after = group_snapshot(engine, library, gid)
    assert [(p.kind, p.text, p.source_ids) for p in after.points] == [
        ("sterk", "Iedereen doet mee", ()), ("ontwikkel", "Meer tijd", ())]
    assert after.points_confirmed
    group = after.group
    assert (group.scenario_nu, group.scenario_gewenst, group.scenario_argument,
            group.reporter) == (2, 3, "Past bij de visie.", "Jamal")
    assert [card.id for card in after.revealed] == ["kaart-a"]
    assert after.role_counts == before.role_counts == {WPB: 1, SO: 2}
    dagdeel = get_dagdeel(engine, old.dagdeel.id)
    assert dagdeel.status == Status.GESLOTEN and dagdeel.purged_at is not None
    assert dict(dagdeel.kept_role_counts) == {WPB: 1, SO: 2}
    assert purge(engine, OLD_DAY + timedelta(days=31), retention_days=30).dagdeel_ids == []


def test_purge_waits_for_the_retention_period_and_a_dry_run_removes_nothing(engine, library):
    old = played(engine, library, OLD_DAY)
    assert purge(engine, OLD_DAY + timedelta(days=29), retention_days=30).dagdeel_ids == []
    dry = purge(engine, OLD_DAY + timedelta(days=30), retention_days=30, dry_run=True)
    assert dry.dagdeel_ids == [old.dagdeel.id] and dry.removed.answers == 3
    assert rows(engine, antwoorden, old.group_ids[0]) == 3
    assert get_dagdeel(engine, old.dagdeel.id).purged_at is None


def test_the_retention_period_comes_from_the_setting(engine, library, monkeypatch):
    played(engine, library, OLD_DAY)
    monkeypatch.setenv("ZET_BEWAARTERMIJN_DAGEN", "365")
    assert purge(engine, OLD_DAY + timedelta(days=30)).dagdeel_ids == []
    monkeypatch.setenv("ZET_BEWAARTERMIJN_DAGEN", "7")
    assert len(purge(engine, OLD_DAY + timedelta(days=7)).dagdeel_ids) == 1


def test_delete_dagdeel_removes_everything_of_that_dagdeel_only(engine, library):
    gone = played(engine, library, OLD_DAY)
    kept = played(engine, library, OLD_DAY, locatie="De Brug")
    delete_dagdeel(engine, gone.dagdeel.id)
    with reading(engine) as conn:
        for table in (dagdelen, rondes, groepen, deelnemers):
            column = table.c.id if table is dagdelen else table.c.dagdeel_id
            assert conn.execute(select(column).where(column == gone.dagdeel.id)).first() is None
    for table in (*PERSONAL.values(), punten, kaarten_getoond):
        assert rows(engine, table, gone.group_ids[0]) == 0
        assert rows(engine, table, kept.group_ids[0]) > 0
    with pytest.raises(NotFound):
        delete_dagdeel(engine, gone.dagdeel.id)


def _point(engine, created, kind: str) -> int:
    return next(p.id for p in points.working_list(engine, created.group_ids[0])
                if p.kind == kind)


def test_delete_dagdeel_removes_its_actions_notes_and_rode_lijnen_left_empty(engine, library):
    gone = played(engine, library, OLD_DAY)
    kept = played(engine, library, OLD_DAY, locatie="De Brug")
    notes.add_note(engine, gone.group_ids[0], "Jamal vertelt over zijn stage.")
    actions.action_from_point(engine, OPERATOR, _point(engine, gone, "ontwikkel"),
                              tevreden="Als Jamal tevreden is", verantwoordelijk="Anna")
    kept_action = actions.action_from_point(engine, OPERATOR, _point(engine, kept, "ontwikkel"))
    alone = rode_lijnen.group_points(engine, OPERATOR, [_point(engine, gone, "sterk")],
                                     "Alleen weg")
    both = rode_lijnen.group_points(engine, OPERATOR, [_point(engine, gone, "ontwikkel"),
                                             _point(engine, kept, "ontwikkel")], "Samen")

    removed = delete_dagdeel(engine, gone.dagdeel.id)

    assert (removed.actions, removed.point_groups, removed.notes) == (1, 1, 1)
    assert [a.id for a in actions.list_actions(engine, OPERATOR)] == [kept_action]
    assert rows(engine, notities, gone.group_ids[0]) == 0
    left = {g.id: g.point_ids for g in rode_lijnen.point_groups(engine, OPERATOR)}
    assert alone not in left and left[both] == (_point(engine, kept, "ontwikkel"),)
    with reading(engine) as conn:
        assert conn.execute(select(func.count()).select_from(puntgroepen)).scalar_one() == 1


def test_purge_removes_the_notulist_notes(engine, library):
    old = played(engine, library, OLD_DAY)
    recent = played(engine, library, OLD_DAY + timedelta(days=10), locatie="De Brug")
    for created in (old, recent):
        notes.add_note(engine, created.group_ids[0], "Iedereen noemt het rooster.")
    report = purge(engine, OLD_DAY + timedelta(days=30), retention_days=30)
    assert report.removed.notes == 1 and "1 notities" in report.removed.summary()
    assert rows(engine, notities, old.group_ids[0]) == 0
    assert rows(engine, notities, recent.group_ids[0]) == 1


def test_a_daily_purge_that_cannot_write_is_tried_once_that_day(tmp_path):
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    from zet.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'ro.db'}")
    event.listen(engine, "connect", lambda dbapi, _r: dbapi.execute("PRAGMA query_only=ON"))
    engine.dispose()
    retention._checked_on.clear()
    day = OLD_DAY + timedelta(days=40)
    with pytest.raises(OperationalError, match="readonly"):
        purge_if_due(engine, day)
    assert purge_if_due(engine, day) is None  # not again on every page run of that day
    engine.dispose()


def test_the_app_purges_at_most_once_a_day(engine, library):
    old = played(engine, library, OLD_DAY)
    day = OLD_DAY + timedelta(days=10)
    first = purge_if_due(engine, day)
    assert first is not None and first.dagdeel_ids == []  # ran: closed it, nothing to purge
    assert get_dagdeel(engine, old.dagdeel.id).status == Status.GESLOTEN  # past its date
    assert purge_if_due(engine, day) is None
    purge_day = OLD_DAY + timedelta(days=30)
    assert purge_if_due(engine, purge_day).dagdeel_ids == [old.dagdeel.id]
    assert purge_if_due(engine, purge_day) is None
    retention._checked_on.clear()  # another server process: the database remembers the run
    assert purge_if_due(engine, purge_day) is None


@pytest.fixture
def cli_env(engine, monkeypatch):
    monkeypatch.setenv("ZET_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("ZET_BEWAARTERMIJN_DAGEN", "1")
    return engine


def test_purge_and_delete_from_the_command_line(cli_env, library, capsys):
    engine = cli_env
    old = played(engine, library, OLD_DAY)
    assert main(["purge", "--dry-run"]) == 0
    assert "Zou verwijderen uit 1 dagdeel" in capsys.readouterr().out
    assert rows(engine, antwoorden, old.group_ids[0]) == 3
    assert main(["purge"]) == 0
    out = capsys.readouterr().out
    assert "Verwijderd uit 1 dagdeel" in out and "3 antwoorden" in out
    assert rows(engine, antwoorden, old.group_ids[0]) == 0
    assert main(["delete-dagdeel", str(old.dagdeel.id), "--ja"]) == 0
    assert f"Dagdeel {old.dagdeel.id} verwijderd" in capsys.readouterr().out
    assert main(["delete-dagdeel", str(old.dagdeel.id), "--ja"]) == 1


def test_delete_from_the_command_line_asks_first(cli_env, library, monkeypatch, capsys):
    old = played(cli_env, library, OLD_DAY)
    monkeypatch.setattr("builtins.input", lambda _prompt: "nee")
    assert main(["delete-dagdeel", str(old.dagdeel.id)]) == 1
    assert get_dagdeel(cli_env, old.dagdeel.id).id == old.dagdeel.id
    monkeypatch.setattr("builtins.input", lambda _prompt: "ja")
    assert main(["delete-dagdeel", str(old.dagdeel.id)]) == 0
    with pytest.raises(NotFound):
        get_dagdeel(cli_env, old.dagdeel.id)


def test_the_privacy_migration_goes_down_and_up_again(engine, session):
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    upgrade_schema(engine)
    assert get_dagdeel(engine, session.dagdeel.id).purged_at is None
