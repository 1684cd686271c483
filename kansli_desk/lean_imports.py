"""Keeping modules the program never uses out of the process (issue 3's memory budget)."""

from __future__ import annotations

import sys


def import_asyncio_without_ssl() -> None:
    """Import :mod:`asyncio` with its optional :mod:`ssl` support left out.

    SQLAlchemy imports asyncio for its asyncio extension, which this program does
    not use, and asyncio imports ssl (OpenSSL's libssl and more of libcrypto:
    about 1.3 MB resident) for TLS streams no part of this program opens; the
    PostgreSQL driver does its TLS in libpq. asyncio treats ssl as optional, so
    while it is imported ``import ssl`` is made to fail; afterwards ssl imports
    normally for anyone who needs it (asyncio's own TLS stays unavailable).

    Runs when this module is first imported: :mod:`kansli_desk.models` and
    :mod:`kansli_desk.services` import it before anything imports SQLAlchemy.
    It does nothing when asyncio or ssl is already loaded.
    """
    if "asyncio" in sys.modules or "ssl" in sys.modules:
        return
    sys.modules["ssl"] = None  # type: ignore[assignment]  # the import system's "not available"
    try:
        import asyncio  # noqa: F401
    finally:
        del sys.modules["ssl"]


import_asyncio_without_ssl()  # on import: the packages that import SQLAlchemy import this first
