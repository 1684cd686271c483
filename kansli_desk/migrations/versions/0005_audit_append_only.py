"""Audit log append-only: the database refuses to change or delete audit rows.

HSLF-FS 2016:40 4 kap 9 § wants the access log kept at least five years, and a
log that can be edited afterwards proves nothing. From this revision on the
database itself refuses every UPDATE and DELETE of ``audit_events``, whoever
asks, so neither the program nor another tool connected with the same login can
rewrite history; adding rows works as before.

* SQLite: two triggers, ``BEFORE UPDATE`` and ``BEFORE DELETE``, that
  ``RAISE(ABORT, ...)``: the statement fails with SQLITE_CONSTRAINT (an
  ``IntegrityError`` in Python) and the transaction's earlier work is kept for
  the caller to roll back.
* PostgreSQL: the trigger function ``audit_events_append_only()`` raising
  ``restrict_violation`` (SQLSTATE 23001, also an ``IntegrityError``), fired
  for each row before UPDATE or DELETE and once per statement before TRUNCATE.

Only the owner of the table (or a superuser) can drop or disable the triggers;
issue 7's database roles keep application logins from owning it. Batch mode on
SQLite drops these triggers when it recreates ``audit_events``: a later
migration that does so must create them again (as 0002 and 0003 do for the
full-text triggers). Alembic's autogenerate does not compare triggers, so the
schema tests check them separately (tests/services/test_audit_append_only.py).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UPGRADE = (
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN "
    "SELECT RAISE(ABORT, 'audit_events is append-only: audit rows cannot be changed'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN "
    "SELECT RAISE(ABORT, 'audit_events is append-only: audit rows cannot be deleted'); END",
)
SQLITE_DOWNGRADE = (
    "DROP TRIGGER IF EXISTS audit_events_no_delete",
    "DROP TRIGGER IF EXISTS audit_events_no_update",
)

POSTGRES_UPGRADE = (
    """
    CREATE FUNCTION audit_events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
            USING ERRCODE = 'restrict_violation',
                  HINT = 'Audit rows are kept; they are never changed or deleted.';
    END;
    $$
    """,
    "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
    "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()",
)
POSTGRES_DOWNGRADE = (
    "DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events",
    "DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events",
    "DROP FUNCTION IF EXISTS audit_events_append_only()",
)


def _run(statements: Sequence[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_UPGRADE)
    else:
        _run(POSTGRES_UPGRADE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run(SQLITE_DOWNGRADE)
    else:
        _run(POSTGRES_DOWNGRADE)
