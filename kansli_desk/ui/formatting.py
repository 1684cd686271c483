"""How values look on screen (Swedish conventions: 24-hour clock, ISO dates)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


@cache
def swedish_time() -> ZoneInfo:
    # Looked up on first use: loading the zone data is not worth delaying start-up for.
    from kansli_desk.core.office_hours import TIMEZONE

    return TIMEZONE


def local_time(value: dt.datetime | None) -> str:
    """``2026-11-27 09:41`` in Swedish local time; empty for None."""
    if value is None:
        return ""
    return value.astimezone(swedish_time()).strftime("%Y-%m-%d %H:%M")


def clock(value: dt.datetime) -> str:
    """``09:41`` in Swedish local time."""
    return value.astimezone(swedish_time()).strftime("%H:%M")


def date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def duration(seconds: int | None) -> str:
    """``4:05`` (minutes:seconds) or ``1:02:30``; empty when unknown."""
    if seconds is None:
        return ""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
