"""The hoofdprocesbegeleider's control view of a whole dagdeel: what the room is doing,
the tables per round, the links for the procesbegeleiders and the exports.

Never projected: the room's screen is ``/scherm?code=…`` (opening, rounds, close).
"""
import streamlit as st

from ui import live, push
from ui.beamer_links import beamer_and_control
from ui.dagdeel import indeling
from ui.dagdeel.exports import export_panel
from ui.dagdeel.quickscan import quickscan_panel
from ui.dagdeel.waiting import waiting_panel
from ui.links import dagdeel_control_url, screen_url
from ui.page import refuse_link, setup
from ui.pager import screen_pager
from ui.projector import plenary
from ui.resources import engine, library
from ui.text import md
from ui.writes import act, show_flash
from zet.errors import NotFound
from zet.room import rounds
from zet.room.dagdelen import close_dagdeel, dagdeel_by_secret
from zet.room.phase import set_plenary, set_plenary_page
from zet.room.screen_pages import page_at
from zet.room.states import Phase
from zet.room.versions import INPUT, ROOM

setup("ZET — dagdeel", "control")
library()
try:
    dagdeel = dagdeel_by_secret(engine(), st.query_params.get("beheer", ""))
except NotFound as error:
    refuse_link(str(error))

st.markdown(f"### Dagdeel {md(dagdeel.locatie)}")
st.caption(f"{dagdeel.datum:%d-%m-%Y} · deelnamecode **{md(dagdeel.join_code)}**")
st.html(f"<span data-testid='dagdeel-phase' data-phase='{dagdeel.fase.value}'></span>")
show_flash()
push.follow(dagdeel.id, topics=(ROOM, INPUT), coalesce_ms=push.CONTROL_COALESCE_MS)


@st.fragment
def screen_controls(dagdeel_id: int) -> None:
    """What the plenary screen shows, with buttons to page it."""
    current = live.dagdeel(dagdeel_id)
    pages = plenary.pages_of(dagdeel_id)
    index, page = page_at(pages, current.screen_page)
    screen_pager(page.title, index, len(pages), set_plenary_page, dagdeel_id, key="plenary",
                 expected_phase=current.fase)


st.markdown("**Nu in de zaal**")
st.button("Plenaire opening", key="phase_opening", width="stretch",
          type="primary" if dagdeel.fase == Phase.OPENING else "secondary",
          on_click=act, args=(set_plenary, dagdeel.id, Phase.OPENING))
for ronde in live.all_rounds(dagdeel.id):
    running = dagdeel.room.runs(ronde.nummer)
    st.button(f"Ronde {ronde.nummer}" + (" (loopt)" if running else " starten"),
              key=f"phase_round_{ronde.nummer}", width="stretch",
              type="primary" if running else "secondary", disabled=running,
              on_click=act, args=(rounds.start_round, dagdeel.id, ronde.nummer),
              kwargs={"success": f"Ronde {ronde.nummer} is gestart: de telefoons tonen "
                                 "ieders tafel."})
st.button("Plenaire afsluiting", key="phase_closing", width="stretch",
          type="primary" if dagdeel.fase == Phase.AFSLUITING else "secondary",
          on_click=act, args=(set_plenary, dagdeel.id, Phase.AFSLUITING))
screen_controls(dagdeel.id)
waiting_panel(dagdeel.id)

beamer, tafels, koppelingen, export, vooraf = st.tabs(
    ["Beamer", "Indeling per ronde", "Links voor procesbegeleiders", "Programma en export",
     "Quickscan vooraf"])
with beamer:
    beamer_and_control(screen_url(dagdeel.join_code), dagdeel_control_url(dagdeel.admin_secret),
                       screen_name="het plenaire scherm", button="Plenair scherm openen",
                       controls_what="het hele dagdeel")
with tafels:
    indeling.rounds_panel(dagdeel.id)
with koppelingen:
    indeling.links(dagdeel)
with export:
    export_panel(dagdeel)
with vooraf:
    quickscan_panel(dagdeel, [t.theme_id for r in live.all_rounds(dagdeel.id) for t in r.tables])

if dagdeel.is_open:
    with st.popover("Dagdeel afsluiten", width="stretch"):
        st.write("Daarna kan niemand meer iets invullen. Exporteren blijft mogelijk.")
        st.button("Ja, sluit het dagdeel af", type="primary", key="close_dagdeel",
                  on_click=act, args=(close_dagdeel, dagdeel.id))
else:
    st.info("Dit dagdeel is afgesloten.")
st.page_link("pages/themas.py", label="Handleiding en thema's", icon=":material/menu_book:")
