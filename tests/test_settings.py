"""The settings file (kansli_desk.settings)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from kansli_desk import settings as settings_module
from kansli_desk.settings import (
    CURRENT_TAB,
    DATABASE_URL,
    LANGUAGE,
    MAIN_SPLITTER,
    OFFICE_CLOSES,
    OFFICE_OPENS,
    OFFICE_WEEKDAYS,
    SETTINGS_VERSION,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Option,
    Settings,
    all_options,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def assert_all_defaults(settings: Settings) -> None:
    for option in all_options():
        assert settings.get(option) == option.default, option.key


# --- defaults ---------------------------------------------------------------------


def test_defaults_without_a_file(path: Path) -> None:
    settings = Settings(path)
    assert settings.get(LANGUAGE) == "sv"
    assert settings.get(DATABASE_URL) == ""
    assert settings.get(OFFICE_WEEKDAYS) == [0, 1, 2, 3, 4]
    assert settings.get(OFFICE_OPENS) == "08:00"
    assert settings.get(OFFICE_CLOSES) == "16:30"
    assert settings.get(WINDOW_GEOMETRY) == ""
    assert settings.get(WINDOW_STATE) == ""
    assert settings.get(MAIN_SPLITTER) == ""
    assert settings.get(CURRENT_TAB) == 0
    assert not path.exists()  # reading never creates the file


def test_every_option_has_a_valid_default_and_documentation() -> None:
    options = all_options()
    assert len({option.key for option in options}) == len(options) >= 9
    for option in options:
        assert option.valid(option.default), option.key
        assert option.doc


def test_default_path_is_in_the_config_folder(isolated_user_dirs: Path) -> None:
    settings = Settings()
    assert settings.path == isolated_user_dirs / "config" / "settings.json"
    settings.set(LANGUAGE, "en")
    settings.save()
    assert Settings().get(LANGUAGE) == "en"


# --- round trip -------------------------------------------------------------------


def test_set_save_reload(path: Path) -> None:
    settings = Settings(path)
    settings.set(LANGUAGE, "en")
    settings.set(DATABASE_URL, "postgresql+psycopg://kansli@db.example.se/kansli")
    settings.set(OFFICE_WEEKDAYS, [0, 1, 2, 3])
    settings.set(OFFICE_OPENS, "07:45")
    settings.set(OFFICE_CLOSES, "15:00")
    settings.set(WINDOW_GEOMETRY, "AdnQywADAAA=")
    settings.set(CURRENT_TAB, 2)
    assert settings.get(LANGUAGE) == "en"  # visible before saving
    settings.save()

    reloaded = Settings(path)
    assert reloaded.get(LANGUAGE) == "en"
    assert reloaded.get(DATABASE_URL) == "postgresql+psycopg://kansli@db.example.se/kansli"
    assert reloaded.get(OFFICE_WEEKDAYS) == [0, 1, 2, 3]
    assert reloaded.get(OFFICE_OPENS) == "07:45"
    assert reloaded.get(OFFICE_CLOSES) == "15:00"
    assert reloaded.get(WINDOW_GEOMETRY) == "AdnQywADAAA="
    assert reloaded.get(CURRENT_TAB) == 2


def test_unsaved_changes_are_not_written(path: Path) -> None:
    settings = Settings(path)
    settings.set(LANGUAGE, "en")
    assert Settings(path).get(LANGUAGE) == "sv"


def test_file_layout(path: Path) -> None:
    settings = Settings(path)
    settings.set(OFFICE_OPENS, "09:00")
    settings.set(WINDOW_STATE, "åäö")
    settings.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "version": SETTINGS_VERSION,
        "values": {"office_hours/opens": "09:00", "state/window_state": "åäö"},
    }


def test_setting_the_default_removes_the_value(path: Path) -> None:
    settings = Settings(path)
    settings.set(LANGUAGE, "en")
    settings.save()
    settings.set(LANGUAGE, "sv")
    settings.save()
    assert json.loads(path.read_text(encoding="utf-8"))["values"] == {}
    assert Settings(path).get(LANGUAGE) == "sv"


def test_later_saves_replace_earlier_ones(path: Path) -> None:
    settings = Settings(path)
    for tab in range(5):
        settings.set(CURRENT_TAB, tab)
        settings.save()
    assert Settings(path).get(CURRENT_TAB) == 4


def test_save_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "settings.json"
    settings = Settings(path)
    settings.set(LANGUAGE, "en")
    settings.save()
    assert Settings(path).get(LANGUAGE) == "en"


# --- invalid values ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        (LANGUAGE, "de"),
        (LANGUAGE, ""),
        (LANGUAGE, None),
        (OFFICE_OPENS, "8:00"),
        (OFFICE_OPENS, "24:00"),
        (OFFICE_OPENS, "08:60"),
        (OFFICE_OPENS, "08.00"),
        (OFFICE_CLOSES, 1630),
        (OFFICE_WEEKDAYS, [7]),
        (OFFICE_WEEKDAYS, [-1]),
        (OFFICE_WEEKDAYS, "0,1,2"),
        (OFFICE_WEEKDAYS, ["0"]),
        (CURRENT_TAB, -1),
        (CURRENT_TAB, "2"),
        (WINDOW_GEOMETRY, b"bytes"),
        (DATABASE_URL, None),
    ],
)
def test_invalid_values_are_refused(path: Path, option: Option[Any], value: Any) -> None:
    settings = Settings(path)
    with pytest.raises(ValueError, match=option.key):
        settings.set(option, value)
    assert settings.get(option) == option.default


def test_invalid_values_in_the_file_are_ignored_with_a_warning(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(
        path,
        {
            "version": SETTINGS_VERSION,
            "values": {
                "ui/language": "xx",
                "office_hours/opens": "25:00",
                "office_hours/weekdays": [1, 9],
                "state/current_tab": "one",
                "no/such/option": True,
                "office_hours/closes": "15:45",  # valid: kept
            },
        },
    )
    with caplog.at_level(logging.WARNING, logger="kansli_desk.settings"):
        settings = Settings(path)
    assert settings.get(LANGUAGE) == "sv"
    assert settings.get(OFFICE_OPENS) == "08:00"
    assert settings.get(OFFICE_WEEKDAYS) == [0, 1, 2, 3, 4]
    assert settings.get(CURRENT_TAB) == 0
    assert settings.get(OFFICE_CLOSES) == "15:45"
    warned = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    for key in (
        "ui/language",
        "office_hours/opens",
        "office_hours/weekdays",
        "state/current_tab",
        "no/such/option",
    ):
        assert key in warned
    assert "office_hours/closes" not in warned


def test_ignored_values_are_dropped_on_the_next_save(path: Path) -> None:
    write(path, {"version": SETTINGS_VERSION, "values": {"ui/language": "xx", "x": 1}})
    settings = Settings(path)
    settings.set(OFFICE_OPENS, "09:00")
    settings.save()
    assert json.loads(path.read_text(encoding="utf-8"))["values"] == {"office_hours/opens": "09:00"}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"version": 1, "values": {"ui/language": "en"',  # cut short by a crash
        b"\xff\xfe\x00garbage",
        b"[]",
        b"null",
        b'"settings"',
        b'{"version": 1}',
        b'{"version": 1, "values": ["ui/language", "en"]}',
    ],
)
def test_unusable_file_gives_defaults(
    path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="kansli_desk.settings"):
        settings = Settings(path)
    assert_all_defaults(settings)
    assert any(r.levelno == logging.WARNING for r in caplog.records)
    # The program can still save over it.
    settings.set(LANGUAGE, "en")
    settings.save()
    assert Settings(path).get(LANGUAGE) == "en"


def test_a_folder_where_the_file_should_be_gives_defaults(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path.mkdir(parents=True)
    with caplog.at_level(logging.WARNING, logger="kansli_desk.settings"):
        settings = Settings(path)
    assert_all_defaults(settings)
    assert caplog.records


def test_old_file_without_version_is_read(path: Path) -> None:
    write(path, {"values": {"ui/language": "en"}})
    assert Settings(path).get(LANGUAGE) == "en"


# --- passwords never in the file -------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:secret@h/db",
        "postgresql+psycopg://kansli:secret@db.example.se:5432/kansli",
        "postgresql://u:@h/db",
        "postgresql://:secret@h/db",
        "postgresql://u:sec/ret@h/db",  # SQLAlchemy reads "sec/ret" as the password
        "postgresql://u@h/db?password=secret",  # libpq takes a password parameter too
        "postgresql://u@h/db?sslmode=require&password=secret",
    ],
)
def test_database_url_with_a_password_is_refused(path: Path, url: str) -> None:
    settings = Settings(path)
    with pytest.raises(ValueError, match="database/url"):
        settings.set(DATABASE_URL, url)
    assert settings.get(DATABASE_URL) == ""


@pytest.mark.parametrize(
    "url",
    [
        "",
        "postgresql://u@h/db",
        "postgresql+psycopg://kansli@db.example.se:5432/kansli",
        "postgresql+psycopg://db.example.se:5432/kansli",
        "postgresql://u@h/db?sslmode=require&application_name=x:y",
        "postgresql://u@[::1]:5432/db",
        "sqlite:////srv/kansli/kansli.sqlite3",
        "sqlite:///C:/Users/anna/kansli.sqlite3",
    ],
)
def test_database_url_without_a_password_is_accepted(path: Path, url: str) -> None:
    settings = Settings(path)
    settings.set(DATABASE_URL, url)
    settings.save()
    assert Settings(path).get(DATABASE_URL) == url


def test_password_in_the_file_is_ignored_and_not_logged(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(path, {"version": 1, "values": {"database/url": "postgresql://u:hunter2@h/db"}})
    with caplog.at_level(logging.DEBUG):
        settings = Settings(path)
    assert settings.get(DATABASE_URL) == ""
    assert "database/url" in caplog.text
    assert "hunter2" not in caplog.text
    # Saving rewrites the file without it.
    settings.save()
    assert "hunter2" not in path.read_text(encoding="utf-8")


def test_written_file_contains_no_password(path: Path) -> None:
    settings = Settings(path)
    for url in ("postgresql://u:secret@h/db", "postgresql://u@h/db?password=secret"):
        with pytest.raises(ValueError):
            settings.set(DATABASE_URL, url)
    settings.set(DATABASE_URL, "postgresql://u@h/db")
    settings.save()
    text = path.read_text(encoding="utf-8")
    assert "secret" not in text
    assert "postgresql://u@h/db" in text


def test_location_of_a_typed_url_is_stored_without_its_password(path: Path) -> None:
    """What the connection dialog does: parse the typed URL, store the location."""
    from kansli_desk.services.database import parse_location

    location, password = parse_location("postgresql://kansli:hunter2@db.example.se/kansli")
    assert password == "hunter2"
    settings = Settings(path)
    settings.set(DATABASE_URL, location.to_setting())
    settings.save()
    assert "hunter2" not in path.read_text(encoding="utf-8")
    assert Settings(path).get(DATABASE_URL).startswith("postgresql+psycopg://kansli@")


def test_location_of_a_url_with_a_password_parameter_is_stored_without_it(path: Path) -> None:
    from kansli_desk.services.database import parse_location

    location, password = parse_location("postgresql://kansli@db.example.se/kansli?password=x2")
    settings = Settings(path)
    settings.set(DATABASE_URL, location.to_setting())  # refused while the password is there
    assert password == "x2"
    assert "password" not in location.to_setting() and "x2" not in location.display


# --- atomic save ------------------------------------------------------------------


def test_save_leaves_no_temporary_files(path: Path) -> None:
    settings = Settings(path)
    for tab in range(3):
        settings.set(CURRENT_TAB, tab + 1)
        settings.save()
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_failed_save_keeps_the_old_file_and_leaves_no_temporary_file(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(path)
    settings.set(LANGUAGE, "en")
    settings.save()
    before = path.read_bytes()

    def broken_dump(*args: Any, **kwargs: Any) -> None:
        fh = args[1]
        fh.write('{"version": 1, "val')  # half written, then the disk fills up
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_module.json, "dump", broken_dump)
    settings.set(OFFICE_OPENS, "09:00")
    with pytest.raises(OSError, match="No space"):
        settings.save()
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]
    assert Settings(path).get(LANGUAGE) == "en"


@pytest.mark.parametrize("version", [-(10**12), -1, "1", True, 1.5])
def test_a_file_with_an_impossible_version_loads_the_defaults_at_once(
    path: Path, version: Any
) -> None:
    """A version far below the current one once made the upgrade loop count up to it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"version": version, "values": {"ui/language": "en"}}), encoding="utf-8"
    )
    assert Settings(path).get(LANGUAGE) == LANGUAGE.default
