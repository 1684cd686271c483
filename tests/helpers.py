"""Helpers shared by several test modules."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from kansli_desk.services.database import DatabaseLocation, create_engine_for

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
