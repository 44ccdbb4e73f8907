"""Text from outside the code is text: the one home of escaping for HTML and Markdown.

Participant answers, names typed by facilitators, locaties, table labels and URL
parameters reach ``st.html`` only through ``esc`` and Markdown (``st.markdown``, captions,
widget labels) only through ``md``. ``tests/test_escaping.py`` fails when a page or ui
module interpolates a value into HTML or Markdown without one of them.
"""
from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:<&])")
_NEWLINES = re.compile(r"\r\n?|\n")


def esc(value: object) -> str:
    """Any value as literal HTML text (quotes too, so it is safe inside attributes)."""
    return html.escape(str(value), quote=True)


def md(value: object) -> str:
    """Any value as literal Markdown text: every Markdown and HTML character backslashed,
    line breaks kept as line breaks (and a blank line as a new paragraph)."""
    return _NEWLINES.sub("  \n", _MARKDOWN_SPECIALS.sub(r"\\\1", str(value)))


