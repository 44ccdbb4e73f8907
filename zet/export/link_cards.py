"""Cards for the procesbegeleiders of a dagdeel: per table a QR code of its control link,
to hand out before the rounds. The links are secrets, so they are printed, never shown on
the projector.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from zet.export import dutch_date
from zet.export.pdf_kit import (
    FRAME_WIDTH,
    RULE,
    Styles,
    a4_document,
    footer_lines,
    numbered_canvas,
    text,
)
from zet.qr import qr_png
from zet.room.dagdelen import Dagdeel


@dataclass(frozen=True)
class LinkCard:
    """One table's card: where, what, who, and the two addresses."""
    ronde: int
    tafel: str
    theme: str
    procesbegeleider: str
    control_url: str
    screen_url: str


def link_cards_pdf(dagdeel: Dagdeel, cards: list[LinkCard], made_at: datetime) -> bytes:
    """Two cards across, cut along the lines: one per table of every round."""
    buffer = io.BytesIO()
    doc = a4_document(buffer, title=f"Links procesbegeleiders — {dagdeel.locatie}",
                      subject="Bedieningslinks per tafel (ZelfEvaluatieTool)")
    s = Styles()
    width = FRAME_WIDTH / 2
    cells = [_card(card, s, width) for card in cards]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    story = [Paragraph("ZET · links voor de procesbegeleiders", s.kicker),
             Paragraph(text(f"{dagdeel.locatie} · {dutch_date(dagdeel.datum)}"), s.h1),
             Paragraph("Geef elke procesbegeleider de kaart van de eigen tafel. De QR-code "
                       "opent de bediening van die groep; deel hem niet met deelnemers en zet "
                       "hem niet op de beamer.", s.body), Spacer(1, 6)]
    if rows:
        grid = Table(rows, colWidths=[width, width])
        grid.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]))
        story.append(grid)
    else:
        story.append(Paragraph("Dit dagdeel heeft nog geen tafels.", s.body))
    doc.build(story, canvasmaker=numbered_canvas(footer_lines(dagdeel, made_at)))
    return buffer.getvalue()


def _card(card: LinkCard, s: Styles, width: float) -> KeepTogether:
    qr = Image(io.BytesIO(qr_png(card.control_url, box_size=8, border=2)), 46 * mm, 46 * mm)
    label = f"tafel {card.tafel}" if card.tafel else "de groep"
    return KeepTogether([
        Paragraph(f"Ronde {card.ronde} · {text(label)}", s.h1),
        Paragraph(f"<b>{text(card.theme)}</b>", s.body),
        Paragraph(text(f"procesbegeleider: {card.procesbegeleider}"), s.small),
        Spacer(1, 4), qr,
        Paragraph("Bediening (geheim):", s.label),
        Paragraph(text(card.control_url), s.small),
        Paragraph("Beamerscherm van deze tafel:", s.label),
        Paragraph(text(card.screen_url), s.small),
    ])


def quickscan_card_pdf(dagdeel: Dagdeel, url: str, code: str, minutes: int,
                       made_at: datetime) -> bytes:
    """One A4 to hang up or hand out: what the quickscan is, its QR code, code and link."""
    buffer = io.BytesIO()
    doc = a4_document(buffer, title=f"Quickscan — {dagdeel.locatie}",
                      subject="QR-kaart van de quickscan vooraf (ZelfEvaluatieTool)")
    s = Styles()
    big = ParagraphStyle("code", parent=s.h1, fontSize=48, leading=56, alignment=TA_CENTER)
    story = [
        Paragraph("ZET · quickscan vooraf", s.kicker),
        Paragraph(text(f"{dagdeel.locatie} · dagdeel van {dutch_date(dagdeel.datum)}"), s.h1),
        Paragraph(text(f"Vul vóór het dagdeel de quickscan in: ongeveer {minutes} minuten, op "
                       "je telefoon, zonder account. Je kiest je rol en geeft per uitspraak "
                       "aan hoe je het zou willen en hoe het nu is. Je naam wordt niet "
                       "gevraagd; alleen wat een rolgroep van minstens drie mensen samen "
                       "antwoordde, komt in de uitkomst."), s.body),
        Spacer(1, 8 * mm),
        Image(io.BytesIO(qr_png(url, box_size=16, border=2)), 100 * mm, 100 * mm),
        Spacer(1, 6 * mm),
        Paragraph("Code", s.label),
        Paragraph(text(code), big),
        Spacer(1, 4 * mm),
        Paragraph("Of open deze link:", s.label),
        Paragraph(text(url), s.body),
    ]
    doc.build(story, canvasmaker=numbered_canvas(footer_lines(dagdeel, made_at)))
    return buffer.getvalue()
