"""The programme manager's page: every locatie and every year in one place. Behind a login;
participants and procesbegeleiders have no way in."""
import streamlit as st

from ui.page import setup
from ui.programme.actions import actions_view
from ui.programme.archive import archive_view
from ui.programme.filters import partnership_choice
from ui.programme.login import logout_button, require_account
from ui.programme.overview import overview_view
from ui.programme.quickscan import quickscan_view
from ui.programme.report import report_view
from ui.programme.rode_lijnen import rode_lijnen_view
from ui.programme.structure import structure_view
from ui.programme.trends import trends_view
from ui.text import md

setup("ZET — programmamanager")
account = require_account()
with st.sidebar:
    st.caption(f"Ingelogd als {md(account.naam)}")
    partnerschap_id = partnership_choice()
    logout_button()

st.title("Opleidingsschool in beeld")
overzicht, archief, rode_lijnen, ontwikkeling, acties, verslag, structuur = st.tabs(
    ["Overzicht", "Archief", "Rode lijnen", "Ontwikkeling", "Acties", "Verslag",
     "Locaties"])
with overzicht:
    overview_view(partnerschap_id)
with archief:
    archive_view(partnerschap_id)
with rode_lijnen:
    rode_lijnen_view(partnerschap_id)
with ontwikkeling:
    trends_view(partnerschap_id)
    quickscan_view(partnerschap_id)
with acties:
    actions_view(partnerschap_id)
with verslag:
    report_view(partnerschap_id)
with structuur:
    structure_view()
