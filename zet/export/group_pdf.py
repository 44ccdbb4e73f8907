"""The PDF report of one theme group, in Dutch, for the programme manager.

Works at any moment of the session: what is not there yet is said in a short line. Built
from the shared parts in ``pdf_kit``; the dagdeel report reuses ``group_flowables``.
"""
from __future__ import annotations

import io
import textwrap

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from zet.export import dutch_date, dutch_datetime, partnership_name, purged_line
from zet.export.fonts import FONT, FONT_BOLD
from zet.export.pdf_kit import (
    ACCENT,
    FRAME_WIDTH,
    GEWENST_COLOR,
    MUTED,
    NU_COLOR,
    RULE,
    SHADE,
    Styles,
    a4_document,
    facts_table,
    footer_lines,
    grid_style,
    notice,
    numbered_canvas,
    role_count_table,
    text,
)
from zet.export.werkblad_pdf import werkblad_flowables
from zet.roles import role_sort_key
from zet.room.scenarios import scenario_label
from zet.room.snapshot import GroupSnapshot
from zet.steps import STEP_ORDER

GROUP_KICKER = "ZET · verslag van een themagroep"


def group_flowables(report: GroupSnapshot, styles: Styles, *, kicker: str = GROUP_KICKER,
                    include_names: bool = False) -> list[Flowable]:
    """Everything the report of one theme group shows, as flowables, so the dagdeel report
    can put every group's section in one document. ``kicker`` is the small line above the
    theme title; the names of procesbegeleider and reporter only with ``include_names``."""
    story: list[Flowable] = []
    story += _header(report, styles, kicker, include_names)
    if purged_line(report.dagdeel):
        story += [Spacer(1, 6), notice(text(purged_line(report.dagdeel)), styles)]
    story += _participants(report, styles)
    # In the order of the steps of the dagdeel: werkblad, reflectiekaarten, points, scenario.
    story += werkblad_flowables(report, styles)
    story += _cards(report, styles)
    story += _points(report, styles)
    story += _scenario(report, styles)
    story += _notes(report, styles)
    return story


def group_report_pdf(report: GroupSnapshot, *, include_names: bool = False) -> bytes:
    """The report of one theme group as an A4 PDF (bytes), ready to forward. Names of the
    procesbegeleider and reporter only with ``include_names``; participants never."""
    buffer = io.BytesIO()
    doc = a4_document(buffer, title=f"ZET-verslag {report.theme.titel} — "
                                    f"{report.dagdeel.locatie}",
                      subject="Verslag van een themagroep (ZelfEvaluatieTool)")
    styles = Styles()
    footer = footer_lines(report.dagdeel, report.made_at)
    story = group_flowables(report, styles, include_names=include_names)
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


# ---------------------------------------------------------------- sections

def _header(report: GroupSnapshot, s: Styles, kicker: str,
            include_names: bool) -> list[Flowable]:
    dagdeel, group, theme = report.dagdeel, report.group, report.theme
    rows: list[tuple[str, str]] = []
    if partnership_name(dagdeel):
        rows.append(("Opleidingsschool", text(partnership_name(dagdeel))))
    rows += [("Locatie", text(dagdeel.locatie)), ("Datum", text(dutch_date(dagdeel.datum)))]
    if dagdeel.titel:
        rows.append(("Dagdeel", text(dagdeel.titel)))
    if include_names and dagdeel.hoofdprocesbegeleider:
        rows.append(("Hoofdprocesbegeleider", text(dagdeel.hoofdprocesbegeleider)))
    if group.label:
        rows.append(("Ronde en tafel", text(f"ronde {group.ronde_nummer}, tafel {group.label}")))
    else:
        rows.append(("Ronde", text(f"ronde {group.ronde_nummer}")))
    rows += [
        ("Thema", f"<b>{text(theme.titel)}</b>"),
        ("Domein", text(theme.domein)),
        ("Waarborgen", text(", ".join(theme.waarborgen))),
    ]
    if include_names:
        rows.append(("Procesbegeleider", text(group.procesbegeleider)))
        if group.reporter:
            rows.append(("Terugkoppeling plenair", text(group.reporter)))
    rows.append(("Stand bij export", text(f"stap {group.step.number} van {len(STEP_ORDER)} "
                                          f"({group.step.label})")))
    table = facts_table(rows, s)
    return [
        Paragraph(text(kicker), s.kicker),
        Paragraph(text(theme.titel), s.title),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=8),
        table,
    ]


def _participants(report: GroupSnapshot, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Deelnemers", s.h1)]
    counts = report.role_counts
    if not counts:
        return [*story, Paragraph("Nog geen deelnemers aangemeld.", s.body)]
    table = role_count_table(counts, s)
    done = report.werkblad_progress
    if done is None:
        filled = (f"Werkblad ingevuld door {report.answered} van {report.participant_count} "
                  "deelnemers.")
    else:
        filled = f"Werkblad volledig ingevuld door {done.done} van {done.total} deelnemers."
    late = (f" {report.listeners} later aangeschoven deelnemer(s) luisterde(n) mee na de "
            "scenariostap en tellen hier niet mee." if report.listeners else "")
    story += [table, Spacer(1, 4),
              Paragraph(f"{filled}{late} Namen en initialen staan niet in dit verslag.", s.muted)]
    return story


def _points(report: GroupSnapshot, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Sterke punten en ontwikkelpunten", s.h1)]
    confirmed_at = report.group.points_confirmed_at
    if confirmed_at is not None:
        story.append(Paragraph(f"Bevestigd door de groep op {dutch_datetime(confirmed_at)}.",
                               s.muted))
    elif report.points:
        story.append(notice("Let op: deze lijst is nog niet bevestigd door de groep. "
                             "Dit is de werklijst zoals die er bij het maken van dit verslag "
                             "uitzag.", s))
    for kind, heading, empty in (("sterk", "Sterke punten", "Nog geen sterke punten vastgelegd."),
                                 ("ontwikkel", "Ontwikkelpunten",
                                  "Nog geen ontwikkelpunten vastgelegd.")):
        story.append(Paragraph(heading, s.h2))
        points = report.points_of(kind)
        if not points:
            story.append(Paragraph(empty, s.body))
            continue
        # One Paragraph per point (not a ListFlowable): the heading then stays with the
        # first point instead of being left alone at the bottom of a page.
        story += [Paragraph(text(point.text), s.numbered, bulletText=f"{number}.")
                  for number, point in enumerate(points, start=1)]
    return story


def _scenario(report: GroupSnapshot, s: Styles) -> list[Flowable]:
    group = report.group
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph("Scenario: waar staan we nu, waar willen we naartoe?", s.h1),
        Paragraph("Wat de groep samen vaststelde", s.h2),
    ]
    story.append(_decision_table(report, s))
    story.append(Paragraph("Onderbouwing", s.h2))
    story.append(Paragraph(text(group.scenario_argument) if group.scenario_argument
                           else "Nog geen onderbouwing vastgelegd.", s.body))

    distribution = report.distribution
    if not distribution.placed:
        story.append(Paragraph("Plaatsing door de deelnemers", s.h2))
        story.append(Paragraph("Geen plaatsingen door deelnemers." if report.purged_on
                               else "Nog geen plaatsingen door deelnemers.", s.body))
        return story
    story.append(KeepTogether([
        Paragraph(f"Plaatsing door de deelnemers (n = {distribution.placed})", s.h2),
        _chart(report),
        Paragraph("Aantal deelnemers per scenario: waar staat de school nu volgens hen, en "
                  "waar willen ze naartoe?", s.muted),
    ]))
    if not distribution.by_role:
        story.append(Paragraph("Per rol: na de bewaartermijn zijn alleen de aantallen per "
                               "scenario bewaard, niet per rol.", s.muted))
        return story
    story.append(KeepTogether([Paragraph("Plaatsing per rol (aantal deelnemers)", s.h2),
                               _role_table(report, s)]))
    return story


def _decision_table(report: GroupSnapshot, s: Styles) -> Table:
    """The group's decision with, beside it, how many participants placed the school on each
    scenario (the decided one shaded), so a reader sees how far the group agreed."""
    group, distribution = report.group, report.distribution
    number_width = 10 * mm
    widths = [20 * mm, FRAME_WIDTH - 20 * mm - 4 * number_width, *[number_width] * 4]
    rows: list[list] = [["", Paragraph("Besluit van de groep", s.cell_bold),
                         Paragraph("Deelnemers per scenario", s.cell_bold), "", "", ""],
                        ["", "", *[str(n) for n in range(1, 5)]]]
    style: list[tuple] = [("SPAN", (2, 0), (5, 0)), ("ALIGN", (2, 0), (-1, -1), "CENTER"),
                          ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                          ("TEXTCOLOR", (2, 1), (-1, 1), MUTED),
                          ("LINEBELOW", (0, 1), (-1, 1), 0.8, MUTED),
                          ("LINEBELOW", (0, 2), (-1, -1), 0.25, RULE),
                          ("LEFTPADDING", (0, 0), (0, -1), 0)]
    for row, (which, decided) in enumerate((("nu", group.scenario_nu),
                                            ("gewenst", group.scenario_gewenst)), start=2):
        totals = distribution.totals(which)
        rows.append([Paragraph("Nu" if which == "nu" else "Gewenst", s.label),
                     Paragraph(text(scenario_label(report.theme, decided)), s.body),
                     *[_count(totals[n]) for n in range(1, 5)]])
        if decided in (1, 2, 3, 4):
            style += [("BACKGROUND", (1 + decided, row), (1 + decided, row), SHADE),
                      ("FONTNAME", (1 + decided, row), (1 + decided, row), FONT_BOLD)]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("FONTSIZE", (0, 0), (-1, -1), 9), *style]))
    return table


def _notes(report: GroupSnapshot, s: Styles) -> list[Flowable]:
    """The notulist's notes per step; nothing when there was no notulist."""
    if not report.notes:
        return []
    story: list[Flowable] = [Paragraph("Notities van de notulist", s.h1)]
    for step in STEP_ORDER:
        of_step = [note for note in report.notes if note.step == step]
        if of_step:
            story.append(Paragraph(text(step.label), s.h2))
            story += [Paragraph(text(note.text), s.body) for note in of_step]
    return story


def _cards(report: GroupSnapshot, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Gebruikte reflectiekaarten", s.h1)]
    if not report.revealed:
        return [*story, Paragraph("Er is (nog) geen reflectiekaart getoond.", s.body)]
    for card in report.revealed:
        # Plain flowables, not KeepTogether: the headings' keepWithNext then chains the
        # section heading, the card title and its text onto one page.
        story += [Paragraph(text(card.titel), s.h2), Paragraph(text(card.kern), s.body)]
    return story


# ---------------------------------------------------------------- building blocks

def _integer_axis(maximum: int) -> tuple[int, int]:
    """(axis maximum, step) with whole-number ticks and room for the bar labels."""
    step = 1
    for candidate in (1, 2, 5, 10, 20, 50, 100):
        step = candidate
        if maximum / candidate <= 8:
            break
    top = (maximum // step + 1) * step
    return top, step


def _chart(report: GroupSnapshot) -> Drawing:
    distribution = report.distribution
    nu = distribution.totals("nu")
    gewenst = distribution.totals("gewenst")
    width, height = FRAME_WIDTH, 60 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 30
    chart.width, chart.height = width - 44, height - 30 - 24
    chart.data = [[nu[n] for n in range(1, 5)], [gewenst[n] for n in range(1, 5)]]
    chart.bars[0].fillColor = NU_COLOR
    chart.bars[1].fillColor = GEWENST_COLOR
    chart.bars.strokeColor = None
    chart.barSpacing = 2
    chart.groupSpacing = 18
    top, step = _integer_axis(max(chart.data[0] + chart.data[1] + [1]))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.strokeColor = MUTED
    chart.categoryAxis.strokeColor = MUTED
    names = [report.theme.scenarios[n - 1].naam if n <= len(report.theme.scenarios) else ""
             for n in range(1, 5)]
    chart.categoryAxis.categoryNames = [
        "\n".join(textwrap.wrap(f"{n}. {name}", 22)) for n, name in zip(range(1, 5), names)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.labels.leading = 10
    chart.barLabelFormat = lambda value: "" if not value else f"{int(value)}"
    chart.barLabels.fontName = FONT_BOLD
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    drawing.add(chart)

    axis_title = Group(String(0, 0, "aantal deelnemers", fontName=FONT, fontSize=7.5,
                              fillColor=MUTED, textAnchor="middle"))
    axis_title.translate(9, chart.y + chart.height / 2)
    axis_title.rotate(90)
    drawing.add(axis_title)

    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = 8.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 8
    legend.deltax = 70
    legend.colorNamePairs = [(NU_COLOR, "Nu"), (GEWENST_COLOR, "Gewenst")]
    legend.boxAnchor = "ne"
    legend.x, legend.y = width - 4, height - 2
    legend.strokeColor = None
    drawing.add(legend)
    return drawing


def _role_table(report: GroupSnapshot, s: Styles) -> Table:
    distribution = report.distribution
    roles = sorted(dict.fromkeys([*distribution.nu, *distribution.gewenst]), key=role_sort_key)
    number_width = 12 * mm
    role_width = FRAME_WIDTH - 8 * number_width
    header = [Paragraph("Per rol", s.cell_bold), Paragraph("Nu", s.cell_bold), "", "", "",
              Paragraph("Gewenst", s.cell_bold), "", "", ""]
    numbers = ["", *[str(n) for n in range(1, 5)], *[str(n) for n in range(1, 5)]]
    rows: list[list] = [header, numbers]
    for role in roles:
        nu = distribution.nu.get(role, {})
        gewenst = distribution.gewenst.get(role, {})
        rows.append([Paragraph(text(role), s.cell),
                     *[_count(nu.get(n, 0)) for n in range(1, 5)],
                     *[_count(gewenst.get(n, 0)) for n in range(1, 5)]])
    totals_nu, totals_gewenst = distribution.totals("nu"), distribution.totals("gewenst")
    rows.append([Paragraph("Totaal", s.cell_bold),
                 *[_count(totals_nu[n]) for n in range(1, 5)],
                 *[_count(totals_gewenst[n]) for n in range(1, 5)]])
    table = Table(rows, colWidths=[role_width] + [number_width] * 8, hAlign="LEFT",
                  repeatRows=2)
    table.setStyle(grid_style([
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (4, 0)),
        ("SPAN", (5, 0), (8, 0)),
        ("BACKGROUND", (0, 1), (-1, 1), SHADE),
        ("LINEBELOW", (1, 0), (-1, 0), 0.25, RULE),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, MUTED),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("LINEBEFORE", (1, 0), (1, -1), 0.8, MUTED),
        ("LINEBEFORE", (5, 0), (5, -1), 0.8, MUTED),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, MUTED),
        ("FONTNAME", (1, -1), (-1, -1), FONT_BOLD),
        ("TEXTCOLOR", (1, 1), (-1, 1), MUTED),
    ]))
    return table


def _count(value: int) -> str:
    return str(value) if value else "–"


