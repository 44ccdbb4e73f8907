"""The projector's canvas and how much text fits on it: one layout for every beamer.

The wall is drawn on a canvas of ``CANVAS_W`` × ``CANVAS_H`` em, and the body text size (1 em)
is chosen by the browser as ``min(100vw / CANVAS_W, 100vh / CANVAS_H)`` (``ui/projector/
style.py``). So every beamer shows the same page, scaled: 1024×768 gets 24 px type, 1280×720
28 px, 1920×1080 42 px, 3840×2160 85 px, and what fits the canvas fits every screen. That
keeps one set of pages for the projector and the control view ("pagina 2 van 5" on both)
without telling the server the size of the wall.

The canvas is ``CANVAS_W`` × ``CANVAS_H`` on every screen (a wider screen gets margins at the
sides, a higher one above and below), so text wraps the same everywhere. All lengths here are
in em of the body text. Text width is estimated from its length with the average width of a
character of the app's Source Sans, kept on the safe side; browser tests measure the real
pages at the listed screen sizes.
"""
from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

# Canvas: 1024 px / 42.5 = 24.1 px type; 720 px / 25.5 = 28.2 px type.
CANVAS_W = 42.5
CANVAS_H = 25.5
PAD_X = 0.8                  # left and right margin of the page
BODY_W = CANVAS_W - 2 * PAD_X
# Above the body: the title (one or two lines beside the join code), the step line; below it
# the footer; and the margins. BODY_H is the body under a title of two lines.
TITLE = 1.25                 # size of the title line
LONG_TITLE = 60              # characters; a longer title is set in body size
TITLE_W = BODY_W - 7.5       # beside the join code
BODY_H = 17.3

LINE = 1.3                   # body line height
CHAR = 0.44                  # average character of body text (Dutch: 0.39–0.43)
BOLD_CHAR = 0.47
H2 = 1.3                     # size of page headings
H2_LINE = H2 * 1.2
H3 = 1.1
H3_LINE = H3 * 1.2
LEAD = 1.12                  # size of lead paragraphs
COLUMN_GAP = 0.9


def body_height(title: str) -> float:
    """The height of the page body under this title: a title on one line leaves more."""
    size = 1.0 if len(title) > LONG_TITLE else TITLE
    rows = min(2, lines(title, TITLE_W, size, BOLD_CHAR))
    return BODY_H + (2 - rows) * size * 1.25


def chars(width_em: float, size: float = 1.0, char: float = CHAR) -> int:
    """How many characters of type ``size`` fit on a line ``width_em`` wide."""
    return max(6, int(width_em / (size * char)))


def wrap(value: str, width: int) -> list[str]:
    """``value`` as lines of at most ``width`` characters; its own line breaks kept."""
    rows: list[str] = []
    for paragraph in value.splitlines() or [""]:
        rows.extend(textwrap.wrap(paragraph, width, break_long_words=True) or [""])
    return rows


@lru_cache(maxsize=8192)  # the same texts are measured every second, and when balancing
def lines(value: str, width_em: float, size: float = 1.0, char: float = CHAR) -> int:
    return len(wrap(value, chars(width_em, size, char)))


def text_height(value: str, width_em: float, size: float = 1.0, line: float = LINE,
                char: float = CHAR) -> float:
    return lines(value, width_em, size, char) * size * line


def heading_height(value: str, width_em: float = BODY_W) -> float:
    """A page heading (h2) with its margin below."""
    return lines(value, width_em, H2, BOLD_CHAR) * H2_LINE + 0.55


def column_width(count: int, width_em: float = BODY_W) -> float:
    return (width_em - COLUMN_GAP * (count - 1)) / count


# ---------------------------------------------------------------- flowing into columns


@dataclass(frozen=True)
class Piece:
    """One thing on a page: a role's label, an answer, a heading, a list item, a paragraph
    or a small card. ``number`` is a list item's own number (kept on every page);
    ``continued`` marks a label repeated at the top of a column, or the rest of a text."""
    kind: str
    text: str = ""
    role: str = ""
    number: int = 0
    detail: tuple[str, ...] = ()
    continued: bool = False


Column = tuple[Piece, ...]
Measure = Callable[[Piece], float]


@dataclass(frozen=True)
class Flow:
    """How pieces flow: ``headers`` are the kinds that label what follows (repeated with
    ``continued`` when their pieces go on in a new column); ``splittable`` the kinds whose
    text may be cut at a line end; ``text_width`` the width their text is wrapped at."""
    columns: int
    height: float
    measure: Measure
    headers: frozenset[str] = frozenset()
    splittable: frozenset[str] = frozenset()
    text_width: float = 0.0
    frame: float = 0.0          # what a splittable piece takes besides its lines


def flow(pieces: Sequence[Piece], how: Flow, *, pages: int = 0) -> list[tuple[Column, ...]]:
    """Pieces in reading order, in columns top to bottom and pages of ``how.columns`` columns:
    as few pages as filling them one after the other takes (or ``pages``, when more), and
    the pieces spread evenly over them, so the last page is not a remnant (seven options
    and one, two answers alone). Columns are filled up to the same height, found by halving;
    see ``fill_columns`` for how pieces go into a column."""
    target = max(pages, len(fill_columns(pieces, how)))
    low, high = how.height / 4, how.height
    for _ in range(8):  # to within 0.3 % of the height
        lower = replace(how, height=(low + high) / 2)
        cut = fill_columns(pieces, lower)
        if len(cut) <= target and not _overfull(cut, lower):
            high = lower.height
        else:
            low = lower.height
    return fill_columns(pieces, replace(how, height=high))


def _overfull(cut: list[tuple[Column, ...]], how: Flow) -> bool:
    """Whether a piece had to stand alone in a column it does not fit."""
    return any(sum(how.measure(p) for p in column) > how.height + 1e-9
               for page in cut for column in page)


def fill_columns(pieces: Sequence[Piece], how: Flow) -> list[tuple[Column, ...]]:
    """Pieces in reading order, filled into columns of ``how.height`` and pages of
    ``how.columns`` columns: a page is full before the next one starts. A piece that does
    not fit the rest of a column goes to the next one; a text that may be cut is cut at a
    line end to fill the column first (two lines at least on either side, with '…'). So every
    column but the last is more than half full, and so is every page but the last."""
    columns: list[Column] = []
    current: list[Piece] = []
    used = 0.0
    header: Piece | None = None

    def content() -> bool:
        return any(piece.kind not in how.headers for piece in current)

    def close() -> None:
        nonlocal current, used
        trailing: list[Piece] = []  # a label never ends a column: it moves with its pieces
        while current and current[-1].kind in how.headers:
            trailing.insert(0, current.pop())
        columns.append(tuple(current))
        current, used = [], 0.0
        if trailing:
            current, used = trailing, sum(how.measure(piece) for piece in trailing)
        elif header is not None:  # the label goes on above the rest of its pieces
            again = replace(header, continued=True)
            current, used = [again], how.measure(again)

    queue = list(pieces)
    while queue:
        piece = queue.pop(0)
        need = how.measure(piece)
        if piece.kind in how.headers:
            following = (how.measure(queue[0])
                         if queue and queue[0].kind not in how.headers else 0.0)
            if content() and used + need + min(following, 3 * LINE + how.frame) > how.height:
                header = None
                close()
            header = piece
            current.append(piece)
            used += need
            continue
        room = how.height - used
        if need <= room:
            current.append(piece)
            used += need
            continue
        if piece.kind in how.splittable:
            head, rest = _cut(piece, room, how)
            if head is not None:
                current.append(head)
                close()
                queue.insert(0, rest)
                continue
        if not content():  # taller than a column and not to be cut: it stands alone
            current.append(piece)
            used += need
            continue
        close()
        queue.insert(0, piece)
    if content():
        columns.append(tuple(current))
    if not columns:
        return [()]
    return [tuple(columns[i:i + how.columns]) for i in range(0, len(columns), how.columns)]


@lru_cache(maxsize=4096)
def _rows(text: str, width: int) -> tuple[tuple[str, bool], ...]:
    """The lines of ``text`` at ``width`` characters, each with whether it starts a
    paragraph."""
    return tuple((row, index == 0) for paragraph in text.splitlines() or [""]
                 for index, row in enumerate(textwrap.wrap(paragraph, width) or [""]))


def _cut(piece: Piece, room: float, how: Flow) -> tuple[Piece | None, Piece]:
    """The first lines of ``piece`` that fit in ``room`` with a line to spare (at least two),
    and the rest (at least two lines), marked with '…'; its own line breaks kept, and a list
    (an answer of several short points) cut only between its points."""
    rows = _rows(piece.text, chars(how.text_width))
    fit = min(int((room - how.frame) // LINE) - 1, len(rows) - 2)  # a line to spare
    if fit < 2:
        return None, piece

    def join(part: Sequence[tuple[str, bool]]) -> str:
        text = part[0][0]
        for row, new_paragraph in part[1:]:
            text += ("\n" if new_paragraph else " ") + row
        return text

    if any(new for _, new in rows[1:]):  # a list (lines of its own) is cut between items
        fit = next((k for k in range(fit, 1, -1) if rows[k][1]), 0)
        if not fit:
            return None, piece
        return (replace(piece, text=join(rows[:fit])),
                replace(piece, text=join(rows[fit:]), continued=True))
    return (replace(piece, text=join(rows[:fit]) + " …"),
            replace(piece, text="… " + join(rows[fit:]), continued=True))


def fill(columns: Sequence[Column], how: Flow) -> float:
    """How full a page is, from 0 to 1: the height its pieces take over all its columns."""
    return sum(how.measure(piece) for column in columns for piece in column) \
        / (how.height * how.columns)
