"""Drafts of unsaved call records, kept on disk while they are typed.

Every change to a call being logged is written at once to a small JSON file in
the user's data folder (created readable by its owner only, like the database),
replaced atomically and flushed to disk, so neither a crash of the program nor
of the machine loses what was typed. A saved or discarded call removes its
draft; at the next start the drafts left behind are offered again.

Qt-free: the form hands plain dictionaries of its field values.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kansli_desk import paths

log = logging.getLogger(__name__)

DRAFT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    """A draft found on disk.

    Attributes:
        key: identifies the draft (its file name).
        saved_at: when it was last written.
        values: the form's field values.
    """

    key: str
    saved_at: dt.datetime
    values: dict[str, Any]


class DraftStore:
    """The folder of drafts (``<data dir>/drafts`` unless given)."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory

    @property
    def directory(self) -> Path:
        """The folder (found on first use: looking it up loads platformdirs)."""
        if self._directory is None:
            self._directory = paths.data_dir() / "drafts"
        return self._directory

    @staticmethod
    def new_key() -> str:
        return os.urandom(16).hex()

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError("draft keys are letters and digits")
        return self.directory / f"call-{key}.json"

    def save(self, key: str, values: dict[str, Any]) -> None:
        """Write a draft durably (atomic replace, flushed to disk)."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = {
            "version": DRAFT_VERSION,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(),
            "values": values,
        }
        fd, tmp = tempfile.mkstemp(prefix=".draft-", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self._path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def discard(self, key: str) -> None:
        """Remove a draft (after the call was saved or thrown away)."""
        self._path(key).unlink(missing_ok=True)

    def load_all(self) -> list[Draft]:
        """Every readable draft, oldest first; unreadable files are skipped (and kept)."""
        if not self.directory.is_dir():
            return []
        drafts = []
        for path in sorted(self.directory.glob("call-*.json")):
            key = path.stem.removeprefix("call-")
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                saved_at = dt.datetime.fromisoformat(data["saved_at"])
                values = data["values"]
                if not isinstance(values, dict):
                    raise TypeError("values is not an object")
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("Skipping unreadable draft %s: %s", path.name, exc)
                continue
            drafts.append(Draft(key, saved_at, values))
        drafts.sort(key=lambda draft: draft.saved_at)
        return drafts
