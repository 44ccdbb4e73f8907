"""Baseline for the load benchmark: the same sessions on a page that does next to nothing,
with a fragment polling every 2 s like the phone page does."""
import time

import streamlit as st

st.markdown("### Basislijn")


@st.fragment(run_every=2)
def poll() -> None:
    st.html(f"<span data-testid='phone-step' data-step='poll'>{int(time.time())}</span>")


poll()
