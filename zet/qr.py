"""QR codes for the join screen and the printable table card."""
from __future__ import annotations

import io
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M


@lru_cache(maxsize=64)
def qr_png(url: str, *, box_size: int = 12, border: int = 2) -> bytes:
    """A PNG of the QR code for ``url`` (medium error correction: readable from afar).

    Cached per process: the projector redraws its join panel on every rerun, and the same
    URL always gives the same image (bytes are immutable, so sharing them is safe)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()
