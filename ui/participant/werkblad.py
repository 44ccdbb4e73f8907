"""The werkblad on the phone: every answer is saved as it is given, open text while typing.

What the phone says about saving is true: "Opgeslagen 14:02" appears only after the
database has the answer, and an answer given after the werkblad closed is kept as a draft
that counts when the procesbegeleider opens the werkblad again.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ui.a11y import name_controls, scale_names
from ui.autosave import journal_leftovers, typing_area
from ui.resources import engine, library
from ui.text import md
from ui.writes import STORAGE_TROUBLE, act, failed
from zet.answer_types import MAX_ITEM, MAX_TEXT, answer_type
from zet.clock import wall_clock
from zet.content.model import Question, Theme
from zet.errors import StorageError, UserError
from zet.room import answers, groups

SCALE = [1, 2, 3, 4, 5]
KOOS_PARTS = (("gewenst", "Gewenste situatie"), ("feitelijk", "Feitelijke situatie"))
LEFT_NOTICES = "werkblad_left_notices"
log = logging.getLogger("zet")


def _key(group_id: int, question: Question, part: str = "") -> str:
    """Widget keys per group: a later round may ask a question with the same id."""
    return f"q{group_id}_{question.id}{'_' + part if part else ''}"


def _status_key(group_id: int, question: Question) -> str:
    return f"status{group_id}_{question.id}"


def _save(group_id: int, participant_id: int, question: Question, value: Any) -> None:
    flash = _status_key(group_id, question)
    result = act(answers.save_answer, group_id, participant_id, question, value, flash=flash)
    if failed(flash):
        return  # act left the Dutch message under the status key
    if result == answers.SaveResult.DRAFT:
        message = ("Bewaard om " + wall_clock() + ". Het werkblad is al gesloten: je antwoord "
                   "telt mee als de procesbegeleider het werkblad weer opent.")
    elif result == answers.SaveResult.CLEARED:
        message = "Leeg: telt niet mee."
    else:
        message = f"Opgeslagen {wall_clock()}"
    st.session_state[flash] = ("success", message)


def _from_widget(group_id: int, participant_id: int, question: Question) -> None:
    """Callback of the closed question types: read the widget, save."""
    _save(group_id, participant_id, question, INPUTS[question.type].read(group_id, question))


def _read_one(group_id: int, question: Question) -> Any:
    return st.session_state.get(_key(group_id, question))


def _read_pair(group_id: int, question: Question) -> Any:
    return {part: st.session_state.get(_key(group_id, question, part))
            for part, _ in KOOS_PARTS}


def _initial_one(group_id: int, question: Question, value: Any) -> None:
    st.session_state.setdefault(_key(group_id, question), value)


def _initial_many(group_id: int, question: Question, value: Any) -> None:
    st.session_state.setdefault(_key(group_id, question), value or [])


def _initial_pair(group_id: int, question: Question, value: Any) -> None:
    for part, _ in KOOS_PARTS:
        st.session_state.setdefault(_key(group_id, question, part), (value or {}).get(part))


def _typed_initial(group_id: int, question: Question, value: Any) -> None:
    """Typing fields keep what is typed themselves (``ui.autosave``)."""


def _scale_caption(question: Question) -> None:
    if question.laag or question.hoog:
        st.caption(f"1 = {md(question.laag or 'laag')} · 5 = {md(question.hoog or 'hoog')}")


def _no_names(group_id: int, question: Question) -> dict[str, dict[str, object]]:
    return {}


def _typed_value(question: Question, text: str) -> Any:
    """The answer a typed field holds: a list question's points are its non-empty lines."""
    if answer_type(question).items:
        return [line for line in text.splitlines() if line.strip()]
    return text


def _scale_names(group_id: int, question: Question) -> dict[str, dict[str, object]]:
    """Screen-reader names of a question's 1–5 buttons ("1 van 5 — helemaal oneens") and
    of their group: the question itself."""
    options = scale_names(len(SCALE), question.laag, question.hoog)
    return {_key(group_id, question): {"group": question.vraag, "options": options}}


def _pair_names(group_id: int, question: Question) -> dict[str, dict[str, object]]:
    """As ``_scale_names``, for each of KOOS's two situations."""
    options = scale_names(len(SCALE), question.laag, question.hoog)
    return {_key(group_id, question, part): {"group": f"{label}: {question.vraag}",
                                             "options": options}
            for part, label in KOOS_PARTS}


def _text_input(group_id: int, participant_id: int, question: Question, stored: Any) -> None:
    key = _key(group_id, question)
    typing_area(key, text=stored or "", max_chars=MAX_TEXT, label=question.vraag,
                placeholder="Typ je antwoord", testid=f"answer-{question.id}",
                journal=f"{participant_id}:{key}",
                on_save=lambda text: _save(group_id, participant_id, question, text))


def _list_input(group_id: int, participant_id: int, question: Question, stored: Any) -> None:
    key = _key(group_id, question)
    typing_area(key, text="\n".join(stored or []), label=question.vraag,
                max_chars=question.max_items * (MAX_ITEM + 1),
                placeholder=f"Eén punt per regel (hoogstens {question.max_items})",
                testid=f"answer-{question.id}", journal=f"{participant_id}:{key}",
                items=(question.max_items, MAX_ITEM),
                on_save=lambda text: _save(group_id, participant_id, question,
                                           _typed_value(question, text)))


def _choice_input(group_id: int, participant_id: int, question: Question, stored: Any) -> None:
    st.radio("Kies één", question.opties, key=_key(group_id, question), on_change=_from_widget,
             args=(group_id, participant_id, question), label_visibility="collapsed",
             index=None, format_func=md)


def _choices_input(group_id: int, participant_id: int, question: Question, stored: Any) -> None:
    st.pills("Kies wat past", question.opties, selection_mode="multi",
             key=_key(group_id, question), on_change=_from_widget,
             args=(group_id, participant_id, question), label_visibility="collapsed")


def _scale_input(group_id: int, participant_id: int, question: Question, stored: Any) -> None:
    _scale_caption(question)
    st.segmented_control(md(question.vraag), SCALE, key=_key(group_id, question),
                         on_change=_from_widget, args=(group_id, participant_id, question),
                         label_visibility="collapsed")


def _pair_input(group_id: int, participant_id: int, question: Question, stored: Any) -> None:
    _scale_caption(question)
    for part, label in KOOS_PARTS:
        st.segmented_control(label, SCALE, key=_key(group_id, question, part),
                             on_change=_from_widget, args=(group_id, participant_id, question))


@dataclass(frozen=True)
class PhoneInput:
    """How one answer type is asked on the phone: ``draw(group_id, participant_id,
    question, stored)`` the widget; ``initial`` puts the stored answer into the widget
    state once; ``read`` takes a closed type's answer from its widget; ``names`` gives
    screen-reader names (``ui.a11y.name_controls``)."""
    draw: Callable[[int, int, Question, Any], None]
    initial: Callable[[int, Question, Any], None] = _initial_one
    read: Callable[[int, Question], Any] = _read_one
    names: Callable[[int, Question], dict[str, dict[str, object]]] = _no_names


# The phone's widget per answer type (``zet.answer_types``; ``tests/test_step_registries.py``).
INPUTS: dict[str, PhoneInput] = {
    "tekst": PhoneInput(_text_input, initial=_typed_initial),
    "lijst": PhoneInput(_list_input, initial=_typed_initial),
    "keuze": PhoneInput(_choice_input),
    "meerkeuze": PhoneInput(_choices_input, initial=_initial_many),
    "schaal": PhoneInput(_scale_input, names=_scale_names),
    "koos": PhoneInput(_pair_input, initial=_initial_pair, read=_read_pair, names=_pair_names),
}


def show(group_id: int, participant_id: int, theme: Theme) -> None:
    st.info(md(theme.werkblad_instructie), icon=":material/edit:")
    stored = answers.own_answers(engine(), group_id, participant_id)
    for number, question in enumerate(theme.vragen, start=1):
        given = INPUTS[question.type]
        given.initial(group_id, question, stored.get(question.id))
        with st.container(border=True):
            st.markdown(f"**{number}. {md(question.vraag)}**")
            if question.toelichting:
                st.caption(md(question.toelichting))
            given.draw(group_id, participant_id, question, stored.get(question.id))
            kind, message = st.session_state.get(_status_key(group_id, question),
                                                  (None, None))
            if kind == "error":
                st.error(md(message), icon=":material/warning:")
            elif kind == "success":
                st.caption(f":material/check: {md(message)}")
    name_controls({key: name for question in theme.vragen
                   for key, name in INPUTS[question.type].names(group_id, question).items()})
    st.caption("Wat je typt, wordt na een tel bewaard; je kunt het aanpassen zolang de "
               "procesbegeleider nog bij het werkblad is.")


def deliver_left_texts(participant_id: int) -> None:
    """Werkblad texts this phone still holds while no werkblad field is on the page: typed,
    then the step moved on and the page was reloaded before the text was sent (the flush of
    ``ui/push.py`` never arrived). They are stored as the field would have stored them (a
    draft once the werkblad closed), or refused with the reason and the text shown, so the
    person can copy it; only a busy storage keeps them on the phone for the next load."""
    for kind, message in st.session_state.pop(LEFT_NOTICES, []):
        (st.success if kind == "success" else st.warning)(message, icon=":material/edit_note:")
    journal_leftovers(f"werkblad_left_{participant_id}", prefix=f"{participant_id}:",
                      deliver=lambda left: _deliver(participant_id, left))


def _deliver(participant_id: int, left: dict[str, str]) -> dict[str, str]:
    """Store each left text; returns those the phone may forget, notices for the next run."""
    done, notices = {}, []
    for field, text in left.items():
        try:
            target = _field_of(field)
            if target is None:
                done[field] = text  # no werkblad field of this app: nothing to store
                continue
            group_id, question = target
            value = _typed_value(question, text)
            stored = answers.own_answers(engine(), group_id, participant_id).get(question.id)
            if stored == answers.normalise_answer(question, value):
                done[field] = text  # the server had it already
                continue
            result = answers.save_answer(engine(), group_id, participant_id, question, value)
        except UserError as error:
            done[field] = text
            notices.append(("warning", f"Je tekst kon niet meer worden bewaard: {md(error)} "
                                       f"Dit typte je: {md(text)}"))
            continue
        except (StorageError, SQLAlchemyError, OSError):
            log.exception("storage failed while handing in a left werkblad text")
            notices.append(("warning", STORAGE_TROUBLE))
            continue
        done[field] = text
        when = ("Het werkblad is al gesloten: het telt mee als de procesbegeleider het "
                "werkblad weer opent." if result == answers.SaveResult.DRAFT else "")
        notices.append(("success", f"Je antwoord op „{md(question.vraag)}” is alsnog bewaard "
                                   f"({wall_clock()}). {when}".strip()))
    st.session_state[LEFT_NOTICES] = notices
    return done


def _field_of(field: str) -> tuple[int, Question] | None:
    """The group and typed question a journal field name (``_key``) stands for."""
    found = re.fullmatch(r"q(\d+)_(.+)", field)
    if not found:
        return None
    group = groups.get_group(engine(), int(found[1]))
    question = next((q for q in library().theme(group.theme_id).vragen
                     if q.id == found[2] and q.type in ("tekst", "lijst")), None)
    return None if question is None else (group.id, question)
