"""Knowledge panel: ranked full-text search over article titles and bodies.

Every revision of an article is indexed (revisions are never changed after they
are written); a search keeps the hits on each article's current revision. Case
and Swedish letters are folded ("forsegling" finds "Försegling"); titles weigh
more than bodies.

- SQLite: the FTS5 table ``articles_fts`` with external content (the text stays
  in ``article_revisions``), tokenizer ``unicode61 remove_diacritics 2``, kept in
  step by triggers and filled from the existing rows here. Ranked with ``bm25``.
- PostgreSQL: the stored generated column ``article_revisions.search`` (title
  with weight A, body with weight B, the ``simple`` configuration over folded
  lower-case text, as ``calls.notes_search``) with a GIN index. Ranked with
  ``ts_rank``.

Note for later migrations: Alembic's batch mode on SQLite drops the triggers
when it recreates ``article_revisions``; create them again and rebuild
(``INSERT INTO articles_fts(articles_fts) VALUES('rebuild')``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FOLD = "translate(lower({column}), 'åäöéüÅÄÖÉÜ', 'aaoeuaaoeu')"

SQLITE_UP = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "title, body, content='article_revisions', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON article_revisions BEGIN "
    "INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON article_revisions BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON article_revisions "
    "BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS articles_fts_after_update",
    "DROP TRIGGER IF EXISTS articles_fts_after_delete",
    "DROP TRIGGER IF EXISTS articles_fts_after_insert",
    "DROP TABLE IF EXISTS articles_fts",
]
POSTGRESQL_UP = [
    "ALTER TABLE article_revisions ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, " + _FOLD.format(column="title") + "), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, " + _FOLD.format(column="body") + "), 'B')"
    ") STORED",
    "CREATE INDEX ix_article_revisions_search ON article_revisions USING gin (search)",
]
POSTGRESQL_DOWN = [
    "DROP INDEX IF EXISTS ix_article_revisions_search",
    "ALTER TABLE article_revisions DROP COLUMN IF EXISTS search",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == "sqlite" else POSTGRESQL_UP:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DOWN if dialect == "sqlite" else POSTGRESQL_DOWN:
        op.execute(statement)
