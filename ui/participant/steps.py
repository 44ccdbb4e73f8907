"""The phone's view of the steps after the werkblad."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.cards import card as draw_card
from ui.resources import engine
from ui.scenarios import scenario_list
from ui.summary import outcome
from zet import answers, points, scenarios
from zet.answers import answer_text
from zet.content.model import Theme
from zet.errors import UserError

SCENARIO_NUMBERS = [1, 2, 3, 4]


def uitwisseling(group_id: int, participant_id: int, theme: Theme) -> None:
    st.info("Kijk mee op het scherm: daar staan alle antwoorden naast elkaar, zonder namen.",
            icon=":material/visibility:")
    own = answers.own_answers(engine(), group_id, participant_id)
    with st.expander("Jouw antwoorden", expanded=True):
        for question in theme.vragen:
            st.markdown(f"**{question.vraag}**")
            st.text(answer_text(own.get(question.id), bullets=True) or "(niet ingevuld)")


@st.fragment(run_every=2)
def reflectiekaarten(group_id: int, theme: Theme) -> None:
    shown = [c for cid in live.revealed(group_id) if (c := theme.card(cid))]
    if not shown:
        st.info("De procesbegeleider kiest zo een reflectiekaart.", icon=":material/style:")
    for card in reversed(shown):
        draw_card(card)


def _send_point(group_id: int, participant_id: int) -> None:
    kind = st.session_state.get(f"point_kind{group_id}")
    text = st.session_state.get(f"point_text{group_id}", "")
    try:
        created = points.contribute(engine(), group_id, participant_id, kind, text)
    except UserError as error:
        st.session_state[f"point_status{group_id}"] = ("error", str(error))
        return
    st.session_state[f"point_text{group_id}"] = ""
    message = "Verstuurd." if created else "Dit punt had je al verstuurd."
    st.session_state[f"point_status{group_id}"] = ("ok", message)


def punten(group_id: int, participant_id: int) -> None:
    st.write("Wat gaat goed? Wat kan beter? Stuur korte punten; de procesbegeleider zet ze "
             "op het scherm.")
    with st.form("point_form", border=True):
        st.radio("Soort", list(points.KINDS), format_func=points.KINDS.get, horizontal=True,
                 key=f"point_kind{group_id}")
        st.text_input("Jouw punt", key=f"point_text{group_id}", max_chars=points.MAX_POINT)
        st.form_submit_button("Versturen", type="primary", on_click=_send_point,
                              args=(group_id, participant_id), width="stretch")
    kind, message = st.session_state.pop(f"point_status{group_id}", (None, None))
    if kind == "error":
        st.error(message)
    elif kind == "ok":
        st.success(message)
    mine = points.contributions(engine(), group_id, participant_id)
    if mine:
        st.markdown("**Jij stuurde:**")
        for item in mine:
            st.text(f"{points.KINDS[item.kind]}: {item.text}")


def _place(group_id: int, participant_id: int) -> None:
    try:
        scenarios.place(engine(), group_id, participant_id,
                        nu=st.session_state.get(f"scenario_nu{group_id}"),
                        gewenst=st.session_state.get(f"scenario_gewenst{group_id}"))
    except UserError as error:
        st.session_state[f"scenario_status{group_id}"] = ("error", str(error))
    else:
        st.session_state[f"scenario_status{group_id}"] = ("ok", "✓ Opgeslagen")


def scenario(group_id: int, participant_id: int, theme: Theme) -> None:
    st.write("Lees de vier scenario's. Waar staat jullie school nu, en waar willen jullie "
             "naartoe? Blijven waar je staat mag ook, als je het kunt onderbouwen.")
    scenario_list(theme)
    own = scenarios.own_placement(engine(), group_id, participant_id)
    st.session_state.setdefault(f"scenario_nu{group_id}", own.nu if own else None)
    st.session_state.setdefault(f"scenario_gewenst{group_id}", own.gewenst if own else None)
    for which, question in (("nu", "Waar staan we nu?"), ("gewenst", "Waar willen we naartoe?")):
        st.segmented_control(question, SCENARIO_NUMBERS, key=f"scenario_{which}{group_id}",
                             on_change=_place, args=(group_id, participant_id))
    kind, message = st.session_state.get(f"scenario_status{group_id}", (None, None))
    if kind == "error":
        st.error(message)
    elif kind == "ok":
        st.caption(message)


@st.fragment(run_every=5)
def afronding(group_id: int) -> None:
    st.success("Dank je wel voor je bijdrage! Dit is wat jullie groep heeft opgeleverd.",
               icon=":material/favorite:")
    outcome(live.report(group_id))
