"""Every script a participant types, as reportlab can print it.

reportlab lays text out left to right, one font per run, and does not join Arabic letters.
So before text reaches a Paragraph or a canvas:

- a line with right-to-left text is shaped (``arabic_reshaper``: the joined letter forms)
  and put in visual order (``python-bidi``: the Unicode bidi algorithm), so "مرحبا" prints
  joined and reads from right to left; PDF readers put it back in reading order when the
  text is copied or extracted;
- characters DejaVu lacks (emoji) go in a run of the emoji fallback font (``fonts``).

Limitation: the bidi order is computed per line as typed, before reportlab wraps it; a
right-to-left paragraph that wraps over several printed lines reads its lines bottom-up.
"""
from __future__ import annotations

import unicodedata
from itertools import groupby
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display

from zet.export.fonts import EMOJI, FONT, has_glyph, register_fonts

# Bidi classes that make a line right-to-left somewhere (letters, and explicit overrides).
_RIGHT_TO_LEFT = {"R", "AL", "RLE", "RLO", "RLI"}


def visual(line: str) -> str:
    """One line in the order and letter forms it is drawn in; unchanged without RTL text."""
    if not any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in line):
        return line
    return get_display(arabic_reshaper.reshape(line))


def _needs_fallback(char: str) -> bool:
    return not has_glyph(FONT, char) and has_glyph(EMOJI, char)


def font_runs(line: str) -> str:
    """Paragraph markup for one drawn line: escaped, emoji in the fallback font."""
    register_fonts()
    parts = []
    for fallback, chars in groupby(line, key=_needs_fallback):
        run = escape("".join(chars))
        parts.append(f'<font name="{EMOJI}">{run}</font>' if fallback else run)
    return "".join(parts)
