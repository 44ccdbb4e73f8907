"""The toolkit every ZET PDF shares: A4 page and margins, colours, paragraph styles, safe
text, the document set-up, tables and the numbered footer.

The group report (``group_pdf``), the dagdeel report (``dagdeel_pdf``) and the prints
(``print_pdf``) are built from these parts; a change here shows in all of them.
Everything participants typed is plain text and goes through ``text`` before it reaches
reportlab's Paragraph markup, so ``<b>`` or ``&`` in an answer is printed as typed.
"""
from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import _ktAllow

from zet.export import dutch_date, dutch_datetime, strip_control
from zet.export.fonts import FONT, FONT_BOLD, register_fonts
from zet.export.scripts import font_runs, visual
from zet.room.dagdelen import Dagdeel

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
RULE = colors.HexColor("#CBD2D9")
SHADE = colors.HexColor("#F0F4F8")
ACCENT = colors.HexColor("#1F5F8B")
WARN_BG = colors.HexColor("#FFF4DB")
WARN_LINE = colors.HexColor("#E0A526")
NU_COLOR = colors.HexColor("#8AA6C1")
GEWENST_COLOR = colors.HexColor("#1F5F8B")

def text(value: object) -> str:
    """Plain text (from participants or content) as safe Paragraph markup, in every script:
    right-to-left text shaped (and put in drawing order line by line as it is printed),
    emoji in the fallback font (``scripts``)."""
    lines = strip_control(str(value or "")).replace("\r\n", "\n").split("\n")
    return "<br/>".join(font_runs(part) for part in lines)


def line(value: object) -> str:
    """Plain text for one canvas line (footers, cards): control characters out, right-to-left
    text shaped and ordered. A canvas line has one font, so emoji stay boxes there."""
    return visual(strip_control(str(value or "")).replace("\n", " "))



class Styles:
    """The paragraph styles every ZET PDF shares (group report, dagdeel report, prints)."""

    def __init__(self) -> None:
        base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13.5, textColor=INK,
                              alignment=TA_LEFT)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11.5)
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.kicker = ParagraphStyle("kicker", parent=base, fontSize=9, textColor=ACCENT,
                                     fontName=FONT_BOLD, spaceAfter=2)
        self.title = ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=20,
                                    leading=25, spaceAfter=4)
        self.h1 = ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=13,
                                 leading=17, textColor=ACCENT, spaceBefore=12, spaceAfter=5,
                                 keepWithNext=1)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=10.5,
                                 leading=14, spaceBefore=7, spaceAfter=3, keepWithNext=1)
        self.label = ParagraphStyle("label", parent=base, fontName=FONT_BOLD, textColor=MUTED,
                                    fontSize=8.5, leading=13.5)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=FONT_BOLD)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=1)
        self.warn = ParagraphStyle("warn", parent=base, fontName=FONT_BOLD)
        self.numbered = ParagraphStyle("numbered", parent=base, leftIndent=17, bulletIndent=0,
                                       bulletFontName=FONT, bulletFontSize=9.5, spaceAfter=2.5)



TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 20 * mm
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN
FRAME_PADDING = 6  # reportlab's default padding inside a page's frame, on every side
# A section that does not start on the page it follows leaves at least this much of that
# page filled: a section only moves to a new page when less than 40 % of it is free.
SECTION_ROOM = 0.4 * FRAME_HEIGHT


class KeptDocTemplate(SimpleDocTemplate):
    """A document whose headings stay with what follows, also when that is a block kept
    together (a table in ``KeepTogether``): reportlab's own ``keepWithNext`` cannot take a
    ``KeepTogether`` into its group and left the heading alone at the foot of the page."""

    def handle_keepWithNext(self, flowables: list[Flowable]) -> None:
        run = 0
        while (run < len(flowables) and flowables[run].getKeepWithNext()
               and _ktAllow(flowables[run])):
            run += 1
        if run and run < len(flowables) and isinstance(flowables[run], KeepTogether):
            for heading in flowables[:run]:
                heading.__dict__["keepWithNext"] = 0
            flowables[:run + 1] = [KeepTogether([*flowables[:run],
                                                 *flowables[run]._content])]
            return
        super().handle_keepWithNext(flowables)


class _SectionRule(Flowable):
    """A rule with room around it between two sections on one page; nothing at the top of
    a page (the frame's whole height is still available there)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = False
        self.keepWithNext = 1  # with the heading of the section it opens

    def wrap(self, avail_width, avail_height):
        self.shown = avail_height < FRAME_HEIGHT - 2 * FRAME_PADDING - 1
        self.width = avail_width
        self.height = 12 * mm if self.shown else 0
        return self.width, self.height

    def draw(self) -> None:
        if self.shown:
            self.canv.setStrokeColor(RULE)
            self.canv.setLineWidth(1.2)
            self.canv.line(0, 7 * mm, self.width, 7 * mm)


def section_start() -> list[Flowable]:
    """Where a section (a theme group) begins: on this page, below a rule, if enough of it
    is free; else on the next. So no page is left nearly empty by the section before."""
    return [CondPageBreak(SECTION_ROOM), _SectionRule()]


def a4_document(buffer: io.BytesIO, *, title: str, subject: str,
                bottom_margin: float = BOTTOM_MARGIN,
                template: type[SimpleDocTemplate] = KeptDocTemplate) -> Any:
    """An A4 document with the ZET margins and metadata; registers the fonts first."""
    register_fonts()
    return template(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                    topMargin=TOP_MARGIN, bottomMargin=bottom_margin, title=strip_control(title),
                    author="ZET-app", subject=subject, creator="ZET-app")


def footer_lines(dagdeel: Dagdeel, made_at: datetime) -> tuple[str, str]:
    """The two footer lines of every page: where and when, and when the PDF was made."""
    return (line(f"ZET — {dagdeel.locatie} — {dutch_date(dagdeel.datum)}"),
            f"Gemaakt op {dutch_datetime(made_at)}")


def facts_table(rows: list[tuple[str, str]], s: Styles) -> Table:
    """Label/value lines of a report's header, without grid."""
    table = Table([[Paragraph(label, s.label), Paragraph(value, s.body)] for label, value in rows],
                  colWidths=[42 * mm, FRAME_WIDTH - 42 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def role_count_table(counts: dict[str, int], s: Styles) -> Table:
    """Participants per role with a total: counts only, never names."""
    rows = [[Paragraph("Rol", s.cell_bold), Paragraph("Aantal", s.cell_bold)]]
    rows += [[Paragraph(text(role), s.cell), str(count)] for role, count in counts.items()]
    rows.append([Paragraph("Totaal", s.cell_bold), str(sum(counts.values()))])
    table = Table(rows, colWidths=[95 * mm, 22 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("FONTNAME", (1, -1), (1, -1), FONT_BOLD),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, MUTED),
    ]))
    return table


def notice(markup: str, s: Styles, width: float = FRAME_WIDTH) -> Table:
    """A yellow box with a bold warning, e.g. for a list the group has not confirmed."""
    box = Table([[Paragraph(markup, s.warn)]], colWidths=[width])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), WARN_BG),
        ("LINEBEFORE", (0, 0), (0, -1), 3, WARN_LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return box


def grid_style(extra: list[tuple]) -> TableStyle:
    """The light grid of every data table: shaded header row, thin rules."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        *extra,
    ])


CELL_PADDING = 12  # left + right padding of a table cell (reportlab's 6 points each)


def header_cell(value: str, width: float, style: ParagraphStyle,
                smallest: float = 6.5) -> Paragraph:
    """A table header that breaks between words only, never inside one: the font shrinks
    (down to ``smallest``) until the longest word fits the column, and reportlab's splitting
    of long words is off. ``value`` is plain text."""
    words = strip_control(value).split() or [""]
    font = style.fontName
    size = style.fontSize
    room = width - CELL_PADDING
    while size > smallest and max(stringWidth(w, font, size) for w in words) > room:
        size -= 0.5
    fitted = ParagraphStyle(f"{style.name}_fit", parent=style, fontSize=size,
                            leading=size * style.leading / style.fontSize, splitLongWords=0,
                            hyphenationLang="")
    return Paragraph(text(value), fitted)


def word_room(values: list[str], font: str, size: float) -> float:
    """The column width in which the longest word of ``values`` fits at ``size``."""
    words = [w for value in values for w in strip_control(value).split()] or [""]
    return max(stringWidth(w, font, size) for w in words) + CELL_PADDING


def fit(value: str, font: str, size: float, room: float) -> str:
    """Shorten a one-line text with '…' until it fits in ``room`` points."""
    if stringWidth(value, font, size) <= room:
        return value
    while value and stringWidth(value + "…", font, size) > room:
        value = value[:-1]
    return value.rstrip() + "…"


def numbered_canvas(footer: tuple[str, str]) -> type[Canvas]:
    """A canvas that knows the page count, for 'Pagina x van y' in the footer.

    Pages are held back until the end; bookmarks (for the PDF outline) are held back with
    their page, or they would all point at the first page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._page_bookmarks: list[tuple[str, dict]] = []

        def bookmarkPage(self, key, **kwargs):
            self._page_bookmarks.append((key, kwargs))

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._page_bookmarks = []
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                for key, kwargs in self._page_bookmarks:
                    Canvas.bookmarkPage(self, key, **kwargs)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            self.saveState()
            y = 12 * mm
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 9, PAGE_WIDTH - MARGIN, y + 9)
            self.setFillColor(MUTED)
            self.setFont(FONT, 7.5)
            page = f"Pagina {self._pageNumber} van {total}"
            room = FRAME_WIDTH - stringWidth(page, FONT, 7.5) - 12
            self.drawString(MARGIN, y, fit(footer[0], FONT, 7.5, room))
            self.drawRightString(PAGE_WIDTH - MARGIN, y, page)
            self.setFont(FONT, 6.5)
            self.drawString(MARGIN, y - 9, footer[1])
            self.restoreState()

    return NumberedCanvas
