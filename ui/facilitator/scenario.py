"""Step 5, scenario: where are we now, where do we want to go?"""
from __future__ import annotations

import streamlit as st

from ui import charts, live
from ui.actions import act
from ui.scenarios import scenario_columns
from zet import groups
from zet.aggregates import scenario_distribution
from zet.content.model import Theme
from zet.groups import Group
from zet.scenarios import scenario_label


@st.fragment(run_every=2)
def _distribution(group_id: int, theme: Theme) -> None:
    distribution = scenario_distribution(live.placements(group_id))
    st.markdown(f"<span data-testid='scenario-placed'>{distribution.placed} van "
                f"{len(live.members(group_id))} deelnemers hebben gekozen</span>",
                unsafe_allow_html=True)
    charts.scenario_distribution(distribution, [s.naam for s in theme.scenarios])


def _decision(group: Group, theme: Theme) -> None:
    st.markdown("### Wat de groep afspreekt")
    options = [1, 2, 3, 4]
    with st.form("group_scenario"):
        now_col, want_col = st.columns(2)
        # Segmented controls, not dropdowns: a dropdown closes when the live chart refreshes.
        nu = now_col.segmented_control("Waar staan we nu?", options, default=group.scenario_nu,
                                       format_func=lambda n: scenario_label(theme, n),
                                       key="group_nu")
        gewenst = want_col.segmented_control("Waar willen we naartoe?", options,
                                             default=group.scenario_gewenst,
                                             format_func=lambda n: scenario_label(theme, n),
                                             key="group_gewenst")
        argument = st.text_area(
            "Onderbouwing", value=group.scenario_argument, max_chars=groups.MAX_ARGUMENT,
            help="Ook 'we willen blijven waar we staan' is een goed antwoord, "
                 "als het past bij de visie van de opleidingsschool.")
        if st.form_submit_button("Vastleggen", type="primary", key="record_scenario"):
            act(groups.record_group_scenario, group.id, nu=nu, gewenst=gewenst,
                argument=argument, success="Scenario van de groep vastgelegd.")
            st.rerun()


def show(group: Group, theme: Theme) -> None:
    marks = {}
    if group.scenario_nu:
        marks[group.scenario_nu] = "nu"
    if group.scenario_gewenst:
        marks[group.scenario_gewenst] = ("nu en gewenst" if group.scenario_gewenst ==
                                         group.scenario_nu else "gewenst")
    scenario_columns(theme, highlight=marks)
    _distribution(group.id, theme)
    _decision(group, theme)
