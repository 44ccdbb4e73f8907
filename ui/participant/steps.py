"""The phone's view of the steps after the werkblad."""
from __future__ import annotations

import time

import streamlit as st

from ui import live
from ui.a11y import name_controls
from ui.autosave import typing_area
from ui.cards import card as draw_card
from ui.glossary import begrippen
from ui.resources import engine
from ui.scenarios import scenario_list
from ui.summary import outcome
from ui.text import esc, md
from ui.writes import act, failed, show_flash
from zet.clock import wall_clock
from zet.content.model import Theme
from zet.programme.actions import zek_prompt
from zet.room import answers, drafts, points, scenarios
from zet.room.answers import answer_text
from zet.steps import Step

SCENARIO_NUMBERS = [1, 2, 3, 4]
POINT_FIELD = "punt"


def uitwisseling(group_id: int, participant_id: int, theme: Theme) -> None:
    st.info("Kijk mee op het scherm: daar staan alle antwoorden naast elkaar, zonder namen.",
            icon=":material/visibility:")
    own = answers.own_answers(engine(), group_id, participant_id)
    with st.expander("Jouw antwoorden", expanded=True):
        # One element for all of them: every phone draws this at the same step change.
        st.html("".join(
            f"<p class='zet-own'><strong>{esc(question.vraag)}</strong><br>"
            f"<span data-testid='own-answer' dir='auto'>"
            f"{esc(answer_text(own.get(question.id), bullets=True) or '(niet ingevuld)')}"
            f"</span></p>" for question in theme.vragen))


def reflectiekaarten(group_id: int, theme: Theme) -> None:
    shown = [c for cid in live.revealed(group_id) if (c := theme.card(cid))]
    if not shown:
        st.info("De procesbegeleider kiest zo een reflectiekaart.", icon=":material/style:")
    for card in reversed(shown):
        draw_card(card)
    begrippen(theme, Step.REFLECTIEKAARTEN, shown)


def _keys(group_id: int) -> tuple[str, str, str, str]:
    return (f"point_text{group_id}", f"point_kind{group_id}", f"point_status{group_id}",
            f"point_version{group_id}")


def _sent_key(group_id: int) -> str:
    """When this phone last sent a point: one tap is one result, also when it is two."""
    return f"point_sent{group_id}"


def _field_key(group_id: int) -> str:
    """A new field after each point sent: the old one's state (and a late blur) is gone."""
    text_key, _, _, version = _keys(group_id)
    return f"{text_key}_{st.session_state.get(version, 0)}"


def _typed(group_id: int) -> str:
    state = st.session_state.get(_field_key(group_id)) or {}
    for which in ("value", "draft"):
        value = state.get(which) if hasattr(state, "get") else getattr(state, which, None)
        if isinstance(value, str):
            return value
    return ""


def _keep_draft(group_id: int, participant_id: int, text: str, field_key: str) -> None:
    if field_key != _field_key(group_id):
        return  # a blur of the field that was just sent
    status = _keys(group_id)[2]
    act(drafts.save_draft, group_id, participant_id, POINT_FIELD, text, flash=status)
    if not failed(status):
        st.session_state[status] = ("draft", f"Concept bewaard {wall_clock()}")


def _send_point(group_id: int, participant_id: int) -> None:
    _, kind_key, status, version = _keys(group_id)
    # After a reload the field shows the stored draft until the first keystroke.
    text = _typed(group_id) or drafts.draft_of(engine(), group_id, participant_id, POINT_FIELD)
    if not text.strip() and time.monotonic() - st.session_state.get(_sent_key(group_id), -9) < 3:
        return  # the second tap of a double tap: the point went with the first one
    created = act(points.contribute, group_id, participant_id,
                  st.session_state.get(kind_key), text, flash=status)
    if failed(status):
        return  # the message is there and the text stays in the field
    act(drafts.clear_draft, group_id, participant_id, POINT_FIELD, flash=status)
    st.session_state[version] = st.session_state.get(version, 0) + 1
    st.session_state[_sent_key(group_id)] = time.monotonic()
    st.session_state[status] = ("success", "Verstuurd." if created
                                else "Dit punt had je al verstuurd.")


def punten(group_id: int, participant_id: int) -> None:
    _, kind_key, status, _ = _keys(group_id)
    st.write("Wat gaat goed? Wat kan beter? Stuur korte punten; de procesbegeleider zet ze "
             "op het scherm.")
    st.caption(md(zek_prompt()))
    with st.container(border=True):
        st.segmented_control("Soort", list(points.KINDS), format_func=points.KINDS.__getitem__,
                             key=kind_key, default="sterk", selection_mode="single",
                             required=True)
        field_key = _field_key(group_id)
        typing_area(field_key, text=drafts.draft_of(engine(), group_id, participant_id,
                                                    POINT_FIELD),
                    max_chars=points.MAX_POINT, label="Jouw punt",
                    placeholder="Typ een sterk punt of een ontwikkelpunt", testid="point-text",
                    on_save=lambda text: _keep_draft(group_id, participant_id, text,
                                                     field_key))
        st.button("Versturen", type="primary", key=f"send_point{group_id}", width="stretch",
                  on_click=_send_point, args=(group_id, participant_id))
        kind, message = st.session_state.get(status, (None, None))
        if kind == "error":
            show_flash(status)
        elif kind in ("success", "draft"):
            st.caption(f":material/check: {md(message)}")
    mine = points.contributions(engine(), group_id, participant_id)
    if mine:
        st.markdown("**Jij stuurde:**")
        for item in mine:
            st.text(f"{points.KINDS[item.kind]}: {item.text}")


def _place(group_id: int, participant_id: int) -> None:
    status = f"scenario_status{group_id}"
    act(scenarios.place, group_id, participant_id,
        nu=st.session_state.get(f"scenario_nu{group_id}"),
        gewenst=st.session_state.get(f"scenario_gewenst{group_id}"), flash=status)
    if not failed(status):
        st.session_state[status] = ("success", f"Opgeslagen {wall_clock()}")


def scenario(group_id: int, participant_id: int, theme: Theme) -> None:
    st.write("Lees de vier scenario's. Waar staat deze school of locatie nu in dit thema, en "
             "waar wil ze naartoe? Blijven waar je staat mag ook, als je het kunt onderbouwen.")
    scenario_list(theme)
    own = scenarios.own_placement(engine(), group_id, participant_id)
    st.session_state.setdefault(f"scenario_nu{group_id}", own.nu if own else None)
    st.session_state.setdefault(f"scenario_gewenst{group_id}", own.gewenst if own else None)
    for which, question in (("nu", "Waar staan we nu?"), ("gewenst", "Waar willen we naartoe?")):
        st.segmented_control(question, SCENARIO_NUMBERS, key=f"scenario_{which}{group_id}",
                             on_change=_place, args=(group_id, participant_id))
    name_controls({f"scenario_{which}{group_id}": {"options": [
        f"Scenario {item.nummer}: {item.naam}" for item in theme.scenarios]}
        for which in ("nu", "gewenst")})
    kind, message = st.session_state.get(f"scenario_status{group_id}", (None, None))
    if kind == "error":
        show_flash(f"scenario_status{group_id}")
    elif kind == "success":
        st.caption(f":material/check: {md(message)}")


def afronding(group_id: int) -> None:
    st.success("Dank je wel voor je bijdrage! Dit is wat jullie groep heeft opgeleverd.",
               icon=":material/favorite:")
    outcome(live.snapshot(group_id))
