"""Tell the browser who this phone is, or that it forgot: a few lines of script that call
``web.phone``'s routes, so the identity lives in an HttpOnly cookie and not in the address."""
from __future__ import annotations

import streamlit as st

_JS = """
export default function (component) {
  const { data } = component;
  const headers = { "Content-Type": "application/json", "X-Zet-Phone": "1" };
  if (data.action === "remember") {
    fetch("/api/telefoon/onthoud", { method: "POST", headers, credentials: "same-origin",
                                     body: JSON.stringify({ token: data.token }) });
  } else if (data.action === "forget") {
    fetch("/api/telefoon/vergeet", { method: "POST", headers, credentials: "same-origin",
                                     body: "{}" });
    // Text the previous person typed and that is still waiting on this device goes too.
    Object.keys(localStorage).filter((k) => k.startsWith("zet:"))
      .forEach((k) => localStorage.removeItem(k));
  }
}
"""

_COMPONENT = st.components.v2.component("zet_phone_identity", html="<span></span>", js=_JS)


def remember(token: str) -> None:
    """Once per browser session: set the cookie for this participant."""
    _COMPONENT(key="zet_identity", data={"action": "remember", "token": token})


def forget() -> None:
    """Remove the cookie and whatever the previous person left on this device."""
    _COMPONENT(key="zet_identity_forget", data={"action": "forget"})
