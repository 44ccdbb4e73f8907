"""The hoofdprocesbegeleider's screen: programme, tables per round, plenary opening/close."""
import streamlit as st

from ui import live
from ui.actions import act, show_flash
from ui.dagdeel import indeling, screens
from ui.dagdeel.exports import export_panel
from ui.page import refuse_link, setup
from ui.resources import engine, library
from ui.text import md
from zet import rounds
from zet.dagdelen import close_dagdeel, dagdeel_by_secret
from zet.errors import NotFound
from zet.room import set_plenary
from zet.states import Phase

setup("ZET — dagdeel", projector=True)
lib = library()
try:
    dagdeel = dagdeel_by_secret(engine(), st.query_params.get("beheer", ""))
except NotFound as error:
    refuse_link(str(error))
all_rounds = live.all_rounds(dagdeel.id)

with st.sidebar:
    st.markdown(f"### Dagdeel {md(dagdeel.locatie)}")
    st.caption(f"{dagdeel.datum:%d-%m-%Y} · deelnamecode **{dagdeel.join_code}**")
    st.markdown("#### Nu in de zaal")
    st.button("Plenaire opening", key="phase_opening", width="stretch",
              type="primary" if dagdeel.fase == Phase.OPENING else "secondary",
              on_click=act, args=(set_plenary, dagdeel.id, Phase.OPENING))
    for ronde in all_rounds:
        running = dagdeel.room.runs(ronde.nummer)
        st.button(f"Ronde {ronde.nummer}" + (" (loopt)" if running else " starten"),
                  key=f"phase_round_{ronde.nummer}", width="stretch",
                  type="primary" if running else "secondary", disabled=running,
                  on_click=act, args=(rounds.start_round, dagdeel.id, ronde.nummer))
    st.button("Plenaire afsluiting", key="phase_closing", width="stretch",
              type="primary" if dagdeel.fase == Phase.AFSLUITING else "secondary",
              on_click=act, args=(set_plenary, dagdeel.id, Phase.AFSLUITING))
    if dagdeel.is_open:
        with st.popover("Dagdeel afsluiten", width="stretch"):
            st.write("Daarna kan niemand meer iets invullen. Exporteren blijft mogelijk.")
            st.button("Ja, sluit het dagdeel af", type="primary", key="close_dagdeel",
                      on_click=act, args=(close_dagdeel, dagdeel.id))
    else:
        st.info("Dit dagdeel is afgesloten.")
    st.page_link("pages/themas.py", label="Handleiding en thema's", icon=":material/menu_book:")

show_flash()
st.html(f"<span data-testid='dagdeel-phase' data-phase='{dagdeel.fase}'></span>")
scherm, tafels, koppelingen, export = st.tabs(
    ["Scherm", "Indeling per ronde", "Links voor procesbegeleiders", "Programma en export"])
with scherm:
    if dagdeel.fase == Phase.OPENING:
        screens.opening(dagdeel)
    elif dagdeel.room.ronde is not None:
        screens.round_overview(dagdeel.id, dagdeel.room.ronde)
    else:
        screens.closing(dagdeel.id)
with tafels:
    st.caption(f"{len(live.people(dagdeel.id))} deelnemers aangemeld. Het voorstel verdeelt "
               "de rollen zo goed mogelijk over de tafels en laat mensen per ronde zo veel "
               "mogelijk nieuwe collega's ontmoeten.")
    for ronde in all_rounds:
        with st.container(border=True):
            indeling.round_panel(dagdeel, ronde)
with koppelingen:
    indeling.links(dagdeel)
with export:
    export_panel(dagdeel)
