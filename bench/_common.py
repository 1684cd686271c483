"""Helpers shared by the benchmarks: demo databases and the figure line format."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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


def postgres_demo_database(server_url: str, calls: int, forms: int, seed: int = 1) -> Any:
    """A PostgreSQL demo database ``kansli_bench_<calls>_<forms>_<seed>`` on the server,
    built once with ``kansli-desk demo`` (COPY) and reused while its counts match.

    Returns its :class:`~kansli_desk.services.database.DatabaseLocation`.
    """
    import sqlalchemy as sa

    from kansli_desk.services.database import DatabaseLocation, parse_location

    name = f"kansli_bench_{calls}_{forms}_{seed}"
    server, _ = parse_location(server_url)
    location = DatabaseLocation(server.url.set(database=name))
    admin = sa.create_engine(server.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).scalar()
        if exists:
            engine = sa.create_engine(location.url)
            try:
                with engine.connect() as conn:
                    found = tuple(
                        conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
                        for table in ("calls", "forms")
                    )
            except sa.exc.SQLAlchemyError:
                found = (-1, -1)
            finally:
                engine.dispose()
            if found == (calls, forms):
                return location
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        with admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))
    finally:
        admin.dispose()
    print(f"# building {name} with kansli-desk demo (once)...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kansli_desk", "--lang", "en", "demo",
         "--calls", str(calls), "--forms", str(forms), "--seed", str(seed),
         "--database", location.url.render_as_string(hide_password=False)],
        check=True,
        env=isolated_env(DATA / "demo-home"),
    )  # fmt: skip
    print(f"# built in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return location


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


def _probe(mode: str, target: Path | str, register: str = "calls") -> dict[str, float]:
    probe = str(Path(__file__).with_name("_calls_ui_probe.py"))
    done = subprocess.run(
        [sys.executable, probe, mode, str(target), register],
        capture_output=True,
        text=True,
        env=isolated_env(DATA / "ui-home"),
        timeout=300,
        check=True,
    )
    values = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("first-rows-ms", "rss-mb"):
            values[name] = float(value)
    return values


def probe_pairs(
    target: Path | str, runs: int, register: str
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """``runs`` alternating probes of the program and of the bare floor, after a warm-up."""
    _probe("app", target, register)  # warm-up: holiday cache, page cache, compiled modules
    ours, bare = [], []
    for _ in range(runs):
        ours.append(_probe("app", target, register))
        bare.append(_probe("bare", target, register))
    return ours, bare
