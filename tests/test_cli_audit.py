"""``kansli-desk audit person`` and ``kansli-desk audit sample`` (issue 7, "Audit trail").

They live in :mod:`kansli_desk.cli_maintenance` and are wired into
:func:`kansli_desk.cli.build_parser` and :func:`kansli_desk.cli.run`; until that
is done these tests are skipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kansli_desk import cli
from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.i18n import set_translator
from kansli_desk.models import AuditEvent
from kansli_desk.services import audit
from kansli_desk.services.database import Database, DatabaseLocation
from tests.services.test_audit_extract import NOTES, RESERVE, Desk, X, Y
from tests.services.test_audit_extract import desk as desk  # noqa: PLC0414 (a fixture)
from tests.services.test_forms import digits
from tests.services.test_retention import add_user, utc


def _wired() -> bool:
    parser = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return "audit" in action.choices
    return False


pytestmark = pytest.mark.skipif(
    not _wired(), reason="the audit commands of kansli_desk.cli_maintenance are not wired yet"
)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """The CLI installs a process-wide translator; later tests expect English."""
    yield
    set_translator(None)


@pytest.fixture
def cli_desk(desk: Desk, location: DatabaseLocation) -> Desk:
    """The desk of the service tests, with the command line's login as a supervisor."""
    with desk.db.transaction() as session:
        add_user(session, location.login, Role.SUPERVISOR)
    return desk


def run(location: DatabaseLocation, *argv: str) -> int:
    url = location.url.render_as_string(hide_password=False)
    return cli.run(["--lang", "en", "--database", url, *argv])


def audit_rows(database: Database) -> list[AuditEvent]:
    with database.transaction() as session:
        rows = list(session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)))
        session.expunge_all()
        return rows


# --- audit person ------------------------------------------------------------------------------


def test_person_prints_the_extract_and_records_it(
    cli_desk: Desk, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(location, "audit", "person", X[2:]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == f"Log extract for {X}, oldest first. Events: 4."
    assert lines[1].split() == [
        "Time",
        "User",
        "Role",
        "Action",
        "Record",
        "Workstation",
        "Details",
    ]
    assert len(lines) == 2 + 4 + 1
    assert "Created" in lines[2] and f"call {cli_desk.call_x}" in lines[2]
    assert "Status changed" in lines[5] and "from: registered; to: forwarded" in lines[5]
    assert lines[-1] == "The log extract is recorded in the audit log."
    assert NOTES not in out
    last = audit_rows(cli_desk.db)[-1]
    assert (last.action, last.entity, last.username) == (
        AuditAction.VIEW_UNMASKED,
        audit.PERSON_LOG_ENTITY,
        location.login,
    )
    assert last.person_number == digits(X)


def test_person_writes_a_guarded_csv(
    cli_desk: Desk,
    location: DatabaseLocation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A user name that a spreadsheet would take for a formula.
    with cli_desk.db.transaction() as session:
        evil = add_user(session, "=HYPERLINK(1)", Role.ADVISOR)
        audit.record(session, evil, AuditAction.UPDATE, entity="call", person_number=RESERVE)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "loggutdrag.csv"
    assert run(location, "audit", "person", RESERVE, "--output", str(target)) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"Wrote the log extract for {RESERVE} to {target}. Events: 2.",
        "The log extract is recorded in the audit log.",
    ]
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Time", "User", "Role", "Action", "Record", "Workstation", "Details"]
    assert [row[3] for row in rows[1:]] == ["Created", "Changed"]
    assert rows[2][1] == "'=HYPERLINK(1)"
    assert len(rows[1][0]) == len("2026-11-27 10:15:00")
    assert [p.name for p in target.parent.iterdir()] == ["loggutdrag.csv"]  # no temporary left


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["audit", "person", X[:-1] + str((int(X[-1]) + 1) % 10)], "The check digit"),
        (["audit", "person", "Å!"], "neither a valid personnummer"),
        (["audit", "person", X, "--from", "2026-11-05", "--to", "2026-11-04"], "Swap the dates"),
        (["audit", "person", X, "--from", "2026-02-30"], "--from 2026-02-30 is not a date"),
        (["audit", "person", X, "--output", "/nonexistent/x.csv"], "does not exist"),
        (["audit", "sample", "--size", "0"], "from 1 to 1000"),
        (["audit", "sample", "--to", "2026-13-01"], "--to 2026-13-01 is not a date"),
        (["audit", "sample", "--from", "2026-11-05", "--to", "2026-11-04"], "Swap the dates"),
    ],
)
def test_bad_input_gives_one_message_and_changes_nothing(
    cli_desk: Desk,
    location: DatabaseLocation,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    before = len(audit_rows(cli_desk.db))
    assert run(location, *argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("kansli-desk: ") and message in err
    assert len(err.splitlines()) == 1
    assert len(audit_rows(cli_desk.db)) == before


def test_an_unwritable_output_leaves_no_file_and_records_nothing(
    cli_desk: Desk,
    location: DatabaseLocation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            # Root may write anywhere: answer for this folder as its mode bits do for users.
            real_access = os.access

            def access(path: Any, mode: int, **kwargs: Any) -> bool:
                if Path(path) == folder and mode & os.W_OK:
                    return False
                return real_access(path, mode, **kwargs)

            monkeypatch.setattr(os, "access", access)
        before = len(audit_rows(cli_desk.db))
        assert run(location, "audit", "person", X, "--output", str(folder / "x.csv")) == 1
        assert "cannot be saved in the folder" in capsys.readouterr().err
        assert list(folder.iterdir()) == []
        assert len(audit_rows(cli_desk.db)) == before
    finally:
        folder.chmod(0o700)


def test_a_folder_as_output_is_refused(
    cli_desk: Desk, location: DatabaseLocation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(audit_rows(cli_desk.db))
    assert run(location, "audit", "person", X, "--output", str(tmp_path)) == 1
    assert capsys.readouterr().err == (
        f"kansli-desk: {tmp_path} is a folder. Give the name of the file to write.\n"
    )
    assert len(audit_rows(cli_desk.db)) == before


def test_an_advisor_is_refused(
    desk: Desk, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    with desk.db.transaction() as session:
        add_user(session, location.login, Role.ADVISOR)
    assert run(location, "audit", "person", Y) == 1
    assert run(location, "audit", "sample") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == ["kansli-desk: Only a supervisor can read the audit log about people."] * 2


# --- audit sample ------------------------------------------------------------------------------


def test_sample_prints_a_repeatable_spot_check(
    cli_desk: Desk, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    with cli_desk.db.transaction() as session:
        for i in range(12):
            event = audit.record(
                session, cli_desk.anna, AuditAction.UPDATE, entity="call", entity_id=i,
                person_number=digits(X if i % 2 else Y),
            )  # fmt: skip
            event.at = utc(2020, 3, 1 + i, 10)
    argv = ["audit", "sample", "--size", "5", "--from", "2020-03-01", "--to", "2020-03-31"]
    assert run(location, *argv, "--seed", "42") == 0
    first = capsys.readouterr().out
    lines = first.splitlines()
    assert lines[0] == (
        "Spot check from 2020-03-01 to 2020-03-31, drawn at random (--seed 42 draws it "
        "again). Accesses: 5."
    )
    assert "Person" in lines[1].split()
    assert len(lines) == 2 + 5 + 1
    assert X not in first and Y not in first and "-XXXX" in first  # masked
    assert lines[-1] == "The spot check is recorded in the audit log."
    assert run(location, *argv, "--seed", "42") == 0
    assert capsys.readouterr().out == first
    last = audit_rows(cli_desk.db)[-1]
    assert (last.entity, last.details["seed"], last.details["size"]) == (
        audit.SPOT_CHECK_ENTITY,
        42,
        5,
    )
    # Without --seed one is chosen and printed, so the sample can be drawn again.
    assert run(location, *argv) == 0
    assert "(--seed " in capsys.readouterr().out


def test_sample_of_a_quiet_period(
    cli_desk: Desk, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(location, "audit", "sample", "--from", "2019-01-01", "--to", "2019-01-31") == 0
    assert capsys.readouterr().out.splitlines() == [
        "No accesses to people's data were recorded from 2019-01-01 to 2019-01-31.",
        "The spot check is recorded in the audit log.",
    ]


def test_sample_defaults_to_the_last_30_days(
    cli_desk: Desk, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(location, "audit", "sample", "--seed", "1") == 0
    out = capsys.readouterr().out
    last = audit_rows(cli_desk.db)[-1]
    first_day = dt.date.fromisoformat(last.details["from"])
    assert dt.date.fromisoformat(last.details["to"]) - first_day == dt.timedelta(days=29)
    assert f"from {first_day.isoformat()}" in out
