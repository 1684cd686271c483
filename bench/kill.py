"""Kill safety: a process killed with SIGKILL while saving or importing (issue 7).

Two scenarios on one SQLite file each, ``--kills`` times (50 by default):

* ``kill-save``: a child process saves calls in a loop, one transaction per call
  (:func:`kansli_desk.services.calls.create_call`: the call, its two topics, its
  audit event and, by trigger, its full-text index entry);
* ``kill-import``: a child process imports a CSV file of ``--rows`` forms in a
  loop, one transaction per import
  (:func:`kansli_desk.services.form_import.import_forms`: the forms, their
  people, their history, their audit events and the registry counter).

The parent starts the child, waits until it has opened the database, lets it
run for a random moment and kills it with SIGKILL (no clean-up of any kind).
After every kill the database is opened again and checked: ``PRAGMA
integrity_check``, the full-text index's own integrity check, and that every
transaction is all or nothing (each call has its two topics, its audit event
and its index entry; the forms come in whole imports with their people, their
history, their audit events and registry counters that match). The program
then opens the file as a user would (WAL recovery, schema check).

The child writes ``B`` before each transaction and ``C`` after its commit, so
the parent knows whether the kill fell inside a transaction; the import, done as
``kansli-desk import forms`` does it (every row checked, then all written in one
transaction), also writes ``W`` when it starts writing.

One line per scenario::

    figure: kill-save 50 kills; integrity ok 50; partial 0; ...

    .venv/bin/python bench/kill.py [--kills N] [--rows N] [--seed S] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVE, IMPORT = "save", "import"
WINDOWS = {SAVE: 0.6, IMPORT: 2.0}
"""The kill falls at a uniformly random moment this many seconds after the child is ready
(a save takes milliseconds; an import of 1,000 rows about half a second)."""
AIM = {SAVE: 0.004, IMPORT: 0.02}
"""Aimed kills fall this many seconds at most after a write transaction began."""
WRITE_MARKS = {SAVE: "B", IMPORT: "W"}
TOPICS_PER_CALL = 2


# --- the child: saving or importing until killed ---------------------------------------------


def child(mode: str, path: Path, csv_path: Path | None) -> None:
    """Open the database and save calls (or import the file) until killed."""
    from kansli_desk.core.enums import CallerKind, Outcome
    from kansli_desk.services import calls, form_import, users
    from kansli_desk.services.database import open_database, parse_location

    database = open_database(parse_location(f"sqlite:///{path}")[0]).database
    with database.transaction() as session:
        user = users.ensure_user(session, "kill-bench")
        topics = tuple(topic.id for topic in calls.list_topics(session)[:TOPICS_PER_CALL])
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    number = 0
    started = dt.datetime.now(dt.UTC)
    while True:
        out.write("B\n")
        out.flush()
        if mode == SAVE:
            with database.transaction() as session:
                data = calls.CallInput(
                    started_at=started - dt.timedelta(seconds=number),
                    duration_seconds=number % 600,
                    caller_kind=CallerKind.CITIZEN,
                    topic_ids=topics,
                    outcome=Outcome.ANSWERED,
                    notes=f"Frågade om försegling, samtal {number}",
                )
                calls.create_call(session, user, data)
        else:
            # As "kansli-desk import forms" does it: check every row, then write them
            # all in one transaction.
            assert csv_path is not None
            checked = form_import.check_file(csv_path)
            assert not checked.problems
            out.write("W\n")
            out.flush()
            with database.transaction() as session:
                form_import.write_forms(session, user, checked.forms, source=checked.name)
        out.write("C\n")
        out.flush()
        number += 1


# --- the file to import ----------------------------------------------------------------------


def generate_csv(path: Path, rows: int, rng: random.Random) -> Path:
    """``rows`` valid sealing forms of adults (Skatteverket's test personnummer)."""
    from kansli_desk.services import demo, form_import

    today = dt.date.today()
    adults = [n for n in demo.load_test_numbers() if 1940 <= int(n[:4]) <= 2000]
    lines = [";".join(form_import.COLUMNS[:11])]
    for _ in range(rows):
        received = today - dt.timedelta(days=rng.randrange(30, 800))
        signed = received - dt.timedelta(days=rng.randrange(0, 6))
        number = rng.choice(adults)
        lines.append(
            ";".join(
                (
                    "forsegling_lasning", f"{number[:8]}-{number[8:]}", "enskild",
                    signed.isoformat(), received.isoformat(), "ja", "nej", "Eva Svensson",
                    "Vårdcentralen Kalmar", "Birgitta Lund", "Inskannad från pärm 3.",
                )
            )
        )  # fmt: skip
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


# --- the checks ------------------------------------------------------------------------------


@dataclass
class Check:
    """What one look at the database after a kill found."""

    integrity_ok: bool
    partial: list[str]
    transactions: int
    """Whole transactions found: calls saved, or imports."""
    opens: bool


def _scalar(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def check(mode: str, path: Path, rows: int) -> Check:
    """Open the killed database and check it (see the module docstring)."""
    from kansli_desk.errors import KnownError
    from kansli_desk.services.database import open_database, parse_location

    partial: list[str] = []
    # A read-write connection: the first one after the kill recovers the WAL.
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        ok = problems == ["ok"]
        try:
            conn.execute("INSERT INTO calls_fts(calls_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            ok = False
            partial.append(f"full-text index: {exc}")
        if mode == SAVE:
            count = _scalar(conn, "SELECT count(*) FROM calls")
            checks = {
                "calls without both topics": "SELECT count(*) FROM calls c WHERE (SELECT "
                f"count(*) FROM call_topics t WHERE t.call_id = c.id) != {TOPICS_PER_CALL}",
                "topics without a call": "SELECT count(*) FROM call_topics t WHERE NOT EXISTS "
                "(SELECT 1 FROM calls c WHERE c.id = t.call_id)",
                "calls without their audit event": "SELECT count(*) FROM calls c WHERE NOT "
                "EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'call' AND a.action = "
                "'create' AND a.entity_id = CAST(c.id AS TEXT))",
                "audit events without their call": "SELECT count(*) FROM audit_events a WHERE "
                "a.entity = 'call' AND NOT EXISTS (SELECT 1 FROM calls c WHERE "
                "CAST(c.id AS TEXT) = a.entity_id)",
            }
            for name, sql in checks.items():
                if _scalar(conn, sql):
                    partial.append(name)
            if _scalar(conn, "SELECT count(*) FROM calls_fts") != count:
                partial.append("index entries differ from calls")
            transactions = count
        else:
            forms = _scalar(conn, "SELECT count(*) FROM forms")
            found = {
                "people": _scalar(conn, "SELECT count(*) FROM form_parties"),
                "history steps / 2": _scalar(conn, "SELECT count(*) FROM form_status_changes") // 2,
                "audit events": _scalar(
                    conn, "SELECT count(*) FROM audit_events WHERE action = 'import'"
                ),
                "registry numbers counted": _scalar(
                    conn, "SELECT coalesce(sum(last_number), 0) FROM registry_counters"
                ),
            }
            if forms % rows:
                partial.append(f"{forms} forms is not a whole number of imports of {rows}")
            partial += [f"{name} {n} != forms {forms}" for name, n in found.items() if n != forms]
            transactions = forms // rows
    try:
        open_database(parse_location(f"sqlite:///{path}")[0], upgrade=False).database.close()
        opens = True
    except KnownError as exc:
        partial.append(f"the program cannot open it: {exc}")
        opens = False
    return Check(ok, partial, transactions, opens)


# --- the scenario ----------------------------------------------------------------------------


@dataclass
class Outcome:
    """Everything the kills of one scenario showed."""

    mode: str
    kills: int = 0
    integrity_ok: int = 0
    partial: int = 0
    opens: int = 0
    inside_transaction: int = 0
    while_checking: int = 0
    transactions: int = 0
    problems: list[str] = field(default_factory=list)

    def figure(self, rows: int) -> str:
        done = (
            f"calls saved {self.transactions}"
            if self.mode == SAVE
            else f"imports committed {self.transactions} ({rows} forms each)"
        )
        inside = f"killed inside a transaction {self.inside_transaction}"
        if self.mode == IMPORT:
            inside += f"; killed while checking the file {self.while_checking}"
        return (
            f"figure: kill-{self.mode} {self.kills} kills; integrity ok {self.integrity_ok}; "
            f"partial {self.partial}; opened by the program {self.opens}; {inside}; {done}"
        )


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("KANSLI_DESK_DATABASE", None)
    return env


def new_database(path: Path) -> None:
    from kansli_desk.services.database import open_database, parse_location

    open_database(parse_location(f"sqlite:///{path}")[0]).database.close()


@contextlib.contextmanager
def started_child(mode: str, path: Path, csv_path: Path | None) -> Iterator[subprocess.Popen[str]]:
    args = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(path)]
    if csv_path is not None:
        args.append(str(csv_path))
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env()
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def _read_all(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """What a dead child wrote (through the same buffered streams ``readline`` used)."""
    proc.wait()
    assert proc.stdout is not None and proc.stderr is not None
    return proc.stdout.read(), proc.stderr.read()


def run_scenario(
    mode: str, folder: Path, *, kills: int, rows: int = 1000, seed: int = 7, aim: bool = False
) -> Outcome:
    """Kill a child saving (``mode`` "save") or importing ("import") ``kills`` times.

    With ``aim`` each kill falls within :data:`AIM` seconds after a write transaction
    began (the quick test's way to be sure the kills hit writes), otherwise at a
    random moment of :data:`WINDOWS`.
    """
    rng = random.Random(f"{seed}-{mode}")
    path = folder / f"kill-{mode}.sqlite3"
    new_database(path)
    csv_path = generate_csv(folder / "forms.csv", rows, rng) if mode == IMPORT else None
    outcome = Outcome(mode)
    for _ in range(kills):
        with started_child(mode, path, csv_path) as proc:
            assert proc.stdout is not None
            ready = proc.stdout.readline()
            if ready != "ready\n":
                proc.kill()
                _, err = _read_all(proc)
                raise RuntimeError(f"the child did not start: {ready!r} {err[-2000:]}")
            last = "ready"
            if aim:  # after 0 to 2 commits, just after the next write began
                commits = rng.randrange(3)
                while last and (commits or last != WRITE_MARKS[mode]):
                    last = proc.stdout.readline().strip()
                    commits -= last == "C"
                time.sleep(rng.uniform(0.0, AIM[mode]))
            else:
                time.sleep(rng.uniform(0.0, WINDOWS[mode]))
            alive = proc.poll() is None
            proc.send_signal(signal.SIGKILL)
            out, err = _read_all(proc)
            if not alive:
                raise RuntimeError(f"the child stopped before it was killed: {err[-2000:]}")
        marks = out.split()
        outcome.kills += 1
        last = marks[-1] if marks else last
        outcome.inside_transaction += last == WRITE_MARKS[mode]
        outcome.while_checking += mode == IMPORT and last == "B"
        found = check(mode, path, rows)
        outcome.integrity_ok += found.integrity_ok
        outcome.partial += bool(found.partial)
        outcome.opens += found.opens
        outcome.transactions = found.transactions
        outcome.problems += found.partial
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--rows", type=int, default=1000, help="forms per imported file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, path, *rest = args.child
        child(mode, Path(path), Path(rest[0]) if rest else None)
        return 0
    with tempfile.TemporaryDirectory(prefix="kansli-kill-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        failed = False
        for mode in (SAVE, IMPORT):
            outcome = run_scenario(mode, folder, kills=args.kills, rows=args.rows, seed=args.seed)
            print(outcome.figure(args.rows), flush=True)
            for problem in sorted(set(outcome.problems)):
                print(f"# problem: {problem}", flush=True)
            failed |= outcome.integrity_ok != outcome.kills or outcome.partial > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
