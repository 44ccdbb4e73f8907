"""Run a domain command from a widget callback and report the outcome on the next run.

Every button, form and phone callback goes through ``act``: a ``UserError`` becomes its
Dutch message, and a storage failure (database locked past its retries, disk full,
read-only file) becomes a calm Dutch sentence while the details go to the server log. The
person never sees a traceback, and whatever they typed stays in its widget.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ui.resources import engine
from ui.text import md
from zet.errors import StorageError, UserError

FLASH = "_zet_flash"
STORAGE_TROUBLE = ("Dat lukte even niet: de opslag reageert niet. Probeer het zo nog eens; "
                   "wat je typte staat er nog.")
STORAGE_TROUBLE_SHOWING = ("De opslag reageert nu even niet. Probeer het over een paar "
                           "tellen nog eens.")
log = logging.getLogger("zet")


def act(action: Callable[..., Any], *args: Any, success: str | None = None,
        flash: str = FLASH, **kwargs: Any) -> Any:
    """Call ``action(engine, *args, **kwargs)``; the outcome waits under ``flash`` in the
    session for ``show_flash`` (a phone keeps one per form, the screens one per page).

    Screens follow the write by the version it bumped (``zet.room.versions``, ``ui.push``);
    nothing is cleared here."""
    st.session_state.pop(flash, None)
    try:
        result = action(engine(), *args, **kwargs)
    except (UserError, StorageError) as error:  # StorageError: busy past its retries
        st.session_state[flash] = ("error", str(error))
        return None
    except (SQLAlchemyError, OSError):
        log.exception("storage failed in %s", getattr(action, "__name__", action))
        st.session_state[flash] = ("error", STORAGE_TROUBLE)
        return None
    if success:
        st.session_state[flash] = ("success", success)
    return result


@contextmanager
def storage_trouble_shown(*, stop: bool = True) -> Iterator[None]:
    """Around a write the page makes while it is drawn, not from a button (a late joiner's
    seat, the notulist link made the first time): a full or read-only disk, or a database
    busy for too long, is the calm Dutch line (the details go to the log), and the page
    stops there (``stop``) or goes on without that part."""
    try:
        yield
    except StorageError as error:  # busy past its retries: the message names no file
        st.error(md(error), icon=":material/database:")
        if stop:
            st.stop()
    except (SQLAlchemyError, OSError):
        log.exception("storage failed while drawing a page")
        st.error(STORAGE_TROUBLE_SHOWING, icon=":material/database:")
        if stop:
            st.stop()


def failed(flash: str = FLASH) -> bool:
    """Whether the last ``act`` under ``flash`` ended in a message instead of a result."""
    return st.session_state.get(flash, (None, None))[0] == "error"


def show_flash(flash: str = FLASH, *, toast: bool = True) -> None:
    """Show (once) the message the last action left under ``flash``."""
    kind, message = st.session_state.pop(flash, (None, None))
    if kind == "error":
        st.error(md(message), icon=":material/warning:")
    elif kind == "success" and toast:
        st.toast(md(message), icon=":material/check_circle:")
    elif kind == "success":
        st.success(md(message), icon=":material/check_circle:")
