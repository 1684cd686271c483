"""Declarative base, naming convention and column types shared by all models."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, Dialect, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints from the first migration on, so that later migrations can
# drop or alter them on SQLite too (alembic docs, naming.rst).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A point in time, stored in UTC and always returned time-zone aware.

    PostgreSQL stores ``timestamptz``. SQLite has no time zones, so the value is
    stored as naive UTC text in SQLAlchemy's own format (``2026-11-27
    09:30:00.000000``), which sorts correctly; on SQLite this type converts in one
    step, which keeps bulk inserts fast. Naive datetimes are refused on the way in:
    every timestamp in the program is aware.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        del dialect  # part of SQLAlchemy's signature
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        del dialect  # part of SQLAlchemy's signature
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)

    def bind_processor(self, dialect: Dialect) -> Any:
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def to_text(value: dt.datetime | None) -> str | None:
            if value is None:
                return None
            if value.tzinfo is dt.UTC:  # fast path: cut the "+00:00" off
                return value.isoformat(" ", "microseconds")[:26]
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTCDateTime column")
            return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

        return to_text

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)

        def from_text(value: str | None) -> dt.datetime | None:
            if value is None:
                return None
            return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)

        return from_text


def utcnow() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_cls: type[StrEnum], name: str, **kwargs: Any) -> Any:
    """A portable enum column: VARCHAR plus a CHECK constraint named after it.

    Native PostgreSQL enums are avoided because adding a value needs special
    migration handling. The CHECK is written as a chain of ``=`` comparisons, not
    ``IN (...)``: SQLite evaluates ``IN`` lists in CHECK constraints about three
    times slower on insert, which matters for bulk loads.
    """
    values = [member.value for member in enum_cls]
    condition = " OR ".join(f"{name} = '{value}'" for value in values)
    column_type = Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )
    return mapped_column(column_type, CheckConstraint(condition, name=name), **kwargs)


def masked_number_sql(column: str) -> str:
    """SQL (the same on SQLite and PostgreSQL) for the masked form of a stored
    identity number: :func:`kansli_desk.core.identity.mask` in the database.

    The birth date is kept and the last four characters hidden (``YYYYMMDD-XXXX``);
    an empty or missing number gives ``''``. Generated columns use it (migration
    0007), so that a database role that may not read the numbers can still read
    their masked form, and every writer keeps the two in step.
    """
    return (
        f"CASE WHEN {column} IS NULL OR {column} = '' THEN '' ELSE "
        f"rtrim(substr({column}, 1, CASE WHEN length({column}) >= 12 THEN 8 "
        f"WHEN length({column}) <= 4 THEN 0 ELSE length({column}) - 4 END), '-+ ') "
        f"|| '-XXXX' END"
    )
