"""The audit trail and team-wide settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kansli_desk.core.enums import AuditAction
from kansli_desk.models.base import Base, UTCDateTime, enum_column, utcnow


class AuditEvent(Base):
    """Who did what, when, to which record and about which person.

    Append-only: it holds no foreign keys, so it outlives the users and records
    it names (HSLF-FS 2016:40 4 kap 9 §: kept at least five years), and from
    migration 0005 on the database refuses to change or delete its rows
    (:data:`AUDIT_APPEND_ONLY_TRIGGERS`). The program never removes audit rows,
    the retention purge included (:mod:`kansli_desk.services.retention`).
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_person_at", "person_number", "at"),
        # The history of one record (a call's changes shown in its form).
        Index("ix_audit_events_entity", "entity", "entity_id", "at"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(32), default="")
    action: Mapped[AuditAction] = enum_column(AuditAction, "action")
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str | None] = mapped_column(String(64))
    person_number: Mapped[str | None] = mapped_column(String(20))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    workstation: Mapped[str] = mapped_column(String(200), default="")


AUDIT_APPEND_ONLY_TRIGGERS = {
    "sqlite": ("audit_events_no_update", "audit_events_no_delete"),
    "postgresql": ("audit_events_no_change", "audit_events_no_truncate"),
}
"""The triggers of migration 0005 that refuse UPDATE and DELETE (and TRUNCATE) of
audit rows, per database. Not ORM objects: Alembic's comparison does not see them,
and batch mode on SQLite drops them when it recreates ``audit_events`` (a migration
that does so must create them again)."""


class SharedSetting(Base):
    """A setting shared by the whole team (stored in the database)."""

    __tablename__ = "shared_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
