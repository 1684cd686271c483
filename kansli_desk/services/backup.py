"""Backups: a consistent copy of a local SQLite database, taken while it is in use.

:func:`backup_database` copies with SQLite's online backup API in one step: the
copy is one read transaction of the source, so it holds every transaction that
was committed before it began and nothing of those after, while the program
(WAL mode: readers never block the writer) goes on saving. The copy is written
to a temporary file in the target's folder (readable by its owner only, as the
database), switched from WAL to a single self-contained file, checked with
``PRAGMA integrity_check``, flushed to disk and only then renamed to the target
(``os.replace``): a failure at any point leaves no file, or half a file, behind.

The source is opened read-only and never upgraded, so a database of an older
program version can be backed up before it is upgraded.

A shared PostgreSQL database is backed up with PostgreSQL's own ``pg_dump``
(:data:`MSG_POSTGRES`, :func:`pg_dump_command`): the program refuses rather than
copying it table by table.

:func:`record_backup` adds the backup to the audit log (``EXPORT``, details
``{"kind": "backup", ...}``): a backup is a copy of all the personal data.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction
from kansli_desk.errors import KnownError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.services import audit
from kansli_desk.services.database import POSTGRES_DEFAULT_PORT, DatabaseLocation
from kansli_desk.services.users import UserInfo

log = logging.getLogger(__name__)

ENTITY = "database"
COUNTED_TABLES = ("calls", "forms", "audit_events")
"""Tables whose rows are counted in the copy (for the report)."""

MSG_POSTGRES = QT_TRANSLATE_NOOP(
    "Errors",
    "“kansli-desk backup” copies a local SQLite file only. Back up the shared PostgreSQL "
    "database with pg_dump on a machine that can reach the server: {command} "
    "(restore it into an empty database with pg_restore).",
)
MSG_IN_MEMORY = QT_TRANSLATE_NOOP("Errors", "A database in memory cannot be backed up.")
MSG_NO_SOURCE = QT_TRANSLATE_NOOP(
    "Errors", "The database file {path} does not exist; there is nothing to back up."
)
MSG_NOT_OURS = QT_TRANSLATE_NOOP(
    "Errors", "The file {path} is not a Kansli Desk database; nothing was copied."
)
MSG_SOURCE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Errors", "The database file {path} cannot be read ({detail}); nothing was copied."
)
MSG_TARGET_FOLDER_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "The folder {folder} does not exist; no backup was written."
)
MSG_TARGET_IS_FOLDER = QT_TRANSLATE_NOOP(
    "Errors", "{path} is a folder. Give the name of the backup file to write."
)
MSG_TARGET_EXISTS = QT_TRANSLATE_NOOP(
    "Errors",
    "The file {path} already exists and was left as it is. Choose another name, or add "
    "--replace to replace it.",
)
MSG_TARGET_IS_SOURCE = QT_TRANSLATE_NOOP(
    "Errors", "The backup cannot be written over the database itself ({path})."
)
MSG_TARGET_UNWRITABLE = QT_TRANSLATE_NOOP(
    "Errors", "The backup cannot be written to {folder} ({detail}); no backup was written."
)
MSG_COPY_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "The backup of {path} failed ({detail}); no backup was written."
)
MSG_INTEGRITY = QT_TRANSLATE_NOOP(
    "Errors",
    "The copy of {path} failed its integrity check ({detail}); no backup was written. "
    "The database itself may be damaged: keep the older backups.",
)


@dataclass(frozen=True)
class BackupResult:
    """A verified backup.

    Attributes:
        source: the database file copied.
        target: the backup file written.
        size_bytes: the size of the backup file.
        revision: the schema revision of the copy (None: an empty database).
        counts: rows of :data:`COUNTED_TABLES` in the copy (missing tables left out).
    """

    source: Path
    target: Path
    size_bytes: int
    revision: str | None
    counts: dict[str, int]


def pg_dump_command(location: DatabaseLocation, file: str = "kansli-desk.dump") -> str:
    """The pg_dump command that backs up ``location`` to ``file`` (custom format)."""
    url = location.url
    parts = [
        "pg_dump",
        "--format=custom",
        f"--host={url.host or 'localhost'}",
        f"--port={url.port or POSTGRES_DEFAULT_PORT}",
    ]
    if url.username:
        parts.append(f"--username={url.username}")
    parts += [f"--file={file}", str(url.database or "")]
    return " ".join(parts)


def backup_database(
    location: DatabaseLocation, target: Path, *, replace: bool = False
) -> BackupResult:
    """Copy the SQLite database at ``location`` to ``target`` (see the module docstring).

    Args:
        location: the database to copy (a SQLite file).
        target: the backup file to write.
        replace: replace an existing ``target`` (otherwise it is an error).

    Raises:
        KnownError: a PostgreSQL or in-memory database, a missing or foreign
            source, a target that cannot be written, or a copy that fails its
            integrity check. Nothing is left at ``target`` (an existing file is
            kept unless the new copy replaced it completely).
    """
    if not location.is_sqlite:
        raise KnownError(MSG_POSTGRES, command=pg_dump_command(location))
    if location.sqlite_path is None:
        raise KnownError(MSG_IN_MEMORY)
    source = location.sqlite_path.absolute()
    if not source.is_file():
        raise KnownError(MSG_NO_SOURCE, path=str(source))
    target = _checked_target(source, Path(target).expanduser(), replace=replace)
    with contextlib.closing(_open_source(source)) as conn:
        revision = _revision(conn, source)
        fd, name = _temporary_file(target)
        os.close(fd)
        temporary = Path(name)
        try:
            counts = _copy(conn, source, temporary)
            _fsync(temporary)
            os.replace(temporary, target)
        except BaseException:
            _remove(temporary)
            raise
    _fsync_folder(target.parent)
    size = target.stat().st_size
    log.info("Backed up %s to %s (%d bytes)", source, target, size)
    return BackupResult(source, target, size, revision, counts)


def _checked_target(source: Path, target: Path, *, replace: bool) -> Path:
    target = target.absolute()
    if target.is_dir():
        raise KnownError(MSG_TARGET_IS_FOLDER, path=str(target))
    folder = target.parent
    if not folder.is_dir():
        raise KnownError(MSG_TARGET_FOLDER_MISSING, folder=str(folder))
    for extra in ("", "-wal", "-shm", "-journal"):
        database_file = Path(str(source) + extra).absolute()
        same = database_file == target or (
            target.exists() and database_file.exists() and os.path.samefile(database_file, target)
        )
        if same:
            raise KnownError(MSG_TARGET_IS_SOURCE, path=str(target))
    if target.exists() and not replace:
        raise KnownError(MSG_TARGET_EXISTS, path=str(target))
    return target


def _open_source(source: Path) -> sqlite3.Connection:
    """The source, read-only (never created, never changed)."""
    uri = source.absolute().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30)
        conn.execute("PRAGMA busy_timeout=30000")
        return conn
    except sqlite3.Error as exc:
        raise KnownError(MSG_SOURCE_UNREADABLE, path=str(source), detail=_detail(exc)) from None


def _revision(conn: sqlite3.Connection, source: Path) -> str | None:
    """The schema revision of the source; refuses a file of another program."""
    try:
        tables = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise KnownError(MSG_NOT_OURS, path=str(source))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise KnownError(MSG_SOURCE_UNREADABLE, path=str(source), detail=_detail(exc)) from None
    return None if row is None else str(row[0])


def _temporary_file(target: Path) -> tuple[int, str]:
    """A new, empty file beside the target, readable by its owner only."""
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise KnownError(
            MSG_TARGET_UNWRITABLE, folder=str(target.parent), detail=_detail(exc)
        ) from None


def _copy(conn: sqlite3.Connection, source: Path, temporary: Path) -> dict[str, int]:
    """Copy into ``temporary`` and verify it; returns the row counts of the copy."""
    try:
        with contextlib.closing(sqlite3.connect(temporary, isolation_level=None)) as copy:
            # One step: one read transaction of the source, a consistent snapshot.
            conn.backup(copy, pages=-1)
            # The source is in WAL mode and so is its copy; one self-contained file
            # is what a backup should be (the program switches WAL on again on open).
            copy.execute("PRAGMA journal_mode=DELETE")
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise KnownError(MSG_INTEGRITY, path=str(source), detail="; ".join(problems[:3]))
            tables = {
                name
                for (name,) in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            return {
                table: int(copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in COUNTED_TABLES
                if table in tables
            }
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise KnownError(MSG_INTEGRITY, path=str(source), detail=_detail(exc)) from None
        raise KnownError(MSG_COPY_FAILED, path=str(source), detail=_detail(exc)) from None
    finally:
        for extra in ("-wal", "-shm", "-journal"):
            _remove(Path(str(temporary) + extra))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (not possible, nor needed, on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        _fsync(folder)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _detail(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else type(exc).__name__)[:200]


def record_backup(session: Session, user: UserInfo, result: BackupResult) -> None:
    """Add the backup to the audit log of the database that was copied."""
    audit.record(
        session,
        user,
        AuditAction.EXPORT,
        entity=ENTITY,
        details={
            "kind": "backup",
            "file": str(result.target),
            "size_bytes": result.size_bytes,
            "revision": result.revision,
            "counts": result.counts,
        },
    )
    session.flush()
