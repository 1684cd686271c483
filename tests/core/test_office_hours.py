"""When the Kansli is open (kansli_desk.core.office_hours)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest

from kansli_desk.core.office_hours import TIMEZONE, OfficeHours, OfficeStatus, holiday_name

HOURS = OfficeHours()


def se(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """An aware moment in Swedish local time."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=TIMEZONE)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


# --- a normal week ----------------------------------------------------------------


def test_default_hours() -> None:
    assert HOURS.weekdays == frozenset({0, 1, 2, 3, 4})
    assert HOURS.opens == dt.time(8, 0)
    assert HOURS.closes == dt.time(16, 30)


@pytest.mark.parametrize(
    ("hour", "minute", "is_open"),
    [
        (0, 0, False),
        (7, 59, False),
        (8, 0, True),
        (12, 0, True),
        (16, 29, True),
        (16, 30, False),
        (23, 59, False),
    ],
)
def test_boundary_minutes_on_a_weekday(hour: int, minute: int, is_open: bool) -> None:
    # Wednesday 25 November 2026, an ordinary working day.
    assert HOURS.status(se(2026, 11, 25, hour, minute)).is_open is is_open


def test_open_status_says_when_it_closes() -> None:
    status = HOURS.status(se(2026, 11, 25, 9, 15))
    assert status == OfficeStatus(True, se(2026, 11, 25, 16, 30), None)


def test_before_opening_it_opens_the_same_morning() -> None:
    status = HOURS.status(se(2026, 11, 25, 7, 59))
    assert status == OfficeStatus(False, se(2026, 11, 25, 8, 0), None)


def test_after_closing_it_opens_the_next_morning() -> None:
    status = HOURS.status(se(2026, 11, 25, 16, 30))
    assert status == OfficeStatus(False, se(2026, 11, 26, 8, 0), None)


def test_weekdays_are_working_days_and_weekends_are_not() -> None:
    week = [dt.date(2026, 11, 23) + dt.timedelta(days=i) for i in range(7)]  # Mon..Sun
    assert [HOURS.is_working_day(day) for day in week] == [True] * 5 + [False] * 2


@pytest.mark.parametrize("day", [28, 29])
def test_weekend_is_closed_all_day(day: int) -> None:
    for hour in (8, 12, 16):
        status = HOURS.status(se(2026, 11, day, hour))
        assert not status.is_open
        assert status.holiday is None
        assert status.changes_at == se(2026, 11, 30, 8, 0)  # Monday


def test_friday_evening_opens_monday_morning() -> None:
    friday_evening = se(2026, 11, 27, 18, 45)
    assert HOURS.next_opening(friday_evening) == se(2026, 11, 30, 8, 0)
    assert HOURS.status(friday_evening).changes_at == se(2026, 11, 30, 8, 0)


def test_next_opening_is_strictly_after_the_moment() -> None:
    assert HOURS.next_opening(se(2026, 11, 25, 8, 0)) == se(2026, 11, 26, 8, 0)
    assert HOURS.next_opening(se(2026, 11, 25, 7, 59)) == se(2026, 11, 25, 8, 0)


# --- holidays ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (dt.date(2026, 12, 25), "Juldagen"),
        (dt.date(2026, 12, 24), "Julafton"),
        (dt.date(2026, 6, 19), "Midsommarafton"),
        (dt.date(2026, 12, 31), "Nyårsafton"),
        (dt.date(2026, 4, 3), "Långfredagen"),
        (dt.date(2026, 4, 6), "Annandag påsk"),
        (dt.date(2026, 5, 14), "Kristi himmelsfärdsdag"),
        (dt.date(2025, 6, 6), "Nationaldagen"),
        (dt.date(2027, 1, 6), "Trettondedag jul"),
    ],
)
def test_holidays_on_weekdays_are_closed_with_their_swedish_name(day: dt.date, name: str) -> None:
    assert day.weekday() < 5
    assert holiday_name(day) == name
    assert not HOURS.is_working_day(day)
    status = HOURS.status(dt.datetime.combine(day, dt.time(10, 0), TIMEZONE))
    assert not status.is_open
    assert status.holiday == name


def test_ordinary_days_have_no_holiday_name() -> None:
    assert holiday_name(dt.date(2026, 11, 25)) is None
    assert holiday_name(dt.date(2026, 6, 18)) is None  # the day before Midsommarafton


def test_after_christmas_it_opens_on_the_monday() -> None:
    # Julafton Thu, Juldagen Fri, Annandag jul Sat, Sunday: open again Monday 28th.
    assert HOURS.next_opening(se(2026, 12, 23, 17, 0)) == se(2026, 12, 28, 8, 0)
    status = HOURS.status(se(2026, 12, 25, 11, 0))
    assert status == OfficeStatus(False, se(2026, 12, 28, 8, 0), "Juldagen")


def test_around_new_year() -> None:
    # Nyårsafton Thu 31 Dec 2026 and Nyårsdagen Fri 1 Jan 2027 are closed.
    assert HOURS.next_opening(se(2026, 12, 30, 16, 30)) == se(2027, 1, 4, 8, 0)
    # Trettondedag jul (Wed 6 Jan 2027) is skipped too.
    assert HOURS.next_opening(se(2027, 1, 5, 17, 0)) == se(2027, 1, 7, 8, 0)


def test_easter_and_midsummer() -> None:
    # Skärtorsdagen is a working day; Långfredagen to Annandag påsk are not.
    assert HOURS.status(se(2026, 4, 2, 10, 0)).is_open
    assert HOURS.next_opening(se(2026, 4, 2, 16, 30)) == se(2026, 4, 7, 8, 0)
    # Thursday before Midsommarafton: next opening is the Monday after.
    assert HOURS.next_opening(se(2026, 6, 18, 16, 45)) == se(2026, 6, 22, 8, 0)


def test_extra_closed_days() -> None:
    hours = OfficeHours(extra_closed=frozenset({dt.date(2026, 11, 26)}))
    assert not hours.is_working_day(dt.date(2026, 11, 26))
    status = hours.status(se(2026, 11, 26, 10, 0))
    assert not status.is_open
    assert status.holiday is None
    assert status.changes_at == se(2026, 11, 27, 8, 0)


def test_no_weekdays_means_never_open() -> None:
    hours = OfficeHours(weekdays=frozenset())
    assert hours.next_opening(se(2026, 11, 25, 10, 0)) is None
    assert hours.status(se(2026, 11, 25, 10, 0)) == OfficeStatus(False, None, None)


# --- time zones and daylight-saving time ------------------------------------------


def test_utc_moments_in_summer_time() -> None:
    # 1 July 2026: Sweden is UTC+2 (CEST).
    assert not HOURS.status(utc(2026, 7, 1, 5, 59)).is_open
    assert HOURS.status(utc(2026, 7, 1, 6, 0)).is_open  # 08:00 in Kalmar
    assert HOURS.status(utc(2026, 7, 1, 14, 29)).is_open
    status = HOURS.status(utc(2026, 7, 1, 14, 30))  # 16:30 in Kalmar
    assert not status.is_open
    assert status.changes_at == utc(2026, 7, 2, 6, 0)


def test_utc_moments_in_winter_time() -> None:
    # 15 January 2026: Sweden is UTC+1 (CET).
    assert not HOURS.status(utc(2026, 1, 15, 6, 59)).is_open
    status = HOURS.status(utc(2026, 1, 15, 7, 0))
    assert status.is_open
    assert status.changes_at == utc(2026, 1, 15, 15, 30)
    assert HOURS.status(utc(2026, 1, 15, 15, 29)).is_open
    assert not HOURS.status(utc(2026, 1, 15, 15, 30)).is_open


def test_utc_evening_can_be_the_next_swedish_day() -> None:
    # Sunday 23:30 UTC in winter is Monday 00:30 in Sweden: closed, opens 08:00 Monday.
    status = HOURS.status(utc(2026, 11, 29, 23, 30))
    assert status.changes_at == se(2026, 11, 30, 8, 0)
    # Thursday 22:30 UTC on 24 Dec is 23:30 Julafton in Sweden: the holiday is named.
    assert HOURS.status(utc(2026, 12, 24, 22, 30)).holiday == "Julafton"


def test_next_opening_across_the_change_to_summer_time() -> None:
    # Clocks go forward on Sunday 29 March 2026: Monday opens at 06:00 UTC, Friday at 07:00.
    assert HOURS.status(utc(2026, 3, 27, 7, 0)).is_open
    opening = HOURS.next_opening(utc(2026, 3, 27, 16, 0))
    assert opening == utc(2026, 3, 30, 6, 0)
    assert opening is not None
    assert opening.astimezone(TIMEZONE).time() == dt.time(8, 0)


def test_next_opening_across_the_change_to_winter_time() -> None:
    # Clocks go back on Sunday 25 October 2026.
    opening = HOURS.next_opening(utc(2026, 10, 23, 15, 0))
    assert opening == utc(2026, 10, 26, 7, 0)


def test_other_time_zones_are_converted() -> None:
    new_york = dt.timezone(dt.timedelta(hours=-5))
    # 03:00 in New York is 09:00 in Sweden (winter time on both sides).
    assert HOURS.status(dt.datetime(2026, 11, 25, 3, 0, tzinfo=new_york)).is_open
    assert not HOURS.status(dt.datetime(2026, 11, 25, 11, 0, tzinfo=new_york)).is_open


@pytest.fixture
def machine_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pretend the computer's clock is set to UTC, not Swedish time."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_naive_times_are_swedish_whatever_the_machine_zone(machine_in_utc: None) -> None:
    # 07:30 Swedish time on a Friday: opens at 08:00 the same day.
    naive = dt.datetime(2026, 11, 27, 7, 30)
    assert not HOURS.status(naive).is_open
    assert HOURS.status(naive).changes_at == se(2026, 11, 27, 8, 0)
    assert HOURS.next_opening(naive) == se(2026, 11, 27, 8, 0)
    assert HOURS.status(dt.datetime(2026, 11, 27, 16, 15)).is_open


# --- settings -----------------------------------------------------------------------


def test_from_settings_defaults_equal_the_defaults() -> None:
    assert OfficeHours.from_settings([0, 1, 2, 3, 4], "08:00", "16:30") == OfficeHours()


def test_from_settings_custom_hours() -> None:
    hours = OfficeHours.from_settings([0, 2, 5], "09:15", "12:00")
    assert hours.weekdays == frozenset({0, 2, 5})
    # Saturday 28 November 2026 is now a working day.
    assert hours.status(se(2026, 11, 28, 9, 15)).is_open
    assert not hours.status(se(2026, 11, 28, 9, 14)).is_open
    assert not hours.status(se(2026, 11, 28, 12, 0)).is_open
    # Tuesday is not.
    assert not hours.status(se(2026, 11, 24, 10, 0)).is_open
    # From Saturday noon the next opening is Monday 09:15.
    assert hours.next_opening(se(2026, 11, 28, 12, 0)) == se(2026, 11, 30, 9, 15)
    # Holidays still close it on a configured weekday: Annandag jul is a Saturday in 2026.
    assert hours.is_working_day(dt.date(2026, 12, 19))
    assert not hours.is_working_day(dt.date(2026, 12, 26))


def test_from_settings_rejects_malformed_times() -> None:
    with pytest.raises(ValueError):
        OfficeHours.from_settings([0], "8 o'clock", "16:30")
