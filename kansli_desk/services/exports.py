"""Exports of the call log, the form register and the audit log (issue 6).

An export writes the records of a period, one row each, to a CSV or XLSX file
(the PDF report is drawn by the GUI layer, :mod:`kansli_desk.ui.reports.pdf`).
Exports are for supervisors (:data:`~kansli_desk.core.enums.Role.SUPERVISOR`)
and every one is recorded in the audit log: who, when, what, the period, the
number of rows, the columns, the file's name and whether identity numbers were
masked.

**Columns.** :func:`columns` gives each export's columns in their stable order,
with fixed Swedish headers (the same in every language of the program). Values
are the stored codes (``answered``, ``seal_or_lock``, ...), never translated
labels, so a file reads the same whatever language wrote it. The forms export
starts with the columns of the form import (:data:`kansli_desk.services.
form_import.COLUMNS`, with its names and value codes: ``typ`` =
``forsegling_lasning`` ..., ``ja``/``nej``), so an unmasked export can be
imported again into an empty register; every other field follows.

**Values.** Times are Swedish local time (Europe/Stockholm), whole seconds:
``YYYY-MM-DD HH:MM:SS`` text in CSV, date cells (``yyyy-mm-dd hh:mm:ss``) in
XLSX; dates are ISO (``YYYY-MM-DD``) or date cells; flags are ``ja``/``nej``;
lists (topics, measures) are joined with ", ". Identity numbers are masked
(``YYYYMMDD-XXXX``, :func:`kansli_desk.core.identity.mask`) unless the request
says otherwise; unmasked ones are written ``YYYYMMDD-NNNN``.

**Periods** are Swedish local days, both ends included: calls by their start,
forms by their arrival day, audit events by their time.

**Formula injection** (OWASP, "CSV Injection"): text that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is never evaluated. In CSV it
gets a leading apostrophe (:func:`guard_formula`); the form import removes it
again. In XLSX every text is a string cell (the workbook's options keep
xlsxwriter from turning text into formulas, numbers or links) and such text
also gets Excel's "quote prefix" style, so editing the cell does not turn it
into a formula either. Text of the form ``<r>...</r>``, which xlsxwriter's
constant-memory mode would copy into the sheet's XML unescaped, is written as a
rich string whose runs are escaped.

**Files.** CSV: UTF-8 with a byte order mark, ``;`` (or ``,``) between values,
quotes where needed, CRLF line ends. XLSX: xlsxwriter in constant-memory mode, a
bold frozen header row, column widths, date formats; beyond
:data:`EXCEL_MAX_ROWS` rows (Excel's limit, the header included) the rows
continue on a new sheet ("Samtal", "Samtal 2", ...). Nothing appears under the
chosen name until the file is complete (:func:`atomic_output`): a cancelled
or failed export leaves neither the file nor its temporary files behind.

**Speed.** Rows are streamed in batches of :data:`BATCH_ROWS` straight from the
driver of the session's connection (a server-side cursor on PostgreSQL), with
neither ORM nor SQLAlchemy row objects: the query (:func:`statement`) returns the
stored values (times as UTC text), the topics of a call are aggregated by the
database, and each batch is converted by one function compiled for the export's
columns, times through a cache of local hours (Swedish time differs from UTC by
whole hours). Memory stays constant whatever the number of rows: a million
calls take about 1.35 times as long as a bare ``csv.writer`` over the same
query, and as long as bare xlsxwriter, in under 90 MB (``bench/exports.py``).
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import json
import os
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    Table,
    Text,
    bindparam,
    func,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction, PartyRole, Role
from kansli_desk.core.identity import format_number, mask
from kansli_desk.core.office_hours import TIMEZONE
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import AuditEvent, Call, Form, FormParty, Topic, User, UTCDateTime
from kansli_desk.models import call_topics as _CALL_TOPICS
from kansli_desk.services import audit, roles
from kansli_desk.services.form_import import COLUMNS as IMPORT_COLUMNS
from kansli_desk.services.form_import import FORMULA_START, INITIATORS, TYPES
from kansli_desk.services.users import UserInfo

EXCEL_MAX_ROWS = 1_048_576
"""Rows per XLSX sheet, the header row included (Excel's limit); then a new sheet."""
BATCH_ROWS = 5000
"""Rows fetched, converted and written at a time; progress and cancel are checked
between batches."""
CSV_DELIMITERS = (";", ",")
XLSX_MAX_TEXT = 32_767
"""Excel's limit of characters in a cell; longer text is cut there in XLSX."""

# --- messages (context "Errors") ----------------------------------------------------------

MSG_SUPERVISOR_ONLY = roles.MSG_EXPORT
MSG_UNMASKED = QT_TRANSLATE_NOOP(
    "Errors", "Only a supervisor can export records with unmasked identity numbers."
)
MSG_PERIOD_ORDER = QT_TRANSLATE_NOOP(
    "Errors", "The period starts ({date_from}) after it ends ({date_to}). Swap the dates."
)
MSG_NO_FOLDER = QT_TRANSLATE_NOOP(
    "Errors", "The folder {folder} does not exist. Choose an existing folder."
)
MSG_FOLDER_NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "Errors", "Files cannot be saved in the folder {folder}. Choose another folder."
)
MSG_OUTPUT_IS_FOLDER = QT_TRANSLATE_NOOP(
    "Errors", "{file} is a folder. Give the name of the file to write."
)
MSG_OUTPUT_READ_ONLY = QT_TRANSLATE_NOOP(
    "Errors", "The file {file} exists and cannot be replaced. Choose another name."
)
MSG_UNKNOWN_COLUMN = QT_TRANSLATE_NOOP("Errors", "This export has no column “{column}”.")
MSG_NO_COLUMNS = QT_TRANSLATE_NOOP("Errors", "Choose at least one column to export.")
MSG_DELIMITER = QT_TRANSLATE_NOOP("Errors", "The CSV separator must be “;” or “,”.")
MSG_NO_CALLS = QT_TRANSLATE_NOOP(
    "Errors", "No calls were logged from {date_from} to {date_to}. Nothing was exported."
)
MSG_NO_FORMS = QT_TRANSLATE_NOOP(
    "Errors", "No forms arrived from {date_from} to {date_to}. Nothing was exported."
)
MSG_NO_EVENTS = QT_TRANSLATE_NOOP(
    "Errors",
    "The audit log has no events from {date_from} to {date_to}. Nothing was exported.",
)
MSG_CANCELLED = QT_TRANSLATE_NOOP("Errors", "The export was cancelled. No file was written.")
MSG_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "The file {file} could not be written ({reason}). No file was saved."
)


# --- the request and its columns ------------------------------------------------------------


class ExportKind(StrEnum):
    """What is exported."""

    CALLS = "calls"
    FORMS = "forms"
    AUDIT = "audit"


class ExportFormat(StrEnum):
    """The file format (PDF: the report, drawn by the GUI layer)."""

    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"


@dataclass(frozen=True)
class ExportColumn:
    """One column of an export.

    Attributes:
        key: stable identifier (:attr:`ExportRequest.columns` names columns by it).
        header: the fixed Swedish header written to the file (never translated).
        kind: "text" | "int" | "date" | "datetime" | "bool".
        width: XLSX column width in characters.
    """

    key: str
    header: str
    kind: str
    width: int


@dataclass(frozen=True)
class ExportRequest:
    """What to export, where to, and how.

    Attributes:
        date_from, date_to: the period, Swedish local days, both included.
        masked: identity numbers masked (only a supervisor may say False).
        delimiter: CSV only, ";" or ",".
        columns: keys of the columns to write (written in :func:`columns` order);
            None for all.
    """

    kind: ExportKind
    date_from: dt.date
    date_to: dt.date
    format: ExportFormat
    output: Path
    masked: bool = True
    delimiter: str = ";"
    columns: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export` wrote: the file, its data rows and (XLSX) its sheets."""

    path: Path
    rows: int
    sheets: int


class ExportCancelled(KnownError):
    """The export was cancelled; nothing was written under the chosen name."""

    def __init__(self) -> None:
        super().__init__(MSG_CANCELLED)


def _column(key: str, header: str, kind: str = "text", width: int = 14) -> ExportColumn:
    return ExportColumn(key, header, kind, width)


_CALL_COLUMNS = (
    _column("id", "Samtals-id", "int", 10),
    _column("started_at", "Starttid", "datetime", 19),
    _column("duration_seconds", "Längd (sekunder)", "int", 10),
    _column("advisor_username", "Rådgivare (inloggning)", "text", 16),
    _column("advisor_name", "Rådgivare", "text", 22),
    _column("caller_kind", "Vem ringer", "text", 14),
    _column("outcome", "Utfall", "text", 16),
    _column("topics", "Ämnen", "text", 36),
    _column("notes", "Anteckningar", "text", 60),
    _column("person_number", "Personnummer", "text", 15),
    _column("callback_phone", "Återuppringning telefon", "text", 18),
    _column("callback_due_at", "Återuppringning senast", "datetime", 19),
    _column("callback_done_at", "Återuppringning klar", "datetime", 19),
    _column("form_registry_number", "Blankett (diarienummer)", "text", 16),
    _column("version", "Version", "int", 8),
    _column("created_at", "Registrerad", "datetime", 19),
    _column("updated_at", "Senast ändrad", "datetime", 19),
)

_IMPORT_KINDS = {
    "underskriftsdatum": "date",
    "mottagen": "date",
    "fodelsedatum": "date",
    "undertecknad": "bool",
    "akut": "bool",
}
_IMPORT_WIDTHS = {"typ": 20, "personnummer": 15, "anteckning": 40, "enhet": 24}


def _party_columns(number: int) -> tuple[ExportColumn, ...]:
    found = [_column(f"party{number}_role", f"Person {number} roll", "text", 10)]
    if number > 1:  # the first person's number and birth date are import columns
        found.append(_column(f"party{number}_number", f"Person {number} nummer", "text", 15))
    found.append(_column(f"party{number}_id_kind", f"Person {number} nummertyp", "text", 16))
    if number > 1:
        found.append(
            _column(f"party{number}_birth_date", f"Person {number} födelsedatum", "date", 12)
        )
    found.append(_column(f"party{number}_name", f"Person {number} namn", "text", 20))
    found.append(_column(f"party{number}_access", f"Person {number} åtkomst", "bool", 10))
    return tuple(found)


MAX_PARTIES = 3
"""People on a form: one, or a child and one or two guardians."""

_FORM_COLUMNS = (
    *(
        _column(name, name, _IMPORT_KINDS.get(name, "text"), _IMPORT_WIDTHS.get(name, 14))
        for name in IMPORT_COLUMNS
    ),
    _column("id", "Blankett-id", "int", 10),
    _column("registry_number", "Diarienummer", "text", 16),
    _column("status", "Status", "text", 20),
    _column("measures", "Åtgärder", "text", 30),
    _column("seal_scope", "Spärrens omfattning", "text", 16),
    _column("scope_unit", "Omfattningens enhet", "text", 24),
    _column("period_from", "Period från", "date", 12),
    _column("period_to", "Period till", "date", 12),
    _column("orderer_title", "Beställarens titel", "text", 18),
    _column("orderer_phone", "Beställarens telefon", "text", 16),
    _column("it_support_phoned_at", "IT-support ringd", "datetime", 19),
    _column("it_support_phoned_by", "IT-support ringd av", "text", 20),
    _column("registered_at", "Registreringstid", "datetime", 19),
    _column("executed_at", "Utförd", "datetime", 19),
    _column("confirmation_sent_at", "Bekräftelse skickad", "datetime", 19),
    _column("created_by", "Registrerad av", "text", 16),
    _column("version", "Version", "int", 8),
    _column("created_at", "Skapad", "datetime", 19),
    _column("updated_at", "Senast ändrad", "datetime", 19),
    *(column for number in range(1, MAX_PARTIES + 1) for column in _party_columns(number)),
)

_AUDIT_COLUMNS = (
    _column("id", "Händelse-id", "int", 10),
    _column("at", "Tidpunkt", "datetime", 19),
    _column("username", "Användare", "text", 16),
    _column("role", "Roll", "text", 12),
    _column("action", "Händelse", "text", 14),
    _column("entity", "Posttyp", "text", 14),
    _column("entity_id", "Post-id", "text", 10),
    _column("person_number", "Personnummer", "text", 15),
    _column("details", "Detaljer", "text", 60),
    _column("workstation", "Arbetsstation", "text", 18),
)

_COLUMNS = {
    ExportKind.CALLS: _CALL_COLUMNS,
    ExportKind.FORMS: _FORM_COLUMNS,
    ExportKind.AUDIT: _AUDIT_COLUMNS,
}
_PERSON_KEYS = frozenset({"person_number", "personnummer", "party2_number", "party3_number"})
"""Columns holding identity numbers: masked unless the request says otherwise."""
_CODE_KEYS = {
    ExportKind.CALLS: frozenset({"caller_kind", "outcome"}),
    ExportKind.FORMS: frozenset(
        {"typ", "initiativ", "status", "measures", "seal_scope"}
        | {f"party{n}_{part}" for n in range(1, 4) for part in ("role", "id_kind")}
    ),
    ExportKind.AUDIT: frozenset({"role", "action", "entity"}),
}
"""Text columns holding the program's own codes: no formula guard needed."""
SHEET_NAMES = {
    ExportKind.CALLS: "Samtal",
    ExportKind.FORMS: "Blanketter",
    ExportKind.AUDIT: "Händelselogg",
}


def columns(kind: ExportKind) -> tuple[ExportColumn, ...]:
    """The columns of an export, in their stable (documented) order."""
    return _COLUMNS[kind]


# --- checks ---------------------------------------------------------------------------------


def check_request(user: UserInfo, request: ExportRequest) -> None:
    """Check a request before anything is read or written.

    Raises:
        NotAllowed: the user is no supervisor (and asked for a masked export).
        ValidationError: with ``field`` "masked" (unmasked, by a non-supervisor),
            "date_from", "delimiter", "columns" or "output".
    """
    if user.role is not Role.SUPERVISOR:
        if not request.masked:
            raise ValidationError(MSG_UNMASKED, field="masked")
        roles.require(user, roles.Permission.EXPORT)
    if request.date_from > request.date_to:
        raise ValidationError(
            MSG_PERIOD_ORDER,
            field="date_from",
            date_from=request.date_from.isoformat(),
            date_to=request.date_to.isoformat(),
        )
    if request.format is ExportFormat.CSV and request.delimiter not in CSV_DELIMITERS:
        raise ValidationError(MSG_DELIMITER, field="delimiter")
    _selected(request)
    _check_output(request.output)


def _selected(request: ExportRequest) -> list[int]:
    """Indexes of the requested columns, in column order."""
    known = columns(request.kind)
    if request.columns is None:
        return list(range(len(known)))
    keys = {column.key for column in known}
    for key in request.columns:
        if key not in keys:
            raise ValidationError(MSG_UNKNOWN_COLUMN, field="columns", column=key)
    if not request.columns:
        raise ValidationError(MSG_NO_COLUMNS, field="columns")
    wanted = set(request.columns)
    return [index for index, column in enumerate(known) if column.key in wanted]


def _check_output(output: Path) -> None:
    folder = output.parent
    if output.is_dir():
        raise ValidationError(MSG_OUTPUT_IS_FOLDER, field="output", file=str(output))
    if not folder.is_dir():
        raise ValidationError(MSG_NO_FOLDER, field="output", folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError(MSG_FOLDER_NOT_WRITABLE, field="output", folder=str(folder))
    if output.exists() and not os.access(output, os.W_OK):
        raise ValidationError(MSG_OUTPUT_READ_ONLY, field="output", file=output.name)


# --- the period -------------------------------------------------------------------------------

_LOW = bindparam("low", type_=UTCDateTime())
_HIGH = bindparam("high", type_=UTCDateTime())
_FIRST_DAY = bindparam("first_day", type_=Date())
_LAST_DAY = bindparam("last_day", type_=Date())


def _day_start(day: dt.date) -> dt.datetime:
    """Swedish local midnight at the start of ``day``, in UTC."""
    return dt.datetime.combine(day, dt.time(0), TIMEZONE).astimezone(dt.UTC)


def _period(date_from: dt.date, date_to: dt.date) -> dict[str, Any]:
    return {
        "low": _day_start(date_from),
        "high": _day_start(date_to + dt.timedelta(days=1)),
        "first_day": date_from,
        "last_day": date_to,
    }


_CALLS = cast(Table, Call.__table__)
_FORMS = cast(Table, Form.__table__)
_AUDIT = cast(Table, AuditEvent.__table__)
_USERS = cast(Table, User.__table__)


def count_rows(session: Session, kind: ExportKind, date_from: dt.date, date_to: dt.date) -> int:
    """The number of records an export of the period would write."""
    if kind is ExportKind.CALLS:
        where = [_CALLS.c.started_at >= _LOW, _CALLS.c.started_at < _HIGH]
        table = _CALLS
    elif kind is ExportKind.FORMS:
        where = [_FORMS.c.received_on >= _FIRST_DAY, _FORMS.c.received_on <= _LAST_DAY]
        table = _FORMS
    else:
        where = [_AUDIT.c.at >= _LOW, _AUDIT.c.at < _HIGH]
        table = _AUDIT
    stmt = select(func.count()).select_from(table).where(*where)
    return int(session.execute(stmt, _period(date_from, date_to)).scalar_one())


# --- the queries -------------------------------------------------------------------------------


def _raw(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """The column as the database stores it (no result conversion)."""
    return type_coerce(column, String())


def _utc_text(column: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """A time as UTC text ``YYYY-MM-DD HH:MM:SS[.ffffff]`` (SQLite stores it so)."""
    if dialect == "sqlite":
        return _raw(column)
    utc = func.timezone(literal_column("'UTC'"), column)
    return type_coerce(func.to_char(utc, literal_column("'YYYY-MM-DD HH24:MI:SS'")), String())


def _day_text(column: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """A date as ``YYYY-MM-DD`` text (SQLite stores it so)."""
    if dialect == "sqlite":
        return _raw(column)
    return type_coerce(func.to_char(column, literal_column("'YYYY-MM-DD'")), String())


def _json_text(column: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return _raw(column)
    return type_coerce(sql_cast(column, Text), String())


@lru_cache(maxsize=16)
def statement(kind: ExportKind, dialect: str) -> Select[Any]:
    """The query behind an export, for a database dialect ("sqlite", "postgresql").

    It takes the parameters ``low``/``high`` (UTC times) or ``first_day``/
    ``last_day`` (forms) and returns the raw values in order: times as UTC text,
    dates as ISO text, enums as their codes, a call's topics as their ids ("3,7").
    The benchmark runs the same query on the bare driver.
    """
    if kind is ExportKind.CALLS:
        return _calls_statement(dialect)
    if kind is ExportKind.FORMS:
        return _forms_statement(dialect)
    return _audit_statement(dialect)


def _calls_statement(dialect: str) -> Select[Any]:
    c = _CALLS.c
    own = _CALL_TOPICS.alias("own_topics")
    if dialect == "sqlite":
        joined: ColumnElement[Any] = func.group_concat(own.c.topic_id, literal_column("','"))
    else:
        joined = func.string_agg(sql_cast(own.c.topic_id, Text), literal_column("','"))
    topics = select(joined).where(own.c.call_id == c.id).scalar_subquery()
    advisor = _USERS.alias("advisor")
    form = _FORMS.alias("form")
    return (
        select(
            c.id,
            _utc_text(c.started_at, dialect),
            c.duration_seconds,
            advisor.c.username,
            advisor.c.display_name,
            _raw(c.caller_kind),
            _raw(c.outcome),
            type_coerce(topics, String()),
            c.notes,
            c.person_number,
            c.callback_phone,
            _utc_text(c.callback_due_at, dialect),
            _utc_text(c.callback_done_at, dialect),
            form.c.registry_number,
            c.version,
            _utc_text(c.created_at, dialect),
            _utc_text(c.updated_at, dialect),
        )
        .select_from(
            _CALLS.join(advisor, advisor.c.id == c.advisor_id).outerjoin(
                form, form.c.id == c.form_id
            )
        )
        .where(c.started_at >= _LOW, c.started_at < _HIGH)
        .order_by(c.started_at, c.id)
    )


_FORM_FIELDS = (
    "id", "registry_number", "form_type", "initiator", "measures", "seal_scope",
    "scope_unit", "period_from", "period_to", "status", "is_signed", "is_urgent",
    "signed_on", "received_on", "orderer_name", "orderer_title", "orderer_unit",
    "orderer_phone", "head_of_operations", "it_support_phoned_at", "it_support_phoned_by",
    "note", "registered_at", "executed_at", "confirmation_sent_at", "created_by",
    "version", "created_at", "updated_at",
)  # fmt: skip
_F = {name: index for index, name in enumerate(_FORM_FIELDS)}


def _forms_statement(dialect: str) -> Select[Any]:
    f = _FORMS.c
    creator = _USERS.alias("creator")
    values: list[ColumnElement[Any]] = []
    for name in _FORM_FIELDS:
        if name == "created_by":
            values.append(creator.c.username)
            continue
        column = f[name]
        if isinstance(column.type, UTCDateTime):
            values.append(_utc_text(column, dialect))
        elif isinstance(column.type, Date):
            values.append(_day_text(column, dialect))
        elif name == "measures":
            values.append(_json_text(column, dialect))
        elif name in ("form_type", "initiator", "seal_scope", "status"):
            values.append(_raw(column))
        else:
            values.append(column)
    return (
        select(*values)
        .select_from(_FORMS.outerjoin(creator, creator.c.id == f.created_by_id))
        .where(f.received_on >= _FIRST_DAY, f.received_on <= _LAST_DAY)
        .order_by(f.received_on, f.id)
    )


def _audit_statement(dialect: str) -> Select[Any]:
    a = _AUDIT.c
    return (
        select(
            a.id,
            _utc_text(a.at, dialect),
            a.username,
            a.role,
            _raw(a.action),
            a.entity,
            a.entity_id,
            a.person_number,
            _json_text(a.details, dialect),
            a.workstation,
        )
        .where(a.at >= _LOW, a.at < _HIGH)
        .order_by(a.at, a.id)
    )


# --- values -------------------------------------------------------------------------------------


def guard_formula(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would take it for a
    formula: it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return (OWASP, "CSV Injection"). The form import removes the apostrophe again.
    """
    if text and text[0] in FORMULA_START:
        return "'" + text
    return text


class _LocalHours(dict[str, str]):
    """UTC hour ("YYYY-MM-DD HH") → the Swedish local hour, as the same text."""

    def __missing__(self, key: str) -> str:
        local = _local_hour(key)
        value = local.strftime("%Y-%m-%d %H")
        self[key] = value
        return value


class _SerialHours(dict[str, tuple[int, int]]):
    """UTC hour ("YYYY-MM-DD HH") → (Excel day number, seconds into the day) of the
    Swedish local hour."""

    def __missing__(self, key: str) -> tuple[int, int]:
        local = _local_hour(key)
        value = (_excel_day(local.date()), local.hour * 3600)
        self[key] = value
        return value


def _local_hour(key: str) -> dt.datetime:
    utc = dt.datetime(int(key[:4]), int(key[5:7]), int(key[8:10]), int(key[11:13]), tzinfo=dt.UTC)
    return utc.astimezone(TIMEZONE).replace(tzinfo=None)


_EXCEL_EPOCH = dt.date(1899, 12, 31)


def _excel_day(day: dt.date) -> int:
    """Excel's day number of a date (1900 date system, its 29 February 1900 included)."""
    number = (day - _EXCEL_EPOCH).days
    return number + 1 if number > 59 else number


class _Special(str):
    """XLSX text that needs care: formula-like (quote prefix) or ``<r>...</r>``."""

    __slots__ = ()


def _xlsx_text(text: str) -> str:
    if text[0] in FORMULA_START or (text.startswith("<r>") and text.endswith("</r>")):
        return _Special(text)
    return text


def _person(number: str, masked: bool) -> str:
    return mask(number) if masked else format_number(number)


# --- converting rows ------------------------------------------------------------------------
#
# Each export compiles one function that turns a batch of raw rows into the rows of the
# file: a list comprehension that unpacks each row into local names and builds the new
# row from one expression per chosen column, as namedtuple and dataclasses generate
# their code. A function call per value would cost more than the CSV writer itself for
# a million calls. The expressions (``{v}``: the raw value, a local name) use the names
# of the namespace built for the export (caches of local hours, topics, ...).

_CSV_EXPRESSIONS = {
    "same": "{v}",
    "datetime": "(None if {v} is None else HOURS[{v}[:13]] + {v}[13:19])",
    "date": "{v}",
    "bool": "(None if {v} is None else 'ja' if {v} else 'nej')",
    "text": "(QUOTE + {v} if {v} and {v}[0] in START else {v})",
    "person": "(PERSON({v}) if {v} else None)",
    "lookup": "LOOKUP_{index}[{v}]",
}
_XLSX_EXPRESSIONS = {
    "same": "{v}",
    "datetime": "(None if {v} is None else SERIAL({v}))",
    "date": "(None if {v} is None else DAYS[{v}])",
    "bool": "(None if {v} is None else 'ja' if {v} else 'nej')",
    "text": "(TEXT({v}) if {v} else None)",
    "person": "(PERSON({v}) if {v} else None)",
    "lookup": "LOOKUP_{index}[{v}]",
}


@lru_cache(maxsize=64)
def _compiled(expressions: tuple[str, ...], width: int) -> Any:
    values = ", ".join(f"v{index}" for index in range(width))
    source = (
        f"def convert(rows):\n    return [({', '.join(expressions)},) for ({values},) in rows]\n"
    )
    return compile(source, f"<{__name__} row converter>", "exec")


RowConverter = Callable[[Sequence[Sequence[Any]]], list[tuple[Any, ...]]]


def _row_converter(
    plan: Sequence[tuple[int, str]], width: int, expressions: dict[str, str], names: dict[str, Any]
) -> RowConverter:
    """The function converting a batch of raw rows of ``width`` values: ``plan`` lists
    (raw index, value kind) per column of the file."""
    code = _compiled(
        tuple(expressions[kind].format(v=f"v{index}", index=index) for index, kind in plan),
        width,
    )
    namespace = dict(names)
    exec(code, namespace)  # the code is built from the constant expressions above
    return cast(RowConverter, namespace["convert"])


def _csv_names(masked: bool) -> dict[str, Any]:
    return {
        "HOURS": _LocalHours(),
        "QUOTE": "'",
        "START": FORMULA_START,
        "PERSON": lambda number: guard_formula(_person(number, masked)),
    }


class _Days(dict[str, int]):
    """ISO date text → Excel day number."""

    def __missing__(self, key: str) -> int:
        value = self[key] = _excel_day(dt.date.fromisoformat(key))
        return value


def _xlsx_names(masked: bool) -> dict[str, Any]:
    hours = _SerialHours()

    def serial(text: str) -> float:
        """Excel's number of a UTC time text, in Swedish local time (whole seconds)."""
        day, seconds = hours[text[:13]]
        return day + (seconds + int(text[14:16]) * 60 + int(text[17:19])) / 86400

    return {
        "SERIAL": serial,
        "DAYS": _Days(),
        "TEXT": _xlsx_text,
        "PERSON": lambda number: _xlsx_text(_person(number, masked)),
    }


# --- the raw rows ---------------------------------------------------------------------------
#
# What the query gives is turned into one raw row per record in :func:`columns` order:
# the calls and the audit events as they come, the forms with their people added.
# Columns needing more than formatting get a lookup table (a dict filled on demand):
# the topic names of a call's topic ids, the audit details as readable JSON.


Converter = Callable[[Any], Any]
Assembler = Callable[[Sequence[Any]], Sequence[Sequence[Any]]]


class _Lookup(dict[Any, Any]):
    """A cache that computes a missing value with ``compute`` (then formatted by ``finish``)."""

    def __init__(self, compute: Converter, finish: Converter) -> None:
        super().__init__()
        self.compute = compute
        self.finish = finish

    def __missing__(self, key: Any) -> Any:
        value = self.compute(key)
        value = self[key] = None if value is None else self.finish(value)
        return value


def _topic_names(session: Session) -> Converter:
    """A call's topic ids as the database joins them ("3,7") → their names in the
    topics' order (as a call shows them), joined with ", "."""
    topics = {
        topic_id: (order, topic_id, name)
        for topic_id, order, name in session.execute(select(Topic.id, Topic.sort_order, Topic.name))
    }

    def names(key: str | None) -> str | None:
        if not key:
            return None
        found = sorted(topics[int(part)] for part in key.split(","))
        return ", ".join(name for _, _, name in found)

    return names


def _readable_json(text: str | None) -> str | None:
    """JSON as stored, but with å, ä and ö as themselves rather than \\u escapes."""
    if not text:
        return None
    return json.dumps(json.loads(text), ensure_ascii=False)


def _lookups(kind: ExportKind, session: Session) -> dict[str, Converter]:
    """Column key → the lookup computing its value from the raw one."""
    if kind is ExportKind.CALLS:
        return {"topics": _topic_names(session)}
    if kind is ExportKind.AUDIT:
        return {"details": _readable_json}
    return {}


def _assembler(kind: ExportKind, session: Session) -> Assembler | None:
    """What turns a batch of query rows into raw rows (None: they are already)."""
    if kind is not ExportKind.FORMS:
        return None
    measures: dict[str | None, str | None] = {}

    def measure_codes(text: str | None) -> str | None:
        if text not in measures:
            codes = json.loads(text) if text else []
            measures[text] = ", ".join(str(code) for code in codes) or None
        return measures[text]

    def assemble(batch: Sequence[Any]) -> list[tuple[Any, ...]]:
        parties = _parties_of(session, [row[0] for row in batch])
        return [_form_row(row, parties.get(row[0], []), measure_codes) for row in batch]

    return assemble


_TYPE_CODES = {member.value: code for code, member in TYPES.items()}
_INITIATOR_CODES = {member.value: code for code, member in INITIATORS.items()}
_MAIN_ROLES = (PartyRole.SUBJECT, PartyRole.CHILD)


def _parties_of(session: Session, form_ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    """The people of the forms, the person concerned (or the child) first."""
    p = FormParty
    stmt = (
        select(p.form_id, p.role, p.position, p.id_kind, p.id_number, p.birth_date, p.name)
        .add_columns(p.access_given)
        .where(p.form_id.in_(form_ids))
        .order_by(p.form_id, p.position)
    )
    found: dict[int, list[tuple[Any, ...]]] = {}
    for row in session.execute(stmt):
        found.setdefault(row[0], []).append(tuple(row))
    for people in found.values():
        people.sort(key=lambda person: (person[1] not in _MAIN_ROLES, person[2]))
    return found


def _form_row(
    row: Sequence[Any], people: list[tuple[Any, ...]], measure_codes: Converter
) -> tuple[Any, ...]:
    """One row of the forms export, in :func:`columns` order (values not yet formatted)."""
    first = people[0] if people else None
    values: list[Any] = [
        _TYPE_CODES[row[_F["form_type"]]],
        None if first is None else first[4],
        _INITIATOR_CODES.get(row[_F["initiator"]]),
        row[_F["signed_on"]],
        row[_F["received_on"]],
        row[_F["is_signed"]],
        row[_F["is_urgent"]],
        row[_F["orderer_name"]],
        row[_F["orderer_unit"]],
        row[_F["head_of_operations"]],
        row[_F["note"]],
        None if first is None else first[5].isoformat(),
        row[_F["id"]],
        row[_F["registry_number"]],
        row[_F["status"]],
        measure_codes(row[_F["measures"]]),
        row[_F["seal_scope"]],
        row[_F["scope_unit"]],
        row[_F["period_from"]],
        row[_F["period_to"]],
        row[_F["orderer_title"]],
        row[_F["orderer_phone"]],
        row[_F["it_support_phoned_at"]],
        row[_F["it_support_phoned_by"]],
        row[_F["registered_at"]],
        row[_F["executed_at"]],
        row[_F["confirmation_sent_at"]],
        row[_F["created_by"]],
        row[_F["version"]],
        row[_F["created_at"]],
        row[_F["updated_at"]],
    ]
    for number in range(MAX_PARTIES):
        person = people[number] if number < len(people) else None
        if person is None:
            values.extend([None] * (4 if number == 0 else 6))
            continue
        _, role, _, kind, id_number, born, name, access = person
        if number == 0:
            values.extend([role.value, kind.value, name, access])
        else:
            values.extend([role.value, id_number, kind.value, born.isoformat(), name, access])
    return tuple(values)


# --- writing ------------------------------------------------------------------------------------


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file next to ``path`` (hidden name) to write into.

    On normal exit the file replaces ``path`` (``os.replace``, atomic on one
    file system); on any exception, :class:`ExportCancelled` included, it is
    removed and the exception goes on. It is created readable by its owner only.

    Raises:
        KnownError: the temporary file cannot be created or cannot replace ``path``.
    """
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise _write_error(path, exc) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        try:
            os.replace(temporary, path)
        except OSError as exc:
            raise _write_error(path, exc) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_error(path: Path, exc: OSError) -> KnownError:
    return KnownError(MSG_WRITE_FAILED, file=path.name, reason=exc.strerror or str(exc))


@contextmanager
def _driver_rows(
    session: Session, stmt: Select[Any], params: dict[str, Any]
) -> Iterator[Callable[[int], list[Any]]]:
    """``fetchmany`` of the query run on the session's own driver connection.

    The rows come as the driver gives them (no SQLAlchemy row objects: a tenth of
    the time of a large export), from a server-side cursor on PostgreSQL. Driver
    errors are raised as SQLAlchemy's, like those of any other query.
    """
    conn = session.connection()
    dialect = conn.dialect
    compiled = stmt.compile(dialect=dialect)
    sql = str(compiled)
    values = _driver_parameters(compiled, dialect, params)
    error: type[Exception] = dialect.loaded_dbapi.Error
    driver: Any = conn.connection.dbapi_connection
    if dialect.name == "postgresql":
        cursor = driver.cursor(name=f"kansli_export_{os.getpid()}_{id(values)}")
    else:
        cursor = driver.cursor()

    def fetch(size: int) -> list[Any]:
        try:
            return cast(list[Any], cursor.fetchmany(size))
        except error as exc:
            raise DBAPIError.instance(sql, values, exc, error) from exc

    try:
        try:
            cursor.execute(sql, values)
        except error as exc:
            raise DBAPIError.instance(sql, values, exc, error) from exc
        yield fetch
    finally:
        with suppress(error):  # when the transaction failed, the cursor went with it
            cursor.close()


def _driver_parameters(compiled: Any, dialect: Any, params: dict[str, Any]) -> Any:
    """The statement's parameters as its driver takes them (converted by their types)."""
    values = compiled.construct_params(params)
    converted = {}
    for name, value in values.items():
        processor = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        converted[name] = value if processor is None else processor(value)
    if compiled.positional:
        return tuple(converted[name] for name in compiled.positiontup or ())
    return converted


def _value_kind(kind: ExportKind, column: ExportColumn, lookups: dict[str, Converter]) -> str:
    """How a column's raw values are turned into the file's (see the expressions)."""
    if column.key in lookups:
        return "lookup"
    if column.key in _PERSON_KEYS:
        return "person"
    if column.kind == "int" or column.key in _CODE_KEYS[kind]:
        return "same"
    return column.kind


class _Batches:
    """The rows of an export, batch by batch, formatted for the file."""

    def __init__(
        self,
        session: Session,
        request: ExportRequest,
        *,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
        total: int,
    ) -> None:
        self.session = session
        self.request = request
        self.chosen = [columns(request.kind)[index] for index in _selected(request)]
        self.progress = progress
        self.cancelled = cancelled
        self.total = total
        self.done = 0

    def _converter(self) -> RowConverter:
        request = self.request
        lookups = _lookups(request.kind, self.session)
        if request.format is ExportFormat.CSV:
            expressions, names = _CSV_EXPRESSIONS, _csv_names(request.masked)
            finish: Converter = guard_formula
        else:
            expressions, names = _XLSX_EXPRESSIONS, _xlsx_names(request.masked)
            finish = _xlsx_text
        plan = []
        positions = {column.key: index for index, column in enumerate(columns(request.kind))}
        for column in self.chosen:
            index = positions[column.key]
            plan.append((index, _value_kind(request.kind, column, lookups)))
            if column.key in lookups:
                names[f"LOOKUP_{index}"] = _Lookup(lookups[column.key], finish)
        return _row_converter(plan, len(positions), expressions, names)

    def __iter__(self) -> Generator[list[tuple[Any, ...]], None, None]:
        """Each batch's rows (tuples of the chosen columns' values, formatted)."""
        kind = self.request.kind
        dialect = self.session.connection().dialect.name
        assemble = _assembler(kind, self.session)
        convert = self._converter()
        if self.progress is not None:
            self.progress(0, self.total)
        period = _period(self.request.date_from, self.request.date_to)
        with _driver_rows(self.session, statement(kind, dialect), period) as fetch:
            while True:
                if self.cancelled is not None and self.cancelled():
                    raise ExportCancelled
                batch = fetch(BATCH_ROWS)
                if not batch:
                    break
                yield convert(batch if assemble is None else assemble(batch))
                self.done += len(batch)
                if self.progress is not None:
                    self.progress(self.done, max(self.total, self.done))


def _write_csv(path: Path, request: ExportRequest, headers: list[str], rows: _Batches) -> int:
    # The byte order mark written by hand: the "utf-8-sig" codec encodes in Python, row by row.
    with path.open("w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
        handle.write("\ufeff")
        writer = csv.writer(
            handle, delimiter=request.delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
        )
        writer.writerow(headers)
        with closing(iter(rows)) as batches:  # the cursor closes now, even on an error
            for batch in batches:
                writer.writerows(batch)
    return 1


def _write_xlsx(
    path: Path, request: ExportRequest, chosen: list[ExportColumn], rows: _Batches
) -> int:
    import xlsxwriter

    with tempfile.TemporaryDirectory(prefix="kansli-desk-export-") as scratch:
        book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "tmpdir": scratch,  # row data of constant-memory mode: removed with it
            },
        )
        try:
            sheets = _XlsxSheets(book, request.kind, chosen)
            with closing(iter(rows)) as batches:  # the cursor closes now, even on an error
                for batch in batches:
                    sheets.write(batch)
            book.close()
        except BaseException:
            _abandon(book)
            raise
        return sheets.count


def _abandon(book: Any) -> None:
    """Close the row-data files of an unfinished workbook (they are then removed)."""
    for sheet in book.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None:
            handle.close()


class _XlsxSheets:
    """Writes rows to a workbook, opening a new sheet every :data:`EXCEL_MAX_ROWS` rows."""

    def __init__(self, book: Any, kind: ExportKind, chosen: list[ExportColumn]) -> None:
        self.book = book
        self.name = SHEET_NAMES[kind]
        self.chosen = chosen
        self.header = book.add_format({"bold": True})
        self.quoted = book.add_format({"quote_prefix": True})
        self.formats = {
            "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        }
        self.count = 0
        self.sheet: Any = None
        self.row = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.count += 1
        name = self.name if self.count == 1 else f"{self.name} {self.count}"
        sheet = self.book.add_worksheet(name)
        sheet.add_write_handler(_Special, self._write_special)
        for index, column in enumerate(self.chosen):
            sheet.set_column(index, index, column.width, self.formats.get(column.kind))
            sheet.write_string(0, index, column.header, self.header)
        sheet.freeze_panes(1, 0)
        self.sheet = sheet
        self.row = 1

    def write(self, rows: Iterable[tuple[Any, ...]]) -> None:
        limit = EXCEL_MAX_ROWS
        for values in rows:
            if self.row >= limit:
                self._new_sheet()
            # Dates are numbers formatted by their column's date format.
            if self.sheet.write_row(self.row, 0, values):
                self._write_cells(values)
            self.row += 1

    def _write_cells(self, values: tuple[Any, ...]) -> None:
        """The row again, cell by cell: write_row stops at a cut (too long) text."""
        for index, value in enumerate(values):
            self.sheet.write(self.row, index, value)

    def _write_special(self, sheet: Any, row: int, col: int, *args: Any) -> int:
        text = str(args[0])[:XLSX_MAX_TEXT]
        if text.startswith("<r>") and text.endswith("</r>"):
            # Rich text runs are escaped; a plain "<r>...</r>" would go into the XML as is.
            result: int = sheet.write_rich_string(row, col, "<", "r", text[2:], self.quoted)
            return result
        written: int = sheet.write_string(row, col, text, self.quoted)
        return written


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the rows stream through.

    Every batch makes thousands of tuples (and xlsxwriter thousands of cell
    objects), none of them in a reference cycle; the collector's passes would
    walk the program's whole heap again and again, as in the form import's bulk
    pass. Reference counting still frees every batch; the collector runs again
    afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- the export ---------------------------------------------------------------------------

EMPTY_PERIOD_MESSAGES = {
    ExportKind.CALLS: MSG_NO_CALLS,
    ExportKind.FORMS: MSG_NO_FORMS,
    ExportKind.AUDIT: MSG_NO_EVENTS,
}


def export(
    session: Session,
    user: UserInfo,
    request: ExportRequest,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Write the records of the request's period to a CSV or XLSX file; audited.

    ``progress(done, total)`` is called after each batch of rows (and with 0 at
    the start); ``cancelled()`` is asked before each batch. The audit event is
    added (and flushed) before the file takes its name; the caller commits.
    ``now`` sets the audit event's time.

    Raises:
        ValidationError: the request is refused (see :func:`check_request`).
        KnownError: the period is empty, or the file cannot be written.
        ExportCancelled: ``cancelled()`` said so; no file was written.
        ValueError: a PDF was asked for (the GUI layer draws it).
    """
    if request.format is ExportFormat.PDF:
        raise ValueError("PDF reports are written by kansli_desk.ui.reports.pdf")
    check_request(user, request)
    total = count_rows(session, request.kind, request.date_from, request.date_to)
    if total == 0:
        raise KnownError(
            EMPTY_PERIOD_MESSAGES[request.kind],
            date_from=request.date_from.isoformat(),
            date_to=request.date_to.isoformat(),
        )
    rows = _Batches(session, request, progress=progress, cancelled=cancelled, total=total)
    chosen = rows.chosen
    with atomic_output(request.output) as temporary, _gc_paused():
        try:
            if request.format is ExportFormat.CSV:
                sheets = _write_csv(temporary, request, [c.header for c in chosen], rows)
            else:
                sheets = _write_xlsx(temporary, request, chosen, rows)
        except OSError as exc:
            raise _write_error(request.output, exc) from None
        _record(session, user, request, rows=rows.done, chosen=chosen, now=now)
        session.flush()
    return ExportResult(request.output, rows.done, sheets)


def record_export(session: Session, user: UserInfo, request: ExportRequest, *, rows: int) -> None:
    """Add the audit event of an export (also of a PDF report) to the session."""
    chosen = [columns(request.kind)[index] for index in _selected(request)]
    _record(session, user, request, rows=rows, chosen=chosen, now=None)


def _record(
    session: Session,
    user: UserInfo,
    request: ExportRequest,
    *,
    rows: int,
    chosen: list[ExportColumn],
    now: dt.datetime | None,
) -> None:
    event = audit.record(
        session,
        user,
        AuditAction.EXPORT,
        entity=request.kind.value,
        details={
            "kind": request.kind.value,
            "format": request.format.value,
            "from": request.date_from.isoformat(),
            "to": request.date_to.isoformat(),
            "rows": rows,
            "masked": request.masked,
            "file": request.output.name,
            "columns": [column.key for column in chosen],
        },
    )
    if now is not None:
        event.at = now
