"""Alembic environment for Kansli Desk.

The program runs migrations through :mod:`kansli_desk.services.schema`, which
passes an open connection in ``config.attributes["connection"]``. Developers can
also use the ``alembic`` command with the repository's ``alembic.ini``; the URL
then comes from ``-x url=...`` or ``KANSLI_DESK_DATABASE``.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import create_engine

from kansli_desk.models import Base, UTCDateTime
from kansli_desk.models.calls import include_in_comparison

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Render our column types as plain SQLAlchemy types: migrations stay self-contained."""
    del autogen_context
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # one script works on SQLite and PostgreSQL
        compare_type=True,
        render_item=_render_item,
        # The full-text search objects differ per database and are not ORM tables.
        include_name=include_in_comparison,
    )


def run_migrations_online() -> None:
    """Run migrations on the given connection, or on one made from the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get(
        "KANSLI_DESK_DATABASE", "sqlite:///dev.sqlite3"
    )
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported.")
run_migrations_online()
