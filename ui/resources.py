"""Process-wide resources: the database engine and the content library."""
from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from zet.config import load_settings
from zet.content import ContentError, Library, Theme, load_library
from zet.db import make_engine


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """One pooled engine per server process; the schema is upgraded on first use."""
    return make_engine(load_settings().database_url)


@st.cache_resource(show_spinner=False)
def _library_or_error() -> Library | ContentError:
    try:
        return load_library(load_settings().content_dir)
    except ContentError as error:
        return error


def library() -> Library:
    """The validated content; stops the page with the file and field when it is broken."""
    result = _library_or_error()
    if isinstance(result, ContentError):
        st.error("De inhoud in `content/` bevat fouten. Herstel ze en start de app opnieuw:")
        st.code(str(result), language=None)
        st.stop()
    return result


def theme_or_stop(theme_id: str) -> Theme:
    """The theme of a running session; a clear message if content/ no longer has it."""
    theme = library().themes.get(theme_id)
    if theme is None:
        st.error(f"Het thema '{theme_id}' van deze sessie staat niet meer in content/. "
                 "Zet het bestand terug (met dezelfde id) en start de app opnieuw.")
        st.stop()
    return theme
