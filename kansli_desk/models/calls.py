"""The call log: calls, their topics and the articles read during them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kansli_desk.core.enums import CallerKind, Outcome
from kansli_desk.models.base import Base, UTCDateTime, enum_column, utcnow
from kansli_desk.models.users import User

NOTES_MAX_LENGTH = 2000
"""Free-text notes are short on purpose: no medical details belong there."""


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
        Index("ix_calls_callback_due", "callback_due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    duration_seconds: Mapped[int | None]
    advisor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    caller_kind: Mapped[CallerKind] = enum_column(CallerKind, "caller_kind")
    outcome: Mapped[Outcome] = enum_column(Outcome, "outcome")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Optional; normalised 12 digits. Shown masked; never required for a call.
    person_number: Mapped[str | None] = mapped_column(String(16))
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
