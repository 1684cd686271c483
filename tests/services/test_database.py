"""Opening a database: choosing it, creating it, refusing it, and saying why.

The promise of :mod:`kansli_desk.services.database` is that every failure is a
:class:`DatabaseError` with a message for the user and that a failed attempt
changes nothing; these tests check both on SQLite and PostgreSQL.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from kansli_desk.errors import DatabaseError, PasswordRequiredError, SchemaTooNewError
from kansli_desk.models import Topic, User
from kansli_desk.services import schema
from kansli_desk.services.database import (
    ENV_VAR,
    DatabaseLocation,
    check_connection,
    choose_location,
    create_engine_for,
    default_location,
    map_error,
    open_database,
    parse_location,
    postgres_location,
)
from kansli_desk.services.schema import SCHEMA_HEAD, SchemaState, SchemaStatus
from tests.conftest import PostgresServer
from tests.helpers import connect, run_process

ROOT = Path(__file__).resolve().parent.parent.parent
SIDE_FILES = ("-wal", "-shm", "-journal")


POSTGRES_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def sqlite_location(path: Path) -> DatabaseLocation:
    return parse_location(f"sqlite:///{path}")[0]


def url_of(location: DatabaseLocation) -> str:
    return location.url.render_as_string(hide_password=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def execute(location: DatabaseLocation, sql: str) -> None:
    engine = create_engine_for(location)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(sql))
    finally:
        engine.dispose()


def tables(location: DatabaseLocation) -> set[str]:
    with connect(location) as conn:
        return set(sa.inspect(conn).get_table_names())


def version_rows(location: DatabaseLocation) -> list[str]:
    with connect(location) as conn:
        return list(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())


def snapshot(location: DatabaseLocation) -> object:
    """Everything a test can see of a database without changing it."""
    path = location.sqlite_path
    if path is not None:
        return (digest(path), listing(path.parent))
    return (
        tables(location),
        version_rows(location) if "alembic_version" in tables(location) else None,
    )


# --- a new SQLite file -----------------------------------------------------------


def test_new_sqlite_file_is_private_wal_with_foreign_keys_and_current_schema(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new.sqlite3"
    result = open_database(sqlite_location(path))
    try:
        assert result.created
        assert result.before.status is SchemaStatus.EMPTY
        assert result.upgraded
        # It holds personal data: readable by its owner only.
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with result.database.transaction() as session:
            assert session.execute(sa.text("PRAGMA foreign_keys")).scalar_one() == 1
            assert session.execute(sa.text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert session.scalar(sa.select(sa.func.count()).select_from(Topic)) == 12
            session.add(User(username="anna"))
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                assert stat.S_IMODE(side.stat().st_mode) == 0o600, suffix
    finally:
        result.database.close()
    assert version_rows(sqlite_location(path)) == [SCHEMA_HEAD]

    again = open_database(sqlite_location(path))
    try:
        assert not again.created
        assert again.before == SchemaState(SchemaStatus.CURRENT, SCHEMA_HEAD)
        assert not again.upgraded
        with again.database.transaction() as session:
            # Nothing was re-created or re-seeded: the data is still there, once.
            assert session.scalar(sa.select(sa.func.count()).select_from(Topic)) == 12
            assert session.scalars(sa.select(User.username)).all() == ["anna"]
    finally:
        again.database.close()


def test_every_session_connection_enforces_foreign_keys(tmp_path: Path) -> None:
    result = open_database(sqlite_location(tmp_path / "fk.sqlite3"))
    try:
        # Several connections from the pool, each must have the pragma.
        sessions = [result.database.transaction() for _ in range(3)]
        with contextlib.ExitStack() as stack:
            opened = [stack.enter_context(s) for s in sessions]
            for session in opened:
                assert session.execute(sa.text("PRAGMA foreign_keys")).scalar_one() == 1
        with pytest.raises(IntegrityError), result.database.transaction() as session:
            session.execute(sa.text("INSERT INTO article_topics VALUES (999, 999)"))
    finally:
        result.database.close()


def test_default_location_creates_its_missing_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "a" / "b" / "c"
    monkeypatch.setenv("KANSLI_DESK_DATA_DIR", str(data_dir))
    location = default_location()
    assert location.is_default
    assert location.sqlite_path == data_dir / "kansli-desk.sqlite3"
    assert location.to_setting() == ""  # the default is not written to the settings

    result = open_database(location)
    try:
        assert result.created
        assert location.sqlite_path.is_file()
        # The folder holding personal data is private too.
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    finally:
        result.database.close()


def test_failed_open_of_default_location_removes_the_folders_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KANSLI_DESK_DATA_DIR", str(tmp_path / "a" / "b"))

    def broken_upgrade(connection: sa.Connection) -> None:
        raise OperationalError("CREATE TABLE", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(schema, "upgrade", broken_upgrade)
    with pytest.raises(DatabaseError):
        open_database(default_location())
    assert listing(tmp_path) == []


def test_user_given_path_in_missing_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "no-such-folder"
    with pytest.raises(DatabaseError) as info:
        open_database(sqlite_location(folder / "kansli.sqlite3"))
    assert "does not exist" in info.value.message()
    assert str(folder) in info.value.message()
    assert not folder.exists()
    assert listing(tmp_path) == []


def test_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(sqlite_location(tmp_path))
    assert "folder" in info.value.message()
    assert listing(tmp_path) == []


# --- choosing the database ---------------------------------------------------------


def test_choose_location_precedence(tmp_path: Path) -> None:
    cli, env_url, settings = (f"sqlite:///{tmp_path / n}.db" for n in ("cli", "env", "settings"))
    environ = {ENV_VAR: env_url}

    def chosen(cli_url: str | None, settings_url: str, env: dict[str, str]) -> Path | None:
        location, _ = choose_location(cli_url, settings_url, env)
        return location.sqlite_path

    assert chosen(cli, settings, environ) == tmp_path / "cli.db"
    assert chosen(None, settings, environ) == tmp_path / "env.db"
    assert chosen("", settings, environ) == tmp_path / "env.db"
    assert chosen(None, settings, {}) == tmp_path / "settings.db"
    assert chosen(None, settings, {ENV_VAR: ""}) == tmp_path / "settings.db"
    default, password = choose_location(None, "", {})
    assert default.is_default
    assert default == default_location()
    assert password is None
    assert listing(tmp_path) == []  # choosing opens nothing


def test_choose_location_reads_the_process_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path / 'env.db'}")
    location, _ = choose_location(None, f"sqlite:///{tmp_path / 'settings.db'}")
    assert location.sqlite_path == tmp_path / "env.db"
    location, _ = choose_location(f"sqlite:///{tmp_path / 'cli.db'}")
    assert location.sqlite_path == tmp_path / "cli.db"


def test_choose_location_returns_the_password_of_the_url() -> None:
    location, password = choose_location("postgresql://anna:hemligt@db.example.se/kansli", "", {})
    assert password == "hemligt"
    assert location.url.password is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mysql://x/y", "Unknown database type “mysql”"),
        ("foo://bar", "Unknown database type “foo”"),
        ("not a database address", "is not valid"),
        ("", "is not valid"),
        ("postgresql://anna@db.example.se:notaport/kansli", "is not valid"),
        ("postgresql://anna@db.example.se", "must name a database"),
        ("postgresql+psycopg://anna@db.example.se:5432/", "must name a database"),
    ],
)
def test_bad_address_is_refused_with_a_clear_message(
    text: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatabaseError) as info:
        parse_location(text)
    assert expected in info.value.message()
    assert "Traceback" not in info.value.message()
    assert listing(tmp_path) == []
    assert not Path(os.environ["KANSLI_DESK_DATA_DIR"]).exists()


# --- parse_location -------------------------------------------------------------------


def test_parse_location_splits_off_the_password() -> None:
    location, password = parse_location(
        "postgresql://anna:p%40ss%3Aw%2Frd@db.example.se:6543/kansli"
    )
    assert password == "p@ss:w/rd"
    assert location.url.password is None
    assert location.url.drivername == "postgresql+psycopg"
    assert location.display == "anna@db.example.se:6543/kansli"
    assert location.server == "db.example.se:6543"
    assert location.keyring_account == location.display
    for shown in (location.display, location.to_setting(), repr(location), str(location.url)):
        assert "p@ss" not in shown
        assert "p%40ss" not in shown
    # The stored form reads back as the same location.
    assert parse_location(location.to_setting()) == (location, None)


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+psycopg"])
def test_postgres_schemes_use_psycopg(scheme: str) -> None:
    location, password = parse_location(f"{scheme}://anna@db.example.se/kansli")
    assert location.url.drivername == "postgresql+psycopg"
    assert password is None
    assert location.display == "anna@db.example.se:5432/kansli"
    assert not location.is_sqlite


def test_sqlite_location_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    location, password = parse_location("sqlite:///~/kansli.sqlite3")
    assert location.sqlite_path == tmp_path / "kansli.sqlite3"
    assert location.display == str(tmp_path / "kansli.sqlite3")
    assert password is None


def test_postgres_location_needs_every_field() -> None:
    with pytest.raises(DatabaseError) as info:
        postgres_location("", 5432, "db", "u")
    assert info.value.field == "host"
    assert "Fill in" in info.value.message()
    with pytest.raises(DatabaseError) as info:
        postgres_location("db.example.se", 5432, "  ", "u")
    assert info.value.field == "database"
    with pytest.raises(DatabaseError) as info:
        postgres_location("db.example.se", 5432, "kansli", "")
    assert info.value.field == "user"

    location = postgres_location(" db.example.se ", 6543, " kansli ", " anna ")
    assert location.display == "anna@db.example.se:6543/kansli"
    assert location.url.drivername == "postgresql+psycopg"
    assert location.url.password is None


# --- damaged, newer and foreign databases -----------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(random.Random(1).randbytes(16384), id="random-bytes"),
        pytest.param("Inköpslista\nmjölk\nbröd\n".encode() * 300, id="text-file"),
        pytest.param(b"hej\n", id="short-text-file"),
    ],
)
def test_damaged_sqlite_file_is_refused_and_left_alone(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        open_database(sqlite_location(path))
    assert "damaged" in info.value.message()
    assert str(path) in info.value.message()
    assert path.read_bytes() == content
    assert listing(tmp_path) == ["damaged.sqlite3"]  # no -wal, -shm or -journal

    with pytest.raises(DatabaseError) as info:
        check_connection(sqlite_location(path))
    assert "damaged" in info.value.message()
    assert path.read_bytes() == content
    assert listing(tmp_path) == ["damaged.sqlite3"]


def test_newer_schema_is_refused_and_nothing_changes(location: DatabaseLocation) -> None:
    execute(location, "UPDATE alembic_version SET version_num = '9999'")
    before = snapshot(location)
    tables_before = tables(location)

    with pytest.raises(SchemaTooNewError) as info:
        open_database(location)
    assert "newer version" in info.value.message()
    assert "9999" in info.value.message()
    assert info.value.params["revision"] == "9999"

    assert snapshot(location) == before
    assert tables(location) == tables_before
    assert version_rows(location) == ["9999"]
    path = location.sqlite_path
    if path is not None:
        assert not any(Path(str(path) + s).exists() for s in SIDE_FILES)
    # The connection test reports it without refusing or changing anything.
    assert check_connection(location) == SchemaState(SchemaStatus.NEWER, "9999")
    assert snapshot(location) == before


def test_upgrade_false_refuses_a_newer_schema_too(location: DatabaseLocation) -> None:
    execute(location, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaTooNewError):
        open_database(location, upgrade=False)
    assert version_rows(location) == ["9999"]


def test_foreign_database_is_refused_and_nothing_created(
    empty_location: DatabaseLocation,
) -> None:
    path = empty_location.sqlite_path
    if path is not None:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
            conn.execute("INSERT INTO recipes (name) VALUES ('kanelbullar')")
            conn.commit()
    else:
        execute(empty_location, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        execute(empty_location, "INSERT INTO recipes (id, name) VALUES (1, 'kanelbullar')")
    before = snapshot(empty_location)

    with pytest.raises(DatabaseError) as info:
        open_database(empty_location)
    assert "another program" in info.value.message()
    assert not isinstance(info.value, SchemaTooNewError)

    assert tables(empty_location) == {"recipes"}
    assert snapshot(empty_location) == before
    assert check_connection(empty_location).status is SchemaStatus.FOREIGN


def test_upgrade_false_on_an_empty_database_asks_for_db_upgrade(
    empty_location: DatabaseLocation,
) -> None:
    with pytest.raises(DatabaseError) as info:
        open_database(empty_location, upgrade=False)
    assert "kansli-desk db upgrade" in info.value.message()
    path = empty_location.sqlite_path
    if path is not None:
        assert listing(path.parent) == []  # the file it tried is gone again
    else:
        assert tables(empty_location) == set()


def test_upgrade_false_opens_a_current_database(location: DatabaseLocation) -> None:
    result = open_database(location, upgrade=False)
    try:
        assert result.before.status is SchemaStatus.CURRENT
        assert not result.created
    finally:
        result.database.close()


# --- failed opens change nothing ----------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RuntimeError("a bug in a migration"), RuntimeError),
        (OperationalError("CREATE", {}, sqlite3.OperationalError("disk I/O error")), DatabaseError),
    ],
)
def test_failed_open_of_a_new_file_removes_it(
    error: Exception,
    expected: type[Exception],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken_upgrade(connection: sa.Connection) -> None:
        raise error

    monkeypatch.setattr(schema, "upgrade", broken_upgrade)
    with pytest.raises(expected):
        open_database(sqlite_location(tmp_path / "new.sqlite3"))
    assert listing(tmp_path) == []


def test_upgrade_failing_half_way_leaves_an_empty_database(
    empty_location: DatabaseLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = empty_location.sqlite_path
    if path is not None:
        path.touch()  # an existing, empty database file: the open must not remove it
    real_upgrade = schema.upgrade
    created_before_failure: list[str] = []

    def upgrade_then_crash(connection: sa.Connection) -> None:
        real_upgrade(connection)
        created_before_failure.extend(sa.inspect(connection).get_table_names())
        raise RuntimeError("power cut after the tables were created")

    monkeypatch.setattr(schema, "upgrade", upgrade_then_crash)
    with pytest.raises(RuntimeError, match="power cut"):
        open_database(empty_location)
    assert {"calls", "forms", "topics"} <= set(created_before_failure)

    assert tables(empty_location) == set()
    assert check_connection(empty_location).status is SchemaStatus.EMPTY
    if path is not None:
        assert path.exists()

    # A later attempt starts from scratch and succeeds.
    monkeypatch.setattr(schema, "upgrade", real_upgrade)
    result = open_database(empty_location)
    try:
        assert result.before.status is SchemaStatus.EMPTY
        with result.database.transaction() as session:
            assert session.scalar(sa.select(sa.func.count()).select_from(Topic)) == 12
    finally:
        result.database.close()


# --- read-only SQLite -----------------------------------------------------------------

NOBODY = 65534
READ_ONLY_SV = "Det går inte att skriva i databasfilen"


def _drop_to_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def _run_as_nobody(
    args: list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return run_process(args, cwd=cwd, env=env, preexec_fn=_drop_to_nobody)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder other users may enter (pytest's own tmp folders are private)."""
    folder = Path(tempfile.mkdtemp(prefix="kansli-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _cli_env(folder: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "KANSLI_DESK_DATA_DIR": str(folder / "data"),
        "KANSLI_DESK_CONFIG_DIR": str(folder / "config"),
        "PYTHONPATH": str(ROOT),  # the checkout under test, wherever it is
    }


def _check_read_only_refusal(
    run: Callable[[list[str]], subprocess.CompletedProcess[str]], folder: Path, path: Path
) -> None:
    """Every command that opens the read-only file refuses it and changes nothing."""
    before = digest(path)
    for command in (["db", "upgrade"], ["demo", "--calls", "5", "--forms", "1"]):
        proc = run(
            [sys.executable, "-m", "kansli_desk", "--database", f"sqlite:///{path}", *command]
        )
        assert proc.returncode == 1, (command, proc.stdout, proc.stderr)
        assert proc.stderr.startswith("kansli-desk: "), proc.stderr
        assert READ_ONLY_SV in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
        assert proc.stdout == ""
        assert digest(path) == before
        assert listing(folder) == [path.name]


@pytest.mark.skipif(not IS_ROOT, reason="needs root to switch to an unprivileged user")
def test_read_only_file_is_refused_for_an_unprivileged_user(
    shared_dir: Path, sqlite_template: Path
) -> None:
    # Root writes through any permission bits, so the refusal is checked as an
    # ordinary user, through the command line a user would run.
    env = _cli_env(shared_dir)

    def run(args: list[str]) -> subprocess.CompletedProcess[str]:
        return _run_as_nobody(args, shared_dir, env)

    try:
        probe = run([sys.executable, "-c", "import kansli_desk.cli, sqlalchemy, PySide6.QtCore"])
    except OSError as exc:
        pytest.skip(f"user {NOBODY} cannot execute {sys.executable}: {exc}")
    if probe.returncode != 0:
        pytest.skip(f"user {NOBODY} cannot run {sys.executable}: {probe.stderr.strip()[-300:]}")

    path = shared_dir / "kansli.sqlite3"
    shutil.copy(sqlite_template, path)
    path.chmod(0o444)
    _check_read_only_refusal(run, shared_dir, path)

    # The same user can open it once it is writable again (so the refusal above
    # was about the permissions, not about the user or the environment).
    path.chmod(0o666)
    shared_dir.chmod(0o777)
    proc = run(
        [sys.executable, "-m", "kansli_desk", "--database", f"sqlite:///{path}", "db", "status"]
    )
    assert proc.returncode == 0, proc.stderr


SETPRIV = shutil.which("setpriv")


@pytest.mark.skipif(not IS_ROOT, reason="the chmod-only variant below covers ordinary users")
@pytest.mark.skipif(SETPRIV is None, reason="setpriv (util-linux) is not installed")
def test_read_only_file_is_refused_for_root_without_override(
    tmp_path: Path, sqlite_template: Path
) -> None:
    # Root without CAP_DAC_OVERRIDE obeys permission bits like any user; unlike
    # switching to "nobody" this works when the interpreter lives in /root.
    assert SETPRIV is not None
    prefix = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]
    probe = subprocess.run(
        [*prefix, "true"], capture_output=True, text=True, timeout=30, check=False
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot drop capabilities here: {probe.stderr.strip()}")
    env = _cli_env(tmp_path)

    def run(args: list[str]) -> subprocess.CompletedProcess[str]:
        return run_process([*prefix, *args], cwd=tmp_path, env=env)

    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "kansli.sqlite3"
    shutil.copy(sqlite_template, path)
    path.chmod(0o444)
    _check_read_only_refusal(run, folder, path)

    # A read-only folder is refused too (SQLite needs it for its -wal file).
    path.chmod(0o644)
    folder.chmod(0o555)
    try:
        _check_read_only_refusal(run, folder, path)
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores chmod")
def test_read_only_file_is_refused(tmp_path: Path, sqlite_template: Path) -> None:
    path = tmp_path / "kansli.sqlite3"
    shutil.copy(sqlite_template, path)
    path.chmod(0o444)
    before = digest(path)
    try:
        with pytest.raises(DatabaseError) as info:
            open_database(sqlite_location(path))
        assert "cannot be written to" in info.value.message()
        assert digest(path) == before
        assert listing(tmp_path) == ["kansli.sqlite3"]
    finally:
        path.chmod(0o644)


# --- PostgreSQL errors --------------------------------------------------------------------

PASSWORD = "s3cret-pw"


def test_unreachable_server_never_reveals_the_password(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    location, password = parse_location(f"postgresql+psycopg://u:{PASSWORD}@127.0.0.1:1/db")
    assert password == PASSWORD

    with pytest.raises(DatabaseError) as info:
        open_database(location, password=password)
    exc = info.value
    assert not isinstance(exc, PasswordRequiredError)
    assert exc.message().startswith("Cannot reach the database server 127.0.0.1:1")

    with pytest.raises(DatabaseError) as checked:
        check_connection(location, password)
    assert checked.value.message().startswith("Cannot reach")

    for shown in (
        exc.message(),
        str(exc),
        repr(exc),
        repr(location),
        location.display,
        location.to_setting(),
        location.keyring_account,
        "".join(traceback.format_exception(exc)),
        "".join(traceback.format_exception(checked.value)),
        caplog.text,
        *(str(r.args) for r in caplog.records),
    ):
        assert PASSWORD not in shown


@POSTGRES_ONLY
def test_password_of_a_working_connection_is_not_logged(
    empty_location: DatabaseLocation, caplog: pytest.LogCaptureFixture
) -> None:
    # The test server trusts every login, so the password is accepted and ignored.
    caplog.set_level(logging.DEBUG)
    location, password = parse_location(
        url_of(empty_location).replace("postgres@", f"postgres:{PASSWORD}@")
    )
    assert password == PASSWORD
    result = open_database(location, password=password)
    try:
        engine = result.database.engine
        shown = [repr(engine), str(engine.url), engine.url.render_as_string(hide_password=False)]
        with result.database.transaction() as session:
            topics = session.scalar(sa.select(sa.func.count()).select_from(Topic))
    finally:
        result.database.close()
    assert topics == 12
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("Upgrading schema of ") for m in messages), messages
    assert any(m.startswith("Opened database ") for m in messages), messages
    for text in [*shown, caplog.text]:
        assert PASSWORD not in text


class FakeDriverError(Exception):
    """Stands in for a psycopg error: only its text matters to map_error."""


PG = parse_location("postgresql+psycopg://anna@db.example.se/kansli_prod")[0]


@pytest.mark.parametrize(
    "text",
    [
        'connection failed: FATAL:  password authentication failed for user "anna"',
        "connection failed: fe_sendauth: no password supplied",
    ],
)
@pytest.mark.parametrize("wrapped", [False, True], ids=["driver", "sqlalchemy"])
def test_map_error_asks_for_a_password(text: str, wrapped: bool) -> None:
    error: BaseException = FakeDriverError(text)
    if wrapped:
        error = OperationalError(None, None, error)
    mapped = map_error(error, PG)
    assert isinstance(mapped, PasswordRequiredError)
    assert "anna" in mapped.message()
    assert "db.example.se:5432" in mapped.message()


def test_map_error_names_a_missing_database() -> None:
    error = OperationalError(
        None,
        None,
        FakeDriverError('connection failed: FATAL:  database "kansli_prod" does not exist'),
    )
    mapped = map_error(error, PG)
    assert type(mapped) is DatabaseError
    assert "kansli_prod" in mapped.message()
    assert "does not exist" in mapped.message()


@pytest.mark.parametrize(
    ("location", "text", "expected"),
    [
        (PG, 'FATAL:  role "anna" does not exist', "The user “anna” does not exist"),
        (PG, "permission denied for table calls", "may not use the database"),
        (PG, "connection timeout expired", "Cannot reach the database server db.example.se"),
        (sqlite_location(Path("/x/k.db")), "file is not a database", "damaged"),
        (
            sqlite_location(Path("/x/k.db")),
            "attempt to write a readonly database",
            "cannot be written",
        ),
        (sqlite_location(Path("/x/k.db")), "database is locked", "busy in another program"),
    ],
)
def test_map_error_classifies_driver_errors(
    location: DatabaseLocation, text: str, expected: str
) -> None:
    mapped = map_error(OperationalError(None, None, FakeDriverError(text)), location)
    assert type(mapped) is DatabaseError
    assert expected in mapped.message()


@POSTGRES_ONLY
def test_missing_postgres_database_is_named(
    backend: str, postgres_server: PostgresServer | None
) -> None:
    assert postgres_server is not None
    location = postgres_server.location("kd_no_such_database")
    with pytest.raises(DatabaseError) as info:
        open_database(location)
    assert not isinstance(info.value, PasswordRequiredError)
    assert "“kd_no_such_database” does not exist" in info.value.message()
    with pytest.raises(DatabaseError) as checked:
        check_connection(location)
    assert "kd_no_such_database" in checked.value.message()

    admin = sa.create_engine(postgres_server.admin_url)
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                sa.text("SELECT count(*) FROM pg_database WHERE datname = 'kd_no_such_database'")
            ).scalar_one()
    finally:
        admin.dispose()
    assert exists == 0


def test_check_connection_on_an_empty_database_changes_nothing(
    empty_location: DatabaseLocation,
) -> None:
    assert check_connection(empty_location) == SchemaState(SchemaStatus.EMPTY, None)
    path = empty_location.sqlite_path
    if path is not None:
        assert not path.exists()  # not even an empty file
    else:
        assert tables(empty_location) == set()


def test_check_connection_on_a_migrated_database_changes_nothing(
    location: DatabaseLocation,
) -> None:
    before = snapshot(location)
    assert check_connection(location) == SchemaState(SchemaStatus.CURRENT, SCHEMA_HEAD)
    assert snapshot(location) == before
