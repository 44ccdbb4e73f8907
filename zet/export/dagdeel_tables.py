"""The data of a whole dagdeel as one Excel workbook: one sheet per kind of data, every
group's rows stacked with ronde, tafel and thema in front.

Like the group export: roles only, never a name, initials, token or id of a participant.
"""
from __future__ import annotations

import pandas as pd

from zet.export import local_time, yes_no
from zet.export.spreadsheets import (
    BIJDRAGEN_COLUMNS,
    PUNTEN_COLUMNS,
    SCENARIO_COLUMNS,
    SESSIE_COLUMNS,
    WERKBLAD_COLUMNS,
    bijdragen_frame,
    dagdeel_facts,
    frame_of,
    punten_frame,
    purged_facts,
    scenario_frame,
    werkblad_frame,
    workbook_bytes,
)
from zet.roles import role_sort_key
from zet.room.scenarios import scenario_label
from zet.room.snapshot import DagdeelSnapshot, GroupSnapshot
from zet.room.timetable import timetable_items

SHEETS = ("Dagdeel", "Groepen", "Indeling", "Werkblad", "Bijdragen", "Punten", "Scenario")
WHERE_COLUMNS = ["ronde", "tafel", "thema"]
# Per scenario how many participants placed the school there (kept after a purge).
PLACEMENT_COLUMNS = [f"plaatsing {which} {n}" for which in ("nu", "gewenst") for n in range(1, 5)]
GROEPEN_COLUMNS = [*WHERE_COLUMNS, "domein", "procesbegeleider", "deelnemers",
                   "terugkoppeling", "nu", "gewenst", "scenario nu", "scenario gewenst",
                   "onderbouwing", "punten bevestigd", "sterke punten", "ontwikkelpunten",
                   *PLACEMENT_COLUMNS, "stap bij export"]
NAME_COLUMNS = ("procesbegeleider", "terugkoppeling")  # only with include_names
INDELING_COLUMNS = [*WHERE_COLUMNS, "rol"]
_PER_GROUP = {
    "Werkblad": (werkblad_frame, WERKBLAD_COLUMNS),
    "Bijdragen": (bijdragen_frame, BIJDRAGEN_COLUMNS),
    "Punten": (punten_frame, PUNTEN_COLUMNS),
    "Scenario": (scenario_frame, SCENARIO_COLUMNS),
}
_INTEGER_COLUMNS = ("ronde", "nu", "gewenst", "positie", "deelnemers", "sterke punten",
                    "ontwikkelpunten", "score", "feitelijk", *PLACEMENT_COLUMNS)


def _where(group: GroupSnapshot) -> dict[str, object]:
    return {"ronde": group.group.ronde_nummer, "tafel": group.group.label,
            "thema": group.theme.titel}


def dagdeel_frame(report: DagdeelSnapshot, *, include_names: bool = False) -> pd.DataFrame:
    """Key/value facts about the dagdeel, its programme and who took part (by role)."""
    dagdeel = report.dagdeel
    items = dagdeel_facts(dagdeel, include_names)
    items += [("rondes", len(report.rounds)), ("themagroepen", len(report.groups)),
              ("deelnemers totaal", report.participant_count)]
    items += [(f"deelnemers: {role}", count) for role, count in report.role_counts.items()]
    items += purged_facts(dagdeel)
    for item in timetable_items(dagdeel, report.rounds):
        label = f"programma {item.time}".strip()
        value = item.titel
        if item.ronde is not None and item.ronde.tables:
            titles = {g.group.id: g.theme.titel for g in report.groups}
            value += ": " + "; ".join(
                (f"tafel {t.label} " if t.label else "") + titles.get(t.group_id, t.theme_id)
                for t in item.ronde.tables)
        items.append((label, value))
    items.append(("export gemaakt op", local_time(report.made_at)))
    return frame_of([dict(zip(SESSIE_COLUMNS, item)) for item in items], SESSIE_COLUMNS)


def groepen_frame(report: DagdeelSnapshot, *, include_names: bool = False) -> pd.DataFrame:
    """One row per theme group with what it decided; names of procesbegeleider and reporter
    only with ``include_names``."""
    rows = []
    for group in report.groups:
        g = group.group
        rows.append({
            **_where(group),
            "domein": group.theme.domein,
            "procesbegeleider": g.procesbegeleider,
            "deelnemers": group.participant_count,
            "terugkoppeling": g.reporter,
            "nu": g.scenario_nu,
            "gewenst": g.scenario_gewenst,
            "scenario nu": scenario_label(group.theme, g.scenario_nu),
            "scenario gewenst": scenario_label(group.theme, g.scenario_gewenst),
            "onderbouwing": g.scenario_argument,
            "punten bevestigd": yes_no(group.points_confirmed),
            "sterke punten": len(group.points_of("sterk")),
            "ontwikkelpunten": len(group.points_of("ontwikkel")),
            **{f"plaatsing {which} {n}": count for which in ("nu", "gewenst")
               for n, count in group.distribution.totals(which).items()},
            "stap bij export": g.step.label,
        })
    frame = _typed(frame_of(rows, GROEPEN_COLUMNS))
    return frame if include_names else frame.drop(columns=list(NAME_COLUMNS))


def indeling_frame(report: DagdeelSnapshot) -> pd.DataFrame:
    """Who sat where, by role only: one row per seat, by round and table."""
    themes = {g.group.id: g.theme.titel for g in report.groups}
    rows = []
    for ronde in report.rounds:
        for table in ronde.tables:
            for member in sorted(table.members, key=lambda m: role_sort_key(m.role)):
                rows.append({"ronde": ronde.nummer, "tafel": table.label,
                             "thema": themes.get(table.group_id, table.theme_id),
                             "rol": member.role})
    return _typed(frame_of(rows, INDELING_COLUMNS))


def _stacked(report: DagdeelSnapshot, name: str) -> pd.DataFrame:
    build, columns = _PER_GROUP[name]
    parts = []
    for group in report.groups:
        frame = build(group)
        if frame.empty:
            continue
        where = _where(group)
        for position, column in enumerate(WHERE_COLUMNS):
            frame.insert(position, column, where[column])
        parts.append(frame)
    if not parts:
        return _typed(pd.DataFrame(columns=[*WHERE_COLUMNS, *columns]))
    return _typed(pd.concat(parts, ignore_index=True))


def dagdeel_frames(report: DagdeelSnapshot, *,
                   include_names: bool = False) -> dict[str, pd.DataFrame]:
    """The sheets of the dagdeel workbook, by name: Dagdeel, Groepen, Indeling, Werkblad,
    Bijdragen, Punten, Scenario. Groups in theme order, as in the dagdeel report."""
    frames = {"Dagdeel": dagdeel_frame(report, include_names=include_names),
              "Groepen": groepen_frame(report, include_names=include_names),
              "Indeling": indeling_frame(report)}
    frames.update({name: _stacked(report, name) for name in _PER_GROUP})
    return frames


def dagdeel_xlsx(report: DagdeelSnapshot, *, include_names: bool = False) -> bytes:
    return workbook_bytes(dagdeel_frames(report, include_names=include_names))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Whole numbers as nullable integers: no '2.0' in Excel, empty stays empty."""
    for column in frame.columns:
        if column in _INTEGER_COLUMNS:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    return frame
