"""PostgreSQL grants: the role matrix enforced by the database (issue 7).

A person who connects with their own login and another tool still cannot read
unmasked identity numbers or change the audit log.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from kansli_desk import cli, cli_roles
from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.models import AuditEvent, User
from kansli_desk.services import db_roles, forms
from kansli_desk.services.database import Database
from kansli_desk.services.users import UserInfo
from kansli_desk.settings import Settings
from tests.services.test_forms import NOW, TODAY, seal

POSTGRES_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


@pytest.fixture
def logins(database: Database) -> Iterator[list[str]]:
    """Names for logins the test creates; dropped afterwards (roles are cluster-wide)."""
    made: list[str] = []
    yield made
    with database.engine.begin() as conn:
        for login in made:
            conn.execute(sa.text(f'DROP ROLE IF EXISTS "{login}"'))


def new_login(logins: list[str]) -> str:
    login = f"kd_test_{uuid.uuid4().hex[:10]}"
    logins.append(login)
    return login


def connect_as(database: Database, login: str) -> psycopg.Connection[Any]:
    url = database.location.url
    return psycopg.connect(
        host=url.host, port=url.port, dbname=url.database, user=login, autocommit=True
    )


def refused(conn: psycopg.Connection[Any], sql: str) -> bool:
    try:
        conn.execute(sql)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


@pytest.fixture
def filled(database: Database) -> int:
    """A registered form (its audit events hold the person's number) and its id."""
    with database.transaction() as session:
        user = User(username="kd_clerk", display_name="Clerk", role=Role.REGISTRAR)
        session.add(user)
        session.flush()
        clerk = UserInfo(user.id, user.username, user.display_name, Role.REGISTRAR)
        return forms.register_form(session, clerk, seal(), today=TODAY, now=NOW).id


@POSTGRES_ONLY
def test_an_advisor_login_cannot_read_numbers_or_change_the_audit_log(
    database: Database, logins: list[str], filled: int
) -> None:
    login = new_login(logins)
    with database.engine.begin() as conn:
        db_roles.create_roles(conn)
        db_roles.grant_role(conn, login, Role.ADVISOR, display_name="Anna Råd")
    with database.transaction() as session:
        user = session.scalars(sa.select(User).where(User.username == login)).one()
        assert (user.role, user.display_name) == (Role.ADVISOR, "Anna Råd")
        event = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity == db_roles.USER_ENTITY)
        ).one()
        assert event.action is AuditAction.CREATE and event.entity_id == str(user.id)
        audit_rows = session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) or 0
    with connect_as(database, login) as conn:
        assert refused(conn, "SELECT id_number FROM form_parties")
        assert refused(conn, "SELECT * FROM form_parties")
        assert refused(conn, "SELECT person_number FROM calls")
        assert refused(conn, "SELECT person_number FROM audit_events")
        assert refused(conn, "SELECT content FROM form_attachments")
        # The masked view of the register is open to them.
        rows = conn.execute("SELECT form_id, role, birth_date FROM form_parties").fetchall()
        assert [row[0] for row in rows] == [filled]
        assert conn.execute("SELECT count(*) FROM forms").fetchone() == (1,)
        # The audit log is append-only for them, and they cannot make themselves chef.
        assert refused(conn, "DELETE FROM audit_events")
        assert refused(conn, "UPDATE audit_events SET username = 'x'")
        assert refused(conn, "TRUNCATE audit_events")
        assert refused(conn, "UPDATE users SET role = 'supervisor'")
        assert refused(conn, "INSERT INTO users (username, role) VALUES ('x', 'supervisor')")
        assert refused(conn, "UPDATE forms SET note = 'x'")
        assert refused(conn, "DELETE FROM forms")
        # Logging a call works, and so does recording it in the audit log.
        conn.execute(
            "INSERT INTO calls (started_at, advisor_id, caller_kind, outcome, notes, version, "
            "created_at, updated_at) "
            "VALUES (now(), %s, 'citizen', 'answered', 'Frågade om spärr', 1, now(), now())",
            (user.id,),
        )
        conn.execute(
            "INSERT INTO audit_events (at, username, role, action, entity, details, workstation) "
            "VALUES (now(), %s, 'advisor', 'create', 'call', '{}', '')",
            (login,),
        )
    with database.transaction() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == (
            audit_rows + 1
        )


@POSTGRES_ONLY
def test_a_registrar_reads_numbers_and_a_chef_still_cannot_delete_audit_rows(
    database: Database, logins: list[str], filled: int
) -> None:
    clerk, chef = new_login(logins), new_login(logins)
    with database.engine.begin() as conn:
        db_roles.grant_role(conn, clerk, Role.REGISTRAR)
        db_roles.grant_role(conn, chef, Role.SUPERVISOR)
    with connect_as(database, clerk) as conn:
        assert len(conn.execute("SELECT id_number FROM form_parties").fetchall()) == 1
        conn.execute("UPDATE forms SET note = 'Rättad' WHERE id = %s", (filled,))
        assert refused(conn, "SELECT person_number FROM audit_events")
        assert refused(conn, "DELETE FROM audit_events")
        assert refused(conn, "UPDATE users SET role = 'supervisor'")
    with connect_as(database, chef) as conn:
        assert len(conn.execute("SELECT person_number FROM audit_events").fetchall()) >= 1
        assert refused(conn, "DELETE FROM audit_events")
        assert refused(conn, "UPDATE audit_events SET username = 'x'")
        assert refused(conn, "TRUNCATE audit_events")


@POSTGRES_ONLY
def test_granting_again_moves_the_login_to_the_new_role_only(
    database: Database, logins: list[str]
) -> None:
    login = new_login(logins)
    with database.engine.begin() as conn:
        db_roles.grant_role(conn, login, Role.SUPERVISOR)
        db_roles.create_roles(conn)  # again: idempotent
        db_roles.grant_role(conn, login, Role.ADVISOR)
        groups = set(
            conn.execute(
                sa.text(
                    "SELECT g.rolname FROM pg_auth_members m "
                    "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                    "WHERE u.rolname = :login"
                ),
                {"login": login},
            ).scalars()
        )
    assert groups == {"kansli_radgivare"}
    with database.transaction() as session:
        assert session.scalars(sa.select(User.role).where(User.username == login)).one() is (
            Role.ADVISOR
        )
    with connect_as(database, login) as conn:
        assert refused(conn, "SELECT id_number FROM form_parties")


@POSTGRES_ONLY
@pytest.mark.parametrize("login", ["", "1abc", "a b", 'x"; DROP TABLE users; --', "kansli_chef"])
def test_unusable_logins_are_refused(database: Database, login: str) -> None:
    with pytest.raises(db_roles.ValidationError), database.engine.begin() as conn:
        db_roles.grant_role(conn, login, Role.ADVISOR)


# --- the command line -------------------------------------------------------------------


def parse(*argv: str) -> argparse.Namespace:
    """The arguments as ``kansli-desk`` parses them once the lead wires the commands in."""
    parser = argparse.ArgumentParser(prog="kansli-desk")
    common = cli._common_options(argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")
    db = sub.add_parser("db", parents=[common])
    db_sub = db.add_subparsers(dest="db_command", required=True)
    cli_roles.add_parsers(db_sub, common)
    return parser.parse_args(["db", *argv])


@POSTGRES_ONLY
def test_the_commands_set_up_roles_and_grant_a_login(
    database: Database, logins: list[str], tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database.location.url.render_as_string(hide_password=False)
    settings = Settings(tmp_path / "settings.json")
    assert cli_roles.run(parse("roles", "--database", url), settings) == 0
    assert "kansli_radgivare, kansli_registrator, kansli_chef" in capsys.readouterr().out
    login = new_login(logins)
    args = parse("grant", login, "Registrator", "--name", "Sara Holm", "--database", url)
    assert cli_roles.run(args, settings) == 0
    assert f"{login} now works as Registry clerk" in capsys.readouterr().out
    with database.transaction() as session:
        user = session.scalars(sa.select(User).where(User.username == login)).one()
    assert (user.role, user.display_name) == (Role.REGISTRAR, "Sara Holm")
    with pytest.raises(cli_roles.KnownError, match="not a role"):
        cli_roles.run(parse("grant", login, "boss", "--database", url), settings)


def test_roles_are_for_postgresql_only(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'kansli.sqlite3'}"
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(cli_roles.KnownError, match="only on PostgreSQL"):
        cli_roles.run(parse("roles", "--database", url), settings)


def test_other_db_commands_are_not_ours(tmp_path: Any) -> None:
    args = argparse.Namespace(command="db", db_command="status")
    assert cli_roles.run(args, Settings(tmp_path / "settings.json")) is None
