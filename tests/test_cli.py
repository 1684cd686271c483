"""The command line: ``kansli-desk [--database URL] [--lang L] COMMAND``.

Run in-process through :func:`kansli_desk.cli.run` (fast, capsys) and, for the
things only a real process shows (exit status, no traceback), as
``python -m kansli_desk``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from kansli_desk import __version__
from kansli_desk.cli import run
from kansli_desk.i18n import set_translator
from kansli_desk.services.database import (
    Database,
    DatabaseLocation,
    create_engine_for,
    parse_location,
)
from kansli_desk.services.schema import SCHEMA_HEAD
from kansli_desk.settings import DATABASE_URL, Settings
from tests.helpers import checkout_env, run_process

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """The CLI installs a process-wide translator; later tests expect English."""
    yield
    set_translator(None)


def url_of(location: DatabaseLocation) -> str:
    return location.url.render_as_string(hide_password=False)


def count_rows(location: DatabaseLocation, table: str) -> int:
    engine = create_engine_for(location)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def user_tables(location: DatabaseLocation) -> set[str]:
    engine = create_engine_for(location)
    try:
        with engine.connect() as conn:
            return set(sa.inspect(conn).get_table_names())
    finally:
        engine.dispose()


def default_database() -> Path:
    return Path(os.environ["KANSLI_DESK_DATA_DIR"]) / "kansli-desk.sqlite3"


def python_m(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run_process([sys.executable, "-m", "kansli_desk", *args], cwd=cwd, env=checkout_env(env))


# --- version and usage errors -----------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kansli-desk {__version__}"


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["frobnicate"], "invalid choice"),
        (["db"], "required"),
        (["db", "drop"], "invalid choice"),
        (["demo", "--calls", "many"], "not a whole number"),
        (["demo", "--forms", "-3"], "must be 0 or more"),
        (["demo", "--seed", "x"], "invalid int value"),
        (["--lang", "de", "db", "status"], "invalid choice"),
        (["db", "upgrade", "--no-such-option"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as info:
        run(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert complaint in err
    assert err.startswith("usage: kansli-desk")
    assert not default_database().parent.exists()  # nothing was opened


# --- db upgrade / db status ----------------------------------------------------------------


def test_db_upgrade_twice_on_a_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kansli.sqlite3"
    url = f"sqlite:///{path}"

    assert run(["--database", url, "db", "upgrade"]) == 0
    out, err = capsys.readouterr()
    # Swedish is the default language.
    assert out == f"Skapade databasen {path} (schema {SCHEMA_HEAD}).\n"
    assert err == ""
    assert path.is_file()

    assert run(["--database", url, "db", "upgrade"]) == 0
    out, err = capsys.readouterr()
    assert out == f"Databasen {path} är aktuell (schema {SCHEMA_HEAD}).\n"
    assert err == ""
    assert not default_database().exists()


def test_english_messages_with_lang_en(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    assert run(["--lang", "en", "--database", url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out.startswith("Created the database ")
    assert run(["db", "upgrade", "--lang", "en", "--database", url]) == 0
    assert "is up to date (schema" in capsys.readouterr().out
    assert run(["--database", url, "db", "status", "--lang", "en"]) == 0
    assert "is up to date (schema" in capsys.readouterr().out


def test_language_setting_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kansli_desk.settings import LANGUAGE

    settings = Settings()
    settings.set(LANGUAGE, "en")
    settings.save()
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    assert run(["--database", url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out.startswith("Created the database ")
    # --lang beats the setting.
    assert run(["--lang", "sv", "--database", url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out.startswith("Databasen ")


@pytest.mark.parametrize(
    "placement",
    ["before-command", "after-db", "after-subcommand"],
)
def test_database_option_before_or_after_the_command(
    placement: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chosen.sqlite3"
    option = ["--database", f"sqlite:///{path}"]
    argv = {
        "before-command": [*option, "db", "upgrade"],
        "after-db": ["db", *option, "upgrade"],
        "after-subcommand": ["db", "upgrade", *option],
    }[placement]
    assert run(argv) == 0
    assert str(path) in capsys.readouterr().out
    assert path.is_file()
    assert not default_database().exists()


def test_without_database_option_the_default_file_is_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["db", "upgrade"]) == 0
    assert str(default_database()) in capsys.readouterr().out
    assert default_database().is_file()


def test_environment_variable_selects_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env_path = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("KANSLI_DESK_DATABASE", f"sqlite:///{env_path}")
    assert run(["db", "upgrade"]) == 0
    assert str(env_path) in capsys.readouterr().out
    assert env_path.is_file()
    assert not default_database().exists()

    # --database beats the environment.
    cli_path = tmp_path / "from-cli.sqlite3"
    assert run(["--database", f"sqlite:///{cli_path}", "db", "upgrade"]) == 0
    assert cli_path.is_file()


def test_settings_url_selects_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "from-settings.sqlite3"
    settings = Settings()
    settings.set(DATABASE_URL, f"sqlite:///{path}")
    settings.save()
    assert run(["db", "upgrade"]) == 0
    assert str(path) in capsys.readouterr().out
    assert path.is_file()
    assert not default_database().exists()


def test_db_upgrade_on_both_backends(
    empty_location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    url = url_of(empty_location)
    assert run(["--lang", "en", "--database", url, "db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert out == f"Created the database {empty_location.display} (schema {SCHEMA_HEAD}).\n"
    assert count_rows(empty_location, "topics") == 12
    assert run(["--lang", "en", "--database", url, "db", "status"]) == 0
    assert "is up to date" in capsys.readouterr().out


def test_db_status_changes_nothing(
    empty_location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    # "status" shows the state; it must not create or upgrade a database.
    url = url_of(empty_location)
    assert run(["--lang", "en", "--database", url, "db", "status"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "kansli-desk db upgrade" in err
    path = empty_location.sqlite_path
    if path is not None:
        assert not path.exists()
    else:
        assert user_tables(empty_location) == set()


def test_db_status_on_a_newer_schema_fails(
    location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine_for(location)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    url = url_of(location)

    assert run(["--database", url, "db", "status"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("kansli-desk: Databasen ")
    assert "nyare version av Kansli Desk (schema 9999)" in err
    assert err.count("\n") == 1

    assert run(["--lang", "en", "--database", url, "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert "made by a newer version of Kansli Desk (schema 9999)" in err
    assert "nothing was changed" in err


# --- bad addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["mysql://x/y", "foo://bar", "not a url", "postgresql://anna@db.example.se"],
)
def test_bad_url_prints_one_line_and_exits_1(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["--database", url, "db", "upgrade"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("kansli-desk: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
    assert not default_database().parent.exists()


def test_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'nope' / 'k.sqlite3'}"
    assert run(["--lang", "en", "--database", url, "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err == f"kansli-desk: The folder {tmp_path / 'nope'} does not exist.\n"
    assert list(tmp_path.iterdir()) == []


def test_damaged_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "k.sqlite3"
    path.write_text("inte en databas\n" * 100)
    assert run(["--database", f"sqlite:///{path}", "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kansli-desk: Filen ")
    assert "är skadad" in err
    assert path.read_text() == "inte en databas\n" * 100


# --- demo -----------------------------------------------------------------------------


def test_demo_writes_the_requested_numbers(
    empty_location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    url = url_of(empty_location)
    argv = ["--database", url, "demo", "--calls", "50", "--forms", "10", "--seed", "1"]
    assert run(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Skrev 50 samtal och 10 blanketter till {empty_location.display} på ")
    assert count_rows(empty_location, "calls") == 50
    assert count_rows(empty_location, "forms") == 10
    assert count_rows(empty_location, "topics") == 12  # the database was created first

    # Running it again adds to the data (and ids keep working on PostgreSQL).
    assert run(argv) == 0
    assert count_rows(empty_location, "calls") == 100
    assert count_rows(empty_location, "forms") == 20


def test_demo_with_zero_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "k.sqlite3"
    argv = ["--lang", "en", "--database", f"sqlite:///{path}", "demo", "--calls", "0"]
    assert run([*argv, "--forms", "0"]) == 0
    assert capsys.readouterr().out.startswith("Wrote 0 calls and 0 forms")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM calls").fetchone() == (0,)


# --- a real process -----------------------------------------------------------------------


def test_python_m_version(tmp_path: Path) -> None:
    proc = python_m("--version", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"kansli-desk {__version__}"


def test_python_m_db_upgrade_twice(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    first = python_m("db", "upgrade", "--database", f"sqlite:///{path}", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Skapade databasen ")
    assert first.stderr == ""
    second = python_m("--database", f"sqlite:///{path}", "db", "upgrade", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "är aktuell" in second.stdout
    assert second.stderr == ""


def test_python_m_bad_url_has_no_traceback(tmp_path: Path) -> None:
    proc = python_m("--database", "mysql://x/y", "db", "upgrade", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("kansli-desk: ")
    assert "mysql" in lines[0]
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_python_m_usage_error_exits_2(tmp_path: Path) -> None:
    proc = python_m("demo", "--calls", "many", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "not a whole number" in proc.stderr


def test_python_m_uses_the_environment_variable(tmp_path: Path) -> None:
    path = tmp_path / "env.sqlite3"
    env = dict(os.environ, KANSLI_DESK_DATABASE=f"sqlite:///{path}")
    proc = python_m("--lang", "en", "db", "upgrade", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"Created the database {path} (schema {SCHEMA_HEAD}).\n"
    location = parse_location(f"sqlite:///{path}")[0]
    assert count_rows(location, "topics") == 12


def test_a_database_fault_during_demo_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kansli_desk.services import demo

    def locked(*_args: object, **_kwargs: object) -> None:
        raise sa.exc.OperationalError(
            "INSERT ...", {}, sqlite3.OperationalError("database is locked")
        )

    monkeypatch.setattr(demo, "generate", locked)
    db = tmp_path / "k.sqlite3"
    assert run(["demo", "--calls", "5", "--database", f"sqlite:///{db}"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "används av ett annat program" in err
    assert "Traceback" not in err and "INSERT" not in err


def test_a_bug_is_logged_not_shown(tmp_path: Path, isolated_user_dirs: Path) -> None:
    # A real process: logging set up by the command line must not print the traceback.
    script = (
        "import sys\n"
        "import kansli_desk.services.demo as demo\n"
        "def broken(*a, **k):\n"
        "    raise ZeroDivisionError('division by zero in 19121212-1212')\n"
        "demo.generate = broken\n"
        "from kansli_desk.cli import run\n"
        "sys.exit(run(sys.argv[1:]))\n"
    )
    db = tmp_path / "k.sqlite3"
    proc = run_process(
        [sys.executable, "-c", script, "demo", "--calls", "5", "--database", f"sqlite:///{db}"],
        cwd=tmp_path,
        env=checkout_env(),
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert "oväntat fel" in proc.stderr and "ZeroDivisionError" in proc.stderr
    assert "Traceback" not in proc.stderr and "19121212" not in proc.stderr
    log = (isolated_user_dirs / "data" / "kansli-desk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError" in log


def test_supervisors_add_and_retire_topics_from_the_command_line(
    location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    url = url_of(location)
    # On a new database the first user (here: this OS user) is the supervisor.
    assert run(["topics", "add", "Frågor om BankID", "--database", url]) == 0
    assert "Lade till ämnet ”Frågor om BankID” (kod fragor_om_bankid)." in capsys.readouterr().out
    assert run(["topics", "retire", "proxy", "--database", url]) == 0
    assert "Ämnet ”Ombud” har avvecklats" in capsys.readouterr().out
    assert run(["topics", "list", "--database", url]) == 0
    listed = capsys.readouterr().out
    assert "fragor_om_bankid\tFrågor om BankID" in listed and "proxy" not in listed
    assert run(["topics", "list", "--all", "--database", url]) == 0
    assert "proxy\tOmbud (utgått)" in capsys.readouterr().out
    assert run(["topics", "retire", "finns_inte", "--database", url]) == 1
    assert "Inget ämne som används har koden ”finns_inte”" in capsys.readouterr().err


def test_advisors_cannot_change_topics(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from kansli_desk.services import demo

    demo.generate(database.engine, calls=0, forms=0, seed=1)  # a supervisor exists already
    url = url_of(database.location)
    assert run(["topics", "add", "Nytt ämne", "--database", url]) == 1
    assert "Bara en chef kan lägga till eller avveckla ämnen." in capsys.readouterr().err
    assert run(["topics", "list", "--database", url]) == 0
