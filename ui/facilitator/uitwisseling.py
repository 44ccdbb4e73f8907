"""Step 2, uitwisseling: the answers stand side by side on the projector; here the
procesbegeleider pages through the questions and keeps single answers off the screen."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.text import md
from ui.writes import act, show_flash
from zet.content.model import Theme
from zet.room import answers
from zet.room.aggregates import not_heard_yet, not_heard_yet_label
from zet.room.answers import answer_text
from zet.room.groups import Group


@st.fragment
def _answers(group_id: int, theme: Theme) -> None:
    """Per question a switch that opens its answers, each with a button to keep it off the
    projector. Only opened questions are drawn: at a plenary of 400 that is hundreds of
    elements every poll, and a folded expander would still draw them all."""
    show_flash()
    given = live.group_answers(group_id)
    missing = not_heard_yet(given, live.members(group_id))
    if missing:
        st.caption(md(not_heard_yet_label(missing)))
    for number, question in enumerate(theme.vragen, start=1):
        of_question = [a for a in given if a.question_id == question.id]
        hidden = sum(1 for a in of_question if a.hidden)
        label_md = f"{number}. {md(question.vraag)} ({len(of_question)} antwoorden" + (
            f", {hidden} niet getoond)" if hidden else ")")
        if not st.toggle(label_md, key=f"open_{group_id}_{question.id}"):
            continue
        for answer in of_question:
            with st.container(border=True):
                st.caption(md(answer.role) + (" · niet op het scherm" if answer.hidden
                                              else ""))
                st.text(answer_text(answer.value, bullets=True))
                st.button("Weer tonen" if answer.hidden else "Niet op het scherm",
                          key=f"hide_{answer.participant_id}_{question.id}",
                          on_click=act, args=(answers.set_answer_hidden, group_id,
                                              answer.participant_id, question.id,
                                              not answer.hidden))


def show(group: Group, theme: Theme) -> None:
    st.caption("Dezelfde beelden? Verschillen tussen rollen? Het scherm toont de antwoorden "
               "per vraag, zonder namen. Blader met de knoppen hierboven.")
    _answers(group.id, theme)
