"""Keeping modules the program never uses out of the process (issue 3's memory budget)."""

from __future__ import annotations

import sys
import threading
import types
from typing import Any


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


def import_hashlib_without_openssl() -> None:
    """Import :mod:`hashlib` with its built-in implementations instead of OpenSSL's.

    SQLAlchemy imports hashlib for an MD5 of long constraint names, and the start
    syncs the shipped articles with a SHA-256 of each (a few kB); OpenSSL's
    ``_hashlib`` maps libcrypto and initialises OpenSSL for that: about 3.3 MB
    resident. Without it hashlib uses CPython's own md5, sha1, sha2, sha3 and
    blake2 (the same digests; SHA-256 takes about 35 ms longer on a 10 MB attachment).
    Only ``_hashlib`` is refused, and only while hashlib is imported: :mod:`hmac`
    and :mod:`ssl` still load OpenSSL for whoever needs them.

    Does nothing when hashlib or ``_hashlib`` is already loaded, or when this
    Python was built without its own hash modules (OpenSSL is then the only one).
    """
    if "hashlib" in sys.modules or "_hashlib" in sys.modules or not _builtin_hashes():
        return
    sys.modules["_hashlib"] = None  # type: ignore[assignment]
    try:
        import hashlib  # noqa: F401
    finally:
        del sys.modules["_hashlib"]


def _builtin_hashes() -> bool:
    """Whether CPython's own hash modules are there (names as of 3.11 and 3.12)."""
    from importlib.util import find_spec

    def found(name: str) -> bool:
        return name in sys.builtin_module_names or find_spec(name) is not None

    sha2 = found("_sha2") or (found("_sha256") and found("_sha512"))
    return sha2 and all(found(name) for name in ("_md5", "_sha1", "_blake2", "_sha3"))


class _LazyModule(types.ModuleType):
    """A module that runs its code when one of its attributes is first read.

    Unlike the standard library's ``LazyLoader`` (before Python 3.12), reading
    ``__spec__`` does not load it: an ``import`` statement of a module already in
    ``sys.modules`` reads that, so ``import importlib.metadata`` elsewhere keeps it
    lazy too. The load runs under a lock: another thread reading an attribute
    meanwhile waits for the whole module instead of seeing it half run.
    """

    _lock = threading.RLock()
    _loading = False  # the thread holding the lock is running the module's code

    def __getattribute__(self, attr: str) -> Any:
        plain = super().__getattribute__
        if attr in ("__spec__", "__name__"):
            return plain(attr)
        with _LazyModule._lock:
            if type(self) is _LazyModule:
                if _LazyModule._loading:  # the module's own code, while it runs
                    return plain(attr)
                _LazyModule._loading = True
                try:
                    spec = plain("__spec__")
                    spec.loader.exec_module(self)
                finally:
                    _LazyModule._loading = False
                self.__class__ = types.ModuleType  # type: ignore[assignment]  # loaded: plain
        return getattr(self, attr)


def import_metadata_lazily() -> None:
    """Make :mod:`importlib.metadata` load on first use instead of on import.

    SQLAlchemy imports it for third-party dialects and plugins found through
    entry points, which this program never asks for; loading it takes the email
    package, csv and more: about 2.4 MB resident. The module is put in place
    unexecuted and runs, in the same module object, when one of its attributes
    is first read, so every user (keyring's backends,
    ``importlib.metadata.version``) gets the whole module as before.

    Does nothing when it is already imported.
    """
    name = "importlib.metadata"
    if name in sys.modules:
        return
    import importlib
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - part of the standard library
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LazyModule
    sys.modules[name] = module
    importlib.metadata = module  # as an import would set it


# On import: the packages that import SQLAlchemy import this first.
import_asyncio_without_ssl()
import_hashlib_without_openssl()
import_metadata_lazily()
