"""A reflectiekaart, drawn the same on projector, phone and preview."""
from __future__ import annotations

import streamlit as st

from ui.text import md
from zet.content.model import Card


def card(card: Card, *, large: bool = False) -> None:
    with st.container(border=True):
        st.markdown(f"{'###' if large else '####'} {md(card.titel)}")
        st.markdown(md(card.kern))
        st.markdown("\n".join(f"- {md(vraag)}" for vraag in card.vragen))
