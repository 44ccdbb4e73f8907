"""The procesbegeleider's control view of one group: every action, never projected.

The room sees the projector view (``/scherm``), which follows what is done here.
"""
import streamlit as st

from ui import push
from ui.facilitator import frame
from ui.page import refuse_link, setup
from ui.resources import engine, library, theme_or_stop
from ui.steps import STEP_VIEWS
from ui.writes import show_flash
from zet.errors import NotFound
from zet.room.dagdelen import get_dagdeel
from zet.room.groups import group_by_secret
from zet.room.versions import INPUT, ROOM

setup("ZET — bediening procesbegeleider", "control")
library()  # stops the page with file and field when content/ is broken
try:
    group = group_by_secret(engine(), st.query_params.get("sleutel", ""))
except NotFound as error:
    refuse_link(str(error))

dagdeel = get_dagdeel(engine(), group.dagdeel_id)
theme = theme_or_stop(group.theme_id, control_view=True)
show_flash()
push.follow(group.dagdeel_id, topics=(ROOM, INPUT), group_id=group.id,
            coalesce_ms=push.CONTROL_COALESCE_MS)
frame.header(group, theme, dagdeel)
frame.screen_controls(group.id)

STEP_VIEWS[group.step].control(group, theme, dagdeel)
frame.step_guidance(theme, group.step)
frame.room_tools(group, dagdeel)
