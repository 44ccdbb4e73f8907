"""Altair charts for the programme manager: the locatie × theme matrix of the latest
placement and the nu → gewenst picture of one theme across locaties or years.
Text from the database only reaches the chart as data (drawn as SVG text, never markup)."""
from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from zet.content.model import SCENARIO_NAMES
from zet.room.scenarios import SCENARIO_COLORS

NU_COLOR, GEWENST_COLOR = "#8AA6C1", "#1F5F8B"
_SCENARIO_AXIS = " : ".join(f"datum.value == {n} ? '{n}. {name}'"
                            for n, name in enumerate(SCENARIO_NAMES, start=1)) + " : ''"


def matrix(frame: pd.DataFrame, theme_order: list[str], *, x: str = "locatie",
           y: str = "thema") -> alt.LayerChart:
    """Columns ``<x>, <y>, nu, label, tooltip``: a tile per pair (theme × locatie, or theme
    × year) coloured by where the school stands now (grey when the groups differ: ``nu``
    empty), with ``label`` written on it (lines split at newlines). Theme names stand whole
    in the rows; the column heads wrap between words, never inside one."""
    frame = frame.assign(lines=[str(label).count("\n") + 1 for label in frame["label"]])
    lines = int(frame["lines"].max()) if len(frame) else 1
    names = sorted(set(frame[x].astype(str)))
    heads = max([1, *(len(_wrap(name, 22)) for name in names)])
    # Top labels hang down from their anchor: lift the anchor by the lines of the longest.
    base = alt.Chart(frame).encode(
        x=alt.X(f"{x}:N", sort="ascending", title=None,
                axis=alt.Axis(labelAngle=0, labelLimit=0, orient="top", labelOverlap=False,
                              labelFontSize=12, ticks=False, labelBaseline="top",
                              labelLineHeight=HEAD_LINE, labelPadding=HEAD_LINE * heads + 4,
                              labelExpr=wrapped_labels(names, 22))),
        y=alt.Y(f"{y}:N", title=None, sort=theme_order if y == "thema" else "ascending",
                axis=alt.Axis(labelLimit=0, labelOverlap=False, labelFontSize=12,
                              ticks=False)))
    tiles = base.mark_rect(cornerRadius=6, stroke="white", strokeWidth=3).encode(
        color=alt.condition(
            "isValid(datum.nu)",
            alt.Color("nu:O", title="Nu (scenario)",
                      scale=alt.Scale(domain=[1, 2, 3, 4], range=list(SCENARIO_COLORS)),
                      legend=alt.Legend(orient="bottom", labelExpr=_SCENARIO_AXIS,
                                        labelLimit=260, labelFontSize=12)),
            alt.value(SPLIT_COLOR)),
        tooltip=[alt.Tooltip(f"{y}:N"), alt.Tooltip(f"{x}:N"),
                 alt.Tooltip("tooltip:N", title="Nu → gewenst")])
    rows = max(1, frame[y].nunique())
    # Text of several lines hangs from the middle: one layer per line count, each lifted by
    # half its extra lines, so every label sits in the middle of its tile.
    labels = [base.transform_filter(f"datum.lines == {count}").mark_text(
        fontSize=14, fontWeight="bold", lineBreak="\n", lineHeight=17,
        dy=-8.5 * (count - 1)).encode(
            text="label:N",
            color=alt.condition("datum.nu >= 3", alt.value("white"), alt.value("#1F2933")))
        for count in sorted(set(frame["lines"]))]
    # Streamlit fits the whole chart, axes and legend included, into this height: the
    # column heads take about 16 px a line and the legend about 70.
    return alt.LayerChart(layer=[tiles, *labels]).properties(
        height=max(48, 18 * lines + 14) * rows + HEAD_LINE * heads + 90)


HEAD_LINE = 15  # px per line of a column head
SPLIT_COLOR = "#E4E7EB"  # a tile whose groups saw the school on different scenarios


def _wrap(value: str, width: int) -> list[str]:
    return textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False) or [value]


def wrapped_labels(values: list[str], width: int) -> str:
    """A Vega label expression that prints each value on lines of about ``width``
    characters, broken between words (Vega draws an array as lines)."""
    table = {value: _wrap(value, width) for value in values}
    return f"({json.dumps(table, ensure_ascii=False)})[datum.label] || datum.label"


def dumbbells(frame: pd.DataFrame, row: str, row_title: str = "") -> alt.Chart:
    """Columns ``<row>, nu, gewenst``: per row a line from nu (light dot) to gewenst (dark
    dot) on the four scenarios; a single dot when they are equal ("we blijven hier")."""
    axis = alt.Axis(values=[1, 2, 3, 4], labelExpr=_SCENARIO_AXIS, labelLimit=150,
                    title=None, grid=True)
    scale = alt.Scale(domain=[0.7, 4.3])
    y = alt.Y(f"{row}:N", title=row_title or None, sort=None,
              axis=alt.Axis(labelLimit=260, labelOverlap=False, labelFontSize=12))
    line = alt.Chart(frame).mark_rule(strokeWidth=4, color="#C5D5E4").encode(
        y=y, x=alt.X("nu:Q", scale=scale, axis=axis), x2="gewenst:Q")
    long = frame.melt(id_vars=[row], value_vars=["nu", "gewenst"], var_name="wat",
                      value_name="scenario").dropna()
    long["wat"] = long["wat"].map({"nu": "Nu", "gewenst": "Gewenst"})
    dots = alt.Chart(long).mark_circle(size=260, opacity=1).encode(
        y=y, x=alt.X("scenario:Q", scale=scale, axis=axis),
        color=alt.Color("wat:N", title=None, scale=alt.Scale(
            domain=["Nu", "Gewenst"], range=[NU_COLOR, GEWENST_COLOR]),
            legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip(f"{row}:N", title=row_title or row), "wat:N",
                 alt.Tooltip("scenario:Q", format=".1f")])
    return (line + dots).properties(height=48 * max(1, frame[row].nunique()) + 90)


def distribution_bars(frame: pd.DataFrame) -> alt.Chart:
    """Columns ``jaar, wat, scenario, groepen``: per year a bar for Nu and one for Gewenst,
    split into how many groups chose each scenario (the four blues), the count on each
    part. A distribution, not an average: the scenarios are no ladder."""
    data = frame.assign(reeks=frame.jaar + " · " + frame.wat)
    order = list(dict.fromkeys(data.reeks))
    base = alt.Chart(data).encode(
        y=alt.Y("reeks:N", sort=order, title=None,
                axis=alt.Axis(labelFontSize=12, labelLimit=0, ticks=False, labelOverlap=False)),
        x=alt.X("sum(groepen):Q", stack="zero", title="aantal groepen",
                axis=alt.Axis(tickMinStep=1, format="d")),
        order=alt.Order("scenario:O"))
    bars = base.mark_bar(stroke="white", strokeWidth=2).encode(
        color=alt.Color("scenario:O", title="Scenario",
                        scale=alt.Scale(domain=[1, 2, 3, 4], range=list(SCENARIO_COLORS)),
                        legend=alt.Legend(orient="bottom", labelExpr=_SCENARIO_AXIS,
                                          labelLimit=260, labelFontSize=12)),
        tooltip=[alt.Tooltip("reeks:N", title="Jaar"),
                 alt.Tooltip("scenario:O", title="Scenario"),
                 alt.Tooltip("sum(groepen):Q", title="Groepen")])
    counts = base.mark_text(fontSize=13, fontWeight="bold", dx=-8, align="right").encode(
        text=alt.Text("sum(groepen):Q", format="d"),
        color=alt.condition("datum.scenario >= 3", alt.value("white"), alt.value("#1F2933")))
    return (bars + counts).properties(height=44 * max(1, len(order)) + 110)


def lines_per_year(frame: pd.DataFrame, value: str, title: str,
                   domain: tuple[float, float]) -> alt.Chart:
    """Columns ``jaar, reeks, <value>``: one line per reeks over the years."""
    return alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=90), strokeWidth=3).encode(
        x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{value}:Q", title=title, scale=alt.Scale(domain=list(domain))),
        color=alt.Color("reeks:N", title=None, legend=alt.Legend(orient="bottom", columns=3,
                                                                  labelLimit=0)),
        tooltip=["reeks:N", "jaar:O", alt.Tooltip(f"{value}:Q", format=".1f")],
    ).properties(height=380)
