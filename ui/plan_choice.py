"""The choice between the 75- and the 60-minute stappenplan, when a session is prepared."""
from __future__ import annotations

import streamlit as st

from zet.content.model import PLAN_LABELS, PLANS, ROUND_MINUTES


def round_plan_choice(key: str) -> int:
    """A small radio in the preparation form; returns 75 or 60 (the timer follows it)."""
    return st.radio(
        "Stappenplan per ronde", PLANS, index=PLANS.index(ROUND_MINUTES), key=key,
        horizontal=True, format_func=PLAN_LABELS.__getitem__,
        help="60 minuten laat tijd om van lokaal te wisselen. In beide plannen doe je het "
             "werkblad en het scenario altijd; de andere stappen zijn korter.")
