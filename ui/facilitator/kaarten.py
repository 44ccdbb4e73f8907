"""Step 3, reflectiekaarten: browse the theme's cards and reveal one or more."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.actions import act
from ui.cards import card as draw_card
from zet import groups
from zet.content.model import Theme
from zet.groups import Group


def show(group: Group, theme: Theme) -> None:
    revealed = [c for cid in live.revealed(group.id) if (c := theme.card(cid))]
    if revealed:
        columns = st.columns(min(len(revealed), 3))
        for index, card in enumerate(revealed):
            with columns[index % len(columns)]:
                draw_card(card, large=True)
    else:
        st.info("Nog geen reflectiekaart getoond. Kies hieronder een kaart die past bij waar "
                "het gesprek nu is.")
    with st.expander("Kaarten kiezen", expanded=not revealed):
        for card in theme.kaarten:
            shown = card.id in {c.id for c in revealed}
            info, action = st.columns([5, 1])
            with info:
                st.markdown(f"**{card.titel}**" + (" · _getoond_" if shown else ""))
                st.caption(f"Wanneer: {card.inzet}")
                steps = theme.opdracht.card_hint(card.id)
                if steps:
                    st.caption("Past volgens de opdracht bij: "
                               + ", ".join(step.label for step in steps))
            with action:
                if shown:
                    st.button("Wegleggen", key=f"unreveal_{card.id}", width="stretch",
                              on_click=act, args=(groups.hide_card, group.id, card.id))
                else:
                    st.button("Tonen", key=f"reveal_{card.id}", type="primary",
                              width="stretch", on_click=act,
                              args=(groups.reveal_card, group.id, card.id))
