"""Users of the program and their roles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from kansli_desk.core.enums import Role
from kansli_desk.models.base import Base, UTCDateTime, enum_column, utcnow


class User(Base):
    """A person who works with the program.

    ``username`` is the operating-system login on a local SQLite file and the
    database login on PostgreSQL.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(128), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = enum_column(Role, "role", default=Role.ADVISOR)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
