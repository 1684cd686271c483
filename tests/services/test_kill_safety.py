"""A process killed with SIGKILL while saving calls or importing forms (SQLite).

The short version of ``bench/kill.py`` (which kills 50 times each at random
moments): a few kills per scenario, each aimed just after a write transaction
began, each followed by ``PRAGMA integrity_check``, the full-text index's
own check, an all-or-nothing check of every transaction and an open by the
program.
"""

from __future__ import annotations

import importlib.util
import signal
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

KILLS = 5


def bench_kill() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_kill", ROOT / "bench" / "kill.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("mode", ["save", "import"])
def test_every_kill_leaves_whole_transactions(mode: str, tmp_path: Path) -> None:
    kill = bench_kill()
    # Aimed: each kill falls just after a write transaction began.
    outcome = kill.run_scenario(mode, tmp_path, kills=KILLS, rows=300, seed=11, aim=True)
    assert outcome.problems == []
    assert (outcome.kills, outcome.integrity_ok, outcome.partial, outcome.opens) == (
        KILLS,
        KILLS,
        0,
        KILLS,
    )
    # The kills hit writes, and the children committed work between them.
    assert outcome.inside_transaction >= KILLS - 1
    assert outcome.transactions >= 1
