"""Text from outside the code is text: the one home of escaping for HTML and Markdown.

Participant answers, names typed by facilitators, locaties, table labels and URL
parameters reach ``st.html`` only through ``esc`` and Markdown (``st.markdown``, captions,
widget labels) only through ``md``. ``tests/test_escaping.py`` fails when a page or ui
module interpolates a value into HTML or Markdown without one of them.

No autolinks: Streamlit's Markdown (GitHub's flavour) turns a bare ``https://…``,
``www.…`` or ``naam@domein.nl`` into a link even when every character is backslashed, so
``md`` puts an invisible WORD JOINER (U+2060) where such a link would start (after the
``:`` of ``://``, between ``www`` and ``.``, after ``@``): the text reads and copies the
same, and is no link. ``st.html`` is never autolinked, so ``esc`` needs no such mark
(``tests/test_browser_autolink.py`` checks both in Chromium).
"""
from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:<&])")
_NEWLINES = re.compile(r"\r\n?|\n")
_AUTOLINK_STARTS = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"


def esc(value: object) -> str:
    """Any value as literal HTML text (quotes too, so it is safe inside attributes)."""
    return html.escape(str(value), quote=True)


def md(value: object) -> str:
    """Any value as literal Markdown text: every Markdown and HTML character backslashed,
    line breaks kept as line breaks (and a blank line as a new paragraph), and no bare
    address or e-mail address turned into a link."""
    text = _AUTOLINK_STARTS.sub(WORD_JOINER, str(value))
    return _NEWLINES.sub("  \n", _MARKDOWN_SPECIALS.sub(r"\\\1", text))


