"""The procesbegeleider's control view of one group: every action, never projected.

The room sees the projector view (``/scherm``), which follows what is done here.
"""
import streamlit as st

from ui import push
from ui.actions import show_flash
from ui.facilitator import afronding, frame, kaarten, punten, scenario, uitwisseling, werkblad
from ui.page import refuse_link, setup
from ui.resources import engine, library, theme_or_stop
from zet.dagdelen import get_dagdeel
from zet.errors import NotFound
from zet.groups import group_by_secret
from zet.steps import Step
from zet.versions import INPUT, ROOM

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

if group.step == Step.WERKBLAD:
    werkblad.show(group, theme)
elif group.step == Step.UITWISSELING:
    uitwisseling.show(group, theme)
elif group.step == Step.REFLECTIEKAARTEN:
    kaarten.show(group, theme)
elif group.step == Step.PUNTEN:
    punten.show(group)
elif group.step == Step.SCENARIO:
    scenario.show(group, theme)
else:
    afronding.show(group, dagdeel)

frame.step_guidance(theme, group.step)
frame.room_tools(group, dagdeel)
