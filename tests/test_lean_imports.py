"""The process leaves out what it never uses (issue 3's memory budget)."""

from __future__ import annotations

import subprocess
import sys

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
