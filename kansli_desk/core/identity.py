"""Swedish identity numbers: personnummer and samordningsnummer.

The check digit is verified with python-stdnum's Luhn implementation; the date
rules (day + 60 for samordningsnummer, ``+`` for people aged 100 or more,
serial 000 never issued) follow the domain brief, section G. Interim numbers
(a letter in the serial) and reservnummer are not identity numbers here:
reservnummer need an explicit birth date and are handled by the form register.

Numbers are stored normalised to 12 digits and shown masked
(``YYYYMMDD-XXXX``) in lists and exports. Never log them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from kansli_desk.core.enums import IdKind
from kansli_desk.errors import ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Errors"
COORDINATION_DAY_OFFSET = 60

_PATTERN = re.compile(
    r"(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+]?)(?P<serial>[0-9A-Z]{3})(?P<check>\d)",
    re.ASCII,  # other scripts' digits are a format error, not a wrong check digit
)


@dataclass(frozen=True)
class IdentityNumber:
    """A valid personnummer or samordningsnummer.

    Attributes:
        kind: personnummer or samordningsnummer.
        number: 12 digits, e.g. ``191212121212``.
        birth_date: the date of birth (day − 60 for samordningsnummer).
        birth_date_exact: False for a samordningsnummer whose month (00) or day
            (60) Skatteverket could not establish; ``birth_date`` is then the
            earliest possible date (the 1st of the month, or 1 January).
    """

    kind: IdKind
    number: str
    birth_date: dt.date
    birth_date_exact: bool = True

    @property
    def formatted(self) -> str:
        """``YYYYMMDD-NNNN``."""
        return format_number(self.number)

    @property
    def masked(self) -> str:
        """``YYYYMMDD-XXXX``: the birth date kept, the last four digits hidden."""
        return mask(self.number)


def _invalid(template: str) -> ValidationError:
    return ValidationError(template, field="person_number")


MSG_FORMAT = QT_TRANSLATE_NOOP(
    "Errors",
    "Write the identity number as YYYYMMDD-NNNN (or YYMMDD-NNNN).",
)
MSG_INTERIM = QT_TRANSLATE_NOOP(
    "Errors",
    "This is an interim number (a letter in the last four characters), not a personal "
    "identity number. Use the person's personnummer, samordningsnummer or reservnummer.",
)
MSG_DATE = QT_TRANSLATE_NOOP("Errors", "The identity number does not contain a valid date.")
MSG_FUTURE = QT_TRANSLATE_NOOP("Errors", "The identity number gives a birth date in the future.")
MSG_SERIAL = QT_TRANSLATE_NOOP(
    "Errors", "The identity number has the serial 000, which is never issued."
)
MSG_CHECKSUM = QT_TRANSLATE_NOOP(
    "Errors", "The check digit (the last digit) is wrong: check the number for a typing error."
)


def parse_identity(text: str, *, today: dt.date | None = None) -> IdentityNumber:
    """Validate and normalise a personnummer or samordningsnummer.

    Accepts 10 or 12 digits, with or without ``-``/``+`` and spaces.

    Raises:
        ValidationError: with a message saying what is wrong.
    """
    today = today or dt.date.today()
    cleaned = re.sub(r"[\s:]", "", text).upper()
    match = _PATTERN.fullmatch(cleaned)
    if match is None:
        raise _invalid(MSG_FORMAT)
    parts = match.groupdict()
    if not parts["serial"].isdigit():
        raise _invalid(MSG_INTERIM)
    day = int(parts["dd"])
    kind = IdKind.PERSONNUMMER
    if day >= COORDINATION_DAY_OFFSET:
        kind = IdKind.SAMORDNINGSNUMMER
        day -= COORDINATION_DAY_OFFSET
    month, yy = int(parts["mm"]), int(parts["yy"])
    # Skatteverket writes month 00 or day 00 (+60) in a samordningsnummer when the
    # birth date cannot be established; personnummer always carry a full date.
    exact = not (kind is IdKind.SAMORDNINGSNUMMER and (month == 0 or day == 0))
    if not exact:
        month, day = month or 1, day or 1
    if parts["century"] is not None:
        year = int(parts["century"]) * 100 + yy
    else:
        year = today.year - (today.year - yy) % 100
        if parts["sep"] == "+":
            year -= 100
    try:
        birth_date = dt.date(year, month, day)
    except ValueError:
        raise _invalid(MSG_DATE) from None
    if parts["century"] is None and parts["sep"] != "+" and birth_date > today:
        # Born later in this calendar year a century ago: 99, so still written with '-'.
        with contextlib.suppress(ValueError):
            birth_date = birth_date.replace(year=year - 100)
    if birth_date > today:
        raise _invalid(MSG_FUTURE)
    if parts["serial"] == "000":
        raise _invalid(MSG_SERIAL)
    ten = parts["yy"] + parts["mm"] + parts["dd"] + parts["serial"] + parts["check"]
    from stdnum import luhn  # here, not at import: stdnum.util loads pydoc (memory, issue 3)

    if not luhn.is_valid(ten):
        raise _invalid(MSG_CHECKSUM)
    number = f"{birth_date.year // 100:02d}{ten}"
    return IdentityNumber(kind, number, birth_date, exact)


def format_number(number: str) -> str:
    """``YYYYMMDD-NNNN`` from 12 stored digits (other text is returned as is)."""
    if len(number) == 12 and number.isdigit():
        return f"{number[:8]}-{number[8:]}"
    return number


def mask(number: str | None) -> str:
    """``YYYYMMDD-XXXX`` from a stored number; empty for None.

    Anything that is not 12 digits (a reservnummer, say) keeps at most its first
    eight characters, and never any of its last four.
    """
    if not number:
        return ""
    shown = number[: max(0, min(8, len(number) - 4))].rstrip("-+ ")
    return f"{shown}-XXXX"
