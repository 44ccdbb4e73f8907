"""One place for 'now', in UTC, so stored timestamps are comparable across databases, and
for the Dutch wall clock the programme is written in."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import overload
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    LOCAL_ZONE: ZoneInfo | None = ZoneInfo("Europe/Amsterdam")
except ZoneInfoNotFoundError:  # no tz database on this machine: fall back to UTC
    LOCAL_ZONE = None


def now() -> datetime:
    return datetime.now(UTC)


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: None) -> None: ...
def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands timestamps back without a zone; they were stored as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def wall_clock(value: datetime | None = None) -> str:
    """'14:02' in Dutch time (UTC when the machine has no tz database)."""
    moment = as_utc(value) if value is not None else now()
    return f"{moment.astimezone(LOCAL_ZONE or UTC):%H:%M}"


def today() -> date:
    """Today's date on the Dutch wall clock (a dagdeel's date is a local date)."""
    return datetime.now(LOCAL_ZONE or UTC).date()
