"""Altair charts for the programme manager: the locatie × theme matrix of the latest
placement and the nu → gewenst picture of one theme across locaties or years.
Text from the database only reaches the chart as data (drawn as SVG text, never markup)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from zet.content.model import SCENARIO_NAMES

# Four blues from light to dark: scenario 1 to 4 (a shared language, not a grade).
SCENARIO_COLORS = ["#D6E4F0", "#9DBEDB", "#4F86B8", "#1F5F8B"]
NU_COLOR, GEWENST_COLOR = "#8AA6C1", "#1F5F8B"
_SCENARIO_AXIS = " : ".join(f"datum.value == {n} ? '{n}. {name}'"
                            for n, name in enumerate(SCENARIO_NAMES, start=1)) + " : ''"


def matrix(frame: pd.DataFrame, theme_order: list[str], *, x: str = "thema",
           y: str = "locatie") -> alt.Chart:
    """Columns ``<x>, <y>, nu, gewenst, jaar``: a tile per pair (locatie × theme, or theme
    × year) coloured by where the school stands now, with "nu → gewenst" written on it."""
    data = frame.assign(label=[f"{_n(n)} → {_n(g)}" for n, g in zip(frame.nu, frame.gewenst)])
    slanted = x == "thema"
    base = alt.Chart(data).encode(
        x=alt.X(f"{x}:N", sort=theme_order if slanted else "ascending", title=None,
                axis=alt.Axis(labelAngle=-35 if slanted else 0, labelLimit=170, orient="top",
                              labelOverlap=False, labelFontSize=12, ticks=False)),
        y=alt.Y(f"{y}:N", title=None, sort=None if y == "thema" else "ascending",
                axis=alt.Axis(labelLimit=260, labelOverlap=False, labelFontSize=12,
                              ticks=False)))
    tiles = base.mark_rect(cornerRadius=6, stroke="white", strokeWidth=3).encode(
        color=alt.Color("nu:O", title="Nu (scenario)",
                        scale=alt.Scale(domain=[1, 2, 3, 4], range=SCENARIO_COLORS),
                        legend=alt.Legend(orient="bottom", labelExpr=_SCENARIO_AXIS,
                                          labelLimit=260, labelFontSize=12)),
        tooltip=[alt.Tooltip(f"{y}:N"), alt.Tooltip(f"{x}:N"),
                 alt.Tooltip("nu:Q", title="Nu", format=".1f"),
                 alt.Tooltip("gewenst:Q", title="Gewenst", format=".1f"),
                 alt.Tooltip("jaar:Q", title="Jaar", format="d")])
    labels = base.mark_text(fontSize=15, fontWeight="bold").encode(
        text="label:N",
        color=alt.condition("datum.nu >= 3", alt.value("white"), alt.value("#1F2933")))
    rows = max(1, frame[y].nunique())
    # Streamlit fits the whole chart, axes and legend included, into this height: the
    # slanted theme names take about 110 px and the legend about 60.
    return (tiles + labels).properties(height=60 * rows + (170 if slanted else 90))


def _n(value: object) -> str:
    """2 -> '2', 2.5 -> '2,5', missing -> '–'."""
    if not isinstance(value, (int, float)) or pd.isna(value):
        return "–"
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}".replace(".", ",")


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


def lines_per_year(frame: pd.DataFrame, value: str, title: str,
                   domain: tuple[float, float]) -> alt.Chart:
    """Columns ``jaar, reeks, <value>``: one line per reeks over the years."""
    return alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=90), strokeWidth=3).encode(
        x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{value}:Q", title=title, scale=alt.Scale(domain=list(domain))),
        color=alt.Color("reeks:N", title=None, legend=alt.Legend(orient="bottom",
                                                                  labelLimit=280)),
        tooltip=["reeks:N", "jaar:O", alt.Tooltip(f"{value}:Q", format=".1f")],
    ).properties(height=300)
