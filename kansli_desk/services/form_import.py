"""Importing the old form register from a CSV or XLSX file (issue 5).

The file has a header row naming its columns (any order, any case):

========================  =====================================================
``typ``                   ``forsegling_lasning`` | ``aterstallande`` |
                          ``vardnadshavare`` | ``minderarig``
``personnummer``          the person concerned (the first two types) or the
                          child (the others): personnummer, samordningsnummer
                          or reservnummer (then with ``fodelsedatum``)
``initiativ``             ``enskild`` | ``personal``; the first two types only
``underskriftsdatum``     YYYY-MM-DD (may be empty when ``undertecknad`` is nej)
``mottagen``              YYYY-MM-DD
``undertecknad``          ``ja`` | ``nej``
``akut``                  ``ja`` | ``nej``
``bestallare``            the orderer's name
``enhet``                 the orderer's care unit
``verksamhetschef``       the head of operations who decided
``anteckning``            a note (optional column)
``fodelsedatum``          YYYY-MM-DD, for a reservnummer (optional column)
========================  =====================================================

``initiativ``, ``anteckning`` and ``fodelsedatum`` may be left out of the
header; every other column is required. Columns with other names are ignored.

Every row is checked with :func:`kansli_desk.services.forms.check_form` by the
rules of a form entered by hand, with one difference: the old register has no
measures, seal scope, guardians or access choices, so those may be missing
(``require_details=False``); they must be completed before a form is forwarded.
If any row fails, nothing is imported and :class:`ImportInvalid` lists each
problem with the row number (as a spreadsheet shows it: the header is row 1),
the column and the reason. Imported forms are stored as "Registrerad" with the
next registry numbers of their arrival year, given in order of arrival (rows of
the same day in file order), a history (Mottagen → Registrerad) and one audit
event each (``IMPORT``, with the file's name and the row). Duplicates are not
looked for: importing a file twice registers its forms twice.

CSV files are UTF-8, with or without a byte order mark, separated by ``;`` or
``,`` (whichever the header row uses more). XLSX files are read with openpyxl in
read-only mode, first sheet only; a formula is read as its text and stored as
text, never evaluated, as is text that looks like one (``=cmd|...``) in a CSV
file. A cell that starts with an apostrophe followed by ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is read without the apostrophe: it is the
formula guard of the export (:func:`kansli_desk.services.exports.guard_formula`),
so an exported register imports again as it was. Files over
:data:`MAX_FILE_BYTES` are refused before they are read.

Writing is bulk (Core ``executemany`` on SQLite, ``COPY`` on PostgreSQL, as the
demo data), never row by row through the ORM: 100,000 rows take seconds.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import json
import platform
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from kansli_desk.core.age_access import AgeLimits
from kansli_desk.core.enums import AuditAction, FormStatus, FormType, Initiator, PartyRole
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import AuditEvent, Form, FormParty, FormStatusChange, utcnow
from kansli_desk.services import forms, roles
from kansli_desk.services.demo import BulkInsert, datetime_processor
from kansli_desk.services.forms import FormInput, NormalisedForm, PartyInput
from kansli_desk.services.users import UserInfo

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest file accepted (100,000 rows of CSV take about 15 MB)."""
MAX_XLSX_UNPACKED_BYTES = 10 * MAX_FILE_BYTES
"""Largest total size of an XLSX file's unpacked parts (a guard against zip bombs)."""
MAX_ROWS = 500_000
ENTITY = forms.ENTITY

COLUMNS = (
    "typ",
    "personnummer",
    "initiativ",
    "underskriftsdatum",
    "mottagen",
    "undertecknad",
    "akut",
    "bestallare",
    "enhet",
    "verksamhetschef",
    "anteckning",
    "fodelsedatum",
)
OPTIONAL_COLUMNS = frozenset({"initiativ", "anteckning", "fodelsedatum"})
REQUIRED_COLUMNS = tuple(c for c in COLUMNS if c not in OPTIONAL_COLUMNS)

TYPES = {
    "forsegling_lasning": FormType.SEAL_OR_LOCK,
    "aterstallande": FormType.RESTORE_ACCESS,
    "vardnadshavare": FormType.REMOVE_GUARDIAN_ACCESS,
    "minderarig": FormType.MINOR_ACCESS,
}
INITIATORS = {"enskild": Initiator.INDIVIDUAL, "personal": Initiator.STAFF}
YES_NO = {"ja": True, "nej": False}
FORMULA_START = "=+-@\t\r"
"""First characters that make a spreadsheet read a cell as a formula (OWASP); the
export puts an apostrophe before them in CSV, and the import takes it away."""
_CHILD_TYPES = (FormType.REMOVE_GUARDIAN_ACCESS, FormType.MINOR_ACCESS)

# Which column a problem of a FormInput field belongs to.
FIELD_COLUMNS = {
    "form_type": "typ",
    "parties": "personnummer",
    "parties.0.id_text": "personnummer",
    "parties.0.birth_date": "fodelsedatum",
    "parties.0.name": "personnummer",
    "initiator": "initiativ",
    "signed_on": "underskriftsdatum",
    "received_on": "mottagen",
    "is_signed": "undertecknad",
    "is_urgent": "akut",
    "orderer_name": "bestallare",
    "orderer_unit": "enhet",
    "head_of_operations": "verksamhetschef",
    "note": "anteckning",
}

# --- messages -------------------------------------------------------------------------

MSG_CANNOT_READ = QT_TRANSLATE_NOOP("Errors", "The file {file} cannot be read: {reason}")
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {file} is {size} MB; at most {limit} MB can be imported at once. Split it "
    "into smaller files.",
)
MSG_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Errors", "The file {file} has more than {limit} rows; split it into smaller files."
)
MSG_EMPTY_FILE = QT_TRANSLATE_NOOP(
    "Errors", "The file {file} is empty: the first row must name the columns."
)
MSG_NO_ROWS = QT_TRANSLATE_NOOP("Errors", "The file {file} has a header row but no forms.")
MSG_ENCODING = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {file} is not UTF-8 text (line {line}). Save it as “CSV UTF-8” or as an "
    "Excel workbook (.xlsx) and try again.",
)
MSG_CSV_MALFORMED = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {file} is not a valid CSV file (row {row}): check its quotation marks.",
)
MSG_XLS = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {file} is in the old Excel format (.xls). Save it as an Excel workbook "
    "(.xlsx) or as CSV UTF-8 and try again.",
)
MSG_XLSX_MALFORMED = QT_TRANSLATE_NOOP(
    "Errors", "The file {file} is not a valid Excel workbook (.xlsx)."
)
MSG_XLSX_TOO_BIG = QT_TRANSLATE_NOOP(
    "Errors",
    "The workbook {file} unpacks to more than {limit} MB; split it into smaller files.",
)
MSG_MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "Errors",
    "The header row of {file} lacks the columns {columns}. The first row must name the "
    "columns: {expected}.",
)
MSG_DUPLICATE_COLUMN = QT_TRANSLATE_NOOP(
    "Errors", "The header row of {file} names the column {column} twice."
)
MSG_ROW_LENGTH = QT_TRANSLATE_NOOP(
    "Errors", "The row has {count} cells; the header row has {expected}."
)
MSG_TYPE = QT_TRANSLATE_NOOP(
    "Errors", "Write the type as forsegling_lasning, aterstallande, vardnadshavare or minderarig."
)
MSG_INITIATIVE = QT_TRANSLATE_NOOP("Errors", "Write enskild or personal.")
MSG_INITIATIVE_NOT_HERE = QT_TRANSLATE_NOOP(
    "Errors",
    "Leave the initiative empty: it applies to forsegling_lasning and aterstallande only.",
)
MSG_DATE = QT_TRANSLATE_NOOP("Errors", "Write the date as YYYY-MM-DD.")
MSG_DATE_REQUIRED = QT_TRANSLATE_NOOP("Errors", "The date is missing: enter it as YYYY-MM-DD.")
MSG_YES_NO = QT_TRANSLATE_NOOP("Errors", "Write ja or nej.")
MSG_INVALID = QT_TRANSLATE_NOOP(
    "Errors", "Nothing was imported: {rows} of {total} rows in {file} have problems."
)


# --- results and errors -----------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One problem of one row.

    Attributes:
        row: the row number as a spreadsheet shows it (the header is row 1).
        column: the column's name as in :data:`COLUMNS`, or "" for the whole row.
        error: the reason (translate with ``error.message()``).
    """

    row: int
    column: str
    error: ValidationError

    def message(self) -> str:
        return self.error.message()


class ImportInvalid(KnownError):
    """Rows of the file break rules; nothing was imported.

    Attributes:
        problems: every problem, in row order.
    """

    def __init__(self, file: str, problems: list[ImportProblem], total: int) -> None:
        rows = len({problem.row for problem in problems})
        super().__init__(MSG_INVALID, file=file, rows=rows, total=total)
        self.problems = problems


@dataclass(frozen=True)
class ImportRow:
    """A row that passed its checks: its number, the form and its stored values."""

    row: int
    data: FormInput
    clean: NormalisedForm


@dataclass(frozen=True)
class CheckedFile:
    """What :func:`check_file` found."""

    name: str
    rows: int
    forms: tuple[ImportRow, ...]
    problems: tuple[ImportProblem, ...]


@dataclass(frozen=True)
class ImportResult:
    """What :func:`import_forms` did.

    Attributes:
        rows: the forms in the file.
        registered: the forms written (0 on a dry run).
        dry_run: nothing was written.
        first_number, last_number: registry numbers given (empty on a dry run).
    """

    rows: int
    registered: int
    dry_run: bool
    first_number: str = ""
    last_number: str = ""


# --- reading --------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KnownError(
                MSG_TOO_BIG,
                file=name,
                size=f"{size / 1024 / 1024:.0f}",
                limit=f"{MAX_FILE_BYTES // 1024 // 1024}",
            )
        return path.read_bytes()
    except OSError as exc:
        raise KnownError(MSG_CANNOT_READ, file=name, reason=exc.strerror or str(exc)) from None


@dataclass(frozen=True)
class TableRows:
    """The rows of a file as (row number, cells as text), the header first.

    Attributes:
        rows: read lazily; empty rows are left out.
        ragged: rows may end early (a workbook leaves out trailing empty cells;
            a CSV row must have as many cells as the header).
    """

    rows: Iterator[tuple[int, list[str]]]
    ragged: bool


def read_table(path: Path) -> TableRows:
    """The rows of a CSV or XLSX file; the kind is told by the content, not the name.

    Raises:
        KnownError: the file cannot be read, is too big, is not UTF-8 CSV or a
            valid workbook.
    """
    content = _read_bytes(path)
    if content.startswith(b"PK\x03\x04"):
        return TableRows(_xlsx_rows(path, content), ragged=True)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise KnownError(MSG_XLS, file=path.name)
    return TableRows(_csv_rows(path.name, content), ragged=False)


def _csv_rows(name: str, content: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise KnownError(MSG_ENCODING, file=name, line=line) from None
    if "\x00" in decoded:  # UTF-16 or a binary file that happens to decode
        line = decoded[: decoded.index("\x00")].count("\n") + 1
        raise KnownError(MSG_ENCODING, file=name, line=line)
    header = decoded.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") and ";" in header else ","
    reader = csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter, strict=True)
    return _csv_records(name, reader)


def _csv_records(name: str, reader: Any) -> Iterator[tuple[int, list[str]]]:
    number = 0
    try:
        for record in reader:
            number += 1
            cells = [_unguarded(cell.strip()) for cell in record]
            if any(cells):
                yield number, cells
    except csv.Error:
        raise KnownError(MSG_CSV_MALFORMED, file=name, row=number + 1) from None


def _xlsx_rows(path: Path, content: bytes) -> Iterator[tuple[int, list[str]]]:
    name = path.name
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise KnownError(MSG_XLSX_MALFORMED, file=name) from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise KnownError(MSG_XLSX_TOO_BIG, file=name, limit=MAX_XLSX_UNPACKED_BYTES // 2**20)
    return _xlsx_records(name, content)


def _xlsx_records(name: str, content: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it does not read: not our business.
        warnings.simplefilter("ignore")
        try:
            # data_only=False: a formula cell gives its formula as text; nothing is evaluated.
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        except Exception:  # openpyxl raises many kinds for a broken workbook
            raise KnownError(MSG_XLSX_MALFORMED, file=name) from None
        try:
            if not book.worksheets:
                raise KnownError(MSG_EMPTY_FILE, file=name)
            sheet = book.worksheets[0]
            try:
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    cells = [_cell_text(cell) for cell in values]
                    if any(cells):
                        yield number, cells
            except KnownError:
                raise
            except Exception:
                raise KnownError(MSG_XLSX_MALFORMED, file=name) from None
        finally:
            book.close()


def _cell_text(value: Any) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without ".0", flags as ja/nej."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _unguarded(str(value).strip())


def _unguarded(text: str) -> str:
    """The text without the export's formula guard (``'=1+1`` → ``=1+1``)."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START:
        return text[1:].strip()
    return text


# --- checking -------------------------------------------------------------------------


def _header(name: str, cells: Sequence[str]) -> dict[str, int]:
    """Column name → index, for the known columns."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        column = cell.lstrip("\ufeff").strip().casefold()
        if column not in COLUMNS:
            continue
        if column in found:
            raise KnownError(MSG_DUPLICATE_COLUMN, file=name, column=column)
        found[column] = index
    missing = [column for column in REQUIRED_COLUMNS if column not in found]
    if missing:
        raise KnownError(
            MSG_MISSING_COLUMNS,
            file=name,
            columns=", ".join(missing),
            expected=", ".join(COLUMNS),
        )
    return found


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _date(value: str) -> dt.date | None:
    if not _DATE.fullmatch(value):
        raise ValueError(value)
    return dt.date.fromisoformat(value)


class _Row:
    """Reads the cells of one row, collecting a problem per column."""

    def __init__(self, number: int, cells: list[str], header: dict[str, int]) -> None:
        self.number = number
        self.cells = cells
        self.header = header
        self.problems: list[ImportProblem] = []

    def text(self, column: str) -> str:
        index = self.header.get(column)
        return "" if index is None or index >= len(self.cells) else self.cells[index]

    def problem(self, column: str, template: str) -> None:
        self.problems.append(ImportProblem(self.number, column, ValidationError(template)))

    def date(self, column: str, *, required: bool) -> dt.date | None:
        value = self.text(column)
        if not value:
            if required:
                self.problem(column, MSG_DATE_REQUIRED)
            return None
        try:
            return _date(value)
        except ValueError:
            self.problem(column, MSG_DATE)
            return None

    def choice(self, column: str, choices: dict[str, Any], template: str) -> Any:
        value = self.text(column).casefold()
        if value not in choices:
            self.problem(column, template)
            return None
        return choices[value]


def _row_form(row: _Row) -> FormInput | None:
    """The form a row describes, or None when a cell could not be read."""
    form_type: FormType | None = row.choice("typ", TYPES, MSG_TYPE)
    initiator: Initiator | None = None
    if row.text("initiativ"):
        if form_type in (FormType.REMOVE_GUARDIAN_ACCESS, FormType.MINOR_ACCESS):
            row.problem("initiativ", MSG_INITIATIVE_NOT_HERE)
        else:
            initiator = row.choice("initiativ", INITIATORS, MSG_INITIATIVE)
    signed_on = row.date("underskriftsdatum", required=False)
    received_on = row.date("mottagen", required=True)
    is_signed = row.choice("undertecknad", YES_NO, MSG_YES_NO)
    is_urgent = row.choice("akut", YES_NO, MSG_YES_NO)
    birth_date = row.date("fodelsedatum", required=False)
    if row.problems or form_type is None or received_on is None:
        return None
    role = PartyRole.CHILD if form_type in _CHILD_TYPES else PartyRole.SUBJECT
    return FormInput(
        form_type=form_type,
        received_on=received_on,
        parties=(PartyInput(role, row.text("personnummer"), birth_date=birth_date),),
        initiator=initiator,
        orderer_name=row.text("bestallare"),
        orderer_unit=row.text("enhet"),
        head_of_operations=row.text("verksamhetschef"),
        signed_on=signed_on,
        is_signed=bool(is_signed),
        is_urgent=bool(is_urgent),
        note=row.text("anteckning"),
    )


def check_file(
    path: Path, *, today: dt.date | None = None, limits: AgeLimits | None = None
) -> CheckedFile:
    """Read and check every row of ``path`` (no database needed).

    Raises:
        KnownError: the file as a whole cannot be used (see :func:`read_table`),
            its header lacks columns, or it holds no rows.
    """
    with _gc_paused():
        return _check_file(path, today or forms.today_in_sweden(), limits or AgeLimits())


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a bulk pass.

    A check or a load keeps hundreds of thousands of small objects alive, none
    of them in a reference cycle; each of the collector's full passes walks them
    all again (a third of the time of checking 100,000 rows). Reference counting
    still frees everything; the collector runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_file(path: Path, today: dt.date, limits: AgeLimits) -> CheckedFile:
    name = path.name
    table = read_table(path)
    first = next(table.rows, None)
    if first is None:
        raise KnownError(MSG_EMPTY_FILE, file=name)
    header = _header(name, first[1])
    width = len(first[1])
    checked: list[ImportRow] = []
    problems: list[ImportProblem] = []
    total = 0
    for number, cells in table.rows:
        total += 1
        if total > MAX_ROWS:
            raise KnownError(MSG_TOO_MANY_ROWS, file=name, limit=MAX_ROWS)
        if any(cells[width:]) or (len(cells) < width and not table.ragged):
            problems.append(
                ImportProblem(
                    number,
                    "",
                    ValidationError(MSG_ROW_LENGTH, count=len(cells), expected=width),
                )
            )
            continue
        row = _Row(number, cells, header)
        data = _row_form(row)
        if data is None:
            problems.extend(row.problems)
            continue
        found, clean = forms.normalise_form(data, today=today, limits=limits, require_details=False)
        if found:
            problems.extend(ImportProblem(number, _column_of(p), p) for p in found)
            continue
        checked.append(ImportRow(number, data, clean))
    if total == 0:
        raise KnownError(MSG_NO_ROWS, file=name)
    return CheckedFile(name, total, tuple(checked), tuple(problems))


def _column_of(problem: ValidationError) -> str:
    """The column a problem found by the form's rules belongs to."""
    if problem.template == forms.MSG_RESERVE_NEEDS_BIRTH:
        return "personnummer"  # not a number: most likely the cell itself is wrong
    return FIELD_COLUMNS.get(str(problem.field), "")


# --- writing --------------------------------------------------------------------------

_FORMS = cast(Table, Form.__table__)
_PARTIES = cast(Table, FormParty.__table__)
_HISTORY = cast(Table, FormStatusChange.__table__)
_AUDIT = cast(Table, AuditEvent.__table__)

_FORM_COLUMNS = (
    "id", "registry_number", "form_type", "initiator", "measures", "seal_scope",
    "scope_unit", "period_from", "period_to", "status", "is_signed", "is_urgent",
    "signed_on", "received_on", "orderer_name", "orderer_title", "orderer_unit",
    "orderer_phone", "head_of_operations", "it_support_phoned_at", "it_support_phoned_by",
    "note", "registered_at", "executed_at", "confirmation_sent_at", "created_by_id",
    "version", "created_at", "updated_at",
)  # fmt: skip
_PARTY_COLUMNS = (
    "form_id", "role", "position", "id_kind", "id_number", "birth_date", "name",
    "access_given",
)  # fmt: skip
_HISTORY_COLUMNS = (
    "form_id", "from_status", "to_status", "changed_at", "changed_by_id", "comment",
)  # fmt: skip
_AUDIT_COLUMNS = (
    "at", "username", "role", "action", "entity", "entity_id", "person_number", "details",
    "workstation",
)  # fmt: skip


def import_forms(
    session: Session,
    user: UserInfo,
    path: Path,
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
    limits: AgeLimits | None = None,
    now: dt.datetime | None = None,
) -> ImportResult:
    """Check every row of ``path`` and, unless ``dry_run``, register them all.

    Raises:
        ImportInvalid: a row failed; nothing was written.
        KnownError: the file cannot be used (see :func:`check_file`).
        NotAllowed: the user is an advisor (checked before the file is read).
    """
    roles.require(user, roles.Permission.FORMS_IMPORT)
    checked = check_file(path, today=today, limits=limits)
    if checked.problems:
        raise ImportInvalid(checked.name, list(checked.problems), checked.rows)
    if dry_run:
        return ImportResult(checked.rows, 0, True)
    first, last = write_forms(session, user, checked.forms, source=checked.name, now=now)
    return ImportResult(checked.rows, len(checked.forms), False, first, last)


def write_forms(
    session: Session,
    user: UserInfo,
    rows: Sequence[ImportRow],
    *,
    source: str,
    now: dt.datetime | None = None,
) -> tuple[str, str]:
    """Register checked rows in bulk; returns the registry numbers of the first and
    the last row of the file.

    Forms get their registry numbers (and ids) in order of arrival, rows of the
    same day in file order: numbers follow the dates as in a paper diary, and the
    indexes on arrival dates and numbers grow at their ends (several times
    faster on SQLite than inserting all over them). Numbers are taken with one
    counter update per year, which also takes SQLite's write lock before the
    ids are chosen; PostgreSQL hands out the ids from the forms' sequence.

    Raises:
        NotAllowed: the user is an advisor.
    """
    roles.require(user, roles.Permission.FORMS_IMPORT)
    if not rows:
        return "", ""
    with _gc_paused():
        return _write_forms(session, user, rows, source, now or utcnow())


def _write_forms(
    session: Session, user: UserInfo, rows: Sequence[ImportRow], source: str, now: dt.datetime
) -> tuple[str, str]:
    conn = session.connection()
    dialect = conn.dialect.name
    postgres = dialect == "postgresql"
    order = sorted(range(len(rows)), key=lambda i: (rows[i].data.received_on, rows[i].row))
    counts: dict[int, int] = {}
    for item in rows:
        year = item.data.received_on.year
        counts[year] = counts.get(year, 0) + 1
    next_serial = {
        year: forms.reserve_registry_numbers(session, year, count)
        for year, count in sorted(counts.items())
    }
    numbers: list[str] = [""] * len(rows)
    for index in order:
        year = rows[index].data.received_on.year
        numbers[index] = forms.registry_number(year, next_serial[year])
        next_serial[year] += 1
    ids = _new_ids(session, len(rows), postgres)
    when = datetime_processor(dialect)(now)
    day: Any = (lambda value: value) if postgres else _iso_or_none
    registered, received = FormStatus.REGISTERED.value, FormStatus.RECEIVED.value
    workstation = platform.node()[:200]
    source_json = json.dumps(source)
    measures_json: dict[tuple[Any, ...], str] = {}
    form_rows: list[tuple[Any, ...]] = []
    party_rows: list[tuple[Any, ...]] = []
    history_rows: list[tuple[Any, ...]] = []
    audit_rows: list[tuple[Any, ...]] = []
    for form_id, index in zip(ids, order, strict=True):
        item, number = rows[index], numbers[index]
        data, clean = item.data, item.clean
        phoned = None if clean.phoned_at is None else datetime_processor(dialect)(clean.phoned_at)
        form_rows.append(
            (
                form_id, number, data.form_type.value, _value(clean.initiator),
                measures_json.get(clean.measures) or _measures_json(clean.measures, measures_json),
                _value(clean.seal_scope),
                clean.scope_unit, day(clean.period_from), day(clean.period_to), registered,
                data.is_signed, data.is_urgent, day(data.signed_on), day(data.received_on),
                clean.orderer_name, clean.orderer_title, clean.orderer_unit,
                clean.orderer_phone, clean.head_of_operations, phoned, clean.phoned_by,
                clean.note, when, None, None, user.id, 1, when, when,
            )
        )  # fmt: skip
        for position, person in enumerate(clean.persons):
            party_rows.append(
                (
                    form_id, person.role.value, position, person.kind.value, person.number,
                    day(person.born), person.name, person.access_given,
                )
            )  # fmt: skip
        history_rows.append((form_id, None, received, when, user.id, ""))
        history_rows.append((form_id, received, registered, when, user.id, ""))
        audit_rows.append(
            (
                when, user.username, user.role.value, AuditAction.IMPORT.value, ENTITY,
                str(form_id), forms.main_number(clean.persons),
                # The details as json.dumps writes them (the number is plain ASCII).
                f'{{"file": {source_json}, "row": {item.row}, "registry_number": "{number}"}}',
                workstation,
            )
        )  # fmt: skip
    with _sqlite_cache(session, len(rows)):
        BulkInsert(conn, _FORMS, _FORM_COLUMNS).run(form_rows)
        BulkInsert(conn, _PARTIES, _PARTY_COLUMNS).run(party_rows)
        BulkInsert(conn, _HISTORY, _HISTORY_COLUMNS).run(history_rows)
        BulkInsert(conn, _AUDIT, _AUDIT_COLUMNS).run(audit_rows)
    return numbers[0], numbers[-1]


SQLITE_IMPORT_CACHE_KIB = 64 * 1024
"""SQLite page cache while a big import writes (the default is 2 MB)."""


@contextmanager
def _sqlite_cache(session: Session, rows: int) -> Iterator[None]:
    """A larger SQLite page cache for a big load, set back afterwards.

    The indexes of the audit log (by person, by record) are written in an order
    of their own: with SQLite's default 2 MB cache their pages go back and forth
    to the write-ahead log. The connection returns to the pool with its old
    size, so the program's memory stays as it was.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite" or rows < 10_000:
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _measures_json(measures: tuple[Any, ...], cache: dict[tuple[Any, ...], str]) -> str:
    cache[measures] = json.dumps([measure.value for measure in measures])
    return cache[measures]


def _value(member: Any) -> str | None:
    return None if member is None else str(member.value)


def _iso_or_none(day: dt.date | None) -> str | None:
    """A date as SQLite stores it (SQLAlchemy's ``Date``: ``YYYY-MM-DD``)."""
    return None if day is None else day.isoformat()


def _new_ids(session: Session, count: int, postgres: bool) -> list[int]:
    """Ids for ``count`` new forms.

    PostgreSQL: from the id sequence, so concurrent registrations never clash.
    SQLite: after the largest id; the caller's transaction already holds the
    database's write lock (taken by the registry counter update).
    """
    if postgres:
        return list(
            session.execute(
                text(
                    "SELECT nextval(pg_get_serial_sequence('forms', 'id')) "
                    "FROM generate_series(1, :count)"
                ),
                {"count": count},
            ).scalars()
        )
    last = session.execute(select(func.coalesce(func.max(_FORMS.c.id), 0))).scalar_one()
    return list(range(int(last) + 1, int(last) + 1 + count))
