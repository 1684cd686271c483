"""Backups of the local SQLite database (kansli_desk.services.backup).

The copy is taken with SQLite's online backup API while another connection keeps
saving calls in a thread: it must open, pass ``PRAGMA integrity_check`` and hold
a consistent set (every call with its topics and its audit event). A bad target
gives a clear message and leaves no file behind. PostgreSQL is refused with the
``pg_dump`` command to use instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from kansli_desk.core.enums import AuditAction, CallerKind, Outcome
from kansli_desk.errors import KnownError
from kansli_desk.models import AuditEvent
from kansli_desk.services import backup, calls, users
from kansli_desk.services.backup import BackupResult
from kansli_desk.services.database import Database, DatabaseLocation, open_database, parse_location
from kansli_desk.services.schema import SCHEMA_HEAD, SchemaStatus
from tests.helpers import ROOT, run_process

NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
SETPRIV = shutil.which("setpriv")


# A SQLite file is what is backed up; PostgreSQL is refused (tested on both below).
SQLITE_ONLY = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def sqlite_only(location: DatabaseLocation) -> Path:
    path = location.sqlite_path
    assert path is not None
    return path


def save_call(database: Database, user: users.UserInfo, topics: tuple[int, ...], n: int) -> int:
    data = calls.CallInput(
        started_at=NOW - dt.timedelta(minutes=n),
        duration_seconds=60 + n % 300,
        caller_kind=CallerKind.CITIZEN,
        topic_ids=topics,
        outcome=Outcome.ANSWERED,
        notes=f"Samtal nummer {n} om försegling",
    )
    with database.transaction() as session:
        return calls.create_call(session, user, data, now=NOW).id


def advisor(database: Database) -> tuple[users.UserInfo, tuple[int, ...]]:
    with database.transaction() as session:
        user = users.ensure_user(session, "anna")
        topics = tuple(topic.id for topic in calls.list_topics(session)[:2])
    return user, topics


def consistency(path: Path) -> tuple[list[str], int]:
    """(integrity_check's answer, calls) of a backup, checking every call is whole."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        count = conn.execute("SELECT count(*) FROM calls").fetchone()[0]
        without_topics = conn.execute(
            "SELECT count(*) FROM calls c WHERE "
            "(SELECT count(*) FROM call_topics t WHERE t.call_id = c.id) != 2"
        ).fetchone()[0]
        created = conn.execute(
            "SELECT count(*) FROM audit_events WHERE entity = 'call' AND action = 'create'"
        ).fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM audit_events a WHERE entity = 'call' AND action = 'create' "
            "AND NOT EXISTS (SELECT 1 FROM calls c WHERE CAST(c.id AS TEXT) = a.entity_id)"
        ).fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM calls_fts").fetchone()[0]
    assert without_topics == 0, "a call without its topics"
    assert (created, orphans) == (count, 0), "calls and their audit events differ"
    assert indexed == count, "the notes index is out of step"
    return check, count


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- a consistent copy -----------------------------------------------------------------------


@SQLITE_ONLY
def test_a_backup_is_a_checked_self_contained_copy(
    database: Database, location: DatabaseLocation, tmp_path: Path
) -> None:
    source = sqlite_only(location)
    user, topics = advisor(database)
    for n in range(5):
        save_call(database, user, topics, n)
    folder = tmp_path / "backups"
    folder.mkdir()
    target = folder / "kansli-2026-11-25.sqlite3"

    result = backup.backup_database(location, target)

    assert result == BackupResult(
        source=source,
        target=target,
        size_bytes=target.stat().st_size,
        revision=SCHEMA_HEAD,
        counts={"calls": 5, "forms": 0, "audit_events": 5},
    )
    assert files_in(folder) == [target.name]  # no -wal, no temporary file
    assert target.stat().st_mode & 0o777 == 0o600  # personal data: its owner only
    assert target.read_bytes()[18:20] == b"\x01\x01"  # a rollback-journal file, not WAL
    assert consistency(target) == (["ok"], 5)
    # The program opens the copy as it is: current, nothing to upgrade.
    copy = parse_location(f"sqlite:///{target}")[0]
    opened = open_database(copy, upgrade=False)
    try:
        assert opened.before.status is SchemaStatus.CURRENT
        with opened.database.transaction() as session:
            assert calls.get_call(session, 1).notes == "Samtal nummer 0 om försegling"
    finally:
        opened.database.close()


@SQLITE_ONLY
def test_a_backup_taken_while_another_connection_writes_is_consistent(
    database: Database, location: DatabaseLocation, tmp_path: Path
) -> None:
    sqlite_only(location)
    user, topics = advisor(database)
    stop = threading.Event()
    saved: list[int] = []
    failures: list[BaseException] = []

    def writer() -> None:
        n = 0
        try:
            while not stop.is_set():
                saved.append(save_call(database, user, topics, n))
                n += 1
        except BaseException as exc:  # reported by the test below
            failures.append(exc)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    copies = []
    try:
        for number in range(4):
            while len(saved) < 10 * (number + 1) and thread.is_alive():
                stop.wait(0.01)
            target = tmp_path / f"copy-{number}.sqlite3"
            result = backup.backup_database(location, target)
            copies.append((target, result.counts["calls"], len(saved)))
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not failures, failures
    assert not thread.is_alive()
    previous = 0
    for target, counted, saved_after in copies:
        check, count = consistency(target)
        assert check == ["ok"]
        assert count == counted
        assert previous <= count <= saved_after
        previous = count
    assert previous >= 30  # the writer went on saving between the copies
    copies_made = [name for name in files_in(tmp_path) if "copy-" in name]
    assert copies_made == [f"copy-{n}.sqlite3" for n in range(4)]  # nothing half-written left


@SQLITE_ONLY
def test_the_backup_is_recorded_in_the_audit_log(
    database: Database, location: DatabaseLocation, tmp_path: Path
) -> None:
    sqlite_only(location)
    result = backup.backup_database(location, tmp_path / "copy.sqlite3")
    with database.transaction() as session:
        user = users.ensure_user(session, "anna")
        backup.record_backup(session, user, result)
    with database.transaction() as session:
        event = session.scalars(sa.select(AuditEvent)).one()
        assert (event.action, event.entity, event.username) == (
            AuditAction.EXPORT,
            "database",
            "anna",
        )
        assert event.details["kind"] == "backup"
        assert event.details["file"] == str(tmp_path / "copy.sqlite3")


# --- what is refused -------------------------------------------------------------------------


def test_postgres_is_refused_with_the_pg_dump_command(
    location: DatabaseLocation, tmp_path: Path
) -> None:
    # Whatever the test database is, a PostgreSQL address is refused before connecting.
    target = tmp_path / "copy.dump"
    pg = parse_location("postgresql+psycopg://anna@db.example.se:5433/kansli")[0]
    with pytest.raises(KnownError) as info:
        backup.backup_database(pg, target)
    assert info.value.template == backup.MSG_POSTGRES
    assert info.value.params["command"] == (
        "pg_dump --format=custom --host=db.example.se --port=5433 --username=anna "
        "--file=kansli-desk.dump kansli"
    )
    if not location.is_sqlite:
        with pytest.raises(KnownError) as info:
            backup.backup_database(location, target)
        assert info.value.template == backup.MSG_POSTGRES
        assert str(info.value.params["command"]).endswith(f" {location.url.database}")
    assert not target.exists()


@pytest.mark.parametrize(
    ("make_target", "template"),
    [
        (lambda tmp: tmp / "missing" / "copy.sqlite3", backup.MSG_TARGET_FOLDER_MISSING),
        (lambda tmp: tmp / "a-folder", backup.MSG_TARGET_IS_FOLDER),
        (lambda tmp: tmp / "kansli.sqlite3", backup.MSG_TARGET_IS_SOURCE),
        (lambda tmp: tmp / "kansli.sqlite3-wal", backup.MSG_TARGET_IS_SOURCE),
        (lambda tmp: tmp / "old.sqlite3", backup.MSG_TARGET_EXISTS),
    ],
    ids=["missing folder", "a folder", "the database", "its wal", "an existing file"],
)
@SQLITE_ONLY
def test_a_bad_target_is_refused_and_nothing_is_written(
    database: Database,
    location: DatabaseLocation,
    tmp_path: Path,
    make_target: object,
    template: str,
) -> None:
    source = sqlite_only(location)
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "old.sqlite3").write_bytes(b"yesterday")
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    target = make_target(tmp_path)  # type: ignore[operator]
    with pytest.raises(KnownError) as info:
        backup.backup_database(location, target)
    assert info.value.template == template
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()} == before
    assert (tmp_path / "a-folder").is_dir() and not list((tmp_path / "a-folder").iterdir())
    assert source.is_file()


@SQLITE_ONLY
def test_replace_overwrites_an_existing_backup(location: DatabaseLocation, tmp_path: Path) -> None:
    sqlite_only(location)
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"yesterday")
    backup.backup_database(location, target, replace=True)
    assert consistency(target) == (["ok"], 0)


@SQLITE_ONLY
def test_a_failure_at_the_end_leaves_no_file(
    location: DatabaseLocation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_only(location)
    folder = tmp_path / "backups"
    folder.mkdir()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        backup.backup_database(location, folder / "copy.sqlite3")
    assert files_in(folder) == []


@SQLITE_ONLY
def test_a_damaged_database_is_not_backed_up(location: DatabaseLocation, tmp_path: Path) -> None:
    source = sqlite_only(location)
    data = bytearray(source.read_bytes())
    page = 4096
    for offset in range(3 * page, min(len(data), 12 * page), 7):  # pages 4-12: noise
        data[offset] = (data[offset] * 31 + 17) % 256
    source.write_bytes(bytes(data))
    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(KnownError) as info:
        backup.backup_database(location, folder / "copy.sqlite3")
    assert info.value.template in (backup.MSG_INTEGRITY, backup.MSG_SOURCE_UNREADABLE)
    assert files_in(folder) == []


def test_other_files_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite3"
    with contextlib.closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE notes (x)")
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, just some text " * 200)
    for path, template in (
        (foreign, backup.MSG_NOT_OURS),
        (text, backup.MSG_SOURCE_UNREADABLE),
        (tmp_path / "missing.sqlite3", backup.MSG_NO_SOURCE),
    ):
        with pytest.raises(KnownError) as info:
            backup.backup_database(parse_location(f"sqlite:///{path}")[0], tmp_path / "copy")
        assert info.value.template == template, path
    assert not (tmp_path / "copy").exists()
    assert not (tmp_path / "missing.sqlite3").exists()
    with pytest.raises(KnownError) as info:
        backup.backup_database(parse_location("sqlite://")[0], tmp_path / "copy")
    assert info.value.template == backup.MSG_IN_MEMORY


@SQLITE_ONLY
def test_an_unwritable_folder_is_refused(location: DatabaseLocation, tmp_path: Path) -> None:
    # Root writes through permission bits: as root, drop the override capability.
    sqlite_only(location)
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kansli_desk.errors import KnownError\n"
        "from kansli_desk.services import backup, database\n"
        "location = database.parse_location(sys.argv[1])[0]\n"
        "try:\n"
        "    backup.backup_database(location, Path(sys.argv[2]))\n"
        "except KnownError as exc:\n"
        "    print(exc.template)\n"
        "    sys.exit(1)\n"
    )
    args = [sys.executable, "-c", script, str(location.url), str(folder / "copy.sqlite3")]
    if IS_ROOT:
        if SETPRIV is None:
            pytest.skip("setpriv (util-linux) is not installed")
        args = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all", *args]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        proc = run_process(args, cwd=tmp_path, env=env)
    finally:
        folder.chmod(0o755)
    if IS_ROOT and "Operation not permitted" in proc.stderr:
        pytest.skip(f"cannot drop capabilities here: {proc.stderr.strip()}")
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert proc.stdout.strip() == backup.MSG_TARGET_UNWRITABLE
    assert files_in(folder) == []
    assert isinstance(proc, subprocess.CompletedProcess)
