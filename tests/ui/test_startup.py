"""Starting the program: no display, and a real process on a real database."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kansli_desk import cli
from kansli_desk.services import demo
from kansli_desk.services.database import open_database, parse_location
from kansli_desk.ui import app
from tests.helpers import checkout_env, run_process


def test_without_a_screen_the_program_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert not app.has_display()
    assert cli.run([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kansli-desk: Ingen skärm hittades")
    assert "Traceback" not in err


def test_the_program_starts_and_shows_the_first_calls(tmp_path: Path) -> None:
    path = tmp_path / "kansli.sqlite3"
    location, _ = parse_location(f"sqlite:///{path}")
    result = open_database(location)
    demo.generate(result.database.engine, calls=300, forms=10, seed=2)
    result.database.close()
    done = run_process(
        [
            sys.executable,
            "-m",
            "kansli_desk",
            "--quit-after-start",
            "--database",
            f"sqlite:///{path}",
        ],
        cwd=tmp_path,
        env=checkout_env(),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("window-shown ")
    assert lines[1].startswith("first-rows(200) ")
    assert "Traceback" not in done.stderr
