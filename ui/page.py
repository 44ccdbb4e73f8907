"""Page set-up per audience: the projector (read from 8 m, no controls), the control view
(a laptop window, tablet or phone), the participant's phone, and ordinary pages."""
from __future__ import annotations

from typing import Literal

import streamlit as st

from ui.text import md

Audience = Literal["projector", "control", "phone", "page"]

# The room sees the phones and the beamer. A problem with the database or the content is a
# calm line there; what is wrong (a file, a setting) goes to the log and to the control views
# (``ui.resources``).
ROOM_AUDIENCES = ("projector", "phone")
_ROOM_KEY = "_zet_room_screen"


def room_sees_this() -> bool:
    """Whether this run draws a page the room sees (``setup`` was called for a phone or the
    beamer)."""
    return bool(st.session_state.get(_ROOM_KEY, False))

# Streamlit's own hints and hover buttons are English ("Press Enter to apply", "Copy to
# clipboard", "Fullscreen", "Link to heading"): we do without them.
_COMMON_CSS = """
<style>
[data-testid="InputInstructions"], [data-testid="stCodeCopyButton"],
[data-testid="stHeaderActionElements"], [data-testid="stElementToolbar"],
[data-testid="stElementToolbarButton"]
{ display: none !important; }
</style>
"""

# One hand on a 390 px phone: every tap target at least 44×44 px.
_TOUCH_CSS = """
<style>
.zet-head { margin-bottom: .5rem; }
.zet-head-title { font-size: 1.25rem; font-weight: 700; line-height: 1.4; }
.zet-head-line { font-size: .875rem; color: rgba(49, 51, 63, .7); }
.zet-own span { white-space: pre-wrap; }
[data-testid="stButtonGroup"] button { min-height: 48px; min-width: 48px; font-size: 1.1rem; }
[data-testid="stRadio"] label { min-height: 44px; align-items: center; }
[data-testid="stRadio"] label > div:first-child { transform: scale(1.6); margin-right: 0.6rem; }
[data-testid="stBaseButton-primary"], [data-testid="stBaseButton-secondary"],
[data-testid="stBaseButton-primaryFormSubmit"],
[data-testid="stBaseButton-secondaryFormSubmit"] { min-height: 48px; }
[data-testid="stExpander"] summary { min-height: 48px; }
[data-testid="stLinkButton"] a, [data-testid="stPopover"] button { min-height: 48px; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
[data-testid="stCheckbox"] label { min-height: 44px; align-items: center; }
</style>
"""

# The wall shows content only: no toolbar, menu, running man, sidebar or padding.
_PROJECTOR_CSS = """
<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stStatusWidget"],
[data-testid="stSkipToContent"],
[data-testid="stDecoration"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
#MainMenu, footer { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
[data-testid="stAppViewContainer"] > section { padding: 0 !important; }
[data-testid="stMain"] { padding: 0 !important; }
.stApp { background: #ffffff; }
[data-testid="stVerticalBlock"] { gap: 0 !important; }
[data-testid="stElementContainer"]:has(> .stHtml:empty) { display: none; }
</style>
"""

# Streamlit's English "Connection error" dialog becomes a calm Dutch line; the page keeps
# what was typed and carries on by itself once the server answers again.
_CONNECTION_JS = """
<script>
(() => {
  if (window.__zetConnectionWatch) { return; }
  window.__zetConnectionWatch = true;
  const doc = window.document;
  const banner = doc.createElement("div");
  banner.setAttribute("data-testid", "connection-lost");
  banner.setAttribute("role", "status");
  banner.textContent = "Verbinding weg — we proberen het opnieuw. Wat je typte blijft staan.";
  banner.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:100000;padding:14px;" +
    "background:#8a1c1c;color:#fff;font:600 20px/1.3 sans-serif;text-align:center;display:none";
  doc.body.appendChild(banner);
  const check = () => {
    let lost = false;
    doc.querySelectorAll('[role="dialog"]').forEach((dialog) => {
      if ((dialog.textContent || "").includes("Connection error")) {
        lost = true;
        const overlay = dialog.closest('[data-baseweb="modal"]') || dialog;
        overlay.style.display = "none";
      }
    });
    banner.style.display = lost ? "block" : "none";
  };
  // Streamlit's keyboard link to the content is English; say it in Dutch.
  const dutch = () => doc.querySelectorAll('[data-testid="stSkipToContent"]').forEach(
    (link) => { if (link.textContent !== "Naar de inhoud") link.textContent = "Naar de inhoud"; });
  new MutationObserver(() => { check(); dutch(); })
    .observe(doc.body, { childList: true, subtree: true });
  dutch();
  check();
})();
</script>
"""


def refuse_link(message: str) -> None:
    """A link that opens nothing: say why, offer the start page, stop."""
    st.error(md(message))
    st.page_link("pages/start.py", label="Naar de startpagina", icon=":material/home:")
    st.stop()


def setup(title: str, audience: Audience = "page") -> None:
    st.session_state[_ROOM_KEY] = audience in ROOM_AUDIENCES
    wide = audience in ("projector", "page")
    st.set_page_config(page_title=title, layout="wide" if wide else "centered",
                       initial_sidebar_state="collapsed")
    # One element, not three: every element is a websocket message on every full run of
    # every phone, and at a step change hundreds of phones rerun at once.
    extra = {"projector": _PROJECTOR_CSS, "phone": _TOUCH_CSS, "control": _TOUCH_CSS}
    st.html(_COMMON_CSS + extra.get(audience, "") + _CONNECTION_JS,
            unsafe_allow_javascript=True)
