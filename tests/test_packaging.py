"""The wheel: what a user installs must run without the source checkout.

Resources (translations, icons, articles, test personnummer) and the migrations
are data files; a packaging mistake leaves them out and the installed program
fails only at the user's desk. The wheel is built, installed into a folder of its
own and run from a neutral directory.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from kansli_desk import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Installed:
    wheel: Path
    site: Path
    work: Path

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(self.site)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["KANSLI_DESK_DATA_DIR"] = str(self.work / "data")
        env["KANSLI_DESK_CONFIG_DIR"] = str(self.work / "config")
        env.pop("KANSLI_DESK_DATABASE", None)
        return env

    def python(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args],
            cwd=self.work,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )


def _run(args: list[str], cwd: Path) -> None:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("packaging")
    dist, site, work = base / "dist", base / "site", base / "work"
    work.mkdir()
    # With build isolation pip fetches the build backend (hatchling) itself.
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        cwd=work,
    )
    wheels = sorted(dist.glob("kansli_desk-*.whl"))
    assert len(wheels) == 1, wheels
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-compile",
            "--quiet",
            "--target",
            str(site),
            str(wheels[0]),
        ],
        cwd=work,
    )
    return Installed(wheels[0], site, work)


def test_wheel_name_and_version(installed: Installed) -> None:
    assert installed.wheel.name == f"kansli_desk-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(installed.wheel) as wheel:
        metadata = wheel.read(f"kansli_desk-{__version__}.dist-info/METADATA").decode()
    assert "Name: kansli-desk\n" in metadata
    assert f"Version: {__version__}\n" in metadata
    assert "requires-dist: sqlalchemy" in metadata.lower()


def test_wheel_contents(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
    for required in (
        "kansli_desk/__init__.py",
        "kansli_desk/__main__.py",
        "kansli_desk/migrations/env.py",
        "kansli_desk/migrations/script.py.mako",
        "kansli_desk/migrations/versions/0001_initial_schema.py",
        "kansli_desk/resources/translations/kansli_desk_sv.qm",
        "kansli_desk/resources/icons/kansli-desk.svg",
        "kansli_desk/resources/testdata/skatteverket-testpersonnummer.txt",
    ):
        assert required in names
    assert any(
        n.startswith("kansli_desk/resources/knowledge/") and n.endswith(".md") for n in names
    )
    # Every migration and every shipped article of the checkout is in the wheel.
    for path in (ROOT / "kansli_desk" / "migrations" / "versions").glob("*.py"):
        assert f"kansli_desk/migrations/versions/{path.name}" in names
    for path in (ROOT / "resources" / "knowledge").glob("*.md"):
        assert f"kansli_desk/resources/knowledge/{path.name}" in names
    # No tests, caches or checkout-only files.
    assert not any(n.startswith(("tests/", "bench/", "resources/")) for n in names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


def test_wheel_entry_points(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        text = wheel.read(f"kansli_desk-{__version__}.dist-info/entry_points.txt").decode()
    entry_points = configparser.ConfigParser()
    entry_points.optionxform = str  # type: ignore[assignment,method-assign]
    entry_points.read_string(text)
    assert dict(entry_points["console_scripts"]) == {"kansli-desk": "kansli_desk.__main__:main"}
    assert dict(entry_points["gui_scripts"]) == {"kansli-desk-gui": "kansli_desk.__main__:main"}


CHECK_INSTALLED = r"""
import sys
from pathlib import Path

site = Path(sys.argv[1]).resolve()
import kansli_desk
from kansli_desk import paths
from kansli_desk.__main__ import main
from kansli_desk.services import schema

def inside(path, folder):
    return Path(path).resolve().is_relative_to(folder)

assert inside(kansli_desk.__file__, site), kansli_desk.__file__
assert paths.resources_dir() == site / "kansli_desk" / "resources", paths.resources_dir()
for parts in (
    ("translations", "kansli_desk_sv.qm"),
    ("icons", "kansli-desk.svg"),
    ("testdata", "skatteverket-testpersonnummer.txt"),
):
    assert paths.resource(*parts).is_file(), parts
assert list(paths.resource("knowledge").glob("*.md")), "no shipped articles"
assert inside(schema.MIGRATIONS_DIR, site), schema.MIGRATIONS_DIR
assert (schema.MIGRATIONS_DIR / "versions" / "0001_initial_schema.py").is_file()
assert schema.head_revision() == schema.SCHEMA_HEAD
assert callable(main)
print("OK")
"""


def test_installed_copy_finds_its_files(installed: Installed) -> None:
    proc = installed.python("-c", CHECK_INSTALLED, str(installed.site))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "OK"


def test_installed_copy_creates_a_database(installed: Installed) -> None:
    path = installed.work / "x.db"
    args = ["-m", "kansli_desk", "db", "upgrade", "--database", f"sqlite:///{path}"]
    proc = installed.python(*args)
    assert proc.returncode == 0, proc.stderr
    # Swedish through the installed translation file.
    assert proc.stdout.startswith(f"Skapade databasen {path} (schema ")
    again = installed.python(*args)
    assert again.returncode == 0, again.stderr
    assert "är aktuell" in again.stdout

    demo = installed.python(
        "-m", "kansli_desk", "--database", f"sqlite:///{path}", "demo", "--calls", "20",
        "--forms", "3", "--seed", "2",
    )  # fmt: skip
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("Skrev 20 samtal och 3 blanketter")
