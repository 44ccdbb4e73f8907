"""Start page: a procesbegeleider starts a session or prepares a dagdeel; a participant can
type a code."""
import streamlit as st

from ui.organiser import may_create
from ui.page import setup
from ui.plan_choice import round_plan_choice
from ui.prepare import prepare_form
from ui.resources import library
from ui.writes import act, show_flash
from zet.clock import today
from zet.room.dagdelen import create_single_session

setup("ZET — start")
lib = library()


def single_session_form() -> None:
    themes = lib.ordered_themes()
    with st.form("nieuwe_sessie", border=True):
        locatie = st.text_input("Locatie (school)", max_chars=120, key="s_locatie",
                                placeholder="bijv. Stedelijk College, locatie Noord")
        datum = st.date_input("Datum", value=today(), format="DD-MM-YYYY")
        naam = st.text_input("Jouw naam (procesbegeleider)", max_chars=120, key="s_naam",
                             placeholder="voornaam en achternaam")
        theme_id = st.selectbox(
            "Thema", [t.id for t in themes], placeholder="Kies een thema",
            format_func=lambda tid: f"{lib.theme(tid).titel} ({lib.theme(tid).domein})")
        ronde_minuten = round_plan_choice("s_plan")
        submitted = st.form_submit_button("Sessie starten", type="primary", key="s_start")
    if submitted:
        # Through act: a wrong field or a full disk is a Dutch line, and the form stays.
        created = act(create_single_session, locatie=locatie, datum=datum,
                      procesbegeleider=naam, theme_id=theme_id, known_themes=set(lib.themes),
                      ronde_minuten=ronde_minuten, flash="start_status")
        if created is None:
            show_flash("start_status", toast=False)
        else:
            st.switch_page("pages/begeleiden.py",
                           query_params={"sleutel": created.group_secrets[0]})


st.title("ZET — ZelfEvaluatieTool Kwaliteitsontwikkeling")
st.caption("Samen de kwaliteit van Samen Opleiden en Professionaliseren bespreken: "
           "waar staan we nu, waar willen we naartoe?")
start, join = st.columns([3, 2], gap="large")
with start:
    if may_create():
        single, whole = st.tabs(["Eén thema met één groep",
                                 "Een dagdeel met rondes en groepen"])
        with single:
            single_session_form()
        with whole:
            st.caption("Voor de hoofdprocesbegeleider: programma, rondes en themagroepen. "
                       "Iedereen meldt zich één keer aan; de app stelt per ronde gemengde "
                       "groepen voor.")
            prepare_form()
    st.page_link("pages/themas.py", label="Thema's, scenario's en handleiding bekijken",
                 icon=":material/menu_book:")

with join:
    st.subheader("Meedoen als deelnemer")
    st.write("Scan de QR-code op het scherm, of typ hier de code die de procesbegeleider "
             "laat zien.")
    with st.form("code_form"):
        code = st.text_input("Deelnamecode", max_chars=12, placeholder="bijv. K7MQA")
        go = st.form_submit_button("Meedoen")
    if go:
        st.switch_page("pages/deelnemen.py", query_params={"code": code.strip()[:12]})
