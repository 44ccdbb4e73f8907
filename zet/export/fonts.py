"""The vendored DejaVu Sans fonts, registered once with reportlab.

reportlab's built-in Helvetica only knows Latin-1, so ’, —, ő or anything else a
participant types would come out as black boxes. DejaVu Sans covers them. The font files
and their licence (Bitstream Vera / public domain, see ``fonts/LICENSE``) live next to this
module, so the export does not depend on what the server has installed.
"""
from __future__ import annotations

import threading
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
FONT_BOLD = "DejaVu-Bold"
FAMILY = "DejaVu"  # <b> inside a Paragraph in this family switches to FONT_BOLD

_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
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
        _registered = True
