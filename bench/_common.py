"""Helpers shared by the benchmarks: demo databases and the figure line format."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("KANSLI_BENCH_DIR", ROOT / "bench" / ".data"))


def demo_database(calls: int, forms: int, seed: int = 1) -> Path:
    """A SQLite demo database with exactly ``calls`` calls, built once and reused."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"demo-{calls}-{forms}-{seed}.sqlite3"
    if path.exists() and _count(path, "calls") == calls and _count(path, "forms") == forms:
        return path
    path.unlink(missing_ok=True)
    print(f"# building {path.name} with kansli-desk demo (once)...", file=sys.stderr, flush=True)
    subprocess.run(
        [sys.executable, "-m", "kansli_desk", "--lang", "en", "demo",
         "--calls", str(calls), "--forms", str(forms), "--seed", str(seed),
         "--database", f"sqlite:///{path}"],
        check=True,
        env=isolated_env(DATA / "demo-home"),
    )  # fmt: skip
    return path


def _count(path: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return -1


def isolated_env(home: Path) -> dict[str, str]:
    """Environment for a child process: offscreen Qt, its own settings and data folder."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KANSLI_DESK_DATA_DIR=str(home / "data"),
        KANSLI_DESK_CONFIG_DIR=str(home / "config"),
    )
    env.pop("KANSLI_DESK_DATABASE", None)
    # Run as an installed program does, from compiled bytecode (pip compiles on
    # install); this machine's environment sets PYTHONDONTWRITEBYTECODE, which
    # would make every start recompile the project's modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median(values: list[float]) -> float:
    return statistics.median(values)


def figure(name: str, value: float, unit: str, floor: float, target: float) -> str:
    """``name: <value> <unit>; floor <value>; ratio <r>; target <t>; ok|over``."""
    ratio = value / floor if floor > 0 else float("inf")
    verdict = "ok" if ratio <= target else "over"
    return (
        f"{name}: {value:.3f} {unit}; floor {floor:.3f}; ratio {ratio:.2f}; "
        f"target {target:g}; {verdict}"
    )


def absolute_figure(name: str, value: float, unit: str, floor: float, target: float) -> str:
    """Like :func:`figure`, for an issue target that is an absolute value: the line
    still gives the ratio to the floor, but ok/over compares the value with the target."""
    ratio = value / floor if floor > 0 else float("inf")
    verdict = "ok" if value <= target else "over"
    return (
        f"{name}: {value:.3f} {unit}; floor {floor:.3f}; ratio {ratio:.2f}; "
        f"target {target:g} {unit}; {verdict}"
    )
