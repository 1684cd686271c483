"""PostgreSQL roles: the role matrix enforced by the database as well (issue 7).

Each person connects with a login of their own; the login is a member of one
group role with only the grants its part of the work needs, so that someone who
connects with another tool still cannot read unmasked identity numbers or change
what their role may not:

* ``kansli_radgivare`` (advisors): reads every table except the columns holding
  identity numbers or scans (``form_parties.id_number``, ``calls.person_number``,
  ``audit_events.person_number``, ``form_attachments.content``: column-level
  ``GRANT SELECT (col, ...)``); writes calls, their topics and article views.
* ``kansli_registrator`` (registry clerks): reads everything but the audit log's
  person numbers; writes calls and forms (parties, history, scans, the registry
  counters).
* ``kansli_chef`` (supervisors): reads and writes every table.

Nobody gets ``UPDATE``, ``DELETE`` or ``TRUNCATE`` on ``audit_events``; every
role may ``INSERT`` into it. Users and roles are written by :func:`grant_role`
(run by a database administrator), never by the group roles except the chef's.

The functions take a :class:`~sqlalchemy.engine.Connection` of a role allowed to
create roles and grant on the tables (the owner of the schema, or a superuser)
and never commit. Running them again brings the grants up to date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from sqlalchemy import Table, insert, select, text, update
from sqlalchemy.engine import Connection

from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import AuditEvent, User

GROUP_ROLES: dict[Role, str] = {
    Role.ADVISOR: "kansli_radgivare",
    Role.REGISTRAR: "kansli_registrator",
    Role.SUPERVISOR: "kansli_chef",
}
"""The database group role of each role of the program."""

AUDIT_TABLE = "audit_events"
HIDDEN_FROM_ADVISORS: dict[str, frozenset[str]] = {
    "form_parties": frozenset({"id_number"}),
    "calls": frozenset({"person_number"}),
    "form_attachments": frozenset({"content"}),  # scans show the numbers
    AUDIT_TABLE: frozenset({"person_number"}),
}
"""Columns an advisor may not read (every other column of these tables may be read)."""
HIDDEN_FROM_REGISTRARS: dict[str, frozenset[str]] = {AUDIT_TABLE: frozenset({"person_number"})}
"""Who was seen by whom is for supervisors (log extracts)."""

CALL_TABLES = ("calls", "call_topics", "call_article_views")
FORM_TABLES = (
    "forms",
    "form_parties",
    "form_status_changes",
    "form_attachments",
    "registry_counters",
)
WRITES: dict[Role, tuple[str, ...]] = {
    Role.ADVISOR: CALL_TABLES,
    Role.REGISTRAR: CALL_TABLES + FORM_TABLES,
}
"""Tables each role may INSERT, UPDATE and DELETE in (the chef: every table but the
audit log)."""

USER_ENTITY = "user"
_LOGIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.@-]{0,62}", re.ASCII)
LOGIN_PATTERN = _LOGIN
"""What :func:`grant_role` accepts as a login (the users screen checks it too)."""

MSG_POSTGRES_ONLY = QT_TRANSLATE_NOOP(
    "Errors",
    "Database roles exist only on PostgreSQL. On a local SQLite file the operating-system "
    "user is the user, and the file is readable by that user only.",
)
MSG_BAD_LOGIN = QT_TRANSLATE_NOOP(
    "Errors",
    "“{login}” cannot be a database login: use letters a–z, digits, “_”, “.”, “@” or “-”, "
    "starting with a letter or “_” (at most 63 characters).",
)
MSG_GROUP_ROLE = QT_TRANSLATE_NOOP(
    "Errors",
    "“{login}” is one of the program's group roles; give each person a login of their own.",
)


def _require_postgres(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        raise KnownError(MSG_POSTGRES_ONLY)


def _quote(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote_identifier(name))


def _relations(conn: Connection) -> list[str]:
    """Tables and views of the program's schema (the one the connection uses)."""
    return list(
        conn.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm') "
                "ORDER BY c.relname"
            )
        ).scalars()
    )


def _columns(conn: Connection, table: str) -> list[str]:
    return list(
        conn.execute(
            text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :table "
                "ORDER BY ordinal_position"
            ),
            {"table": table},
        ).scalars()
    )


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name})
    return found.first() is not None


def _grant_select(conn: Connection, table: str, group: str, hidden: Iterable[str] = ()) -> None:
    q = _quote
    hidden = frozenset(hidden)
    if not hidden:
        conn.execute(text(f"GRANT SELECT ON {q(conn, table)} TO {q(conn, group)}"))
        return
    shown = [c for c in _columns(conn, table) if c not in hidden]
    columns = ", ".join(q(conn, c) for c in shown)
    conn.execute(text(f"GRANT SELECT ({columns}) ON {q(conn, table)} TO {q(conn, group)}"))


def create_roles(conn: Connection) -> None:
    """Create (or bring up to date) the three NOLOGIN group roles and their grants.

    Every grant of the group roles on the schema's tables and sequences is
    revoked first, so running it again after an upgrade leaves exactly the
    grants described in the module docstring.

    Raises:
        KnownError: the database is not PostgreSQL.
    """
    _require_postgres(conn)
    q = _quote
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    relations = _relations(conn)
    for role, group in GROUP_ROLES.items():
        g = q(conn, group)
        if not _role_exists(conn, group):
            conn.execute(text(f"CREATE ROLE {g} NOLOGIN"))
        conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {q(conn, schema)} FROM {g}"))
        conn.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {q(conn, schema)} FROM {g}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {q(conn, schema)} TO {g}"))
        conn.execute(
            text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {q(conn, schema)} TO {g}")
        )
        hidden = {
            Role.ADVISOR: HIDDEN_FROM_ADVISORS,
            Role.REGISTRAR: HIDDEN_FROM_REGISTRARS,
        }.get(role, {})
        for table in relations:
            _grant_select(conn, table, group, hidden.get(table, ()))
        if role is Role.SUPERVISOR:
            writable = [t for t in relations if t != AUDIT_TABLE]
        else:
            writable = [t for t in WRITES[role] if t in relations]
        for table in writable:
            conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {q(conn, table)} TO {g}"))
        if AUDIT_TABLE in relations:
            conn.execute(text(f"GRANT INSERT ON {q(conn, AUDIT_TABLE)} TO {g}"))


def grant_role(conn: Connection, login: str, role: Role, *, display_name: str = "") -> None:
    """Give the person with database login ``login`` the role ``role``.

    Creates the login (``CREATE ROLE ... LOGIN``, without a password: set one
    with ``ALTER ROLE`` or use the server's own authentication) when it does not
    exist, makes it a member of the role's group role only (it leaves the other
    group roles), and creates or updates the program's user row. The change is
    recorded in the audit log as done by the administrator's login.

    Raises:
        KnownError: not PostgreSQL.
        ValidationError: ``login`` is not a usable login name, or is a group role.
    """
    _require_postgres(conn)
    role = Role(role)
    if not _LOGIN.fullmatch(login):
        raise ValidationError(MSG_BAD_LOGIN, field="login", login=login)
    if login in GROUP_ROLES.values():
        raise ValidationError(MSG_GROUP_ROLE, field="login", login=login)
    create_roles(conn)
    q = _quote
    who = q(conn, login)
    if not _role_exists(conn, login):
        conn.execute(text(f"CREATE ROLE {who} LOGIN"))
    for other, group in GROUP_ROLES.items():
        if other is not role:
            conn.execute(text(f"REVOKE {q(conn, group)} FROM {who}"))
    conn.execute(text(f"GRANT {q(conn, GROUP_ROLES[role])} TO {who}"))

    users = cast(Table, User.__table__)
    found = conn.execute(select(users.c.id, users.c.role).where(users.c.username == login)).first()
    if found is None:
        user_id = conn.execute(
            insert(users)
            .values(username=login, display_name=display_name, role=role, active=True)
            .returning(users.c.id)
        ).scalar_one()
        old = ""
    else:
        user_id, old = found.id, Role(found.role).value
        values: dict[str, object] = {"role": role}
        if display_name:
            values["display_name"] = display_name
        conn.execute(update(users).where(users.c.id == user_id).values(**values))
    admin = conn.execute(text("SELECT session_user")).scalar_one()
    conn.execute(
        insert(cast(Table, AuditEvent.__table__)).values(
            username=admin,
            role="",
            action=AuditAction.UPDATE if found is not None else AuditAction.CREATE,
            entity=USER_ENTITY,
            entity_id=str(user_id),
            details={
                "username": login,
                "changes": [{"field": "role", "old": old, "new": role.value}],
            },
            workstation="",
        )
    )
