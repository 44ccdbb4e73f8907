"""Showing participant text as text: never as Markdown or HTML."""
from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:])")


def escape_markdown(text: str) -> str:
    """Text that st.markdown shows literally: HTML escaped, Markdown characters backslashed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))
