"""Step 1, werkblad: everyone works alone; the screen shows progress, not answers."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.actions import act
from ui.facilitator.frame import join_panel
from zet import answers
from zet.aggregates import progress, role_counts
from zet.answers import answer_text
from zet.content.model import ANSWER_TYPE_LABELS, Theme
from zet.dagdelen import Dagdeel
from zet.groups import Group


@st.fragment(run_every=2)
def _progress(group_id: int, theme: Theme) -> None:
    members = live.members(group_id)
    state = progress(theme.vragen, live.group_answers(group_id), members)
    st.markdown(f"<div data-testid='werkblad-progress' style='font-size:3.2rem;font-weight:700'>"
                f"{state.done} van {state.total} ingevuld</div>", unsafe_allow_html=True)
    if state.started > state.done:
        st.caption(f"{state.started - state.done} deelnemer(s) zijn nog bezig.")
    if members:
        st.markdown("**Aangemeld:** " + " · ".join(
            f"{role} ({count})" for role, count in role_counts(members).items()))
    else:
        st.caption("Nog niemand aangemeld. Scan de QR-code om mee te doen.")


def _preview(group_id: int, theme: Theme) -> None:
    """Answers for the procesbegeleider only: hide one before the group sees it."""
    with st.expander("Antwoorden vooraf bekijken (alleen voor jou, niet projecteren)"):
        given = live.group_answers(group_id)
        if not given:
            st.caption("Nog geen antwoorden.")
        for answer in given:
            question = theme.question(answer.question_id)
            cols = st.columns([5, 1])
            cols[0].text(f"{answer.role} · {question.vraag if question else answer.question_id}"
                         f"\n{answer_text(answer.value, bullets=True)}")
            label = "Weer tonen" if answer.hidden else "Verbergen"
            cols[1].button(label, key=f"prehide_{answer.participant_id}_{answer.question_id}",
                           on_click=act, args=(answers.set_answer_hidden, group_id,
                                               answer.participant_id, answer.question_id,
                                               not answer.hidden))


def show(group: Group, dagdeel: Dagdeel, theme: Theme) -> None:
    qr, task = st.columns([2, 3], gap="large")
    with qr:
        join_panel(dagdeel)
    with task:
        st.markdown("### Werkblad — ieder voor zich")
        st.write(theme.werkblad_instructie)
        for number, question in enumerate(theme.vragen, start=1):
            st.markdown(f"**{number}. {question.vraag}**  \n"
                        f"<span style='color:gray'>{ANSWER_TYPE_LABELS[question.type]}</span>",
                        unsafe_allow_html=True)
        _progress(group.id, theme)
    _preview(group.id, theme)
