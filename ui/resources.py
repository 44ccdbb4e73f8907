"""Process-wide resources: the database engine, the content library, the public URL."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import streamlit as st
from sqlalchemy import Engine

from zet.config import load_settings
from zet.content import ContentError, Library, Theme, load_library
from zet.db import make_engine

PAGE_PATHS = ("start", "begeleiden", "deelnemen", "themas", "dagdeel")


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """One pooled engine per server process; the schema is upgraded on first use."""
    return make_engine(load_settings().database_url)


@st.cache_resource(show_spinner=False)
def _library_or_error() -> Library | ContentError:
    """Broken theme files are left out of the library; only a fatal problem is an error."""
    try:
        return load_library(load_settings().content_dir)
    except ContentError as error:
        return error


def library() -> Library:
    """The usable content; stops the page with file and field only when nothing can run.

    A broken theme file only disables that theme (see ``Library.broken``); algemeen.yaml
    broken, or no theme at all, stops every page.
    """
    result = _library_or_error()
    if isinstance(result, ContentError):
        st.error("De inhoud in `content/` bevat fouten. Herstel ze en start de app opnieuw:")
        st.code(str(result), language=None)
        st.stop()
    return result


def theme_or_stop(theme_id: str, *, control_view: bool = False) -> Theme:
    """The theme of a running session; stops with a message when it is unavailable.

    The room (phones, projector) gets one calm line without file paths; the procesbegeleider's
    control view (``control_view=True``) gets what is wrong, with file and field.
    """
    lib = library()
    theme = lib.themes.get(theme_id)
    if theme is None:
        if control_view:
            st.error(f"Het thema '{theme_id}' van deze sessie is niet beschikbaar.")
            st.code(lib.problem(theme_id), language=None)
        else:
            st.info(THEME_UNAVAILABLE)
        st.stop()
    return theme


THEME_UNAVAILABLE = ("Dit thema kan nu even niet worden getoond. De procesbegeleider helpt "
                     "je verder.")


def public_base_url() -> str:
    """Where phones reach this app: ZET_PUBLIC_URL, or the address this browser used."""
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


def join_url(join_code: str) -> str:
    return f"{public_base_url()}/deelnemen?code={join_code}"


def facilitator_url(secret: str) -> str:
    return f"{public_base_url()}/begeleiden?sleutel={secret}"
