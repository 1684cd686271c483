"""The call log: calls, their topics and the articles read during them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Column, Computed, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kansli_desk.core.enums import CallerKind, Outcome
from kansli_desk.models.base import Base, UTCDateTime, enum_column, masked_number_sql, utcnow
from kansli_desk.models.users import User

NOTES_MAX_LENGTH = 2000
"""Free-text notes are short on purpose: no medical details belong there."""

OPEN_CALLBACK = "callback_due_at IS NOT NULL AND callback_done_at IS NULL"
"""The condition of an open callback, as SQL (the partial index below needs it verbatim)."""


class Topic(Base):
    """A subject a call can be about; data, so supervisors can add and retire them.

    Retired topics stay on old calls but are not offered for new ones.
    """

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


call_topics = Table(
    "call_topics",
    Base.metadata,
    Column("call_id", ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="RESTRICT"), primary_key=True),
    # Copy of calls.started_at: filtering by topic and period needs one composite
    # index (topic_id, started_at); across a join it takes a full scan.
    Column("started_at", UTCDateTime, nullable=False),
    Index("ix_call_topics_topic_started", "topic_id", "started_at"),
)


class Call(Base):
    """One phone call handled by an advisor."""

    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_started_id", "started_at", "id"),
        Index("ix_calls_advisor_started", "advisor_id", "started_at"),
        Index("ix_calls_outcome_started", "outcome", "started_at"),
        # Only open callbacks (a few thousand among a million calls): the callback
        # queue reads it in due order, the "open callbacks only" filter scans it.
        # Migration 0002 makes it partial (WHERE OPEN_CALLBACK). The condition is
        # not repeated here: per-dialect arguments would load the PostgreSQL
        # dialect into every SQLite session (3 MB of the memory budget).
        Index("ix_calls_open_callbacks", "callback_due_at", "id"),
        # Statistics (migration 0006): durations and caller kinds of a period are
        # counted from the index alone, without reading or sorting the calls.
        Index("ix_calls_duration_kind_started", "duration_seconds", "caller_kind", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    duration_seconds: Mapped[int | None]
    advisor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    caller_kind: Mapped[CallerKind] = enum_column(CallerKind, "caller_kind")
    outcome: Mapped[Outcome] = enum_column(Outcome, "outcome")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Optional; normalised 12 digits. Shown masked; never required for a call.
    # Deferred: loaded only when asked for, as an advisor's database login may
    # not read it (issue 7); ``person_masked`` is what the program shows.
    person_number: Mapped[str | None] = mapped_column(String(16), deferred=True)
    person_masked: Mapped[str] = mapped_column(
        String(16), Computed(masked_number_sql("person_number"))
    )
    callback_phone: Mapped[str | None] = mapped_column(String(40))
    callback_due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    callback_done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    form_id: Mapped[int | None] = mapped_column(ForeignKey("forms.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    advisor: Mapped[User] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=call_topics, order_by=Topic.sort_order)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy API)


class CallArticleView(Base):
    """An article (at a given revision) opened while a call was being logged."""

    __tablename__ = "call_article_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("article_revisions.id", ondelete="SET NULL")
    )
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- Full-text search of the notes -------------------------------------------------
#
# The search machinery differs per database and is not part of the ORM tables; migration
# 0002 creates it (and keeps its own copy of the SQL: migrations do not change later):
#
# * SQLite: the FTS5 table ``calls_fts`` with external content (``calls.notes``,
#   tokenizer ``unicode61 remove_diacritics 2``: "forsegling" finds "Försegling"), kept in
#   step by three triggers on ``calls``. A later migration that makes Alembic's batch mode
#   recreate ``calls`` on SQLite drops those triggers with the table and must create them
#   again (and rebuild the index: ``INSERT INTO calls_fts(calls_fts) VALUES('rebuild')``).
# * PostgreSQL (no extensions needed): the stored generated column ``calls.notes_search``,
#   ``to_tsvector('simple', <notes folded>)``, with the GIN index ``ix_calls_notes_search``.
#
# Schema comparisons (Alembic autogenerate, tests/services/test_schema.py) leave these
# objects out through :func:`include_in_comparison`; tests check them separately.

NOTES_FTS_TABLE = "calls_fts"
NOTES_FTS_TRIGGERS = ("calls_fts_after_insert", "calls_fts_after_delete", "calls_fts_after_update")
NOTES_SEARCH_COLUMN = "notes_search"
NOTES_SEARCH_INDEX = "ix_calls_notes_search"
FOLD_FROM = "åäöéüÅÄÖÉÜ"
FOLD_TO = "aaoeuaaoeu"
"""PostgreSQL folds these letters (``translate``) before indexing and searching."""


# The knowledge articles' counterparts (migration 0003): ``articles_fts`` over
# ``article_revisions`` on SQLite, ``article_revisions.search`` with its GIN index
# on PostgreSQL (see kansli_desk.services.knowledge).
ARTICLES_FTS_TABLE = "articles_fts"
ARTICLES_SEARCH_COLUMN = "search"
ARTICLES_SEARCH_INDEX = "ix_article_revisions_search"

_FTS_TABLES = (NOTES_FTS_TABLE, ARTICLES_FTS_TABLE)
_SEARCH_COLUMNS = {("calls", NOTES_SEARCH_COLUMN), ("article_revisions", ARTICLES_SEARCH_COLUMN)}


def is_search_object(name: str | None, type_: str, parent_names: Any) -> bool:
    """True for the per-database full-text objects above (tables, columns, indexes)."""
    if name is None:
        return False
    if type_ == "table":
        return any(name == fts or name.startswith(fts + "_") for fts in _FTS_TABLES)
    if type_ == "column":
        return (parent_names.get("table_name"), name) in _SEARCH_COLUMNS
    if type_ == "index":
        return name in (NOTES_SEARCH_INDEX, ARTICLES_SEARCH_INDEX)
    return False


def include_in_comparison(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: compare everything but the full-text objects."""
    return not is_search_object(name, type_, parent_names)
