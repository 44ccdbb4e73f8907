"""Last time's open actions of this locatie and theme, for the projector at the start of a
theme group: the conversation starts from what was agreed then. The integrator places
``open_actions_panel`` on the procesbegeleider's screen."""
from __future__ import annotations

import streamlit as st

from ui.resources import engine
from ui.text import md
from zet.export import dutch_date
from zet.programme.actions import open_actions_for


def open_actions_panel(locatie_id: int | None, theme_id: str) -> int:
    """Shows the open actions (nothing when there are none); returns how many."""
    actions = open_actions_for(engine(), locatie_id, theme_id)
    if not actions:
        return 0
    with st.container(border=True):
        st.markdown("### Vorige keer afgesproken")
        st.caption("Acties uit een eerder ZET-gesprek over dit thema op deze locatie. Waar "
                   "staan we nu mee?")
        for action in actions:
            st.markdown(f"**{md(action.ontwikkelpunt)}**")
            since = dutch_date(action.created_at.date())
            lines = [f"Tevreden als: {action.tevreden}" if action.tevreden else "",
                     f"Wie: {action.verantwoordelijk}" if action.verantwoordelijk else "",
                     f"Hoe: {action.aanpak}" if action.aanpak else "",
                     f"Tijdpad: {action.tijdpad}" if action.tijdpad else "",
                     f"Afgesproken op {since}"]
            st.text("\n".join(line for line in lines if line))
    return len(actions)
