"""Typed user settings, declared once, stored as JSON in the config folder.

Every setting is an :class:`Option` declared in this module with its type and
default (the pattern of Picard's ``options.py``). The file carries a version;
:data:`_UPGRADES` migrates older files. Secrets are never stored here: the
PostgreSQL password lives in the OS keyring (:mod:`kansli_desk.services.secrets`),
and :data:`DATABASE_URL` refuses a URL that carries one.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast
from urllib.parse import parse_qsl

from kansli_desk import paths
from kansli_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

T = TypeVar("T")

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key, default and a check of stored values."""

    key: str
    default: T
    doc: str
    valid: Callable[[Any], bool]


_ALL: dict[str, Option[Any]] = {}


def _option(key: str, default: T, doc: str, valid: Callable[[Any], bool]) -> Option[T]:
    opt = Option(key, default, doc, valid)
    _ALL[key] = opt
    return opt


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_hhmm(v: Any) -> bool:
    if not isinstance(v, str) or len(v) != 5 or v[2] != ":":
        return False
    hh, mm = v[:2], v[3:]
    return hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60


def _url_without_password(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    rest = v.split("://", 1)[1] if "://" in v else ""
    # scheme://user:password@host, read as SQLAlchemy reads it (a password may
    # even hold an unescaped '/'), or libpq's ?password= parameter.
    if re.match(r"[^:/]*:[^@]*@", rest):
        return False
    return all(key.lower() != "password" for key, _ in parse_qsl(rest.partition("?")[2]))


# --- user settings -------------------------------------------------------
LANGUAGE = _option(
    "ui/language",
    DEFAULT_LANGUAGE,
    "Language of the user interface.",
    lambda v: isinstance(v, str) and v in LANGUAGES,
)
DATABASE_URL = _option(
    "database/url",
    "",
    "Database URL without password; empty means the embedded SQLite file.",
    _url_without_password,
)
OFFICE_WEEKDAYS = _option(
    "office_hours/weekdays",
    [0, 1, 2, 3, 4],
    "Weekdays the Kansli is open (0 = Monday).",
    lambda v: isinstance(v, list) and all(isinstance(d, int) and 0 <= d <= 6 for d in v),
)
OFFICE_OPENS = _option("office_hours/opens", "08:00", "Opening time (HH:MM).", _is_hhmm)
OFFICE_CLOSES = _option("office_hours/closes", "16:30", "Closing time (HH:MM).", _is_hhmm)

# --- persisted UI state (base64 of Qt's saveGeometry/saveState) -----------
WINDOW_GEOMETRY = _option("state/window_geometry", "", "Main window geometry.", _is_str)
WINDOW_STATE = _option("state/window_state", "", "Main window docks and toolbars.", _is_str)
MAIN_SPLITTER = _option("state/main_splitter", "", "Splitter between registers and panel.", _is_str)
CURRENT_TAB = _option(
    "state/current_tab", 0, "Register tab shown last.", lambda v: isinstance(v, int) and v >= 0
)


def all_options() -> list[Option[Any]]:
    """Every declared option."""
    return list(_ALL.values())


# Upgrades from file version N to N + 1, keyed by N.
_UPGRADES: dict[int, Callable[[dict[str, Any]], None]] = {}


class Settings:
    """The settings file.

    Attributes:
        path: the JSON file.
        _values: stored values by key; only valid values of declared options.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        self._load()

    def get(self, option: Option[T]) -> T:
        """The stored value, or the default (a copy: changing it changes nothing)."""
        return cast(T, copy.deepcopy(self._values.get(option.key, option.default)))

    def set(self, option: Option[T], value: T) -> None:
        """Change a value in memory; :meth:`save` writes it.

        Raises:
            ValueError: the value is not valid for the option.
        """
        if not option.valid(value):
            raise ValueError(f"invalid value for setting {option.key}")
        if value == option.default:
            self._values.pop(option.key, None)
        else:
            self._values[option.key] = value

    def save(self) -> None:
        """Write the file atomically (a crash never leaves half a file)."""
        import tempfile

        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": SETTINGS_VERSION, "values": self._values}
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=2, ensure_ascii=False, sort_keys=True)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("Settings file unreadable, using defaults: %s", exc)
            return
        if not isinstance(raw, dict) or not isinstance(raw.get("values"), dict):
            log.warning("Settings file has an unknown layout, using defaults")
            return
        version = raw.get("version", 0)
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            log.warning("Settings file has an unknown version, using defaults")
            return
        values: dict[str, Any] = raw["values"]
        for step in range(version, SETTINGS_VERSION):  # none for a newer file
            upgrade = _UPGRADES.get(step)
            if upgrade is not None:
                upgrade(values)
        for key, value in values.items():
            option = _ALL.get(key)
            if option is not None and option.valid(value):
                self._values[key] = value
            else:
                log.warning("Ignoring unknown or invalid setting %s", key)


# --- access age limits (domain brief C.1–C.4; configurable because of C.12) ----------
if TYPE_CHECKING:
    from kansli_desk.core.age_access import AgeLimits


def _is_age(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 18


ACCESS_GUARDIAN_UNTIL_AGE = _option(
    "access/guardian_until_age",
    13,
    "Guardians read a child's record in Journalen until the child turns this age. "
    "Must be lower than access/own_access_from_age.",
    _is_age,
)
ACCESS_OWN_FROM_AGE = _option(
    "access/own_access_from_age",
    16,
    "A person reads their own record in Journalen from this age. "
    "Must be higher than access/guardian_until_age.",
    _is_age,
)


def access_age_limits(settings: Settings) -> AgeLimits:
    """The age limits from the two access options, checked together.

    Each option is validated on its own when set or read; a pair where the
    guardian limit is not below the own-access limit is ignored with a warning,
    and the defaults are used.
    """
    from kansli_desk.core.age_access import AgeLimits

    guardian_until = settings.get(ACCESS_GUARDIAN_UNTIL_AGE)
    own_from = settings.get(ACCESS_OWN_FROM_AGE)
    if guardian_until < own_from:
        return AgeLimits(guardian_until, own_from)
    log.warning(
        "Ignoring access age limits %d/%d: %s must be lower than %s",
        guardian_until,
        own_from,
        ACCESS_GUARDIAN_UNTIL_AGE.key,
        ACCESS_OWN_FROM_AGE.key,
    )
    return AgeLimits(ACCESS_GUARDIAN_UNTIL_AGE.default, ACCESS_OWN_FROM_AGE.default)
