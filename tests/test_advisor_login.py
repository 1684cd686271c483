"""An advisor's own PostgreSQL login runs the program (issue 7).

The login is a member of ``kansli_radgivare`` only, which may not read
``form_parties.id_number`` or ``calls.person_number``. Everything an advisor does
in the program must work through that login: starting (the user, the shipped
articles, the login event), the call log (log, correct, list, search, callback
queue), the form register (list and open, masked) and the knowledge panel. A log
extract then finds their work about a person even where their login could not
read the person's number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command

from kansli_desk import paths
from kansli_desk.core.enums import AuditAction, CallerKind, Outcome, PartyRole, Role
from kansli_desk.core.identity import mask
from kansli_desk.services import audit, calls, db_roles, forms, knowledge, roles, schema, users
from kansli_desk.services.calls import CallFilter, CallInput
from kansli_desk.services.database import Database, open_database, parse_location
from kansli_desk.services.forms import PartyInput
from kansli_desk.services.users import UserInfo
from tests.services.test_forms import CHILD_14, GUARDIAN_1, GUARDIAN_2, NOW, PNG, TODAY, minor
from tests.test_db_roles import POSTGRES_ONLY, connect_as, logins, new_login

__all__ = ["logins"]  # the fixture, imported for use here

FORM = minor(
    parties=(
        PartyInput(PartyRole.CHILD, CHILD_14, access_given=True),
        PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),
        PartyInput(PartyRole.GUARDIAN, GUARDIAN_2),
    )
)
CALLER = "19121212-1212"
CALLER_DIGITS = "191212121212"


def supervisor(session: sa.orm.Session) -> UserInfo:
    return users.ensure_user(session, "kd_chef_advisor_test")


@pytest.fixture
def advisor_db(database: Database, logins: list[str]) -> Iterator[tuple[Database, str, int]]:
    """The database as the advisor's login sees it, the login, and a form with guardians."""
    login = new_login(logins)
    with database.transaction() as session:
        chef = supervisor(session)
        knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
        form_id = forms.register_form(session, chef, FORM, today=TODAY, now=NOW).id
    with database.engine.begin() as conn:
        db_roles.create_roles(conn)
        db_roles.grant_role(conn, login, Role.ADVISOR, display_name="Anna Råd")
    url = database.location.url.set(username=login, password=None)
    location, _ = parse_location(url.render_as_string(hide_password=False))
    opened = open_database(location)
    yield opened.database, login, form_id
    opened.database.close()


@POSTGRES_ONLY
def test_an_advisor_login_runs_the_program(
    database: Database, advisor_db: tuple[Database, str, int]
) -> None:
    db, login, form_id = advisor_db
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    # Starting: the user row (made by db grant), the shipped articles (no writes
    # when they are current), the login event.
    with db.transaction() as session:
        user = users.ensure_user(session, login)
        assert (user.role, user.display_name) == (Role.ADVISOR, "Anna Råd")
        report = knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
        assert not report.errors
        audit.record(session, user, AuditAction.LOGIN)

    # The call log: log a call with a personnummer and a callback, shown masked.
    with db.transaction() as session:
        topic_ids = tuple(t.id for t in calls.list_topics(session)[:2])
        article = knowledge.search_articles(session, "försegling")[0]
        detail = calls.create_call(
            session,
            user,
            CallInput(
                started_at=now - dt.timedelta(minutes=5),
                duration_seconds=240,
                caller_kind=CallerKind.CITIZEN,
                topic_ids=topic_ids,
                outcome=Outcome.CALLBACK,
                notes="Frågade om försegling.",
                person_number=CALLER,
                callback_phone="0480-123 45",
                callback_due_at=now + dt.timedelta(hours=2),
                article_views=((article.id, None, now),),
            ),
            now=now,
        )
    assert detail.person_masked == "19121212-XXXX"

    # Correct it with the number shown masked (kept), then with a new number.
    with db.transaction() as session:
        shown = calls.get_call(session, detail.id)
        assert shown.person_masked == "19121212-XXXX"
        kept = calls.update_call(
            session,
            user,
            detail.id,
            shown.version,
            calls.CallInput(
                started_at=shown.started_at,
                duration_seconds=300,
                caller_kind=shown.caller_kind,
                topic_ids=shown.topic_ids,
                outcome=shown.outcome,
                notes="Frågade om försegling och spärr.",
                person_number=shown.person_masked,
                callback_phone=shown.callback_phone,
                callback_due_at=shown.callback_due_at,
            ),
            now=now,
        )
    assert kept.person_masked == "19121212-XXXX" and kept.duration_seconds == 300
    assert {c.field for c in kept.history if c.field} == {"duration_seconds", "notes"}

    # The lists: calls (with a notes search), the callback queue, the register.
    with db.transaction() as session:
        rows = calls.list_calls_page(session)
        assert [(r.id, r.person_masked) for r in rows] == [(detail.id, "19121212-XXXX")]
        found = calls.list_calls_page(session, filters=CallFilter(text="sparr"))
        assert [r.id for r in found] == [detail.id]
        queue = calls.callback_queue(session, now=now)
        assert [q.call_id for q in queue] == [detail.id]
        calls.mark_callback_done(session, user, detail.id, now=now)
        form_rows = forms.list_forms_page(session, today=TODAY)
        assert [(r.id, r.person_masked) for r in form_rows] == [
            (form_id, mask(CHILD_14.replace("-", "")))
        ]
        form = forms.get_form(session, form_id, user=user, today=TODAY)
    assert [p.number_masked for p in form.parties if p.role is PartyRole.GUARDIAN] == [
        mask(GUARDIAN_1.replace("-", "")),
        mask(GUARDIAN_2.replace("-", "")),
    ]
    assert all(p.id_text.endswith("-XXXX") for p in form.data.parties)
    assert form.allowed  # the workflow is shown, read-only

    # What the advisor's role may not do is refused, by the services and the database.
    with db.transaction() as session, pytest.raises(roles.NotAllowed):
        forms.get_attachment(session, 1, user=user)
    with db.engine.connect() as conn, pytest.raises(sa.exc.ProgrammingError):
        conn.execute(sa.text("SELECT person_number FROM calls")).all()

    # A log extract finds the callback marked done (recorded without the number)
    # through the call, and the guardian's extract finds the form that names them.
    with database.transaction() as session:
        chef = supervisor(session)
        log = audit.person_log(session, chef, CALLER)
        assert (AuditAction.UPDATE, "call", str(detail.id)) in {
            (e.action, e.entity, e.entity_id) for e in log.events
        }
        assert {e.person_number for e in log.events} == {CALLER_DIGITS}
        guardian = audit.person_log(session, chef, GUARDIAN_2)
        assert ("form", str(form_id)) in {(e.entity, e.entity_id) for e in guardian.events}
        assert {e.person_number for e in guardian.events} == {GUARDIAN_2.replace("-", "")}


@POSTGRES_ONLY
def test_a_registry_clerk_login_runs_the_register(database: Database, logins: list[str]) -> None:
    login = new_login(logins)
    with database.transaction() as session:
        supervisor(session)
        knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
    with database.engine.begin() as conn:
        db_roles.create_roles(conn)
        db_roles.grant_role(conn, login, Role.REGISTRAR, display_name="Rita Reg")
    url = database.location.url.set(username=login, password=None)
    location, _ = parse_location(url.render_as_string(hide_password=False))
    db = open_database(location).database
    try:
        with db.transaction() as session:
            clerk = users.ensure_user(session, login)
            assert clerk.role is Role.REGISTRAR
            report = knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
            assert not report.errors
            detail = forms.register_form(session, clerk, FORM, today=TODAY, now=NOW)
            assert forms.duplicates(session, FORM, today=TODAY) != []
        with db.transaction() as session:
            shown = forms.get_form(session, detail.id, user=clerk, today=TODAY)
            assert shown.data.parties[1].id_text == GUARDIAN_1  # unmasked for clerks
            png = PNG
            attachment = forms.add_attachment(session, clerk, detail.id, "skanning.png", png)
            assert forms.get_attachment(session, attachment.id, user=clerk)[2] == png
            moved = forms.transition(
                session, clerk, detail.id, shown.version, shown.allowed[0], now=NOW
            )
        assert moved.status is shown.allowed[0]
        # The audit log's person numbers are the supervisor's (log extracts).
        with db.engine.connect() as conn, pytest.raises(sa.exc.ProgrammingError):
            conn.execute(sa.text("SELECT person_number FROM audit_events")).all()
    finally:
        db.close()


@POSTGRES_ONLY
def test_roles_made_before_the_masked_columns_can_read_them_after_the_upgrade(
    database: Database, logins: list[str]
) -> None:
    login = new_login(logins)
    with database.engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0006")
        db_roles.create_roles(conn)
        db_roles.grant_role(conn, login, Role.ADVISOR)
    with database.engine.begin() as conn:
        command.upgrade(schema.alembic_config(conn), "head")
    with connect_as(database, login) as conn:
        assert conn.execute("SELECT id_masked FROM form_parties").fetchall() == []
        assert conn.execute("SELECT person_masked FROM calls").fetchall() == []
