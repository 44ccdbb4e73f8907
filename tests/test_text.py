"""Participant text never turns into Markdown or HTML."""
from __future__ import annotations

import re

from ui.text import md
from zet.room.answers import answer_text


def test_every_markdown_and_html_character_is_escaped():
    """md() leaves no character that Markdown, Streamlit's directives or HTML act on."""
    hostile = "![x](http://evil/x.png) <b>vet</b> **ster** [link](http://x) :red[rood] $x$"
    escaped = md(hostile)
    for special in "![]()<>*:$":
        assert all(escaped[i - 1] == "\\" for i, ch in enumerate(escaped) if ch == special)
    # and unescaping gives the text back exactly (but for the invisible mark that keeps
    # an address from becoming a link): nothing was lost
    assert re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "") == hostile
    assert md("regel een\nregel twee") == "regel een  \nregel twee"


def test_answers_read_as_text():
    assert answer_text(["a", "b"], bullets=True) == "• a\n• b"
    assert answer_text({"gewenst": 4, "feitelijk": None}) == "gewenst 4 / feitelijk –"
    assert answer_text(None) == ""


# What GitHub-flavoured Markdown links by itself (remark-gfm's autolink literals), on the
# text as the renderer sees it: backslash escapes already undone.
_GFM_AUTOLINK = re.compile(r"(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(\.[-\w]+)+",
                           re.IGNORECASE)


def test_md_leaves_no_bare_address_that_markdown_would_link():
    from hostile import HOSTILE

    from ui.text import WORD_JOINER

    for value in HOSTILE:
        rendered = re.sub(r"\\(.)", r"\1", md(value)).replace("  \n", "\n")
        assert not _GFM_AUTOLINK.search(rendered), value[:60]
        assert rendered.replace(WORD_JOINER, "") == re.sub(r"\r\n?", "\n", value)
