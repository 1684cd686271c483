"""Schema versions: check a database against the program, and upgrade it.

Alembic is imported only when the database is not already at :data:`SCHEMA_HEAD`,
so opening an up-to-date database costs one small query (startup speed).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

SCHEMA_HEAD = "0007"
"""The newest migration this program ships; a test checks it is Alembic's head."""

VERSION_TABLE = "alembic_version"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


class SchemaStatus(enum.Enum):
    """How a database's schema relates to the program."""

    CURRENT = "current"
    EMPTY = "empty"
    OUTDATED = "outdated"
    NEWER = "newer"
    FOREIGN = "foreign"


@dataclass(frozen=True)
class SchemaState:
    """The schema revision found in a database and what it means."""

    status: SchemaStatus
    revision: str | None


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the shipped migrations (no ini file needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    """Every revision the shipped migrations know."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    """Alembic's head revision of the shipped migrations."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def inspect_schema(connection: Connection) -> SchemaState:
    """Find out whether the database is ours, current, older or newer.

    Reads only; changes nothing.
    """
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE not in tables:
        status = SchemaStatus.FOREIGN if tables else SchemaStatus.EMPTY
        return SchemaState(status, None)
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) != 1:
        return SchemaState(SchemaStatus.FOREIGN if rows else SchemaStatus.EMPTY, None)
    revision = rows[0]
    if revision == SCHEMA_HEAD:
        return SchemaState(SchemaStatus.CURRENT, revision)
    if revision in known_revisions():
        return SchemaState(SchemaStatus.OUTDATED, revision)
    return SchemaState(SchemaStatus.NEWER, revision)


def upgrade(connection: Connection) -> None:
    """Upgrade to the head revision inside the connection's transaction.

    The caller commits; if any step fails, the whole upgrade rolls back (on
    SQLite too, see :func:`kansli_desk.services.database.create_engine_for`).
    """
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
