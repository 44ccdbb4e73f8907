"""Every script a participant types, as reportlab can print it.

reportlab lays text out left to right, one font per run, and does not join Arabic letters.
So:

- text with right-to-left letters is shaped (``arabic_reshaper``: the joined letter forms)
  before it reaches a Paragraph, and stays in reading (logical) order there, so reportlab
  wraps it in reading order: the first printed line holds the first words;
- each printed line is put in visual order when it is drawn (the Unicode bidi algorithm of
  ``python-bidi``, per line, with the direction of the paragraph it belongs to), so "مرحبا"
  prints joined and from right to left and a long answer's lines read top to bottom. PDF
  readers put a line back in reading order when it is copied or extracted;
- a one-line canvas text (footers, cards) is shaped and ordered in one go (``visual``);
- characters DejaVu lacks (emoji) go in a run of the emoji fallback font (``fonts``). A
  joined emoji (👩‍🏫: woman, zero-width joiner, school) has no single glyph in Symbola: its
  parts print side by side, and the joiner is kept in the text so that copying or
  extracting gives the sequence back as typed.
"""
from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import algorithm, get_display

from zet.export.fonts import EMOJI, FONT, has_glyph, register_fonts

# Bidi classes that make a line right-to-left somewhere (letters, and explicit overrides).
_RIGHT_TO_LEFT = {"R", "AL", "RLE", "RLO", "RLI"}


def has_rtl(value: str) -> bool:
    """Whether ``value`` has right-to-left text anywhere."""
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in value)


def shaped(value: str) -> str:
    """Arabic letters in their joined forms, still in reading order; other text unchanged."""
    return arabic_reshaper.reshape(value) if has_rtl(value) else value


def visual(line: str) -> str:
    """One line in the order and letter forms it is drawn in; unchanged without RTL text."""
    if not has_rtl(line):
        return line
    return get_display(arabic_reshaper.reshape(line))


def _needs_fallback(char: str) -> bool:
    return not has_glyph(FONT, char) and has_glyph(EMOJI, char)


def font_runs(line: str) -> str:
    """Paragraph markup for one typed line, in reading order: shaped, escaped, emoji in the
    fallback font. Drawing it puts each printed line in visual order (``order_drawn_lines``)."""
    register_fonts()
    order_drawn_lines()
    parts = []
    for fallback, chars in groupby(shaped(line), key=_needs_fallback):
        run = escape("".join(chars))
        parts.append(f'<font name="{EMOJI}">{run}</font>' if fallback else run)
    return "".join(parts)


# ---------------------------------------------------------------- each printed line


def visual_chars(value: str, base: str) -> list[tuple[int, str]]:
    """``value``'s characters in the order they are drawn (left to right), each with its
    position in ``value``: the Unicode bidi algorithm with paragraph direction ``base`` ('L'
    or 'R'), brackets in right-to-left text mirrored (as ``get_display`` does)."""
    storage = algorithm.get_empty_storage()
    storage["base_level"] = algorithm.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    algorithm.get_embedding_levels(value, storage)
    for position, char in enumerate(storage["chars"]):
        char["at"] = position
    for step in (algorithm.explicit_embed_and_overrides, algorithm.resolve_weak_types,
                 algorithm.resolve_neutral_types, algorithm.resolve_implicit_levels,
                 algorithm.reorder_resolved_levels, algorithm.apply_mirroring):
        step(storage, False)
    return [(char["at"], char["ch"]) for char in storage["chars"]]


def _drawn(value: str, base: str) -> str:
    return "".join(char for _at, char in visual_chars(value, base))


def _base(value: str) -> str:
    """A paragraph's direction: that of its first letter with a direction ('L' without)."""
    return "R" if algorithm.get_base_level(value) else "L"


def _simple_lines(lines: list[tuple[float, list[str]]]) -> list[tuple[float, list[str]]]:
    """The lines of a paragraph in one font (reportlab's kind 0: words per line)."""
    base = _base(" ".join(word for _space, words in lines for word in words))
    return [(space, _drawn(" ".join(words), base).split(" ")) if has_rtl(" ".join(words))
            else (space, words) for space, words in lines]


def _styled_lines(lines: Sequence[Any]) -> list[Any]:
    """The lines of a paragraph with several fonts (kind 1: runs of text, each with its font,
    per line). A run that right-to-left order splits is cut into parts; a typed line break
    (``lineBreak``) ends a paragraph, which has its own direction."""
    out: list[Any] = []
    start = 0
    for end, line in enumerate(lines):
        if not (line.lineBreak or end == len(lines) - 1):
            continue
        paragraph = lines[start:end + 1]
        start = end + 1
        runs = [list(line.words) for line in paragraph]
        if not all(hasattr(word, "text") and isinstance(word.text, str)
                   for words in runs for word in words):
            out.extend(paragraph)  # an image or a footnote mark in it: left as it is
            continue
        base = _base("".join(word.text for words in runs for word in words))
        out.extend(_styled_line(line, words, base) for line, words in zip(paragraph, runs))
    return out


def _styled_line(line: Any, words: list[Any], base: str) -> Any:
    """One line of runs in visual order: each drawn stretch of one run's characters is a
    copy of that run (its font, size, colour) with those characters."""
    text = "".join(word.text for word in words)
    if not has_rtl(text):
        return line
    owner = [index for index, word in enumerate(words) for _char in word.text]
    drawn = [word.clone(text="".join(char for _at, char in stretch))
             for word, stretch in ((words[index], list(stretch)) for index, stretch in
                                   groupby(visual_chars(text, base),
                                           key=lambda item: owner[item[0]]))]
    ending = [word for word in words[-1:] if word.text == ""]  # carries a typed line break
    return line.clone(words=drawn + ending)


_patch_lock = threading.Lock()


def order_drawn_lines() -> None:
    """Let reportlab draw every Paragraph line with right-to-left text in visual order.

    reportlab wraps and splits a paragraph in the order its text is given; the text is
    given in reading order (``font_runs``), so the lines break as they are read. Only when a
    paragraph is drawn are its lines reordered, on a copy: splitting a paragraph over two
    pages or cells goes on working with the lines in reading order. Installed once."""
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.platypus.paragraph import Paragraph

    if getattr(Paragraph.drawPara, "zet_bidi", False):
        return
    with _patch_lock:
        if getattr(Paragraph.drawPara, "zet_bidi", False):
            return
        original = Paragraph.drawPara

        def draw_para(self: Any, debug: int = 0) -> Any:
            lines = self.blPara.lines
            if not lines or not any(_line_has_rtl(line) for line in lines):
                return original(self, debug)
            kept, style = self.blPara, self.style
            ordered = (_simple_lines(lines) if kept.kind == 0 else _styled_lines(lines))
            self.blPara = kept.clone(lines=ordered)
            if style.alignment == TA_LEFT and _base(_line_text(lines[0])) == "R":
                self.style = style.clone(style.name, alignment=TA_RIGHT)  # read from the right
            try:
                return original(self, debug)
            finally:
                self.blPara, self.style = kept, style

        draw_para.zet_bidi = True  # type: ignore[attr-defined]
        Paragraph.drawPara = draw_para


def _line_text(line: Any) -> str:
    if isinstance(line, tuple):
        return " ".join(line[1])
    return " ".join(getattr(word, "text", "") or "" for word in line.words)


def _line_has_rtl(line: Any) -> bool:
    return has_rtl(_line_text(line))
