"""Exports of the call log, the form register and the audit log
(kansli_desk.services.exports), on SQLite and PostgreSQL.

The files are read back (CSV with the csv module, XLSX with openpyxl) and compared
field by field with the database: Swedish letters, masked and unmasked identity
numbers, local times across both summer-time changes, and text that looks like a
formula (it must stay text: an apostrophe in CSV, a string cell with Excel's quote
prefix in XLSX). An unmasked forms export imports again into an empty register as
it was. Refused requests, cancelled and failed exports leave no file behind; every
export is in the audit log.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from kansli_desk.core.enums import (
    AuditAction,
    CallerKind,
    FormType,
    IdKind,
    Initiator,
    Outcome,
    PartyRole,
    Role,
)
from kansli_desk.core.identity import format_number, mask
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.models import AuditEvent, Call, Form, Topic, User, call_topics
from kansli_desk.services import exports, form_import, forms
from kansli_desk.services.database import Database, DatabaseLocation, open_database
from kansli_desk.services.exports import (
    ExportCancelled,
    ExportFormat,
    ExportKind,
    ExportRequest,
)
from kansli_desk.services.forms import PartyInput
from kansli_desk.services.roles import NotAllowed
from kansli_desk.services.users import UserInfo
from tests.conftest import PostgresServer
from tests.services.test_forms import (
    CHILD_8,
    CHILD_14,
    GUARDIAN_1,
    GUARDIAN_2,
    PERSON,
    guardian_form,
    minor,
    restore,
    seal,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
AUDIT_PERIOD = (dt.date(2026, 1, 1), forms.today_in_sweden() + dt.timedelta(days=1))
"""Audit events are stamped with the real time: the period reaches past today."""
FORMULAS = ["=1+1", "@SUM(A1)", "-2", "+46 70 123 45 67", "\tx", "\rx", "=cmd|' /C calc'!A0"]
MARKUP = "<r><t>x</t></r>"
SWEDISH = 'Åsa Öberg på Vårdcentralen Ängelholm; "citat", rad 1\nrad 2'


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)


# --- data ------------------------------------------------------------------------------------


@pytest.fixture
def people(database: Database) -> dict[str, UserInfo]:
    """A supervisor, an advisor (with a formula-looking display name), a clerk."""
    found = {}
    with database.transaction() as session:
        for username, name, role in [
            ("chef", "Chef Åkesson", Role.SUPERVISOR),
            ("sara", "=Sara Ärlig", Role.ADVISOR),
            ("reg", "Registrator Ödman", Role.REGISTRAR),
        ]:
            user = User(username=username, display_name=name, role=role)
            session.add(user)
            session.flush()
            found[username] = UserInfo(user.id, username, name, role)
    return found


@pytest.fixture
def supervisor(people: dict[str, UserInfo]) -> UserInfo:
    return people["chef"]


def register(session: Any, clerk: UserInfo, data: forms.FormInput) -> int:
    return forms.register_form(session, clerk, data, today=TODAY, now=NOW).id


@pytest.fixture
def register_forms(database: Database, people: dict[str, UserInfo]) -> list[int]:
    """Forms of the four types, with Swedish letters, formula-looking text and a
    reservnummer that starts with "-"."""
    clerk = people["reg"]
    inputs = [
        seal(note="=1+1 Åsa", orderer_name="Örjan Åberg", orderer_phone="+46 70-123 45 67"),
        restore(note="@SUM(A1)", is_urgent=True, it_support_phoned_at=NOW,
                it_support_phoned_by="-Kalle"),
        guardian_form(
            parties=(
                PartyInput(PartyRole.CHILD, CHILD_8),
                PartyInput(PartyRole.GUARDIAN, GUARDIAN_1, name="Gun Ödberg"),
                PartyInput(PartyRole.GUARDIAN, GUARDIAN_2),
            ),
            note="-2",
        ),
        minor(CHILD_14, is_signed=False, signed_on=None, note=MARKUP),
        seal(
            parties=(PartyInput(PartyRole.SUBJECT, "-R1234", birth_date=dt.date(1950, 5, 5)),),
            note=SWEDISH,
            received_on=dt.date(2026, 3, 29),
            signed_on=dt.date(2026, 3, 27),
        ),
    ]  # fmt: skip
    with database.transaction() as session:
        ids = [register(session, clerk, data) for data in inputs]
        form = session.get(Form, ids[0])
        assert form is not None
        form.executed_at = utc(2026, 11, 24, 23, 5, 0)  # the 25th in Sweden
        form.confirmation_sent_at = utc(2026, 11, 25, 8, 0, 1)
    return ids


@pytest.fixture
def calls_made(
    database: Database, people: dict[str, UserInfo], register_forms: list[int]
) -> list[int]:
    """Calls around both summer-time changes, with every field used and hard text."""
    advisor = people["sara"]
    with database.transaction() as session:
        formula_topic = Topic(code="formula", name='=HYPERLINK("x")', sort_order=5)
        session.add(formula_topic)
        session.flush()
        topics = session.scalars(sa.select(Topic).order_by(Topic.sort_order)).all()
        form_id = register_forms[0]
        specs: list[dict[str, Any]] = [
            # 01:30 CET, the last winter hour before the spring change
            {"started_at": utc(2026, 3, 29, 0, 30, 5), "notes": "=1+1", "person_number": PERSON,
             "topics": [topics[3], topics[1]], "duration_seconds": 125},
            # 03:30 CEST, just after it
            {"started_at": utc(2026, 3, 29, 1, 30), "notes": "@SUM(A1)",
             "callback_phone": "+46 70 123 45 67", "callback_due_at": utc(2026, 3, 30, 8, 0),
             "callback_done_at": utc(2026, 3, 30, 9, 15, 42), "topics": [formula_topic],
             "outcome": Outcome.CALLBACK},
            # 02:30 CEST and 02:30 CET on the autumn change day
            {"started_at": utc(2026, 10, 25, 0, 30), "notes": "-2", "form_id": form_id},
            {"started_at": utc(2026, 10, 25, 1, 30), "notes": "\tx", "duration_seconds": None},
            {"started_at": dt.datetime(2026, 7, 1, 10, 0, 5, 123456, tzinfo=dt.UTC),
             "notes": "\rx", "person_number": CHILD_14.replace("-", "")},
            {"started_at": utc(2026, 7, 1, 10, 0, 5), "notes": MARKUP},
            {"started_at": utc(2026, 12, 31, 22, 59, 59), "notes": SWEDISH,
             "caller_kind": CallerKind.GUARDIAN},
        ]  # fmt: skip
        ids = []
        for spec in specs:
            topic_list = spec.pop("topics", [topics[0]])
            person = spec.pop("person_number", None)
            call = Call(
                advisor_id=advisor.id,
                caller_kind=spec.pop("caller_kind", CallerKind.CITIZEN),
                outcome=spec.pop("outcome", Outcome.ANSWERED),
                duration_seconds=spec.pop("duration_seconds", 60),
                person_number=None if person is None else person.replace("-", ""),
                created_at=spec["started_at"],
                updated_at=spec["started_at"] + dt.timedelta(minutes=3),
                **spec,
            )
            session.add(call)
            session.flush()
            add_topics(session, call, topic_list)
            ids.append(call.id)
        # Outside the year, by a second on either side (Swedish days).
        for started in (utc(2025, 12, 31, 22, 59, 59), utc(2026, 12, 31, 23, 0, 0)):
            call = Call(
                started_at=started, advisor_id=advisor.id, caller_kind=CallerKind.OTHER,
                outcome=Outcome.ANSWERED, notes="utanför", created_at=started,
                updated_at=started,
            )  # fmt: skip
            session.add(call)
            session.flush()
            add_topics(session, call, [topics[0]])
    return ids


def add_topics(session: Any, call: Call, topics: list[Topic]) -> None:
    session.execute(
        sa.insert(call_topics),
        [{"call_id": call.id, "topic_id": t.id, "started_at": call.started_at} for t in topics],
    )


# --- expected values, straight from the database ---------------------------------------------


def local(value: dt.datetime | None) -> dt.datetime | None:
    """What the files show for a time: Swedish local time, whole seconds, naive."""
    if value is None:
        return None
    return value.astimezone(STOCKHOLM).replace(tzinfo=None, microsecond=0)


def number(value: str | None, masked: bool) -> str | None:
    if not value:
        return None
    return mask(value) if masked else format_number(value)


def expected_calls(database: Database, masked: bool = True) -> list[list[Any]]:
    low, high = day_start(YEAR[0]), day_start(YEAR[1] + dt.timedelta(days=1))
    with database.transaction() as session:
        calls = session.scalars(
            sa.select(Call)
            .where(Call.started_at >= low, Call.started_at < high)
            .order_by(Call.started_at, Call.id)
        ).all()
        rows = []
        for call in calls:
            form = None if call.form_id is None else session.get(Form, call.form_id)
            rows.append(
                [
                    call.id, local(call.started_at), call.duration_seconds,
                    call.advisor.username, call.advisor.display_name, call.caller_kind.value,
                    call.outcome.value, ", ".join(topic.name for topic in call.topics),
                    call.notes, number(call.person_number, masked), call.callback_phone,
                    local(call.callback_due_at), local(call.callback_done_at),
                    None if form is None else form.registry_number, call.version,
                    local(call.created_at), local(call.updated_at),
                ]
            )  # fmt: skip
    return rows


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), STOCKHOLM).astimezone(dt.UTC)


def yes_no(value: bool | None) -> str | None:
    return None if value is None else "ja" if value else "nej"


TYPE_CODES = {member: code for code, member in form_import.TYPES.items()}
INITIATOR_CODES = {member: code for code, member in form_import.INITIATORS.items()}


def expected_forms(database: Database, masked: bool = True) -> list[list[Any]]:
    with database.transaction() as session:
        found = session.scalars(
            sa.select(Form)
            .where(Form.received_on >= YEAR[0], Form.received_on <= YEAR[1])
            .order_by(Form.received_on, Form.id)
        ).all()
        rows = []
        for form in found:
            people = sorted(
                form.parties,
                key=lambda p: (p.role not in (PartyRole.SUBJECT, PartyRole.CHILD), p.position),
            )
            first = people[0]
            creator = session.get(User, form.created_by_id) if form.created_by_id else None
            row: list[Any] = [
                TYPE_CODES[form.form_type], number(first.id_number, masked),
                None if form.initiator is None else INITIATOR_CODES[form.initiator],
                form.signed_on, form.received_on, yes_no(form.is_signed), yes_no(form.is_urgent),
                form.orderer_name, form.orderer_unit, form.head_of_operations, form.note,
                first.birth_date, form.id, form.registry_number, form.status.value,
                ", ".join(form.measures) or None,
                None if form.seal_scope is None else form.seal_scope.value,
                form.scope_unit, form.period_from, form.period_to, form.orderer_title,
                form.orderer_phone, local(form.it_support_phoned_at), form.it_support_phoned_by,
                local(form.registered_at), local(form.executed_at),
                local(form.confirmation_sent_at), None if creator is None else creator.username,
                form.version, local(form.created_at), local(form.updated_at),
                first.role.value, first.id_kind.value, first.name, yes_no(first.access_given),
            ]  # fmt: skip
            for index in (1, 2):
                if index < len(people):
                    p = people[index]
                    row += [p.role.value, number(p.id_number, masked), p.id_kind.value,
                            p.birth_date, p.name, yes_no(p.access_given)]  # fmt: skip
                else:
                    row += [None] * 6
            rows.append(row)
    return rows


def expected_audit(database: Database, masked: bool = True) -> list[list[Any]]:
    low = day_start(AUDIT_PERIOD[0])
    high = day_start(AUDIT_PERIOD[1] + dt.timedelta(days=1))
    with database.transaction() as session:
        events = session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.at >= low, AuditEvent.at < high)
            .order_by(AuditEvent.at, AuditEvent.id)
        ).all()
        return [
            [
                e.id,
                local(e.at),
                e.username,
                e.role,
                e.action.value,
                e.entity,
                e.entity_id,
                number(e.person_number, masked),
                e.details,
                e.workstation,
            ]
            for e in events
        ]


EXPECTED: dict[ExportKind, Callable[..., list[list[Any]]]] = {
    ExportKind.CALLS: expected_calls,
    ExportKind.FORMS: expected_forms,
    ExportKind.AUDIT: expected_audit,
}


def as_csv(value: Any, kind: str) -> str:
    """What the CSV file holds for an expected value."""
    if value is None or value == "":
        return ""
    if kind == "datetime":
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if kind == "date":
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return "'" + text if text[0] in "=+-@\t\r" else text


def as_xlsx(value: Any, kind: str) -> Any:
    """What openpyxl reads from the XLSX file for an expected value."""
    if value is None or value == "":
        return None
    if kind == "date":
        return dt.datetime.combine(value, dt.time(0))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


# --- reading the files -----------------------------------------------------------------------


def read_csv(path: Path, delimiter: str = ";") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    assert b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


_ESCAPE = re.compile(r"_x([0-9A-F]{4})_")


def unescape(value: Any) -> Any:
    """openpyxl leaves Excel's _xHHHH_ escapes of control characters in text; Excel does not."""
    if isinstance(value, str):
        return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value)
    return value


def read_xlsx(path: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(path)


def column_widths(sheet: Any) -> dict[int, int]:
    """Column number → width in characters (xlsxwriter adds a padding of 0.71)."""
    found = {}
    for dimension in sheet.column_dimensions.values():
        if dimension.customWidth:
            for number in range(dimension.min, dimension.max + 1):
                found[number] = int(dimension.width)
    return found


def do_export(
    database: Database, user: UserInfo, request: ExportRequest, **kwargs: Any
) -> exports.ExportResult:
    with database.transaction() as session:
        return exports.export(session, user, request, **kwargs)


def request_for(
    kind: ExportKind, file_format: ExportFormat, output: Path | None = None, **changes: Any
) -> ExportRequest:
    first, last = AUDIT_PERIOD if kind is ExportKind.AUDIT else YEAR
    values: dict[str, Any] = {
        "kind": kind, "date_from": first, "date_to": last, "format": file_format,
        "output": output,
    }  # fmt: skip
    values.update(changes)
    assert values["output"] is not None
    return ExportRequest(**values)


def export_events(database: Database) -> list[AuditEvent]:
    with database.transaction() as session:
        return list(
            session.scalars(
                sa.select(AuditEvent)
                .where(AuditEvent.action == AuditAction.EXPORT)
                .order_by(AuditEvent.id)
            )
        )


# --- the columns -----------------------------------------------------------------------------


def test_columns_have_a_stable_documented_order() -> None:
    calls = [c.key for c in exports.columns(ExportKind.CALLS)]
    assert calls == [
        "id", "started_at", "duration_seconds", "advisor_username", "advisor_name",
        "caller_kind", "outcome", "topics", "notes", "person_number", "callback_phone",
        "callback_due_at", "callback_done_at", "form_registry_number", "version",
        "created_at", "updated_at",
    ]  # fmt: skip
    assert [c.header for c in exports.columns(ExportKind.CALLS)][:3] == [
        "Samtals-id", "Starttid", "Längd (sekunder)",
    ]  # fmt: skip
    forms_columns = exports.columns(ExportKind.FORMS)
    assert [c.header for c in forms_columns[:12]] == list(form_import.COLUMNS)
    headers = [c.header.casefold() for c in forms_columns[12:]]
    assert not set(headers) & set(form_import.COLUMNS), "no clash with the import's names"
    audit = [c.key for c in exports.columns(ExportKind.AUDIT)]
    assert audit == [
        "id", "at", "username", "role", "action", "entity", "entity_id", "person_number",
        "details", "workstation",
    ]  # fmt: skip
    for kind in ExportKind:
        found = exports.columns(kind)
        assert len({c.key for c in found}) == len(found)
        assert len({c.header for c in found}) == len(found)
        assert {c.kind for c in found} <= {"text", "int", "date", "datetime", "bool"}
        assert all(c.width > 0 for c in found)
    for kind in (ExportKind.CALLS, ExportKind.AUDIT):  # the query gives the columns in order
        assert len(exports.statement(kind, "sqlite").selected_columns) == len(exports.columns(kind))


def test_guard_formula() -> None:
    for text in FORMULAS:
        assert exports.guard_formula(text) == "'" + text
    for text in ("", "a=1", "'=1", "Åsa", " =1", "1-2"):
        assert exports.guard_formula(text) == text


# --- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ExportKind))
def test_csv_matches_the_database_masked(
    database: Database,
    supervisor: UserInfo,
    calls_made: list[int],
    tmp_path: Path,
    kind: ExportKind,
) -> None:
    expected = EXPECTED[kind](database)  # before the export adds its own audit event
    output = tmp_path / f"{kind}.csv"
    result = do_export(database, supervisor, request_for(kind, ExportFormat.CSV, output))
    rows = read_csv(output)
    columns = exports.columns(kind)
    assert rows[0] == [c.header for c in columns]
    assert result == exports.ExportResult(output, len(expected), 1)
    assert len(rows) - 1 == len(expected) > 0
    for got, want in zip(rows[1:], expected, strict=True):
        assert got == [as_csv(v, c.kind) for v, c in zip(want, columns, strict=True)]
    text = output.read_text(encoding="utf-8-sig")
    for full in (PERSON, CHILD_14):
        assert full not in text and full.replace("-", "") not in text


def test_csv_calls_hold_what_was_logged(
    database: Database, supervisor: UserInfo, calls_made: list[int], tmp_path: Path
) -> None:
    """Spot checks of the comparison above, written out by hand."""
    output = tmp_path / "calls.csv"
    do_export(database, supervisor, request_for(ExportKind.CALLS, ExportFormat.CSV, output))
    rows = {row[0]: row for row in read_csv(output)[1:]}
    assert len(rows) == 7  # not the two calls a second outside the year
    first, second, third, fourth = (rows[str(calls_made[i])] for i in range(4))
    assert first[1] == "2026-03-29 01:30:05"  # CET
    assert second[1] == "2026-03-29 03:30:00"  # CEST
    assert (third[1], fourth[1]) == ("2026-10-25 02:30:00", "2026-10-25 02:30:00")
    assert first[8] == "'=1+1" and second[8] == "'@SUM(A1)" and third[8] == "'-2"
    assert fourth[8] == "'\tx" and rows[str(calls_made[4])][8] == "'\rx"
    assert first[9] == PERSON[:8] + "-XXXX"
    assert second[7] == '\'=HYPERLINK("x")'
    assert second[10] == "'+46 70 123 45 67"
    assert second[11:13] == ["2026-03-30 10:00:00", "2026-03-30 11:15:42"]
    assert third[13].startswith("KD-2026-")
    assert first[4] == "'=Sara Ärlig" and rows[str(calls_made[6])][8] == SWEDISH
    assert first[7].count(", ") == 1


def test_csv_with_comma_and_unmasked(
    database: Database, supervisor: UserInfo, calls_made: list[int], tmp_path: Path
) -> None:
    expected = expected_calls(database, masked=False)
    output = tmp_path / "calls.csv"
    request = request_for(ExportKind.CALLS, ExportFormat.CSV, output, delimiter=",", masked=False)
    do_export(database, supervisor, request)
    rows = read_csv(output, delimiter=",")
    columns = exports.columns(ExportKind.CALLS)
    for got, want in zip(rows[1:], expected, strict=True):
        assert got == [as_csv(v, c.kind) for v, c in zip(want, columns, strict=True)]
    assert PERSON in output.read_text(encoding="utf-8-sig")
    assert output.read_bytes().splitlines()[0].count(b",") == len(columns) - 1
    [event] = export_events(database)
    assert event.details["masked"] is False


def test_chosen_columns_in_column_order(
    database: Database, supervisor: UserInfo, calls_made: list[int], tmp_path: Path
) -> None:
    output = tmp_path / "few.csv"
    request = request_for(
        ExportKind.CALLS, ExportFormat.CSV, output, columns=("notes", "topics", "id")
    )
    do_export(database, supervisor, request)
    rows = read_csv(output)
    assert rows[0] == ["Samtals-id", "Ämnen", "Anteckningar"]
    assert [row[0] for row in rows[1:]] == [str(row[0]) for row in expected_calls(database)]
    assert all(len(row) == 3 for row in rows)
    [event] = export_events(database)
    assert event.details["columns"] == ["id", "topics", "notes"]


# --- XLSX ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ExportKind))
def test_xlsx_matches_the_database(
    database: Database,
    supervisor: UserInfo,
    calls_made: list[int],
    tmp_path: Path,
    kind: ExportKind,
) -> None:
    expected = EXPECTED[kind](database)
    output = tmp_path / f"{kind}.xlsx"
    result = do_export(database, supervisor, request_for(kind, ExportFormat.XLSX, output))
    assert (result.rows, result.sheets) == (len(expected), 1)
    book = read_xlsx(output)
    [sheet] = book.worksheets
    assert sheet.title == exports.SHEET_NAMES[kind]
    assert sheet.freeze_panes == "A2"
    columns = exports.columns(kind)
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]] == [c.header for c in columns]
    assert all(cell.font.b for cell in rows[0])
    assert column_widths(sheet) == {i: c.width for i, c in enumerate(columns, start=1)}
    assert len(rows) - 1 == len(expected)
    for cells, want in zip(rows[1:], expected, strict=True):
        for cell, value, column in zip(cells, want, columns, strict=True):
            assert unescape(cell.value) == as_xlsx(value, column.kind), column.key
            if cell.value is None:
                continue
            if column.kind in ("date", "datetime"):
                assert cell.is_date and isinstance(cell.value, dt.datetime), column.key
            elif column.kind == "int":
                assert cell.data_type == "n", column.key
            else:
                assert cell.data_type == "s", column.key  # text, never a formula
                text = unescape(cell.value)
                special = text[0] in "=+-@\t\r" or (text[:3] == "<r>" and text[-4:] == "</r>")
                assert cell.quotePrefix == special, column.key
    with zipfile.ZipFile(output) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml, "no formula anywhere"


def test_xlsx_text_shaped_like_markup_stays_text(
    database: Database, supervisor: UserInfo, calls_made: list[int], tmp_path: Path
) -> None:
    """xlsxwriter's constant-memory mode copies "<r>...</r>" strings into the XML as is;
    such a note could otherwise add cells, formulas included, to the sheet."""
    attack = '<r><t>a</t></r></is></c><c r="Z1"><f>HYPERLINK("http://x")</f></c><c><is><r></r>'
    with database.transaction() as session:
        call = session.get(Call, calls_made[0])
        assert call is not None
        call.notes = attack
    output = tmp_path / "calls.xlsx"
    do_export(database, supervisor, request_for(ExportKind.CALLS, ExportFormat.XLSX, output))
    sheet = read_xlsx(output).worksheets[0]
    notes = [row[8] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert attack in notes and MARKUP in notes
    assert sheet["Z1"].value is None
    with zipfile.ZipFile(output) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_xlsx_rows_continue_on_new_sheets(
    database: Database,
    supervisor: UserInfo,
    calls_made: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(exports, "EXCEL_MAX_ROWS", 4)  # a header and three rows a sheet
    monkeypatch.setattr(exports, "BATCH_ROWS", 2)
    expected = expected_calls(database)
    output = tmp_path / "calls.xlsx"
    result = do_export(
        database, supervisor, request_for(ExportKind.CALLS, ExportFormat.XLSX, output)
    )
    assert (result.rows, result.sheets) == (7, 3)
    book = read_xlsx(output)
    assert [s.title for s in book.worksheets] == ["Samtal", "Samtal 2", "Samtal 3"]
    ids = []
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "Samtals-id" and sheet.freeze_panes == "A2"
        assert len(rows) <= 4
        ids += [row[0] for row in rows[1:]]
    assert ids == [row[0] for row in expected]


# --- forms: export and import again ----------------------------------------------------------


@pytest.fixture
def empty_database(
    backend: str,
    tmp_path: Path,
    sqlite_template: Path,
    postgres_server: PostgresServer | None,
) -> Iterator[Database]:
    """A second, empty (migrated) database of the same kind."""
    if backend == "sqlite":
        path = tmp_path / "empty.sqlite3"
        shutil.copy(sqlite_template, path)
        location = DatabaseLocation(sa.engine.make_url(f"sqlite:///{path}"))
        database = open_database(location).database
        yield database
        database.close()
        return
    assert postgres_server is not None
    location = postgres_server.create()
    database = open_database(location).database
    yield database
    database.close()
    postgres_server.drop(location)


IMPORTED_FIELDS = (
    "form_type", "received_on", "signed_on", "is_signed", "is_urgent", "initiator",
    "orderer_name", "orderer_unit", "head_of_operations", "note",
)  # fmt: skip


def imported_fields(database: Database) -> list[tuple[Any, ...]]:
    with database.transaction() as session:
        found = []
        for form in session.scalars(sa.select(Form).order_by(Form.received_on, Form.id)):
            main = next(p for p in form.parties if p.role in (PartyRole.SUBJECT, PartyRole.CHILD))
            found.append(
                (
                    *(getattr(form, name) for name in IMPORTED_FIELDS),
                    main.role,
                    main.id_kind,
                    main.id_number,
                    main.birth_date,
                )
            )
        return found


@pytest.mark.parametrize("file_format", [ExportFormat.CSV, ExportFormat.XLSX])
def test_unmasked_forms_export_imports_again(
    database: Database,
    supervisor: UserInfo,
    register_forms: list[int],
    empty_database: Database,
    tmp_path: Path,
    file_format: ExportFormat,
) -> None:
    output = tmp_path / f"register.{file_format}"
    request = request_for(ExportKind.FORMS, file_format, output, masked=False)
    do_export(database, supervisor, request)
    with empty_database.transaction() as session:
        clerk = User(username="ny", role=Role.REGISTRAR)
        session.add(clerk)
        session.flush()
        user = UserInfo(clerk.id, clerk.username, "", clerk.role)
        result = form_import.import_forms(session, user, output, today=TODAY)
    assert result.registered == len(register_forms) == 5
    before, after = imported_fields(database), imported_fields(empty_database)
    assert after == before
    notes = {row[IMPORTED_FIELDS.index("note")] for row in after}
    assert {"=1+1 Åsa", "@SUM(A1)", "-2", MARKUP, SWEDISH} == notes
    assert any(row[-2] == "-R1234" and row[-3] is IdKind.RESERVNUMMER for row in after)
    assert {row[0] for row in after} == set(FormType)
    assert Initiator.STAFF in {row[5] for row in after}


def test_masked_forms_export_hides_every_number(
    database: Database, supervisor: UserInfo, register_forms: list[int], tmp_path: Path
) -> None:
    output = tmp_path / "register.csv"
    do_export(database, supervisor, request_for(ExportKind.FORMS, ExportFormat.CSV, output))
    text = output.read_text(encoding="utf-8-sig")
    for full in (PERSON, CHILD_8, CHILD_14, GUARDIAN_1, GUARDIAN_2):
        assert full not in text and full.replace("-", "") not in text
        assert full[:8] + "-XXXX" in text
    assert "R1234" not in text and ";'-R-XXXX;" in text  # the reservnummer's last four hidden
    rows = read_csv(output)
    guardian = next(row for row in rows[1:] if row[0] == "vardnadshavare")
    headers = rows[0]
    assert guardian[headers.index("Person 2 namn")] == "Gun Ödberg"
    assert guardian[headers.index("Person 3 nummer")] == GUARDIAN_2[:8] + "-XXXX"


# --- the audit log ---------------------------------------------------------------------------


def test_every_export_is_audited(
    database: Database, supervisor: UserInfo, calls_made: list[int], tmp_path: Path
) -> None:
    output = tmp_path / "calls.xlsx"
    when = utc(2026, 11, 25, 10, 0)
    do_export(
        database,
        supervisor,
        request_for(ExportKind.CALLS, ExportFormat.XLSX, output, masked=False),
        now=when,
    )
    [event] = export_events(database)
    assert (event.username, event.role, event.entity, event.at) == (
        "chef", "supervisor", "calls", when,
    )  # fmt: skip
    assert event.entity_id is None and event.person_number is None
    assert event.details == {
        "kind": "calls",
        "format": "xlsx",
        "from": "2026-01-01",
        "to": "2026-12-31",
        "rows": 7,
        "masked": False,
        "file": "calls.xlsx",
        "columns": [c.key for c in exports.columns(ExportKind.CALLS)],
    }


def test_record_export_for_a_report(
    database: Database, supervisor: UserInfo, tmp_path: Path
) -> None:
    request = request_for(ExportKind.AUDIT, ExportFormat.PDF, tmp_path / "rapport.pdf")
    with database.transaction() as session:
        exports.record_export(session, supervisor, request, rows=12)
    [event] = export_events(database)
    assert event.details["format"] == "pdf" and event.details["rows"] == 12
    assert event.details["file"] == "rapport.pdf" and event.entity == "audit"


# --- refused requests ------------------------------------------------------------------------


@pytest.mark.parametrize("masked", [True, False])
def test_only_supervisors_export(
    database: Database,
    people: dict[str, UserInfo],
    calls_made: list[int],
    tmp_path: Path,
    masked: bool,
) -> None:
    output = tmp_path / "calls.csv"
    for username in ("sara", "reg"):
        # Unmasked: refused at the "masked" choice; masked: refused by the role matrix.
        with pytest.raises(KnownError) as info:
            do_export(
                database,
                people[username],
                request_for(ExportKind.CALLS, ExportFormat.CSV, output, masked=masked),
            )
        assert isinstance(info.value, NotAllowed if masked else ValidationError)
        assert getattr(info.value, "field", None) == (None if masked else "masked")
        assert "supervisor" in info.value.message()
    assert not output.exists()
    assert export_events(database) == []


def bad_requests(tmp_path: Path) -> list[tuple[dict[str, Any], str]]:
    folder = tmp_path / "folder"
    folder.mkdir()
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("x")
    return [
        ({"date_from": dt.date(2026, 2, 1), "date_to": dt.date(2026, 1, 31)}, "date_from"),
        ({"output": tmp_path / "missing" / "x.csv"}, "output"),
        ({"output": a_file / "x.csv"}, "output"),
        ({"output": folder}, "output"),
        ({"delimiter": "\t"}, "delimiter"),
        ({"columns": ("id", "no_such_column")}, "columns"),
        ({"columns": ()}, "columns"),
    ]


def test_bad_requests_are_refused(
    database: Database, supervisor: UserInfo, calls_made: list[int], tmp_path: Path
) -> None:
    for changes, field in bad_requests(tmp_path):
        changes.setdefault("output", tmp_path / "out.csv")
        request = request_for(ExportKind.CALLS, ExportFormat.CSV, **changes)
        with pytest.raises(ValidationError) as info:
            exports.check_request(supervisor, request)
        assert info.value.field == field, changes
        with pytest.raises(ValidationError):
            do_export(database, supervisor, request)
    assert not (tmp_path / "out.csv").exists()
    assert export_events(database) == []


def test_unwritable_folder_is_refused(
    supervisor: UserInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == tmp_path and mode & os.W_OK:
            return False  # root may write anywhere: pretend the folder is read-only
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(exports.os, "access", access)
    request = request_for(ExportKind.CALLS, ExportFormat.CSV, tmp_path / "out.csv")
    with pytest.raises(ValidationError) as info:
        exports.check_request(supervisor, request)
    assert info.value.field == "output" and str(tmp_path) in info.value.message()


def test_an_empty_period_writes_nothing(
    database: Database, supervisor: UserInfo, calls_made: list[int], tmp_path: Path
) -> None:
    for kind in ExportKind:
        output = tmp_path / f"{kind}.csv"
        request = request_for(
            kind, ExportFormat.CSV, output, date_from=dt.date(2020, 1, 1),
            date_to=dt.date(2020, 12, 31),
        )  # fmt: skip
        with pytest.raises(KnownError) as info:
            do_export(database, supervisor, request)
        assert "2020-01-01" in info.value.message() and "Nothing was exported" in str(info.value)
        assert not output.exists()
    assert export_events(database) == []


def test_pdf_is_drawn_by_the_gui_layer(
    database: Database, supervisor: UserInfo, tmp_path: Path
) -> None:
    request = request_for(ExportKind.CALLS, ExportFormat.PDF, tmp_path / "r.pdf")
    exports.check_request(supervisor, request)  # a valid request...
    with pytest.raises(ValueError, match="PDF"):
        do_export(database, supervisor, request)  # ...that this function does not write


# --- the period ------------------------------------------------------------------------------


def test_periods_are_swedish_days(
    database: Database, calls_made: list[int], register_forms: list[int]
) -> None:
    with database.transaction() as session:
        assert exports.count_rows(session, ExportKind.CALLS, *YEAR) == 7
        # 2025-12-31 23:59:59 and 2027-01-01 00:00:00 in Sweden: outside the year
        assert (
            exports.count_rows(
                session, ExportKind.CALLS, dt.date(2025, 12, 31), dt.date(2025, 12, 31)
            )
            == 1
        )
        assert (
            exports.count_rows(session, ExportKind.CALLS, dt.date(2027, 1, 1), dt.date(2027, 1, 1))
            == 1
        )
        assert (
            exports.count_rows(
                session, ExportKind.CALLS, dt.date(2026, 3, 29), dt.date(2026, 3, 29)
            )
            == 2
        )
        assert exports.count_rows(session, ExportKind.FORMS, *YEAR) == 5
        assert (
            exports.count_rows(
                session, ExportKind.FORMS, dt.date(2026, 3, 29), dt.date(2026, 3, 29)
            )
            == 1
        )
        assert exports.count_rows(session, ExportKind.AUDIT, *AUDIT_PERIOD) > 0
        assert (
            exports.count_rows(
                session, ExportKind.AUDIT, dt.date(2099, 1, 1), dt.date(2099, 12, 31)
            )
            == 0
        )


# --- progress, cancel, failure ---------------------------------------------------------------


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "BATCH_ROWS", 3)


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder for the test (where xlsxwriter keeps its row data)."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("file_format", [ExportFormat.CSV, ExportFormat.XLSX])
def test_progress_is_reported_per_batch(
    database: Database,
    supervisor: UserInfo,
    calls_made: list[int],
    tmp_path: Path,
    small_batches: None,
    file_format: ExportFormat,
) -> None:
    seen: list[tuple[int, int]] = []
    output = tmp_path / f"calls.{file_format}"
    do_export(
        database,
        supervisor,
        request_for(ExportKind.CALLS, file_format, output),
        progress=lambda done, total: seen.append((done, total)),
        cancelled=lambda: False,
    )
    assert seen == [(0, 7), (3, 7), (6, 7), (7, 7)]


@pytest.mark.parametrize("file_format", [ExportFormat.CSV, ExportFormat.XLSX])
def test_a_cancelled_export_leaves_nothing(
    database: Database,
    supervisor: UserInfo,
    calls_made: list[int],
    tmp_path: Path,
    small_batches: None,
    scratch: Path,
    file_format: ExportFormat,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    output = folder / f"calls.{file_format}"
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 2  # after two batches were written

    with pytest.raises(ExportCancelled) as info:
        do_export(
            database,
            supervisor,
            request_for(ExportKind.CALLS, file_format, output),
            cancelled=cancelled,
        )
    assert "cancelled" in info.value.message()
    assert leftovers(folder) == [] and leftovers(scratch) == []
    assert export_events(database) == []


@pytest.mark.parametrize("file_format", [ExportFormat.CSV, ExportFormat.XLSX])
def test_a_failed_export_leaves_the_old_file_alone(
    database: Database,
    supervisor: UserInfo,
    calls_made: list[int],
    tmp_path: Path,
    small_batches: None,
    scratch: Path,
    file_format: ExportFormat,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    output = folder / f"calls.{file_format}"
    output.write_text("the previous export")

    def progress(done: int, total: int) -> None:
        if done >= 3:
            raise RuntimeError("the disk is on fire")

    with pytest.raises(RuntimeError, match="on fire"):
        do_export(
            database,
            supervisor,
            request_for(ExportKind.CALLS, file_format, output),
            progress=progress,
        )
    assert output.read_text() == "the previous export"
    assert leftovers(folder) == [output.name] and leftovers(scratch) == []
    assert export_events(database) == []


def test_a_write_error_is_a_known_error(
    database: Database,
    supervisor: UserInfo,
    calls_made: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = tmp_path / "calls.csv"

    def full_disk(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports.csv, "writer", full_disk)
    with pytest.raises(KnownError) as info:
        do_export(database, supervisor, request_for(ExportKind.CALLS, ExportFormat.CSV, output))
    assert "No space left on device" in info.value.message()
    assert "calls.csv" in info.value.message()
    assert not output.exists() and not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


def test_atomic_output(tmp_path: Path) -> None:
    target = tmp_path / "file.csv"
    with exports.atomic_output(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".file.csv.")
        assert temporary.exists() and not target.exists()
        temporary.write_text("done")
    assert target.read_text() == "done"
    assert leftovers(tmp_path) == ["file.csv"]
    with pytest.raises(ExportCancelled), exports.atomic_output(target) as temporary:
        temporary.write_text("half")
        raise ExportCancelled
    assert target.read_text() == "done" and leftovers(tmp_path) == ["file.csv"]
    with pytest.raises(KnownError), exports.atomic_output(tmp_path / "no" / "x.csv"):
        pass


# --- the form import reads the guard back ----------------------------------------------------


def test_form_import_removes_the_formula_guard(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    rows = [form_import.COLUMNS[:11]] + [
        ("forsegling_lasning", PERSON, "enskild", "2026-11-02", "2026-11-04", "ja", "nej",
         "Eva", "'+Vårdcentralen", "Birgitta Lund", exports.guard_formula(note))
        for note in ("=1+1", "@SUM(A1)", "-2", "'ordinary", "'", "'x=1")
    ]  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    checked = form_import.check_file(path, today=TODAY)
    assert not checked.problems
    assert [row.data.note for row in checked.forms] == [
        "=1+1", "@SUM(A1)", "-2", "'ordinary", "'", "'x=1",
    ]  # fmt: skip
    assert {row.data.orderer_unit for row in checked.forms} == {"+Vårdcentralen"}
