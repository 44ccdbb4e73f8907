"""Step 1, werkblad: everyone works alone; the procesbegeleider follows the progress, may
hide an answer before the group sees it, and may open the step on the beamer with what the
quickscan said on the theme."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.programme.open_actions import open_actions_panel
from ui.resources import engine, library
from ui.text import md
from ui.writes import act, show_flash
from zet.content.model import Theme
from zet.programme.quickscan_results import theme_outcome
from zet.room import answers, groups
from zet.room.aggregates import role_counts
from zet.room.answers import answer_text
from zet.room.groups import Group


@st.fragment
def _progress(group_id: int) -> None:
    state = live.snapshot(group_id)
    progress = state.progress
    st.html(f"<div data-testid='werkblad-progress' style='font-size:2rem;font-weight:700'>"
            f"{progress.done} van {progress.total} ingevuld</div>")
    if progress.started > progress.done:
        st.caption(f"{progress.started - progress.done} deelnemer(s) zijn nog bezig.")
    members = live.members(group_id)
    if members:
        st.caption("Aangemeld: " + " · ".join(
            f"{md(role)} ({count})" for role, count in role_counts(members).items()))
    else:
        st.caption("Nog niemand aangemeld. Op het beamerscherm staat de QR-code.")


@st.fragment
def _preview(group_id: int, theme: Theme) -> None:
    """Every answer so far, with a button to keep one off the projector. Drawn only while
    the procesbegeleider has it open: in a big group it is hundreds of elements every poll."""
    show_flash()
    given = live.group_answers(group_id)
    if not st.toggle(f"Antwoorden vooraf bekijken ({len(given)})", key=f"preview_{group_id}"):
        return
    if not given:
        st.caption("Nog geen antwoorden.")
    for answer in given:
        question = theme.question(answer.question_id)
        with st.container(border=True):
            st.caption(f"{md(answer.role)} · "
                       f"{md(question.vraag if question else answer.question_id)}")
            st.text(answer_text(answer.value, bullets=True))
            label_md = "Weer tonen" if answer.hidden else "Niet op het scherm"
            st.button(label_md, key=f"prehide_{answer.participant_id}_{answer.question_id}",
                      on_click=act, args=(answers.set_answer_hidden, group_id,
                                          answer.participant_id, answer.question_id,
                                          not answer.hidden))


def _switch_quickscan(group_id: int, key: str) -> None:
    act(groups.set_quickscan_first, group_id, bool(st.session_state.get(key)))


def _quickscan_switch(group: Group) -> None:
    """Only when the dagdeel's quickscan has enough answers on this theme to show."""
    if theme_outcome(engine(), library(), group.dagdeel_id, group.theme_id) is None:
        return
    key = f"qs_first_{group.id}"
    st.session_state[key] = group.quickscan_first  # the database's state, not the widget's
    st.toggle("Eerst op het scherm: wat de quickscan zei", key=key,
              on_change=_switch_quickscan, args=(group.id, key),
              help="Per rolgroep van minstens drie mensen, zonder namen. Daarna blader je "
                   "naar de QR-code van het werkblad.")


def show(group: Group, theme: Theme) -> None:
    _quickscan_switch(group)
    if open_actions_panel(live.dagdeel(group.dagdeel_id).locatie_id, group.theme_id):
        st.caption("Deze acties staan ook op het beamerscherm (volgende pagina).")
    st.caption(md(theme.werkblad_instructie))
    _progress(group.id)
    _preview(group.id, theme)
