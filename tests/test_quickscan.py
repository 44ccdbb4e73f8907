"""The quickscan: content, opening and closing, anonymous respondents, ratings, results."""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import inspect, select, update

from tests.conftest import FIXTURE_CONTENT
from zet.content import read_library
from zet.db import writing
from zet.db.changes import MissingBump, hub
from zet.db.schema import dagdelen, quickscan_respondenten, quickscans
from zet.errors import NotFound, UserError
from zet.programme.quickscan_results import EVERYONE, POOLED, quickscan_results, suggestions
from zet.roles import ROLES
from zet.room.quickscan import (
    close_quickscan,
    find_quickscan,
    forget_device,
    open_quickscan,
    own_ratings,
    quickscan_of_dagdeel,
    rate,
    respondent_by_token,
    start,
)
from zet.room.versions import INPUT


def item(library, item_id):
    return next(i for i in library.quickscan if i.id == item_id)


@pytest.fixture
def scan(engine, session, library):
    return open_quickscan(engine, session.dagdeel.id, ["proef", "proef-twee"],
                          known_themes=set(library.themes))


def test_the_fixture_and_the_real_quickscan_load_without_problems(library):
    assert {i.id for i in library.quickscan} == {"proef-koos", "proef-ovg", "proef-twee-koos"}
    real, problems = read_library(FIXTURE_CONTENT.parents[2] / "content")
    assert not problems
    assert {t.id for t in real.quickscan_themes()} == set(real.themes)
    for statement in real.quickscan:
        assert statement.waarborg in real.themes[statement.theme_id].waarborgen


@pytest.mark.parametrize("edit, field", [
    (lambda t: t.replace("waarborg: Leeromgeving", "waarborg: Leerklimaat"),
     "uitspraken[1].waarborg"),
    (lambda t: t.replace("schaal: koos", "schaal: tien"), "uitspraken[1].schaal"),
    (lambda t: t.replace("thema: proef", "thema: proef-drie"), "thema"),
    (lambda t: t.replace("    tekst: Studenten krijgen op tijd bruikbare feedback.\n", ""),
     "uitspraken[1].tekst"),
    (lambda t: t.replace("waarborg: Lerende leraar", "waarborg: Organisatie"),
     "uitspraken[2].waarborg"),
])
def test_a_malformed_quickscan_file_is_named_with_its_field(tmp_path, edit, field):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    path = content / "quickscan" / "proef.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    library, problems = read_library(content)
    assert [(p.file, p.field) for p in problems] == [("quickscan/proef.yaml", field)], problems
    assert {i.id for i in library.quickscan} == {"proef-twee-koos"}  # the rest still loads


def test_open_gives_an_own_code_and_reopening_keeps_code_and_ratings(engine, scan, library,
                                                                     session):
    assert scan.is_open and len(scan.code) == 5 and scan.code != session.dagdeel.join_code
    person = start(engine, scan.id, role=ROLES[0])
    rate(engine, person.token, item(library, "proef-koos"), "gewenst", 5)
    close_quickscan(engine, scan.id)
    assert not find_quickscan(engine, scan.code).is_open
    with pytest.raises(UserError, match="gesloten"):
        rate(engine, person.token, item(library, "proef-koos"), "feitelijk", 2)
    with pytest.raises(UserError, match="gesloten"):
        start(engine, scan.id, role=ROLES[1])
    again = open_quickscan(engine, session.dagdeel.id, ["proef"],
                           known_themes=set(library.themes))
    assert (again.id, again.code, again.theme_ids) == (scan.id, scan.code, ("proef",))
    rate(engine, person.token, item(library, "proef-koos"), "feitelijk", 2)
    assert own_ratings(engine, person.id)["proef-koos"].gewenst == 5
    with pytest.raises(UserError, match="hoort niet"):  # proef-twee was left out
        rate(engine, person.token, item(library, "proef-twee-koos"), "gewenst", 3)


def test_a_respondent_is_a_token_and_a_role_group_only(engine, scan):
    person = start(engine, scan.id, role="Werkplekbegeleider")
    assert person.role_group == "Begeleiders in de school"
    columns = {c["name"] for c in inspect(engine).get_columns("quickscan_respondenten")}
    assert columns == {"id", "quickscan_id", "token", "rolgroep", "created_at"}
    assert respondent_by_token(engine, person.token) == person
    forget_device(engine, person.token)
    with pytest.raises(NotFound):
        respondent_by_token(engine, person.token)
    with engine.connect() as conn:
        assert conn.execute(select(quickscan_respondenten.c.rolgroep)).scalars().all() == [
            "Begeleiders in de school"]


def test_ratings_are_checked(engine, scan, library):
    person = start(engine, scan.id, role=ROLES[0])
    with pytest.raises(UserError):
        rate(engine, person.token, item(library, "proef-koos"), "gewenst", 6)
    with pytest.raises(UserError):
        rate(engine, person.token, item(library, "proef-koos"), "oordeel", "G")
    with pytest.raises(UserError):
        rate(engine, person.token, item(library, "proef-ovg"), "oordeel", "X")
    with pytest.raises(UserError):
        start(engine, scan.id, role="Koning")
    rate(engine, person.token, item(library, "proef-ovg"), "oordeel", "G")
    rate(engine, person.token, item(library, "proef-koos"), "gewenst", 4)
    rate(engine, person.token, item(library, "proef-koos"), "gewenst", None)
    ratings = own_ratings(engine, person.id)
    assert ratings["proef-ovg"].oordeel == "G" and ratings["proef-koos"].gewenst is None


def test_unknown_codes_are_refused(engine):
    for code in ("", "nope", "AAAAA"):
        with pytest.raises(NotFound):
            find_quickscan(engine, code)


def fill(engine, scan, library, role, gewenst, feitelijk, oordeel="V"):
    person = start(engine, scan.id, role=role)
    rate(engine, person.token, item(library, "proef-koos"), "gewenst", gewenst)
    rate(engine, person.token, item(library, "proef-koos"), "feitelijk", feitelijk)
    rate(engine, person.token, item(library, "proef-ovg"), "oordeel", oordeel)
    return person


def test_results_per_role_group_hide_small_groups_also_from_the_total(engine, scan, library):
    for _ in range(3):
        fill(engine, scan, library, ROLES[0], 5, 2)  # students: a gap of 3
    for _ in range(3):
        fill(engine, scan, library, ROLES[2], 4, 4)  # begeleiders: no gap
    fill(engine, scan, library, ROLES[7], 1, 1, "O")  # one schoolleider: never shown
    results = quickscan_results(engine, library, scan.id)
    outcome = results.theme("proef")
    assert results.respondents == 7
    assert [g.group for g in outcome.groups] == ["Studenten en startende leraren",
                                                 "Begeleiders in de school"]
    assert outcome.hidden == 1 and outcome.total.group == EVERYONE
    assert outcome.total.respondents == 6 and outcome.total.feitelijk == (0, 3, 0, 3, 0)
    assert outcome.groups[0].gap == 3 and outcome.total.gap == 1.5
    assert outcome.disagreement == 2
    assert outcome.total.ovg == (0, 6, 0)  # the schoolleider's O is not in it
    by_borg = {o.key: o for o in results.waarborgen}
    assert by_borg["Lerende leraar"].total.ovg == (0, 6, 0)
    assert by_borg["Leeromgeving"].total.gewenst == (0, 0, 0, 3, 3)
    assert results.theme("proef-twee").total is None  # nobody rated it


def test_small_groups_are_pooled_when_the_pool_has_three(engine, scan, library):
    for role in (ROLES[0], ROLES[0], ROLES[0], ROLES[7], ROLES[7], ROLES[9]):
        fill(engine, scan, library, role, 4, 3)
    outcome = quickscan_results(engine, library, scan.id).theme("proef")
    assert [(g.group, g.respondents) for g in outcome.groups] == [
        ("Studenten en startende leraren", 3), (POOLED, 3)]
    assert outcome.hidden == 0 and outcome.total.respondents == 6


def test_suggestions_put_the_largest_gap_or_disagreement_first(engine, scan, library):
    for _ in range(3):
        person = fill(engine, scan, library, ROLES[0], 5, 1)
        rate(engine, person.token, item(library, "proef-twee-koos"), "gewenst", 3)
        rate(engine, person.token, item(library, "proef-twee-koos"), "feitelijk", 3)
    found = suggestions(quickscan_results(engine, library, scan.id))
    assert [s.theme_id for s in found] == ["proef", "proef-twee"]
    assert "gewenst ligt 4,0 boven feitelijk" in found[0].reason


def test_one_quickscan_per_dagdeel(engine, scan, session, library):
    assert quickscan_of_dagdeel(engine, session.dagdeel.id) == scan
    with pytest.raises(UserError, match="minstens één thema"):
        open_quickscan(engine, session.dagdeel.id, ["bestaat-niet"],
                       known_themes=set(library.themes))


def test_a_purge_keeps_only_the_results_of_the_quickscan(engine, library):
    from datetime import date, timedelta

    from sqlalchemy import func

    from zet.db.schema import quickscan_antwoorden
    from zet.operations.retention import delete_dagdeel, purge
    from zet.room.dagdelen import create_single_session

    old_day = date(2026, 1, 5)
    made = [create_single_session(engine, locatie=name, datum=day, procesbegeleider="Anna",
                                  theme_id="proef")
            for name, day in (("Oud", old_day), ("Nieuw", old_day + timedelta(days=20)))]
    scans = [open_quickscan(engine, m.dagdeel.id, ["proef"], known_themes=set(library.themes))
             for m in made]
    for scan in scans:
        for _ in range(3):
            fill(engine, scan, library, ROLES[0], 5, 2)
        fill(engine, scan, library, ROLES[7], 1, 1)
    before = quickscan_results(engine, library, scans[0].id)

    assert purge(engine, old_day + timedelta(days=30), retention_days=30,
                 dry_run=True).removed.respondents == 4
    report = purge(engine, old_day + timedelta(days=30), retention_days=30, library=library)

    assert report.removed.respondents == 4 and "4 ingevulde quickscans" in report.removed.summary()
    with engine.connect() as conn:
        left = conn.execute(select(quickscan_respondenten.c.quickscan_id)).scalars().all()
        assert left == [scans[1].id] * 4  # the recent one is untouched
        assert conn.execute(select(func.count()).select_from(quickscan_antwoorden)
                            ).scalar_one() == 8  # two statements each
    after = quickscan_results(engine, library, scans[0].id)
    assert after == before and after.theme("proef").hidden == 1
    assert "Schoolleiding" not in after.to_json()  # the group of one was never kept
    kept = quickscan_of_dagdeel(engine, made[0].dagdeel.id)
    assert kept.purged_at is not None and not kept.is_open
    with pytest.raises(NotFound):
        find_quickscan(engine, kept.code)
    with pytest.raises(UserError, match="gewist"):
        open_quickscan(engine, made[0].dagdeel.id, ["proef"], known_themes=set(library.themes))
    assert purge(engine, old_day + timedelta(days=31), retention_days=30,
                 library=library).removed.respondents == 0

    removed = delete_dagdeel(engine, made[1].dagdeel.id)
    assert removed.respondents == 4
    assert quickscan_of_dagdeel(engine, made[1].dagdeel.id) is None


def test_results_per_locatie_and_year_merge_the_shown_groups_only(engine, library):
    from datetime import date

    from zet.programme.archive import Scope
    from zet.programme.quickscan_results import per_locatie_and_year
    from zet.programme.tenancy import Viewer
    from zet.room.dagdelen import create_single_session

    scans = []
    for locatie, day in (("Oost", date(2025, 3, 1)), ("Oost", date(2025, 9, 1)),
                         ("Oost", date(2026, 3, 1)), ("West", date(2025, 3, 1))):
        made = create_single_session(engine, locatie=locatie, datum=day,
                                     procesbegeleider="Anna", theme_id="proef")
        scans.append(open_quickscan(engine, made.dagdeel.id, ["proef"],
                                    known_themes=set(library.themes)))
    for scan in scans[:2]:
        for _ in range(3):
            fill(engine, scan, library, ROLES[0], 5, 2)
        fill(engine, scan, library, ROLES[7], 1, 1)  # left out in both
    for _ in range(3):
        fill(engine, scans[2], library, ROLES[2], 4, 4)
    everything = Scope(Viewer.server())
    sections = per_locatie_and_year(engine, library, everything)
    assert [(s.locatie, s.jaar, s.quickscans) for s in sections] == [
        ("Oost", 2026, 1), ("Oost", 2025, 2), ("West", 2025, 1)]
    oost = sections[1].results.theme("proef")
    assert [(g.group, g.respondents) for g in oost.groups] == [
        ("Studenten en startende leraren", 6)]
    assert oost.total.respondents == 6 and oost.hidden == 2 and oost.total.gap == 3
    assert sections[2].results.theme("proef").total is None
    assert [s.jaar for s in per_locatie_and_year(engine, library,
                                                 Scope(Viewer.server(), jaar=2026))] == [2026]
    stranger = Viewer("iemand van een andere opleidingsschool", frozenset({999}))
    assert per_locatie_and_year(engine, library, Scope(stranger)) == []


def test_the_quickscan_migration_keeps_the_dagdelen_and_goes_down_and_up(engine, session,
                                                                         library):
    from alembic import command

    from zet.db import upgrade_schema
    from zet.db.engine import alembic_config
    from zet.room.quickscan import get_quickscan

    scan = open_quickscan(engine, session.dagdeel.id, ["proef"],
                          known_themes=set(library.themes))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    assert "quickscans" not in inspect(engine).get_table_names()
    upgrade_schema(engine)  # data of revision 0011 (the dagdeel) is kept
    assert quickscan_of_dagdeel(engine, session.dagdeel.id) is None
    again = open_quickscan(engine, session.dagdeel.id, ["proef"],
                           known_themes=set(library.themes))
    assert get_quickscan(engine, again.id).dagdeel_id == scan.dagdeel_id


def _version(engine, dagdeel_id):
    with engine.connect() as conn:
        return conn.execute(select(dagdelen.c.version)
                            .where(dagdelen.c.id == dagdeel_id)).scalar_one()


def test_a_rating_raises_the_dagdeels_version_so_its_screens_redraw(engine, scan, library,
                                                                    session):
    """The beamer's quickscan page and the dagdeel page follow the dagdeel's version."""
    dagdeel_id = session.dagdeel.id
    person = start(engine, scan.id, role=ROLES[0])
    before = _version(engine, dagdeel_id)
    rate(engine, person.token, item(library, "proef-koos"), "gewenst", 4)
    assert _version(engine, dagdeel_id) == before + 1
    heard = [b for b in hub(engine).since(dagdeel_id, before) if b.version == before + 1]
    assert [(b.topic, b.group_id) for b in heard] == [(INPUT, None)]  # every group's screen
    close_quickscan(engine, scan.id)
    assert _version(engine, dagdeel_id) == before + 2  # open or closed shows on the dagdeel


def test_a_write_of_the_quickscan_without_a_bump_is_refused(engine, scan):
    """The suite's strict check covers the quickscan's tables too."""
    with pytest.raises(MissingBump), writing(engine) as conn:
        conn.execute(update(quickscans).where(quickscans.c.id == scan.id)
                     .values(themas='["proef"]'))
