"""Statistics *shown* in the statistics window (issue 6: "a year of 1,000,000 calls shown in
at most 1 s"), on the 1,000,000-call demo database.

``bench/_statistics.py`` measures the computation alone; this measures what a supervisor
waits for: the statistics window (:class:`~kansli_desk.ui.statistics.view.StatisticsDialog`,
offscreen, in Swedish, holidays from the on-disk cache as the program runs) is open on the
database with a supervisor as its user, the period is set, and the time runs from
``refresh()`` until the ``computed`` signal has fired (computed on the database thread,
figures, cards, chart and table filled in) and the window has painted the result (the
pending events processed, then the whole window drawn with ``grab()``). Both periods of
``bench/_statistics.py`` (the last year; every day with calls, all 1,000,000 calls),
against the same floor: ``SELECT count(*) FROM calls WHERE started_at`` in the period on
the bare driver, alternating after a warm-up; medians. The verdict compares with 1000 ms.

Each database is measured in a child process (a QApplication of its own):

    .venv/bin/python bench/_statistics_window.py [--runs N]

runs SQLite, and PostgreSQL when ``KANSLI_DESK_BENCH_POSTGRES`` is set;
``bench/_statistics.py`` (and so ``bench/exports.py``) prints these lines after its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import (
    DATA,
    absolute_figure,
    demo_database,
    isolated_env,
    median,
    postgres_demo_database,
)

RUNS = 5
TARGET_MS = 1000.0
PG_ENV = "KANSLI_DESK_BENCH_POSTGRES"
FLOOR_SQL = "SELECT count(*) FROM calls WHERE started_at >= {p} AND started_at < {p}"


# --- the parent: one child per database -----------------------------------------------------


def window_figures(runs: int = RUNS) -> list[str]:
    """The figure lines: SQLite, then PostgreSQL when ``KANSLI_DESK_BENCH_POSTGRES`` is set."""
    from _statistics import CALLS, FORMS, SEED  # type: ignore[import-not-found,unused-ignore]

    lines = [f"# statistics shown in the window: medians of {runs} runs alternating with the floor"]
    targets = [("SQLite", str(demo_database(CALLS, FORMS, SEED)))]
    server = os.environ.get(PG_ENV)
    if server:
        location = postgres_demo_database(server, CALLS, FORMS, SEED)
        targets.append(("PostgreSQL", location.url.render_as_string(hide_password=False)))
    for label, target in targets:
        lines += _child(label, target, runs)
    if not server:
        lines.append(f"# statistics window on PostgreSQL skipped ({PG_ENV} not set)")
    return lines


def _child(label: str, target: str, runs: int) -> list[str]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", target, "--runs", str(runs)],
        capture_output=True,
        text=True,
        env=isolated_env(DATA / "statistics-ui-home"),
        timeout=1200,
        check=False,
    )
    if done.returncode != 0:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        return [f"# {label} statistics window failed ({done.returncode}): {tail}"]
    lines = []
    for line in done.stdout.splitlines():
        if not line.startswith("{"):
            continue
        found = json.loads(line)
        name = f"{label} statistics shown, {found['period']}"
        lines.append(
            f"# {name}: {found['first']} to {found['last']}, {found['calls']:,} calls; "
            f"best {min(found['shown']):.0f} ms (computed {median(found['computed']):.0f} ms, "
            f"painted {median(found['painted']):.0f} ms), floor {min(found['floor']):.1f} ms"
        )
        lines.append(
            absolute_figure(
                f"{name} ({found['calls']:,} calls)",
                median(found["shown"]),
                "ms",
                median(found["floor"]),
                TARGET_MS,
            )
        )
    return lines


# --- the child: the window on one database ------------------------------------------------


def _floor_function(target: str) -> Any:
    """``floor(low, high)``: the period's calls counted on the bare driver."""
    if target.startswith("postgresql"):
        import psycopg

        raw = psycopg.connect(target.replace("postgresql+psycopg://", "postgresql://", 1))
        pg_sql = FLOOR_SQL.format(p="%s")

        def pg_floor(low: dt.datetime, high: dt.datetime) -> int:
            (count,) = raw.execute(pg_sql, (low, high)).fetchone() or (0,)
            raw.commit()
            return int(count)

        return pg_floor
    import sqlite3

    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    sqlite_sql = FLOOR_SQL.format(p="?")

    def sqlite_floor(low: dt.datetime, high: dt.datetime) -> int:
        text = [v.replace(tzinfo=None).isoformat(" ", "microseconds") for v in (low, high)]
        return int(conn.execute(sqlite_sql, text).fetchone()[0])

    return sqlite_floor


def _open_window(target: str) -> tuple[Any, Any, Any, Any]:
    """The application, the database, its context (a supervisor) and the window, open."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from kansli_desk.core.enums import Role
    from kansli_desk.models import User
    from kansli_desk.services.database import open_database, parse_location
    from kansli_desk.services.users import UserInfo
    from kansli_desk.settings import Settings
    from kansli_desk.ui.app import use_holiday_cache
    from kansli_desk.ui.context import AppContext
    from kansli_desk.ui.statistics.view import StatisticsDialog
    from kansli_desk.ui.translation import install_translators

    app = QApplication(sys.argv[:1])
    translators = install_translators(app, "sv")  # noqa: F841 (kept while installed)
    use_holiday_cache()  # as the program does

    url = target if target.startswith("postgresql") else f"sqlite:///{target}"
    database = open_database(parse_location(url)[0]).database  # upgrades
    with database.transaction() as session:
        found = session.scalars(
            select(User).where(User.role == Role.SUPERVISOR).order_by(User.id).limit(1)
        ).one()
        user = UserInfo(found.id, found.username, found.display_name, Role.SUPERVISOR)
    context = AppContext(Settings(), "sv")
    # As AppContext.open_database leaves it, without writing the login to the audit log.
    context.database, context.user = database, user
    dialog = StatisticsDialog(context)
    dialog.resize(1240, 840)
    dialog.show()
    _wait_computed(dialog)  # the window's first period (this month), computed on opening
    while context.runner.busy:
        app.processEvents()
        time.sleep(0.001)
    return app, database, context, dialog


def _wait_computed(dialog: Any) -> None:
    """Run the event loop until the window has shown new statistics."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    dialog.computed.connect(loop.quit)
    QTimer.singleShot(600_000, loop.quit)
    if dialog.busy:
        loop.exec()
    dialog.computed.disconnect(loop.quit)


def _show(app: Any, dialog: Any, first: dt.date, last: dt.date) -> tuple[float, float]:
    """The period shown: milliseconds until computed and shown, and until painted."""
    dialog.period.set_period(first, last)  # starts the typing timer; refresh stops it
    app.processEvents()
    started = time.perf_counter()
    dialog.refresh()
    _wait_computed(dialog)
    computed = time.perf_counter()
    app.processEvents()  # layouts, updates
    dialog.grab()  # the whole window drawn with the new figures
    return (time.perf_counter() - started) * 1000, (computed - started) * 1000


def run_child(target: str, runs: int) -> None:
    from _statistics import day_start, periods  # type: ignore[import-not-found,unused-ignore]

    app, database, context, dialog = _open_window(target)
    floor = _floor_function(target)
    for name, first, last in periods(database):
        low, high = day_start(first), day_start(last + dt.timedelta(days=1))
        shown: list[float] = []
        computed: list[float] = []
        raw: list[float] = []
        for run in range(2 + runs):  # two for warming up
            total_ms, computed_ms = _show(app, dialog, first, last)
            started = time.perf_counter()
            floor(low, high)
            floor_ms = (time.perf_counter() - started) * 1000
            if run >= 2:
                shown.append(total_ms)
                computed.append(computed_ms)
                raw.append(floor_ms)
        stats = dialog.stats
        assert stats is not None and (stats.date_from, stats.date_to) == (first, last)
        count = floor(low, high)
        assert stats.calls.total == count, "the window shows other calls than the floor counts"
        result = {
            "period": name,
            "first": first.isoformat(),
            "last": last.isoformat(),
            "calls": count,
            "shown": shown,
            "computed": computed,
            "painted": [a - b for a, b in zip(shown, computed, strict=True)],
            "floor": raw,
        }
        print(json.dumps(result), flush=True)
    dialog.close()
    context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS, help="runs of each figure")
    parser.add_argument("--child", metavar="DATABASE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.runs)
        return 0
    for line in window_figures(args.runs):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
