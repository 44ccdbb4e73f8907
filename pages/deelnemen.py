"""The participant's phone: join with the code, then follow the group step by step."""
import streamlit as st

from ui import live, phone_identity, phone_start, push
from ui.glossary import begrippen
from ui.page import setup
from ui.participant import plenary, werkblad
from ui.phone_start import Phone, code_form, keep, role_form, stored_token
from ui.resources import client_key, engine, library, theme_or_stop
from ui.steps import STEP_VIEWS
from ui.text import esc
from ui.writes import act, storage_trouble_shown
from web.phone import COOKIE
from zet.errors import NotFound, UserError
from zet.room import participants
from zet.room.dagdelen import Dagdeel
from zet.room.states import Phase
from zet.room.throttle import find_open_dagdeel_guarded
from zet.room.versions import INPUT, ROOM
from zet.steps import STEP_ORDER, Step

setup("ZET — meedoen", "phone")
PHONE = Phone(token_key="zet_token", forget_key="zet_forget", sent_key="zet_cookie",
              cookie=COOKIE, route=phone_identity.PARTICIPANT, prefix="",
              role_form="join")
library()  # stops the page with file and field when content/ is broken

STORED = ("Wat de app bewaart: je rol, je antwoorden en punten bij deze sessie, en je "
          "initialen als je die invult. Op het scherm en in het verslag staat alleen je rol, "
          "nooit je naam of initialen. Na de bewaartermijn van de opleidingsschool worden "
          "je antwoorden gewist; alleen de gezamenlijke uitkomst van de groep blijft.")


def known_participant(token: str) -> participants.Participant | None:
    try:
        return live.participant(token)
    except NotFound:
        return None


def participant_of_this_phone() -> participants.Participant | None:
    """Who this phone is: the browser session's participant (a double tap on "Meedoen"
    must not join twice), else the cookie's. An address never says who you are: an old
    ``?p=`` link is dropped."""
    if "p" in st.query_params:
        st.query_params.pop("p")
    token = stored_token(PHONE)
    found = known_participant(token) if token else None
    keep(PHONE, found)
    return found


def join_form(dagdeel: Dagdeel) -> None:
    st.markdown("### Welkom bij ZET")
    st.text(f"{dagdeel.locatie} · {dagdeel.datum:%d-%m-%Y}")
    st.caption(STORED)
    role_form(PHONE, "Meedoen", lambda role, initials: act(
        participants.join, dagdeel, role=role, initials=initials, flash=PHONE.flash),
        initials_max=participants.MAX_INITIALS)


participant = participant_of_this_phone()
code = st.query_params.get("code", "")
if participant is not None and code.strip().upper() not in (
        "", live.dagdeel(participant.dagdeel_id).join_code):
    participant = None  # the code of another dagdeel (a new QR code, same phone): join that
if participant is None:
    try:
        dagdeel = find_open_dagdeel_guarded(engine(), code, client_key())
    except UserError as error:  # an unknown code, or too many wrong ones
        code_form(PHONE, "Deelnamecode", None if not code else str(error))
    join_form(dagdeel)
assert participant is not None

dagdeel = live.dagdeel(participant.dagdeel_id)
you = participant.role + (f" ({participant.initials})" if participant.initials else "")
if not dagdeel.is_open:
    st.info("Deze sessie is afgesloten. Dank je wel voor je bijdrage!")
    plenary.closing(participant.id)
    st.stop()


def header(title_html: str, line_html: str, step: str) -> None:
    """Where you are and which step, in one element: a full run of every phone is drawn at
    each step change, and each element is one more message to each of them."""
    st.html(f"<div class='zet-head'><div class='zet-head-title'>{title_html}</div>"
            f"<div class='zet-head-line'>{line_html}</div>"
            f"<span data-testid='phone-step' data-step='{esc(step)}'></span></div>")


def end_of_page(token: str) -> None:
    """'Niet jij?' and, once, the cookie: both after everything else on the page."""
    phone_start.end_of_page(PHONE, token, stored=STORED, forget_device=participants.forget_device,
                            help_text="Deze telefoon vergeet wie hier meedeed; je meldt je "
                                      "opnieuw aan.")


room = live.room(dagdeel.id)
with storage_trouble_shown():  # a late joiner's seat is written here
    seat = live.seat(participant) if room.in_round else None
if seat is None:
    where_html = f"Ronde {room.ronde} · nog geen tafel" if room.in_round else "Plenair"
    header(esc(dagdeel.locatie), f"{where_html} · jij: {esc(you)}", room.phase)
    # At the close the phone shows every group's outcome, so it follows their input too;
    # a late joiner who waits follows the room, where the seat given to them is bumped.
    push.follow(dagdeel.id, topics=(ROOM, INPUT) if room.phase == Phase.AFSLUITING else (ROOM,))
    if room.phase == Phase.AFSLUITING:
        plenary.closing(participant.id)
    elif room.in_round:
        plenary.waiting_for_seat()
    else:
        plenary.opening()
    end_of_page(participant.token)
    st.stop()

group = live.group(seat.group_id)
theme = theme_or_stop(group.theme_id)
step = Step(live.step(seat.group_id))
title_html = (f"<span data-testid='phone-seat'>Ronde {seat.ronde} — tafel {esc(seat.label)}"
              f" — {esc(theme.titel)}</span>" if seat.label else esc(theme.titel))
header(title_html, f"Stap {step.number} van {len(STEP_ORDER)} · <strong>{esc(step.label)}"
                   f"</strong> · jij: {esc(you)}", step.value)
view = STEP_VIEWS[step]
# Reruns the page when the room moves; at the close the group's outcome may still change.
push.follow(dagdeel.id, group_id=seat.group_id,
            topics=(ROOM, INPUT) if view.follows_input else (ROOM,))

if step != Step.WERKBLAD:  # werkblad text typed here before the step moved on
    werkblad.deliver_left_texts(participant.id)
view.phone(seat.group_id, participant.id, theme)
if view.phone_glossary:
    begrippen(theme, step)
end_of_page(participant.token)
