"""The schema: the shipped migrations, the models and the database agree.

A difference between the models and what the migrations create shows up as a
crash at the user's desk ("no such column", a CHECK that refuses a valid value),
so every migrated database is compared with the models, on both backends.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from kansli_desk.core.enums import CallerKind, Outcome, Role
from kansli_desk.models import Base, Call, Topic, User, UTCDateTime
from kansli_desk.models.calls import (
    FOLD_FROM,
    FOLD_TO,
    NOTES_FTS_TABLE,
    NOTES_FTS_TRIGGERS,
    NOTES_SEARCH_COLUMN,
    NOTES_SEARCH_INDEX,
    include_in_comparison,
)
from kansli_desk.services import schema
from kansli_desk.services.database import (
    Database,
    DatabaseLocation,
    open_database,
)
from kansli_desk.services.schema import SchemaStatus
from tests.helpers import connect, transaction

# The taxonomy the first migration seeds, in its order (issue 3).
EXPECTED_TOPICS = [
    ("sealing", "Försegling"),
    ("login_lock", "Låsning av inloggning"),
    ("restore_access", "Upplåsning/återställande av direktåtkomst"),
    ("guardian_access", "Vårdnadshavares åtkomst och blockering"),
    ("minor_record", "Minderårigs journal 13–15 år"),
    ("journal_content", "Vad som visas eller saknas i Journalen"),
    ("hide_information", "Dölja information"),
    ("sparr", "Spärr (hänvisa, inte Kansliets ärende)"),
    ("login_eid", "Inloggning och e-legitimation"),
    ("proxy", "Ombud"),
    ("log_extract", "Loggutdrag"),
    ("other", "Övrigt"),
]


def model_differences(conn: sa.Connection) -> list[Any]:
    # The per-database full-text objects are left out, as Alembic's env.py does;
    # test_full_text_search_objects_exist checks them.
    context = MigrationContext.configure(
        conn,
        opts={
            "compare_type": True,
            "compare_server_default": True,
            "include_name": include_in_comparison,
        },
    )
    return list(compare_metadata(context, Base.metadata))


def user_tables(conn: sa.Connection) -> set[str]:
    return {
        name
        for name in sa.inspect(conn).get_table_names()
        if name != schema.VERSION_TABLE and include_in_comparison(name, "table", {})
    }


def search_objects(conn: sa.Connection) -> set[str]:
    """The full-text search objects found in the database (names, on either backend)."""
    if conn.dialect.name == "sqlite":
        rows = conn.execute(
            sa.text("SELECT name FROM sqlite_master WHERE name LIKE 'calls\\_fts%' ESCAPE '\\'")
        )
        return {name for (name,) in rows}
    inspector = sa.inspect(conn)
    if not inspector.has_table("calls"):
        return set()
    found = {c["name"] for c in inspector.get_columns("calls")} & {NOTES_SEARCH_COLUMN}
    found |= {str(i["name"]) for i in inspector.get_indexes("calls")} & {NOTES_SEARCH_INDEX}
    return found


# --- revisions -------------------------------------------------------------


def test_schema_head_constant_is_alembic_head() -> None:
    # The program opens a database without loading Alembic when its revision is
    # SCHEMA_HEAD; a stale constant would upgrade (or refuse) every database.
    assert schema.head_revision() == schema.SCHEMA_HEAD
    assert schema.SCHEMA_HEAD in schema.known_revisions()


def test_migrations_have_a_single_head() -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(schema.alembic_config()).get_heads()
    assert heads == [schema.SCHEMA_HEAD]


# --- the migrated schema matches the models --------------------------------


def test_migrated_database_matches_the_models(database: Database) -> None:
    with database.engine.connect() as conn:
        assert model_differences(conn) == []
        assert user_tables(conn) == set(Base.metadata.tables)


EXPECTED_SEARCH_OBJECTS = {
    "sqlite": {
        NOTES_FTS_TABLE,
        *(f"{NOTES_FTS_TABLE}_{shadow}" for shadow in ("data", "idx", "docsize", "config")),
        *NOTES_FTS_TRIGGERS,
    },
    "postgresql": {NOTES_SEARCH_COLUMN, NOTES_SEARCH_INDEX},
}


def test_full_text_search_objects_exist(database: Database) -> None:
    # Left out of the model comparison above, so checked here: the FTS5 table and
    # its triggers on SQLite, the generated tsvector column and its GIN index on
    # PostgreSQL (migration 0002).
    with database.engine.connect() as conn:
        assert search_objects(conn) == EXPECTED_SEARCH_OBJECTS[conn.dialect.name]
        if conn.dialect.name == "postgresql":
            definition = conn.execute(
                sa.text("SELECT pg_get_indexdef(CAST(:name AS regclass))"),
                {"name": NOTES_SEARCH_INDEX},
            ).scalar_one()
            assert "USING gin (notes_search)" in definition
            generated = conn.execute(
                sa.text(
                    "SELECT is_generated, generation_expression FROM information_schema.columns "
                    "WHERE table_name = 'calls' AND column_name = :name"
                ),
                {"name": NOTES_SEARCH_COLUMN},
            ).one()
            assert generated[0] == "ALWAYS"
            assert "to_tsvector" in generated[1] and "translate" in generated[1]
            # The search folds its words as the column folds the notes.
            assert f"'{FOLD_FROM}'" in generated[1] and f"'{FOLD_TO}'" in generated[1]


def test_open_callbacks_index_is_partial(database: Database) -> None:
    # Alembic does not compare index WHERE clauses: check the partial index here.
    with database.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            sql = conn.execute(
                sa.text("SELECT sql FROM sqlite_master WHERE name = 'ix_calls_open_callbacks'")
            ).scalar_one()
        else:
            sql = conn.execute(
                sa.text("SELECT pg_get_indexdef(CAST('ix_calls_open_callbacks' AS regclass))")
            ).scalar_one()
    normalised = re.sub(r"[()\s]+", " ", sql).lower()
    assert "where callback_due_at is not null and callback_done_at is null" in normalised


def _expected_checks() -> dict[tuple[str, str], str]:
    checks: dict[tuple[str, str], str] = {}
    for table in Base.metadata.tables.values():
        constraints = set(table.constraints)
        for column in table.columns:
            constraints |= set(column.constraints)
        for constraint in constraints:
            if isinstance(constraint, sa.CheckConstraint):
                checks[(table.name, str(constraint.name))] = str(constraint.sqltext)
    return checks


def test_check_constraints_match_the_models(database: Database) -> None:
    # compare_metadata ignores CHECK constraints, yet they decide which enum
    # values the database accepts: compare names and allowed values here.
    expected = _expected_checks()
    assert ("calls", "ck_calls_caller_kind") in expected
    with database.engine.connect() as conn:
        inspector = sa.inspect(conn)
        found = {
            (table, str(check["name"])): str(check["sqltext"])
            for table in Base.metadata.tables
            for check in inspector.get_check_constraints(table)
        }
    assert set(found) == set(expected)
    for key, sqltext in expected.items():
        allowed = set(re.findall(r"'([^']*)'", sqltext))
        assert allowed, key
        assert set(re.findall(r"'([^']*)'", found[key])) == allowed, key


def test_foreign_keys_match_the_models(database: Database) -> None:
    # What happens to calls when a user or a form is deleted is decided here.
    def normalise(rule: str | None) -> str:
        return (rule or "NO ACTION").upper()

    expected = {
        (table.name, str(fk.name)): (
            tuple(fk.column_keys),
            fk.referred_table.name,
            normalise(fk.ondelete),
        )
        for table in Base.metadata.tables.values()
        for fk in table.foreign_key_constraints
    }
    with database.engine.connect() as conn:
        inspector = sa.inspect(conn)
        found = {
            (table, str(fk["name"])): (
                tuple(fk["constrained_columns"]),
                fk["referred_table"],
                normalise(fk.get("options", {}).get("ondelete")),
            )
            for table in Base.metadata.tables
            for fk in inspector.get_foreign_keys(table)
        }
    assert found == expected
    assert found[("calls", "fk_calls_advisor_id_users")] == (("advisor_id",), "users", "RESTRICT")


def test_migration_seeds_the_swedish_topics(database: Database) -> None:
    with database.transaction() as session:
        rows = session.execute(
            sa.select(Topic.code, Topic.name, Topic.sort_order, Topic.retired_at).order_by(
                Topic.sort_order
            )
        ).all()
    assert [(code, name) for code, name, _, _ in rows] == EXPECTED_TOPICS
    orders = [order for _, _, order, _ in rows]
    assert orders == sorted(set(orders)), "sort orders must be distinct and ascending"
    assert all(retired is None for *_, retired in rows)


# --- downgrade and upgrade --------------------------------------------------


def test_downgrade_to_base_then_upgrade_to_head(location: DatabaseLocation) -> None:
    with transaction(location) as conn:
        command.downgrade(schema.alembic_config(conn), "base")
    with connect(location) as conn:
        assert user_tables(conn) == set()
        assert search_objects(conn) == set()
        assert schema.inspect_schema(conn).status is SchemaStatus.EMPTY

    with transaction(location) as conn:
        command.upgrade(schema.alembic_config(conn), "head")
    with connect(location) as conn:
        assert schema.inspect_schema(conn) == schema.SchemaState(
            SchemaStatus.CURRENT, schema.SCHEMA_HEAD
        )
        assert model_differences(conn) == []
        assert search_objects(conn) == EXPECTED_SEARCH_OBJECTS[conn.dialect.name]
        topics = conn.execute(sa.select(sa.func.count()).select_from(Topic)).scalar_one()
    assert topics == len(EXPECTED_TOPICS)

    # The program itself is happy with the result.
    result = open_database(location)
    try:
        assert result.before.status is SchemaStatus.CURRENT
    finally:
        result.database.close()


def test_downgraded_database_is_upgraded_when_opened(location: DatabaseLocation) -> None:
    with transaction(location) as conn:
        command.downgrade(schema.alembic_config(conn), "base")
    result = open_database(location)
    try:
        assert result.before.status is SchemaStatus.EMPTY
        assert result.upgraded
        with result.database.transaction() as session:
            count = session.scalar(sa.select(sa.func.count()).select_from(Topic))
        assert count == len(EXPECTED_TOPICS)
    finally:
        result.database.close()


# --- constraints --------------------------------------------------------------

CALLS = sa.table(
    "calls",
    sa.column("started_at", UTCDateTime()),
    sa.column("advisor_id", sa.Integer()),
    sa.column("caller_kind", sa.String()),
    sa.column("outcome", sa.String()),
    sa.column("notes", sa.Text()),
    sa.column("version", sa.Integer()),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)


def _call_values(advisor_id: int, caller_kind: str) -> dict[str, Any]:
    now = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)
    return {
        "started_at": now,
        "advisor_id": advisor_id,
        "caller_kind": caller_kind,
        "outcome": "answered",
        "notes": "",
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def test_check_constraint_rejects_an_unknown_enum_value(database: Database) -> None:
    with database.transaction() as session:
        user = User(username="anna", role=Role.ADVISOR)
        session.add(user)
        session.flush()
        advisor_id = user.id
        # A valid value goes in through the same path (so the failure below is the CHECK).
        session.execute(sa.insert(CALLS).values(_call_values(advisor_id, "citizen")))

    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(sa.insert(CALLS).values(_call_values(advisor_id, "nonsense")))

    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(sa.text("UPDATE calls SET outcome = 'nonsense'"))

    with database.transaction() as session:
        kinds = session.execute(sa.text("SELECT caller_kind, outcome FROM calls")).all()
    assert [tuple(row) for row in kinds] == [("citizen", "answered")]


def test_foreign_keys_are_enforced(database: Database) -> None:
    # On SQLite only when PRAGMA foreign_keys is on for every connection.
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(sa.insert(CALLS).values(_call_values(424242, "citizen")))

    with database.transaction() as session:
        user = User(username="erik")
        session.add(user)
        session.flush()
        session.add(
            Call(
                started_at=dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC),
                advisor_id=user.id,
                caller_kind=CallerKind.GUARDIAN,
                outcome=Outcome.CALLBACK,
            )
        )
    # ON DELETE RESTRICT: an advisor with calls cannot be deleted.
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(sa.text("DELETE FROM users WHERE username = 'erik'"))


# --- constraint names ---------------------------------------------------------


def test_constraint_names_follow_the_naming_convention(database: Database) -> None:
    # Later migrations drop and alter constraints by name (on SQLite, batch mode
    # needs the names): every constraint must carry the conventional one.
    with database.engine.connect() as conn:
        inspector = sa.inspect(conn)
        seen: set[str] = set()
        for table in Base.metadata.tables:
            columns = {c["name"] for c in inspector.get_columns(table)}
            pk = inspector.get_pk_constraint(table)
            if conn.dialect.name == "postgresql":
                assert pk["name"] == f"pk_{table}"
            for fk in inspector.get_foreign_keys(table):
                first = fk["constrained_columns"][0]
                assert fk["name"] == f"fk_{table}_{first}_{fk['referred_table']}"
                seen.add(str(fk["name"]))
            for uq in inspector.get_unique_constraints(table):
                assert str(uq["name"]).startswith(f"uq_{table}_"), uq
                seen.add(str(uq["name"]))
            for check in inspector.get_check_constraints(table):
                name = str(check["name"])
                assert name.startswith(f"ck_{table}_"), name
                assert name.removeprefix(f"ck_{table}_") in columns, name
                seen.add(name)
            for index in inspector.get_indexes(table):
                if index.get("duplicates_constraint"):
                    continue  # PostgreSQL's index behind a unique constraint
                assert str(index["name"]).startswith(f"ix_{table}_"), index
    assert {
        "ck_calls_caller_kind",
        "ck_calls_outcome",
        "ck_users_role",
        "fk_calls_advisor_id_users",
        "fk_calls_form_id_forms",
        "uq_users_username",
        "uq_forms_registry_number",
    } <= seen


POSTGRES_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


@POSTGRES_ONLY
def test_postgres_constraint_names(database: Database) -> None:
    kinds = {"p": "pk", "f": "fk", "u": "uq", "c": "ck"}
    with database.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT conrelid::regclass::text, conname, contype FROM pg_constraint "
                "WHERE connamespace = 'public'::regnamespace"
            )
        ).all()
    names = {(table, name, kind) for table, name, kind in rows}
    for expected in [
        ("calls", "ck_calls_caller_kind", "c"),
        ("calls", "ck_calls_outcome", "c"),
        ("calls", "fk_calls_advisor_id_users", "f"),
        ("calls", "fk_calls_form_id_forms", "f"),
        ("calls", "pk_calls", "p"),
        ("users", "uq_users_username", "u"),
        ("forms", "ck_forms_status", "c"),
        ("call_topics", "pk_call_topics", "p"),
    ]:
        assert expected in names
    for table, name, kind in names:
        if table == schema.VERSION_TABLE:
            continue
        assert name.startswith(f"{kinds[kind]}_{table}"), (table, name)
