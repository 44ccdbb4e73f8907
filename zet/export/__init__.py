"""Exports of one theme group for the programme manager: a PDF report (``pdf``) and the raw
responses as tables, CSV and Excel (``tables``). Roles only: no names, initials or tokens of
participants ever leave the app.

This module holds the small Dutch formatting helpers both exports share; it imports neither
reportlab nor pandas.
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from zet.clock import LOCAL_ZONE

if TYPE_CHECKING:
    from zet.room.dagdelen import Dagdeel

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

def dutch_date(value: date) -> str:
    """``23 november 2026``: no locale involved, so it is the same on every server."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def local_time(value: datetime) -> datetime:
    """A stored (UTC) moment as Dutch wall-clock time to the minute, without zone (Excel
    cannot store zones). No finer than the minute: exports must not let anyone line up who
    answered what by the second (privacy)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(LOCAL_ZONE or UTC)
    return local.replace(tzinfo=None, second=0, microsecond=0)


def dutch_datetime(value: datetime) -> str:
    """``23 november 2026 om 14:05`` in Dutch time."""
    local = local_time(value)
    suffix = "" if LOCAL_ZONE is not None else " (UTC)"
    return f"{dutch_date(local.date())} om {local:%H:%M}{suffix}"


# Control characters (not tab/newline) that a phone keyboard can smuggle in: reportlab
# chokes on some, and openpyxl refuses to write any of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control(value: str) -> str:
    return _CONTROL.sub("", value)


def purged_on(dagdeel: Dagdeel) -> date | None:
    """The (Dutch) day the retention purge removed the dagdeel's individual answers."""
    return local_time(dagdeel.purged_at).date() if dagdeel.purged_at else None


def purged_line(dagdeel: Dagdeel) -> str:
    """The one line every export of a purged dagdeel carries; empty before the purge."""
    day = purged_on(dagdeel)
    if day is None:
        return ""
    return (f"De individuele antwoorden zijn na de bewaartermijn verwijderd op "
            f"{dutch_date(day)}; de uitkomst en de aantallen zijn bewaard.")


def partnership_name(dagdeel: object) -> str:
    """The partnership to print above the locatie; nothing for the placeholder name that
    migration 0004 gave installations that never named theirs."""
    from zet.programme.locaties import DEFAULT_PARTNERSHIP

    name = getattr(dagdeel, "partnerschap", "") or ""
    return "" if name == DEFAULT_PARTNERSHIP else name


def yes_no(flag: bool) -> str:
    return "ja" if flag else "nee"


def file_stem(locatie: str, datum: date, *parts: str) -> str:
    """``ZET_2026-11-30_Het-Kompas_visie_r1A``: the file name of an export, without the
    extension, safe on every file system."""
    def slug(text: str) -> str:
        return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-")[:40]
    pieces = ["ZET", f"{datum:%Y-%m-%d}", slug(locatie) or "locatie",
              *(slug(p) for p in parts if p)]
    return "_".join(pieces)
