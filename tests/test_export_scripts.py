"""Every script in every PDF (issue 18): the multilingual and hostile corpus through the group
report and the dagdeel report, extracted again with pypdf and drawn with poppler."""
from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import REAL_CONTENT
from hostile import HOSTILE_NAMED, MULTILINGUAL_NAMED
from pypdf import PdfReader
from test_dagdeel_export import build_example
from test_export import fill_session, new_session

from zet.content import load_library
from zet.export.dagdeel_pdf import dagdeel_report_pdf
from zet.export.fonts import EMOJI, EMOJI_FILES
from zet.export.group_pdf import group_report_pdf
from zet.export.pdf_kit import text
from zet.export.scripts import visual, visual_chars
from zet.room import answers, groups, participants, points
from zet.room.snapshot import dagdeel_snapshot
from zet.steps import Step

needs_emoji_font = pytest.mark.skipif(
    not any(path.is_file() for path in EMOJI_FILES),
    reason="the emoji font is not installed (Debian: apt-get install fonts-symbola)")


def extracted(data: bytes) -> str:
    """All text of a PDF as a reader copies it: NFKC (joined Arabic forms back to letters),
    whitespace collapsed."""
    reader = PdfReader(io.BytesIO(data))
    raw = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def flat(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).split())


def group_pdf_with(tmp_path: Path, values: list[str]) -> bytes:
    """A filled group with each value as a werkblad answer and (if short) a sterk punt."""
    setup = new_session(tmp_path)
    fill_session(setup, confirm=False)
    gid = setup.group_id
    question = setup.library.theme("proefvisie").question("moment")
    for value in values:
        if len(value) < 200 and value.strip():
            points.contribute(setup.engine, gid, None, "sterk", value)
    groups.set_step(setup.engine, gid, Step.WERKBLAD, expected_current=Step.SCENARIO)
    for person, value in zip(participants.members_of(setup.engine, gid), values):
        answers.save_answer(setup.engine, gid, person.id, question, value)
    return group_report_pdf(setup.report())


@needs_emoji_font
def test_group_pdf_prints_every_script_and_extracts_it_as_typed(tmp_path: Path):
    values = [value for _name, value in MULTILINGUAL_NAMED]
    text_of_pdf = extracted(group_pdf_with(tmp_path, values))
    missing = [name for name, value in MULTILINGUAL_NAMED if flat(value) not in text_of_pdf]
    assert missing == []
    assert "\x00" not in text_of_pdf and "\ufffd" not in text_of_pdf


@needs_emoji_font
def test_dagdeel_pdf_prints_every_script_and_extracts_it_as_typed(engine):
    library = load_library(REAL_CONTENT)
    built = build_example(engine, library)
    report = dagdeel_snapshot(engine, library, built.dagdeel_id)
    # the beoordelen group left its list unconfirmed: the facilitator can still add to it
    gid = next(g.group.id for g in report.groups if g.theme.id == "beoordelen")
    for _name, value in MULTILINGUAL_NAMED + HOSTILE_NAMED:
        if value.strip() and len(value) < 200:
            points.contribute(engine, gid, None, "ontwikkel", value)
    text_of_pdf = extracted(dagdeel_report_pdf(dagdeel_snapshot(engine, library,
                                                                    built.dagdeel_id)))
    missing = [name for name, value in MULTILINGUAL_NAMED if flat(value) not in text_of_pdf]
    assert missing == []
    assert "<script>alert('zet')</script>" in text_of_pdf
    assert "\x00" not in text_of_pdf and "\ufffd" not in text_of_pdf


def test_arabic_is_joined_and_drawn_right_to_left():
    drawn = visual("مرحبا")
    # joined letter forms (Arabic Presentation Forms-B), first letter drawn rightmost
    assert all(0xFE70 <= ord(char) <= 0xFEFF for char in drawn)
    assert unicodedata.normalize("NFKC", drawn) == "ابحرم"
    assert visual("Zażółć 12") == "Zażółć 12"  # left-to-right text is left alone


@needs_emoji_font
def test_emoji_are_set_in_the_fallback_font_and_markup_stays_literal():
    markup = text("<b>👍</b> & 👩‍🏫")
    assert markup == (f'&lt;b&gt;<font name="{EMOJI}">👍</font>&lt;/b&gt; &amp; '
                      f'<font name="{EMOJI}">👩</font>\u200d<font name="{EMOJI}">🏫</font>')


def test_hostile_corpus_prints_in_the_group_pdf(tmp_path: Path):
    values = [value for _name, value in HOSTILE_NAMED if value.strip()]
    data = group_pdf_with(tmp_path, values)
    text_of_pdf = extracted(data)
    assert "<script>alert('zet')</script>" in text_of_pdf
    assert "**vet** _schuin_ `code` # kop" in text_of_pdf


def test_pages_draw_without_empty_boxes(tmp_path: Path):
    """poppler draws every page; each page image is non-blank (the images were looked at
    by hand for joined Arabic and drawn emoji, see issue 18)."""
    data = group_pdf_with(tmp_path, [value for _name, value in MULTILINGUAL_NAMED])
    pdf = tmp_path / "groep.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "p")], check=True)
    assert sorted(tmp_path.glob("p-*.png"))


ARABIC_WORDS = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة",
                "عشرة"]
LONG_ARABIC = " ".join(f"{word}{'' if n % 3 else ' (نعم)'}" for n, word in
                       enumerate(ARABIC_WORDS * 5))


def test_a_right_to_left_answer_over_several_lines_reads_from_its_first_line(tmp_path: Path):
    """reportlab wraps the answer in reading order and each printed line is drawn right to
    left: the first printed line holds the first words (it held the last ones before)."""
    data = group_pdf_with(tmp_path, [LONG_ARABIC])
    lines = [flat(row) for page in PdfReader(io.BytesIO(data)).pages
             for row in (page.extract_text() or "").splitlines()]
    printed = [row for row in lines if "واحد" in row or "ثمانية" in row]
    assert len(printed) >= 3  # it wraps
    words = [w for row in printed for w in row.split()
             if unicodedata.bidirectional(w[0]) == "AL" and "نعم" not in w]
    assert words == ARABIC_WORDS * 5


def test_a_right_to_left_answer_is_printed_from_the_right_margin(tmp_path: Path):
    """Every line of it ends at the right edge of the column, where an Arabic reader starts,
    also its short last line (word boxes from poppler's pdftotext)."""
    pdf = tmp_path / "groep.pdf"
    pdf.write_bytes(group_pdf_with(tmp_path, [LONG_ARABIC]))
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    words = [(float(y0), float(x1), word) for y0, x1, word in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        boxes)]
    line_ends: dict[int, float] = {}
    for y0, x1, word in words:
        if any(unicodedata.bidirectional(char) == "AL" for char in word):
            line_ends[round(y0)] = max(line_ends.get(round(y0), 0.0), x1)
    assert len(line_ends) >= 3  # it wraps
    right_edge = max(line_ends.values())
    assert all(end > right_edge - 3 for end in line_ends.values()), line_ends


def test_a_left_to_right_line_in_a_right_to_left_paragraph_keeps_its_own_order():
    order = visual_chars("abc مرحبا", "R")
    assert "".join(char for _at, char in order) == "مرحبا"[::-1] + " abc"
    assert sorted(at for at, _char in order) == list(range(len("abc مرحبا")))


@needs_emoji_font
def test_a_joined_emoji_prints_its_parts_and_extracts_as_the_sequence_typed(tmp_path: Path):
    """No monochrome font has the joined 👩‍🏫 (Symbola draws 👩 and 🏫): the parts print side
    by side, the zero-width joiner takes no room (no box) and stays in the text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from zet.export.fonts import FONT, register_fonts

    register_fonts()

    assert stringWidth("\u200d", FONT, 10) == 0
    text_of_pdf = extracted(group_pdf_with(tmp_path, ["Juf 👩\u200d🏫 en 👍🏽 klaar"]))
    assert "Juf 👩\u200d🏫 en 👍🏽 klaar" in text_of_pdf
