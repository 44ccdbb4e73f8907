"""The frame of the procesbegeleider's control view: where the group is, the buttons that
move it, what the projector shows now, and the tools around the session.

The control view is never projected: it may hold the secret link and every control. It
is one narrow column, so it works on a phone (390 px) as well as in a laptop window.
"""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.beamer_links import beamer_and_control
from ui.downloads import group_downloads
from ui.glossary import begrippen
from ui.links import control_url, notulist_url, screen_url
from ui.pager import screen_pager
from ui.resources import engine
from ui.text import md
from ui.writes import act, storage_trouble_shown
from zet.clock import now
from zet.content.model import Theme
from zet.qr import qr_png
from zet.room import groups, notes
from zet.room.dagdelen import Dagdeel, close_dagdeel_from_group
from zet.room.screen_pages import group_pages, page_at
from zet.room.timer import guard, round_end
from zet.steps import STEP_ORDER, Step


def header(group: groups.Group, theme: Theme, dagdeel: Dagdeel) -> None:
    """Theme, place, step, the clock and the buttons that move the group."""
    st.markdown(f"### {md(theme.titel)}")
    where = f"{group.where} · " if group.label else ""
    st.caption(f"{md(dagdeel.locatie)} · {dagdeel.datum:%d-%m-%Y} · {md(where)}"
               f"procesbegeleider {md(group.procesbegeleider)} · deelnamecode "
               f"**{md(dagdeel.join_code)}**")
    st.html(f"<span data-testid='control-step' data-step='{group.step.value}'></span>")
    st.markdown(f"**Stap {group.step.number} van {len(STEP_ORDER)}: {md(group.step.label)}**")
    _timer(group, theme, dagdeel)
    back, forward = st.columns(2)
    previous, following = group.step.previous(), group.step.next()
    with back:
        if previous:
            st.button(f"← {md(previous.label)}", key="step_back", width="stretch",
                      on_click=act, args=(groups.set_step, group.id, previous),
                      kwargs={"expected_current": group.step})
    with forward:
        if following:
            st.button(f"{md(following.label)} →", key="step_forward", type="primary",
                      width="stretch", on_click=act,
                      args=(groups.set_step, group.id, following),
                      kwargs={"expected_current": group.step})


@st.fragment(run_every=15)
def _timer(group: groups.Group, theme: Theme, dagdeel: Dagdeel) -> None:
    """Time in this step against the chosen stappenplan, and what the round has left."""
    state = guard(theme.opdracht, group.step, group.step_changed_at, now(),
                  round_end(dagdeel.datum, group.eind_tijd), dagdeel.ronde_minuten)
    parts = [f"richttijd {state.suggested} min (plan van {dagdeel.ronde_minuten} min)",
             f"bezig sinds {state.step_minutes} min"]
    if group.step.spec.always_done:
        parts.append("deze stap altijd doen")
    if state.round_left is not None:
        parts.append(f"nog {max(state.round_left, 0)} min in deze ronde")
    st.caption(md(" · ".join(parts)))
    if state.warning:
        st.warning(md(state.warning), icon=":material/timer:")


@st.fragment
def screen_controls(group_id: int) -> None:
    """Which page the projector shows, with buttons to page it."""
    state = live.snapshot(group_id)
    pages = group_pages(state)
    index, page = page_at(pages, state.group.screen_page)
    screen_pager(page.title, index, len(pages), groups.set_screen_page, group_id,
                 key="screen", expected_step=state.group.step)


def step_guidance(theme: Theme, step: Step) -> None:
    """What the opdracht says the procesbegeleider does now, and the glossary words of the
    step (its guidance, and what the room reads in it: every card to choose from)."""
    plan = theme.opdracht.plan_for(step)
    if plan:
        with st.expander("Aanwijzing voor jou (opdrachtomschrijving)"):
            st.markdown(md(plan.beschrijving))
            if plan.kaarten:
                titles = [c.titel for cid in plan.kaarten if (c := theme.card(cid))]
                st.caption("Passende reflectiekaarten: " + md(", ".join(titles)))
    begrippen(theme, step, theme.kaarten, [plan.beschrijving] if plan else [])


def room_tools(group: groups.Group, dagdeel: Dagdeel) -> None:
    """The beamer, this control view on another device, the notulist, export, closing."""
    beamer = screen_url(dagdeel.join_code, group.label)
    with st.expander("Beamer en links", icon=":material/cast:",
                     expanded=group.step.spec.links_open):
        beamer_and_control(beamer, control_url(group.secret), screen_name="het beamerscherm",
                           button="Beamerscherm openen", controls_what="de groep")
        st.markdown("**Notulist (mag, hoeft niet)**")
        secret = None
        with storage_trouble_shown(stop=False):  # made (written) the first time it is shown
            secret = notes.notulist_secret(engine(), group.id)
        if secret:
            st.image(qr_png(notulist_url(secret)), width=160,
                     alt="QR-code met de link voor de notulist")
            st.caption("De notulist noteert per stap wat gezegd wordt; die notities komen in "
                       "het verslag. De notulist kan de groep niet bedienen.")
            st.code(notulist_url(secret), language=None, wrap_lines=True)
    with st.expander("Verslag en gegevens", icon=":material/download:"):
        group_downloads(group, dagdeel, key="tools")
    if group.label and dagdeel.is_open:
        st.caption("Het dagdeel wordt afgesloten door de hoofdprocesbegeleider.")
    elif dagdeel.is_open:
        with st.popover("Sessie afsluiten", width="stretch"):
            st.write("Na afsluiten kunnen deelnemers niets meer invullen of wijzigen. "
                     "Exporteren blijft mogelijk.")
            st.button("Ja, sluit de sessie af", type="primary", key="close_session",
                      on_click=act, args=(close_dagdeel_from_group, group.id),
                      kwargs={"success": "De sessie is afgesloten."})
    else:
        st.info("Deze sessie is afgesloten.")
    st.page_link("pages/themas.py", label="Handleiding en thema's", icon=":material/menu_book:")
