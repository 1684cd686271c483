"""The register of paper backup forms (reservrutin)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Computed, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kansli_desk.core.enums import (
    FormStatus,
    FormType,
    IdKind,
    Initiator,
    PartyRole,
    SealScope,
)
from kansli_desk.models.base import Base, UTCDateTime, enum_column, masked_number_sql, utcnow

OPEN_FORM = "status IN ('received', 'registered', 'completion_requested', 'forwarded')"
"""A form not yet executed, as SQL (the partial index below needs it verbatim)."""


class Form(Base):
    """A paper order form received by internal mail.

    ``registry_number`` (diarienummer) is assigned on registration and unique.
    ``measures`` is a list of :class:`~kansli_desk.core.enums.Measure` codes.
    """

    __tablename__ = "forms"
    __table_args__ = (
        Index("ix_forms_status_received", "status", "received_on"),
        Index("ix_forms_type_received", "form_type", "received_on"),
        Index("ix_forms_received_id", "received_on", "id"),
        # Only forms not yet executed (a few percent of the register): the overdue
        # filter and the urgent queue read it in arrival order. Migration 0004 makes
        # it partial (WHERE OPEN_FORM); as ix_calls_open_callbacks, the condition is
        # not repeated here (per-dialect arguments would load the PostgreSQL dialect).
        Index("ix_forms_open_received", "received_on", "id"),
        # A status and a type together (rejected forms of the minor type, say): both
        # single-column indexes would skip most of what they read.
        Index("ix_forms_status_type_received", "status", "form_type", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    registry_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    form_type: Mapped[FormType] = enum_column(FormType, "form_type")
    initiator: Mapped[Initiator | None] = enum_column(Initiator, "initiator")
    measures: Mapped[list[Any]] = mapped_column(JSON, default=list)
    seal_scope: Mapped[SealScope | None] = enum_column(SealScope, "seal_scope")
    scope_unit: Mapped[str | None] = mapped_column(String(200))
    period_from: Mapped[dt.date | None]
    period_to: Mapped[dt.date | None]
    status: Mapped[FormStatus] = enum_column(FormStatus, "status", default=FormStatus.RECEIVED)
    is_signed: Mapped[bool] = mapped_column(default=True)
    is_urgent: Mapped[bool] = mapped_column(default=False)
    signed_on: Mapped[dt.date | None]
    received_on: Mapped[dt.date]
    orderer_name: Mapped[str] = mapped_column(String(200), default="")
    orderer_title: Mapped[str] = mapped_column(String(200), default="")
    orderer_unit: Mapped[str] = mapped_column(String(200), default="")
    orderer_phone: Mapped[str] = mapped_column(String(40), default="")
    head_of_operations: Mapped[str] = mapped_column(String(200), default="")
    it_support_phoned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    it_support_phoned_by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    registered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    executed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    confirmation_sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    parties: Mapped[list[FormParty]] = relationship(
        back_populates="form", order_by="FormParty.position", cascade="all, delete-orphan"
    )
    history: Mapped[list[FormStatusChange]] = relationship(
        back_populates="form", order_by="FormStatusChange.id", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[FormAttachment]] = relationship(
        back_populates="form", order_by="FormAttachment.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy API)


class FormParty(Base):
    """A person on a form: the person concerned, a child or a guardian."""

    __tablename__ = "form_parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    role: Mapped[PartyRole] = enum_column(PartyRole, "role")
    position: Mapped[int] = mapped_column(default=0)
    id_kind: Mapped[IdKind] = enum_column(IdKind, "id_kind")
    # Normalised 12 digits (reservnummer as entered); indexed for duplicate
    # checks and log extracts ("who has seen data about person X").
    # Deferred: an advisor's database login may not read it (issue 7).
    id_number: Mapped[str] = mapped_column(String(20), index=True, deferred=True)
    # ``YYYYMMDD-XXXX``, computed by the database (migration 0007): what lists show.
    id_masked: Mapped[str] = mapped_column(String(20), Computed(masked_number_sql("id_number")))
    birth_date: Mapped[dt.date]
    name: Mapped[str] = mapped_column(String(200), default="")
    # For the minor-access type: True = give access, False = remove, None = unchanged.
    access_given: Mapped[bool | None]

    form: Mapped[Form] = relationship(back_populates="parties")


class FormStatusChange(Base):
    """One step of a form's workflow: who moved it where, when and why."""

    __tablename__ = "form_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[FormStatus | None] = enum_column(FormStatus, "from_status")
    to_status: Mapped[FormStatus] = enum_column(FormStatus, "to_status")
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    comment: Mapped[str] = mapped_column(String(1000), default="")

    form: Mapped[Form] = relationship(back_populates="history")


class FormAttachment(Base):
    """A scan of the signed paper form."""

    __tablename__ = "form_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    form: Mapped[Form] = relationship(back_populates="attachments")


class RegistryCounter(Base):
    """Last registry number handed out per year (diarienummer KD-2026-00042)."""

    __tablename__ = "registry_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(default=0)
