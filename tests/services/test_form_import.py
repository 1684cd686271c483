"""Importing the old form register (kansli_desk.services.form_import) and its command,
``kansli-desk import forms FILE [--dry-run]``, on SQLite and PostgreSQL.

Import is all or nothing: good CSV (with and without a byte order mark, ``;`` and
``,``) and XLSX files are registered; a file with one bad row imports nothing and
names the row, the column and the reason; malformed files, wrong encodings,
missing columns and oversized files are refused with one clear message; text
that looks like a formula is stored as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kansli_desk.cli import run
from kansli_desk.core.enums import AuditAction, FormStatus, FormType, Initiator, Measure, Role
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import set_translator
from kansli_desk.models import AuditEvent, Form, FormParty, FormStatusChange, User
from kansli_desk.services import form_import, forms
from kansli_desk.services.database import Database, DatabaseLocation
from kansli_desk.services.form_import import ImportInvalid
from kansli_desk.services.users import UserInfo
from tests.helpers import checkout_env, run_process
from tests.services.test_forms import CHILD_8, CHILD_14, PERSON, numbers_by_birth_date

ROOT = Path(__file__).resolve().parent.parent.parent
TODAY = dt.date(2026, 11, 25)
FORMULA = "=cmd|' /C calc'!A0"
HEADER = list(form_import.COLUMNS[:11])  # the columns, without fodelsedatum


def good_rows() -> list[dict[str, str]]:
    base = {
        "underskriftsdatum": "2026-11-02",
        "mottagen": "2026-11-04",
        "undertecknad": "ja",
        "akut": "nej",
        "bestallare": "Eva Svensson",
        "enhet": "Vårdcentralen Västervik",
        "verksamhetschef": "Birgitta Lund",
        "anteckning": "",
    }
    return [
        {**base, "typ": "forsegling_lasning", "personnummer": PERSON, "initiativ": "enskild"},
        {**base, "typ": "aterstallande", "personnummer": PERSON.replace("-", ""),
         "initiativ": "Personal", "anteckning": FORMULA},
        {**base, "typ": "vardnadshavare", "personnummer": CHILD_8, "initiativ": "",
         "akut": "ja"},
        {**base, "typ": "minderarig", "personnummer": CHILD_14[2:], "initiativ": "",
         "undertecknad": "nej", "underskriftsdatum": "", "mottagen": "2025-12-30"},
    ]  # fmt: skip


def write_csv(
    path: Path,
    rows: Sequence[dict[str, str]],
    *,
    delimiter: str = ";",
    bom: bool = True,
    header: Sequence[str] = HEADER,
    encoding: str = "utf-8",
) -> Path:
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, rows: Sequence[dict[str, Any]], header: Sequence[str] = HEADER) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append([row.get(column) for column in header])
    book.save(path)
    return path


@pytest.fixture
def clerk(database: Database) -> UserInfo:
    with database.transaction() as session:
        user = User(username="sara", display_name="Sara Holm", role=Role.REGISTRAR)
        session.add(user)
        session.flush()
        return UserInfo(user.id, user.username, user.display_name, user.role)


def do_import(database: Database, clerk: UserInfo, path: Path, **kwargs: Any) -> Any:
    with database.transaction() as session:
        return form_import.import_forms(session, clerk, path, today=TODAY, **kwargs)


def count(database: Database, table: Any) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def all_counts(database: Database) -> list[int]:
    return [count(database, t) for t in (Form, FormParty, FormStatusChange, AuditEvent)]


def problems(error: ImportInvalid) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.error.template) for p in error.problems]


# --- good files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "bom"), [(";", True), (",", False), (",", True), (";", False)]
)
def test_a_good_csv_file_is_registered(
    database: Database, clerk: UserInfo, tmp_path: Path, delimiter: str, bom: bool
) -> None:
    path = write_csv(tmp_path / "register.csv", good_rows(), delimiter=delimiter, bom=bom)
    result = do_import(database, clerk, path)
    assert (result.rows, result.registered, result.dry_run) == (4, 4, False)
    assert (result.first_number, result.last_number) == ("KD-2026-00001", "KD-2025-00001")
    with database.transaction() as session:
        details = [
            forms.get_form(session, form_id, today=TODAY)
            for form_id in session.scalars(sa.select(Form.id).order_by(Form.id))
        ]
    # Ids and registry numbers follow the arrival dates (the 2025 row first), rows of
    # the same day in file order.
    assert [d.registry_number for d in details] == [
        "KD-2025-00001", "KD-2026-00001", "KD-2026-00002", "KD-2026-00003",
    ]  # fmt: skip
    details = [*details[1:], details[0]]  # back to file order
    assert {d.status for d in details} == {FormStatus.REGISTERED}
    assert [d.data.form_type for d in details] == list(FormType)
    assert [d.data.initiator for d in details] == [
        Initiator.INDIVIDUAL, Initiator.STAFF, None, None,
    ]  # fmt: skip
    assert details[1].data.note == FORMULA  # stored as text, never evaluated
    assert details[2].data.is_urgent and not details[3].data.is_signed
    assert details[0].parties[0].number_masked == PERSON[:8] + "-XXXX"
    assert [p.role.value for d in details for p in d.parties] == [
        "subject", "subject", "child", "child",
    ]  # fmt: skip
    assert [(h.from_status, h.to_status) for h in details[0].history] == [
        (None, FormStatus.RECEIVED),
        (FormStatus.RECEIVED, FormStatus.REGISTERED),
    ]
    assert details[0].history[0].changed_by == "Sara Holm"
    with database.transaction() as session:
        events = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == AuditAction.IMPORT)
        ).all()
    assert len(events) == 4
    assert events[1].details == {
        "file": "register.csv",
        "row": 2,
        "registry_number": "KD-2026-00001",
    }
    assert events[1].entity_id == str(details[0].id)
    assert events[1].person_number == PERSON.replace("-", "")


def test_a_good_xlsx_file_is_registered(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    rows: list[dict[str, Any]] = good_rows()
    rows[0] = {
        **rows[0],
        "mottagen": dt.datetime(2026, 11, 4),
        "underskriftsdatum": dt.date(2026, 11, 2),
    }
    rows[2] = {**rows[2], "personnummer": int(CHILD_8.replace("-", ""))}  # a number cell
    rows[3] = {**rows[3], "anteckning": None}
    path = write_xlsx(tmp_path / "register.xlsx", rows)
    result = do_import(database, clerk, path)
    assert result.registered == 4
    with database.engine.connect() as conn:
        stored = {
            number: (note, received)
            for number, note, received in conn.execute(
                sa.select(Form.registry_number, Form.note, Form.received_on)
            )
        }
    assert stored["KD-2026-00002"][0] == FORMULA  # a formula cell: its text, not a value
    assert stored["KD-2026-00001"][1] == dt.date(2026, 11, 4)


def test_registry_numbers_continue_after_earlier_forms(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    with database.transaction() as session:
        forms.register_form(session, clerk, _hand_entered(), today=TODAY)
    result = do_import(database, clerk, write_csv(tmp_path / "r.csv", good_rows()[:2]))
    assert (result.first_number, result.last_number) == ("KD-2026-00002", "KD-2026-00003")


def _hand_entered() -> forms.FormInput:
    from tests.services.test_forms import seal

    return seal()


def test_an_imported_form_must_be_completed_before_it_is_forwarded(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    do_import(database, clerk, write_csv(tmp_path / "r.csv", good_rows()[:1]))
    with database.transaction() as session:
        form_id = session.scalars(sa.select(Form.id)).one()
        detail = forms.get_form(session, form_id, user=clerk, today=TODAY)
    assert forms.FormStatus.FORWARDED not in detail.allowed
    assert [h.field for h in detail.held_back] == ["measures"]
    with pytest.raises(ValidationError), database.transaction() as session:
        forms.transition(session, clerk, form_id, detail.version, FormStatus.FORWARDED)
    data = detail.data
    completed = forms.FormInput(
        **{
            **{f: getattr(data, f) for f in data.__dataclass_fields__},
            "measures": frozenset({Measure.LOCK_LOGIN}),
        }
    )
    with database.transaction() as session:
        detail = forms.update_form(session, clerk, form_id, detail.version, completed, today=TODAY)
    assert FormStatus.FORWARDED in detail.allowed


def test_a_dry_run_writes_nothing(database: Database, clerk: UserInfo, tmp_path: Path) -> None:
    before = all_counts(database)
    result = do_import(database, clerk, write_csv(tmp_path / "r.csv", good_rows()), dry_run=True)
    assert (result.rows, result.registered, result.dry_run) == (4, 0, True)
    assert all_counts(database) == before


def test_many_rows_are_written_in_bulk(database: Database, clerk: UserInfo, tmp_path: Path) -> None:
    adults = [n for d, found in numbers_by_birth_date().items() if d.year == 1990 for n in found]
    rows = [{**good_rows()[0], "personnummer": adults[i % len(adults)]} for i in range(2000)]
    result = do_import(database, clerk, write_csv(tmp_path / "many.csv", rows))
    assert result.registered == 2000
    assert all_counts(database) == [2000, 2000, 4000, 2000]
    with database.engine.connect() as conn:
        numbers = conn.execute(sa.select(Form.registry_number).order_by(Form.id)).scalars().all()
    assert numbers == [f"KD-2026-{n:05d}" for n in range(1, 2001)]
    with database.transaction() as session:  # the list reads what the bulk load wrote
        page = forms.list_forms_page(session, limit=5, today=TODAY)
    assert [r.registry_number for r in page] == [f"KD-2026-{n:05d}" for n in range(2000, 1995, -1)]


# --- bad rows: nothing is imported --------------------------------------------------------------


def test_one_bad_row_imports_nothing_and_names_row_column_and_reason(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    rows = good_rows()
    rows[2] = {
        **rows[2],
        "personnummer": CHILD_8[:-1] + "0" if CHILD_8[-1] != "0" else CHILD_8[:-1] + "1",
    }
    before = all_counts(database)
    with pytest.raises(ImportInvalid) as info:
        do_import(database, clerk, write_csv(tmp_path / "r.csv", rows))
    assert problems(info.value) == [
        (4, "personnummer", "The check digit (the last digit) is wrong: check the number for a "
         "typing error."),
    ]  # fmt: skip
    assert info.value.message() == "Nothing was imported: 1 of 4 rows in r.csv have problems."
    assert all_counts(database) == before


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"typ": "spärr"}, [("typ", form_import.MSG_TYPE)]),
        ({"mottagen": "4/11/2026"}, [("mottagen", form_import.MSG_DATE)]),
        ({"mottagen": ""}, [("mottagen", form_import.MSG_DATE_REQUIRED)]),
        ({"mottagen": "2026-02-30"}, [("mottagen", form_import.MSG_DATE)]),
        ({"undertecknad": "kanske", "akut": ""}, [
            ("undertecknad", form_import.MSG_YES_NO), ("akut", form_import.MSG_YES_NO)]),
        ({"initiativ": "chefen"}, [("initiativ", form_import.MSG_INITIATIVE)]),
        ({"initiativ": ""}, [("initiativ", forms.MSG_INITIATOR)]),
        ({"underskriftsdatum": "2026-11-26"}, [("underskriftsdatum", forms.MSG_SIGNED_FUTURE)]),
        ({"underskriftsdatum": ""}, [("underskriftsdatum", forms.MSG_SIGNED_REQUIRED)]),
        ({"mottagen": "2026-11-01"}, [("mottagen", forms.MSG_ARRIVED_BEFORE_SIGNED)]),
        ({"personnummer": "991982-123A"}, [("personnummer", forms.MSG_RESERVE_NEEDS_BIRTH)]),
        ({"personnummer": FORMULA}, [("personnummer", forms.MSG_RESERVE_NEEDS_BIRTH)]),
        ({"bestallare": "", "verksamhetschef": ""}, [
            ("bestallare", forms.MSG_ORDERER), ("verksamhetschef", forms.MSG_HEAD)]),
    ],
    ids=[
        "type", "date-format", "date-missing", "date-impossible", "yes-no", "initiative",
        "initiative-missing", "signed-tomorrow", "signed-date-missing", "arrived-before-signing",
        "reservnummer", "formula-as-number", "orderer",
    ],
)  # fmt: skip
def test_row_problems(
    database: Database,
    clerk: UserInfo,
    tmp_path: Path,
    changes: dict[str, str],
    expected: list[tuple[str, str]],
) -> None:
    rows = good_rows()
    rows[0] = {**rows[0], **changes}
    with pytest.raises(ImportInvalid) as info:
        do_import(database, clerk, write_csv(tmp_path / "r.csv", rows))
    assert problems(info.value) == [(2, column, template) for column, template in expected]
    assert all_counts(database) == [0, 0, 0, 0]


def test_age_rules_apply_to_imported_rows(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    rows = good_rows()
    rows[3] = {**rows[3], "personnummer": CHILD_8}  # eight years old: not 13 to 15
    rows[0] = {**rows[0], "initiativ": ""}
    with pytest.raises(ImportInvalid) as info:
        do_import(database, clerk, write_csv(tmp_path / "r.csv", rows))
    assert problems(info.value) == [
        (2, "initiativ", forms.MSG_INITIATOR),
        (5, "personnummer", forms.MSG_MINOR_TOO_YOUNG),
    ]


def test_a_reservnummer_with_its_birth_date_column(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    rows = [{**good_rows()[0], "personnummer": "991982-123A", "fodelsedatum": "1982-03-04"}]
    path = write_csv(tmp_path / "r.csv", rows, header=form_import.COLUMNS)
    assert do_import(database, clerk, path).registered == 1


def test_initiative_only_for_the_first_two_types(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    rows = good_rows()
    rows[2] = {**rows[2], "initiativ": "enskild"}
    with pytest.raises(ImportInvalid) as info:
        do_import(database, clerk, write_csv(tmp_path / "r.csv", rows))
    assert problems(info.value) == [(4, "initiativ", form_import.MSG_INITIATIVE_NOT_HERE)]


def test_a_row_with_too_few_or_too_many_cells(
    database: Database, clerk: UserInfo, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", good_rows()[:1])
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(
        text + "forsegling_lasning;x\r\n" + text.splitlines()[1] + ";extra\r\n", encoding="utf-8"
    )
    with pytest.raises(ImportInvalid) as info:
        do_import(database, clerk, path)
    assert problems(info.value) == [
        (3, "", form_import.MSG_ROW_LENGTH),
        (4, "", form_import.MSG_ROW_LENGTH),
    ]
    assert info.value.problems[0].message() == "The row has 2 cells; the header row has 11."


# --- bad files -----------------------------------------------------------------------------------


def refused(path: Path) -> KnownError:
    with pytest.raises(KnownError) as info:
        form_import.check_file(path, today=TODAY)
    assert not isinstance(info.value, ImportInvalid)
    return info.value


def test_missing_columns(tmp_path: Path) -> None:
    header = [c for c in HEADER if c not in ("mottagen", "akut")]
    error = refused(write_csv(tmp_path / "r.csv", good_rows(), header=header))
    assert error.template == form_import.MSG_MISSING_COLUMNS
    assert error.params["columns"] == "mottagen, akut"
    # The optional columns may be left out.
    header = [c for c in HEADER if c not in ("initiativ", "anteckning")]
    rows = [r for r in good_rows() if r["typ"] in ("vardnadshavare", "minderarig")]
    checked = form_import.check_file(
        write_csv(tmp_path / "s.csv", rows, header=header), today=TODAY
    )
    assert (checked.rows, len(checked.forms), checked.problems) == (2, 2, ())


def test_header_names_are_matched_loosely_but_not_twice(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", good_rows())
    header = ";".join(c.upper() if i % 2 else f" {c} " for i, c in enumerate(HEADER))
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join([header, *lines[1:]]), encoding="utf-8")
    checked = form_import.check_file(path, today=TODAY)
    assert len(checked.forms) == 4
    error = refused(write_csv(tmp_path / "s.csv", good_rows(), header=[*HEADER, "typ"]))
    assert error.template == form_import.MSG_DUPLICATE_COLUMN


def test_wrong_encoding(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", good_rows(), bom=False, encoding="cp1252")
    error = refused(path)
    assert error.template == form_import.MSG_ENCODING
    assert error.params["line"] == 2
    utf16 = tmp_path / "u.csv"
    utf16.write_bytes(path.read_bytes().decode("cp1252").encode("utf-16"))
    assert refused(utf16).template == form_import.MSG_ENCODING


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # 100 MB (sparse: nothing written)
    error = refused(path)
    assert error.template == form_import.MSG_TOO_BIG
    assert error.message() == (
        "The file huge.csv is 100 MB; at most 50 MB can be imported at once. Split it into "
        "smaller files."
    )


@pytest.mark.parametrize(
    ("content", "template"),
    [
        (b"", form_import.MSG_EMPTY_FILE),
        (b"\xef\xbb\xbf\r\n\r\n", form_import.MSG_EMPTY_FILE),
        (
            b"typ;personnummer;underskriftsdatum;mottagen;undertecknad;akut;bestallare;enhet;"
            b"verksamhetschef\r\n",
            form_import.MSG_NO_ROWS,
        ),
        (
            ";".join(HEADER).encode() + b'\r\n"forsegling_lasning;19121212',
            form_import.MSG_CSV_MALFORMED,
        ),
        (b"PK\x03\x04 not really a workbook", form_import.MSG_XLSX_MALFORMED),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, form_import.MSG_XLS),
        (b"\x00\x01\x02binary", form_import.MSG_ENCODING),
    ],
    ids=[
        "empty",
        "blank-lines",
        "header-only",
        "unterminated-quote",
        "broken-xlsx",
        "xls",
        "binary",
    ],
)
def test_malformed_files(tmp_path: Path, content: bytes, template: str) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    assert refused(path).template == template


def test_a_missing_file(tmp_path: Path) -> None:
    error = refused(tmp_path / "missing.csv")
    assert error.template == form_import.MSG_CANNOT_READ


def test_a_workbook_whose_first_sheet_has_no_header(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.save(tmp_path / "empty.xlsx")
    assert refused(tmp_path / "empty.xlsx").template == form_import.MSG_EMPTY_FILE


# --- the command --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """The CLI installs a process-wide translator; later tests expect English."""
    yield
    set_translator(None)


def url_of(location: DatabaseLocation) -> str:
    return location.url.render_as_string(hide_password=False)


@pytest.fixture
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forms, "today_in_sweden", lambda: TODAY)


def test_cli_imports_a_good_file(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], frozen_today: None
) -> None:
    path = write_csv(tmp_path / "register.csv", good_rows())
    status = run(
        ["--lang", "en", "import", "forms", str(path), "--database", url_of(database.location)]
    )
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.startswith("Registered 4 forms from register.csv in ")
    assert out.rstrip().endswith("(registry numbers KD-2026-00001 to KD-2025-00001).")
    assert count(database, Form) == 4


def test_cli_bad_row_prints_row_column_and_reason(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], frozen_today: None
) -> None:
    rows = good_rows()
    rows[1] = {**rows[1], "mottagen": "igår"}
    rows[3] = {**rows[3], "typ": "okänd", "akut": "kanske"}
    path = write_csv(tmp_path / "register.csv", rows)
    status = run(
        ["--lang", "en", "import", "forms", str(path), "--database", url_of(database.location)]
    )
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "kansli-desk: Nothing was imported: 2 of 4 rows in register.csv have problems.",
        "Row 3, column mottagen: Write the date as YYYY-MM-DD.",
        "Row 5, column typ: Write the type as forsegling_lasning, aterstallande, "
        "vardnadshavare or minderarig.",
        "Row 5, column akut: Write ja or nej.",
    ]
    assert count(database, Form) == 0


def test_cli_dry_run_does_not_touch_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], frozen_today: None
) -> None:
    path = write_csv(tmp_path / "register.csv", good_rows())
    target = tmp_path / "never.sqlite3"
    status = run(
        [
            "--lang",
            "en",
            "import",
            "forms",
            str(path),
            "--dry-run",
            "--database",
            f"sqlite:///{target}",
        ]
    )
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert (
        out
        == "Checked 4 forms in register.csv: all can be imported. Nothing was written (dry run).\n"
    )
    assert not target.exists()


def test_cli_dry_run_reports_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], frozen_today: None
) -> None:
    rows = good_rows()
    rows[0] = {**rows[0], "underskriftsdatum": "2026-11-26"}
    path = write_csv(tmp_path / "register.csv", rows)
    status = run(["--lang", "en", "import", "forms", str(path), "--dry-run"])
    _, err = capsys.readouterr()
    assert status == 1
    assert "Row 2, column underskriftsdatum: The signing date is in the future" in err


@pytest.mark.parametrize("case", ["missing-column", "too-big", "encoding"])
def test_cli_refuses_bad_files_with_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    path = tmp_path / "register.csv"
    if case == "missing-column":
        write_csv(path, good_rows(), header=HEADER[1:])
        expected = "kansli-desk: The header row of register.csv lacks the columns typ."
    elif case == "too-big":
        with path.open("wb") as file:
            file.truncate(100 * 1024 * 1024)
        expected = "kansli-desk: The file register.csv is 100 MB; at most 50 MB"
    else:
        write_csv(path, good_rows(), bom=False, encoding="latin-1")
        expected = "kansli-desk: The file register.csv is not UTF-8 text (line 2)."
    status = run(["--lang", "en", "import", "forms", str(path), "--dry-run"])
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.startswith(expected)
    assert len(err.splitlines()) == 1


def test_cli_in_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    done = run_process(
        [sys_executable(), "-m", "kansli_desk", "--lang", "en", "import", "forms", str(path),
         "--database", f"sqlite:///{tmp_path / 'db.sqlite3'}"],
        cwd=ROOT,
        env=checkout_env(),
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        done.stderr
        == "kansli-desk: The file register.xlsx is not a valid Excel workbook (.xlsx).\n"
    )
    assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "db.sqlite3").exists()  # checked before the database is opened


def sys_executable() -> str:
    import sys

    return sys.executable
