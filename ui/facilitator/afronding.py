"""Step 6, afronding: who reports back in the plenary, the outcome, and the report."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.downloads import group_downloads
from ui.summary import outcome
from ui.text import md
from ui.writes import act
from zet.room import groups
from zet.room.dagdelen import Dagdeel
from zet.room.groups import Group


def show(group: Group, dagdeel: Dagdeel) -> None:
    with st.form("reporter_form"):
        reporter = st.text_input("Wie vertelt in het plenaire deel wat deze groep heeft "
                                 "opgeleverd?", value=group.reporter,
                                 max_chars=groups.MAX_REPORTER, placeholder="naam of rol")
        if st.form_submit_button("Opslaan", key="save_reporter"):
            act(groups.set_reporter, group.id, reporter, success="Opgeslagen.")
            st.rerun()
    if group.reporter:
        st.markdown(f"**Terugkoppeling in het plenaire deel:** {md(group.reporter)}")
    outcome(live.snapshot(group.id))
    st.markdown("#### Verslag downloaden")
    group_downloads(group, dagdeel, key="afronding")
