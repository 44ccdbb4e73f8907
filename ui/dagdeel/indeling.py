"""The hoofdprocesbegeleider arranges the tables of each round and hands out the links."""
from __future__ import annotations

from collections import Counter

import streamlit as st

from ui import live
from ui.links import control_url, screen_url
from ui.resources import engine, library
from ui.text import md
from ui.writes import act, show_flash
from zet.qr import qr_png
from zet.roles import role_sort_key
from zet.room import rounds


def who(member) -> str:
    """A participant as the control view names them: role and initials."""
    return member.role + (f" ({member.initials})" if member.initials else "")


@st.fragment
def rounds_panel(dagdeel_id: int) -> None:
    """Joined count and every round's tables, live: the count grows as phones join."""
    show_flash("indeling")
    dagdeel = live.dagdeel(dagdeel_id)
    everyone = live.people(dagdeel_id)
    st.html(f"<div data-testid='joined-count'><b>{len(everyone)} deelnemers aangemeld."
            "</b></div>")
    st.caption("Het voorstel verdeelt de rollen zo goed mogelijk over de tafels en laat "
               "mensen per ronde zo veel mogelijk nieuwe collega's ontmoeten.")
    # The live proposal of a round nobody sits in yet: shown as people register.
    shown = rounds.preview_rounds(engine(), dagdeel_id)
    for ronde, before in zip(shown, [None, *shown]):
        with st.container(border=True):
            _round(dagdeel, ronde, everyone, before)
    if any(r.proposed and len(r.placed_ids) < len(everyone) for r in shown):
        st.session_state[_DRAWN] = True
        _catch_up()  # newcomers came within the preview's interval: show them after it


_DRAWN = "_indeling_drawn"


@st.fragment(run_every=rounds.PREVIEW_EVERY)
def _catch_up() -> None:
    """Draws the page again once the next preview may be searched, so people who joined
    within ``rounds.PREVIEW_EVERY`` of the last one appear in the proposal too."""
    if st.session_state.pop(_DRAWN, False):
        return  # drawn with the page just now
    st.rerun(scope="app")


def _round(dagdeel, ronde: rounds.Round, everyone, before: rounds.Round | None) -> None:
    lib = library()
    unplaced = [p for p in everyone if p.id not in ronde.placed_ids]
    running = dagdeel.room.runs(ronde.nummer)
    times = f" ({ronde.start_tijd}–{ronde.eind_tijd})" if ronde.start_tijd else ""
    status = "loopt nu" if running else "indeling vast" if ronde.locked else "voorstel"
    st.markdown(f"**Ronde {ronde.nummer}{md(times)}** · {md(status)}")
    if ronde.proposed:
        st.caption("Dit voorstel groeit mee met wie zich aanmeldt. Het wordt bewaard als je "
                   "het vastzet, iemand verplaatst of de ronde start.")
    waits = bool(everyone) and not ronde.placed_ids and not ronde.locked and before is not None
    if waits and before is not None:
        st.caption(f"Het voorstel volgt zodra ronde {before.nummer} een indeling heeft: het "
                   "houdt bij wie elkaar daar al sprak.")
    if unplaced and ronde.placed_ids:
        st.caption(f"{len(unplaced)} deelnemer(s) nog niet ingedeeld; ze krijgen een plek "
                   "als de ronde start, of maak een nieuw voorstel.")
    for table in ronde.tables:
        roles = Counter(m.role for m in table.members)
        mix = ", ".join(f"{count}× {role}" for role, count in
                        sorted(roles.items(), key=lambda i: role_sort_key(i[0])))
        if waits:
            st.markdown(f"Tafel **{md(table.label)}** · {md(lib.title(table.theme_id))}")
            continue
        st.markdown(f"Tafel **{md(table.label)}** · {md(lib.title(table.theme_id))} · "
                    f"{len(table.members)} deelnemers")
        st.caption(md(mix or "nog niemand"))
    flash = {"flash": "indeling"}
    row = st.container(horizontal=True)
    row.button("Nieuw voorstel", key=f"propose_{ronde.nummer}",
               disabled=ronde.locked or not everyone, on_click=act,
               args=(rounds.propose_round, dagdeel.id, ronde.nummer),
               kwargs={"success": f"Nieuwe indeling voor ronde {ronde.nummer}.", **flash})
    row.button("Indeling losmaken" if ronde.locked else "Indeling vastzetten",
               key=f"lock_{ronde.nummer}", on_click=act,
               args=(rounds.set_locked, dagdeel.id, ronde.nummer, not ronde.locked),
               kwargs=flash)
    if ronde.placed_ids and not ronde.locked:
        _move_form(dagdeel, ronde)


def _move(dagdeel_id: int, nummer: int) -> None:
    act(rounds.move_participant, dagdeel_id, nummer, st.session_state.get(f"move_who_{nummer}"),
        st.session_state.get(f"move_to_{nummer}"), success="Verplaatst.", flash="indeling")


def _move_form(dagdeel, ronde: rounds.Round) -> None:
    seated = {m.id: (m, t) for t in ronde.tables for m in t.members}
    with st.expander("Iemand verplaatsen"), st.form(f"move_{ronde.nummer}", border=False):
        st.selectbox(
            "Deelnemer", list(seated), placeholder="Kies een deelnemer",
            key=f"move_who_{ronde.nummer}",
            format_func=lambda pid: f"{who(seated[pid][0])} — nu tafel {seated[pid][1].label}")
        st.selectbox("Naar tafel", [t.group_id for t in ronde.tables],
                     placeholder="Kies een tafel", key=f"move_to_{ronde.nummer}",
                     format_func=lambda gid: next(
                         f"Tafel {t.label}" for t in ronde.tables if t.group_id == gid))
        st.form_submit_button("Verplaatsen", on_click=_move, args=(dagdeel.id, ronde.nummer))


def links(dagdeel) -> None:
    """Each table's control link as a QR code, for its procesbegeleider only."""
    lib = library()
    st.caption("Laat elke procesbegeleider de eigen code scannen, of print de kaarten onder "
               "'Programma en export'. Deze codes horen niet op de beamer.")
    for ronde in live.all_rounds(dagdeel.id):
        st.markdown(f"**Ronde {ronde.nummer}**")
        for table in ronde.tables:
            group = live.group(table.group_id)
            with st.expander(f"Tafel {md(table.label)} — {md(lib.title(table.theme_id))}"
                             f" · {md(table.procesbegeleider)} · stap {group.step.number}"):
                st.image(qr_png(control_url(group.secret)), width=200,
                         alt="QR-code met de link naar de bediening van deze tafel")
                st.code(control_url(group.secret), language=None, wrap_lines=True)
                st.caption("Beamerscherm van deze tafel:")
                st.code(screen_url(dagdeel.join_code, table.label), language=None,
                        wrap_lines=True)
