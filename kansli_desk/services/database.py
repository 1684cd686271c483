"""Opening a database: choosing the URL, making the engine, checking the schema.

The embedded default is a SQLite file in the user data folder; ``--database URL``
or ``KANSLI_DESK_DATABASE`` selects another one, for example a shared
``postgresql+psycopg://user@host/db``. Passwords never travel inside a URL that
is stored, shown or logged: :func:`parse_location` splits them off, and the
engine receives them as a connection argument.

Every failure becomes a :class:`~kansli_desk.errors.DatabaseError` with a
message for the user, and a failed attempt changes nothing: the schema is
checked read-only before anything is written, an upgrade runs in one
transaction (SQLite included), and a database file created by the failed
attempt is removed again.
"""

from __future__ import annotations

import getpass
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kansli_desk import paths
from kansli_desk.errors import (
    DatabaseError,
    PasswordRequiredError,
    SchemaTooNewError,
)
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.services import schema
from kansli_desk.services.schema import SchemaState, SchemaStatus

log = logging.getLogger(__name__)

ENV_VAR = "KANSLI_DESK_DATABASE"
POSTGRES_DEFAULT_PORT = 5432
CONNECT_TIMEOUT_SECONDS = 8

_DRIVERS = {
    "sqlite": "sqlite+pysqlite",
    "sqlite+pysqlite": "sqlite+pysqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}


@dataclass(frozen=True)
class DatabaseLocation:
    """Where a database is. Never holds a password.

    Attributes:
        url: SQLAlchemy URL with a supported driver and no password.
        is_default: the embedded default file (its folder may be created).
    """

    url: URL
    is_default: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The database file, or None for PostgreSQL and in-memory SQLite."""
        if not self.is_sqlite or self.url.database in (None, "", ":memory:"):
            return None
        return Path(str(self.url.database))

    @property
    def server(self) -> str:
        """``host:port`` of a PostgreSQL server (empty for SQLite)."""
        if self.is_sqlite:
            return ""
        return f"{self.url.host or 'localhost'}:{self.url.port or POSTGRES_DEFAULT_PORT}"

    @property
    def login(self) -> str:
        """The user the database sees: the database login, or the OS user for SQLite."""
        if not self.is_sqlite and self.url.username:
            return self.url.username
        return getpass.getuser()

    @property
    def display(self) -> str:
        """Safe to show and log: a file path, or ``user@host:port/database``."""
        path = self.sqlite_path
        if self.is_sqlite:
            return str(path) if path is not None else ":memory:"
        user = f"{self.url.username}@" if self.url.username else ""
        return f"{user}{self.server}/{self.url.database or ''}"

    @property
    def keyring_account(self) -> str:
        """The key under which this database's password is kept in the keyring."""
        return self.display

    def to_setting(self) -> str:
        """The URL as stored in the settings file (never with a password)."""
        return "" if self.is_default else self.url.render_as_string(hide_password=False)


def parse_location(text: str, *, is_default: bool = False) -> tuple[DatabaseLocation, str | None]:
    """Check a database URL and split off any password.

    Returns:
        The location (without password) and the password given in the URL, if any.

    Raises:
        DatabaseError: the URL is malformed or names an unsupported database.
    """
    text = text.strip()
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database address is not valid. Use sqlite:///FILE or "
                "postgresql+psycopg://user@server/database.",
            )
        ) from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Unknown database type “{scheme}”. Kansli Desk works with sqlite:///FILE "
                "or postgresql+psycopg://user@server/database.",
            ),
            scheme=url.drivername,
        )
    # A password may come as user:password@ or as libpq's ?password= parameter.
    query = dict(url.query)
    query_password = query.pop("password", None)
    if isinstance(query_password, tuple):
        query_password = query_password[-1] if query_password else None
    password = url.password or query_password or None
    # Rebuilt rather than ``url.set(password=None)``: ``set`` ignores None values,
    # which would keep the password in the URL (and in the settings file).
    url = URL.create(
        driver,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=query,
    )
    if url.get_backend_name() == "postgresql" and not url.database:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "The PostgreSQL address must name a database.")
        )
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        url = url.set(database=str(Path(str(url.database)).expanduser()))
    return DatabaseLocation(url, is_default=is_default), str(password) if password else None


def default_location() -> DatabaseLocation:
    """The embedded SQLite file in the user data folder."""
    location, _ = parse_location("sqlite:///" + str(paths.default_database_path()), is_default=True)
    return location


def choose_location(
    cli_url: str | None, settings_url: str = "", environ: dict[str, str] | None = None
) -> tuple[DatabaseLocation, str | None]:
    """Pick the database: ``--database``, then the environment, then settings, then default."""
    env = os.environ if environ is None else environ
    for candidate in (cli_url, env.get(ENV_VAR), settings_url):
        if candidate:
            return parse_location(candidate)
    return default_location(), None


class Database:
    """An open, checked database.

    Attributes:
        location: where it is.
        engine: the SQLAlchemy engine (thread-safe; each thread opens sessions).
    """

    def __init__(self, location: DatabaseLocation, engine: Engine) -> None:
        self.location = location
        self.engine = engine
        self._sessionmaker = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception."""
        with self._sessionmaker.begin() as session:
            yield session

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


class ConnectionLostError(DatabaseError):
    """The shared database server cannot be reached or closed the connection.

    Worth retrying: the program keeps the user's input and tries again until the
    server answers (``ui/connection.py``).
    """


@dataclass(frozen=True)
class OpenResult:
    """What :func:`open_database` did."""

    database: Database
    before: SchemaState
    created: bool

    @property
    def upgraded(self) -> bool:
        return self.before.status in (SchemaStatus.EMPTY, SchemaStatus.OUTDATED)


def create_engine_for(location: DatabaseLocation, password: str | None = None) -> Engine:
    """An engine configured for Kansli Desk (no checks, no connection yet)."""
    if location.is_sqlite:
        engine = sa.create_engine(
            location.url,
            connect_args={"check_same_thread": False, "timeout": 10},
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "application_name": "kansli-desk",
    }
    if password is not None:
        connect_args["password"] = password
    return sa.create_engine(
        location.url, connect_args=connect_args, pool_pre_ping=True, pool_size=4
    )


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy emit BEGIN itself: pysqlite otherwise commits before DDL,
    # which would make a failed migration leave half a schema behind.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_on_begin(connection: sa.Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def open_database(
    location: DatabaseLocation, *, password: str | None = None, upgrade: bool = True
) -> OpenResult:
    """Open a database, creating or upgrading its schema when needed.

    Args:
        location: where the database is.
        password: PostgreSQL password (None: libpq's own sources, e.g. ~/.pgpass).
        upgrade: create or upgrade the schema; if False an old schema is an error.

    Raises:
        SchemaTooNewError: the database is from a newer program version.
        PasswordRequiredError: the server wants a (different) password.
        DatabaseError: any other reason the database cannot be used.
    """
    created_paths = _prepare_sqlite_file(location)
    engine = create_engine_for(location, password)
    try:
        with engine.connect() as conn:
            before = schema.inspect_schema(conn)
        _refuse_unusable(before, location, upgrade)
        if before.status is not SchemaStatus.CURRENT:
            log.info("Upgrading schema of %s from %s", location.display, before.revision)
            with engine.begin() as conn:
                schema.upgrade(conn)
        if location.sqlite_path is not None:
            _enable_wal(engine)
    except BaseException as exc:
        engine.dispose()
        for path in created_paths:
            _remove_new_file(path)
        if isinstance(exc, SQLAlchemyError | OSError | sqlite3.Error):
            raise map_error(exc, location) from exc
        raise
    log.info("Opened database %s", location.display)
    return OpenResult(Database(location, engine), before, created=bool(created_paths))


def _refuse_unusable(state: SchemaState, location: DatabaseLocation, upgrade: bool) -> None:
    if state.status is SchemaStatus.NEWER:
        raise SchemaTooNewError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database {where} was made by a newer version of Kansli Desk "
                "(schema {revision}). Update the program before using this database; "
                "nothing was changed.",
            ),
            where=location.display,
            revision=state.revision,
        )
    if state.status is SchemaStatus.FOREIGN:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database {where} holds tables of another program, not Kansli Desk. "
                "Choose an empty database or a Kansli Desk database; nothing was changed.",
            ),
            where=location.display,
        )
    if not upgrade and state.status is not SchemaStatus.CURRENT:
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The database {where} needs an upgrade first: run “kansli-desk db upgrade”.",
            ),
            where=location.display,
        )


def _prepare_sqlite_file(location: DatabaseLocation) -> list[Path]:
    """Check a SQLite file before connecting; return the paths this attempt creates."""
    path = location.sqlite_path
    if path is None:
        return []
    created: list[Path] = []
    if path.exists():
        if not path.is_file():
            raise DatabaseError(
                QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a database file."),
                path=str(path),
            )
        if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseError(_MSG_READ_ONLY, path=str(path))
        return created
    parent = path.parent
    if not parent.exists():
        if not location.is_default:
            raise DatabaseError(
                QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist."),
                folder=str(parent),
            )
        missing = [p for p in [parent, *parent.parents] if not p.exists()]
        try:
            parent.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise map_error(exc, location) from exc
        created.extend(reversed(sorted(missing)))
    if not os.access(parent, os.W_OK):
        raise DatabaseError(_MSG_READ_ONLY, path=str(path))
    # Created readable by its owner only: it holds personal data.
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    created.insert(0, path)
    return created


def _remove_new_file(path: Path) -> None:
    try:
        if path.is_dir():
            path.rmdir()
        else:
            for extra in ("", "-wal", "-shm", "-journal"):
                Path(str(path) + extra).unlink(missing_ok=True)
    except OSError:
        log.warning("Could not remove %s after a failed open", path)


def _enable_wal(engine: Engine) -> None:
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        mode = driver.execute("PRAGMA journal_mode=WAL").fetchone()
        if not mode or str(mode[0]).lower() != "wal":
            log.warning("SQLite refused WAL mode (%s)", mode)
    finally:
        raw.close()


_MSG_READ_ONLY = QT_TRANSLATE_NOOP(
    "Errors",
    "The database file {path} cannot be written to (it or its folder is read-only). "
    "Check the file's permissions or choose another database.",
)


def map_error(exc: BaseException, location: DatabaseLocation) -> DatabaseError:
    """Turn a driver error into a message for the user. Never includes a password."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    where = location.display
    if location.is_sqlite:
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return DatabaseError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The file {path} is damaged or is not a Kansli Desk database; "
                    "nothing was changed.",
                ),
                path=where,
            )
        if "readonly" in text or "read-only" in text or isinstance(orig, PermissionError):
            return DatabaseError(_MSG_READ_ONLY, path=where)
        if "locked" in text or "busy" in text:
            return DatabaseError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The database file {path} is busy in another program. Try again in a moment.",
                ),
                path=where,
            )
        return DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "The database file {path} cannot be opened ({detail})."),
            path=where,
            detail=_first_line(orig),
        )
    user = location.url.username or location.login
    if "password authentication failed" in text:
        return PasswordRequiredError(
            QT_TRANSLATE_NOOP("Errors", "Wrong password for {user} on {server}."),
            user=user,
            server=location.server,
        )
    if "no password supplied" in text or "password is required" in text:
        return PasswordRequiredError(
            QT_TRANSLATE_NOOP("Errors", "The server {server} asks for a password for {user}."),
            user=user,
            server=location.server,
        )
    if "database" in text and "does not exist" in text:
        return DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "The database “{name}” does not exist on {server}."),
            name=str(location.url.database),
            server=location.server,
        )
    if "role" in text and "does not exist" in text:
        return DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "The user “{user}” does not exist on {server}."),
            user=user,
            server=location.server,
        )
    if "permission denied" in text:
        return DatabaseError(
            QT_TRANSLATE_NOOP(
                "Errors", "The user “{user}” may not use the database {where} this way."
            ),
            user=user,
            where=where,
        )
    if isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError | OSError):
        kind = ConnectionLostError if is_connection_lost(exc) else DatabaseError
        return kind(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Cannot reach the database server {server}. Check the address and the "
                "network, and that the server is running.",
            ),
            server=location.server,
        )
    return DatabaseError(
        QT_TRANSLATE_NOOP("Errors", "The database {where} cannot be used ({detail})."),
        where=where,
        detail=_first_line(orig),
    )


# SQLSTATEs that mean the connection itself is gone: class 08 (connection exception),
# and the server shutting down, crashed or still starting (57P01-57P03).
_CONNECTION_SQLSTATES = ("08", "57P01", "57P02", "57P03")


def is_connection_lost(exc: BaseException) -> bool:
    """Whether a driver error means the server cannot be reached (or the connection died).

    Only these are worth retrying until the server is back: refused or timed-out
    connects, connections the server closed, and the server shutting down. Other
    operational errors (deadlocks, serialization failures, cancelled statements,
    a locked SQLite file) are not.
    """
    if getattr(exc, "connection_invalidated", False):
        return True  # SQLAlchemy recognised a disconnect
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, ConnectionError | TimeoutError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover (psycopg is a dependency)
        return False
    if not isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError):
        return False
    sqlstate = getattr(orig, "sqlstate", None)
    # No SQLSTATE: the client library failed (connect refused or timed out, socket closed).
    return sqlstate is None or sqlstate.startswith(_CONNECTION_SQLSTATES)


def is_permission_denied(exc: BaseException) -> bool:
    """Whether the database refused the statement to this login (SQLSTATE 42501:
    its role lacks a grant, as ``kansli-desk db roles`` sets up per role)."""
    orig = getattr(exc, "orig", None) or exc
    return getattr(orig, "sqlstate", None) == "42501"


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else type(exc).__name__)[:200]


def postgres_location(host: str, port: int, database: str, user: str) -> DatabaseLocation:
    """A PostgreSQL location from the fields of the connection dialog.

    Raises:
        DatabaseError: a field is empty.
    """
    if not host.strip() or not database.strip() or not user.strip():
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "Fill in the server, the database and the user."),
            field="host" if not host.strip() else "database" if not database.strip() else "user",
        )
    url = URL.create(
        "postgresql+psycopg",
        username=user.strip(),
        host=host.strip(),
        port=port,
        database=database.strip(),
    )
    return DatabaseLocation(url)


def check_connection(location: DatabaseLocation, password: str | None = None) -> SchemaState:
    """Connect and read the schema version, changing nothing (the "Test" button).

    Raises:
        DatabaseError: the database cannot be reached or used.
    """
    if location.sqlite_path is not None and not location.sqlite_path.exists():
        return SchemaState(SchemaStatus.EMPTY, None)
    engine = create_engine_for(location, password)
    try:
        with engine.connect() as conn:
            return schema.inspect_schema(conn)
    except (SQLAlchemyError, OSError, sqlite3.Error) as exc:
        raise map_error(exc, location) from exc
    finally:
        engine.dispose()
