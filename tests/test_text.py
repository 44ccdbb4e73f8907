"""Participant text never turns into Markdown or HTML."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from ui.text import md
from zet.answers import answer_text


def test_escaped_text_renders_literally():
    hostile = "![x](http://evil/x.png) <b>vet</b> **ster** [link](http://x) :red[rood]"

    def app(text: str) -> None:
        import streamlit as st

        from ui.text import md as esc
        st.markdown(esc(text))

    at = AppTest.from_function(app, args=(hostile,)).run()
    shown = at.markdown[0].value
    assert "<b>" not in shown and "![x]" not in shown
    assert md("a*b") == "a\\*b"


def test_answers_read_as_text():
    assert answer_text(["a", "b"], bullets=True) == "• a\n• b"
    assert answer_text({"gewenst": 4, "feitelijk": None}) == "gewenst 4 / feitelijk –"
    assert answer_text(None) == ""
