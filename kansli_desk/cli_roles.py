"""Database role commands: ``kansli-desk db roles`` and ``kansli-desk db grant LOGIN ROLE``.

:func:`add_parsers` adds them to the ``db`` command's subparsers and :func:`run`
runs one (it returns None for any other ``db`` command), so :mod:`kansli_desk.cli`
wires them with two lines. Both work on PostgreSQL only and are run by a database
administrator (the owner of the database or a superuser):

* ``db roles`` creates, or brings up to date after an upgrade, the group roles
  ``kansli_radgivare``, ``kansli_registrator`` and ``kansli_chef`` and their grants
  (:func:`kansli_desk.services.db_roles.create_roles`).
* ``db grant LOGIN ROLE`` gives a person's database login a role (``advisor``,
  ``registrar`` or ``supervisor``, or the Swedish ``radgivare``, ``registrator``,
  ``chef``), creating the login when missing, and records it in the audit log
  (:func:`~kansli_desk.services.db_roles.grant_role`).

Nothing here imports SQLAlchemy at module level: the parser is built before the
desktop window appears.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kansli_desk.core.enums import Role
from kansli_desk.errors import KnownError
from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from kansli_desk.settings import Settings

CONTEXT = "Cli"
EXIT_OK = 0
COMMANDS = ("roles", "grant")
"""The ``db`` subcommands this module runs."""

ROLE_NAMES: dict[str, Role] = {
    "advisor": Role.ADVISOR,
    "radgivare": Role.ADVISOR,
    "rådgivare": Role.ADVISOR,
    "registrar": Role.REGISTRAR,
    "registrator": Role.REGISTRAR,
    "supervisor": Role.SUPERVISOR,
    "chef": Role.SUPERVISOR,
}
"""The names ``db grant`` accepts for each role (English codes and Swedish names)."""

MSG_ROLES_DONE = QT_TRANSLATE_NOOP(
    "Cli", "The database roles {roles} are set up in {where}; grant them with “db grant”."
)
MSG_GRANTED = QT_TRANSLATE_NOOP(
    "Cli", "{login} now works as {role} in {where} (database role {group})."
)
MSG_UNKNOWN_ROLE = QT_TRANSLATE_NOOP("Errors", "“{role}” is not a role. Choose one of: {choices}.")
MSG_NO_PRIVILEGE = QT_TRANSLATE_NOOP(
    "Errors",
    "The database login {login} may not create roles or grant access to the tables. "
    "Run this as the owner of the database or as a superuser.",
)


def add_parsers(
    db_sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``roles`` and ``grant`` to the ``db`` command's subparsers.

    Args:
        db_sub: the subparsers of ``kansli-desk db`` (``dest="db_command"``).
        common: the options every command accepts (``--database``, ``--lang``).
    """
    db_sub.add_parser(
        "roles",
        help="create or update the PostgreSQL roles kansli_radgivare, kansli_registrator "
        "and kansli_chef and their grants (database administrators)",
        parents=[common],
    )
    grant = db_sub.add_parser(
        "grant",
        help="give a person's PostgreSQL login a role, creating the login if needed "
        "(database administrators)",
        parents=[common],
    )
    grant.add_argument("login", metavar="LOGIN", help="the person's database login")
    grant.add_argument(
        "role",
        metavar="ROLE",
        help="advisor (rådgivare), registrar (registrator) or supervisor (chef)",
    )
    grant.add_argument("--name", default="", help="the person's name, as the program shows it")


def parse_role(text: str) -> Role:
    """The role named ``text`` (see :data:`ROLE_NAMES`).

    Raises:
        KnownError: no such role.
    """
    role = ROLE_NAMES.get(text.strip().lower())
    if role is None:
        raise KnownError(MSG_UNKNOWN_ROLE, role=text, choices=", ".join(r.value for r in Role))
    return role


def run(args: argparse.Namespace, settings: Settings) -> int | None:
    """Run ``db roles`` or ``db grant``; None for any other ``db`` command.

    Errors are raised as :class:`KnownError` for :func:`kansli_desk.cli.run` to
    report.
    """
    command = getattr(args, "db_command", None)
    if command not in COMMANDS:
        return None
    from kansli_desk.cli import open_for_cli
    from kansli_desk.services import db_roles

    role = parse_role(args.role) if command == "grant" else None
    database = open_for_cli(args, settings).database
    where = database.location.display
    try:
        with database.engine.begin() as conn:
            if role is None:
                db_roles.create_roles(conn)
            else:
                db_roles.grant_role(conn, args.login, role, display_name=args.name)
    except Exception as exc:
        raise _known(exc, database) from exc
    finally:
        database.close()
    if role is None:
        roles = ", ".join(db_roles.GROUP_ROLES.values())
        print(translate(CONTEXT, MSG_ROLES_DONE).format(roles=roles, where=where))
    else:
        print(
            translate(CONTEXT, MSG_GRANTED).format(
                login=args.login,
                role=role.label,
                where=where,
                group=db_roles.GROUP_ROLES[role],
            )
        )
    return EXIT_OK


def _known(error: Exception, database: Any) -> Exception:
    """A database error as a message the administrator can act on (others unchanged)."""
    if isinstance(error, KnownError):
        return error
    from kansli_desk.services.database import map_error
    from kansli_desk.services.errors import is_database_error

    if not is_database_error(error):
        return error
    if getattr(getattr(error, "orig", None), "sqlstate", None) == "42501":
        return KnownError(MSG_NO_PRIVILEGE, login=database.location.login)
    return map_error(error, database.location)
