"""The limit of a Streamlit text field, said before anyone reaches it.

Streamlit's ``max_chars`` drops a paste that would go over the limit without a word, so
the free-text fields of the screens have no ``max_chars``: this caption names the limit,
and ``zet.fields.within_limit`` refuses a longer text with a Dutch message while the
field keeps it. (The phone's own field, ``ui/autosave.py``, counts while typing.)
"""
from __future__ import annotations

import streamlit as st


def limit_caption(limit: int) -> None:
    st.caption(f"Hoogstens {int(limit)} tekens. Een langere tekst wordt niet ingekort of bewaard; "
               "hij blijft staan, zodat je hem korter kunt maken.")
