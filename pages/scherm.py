"""The projector: what the room may see, and nothing else — no controls, no secrets.

``/scherm?code=K7MQA&tafel=B`` follows the group at tafel B (the running round's); without a
tafel a dagdeel with several tables shows the plenary screen. It redraws as soon as
something it shows changed (``ui/push.py``), without polling.
"""
import streamlit as st

from ui import live, push
from ui.links import join_url
from ui.page import setup
from ui.projector import plenary, render
from ui.projector.style import PROJECTOR_STYLE
from ui.resources import THEME_UNAVAILABLE, client_key, library
from ui.text import esc
from zet.errors import Closed, UserError
from zet.room.screen_pages import group_pages, page_at
from zet.room.versions import INPUT, ROOM

setup("ZET — scherm", "projector")
library()
CLOSED = "Deze sessie is afgesloten. Dank jullie wel!"


def calm(message: str) -> None:
    st.html(f"{PROJECTOR_STYLE}<div class='zp' data-testid='projector' data-step=''>"
            f"<div class='zp-calm'>{esc(message)}</div></div>")


def show(code: str, tafel: str) -> None:
    try:
        target = live.screen_target(code, tafel, client_key())
    except Closed:  # no round, code or names of a closed dagdeel stay on the wall
        calm(CLOSED)
        return
    except UserError as error:  # an unknown code or tafel, or too many wrong codes
        calm(str(error))
        return
    # The screen of a tafel follows its group (and the dagdeel's own moves); the plenary
    # screen every group's.
    push.follow(target.dagdeel_id, topics=(ROOM, INPUT),
                group_id=target.group.id if target.group is not None else None)
    link = join_url(code)
    if target.group is None:
        st.html(plenary.page_html(target.dagdeel_id, link))
        return
    if target.group.theme_id not in library().themes:
        calm(THEME_UNAVAILABLE)
        return
    state = live.snapshot(target.group.id)
    group = state.group
    if not group.dagdeel_open:
        calm(CLOSED)
        return
    pages = group_pages(state)
    index, page = page_at(pages, group.screen_page)
    footer = group.where if group.label else ""  # text, like the title: both escaped
    body_html = render.group_page_html(state, page, join_code=group.join_code, join_url=link)
    st.html(render.screen_html(
        title=state.theme.titel, kicker_html=render.stepper_html(group.step),
        step=group.step.value, page_index=index, pages=pages, body_html=body_html,
        join_code=group.join_code, join_url=link, footer=footer))


show(st.query_params.get("code", ""), st.query_params.get("tafel", ""))
