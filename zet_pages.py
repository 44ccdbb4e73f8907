"""The pages of the app (``zet_app.py`` serves them). Pages are reached by link, not by a menu:
participants only ever see their own page."""
import streamlit as st

from ui.resources import engine
from zet.retention import purge_if_due

purge_if_due(engine())  # once a day: close past dagdelen, remove data past the retention period

pages = [
    st.Page("pages/start.py", title="ZET — start", url_path="start", default=True),
    st.Page("pages/begeleiden.py", title="ZET — procesbegeleider", url_path="begeleiden"),
    st.Page("pages/scherm.py", title="ZET — scherm", url_path="scherm"),
    st.Page("pages/notities.py", title="ZET — notities", url_path="notities"),
    st.Page("pages/deelnemen.py", title="ZET — meedoen", url_path="deelnemen"),
    st.Page("pages/themas.py", title="ZET — thema's en handleiding", url_path="themas"),
    st.Page("pages/dagdeel.py", title="ZET — dagdeel", url_path="dagdeel"),
    st.Page("pages/quickscan.py", title="ZET — quickscan", url_path="quickscan"),
    st.Page("pages/programma.py", title="ZET — programmamanager", url_path="programma"),
]
st.navigation(pages, position="hidden").run()
