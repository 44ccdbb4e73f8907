"""Page set-up: layout per audience (projector wide and large, phone narrow)."""
from __future__ import annotations

import streamlit as st

# Read from the back of the room: everything a step larger on the projector.
_PROJECTOR_CSS = """
<style>
html { font-size: 19px; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; max-width: 1800px; }
</style>
"""


def refuse_link(message: str) -> None:
    """A link that opens nothing: say why, offer the start page, stop."""
    st.error(message)
    st.page_link("pages/start.py", label="Naar de startpagina", icon=":material/home:")
    st.stop()


def setup(title: str, *, projector: bool = False, wide: bool = True) -> None:
    st.set_page_config(page_title=title, layout="wide" if wide else "centered",
                       initial_sidebar_state="expanded" if projector else "auto")
    if projector:
        st.html(_PROJECTOR_CSS)
