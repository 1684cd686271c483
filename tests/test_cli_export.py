"""``kansli-desk export calls|forms|audit --from D --to D --format csv|xlsx|pdf --output FILE
[--unmasked] [--delimiter ;|,]``, on SQLite and PostgreSQL.

Run in-process through :func:`kansli_desk.cli.run`, and as ``python -m kansli_desk``
for what only a real process shows (exit status, no traceback, the PDF drawn
offscreen). Bad input gives one clear line, a non-zero status and no file.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from kansli_desk.cli import run
from kansli_desk.core.enums import AuditAction, CallerKind, Outcome, Role
from kansli_desk.i18n import set_translator
from kansli_desk.models import AuditEvent, Call, Topic, User, call_topics
from kansli_desk.services.database import Database, DatabaseLocation, open_database
from tests.helpers import checkout_env, run_process
from tests.services.test_forms import PERSON

ROOT = Path(__file__).resolve().parent.parent
STARTS = (
    dt.datetime(2026, 3, 2, 8, 15, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 3, 23, 30, tzinfo=dt.UTC),  # 4 March in Sweden
)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """The CLI installs a process-wide translator; later tests expect English."""
    yield
    set_translator(None)


def url_of(location: DatabaseLocation) -> str:
    return location.url.render_as_string(hide_password=False)


def add_calls(database: Database, *, login_role: Role = Role.SUPERVISOR) -> None:
    """The command's user (the database's login) and two calls by an advisor."""
    with database.transaction() as session:
        me = User(username=database.location.login, display_name="Me", role=login_role)
        advisor = User(username="sara", display_name="Sara Åberg", role=Role.ADVISOR)
        session.add_all([me, advisor])
        session.flush()
        topic_id = session.scalars(sa.select(Topic.id).order_by(Topic.sort_order)).first()
        for started, notes in zip(STARTS, ("=1+1", "Åsa ringde"), strict=True):
            call = Call(
                started_at=started, advisor_id=advisor.id, caller_kind=CallerKind.CITIZEN,
                outcome=Outcome.ANSWERED, notes=notes, person_number=PERSON.replace("-", ""),
                created_at=started, updated_at=started,
            )  # fmt: skip
            session.add(call)
            session.flush()
            session.execute(
                sa.insert(call_topics),
                [{"call_id": call.id, "topic_id": topic_id, "started_at": started}],
            )


@pytest.fixture
def database(location: DatabaseLocation) -> Iterator[Database]:
    database = open_database(location).database
    add_calls(database)
    yield database
    database.close()


def exports_audited(database: Database) -> list[AuditEvent]:
    with database.transaction() as session:
        return list(
            session.scalars(sa.select(AuditEvent).where(AuditEvent.action == AuditAction.EXPORT))
        )


def export_args(database: Database, output: Path, *extra: str) -> list[str]:
    return [
        "--lang", "en", "--database", url_of(database.location), "export", "calls",
        "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv", "--output",
        str(output), *extra,
    ]  # fmt: skip


def files(folder: Path) -> list[str]:
    """The files in a folder, but a SQLite test database's."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("kansli.sqlite3"))


def read_csv(path: Path, delimiter: str = ";") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def test_export_calls_to_csv(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "samtal.csv"
    assert run(export_args(database, output)) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"Exported 2 rows to {output}.\n", "")
    rows = read_csv(output)
    assert rows[0][:2] == ["Samtals-id", "Starttid"]
    assert [row[1] for row in rows[1:]] == ["2026-03-02 09:15:00", "2026-03-04 00:30:00"]
    assert [row[8] for row in rows[1:]] == ["'=1+1", "Åsa ringde"]
    assert {row[9] for row in rows[1:]} == {PERSON[:8] + "-XXXX"}
    [event] = exports_audited(database)
    assert event.username == database.location.login
    assert event.details["masked"] is True and event.details["rows"] == 2


def test_export_unmasked_with_comma_to_xlsx(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "samtal.csv"
    assert run(export_args(database, output, "--unmasked", "--delimiter", ",")) == 0
    out = capsys.readouterr().out
    assert "unmasked identity numbers" in out and "audit log" in out
    assert {row[9] for row in read_csv(output, ",")[1:]} == {PERSON}
    workbook = tmp_path / "samtal.xlsx"
    argv = export_args(database, workbook)
    argv[argv.index("csv")] = "xlsx"
    assert run(argv) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(workbook).worksheets[0]
    assert sheet.title == "Samtal" and sheet.max_row == 3
    assert [e.details["masked"] for e in exports_audited(database)] == [False, True]


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"--from": "2026-04-01"}, "The period starts (2026-04-01) after it ends (2026-03-31)"),
        ({"--from": "2026-02-30"}, "--from 2026-02-30 is not a date. Write the date as YYYY-MM-DD"),
        ({"--to": "2026-3-31"}, "--to 2026-3-31 is not a date"),
        ({"--to": "31/3/2026"}, "--to 31/3/2026 is not a date"),
        ({"--output": "missing/samtal.csv"}, "does not exist"),
        ({"--output": "a-file.txt/samtal.csv"}, "does not exist"),
        ({"--output": "."}, "is a folder"),
        ({"--from": "2020-01-01", "--to": "2020-12-31"}, "No calls were logged from 2020-01-01"),
        ({"--delimiter": "\t"}, "invalid choice"),
    ],
)
def test_bad_input_is_one_clear_message_and_no_file(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, str],
    complaint: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file.txt").write_text("x")
    argv = export_args(database, tmp_path / "samtal.csv")
    for option, value in change.items():
        text = str(tmp_path / value) if option == "--output" else value
        if option in argv:
            argv[argv.index(option) + 1] = text
        else:
            argv += [option, text]
    before = files(tmp_path)
    try:
        status = run(argv)
    except SystemExit as exc:  # argparse: a usage error
        status = int(str(exc.code))
    out, err = capsys.readouterr()
    assert status != 0 and out == ""
    assert complaint in err
    assert "Traceback" not in err
    assert files(tmp_path) == before
    assert exports_audited(database) == []


@pytest.mark.parametrize(
    ("position", "value", "complaint"),
    [
        ("--format", "xls", "argument --format: invalid choice: 'xls' (choose from"),
        ("calls", "samtal", "invalid choice: 'samtal' (choose from 'calls', 'forms', 'audit')"),
    ],
)
def test_unknown_format_or_kind_is_a_usage_error(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    position: str,
    value: str,
    complaint: str,
) -> None:
    argv = export_args(database, tmp_path / "samtal.csv")
    index = argv.index(position)
    argv[index + (1 if position.startswith("--") else 0)] = value
    with pytest.raises(SystemExit) as info:
        run(argv)
    assert info.value.code == 2
    assert complaint in capsys.readouterr().err
    assert not (tmp_path / "samtal.csv").exists()


def test_missing_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["export", "calls", "--from", "2026-01-01", "--format", "csv"])
    assert info.value.code == 2
    assert "the following arguments are required: --to, --output" in capsys.readouterr().err


def test_only_supervisors_export(
    location: DatabaseLocation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(location).database
    try:
        add_calls(database, login_role=Role.ADVISOR)
        output = tmp_path / "samtal.csv"
        assert run(export_args(database, output)) == 1
        assert capsys.readouterr().err == "kansli-desk: Only a supervisor can export records.\n"
        assert run(export_args(database, output, "--unmasked")) == 1
        assert "unmasked identity numbers" in capsys.readouterr().err
        assert not output.exists()
        assert exports_audited(database) == []
    finally:
        database.close()


def python_m(*args: str, cwd: Path) -> tuple[int, str, str]:
    done = run_process(
        [sys.executable, "-m", "kansli_desk", "--lang", "en", *args],
        cwd=cwd,
        env=checkout_env(),
        timeout=180,
    )
    return done.returncode, done.stdout, done.stderr


def test_a_real_process_exits_non_zero_without_a_traceback(
    database: Database, tmp_path: Path
) -> None:
    argv = export_args(database, tmp_path / "samtal.csv")[2:]  # python_m adds --lang en
    argv[argv.index("--from") + 1] = "2026-02-30"
    status, out, err = python_m(*argv, cwd=tmp_path)
    assert status == 1 and out == ""
    assert err == "kansli-desk: --from 2026-02-30 is not a date. Write the date as YYYY-MM-DD.\n"
    assert not (tmp_path / "samtal.csv").exists()


def test_pdf_report(database: Database, tmp_path: Path) -> None:
    """The report is drawn by the GUI layer offscreen, in its own process (no display)."""
    pytest.importorskip("kansli_desk.ui.reports.pdf")
    output = tmp_path / "rapport.pdf"
    argv = export_args(database, output)[2:]
    argv[argv.index("csv")] = "pdf"
    status, out, err = python_m(*argv, cwd=tmp_path)
    assert status == 0, err
    assert out.startswith("Wrote the report for 2026-03-01 to 2026-03-31 (")
    assert output.read_bytes().startswith(b"%PDF")
    assert files(tmp_path) == ["rapport.pdf"]
    [event] = exports_audited(database)
    assert event.details["format"] == "pdf" and event.details["rows"] == 2
