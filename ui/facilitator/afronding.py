"""Step 6, afronding: who reports back in the plenary, and the outcome on one screen."""
from __future__ import annotations

import streamlit as st

from ui.actions import act
from ui.facilitator.frame import export_buttons
from ui.resources import engine, library
from ui.summary import outcome
from ui.text import md
from zet import groups
from zet.dagdelen import Dagdeel
from zet.groups import Group
from zet.report import build_group_report


def show(group: Group, dagdeel: Dagdeel) -> None:
    with st.form("reporter_form"):
        reporter = st.text_input("Wie vertelt in het plenaire deel wat deze groep heeft "
                                 "opgeleverd?", value=group.reporter,
                                 max_chars=groups.MAX_REPORTER)
        if st.form_submit_button("Opslaan", key="save_reporter"):
            act(groups.set_reporter, group.id, reporter, success="Opgeslagen.")
            st.rerun()
    if group.reporter:
        st.markdown(f"**Terugkoppeling in het plenaire deel:** {md(group.reporter)}")
    outcome(build_group_report(engine(), library(), group.id))
    st.markdown("### Verslag downloaden")
    cols = st.columns(3)
    with cols[0]:
        export_buttons(group, dagdeel, key="afronding")
