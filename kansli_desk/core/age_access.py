"""Age on a date and what it means for access to a child's record in Journalen.

The rules (domain brief C.1–C.5, I.1; summary fact 4):

* guardians read a child's record **until the child turns 13**;
* from 13 until the 16th birthday **neither guardian nor child** has access by
  default; the head of operations (verksamhetschef) may decide an exception
  for one unit's information (C.4);
* from **16** the person has access of their own.

The two ages are configuration, not constants (:class:`AgeLimits`): a 2023
government proposal (Ds 2023:26, brief C.12) would change them. The program
reads them from the settings ``access/guardian_until_age`` and
``access/own_access_from_age``.

Ages are whole years, counted from the birthday. A person born on
**29 February** has their birthday on **1 March** in years that are not leap
years (the brief says nothing on this; 1 March is the project's decision, made
in one place: :func:`birthday`). So a child born 2012-02-29 turns 13 on
2025-03-01, and is still 12 on 2025-02-28.

A samordningsnummer may lack the birth day or month (brief G.2; see
:class:`~kansli_desk.core.identity.IdentityNumber`). The age is then computed
from the earliest possible birth date, and the result says that it is not exact
and gives the youngest possible age as well.

Nothing here keeps the identity number: the result holds the birth date and the
kind of number only, so it can be shown and passed around safely.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from kansli_desk.core.enums import IdKind
from kansli_desk.core.identity import MSG_FORMAT, parse_identity
from kansli_desk.errors import ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate

DEFAULT_GUARDIAN_UNTIL = 13
DEFAULT_OWN_FROM = 16

FIELD = "birth"

MSG_EMPTY = QT_TRANSLATE_NOOP(
    "Errors", "Enter a personnummer, a samordningsnummer or a birth date."
)
MSG_INPUT_FORMAT = QT_TRANSLATE_NOOP(
    "Errors",
    "Write a personnummer or samordningsnummer as YYYYMMDD-NNNN, or a birth date as YYYY-MM-DD.",
)
MSG_BIRTH_INVALID = QT_TRANSLATE_NOOP(
    "Errors", "The birth date is not a real date (check the month and the day)."
)
MSG_BIRTH_FUTURE = QT_TRANSLATE_NOOP("Errors", "The birth date is in the future.")
MSG_BORN_AFTER = QT_TRANSLATE_NOOP(
    "Errors", "The person was not yet born on {date}: choose a later date."
)

_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})", re.ASCII)


@dataclass(frozen=True)
class AgeLimits:
    """The two ages that decide who reads a child's record in Journalen.

    Attributes:
        guardian_until: guardians have access until the child turns this age
            (brief C.1, C.2: 13).
        own_from: the person has access of their own from this age (brief B.1,
            C.2: 16). Between the two nobody has access by default.

    Raises:
        ValueError: unless ``0 < guardian_until < own_from``.
    """

    guardian_until: int = DEFAULT_GUARDIAN_UNTIL
    own_from: int = DEFAULT_OWN_FROM

    def __post_init__(self) -> None:
        if not 0 < self.guardian_until < self.own_from:
            raise ValueError(
                f"age limits must satisfy 0 < guardian_until < own_from, "
                f"got {self.guardian_until} and {self.own_from}"
            )

    @property
    def minor_last_age(self) -> int:
        """The last age of the no-access window (15 with the default limits)."""
        return self.own_from - 1


class AccessStage(StrEnum):
    """Who reads the person's record in Journalen by default, by age."""

    GUARDIAN = "guardian"  # under guardian_until: the guardians
    NO_DEFAULT_ACCESS = "no_default_access"  # guardian_until .. own_from - 1: nobody
    OWN = "own"  # own_from and older: the person themself

    @property
    def label(self) -> str:
        """A short label in the current language."""
        return translate("Enums", _STAGE_LABELS[self.value])


_STAGE_LABELS = {
    "guardian": QT_TRANSLATE_NOOP("Enums", "Guardians have access"),
    "no_default_access": QT_TRANSLATE_NOOP("Enums", "Nobody has access by default"),
    "own": QT_TRANSLATE_NOOP("Enums", "Own access"),
}


@dataclass(frozen=True)
class Birth:
    """A birth date taken from an identity number or typed as a date.

    Attributes:
        date: the birth date; for an inexact samordningsnummer the earliest
            possible one.
        latest: the latest possible birth date (equal to ``date`` when exact).
        kind: the kind of identity number, or None when a date was typed.
    """

    date: dt.date
    latest: dt.date
    kind: IdKind | None = None

    @property
    def exact(self) -> bool:
        return self.date == self.latest


@dataclass(frozen=True)
class Boundary:
    """The next birthday that changes the access stage.

    Attributes:
        age: the age reached (e.g. 13 or 16).
        date: the birthday (from the earliest possible birth date).
        days_until: days from the reference date to ``date`` (at least 1).
        stage: the stage that begins on that day.
    """

    age: int
    date: dt.date
    days_until: int
    stage: AccessStage


@dataclass(frozen=True)
class AgeAccess:
    """Age and access stage of a person on a date.

    Attributes:
        on: the reference date.
        birth: the birth date and whether it is exact.
        age: whole years on ``on`` (from the earliest possible birth date).
        youngest_age: the age from the latest possible birth date; equal to
            ``age`` when the birth date is exact.
        stage: the access stage for ``age``.
        next_boundary: the next birthday that changes the stage, or None
            when the person already has access of their own.
        limits: the limits used.
    """

    on: dt.date
    birth: Birth
    age: int
    youngest_age: int
    stage: AccessStage
    next_boundary: Boundary | None
    limits: AgeLimits

    @property
    def birth_date(self) -> dt.date:
        return self.birth.date

    @property
    def birth_date_exact(self) -> bool:
        return self.birth.exact

    @property
    def stage_certain(self) -> bool:
        """False when an inexact birth date leaves the stage open."""
        return stage_for_age(self.youngest_age, self.limits) is self.stage

    @property
    def leap_day_birth(self) -> bool:
        """Born on 29 February (birthday on 1 March in other years)."""
        return (self.birth.date.month, self.birth.date.day) == (2, 29)


def birthday(born: dt.date, age: int) -> dt.date:
    """The day a person born on ``born`` turns ``age``.

    Someone born on 29 February turns a year older on 1 March in a year that
    is not a leap year.
    """
    year = born.year + age
    if (born.month, born.day) == (2, 29) and not calendar.isleap(year):
        return dt.date(year, 3, 1)
    return born.replace(year=year)


def age_on(born: dt.date, on: dt.date) -> int:
    """Whole years on ``on`` (0 on the day of birth)."""
    years = on.year - born.year
    if birthday(born, years) > on:
        years -= 1
    return years


def stage_for_age(age: int, limits: AgeLimits) -> AccessStage:
    """The default access stage at ``age``."""
    if age < limits.guardian_until:
        return AccessStage.GUARDIAN
    if age < limits.own_from:
        return AccessStage.NO_DEFAULT_ACCESS
    return AccessStage.OWN


def parse_birth(subject: str | dt.date, *, today: dt.date | None = None) -> Birth:
    """The birth date in a personnummer, samordningsnummer or typed date.

    Args:
        subject: a :class:`datetime.date`, or text: ``YYYY-MM-DD`` or
            ``YYYYMMDD``, or a personnummer or samordningsnummer in any form
            :func:`~kansli_desk.core.identity.parse_identity` accepts.
        today: the real date today (decides the century of 10-digit numbers and
            what is "in the future"); defaults to today.

    Raises:
        ValidationError: empty text, an impossible date, a birth date in the
            future, or an invalid identity number.
    """
    today = today or dt.date.today()
    if isinstance(subject, dt.date):
        return _checked(Birth(subject, subject), today)
    text = subject.strip()
    if not text:
        raise ValidationError(MSG_EMPTY, field=FIELD)
    match = _DATE.fullmatch(text)
    if match is not None:
        try:
            born = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise ValidationError(MSG_BIRTH_INVALID, field=FIELD) from None
        return _checked(Birth(born, born), today)
    try:
        number = parse_identity(text, today=today)
    except ValidationError as exc:
        if exc.template == MSG_FORMAT:
            raise ValidationError(MSG_INPUT_FORMAT, field=FIELD) from None
        raise
    return Birth(number.birth_date, latest_birth(number.number, number.birth_date), number.kind)


def _checked(birth: Birth, today: dt.date) -> Birth:
    if birth.date > today:
        raise ValidationError(MSG_BIRTH_FUTURE, field=FIELD)
    return birth


def latest_birth(number: str, earliest: dt.date) -> dt.date:
    """The latest birth date a samordningsnummer allows (month 00 or day 60).

    Only the date part of ``number`` is read, so a masked number will do.
    """
    month_unknown = number[4:6] == "00"
    day_unknown = number[6:8] == "60"
    month = 12 if month_unknown else earliest.month
    day = calendar.monthrange(earliest.year, month)[1] if day_unknown else earliest.day
    return dt.date(earliest.year, month, day)


def assess(birth: Birth, *, on: dt.date, limits: AgeLimits) -> AgeAccess:
    """Age, stage and next boundary for a known birth date.

    Raises:
        ValidationError: the person was born after ``on``.
    """
    if birth.date > on:
        raise ValidationError(MSG_BORN_AFTER, field=FIELD, date=on.isoformat())
    age = age_on(birth.date, on)
    # A latest possible birth date after ``on`` means the person may not be born yet.
    youngest = age_on(birth.latest, on) if birth.latest <= on else 0
    stage = stage_for_age(age, limits)
    return AgeAccess(
        on=on,
        birth=birth,
        age=age,
        youngest_age=youngest,
        stage=stage,
        next_boundary=_next_boundary(birth.date, on, stage, limits),
        limits=limits,
    )


def _next_boundary(
    born: dt.date, on: dt.date, stage: AccessStage, limits: AgeLimits
) -> Boundary | None:
    if stage is AccessStage.OWN:
        return None
    if stage is AccessStage.GUARDIAN:
        age, next_stage = limits.guardian_until, AccessStage.NO_DEFAULT_ACCESS
    else:
        age, next_stage = limits.own_from, AccessStage.OWN
    date = birthday(born, age)
    return Boundary(age, date, (date - on).days, next_stage)


def calculate_age_access(
    subject: str | dt.date,
    *,
    on: dt.date | None = None,
    limits: AgeLimits | None = None,
    today: dt.date | None = None,
) -> AgeAccess:
    """Age and access stage of the person ``subject`` identifies, on a date.

    Args:
        subject: personnummer, samordningsnummer or birth date (see
            :func:`parse_birth`).
        on: the reference date (e.g. the date a form was signed; brief 3.2 V2);
            defaults to ``today``.
        limits: the age limits; defaults to 13 and 16.
        today: the real date today; defaults to :meth:`datetime.date.today`.

    Returns:
        The age in whole years, the stage and the next boundary.

    Raises:
        ValidationError: with a message saying what is wrong with the input.
    """
    today = today or dt.date.today()
    birth = parse_birth(subject, today=today)
    return assess(birth, on=on or today, limits=limits or AgeLimits())
