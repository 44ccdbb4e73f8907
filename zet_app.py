"""Entry point: ``streamlit run zet_app.py``.

The pages are ``zet_pages.py`` (reached by link, not by a menu: participants only ever see
their own page); this file adds the app's own HTTP layer around them (``web/``): security
headers on every response and the routes phones and screens talk to beside the websocket.
"""
import streamlit as st
from starlette.middleware import Middleware

from web.headers import SecurityHeaders
from web.routes import ROUTES

app = st.App("zet_pages.py", routes=ROUTES, middleware=[Middleware(SecurityHeaders)])
