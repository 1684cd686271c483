"""Age and access stage (kansli_desk.core.age_access) and the two age-limit settings.

Numbers come from Skatteverket's test personnummer and the personnummer
project's test samordningsnummer (``../shared/testdata``); each one used below
is checked to be in those files.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from kansli_desk.core import age_access
from kansli_desk.core.age_access import (
    AccessStage,
    AgeAccess,
    AgeLimits,
    Birth,
    Boundary,
    age_on,
    assess,
    birthday,
    calculate_age_access,
    parse_birth,
    stage_for_age,
)
from kansli_desk.core.enums import IdKind
from kansli_desk.core.identity import MSG_CHECKSUM, MSG_DATE, MSG_FUTURE
from kansli_desk.errors import ValidationError
from kansli_desk.settings import (
    ACCESS_GUARDIAN_UNTIL_AGE,
    ACCESS_OWN_FROM_AGE,
    Option,
    Settings,
    access_age_limits,
)
from tests.conftest import SHARED_TESTDATA

TODAY = dt.date(2026, 11, 27)

# Skatteverket test personnummer.
LEAP_2012 = "201202292395"  # born 2012-02-29: turns 13 on 2025-03-01, 16 on 2028-02-29
LEAP_2000 = "200002292399"  # born 2000-02-29
NEW_YEAR_2013 = "201301012397"  # born 2013-01-01: turns 13 on 2026-01-01
NEW_YEAR_2010 = "201001012382"  # born 2010-01-01: turns 16 on 2026-01-01
MAY_2013 = "201305012393"  # born 2013-05-01
# Test samordningsnummer (day + 60).
SNR_EXACT = "201002682399"  # born 2010-02-08
SNR_NO_DAY = "201010602397"  # born some day in October 2010
SNR_NO_MONTH = "201000802395"  # born on the 20th of some month in 2010


@cache
def skatteverket_numbers() -> frozenset[str]:
    text = (SHARED_TESTDATA / "skatteverket-testpersonnummer.txt").read_text(encoding="ascii")
    return frozenset(text.split())


@cache
def coordination_numbers() -> frozenset[str]:
    path = SHARED_TESTDATA / "personnummer-meta" / "allCoords.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8")))


def test_the_numbers_used_here_are_published_test_numbers() -> None:
    for number in (LEAP_2012, LEAP_2000, NEW_YEAR_2013, NEW_YEAR_2010, MAY_2013):
        assert number in skatteverket_numbers(), number
    for number in (SNR_EXACT, SNR_NO_DAY, SNR_NO_MONTH):
        assert number in coordination_numbers(), number


def calc(subject: str | dt.date, on: dt.date, limits: AgeLimits | None = None) -> AgeAccess:
    return calculate_age_access(subject, on=on, limits=limits, today=TODAY)


def error_of(subject: str | dt.date, on: dt.date = TODAY) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        calc(subject, on)
    return info.value


# --- limits --------------------------------------------------------------------------------


def test_default_limits_follow_the_brief() -> None:
    limits = AgeLimits()
    assert (limits.guardian_until, limits.own_from, limits.minor_last_age) == (13, 16, 15)


@pytest.mark.parametrize(("guardian_until", "own_from"), [(13, 13), (16, 13), (0, 16), (-1, 5)])
def test_inconsistent_limits_are_refused(guardian_until: int, own_from: int) -> None:
    with pytest.raises(ValueError, match="guardian_until < own_from"):
        AgeLimits(guardian_until, own_from)


@pytest.mark.parametrize(
    ("age", "stage"),
    [
        (0, AccessStage.GUARDIAN),
        (12, AccessStage.GUARDIAN),
        (13, AccessStage.NO_DEFAULT_ACCESS),
        (15, AccessStage.NO_DEFAULT_ACCESS),
        (16, AccessStage.OWN),
        (90, AccessStage.OWN),
    ],
)
def test_stage_for_age(age: int, stage: AccessStage) -> None:
    assert stage_for_age(age, AgeLimits()) is stage


def test_stage_labels_are_english_without_a_translator() -> None:
    assert [stage.label for stage in AccessStage] == [
        "Guardians have access",
        "Nobody has access by default",
        "Own access",
    ]


# --- birthdays and ages --------------------------------------------------------------------


def test_birthday_of_an_ordinary_date() -> None:
    assert birthday(dt.date(2013, 5, 1), 13) == dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (1, dt.date(2013, 3, 1)),  # not a leap year: 1 March
        (4, dt.date(2016, 2, 29)),  # leap year: 29 February
        (13, dt.date(2025, 3, 1)),
        (16, dt.date(2028, 2, 29)),
        (88, dt.date(2100, 3, 1)),  # 2100 is not a leap year
    ],
)
def test_leap_day_birthday_is_1_march_in_other_years(years: int, expected: dt.date) -> None:
    assert birthday(dt.date(2012, 2, 29), years) == expected


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (dt.date(2012, 2, 29), 0),
        (dt.date(2013, 2, 28), 0),
        (dt.date(2013, 3, 1), 1),
        (dt.date(2016, 2, 28), 3),
        (dt.date(2016, 2, 29), 4),
    ],
)
def test_age_of_a_leap_day_child(on: dt.date, age: int) -> None:
    assert age_on(dt.date(2012, 2, 29), on) == age


@given(
    born=st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=120 * 366),
)
def test_age_is_the_number_of_birthdays_passed(born: dt.date, days: int) -> None:
    on = born + dt.timedelta(days=days)
    age = age_on(born, on)
    assert birthday(born, age) <= on < birthday(born, age + 1)


# --- the 13th and 16th birthdays -----------------------------------------------------------


def test_day_before_the_13th_birthday() -> None:
    result = calc(NEW_YEAR_2013, dt.date(2025, 12, 31))
    assert result.age == 12
    assert result.stage is AccessStage.GUARDIAN
    assert result.next_boundary == Boundary(
        13, dt.date(2026, 1, 1), 1, AccessStage.NO_DEFAULT_ACCESS
    )


def test_on_the_13th_birthday() -> None:
    result = calc(NEW_YEAR_2013, dt.date(2026, 1, 1))
    assert result.age == 13
    assert result.stage is AccessStage.NO_DEFAULT_ACCESS
    assert result.next_boundary == Boundary(16, dt.date(2029, 1, 1), 1096, AccessStage.OWN)


def test_day_before_the_16th_birthday() -> None:
    result = calc(NEW_YEAR_2010, dt.date(2025, 12, 31))
    assert result.age == 15
    assert result.stage is AccessStage.NO_DEFAULT_ACCESS
    assert result.next_boundary == Boundary(16, dt.date(2026, 1, 1), 1, AccessStage.OWN)


def test_on_the_16th_birthday() -> None:
    result = calc(NEW_YEAR_2010, dt.date(2026, 1, 1))
    assert result.age == 16
    assert result.stage is AccessStage.OWN
    assert result.next_boundary is None


def test_leap_day_child_turns_13_on_1_march() -> None:
    before = calc(LEAP_2012, dt.date(2025, 2, 28))
    assert (before.age, before.stage) == (12, AccessStage.GUARDIAN)
    assert before.leap_day_birth
    assert before.next_boundary is not None
    assert (before.next_boundary.date, before.next_boundary.days_until) == (dt.date(2025, 3, 1), 1)
    on_day = calc(LEAP_2012, dt.date(2025, 3, 1))
    assert (on_day.age, on_day.stage) == (13, AccessStage.NO_DEFAULT_ACCESS)


def test_leap_day_child_turns_16_on_29_february_in_a_leap_year() -> None:
    before = calc(LEAP_2012, dt.date(2028, 2, 28))
    assert (before.age, before.stage) == (15, AccessStage.NO_DEFAULT_ACCESS)
    assert before.next_boundary is not None
    assert before.next_boundary.date == dt.date(2028, 2, 29)
    on_day = calc(LEAP_2012, dt.date(2028, 2, 29))
    assert (on_day.age, on_day.stage) == (16, AccessStage.OWN)


def test_leap_day_adult() -> None:
    result = calc(LEAP_2000, dt.date(2026, 2, 28))
    assert (result.age, result.stage, result.next_boundary) == (25, AccessStage.OWN, None)
    assert calc(LEAP_2000, dt.date(2026, 3, 1)).age == 26


def test_ordinary_birth_is_not_a_leap_day_birth() -> None:
    assert not calc(MAY_2013, TODAY).leap_day_birth


# --- input forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "20130501-2393",
        "201305012393",
        "130501-2393",
        "1305012393",
        " 20130501 2393 ",
    ],
)
def test_personnummer_in_any_form(text: str) -> None:
    result = calc(text, dt.date(2026, 5, 1))
    assert result.birth == Birth(dt.date(2013, 5, 1), dt.date(2013, 5, 1), IdKind.PERSONNUMMER)
    assert result.birth_date == dt.date(2013, 5, 1)
    assert result.birth_date_exact
    assert result.stage_certain
    assert (result.age, result.stage) == (13, AccessStage.NO_DEFAULT_ACCESS)


@pytest.mark.parametrize("text", ["2013-05-01", "20130501", " 2013-05-01 "])
def test_birth_date_as_text(text: str) -> None:
    result = calc(text, dt.date(2026, 4, 30))
    assert result.birth == Birth(dt.date(2013, 5, 1), dt.date(2013, 5, 1), None)
    assert result.age == 12


def test_birth_date_as_a_date() -> None:
    result = calc(dt.date(2013, 5, 1), dt.date(2026, 5, 1))
    assert result.birth.kind is None
    assert result.age == 13


def test_reference_date_defaults_to_today() -> None:
    result = calculate_age_access(MAY_2013, today=TODAY)
    assert result.on == TODAY
    assert result.age == 13


def test_today_defaults_to_the_real_date() -> None:
    result = calculate_age_access("2000-01-01")
    assert result.on == dt.date.today()
    assert result.limits == AgeLimits()


def test_ten_digit_numbers_get_their_century_from_today_not_the_reference_date() -> None:
    # On 2010-01-01 the person was not yet born: that is an error, not a person born in 1913.
    error = error_of("130501-2393", dt.date(2010, 1, 1))
    assert error.template == age_access.MSG_BORN_AFTER
    assert error.params == {"date": "2010-01-01"}
    assert "2010-01-01" in error.message()


# --- samordningsnummer --------------------------------------------------------------------


def test_samordningsnummer_with_an_exact_date() -> None:
    result = calc("20100268-2399", dt.date(2026, 2, 8))
    assert result.birth == Birth(dt.date(2010, 2, 8), dt.date(2010, 2, 8), IdKind.SAMORDNINGSNUMMER)
    assert (result.age, result.stage, result.birth_date_exact) == (16, AccessStage.OWN, True)


def test_samordningsnummer_without_a_day() -> None:
    result = calc(SNR_NO_DAY, dt.date(2026, 10, 15))
    assert result.birth == Birth(
        dt.date(2010, 10, 1), dt.date(2010, 10, 31), IdKind.SAMORDNINGSNUMMER
    )
    assert not result.birth_date_exact
    assert (result.age, result.youngest_age) == (16, 15)
    assert result.stage is AccessStage.OWN
    assert not result.stage_certain


def test_samordningsnummer_without_a_day_when_the_age_is_certain() -> None:
    result = calc(SNR_NO_DAY, dt.date(2026, 11, 1))
    assert not result.birth_date_exact
    assert (result.age, result.youngest_age) == (16, 16)
    assert result.stage_certain


def test_samordningsnummer_without_a_month() -> None:
    result = calc(SNR_NO_MONTH, dt.date(2023, 6, 1))
    assert result.birth == Birth(
        dt.date(2010, 1, 20), dt.date(2010, 12, 20), IdKind.SAMORDNINGSNUMMER
    )
    assert (result.age, result.youngest_age) == (13, 12)
    assert result.stage is AccessStage.NO_DEFAULT_ACCESS
    assert not result.stage_certain
    assert result.next_boundary is not None
    assert result.next_boundary.date == dt.date(2026, 1, 20)  # from the earliest date


def test_samordningsnummer_without_month_or_day() -> None:
    # Year 2012, month 00, day 60 (neither known), serial 239, with its check digit.
    nine = "120060239"
    result = parse_birth("20" + nine + luhn.calc_check_digit(nine), today=TODAY)
    assert result == Birth(dt.date(2012, 1, 1), dt.date(2012, 12, 31), IdKind.SAMORDNINGSNUMMER)
    assert not result.exact


def test_person_who_may_not_be_born_yet_on_the_reference_date() -> None:
    result = calc(SNR_NO_DAY, dt.date(2010, 10, 15))
    assert (result.age, result.youngest_age) == (0, 0)


# --- custom limits ------------------------------------------------------------------------


def test_custom_limits_move_the_boundaries() -> None:
    limits = AgeLimits(guardian_until=12, own_from=18)
    result = calc(MAY_2013, dt.date(2025, 5, 1), limits)
    assert (result.age, result.stage) == (12, AccessStage.NO_DEFAULT_ACCESS)
    assert result.next_boundary == Boundary(18, dt.date(2031, 5, 1), 2191, AccessStage.OWN)
    assert result.limits is limits


def test_limits_that_close_the_gap_leave_no_no_access_years() -> None:
    # Ds 2023:26 (brief C.12) would give the child access from 13.
    limits = AgeLimits(guardian_until=12, own_from=13)
    assert calc(MAY_2013, dt.date(2025, 5, 1), limits).stage is AccessStage.NO_DEFAULT_ACCESS
    assert calc(MAY_2013, dt.date(2026, 5, 1), limits).stage is AccessStage.OWN
    assert calc(MAY_2013, dt.date(2025, 4, 30), limits).next_boundary == Boundary(
        12, dt.date(2025, 5, 1), 1, AccessStage.NO_DEFAULT_ACCESS
    )


def test_assess_takes_a_parsed_birth() -> None:
    birth = Birth(dt.date(2013, 5, 1), dt.date(2013, 5, 1))
    assert assess(birth, on=dt.date(2026, 5, 1), limits=AgeLimits()).age == 13


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "template"),
    [
        ("", age_access.MSG_EMPTY),
        ("   ", age_access.MSG_EMPTY),
        ("2023-02-30", age_access.MSG_BIRTH_INVALID),
        ("20230230", age_access.MSG_BIRTH_INVALID),
        ("2023-13-01", age_access.MSG_BIRTH_INVALID),
        ("0000-01-01", age_access.MSG_BIRTH_INVALID),
        ("2099-01-01", age_access.MSG_BIRTH_FUTURE),
        ("2026-11-28", age_access.MSG_BIRTH_FUTURE),
        ("hello", age_access.MSG_INPUT_FORMAT),
        ("12-05-2013", age_access.MSG_INPUT_FORMAT),
        ("130501", age_access.MSG_INPUT_FORMAT),
        ("20130501-239", age_access.MSG_INPUT_FORMAT),
        ("20130501-2394", MSG_CHECKSUM),  # wrong check digit
        ("20130532-2393", MSG_DATE),  # 32 May
        ("20270101-2380", MSG_FUTURE),
    ],
)
def test_bad_input_raises_a_validation_error(text: str, template: str) -> None:
    error = error_of(text)
    assert error.template == template
    assert error.message()  # a plain message, no placeholders left
    assert "{" not in error.message()
    assert error.field in {"birth", "person_number"}


def test_a_future_date_object_is_refused() -> None:
    assert error_of(dt.date(2026, 11, 28)).template == age_access.MSG_BIRTH_FUTURE


def test_born_after_the_reference_date() -> None:
    error = error_of("2020-06-01", dt.date(2019, 1, 1))
    assert error.template == age_access.MSG_BORN_AFTER


def test_born_on_the_reference_date_is_age_zero() -> None:
    result = calc("2020-06-01", dt.date(2020, 6, 1))
    assert (result.age, result.stage) == (0, AccessStage.GUARDIAN)
    assert result.next_boundary is not None
    assert result.next_boundary.date == dt.date(2033, 6, 1)


def test_the_error_never_contains_the_number() -> None:
    error = error_of("20130501-2394")
    assert "2394" not in str(error)
    assert "2394" not in error.message()


def test_the_result_does_not_hold_the_number() -> None:
    result = calc(MAY_2013, TODAY)
    assert "2393" not in repr(result)


# --- settings -----------------------------------------------------------------------------


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def test_settings_default_to_13_and_16(settings_path: Path) -> None:
    settings = Settings(settings_path)
    assert settings.get(ACCESS_GUARDIAN_UNTIL_AGE) == 13
    assert settings.get(ACCESS_OWN_FROM_AGE) == 16
    assert access_age_limits(settings) == AgeLimits(13, 16)


def test_settings_are_stored_and_used(settings_path: Path) -> None:
    settings = Settings(settings_path)
    settings.set(ACCESS_GUARDIAN_UNTIL_AGE, 12)
    settings.set(ACCESS_OWN_FROM_AGE, 13)
    settings.save()
    data = json.loads(settings_path.read_text(encoding="utf-8"))
    assert data["values"] == {"access/guardian_until_age": 12, "access/own_access_from_age": 13}
    assert access_age_limits(Settings(settings_path)) == AgeLimits(12, 13)


@pytest.mark.parametrize("value", [0, 19, -1, "13", 13.0, True, None])
@pytest.mark.parametrize("option", [ACCESS_GUARDIAN_UNTIL_AGE, ACCESS_OWN_FROM_AGE])
def test_invalid_age_settings_are_refused(
    settings_path: Path, option: Option[Any], value: Any
) -> None:
    settings = Settings(settings_path)
    with pytest.raises(ValueError, match="access/"):
        settings.set(option, value)
    assert settings.get(option) == option.default


def test_crossed_limits_fall_back_to_the_defaults_with_a_warning(
    settings_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(settings_path)
    settings.set(ACCESS_GUARDIAN_UNTIL_AGE, 16)
    settings.set(ACCESS_OWN_FROM_AGE, 16)
    with caplog.at_level(logging.WARNING, logger="kansli_desk.settings"):
        assert access_age_limits(settings) == AgeLimits(13, 16)
    assert "access/guardian_until_age" in caplog.text
