"""The partnership report as a PDF, organised by the four waarborgen: per waarborg its
themes, where the locaties stand (nu → gewenst), how that moved over the years, the rode
lijnen in sterke punten and ontwikkelpunten, and the open actions. Built from the shared
``pdf_kit``; no names of participants (there are none in the data it reads)."""
from __future__ import annotations

import io

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from zet.content.model import SCENARIO_NAMES
from zet.export import dutch_date, dutch_datetime, strip_control
from zet.export.fonts import FONT
from zet.export.pdf_kit import (
    ACCENT,
    FRAME_WIDTH,
    MUTED,
    RULE,
    SHADE,
    Styles,
    a4_document,
    facts_table,
    fit,
    grid_style,
    numbered_canvas,
    text,
)
from zet.partnership_report import PartnershipReport, WaarborgSection
from zet.rode_lijnen import Line

MAX_LOCATIE_COLUMNS = 5


class _Styles(Styles):
    def __init__(self) -> None:
        super().__init__()
        self.small_indent = ParagraphStyle("small_indent", parent=self.small, leftIndent=17,
                                           spaceAfter=1)

INTRO = ("Dit verslag bundelt wat de locaties in hun ZET-dagdelen zelf over de kwaliteit van "
         "Samen Opleiden zeiden. Het volgt de vier waarborgen van het Kwaliteitskader en kan "
         "dienen als bouwsteen voor de kritische reflectie van een ontwikkelingsgerichte peer "
         "review. Het is geen oordeel van buitenaf: de groepen bepaalden zelf waar ze staan en "
         "waar ze naartoe willen.")


def period(report: PartnershipReport) -> str:
    if report.jaar is not None:
        return str(report.jaar)
    years = report.years
    if not years:
        return "nog geen dagdelen"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def partnership_report_pdf(report: PartnershipReport) -> bytes:
    buffer = io.BytesIO()
    name = report.partnership.naam
    doc = a4_document(buffer, title=f"ZET-verslag {name} {period(report)}",
                      subject="Verslag van de opleidingsschool per waarborg (ZelfEvaluatieTool)")
    s = _Styles()
    story: list[Flowable] = _cover(report, s)
    for number, section in enumerate(report.sections, start=1):
        story += [PageBreak(), *_section(report, section, number, s)]
    where = f" — {report.locatie.naam}" if report.locatie else ""
    footer = (strip_control(f"ZET — {name}{where} — {period(report)}"),
              f"Gemaakt op {dutch_datetime(report.made_at)}")
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


# ---------------------------------------------------------------- cover

def _cover(report: PartnershipReport, s: Styles) -> list[Flowable]:
    locaties = ([report.locatie.naam] if report.locatie
                else [loc.naam for loc in report.locaties])
    rows = [("Periode", text(period(report))),
            ("Locatie" if report.locatie else "Locaties", text(", ".join(locaties) or "–")),
            ("Dagdelen", text(str(len(report.dagdelen)))),
            ("Themagroepen", text(str(len(report.outcomes)))),
            ("Verslag gemaakt op", text(dutch_datetime(report.made_at)))]
    story: list[Flowable] = [
        Paragraph("ZET · verslag van de opleidingsschool", s.kicker),
        Paragraph(text(report.partnership.naam), s.title),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=8),
        facts_table(rows, s), Spacer(1, 6), Paragraph(INTRO, s.body),
        Paragraph("De vier waarborgen in één oogopslag", s.h1),
    ]
    head = ["Waarborg", "Thema's", "Sterke punten", "Ontwikkel­punten", "Open acties"]
    table_rows: list[list] = [[Paragraph(h, s.cell_bold) for h in head]]
    for section in report.sections:
        table_rows.append([
            Paragraph(f"<b>{text(section.waarborg)}</b>", s.cell),
            Paragraph(text(", ".join(t.titel for t in section.themes)), s.cell),
            str(sum(len(line.points) for line in section.strong)),
            str(sum(len(line.points) for line in section.develop)),
            str(len(section.actions))])
    widths = [34 * mm, 0, 22 * mm, 24 * mm, 20 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    table = Table(table_rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (2, 1), (-1, -1), "CENTER")]))
    story += [table, Spacer(1, 4), Paragraph(
        "Een thema hoort volgens Tabel 1 van de handleiding bij één of meer waarborgen; een "
        "punt telt mee bij elke waarborg van zijn thema. Scenario's: " + " · ".join(
            f"{n}. {text(name)}" for n, name in enumerate(SCENARIO_NAMES, start=1)) + ".",
        s.muted)]
    return story


# ---------------------------------------------------------------- per waarborg

def _section(report: PartnershipReport, section: WaarborgSection, number: int,
             s: _Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(f"ZET · waarborg {number} van {len(report.sections)}", s.kicker),
        Paragraph(text(section.waarborg), s.title),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=6),
    ]
    story += _themes(report, section, s)
    story += _picture(report, section, s)
    story += _trend(report, section, s)
    story += _lines("Sterke punten", section.strong, s,
                    "Geen bevestigde sterke punten bij deze thema's in deze periode.")
    story += _lines("Ontwikkelpunten", section.develop, s,
                    "Geen bevestigde ontwikkelpunten bij deze thema's in deze periode.")
    story += _actions(report, section, s)
    return story


def _themes(report: PartnershipReport, section: WaarborgSection,
            s: Styles) -> list[Flowable]:
    counts = {t.id: sum(1 for o in report.outcomes if o.theme_id == t.id)
              for t in section.themes}
    items = [f"{text(t.titel)} <font color='#616E7C'>— {counts[t.id]} "
             f"{'groep' if counts[t.id] == 1 else 'groepen'}</font>" for t in section.themes]
    return [Paragraph("Thema's bij deze waarborg", s.h2),
            Paragraph(" · ".join(items), s.body),
            Paragraph(f"Aantal themagroepen in {text(period(report))}.", s.muted)]


def _theme_title(report: PartnershipReport, theme_id: str) -> str:
    theme = report.library.themes.get(theme_id)
    return theme.titel if theme else theme_id


def _picture(report: PartnershipReport, section: WaarborgSection,
             s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Waar staan de locaties? (nu → gewenst)", s.h1)]
    if not section.picture:
        return [*story, Paragraph("Nog geen vastgesteld scenario bij deze thema's.", s.body)]
    locaties = sorted({o.locatie for o in section.picture})
    cells = {(o.theme_id, o.locatie): o for o in section.picture}
    themes = [t for t in section.themes if any(o.theme_id == t.id for o in section.picture)]
    for start in range(0, len(locaties), MAX_LOCATIE_COLUMNS):
        chunk = locaties[start:start + MAX_LOCATIE_COLUMNS]
        rows: list[list] = [[Paragraph("Thema", s.cell_bold),
                             *[Paragraph(text(loc), s.cell_bold) for loc in chunk]]]
        for theme in themes:
            row: list = [Paragraph(text(theme.titel), s.cell)]
            for loc in chunk:
                outcome = cells.get((theme.id, loc))
                row.append(Paragraph(
                    "–" if outcome is None else
                    f"<b>{_n(outcome.nu)} → {_n(outcome.gewenst)}</b> "
                    f"<font size='7' color='#616E7C'>({outcome.jaar})</font>", s.cell_center))
            rows.append(row)
        column = min(30 * mm, (FRAME_WIDTH - 50 * mm) / len(chunk))
        table = Table(rows, colWidths=[FRAME_WIDTH - column * len(chunk)]
                      + [column] * len(chunk), hAlign="LEFT", repeatRows=1)
        table.setStyle(grid_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("ALIGN", (1, 0), (-1, -1), "CENTER")]))
        story += [table, Spacer(1, 4)]
    story.append(Paragraph("Per locatie en thema de laatste keer dat een groep het besprak "
                           "(jaar tussen haakjes).", s.muted))
    return story


def _trend(report: PartnershipReport, section: WaarborgSection,
           s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Ontwikkeling over de jaren", s.h2)]
    years = sorted({y.jaar for y in section.trend})
    if len(years) < 2:
        return [*story, Paragraph("Voor een ontwikkeling zijn dagdelen in minstens twee jaren "
                                  "nodig.", s.body)]
    by = {(y.theme_id, y.jaar): y for y in section.trend}
    themes = [t for t in section.themes if any(y.theme_id == t.id for y in section.trend)]
    rows: list[list] = [[Paragraph("Thema", s.cell_bold),
                         *[Paragraph(str(y), s.cell_bold) for y in years],
                         Paragraph("Verschil nu", s.cell_bold)]]
    for theme in themes:
        seen = [by[(theme.id, y)] for y in years if (theme.id, y) in by]
        first, last = seen[0], seen[-1]
        change = ((last.nu or 0) - (first.nu or 0)) if len(seen) > 1 else None
        rows.append([Paragraph(text(theme.titel), s.cell),
                     *[Paragraph(_pair(by.get((theme.id, y))), s.cell_center) for y in years],
                     Paragraph(_change(change), s.cell_center)])
    column = min(24 * mm, (FRAME_WIDTH - 70 * mm) / (len(years) + 1))
    table = Table(rows, colWidths=[FRAME_WIDTH - column * (len(years) + 1)]
                  + [column] * (len(years) + 1), hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([("ALIGN", (1, 0), (-1, -1), "CENTER"),
                               ("LINEBEFORE", (-1, 0), (-1, -1), 0.8, MUTED)]))
    chart = _trend_chart(themes, years, by)
    note = Paragraph("Gemiddelde van de groepsbesluiten per jaar, nu → gewenst. Verschil nu: "
                     "hoeveel het nu-scenario verschoof van het eerste naar het laatste jaar "
                     "waarin het thema besproken werd.", s.muted)
    # One flat KeepTogether with its heading: a KeepTogether nested in another (or after a
    # keepWithNext heading) claims an endless height and jumps to a new page.
    return [KeepTogether([*story, chart, table, Spacer(1, 3), note])]


LINE_COLORS = ["#1F5F8B", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288"]


def _trend_chart(themes, years: list[int], by: dict) -> Drawing:
    """Where the groups say they stand now (scenario 1–4), one line per theme over the
    years; a year without a dagdeel on that theme leaves a gap."""
    width, height = FRAME_WIDTH, 58 * mm
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 16
    chart.width, chart.height = width * 0.58, height - 32
    chart.data = [[by[(t.id, y)].nu if (t.id, y) in by and by[(t.id, y)].nu is not None
                   else None for y in years] for t in themes]
    chart.categoryAxis.categoryNames = [str(y) for y in years]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 1, 4, 1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.joinedLines = True
    for index in range(len(themes)):
        color = colors.HexColor(LINE_COLORS[index % len(LINE_COLORS)])
        chart.lines[index].strokeColor = color
        chart.lines[index].strokeWidth = 2
        chart.lines[index].symbol = makeMarker("FilledCircle", size=4.5, fillColor=color,
                                               strokeColor=color)
    drawing.add(chart)
    title = String(0, height - 6, "Nu-scenario per thema (1 Individuele begeleiding – "
                   "4 Co-creatie en innovatie)", fontName=FONT, fontSize=7.5, fillColor=MUTED)
    drawing.add(title)
    legend = Legend()
    legend.fontName, legend.fontSize = FONT, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.x, legend.y = chart.x + chart.width + 24, height - 16
    legend.dx = legend.dy = 7
    legend.deltay = 10
    legend.colorNamePairs = [(colors.HexColor(LINE_COLORS[i % len(LINE_COLORS)]),
                              fit(t.titel, FONT, 7.5, width - legend.x - 20))
                             for i, t in enumerate(themes)]
    drawing.add(legend)
    return drawing


def _lines(title: str, found: list[Line], s: _Styles, empty: str) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(title, s.h1)]
    if not found:
        return [*story, Paragraph(empty, s.body)]
    for number, line in enumerate(found, start=1):
        count = len(line.locaties)
        where = (f"{count} locaties: {', '.join(line.locaties)}" if count > 1
                 else line.locaties[0])
        years = sorted({p.jaar for p in line.points})
        when = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        label = "<b>Groep:</b> " if line.puntgroep_id is not None else ""
        item = [Paragraph(
            f"{label}{text(line.title)} <font size='8' color='#616E7C'>"
            f"({text(where)}; {when})</font>", s.numbered, bulletText=f"{number}.")]
        others = list(dict.fromkeys(p.text for p in line.points if p.text != line.title))
        item += [Paragraph(f"<font color='#616E7C'>„{text(other)}”</font>", s.small_indent)
                 for other in others[:4]]
        for paragraph in item[:-1]:  # a point stays with its quotes (flat keepWithNext chain)
            paragraph.keepWithNext = True
        story += item
    return story


def _actions(report: PartnershipReport, section: WaarborgSection,
             s: Styles) -> list[Flowable]:
    heading = Paragraph("Open acties", s.h1)
    if not section.actions:
        return [heading, Paragraph("Geen open acties bij deze thema's.", s.body)]
    story: list[Flowable] = []
    for action in section.actions:
        rows = [[Paragraph(f"<b>{text(action.ontwikkelpunt)}</b><br/><font size='8' "
                           f"color='#616E7C'>{text(action.locatie)} · "
                           f"{text(_theme_title(report, action.theme_id))} · sinds "
                           f"{text(dutch_date(action.created_at.date()))}</font>", s.cell), ""]]
        for label, value in (("Tevreden als", action.tevreden),
                             ("Verantwoordelijk", action.verantwoordelijk),
                             ("Hoe", action.aanpak), ("Tijdpad", action.tijdpad)):
            rows.append([Paragraph(label, s.label), Paragraph(text(value or "–"), s.cell)])
        table = Table(rows, colWidths=[36 * mm, FRAME_WIDTH - 36 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0),
                                                                SHADE),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        # The heading rides in the first action's KeepTogether (never two nested).
        story += [KeepTogether([heading, table] if not story else [table]), Spacer(1, 5)]
    return story


def _n(value: float | int | None) -> str:
    return "–" if value is None else str(value)


def _decimal(value: float | None) -> str:
    """2 -> '2', 2.5 -> '2,5' (Dutch decimal comma, one decimal)."""
    if value is None:
        return "–"
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}".replace(".", ",")


def _pair(year) -> str:
    if year is None:
        return "–"
    return f"{_decimal(year.nu)} → {_decimal(year.gewenst)}"


def _change(change: float | None) -> str:
    if change is None:
        return "–"
    if abs(change) < 0.05:
        return "gelijk"
    sign = "+" if change > 0 else "−"
    return f"{sign}{_decimal(abs(change))}"


