"""Shared fixtures: isolated user folders, an in-memory keyring, fresh databases.

Every database test runs on SQLite and, when ``KANSLI_DESK_TEST_POSTGRES`` holds
the URL of a PostgreSQL server we may create databases on, on PostgreSQL too.
With ``KANSLI_DESK_REQUIRE_POSTGRES=1`` (set by CI) a missing server fails the
PostgreSQL variants instead of skipping them.
"""

from __future__ import annotations

import os

# Before anything imports Qt: without a display Qt would abort the interpreter.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import getpass
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir

from kansli_desk.services.database import (
    Database,
    DatabaseLocation,
    open_database,
    parse_location,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED_TESTDATA = ROOT.parent / "shared" / "testdata"
PG_ENV = "KANSLI_DESK_TEST_POSTGRES"
REQUIRE_PG_ENV = "KANSLI_DESK_REQUIRE_POSTGRES"

# Hypothesis writes nothing into the checkout: no example database (every run starts
# from fresh examples), and its caches (Unicode tables, constants found in the source)
# in a folder of the user's own under the system's temporary folder.
hypothesis_settings.register_profile("kansli-desk", database=None)
hypothesis_settings.load_profile("kansli-desk")
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(
        Path(tempfile.gettempdir()) / f"kansli-desk-hypothesis-{getpass.getuser()}"
    )


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps passwords in a dict (real round trips, nothing on disk)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring instead of the system's."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings, logs and the default database of each test live in its own folder."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("KANSLI_DESK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("KANSLI_DESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("KANSLI_DESK_DATABASE", raising=False)
    return home


# --- databases ------------------------------------------------------------


def postgres_admin_url() -> str | None:
    """The PostgreSQL server for tests, or None (skip, or fail when required)."""
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get(REQUIRE_PG_ENV) == "1":
        pytest.fail(f"{REQUIRE_PG_ENV}=1 but {PG_ENV} is not set: PostgreSQL tests cannot run")
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, built once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    result = open_database(parse_location(f"sqlite:///{path}")[0])
    result.database.close()
    return path


class PostgresServer:
    """Creates throwaway databases from a migrated template on the test server."""

    def __init__(self, admin_url: str) -> None:
        import sqlalchemy as sa

        self.admin_url = admin_url
        self._engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.template = f"kd_template_{uuid.uuid4().hex[:8]}"
        self._execute(f"CREATE DATABASE \"{self.template}\" TEMPLATE template0 ENCODING 'UTF8'")
        result = open_database(self.location(self.template))
        result.database.close()

    def _execute(self, sql: str) -> None:
        import sqlalchemy as sa

        with self._engine.connect() as conn:
            conn.execute(sa.text(sql))

    def location(self, name: str) -> DatabaseLocation:
        location, _ = parse_location(self.admin_url)
        return DatabaseLocation(location.url.set(database=name))

    def create(self, *, migrated: bool = True) -> DatabaseLocation:
        name = f"kd_test_{uuid.uuid4().hex[:12]}"
        template = self.template if migrated else "template0"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.location(name)

    def drop(self, location: DatabaseLocation) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{location.url.database}" WITH (FORCE)')

    def close(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._engine.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | None]:
    url = os.environ.get(PG_ENV)
    if not url:
        yield None
        return
    server = PostgresServer(url)
    yield server
    server.close()


@pytest.fixture
def pg_server(postgres_server: PostgresServer | None) -> PostgresServer:
    """The PostgreSQL test server, for tests that only make sense there."""
    if postgres_admin_url() is None or postgres_server is None:
        pytest.skip(f"no PostgreSQL server ({PG_ENV} not set)")
    return postgres_server


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """The database kind a test runs on; PostgreSQL variants skip without a server."""
    if request.param == "postgresql" and postgres_admin_url() is None:
        pytest.skip(f"no PostgreSQL server ({PG_ENV} not set)")
    return str(request.param)


@pytest.fixture
def empty_location(
    backend: str,
    tmp_path: Path,
    postgres_server: PostgresServer | None,
) -> Iterator[DatabaseLocation]:
    """A location with no database yet (SQLite: no file; PostgreSQL: an empty database)."""
    if backend == "sqlite":
        yield parse_location(f"sqlite:///{tmp_path / 'kansli.sqlite3'}")[0]
        return
    assert postgres_server is not None
    location = postgres_server.create(migrated=False)
    yield location
    postgres_server.drop(location)


@pytest.fixture
def location(
    backend: str,
    tmp_path: Path,
    sqlite_template: Path,
    postgres_server: PostgresServer | None,
) -> Iterator[DatabaseLocation]:
    """A fresh, migrated database for one test."""
    if backend == "sqlite":
        path = tmp_path / "kansli.sqlite3"
        shutil.copy(sqlite_template, path)
        yield parse_location(f"sqlite:///{path}")[0]
        return
    assert postgres_server is not None
    location = postgres_server.create()
    yield location
    postgres_server.drop(location)


@pytest.fixture
def database(location: DatabaseLocation) -> Iterator[Database]:
    """An open, migrated database, closed after the test."""
    result = open_database(location)
    yield result.database
    result.database.close()
