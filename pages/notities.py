"""The notulist's view of one group: write down what is said, per step. It cannot steer."""
import streamlit as st

from ui import live, push
from ui.limits import limit_caption
from ui.page import refuse_link, setup
from ui.resources import engine, library, theme_or_stop
from ui.text import esc, md
from ui.writes import act, failed, show_flash
from zet.clock import wall_clock
from zet.errors import NotFound
from zet.room import notes
from zet.room.versions import ROOM
from zet.steps import Step

setup("ZET — notities", "control")
library()
try:
    group = notes.group_by_notulist_secret(engine(), st.query_params.get("n", ""))
except NotFound as error:
    refuse_link(str(error))
theme = theme_or_stop(group.theme_id)
FLASH = "note_flash"


def save_note() -> None:
    version = st.session_state.get("note_version", 0)
    act(notes.add_note, group.id, st.session_state.get(f"note_text{version}", ""),
        flash=FLASH)
    if not failed(FLASH):
        st.session_state["note_version"] = version + 1  # a fresh, empty field
        st.session_state[FLASH] = ("success", f"Notitie bewaard om {wall_clock()}.")


st.markdown(f"### Notities · {md(theme.titel)}")
st.caption("Je notities komen in het verslag van deze groep, bij de stap waarin je ze "
           "schrijft. Schrijf op wat gezegd wordt, zonder namen.")


push.follow(group.dagdeel_id, topics=(ROOM,), group_id=group.id)


@st.fragment
def current_step() -> None:
    step = live.step(group.id)
    label = Step(step).label
    st.html(f"<span data-testid='notes-step' data-step='{esc(step)}'></span>")
    st.markdown(f"**Nu: {md(label)}**")


current_step()
version = st.session_state.get("note_version", 0)
st.text_area("Notitie", key=f"note_text{version}", height=160,
             placeholder="Wat wordt er gezegd? Welke voorbeelden, welke vragen?")
limit_caption(notes.MAX_NOTE)
st.button("Notitie bewaren", type="primary", on_click=save_note, width="stretch")
show_flash(FLASH, toast=False)
for note in reversed(notes.notes_of(engine(), group.id)):
    with st.container(border=True):
        st.caption(f"{md(note.step.label)} · {wall_clock(note.created_at)}")
        st.text(note.text)
