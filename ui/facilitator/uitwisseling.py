"""Step 2, uitwisseling: all answers side by side per role, anonymised, with aggregates."""
from __future__ import annotations

import streamlit as st

from ui import charts, live
from ui.actions import act, show_flash
from zet import answers
from zet.aggregates import not_heard_yet, not_heard_yet_label, summarise
from zet.answers import answer_text
from zet.content.model import Question, Theme
from zet.groups import Group

MAX_COLUMNS = 5


def _answer_card(group_id: int, question: Question, role_answers: list[answers.Answer]) -> None:
    for answer in role_answers:
        with st.container(border=True):
            st.text(answer_text(answer.value, bullets=True))
            st.button("Verbergen", key=f"hide_{answer.participant_id}_{question.id}",
                      type="tertiary", on_click=act,
                      args=(answers.set_answer_hidden, group_id, answer.participant_id,
                            question.id, True))


def _question_block(group_id: int, question: Question, given: list[answers.Answer]) -> None:
    summary = summarise(question, given)
    st.markdown(f"### {question.vraag}")
    if question.type in ("keuze", "meerkeuze"):
        charts.option_counts(summary)
    elif question.type == "schaal":
        charts.scale_distribution(summary)
    elif question.type == "koos":
        charts.koos_gap(summary)
    visible = [a for a in given if a.question_id == question.id and not a.hidden]
    if question.type in ("tekst", "lijst"):
        roles = list(summary.by_role)
        for start in range(0, len(roles), MAX_COLUMNS):
            row_roles = roles[start:start + MAX_COLUMNS]
            for column, role in zip(st.columns(len(row_roles)), row_roles):
                with column:
                    st.markdown(f"**{role}**")
                    _answer_card(group_id, question,
                                 [a for a in visible if a.role == role])
    if summary.hidden_count:
        st.caption(f"{summary.hidden_count} antwoord(en) verborgen door de procesbegeleider.")


@st.fragment(run_every=2)
def _live(group_id: int, theme: Theme) -> None:
    show_flash()
    given = live.group_answers(group_id)
    missing = not_heard_yet(given, live.members(group_id))
    if missing:
        st.warning(not_heard_yet_label(missing), icon=":material/hourglass_empty:")
    if not given:
        st.info("Er zijn nog geen antwoorden.")
    for question in theme.vragen:
        _question_block(group_id, question, given)
        st.divider()
    hidden = [a for a in given if a.hidden]
    if hidden:
        with st.expander(f"Verborgen antwoorden ({len(hidden)})"):
            for answer in hidden:
                cols = st.columns([5, 1])
                cols[0].text(f"{answer.role}: {answer_text(answer.value, bullets=True)}")
                cols[1].button("Weer tonen", key=f"unhide_{answer.participant_id}_"
                               f"{answer.question_id}", on_click=act,
                               args=(answers.set_answer_hidden, group_id,
                                     answer.participant_id, answer.question_id, False))


def show(group: Group, theme: Theme) -> None:
    st.markdown("Dezelfde beelden? Verschillen tussen rollen? Alle antwoorden staan hier "
                "zonder namen naast elkaar.")
    _live(group.id, theme)
