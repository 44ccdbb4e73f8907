"""The structure: opleidingsscholen and their locaties. New locaties also appear by
themselves when a dagdeel names one; here they get their partnership and names. A manager
sees and arranges their own opleidingsscholen; only an administrator adds one."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.resources import engine
from ui.writes import act, show_flash
from zet.programme.locaties import (
    add_locatie,
    add_partnership,
    list_locaties,
    list_partnerships,
    move_locatie,
    rename_partnership,
)
from zet.programme.tenancy import Viewer

FLASH = "_pm_st_flash"


def structure_view(viewer: Viewer) -> None:
    show_flash(FLASH)
    partnerships = {p.id: p.naam for p in list_partnerships(engine(), viewer)}
    locaties = list_locaties(engine(), viewer)
    if locaties:
        st.dataframe(pd.DataFrame([{"Opleidingsschool": loc.partnerschap, "Locatie": loc.naam}
                                   for loc in locaties]), hide_index=True, width="stretch")
    else:
        st.caption("Nog geen locaties. Een locatie ontstaat ook vanzelf zodra een dagdeel "
                   "haar noemt.")
    left, right = st.columns(2, gap="large")
    with left:
        st.markdown("#### Opleidingsschool")
        choices: list[int | None] = [*([None] if viewer.admin else []), *partnerships]
        if choices:
            with st.form("st_partner", clear_on_submit=True):
                st.selectbox("Welke", choices, key="st_p_id",
                             format_func=lambda i: "Nieuwe opleidingsschool" if i is None
                             else partnerships[i])
                st.text_input("Naam", key="st_p_naam")
                st.form_submit_button("Opslaan", on_click=_save_partnership, args=(viewer,))
    with right:
        st.markdown("#### Locatie")
        if partnerships:
            with st.form("st_locatie", clear_on_submit=True):
                st.selectbox("Opleidingsschool", list(partnerships), key="st_l_p",
                             format_func=lambda i: partnerships[i])
                by_id = {loc.id: loc for loc in locaties}
                st.selectbox("Locatie", [None, *by_id], key="st_l_id",
                             format_func=lambda i: "Nieuwe locatie" if i is None
                             else f"{by_id[i].naam} ({by_id[i].partnerschap})")
                st.text_input("Naam van de nieuwe locatie", key="st_l_naam")
                st.form_submit_button("Opslaan", on_click=_save_locatie, args=(viewer,))


def _save_partnership(viewer: Viewer) -> None:
    state = st.session_state
    if state.get("st_p_id") is None:
        act(add_partnership, viewer, state.get("st_p_naam", ""), flash=FLASH,
            success="Opleidingsschool toegevoegd.")
    else:
        act(rename_partnership, viewer, state["st_p_id"], state.get("st_p_naam", ""),
            flash=FLASH, success="Naam aangepast.")


def _save_locatie(viewer: Viewer) -> None:
    state = st.session_state
    if state.get("st_l_id") is None:
        act(add_locatie, viewer, state["st_l_p"], state.get("st_l_naam", ""), flash=FLASH,
            success="Locatie toegevoegd.")
    else:
        act(move_locatie, viewer, state["st_l_id"], state["st_l_p"], flash=FLASH,
            success="Locatie verplaatst.")
