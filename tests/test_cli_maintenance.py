"""The maintenance commands: ``backup``, ``purge`` and ``retention`` (issue 7).

They live in :mod:`kansli_desk.cli_maintenance` and are wired into
:func:`kansli_desk.cli.build_parser` and :func:`kansli_desk.cli.run`; until that
is done these tests are skipped.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from kansli_desk import cli
from kansli_desk.core.enums import AuditAction
from kansli_desk.i18n import set_translator
from kansli_desk.models import AuditEvent, Call
from kansli_desk.services import retention
from kansli_desk.services.database import Database, DatabaseLocation
from tests.helpers import ROOT, checkout_env, run_process
from tests.services.test_retention import NOW, World, build_world


def _wired() -> bool:
    parser = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {"backup", "purge", "retention"} <= set(action.choices)
    return False


pytestmark = pytest.mark.skipif(
    not _wired(), reason="kansli_desk.cli_maintenance is not wired into kansli_desk.cli yet"
)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """The CLI installs a process-wide translator; later tests expect English."""
    yield
    set_translator(None)


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The purge's "now" is the test data's NOW."""
    monkeypatch.setattr("kansli_desk.models.utcnow", lambda: NOW)


class Terminal(io.StringIO):
    """Standard input that is a terminal, with the user's answer typed in."""

    def isatty(self) -> bool:
        return True


def url_of(location: DatabaseLocation) -> str:
    return location.url.render_as_string(hide_password=False)


def run(location: DatabaseLocation, *argv: str) -> int:
    return cli.run(["--lang", "en", "--database", url_of(location), *argv])


def personal_calls(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).select_from(Call).where(Call.notes != "")
            ).scalar_one()
        )


def audit_actions(database: Database) -> list[tuple[AuditAction, str]]:
    with database.engine.connect() as conn:
        rows = conn.execute(sa.select(AuditEvent.action, AuditEvent.entity).order_by(AuditEvent.id))
        return [(action, entity) for action, entity in rows]


# --- backup ----------------------------------------------------------------------------------

SQLITE_ONLY = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@SQLITE_ONLY
def test_backup_writes_a_checked_copy_and_records_it(
    database: Database,
    location: DatabaseLocation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "backups" / "kansli.bak"
    target.parent.mkdir()
    assert run(location, "backup", str(target)) == 0
    out, err = capsys.readouterr()
    assert out == (
        f"Backed up {location.sqlite_path} to {target} ({target.stat().st_size / 2**20:.1f} MB; "
        "0 calls, 0 forms); the copy passed its integrity check.\n"
    )
    assert err == ""
    assert audit_actions(database)[-1] == (AuditAction.EXPORT, "database")

    # Again: the file exists now, and is replaced only when asked.
    assert run(location, "backup", str(target)) == 1
    assert "already exists" in capsys.readouterr().err
    assert run(location, "backup", str(target), "--replace") == 0


@SQLITE_ONLY
def test_backup_to_a_missing_folder_fails_clearly(
    location: DatabaseLocation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "kansli.bak"
    assert run(location, "backup", str(target)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err == f"kansli-desk: The folder {target.parent} does not exist; no backup was written.\n"
    )
    assert not target.parent.exists()


def test_backup_of_postgres_names_pg_dump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://anna@db.example.se/kansli"
    assert cli.run(["--lang", "en", "--database", url, "backup", str(tmp_path / "x.dump")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kansli-desk: “kansli-desk backup” copies a local SQLite file only.")
    assert (
        "pg_dump --format=custom --host=db.example.se --port=5432 --username=anna "
        "--file=kansli-desk.dump kansli"
    ) in err
    assert not (tmp_path / "x.dump").exists()


def test_backup_in_a_real_process_exits_1_without_traceback(tmp_path: Path) -> None:
    # The exit status and the absence of a traceback, as a shell sees them.
    source = tmp_path / "kansli.sqlite3"
    env = checkout_env()
    create = run_process(
        [sys.executable, "-m", "kansli_desk", "--database", f"sqlite:///{source}", "db", "upgrade"],
        cwd=ROOT,
        env=env,
    )
    assert create.returncode == 0, create.stderr
    target = tmp_path / "missing" / "copy"
    proc = run_process(
        [sys.executable, "-m", "kansli_desk", "--lang", "en", "--database", f"sqlite:///{source}",
         "backup", str(target)],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.startswith("kansli-desk: The folder ")
    assert "Traceback" not in proc.stderr
    assert not target.parent.exists()


# --- purge -----------------------------------------------------------------------------------


@pytest.fixture
def world(database: Database, location: DatabaseLocation, fixed_clock: None) -> World:
    """The register of the retention tests; the command line's user is its supervisor."""
    return build_world(database, supervisor=location.login)


def test_purge_dry_run_shows_counts_and_cut_offs(
    world: World, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    before = personal_calls(world.db)
    assert run(location, "purge", "--dry-run") == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        "Retention: the notes, callback numbers and identity numbers of calls 24 months; "
        "the personal data of closed forms 5 years after closing.",
        "Calls started before 2024-11-25: 2 would lose their notes, callback numbers and "
        "identity numbers (1 with an open callback keep them until it is done).",
        "Forms closed, cancelled or rejected before 2021-11-25: 3 would be anonymised "
        "(3 people) and their 2 scans deleted.",
        "The audit log is kept in full: the program never deletes its entries.",
        "Dry run: nothing was changed.",
    ]
    assert personal_calls(world.db) == before


def test_purge_without_a_terminal_needs_yes(
    world: World,
    location: DatabaseLocation,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))  # a pipe, not a person
    before = personal_calls(world.db)
    assert run(location, "purge") == 1
    out, err = capsys.readouterr()
    assert "would lose" in out
    assert err.startswith("kansli-desk: Nothing was purged: confirm with --yes")
    assert personal_calls(world.db) == before
    assert AuditAction.PURGE not in {action for action, _ in audit_actions(world.db)}


@pytest.mark.parametrize(
    ("answer", "purged"),
    [("yes\n", True), ("ja\n", True), ("\n", False), ("no\n", False), ("", False)],
)
def test_purge_on_a_terminal_asks_first(
    world: World,
    location: DatabaseLocation,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    purged: bool,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    before = personal_calls(world.db)
    assert run(location, "purge") == (0 if purged else 1)
    out = capsys.readouterr().out
    assert "Remove this data for good? It cannot be undone. Type yes to go on: " in out
    if purged:
        assert out.endswith(
            "Purged 2 calls and 3 forms (2 scans deleted); recorded in the audit log.\n"
        )
        assert personal_calls(world.db) == before - 2
    else:
        assert out.endswith("Nothing was purged.\n")
        assert personal_calls(world.db) == before


def test_purge_with_yes_purges_and_records(
    world: World, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    before = personal_calls(world.db)
    assert run(location, "purge", "--yes") == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "Purged 2 calls and 3 forms (2 scans deleted); recorded in the audit log.\n"
    )
    assert personal_calls(world.db) == before - 2
    assert audit_actions(world.db)[-1] == (AuditAction.PURGE, "retention")

    assert run(location, "purge", "--yes") == 0  # nothing left: nothing done, nothing asked
    out = capsys.readouterr().out
    assert out.endswith("Nothing is past its retention period.\n")
    assert [a for a, _ in audit_actions(world.db)].count(AuditAction.PURGE) == 1


def test_purge_by_an_advisor_is_refused(
    database: Database,
    location: DatabaseLocation,
    fixed_clock: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The command line's user (the OS user, or the PostgreSQL login) comes after the
    # supervisor "chef", so is an advisor.
    build_world(database)
    before = personal_calls(database)
    assert run(location, "purge", "--yes") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "kansli-desk: Only a supervisor can purge old data or change how long data is kept.\n"
    )
    assert personal_calls(database) == before
    # A dry run shows counts only: anyone may look.
    assert run(location, "purge", "--dry-run") == 0


# --- retention -------------------------------------------------------------------------------


def test_retention_show_and_set(
    database: Database, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(location, "retention") == 0
    assert capsys.readouterr().out == (
        "Notes, callback numbers and identity numbers of calls: kept 24 months.\n"
        "Closed, cancelled and rejected forms: personal data kept 5 years after closing.\n"
        "Audit log: never purged by the program (the law asks for at least 5 years).\n"
    )
    assert run(location, "retention", "set", "--call-months", "12", "--form-years", "10") == 0
    out = capsys.readouterr().out
    assert out.startswith("Saved the retention periods for the whole team.\n")
    assert "kept 12 months" in out and "kept 10 years" in out
    with database.transaction() as session:
        assert retention.get_policy(session) == retention.RetentionPolicy(12, 10)

    assert run(location, "retention", "show") == 0
    assert "kept 12 months" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["set"], "Give --call-months N, --form-years N or both."),
        (
            ["set", "--call-months", "0"],
            "Give the months to keep call details as a whole number from 1 to 1200.",
        ),
        (
            ["set", "--form-years", "101"],
            "Give the years to keep closed forms as a whole number from 1 to 100.",
        ),
    ],
)
def test_retention_set_refuses_bad_values(
    database: Database,
    location: DatabaseLocation,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    assert run(location, "retention", *argv) == 1
    assert capsys.readouterr().err == f"kansli-desk: {message}\n"
    with database.transaction() as session:
        assert retention.get_policy(session) == retention.RetentionPolicy()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["backup"], ["purge", "--now"], ["retention", "set", "--call-months", "x"]):
        with pytest.raises(SystemExit) as info:
            cli.run(argv)
        assert info.value.code == 2
        assert capsys.readouterr().err.startswith("usage: kansli-desk")
