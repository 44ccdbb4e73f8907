"""The quickscan before the dagdeel, on a phone: no account, pick your role, tap ratings.

The address carries only the quickscan's public code; who this phone is lives in its own
HttpOnly cookie (``web.phone``), so a forwarded link carries nobody's answers.
"""
import streamlit as st

from ui import phone_identity
from ui.page import setup
from ui.phone_start import Phone, code_form, end_of_page, keep, role_form, stored_token
from ui.quickscan.phone import STORED, ratings_form
from ui.resources import client_key, engine, library
from ui.text import esc, md
from ui.writes import act
from web.phone import QUICKSCAN_COOKIE
from zet.errors import NotFound, UserError
from zet.room import quickscan
from zet.room.dagdelen import get_dagdeel
from zet.room.throttle import guarded

setup("ZET — quickscan", "phone")
PHONE = Phone(token_key="zet_qs_token", forget_key="zet_qs_forget", sent_key="zet_qs_cookie",
              cookie=QUICKSCAN_COOKIE, route=phone_identity.QUICKSCAN, prefix="qs_",
              role_form="qs_start")
library()


def respondent_of_this_phone(scan: quickscan.Quickscan) -> quickscan.Respondent | None:
    token = stored_token(PHONE)
    try:
        found = quickscan.respondent_by_token(engine(), token) if token else None
    except NotFound:
        found = None
    if found is not None and found.quickscan_id != scan.id:
        found = None  # another quickscan's respondent: start anew for this one
    keep(PHONE, found)
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
    role_form(PHONE, "Beginnen",
              lambda role, _initials: act(quickscan.start, scan.id, role=role, flash=PHONE.flash))


try:
    scan = guarded(quickscan.find_quickscan, engine(), st.query_params.get("code", ""),
                   client_key())
except UserError as error:  # an unknown code, or too many wrong ones
    code_form(PHONE, "Code van de quickscan",
              None if not st.query_params.get("code") else str(error))
dagdeel = get_dagdeel(engine(), scan.dagdeel_id)
st.html(f"<div class='zet-head'><div class='zet-head-title'>Quickscan vooraf</div>"
        f"<div class='zet-head-line'>{esc(dagdeel.locatie)} · dagdeel van "
        f"{dagdeel.datum:%d-%m-%Y}</div></div>")
respondent = respondent_of_this_phone(scan)
if respondent is None:
    start_form(scan)
assert respondent is not None

st.caption(f"Jij vult in als: {md(respondent.role_group)}")
ratings_form(scan, respondent, library(), quickscan.own_ratings(engine(), respondent.id))
end_of_page(PHONE, respondent.token, stored=STORED, forget_device=quickscan.forget_device,
            help_text="Deze telefoon vergeet wie hier invulde; je begint opnieuw.")
