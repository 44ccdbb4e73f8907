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


def matrix(frame: pd.DataFrame, theme_order: list[str]) -> alt.Chart:
    """Columns ``locatie, thema, nu, gewenst, jaar``: a tile per locatie and theme coloured
    by where it stands now, with "nu → gewenst" written on it."""
    data = frame.assign(label=[f"{_n(n)} → {_n(g)}" for n, g in zip(frame.nu, frame.gewenst)],
                        dark=frame.nu.fillna(0) >= 3)
    base = alt.Chart(data).encode(
        x=alt.X("thema:N", sort=theme_order, title=None,
                axis=alt.Axis(labelAngle=-35, labelLimit=180, orient="top")),
        y=alt.Y("locatie:N", title=None, axis=alt.Axis(labelLimit=260)))
    tiles = base.mark_rect(cornerRadius=6, stroke="white", strokeWidth=3).encode(
        color=alt.Color("nu:O", title="Nu (scenario)",
                        scale=alt.Scale(domain=[1, 2, 3, 4], range=SCENARIO_COLORS),
                        legend=alt.Legend(orient="bottom", labelExpr=_SCENARIO_AXIS)),
        tooltip=[alt.Tooltip("locatie:N", title="Locatie"), alt.Tooltip("thema:N", title="Thema"),
                 alt.Tooltip("nu:Q", title="Nu"), alt.Tooltip("gewenst:Q", title="Gewenst"),
                 alt.Tooltip("jaar:Q", title="Laatst besproken", format="d")])
    labels = base.mark_text(fontSize=15, fontWeight="bold").encode(
        text="label:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("#1F2933")))
    rows = max(1, frame.locatie.nunique())
    return (tiles + labels).properties(height=56 * rows)


def _n(value: object) -> str:
    return "–" if pd.isna(value) else str(int(value))


def dumbbells(frame: pd.DataFrame, row: str, row_title: str = "") -> alt.Chart:
    """Columns ``<row>, nu, gewenst``: per row a line from nu (light dot) to gewenst (dark
    dot) on the four scenarios; a single dot when they are equal ("we blijven hier")."""
    axis = alt.Axis(values=[1, 2, 3, 4], labelExpr=_SCENARIO_AXIS, labelLimit=150,
                    title=None, grid=True)
    scale = alt.Scale(domain=[0.7, 4.3])
    y = alt.Y(f"{row}:N", title=row_title or None, sort=None, axis=alt.Axis(labelLimit=260))
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
    return (line + dots).properties(height=44 * max(1, frame[row].nunique()) + 30)


def lines_per_year(frame: pd.DataFrame, value: str, title: str,
                   domain: tuple[float, float]) -> alt.Chart:
    """Columns ``jaar, reeks, <value>``: one line per reeks over the years."""
    return alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=90), strokeWidth=3).encode(
        x=alt.X("jaar:O", title=None),
        y=alt.Y(f"{value}:Q", title=title, scale=alt.Scale(domain=list(domain))),
        color=alt.Color("reeks:N", title=None, legend=alt.Legend(orient="bottom",
                                                                  labelLimit=280)),
        tooltip=["reeks:N", "jaar:O", alt.Tooltip(f"{value}:Q", format=".1f")],
    ).properties(height=300)
