"""The programme manager's login: a form, a session token kept in this browser session
only (never in the URL), changing one's password, and logging out. Everything behind it
gets the ``Viewer`` of ``require_viewer``: every read of the page needs it."""
from __future__ import annotations

import secrets

import streamlit as st

from ui.resources import engine
from ui.text import md
from ui.writes import act, failed, show_flash
from zet.programme.accounts import MIN_PASSWORD, account_for, change_password, log_in, log_out
from zet.programme.login_limits import client_address
from zet.programme.tenancy import Viewer, viewer_for

TOKEN = "_pm_token"
LOGIN_FLASH = "_pm_login_flash"


def _client() -> str:
    """Who is trying, for the login limits (``zet`` stores only a keyed hash of it): the
    address, else this browser session."""
    peer = getattr(st.context, "ip_address", None)
    address = client_address(peer if isinstance(peer, str) else None,
                             st.context.headers.get("X-Forwarded-For"))
    return address or st.session_state.setdefault("_pm_client",
                                                  "sessie-" + secrets.token_hex(8))


def _submit() -> None:
    """Through ``act``: a wrong password and a database that cannot be written (a login
    writes its attempts) both leave a Dutch message, never a crash."""
    token = act(log_in, st.session_state.get("pm_naam", ""),
                st.session_state.get("pm_wachtwoord", ""), client=_client(), flash=LOGIN_FLASH)
    if token:
        st.session_state[TOKEN] = token
    st.session_state["pm_wachtwoord"] = ""


def require_viewer() -> Viewer:
    """The logged-in account as a Viewer (what it may see), or the login form and a stop."""
    account = account_for(engine(), st.session_state.get(TOKEN))
    viewer = viewer_for(engine(), account.id) if account is not None else None
    if viewer is not None:
        return viewer
    st.session_state.pop(TOKEN, None)
    st.title("Programmamanager")
    st.write("Hier zie je de opbrengst van de locaties en jaren van je opleidingsschool bij "
             "elkaar. Log in met het account dat een beheerder voor je maakte.")
    with st.form("pm_login", border=True, enter_to_submit=True):
        st.text_input("Naam", key="pm_naam")
        st.text_input("Wachtwoord", type="password", key="pm_wachtwoord")
        st.form_submit_button("Inloggen", type="primary", on_click=_submit)
    show_flash(LOGIN_FLASH, toast=False)
    st.stop()
    raise AssertionError("st.stop() returned")  # for type checkers


PW_FLASH = "_pm_pw_flash"
PW_FIELDS = ("pm_pw_nu", "pm_pw_nieuw", "pm_pw_weer")


def _change_password() -> None:
    state = st.session_state
    act(change_password, state.get(TOKEN), *(state.get(k, "") for k in PW_FIELDS),
        flash=PW_FLASH, success="Je wachtwoord is gewijzigd.")
    if not failed(PW_FLASH):  # else the message says what to fix and what was typed stays
        for key in PW_FIELDS:
            state[key] = ""


def account_bar(viewer: Viewer) -> None:
    """Who is logged in, changing one's password (current one, the new one twice) and
    logging out, always in view at the top of the page."""
    st.caption(f"Ingelogd als {md(viewer.naam)}" + (" (beheerder)" if viewer.admin else ""))
    left, right = st.columns(2)
    with left.popover("Wachtwoord", icon=":material/key:", width="stretch"):
        show_flash(PW_FLASH, toast=False)
        with st.form("pm_pw", border=False):
            st.text_input("Huidig wachtwoord", type="password", key=PW_FIELDS[0])
            st.text_input("Nieuw wachtwoord", type="password", key=PW_FIELDS[1],
                          help=f"Minstens {MIN_PASSWORD} tekens.")
            st.text_input("Nieuw wachtwoord nog een keer", type="password", key=PW_FIELDS[2])
            st.form_submit_button("Wachtwoord opslaan", on_click=_change_password)
    with right:
        logout_button()


def logout_button() -> None:
    def _out() -> None:
        act(log_out, st.session_state.pop(TOKEN, None))

    st.button("Uitloggen", key="pm_logout", on_click=_out, icon=":material/logout:",
              width="stretch")
