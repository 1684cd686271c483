"""Speed of the statistics on the 1,000,000-call demo database (issue 6).

The issue's target is absolute: statistics for a year of 1,000,000 calls shown in
at most 1 s. The demo database holds 1,000,000 calls over about three years, so
two periods are measured:

* the last year (the 365 days up to the newest call, about a third of the
  calls), and
* every day that has a call: all 1,000,000 calls, the issue's figure.

Each figure is :func:`kansli_desk.services.statistics.compute_statistics` in its
own read transaction (everything the statistics window and the PDF report show,
the forms included), against the floor ``SELECT count(*) FROM calls WHERE
started_at`` in the same period on the bare driver (sqlite3, psycopg): the
least any statistics of those calls can cost. The two alternate after a warm-up;
values are medians (the best run is given in a comment). The line's verdict
compares the value with 1000 ms, not the ratio.

With ``KANSLI_DESK_BENCH_POSTGRES`` set, the same on PostgreSQL (the database
``kansli_bench_1000000_20000_1`` of ``bench/calls.py``, built once and kept).
``bench/exports.py`` prints these figures after its own, followed by the statistics
*shown* in the window (``bench/_statistics_window.py``); alone:

    .venv/bin/python bench/_statistics.py [--runs N] [--no-window]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import absolute_figure, demo_database, median, postgres_demo_database

from kansli_desk.core.office_hours import TIMEZONE, OfficeHours
from kansli_desk.services.database import Database, open_database, parse_location
from kansli_desk.services.statistics import Statistics, compute_statistics

CALLS = 1_000_000
FORMS = 20_000
SEED = 1
RUNS = 7
TARGET_MS = 1000.0
PG_ENV = "KANSLI_DESK_BENCH_POSTGRES"
FLOOR_SQL = "SELECT count(*) FROM calls WHERE started_at >= {p} AND started_at < {p}"


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), TIMEZONE).astimezone(dt.UTC)


def periods(database: Database) -> list[tuple[str, dt.date, dt.date]]:
    """The last year and the whole span of the calls (Swedish dates)."""
    from sqlalchemy import func, select

    from kansli_desk.models import Call

    with database.transaction() as session:
        first, last = session.execute(
            select(func.min(Call.started_at), func.max(Call.started_at))
        ).one()
    first_day = first.astimezone(TIMEZONE).date()
    last_day = last.astimezone(TIMEZONE).date()
    return [
        ("the last year", last_day - dt.timedelta(days=364), last_day),
        ("every day with calls", first_day, last_day),
    ]


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def measure(
    label: str, database: Database, floor: Callable[[Any, Any], int], runs: int
) -> list[str]:
    """Both periods' figures on one database."""
    lines = []
    for name, first, last in periods(database):
        lines += measure_period(f"{label} statistics, {name}", database, floor, (first, last), runs)
    return lines


def measure_period(
    name: str,
    database: Database,
    floor: Callable[[Any, Any], int],
    period: tuple[dt.date, dt.date],
    runs: int,
) -> list[str]:
    """Median and best of ``runs`` statistics of ``period``, alternating with the floor."""
    first, last = period
    low, high = day_start(first), day_start(last + dt.timedelta(days=1))
    hours = OfficeHours()
    found: list[Statistics] = []

    def ours() -> None:
        with database.transaction() as session:
            found.append(compute_statistics(session, first, last, office_hours=hours))

    def bare() -> None:
        floor(low, high)

    for _ in range(2):  # warm-up: page cache, holidays, compiled statements
        ours()
        bare()
    mine, raw = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        raw.append(timed(bare))
    total = found[-1].calls.total
    assert total == floor(low, high), "the statistics count other calls than the floor"
    return [
        f"# {name}: {first} to {last}, {total:,} calls, {found[-1].forms.total:,} forms; "
        f"best {min(mine):.0f} ms, floor {min(raw):.1f} ms",
        absolute_figure(f"{name} ({total:,} calls)", median(mine), "ms", median(raw), TARGET_MS),
    ]


def sqlite_figures(runs: int) -> list[str]:
    path = demo_database(CALLS, FORMS, SEED)
    database = open_database(parse_location(f"sqlite:///{path}")[0]).database  # upgrades
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    sql = FLOOR_SQL.format(p="?")

    def floor(low: dt.datetime, high: dt.datetime) -> int:
        text = [v.replace(tzinfo=None).isoformat(" ", "microseconds") for v in (low, high)]
        return int(raw.execute(sql, text).fetchone()[0])

    try:
        return measure("SQLite", database, floor, runs)
    finally:
        raw.close()
        database.close()


def postgres_figures(server_url: str, runs: int) -> list[str]:
    import psycopg
    from sqlalchemy import text

    location = postgres_demo_database(server_url, CALLS, FORMS, SEED)
    database = open_database(location).database  # upgrades
    # VACUUM as well: a database just built has no visibility map yet, and its index-only
    # scans would read every row from the table (autovacuum sets it soon after).
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE) calls, call_topics, forms"))
    dsn = location.url.set(drivername="postgresql").render_as_string(hide_password=False)
    raw = psycopg.connect(dsn)
    sql = FLOOR_SQL.format(p="%s")

    def floor(low: dt.datetime, high: dt.datetime) -> int:
        (count,) = raw.execute(sql, (low, high)).fetchone() or (0,)
        raw.commit()  # end the read transaction, as the program's sessions do
        return int(count)

    try:
        return measure("PostgreSQL", database, floor, runs)
    finally:
        raw.close()
        database.close()


def statistics_figures(runs: int = RUNS, *, shown: bool = True) -> list[str]:
    """The figure lines (SQLite, then PostgreSQL when ``KANSLI_DESK_BENCH_POSTGRES`` is set),
    then, with ``shown``, the statistics shown in the window (``bench/_statistics_window.py``)."""
    lines = [f"# statistics: medians of {runs} runs alternating with the floor"]
    lines += sqlite_figures(runs)
    server = os.environ.get(PG_ENV)
    if server:
        lines += postgres_figures(server, runs)
    else:
        lines.append(f"# statistics on PostgreSQL skipped ({PG_ENV} not set)")
    if shown:
        from _statistics_window import window_figures

        lines += window_figures(runs)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS, help="runs of each figure")
    parser.add_argument(
        "--no-window", action="store_true", help="leave out the statistics shown in the window"
    )
    args = parser.parse_args()
    for line in statistics_figures(args.runs, shown=not args.no_window):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
