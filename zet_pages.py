"""The pages of the app (``zet_app.py`` serves them). Pages are reached by link, not by a menu:
participants only ever see their own page."""
import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ui.resources import engine_or_error, log_once
from zet.config import ConfigError
from zet.errors import StorageError
from zet.operations.retention import purge_if_due

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
# Once a day: close past dagdelen, purge data past the retention period. On a database that
# cannot be written the page still runs, and says so to whom it may concern (ui.resources).
try:
    purge_if_due(engine_or_error())
except (StorageError, ConfigError) as error:
    log_once(f"the daily purge did not run: {error}")
except (SQLAlchemyError, OSError):
    logging.getLogger("zet").exception("the daily purge failed; it runs again tomorrow or "
                                       "after a restart")
st.navigation(pages, position="hidden").run()
