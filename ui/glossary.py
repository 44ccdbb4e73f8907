"""'Begrippen': the glossary words a step uses, explained under the step, on the phone and in
the control view. Draws nothing when the step uses none.

One element (a native <details> expander styled like Streamlit's own), not st.expander with
Markdown inside: every element is one more message to every phone at a step change
(docs/performance.md)."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import streamlit as st

from ui.resources import library
from ui.text import esc
from zet.content.glossary import step_texts, terms_in
from zet.content.model import Card, Term, Theme
from zet.programme.actions import zek_prompt
from zet.steps import Step

_STYLE = (
    "<style>.zet-begrippen{border:1px solid rgba(49,51,63,.2);border-radius:.5rem;}"
    ".zet-begrippen summary{min-height:48px;line-height:48px;padding:0 1rem;cursor:pointer;"
    "font-size:.875rem;}"
    ".zet-begrippen ul{margin:0;padding:0 1rem .75rem 2rem;}"
    ".zet-begrippen li{margin:.25rem 0;}</style>")


def begrippen(theme: Theme, step: Step, cards: Iterable[Card] = (),
              extra: Iterable[str] = ()) -> None:
    """One folded expander with each glossary word that occurs in what the step shows:
    the theme's texts of the step (``cards``: the reflectiekaarten in view), the app's ZEK
    questions in the punten step, and ``extra`` (the control view's guidance)."""
    general = library().general
    texts = [*step_texts(theme, step, cards), *extra]
    if step == Step.PUNTEN:
        texts.append(zek_prompt())
    block_html = _block_html("\n".join(texts), tuple(general.gids.begrippen) if general else ())
    if block_html:
        st.html(block_html)


@lru_cache(maxsize=256)
def _block_html(text: str, terms: tuple[Term, ...]) -> str:
    """The expander's HTML for ``text`` ("" without a glossary word in it). Kept: each
    search runs every term's patterns over the step's texts, and at a step change hundreds
    of phones ask for the same few (docs/performance.md, "The pushed room")."""
    used = terms_in(text, terms)
    if not used:
        return ""
    items_html = "".join(f"<li><strong>{esc(term.titel)}</strong>: {esc(term.tekst)}</li>"
                         for term in used)
    return (f"{_STYLE}<details class='zet-begrippen' data-testid='begrippen'>"
            f"<summary>Begrippen</summary><ul>{items_html}</ul></details>")
