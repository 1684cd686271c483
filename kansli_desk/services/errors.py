"""Telling database errors (environment faults) from bugs."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import SQLAlchemyError


def is_database_error(exc: BaseException) -> bool:
    """True for errors of the database or its driver (shown politely, not as a bug)."""
    return isinstance(exc, SQLAlchemyError | sqlite3.Error)
