"""The partnership report's quickscan chapter and sheets: per locatie and year, per waarborg
and theme, by role group (groups under three left out), in the report's tenancy scope, and
the same after the retention purge removed every respondent."""
from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from conftest import OPERATOR
from pypdf import PdfReader
from test_programme_data import history  # noqa: F401
from test_quickscan import fill

from zet.export.partnership_pdf import partnership_report_pdf
from zet.export.partnership_tables import partnership_xlsx
from zet.operations.retention import purge
from zet.programme.archive import Scope, archive
from zet.programme.locaties import add_partnership
from zet.programme.partnership_report import ReportFilter, build_partnership_report
from zet.programme.tenancy import Viewer
from zet.roles import ROLES, role_group
from zet.room.dagdelen import GroupPlan, RoundPlan, create_dagdeel
from zet.room.quickscan import open_quickscan

STUDENTS, SMALL = ROLES[0], ROLES[7]  # a group of three and a group of one


def chapter(data: bytes) -> str:
    """The text from the quickscan chapter to the end of the PDF."""
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(data)).pages)
    return text[text.index("ZET · quickscan vooraf"):]


def sheet(data: bytes, name: str) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(data))[name].iter_rows(values_only=True))


@pytest.fixture
def scanned(engine, library, history):  # noqa: F811
    """De Brug 2026: three students and one of a small group; Het Kompas 2025: three
    students on the other theme."""
    by_place = {(e.locatie, e.jaar): e.dagdeel_id for e in archive(engine, Scope(OPERATOR))}
    brug = open_quickscan(engine, by_place[("De Brug", 2026)], ["proef"],
                          known_themes=set(library.themes))
    for _ in range(3):
        fill(engine, brug, library, STUDENTS, 5, 2)
    fill(engine, brug, library, SMALL, 1, 1)
    kompas = open_quickscan(engine, by_place[("Het Kompas", 2025)], ["proef"],
                            known_themes=set(library.themes))
    for _ in range(3):
        fill(engine, kompas, library, STUDENTS, 4, 4)
    # another opleidingsschool's quickscan, which no report of Proefschool may show
    other = add_partnership(engine, OPERATOR, "Andere school").id
    made = create_dagdeel(engine, locatie="Elders", datum=date(2026, 5, 1),
                          partnerschap_id=other,
                          rounds=[RoundPlan(groups=(GroupPlan("proef", "Bo"),))])
    elders = open_quickscan(engine, made.dagdeel.id, ["proef"], known_themes=set(library.themes))
    for _ in range(3):
        fill(engine, elders, library, STUDENTS, 3, 3)
    return other


def test_the_report_has_a_quickscan_chapter_per_locatie_and_year(engine, library, scanned):
    report = build_partnership_report(engine, library, OPERATOR,
                                      ReportFilter(partnerschap="Proefschool"))
    text = chapter(partnership_report_pdf(report))
    students = role_group(STUDENTS)
    for expected in ("Wat de quickscan zei", "De Brug · 2026", "4 invuller(s) in 1 quickscan(s)",
                     "Het Kompas · 2025", "Per waarborg", "Per thema", students,
                     # De Brug: gewenst 5, feitelijk 2, gap 3 for the three students
                     f"{students} 3 5,0 2,0 3,0",
                     "1 antwoord(en) van rolgroepen met minder dan 3 mensen staan er niet in"):
        assert expected in text, expected
    assert role_group(SMALL) not in text and "Elders" not in text
    cover = " ".join((PdfReader(io.BytesIO(partnership_report_pdf(report))).pages[0]
                      .extract_text() or "").split())
    assert "Quickscan vooraf 7 invuller(s) in 2 quickscan(s)" in cover

    workbook = partnership_xlsx(report)
    rows = sheet(workbook, "Quickscan per thema")
    head = rows[0]
    found = [dict(zip(head, row)) for row in rows[1:]]
    assert {(r["Locatie"], r["Jaar"], r["Rolgroep"], r["Aantal"]) for r in found} == {
        ("De Brug", 2026, students, 3), ("Het Kompas", 2025, students, 3)}
    brug = next(r for r in found if r["Locatie"] == "De Brug")
    assert (brug["Gewenst"], brug["Feitelijk"], brug["Verschil"]) == (5, 2, 3)
    assert len(sheet(workbook, "Quickscan per waarborg")) > 1
    assert role_group(SMALL) not in str(sheet(workbook, "Quickscan per waarborg"))

    one_year = build_partnership_report(engine, library, OPERATOR,
                                        ReportFilter(partnerschap="Proefschool", jaar=2025))
    assert [(q.locatie, q.jaar) for q in one_year.quickscans] == [("Het Kompas", 2025)]
    one_place = build_partnership_report(engine, library, OPERATOR,
                                         ReportFilter(locatie="De Brug"))
    assert [(q.locatie, q.jaar) for q in one_place.quickscans] == [("De Brug", 2026)]


def test_a_viewer_of_another_partnership_sees_only_its_own_quickscans(engine, library,
                                                                      scanned):
    theirs = Viewer("programmamanager van Andere school", frozenset({scanned}))
    report = build_partnership_report(engine, library, theirs)
    assert report.partnership.naam == "Andere school"
    assert [(q.locatie, q.jaar) for q in report.quickscans] == [("Elders", 2026)]
    text = chapter(partnership_report_pdf(report))
    assert "Elders · 2026" in text and "De Brug" not in text and "Het Kompas" not in text


def test_after_the_purge_the_chapter_says_the_same_from_the_kept_aggregates(engine, library,
                                                                          scanned):
    wanted = ReportFilter(partnerschap="Proefschool")
    before = build_partnership_report(engine, library, OPERATOR, wanted)
    removed = purge(engine, date(2027, 6, 1), retention_days=30, library=library)
    assert removed.removed.respondents == 10  # every respondent of both schools is gone
    after = build_partnership_report(engine, library, OPERATOR, wanted)
    assert after.quickscans == before.quickscans
    assert chapter(partnership_report_pdf(after)) == chapter(partnership_report_pdf(before))
    assert sheet(partnership_xlsx(after), "Quickscan per thema") == sheet(
        partnership_xlsx(before), "Quickscan per thema")
