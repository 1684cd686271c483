"""Swedish holiday tables cached on disk, computed in a separate process.

The ``holidays`` package imports the rules of every country it knows: about
20 MB in the desktop program for a dozen Swedish dates a year. So the program
asks a short-lived child process (``python -m kansli_desk.core.office_hours``)
for a year's table once, keeps it in the user's cache folder, and reads it from
there afterwards. A new version of ``holidays`` gets new tables.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kansli_desk import paths
from kansli_desk.core.office_hours import HolidayTable, swedish_holidays

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 60


def _holidays_version() -> str:
    """The installed ``holidays`` version, from its ``*.dist-info`` folder name.

    Neither ``holidays`` itself nor ``importlib.metadata`` is imported: the first
    is what the child process is for, the second brings in the ``email`` and
    ``zipfile`` packages, several MB of the program's memory budget (issue 3).
    """
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return "unknown"
    site = Path(spec.origin).resolve().parent.parent
    found = sorted(site.glob("holidays-*.dist-info"))
    return found[-1].name.removeprefix("holidays-").removesuffix(".dist-info") if found else "0"


def cached_provider(directory: Path | None = None) -> Callable[[int], HolidayTable]:
    """A holiday provider reading ``directory`` (default: ``<data dir>/cache``)."""
    folder = directory if directory is not None else paths.data_dir() / "cache"
    package_version = _holidays_version()

    def provider(year: int) -> HolidayTable:
        path = folder / f"holidays-SE-{package_version}-{year}.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return {dt.date.fromisoformat(day): name for day, name in raw.items()}
        except (OSError, ValueError, AttributeError):
            pass
        table = _compute(year)
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(
                json.dumps({day.isoformat(): name for day, name in table.items()}),
                encoding="utf-8",
            )
            tmp.replace(path)
        except OSError as exc:
            log.info("Holiday cache not written: %s", exc)
        return table

    return provider


def _compute(year: int) -> HolidayTable:
    """The table from a child process; in this process if that fails."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kansli_desk.core.office_hours", str(year)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=True,
        )
        raw = json.loads(done.stdout)[str(year)]
        return {dt.date.fromisoformat(day): name for day, name in raw.items()}
    except (OSError, subprocess.SubprocessError, ValueError, KeyError) as exc:
        log.warning("Holiday tables computed in-process (%s)", type(exc).__name__)
        return swedish_holidays(year)
