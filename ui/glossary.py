"""'Begrippen': the glossary words a step uses, explained under the step, on the phone and in
the control view. Draws nothing when the step uses none."""
from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ui.resources import library
from ui.text import md
from zet.actions import zek_prompt
from zet.content.glossary import step_texts, terms_in
from zet.content.model import Card, Theme
from zet.steps import Step


def begrippen(theme: Theme, step: Step, cards: Iterable[Card] = (),
              extra: Iterable[str] = ()) -> None:
    """One folded expander with each glossary word that occurs in what the step shows:
    the theme's texts of the step (``cards``: the reflectiekaarten in view), the app's ZEK
    questions in the punten step, and ``extra`` (the control view's guidance)."""
    general = library().general
    texts = [*step_texts(theme, step, cards), *extra]
    if step == Step.PUNTEN:
        texts.append(zek_prompt())
    used = terms_in("\n".join(texts), general.gids.begrippen if general else ())
    if not used:
        return
    with st.expander("Begrippen", icon=":material/menu_book:"):
        st.markdown("\n".join(f"- **{md(term.titel)}**: {md(term.tekst)}" for term in used))
