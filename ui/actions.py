"""Run a domain action from a button callback and report the outcome on the next run."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui import live
from ui.resources import engine
from zet.errors import UserError

_FLASH = "_zet_flash"


def act(action: Callable[..., Any], *args: Any, success: str | None = None,
        **kwargs: Any) -> Any:
    """Call ``action(engine, *args, **kwargs)``; a UserError becomes a Dutch message."""
    try:
        result = action(engine(), *args, **kwargs)
    except UserError as error:
        st.session_state[_FLASH] = ("error", str(error))
        return None
    live.refresh()
    if success:
        st.session_state[_FLASH] = ("success", success)
    return result


def show_flash() -> None:
    """Show (once) the message left by the last action."""
    kind, message = st.session_state.pop(_FLASH, (None, None))
    if kind == "error":
        st.error(message, icon=":material/warning:")
    elif kind == "success":
        st.toast(message, icon=":material/check_circle:")
