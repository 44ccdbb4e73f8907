"""Step 5, scenario: where are we now, where do we want to go? The projector shows the four
scenarios with everyone's placement; here the group's decision is recorded."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.limits import limit_caption
from ui.text import md
from ui.writes import act
from zet.content.model import Theme
from zet.room import groups
from zet.room.groups import Group
from zet.room.scenarios import scenario_label

OPTIONS = [1, 2, 3, 4]


@st.fragment
def _placements(group_id: int, theme: Theme) -> None:
    state = live.snapshot(group_id)
    distribution = state.distribution
    st.html(f"<span data-testid='scenario-placed'>{distribution.placed} van "
            f"{state.member_count} deelnemers hebben gekozen</span>")
    nu, gewenst = distribution.totals("nu"), distribution.totals("gewenst")
    st.caption(" · ".join(f"{n}: nu {md(nu[n])}, gewenst {md(gewenst[n])}" for n in OPTIONS))


def _decision(group: Group, theme: Theme) -> None:
    with st.form("group_scenario"):
        st.markdown("**Wat de groep afspreekt**")
        # Radios, one option per line: all four scenarios stay readable at 390 px.
        nu = st.radio("Waar staan we nu?", OPTIONS, key="group_nu",
                      index=OPTIONS.index(group.scenario_nu) if group.scenario_nu else None,
                      format_func=lambda n: md(scenario_label(theme, n)))
        gewenst = st.radio("Waar willen we naartoe?", OPTIONS, key="group_gewenst",
                           index=OPTIONS.index(group.scenario_gewenst)
                           if group.scenario_gewenst else None,
                           format_func=lambda n: md(scenario_label(theme, n)))
        argument = st.text_area(
            "Onderbouwing", value=group.scenario_argument,
            placeholder="Waarom staan we hier, en waarom willen we daarheen?")
        limit_caption(groups.MAX_ARGUMENT)
        st.caption("Ook 'we willen blijven waar we staan' is een goed antwoord, als het past bij "
                   "de visie van de opleidingsschool.")
        if st.form_submit_button("Vastleggen", type="primary", key="record_scenario",
                                 width="stretch"):
            act(groups.record_group_scenario, group.id, nu=nu, gewenst=gewenst,
                argument=argument, success="Scenario van de groep vastgelegd.")
            st.rerun()


def show(group: Group, theme: Theme) -> None:
    if group.scenario_nu or group.scenario_gewenst:
        st.success(f"Vastgelegd: nu {md(scenario_label(theme, group.scenario_nu))} → "
                   f"gewenst {md(scenario_label(theme, group.scenario_gewenst))}",
                   icon=":material/check_circle:")
    _placements(group.id, theme)
    _decision(group, theme)
