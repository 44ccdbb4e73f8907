"""The werkblad on the phone: every answer is saved as soon as it is given."""
from __future__ import annotations

from typing import Any

import streamlit as st

from ui.resources import engine
from zet import answers
from zet.content.model import Question, Theme
from zet.errors import UserError

SCALE = [1, 2, 3, 4, 5]
_STATUS_TEXT = {
    answers.SaveResult.SAVED: "✓ Opgeslagen",
    answers.SaveResult.CLEARED: "Leeg: telt niet mee",
    answers.SaveResult.DRAFT: "De werkbladstap is gesloten. Je antwoord is bewaard en telt "
                              "mee als de procesbegeleider het werkblad weer opent.",
}


def _key(group_id: int, question: Question, part: str = "") -> str:
    """Widget keys per group: a later round may ask a question with the same id."""
    return f"q{group_id}_{question.id}{'_' + part if part else ''}"


def _initial(group_id: int, question: Question, value: Any) -> None:
    """Put the stored answer into the widget state, once per page session."""
    if question.type == "koos":
        for part in ("gewenst", "feitelijk"):
            st.session_state.setdefault(_key(group_id, question, part), (value or {}).get(part))
    elif question.type == "lijst":
        st.session_state.setdefault(_key(group_id, question), "\n".join(value or []))
    elif question.type == "meerkeuze":
        st.session_state.setdefault(_key(group_id, question), value or [])
    else:
        st.session_state.setdefault(_key(group_id, question), value if value is not None
                                    else ("" if question.type == "tekst" else None))


def _widget_value(group_id: int, question: Question) -> Any:
    state = st.session_state
    if question.type == "koos":
        return {part: state.get(_key(group_id, question, part))
                for part in ("gewenst", "feitelijk")}
    raw = state.get(_key(group_id, question))
    if question.type == "lijst":
        return [line for line in (raw or "").splitlines() if line.strip()]
    return raw


def _save(group_id: int, participant_id: int, question: Question) -> None:
    status_key = f"status{group_id}_{question.id}"
    try:
        result = answers.save_answer(engine(), group_id, participant_id, question,
                                     _widget_value(group_id, question))
    except UserError as error:
        st.session_state[status_key] = ("error", str(error))
    else:
        st.session_state[status_key] = ("ok", _STATUS_TEXT[result])


def _scale_caption(question: Question) -> None:
    if question.laag or question.hoog:
        st.caption(f"1 = {question.laag or 'laag'} · 5 = {question.hoog or 'hoog'}")


def _input(group_id: int, participant_id: int, question: Question) -> None:
    args = (group_id, participant_id, question)
    key = _key(group_id, question)
    if question.type == "tekst":
        st.text_area("Jouw antwoord", key=key, max_chars=answers.MAX_TEXT, on_change=_save,
                     args=args, label_visibility="collapsed", placeholder="Typ je antwoord")
    elif question.type == "lijst":
        st.text_area("Eén punt per regel", key=key, on_change=_save, args=args,
                     placeholder=f"Eén punt per regel (hoogstens {question.max_items})",
                     label_visibility="collapsed")
    elif question.type == "keuze":
        st.radio("Kies één", question.opties, key=key, on_change=_save, args=args,
                 label_visibility="collapsed")
    elif question.type == "meerkeuze":
        st.pills("Kies wat past", question.opties, selection_mode="multi", key=key,
                 on_change=_save, args=args, label_visibility="collapsed")
    elif question.type == "schaal":
        _scale_caption(question)
        st.segmented_control("Schaal", SCALE, key=key, on_change=_save, args=args,
                             label_visibility="collapsed")
    elif question.type == "koos":
        _scale_caption(question)
        for part, label in (("gewenst", "Gewenste situatie"), ("feitelijk", "Feitelijke situatie")):
            st.segmented_control(label, SCALE, key=_key(group_id, question, part),
                                 on_change=_save, args=args)


def show(group_id: int, participant_id: int, theme: Theme) -> None:
    st.info(theme.werkblad_instructie, icon=":material/edit:")
    stored = answers.own_answers(engine(), group_id, participant_id)
    for number, question in enumerate(theme.vragen, start=1):
        _initial(group_id, question, stored.get(question.id))
        with st.container(border=True):
            st.markdown(f"**{number}. {question.vraag}**")
            if question.toelichting:
                st.caption(question.toelichting)
            _input(group_id, participant_id, question)
            kind, message = st.session_state.get(f"status{group_id}_{question.id}", (None, None))
            if kind == "error":
                st.error(message)
            elif kind == "ok":
                st.caption(message)
    st.caption("Je antwoorden worden meteen bewaard. Je kunt ze aanpassen zolang de "
               "procesbegeleider nog bij het werkblad is.")
