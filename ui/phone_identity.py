"""Tell the browser who this phone is, or that it forgot: a few lines of script that call
``web.phone``'s routes, so the identity lives in an HttpOnly cookie and not in the address."""
from __future__ import annotations

import streamlit as st

_JS = """
export default function (component) {
  const { data } = component;
  const headers = { "Content-Type": "application/json", "X-Zet-Phone": "1" };
  const base = data.route || "/api/telefoon";
  if (data.action === "remember") {
    fetch(base + "/onthoud", { method: "POST", headers, credentials: "same-origin",
                               body: JSON.stringify({ token: data.token }) });
  } else if (data.action === "forget") {
    fetch(base + "/vergeet", { method: "POST", headers, credentials: "same-origin",
                               body: "{}" });
    // Text the previous person typed and that is still waiting on this device goes too.
    Object.keys(localStorage).filter((k) => k.startsWith("zet:"))
      .forEach((k) => localStorage.removeItem(k));
  }
}
"""

_COMPONENT = st.components.v2.component("zet_phone_identity", html="<span></span>", js=_JS)


PARTICIPANT = "/api/telefoon"
QUICKSCAN = "/api/quickscan"  # the quickscan's respondent has a cookie of its own


def remember(token: str, route: str = PARTICIPANT) -> None:
    """Once per browser session: set the cookie for this participant (or respondent)."""
    suffix = "" if route == PARTICIPANT else "_quickscan"
    _COMPONENT(key=f"zet_identity{suffix}", data={"action": "remember", "token": token,
                                                 "route": route})


def forget(route: str = PARTICIPANT) -> None:
    """Remove the cookie and whatever the previous person left on this device."""
    suffix = "" if route == PARTICIPANT else "_quickscan"
    _COMPONENT(key=f"zet_identity_forget{suffix}", data={"action": "forget", "route": route})
