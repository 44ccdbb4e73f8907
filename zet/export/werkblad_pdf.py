"""The werkblad results in a group report: per question the aggregate that fits its type.

Schaal: how many chose 1..5 per role, with the mean. KOOS: gewenst and feitelijk per role
and the gap between them. Keuze / meerkeuze: how often each option was chosen. Tekst / lijst:
the open answers without role or name, hidden ones left out. Counts come from
``zet.room.aggregates.summarise``, the same numbers the projector shows.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from statistics import mean

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from zet.export.fonts import FONT_BOLD
from zet.export.pdf_kit import FRAME_WIDTH, MUTED, SHADE, Styles, grid_style, text
from zet.room.aggregates import QuestionSummary, summarise
from zet.room.answers import answer_text
from zet.room.snapshot import GroupSnapshot


def werkblad_flowables(report: GroupSnapshot, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Werkblad: wat de deelnemers invulden", s.h1)]
    if not report.answers and report.purged_on is not None:
        return [*story, Paragraph(
            f"{report.answered} van de {report.participant_count} deelnemers vulden het "
            "werkblad in. Hun antwoorden zijn na de bewaartermijn verwijderd; wat de groep "
            "ermee deed, staat hieronder.", s.body)]
    if not report.answers:
        return [*story, Paragraph("Nog geen antwoorden op het werkblad.", s.body)]
    story.append(Paragraph("Per vraag het beeld van alle deelnemers samen. Open antwoorden "
                           "staan er zonder rol of naam; antwoorden die de procesbegeleider "
                           "verborg, zijn weggelaten.", s.muted))
    for number, question in enumerate(report.theme.vragen, start=1):
        summary = summarise(question, report.answers)
        head = [Paragraph(text(f"{number}. {question.vraag}"), s.h2)]
        body = _body(summary, s)
        if summary.hidden_count:
            body.append(Paragraph(f"{summary.hidden_count} verborgen antwoord(en) niet "
                                  "opgenomen.", s.muted))
        # The question stays with its table, or with the first open answers. (No nested
        # KeepTogether: an inner one claims an endless height and pushes the outer one on.)
        keep = len(body) if question.is_closed else 2
        story.append(KeepTogether([*head, *body[:keep]]))
        story += body[keep:]
    return story


def _body(summary: QuestionSummary, s: Styles) -> list[Flowable]:
    if not summary.answer_count:
        return [Paragraph("Nog geen (zichtbare) antwoorden.", s.body)]
    return PDF_BODIES[summary.question.type](summary, s)


def _scale_table(summary: QuestionSummary, s: Styles) -> list[Flowable]:
    q = summary.question
    number_width = 13 * mm
    role_width = FRAME_WIDTH - 7 * number_width
    rows: list[list] = [[Paragraph("Rol", s.cell_bold),
                         *[Paragraph(f"<b>{n}</b>", s.cell_center) for n in range(1, 6)],
                         Paragraph("n", s.cell_bold), Paragraph("gem.", s.cell_bold)]]
    everything: list[int] = []
    for role, counts in summary.scale_by_role.items():
        values = summary.by_role[role]
        everything += values
        rows.append([Paragraph(text(role), s.cell),
                     *[_count(counts[n]) for n in range(1, 6)],
                     str(len(values)), _decimal(mean(values))])
    totals = {n: sum(c[n] for c in summary.scale_by_role.values()) for n in range(1, 6)}
    rows.append([Paragraph("Alle deelnemers", s.cell_bold),
                 *[_count(totals[n]) for n in range(1, 6)],
                 str(len(everything)), _decimal(mean(everything))])
    table = Table(rows, colWidths=[role_width] + [number_width] * 7, hAlign="LEFT",
                  repeatRows=1)
    table.setStyle(_number_grid())
    ends = f"1 = {q.laag}, 5 = {q.hoog}. " if q.laag and q.hoog else ""
    return [table, _note(f"{ends}Aantal deelnemers per score; gem. = gemiddelde.", s)]


def _note(value: str, s: Styles) -> Paragraph:
    return Paragraph(text(value), ParagraphStyle("note", parent=s.muted, spaceBefore=2))


def _koos_table(summary: QuestionSummary, s: Styles) -> list[Flowable]:
    rows: list[list] = [[Paragraph(h, s.cell_bold) for h in
                         ("Rol", "n", "Gewenst", "Feitelijk", "Verschil")]]
    pairs_all: list[dict] = []
    for role, (gewenst, feitelijk) in summary.koos_by_role.items():
        pairs = _pairs(summary.by_role[role])
        pairs_all += pairs
        rows.append([Paragraph(text(role), s.cell), str(len(pairs)), _decimal(gewenst),
                     _decimal(feitelijk), _gap(gewenst, feitelijk)])
    overall = summary.koos_overall()
    if overall is not None:
        rows.append([Paragraph("Alle deelnemers", s.cell_bold), str(len(pairs_all)),
                     _decimal(overall[0]), _decimal(overall[1]), _gap(*overall)])
    number_width = 22 * mm
    table = Table(rows, colWidths=[FRAME_WIDTH - 4 * number_width] + [number_width] * 4,
                  hAlign="LEFT", repeatRows=1)
    table.setStyle(_number_grid())
    return [table, _note(
        "Gemiddelden op 1–5. Verschil = gewenst min feitelijk: hoe groter, hoe verder de "
        "praktijk achterblijft bij wat men wil.", s)]


def _choice_table(summary: QuestionSummary, s: Styles, *, several: bool = False) -> list[Flowable]:
    people = summary.answer_count
    rows: list[list] = [[Paragraph("Keuze", s.cell_bold), Paragraph("Aantal", s.cell_bold),
                         Paragraph("Aandeel", s.cell_bold)]]
    for option, count in summary.option_counts.items():
        rows.append([Paragraph(text(option), s.cell), _count(count),
                     f"{round(100 * count / people)}%" if people else "–"])
    table = Table(rows, colWidths=[FRAME_WIDTH - 50 * mm, 20 * mm, 30 * mm], hAlign="LEFT",
                  repeatRows=1)
    table.setStyle(_number_grid(total_row=False))
    note = (f"{people} deelnemers antwoordden"
            + ("; meer keuzes per persoon mogelijk." if several else "."))
    return [table, _note(note, s)]


def _open_answers(summary: QuestionSummary, s: Styles) -> list[Flowable]:
    """Tekst: every answer."""
    items = [answer_text(value) for values in summary.by_role.values() for value in values]
    return [Paragraph(text(item), s.numbered, bulletText="–") for item in items if item]


def _list_items(summary: QuestionSummary, s: Styles) -> list[Flowable]:
    """Lijst: every item once, most named first, with how often."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for value in (v for values in summary.by_role.values() for v in values):
        for item in value if isinstance(value, list) else [value]:
            key = " ".join(str(item).split()).casefold()
            if key:
                spelling.setdefault(key, " ".join(str(item).split()))
                counts[key] += 1
    return [Paragraph(text(spelling[key]) + (f" <font color=\"#616E7C\">({count}×)</font>"
                                             if count > 1 else ""),
                      s.numbered, bulletText="–")
            for key, count in counts.most_common()]


# How a question's answers are written in the werkblad PDF, per answer type
# (``zet.answer_types``; ``tests/test_step_registries.py``).
PDF_BODIES: dict[str, Callable[[QuestionSummary, Styles], list[Flowable]]] = {
    "tekst": _open_answers,
    "lijst": _list_items,
    "keuze": _choice_table,
    "meerkeuze": lambda summary, s: _choice_table(summary, s, several=True),
    "schaal": _scale_table,
    "koos": _koos_table,
}


def _pairs(values: list) -> list[dict]:
    return [v for v in values if isinstance(v, dict)
            and v.get("gewenst") is not None and v.get("feitelijk") is not None]


def _number_grid(*, total_row: bool = True) -> TableStyle:
    extra: list[tuple] = [("ALIGN", (1, 0), (-1, -1), "CENTER"),
                          ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
    if total_row:
        extra += [("LINEABOVE", (0, -1), (-1, -1), 0.8, MUTED),
                  ("FONTNAME", (1, -1), (-1, -1), FONT_BOLD)]
    return grid_style(extra)


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _gap(gewenst: float, feitelijk: float) -> str:
    gap = gewenst - feitelijk
    sign = "+" if gap > 0 else ("−" if gap < 0 else "")
    return f"{sign}{_decimal(abs(gap))}"


def _count(value: int) -> str:
    return str(value) if value else "–"
