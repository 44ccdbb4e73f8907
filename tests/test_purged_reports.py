"""Reports of a dagdeel after the retention purge: every PDF and Excel still shows what was
kept (the outcome, the counts per role, the placements per scenario, the points) and says in
one line that the individual answers were removed, with the date. Text read back with pypdf,
cells with openpyxl."""
from __future__ import annotations

import io
import re
from datetime import timedelta

import openpyxl
import pytest
from test_dagdeel_export import build_example, pages_text, real_library  # noqa: F401

from zet.export import dutch_date, purged_on
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.dagdeel_tables import dagdeel_xlsx
from zet.export.group_pdf import group_report_pdf
from zet.export.spreadsheets import raw_responses_xlsx
from zet.operations.retention import purge
from zet.room.dagdelen import get_dagdeel
from zet.room.snapshot import dagdeel_snapshot

# What an archive must never say about a dagdeel that did take place.
EMPTY_LINES = (r"Deelnemers 0\b", "door 0 van 0", "Nog geen antwoorden", "Nog geen plaatsingen",
               "Er zat nog niemand aan een tafel", "Nog geen deelnemers")


def says_empty(text: str) -> list[str]:
    return [line for line in EMPTY_LINES if re.search(line, text)]


@pytest.fixture
def purged(engine, real_library):  # noqa: F811
    """The handleiding's example dagdeel, its report before, and after the purge."""
    built = build_example(engine, real_library)
    before = built.report()
    day = get_dagdeel(engine, built.dagdeel_id).datum
    assert purge(engine, day + timedelta(days=30), retention_days=30).dagdeel_ids == [
        built.dagdeel_id]
    after = dagdeel_snapshot(engine, real_library, built.dagdeel_id)
    assert not any(g.members or g.answers or g.placements for g in after.groups)
    return before, after


def _removed_line(report) -> str:
    day = purged_on(report.dagdeel)
    assert day is not None
    return f"De individuele antwoorden zijn na de bewaartermijn verwijderd op {dutch_date(day)}"


def _counts(totals: dict[int, int]) -> str:
    return " ".join(str(totals[n]) if totals[n] else "–" for n in range(1, 5))


def test_the_dagdeel_pdf_of_a_purged_dagdeel_shows_what_was_kept(purged):
    before, after = purged
    text = " ".join(pages_text(dagdeel_report_pdf(after)))
    assert says_empty(text) == []
    assert _removed_line(after) in text
    assert f"Deelnemers {before.participant_count} " in text and before.participant_count == 8
    for role, count in before.role_counts.items():
        assert f"{role} {count}" in text, role
    for group in before.groups:  # the programme table counts every table
        label = f"Tafel {group.group.label} · {group.theme.titel} {group.participant_count}"
        assert label in text, label
    for point in (p for g in before.groups for p in g.points):
        assert point.text.split("<")[0][:30] in text


def test_every_group_pdf_of_a_purged_dagdeel_shows_its_counts(purged):
    before, after = purged
    for old, new in zip(before.groups, after.groups):
        assert new.group.id == old.group.id
        text = " ".join(pages_text(group_report_pdf(new)))
        assert says_empty(text) == [], new.theme.titel
        assert _removed_line(after) in text
        assert new.role_counts == old.role_counts
        answered = len({a.participant_id for a in old.answers})
        assert f"Werkblad ingevuld door {answered} van {old.participant_count} deelnemers" \
            in text
        assert new.distribution.totals("nu") == old.distribution.totals("nu")
        assert new.distribution.totals("gewenst") == old.distribution.totals("gewenst")
        if old.distribution.placed:
            assert f"Plaatsing door de deelnemers (n = {old.distribution.placed})" in text
            assert f"{_counts(old.distribution.totals('gewenst'))}" in text
            assert "alleen de aantallen per scenario bewaard" in text
        else:
            assert "Geen plaatsingen door deelnemers" in text


def test_the_workbooks_of_a_purged_dagdeel_keep_the_counts(purged):
    before, after = purged
    book = openpyxl.load_workbook(io.BytesIO(dagdeel_xlsx(after)))
    facts = {row[0].value: row[1].value for row in book["Dagdeel"].iter_rows(min_row=2)}
    assert facts["deelnemers totaal"] == 8
    assert facts["individuele antwoorden verwijderd op"].date() == purged_on(after.dagdeel)
    assert facts["toelichting"].startswith(_removed_line(after))
    for role, count in before.role_counts.items():
        assert facts[f"deelnemers: {role}"] == count
    sheet = book["Groepen"]
    head = [c.value for c in sheet[1]]
    rows = [dict(zip(head, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    for old, row in zip(before.groups, rows):
        assert row["thema"] == old.theme.titel
        assert row["deelnemers"] == old.participant_count > 0
        for n in range(1, 5):
            assert row[f"plaatsing nu {n}"] == old.distribution.totals("nu")[n]
            assert row[f"plaatsing gewenst {n}"] == old.distribution.totals("gewenst")[n]

    for old, new in zip(before.groups, after.groups):
        group_book = openpyxl.load_workbook(io.BytesIO(raw_responses_xlsx(new)))
        facts = {row[0].value: row[1].value for row in group_book["Sessie"].iter_rows(min_row=2)}
        assert facts["deelnemers totaal"] == old.participant_count
        assert facts["werkblad ingevuld door"] == len({a.participant_id for a in old.answers})
        assert facts["ingestuurde punten"] == len(old.contributions)
        assert facts["individuele antwoorden verwijderd op"].date() == purged_on(new.dagdeel)
        for n in range(1, 5):
            assert facts[f"plaatsing nu scenario {n}"] == old.distribution.totals("nu")[n]


def test_reports_before_the_purge_say_nothing_about_removal(engine, real_library):  # noqa: F811
    report = build_example(engine, real_library).report()
    text = " ".join(pages_text(dagdeel_report_pdf(report)))
    assert "bewaartermijn verwijderd" not in text
    book = openpyxl.load_workbook(io.BytesIO(dagdeel_xlsx(report)))
    facts = {row[0].value for row in book["Dagdeel"].iter_rows(min_row=2)}
    assert "individuele antwoorden verwijderd op" not in facts


def test_the_reports_migration_goes_down_and_up_keeping_the_dagdelen(purged, engine):
    from alembic import command

    from zet.db import upgrade_schema
    from zet.db.engine import alembic_config

    _before, after = purged
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    upgrade_schema(engine)
    again = get_dagdeel(engine, after.dagdeel.id)
    assert again.purged_at is not None and dict(again.kept_role_counts) == after.role_counts
