"""From ontwikkelpunt to action: the ZEK's four questions per action, and the list of
actions per locatie and theme (open ones return at the next dagdeel)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.limits import limit_caption
from ui.programme.filters import scope_filters, theme_title
from ui.resources import engine
from ui.writes import act, failed, show_flash
from zet.programme.actions import (
    MAX_TEXT,
    MAX_TIJDPAD,
    ZEK_QUESTIONS,
    action_from_point,
    list_actions,
    set_done,
)
from zet.programme.archive import Scope
from zet.programme.rode_lijnen import confirmed_points
from zet.programme.tenancy import Viewer

FLASH = "_pm_act_flash"
QUESTIONS = ZEK_QUESTIONS


def actions_view(base: Scope) -> None:
    show_flash(FLASH)
    scope = scope_filters(base, "ac")
    existing = list_actions(engine(), scope.viewer, locatie_id=scope.locatie_id,
                            theme_id=scope.theme_id, partnerschap_id=scope.partnerschap_id)
    taken = {a.point_id for a in existing}
    candidates = [p for p in confirmed_points(engine(), scope)
                  if p.kind == "ontwikkel" and p.id not in taken]
    st.markdown("#### Van ontwikkelpunt naar actie")
    if not candidates:
        st.caption("Geen bevestigde ontwikkelpunten zonder actie voor deze keuze.")
    else:
        by_id = {p.id: p for p in candidates}
        with st.form("ac_nieuw"):
            st.selectbox(
                "Ontwikkelpunt", list(by_id), key="ac_punt",
                format_func=lambda i: f"{by_id[i].text} ({by_id[i].locatie}, "
                                      f"{theme_title(by_id[i].theme_id)}, {by_id[i].jaar})")
            for key, question in QUESTIONS:
                st.text_area(question, key=f"ac_{key}", height=68)
                limit_caption(MAX_TIJDPAD if key == "tijdpad" else MAX_TEXT)
            st.form_submit_button("Actie maken", type="primary", on_click=_create,
                                  args=(scope.viewer,))
    st.markdown("#### Acties")
    if not existing:
        st.caption("Nog geen acties.")
        return
    st.dataframe(pd.DataFrame([{
        "Status": a.status, "Locatie": a.locatie, "Thema": theme_title(a.theme_id),
        "Ontwikkelpunt": a.ontwikkelpunt, "Tevreden als": a.tevreden,
        "Verantwoordelijk": a.verantwoordelijk, "Hoe": a.aanpak, "Tijdpad": a.tijdpad,
    } for a in existing]), hide_index=True, width="stretch")
    by_action = {a.id: a for a in existing}
    chosen = st.selectbox("Actie", list(by_action), key="ac_kies",
                          format_func=lambda i: f"{by_action[i].ontwikkelpunt} "
                                                f"({by_action[i].locatie}, {by_action[i].status})")
    done = by_action[chosen].is_open
    st.button("Afgerond" if done else "Weer openzetten", key="ac_status",
              on_click=act, args=(set_done, scope.viewer, chosen, done), kwargs={"flash": FLASH})


def _create(viewer: Viewer) -> None:
    state = st.session_state
    act(action_from_point, viewer, state["ac_punt"], flash=FLASH, success="Actie gemaakt.",
        **{key: state.get(f"ac_{key}", "") for key, _q in QUESTIONS})
    if not failed(FLASH):  # a refused action keeps every typed answer in its field
        for key, _q in QUESTIONS:
            state[f"ac_{key}"] = ""
