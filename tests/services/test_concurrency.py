"""Concurrent editing on PostgreSQL: the CI-sized version of ``bench/concurrency.py``.

8 real processes edit the same calls and forms at once, each save with the
version it read, in its own transaction: every accepted save is in the record's
audit trail in version order, the final value is the last accepted save, the
version counts the saves, every refusal was a conflict error and nothing else
failed. All 8 move the same forms on at once: exactly one wins each.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT, PostgresServer

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def bench_concurrency() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_concurrency", ROOT / "bench" / "concurrency.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_eight_processes_lose_no_save(pg_server: PostgresServer, tmp_path: Path) -> None:
    concurrency = bench_concurrency()
    location = pg_server.create()
    try:
        url = location.url.render_as_string(hide_password=False)
        report = concurrency.run(
            url, tmp_path, processes=8, attempts=12, records=12, races=4, seed=11
        )
    finally:
        pg_server.drop(location)
    assert report.problems == []
    assert report.attempts == 8 * 12
    assert report.accepted + report.refused == report.attempts
    assert report.lost == 0 and report.other_errors == 0
    assert report.accepted > 0
    assert report.refused > 0, "no conflict happened: the test did not test concurrency"
    assert report.races == 4 and report.race_single_winner == 4
    assert report.race_attempts == 8 * 4
    assert report.ok
