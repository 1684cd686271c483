"""The command line: ``kansli-desk [--database URL] [COMMAND ...]``.

Without a command the desktop application starts. Commands run without Qt's
widgets and print plain text; every failure the user can act on prints one
message and exits with a non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kansli_desk import APP_ID, __version__, cli_maintenance, cli_roles
from kansli_desk.errors import KnownError, PasswordRequiredError
from kansli_desk.i18n import LANGUAGES, QT_TRANSLATE_NOOP, set_translator, translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.services.database import OpenResult
    from kansli_desk.services.exports import ExportRequest
    from kansli_desk.services.users import UserInfo
    from kansli_desk.settings import Settings

log = logging.getLogger(__name__)

CONTEXT = "Cli"
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def _common_options(default: object) -> argparse.ArgumentParser:
    """Options accepted before and after the command (``default`` differs by level)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help="database to use, e.g. sqlite:///FILE or postgresql+psycopg://user@host/db "
        "(default: KANSLI_DESK_DATABASE, then the settings, then the embedded file)",
    )
    common.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=default,
        help="language of messages and of the window",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also documents the command line in the README)."""
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description="Kansli Desk: call log, knowledge panel and form register for "
        "Regionstab Kansli. Without a command, the desktop application starts.",
        parents=[_common_options(None)],
    )
    # On subcommands the options must not reset a value given before the command.
    common = _common_options(argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="database maintenance", parents=[common])
    db_sub = db.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)
    db_sub.add_parser(
        "upgrade",
        help="create the database or upgrade its schema (safe to repeat)",
        parents=[common],
    )
    db_sub.add_parser("status", help="show the database and its schema version", parents=[common])
    cli_roles.add_parsers(db_sub, common)

    demo = sub.add_parser(
        "demo", help="fill the database with realistic synthetic data", parents=[common]
    )
    demo.add_argument("--calls", type=_non_negative, default=1000, metavar="N")
    demo.add_argument("--forms", type=_non_negative, default=100, metavar="M")
    demo.add_argument("--seed", type=int, default=None, metavar="S", help="repeatable data")

    topics = sub.add_parser(
        "topics", help="the call log's topics (adding and retiring: supervisors)", parents=[common]
    )
    topics_sub = topics.add_subparsers(
        dest="topics_command", metavar="TOPICS_COMMAND", required=True
    )
    listing = topics_sub.add_parser("list", help="list the topics", parents=[common])
    listing.add_argument("--all", action="store_true", help="include retired topics")
    add = topics_sub.add_parser("add", help="add a topic", parents=[common])
    add.add_argument("name", metavar="NAME")
    add.add_argument("--description", default="", metavar="TEXT")
    retire = topics_sub.add_parser(
        "retire", help="stop offering a topic (old calls keep it)", parents=[common]
    )
    retire.add_argument("code", metavar="CODE")

    importing = sub.add_parser("import", help="import records from files", parents=[common])
    import_sub = importing.add_subparsers(
        dest="import_command", metavar="IMPORT_COMMAND", required=True
    )
    import_forms = import_sub.add_parser(
        "forms",
        help="register the forms of the old register from a CSV (UTF-8, ';' or ',') or "
        "XLSX file; all rows or none",
        parents=[common],
    )
    import_forms.add_argument("file", metavar="FILE", type=Path)
    import_forms.add_argument(
        "--dry-run", action="store_true", help="check every row, write nothing"
    )
    _add_export_parser(sub, common)
    cli_maintenance.add_parsers(sub, common)
    return parser


def _add_export_parser(
    sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    exporting = sub.add_parser(
        "export",
        help="export the calls, the forms or the audit log of a period to a CSV, XLSX or PDF "
        "file (supervisors; identity numbers masked unless --unmasked)",
        parents=[common],
    )
    exporting.add_argument(
        "kind", choices=EXPORT_KINDS, metavar="calls|forms|audit", help="what to export"
    )
    exporting.add_argument(
        "--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help="first day"
    )
    exporting.add_argument(
        "--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="last day (included)"
    )
    exporting.add_argument(
        "--format", dest="file_format", required=True, choices=EXPORT_FORMATS, help="file format"
    )
    exporting.add_argument(
        "--output",
        required=True,
        type=Path,
        metavar="FILE",
        help="the file to write (it appears, or is replaced, only when complete)",
    )
    exporting.add_argument(
        "--unmasked",
        action="store_true",
        help="write identity numbers in full (supervisors; recorded in the audit log)",
    )
    exporting.add_argument(
        "--delimiter",
        choices=(";", ","),
        default=";",
        metavar="';'|','",
        help="CSV separator (default ';', as Swedish Excel expects)",
    )


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run the command (or the GUI); returns the exit status."""
    args = build_parser().parse_args(list(argv))
    from kansli_desk.settings import LANGUAGE, Settings

    settings = Settings()
    language = args.lang or settings.get(LANGUAGE)
    if args.command is None:
        from kansli_desk.ui.app import run_gui

        return run_gui(args, settings, language)
    _install_cli_translator(language)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    handled = cli_maintenance.run(args)  # backup, purge, retention, audit
    if handled is not None:
        return handled
    commands: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
        "db": _cmd_db,
        "demo": _cmd_demo,
        "topics": _cmd_topics,
        "import": _cmd_import,
        "export": _cmd_export,
    }
    try:
        return commands[args.command](args, settings)
    except KnownError as exc:
        print(f"{APP_ID}: {exc.message()}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"{APP_ID}: " + translate(CONTEXT, MSG_INTERRUPTED), file=sys.stderr)
        return 130
    except Exception as exc:  # a bug or an unforeseen fault: no traceback on screen
        return _report_unexpected(exc)


MSG_INTERRUPTED = QT_TRANSLATE_NOOP("Cli", "Interrupted; nothing more was written.")
MSG_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Cli", "An unexpected error stopped the command ({kind}). The details are in {log}."
)


def _report_unexpected(error: Exception) -> int:
    """Write the traceback to the log file and one line to the user."""
    from kansli_desk.logs import log_to_file_only

    where = log_to_file_only("Command failed", error)
    message = translate(CONTEXT, MSG_UNEXPECTED).format(kind=type(error).__name__, log=where)
    print(f"{APP_ID}: {message}", file=sys.stderr)
    return EXIT_ERROR


def _install_cli_translator(language: str) -> None:
    if language == "en":
        set_translator(None)
        return
    from kansli_desk.ui.translation import load_translator

    translator = load_translator(language)
    if translator is not None:
        set_translator(lambda ctx, text: translator.translate(ctx, text) or text)


def open_for_cli(
    args: argparse.Namespace, settings: Settings, *, upgrade: bool = True
) -> OpenResult:
    """Open (creating or upgrading, if ``upgrade``) the database the arguments select.

    The password comes from the URL, the keyring, libpq's own sources
    (``PGPASSWORD``, ``~/.pgpass``), or, on a terminal, a prompt.
    """
    from kansli_desk.services import secrets
    from kansli_desk.services.database import choose_location, open_database
    from kansli_desk.settings import DATABASE_URL

    location, password = choose_location(args.database, settings.get(DATABASE_URL))
    if password is None and not location.is_sqlite:
        password = secrets.get_password(location.keyring_account)
    try:
        return open_database(location, password=password, upgrade=upgrade)
    except PasswordRequiredError as exc:
        if not sys.stdin.isatty():
            raise
        print(exc.message(), file=sys.stderr)
        prompt = translate(CONTEXT, MSG_PASSWORD_PROMPT).format(where=location.display)
        return open_database(location, password=getpass.getpass(prompt), upgrade=upgrade)


MSG_PASSWORD_PROMPT = QT_TRANSLATE_NOOP("Cli", "Password for {where}: ")


def _cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    handled = cli_roles.run(args, settings)  # db roles, db grant
    if handled is not None:
        return handled
    from kansli_desk.services.schema import SCHEMA_HEAD, SchemaStatus

    # "status" only reports: an empty or older database is an error, never upgraded.
    result = open_for_cli(args, settings, upgrade=args.db_command != "status")
    where = result.database.location.display
    result.database.close()
    before = result.before
    if args.db_command == "status" or before.status is SchemaStatus.CURRENT:
        msg = translate(CONTEXT, MSG_CURRENT).format(where=where, revision=SCHEMA_HEAD)
    elif before.status is SchemaStatus.EMPTY:
        msg = translate(CONTEXT, MSG_CREATED).format(where=where, revision=SCHEMA_HEAD)
    else:
        msg = translate(CONTEXT, MSG_UPGRADED).format(
            where=where, old=before.revision, revision=SCHEMA_HEAD
        )
    print(msg)
    return EXIT_OK


MSG_CURRENT = QT_TRANSLATE_NOOP("Cli", "The database {where} is up to date (schema {revision}).")
MSG_CREATED = QT_TRANSLATE_NOOP("Cli", "Created the database {where} (schema {revision}).")
MSG_UPGRADED = QT_TRANSLATE_NOOP(
    "Cli", "Upgraded the database {where} from schema {old} to {revision}."
)


def _cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    import time

    from kansli_desk.services import demo

    result = open_for_cli(args, settings)
    database = result.database
    started = time.perf_counter()
    from kansli_desk.services.database import map_error
    from kansli_desk.services.errors import is_database_error

    try:
        summary = demo.generate(database.engine, calls=args.calls, forms=args.forms, seed=args.seed)
    except Exception as exc:
        if is_database_error(exc):
            raise map_error(exc, database.location) from exc
        raise
    finally:
        database.close()
    seconds = time.perf_counter() - started
    print(
        translate(CONTEXT, MSG_DEMO).format(
            calls=summary.calls,
            forms=summary.forms,
            where=database.location.display,
            seconds=f"{seconds:.1f}",
        )
    )
    return EXIT_OK


MSG_DEMO = QT_TRANSLATE_NOOP(
    "Cli", "Wrote {calls} calls and {forms} forms to {where} in {seconds} s."
)


def _cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    """List, add or retire topics as the user the database sees (the OS user on SQLite)."""
    from kansli_desk.services import calls, users

    result = open_for_cli(args, settings)
    database = result.database
    try:
        with database.transaction() as session:
            user = users.ensure_user(session, database.location.login)
            if args.topics_command == "add":
                row = calls.add_topic(session, user, args.name, args.description)
                print(translate(CONTEXT, MSG_TOPIC_ADDED).format(name=row.name, code=row.code))
            elif args.topics_command == "retire":
                found = [t for t in calls.list_topics(session) if t.code == args.code]
                if not found:
                    raise KnownError(MSG_NO_SUCH_TOPIC, code=args.code)
                calls.retire_topic(session, user, found[0].id)
                print(translate(CONTEXT, MSG_TOPIC_RETIRED).format(name=found[0].name))
            else:
                for topic in calls.list_topics(session, include_retired=args.all):
                    retired = translate(CONTEXT, MSG_RETIRED_MARK) if topic.retired else ""
                    print(f"{topic.code}\t{topic.name}{retired}")
    finally:
        database.close()
    return EXIT_OK


MSG_TOPIC_ADDED = QT_TRANSLATE_NOOP("Cli", "Added the topic “{name}” (code {code}).")
MSG_TOPIC_RETIRED = QT_TRANSLATE_NOOP(
    "Cli", "Retired the topic “{name}”; calls that have it keep it."
)
MSG_NO_SUCH_TOPIC = QT_TRANSLATE_NOOP(  # raised as a KnownError: translated as "Errors"
    "Errors", "No topic in use has the code “{code}” (see “kansli-desk topics list”)."
)
MSG_RETIRED_MARK = QT_TRANSLATE_NOOP("Cli", " (retired)")


def _cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    """Import forms: every row is checked before the database is opened; any problem
    and nothing is written. A dry run stops after the check.
    """
    from kansli_desk.services import form_import, forms, users

    try:
        checked = form_import.check_file(args.file, today=forms.today_in_sweden())
        if checked.problems:
            raise form_import.ImportInvalid(checked.name, list(checked.problems), checked.rows)
    except form_import.ImportInvalid as exc:
        _print_import_problems(exc)
        return EXIT_ERROR
    if args.dry_run:
        message = translate(CONTEXT, MSG_IMPORT_DRY_RUN)
        print(message.format(count=checked.rows, file=checked.name))
        return EXIT_OK
    database = open_for_cli(args, settings).database
    try:
        with database.transaction() as session:
            user = users.ensure_user(session, database.location.login)
            first, last = form_import.write_forms(session, user, checked.forms, source=checked.name)
    finally:
        database.close()
    print(
        translate(CONTEXT, MSG_IMPORTED).format(
            count=len(checked.forms),
            file=checked.name,
            where=database.location.display,
            first=first,
            last=last,
        )
    )
    return EXIT_OK


def _print_import_problems(error: Exception) -> None:
    """One line per problem: row, column and reason (never the cell's value)."""
    from kansli_desk.services.form_import import ImportInvalid

    assert isinstance(error, ImportInvalid)
    print(f"{APP_ID}: {error.message()}", file=sys.stderr)
    with_column = translate(CONTEXT, MSG_IMPORT_PROBLEM)
    without_column = translate(CONTEXT, MSG_IMPORT_ROW_PROBLEM)
    for problem in error.problems:
        template = with_column if problem.column else without_column
        print(
            template.format(row=problem.row, column=problem.column, reason=problem.message()),
            file=sys.stderr,
        )


MSG_IMPORTED = QT_TRANSLATE_NOOP(
    "Cli",
    "Registered {count} forms from {file} in {where} (registry numbers {first} to {last}).",
)
MSG_IMPORT_DRY_RUN = QT_TRANSLATE_NOOP(
    "Cli", "Checked {count} forms in {file}: all can be imported. Nothing was written (dry run)."
)
MSG_IMPORT_PROBLEM = QT_TRANSLATE_NOOP("Cli", "Row {row}, column {column}: {reason}")
MSG_IMPORT_ROW_PROBLEM = QT_TRANSLATE_NOOP("Cli", "Row {row}: {reason}")


# --- export -----------------------------------------------------------------------------

EXPORT_KINDS = ("calls", "forms", "audit")
EXPORT_FORMATS = ("csv", "xlsx", "pdf")
MSG_BAD_DATE = QT_TRANSLATE_NOOP(  # raised as a KnownError: translated as "Errors"
    "Errors", "{option} {value} is not a date. Write the date as YYYY-MM-DD."
)
MSG_EXPORTED = QT_TRANSLATE_NOOP("Cli", "Exported {rows} rows to {file}.")
MSG_EXPORTED_UNMASKED = QT_TRANSLATE_NOOP(
    "Cli",
    "The file holds unmasked identity numbers: keep it safe and delete it when done. "
    "The export is recorded in the audit log.",
)
MSG_REPORT_WRITTEN = QT_TRANSLATE_NOOP(
    "Cli", "Wrote the report for {date_from} to {date_to} ({pages} pages) to {file}."
)


def _cli_date(option: str, value: str) -> dt.date:
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KnownError(MSG_BAD_DATE, field=option, option=option, value=value) from None


def _cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """Export a period as the user the database sees (supervisors only): the dates and
    the output are checked before the database is opened; a failure leaves no file."""
    from kansli_desk.services import exports, users
    from kansli_desk.services.exports import ExportFormat, ExportKind, ExportRequest

    request = ExportRequest(
        kind=ExportKind(args.kind),
        date_from=_cli_date("--from", args.date_from),
        date_to=_cli_date("--to", args.date_to),
        format=ExportFormat(args.file_format),
        output=args.output,
        masked=not args.unmasked,
        delimiter=args.delimiter,
    )
    exports.check_request(_any_supervisor(), request)  # period, file; the role comes next
    database = open_for_cli(args, settings).database
    try:
        with database.transaction() as session:
            user = users.ensure_user(session, database.location.login)
            if request.format is ExportFormat.PDF:
                message = _export_pdf(session, user, request, settings)
            else:
                result = exports.export(session, user, request)
                message = translate(CONTEXT, MSG_EXPORTED).format(
                    rows=result.rows, file=result.path
                )
    finally:
        database.close()
    print(message)
    if not request.masked:
        print(translate(CONTEXT, MSG_EXPORTED_UNMASKED))
    return EXIT_OK


def _any_supervisor() -> UserInfo:
    """A stand-in user for checking a request's period and file before the database opens."""
    from kansli_desk.core.enums import Role
    from kansli_desk.services.users import UserInfo

    return UserInfo(0, "", "", Role.SUPERVISOR)


def _export_pdf(
    session: Session, user: UserInfo, request: ExportRequest, settings: Settings
) -> str:
    """The PDF report of the period (drawn by the GUI layer, offscreen when needed)."""
    from kansli_desk.core.office_hours import OfficeHours
    from kansli_desk.services import exports, statistics
    from kansli_desk.settings import OFFICE_CLOSES, OFFICE_OPENS, OFFICE_WEEKDAYS
    from kansli_desk.ui.reports.pdf import ensure_gui_application, write_report_pdf

    exports.check_request(user, request)
    rows = exports.count_rows(session, request.kind, request.date_from, request.date_to)
    if rows == 0:
        raise KnownError(
            exports.EMPTY_PERIOD_MESSAGES[request.kind],
            date_from=request.date_from.isoformat(),
            date_to=request.date_to.isoformat(),
        )
    hours = OfficeHours.from_settings(
        settings.get(OFFICE_WEEKDAYS), settings.get(OFFICE_OPENS), settings.get(OFFICE_CLOSES)
    )
    stats = statistics.compute_statistics(
        session, request.date_from, request.date_to, office_hours=hours
    )
    ensure_gui_application()
    with exports.atomic_output(request.output) as temporary:
        pages = write_report_pdf(stats, temporary, kind=request.kind)
        exports.record_export(session, user, request, rows=rows)
        session.flush()
    return translate(CONTEXT, MSG_REPORT_WRITTEN).format(
        date_from=request.date_from.isoformat(),
        date_to=request.date_to.isoformat(),
        pages=pages,
        file=request.output,
    )
