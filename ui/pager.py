"""The "Op het scherm" box of a control view: which page the beamer shows, and buttons to
page it. The command that moves the page is the caller's (a group's or a dagdeel's)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.text import esc, md
from ui.writes import act


def screen_pager(title: str, index: int, count: int, move: Callable[..., Any],
                 *args: Any, key: str, **kwargs: Any) -> None:
    """``move(engine, *args, page, **kwargs)`` sets the page; ``key`` keeps buttons apart."""
    with st.container(border=True):
        st.markdown(f":material/co_present: **Op het scherm:** {md(title)}"
                    + (f" · pagina {index + 1} van {count}" if count > 1 else ""))
        st.html(f"<span data-testid='{esc(key)}-screen-page' data-page='{index}' "
                f"data-pages='{count}'></span>")
        if count > 1:
            left, right = st.columns(2)
            left.button("◀ Vorige pagina", key=f"{key}_prev", width="stretch",
                        disabled=index == 0, on_click=act,
                        args=(move, *args, index - 1), kwargs=kwargs)
            right.button("Volgende pagina ▶", key=f"{key}_next", width="stretch",
                         disabled=index >= count - 1, on_click=act,
                         args=(move, *args, index + 1), kwargs=kwargs)
