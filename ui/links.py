"""Every address the app shows or prints, from one source: ``ZET_PUBLIC_URL``, else the
address the current browser used to reach the app.

Call these while the page runs (never lazily inside a download callback, where the
browser's address is no longer known) and pass the string on.
"""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from zet.config import load_settings

PAGE_PATHS = ("start", "begeleiden", "deelnemen", "themas", "dagdeel", "scherm", "notities",
              "programma", "quickscan")


def public_base_url() -> str:
    """Where phones reach this app, without a trailing slash or page."""
    configured = load_settings().public_url
    if configured:
        return configured
    current = st.context.url or "http://localhost:8501"
    parts = urlsplit(current)
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1] in PAGE_PATHS:
        segments = segments[:-1]
    path = "/" + "/".join(segments) if segments else ""
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def page_url(page: str, **params: str) -> str:
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{public_base_url()}/{page}" + (f"?{query}" if query else "")


def join_url(join_code: str) -> str:
    return page_url("deelnemen", code=join_code)


def screen_url(join_code: str, tafel: str = "") -> str:
    """The projector: only the public join code and a tafel, no secret."""
    return page_url("scherm", code=join_code, tafel=tafel)


def control_url(secret: str) -> str:
    return page_url("begeleiden", sleutel=secret)


def dagdeel_control_url(secret: str) -> str:
    return page_url("dagdeel", beheer=secret)


def notulist_url(secret: str) -> str:
    return page_url("notities", n=secret)


def quickscan_url(code: str) -> str:
    """The quickscan's own address: its public code, nothing secret."""
    return page_url("quickscan", code=code)
