"""Step 3, reflectiekaarten: lay a card on the projector, or take it away again."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.text import md
from ui.writes import act
from zet.content.model import Theme
from zet.room import groups
from zet.room.groups import Group


def show(group: Group, theme: Theme) -> None:
    revealed = [cid for cid in live.revealed(group.id)]
    st.caption("Kies een kaart die past bij waar het gesprek nu is. De laatst gekozen kaart "
               "staat op het scherm; met de knoppen hierboven blader je terug.")
    for card in theme.kaarten:
        shown = card.id in revealed
        with st.container(border=True):
            st.markdown(f"**{md(card.titel)}**" + (" · _gekozen_" if shown else ""))
            st.caption(f"Wanneer: {md(card.inzet)}")
            steps = theme.opdracht.card_hint(card.id)
            if steps:
                st.caption("Past volgens de opdracht bij: "
                           + md(", ".join(step.label for step in steps)))
            if shown:
                st.button("Op het scherm", key=f"front_{card.id}", width="stretch",
                          on_click=act, args=(groups.reveal_card, group.id, card.id))
                st.button("Wegleggen", key=f"unreveal_{card.id}", width="stretch",
                          on_click=act, args=(groups.hide_card, group.id, card.id))
            else:
                st.button("Op het scherm", key=f"reveal_{card.id}", type="primary",
                          width="stretch", on_click=act,
                          args=(groups.reveal_card, group.id, card.id))
