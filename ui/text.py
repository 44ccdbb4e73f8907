"""Showing participant text as text: never as Markdown or HTML."""
from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:])")


def escape_markdown(text: str) -> str:
    """Text that st.markdown shows literally: HTML escaped, Markdown characters backslashed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))


def answer_text(value) -> str:
    """A werkblad answer as one readable line (or lines)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    if isinstance(value, dict):
        return f"gewenst {value.get('gewenst') or '–'} · feitelijk {value.get('feitelijk') or '–'}"
    return str(value)
