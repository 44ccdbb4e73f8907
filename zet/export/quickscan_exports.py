"""The quickscan's results per locatie and year for the programme manager: a PDF and an
Excel workbook. Aggregates per role group of at least three only; nothing identifying."""
from __future__ import annotations

import io
from datetime import datetime

import pandas as pd
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from zet.export import dutch_datetime
from zet.export.pdf_kit import (
    FRAME_WIDTH,
    Styles,
    a4_document,
    grid_style,
    numbered_canvas,
    text,
)
from zet.export.spreadsheets import frame_of, workbook_bytes
from zet.programme.quickscan_results import (
    MIN_GROUP,
    SPREAD_COLUMNS,
    LocatieYear,
    Outcome,
    Spread,
    outcome_rows,
    suggestions,
)

_WIDTHS = [52 * mm, 15 * mm, 18 * mm, 18 * mm, 18 * mm, 32 * mm]
_PDF_COLUMNS = [c for c in SPREAD_COLUMNS if c != "O·V·G"]  # O·V·G on its own line


def _table(outcome: Outcome, s: Styles) -> Table:
    rows = outcome_rows(outcome)
    data = [[Paragraph(text(c), s.cell_bold) for c in _PDF_COLUMNS]]
    data += [[Paragraph(text(row[c]), s.cell) for c in _PDF_COLUMNS] for row in rows]
    scale = (FRAME_WIDTH - 2 * mm) / sum(_WIDTHS)
    table = Table(data, colWidths=[w * scale for w in _WIDTHS], hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_style([("ALIGN", (1, 1), (-2, -1), "RIGHT")]))
    return table


def _outcome(outcome: Outcome, s: Styles) -> list:
    parts: list = [Paragraph(text(outcome.title), s.h2)]
    if outcome.total is None:
        return [*parts, Paragraph(f"Te weinig antwoorden (een rolgroep telt vanaf {MIN_GROUP} "
                                  "mensen).", s.muted)]
    parts.append(_table(outcome, s))
    ovg = [row for row in outcome_rows(outcome) if row["O·V·G"] != "–"]
    if ovg:
        parts.append(Paragraph(text("O · V · G (ontwikkelen · voldoende · goed): " + "; ".join(
            f"{row['Rolgroep']} {row['O·V·G']}" for row in ovg)), s.small))
    if outcome.hidden:
        parts.append(Paragraph(f"{int(outcome.hidden)} antwoord(en) van rolgroepen met minder "
                               f"dan {MIN_GROUP} mensen staan er niet in.", s.muted))
    return [KeepTogether(parts)]


INTRO = ("Per uitspraak gaven de invullers aan hoe het zou moeten (gewenst) en hoe het nu is "
         "(feitelijk), van 1 tot 5, of O/V/G. Hieronder de gemiddelden per rolgroep; verschil = "
         f"gewenst − feitelijk. Alleen rolgroepen van minstens {MIN_GROUP} mensen; geen namen.")
NONE_YET = "Voor deze keuze is nog geen quickscan ingevuld."


def sections_story(sections: list[LocatieYear], s: Styles, *,
                   by_theme_first: bool = True) -> list:
    """Per locatie and year: the suggested themes, then per theme and per waarborg the role
    groups' means, gap and distribution (the quickscan's PDF and the partnership report's
    quickscan chapter; the latter puts the waarborgen first)."""
    story: list = []
    if not sections:
        story.append(Paragraph(NONE_YET, s.body))
    for section in sections:
        story.append(Paragraph(text(f"{section.locatie} · {section.jaar}"), s.h1))
        story.append(Paragraph(text(
            f"{section.results.respondents} invuller(s) in {section.quickscans} quickscan(s)"),
            s.body))
        found = suggestions(section.results)
        if found:
            story.append(Paragraph("Thema's om te bespreken", s.h2))
            story += [Paragraph(text(f"{i}. {hint.title} — {hint.reason}"), s.body)
                      for i, hint in enumerate(found, start=1)]
        parts = [("Per thema", section.results.themes),
                 ("Per waarborg", section.results.waarborgen)]
        for heading, outcomes in (parts if by_theme_first else parts[::-1]):
            story.append(Paragraph(heading, s.h2))
            for outcome in outcomes:
                story += _outcome(outcome, s)
            story.append(Spacer(1, 4))
    return story


def quickscan_pdf(sections: list[LocatieYear], scope_line: str, made_at: datetime) -> bytes:
    """The quickscan's results on their own (``sections_story``)."""
    buffer = io.BytesIO()
    doc = a4_document(buffer, title=f"Quickscan — {scope_line}",
                      subject="Uitkomsten van de quickscan per locatie en jaar (ZelfEvaluatieTool)")
    s = Styles()
    story: list = [Paragraph("ZET · quickscan vooraf", s.kicker),
                   Paragraph(text(f"Wat de quickscan zei — {scope_line}"), s.title),
                   Paragraph(INTRO, s.body), *sections_story(sections, s)]
    footer = (f"ZET — quickscan — {scope_line}", f"Gemaakt op {dutch_datetime(made_at)}")
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _numbers(spread: Spread) -> dict[str, object]:
    """A role group's line with numbers a spreadsheet can calculate with."""
    return {"Rolgroep": spread.group, "Aantal": spread.respondents,
            "Gewenst": _round(spread.gewenst_mean), "Feitelijk": _round(spread.feitelijk_mean),
            "Verschil": _round(spread.gap),
            **{f"Feitelijk {i}": n for i, n in enumerate(spread.feitelijk, start=1)},
            **{f"Gewenst {i}": n for i, n in enumerate(spread.gewenst, start=1)},
            **dict(zip(("O", "V", "G"), spread.ovg))}


def quickscan_frames(sections: list[LocatieYear]) -> dict[str, pd.DataFrame]:
    """Per thema and per waarborg: one row per locatie, year and role group (and the total
    when more than one group is shown)."""
    def rows(pick) -> list[dict]:
        found = []
        for section in sections:
            for outcome in pick(section):
                spreads = list(outcome.groups)
                if outcome.total is not None and len(spreads) > 1:
                    spreads.append(outcome.total)
                found += [{"Locatie": section.locatie, "Jaar": section.jaar,
                           "Onderwerp": outcome.title, **_numbers(spread)}
                          for spread in spreads]
        return found

    columns = ["Locatie", "Jaar", "Onderwerp", *_numbers(Spread("", 0))]
    return {"Per thema": frame_of(rows(lambda s: s.results.themes), columns),
            "Per waarborg": frame_of(rows(lambda s: s.results.waarborgen), columns)}


def quickscan_xlsx(sections: list[LocatieYear]) -> bytes:
    return workbook_bytes(quickscan_frames(sections))
