"""The outcome of one group at a glance (afronding, plenary close)."""
from __future__ import annotations

import streamlit as st

from ui.text import md
from zet.room import points
from zet.room.scenarios import scenario_label
from zet.room.snapshot import GroupSnapshot


def outcome(report: GroupSnapshot) -> None:
    if not report.points_confirmed:
        st.warning("De lijst met punten is nog niet bevestigd.", icon=":material/hourglass_empty:")
    columns = st.columns(2, gap="large")
    for column, kind in zip(columns, points.KINDS):
        with column:
            st.markdown(f"### {md(points.KIND_PLURALS[kind])}")
            items = report.points_of(kind)
            if not items:
                st.caption("Geen punten vastgelegd.")
            for number, item in enumerate(items, start=1):
                st.text(f"{number}. {item.text}")
    group = report.group
    st.markdown("### Scenario")
    st.markdown(f"**Nu:** {md(scenario_label(report.theme, group.scenario_nu))}  \n"
                f"**Gewenst:** {md(scenario_label(report.theme, group.scenario_gewenst))}")
    if group.scenario_argument:
        st.text(group.scenario_argument)
    if report.revealed:
        st.markdown("**Besproken reflectiekaarten:** "
                    + md(", ".join(card.titel for card in report.revealed)))
