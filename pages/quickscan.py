"""The quickscan before the dagdeel, on a phone: no account, pick your role, tap ratings.

The address carries only the quickscan's public code; who this phone is lives in its own
HttpOnly cookie (``web.phone``), so a forwarded link carries nobody's answers.
"""
import streamlit as st

from ui import phone_identity
from ui.actions import act, show_flash
from ui.page import setup
from ui.quickscan.phone import STORED, ratings_form
from ui.resources import client_key, engine, library
from ui.text import esc, md
from web.phone import QUICKSCAN_COOKIE
from zet import quickscan
from zet.dagdelen import get_dagdeel
from zet.errors import NotFound, UserError
from zet.roles import ROLES
from zet.throttle import guarded

setup("ZET — quickscan", "phone")
TOKEN = "zet_qs_token"
library()


def code_form(message: str | None = None) -> None:
    if message:
        st.error(md(message), icon=":material/warning:")
    with st.form("qs_code"):
        code = st.text_input("Code van de quickscan", max_chars=12,
                             value=st.query_params.get("code", "")[:12], placeholder="bijv. K7MQA")
        if st.form_submit_button("Verder", type="primary", width="stretch"):
            st.query_params["code"] = code.strip().upper()
            st.rerun()
    st.stop()


def respondent_of_this_phone(scan: quickscan.Quickscan) -> quickscan.Respondent | None:
    token = st.session_state.get(TOKEN, "")
    if not token and not st.session_state.get("zet_qs_forget"):
        cookie = st.context.cookies.get(QUICKSCAN_COOKIE)
        token = cookie if isinstance(cookie, str) else ""
    try:
        found = quickscan.respondent_by_token(engine(), token) if token else None
    except NotFound:
        found = None
    if found is None or found.quickscan_id != scan.id:
        st.session_state.pop(TOKEN, None)
        return None
    st.session_state[TOKEN] = found.token
    return found


def start_form(scan: quickscan.Quickscan) -> None:
    if not scan.is_open:
        st.info(quickscan.CLOSED_MESSAGE, icon=":material/lock:")
        st.stop()
    minutes = quickscan.estimated_minutes(len(library().quickscan_items(scan.theme_ids)))
    st.write(f"Een korte vragenlijst vooraf, ongeveer {int(minutes)} minuten. Per uitspraak geef "
             "je aan hoe je het zou willen en hoe het nu is. Wat je aantikt, is meteen "
             "bewaard; de uitkomst opent het gesprek op het dagdeel.")
    st.caption(STORED)
    with st.form("qs_start"):
        role = st.selectbox("Wat is je rol?", ROLES, index=None, placeholder="Kies je rol")
        submitted = st.form_submit_button("Beginnen", type="primary", width="stretch")
    if submitted:
        if role is None:
            st.error("Kies eerst je rol.")
            st.stop()
        started = act(quickscan.start, scan.id, role=role, flash="qs_start")
        if started is None:
            show_flash("qs_start", toast=False)
            st.stop()
        st.session_state[TOKEN] = started.token
        st.session_state.pop("zet_qs_forget", None)
        st.rerun()
    st.stop()


def forget_this_phone(token: str) -> None:
    act(quickscan.forget_device, token)
    st.session_state.pop(TOKEN, None)
    st.session_state.pop("zet_qs_cookie", None)
    st.session_state["zet_qs_forget"] = True


try:
    scan = guarded(quickscan.find_quickscan, engine(), st.query_params.get("code", ""),
                   client_key())
except UserError as error:  # an unknown code, or too many wrong ones
    code_form(None if not st.query_params.get("code") else str(error))
dagdeel = get_dagdeel(engine(), scan.dagdeel_id)
st.html(f"<div class='zet-head'><div class='zet-head-title'>Quickscan vooraf</div>"
        f"<div class='zet-head-line'>{esc(dagdeel.locatie)} · dagdeel van "
        f"{dagdeel.datum:%d-%m-%Y}</div></div>")
respondent = respondent_of_this_phone(scan)
if respondent is None:
    if st.session_state.get("zet_qs_forget"):
        phone_identity.forget(phone_identity.QUICKSCAN)
    start_form(scan)
assert respondent is not None

st.caption(f"Jij vult in als: {md(respondent.role_group)}")
ratings_form(scan, respondent, library(), quickscan.own_ratings(engine(), respondent.id))
with st.expander("Niet jij? Of klaar?"):
    st.caption(STORED)
    st.button("Ik ben iemand anders", key="qs_forget", width="stretch",
              on_click=forget_this_phone, args=(respondent.token,),
              help="Deze telefoon vergeet wie hier invulde; je begint opnieuw.")
if st.session_state.get("zet_qs_cookie") != respondent.token:  # once, after everything else
    phone_identity.remember(respondent.token, phone_identity.QUICKSCAN)
    st.session_state["zet_qs_cookie"] = respondent.token
