"""The participant's phone: join with the code, then follow the group step by step."""
import streamlit as st

from ui import live
from ui.participant import steps as phone
from ui.participant import werkblad
from ui.page import setup
from ui.resources import engine, library
from zet import participants
from zet.dagdelen import Dagdeel, find_open_dagdeel, get_dagdeel
from zet.errors import NotFound, UserError
from zet.roles import ROLES
from zet.steps import STEP_ORDER, Step

setup("ZET — meedoen", wide=False)
COOKIE_PREFIX = "zet_deelnemer_"
lib = library()


def remember_on_this_phone(dagdeel_id: int, token: str) -> None:
    """A cookie, so reopening the join link on this phone finds the same participant."""
    st.html(f"<script>document.cookie='{COOKIE_PREFIX}{dagdeel_id}={token};path=/;"
            f"max-age=43200;SameSite=Lax';</script>", unsafe_allow_javascript=True)


def participant_from_url() -> participants.Participant | None:
    token = st.query_params.get("p", "")
    if not token:
        return None
    try:
        return participants.participant_by_token(engine(), token)
    except NotFound as error:
        st.warning(str(error))
        del st.query_params["p"]
        return None


def code_form(message: str | None = None) -> None:
    if message:
        st.error(message, icon=":material/warning:")
    with st.form("code"):
        code = st.text_input("Deelnamecode", value=st.query_params.get("code", ""),
                             max_chars=12, placeholder="bijv. K7MQA")
        if st.form_submit_button("Verder", type="primary", width="stretch"):
            st.query_params["code"] = code.strip().upper()
            st.rerun()
    st.stop()


def join_form(dagdeel: Dagdeel) -> None:
    st.markdown(f"### Welkom bij ZET\n{dagdeel.locatie} · {dagdeel.datum:%d-%m-%Y}")
    st.write("Je antwoorden zijn anoniem: op het scherm staat alleen je rol.")
    with st.form("join"):
        role = st.selectbox("Wat is je rol?", ROLES, index=None, placeholder="Kies je rol")
        initials = st.text_input("Initialen (mag je leeg laten)",
                                 max_chars=participants.MAX_INITIALS)
        submitted = st.form_submit_button("Meedoen", type="primary", width="stretch")
    if submitted:
        if role is None:
            st.error("Kies eerst je rol.")
            st.stop()
        try:
            joined = participants.join(engine(), dagdeel, role=role, initials=initials)
        except UserError as error:
            st.error(str(error))
            st.stop()
        st.query_params["p"] = joined.token
        st.rerun()
    st.stop()


@st.fragment(run_every=2)
def follow_facilitator(group_id: int, shown_step: str) -> None:
    """Polls only 'did the step change?' and reruns the page when it did."""
    if live.step(group_id) != shown_step:
        st.rerun(scope="app")


participant = participant_from_url()
if participant is None:
    try:
        dagdeel = find_open_dagdeel(engine(), st.query_params.get("code", ""))
    except NotFound as error:
        code_form(None if not st.query_params.get("code") else str(error))
    remembered = st.context.cookies.get(f"{COOKIE_PREFIX}{dagdeel.id}")
    if isinstance(remembered, str) and remembered:
        try:
            participant = participants.participant_by_token(engine(), remembered)
            st.query_params["p"] = participant.token
        except NotFound:
            participant = None
    if participant is None:
        join_form(dagdeel)

dagdeel = get_dagdeel(engine(), participant.dagdeel_id)
remember_on_this_phone(dagdeel.id, participant.token)
if not dagdeel.is_open:
    st.info("Deze sessie is afgesloten. Dank je wel voor je bijdrage!")
group_id = participants.group_of(engine(), participant) if dagdeel.is_open else None
if group_id is None:
    st.stop()
group = live.group(group_id)
theme = lib.theme(group.theme_id)
step = Step(live.step(group_id))

st.markdown(f"#### {theme.titel}")
st.caption(f"Stap {step.number} van {len(STEP_ORDER)} · **{step.label}** · jij: "
           f"{participant.role}" + (f" ({participant.initials})" if participant.initials else ""))
st.html(f"<span data-testid='phone-step' data-step='{step.value}'></span>")
follow_facilitator(group_id, step.value)

if step == Step.WERKBLAD:
    werkblad.show(group_id, participant.id, theme)
elif step == Step.UITWISSELING:
    phone.uitwisseling(group_id, participant.id, theme)
elif step == Step.REFLECTIEKAARTEN:
    phone.reflectiekaarten(group_id, theme)
elif step == Step.PUNTEN:
    phone.punten(group_id, participant.id)
elif step == Step.SCENARIO:
    phone.scenario(group_id, participant.id, theme)
else:
    phone.afronding(group_id)
