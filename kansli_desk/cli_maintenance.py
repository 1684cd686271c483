"""Maintenance commands: ``backup``, ``purge`` and ``retention`` (issue 7).

:func:`add_parsers` adds the commands to the command line's subparsers and
:func:`run` runs one (it returns None for any other command), so
:mod:`kansli_desk.cli` wires them with two lines. Like the other commands they
print plain text and, for anything the user can act on, one message and a
non-zero exit status, never a traceback.

* ``kansli-desk backup FILE [--replace]``: a consistent copy of the local SQLite
  database while the program may be running (:mod:`kansli_desk.services.backup`);
  on PostgreSQL it prints the ``pg_dump`` command to use instead.
* ``kansli-desk purge --dry-run``: what a purge would remove, per category, with
  the cut-off dates; ``kansli-desk purge`` does it (supervisors). It asks for
  confirmation on a terminal; elsewhere (a script, a scheduled job) it does
  nothing unless ``--yes`` is given.
* ``kansli-desk retention [show]`` shows the retention periods;
  ``kansli-desk retention set [--call-months N] [--form-years N]`` changes them
  (supervisors).
* ``kansli-desk audit person NUMBER [--from D] [--to D] [--output FILE.csv]``: the
  log extract (loggutdrag) of one person: who has seen or changed data about them
  (supervisors); printed as a table, or written to a CSV file (UTF-8 with BOM,
  ``;``). ``kansli-desk audit sample [--size N] [--from D] [--to D] [--seed S]``:
  a spot check of a random sample of accesses (supervisors). Both are recorded
  in the audit log (:func:`kansli_desk.services.audit.person_log`,
  :func:`~kansli_desk.services.audit.spot_check`).

Nothing here imports SQLAlchemy at module level: the parser is built before the
desktop window appears.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kansli_desk import APP_ID
from kansli_desk.errors import KnownError
from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import datetime as dt

    from kansli_desk.services.audit import AuditRow
    from kansli_desk.services.backup import BackupResult
    from kansli_desk.services.database import DatabaseLocation
    from kansli_desk.services.retention import PurgePlan, RetentionPolicy
    from kansli_desk.settings import Settings

CONTEXT = "Cli"
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130
SAMPLE_SIZE = 20
SAMPLE_DAYS = 30
YES_ANSWERS = frozenset({"y", "yes", "j", "ja"})
"""Answers that confirm a purge (English and Swedish)."""


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``backup``, ``purge``, ``retention`` and ``audit`` to the command line's subparsers.

    Args:
        sub: the subparsers of :func:`kansli_desk.cli.build_parser` (``dest="command"``).
        common: the options every command accepts (``--database``, ``--lang``).
    """
    backup = sub.add_parser(
        "backup",
        help="copy the local SQLite database consistently, even while the program runs "
        "(PostgreSQL: prints the pg_dump command to use)",
        parents=[common],
    )
    backup.add_argument("file", metavar="FILE", type=Path, help="the backup file to write")
    backup.add_argument("--replace", action="store_true", help="replace FILE if it exists")

    purge = sub.add_parser(
        "purge",
        help="remove or anonymise personal data past its retention period (supervisors); "
        "the audit log is kept",
        parents=[common],
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="show what would be removed; change nothing"
    )
    purge.add_argument(
        "--yes",
        action="store_true",
        help="purge without asking (required when not run on a terminal)",
    )

    retention = sub.add_parser(
        "retention",
        help="how long personal data is kept (changing it: supervisors)",
        parents=[common],
    )
    retention_sub = retention.add_subparsers(dest="retention_command", metavar="RETENTION_COMMAND")
    retention_sub.add_parser(
        "show", help="show the retention periods (the default)", parents=[common]
    )
    setting = retention_sub.add_parser(
        "set", help="change the retention periods (supervisors)", parents=[common]
    )
    setting.add_argument(
        "--call-months",
        type=int,
        metavar="N",
        help="months to keep the notes, callback numbers and identity numbers of calls",
    )
    setting.add_argument(
        "--form-years",
        type=int,
        metavar="N",
        help="years to keep the personal data of closed, cancelled and rejected forms",
    )
    _add_audit_parsers(sub, common)


def _add_audit_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    audit = sub.add_parser(
        "audit",
        help="who has seen or changed data about people: log extracts and spot checks "
        "(supervisors; recorded in the audit log)",
        parents=[common],
    )
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="AUDIT_COMMAND", required=True)
    person = audit_sub.add_parser(
        "person",
        help="the log extract of one person: every event recorded about them, oldest first",
        parents=[common],
    )
    person.add_argument(
        "number", metavar="NUMBER", help="personnummer, samordningsnummer or reservnummer"
    )
    person.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day")
    person.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day (included)")
    person.add_argument(
        "--output",
        type=Path,
        metavar="FILE.csv",
        help="write a CSV file (UTF-8, ';') instead of printing; it appears only when complete",
    )
    sample = audit_sub.add_parser(
        "sample",
        help="a spot check: a random sample of accesses to people's data in a period",
        parents=[common],
    )
    sample.add_argument(
        "--size", type=int, default=SAMPLE_SIZE, metavar="N", help=f"events (default {SAMPLE_SIZE})"
    )
    sample.add_argument(
        "--from",
        dest="date_from",
        metavar="YYYY-MM-DD",
        help=f"first day (default: {SAMPLE_DAYS} days before --to)",
    )
    sample.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="last day, included (default: today)"
    )
    sample.add_argument(
        "--seed", type=int, metavar="S", help="draw the same sample again (printed with each one)"
    )


def run(args: argparse.Namespace) -> int | None:
    """Run a maintenance command; None when ``args.command`` is not one of them.

    Call it after the command line's translator is installed. Errors are
    reported as :func:`kansli_desk.cli.run` reports them.
    """
    command = _COMMANDS.get(getattr(args, "command", None) or "")
    if command is None:
        return None
    from kansli_desk.cli import MSG_INTERRUPTED, _report_unexpected
    from kansli_desk.settings import Settings

    try:
        return command(args, Settings())
    except KnownError as exc:
        print(f"{APP_ID}: {exc.message()}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"{APP_ID}: " + translate(CONTEXT, MSG_INTERRUPTED), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug or an unforeseen fault: no traceback on screen
        return _report_unexpected(exc)


# --- backup ----------------------------------------------------------------------------------


def _cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    from kansli_desk.services import backup
    from kansli_desk.services.database import choose_location
    from kansli_desk.settings import DATABASE_URL

    location, _ = choose_location(args.database, settings.get(DATABASE_URL))
    result = backup.backup_database(location, args.file, replace=args.replace)
    print(
        translate(CONTEXT, MSG_BACKED_UP).format(
            source=result.source,
            target=result.target,
            size=f"{result.size_bytes / 1024 / 1024:.1f}",
            calls=result.counts.get("calls", 0),
            forms=result.counts.get("forms", 0),
        )
    )
    problem = _record_backup(location, result)
    if problem is not None:
        print(
            f"{APP_ID}: " + translate(CONTEXT, MSG_BACKUP_NOT_RECORDED).format(reason=problem),
            file=sys.stderr,
        )
    return EXIT_OK


def _record_backup(location: DatabaseLocation, result: BackupResult) -> str | None:
    """Record the backup in the copied database's audit log; the reason if it cannot be."""
    from sqlalchemy.exc import SQLAlchemyError

    from kansli_desk.services import backup, users
    from kansli_desk.services.database import map_error, open_database

    try:
        database = open_database(location, upgrade=False).database
    except KnownError as exc:  # e.g. a database of an older version: not upgraded here
        return exc.message()
    try:
        with database.transaction() as session:
            user = users.ensure_user(session, location.login)
            backup.record_backup(session, user, result)
    except SQLAlchemyError as exc:
        return map_error(exc, location).message()
    finally:
        database.close()
    return None


MSG_BACKED_UP = QT_TRANSLATE_NOOP(
    "Cli",
    "Backed up {source} to {target} ({size} MB; {calls} calls, {forms} forms); the copy "
    "passed its integrity check.",
)
MSG_BACKUP_NOT_RECORDED = QT_TRANSLATE_NOOP(
    "Cli", "The backup was written but not recorded in the audit log: {reason}"
)


# --- purge -----------------------------------------------------------------------------------


def _cmd_purge(args: argparse.Namespace, settings: Settings) -> int:
    from kansli_desk.cli import open_for_cli
    from kansli_desk.models import utcnow
    from kansli_desk.services import retention, users

    database = open_for_cli(args, settings).database
    now = utcnow()
    try:
        if args.dry_run:
            with database.transaction() as session:
                plan = retention.plan_purge(session, now)
            _print_plan(plan)
            print(translate(CONTEXT, MSG_DRY_RUN))
            return EXIT_OK
        with database.transaction() as session:
            # Refused before anything is shown or asked.
            retention.require_supervisor(users.ensure_user(session, database.location.login))
            plan = retention.plan_purge(session, now)
        _print_plan(plan)
        if plan.is_empty:
            print(translate(CONTEXT, MSG_NOTHING_TO_PURGE))
            return EXIT_OK
        if not args.yes and not _confirmed():
            print(translate(CONTEXT, MSG_NOT_PURGED))
            return EXIT_ERROR
        with database.transaction() as session:
            user = users.ensure_user(session, database.location.login)
            result = retention.purge(session, user, now)
    finally:
        database.close()
    print(
        translate(CONTEXT, MSG_PURGED).format(
            calls=result.calls, forms=result.forms, attachments=result.attachments
        )
    )
    return EXIT_OK


def _confirmed() -> bool:
    """Ask on a terminal; without one, a purge needs ``--yes``."""
    if not sys.stdin.isatty():
        raise KnownError(MSG_NEEDS_YES)
    try:
        answer = input(translate(CONTEXT, MSG_CONFIRM))
    except EOFError:
        return False
    return answer.strip().casefold() in YES_ANSWERS


def _print_plan(plan: PurgePlan) -> None:
    print(_policy_line(plan.policy))
    print(
        translate(CONTEXT, MSG_PLAN_CALLS).format(
            date=plan.call_cutoff_date.isoformat(),
            calls=len(plan.call_ids),
            kept=plan.open_callbacks_kept,
        )
    )
    print(
        translate(CONTEXT, MSG_PLAN_FORMS).format(
            date=plan.form_cutoff_date.isoformat(),
            forms=len(plan.form_ids),
            people=plan.party_count,
            attachments=len(plan.attachment_ids),
        )
    )
    print(translate(CONTEXT, MSG_PLAN_AUDIT))


def _policy_line(policy: RetentionPolicy) -> str:
    return translate(CONTEXT, MSG_POLICY).format(months=policy.call_months, years=policy.form_years)


MSG_POLICY = QT_TRANSLATE_NOOP(
    "Cli",
    "Retention: the notes, callback numbers and identity numbers of calls {months} months; "
    "the personal data of closed forms {years} years after closing.",
)
MSG_PLAN_CALLS = QT_TRANSLATE_NOOP(
    "Cli",
    "Calls started before {date}: {calls} would lose their notes, callback numbers and "
    "identity numbers ({kept} with an open callback keep them until it is done).",
)
MSG_PLAN_FORMS = QT_TRANSLATE_NOOP(
    "Cli",
    "Forms closed, cancelled or rejected before {date}: {forms} would be anonymised "
    "({people} people) and their {attachments} scans deleted.",
)
MSG_PLAN_AUDIT = QT_TRANSLATE_NOOP(
    "Cli", "The audit log is kept in full: the program never deletes its entries."
)
MSG_DRY_RUN = QT_TRANSLATE_NOOP("Cli", "Dry run: nothing was changed.")
MSG_NOTHING_TO_PURGE = QT_TRANSLATE_NOOP("Cli", "Nothing is past its retention period.")
MSG_CONFIRM = QT_TRANSLATE_NOOP(
    "Cli", "Remove this data for good? It cannot be undone. Type yes to go on: "
)
MSG_NOT_PURGED = QT_TRANSLATE_NOOP("Cli", "Nothing was purged.")
MSG_PURGED = QT_TRANSLATE_NOOP(
    "Cli",
    "Purged {calls} calls and {forms} forms ({attachments} scans deleted); recorded in the "
    "audit log.",
)
MSG_NEEDS_YES = QT_TRANSLATE_NOOP(  # raised as a KnownError: translated as "Errors"
    "Errors",
    "Nothing was purged: confirm with --yes (or run the command on a terminal to be asked). "
    "See first what would go with --dry-run.",
)


# --- retention -------------------------------------------------------------------------------


def _cmd_retention(args: argparse.Namespace, settings: Settings) -> int:
    from kansli_desk.cli import open_for_cli
    from kansli_desk.services import retention, users

    database = open_for_cli(args, settings).database
    try:
        with database.transaction() as session:
            if args.retention_command == "set":
                if args.call_months is None and args.form_years is None:
                    raise KnownError(MSG_SET_NOTHING)
                user = users.ensure_user(session, database.location.login)
                policy = retention.set_policy(
                    session, user, call_months=args.call_months, form_years=args.form_years
                )
                print(translate(CONTEXT, MSG_SAVED))
            else:
                policy = retention.get_policy(session)
    finally:
        database.close()
    print(translate(CONTEXT, MSG_SHOW_CALLS).format(months=policy.call_months))
    print(translate(CONTEXT, MSG_SHOW_FORMS).format(years=policy.form_years))
    print(translate(CONTEXT, MSG_SHOW_AUDIT).format(audit=retention.AUDIT_MIN_YEARS))
    return EXIT_OK


MSG_SET_NOTHING = QT_TRANSLATE_NOOP(  # raised as a KnownError: translated as "Errors"
    "Errors", "Give --call-months N, --form-years N or both."
)
MSG_SAVED = QT_TRANSLATE_NOOP("Cli", "Saved the retention periods for the whole team.")
MSG_SHOW_CALLS = QT_TRANSLATE_NOOP(
    "Cli", "Notes, callback numbers and identity numbers of calls: kept {months} months."
)
MSG_SHOW_FORMS = QT_TRANSLATE_NOOP(
    "Cli", "Closed, cancelled and rejected forms: personal data kept {years} years after closing."
)
MSG_SHOW_AUDIT = QT_TRANSLATE_NOOP(
    "Cli", "Audit log: never purged by the program (the law asks for at least {audit} years)."
)


# --- audit -----------------------------------------------------------------------------------


def _cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    from kansli_desk.cli import _cli_date

    date_from = None if args.date_from is None else _cli_date("--from", args.date_from)
    date_to = None if args.date_to is None else _cli_date("--to", args.date_to)
    if args.audit_command == "person":
        return _audit_person(args, settings, date_from, date_to)
    return _audit_sample(args, settings, date_from, date_to)


def _audit_person(
    args: argparse.Namespace, settings: Settings, date_from: dt.date | None, date_to: dt.date | None
) -> int:
    from kansli_desk.cli import open_for_cli
    from kansli_desk.services import audit, exports, users

    # Everything the user typed is checked before the database is opened.
    audit.normalise_person(args.number)
    audit.check_period(date_from, date_to)
    output: Path | None = args.output
    if output is not None:
        _check_output(output)
    database = open_for_cli(args, settings).database
    try:
        with database.transaction() as session:
            user = users.ensure_user(session, database.location.login)
            log = audit.person_log(session, user, args.number, date_from, date_to)
            if output is not None:  # inside the transaction: a failed write records nothing
                with exports.atomic_output(output) as temporary:
                    _write_csv(temporary, log.events)
    finally:
        database.close()
    number = log.formatted_number
    if output is not None:
        print(
            translate(CONTEXT, MSG_EXTRACT_WRITTEN).format(
                events=len(log.events), number=number, file=output
            )
        )
    elif not log.events:
        print(translate(CONTEXT, MSG_EXTRACT_EMPTY).format(number=number))
    else:
        print(translate(CONTEXT, MSG_EXTRACT).format(number=number, events=len(log.events)))
        _print_table(log.events, with_person=False)
    print(translate(CONTEXT, MSG_EXTRACT_RECORDED))
    return EXIT_OK


def _audit_sample(
    args: argparse.Namespace, settings: Settings, date_from: dt.date | None, date_to: dt.date | None
) -> int:
    import datetime as dt
    import random

    from kansli_desk.cli import open_for_cli
    from kansli_desk.core.office_hours import TIMEZONE
    from kansli_desk.services import audit, users

    if date_to is None:
        date_to = dt.datetime.now(TIMEZONE).date()
    if date_from is None:
        date_from = date_to - dt.timedelta(days=SAMPLE_DAYS - 1)
    audit.check_sample_size(args.size)
    audit.check_period(date_from, date_to)
    seed: int = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    database = open_for_cli(args, settings).database
    try:
        with database.transaction() as session:
            user = users.ensure_user(session, database.location.login)
            rows = audit.spot_check(
                session, user, size=args.size, date_from=date_from, date_to=date_to, seed=seed
            )
    finally:
        database.close()
    period = {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
    if not rows:
        print(translate(CONTEXT, MSG_SAMPLE_EMPTY).format(**period))
    else:
        print(translate(CONTEXT, MSG_SAMPLE).format(events=len(rows), seed=seed, **period))
        _print_table(rows, with_person=True)
    print(translate(CONTEXT, MSG_SAMPLE_RECORDED))
    return EXIT_OK


def _check_output(output: Path) -> None:
    """The file can be written: checked before anything is read or recorded."""
    import os

    from kansli_desk.services import exports

    if output.is_dir():
        raise KnownError(exports.MSG_OUTPUT_IS_FOLDER, field="output", file=str(output))
    folder = output.parent
    if not folder.is_dir():
        raise KnownError(exports.MSG_NO_FOLDER, field="output", folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise KnownError(exports.MSG_FOLDER_NOT_WRITABLE, field="output", folder=str(folder))
    if output.exists() and not os.access(output, os.W_OK):
        raise KnownError(exports.MSG_OUTPUT_READ_ONLY, field="output", file=output.name)


def _headers(with_person: bool) -> list[str]:
    names = [MSG_COL_TIME, MSG_COL_USER, MSG_COL_ROLE, MSG_COL_ACTION, MSG_COL_RECORD]
    if with_person:
        names.append(MSG_COL_PERSON)
    names += [MSG_COL_WORKSTATION, MSG_COL_DETAILS]
    return [translate(CONTEXT, name) for name in names]


def _cells(row: AuditRow, *, with_person: bool, seconds: bool) -> list[str]:
    from kansli_desk.core.enums import Role
    from kansli_desk.core.identity import mask
    from kansli_desk.core.office_hours import TIMEZONE

    local = row.at.astimezone(TIMEZONE)
    role = Role(row.role).label if row.role in Role._value2member_map_ else row.role
    record = f"{row.entity} {row.entity_id}" if row.entity_id is not None else row.entity
    cells = [
        local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"),
        row.username,
        role,
        row.action.label,
        record,
    ]
    if with_person:
        cells.append(mask(row.person_number))
    return [*cells, row.workstation, row.description]


def _print_table(rows: tuple[AuditRow, ...] | list[AuditRow], *, with_person: bool) -> None:
    lines = [_headers(with_person)]
    lines += [_cells(row, with_person=with_person, seconds=False) for row in rows]
    widths = [max(len(line[col]) for line in lines) for col in range(len(lines[0]))]
    for line in lines:
        padded = [cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=False)]
        print("  ".join([*padded, line[-1]]).rstrip())


def _write_csv(path: Path, rows: tuple[AuditRow, ...]) -> None:
    """UTF-8 with a byte order mark and ``;``, as Swedish Excel expects; every text
    guarded against being taken for a formula."""
    import csv

    from kansli_desk.services.exports import guard_formula

    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(_headers(False))
        for row in rows:
            cells = _cells(row, with_person=False, seconds=True)
            writer.writerow([guard_formula(cell) for cell in cells])


MSG_COL_TIME = QT_TRANSLATE_NOOP("Cli", "Time")
MSG_COL_USER = QT_TRANSLATE_NOOP("Cli", "User")
MSG_COL_ROLE = QT_TRANSLATE_NOOP("Cli", "Role")
MSG_COL_ACTION = QT_TRANSLATE_NOOP("Cli", "Action")
MSG_COL_RECORD = QT_TRANSLATE_NOOP("Cli", "Record")
MSG_COL_PERSON = QT_TRANSLATE_NOOP("Cli", "Person")
MSG_COL_WORKSTATION = QT_TRANSLATE_NOOP("Cli", "Workstation")
MSG_COL_DETAILS = QT_TRANSLATE_NOOP("Cli", "Details")
MSG_EXTRACT = QT_TRANSLATE_NOOP("Cli", "Log extract for {number}, oldest first. Events: {events}.")
MSG_EXTRACT_EMPTY = QT_TRANSLATE_NOOP("Cli", "The audit log holds no events about {number}.")
MSG_EXTRACT_WRITTEN = QT_TRANSLATE_NOOP(
    "Cli", "Wrote the log extract for {number} to {file}. Events: {events}."
)
MSG_EXTRACT_RECORDED = QT_TRANSLATE_NOOP("Cli", "The log extract is recorded in the audit log.")
MSG_SAMPLE = QT_TRANSLATE_NOOP(
    "Cli",
    "Spot check from {date_from} to {date_to}, drawn at random (--seed {seed} draws it "
    "again). Accesses: {events}.",
)
MSG_SAMPLE_EMPTY = QT_TRANSLATE_NOOP(
    "Cli", "No accesses to people's data were recorded from {date_from} to {date_to}."
)
MSG_SAMPLE_RECORDED = QT_TRANSLATE_NOOP("Cli", "The spot check is recorded in the audit log.")


_COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "audit": _cmd_audit,
    "backup": _cmd_backup,
    "purge": _cmd_purge,
    "retention": _cmd_retention,
}
