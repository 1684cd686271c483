"""Speed and memory of the exports on the 1,000,000-call demo database (issue 6).

Every call of the database is exported (the whole period, about three years),
as a supervisor would for a yearly follow-up; each figure is printed next to its
floor measured in the same run:

* CSV export: :func:`kansli_desk.services.exports.export` in its own transaction
  (the audit event included, committed), against a bare ``csv.writer`` over the
  same query (:func:`kansli_desk.services.exports.statement`, compiled for the
  database) on the bare driver (sqlite3; psycopg with a server-side cursor),
  ``writerows`` per batch of 5000 rows into the same kind of file (UTF-8 with a
  byte order mark, ``;``). The floor writes the rows as the query gives them
  (UTC time text, topic ids, no masking or guarding); target ratio 1.5.
* XLSX export: the same against bare xlsxwriter in constant-memory mode with the
  same options, one ``write_row`` per row; target ratio 1.2.
* peak memory: the resident high-water mark (``getrusage`` maxrss) of the
  process that ran the export, against the bare writer's process; the issue's
  target is absolute, at most 150 MB.

Each run is a fresh process (``bench/exports.py --probe ...``), ours and the
floor alternating; times are measured inside the process around the export
alone (not the start), and are medians; memory is the largest of the runs.

With ``KANSLI_DESK_BENCH_POSTGRES`` set to a server URL on which databases may
be created, the same runs on PostgreSQL (the database ``kansli_bench_1000000_
20000_1`` of ``bench/calls.py``, built once and kept). When
``bench/_statistics.py`` exists, its figures (statistics of a year, computed
and shown in the window) follow.

    .venv/bin/python bench/exports.py [--runs N] [--xlsx-runs N] [--days N] [--no-statistics]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
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
    figure,
    isolated_env,
    median,
    postgres_demo_database,
)

CALLS = 1_000_000
FORMS = 20_000
SEED = 1
BATCH = 5000
CSV_TARGET = 1.5
XLSX_TARGET = 1.2
MEMORY_TARGET_MB = 150.0
PG_ENV = "KANSLI_DESK_BENCH_POSTGRES"
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


# --- the probes (fresh processes) ------------------------------------------------------------


def probe(argv: list[str]) -> int:
    """``--probe ours|bare csv|xlsx SPEC_FILE``: run one export, print seconds and MB.

    The bare probe imports only the driver and the writer, never kansli_desk.
    """
    mode, file_format, spec_path = argv
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    out = Path(spec["out"] + "." + file_format)
    try:
        if mode == "ours":
            seconds, rows = _ours(spec, file_format, out)
        else:
            seconds, rows = _bare(spec, file_format, out)
    finally:
        out.unlink(missing_ok=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seconds {seconds:.6f}\nrss-mb {peak_mb:.1f}\nrows {rows}")
    return 0


def _ours(spec: dict[str, Any], file_format: str, out: Path) -> tuple[float, int]:
    from kansli_desk.core.enums import Role
    from kansli_desk.services import exports
    from kansli_desk.services.database import open_database, parse_location
    from kansli_desk.services.users import UserInfo

    location = parse_location(spec["url"])[0]
    database = open_database(location).database  # (upgraded by the parent; not timed)
    user = UserInfo(spec["user_id"], spec["username"], "", Role.SUPERVISOR)
    request = exports.ExportRequest(
        exports.ExportKind.CALLS,
        dt.date.fromisoformat(spec["from"]),
        dt.date.fromisoformat(spec["to"]),
        exports.ExportFormat(file_format),
        out,
    )
    try:
        started = time.perf_counter()
        with database.transaction() as session:
            result = exports.export(session, user, request)
        return time.perf_counter() - started, result.rows
    finally:
        database.close()


def _bare(spec: dict[str, Any], file_format: str, out: Path) -> tuple[float, int]:
    started = time.perf_counter()
    if spec["postgres"]:
        import psycopg

        conn: Any = psycopg.connect(spec["dsn"])
        cursor = conn.cursor(name="bare_export")
        params: Any = {
            key: dt.datetime.fromisoformat(value) for key, value in spec["params"].items()
        }
    else:
        import sqlite3

        conn = sqlite3.connect(spec["path"])
        cursor = conn.cursor()
        params = spec["params"]
    rows = 0
    try:
        cursor.execute(spec["sql"], params)
        if file_format == "csv":
            import csv

            with out.open("w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
                handle.write("\ufeff")  # as the export: faster than the "utf-8-sig" codec
                writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
                writer.writerow(spec["headers"])
                while batch := cursor.fetchmany(BATCH):
                    writer.writerows(batch)
                    rows += len(batch)
        else:
            import xlsxwriter

            book = xlsxwriter.Workbook(str(out), WORKBOOK_OPTIONS)
            sheet = book.add_worksheet("Samtal")
            sheet.write_row(0, 0, spec["headers"])
            sheet.freeze_panes(1, 0)
            row = 1
            while batch := cursor.fetchmany(BATCH):
                for values in batch:
                    sheet.write_row(row, 0, values)
                    row += 1
            book.close()
            rows = row - 1
    finally:
        cursor.close()
        conn.close()
    return time.perf_counter() - started, rows


# --- the parent ------------------------------------------------------------------------------


def run_probe(mode: str, file_format: str, spec_path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--probe", mode, file_format, str(spec_path)],
        capture_output=True,
        text=True,
        env=isolated_env(DATA / "export-home"),
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"probe {mode} {file_format} failed:\n{done.stderr}")
    values = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        values[name] = float(value)
    return values


def spec_for(url: str, dsn_or_path: str, postgres: bool, days: int | None) -> dict[str, Any]:
    """What the probes need: the database, the period, the supervisor, the floor's query."""
    import sqlalchemy as sa

    from kansli_desk.core.enums import Role
    from kansli_desk.core.office_hours import TIMEZONE
    from kansli_desk.models import Call, User
    from kansli_desk.services import exports
    from kansli_desk.services.database import open_database, parse_location
    from kansli_desk.services.demo import datetime_processor

    database = open_database(parse_location(url)[0]).database  # upgraded here, not timed
    try:
        with database.transaction() as session:
            first, last = session.execute(
                sa.select(sa.func.min(Call.started_at), sa.func.max(Call.started_at))
            ).one()
            supervisor = session.execute(
                sa.select(User.id, User.username).where(User.role == Role.SUPERVISOR).limit(1)
            ).one()
        dialect = database.engine.dialect
    finally:
        database.close()
    date_to = last.astimezone(TIMEZONE).date()
    date_from = first.astimezone(TIMEZONE).date()
    if days is not None:
        date_from = max(date_from, date_to - dt.timedelta(days=days - 1))
    period = exports._period(date_from, date_to)
    compiled = exports.statement(exports.ExportKind.CALLS, dialect.name).compile(dialect=dialect)
    if postgres:
        params: Any = {key: period[key].isoformat() for key in ("low", "high")}
    else:
        to_text = datetime_processor("sqlite")
        values = {key: to_text(period[key]) for key in ("low", "high")}
        params = [values[name] for name in compiled.positiontup or ()]
    return {
        "url": url,
        "postgres": postgres,
        "dsn": dsn_or_path if postgres else "",
        "path": "" if postgres else dsn_or_path,
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "user_id": supervisor.id,
        "username": supervisor.username,
        "sql": str(compiled),
        "params": params,
        "headers": [c.header for c in exports.columns(exports.ExportKind.CALLS)],
        "out": str(DATA / "export-bench" / "export"),
    }


def figures(label: str, spec: dict[str, Any], args: argparse.Namespace) -> list[str]:
    (DATA / "export-bench").mkdir(parents=True, exist_ok=True)
    spec_path = DATA / "export-bench" / "spec.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    lines = [f"# {label}: calls from {spec['from']} to {spec['to']}"]
    for file_format, runs, target in (
        ("csv", args.runs, CSV_TARGET),
        ("xlsx", args.xlsx_runs, XLSX_TARGET),
    ):
        if runs < 1:
            continue
        if file_format == "csv":  # warm-up: page cache, compiled modules
            run_probe("ours", file_format, spec_path)
            run_probe("bare", file_format, spec_path)
        ours, bare = [], []
        for _ in range(runs):
            ours.append(run_probe("ours", file_format, spec_path))
            bare.append(run_probe("bare", file_format, spec_path))
        rows = int(ours[0]["rows"])
        assert rows == int(bare[0]["rows"]), "ours and the floor wrote different row counts"
        seconds = median([o["seconds"] for o in ours])
        floor = median([b["seconds"] for b in bare])
        name = file_format.upper()
        lines.append(f"# {label} {name}: {rows:,} rows, {rows / seconds:,.0f} rows/s")
        lines.append(
            figure(f"{label} {name} export of {rows:,} calls", seconds, "s", floor, target)
        )
        lines.append(
            absolute_figure(
                f"{label} {name} export peak memory",
                max(o["rss-mb"] for o in ours),
                "MB",
                max(b["rss-mb"] for b in bare),
                MEMORY_TARGET_MB,
            )
        )
        print("\n".join(lines[-3:]), flush=True)
    return lines


def statistics_lines() -> list[str]:
    """The statistics figures of ``bench/_statistics.py``, when it exists."""
    if not (Path(__file__).with_name("_statistics.py")).exists():
        return []
    from _statistics import statistics_figures  # type: ignore[import-not-found,unused-ignore]

    return list(statistics_figures())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of the CSV figure")
    parser.add_argument("--xlsx-runs", type=int, default=1, help="runs of the XLSX figure")
    parser.add_argument("--days", type=int, default=None, help="export only the last N days")
    parser.add_argument(
        "--no-statistics", action="store_true", help="leave out bench/_statistics.py's figures"
    )
    args = parser.parse_args()
    print(
        f"# {CALLS:,} calls in the database; medians of {args.runs} (CSV) and "
        f"{args.xlsx_runs} (XLSX) alternating runs, each in a fresh process"
    )
    path = demo_database(CALLS, FORMS, SEED)
    figures("SQLite", spec_for(f"sqlite:///{path}", str(path), False, args.days), args)
    server = os.environ.get(PG_ENV)
    if server:
        location = postgres_demo_database(server, CALLS, FORMS, SEED)
        url = location.url.render_as_string(hide_password=False)
        dsn = location.url.set(drivername="postgresql").render_as_string(hide_password=False)
        figures("PostgreSQL", spec_for(url, dsn, True, args.days), args)
    else:
        print(f"# PostgreSQL run skipped ({PG_ENV} not set)")
    for line in [] if args.no_statistics else statistics_lines():
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--probe":
        sys.exit(probe(sys.argv[2:]))
    sys.exit(main())
