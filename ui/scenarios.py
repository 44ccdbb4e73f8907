"""The four scenario descriptions of a theme, for projector, phone and preview."""
from __future__ import annotations

import streamlit as st

from ui.text import md
from zet.content.model import Theme


def scenario_columns(theme: Theme, *, highlight: dict[int, str] | None = None) -> None:
    """Four columns side by side (projector)."""
    highlight = highlight or {}
    for column, scenario in zip(st.columns(4), theme.scenarios):
        with column, st.container(border=True):
            badge = f" · {highlight[scenario.nummer]}" if scenario.nummer in highlight else ""
            st.markdown(f"#### {scenario.nummer}. {md(scenario.naam)}{md(badge)}")
            st.markdown(f"_{md(scenario.samenvatting)}_")
            st.markdown("\n".join(f"- {md(beeld)}" for beeld in scenario.beelden))


def scenario_list(theme: Theme) -> None:
    """One below the other, folded (phone)."""
    for scenario in theme.scenarios:
        with st.expander(f"{scenario.nummer}. {md(scenario.naam)}"):
            st.markdown(f"_{md(scenario.samenvatting)}_")
            st.markdown("\n".join(f"- {md(beeld)}" for beeld in scenario.beelden))
