"""Small charts for the projector, built from the aggregates in zet.aggregates."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from zet.aggregates import QuestionSummary, ScenarioDistribution
from zet.roles import ROLES

# One colour per role, the same in every chart of the session (colour-blind safe first).
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
            "#332288", "#882255", "#999999"]
ROLE_COLORS = dict(zip(ROLES, _PALETTE))


def _role_colors(frame: pd.DataFrame) -> list[str]:
    return [ROLE_COLORS.get(column, "#777777") for column in frame.columns]


def option_counts(summary: QuestionSummary) -> None:
    """Choice counts, stacked per role."""
    frame = pd.DataFrame(summary.option_counts_by_role).reindex(summary.question.opties)
    if frame.empty or frame.to_numpy().sum() == 0:
        st.caption("Nog geen keuzes.")
        return
    frame.index.name = "Optie"
    st.bar_chart(frame.fillna(0), horizontal=True, stack=True, x_label="aantal",
                 color=_role_colors(frame), height=max(160, 48 * len(summary.question.opties)))


def scale_distribution(summary: QuestionSummary) -> None:
    """Distribution over 1..5 per role."""
    frame = pd.DataFrame(summary.scale_by_role, index=range(1, 6)).fillna(0)
    if frame.empty or frame.to_numpy().sum() == 0:
        st.caption("Nog geen antwoorden.")
        return
    frame.index = [f"{i}" + (f" {summary.question.laag}" if i == 1 and summary.question.laag
                             else f" {summary.question.hoog}" if i == 5 and summary.question.hoog
                             else "") for i in frame.index]
    st.bar_chart(frame, stack=True, y_label="aantal", color=_role_colors(frame), height=260)


def koos_gap(summary: QuestionSummary) -> None:
    """Gewenst vs feitelijk per role, and the gap between them."""
    if not summary.koos_by_role:
        st.caption("Nog geen complete antwoorden.")
        return
    rows = [{"Rol": role, "Gewenst": round(g, 1), "Feitelijk": round(f, 1),
             "Verschil": round(g - f, 1)} for role, (g, f) in summary.koos_by_role.items()]
    overall = summary.koos_overall()
    if overall:
        rows.append({"Rol": "Hele groep", "Gewenst": round(overall[0], 1),
                     "Feitelijk": round(overall[1], 1),
                     "Verschil": round(overall[0] - overall[1], 1)})
    frame = pd.DataFrame(rows).set_index("Rol")
    st.bar_chart(frame[["Gewenst", "Feitelijk"]], stack=False, y_label="gemiddeld (1–5)",
                 height=260)
    st.dataframe(frame, width="stretch")


def scenario_distribution(distribution: ScenarioDistribution, names: list[str]) -> None:
    """Nu and gewenst side by side, bars stacked per role."""
    labels = [f"{i}. {name}" for i, name in enumerate(names, start=1)]
    left, right = st.columns(2)
    for column, which, title in ((left, "nu", "Waar staan we nu?"),
                                 (right, "gewenst", "Waar willen we naartoe?")):
        source = distribution.nu if which == "nu" else distribution.gewenst
        with column:
            st.markdown(f"**{title}**")
            if not source:
                st.caption("Nog niemand heeft een scenario gekozen.")
                continue
            frame = pd.DataFrame(source, index=range(1, 5)).fillna(0)
            frame.index = labels
            st.bar_chart(frame, horizontal=True, stack=True, x_label="aantal deelnemers",
                         y_label="", color=_role_colors(frame), height=260)
