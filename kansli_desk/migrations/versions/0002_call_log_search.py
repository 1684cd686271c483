"""Call log: full-text search of notes, an index of open callbacks, record history.

* Full-text search of ``calls.notes`` that folds case and Swedish letters
  ("forsegling" finds "Försegling"):

  - SQLite: the FTS5 table ``calls_fts`` with external content (the notes stay in
    ``calls``), tokenizer ``unicode61 remove_diacritics 2``, kept in step by
    triggers and filled from the existing rows here.
  - PostgreSQL: the stored generated column ``calls.notes_search`` (a ``tsvector``
    of the ``simple`` configuration over the lower-cased notes with å, ä, ö, é, ü
    folded; no extension needed, ``unaccent`` would need a superuser) with a GIN
    index.

  These objects are not ORM tables; ``kansli_desk.models.calls`` names them, and
  schema comparisons leave them out.

  Note for later migrations: when Alembic's batch mode recreates ``calls`` on
  SQLite (most column changes do), SQLite drops the triggers with the old table.
  Create them again after the batch and rebuild the index
  (``INSERT INTO calls_fts(calls_fts) VALUES('rebuild')``).

* ``ix_calls_open_callbacks``: a partial index of the open callbacks (due set, not
  done) in due order, replacing the index over every callback's due time.
* ``ix_audit_events_entity``: a record's history from the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_CALLBACK = "callback_due_at IS NOT NULL AND callback_done_at IS NULL"

SQLITE_UP = [
    "CREATE VIRTUAL TABLE calls_fts USING fts5("
    "notes, content='calls', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER calls_fts_after_insert AFTER INSERT ON calls BEGIN "
    "INSERT INTO calls_fts(rowid, notes) VALUES (new.id, new.notes); END",
    "CREATE TRIGGER calls_fts_after_delete AFTER DELETE ON calls BEGIN "
    "INSERT INTO calls_fts(calls_fts, rowid, notes) VALUES ('delete', old.id, old.notes); END",
    "CREATE TRIGGER calls_fts_after_update AFTER UPDATE OF notes ON calls BEGIN "
    "INSERT INTO calls_fts(calls_fts, rowid, notes) VALUES ('delete', old.id, old.notes); "
    "INSERT INTO calls_fts(rowid, notes) VALUES (new.id, new.notes); END",
    "INSERT INTO calls_fts(calls_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS calls_fts_after_update",
    "DROP TRIGGER IF EXISTS calls_fts_after_delete",
    "DROP TRIGGER IF EXISTS calls_fts_after_insert",
    "DROP TABLE IF EXISTS calls_fts",
]
POSTGRESQL_UP = [
    "ALTER TABLE calls ADD COLUMN notes_search tsvector GENERATED ALWAYS AS ("
    "to_tsvector('simple'::regconfig, translate(lower(notes), 'åäöéüÅÄÖÉÜ', 'aaoeuaaoeu'))"
    ") STORED",
    "CREATE INDEX ix_calls_notes_search ON calls USING gin (notes_search)",
]
POSTGRESQL_DOWN = [
    "DROP INDEX IF EXISTS ix_calls_notes_search",
    "ALTER TABLE calls DROP COLUMN IF EXISTS notes_search",
]


def upgrade() -> None:
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.drop_index("ix_calls_callback_due")
        batch_op.create_index(
            "ix_calls_open_callbacks",
            ["callback_due_at", "id"],
            unique=False,
            sqlite_where=sa.text(OPEN_CALLBACK),
            postgresql_where=sa.text(OPEN_CALLBACK),
        )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_entity", ["entity", "entity_id", "at"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == "sqlite" else POSTGRESQL_UP:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DOWN if dialect == "sqlite" else POSTGRESQL_DOWN:
        op.execute(statement)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_entity")
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.drop_index("ix_calls_open_callbacks")
        batch_op.create_index("ix_calls_callback_due", ["callback_due_at"], unique=False)
