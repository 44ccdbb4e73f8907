"""PDF layout: headings stay with what follows, and no page but the last is left under a
quarter full (the demo's dagdeel reports, measured where their text ends on each page)."""
from __future__ import annotations

import io

import pytest
from conftest import REAL_CONTENT
from pypdf import PdfReader
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from zet.content import load_library
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.pdf_kit import (
    BOTTOM_MARGIN,
    FRAME_HEIGHT,
    PAGE_HEIGHT,
    TOP_MARGIN,
    Styles,
    a4_document,
    role_count_table,
)
from zet.operations.demo import add_demo
from zet.room.dagdelen import list_dagdelen
from zet.room.snapshot import dagdeel_snapshot


def page_texts(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(
        io.BytesIO(data)).pages]


def filled_share(page) -> float:
    """How much of the page's frame holds text: from its top to the lowest line above the
    footer."""
    lowest = [PAGE_HEIGHT]

    def visit(text, cm, tm, _font, _size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > BOTTOM_MARGIN:
            lowest[0] = min(lowest[0], y)

    page.extract_text(visitor_text=visit)
    return (PAGE_HEIGHT - TOP_MARGIN - lowest[0]) / FRAME_HEIGHT


def test_a_heading_moves_with_the_kept_table_that_follows():
    """'Deelnemers per rol' at the foot of a page went alone, its table on the next."""
    buffer = io.BytesIO()
    doc = a4_document(buffer, title="Proef", subject="Proef")
    s = Styles()
    table = role_count_table({"Schoolopleider": 2, "Werkplekbegeleider": 3}, s)
    doc.build([Spacer(1, FRAME_HEIGHT - 60), Paragraph("Deelnemers per rol", s.h1),
               KeepTogether([table])])
    first, second = page_texts(buffer.getvalue())
    assert "Deelnemers per rol" not in first
    assert "Deelnemers per rol" in second and "Werkplekbegeleider" in second


@pytest.fixture(scope="module")
def demo_reports(tmp_path_factory):
    from zet.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'zet.db'}")
    library = load_library(REAL_CONTENT)
    add_demo(engine, library)
    yield {d.titel or d.locatie: dagdeel_report_pdf(dagdeel_snapshot(engine, library, d.id))
           for d in list_dagdelen(engine)}
    engine.dispose()


def test_no_page_of_the_demo_dagdeel_reports_is_under_a_quarter_full(demo_reports):
    for name, data in demo_reports.items():
        pages = PdfReader(io.BytesIO(data)).pages
        shares = [round(filled_share(page), 2) for page in pages]
        assert all(share >= 0.25 for share in shares[:-1]), (name, shares)
