"""User administration (issue 7): add, rename, change role, deactivate, reactivate."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.errors import ValidationError
from kansli_desk.models import AuditEvent, User
from kansli_desk.services import users
from kansli_desk.services.database import Database
from kansli_desk.services.roles import NotAllowed
from kansli_desk.services.users import DbRoleStatus, UserInfo

ADVISOR, REGISTRAR, SUPERVISOR = Role.ADVISOR, Role.REGISTRAR, Role.SUPERVISOR


@pytest.fixture
def team(database: Database) -> dict[str, UserInfo]:
    """A supervisor (the first user), a registry clerk and an advisor."""
    with database.transaction() as session:
        chef = users.ensure_user(session, "chef")
        found = {"chef": chef}
        for login, role in (("registrator", REGISTRAR), ("radgivare", ADVISOR)):
            session.add(User(username=login, display_name=login.title(), role=role))
            session.flush()
            found[login] = users.ensure_user(session, login)
    assert found["chef"].role is SUPERVISOR
    return found


def user_events(session: Session) -> list[AuditEvent]:
    return list(
        session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.entity == users.USER_ENTITY)
            .order_by(AuditEvent.id)
        )
    )


def listed(session: Session, chef: UserInfo) -> dict[str, UserInfo]:
    return {u.username: u for u in users.list_users(session, chef)}


def test_a_supervisor_adds_a_user_and_it_is_audited(
    database: Database, team: dict[str, UserInfo]
) -> None:
    chef = team["chef"]
    with database.transaction() as session:
        added = users.add_user(session, chef, "  anna.a ", "  Anna   Andersson ", REGISTRAR)
    assert (added.username, added.display_name, added.role, added.active) == (
        "anna.a",
        "Anna Andersson",
        REGISTRAR,
        True,
    )
    with database.transaction() as session:
        assert listed(session, chef)["anna.a"] == added
        (event,) = user_events(session)
        assert event.action is AuditAction.CREATE
        assert (event.username, event.entity_id) == ("chef", str(added.id))
        assert event.details["username"] == "anna.a"
        assert {"field": "role", "old": "", "new": "registrar"} in event.details["changes"]
        # The new user can open the program in their role.
        assert users.ensure_user(session, "anna.a").role is REGISTRAR


@pytest.mark.parametrize(
    ("login", "message"),
    [
        ("", "Enter the login"),
        ("   ", "Enter the login"),
        ("anna andersson", "cannot contain spaces"),
        ("anna\tb", "cannot contain spaces"),
        ("anna\x00", "cannot contain spaces"),
        ("a" * 129, "at most 128 characters"),
        ("CHEF", "already a user with the login chef"),
        ("radgivare", "already a user with the login radgivare"),
    ],
)
def test_a_bad_login_is_refused_and_nothing_is_added(
    database: Database, team: dict[str, UserInfo], login: str, message: str
) -> None:
    chef = team["chef"]
    with database.transaction() as session, pytest.raises(ValidationError, match=message) as exc:
        users.add_user(session, chef, login, "Någon", ADVISOR)
    assert exc.value.field == "username"
    with database.transaction() as session:
        assert sorted(listed(session, chef)) == ["chef", "radgivare", "registrator"]
        assert user_events(session) == []


def test_a_bad_display_name_is_refused(database: Database, team: dict[str, UserInfo]) -> None:
    chef = team["chef"]
    with database.transaction() as session, pytest.raises(ValidationError) as exc:
        users.add_user(session, chef, "ny", "x" * 201, ADVISOR)
    assert exc.value.field == "display_name"
    with database.transaction() as session, pytest.raises(ValidationError) as exc:
        users.set_display_name(session, chef, "radgivare", "Rad\x00givare")
    assert exc.value.field == "display_name"
    with database.transaction() as session:
        assert "ny" not in listed(session, chef)
        assert listed(session, chef)["radgivare"].display_name == "Radgivare"


def test_changing_a_display_name_is_audited(database: Database, team: dict[str, UserInfo]) -> None:
    chef = team["chef"]
    with database.transaction() as session:
        changed = users.set_display_name(session, chef, "radgivare", "Rut Rådgivare")
        same = users.set_display_name(session, chef, "radgivare", " Rut  Rådgivare ")
    assert changed.display_name == same.display_name == "Rut Rådgivare"
    with database.transaction() as session:
        (event,) = user_events(session)  # the unchanged name wrote nothing
        assert event.details["changes"] == [
            {"field": "display_name", "old": "Radgivare", "new": "Rut Rådgivare"}
        ]


def test_a_deactivated_user_is_refused_until_reactivated(
    database: Database, team: dict[str, UserInfo]
) -> None:
    chef = team["chef"]
    with database.transaction() as session:
        off = users.set_active(session, chef, "registrator", False)
    assert not off.active
    with database.transaction() as session:
        assert not listed(session, chef)["registrator"].active
        with pytest.raises(users.UserInactive, match="registrator has been deactivated"):
            users.ensure_user(session, "registrator")
    with database.transaction() as session:
        on = users.set_active(session, chef, "registrator", True)
        assert on.active
        assert users.ensure_user(session, "registrator").active
        events = user_events(session)
    assert [e.details["changes"] for e in events] == [
        [{"field": "active", "old": True, "new": False}],
        [{"field": "active", "old": False, "new": True}],
    ]
    assert {e.action for e in events} == {AuditAction.UPDATE}


def test_nobody_deactivates_themselves(database: Database, team: dict[str, UserInfo]) -> None:
    chef = team["chef"]
    with database.transaction() as session:
        users.set_role(session, chef, "registrator", SUPERVISOR)  # not the last supervisor
    with database.transaction() as session, pytest.raises(ValidationError, match="your own"):
        users.set_active(session, chef, "chef", False)
    with database.transaction() as session:
        assert listed(session, chef)["chef"].active


def test_the_last_active_supervisor_stays(database: Database, team: dict[str, UserInfo]) -> None:
    chef = team["chef"]
    with database.transaction() as session:
        other = users.add_user(session, chef, "chef2", "Andra chefen", SUPERVISOR)
    with database.transaction() as session:  # chef2 deactivates chef: one active is left
        users.set_active(session, other, "chef", False)
    with database.transaction() as session, pytest.raises(ValidationError, match="last supervisor"):
        users.set_role(session, other, "chef2", ADVISOR)  # the only active one
    with database.transaction() as session:
        users.set_role(session, other, "chef", ADVISOR)  # an inactive supervisor may go
        users.set_active(session, other, "chef", True)
        users.set_role(session, other, "chef", SUPERVISOR)
    with database.transaction() as session:
        users.set_active(session, chef, "chef2", False)
    with database.transaction() as session:
        mine = listed(session, chef)
        assert (mine["chef"].active, mine["chef2"].active) == (True, False)


def test_a_supervisor_demoted_or_deactivated_meanwhile_is_refused(
    database: Database, team: dict[str, UserInfo]
) -> None:
    chef = team["chef"]
    with database.transaction() as session:
        other = users.add_user(session, chef, "chef2", "Andra chefen", SUPERVISOR)
        users.set_role(session, chef, "chef2", ADVISOR)  # chef2 still holds the old info
    with database.transaction() as session, pytest.raises(NotAllowed, match="Only a supervisor"):
        users.set_active(session, other, "chef", False)
    with database.transaction() as session:
        users.set_role(session, chef, "chef2", SUPERVISOR)
        users.set_active(session, chef, "chef2", False)
    with database.transaction() as session, pytest.raises(users.UserInactive):
        users.add_user(session, other, "ny", "Ny", ADVISOR)
    with database.transaction() as session:
        mine = listed(session, chef)
        assert (mine["chef"].active, mine["chef"].role) == (True, SUPERVISOR)
        assert "ny" not in mine


@pytest.mark.parametrize("role", [ADVISOR, REGISTRAR])
@pytest.mark.parametrize(
    "action",
    [
        lambda s, u: users.add_user(s, u, "ny", "Ny", ADVISOR),
        lambda s, u: users.set_display_name(s, u, "chef", "Chefen"),
        lambda s, u: users.set_active(s, u, "chef", False),
        lambda s, u: users.set_role(s, u, "chef", ADVISOR),
        users.list_accounts,
    ],
    ids=["add", "rename", "deactivate", "role", "list"],
)
def test_only_a_supervisor_administers_users(
    database: Database, team: dict[str, UserInfo], role: Role, action: Any
) -> None:
    user = team["radgivare" if role is ADVISOR else "registrator"]
    with database.transaction() as session, pytest.raises(NotAllowed, match="Only a supervisor"):
        action(session, user)
    with database.transaction() as session:
        assert user_events(session) == []
        mine = listed(session, team["chef"])
        assert sorted(mine) == ["chef", "radgivare", "registrator"]
        assert (mine["chef"].display_name, mine["chef"].role, mine["chef"].active) == (
            "",
            SUPERVISOR,
            True,
        )


def test_an_unknown_login_is_refused(database: Database, team: dict[str, UserInfo]) -> None:
    chef = team["chef"]
    for change in (
        lambda s: users.set_display_name(s, chef, "nobody", "X"),
        lambda s: users.set_active(s, chef, "nobody", False),
    ):
        with database.transaction() as session, pytest.raises(ValidationError, match="nobody"):
            change(session)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_accounts_on_sqlite_have_no_database_role(
    database: Database, team: dict[str, UserInfo]
) -> None:
    with database.transaction() as session:
        accounts = users.list_accounts(session, team["chef"])
    assert [(a.user.username, a.db_role) for a in accounts] == [
        ("chef", None),
        ("radgivare", None),
        ("registrator", None),
    ]


def test_user_info_stays_backwards_compatible() -> None:
    info = UserInfo(1, "anna", "Anna", ADVISOR)
    assert info.active
    assert info.shown_name == "Anna"


# --- PostgreSQL: the database login's group role ----------------------------------------------


@pytest.fixture
def pg_database(pg_server: Any) -> Any:
    from kansli_desk.services.database import open_database

    location = pg_server.create()
    result = open_database(location)
    yield result.database
    result.database.close()
    pg_server.drop(location)


def test_the_database_role_of_each_login_is_reported(pg_database: Database) -> None:
    import uuid

    from kansli_desk.services import db_roles

    suffix = uuid.uuid4().hex[:8]
    ok, moved, both, none = (f"kd_{name}_{suffix}" for name in ("ok", "moved", "both", "none"))
    admin = pg_database.location.login
    with pg_database.transaction() as session:
        chef = users.ensure_user(session, admin)  # the first user: the supervisor
    with pg_database.engine.begin() as conn:
        db_roles.grant_role(conn, ok, ADVISOR)
        db_roles.grant_role(conn, moved, REGISTRAR)
        db_roles.grant_role(conn, both, ADVISOR)
        conn.execute(sa.text(f'GRANT kansli_chef TO "{both}"'))
    try:
        with pg_database.transaction() as session:
            users.set_role(session, chef, moved, ADVISOR)  # the program moved, the database not
            users.add_user(session, chef, none, "Ingen inloggning", ADVISOR)
            accounts = {a.user.username: a.db_role for a in users.list_accounts(session, chef)}
            superuser = session.execute(
                sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar_one()
        assert accounts[ok] is DbRoleStatus.MATCHES
        assert accounts[moved] is DbRoleStatus.MISSING
        assert accounts[both] is DbRoleStatus.OTHER_GROUP
        assert accounts[none] is DbRoleStatus.NO_LOGIN
        if superuser:
            assert accounts[admin] is DbRoleStatus.SUPERUSER
    finally:
        with pg_database.engine.begin() as conn:
            for login in (ok, moved, both):
                conn.execute(sa.text(f'DROP OWNED BY "{login}"'))
                conn.execute(sa.text(f'DROP ROLE IF EXISTS "{login}"'))


def test_on_postgresql_a_login_must_be_usable_by_the_database(pg_database: Database) -> None:
    with pg_database.transaction() as session:
        chef = users.ensure_user(session, pg_database.location.login)
        with pytest.raises(ValidationError, match="cannot be a database login") as exc:
            users.add_user(session, chef, "anna/b", "Anna", ADVISOR)
        assert exc.value.field == "username"
        with pytest.raises(ValidationError, match="group roles"):
            users.add_user(session, chef, "kansli_chef", "Anna", ADVISOR)
