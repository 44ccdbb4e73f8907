"""The phone during the plenary opening and closing of a dagdeel."""
from __future__ import annotations

import streamlit as st

from ui import live
from ui.resources import engine, general_texts
from ui.summary import outcome
from ui.text import md
from zet.room.participants import groups_joined


def opening() -> None:
    general = general_texts()
    st.success("Je bent aangemeld. We beginnen samen met de plenaire opening.",
               icon=":material/groups:")
    st.write("Zodra de eerste ronde begint, zie je hier aan welke tafel je zit en met welk "
             "thema je aan de slag gaat.")
    with st.expander(md(general.methode_titel)):
        st.markdown(md(general.methode_tekst))


def waiting_for_seat() -> None:
    """A late joiner while every table is past the scenario step: a seat comes by hand."""
    st.info("Je bent aangemeld. De tafels zijn al een eind op weg; de "
            "hoofdprocesbegeleider geeft je zo een tafel. Blijf even op deze pagina: je "
            "ziet hier vanzelf waar je aanschuift.", icon=":material/hourglass_top:")
    st.html("<span data-testid='phone-waiting'></span>")


def closing(participant_id: int) -> None:
    st.success("Plenaire afsluiting: elke groep vertelt wat ze heeft opgeleverd. Dank je wel "
               "voor je bijdrage!", icon=":material/favorite:")
    for group_id in groups_joined(engine(), participant_id):
        report = live.snapshot(group_id)
        with st.expander(f"{md(report.where.capitalize())}: {md(report.theme.titel)}",
                         expanded=True):
            outcome(report)
