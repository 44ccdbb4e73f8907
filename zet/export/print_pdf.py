"""Things to print before a dagdeel: the programme of the day and the A4 card for the tables
with the QR code and the join code. Both in Dutch, both A4 PDFs.

``timetable_items`` (the programme in time order) is shared with the dagdeel report and the
dagdeel Excel export.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from zet.content.model import Library
from zet.export import dutch_date, strip_control
from zet.export.fonts import FONT, FONT_BOLD, register_fonts
from zet.export.pdf_kit import (
    ACCENT,
    FRAME_WIDTH,
    INK,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    SHADE,
    Styles,
    a4_document,
    fit,
    line,
    text,
)
from zet.qr import qr_png
from zet.room.dagdelen import Dagdeel
from zet.room.rounds import Round
from zet.room.timetable import timetable_items

OPENING_TEXT = "Welkom, de ZET-methode en waarom we samen opleiden."
AFSLUITING_TEXT = ("Elke themagroep deelt haar uitkomsten: sterke punten, ontwikkelpunten en "
                   "waar we nu staan en naartoe willen. Daarna sluiten we samen af.")
ROUND_TEXT = ("Gesprekken in themagroepen; aan welke tafel je zit, zie je op je telefoon. "
              "Eerst vul je alleen het werkblad in. Daarna leggen jullie de antwoorden naast "
              "elkaar, verdiepen jullie met reflectiekaarten, noteren jullie sterke punten en "
              "ontwikkelpunten en bepalen jullie samen: waar staan we nu, waar willen we naartoe?")
JOIN_STEPS = (
    ("Scan", ("Scan de QR-code met de camera van je telefoon. Lukt dat niet? Ga naar het "
              "adres hierboven en typ de code.")),
    ("Kies je rol", "Bijvoorbeeld student, werkplekbegeleider of schoolopleider."),
    ("Volg het scherm", "Je telefoon laat zien aan welke tafel je zit en wat je nu doet."),
)


# ---------------------------------------------------------------- the programme in order

def theme_title(library: Library, theme_id: str) -> str:
    """The theme's title, or its id when the content no longer has it."""
    theme = library.themes.get(theme_id)
    return theme.titel if theme else theme_id


# ---------------------------------------------------------------- programme PDF

class _PrintStyles(Styles):
    def __init__(self) -> None:
        super().__init__()
        self.time = ParagraphStyle("time", parent=self.body, fontName=FONT_BOLD, fontSize=12,
                                   leading=16, textColor=ACCENT)
        self.part = ParagraphStyle("part", parent=self.body, fontName=FONT_BOLD, fontSize=12,
                                   leading=16)
        self.part_text = ParagraphStyle("part_text", parent=self.body, fontSize=9.5,
                                        leading=13, textColor=MUTED, spaceBefore=1)
        self.subtitle = ParagraphStyle("subtitle", parent=self.body, fontSize=12, leading=16,
                                       textColor=MUTED)
        self.scan = ParagraphStyle("scan", parent=self.body, fontSize=11, leading=15)


def programme_pdf(dagdeel: Dagdeel, rounds: Sequence[Round], library: Library) -> bytes:
    """The programme of the dagdeel on A4: opening, the rounds with their tables (label,
    theme, procesbegeleider), pauses and the plenary closing, and how to join."""
    buffer = io.BytesIO()
    doc = a4_document(buffer, title=f"Programma ZET — {dagdeel.locatie}",
                      subject="Programma van het dagdeel (ZelfEvaluatieTool)",
                      bottom_margin=16 * mm)
    s = _PrintStyles()
    story: list[Flowable] = [
        Paragraph("ZET · programma van het dagdeel", s.kicker),
        Paragraph(text(dagdeel.titel or "Programma"), s.title),
        Paragraph(text(f"{dagdeel.locatie} · {dutch_date(dagdeel.datum)}"), s.subtitle),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=6, spaceAfter=10),
    ]
    time_width = 34 * mm
    body_width = FRAME_WIDTH - time_width
    rows, styles = [], []
    for index, item in enumerate(timetable_items(dagdeel, rounds)):
        cell: list[Flowable] = [Paragraph(text(item.titel), s.part)]
        if item.kind == "opening":
            cell.append(Paragraph(OPENING_TEXT, s.part_text))
        elif item.kind == "afsluiting":
            cell.append(Paragraph(AFSLUITING_TEXT, s.part_text))
        elif item.kind == "ronde" and item.ronde is not None:
            cell.append(Spacer(1, 3))
            cell.append(_tables_of(item.ronde, library, s, body_width - 12))
        if item.kind == "pauze":
            styles.append(("BACKGROUND", (0, index), (-1, index), SHADE))
        rows.append([Paragraph(text(item.time), s.time), cell])
    schedule = Table(rows, colWidths=[time_width, body_width], hAlign="LEFT")
    schedule.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
        *styles,
    ]))
    story.append(schedule)
    story.append(Spacer(1, 8))
    story.append(Paragraph(f"<b>In elke ronde.</b> {ROUND_TEXT}", s.small))
    story.append(Spacer(1, 8))
    story.append(KeepTogether(_scan_box(dagdeel, s)))
    doc.build(story, onFirstPage=_print_footer(dagdeel), onLaterPages=_print_footer(dagdeel))
    return buffer.getvalue()


def _tables_of(ronde: Round, library: Library, s: Styles, width: float) -> Table:
    label_width, person_width = 14 * mm, 58 * mm
    rows = [[Paragraph("Tafel", s.cell_bold), Paragraph("Thema", s.cell_bold),
             Paragraph("Procesbegeleider", s.cell_bold)]]
    for table in ronde.tables:
        rows.append([Paragraph(text(table.label or "–"), s.cell_bold),
                     Paragraph(text(theme_title(library, table.theme_id)), s.cell),
                     Paragraph(text(table.procesbegeleider), s.cell)])
    grid = Table(rows, colWidths=[label_width, width - label_width - person_width,
                                  person_width], hAlign="LEFT", repeatRows=1)
    grid.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return grid


def _scan_box(dagdeel: Dagdeel, s: _PrintStyles) -> list[Flowable]:
    code = text(dagdeel.join_code)
    box = Table([[Paragraph(
        f"<b>Doe mee met je telefoon.</b> Scan de QR-code op je tafel of op het scherm, kies "
        f"je rol en volg het scherm. Lukt scannen niet? Ga naar het adres op het scherm en "
        f"typ de code <b>{code}</b>.", s.scan)]],
        colWidths=[FRAME_WIDTH])
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, ACCENT),
        ("LINEBEFORE", (0, 0), (0, -1), 4, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]))
    return [box]


def _print_footer(dagdeel: Dagdeel):
    footer = line(f"ZET — {dagdeel.locatie} — {dutch_date(dagdeel.datum)}")

    def draw(canvas: Canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.5)
        room = FRAME_WIDTH - 60
        canvas.drawString(MARGIN, 11 * mm, fit(footer, FONT, 7.5, room))
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 11 * mm, f"Pagina {doc.page}")
        canvas.restoreState()

    return draw


# ---------------------------------------------------------------- join card

def join_card_pdf(dagdeel: Dagdeel, join_url: str) -> bytes:
    """One A4 for on the tables: 'Doe mee met ZET', where and when, a large QR code of
    ``join_url``, the join code in very large letters, the address and three steps."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(f"Doe mee met ZET — {dagdeel.locatie}")
    canvas.setAuthor("ZET-app")
    canvas.setSubject("Deelnamekaart met QR-code (ZelfEvaluatieTool)")
    canvas.setCreator("ZET-app")
    centre = PAGE_WIDTH / 2
    width = PAGE_WIDTH - 2 * MARGIN

    y = PAGE_HEIGHT - 22 * mm
    canvas.setFillColor(ACCENT)
    canvas.setFont(FONT_BOLD, 10)
    canvas.drawCentredString(centre, y, "ZET · ZELFEVALUATIETOOL KWALITEITSONTWIKKELING")
    y -= 17 * mm
    canvas.setFillColor(INK)
    _centred(canvas, "Doe mee met ZET", FONT_BOLD, 40, centre, y, width)
    y -= 4 * mm
    y = _locatie(canvas, strip_control(dagdeel.locatie), y, width)
    canvas.setFillColor(MUTED)
    y -= 6 * mm
    _centred(canvas, dutch_date(dagdeel.datum), FONT, 13, centre, y, width)
    if dagdeel.titel:
        y -= 6 * mm
        _centred(canvas, line(dagdeel.titel), FONT, 11, centre, y, width)

    # Everything below the QR code has a fixed place; the code gets the room that is left
    # (112 mm unless a long locatie or a title takes more lines).
    bottom = PAGE_HEIGHT - 175 * mm
    qr_size = min(112 * mm, y - 5 * mm - bottom)
    # The same QR code as on the join screen (zet.qr), sharp edges at any size.
    image = ImageReader(io.BytesIO(qr_png(join_url, box_size=16, border=2)))
    canvas.drawImage(image, centre - qr_size / 2, bottom, qr_size, qr_size)
    y = bottom

    y -= 9 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 11)
    canvas.drawCentredString(centre, y, "DEELNAMECODE")
    y -= 24 * mm
    canvas.setFillColor(INK)
    _spaced(canvas, strip_control(dagdeel.join_code), FONT_BOLD, 68, centre, y, width)
    y -= 11 * mm
    canvas.setFillColor(ACCENT)
    _centred(canvas, strip_control(join_url), FONT, 12, centre, y, width, minimum=7)

    y -= 10 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
    _steps(canvas, y - 8 * mm)

    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(centre, 12 * mm, "Geen app of account nodig. Namen komen niet in "
                                              "het verslag.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _locatie(canvas: Canvas, value: str, top: float, room: float) -> float:
    """The locatie centred on at most two lines (smaller if needed); returns the baseline
    of the last line."""
    size = 15.0
    style = ParagraphStyle("card_locatie", fontName=FONT, fontSize=size, leading=size * 1.2,
                           textColor=MUTED, alignment=1)
    paragraph = Paragraph(text(value), style)
    _w, height = paragraph.wrap(room, 1000)
    while height > 2 * style.leading + 1 and size > 10:
        size -= 1
        style = ParagraphStyle("card_locatie", parent=style, fontSize=size, leading=size * 1.2)
        paragraph = Paragraph(text(value), style)
        _w, height = paragraph.wrap(room, 1000)
    if height > 2 * style.leading + 1:  # still too long: one shortened line
        _centred(canvas, line(value), FONT, size, PAGE_WIDTH / 2, top - size, room)
        return top - size
    paragraph.drawOn(canvas, MARGIN + (PAGE_WIDTH - 2 * MARGIN - room) / 2, top - height)
    return top - height + (style.leading - size)


def _centred(canvas: Canvas, value: str, font: str, size: float, x: float, y: float,
             room: float, minimum: float = 9) -> None:
    """One centred line, made smaller (down to ``minimum``) and then shortened to fit."""
    while size > minimum and stringWidth(value, font, size) > room:
        size -= 0.5
    canvas.setFont(font, size)
    canvas.drawCentredString(x, y, fit(value, font, size, room))


def _spaced(canvas: Canvas, value: str, font: str, size: float, x: float, y: float,
            room: float) -> None:
    """The join code letter-spaced, so it reads from across the table."""
    spacing = size * 0.25
    while size > 12:
        total = sum(stringWidth(ch, font, size) for ch in value) + spacing * (len(value) - 1)
        if total <= room:
            break
        size -= 2
        spacing = size * 0.25
    total = sum(stringWidth(ch, font, size) for ch in value) + spacing * max(len(value) - 1, 0)
    cursor = x - total / 2
    canvas.setFont(font, size)
    for ch in value:
        canvas.drawString(cursor, y, ch)
        cursor += stringWidth(ch, font, size) + spacing


def _steps(canvas: Canvas, top: float) -> None:
    """Three numbered steps side by side."""
    column = (PAGE_WIDTH - 2 * MARGIN) / 3
    title_style = ParagraphStyle("step_title", fontName=FONT_BOLD, fontSize=12, leading=15,
                                 textColor=INK)
    body_style = ParagraphStyle("step_body", fontName=FONT, fontSize=9.5, leading=12.5,
                                textColor=INK)
    radius = 5.5 * mm
    for index, (title, body) in enumerate(JOIN_STEPS):
        left = MARGIN + index * column
        cx, cy = left + radius, top - radius
        canvas.setFillColor(ACCENT)
        canvas.circle(cx, cy, radius, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, 14)
        canvas.drawCentredString(cx, cy - 5, str(index + 1))
        text_left = left + 2 * radius + 3 * mm
        room = column - 2 * radius - 6 * mm
        heading = Paragraph(text(title), title_style)
        _w, h1 = heading.wrap(room, 100)
        heading.drawOn(canvas, text_left, top - h1 - 1)
        paragraph = Paragraph(text(body), body_style)
        _w, h2 = paragraph.wrap(room, 200)
        paragraph.drawOn(canvas, text_left, top - h1 - 3 - h2)
