"""When the Kansli is open.

Office hours are configuration (weekdays and times; the defaults are an
assumption, see the domain brief H.3). Closed days come from the ``holidays``
package: Swedish public holidays plus the de-facto holidays Midsommarafton,
Julafton and Nyårsafton (brief H.2). Times are Swedish local time.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Europe/Stockholm")

HolidayTable = dict[dt.date, str]


def swedish_holidays(year: int) -> HolidayTable:
    """Closed days of ``year``: public and de-facto holidays, Swedish names."""
    import holidays

    found = holidays.country_holidays(
        "SE", years=year, categories=("public", "de_facto"), language="sv"
    )
    return dict(found.items())


_provider: Callable[[int], HolidayTable] = swedish_holidays


def set_holiday_provider(provider: Callable[[int], HolidayTable] | None) -> None:
    """Where the holiday tables come from (None: the ``holidays`` package, here).

    The desktop program installs a cache that keeps the large ``holidays``
    package out of its own process (see :mod:`kansli_desk.holiday_cache`).
    """
    global _provider  # noqa: PLW0603 (one source per process)
    _provider = provider or swedish_holidays
    _holidays.cache_clear()


@lru_cache(maxsize=8)
def _holidays(year: int) -> HolidayTable:
    return _provider(year)


def holiday_name(day: dt.date) -> str | None:
    """The Swedish name of the holiday on ``day``, or None for an ordinary day."""
    return _holidays(day.year).get(day)


def _swedish(at: dt.datetime) -> dt.datetime:
    """``at`` in Swedish time; a naive datetime already is (not the machine's zone)."""
    return at.replace(tzinfo=TIMEZONE) if at.tzinfo is None else at.astimezone(TIMEZONE)


@dataclass(frozen=True)
class OfficeStatus:
    """Whether the Kansli is open at a moment, and until or from when.

    Attributes:
        is_open: open now.
        changes_at: when it closes (if open) or next opens (if closed).
        holiday: the holiday's name when closed for one today.
    """

    is_open: bool
    changes_at: dt.datetime | None
    holiday: str | None = None


@dataclass(frozen=True)
class OfficeHours:
    """The Kansli's opening hours."""

    weekdays: frozenset[int] = field(default_factory=lambda: frozenset(range(5)))
    opens: dt.time = dt.time(8, 0)
    closes: dt.time = dt.time(16, 30)
    extra_closed: frozenset[dt.date] = frozenset()

    @classmethod
    def from_settings(cls, weekdays: list[int], opens: str, closes: str) -> OfficeHours:
        """Build from the stored settings (``HH:MM`` strings)."""
        return cls(frozenset(weekdays), dt.time.fromisoformat(opens), dt.time.fromisoformat(closes))

    def is_working_day(self, day: dt.date) -> bool:
        """An opening weekday that is no holiday."""
        return (
            day.weekday() in self.weekdays
            and day not in self.extra_closed
            and holiday_name(day) is None
        )

    def status(self, at: dt.datetime) -> OfficeStatus:
        """Open or closed at ``at`` (any time zone; naive means Swedish time)."""
        local = _swedish(at)
        day = local.date()
        opening = dt.datetime.combine(day, self.opens, TIMEZONE)
        closing = dt.datetime.combine(day, self.closes, TIMEZONE)
        if self.is_working_day(day) and opening <= local < closing:
            return OfficeStatus(True, closing)
        return OfficeStatus(False, self.next_opening(local), holiday_name(day))

    def next_opening(self, after: dt.datetime) -> dt.datetime | None:
        """The next opening time after ``after`` (None if never: no weekdays).

        Like :meth:`status`, a naive ``after`` means Swedish time.
        """
        local = _swedish(after)
        day = local.date()
        for offset in range(0, 400):
            candidate_day = day + dt.timedelta(days=offset)
            if not self.is_working_day(candidate_day):
                continue
            opening = dt.datetime.combine(candidate_day, self.opens, TIMEZONE)
            if opening > local:
                return opening
        return None


def _print_tables(years: list[int]) -> None:
    """``python -m kansli_desk.core.office_hours YEAR...``: the tables as JSON."""
    tables = {
        str(year): {day.isoformat(): name for day, name in swedish_holidays(year).items()}
        for year in years
    }
    json.dump(tables, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    _print_tables([int(arg) for arg in sys.argv[1:]])
