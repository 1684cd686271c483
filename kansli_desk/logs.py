"""The program's log file (Qt-free, shared by the GUI and the command line).

The log never holds a password or a personnummer: messages name databases by
``DatabaseLocation.display`` and records by their ids.
"""

from __future__ import annotations

import logging

from kansli_desk import paths

LOG_FILE = "kansli-desk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> str:
    return str(paths.data_dir() / LOG_FILE)


def setup_file_logging(level: int = logging.INFO) -> None:
    """Log to a rotating file in the data folder (stderr if that is impossible)."""
    import logging.handlers

    directory = paths.data_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            directory / LOG_FILE, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)


def log_to_file_only(message: str, error: BaseException) -> str:
    """Write ``error`` with its traceback to the log file and nowhere else.

    Returns the log file's path, to tell the user where the details are.
    """
    import logging.handlers

    path = log_path()
    crash = logging.getLogger("kansli_desk.crash")
    crash.propagate = False  # never to the console: no traceback reaches the user
    try:
        paths.data_dir().mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return path
    handler.setFormatter(logging.Formatter(_FORMAT))
    crash.addHandler(handler)
    try:
        crash.error(message, exc_info=error)
    finally:
        crash.removeHandler(handler)
        handler.close()
    return path
