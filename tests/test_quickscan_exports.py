"""The quickscan's exports for the programme manager: every page's text, and a workbook
with numbers; no respondent, no group under three, formula starts stay text."""
from __future__ import annotations

import io
from datetime import UTC, date, datetime

import openpyxl
from pypdf import PdfReader

from zet.export.quickscan_exports import quickscan_pdf, quickscan_xlsx
from zet.programme.archive import Scope
from zet.programme.quickscan_results import per_locatie_and_year
from zet.programme.tenancy import Viewer
from zet.roles import ROLES
from zet.room.dagdelen import create_single_session
from zet.room.quickscan import open_quickscan, rate, start

MADE = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _sections(engine, library, locatie="=Oost"):
    made = create_single_session(engine, locatie=locatie, datum=date(2026, 3, 1),
                                 procesbegeleider="Anna", theme_id="proef")
    scan = open_quickscan(engine, made.dagdeel.id, ["proef", "proef-twee"],
                          known_themes=set(library.themes))
    koos = next(i for i in library.quickscan if i.id == "proef-koos")
    ovg = next(i for i in library.quickscan if i.id == "proef-ovg")
    for role in [ROLES[0]] * 3 + [ROLES[2]] * 3 + [ROLES[7]]:
        person = start(engine, scan.id, role=role)
        rate(engine, person.token, koos, "gewenst", 5)
        rate(engine, person.token, koos, "feitelijk", 2 if role == ROLES[0] else 4)
        rate(engine, person.token, ovg, "oordeel", "V")
    return per_locatie_and_year(engine, library, Scope(Viewer.server()))


def test_the_pdf_has_every_section_and_no_small_group(engine, library):
    pdf = quickscan_pdf(_sections(engine, library), "alle locaties", MADE)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    whole = "\n".join(pages)
    assert "Wat de quickscan zei — alle locaties" in whole and "=Oost · 2026" in whole
    assert "Thema's om te bespreken" in whole and "1. Proefthema" in whole
    assert "Studenten en startende leraren" in whole and "Begeleiders in de school" in whole
    assert "Schoolleiding" not in whole and "1 antwoord(en) van rolgroepen" in whole
    assert "Per waarborg" in whole and "Lerende leraar" in whole
    assert "Tweede proefthema" in whole and "Te weinig antwoorden" in whole
    assert all(f"Pagina {i} van {len(pages)}" in p for i, p in enumerate(pages, start=1))


def test_the_workbook_has_numbers_and_keeps_formula_starts_text(engine, library):
    book = openpyxl.load_workbook(io.BytesIO(quickscan_xlsx(_sections(engine, library))))
    assert book.sheetnames == ["Per thema", "Per waarborg"]
    sheet = book["Per thema"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]
    students = next(r for r in rows if r["Rolgroep"] == "Studenten en startende leraren")
    assert (students["Aantal"], students["Gewenst"], students["Feitelijk"],
            students["Verschil"]) == (3, 5, 2, 3)
    assert sheet.cell(row=2, column=1).data_type == "s" and students["Locatie"] == "=Oost"
    assert not any(r["Rolgroep"] == "Schoolleiding" for r in rows)
