"""The partnership report as a PDF, organised by the four waarborgen: per waarborg its
themes, where the locaties stand (nu → gewenst), how that moved over the years, the rode
lijnen in sterke punten and ontwikkelpunten, and the open actions; then what the quickscans
before the dagdelen said, per locatie and year. Built from the shared
``pdf_kit``; no names of participants (there are none in the data it reads)."""
from __future__ import annotations

import io

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
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
    header_cell,
    numbered_canvas,
    text,
    word_room,
)
from zet.export.quickscan_exports import INTRO as QUICKSCAN_INTRO
from zet.export.quickscan_exports import sections_story
from zet.programme.partnership_report import PartnershipReport, WaarborgSection
from zet.programme.reflection import summarise
from zet.programme.rode_lijnen import Line
from zet.room.scenarios import SCENARIO_COLORS

MAX_LOCATIE_COLUMNS = 5


class _Styles(Styles):
    def __init__(self) -> None:
        super().__init__()
        self.small_indent = ParagraphStyle("small_indent", parent=self.small, leftIndent=17,
                                           spaceAfter=1)
        self.head_center = ParagraphStyle("head_center", parent=self.cell_bold, alignment=1)

INTRO = ("Dit verslag bundelt wat de locaties in hun ZET-dagdelen zelf over de kwaliteit van "
         "Samen Opleiden zeiden. Het volgt de vier waarborgen van het Kwaliteitskader en kan "
         "dienen als bouwsteen voor de kritische reflectie van een ontwikkelingsgerichte peer "
         "review. Het is geen oordeel van buitenaf: de groepen bepaalden zelf waar ze staan en "
         "waar ze naartoe willen. Per waarborg opent het met een samenvatting op één pagina, "
         "om over te nemen in de kritische reflectie.")


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
        story += [PageBreak(), *_summary(report, section, number, s)]
    for number, section in enumerate(report.sections, start=1):
        story += [PageBreak(), *_section(report, section, number, s)]
    story += [PageBreak(), *_quickscan(report, s)]
    where = f" — {report.locatie.naam}" if report.locatie else ""
    footer = (strip_control(f"ZET — {name}{where} — {period(report)}"),
              f"Gemaakt op {dutch_datetime(report.made_at)}")
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


# ---------------------------------------------------------------- cover

def _cover(report: PartnershipReport, s: _Styles) -> list[Flowable]:
    locaties = ([report.locatie.naam] if report.locatie
                else [loc.naam for loc in report.locaties])
    rows = [("Periode", text(period(report))),
            ("Locatie" if report.locatie else "Locaties", text(", ".join(locaties) or "–")),
            ("Dagdelen", text(str(len(report.dagdelen)))),
            ("Themagroepen", text(str(len(report.outcomes)))),
            ("Quickscan vooraf", text(_quickscan_count(report))),
            ("Verslag gemaakt op", text(dutch_datetime(report.made_at)))]
    story: list[Flowable] = [
        Paragraph("ZET · verslag van de opleidingsschool", s.kicker),
        Paragraph(text(report.partnership.naam), s.title),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=8),
        facts_table(rows, s), Spacer(1, 6), Paragraph(INTRO, s.body),
        Paragraph("De vier waarborgen in één oogopslag", s.h1),
    ]
    widths = [34 * mm, 0, 20 * mm, 33 * mm, 18 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    head = ["Waarborg", "Thema's", "Sterke punten", "Ontwikkelpunten", "Open acties"]
    table_rows: list[list] = [[header_cell(h, w, s.cell_bold) for h, w in zip(head, widths)]]
    for section in report.sections:
        table_rows.append([
            header_cell(section.waarborg, widths[0], s.cell_bold),
            Paragraph(text(", ".join(t.titel for t in section.themes)), s.cell),
            str(sum(len(line.points) for line in section.strong)),
            str(sum(len(line.points) for line in section.develop)),
            str(len(section.actions))])
    table = Table(table_rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (2, 1), (-1, -1), "CENTER")]))
    story += [table, Spacer(1, 4), Paragraph(
        "Een thema hoort volgens Tabel 1 van de handleiding bij één of meer waarborgen. Een "
        "punt telt mee bij de waarborg waaronder het in de tab Rode lijnen is gezet, en anders "
        "bij elke waarborg van zijn thema. Scenario's: " + " · ".join(
            f"{n}. {text(name)}" for n, name in enumerate(SCENARIO_NAMES, start=1)) + ".",
        s.muted)]
    return story


# ---------------------------------------------------------------- quickscan

def _quickscan_count(report: PartnershipReport) -> str:
    if not report.quickscans:
        return "geen"
    people = sum(q.results.respondents for q in report.quickscans)
    scans = sum(q.quickscans for q in report.quickscans)
    return f"{people} invuller(s) in {scans} quickscan(s)"


def _quickscan(report: PartnershipReport, s: _Styles) -> list[Flowable]:
    """The last chapter: per locatie and year, the waarborgen first (as the report), then
    the themes. Only aggregates of role groups of at least three; after a purge the kept
    summary says the same."""
    return [Paragraph("ZET · quickscan vooraf", s.kicker),
            Paragraph("Wat de quickscan zei", s.title),
            HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=6),
            Paragraph(QUICKSCAN_INTRO, s.body),
            *sections_story(list(report.quickscans), s, by_theme_first=False)]


# ---------------------------------------------------------------- summary per waarborg

def _summary(report: PartnershipReport, section: WaarborgSection, number: int,
             s: _Styles) -> list[Flowable]:
    """One page that a programme manager can paste into the kritische reflectie."""
    found = summarise(report, section)
    story: list[Flowable] = [
        Paragraph(f"ZET · samenvatting voor de kritische reflectie ({number} van "
                  f"{len(report.sections)})", s.kicker),
        Paragraph(text(f"Waarborg {section.waarborg}"), s.title),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=6),
        Paragraph(text(f"Thema's: {', '.join(found.themes)}. Periode: {period(report)}."),
                  s.muted),
        Paragraph("Waar de locaties staan", s.h2), Paragraph(text(found.standing), s.body),
        Paragraph("Sterke punten", s.h2),
    ]

    def items(values: tuple[str, ...], empty: str, more: int = 0) -> list[Flowable]:
        if not values:
            return [Paragraph(empty, s.body)]
        listed = [Paragraph(text(v), s.numbered, bulletText="•") for v in values]
        if more:
            listed.append(Paragraph(f"en {more} meer (zie het hoofdstuk over deze waarborg)",
                                    s.muted))
        return listed

    story += items(found.strong, "Geen bevestigde sterke punten in deze periode.",
                   found.more_strong)
    story.append(Paragraph("Ontwikkelpunten die op meer locaties terugkomen", s.h2))
    story += items(found.recurring, "Geen: elk ontwikkelpunt kwam van één locatie.",
                   found.more_recurring)
    if found.single_develop:
        single = "ontwikkelpunt" if found.single_develop == 1 else "ontwikkelpunten"
        story.append(Paragraph(f"Daarnaast {found.single_develop} {single} van één locatie "
                               "(zie het hoofdstuk over deze waarborg).", s.muted))
    story.append(Paragraph(text(f"Acties ({found.action_counts})" if section.all_actions
                                else "Acties"), s.h2))
    story += items(found.actions, "Nog geen acties bij deze waarborg.",
                   max(0, len(section.all_actions) - len(found.actions)))
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
    if section.unplaced:
        story.append(Paragraph(
            f"{section.unplaced} {'punt telt' if section.unplaced == 1 else 'punten tellen'} "
            "ook bij een andere waarborg: het thema hoort bij meer waarborgen en niemand zette "
            "het punt onder één waarborg (dat kan in de tab Rode lijnen).", s.muted))
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
             s: _Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Waar staan de locaties? (nu → gewenst)", s.h1)]
    if not section.picture:
        return [*story, Paragraph("Nog geen vastgesteld scenario bij deze thema's.", s.body)]
    locaties = sorted({o.locatie for o in section.picture})
    cells = {(o.theme_id, o.locatie): o for o in section.picture}
    themes = [t for t in section.themes if any(o.theme_id == t.id for o in section.picture)]
    # As many locaties side by side as fit with their longest word at 7 pt or more: a head
    # never breaks inside a word (a long compound name gets a table with fewer columns).
    room = FRAME_WIDTH - 50 * mm
    need = word_room(locaties, s.head_center.fontName, 7)
    per_table = max(1, min(MAX_LOCATIE_COLUMNS, int(room // need)))
    for start in range(0, len(locaties), per_table):
        chunk = locaties[start:start + per_table]
        column = max(need, min(30 * mm, room / len(chunk)))
        rows: list[list] = [[Paragraph("Thema", s.cell_bold),
                             *[header_cell(loc, column, s.head_center) for loc in chunk]]]
        for theme in themes:
            row: list = [Paragraph(text(theme.titel), s.cell)]
            for loc in chunk:
                outcome = cells.get((theme.id, loc))
                row.append(Paragraph(
                    "–" if outcome is None else
                    f"<b>{_n(outcome.nu)} → {_n(outcome.gewenst)}</b> "
                    f"<font size='7' color='#616E7C'>({outcome.jaar})</font>", s.cell_center))
            rows.append(row)
        table = Table(rows, colWidths=[FRAME_WIDTH - column * len(chunk)]
                      + [column] * len(chunk), hAlign="LEFT", repeatRows=1)
        table.setStyle(grid_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("ALIGN", (1, 0), (-1, -1), "CENTER")]))
        story += [table, Spacer(1, 4)]
    story.append(Paragraph("Per locatie en thema de laatste keer dat een groep het besprak "
                           "(jaar tussen haakjes).", s.muted))
    return story


def _trend(report: PartnershipReport, section: WaarborgSection,
           s: _Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Ontwikkeling over de jaren", s.h2)]
    years = sorted({y.jaar for y in section.trend})
    if len(years) < 2:
        return [*story, Paragraph("Voor een ontwikkeling zijn dagdelen in minstens twee jaren "
                                  "nodig.", s.body)]
    by = {(y.theme_id, y.jaar): y for y in section.trend}
    themes = [t for t in section.themes if any(y.theme_id == t.id for y in section.trend)]
    column = min(28 * mm, (FRAME_WIDTH - 60 * mm) / len(years))
    rows: list[list] = [[Paragraph("Thema", s.cell_bold),
                         *[header_cell(str(y), column, s.head_center) for y in years]]]
    for theme in themes:
        rows.append([Paragraph(text(theme.titel), s.cell),
                     *[Paragraph(_moves(by.get((theme.id, y))), s.cell_center) for y in years]])
    table = Table(rows, colWidths=[FRAME_WIDTH - column * len(years)] + [column] * len(years),
                  hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([("ALIGN", (1, 0), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    chart = _trend_chart(section, years)
    note = Paragraph("Per jaar de besluiten van de groepen, nu → gewenst; „2× 2 → 3” betekent "
                     "twee groepen die de school nu op scenario 2 zagen en naar 3 wilden. De "
                     "scenario's zijn vier beelden, geen ladder: ze worden geteld, niet "
                     "gemiddeld.", s.muted)
    # One flat KeepTogether with its heading: a KeepTogether nested in another (or after a
    # keepWithNext heading) claims an endless height and jumps to a new page.
    return [KeepTogether([*story, chart, table, Spacer(1, 3), note])]


def _moves(year) -> str:
    if year is None:
        return "–"
    return "<br/>".join(text(label) for label in year.move_labels())


def _trend_chart(section: WaarborgSection, years: list[int]) -> Drawing:
    """Per year how many groups (on this waarborg's themes) saw the school on each scenario
    now: one stacked bar per year, the four scenarios in four blues."""
    width, height = FRAME_WIDTH, 52 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 16
    chart.width, chart.height = width * 0.52, height - 30
    per_year = {y: dict.fromkeys(range(1, 5), 0) for y in years}
    for placement in section.trend:
        for n, count in placement.counts("nu").items():
            per_year[placement.jaar][n] += count
    chart.data = [[per_year[y][n] for y in years] for n in range(1, 5)]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [str(y) for y in years]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    top = max(sum(per_year[y].values()) for y in years)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, max(top, 1)
    chart.valueAxis.valueStep = max(1, (top + 5) // 6)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars.strokeColor = colors.white
    chart.bars.strokeWidth = 0.6
    chart.barWidth = 14
    for index, color in enumerate(SCENARIO_COLORS):
        chart.bars[index].fillColor = colors.HexColor(color)
    drawing.add(chart)
    drawing.add(String(0, height - 6, "Aantal groepen per scenario waarop ze de school nu zagen",
                       fontName=FONT, fontSize=7.5, fillColor=MUTED))
    legend = Legend()
    legend.fontName, legend.fontSize = FONT, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 4
    legend.x, legend.y = chart.x + chart.width + 24, height - 18
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.colorNamePairs = [(colors.HexColor(SCENARIO_COLORS[n - 1]),
                              fit(f"{n}. {name}", FONT, 7.5, width - legend.x - 20))
                             for n, name in reversed(list(enumerate(SCENARIO_NAMES, start=1)))]
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
    done = _done_actions(report, section, s)
    if not section.actions:
        return [heading, Paragraph("Geen open acties bij deze waarborg.", s.body), *done]
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
    return story + done


def _done_actions(report: PartnershipReport, section: WaarborgSection,
                  s: Styles) -> list[Flowable]:
    if not section.done_actions:
        return []
    story: list[Flowable] = [Paragraph("Afgeronde acties", s.h2)]
    for action in section.done_actions:
        when = (f" · afgerond op {dutch_date(action.afgerond_at.date())}"
                if action.afgerond_at else "")
        story.append(Paragraph(
            f"{text(action.ontwikkelpunt)} <font size='8' color='#616E7C'>"
            f"({text(action.locatie)} · {text(_theme_title(report, action.theme_id))}"
            f"{text(when)})</font>", s.numbered, bulletText="•"))
    return story


def _n(value: float | int | None) -> str:
    return "–" if value is None else str(value)
