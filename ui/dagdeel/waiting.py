"""Late joiners who wait for a seat: every table of the running round was past the scenario
step when they came, so the hoofdprocesbegeleider chooses where they sit."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.dagdeel.indeling import who
from ui.resources import engine, library
from ui.text import esc
from ui.writes import act, show_flash
from zet.room import rounds
from zet.steps import LATE_JOIN_STEPS, Step


@st.fragment
def waiting_panel(dagdeel_id: int) -> None:
    """Nothing while nobody waits; otherwise each waiting person with a table to choose."""
    show_flash("waiting")
    nummer, people = rounds.waiting(engine(), dagdeel_id)
    st.html(f"<span data-testid='waiting-count' data-count='{len(people)}'></span>")
    if nummer is None or not people:
        return
    ronde = next(r for r in live.all_rounds(dagdeel_id) if r.nummer == nummer)
    lib = library()
    steps = {t.group_id: Step(live.step(t.group_id)) for t in ronde.tables}

    def table_label(group_id: int) -> str:
        table = next(t for t in ronde.tables if t.group_id == group_id)
        step = steps[group_id]
        later = "" if step in LATE_JOIN_STEPS else " · luistert mee, telt niet mee"
        return (f"Tafel {table.label} · {lib.title(table.theme_id)} · stap {step.number} "
                f"({step.label}) · {len(table.members)} deelnemers{later}")

    with st.container(border=True):
        st.markdown(f"**Wachten op een tafel in ronde {nummer}: {len(people)}**")
        st.caption("Ze kwamen toen elke tafel al voorbij de scenariostap was. Kies waar ze "
                   "aanschuiven; hun telefoon toont dan hun tafel.")
        for person in people:
            st.html(f"<div data-testid='waiting-person'><b>{esc(who(person))}</b></div>")
            choice, give = st.columns([4, 1], vertical_alignment="bottom")
            key = f"seat_to_{person.id}"
            choice.selectbox("Tafel", [t.group_id for t in ronde.tables], key=key,
                             format_func=table_label, label_visibility="collapsed")
            give.button("Plek geven", key=f"seat_{person.id}", on_click=_seat,
                        args=(dagdeel_id, nummer, person.id, key), width="stretch")


def _seat(dagdeel_id: int, nummer: int, participant_id: int, key: str) -> None:
    act(rounds.seat_waiting, dagdeel_id, nummer, participant_id, st.session_state.get(key),
        success="Plek gegeven: de telefoon toont de tafel.", flash="waiting")
