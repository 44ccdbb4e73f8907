"""The raw responses of one theme group as tables: Excel (one sheet each) and one CSV.

Rows carry the participant's role, never a name, initials, token or id. Cells are typed:
a scale answer is a number, a KOOS answer two numbers (gewenst, feitelijk), dates are dates
and moments are given to the minute. Names of procesbegeleider and reporter only when the
caller asks for them (``include_names``).
"""
from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd

from zet.export import local_time, partnership_name, purged_line, purged_on, strip_control, yes_no
from zet.roles import role_sort_key
from zet.room.answers import answer_text
from zet.room.dagdelen import Dagdeel
from zet.room.points import KINDS
from zet.room.scenarios import scenario_label
from zet.room.snapshot import GroupSnapshot

FACILITATOR = "procesbegeleider"

WERKBLAD_COLUMNS = ["vraag_id", "vraag", "type", "rol", "antwoord", "score", "gewenst",
                    "feitelijk", "verborgen", "tijdstip"]
_NUMBER_COLUMNS = ("score", "gewenst", "feitelijk")
BIJDRAGEN_COLUMNS = ["soort", "tekst", "rol", "tijdstip"]
PUNTEN_COLUMNS = ["soort", "positie", "tekst", "bevestigd"]
SCENARIO_COLUMNS = ["rol", "nu", "gewenst"]
SESSIE_COLUMNS = ["gegeven", "waarde"]
CSV_COLUMNS = ["locatie", "datum", "thema", "soort_gegeven", "rol", "vraag_id", "vraag", "type",
               "antwoord", "score", "koos_gewenst", "koos_feitelijk", "verborgen", "nu",
               "gewenst", "tijdstip"]
_CSV_NUMBERS = ("score", "koos_gewenst", "koos_feitelijk", "nu", "gewenst")

# Characters that make Excel read a CSV cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_WIDTH = 60
DATE_FORMAT = "YYYY-MM-DD"
MINUTE_FORMAT = "YYYY-MM-DD HH:MM"


def werkblad_frame(report: GroupSnapshot) -> pd.DataFrame:
    """One row per werkblad answer, in the order of the questions, then of the roles."""
    order = {q.id: i for i, q in enumerate(report.theme.vragen)}
    answers = sorted(report.answers, key=lambda a: (order.get(a.question_id, len(order)),
                                                    role_sort_key(a.role), a.updated_at))
    rows = []
    for answer in answers:
        question = report.theme.question(answer.question_id)
        rows.append({
            "vraag_id": answer.question_id,
            "vraag": question.vraag if question else "(vraag staat niet meer in het thema)",
            "type": question.type if question else "",
            "rol": answer.role,
            "antwoord": answer_text(answer.value),
            **_numbers(answer.value),
            "verborgen": yes_no(answer.hidden),
            "tijdstip": local_time(answer.updated_at),
        })
    frame = frame_of(rows, WERKBLAD_COLUMNS)
    return frame.astype({column: "Int64" for column in _NUMBER_COLUMNS})


def _numbers(value: object) -> dict[str, int | None]:
    """The numeric columns of an answer: a scale answer's score, a KOOS answer's pair."""
    if isinstance(value, dict):
        return {"score": None, "gewenst": value.get("gewenst"),
                "feitelijk": value.get("feitelijk")}
    if isinstance(value, int) and not isinstance(value, bool):
        return {"score": value, "gewenst": None, "feitelijk": None}
    return {"score": None, "gewenst": None, "feitelijk": None}


def bijdragen_frame(report: GroupSnapshot) -> pd.DataFrame:
    """Every sterk punt / ontwikkelpunt as it was sent, before editing or merging."""
    rows = [{"soort": KINDS.get(c.kind, c.kind), "tekst": c.text,
             "rol": c.role if c.role is not None else FACILITATOR,
             "tijdstip": local_time(c.created_at)} for c in report.contributions]
    return frame_of(rows, BIJDRAGEN_COLUMNS)


def punten_frame(report: GroupSnapshot) -> pd.DataFrame:
    """The group's list (confirmed or still the working list)."""
    confirmed = yes_no(report.points_confirmed)
    rows = [{"soort": KINDS.get(kind, kind), "positie": position, "tekst": point.text,
             "bevestigd": confirmed}
            for kind in KINDS
            for position, point in enumerate(report.points_of(kind), start=1)]
    return frame_of(rows, PUNTEN_COLUMNS)


def scenario_frame(report: GroupSnapshot) -> pd.DataFrame:
    """Each participant's placement (1–4) now and desired, by role."""
    placements = sorted(report.placements, key=lambda p: role_sort_key(p.role))
    rows = [{"rol": p.role, "nu": p.nu, "gewenst": p.gewenst} for p in placements]
    frame = frame_of(rows, SCENARIO_COLUMNS)
    return frame.astype({"nu": "Int64", "gewenst": "Int64"})


def sessie_frame(report: GroupSnapshot, *, include_names: bool = False) -> pd.DataFrame:
    """Key/value facts about the session and the group's decisions."""
    dagdeel, group, theme = report.dagdeel, report.group, report.theme
    items: list[tuple[str, object]] = dagdeel_facts(dagdeel, include_names)
    items += [("ronde", group.ronde_nummer)]
    if group.label:
        items.append(("tafel", group.label))
    items += [
        ("thema", theme.titel),
        ("domein", theme.domein),
        ("waarborgen", ", ".join(theme.waarborgen)),
    ]
    if include_names:
        items += [("procesbegeleider", group.procesbegeleider),
                  ("terugkoppeling plenair door", group.reporter or "")]
    items += [
        ("stap bij export", group.step.label),
        ("punten bevestigd", yes_no(report.points_confirmed)),
        ("scenario groep nu", scenario_label(report.theme, group.scenario_nu)),
        ("scenario groep gewenst", scenario_label(report.theme, group.scenario_gewenst)),
        ("onderbouwing scenario", group.scenario_argument or ""),
        ("reflectiekaarten getoond", "; ".join(card.titel for card in report.revealed)),
        ("deelnemers totaal", report.participant_count),
    ]
    items += [(f"deelnemers: {role}", count) for role, count in report.role_counts.items()]
    items += purged_facts(report.dagdeel)
    if report.purged_on is not None:
        items += [("werkblad ingevuld door", report.answered),
                  ("ingestuurde punten", report.contribution_count),
                  *placement_facts(report)]
    items.append(("export gemaakt op", local_time(report.made_at)))
    return frame_of([dict(zip(SESSIE_COLUMNS, item)) for item in items], SESSIE_COLUMNS)


def purged_facts(dagdeel: Dagdeel) -> list[tuple[str, object]]:
    """After the purge: when the individual answers went (a date) and what that means."""
    day = purged_on(dagdeel)
    if day is None:
        return []
    return [("individuele antwoorden verwijderd op", day),
            ("toelichting", purged_line(dagdeel))]


def placement_facts(report: GroupSnapshot) -> list[tuple[str, object]]:
    """How many participants placed the school on each scenario, now and desired."""
    distribution = report.distribution
    return [(f"plaatsing {which} scenario {n}", count)
            for which in ("nu", "gewenst")
            for n, count in distribution.totals(which).items()]


def dagdeel_facts(dagdeel: Dagdeel, include_names: bool) -> list[tuple[str, object]]:
    """The first facts of every workbook: partnership, locatie, datum (a date), title."""
    items: list[tuple[str, object]] = []
    if partnership_name(dagdeel):
        items.append(("opleidingsschool", partnership_name(dagdeel)))
    items += [("locatie", dagdeel.locatie), ("datum", dagdeel.datum)]
    if dagdeel.titel:
        items.append(("dagdeel", dagdeel.titel))
    if include_names and dagdeel.hoofdprocesbegeleider:
        items.append(("hoofdprocesbegeleider", dagdeel.hoofdprocesbegeleider))
    return items


def raw_responses_frames(report: GroupSnapshot, *,
                         include_names: bool = False) -> dict[str, pd.DataFrame]:
    """The sheets of the Excel export, by name: Sessie, Werkblad, Bijdragen, Punten, Scenario."""
    return {
        "Sessie": sessie_frame(report, include_names=include_names),
        "Werkblad": werkblad_frame(report),
        "Bijdragen": bijdragen_frame(report),
        "Punten": punten_frame(report),
        "Scenario": scenario_frame(report),
    }


def raw_responses_csv(report: GroupSnapshot) -> bytes:
    """Werkblad answers, contributions and scenario placements in one long table.

    ``soort_gegeven`` says what a row is (werkblad / sterk punt / ontwikkelpunt / scenario);
    locatie, datum and thema are repeated on every row so CSVs of several groups or
    locations can simply be stacked. UTF-8 with BOM and ';' as separator, as Dutch Excel
    expects; cells that Excel would run as a formula get a leading apostrophe.
    """
    common = {"locatie": report.dagdeel.locatie, "datum": report.dagdeel.datum.isoformat(),
              "thema": report.theme.titel}
    rows = []
    for row in werkblad_frame(report).to_dict("records"):
        koos = {"koos_gewenst": row.pop("gewenst"), "koos_feitelijk": row.pop("feitelijk")}
        rows.append({**common, "soort_gegeven": "werkblad", **row, **koos})
    for row in bijdragen_frame(report).to_dict("records"):
        rows.append({**common, "soort_gegeven": row["soort"].lower(), "rol": row["rol"],
                     "antwoord": row["tekst"], "tijdstip": row["tijdstip"]})
    for row in scenario_frame(report).to_dict("records"):
        rows.append({**common, "soort_gegeven": "scenario", "rol": row["rol"],
                     "nu": row["nu"], "gewenst": row["gewenst"]})
    frame = frame_of(rows, CSV_COLUMNS)
    frame = frame.astype({column: "Int64" for column in _CSV_NUMBERS})
    frame["tijdstip"] = frame["tijdstip"].map(
        lambda t: "" if pd.isna(t) else pd.Timestamp(t).strftime("%Y-%m-%d %H:%M"))
    text_columns = [c for c in CSV_COLUMNS if c not in (*_CSV_NUMBERS, "tijdstip")]
    frame[text_columns] = frame[text_columns].fillna("").map(_defuse_formula)
    return frame.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")


def raw_responses_xlsx(report: GroupSnapshot, *, include_names: bool = False) -> bytes:
    return workbook_bytes(raw_responses_frames(report, include_names=include_names))


def workbook_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per frame, header bold, frozen and filterable, columns wide enough to read;
    participant text that looks like a formula stays text."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            if len(frame):
                sheet.auto_filter.ref = sheet.dimensions
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for index, column in enumerate(frame.columns, start=1):
                values = [str(column)] + ["" if pd.isna(v) else str(v) for v in frame[column]]
                longest = max(max(len(line) for line in v.splitlines() or [""]) for v in values)
                if frame[column].dtype.kind == "M":
                    longest = 16
                width = min(max(longest + 2, 8), _MAX_WIDTH)
                sheet.column_dimensions[get_column_letter(index)].width = width
                wrap = longest + 2 > _MAX_WIDTH
                for cell in sheet[get_column_letter(index)][1:]:
                    if cell.is_date:  # moments to the minute, dates without a time
                        cell.number_format = (DATE_FORMAT if _is_day(cell.value)
                                              else MINUTE_FORMAT)
                    if cell.data_type == "f":
                        # openpyxl takes any text starting with '=' for a formula; participant
                        # text stays text.
                        cell.data_type = "s"
                    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    return buffer.getvalue()


def _is_day(value: object) -> bool:
    """A calendar date (the dagdeel's datum), not a moment."""
    return isinstance(value, date) and not isinstance(value, datetime)


def frame_of(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A frame with fixed columns, control characters stripped from text."""
    clean = [{key: strip_control(value) if isinstance(value, str) else value
              for key, value in row.items()} for row in rows]
    return pd.DataFrame(clean, columns=columns)


def _defuse_formula(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
