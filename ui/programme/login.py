"""The programme manager's login: a form, a session token kept in this browser session
only (never in the URL), and logging out. Everything behind it calls ``require_account``."""
from __future__ import annotations

import secrets

import streamlit as st

from ui.resources import engine
from ui.text import md
from zet.accounts import Account, account_for, log_in, log_out
from zet.errors import UserError
from zet.login_limits import client_address

TOKEN = "_pm_token"


def _client() -> str:
    """Who is trying, for the login limits (``zet`` stores only a keyed hash of it): the
    address, else this browser session."""
    peer = getattr(st.context, "ip_address", None)
    address = client_address(peer if isinstance(peer, str) else None,
                             st.context.headers.get("X-Forwarded-For"))
    return address or st.session_state.setdefault("_pm_client",
                                                  "sessie-" + secrets.token_hex(8))


def _submit() -> None:
    try:
        st.session_state[TOKEN] = log_in(engine(), st.session_state.get("pm_naam", ""),
                                         st.session_state.get("pm_wachtwoord", ""),
                                         client=_client())
        st.session_state.pop("pm_login_error", None)
    except UserError as error:
        st.session_state["pm_login_error"] = str(error)
    st.session_state["pm_wachtwoord"] = ""


def require_account() -> Account:
    """The logged-in account, or the login form and a stop."""
    account = account_for(engine(), st.session_state.get(TOKEN))
    if account is not None:
        return account
    st.session_state.pop(TOKEN, None)
    st.title("Programmamanager")
    st.write("Hier zie je de opbrengst van alle locaties en jaren bij elkaar. Log in met het "
             "account dat je beheerder voor je maakte (`python -m zet account add NAAM`).")
    with st.form("pm_login", border=True, enter_to_submit=True):
        st.text_input("Naam", key="pm_naam")
        st.text_input("Wachtwoord", type="password", key="pm_wachtwoord")
        st.form_submit_button("Inloggen", type="primary", on_click=_submit)
    if message := st.session_state.get("pm_login_error"):
        st.error(md(message), icon=":material/lock:")
    st.stop()
    raise AssertionError("st.stop() returned")  # for type checkers


def logout_button() -> None:
    def _out() -> None:
        log_out(engine(), st.session_state.pop(TOKEN, None))

    st.button("Uitloggen", key="pm_logout", on_click=_out, icon=":material/logout:",
              width="stretch")
