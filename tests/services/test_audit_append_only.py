"""The audit log is append-only: the database refuses to change or delete its rows.

Migration 0005 adds triggers (SQLite) and a trigger function (PostgreSQL); Alembic's
model comparison does not see triggers, so they are checked here, on both backends.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.exc import DBAPIError, IntegrityError

from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.models import AuditEvent
from kansli_desk.models.audit import AUDIT_APPEND_ONLY_TRIGGERS
from kansli_desk.services import audit, schema
from kansli_desk.services.database import Database, DatabaseLocation, open_database
from kansli_desk.services.users import UserInfo
from tests.helpers import connect, transaction

USER = UserInfo(1, "anna", "Anna", Role.SUPERVISOR)


def triggers(conn: sa.Connection) -> set[str]:
    """The append-only triggers present in the database."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(
            sa.text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'audit_events'"
            )
        )
    else:
        rows = conn.execute(
            sa.text(
                "SELECT tgname FROM pg_trigger "
                "WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal"
            )
        )
    return {name for (name,) in rows}


def add_event(database: Database, entity_id: int = 7) -> int:
    with database.transaction() as session:
        event = audit.record(
            session,
            USER,
            AuditAction.VIEW_UNMASKED,
            entity="form",
            entity_id=entity_id,
            person_number="191212121212",
            details={"why": "test"},
        )
        session.flush()
        return event.id


def stored(database: Database) -> list[tuple[int, str, str | None, str]]:
    with database.engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                AuditEvent.id, AuditEvent.username, AuditEvent.person_number, AuditEvent.entity
            ).order_by(AuditEvent.id)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_the_triggers_exist(database: Database) -> None:
    with database.engine.connect() as conn:
        assert triggers(conn) == set(AUDIT_APPEND_ONLY_TRIGGERS[conn.dialect.name])


def test_adding_audit_rows_still_works(database: Database) -> None:
    first = add_event(database)
    second = add_event(database, entity_id=8)
    assert [row[0] for row in stored(database)] == [first, second]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET username = 'someone else'",
        "UPDATE audit_events SET person_number = NULL WHERE id = :id",
        "UPDATE audit_events SET details = '{}'",
        "DELETE FROM audit_events WHERE id = :id",
        "DELETE FROM audit_events",
    ],
)
def test_changing_or_deleting_an_audit_row_is_refused(database: Database, statement: str) -> None:
    event_id = add_event(database)
    before = stored(database)
    with pytest.raises(IntegrityError) as info, database.engine.begin() as conn:
        conn.execute(sa.text(statement), {"id": event_id})
    assert "append-only" in str(info.value)
    assert stored(database) == before


def test_the_orm_cannot_change_or_delete_one_either(database: Database) -> None:
    event_id = add_event(database)
    before = stored(database)
    with pytest.raises(IntegrityError), database.transaction() as session:
        event = session.get(AuditEvent, event_id)
        assert event is not None
        event.details = {"rewritten": True}
    with pytest.raises(IntegrityError), database.transaction() as session:
        event = session.get(AuditEvent, event_id)
        session.delete(event)
    assert stored(database) == before


def test_a_refused_change_rolls_back_the_whole_transaction(database: Database) -> None:
    add_event(database)
    before = stored(database)
    with pytest.raises(IntegrityError), database.transaction() as session:
        audit.record(session, USER, AuditAction.LOGIN)
        session.flush()
        session.execute(sa.text("DELETE FROM audit_events"))
    assert stored(database) == before


POSTGRES_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


@POSTGRES_ONLY
def test_truncate_is_refused_on_postgres(database: Database) -> None:
    add_event(database)
    before = stored(database)
    with pytest.raises(DBAPIError) as info, database.engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE audit_events"))
    assert "append-only" in str(info.value)
    assert stored(database) == before


def test_downgrade_removes_the_triggers_and_upgrade_restores_them(
    location: DatabaseLocation,
) -> None:
    with transaction(location) as conn:
        command.downgrade(schema.alembic_config(conn), "0004")
    with connect(location) as conn:
        assert triggers(conn) == set()
    # Before 0005 audit rows could be deleted (what the downgrade gives back).
    with transaction(location) as conn:
        conn.execute(
            sa.insert(AuditEvent).values(
                username="x", role="advisor", action="login", entity="", details={}
            )
        )
        conn.execute(sa.text("DELETE FROM audit_events"))

    result = open_database(location)  # upgrades to the head again
    try:
        assert result.upgraded
        with result.database.engine.connect() as conn:
            assert triggers(conn) == set(AUDIT_APPEND_ONLY_TRIGGERS[conn.dialect.name])
        add_event(result.database)
        with pytest.raises(IntegrityError), result.database.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM audit_events"))
    finally:
        result.database.close()
