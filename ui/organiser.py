"""Who may create a dagdeel here: anyone on a laptop, only an organiser on a server
(``ZET_AANMAKEN``; see zet.room.access). The login lasts for this browser session."""
from __future__ import annotations

import streamlit as st

from ui.resources import client_key
from ui.text import md
from zet.config import load_settings
from zet.errors import UserError
from zet.room.access import (
    creation_requires_login,
    password_login_available,
    require_organiser_password,
)

_LOGGED_IN = "zet_organiser"


def may_create() -> bool:
    """True when this browser may create dagdelen; otherwise draws the login and says why."""
    settings = load_settings()
    if not creation_requires_login(settings) or st.session_state.get(_LOGGED_IN):
        return True
    st.info("Op deze server maakt alleen een organisator een sessie of dagdeel aan. "
            "Deelnemers hebben geen wachtwoord nodig: zij doen mee met de code op het scherm.",
            icon=":material/lock:")
    if not password_login_available(settings):
        st.caption("Er is nog geen organisatorwachtwoord ingesteld (ZET_ORGANISATOR_WACHTWOORD). "
                   "Vraag de beheerder van deze server.")
        return False
    with st.form("organiser_login"):
        attempt = st.text_input("Wachtwoord organisator", type="password",
                                placeholder="het wachtwoord van de opleidingsschool")
        if st.form_submit_button("Inloggen", type="primary"):
            try:
                require_organiser_password(settings, attempt, client_key())
            except UserError as error:
                st.error(md(error), icon=":material/warning:")
            else:
                st.session_state[_LOGGED_IN] = True
                st.rerun()
    return False
