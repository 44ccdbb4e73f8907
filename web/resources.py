"""Process-wide resources for the HTTP routes (the pages have theirs in ``ui.resources``)."""
from __future__ import annotations

from functools import cache

from sqlalchemy import Engine

from zet.config import load_settings
from zet.db import make_engine


@cache
def engine() -> Engine:
    return make_engine(load_settings().database_url)
