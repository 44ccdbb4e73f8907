"""One PDF for a whole dagdeel, in Dutch, for the programme manager and the
hoofdprocesbegeleider.

First a summary (where and when, the programme, who took part by role, the rounds and tables
and a table of contents), then the "rode lijnen" across the groups (where each group stands
and wants to go, who reports back, and every sterk punt and ontwikkelpunt per theme), then
the full report of every theme group, each on a new page, in theme order. Participant text is
escaped like in the group report; names and initials of participants never appear.
"""
from __future__ import annotations

import io

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
from reportlab.platypus.tableofcontents import TableOfContents

from zet.export import dutch_date, dutch_datetime, partnership_name, purged_line
from zet.export.group_pdf import group_flowables
from zet.export.pdf_kit import (
    ACCENT,
    FRAME_WIDTH,
    MUTED,
    SHADE,
    WARN_BG,
    KeptDocTemplate,
    Styles,
    a4_document,
    facts_table,
    footer_lines,
    grid_style,
    notice,
    numbered_canvas,
    role_count_table,
    section_start,
    text,
)
from zet.room.scenarios import scenario_label
from zet.room.snapshot import DagdeelSnapshot, GroupSnapshot
from zet.room.timetable import timetable_items


class _DagdeelStyles(Styles):
    def __init__(self) -> None:
        super().__init__()
        self.toc = ParagraphStyle("toc", parent=self.body, fontSize=9.5, leading=13,
                                  rightIndent=12 * mm)
        self.theme = ParagraphStyle("theme", parent=self.h2, fontSize=11.5, leading=15,
                                    textColor=ACCENT, spaceBefore=10)
        self.source = ParagraphStyle("source", parent=self.label, spaceBefore=4,
                                     spaceAfter=1, keepWithNext=1)
        self.draft = ParagraphStyle("draft", parent=self.numbered, textColor=MUTED)


class _Anchor(Flowable):
    """An invisible mark where a section starts: a PDF bookmark and a contents line."""

    def __init__(self, key: str, title: str, in_contents: bool = True) -> None:
        super().__init__()
        self.key, self.title, self.in_contents = key, title, in_contents
        self.width = self.height = 0
        self.keepWithNext = 1  # on the page where its section's heading lands

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self) -> None:
        pass


class _DagdeelDoc(KeptDocTemplate):
    def afterFlowable(self, flowable):
        if isinstance(flowable, _Anchor):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.title, flowable.key, level=0)
            if flowable.in_contents:
                self.notify("TOCEntry", (0, text(flowable.title), self.page, flowable.key))


def dagdeel_report_pdf(report: DagdeelSnapshot, *, include_names: bool = False) -> bytes:
    """The report of a whole dagdeel as one A4 PDF (bytes). The names of the
    hoofdprocesbegeleider, procesbegeleiders and reporters only with ``include_names``;
    participants' names never."""
    dagdeel = report.dagdeel
    buffer = io.BytesIO()
    doc = a4_document(buffer, template=_DagdeelDoc,
                      title=f"ZET-verslag dagdeel {dagdeel.locatie} — "
                            f"{dutch_date(dagdeel.datum)}",
                      subject="Verslag van een dagdeel (ZelfEvaluatieTool)")
    s = _DagdeelStyles()
    story: list[Flowable] = []
    story += _cover(report, s, include_names)
    story += [PageBreak(), _Anchor("overzicht", "Rode lijnen over de themagroepen")]
    story += _overview(report, s, include_names)
    story += _points_per_theme(report, s)
    total = len(report.groups)
    for number, group in enumerate(report.groups, start=1):
        title = f"{group.theme.titel} — {group.where}"
        kicker = f"ZET · themagroep {number} van {total} · {group.where}"
        story += [*section_start(), _Anchor(f"groep-{group.group.id}", title)]
        story += group_flowables(group, s, kicker=kicker, include_names=include_names)
    doc.multiBuild(story, canvasmaker=numbered_canvas(footer_lines(dagdeel, report.made_at)))
    return buffer.getvalue()


# ---------------------------------------------------------------- cover

def _cover(report: DagdeelSnapshot, s: _DagdeelStyles, include_names: bool) -> list[Flowable]:
    dagdeel = report.dagdeel
    rows: list[tuple[str, str]] = []
    if partnership_name(dagdeel):
        rows.append(("Opleidingsschool", text(partnership_name(dagdeel))))
    rows += [("Locatie", text(dagdeel.locatie)), ("Datum", text(dutch_date(dagdeel.datum)))]
    if include_names and dagdeel.hoofdprocesbegeleider:
        rows.append(("Hoofdprocesbegeleider", text(dagdeel.hoofdprocesbegeleider)))
    themes = len({g.theme.id for g in report.groups})
    rows += [
        ("Opzet", text(f"{_count(len(report.rounds), 'ronde', 'rondes')}, "
                       f"{_count(len(report.groups), 'themagroep', 'themagroepen')}, "
                       f"{_count(themes, 'thema', 'thema’s')}")),
        ("Deelnemers", text(f"{report.participant_count}")),
        ("Verslag gemaakt op", text(dutch_datetime(report.made_at))),
    ]
    facts = facts_table(rows, s)
    story: list[Flowable] = [
        Paragraph("ZET · verslag van een dagdeel", s.kicker),
        Paragraph(text(dagdeel.titel or f"Dagdeel {dagdeel.locatie}"), s.title),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=8),
        facts,
    ]
    if purged_line(dagdeel):
        story += [Spacer(1, 6), notice(text(purged_line(dagdeel)), s)]
    contents = TableOfContents(dotsMinLevel=0, tableStyle=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    contents.levelStyles = [s.toc]
    story += [Paragraph("Inhoud", s.h1), contents]
    story += _programme(report, s, include_names)
    story += _roles(report, s)
    return story


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _programme(report: DagdeelSnapshot, s: _DagdeelStyles,
               include_names: bool) -> list[Flowable]:
    """The programme with, per round, its tables: theme, procesbegeleider (only with
    ``include_names``), how many."""
    by_group = {g.group.id: g for g in report.groups}
    heads = ["Tijd", "Onderdeel", *(["Procesbegeleider"] if include_names else []),
             "Deelnemers"]
    rows = [[Paragraph(h, s.cell_bold) for h in heads]]
    extra: list[tuple] = [("ALIGN", (-1, 0), (-1, -1), "RIGHT")]
    for item in timetable_items(report.dagdeel, report.rounds):
        index = len(rows)
        rows.append([Paragraph(text(item.time or "–"), s.cell),
                     Paragraph(f"<b>{text(item.titel)}</b>", s.cell),
                     *[""] * (len(heads) - 2)])
        extra.append(("SPAN", (1, index), (-1, index)))
        if item.kind != "ronde" or item.ronde is None:
            continue
        extra += [("LINEABOVE", (0, index), (-1, index), 0.8, MUTED),
                  ("BACKGROUND", (0, index), (-1, index), SHADE)]
        for table in item.ronde.tables:
            group = by_group.get(table.group_id)
            theme = group.theme.titel if group else table.theme_id
            label = f"Tafel {table.label} · " if table.label else ""
            names = [Paragraph(text(table.procesbegeleider), s.cell)] if include_names else []
            rows.append(["", Paragraph(text(label + theme), s.cell), *names,
                         str(report.table_count(table.group_id))])
        extra.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.8, MUTED))
    widths = [26 * mm, 0, *([46 * mm] if include_names else []), 26 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([("VALIGN", (0, 0), (-1, -1), "TOP"), *extra]))
    return [Paragraph("Programma, rondes en tafels", s.h1), table]


def _roles(report: DagdeelSnapshot, s: _DagdeelStyles) -> list[Flowable]:
    heading = Paragraph("Deelnemers per rol", s.h1)
    counts = report.role_counts
    if not counts:
        return [heading, Paragraph("Er zat nog niemand aan een tafel.", s.body)]
    table = role_count_table(counts, s)
    note = ("Iedereen één keer geteld, ook wie aan meer rondes meedeed. Namen en initialen "
            "staan niet in dit verslag.")
    # The heading inside the KeepTogether: a keepWithNext heading before one is left alone
    # at the bottom of the page.
    return [KeepTogether([heading, table]), Spacer(1, 3), Paragraph(note, s.muted)]


# ---------------------------------------------------------------- rode lijnen

def _overview(report: DagdeelSnapshot, s: _DagdeelStyles,
              include_names: bool) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("ZET · overzicht van het dagdeel", s.kicker),
        Paragraph("Rode lijnen over de themagroepen", s.title),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=2, spaceAfter=6),
        Paragraph("Per thema, in de volgorde van de handleiding: waar de groep de school nu "
                  "ziet, waar ze naartoe wil en wie plenair terugkoppelt.", s.muted),
        Spacer(1, 6),
    ]
    if not report.groups:
        return [*story, Paragraph("Dit dagdeel heeft geen themagroepen.", s.body)]
    rows = [[Paragraph(h, s.cell_bold) for h in
             ("Thema", "Ronde · tafel", "Nu → gewenst", "Terugkoppeling", "Punten")]]
    extra: list[tuple] = []
    names = {tuple(sc.naam for sc in g.theme.scenarios) for g in report.groups}
    legend = len(names) == 1
    for index, group in enumerate(report.groups, start=1):
        g = group.group
        if group.points_confirmed:
            status = Paragraph("bevestigd", s.cell)
        elif group.points:
            status = Paragraph("<b>nog niet bevestigd</b>", s.cell)
            extra.append(("BACKGROUND", (4, index), (4, index), WARN_BG))
        else:
            status = Paragraph("nog geen", s.cell)
        rows.append([
            Paragraph(text(group.theme.titel), s.cell_bold),
            Paragraph(text(f"{g.ronde_nummer} · {g.label}" if g.label else f"{g.ronde_nummer}"),
                      s.cell),
            Paragraph(_nu_gewenst(group, legend), s.cell),
            Paragraph(_reporter(g.reporter, include_names), s.cell),
            status,
        ])
    widths = [0, 25 * mm, 28 * mm, 42 * mm, 31 * mm]
    widths[0] = FRAME_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([("VALIGN", (0, 0), (-1, -1), "TOP"), *extra]))
    story.append(table)
    if legend:
        scenario_names = next(iter(names))
        story += [Spacer(1, 3), Paragraph(
            "Scenario's: " + " · ".join(text(f"{n}. {name}").replace(" ", "&nbsp;")
                                        for n, name in enumerate(scenario_names, start=1)),
            s.muted)]
    return story


def _reporter(reporter: str, include_names: bool) -> str:
    if not reporter:
        return "nog niet bekend"
    return text(reporter) if include_names else "afgesproken"


def _nu_gewenst(group: GroupSnapshot, numbers_only: bool) -> str:
    """'2 → 3' (the legend under the table names the scenarios), or the names in full."""
    nu, gewenst = group.group.scenario_nu, group.group.scenario_gewenst
    if nu is None and gewenst is None:
        return "nog niet vastgesteld"
    if numbers_only:
        return f"<b>{nu or '–'} → {gewenst or '–'}</b>"
    return (f"{text(scenario_label(group.theme, nu))} →<br/>"
            f"{text(scenario_label(group.theme, gewenst))}")


def _points_per_theme(report: DagdeelSnapshot, s: _DagdeelStyles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("Sterke punten en ontwikkelpunten per thema", s.h1),
        Paragraph("De lijsten die de groepen hebben bevestigd. Een lijst die nog niet is "
                  "bevestigd, staat er apart onder, duidelijk gemarkeerd.", s.muted),
    ]
    themes: dict[str, list[GroupSnapshot]] = {}
    for group in report.groups:
        themes.setdefault(group.theme.id, []).append(group)
    for groups in themes.values():
        theme = groups[0].theme
        several = len(groups) > 1
        story.append(Paragraph(text(theme.titel), s.theme))
        confirmed = [g for g in groups if g.points_confirmed]
        for kind, heading in (("sterk", "Sterke punten"), ("ontwikkel", "Ontwikkelpunten")):
            points = [(g, p) for g in confirmed for p in g.points_of(kind)]
            if not points:
                continue
            story.append(Paragraph(heading, s.source))
            story += [Paragraph(text(p.text) + (f' <font color="#616E7C" size="8">'
                                                f'({text(g.where)})</font>' if several else ""),
                                s.numbered, bulletText=f"{number}.")
                      for number, (g, p) in enumerate(points, start=1)]
        for group in groups:
            if group.points_confirmed:
                continue
            if not group.points:
                place = group.where
                story.append(Paragraph(text(f"{place[0].upper()}{place[1:]}: nog geen punten "
                                            "vastgelegd."), s.muted))
                continue
            story.append(Spacer(1, 3))
            box = notice(text(f"Nog niet bevestigd door de groep ({group.where}): dit is de "
                              "werklijst zoals die er bij het maken van dit verslag uitzag."), s)
            box.keepWithNext = True  # with the points it warns about
            story.append(box)
            for kind, heading in (("sterk", "Sterke punten (niet bevestigd)"),
                                  ("ontwikkel", "Ontwikkelpunten (niet bevestigd)")):
                drafts = group.points_of(kind)
                if drafts:
                    story.append(Paragraph(heading, s.source))
                    story += [Paragraph(text(p.text), s.draft, bulletText=f"{number}.")
                              for number, p in enumerate(drafts, start=1)]
    return story
