"""The first steps on a phone, for the dagdeel (``pages/deelnemen.py``) and the quickscan
(``pages/quickscan.py``) alike: the code form, who this phone is (the browser session's
token, else its HttpOnly cookie from ``web.phone``), the role form, "Ik ben iemand anders"
and, once, the cookie. Each page names its own keys and cookie in a ``Phone``, so a
participant and a respondent on the same phone stay apart."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import streamlit as st

from ui import phone_identity
from ui.text import md
from ui.writes import act, show_flash
from zet.roles import ROLES


class HasToken(Protocol):
    @property
    def token(self) -> str: ...


@dataclass(frozen=True)
class Phone:
    """Where one page keeps this phone's identity."""
    token_key: str   # session state: the token of this browser session
    forget_key: str  # session state: "Ik ben iemand anders" was tapped
    sent_key: str    # session state: the token the cookie was sent for
    cookie: str      # the HttpOnly cookie's name (``web.phone``)
    route: str       # ``phone_identity.PARTICIPANT`` or ``QUICKSCAN``
    prefix: str      # of widget keys
    role_form: str   # the role form's key (the load generator finds its button by it)

    @property
    def flash(self) -> str:
        """Where the role form's ``act`` leaves its message (not a widget's key)."""
        return f"{self.prefix}start_status"


def code_form(phone: Phone, label: str, message: str | None = None) -> None:
    """Ask for the code (with the error of a wrong one above it); stops the page."""
    if message:
        st.error(md(message), icon=":material/warning:")
    with st.form(f"{phone.prefix}code"):
        code = st.text_input(label, value=st.query_params.get("code", "")[:12], max_chars=12,
                             placeholder="bijv. K7MQA")
        if st.form_submit_button("Verder", type="primary", width="stretch"):
            st.query_params["code"] = code.strip().upper()
            st.rerun()
    st.stop()


def stored_token(phone: Phone) -> str:
    """The browser session's token, else the cookie's (not after "Ik ben iemand anders")."""
    token = st.session_state.get(phone.token_key, "")
    if not token and not st.session_state.get(phone.forget_key):
        cookie = st.context.cookies.get(phone.cookie)
        token = cookie if isinstance(cookie, str) else ""
    return token


def keep(phone: Phone, found: HasToken | None) -> None:
    """Hold on to who was found for this browser session, or let go of a stale token."""
    if found is None:
        st.session_state.pop(phone.token_key, None)
    else:
        st.session_state[phone.token_key] = found.token


def role_form(phone: Phone, button: str, begin: Callable[[str, str], Any], *,
              initials_max: int | None = None) -> None:
    """Choose a role (and, for the dagdeel, initials), then ``begin(role, initials)``, which
    goes through ``act`` with ``flash=phone.flash`` and gives a token-bearer or None.
    Stops the page; on success reruns it as the new identity. After "Ik ben iemand anders"
    the previous person's cookie is removed first."""
    if st.session_state.get(phone.forget_key):
        phone_identity.forget(phone.route)
    with st.form(phone.role_form):
        role = st.selectbox("Wat is je rol?", ROLES, index=None, placeholder="Kies je rol")
        initials = st.text_input("Initialen (mag je leeg laten)", max_chars=initials_max,
                                 placeholder="bijv. AdV") if initials_max else ""
        submitted = st.form_submit_button(md(button), type="primary", width="stretch")
    if submitted:
        if role is None:
            st.error("Kies eerst je rol.")
            st.stop()
        # Through act: a full disk or a locked database is a calm Dutch line, not a crash.
        started = begin(role, initials)
        if started is None:
            show_flash(phone.flash, toast=False)
            st.stop()
        st.session_state[phone.token_key] = started.token
        st.session_state.pop(phone.forget_key, None)
        st.rerun()
    st.stop()


def _forget(phone: Phone, forget_device: Callable[..., Any], token: str) -> None:
    """'Ik ben iemand anders': the identity stops working on the server (an old cookie, Back
    or another tab find nobody), and this phone forgets it."""
    act(forget_device, token)
    st.session_state.pop(phone.token_key, None)
    st.session_state.pop(phone.sent_key, None)
    st.session_state[phone.forget_key] = True


def end_of_page(phone: Phone, token: str, *, stored: str, help_text: str,
                forget_device: Callable[..., Any]) -> None:
    """'Niet jij? Of klaar?' and, once per browser session, the cookie. Call it last on the
    page: an element that is there in one run and not in the next moves every element after
    it, and a moved typing field is mounted anew in the browser, losing what is being typed
    into it at that moment. Sent once: every rerun of hundreds of phones counts."""
    with st.expander("Niet jij? Of klaar?"):
        st.caption(md(stored))
        st.button("Ik ben iemand anders", key=f"{phone.prefix}forget", width="stretch",
                  on_click=_forget, args=(phone, forget_device, token), help=help_text)
    if st.session_state.get(phone.sent_key) == token:
        return
    phone_identity.remember(token, phone.route)
    st.session_state[phone.sent_key] = token  # after it was sent: a rerun may stop the run
