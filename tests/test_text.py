"""Participant text never turns into Markdown or HTML."""
from __future__ import annotations

import re

from ui.text import md
from zet.answers import answer_text


def test_every_markdown_and_html_character_is_escaped():
    """md() leaves no character that Markdown, Streamlit's directives or HTML act on."""
    hostile = "![x](http://evil/x.png) <b>vet</b> **ster** [link](http://x) :red[rood] $x$"
    escaped = md(hostile)
    for special in "![]()<>*:$":
        assert all(escaped[i - 1] == "\\" for i, ch in enumerate(escaped) if ch == special)
    # and unescaping gives the text back exactly: nothing was lost
    assert re.sub(r"\\(.)", r"\1", escaped) == hostile
    assert md("regel een\nregel twee") == "regel een  \nregel twee"


def test_answers_read_as_text():
    assert answer_text(["a", "b"], bullets=True) == "• a\n• b"
    assert answer_text({"gewenst": 4, "feitelijk": None}) == "gewenst 4 / feitelijk –"
    assert answer_text(None) == ""
