"""Helpers shared by several test modules."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from kansli_desk.services.database import Database, DatabaseLocation, create_engine_for

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def connect(location: DatabaseLocation) -> Iterator[sa.Connection]:
    """A connection configured as the program configures its own (SQLite BEGIN etc.)."""
    engine = create_engine_for(location)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


@contextmanager
def transaction(location: DatabaseLocation) -> Iterator[sa.Connection]:
    """Like :func:`connect`, inside a transaction committed at the end."""
    engine = create_engine_for(location)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def checkout_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """An environment running the checkout under test (not an installed copy), offscreen."""
    full = dict(os.environ if env is None else env)
    full.setdefault("QT_QPA_PLATFORM", "offscreen")
    full["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full.get("PYTHONPATH")]))
    return full


def run_process(
    args: Sequence[str], *, cwd: Path, env: dict[str, str], timeout: int = 120, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its text output, without raising on failure."""
    return subprocess.run(
        list(args),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )


def plan(db: Database, stmt: Any, *, no_seqscan: bool = False) -> str:
    """The query plan of a statement (its parameters written in), as text."""
    with db.engine.begin() as conn:
        sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
            return "\n".join(str(row[-1]) for row in rows)
        if no_seqscan:
            # A small test database is read faster from the table itself; this asks
            # whether the query CAN use the index, i.e. that it matches it.
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return "\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN " + sql))
