"""The vendored DejaVu Sans fonts, registered once with reportlab.

reportlab's built-in Helvetica only knows Latin-1, so ’, —, ő or anything else a
participant types would come out as black boxes. DejaVu Sans covers them. The font files
and their licence (Bitstream Vera / public domain, see ``fonts/LICENSE``) live next to this
module, so the export does not depend on what the server has installed.

DejaVu has no emoji. For those the monochrome Symbola font of the distribution
(Debian ``fonts-symbola``, installed by the README's test command and ``.ci/run``) is the
fallback: ``zet.export.scripts`` switches to it for every character DejaVu lacks. Without it
installed, emoji print as empty boxes, as before. (Colour emoji fonts, e.g. Noto Color Emoji,
are bitmap fonts that reportlab cannot embed.)
"""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Mapping
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
FONT_BOLD = "DejaVu-Bold"
FAMILY = "DejaVu"  # <b> inside a Paragraph in this family switches to FONT_BOLD

EMOJI = "ZET-Emoji"
# Where the distributions put Symbola (Debian/Ubuntu, Fedora, Arch).
EMOJI_FILES = (Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
               Path("/usr/share/fonts/gdouros-symbola/Symbola.ttf"),
               Path("/usr/share/fonts/TTF/Symbola.ttf"))

_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
# A ToUnicode entry (<code> <character>) for a character beyond U+FFFF.
_BEYOND_BMP = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.MULTILINE)
_registered = False


def register_fonts() -> None:
    """Register DejaVu and DejaVu-Bold (and their family) with reportlab; safe to call often
    and from several threads (Streamlit runs one per browser session)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file_name)))
        # No italic files are vendored: italic falls back to the upright faces.
        pdfmetrics.registerFontFamily(FAMILY, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                      boldItalic=FONT_BOLD)
        emoji = next((path for path in EMOJI_FILES if path.is_file()), None)
        if emoji is not None:
            pdfmetrics.registerFont(TTFont(EMOJI, str(emoji)))
            pdfmetrics.registerFontFamily(EMOJI, normal=EMOJI, bold=EMOJI, italic=EMOJI,
                                          boldItalic=EMOJI)
        _fix_to_unicode_beyond_bmp()
        _registered = True


def has_glyph(font_name: str, char: str) -> bool:
    """Whether a registered font draws ``char`` (after ``register_fonts``)."""
    return ord(char) in _glyphs(font_name)


@functools.cache
def _glyphs(font_name: str) -> Mapping[int, int]:
    """The font's characters (nothing for a font that is not installed); looked up once."""
    from reportlab.pdfbase import pdfmetrics

    try:
        return pdfmetrics.getFont(font_name).face.charToGlyph
    except KeyError:  # the emoji font is not installed
        return {}


def _fix_to_unicode_beyond_bmp() -> None:
    """Let emoji extract from the PDF as the characters they are.

    reportlab writes each character's ToUnicode entry as its code point in hex: right for the
    first 65,536 characters, but 👍 (U+1F44D) becomes ``<1F44D>``, which PDF readers cannot
    read (they need UTF-16, ``<D83DDC4D>``), so copied or extracted emoji came out as NUL or
    garbage. This writes UTF-16 for every entry; for the other characters that is the same."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts.makeToUnicodeCMap, "zet_utf16", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def utf16(match: re.Match[str]) -> str:
        code = int(match.group(2), 16)
        return f"<{match.group(1)}> <{chr(code).encode('utf-16-be').hex().upper()}>"

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        return _BEYOND_BMP.sub(utf16, original(fontname, subset))

    make_to_unicode_cmap.zet_utf16 = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
