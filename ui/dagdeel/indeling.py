"""The hoofdprocesbegeleider arranges the tables of each round."""
from __future__ import annotations

from collections import Counter

import streamlit as st

from ui import live
from ui.actions import act
from ui.resources import facilitator_url, library
from zet import rounds
from zet.dagdelen import Dagdeel
from zet.roles import role_sort_key


def _who(member) -> str:
    return member.role + (f" ({member.initials})" if member.initials else "")


def round_panel(dagdeel: Dagdeel, ronde: rounds.Round) -> None:
    lib = library()
    everyone = live.people(dagdeel.id)
    unplaced = [p for p in everyone if p.id not in ronde.placed_ids]
    status = "vast" if ronde.locked else "voorstel"
    running = dagdeel.room.runs(ronde.nummer)
    st.markdown(f"### Ronde {ronde.nummer}" + (f" ({ronde.start_tijd}–{ronde.eind_tijd})"
                                               if ronde.start_tijd else "")
                + (" · :green[loopt nu]" if running else f" · indeling: {status}"))
    if unplaced and ronde.placed_ids:
        st.caption(f"{len(unplaced)} deelnemer(s) nog niet ingedeeld; ze krijgen een plek "
                   "als de ronde start, of maak een nieuw voorstel.")
    columns = st.columns(max(1, len(ronde.tables)))
    for column, table in zip(columns, ronde.tables):
        with column, st.container(border=True):
            st.markdown(f"**Tafel {table.label}** · {lib.theme(table.theme_id).titel}")
            st.caption(f"procesbegeleider {table.procesbegeleider} · "
                       f"{len(table.members)} deelnemers")
            roles = Counter(m.role for m in table.members)
            st.text("\n".join(f"{count}× {role}" for role, count in
                              sorted(roles.items(), key=lambda i: role_sort_key(i[0])))
                    or "(nog niemand)")
    actions = st.columns(3)
    with actions[0]:
        st.button("Nieuw voorstel voor de indeling", key=f"propose_{ronde.nummer}",
                  disabled=ronde.locked or not everyone, on_click=act,
                  args=(rounds.propose_round, dagdeel.id, ronde.nummer),
                  kwargs={"success": f"Nieuwe indeling voor ronde {ronde.nummer}."})
    with actions[1]:
        st.button("Indeling losmaken" if ronde.locked else "Indeling vastzetten",
                  key=f"lock_{ronde.nummer}", on_click=act,
                  args=(rounds.set_locked, dagdeel.id, ronde.nummer, not ronde.locked))
    with actions[2]:
        st.button(f"Ronde {ronde.nummer} starten", key=f"start_{ronde.nummer}",
                  type="primary", disabled=running, on_click=act,
                  args=(rounds.start_round, dagdeel.id, ronde.nummer),
                  kwargs={"success": f"Ronde {ronde.nummer} is gestart: de telefoons tonen "
                                     "ieders tafel."})
    if ronde.placed_ids:
        _move_form(dagdeel, ronde)


def _move_form(dagdeel: Dagdeel, ronde: rounds.Round) -> None:
    seated = {m.id: (m, t) for t in ronde.tables for m in t.members}
    with st.expander("Iemand verplaatsen"), st.form(f"move_{ronde.nummer}", border=False):
        person = st.selectbox(
            "Deelnemer", list(seated),
            format_func=lambda pid: f"{_who(seated[pid][0])} — nu tafel {seated[pid][1].label}")
        table = st.selectbox("Naar tafel", [t.group_id for t in ronde.tables],
                             format_func=lambda gid: next(
                                 f"Tafel {t.label}" for t in ronde.tables if t.group_id == gid))
        if st.form_submit_button("Verplaatsen"):
            act(rounds.move_participant, dagdeel.id, ronde.nummer, person, table,
                success="Verplaatst.")
            st.rerun()


def links(dagdeel: Dagdeel) -> None:
    """One link per table for its procesbegeleider (participants never see these)."""
    lib = library()
    for ronde in live.all_rounds(dagdeel.id):
        st.markdown(f"#### Ronde {ronde.nummer}")
        for table in ronde.tables:
            group = live.group(table.group_id)
            st.markdown(f"**Tafel {table.label} — {lib.theme(table.theme_id).titel}** · "
                        f"{table.procesbegeleider} · stap {group.step.number} "
                        f"({group.step.label})")
            st.code(facilitator_url(group.secret), language=None, wrap_lines=True)
