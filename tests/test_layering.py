"""The layering rule (CONTRIBUTING.md): Qt lives in ``kansli_desk.ui`` only.

Models, services, the domain core and the migrations must work where PySide6 is
not installed (a server, a script, the command line), and services leave
committing to their caller.
"""

from __future__ import annotations

import ast
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import checkout_env, run_process

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kansli_desk"
QT_FREE_LAYERS = ("models", "services", "core", "migrations")
QT_MODULES = {"PySide6", "shiboken6"}

# Which package a layer must not import (besides Qt).
FORBIDDEN = {
    "models": ("kansli_desk.ui", "kansli_desk.services"),
    "services": ("kansli_desk.ui",),
    "core": ("kansli_desk.ui", "kansli_desk.services", "kansli_desk.models"),
    "migrations": ("kansli_desk.ui", "kansli_desk.services"),
}


def python_files(layer: str) -> list[Path]:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no Python files under kansli_desk/{layer}"
    return files


def imported_modules(source: str) -> list[str]:
    """Every module an import statement in ``source`` names (relative ones resolved loosely)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def commit_calls(source: str) -> list[int]:
    """Line numbers of ``something.commit(...)`` calls."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "commit"
    ]


def is_qt(module: str) -> bool:
    return module.split(".", maxsplit=1)[0] in QT_MODULES


# --- the checkers themselves can fail ----------------------------------------------------


def test_checkers_find_violations() -> None:
    sample = textwrap.dedent(
        """
        import os
        import PySide6.QtCore
        from shiboken6 import isValid
        from kansli_desk.ui.app import run_gui

        def f(session):
            if True:
                session.commit()
            return session.get(1)
        """
    )
    modules = imported_modules(sample)
    assert [m for m in modules if is_qt(m)] == ["PySide6.QtCore", "shiboken6", "shiboken6.isValid"]
    assert "kansli_desk.ui.app" in modules
    assert commit_calls(sample) == [9]
    assert commit_calls("conn.execute(x)\nwith engine.begin() as c: pass\n") == []


# --- static checks ------------------------------------------------------------------------


@pytest.mark.parametrize("layer", QT_FREE_LAYERS)
def test_layer_does_not_import_qt_or_upper_layers(layer: str) -> None:
    problems = []
    for path in python_files(layer):
        for module in imported_modules(path.read_text(encoding="utf-8")):
            if is_qt(module) or module.startswith(FORBIDDEN[layer]):
                problems.append(f"{path.relative_to(ROOT)} imports {module}")
    assert problems == []


def test_migration_template_does_not_import_qt() -> None:
    template = PACKAGE / "migrations" / "script.py.mako"
    text = template.read_text(encoding="utf-8")
    assert "PySide6" not in text
    assert "shiboken6" not in text


def test_services_never_commit() -> None:
    # A service works inside the caller's transaction; the caller commits (or
    # rolls back) the whole unit of work.
    problems = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in python_files("services")
        for line in commit_calls(path.read_text(encoding="utf-8"))
    ]
    assert problems == []


# --- running without Qt -------------------------------------------------------------------

WITHOUT_QT = r"""
import importlib
import importlib.abc
import pkgutil
import sys
from pathlib import Path

BLOCKED = {"PySide6", "shiboken6"}


class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"Qt is not available here: {name}")
        return None


sys.meta_path.insert(0, BlockQt())
try:
    import PySide6  # noqa: F401
except ImportError:
    pass
else:
    raise SystemExit("the import blocker does not work")

import kansli_desk.core
import kansli_desk.models
import kansli_desk.services

imported = []
for package in (kansli_desk.core, kansli_desk.models, kansli_desk.services):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
assert "kansli_desk.services.database" in imported, imported
assert "kansli_desk.services.demo" in imported, imported

from kansli_desk import paths
from kansli_desk.services import calls, demo, forms, knowledge
from kansli_desk.services.database import open_database, parse_location

path = Path(sys.argv[1])
result = open_database(parse_location(f"sqlite:///{path}")[0])
database = result.database
try:
    summary = demo.generate(database.engine, calls=30, forms=6, seed=7)
    assert (summary.calls, summary.forms) == (30, 6), summary
    with database.transaction() as session:
        page = calls.list_calls_page(session, limit=20)
        assert len(page) == 20, len(page)
        rest = calls.list_calls_page(session, after=page[-1].cursor, limit=20)
        assert len(rest) == 10, len(rest)
        assert len(forms.list_forms_page(session)) == 6
        report = knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
        assert report.errors == [], report.errors
        assert report.created, report
    with database.transaction() as session:
        articles = knowledge.list_articles(session)
        assert len(articles) == len(report.created), articles
finally:
    database.close()

leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
assert not leaked, leaked
print("OK")
"""


def test_models_and_services_work_without_qt(tmp_path: Path) -> None:
    script = tmp_path / "without_qt.py"
    script.write_text(WITHOUT_QT, encoding="utf-8")
    proc = run_process(
        [sys.executable, str(script), str(tmp_path / "kansli.sqlite3")],
        cwd=tmp_path,
        env=checkout_env(),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "OK"
