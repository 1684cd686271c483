"""Where the program finds its resources and keeps its files.

Resources (articles, icons, translations, demo data) live in ``resources/`` at the
top of a source checkout. A wheel carries the same folder as
``kansli_desk/resources`` (see ``pyproject.toml``), so both layouts are searched.

User files follow the platform's conventions through platformdirs. The
environment variables ``KANSLI_DESK_DATA_DIR`` and ``KANSLI_DESK_CONFIG_DIR``
override them (tests, portable installs).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from kansli_desk import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """The folder holding ``knowledge/``, ``icons/``, ``translations/``.

    Raises:
        FileNotFoundError: the installation is incomplete.
    """
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "translations").is_dir():
            return candidate
    raise FileNotFoundError(f"Kansli Desk resources not found beside {_PACKAGE_DIR}")


def resource(*parts: str) -> Path:
    """Path of one resource file, e.g. ``resource("icons", "kansli-desk.svg")``."""
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """Per-user data folder (the default database lives here). Not created."""
    override = os.environ.get("KANSLI_DESK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def config_dir() -> Path:
    """Per-user configuration folder (settings file). Not created."""
    override = os.environ.get("KANSLI_DESK_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def default_database_path() -> Path:
    """The embedded default database: a SQLite file in the user data folder."""
    return data_dir() / "kansli-desk.sqlite3"
