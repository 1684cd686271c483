"""Concurrent editing: 8 processes editing the same 100 calls and 100 forms (issue 7).

On PostgreSQL (``--url`` of a migrated database, or a throwaway database made on
the server in ``KANSLI_DESK_TEST_POSTGRES``): the parent creates ``--records``
calls and as many forms, plus ``--races`` forms for the workflow race, then starts
``--processes`` real processes (``python bench/concurrency.py --child ...``).

Each child first takes part in the race: every process holds each race form at
the version it had when created (as a clerk who opened it before anyone moved
it) and moves it on with :func:`kansli_desk.services.forms.transition`. Then it
makes ``--attempts`` edits: read a random call or form with its version
(one transaction), wait a moment as a user would, and save a distinct marker
(``p3-a17``) as the call's duration (``30018`` s) or the form's orderer title
with the version read (the audit trail records their old and new values; notes
are recorded as changed only)
(:func:`~kansli_desk.services.calls.update_call`,
:func:`~kansli_desk.services.forms.update_form`, another transaction). Every
attempt's outcome goes to the child's log, one JSON line each: accepted (with
the new version), refused as a conflict (``CallConflict`` / ``FormConflict``),
or any other error.

Afterwards the parent checks every record: each accepted marker is in its audit
trail (the history of changes), in the order of the versions; the final value
is the last accepted marker; the final version is 1 plus the accepted saves; no
save was lost; every refusal was a conflict error and nothing else failed.
Each race form was moved exactly once, by exactly one process; the others were
refused as conflicts. One line per figure::

    figure: concurrency 8 processes, N attempts; accepted A; refused as conflict R; lost 0; ...

    .venv/bin/python bench/concurrency.py [--url URL] [--processes 8] [--attempts 250]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_ENV = "KANSLI_DESK_TEST_POSTGRES"
CALL, FORM = "call", "form"
ACCEPTED, CONFLICT, ERROR = "accepted", "conflict", "error"


# --- setting up ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    calls: tuple[int, ...]
    forms: tuple[int, ...]
    races: tuple[tuple[int, int, str], ...]
    """(form id, version as created, status to move to)."""

    def to_json(self) -> str:
        return json.dumps({"calls": self.calls, "forms": self.forms, "races": self.races})

    @classmethod
    def from_json(cls, text: str) -> Plan:
        data = json.loads(text)
        return cls(
            tuple(data["calls"]),
            tuple(data["forms"]),
            tuple((int(f), int(v), str(s)) for f, v, s in data["races"]),
        )


def _user(session: Any, username: str) -> Any:
    """A supervisor login (may edit calls and forms and move forms on)."""
    from sqlalchemy import select

    from kansli_desk.core.enums import Role
    from kansli_desk.models import User
    from kansli_desk.services import users

    users.ensure_user(session, username)
    user = session.scalars(select(User).where(User.username == username)).one()
    user.role = Role.SUPERVISOR
    session.flush()
    return users.ensure_user(session, username)


def prepare(url: str, records: int, races: int) -> Plan:
    """``records`` calls and forms to edit and ``races`` forms to race for."""
    from kansli_desk.core.enums import (
        CallerKind,
        FormType,
        Initiator,
        Measure,
        Outcome,
        PartyRole,
        SealScope,
    )
    from kansli_desk.services import calls, demo, forms
    from kansli_desk.services.database import open_database, parse_location

    database = open_database(parse_location(url)[0]).database
    today = forms.today_in_sweden()
    adults = [n for n in demo.load_test_numbers() if 1940 <= int(n[:4]) <= 2000]
    try:
        with database.transaction() as session:
            user = _user(session, "concurrency-setup")
            topics = tuple(topic.id for topic in calls.list_topics(session)[:2])
            started = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
            call_ids = [
                calls.create_call(
                    session,
                    user,
                    calls.CallInput(
                        started_at=started - dt.timedelta(minutes=i),
                        duration_seconds=60 + i,
                        caller_kind=CallerKind.CITIZEN,
                        topic_ids=topics,
                        outcome=Outcome.ANSWERED,
                        notes=f"start {i}",
                    ),
                ).id
                for i in range(records)
            ]
            details = []
            for i in range(records + races):
                data = forms.FormInput(
                    form_type=FormType.SEAL_OR_LOCK,
                    received_on=today - dt.timedelta(days=2),
                    signed_on=today - dt.timedelta(days=6),
                    parties=(forms.PartyInput(PartyRole.SUBJECT, adults[i % len(adults)]),),
                    initiator=Initiator.INDIVIDUAL,
                    measures=frozenset({Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN}),
                    seal_scope=SealScope.WHOLE_ACCOUNT,
                    orderer_name="Eva Svensson",
                    orderer_title="Sjuksköterska",
                    orderer_unit="Vårdcentralen Kalmar",
                    orderer_phone="070-174 06 05",
                    head_of_operations="Birgitta Lund",
                    note=f"start {i}",
                )
                details.append(forms.register_form(session, user, data, today=today))
    finally:
        database.close()
    race_plan = []
    for detail in details[records:]:
        wanted = [s for s in detail.allowed if s.value == "completion_requested"]
        target = (wanted or list(detail.allowed))[0]
        race_plan.append((detail.id, detail.version, target.value))
    return Plan(tuple(call_ids), tuple(d.id for d in details[:records]), tuple(race_plan))


# --- the child: one clerk editing ----------------------------------------------------------


def child(
    url: str, proc: int, attempts: int, *, seed: int, plan_path: Path, log_path: Path
) -> None:
    """Race for the race forms, then make ``attempts`` edits; log every outcome."""
    from kansli_desk.services.database import open_database, parse_location

    plan = Plan.from_json(plan_path.read_text())
    rng = random.Random(f"{seed}-{proc}")
    database = open_database(parse_location(url)[0]).database
    with database.transaction() as session:
        user = _user(session, f"clerk-p{proc}")
    with log_path.open("w", encoding="utf-8") as log:
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        if sys.stdin.readline().strip() != "go":
            return
        races = list(plan.races)
        rng.shuffle(races)
        for race in races:
            entry = _race(database, user, proc, race)
            log.write(json.dumps(entry) + "\n")
            log.flush()
        for attempt in range(attempts):
            kind = rng.choice((CALL, FORM))
            record = rng.choice(plan.calls if kind == CALL else plan.forms)
            entry = {"proc": proc, "attempt": attempt, "kind": kind, "id": record,
                     "marker": f"p{proc}-a{attempt}"}  # fmt: skip
            _edit(database, user, entry, rng)
            log.write(json.dumps(entry) + "\n")
            log.flush()
    database.close()


def _race(database: Any, user: Any, proc: int, race: tuple[int, int, str]) -> dict[str, Any]:
    """Move a race form on with the version it had when created."""
    from kansli_desk.core.enums import FormStatus
    from kansli_desk.services import forms

    form_id, version, target = race
    entry: dict[str, Any] = {"proc": proc, "kind": "race", "id": form_id, "read": version}
    try:
        with database.transaction() as session:
            moved = forms.transition(session, user, form_id, version, FormStatus(target))
        entry.update(outcome=ACCEPTED, version=moved.version)
    except forms.FormConflict:
        entry.update(outcome=CONFLICT)
    except Exception as error:  # every other error is a finding
        entry.update(outcome=ERROR, error=f"{type(error).__name__}: {error}")
    return entry


def _seconds(marker: str) -> int:
    """A call's marker as a duration: ``p3-a17`` is 30,018 s (under 24 hours)."""
    proc, attempt = marker[1:].split("-a")
    return int(proc) * 10_000 + int(attempt) + 1


def _edit(database: Any, user: Any, entry: dict[str, Any], rng: random.Random) -> None:
    """Read the record with its version, wait as a user types, save the marker."""
    from kansli_desk.services import calls, forms

    record, marker = entry["id"], entry["marker"]
    try:
        if entry["kind"] == CALL:
            with database.transaction() as session:
                call = calls.get_call(session, record)
            entry["read"] = call.version
            time.sleep(rng.uniform(0.0, 0.01))
            data = calls.CallInput(
                started_at=call.started_at,
                duration_seconds=_seconds(marker),
                caller_kind=call.caller_kind,
                topic_ids=call.topic_ids,
                outcome=call.outcome,
                notes=call.notes,
                person_number=call.person_masked,
                callback_phone=call.callback_phone,
                callback_due_at=call.callback_due_at,
                form_registry_number=call.form_registry_number,
            )
            with database.transaction() as session:
                saved = calls.update_call(session, user, record, call.version, data)
            entry.update(outcome=ACCEPTED, version=saved.version)
        else:
            with database.transaction() as session:
                form = forms.get_form(session, record, user=user)
            entry["read"] = form.version
            time.sleep(rng.uniform(0.0, 0.01))
            changed = dataclasses.replace(form.data, orderer_title=marker)
            with database.transaction() as session:
                stored = forms.update_form(session, user, record, form.version, changed)
            entry.update(outcome=ACCEPTED, version=stored.version)
    except (calls.CallConflict, forms.FormConflict) as error:
        entry.update(outcome=CONFLICT, error=type(error).__name__)
    except Exception as error:  # every other error is a finding
        entry.update(outcome=ERROR, error=f"{type(error).__name__}: {error}")


# --- checking --------------------------------------------------------------------------------


@dataclass
class Report:
    processes: int
    attempts: int = 0
    accepted: int = 0
    refused: int = 0
    lost: int = 0
    other_errors: int = 0
    races: int = 0
    race_attempts: int = 0
    race_single_winner: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and self.lost == 0
            and self.other_errors == 0
            and self.race_single_winner == self.races
            and self.accepted + self.refused == self.attempts
        )

    def figures(self) -> list[str]:
        return [
            f"figure: concurrency {self.processes} processes, {self.attempts} attempts; "
            f"accepted {self.accepted}; refused as conflict {self.refused}; lost {self.lost}; "
            f"other errors {self.other_errors}; {self.seconds:.1f} s",
            f"figure: concurrency race {self.races} forms moved by {self.processes} processes "
            f"at once, {self.race_attempts} attempts; exactly one winner "
            f"{self.race_single_winner}; {'ok' if self.ok else 'FAILED'}",
        ]


def verify(url: str, plan: Plan, entries: list[dict[str, Any]], processes: int) -> Report:
    """Check the logged outcomes against what the database holds."""
    from kansli_desk.services.database import open_database, parse_location

    report = Report(processes)
    edits = [e for e in entries if e["kind"] in (CALL, FORM)]
    report.attempts = len(edits)
    report.accepted = sum(e["outcome"] == ACCEPTED for e in edits)
    report.refused = sum(e["outcome"] == CONFLICT for e in edits)
    report.other_errors = sum(e["outcome"] == ERROR for e in entries)
    report.problems += sorted({e["error"] for e in entries if e["outcome"] == ERROR})
    accepted: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for entry in edits:
        if entry["outcome"] == ACCEPTED:
            accepted[(entry["kind"], entry["id"])].append(entry)
            if entry["version"] != entry["read"] + 1:
                report.problems.append(
                    f"{entry['marker']}: version {entry['read']} → {entry['version']}"
                )
    database = open_database(parse_location(url)[0]).database
    try:
        with database.transaction() as session:
            for kind, ids in ((CALL, plan.calls), (FORM, plan.forms)):
                for record in ids:
                    saves = sorted(accepted[(kind, record)], key=lambda e: e["version"])
                    _check_record(session, report, kind, record, [e["marker"] for e in saves])
            _check_races(session, report, plan, [e for e in entries if e["kind"] == "race"])
    finally:
        database.close()
    return report


def _stored(session: Any, kind: str, record: int) -> tuple[str, int, list[str]]:
    """A record's value, version and trail of values (the audit trail of its changes)."""
    from sqlalchemy import select

    from kansli_desk.core.enums import AuditAction
    from kansli_desk.models import AuditEvent
    from kansli_desk.services import calls, forms

    if kind == CALL:
        detail = calls.get_call(session, record)
        trail = [c.new for c in detail.history if c.field == "duration_seconds"]
        return str(detail.duration_seconds), detail.version, trail
    form = forms.get_form(session, record)
    trail = [
        str(change.get("new", ""))
        for details in session.scalars(
            select(AuditEvent.details)
            .where(
                AuditEvent.entity == forms.ENTITY,
                AuditEvent.entity_id == str(record),
                AuditEvent.action == AuditAction.UPDATE,
            )
            .order_by(AuditEvent.at, AuditEvent.id)
        )
        for change in (details or {}).get("changes", [])
        if change.get("field") == "orderer_title"
    ]
    return form.data.orderer_title, form.version, trail


def _check_record(session: Any, report: Report, kind: str, record: int, markers: list[str]) -> None:
    """Every accepted marker in the trail, in version order; the last one stored."""
    value, version, trail = _stored(session, kind, record)
    if kind == CALL:
        markers = [str(_seconds(m)) for m in markers]
    missing = [m for m in markers if m not in trail]
    report.lost += len(missing)
    if missing:
        report.problems.append(f"{kind} {record}: lost {missing}")
    if trail != markers:
        report.problems.append(f"{kind} {record}: trail {trail} != accepted {markers}")
    if markers and value != markers[-1]:
        report.problems.append(f"{kind} {record}: final {value!r} != {markers[-1]}")
    if version != 1 + len(markers):
        report.problems.append(f"{kind} {record}: version {version}, {len(markers)} saves")


def _check_races(session: Any, report: Report, plan: Plan, races: list[dict[str, Any]]) -> None:
    """Each race form moved once, by exactly one process; all others refused."""
    from kansli_desk.services import forms

    by_form: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for entry in races:
        by_form[entry["id"]].append(entry)
    report.races = len(plan.races)
    report.race_attempts = len(races)
    for form_id, version, target in plan.races:
        tries = by_form[form_id]
        wins = sum(e["outcome"] == ACCEPTED for e in tries)
        refused = sum(e["outcome"] == CONFLICT for e in tries)
        form = forms.get_form(session, form_id)
        moves = sum(h.to_status.value == target for h in form.history)
        if (
            wins == 1
            and refused == len(tries) - 1
            and len(tries) == report.processes
            and moves == 1
            and form.status.value == target
            and form.version == version + 1
        ):
            report.race_single_winner += 1
        else:
            report.problems.append(
                f"race form {form_id}: {wins} winners, {refused} refused, {moves} moves, "
                f"status {form.status.value}"
            )


# --- the parent ------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("KANSLI_DESK_DATABASE", None)
    return env


def run(
    url: str,
    folder: Path,
    *,
    processes: int = 8,
    attempts: int = 250,
    records: int = 100,
    races: int = 20,
    seed: int = 7,
) -> Report:
    """Prepare the records, run the children at once, check the outcome."""
    plan = prepare(url, records, races)
    plan_path = folder / "plan.json"
    plan_path.write_text(plan.to_json())
    children: list[subprocess.Popen[str]] = []
    logs: list[Path] = []
    started = time.perf_counter()
    try:
        for proc in range(processes):
            log_path = folder / f"p{proc}.jsonl"
            logs.append(log_path)
            args = [sys.executable, str(Path(__file__).resolve()), "--child", url, str(proc),
                    str(attempts), str(seed), str(plan_path), str(log_path)]  # fmt: skip
            children.append(
                subprocess.Popen(
                    args,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=child_env(),
                )
            )
        for child_proc in children:  # all connected and logged in: then all at once
            assert child_proc.stdout is not None
            line = child_proc.stdout.readline()
            if line != "ready\n":
                _, err = child_proc.communicate()
                raise RuntimeError(f"a child did not start: {line!r} {err[-2000:]}")
        started = time.perf_counter()
        for child_proc in children:
            assert child_proc.stdin is not None
            child_proc.stdin.write("go\n")
            child_proc.stdin.flush()
        failures = []
        for child_proc in children:
            _, err = child_proc.communicate(timeout=600)
            if child_proc.returncode != 0:
                failures.append(err[-2000:])
        seconds = time.perf_counter() - started
    finally:
        for child_proc in children:
            if child_proc.poll() is None:
                child_proc.kill()
                child_proc.wait()
    entries = [
        json.loads(line)
        for log_path in logs
        if log_path.exists()
        for line in log_path.read_text(encoding="utf-8").splitlines()
    ]
    report = verify(url, plan, entries, processes)
    report.seconds = seconds
    report.problems += [f"child failed: {err}" for err in failures]
    expected = processes * attempts
    if report.attempts != expected:
        report.problems.append(f"{report.attempts} attempts logged, {expected} made")
    return report


def _throwaway(admin_url: str) -> tuple[str, Any]:
    """A new migrated database on the server; returns its URL and a function dropping it."""
    import sqlalchemy as sa

    from kansli_desk.services.database import open_database, parse_location

    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"kd_bench_concurrency_{uuid.uuid4().hex[:8]}"
    with engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))
    location = parse_location(admin_url)[0]
    url = location.url.set(database=name).render_as_string(hide_password=False)
    open_database(parse_location(url)[0]).database.close()

    def drop() -> None:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return url, drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help=f"a migrated PostgreSQL database (default: a throwaway "
                        f"one on the server in {PG_ENV})")  # fmt: skip
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--attempts", type=int, default=250, help="edits per process")
    parser.add_argument("--records", type=int, default=100, help="calls, and as many forms")
    parser.add_argument("--races", type=int, default=20, help="forms moved by all at once")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        url, proc, attempts, seed, plan_path, log_path = args.child
        child(url, int(proc), int(attempts), seed=int(seed), plan_path=Path(plan_path),
              log_path=Path(log_path))  # fmt: skip
        return 0
    drop = None
    url = args.url
    if url is None:
        admin = os.environ.get(PG_ENV)
        if not admin:
            print(f"Give --url or set {PG_ENV} to a PostgreSQL server.", file=sys.stderr)
            return 2
        url, drop = _throwaway(admin)
    try:
        with tempfile.TemporaryDirectory(prefix="kansli-concurrency-") as scratch:
            report = run(
                url,
                Path(scratch),
                processes=args.processes,
                attempts=args.attempts,
                records=args.records,
                races=args.races,
                seed=args.seed,
            )
    finally:
        if drop is not None:
            drop()
    for line in report.figures():
        print(line, flush=True)
    for problem in report.problems[:50]:
        print(f"# problem: {problem}", flush=True)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
