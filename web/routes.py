"""The app's own HTTP routes, all under ``/api/`` (Streamlit reserves ``/_stcore/`` and the
like)."""
from __future__ import annotations

from starlette.routing import BaseRoute

from web import phone, stream

ROUTES: list[BaseRoute] = [*phone.ROUTES, stream.ROUTE]
