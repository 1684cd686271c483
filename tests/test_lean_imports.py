"""The process leaves out what it never uses (issue 3's memory budget)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
import kansli_desk.services.database  # imports SQLAlchemy, and with it asyncio
assert "asyncio" in sys.modules
assert "ssl" not in sys.modules, "asyncio pulled in ssl"
import asyncio
asyncio.run(asyncio.sleep(0))  # asyncio itself still works
import ssl  # and ssl imports normally for whoever needs it
assert ssl.create_default_context().verify_mode == ssl.CERT_REQUIRED
print("ok")
"""


def test_sqlalchemy_is_imported_without_ssl_and_ssl_still_imports() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


CHECK_START = """
import sys
from kansli_desk import paths
from kansli_desk.services import knowledge
from kansli_desk.services.database import open_database, parse_location
database = open_database(parse_location(sys.argv[1])[0]).database
with database.transaction() as session:  # what the start does with hashlib: the articles
    report = knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
assert report.created and not report.errors, report
database.close()
for name in ("_hashlib", "email", "csv", "importlib.metadata._meta", "alembic"):
    assert name not in sys.modules, name
import hashlib
assert hashlib.sha256(b"abc").hexdigest().startswith("ba7816bf8f01cfea")
import hmac  # OpenSSL for whoever needs it
assert hmac.new(b"k", b"m", "sha256").hexdigest().startswith("b60090e3")
assert "_hashlib" in sys.modules
print("ok")
"""


def test_the_start_leaves_out_openssl_hashes_and_importlib_metadata(tmp_path: Path) -> None:
    from kansli_desk.services.database import open_database, parse_location

    url = f"sqlite:///{tmp_path / 'kansli.sqlite3'}"
    open_database(parse_location(url)[0]).database.close()  # created (Alembic) beforehand
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", CHECK_START, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


CHECK_METADATA = """
import sys
import threading
import kansli_desk.services.database  # SQLAlchemy imports importlib.metadata
import importlib.metadata  # still not run: an import only reads __spec__
assert "importlib.metadata._meta" not in sys.modules
versions = []
barrier = threading.Barrier(4)

def read() -> None:
    barrier.wait()
    versions.append(importlib.metadata.version("sqlalchemy"))

threads = [threading.Thread(target=read) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
import sqlalchemy
from importlib.metadata import PackageNotFoundError, entry_points
assert versions == [sqlalchemy.__version__] * 4, versions
assert type(importlib.metadata).__name__ == "module"
assert entry_points(group="console_scripts")
try:
    importlib.metadata.version("no-such-distribution-here")
except PackageNotFoundError:
    print("ok")
"""


def test_importlib_metadata_loads_whole_on_first_use_from_any_thread() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", CHECK_METADATA],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
