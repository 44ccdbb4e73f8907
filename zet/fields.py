"""The one trimming rule for text typed by people: names (of locaties, procesbegeleiders,
the hoofdprocesbegeleider, accounts), labels, werkblad answers, points, notes, actions and
drafts. Every command that stores such text goes through ``without_controls`` here, by way
of one of the functions below.

Stored text is what was typed, except:
- one-line fields: runs of whitespace (spaces, tabs, line breaks) become one space and the
  ends are trimmed; multi-line fields: the ends are trimmed and line breaks become "\\n";
- control characters (NUL, escape, delete, ...) and the bidirectional override and isolate
  characters (U+202A-U+202E, U+2066-U+2069, which can make text read backwards on screen)
  are removed.
Everything else stays: markup such as ``<b>`` or ``[link](...)`` is stored literally and is
the screen's and export's job to show as text. Letters of every script, emoji (with their
zero-width joiners) and formula-like starts (``=``, ``+``, ``-``, ``@``) are kept as typed.
"""
from __future__ import annotations

import re
import unicodedata

from zet.errors import UserError

_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_controls(value: str | None, keep: str = "") -> str:
    """``value`` without control characters (C0, DEL, C1) other than those in ``keep``, and
    without bidirectional overrides and isolates; nothing else changes (a draft keeps its
    spaces while it is being typed)."""
    value = (value or "").translate(_BIDI_CONTROLS)
    return "".join(ch for ch in value
                   if ch in keep or unicodedata.category(ch) != "Cc")


def one_line(value: str | None) -> str:
    """A name, label or point: one line, whitespace collapsed, controls removed."""
    return " ".join(without_controls(" ".join((value or "").split())).split())


def required_line(value: str | None, what: str, limit: int, *, required: bool = True) -> str:
    """``one_line`` for a name or label that must fit ``limit``; the Dutch messages name
    ``what`` ('de naam van de locatie'): "Vul ... in." and "... is te lang"."""
    value = one_line(value)
    if required and not value:
        raise UserError(f"Vul {what} in.")
    return within_limit(value, limit, what)


def within_limit(value: str, limit: int, what: str) -> str:
    """``value`` if it fits ``limit``; otherwise the one Dutch refusal for every text field
    ('Dit punt is te lang (600 tekens; hoogstens 300) ...'). Text is never cut: the screen
    keeps what was typed, so it can be made shorter."""
    if len(value) > limit:
        raise UserError(f"{what[0].upper()}{what[1:]} is te lang ({len(value)} tekens; "
                        f"hoogstens {limit}). Maak de tekst korter; wat je typte staat er "
                        "nog en is niet opgeslagen.")
    return value


def multi_line(value: str | None) -> str:
    """An argument or long answer: line breaks kept as "\\n", controls removed, trimmed."""
    value = re.sub(r"\r\n?", "\n", value or "")
    return without_controls(value, keep="\n\t").strip()


def no_spaces(value: str | None) -> str:
    """Initials: every whitespace removed, controls removed."""
    return "".join(without_controls("".join((value or "").split())).split())
