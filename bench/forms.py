"""Speed of the form register's service layer (issue 5).

Each figure is printed next to its floor measured in the same run; values are
medians of alternating runs.

* import 100,000 rows: ``kansli-desk import forms`` without the process start,
  i.e. :func:`kansli_desk.services.form_import.import_forms` in its own
  transaction, reading a generated CSV file (UTF-8 with BOM, ``;``), checking
  every row by the form's rules and writing the forms, their people, their
  history and their audit events, committed. The floor is a bare
  ``executemany`` with the driver (sqlite3 / psycopg) of exactly the rows the
  import wrote, into an empty database, committed. The issue's target is
  absolute, "well under a minute": the verdict compares the seconds with 30.
* list first page with a filter at 200,000 forms: ``list_forms_page`` (200
  rows, newest first) in its own transaction, filtered by status and by
  "overdue", against the same rows read by a hand-written query on the raw
  driver (its person column included); target ratio 2.
* register list first rows shown at 200,000 forms: in a fresh process with the
  main window open on the form register tab and idle, from the list asking for
  its rows until the first page is painted, against a bare QTableView over the
  same first page read with the plain driver on the GUI thread
  (``bench/_calls_ui_probe.py``); target 100 ms, as for the call list.

The 200,000-form database is built once with ``kansli-desk demo`` in
``bench/.data`` (about 75 s on SQLite). With ``KANSLI_DESK_BENCH_POSTGRES`` set
to a server URL on which databases may be created, the same runs on PostgreSQL
(a database ``kansli_bench_0_200000_1`` kept for later runs; the import runs
in a scratch database created and dropped each time).

    .venv/bin/python bench/forms.py [--rows N] [--forms N] [--runs N] [--import-runs N]
        [--ui-runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import (
    DATA,
    absolute_figure,
    demo_database,
    figure,
    median,
    postgres_demo_database,
    probe_pairs,
)

from kansli_desk.core.age_access import age_on
from kansli_desk.core.enums import FormStatus, Role
from kansli_desk.services import demo, form_import, forms
from kansli_desk.services.database import Database, DatabaseLocation, open_database, parse_location
from kansli_desk.services.users import UserInfo

PG_ENV = "KANSLI_DESK_BENCH_POSTGRES"
SEED = 1
LIST_TARGET = 2.0
IMPORT_TARGET_S = 30.0
TODAY = forms.today_in_sweden()

# The list's hand-written floor: the same columns, the person as a correlated subquery.
RAW_LIST = """
SELECT f.id, f.registry_number, f.received_on, f.form_type, f.status, f.is_urgent,
       (SELECT p.id_number FROM form_parties p WHERE p.form_id = f.id
        AND p.role IN ('subject', 'child') ORDER BY p.position LIMIT 1) AS person,
       f.orderer_unit
FROM forms f {hint}
WHERE {where}
ORDER BY f.received_on DESC, f.id DESC LIMIT 200
"""
RAW_BY_STATUS = "f.status = {p}"
RAW_OVERDUE = (
    "f.status IN ('received', 'registered', 'completion_requested', 'forwarded') "
    "AND f.received_on < {p} AND ((f.received_on < {p} AND f.status <> 'completion_requested') "
    "OR (f.is_urgent AND f.status IN ('received', 'registered') AND f.received_on < {p}))"
)


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def alternate(
    ours: Callable[[], Any], floor: Callable[[], Any], runs: int, warm: int = 3
) -> tuple[float, float]:
    """Median seconds of ``ours`` and ``floor``, run alternately after a warm-up."""
    for _ in range(warm):
        ours()
        floor()
    mine, raw = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        raw.append(timed(floor))
    return median(mine), median(raw)


# --- the CSV file ----------------------------------------------------------------------------


def generate_csv(path: Path, rows: int, seed: int = SEED) -> Path:
    """``rows`` valid rows of the four types (Skatteverket's test personnummer)."""
    rng = random.Random(seed)
    by_year: dict[int, list[tuple[str, dt.date]]] = {}
    for number in demo.load_test_numbers():
        born = dt.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
        by_year.setdefault(born.year, []).append((number, born))

    def person(on: dt.date, low: int, high: int) -> str:
        while True:
            year = on.year - rng.randint(low, high + 1)
            if year not in by_year:
                continue
            number, born = rng.choice(by_year[year])
            if born <= on and low <= age_on(born, on) <= high:
                return f"{number[:8]}-{number[8:]}"

    kinds = ["forsegling_lasning"] * 4 + ["aterstallande"] * 2 + ["vardnadshavare"] * 3
    kinds += ["minderarig"] * 2
    lines = [";".join(form_import.COLUMNS[:11])]
    for index in range(rows):
        received = TODAY - dt.timedelta(days=rng.randrange(1, 1000))
        signed = received - dt.timedelta(days=rng.randrange(0, 6))
        kind = rng.choice(kinds)
        if kind in ("forsegling_lasning", "aterstallande"):
            number, initiative = person(signed, 18, 90), rng.choice(("enskild", "personal"))
        elif kind == "vardnadshavare":
            number, initiative = person(signed, 0, 12), ""
        else:
            number, initiative = person(signed, 13, 15), ""
        note = "=cmd|' /C calc'!A0" if index % 10_000 == 0 else "Inskannad från pärm 3."
        lines.append(
            ";".join(
                (
                    kind, number, initiative, signed.isoformat(), received.isoformat(),
                    "ja", "ja" if index % 9 == 0 else "nej", "Eva Svensson",
                    "Vårdcentralen Kalmar", "Birgitta Lund", note,
                )
            )
        )  # fmt: skip
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


# --- databases ---------------------------------------------------------------------------------


@dataclass
class Backend:
    """How to make a scratch database and reach it with the raw driver."""

    label: str
    make: Callable[[], tuple[DatabaseLocation, Callable[[], None]]]
    connect: Callable[[DatabaseLocation], Any]

    @property
    def postgres(self) -> bool:
        return self.label == "PostgreSQL"

    @property
    def p(self) -> str:
        return "%s" if self.postgres else "?"


def sqlite_backend() -> Backend:
    def make() -> tuple[DatabaseLocation, Callable[[], None]]:
        path = DATA / f"import-{uuid.uuid4().hex[:8]}.sqlite3"
        location = parse_location(f"sqlite:///{path}")[0]

        def drop() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        return location, drop

    def connect(location: DatabaseLocation) -> sqlite3.Connection:
        conn = sqlite3.connect(str(location.sqlite_path), isolation_level=None)
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    return Backend("SQLite", make, connect)


def postgres_backend(server_url: str) -> Backend:
    import psycopg
    import sqlalchemy as sa

    server, _ = parse_location(server_url)

    def make() -> tuple[DatabaseLocation, Callable[[], None]]:
        name = f"kansli_bench_import_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(server.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))

        def drop() -> None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

        return DatabaseLocation(server.url.set(database=name)), drop

    def connect(location: DatabaseLocation) -> Any:
        dsn = location.url.set(drivername="postgresql").render_as_string(hide_password=False)
        return psycopg.connect(dsn)

    return Backend("PostgreSQL", make, connect)


@contextmanager
def scratch(backend: Backend) -> Iterator[Database]:
    """An empty migrated database with one registry clerk, dropped afterwards."""
    location, drop = backend.make()
    database = open_database(location).database
    try:
        yield database
    finally:
        database.close()
        drop()


def clerk(database: Database) -> UserInfo:
    from kansli_desk.models import User

    with database.transaction() as session:
        user = User(username="bench.clerk", display_name="Bench Clerk", role=Role.REGISTRAR)
        session.add(user)
        session.flush()
        return UserInfo(user.id, user.username, user.display_name, user.role)


# --- the import figure -------------------------------------------------------------------------


class Recorder:
    """Captures what the import's bulk inserts write (table, columns, rows)."""

    def __init__(self) -> None:
        self.writes: list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]] = []
        self._original = demo.BulkInsert.run

    @contextmanager
    def recording(self) -> Iterator[None]:
        recorder = self

        def run(bulk: Any, rows: Any) -> None:
            recorder.writes.append((bulk.table_name, bulk.columns, list(rows)))
            recorder._original(bulk, rows)

        demo.BulkInsert.run = run  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            demo.BulkInsert.run = self._original  # type: ignore[method-assign]


def import_once(backend: Backend, csv_path: Path, recorder: Recorder | None = None) -> float:
    with scratch(backend) as database:
        user = clerk(database)

        def run() -> form_import.ImportResult:
            with database.transaction() as session:
                return form_import.import_forms(session, user, csv_path, today=TODAY)

        if recorder is None:
            return timed(run)
        with recorder.recording():
            started = time.perf_counter()
            result = run()
            seconds = time.perf_counter() - started
        assert result.registered > 0
        return seconds


def floor_once(backend: Backend, writes: list[tuple[str, tuple[str, ...], list[Any]]]) -> float:
    """A bare executemany of the recorded rows, committed, into an empty database."""
    with scratch(backend) as database:
        user = clerk(database)
        del user  # created_by_id refers to it (id 1)
        raw = backend.connect(database.location)
        try:
            started = time.perf_counter()
            if not backend.postgres:
                raw.execute("BEGIN")
            cursor = raw.cursor()
            for table, columns, rows in writes:
                marks = ", ".join([backend.p] * len(columns))
                sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
                cursor.executemany(sql, rows)
            if backend.postgres:
                raw.commit()
            else:
                raw.execute("COMMIT")
            return time.perf_counter() - started
        finally:
            raw.close()


def import_figure(backend: Backend, csv_path: Path, rows: int, runs: int) -> list[str]:
    recorder = Recorder()
    import_once(backend, csv_path, recorder)  # warm-up, and the rows for the floor
    writes = recorder.writes
    ours, floor = [], []
    for _ in range(runs):
        ours.append(import_once(backend, csv_path))
        floor.append(floor_once(backend, writes))
    value, raw = median(ours), median(floor)
    written = sum(len(r) for _, _, r in writes)
    return [
        f"# {rows:,} rows: {rows / value:,.0f} forms/s; {written:,} rows written in 4 tables",
        absolute_figure(
            f"import {rows:,} rows from CSV (check + write)", value, "s", raw, IMPORT_TARGET_S
        ),
    ]


# --- the list figure ---------------------------------------------------------------------------


def list_database_sqlite(count: int) -> Database:
    path = demo_database(0, count, SEED)
    return open_database(parse_location(f"sqlite:///{path}")[0]).database


def list_database_postgres(server_url: str, count: int) -> Database:
    import sqlalchemy as sa

    location = postgres_demo_database(server_url, 0, count, SEED)
    database = open_database(location).database
    with database.engine.begin() as conn:
        conn.execute(sa.text("ANALYZE"))
    return database


def list_figures(backend: Backend, database: Database, runs: int) -> list[str]:
    raw = backend.connect(database.location)
    p = backend.p
    cutoff = forms.overdue_cutoff(TODAY)

    def page(filters: forms.FormFilter) -> Callable[[], list[forms.FormRow]]:
        def run() -> list[forms.FormRow]:
            with database.transaction() as session:
                return forms.list_forms_page(session, filters=filters, today=TODAY)

        return run

    def raw_query(where: str, params: tuple[Any, ...], hint: str = "") -> Callable[[], list[Any]]:
        sql = RAW_LIST.format(where=where.format(p=p), hint=hint)

        def run() -> list[Any]:
            rows = raw.execute(sql, params).fetchall()
            if backend.postgres:
                raw.commit()  # end the read transaction, as the program's sessions do
            return list(rows)

        return run

    def day(value: dt.date) -> Any:
        return value if backend.postgres else value.isoformat()

    overdue_hint = "" if backend.postgres else "INDEXED BY ix_forms_open_received"
    cases = [
        (
            "list first page, status registered",
            page(forms.FormFilter(status=FormStatus.REGISTERED)),
            raw_query(RAW_BY_STATUS, ("registered",)),
        ),
        (
            "list first page, overdue",
            page(forms.FormFilter(overdue_only=True)),
            raw_query(RAW_OVERDUE, (day(TODAY), day(cutoff), day(TODAY)), overdue_hint),
        ),
    ]
    lines = []
    try:
        for name, ours, floor in cases:
            assert [r.id for r in ours()] == [r[0] for r in floor()], f"{name}: results differ"
            value, raw_value = alternate(ours, floor, runs)
            lines.append(figure(name, value * 1000, "ms", raw_value * 1000, LIST_TARGET))
    finally:
        raw.close()
    return lines


# --- main ---------------------------------------------------------------------------------------


def run_backend(backend: Backend, database: Database, args: argparse.Namespace) -> list[str]:
    csv_path = DATA / f"import-{args.rows}.csv"
    if not csv_path.exists():
        generate_csv(csv_path, args.rows)
    lines = [f"# {backend.label}"]
    lines += import_figure(backend, csv_path, args.rows, args.import_runs)
    lines += list_figures(backend, database, args.runs)
    return lines


def paint_figure(target: Path | str, runs: int, name: str) -> str:
    """The register list's first page shown in the real window (form register tab),
    against a bare QTableView over the same first page read with the plain driver
    (``bench/_calls_ui_probe.py ... forms``), each in a fresh process."""
    ours, bare = probe_pairs(target, runs, "forms")
    return absolute_figure(
        f"{name} register list first rows shown",
        median([o["first-rows-ms"] for o in ours]),
        "ms",
        median([b["first-rows-ms"] for b in bare]),
        100,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the import file")
    parser.add_argument("--forms", type=int, default=200_000, help="forms in the list database")
    parser.add_argument("--runs", type=int, default=40, help="runs of each list figure")
    parser.add_argument("--import-runs", type=int, default=3, help="runs of the import figure")
    parser.add_argument("--ui-runs", type=int, default=5, help="runs of the first-paint figure")
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    print(
        f"# {args.forms:,} forms in the list; {args.rows:,} rows imported; medians of "
        f"{args.runs} (list) and {args.import_runs} (import) alternating runs; today {TODAY}"
    )
    database = list_database_sqlite(args.forms)
    try:
        for line in run_backend(sqlite_backend(), database, args):
            print(line, flush=True)
    finally:
        database.close()
    path = demo_database(0, args.forms, SEED)
    print(paint_figure(path, args.ui_runs, "SQLite"), flush=True)
    server = os.environ.get(PG_ENV)
    if server:
        database = list_database_postgres(server, args.forms)
        url = database.location.url.render_as_string(hide_password=False)
        try:
            for line in run_backend(postgres_backend(server), database, args):
                print(line, flush=True)
        finally:
            database.close()
        print(paint_figure(url, args.ui_runs, "PostgreSQL"), flush=True)
    else:
        print(f"# PostgreSQL run skipped ({PG_ENV} not set)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
