"""Process-wide resources: the database engine and the content library."""
from __future__ import annotations

import logging

import streamlit as st
from sqlalchemy import Engine

from ui.page import room_sees_this
from ui.text import md
from zet.config import ConfigError, load_settings
from zet.content import ContentError, GeneralTexts, Library, Theme, load_library
from zet.db import app_engine
from zet.errors import StorageError

log = logging.getLogger("zet")
ROOM_STORAGE_NOTICE = ("De app kan nu even niets bewaren of ophalen. De procesbegeleider ziet "
                       "op de eigen bediening wat er mis is; probeer het zo opnieuw.")
ROOM_CONTENT_NOTICE = ("De app is nu even niet klaar voor gebruik. De procesbegeleider ziet "
                       "op de eigen bediening wat er mis is.")
_logged: set[str] = set()


def log_once(message: str) -> None:
    """Log a problem once per server process, not once per phone per poll."""
    if message not in _logged:
        _logged.add(message)
        log.error("%s", message)


def engine_or_error() -> Engine:
    """The engine, or its StorageError / ConfigError: for work that draws nothing (the daily
    purge); the page itself then shows what is wrong, to whom (``engine``)."""
    return app_engine()


def engine() -> Engine:
    """One pooled engine per server process; the schema is upgraded on first use. A
    database that cannot be written (read-only, disk full, server away) stops the page
    with a Dutch message: on a control view naming the file and what to do, on a phone or
    the beamer only a calm line (the details go to the log); the next page load tries
    again."""
    try:
        return app_engine()
    except (StorageError, ConfigError) as error:
        log_once(f"database unusable: {error}")
        if room_sees_this():
            st.error(ROOM_STORAGE_NOTICE, icon=":material/database:")
        else:
            st.error(md(error), icon=":material/database:")
        st.stop()
        raise  # st.stop() does not return


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
    if isinstance(result, ContentError) and room_sees_this():
        log_once(f"content unusable: {result}")
        st.error(ROOM_CONTENT_NOTICE)
        st.stop()
    if isinstance(result, ContentError):
        st.error("De inhoud in `content/` bevat fouten. Herstel ze en start de app opnieuw:")
        st.code(str(result), language=None)
        st.stop()
    return result


def general_texts() -> GeneralTexts:
    """algemeen.yaml: always there once ``library()`` returned (else the page stopped)."""
    general = library().general
    if general is None:
        st.error("content/algemeen.yaml ontbreekt. Zet het bestand terug en start opnieuw.")
        st.stop()
        raise RuntimeError("st.stop() returned")
    return general


def theme_or_stop(theme_id: str, *, control_view: bool = False) -> Theme:
    """The theme of a running session; stops with a message when it is unavailable.

    The room (phones, projector) gets one calm line without file paths; the procesbegeleider's
    control view (``control_view=True``) gets what is wrong, with file and field.
    """
    lib = library()
    theme = lib.themes.get(theme_id)
    if theme is None:
        if control_view:
            st.error(f"Het thema '{md(theme_id)}' van deze sessie is niet beschikbaar.")
            st.code(lib.problem(theme_id), language=None)
        else:
            st.info(THEME_UNAVAILABLE)
        st.stop()
    return theme


THEME_UNAVAILABLE = ("Dit thema kan nu even niet worden getoond. De procesbegeleider helpt "
                     "je verder.")


def client_key() -> str:
    """Who is asking, for the rate limits: the browser session, with its address when
    Streamlit knows it. (Not the address alone: a whole school behind one address must
    not be locked out by one person typing the code wrong.)"""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    session = context.session_id if context else "?"
    address = st.context.ip_address
    return f"{address if isinstance(address, str) else '?'}:{session}"
