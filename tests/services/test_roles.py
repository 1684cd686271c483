"""The role matrix, enforced by the services (issue 7, "Users and roles").

Every (role, action) pair is tried on a fresh database: an allowed action
succeeds, a forbidden one raises :class:`NotAllowed` and changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction, CallerKind, FormStatus, Outcome, Role
from kansli_desk.models import AuditEvent, Base, Topic, User
from kansli_desk.services import article_edit, calls, form_import, forms, roles, users
from kansli_desk.services.article_edit import ArticleDraft
from kansli_desk.services.calls import CallDetail, CallInput
from kansli_desk.services.database import Database
from kansli_desk.services.forms import FormDetail
from kansli_desk.services.roles import NotAllowed, Permission
from kansli_desk.services.users import UserInfo
from tests.services.test_form_import import good_rows, write_csv
from tests.services.test_forms import NOW, PDF, PERSON, TODAY, seal

S = FormStatus
ADVISOR, REGISTRAR, SUPERVISOR = Role.ADVISOR, Role.REGISTRAR, Role.SUPERVISOR


@dataclass
class Scene:
    """A database with one user of each role, forms, a call and a scan."""

    db: Database
    users: dict[Role, UserInfo]
    form: FormDetail  # registered (its data unmasked, as the clerk typed it)
    executed: FormDetail
    call: CallDetail  # with a callback, logged by someone else
    attachment_id: int
    topic_id: int
    csv: Path

    def run(self, action: Callable[[Session, Scene, UserInfo], object], role: Role) -> None:
        with self.db.transaction() as session:
            action(session, self, self.users[role])


def add_user(session: Session, username: str, role: Role) -> UserInfo:
    user = User(username=username, display_name=username.title(), role=role)
    session.add(user)
    session.flush()
    return UserInfo(user.id, username, user.display_name, role)


def call_input(scene_topics: tuple[int, ...], **changes: Any) -> CallInput:
    values: dict[str, Any] = {
        "started_at": NOW - dt.timedelta(minutes=5),
        "duration_seconds": 120,
        "caller_kind": CallerKind.CITIZEN,
        "topic_ids": scene_topics,
        "outcome": Outcome.ANSWERED,
        "notes": "Frågade om försegling.",
    }
    values.update(changes)
    return CallInput(**values)


@pytest.fixture
def scene(database: Database, tmp_path: Path) -> Scene:
    with database.transaction() as session:
        found = {
            ADVISOR: add_user(session, "radgivare", ADVISOR),
            REGISTRAR: add_user(session, "registrator", REGISTRAR),
            SUPERVISOR: add_user(session, "chef", SUPERVISOR),
        }
        other = add_user(session, "kollega", ADVISOR)
        topic_id = session.scalars(sa.select(Topic.id).order_by(Topic.id)).first()
        assert topic_id is not None
        clerk = found[REGISTRAR]
        form = forms.register_form(session, clerk, seal(), today=TODAY, now=NOW)
        executed = forms.register_form(session, clerk, seal(), today=TODAY, now=NOW)
        for step in (S.FORWARDED, S.EXECUTED):
            version = executed.version
            executed = forms.transition(session, clerk, executed.id, version, step, now=NOW)
        attachment = forms.add_attachment(session, clerk, form.id, "blankett.pdf", PDF)
        call = calls.create_call(
            session,
            other,
            call_input(
                (topic_id,),
                outcome=Outcome.CALLBACK,
                callback_phone="070-123 45 67",
                callback_due_at=NOW + dt.timedelta(hours=2),
            ),
            now=NOW,
        )
    csv = write_csv(tmp_path / "register.csv", good_rows()[:1])
    return Scene(database, found, form, executed, call, attachment.id, topic_id, csv)


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the test databases are small)."""
    with db.transaction() as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(sa.select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


# --- the actions ------------------------------------------------------------------------


def register(session: Session, scene: Scene, user: UserInfo) -> object:
    return forms.register_form(session, user, seal(), today=TODAY, now=NOW)


def correct(session: Session, scene: Scene, user: UserInfo) -> object:
    detail = scene.form
    data = dataclasses.replace(detail.data, note="Rättad")
    return forms.update_form(session, user, detail.id, detail.version, data, today=TODAY, now=NOW)


def move_on(session: Session, scene: Scene, user: UserInfo) -> object:
    return forms.transition(
        session, user, scene.form.id, scene.form.version, S.COMPLETION_REQUESTED, now=NOW
    )


def attach(session: Session, scene: Scene, user: UserInfo) -> object:
    return forms.add_attachment(session, user, scene.form.id, "scan.pdf", PDF)


def confirm(session: Session, scene: Scene, user: UserInfo) -> object:
    done = scene.executed
    return forms.mark_confirmation_sent(session, user, done.id, done.version, now=NOW)


def open_scan(session: Session, scene: Scene, user: UserInfo) -> object:
    return forms.get_attachment(session, scene.attachment_id, user)


def import_file(session: Session, scene: Scene, user: UserInfo) -> object:
    return form_import.import_forms(session, user, scene.csv, today=TODAY, now=NOW)


def log_call(session: Session, scene: Scene, user: UserInfo) -> object:
    return calls.create_call(session, user, call_input((scene.topic_id,)), now=NOW)


def change_call(session: Session, scene: Scene, user: UserInfo) -> object:
    call = scene.call
    data = call_input(
        (scene.topic_id,),
        outcome=Outcome.CALLBACK,
        callback_phone="070-123 45 67",
        callback_due_at=NOW + dt.timedelta(hours=3),
        notes="Ändrad av en kollega.",
    )
    return calls.update_call(session, user, call.id, call.version, data, now=NOW)


def callback_done(session: Session, scene: Scene, user: UserInfo) -> object:
    calls.mark_callback_done(session, user, scene.call.id, now=NOW)
    return None


def add_topic(session: Session, scene: Scene, user: UserInfo) -> object:
    return calls.add_topic(session, user, "Ny rubrik")


def retire_topic(session: Session, scene: Scene, user: UserInfo) -> object:
    calls.retire_topic(session, user, scene.topic_id, now=NOW)
    return None


def write_article(session: Session, scene: Scene, user: UserInfo) -> object:
    draft = ArticleDraft("Ny artikel", "Text om försegling.\n", "1177.se", ("other",))
    return article_edit.create_article(session, user, draft, today=TODAY)


def list_users(session: Session, scene: Scene, user: UserInfo) -> object:
    return users.list_users(session, user)


def change_role(session: Session, scene: Scene, user: UserInfo) -> object:
    return users.set_role(session, user, "kollega", Role.REGISTRAR)


ACTIONS: list[tuple[str, Callable[[Session, Scene, UserInfo], object], tuple[bool, bool, bool]]] = [
    # name, action, allowed for (advisor, registrar, supervisor)
    ("register a form", register, (False, True, True)),
    ("correct a form", correct, (False, True, True)),
    ("move a form on", move_on, (False, True, True)),
    ("attach a scan", attach, (False, True, True)),
    ("record the confirmation", confirm, (False, True, True)),
    ("open a scan", open_scan, (False, True, True)),
    ("import forms", import_file, (False, True, True)),
    ("log a call", log_call, (True, True, True)),
    ("change someone else's call", change_call, (True, True, True)),
    ("mark a callback done", callback_done, (True, True, True)),
    ("add a topic", add_topic, (False, False, True)),
    ("retire a topic", retire_topic, (False, False, True)),
    ("write an article", write_article, (False, False, True)),
    ("list users", list_users, (False, False, True)),
    ("change a role", change_role, (False, False, True)),
]
ROLES = (ADVISOR, REGISTRAR, SUPERVISOR)
CASES = [
    pytest.param(action, role, allowed[index], id=f"{name}-{role.value}")
    for name, action, allowed in ACTIONS
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_every_role_and_action(
    scene: Scene,
    action: Callable[[Session, Scene, UserInfo], object],
    role: Role,
    expected: bool,
) -> None:
    if expected:
        scene.run(action, role)
        return
    before = snapshot(scene.db)
    with pytest.raises(NotAllowed) as caught:
        scene.run(action, role)
    assert "Only a" in caught.value.message()
    assert snapshot(scene.db) == before


def test_the_matrix_as_data() -> None:
    everyone = {Permission.CALLS, Permission.KNOWLEDGE_READ, Permission.FORMS_READ}
    clerks = {Permission.FORMS_CHANGE, Permission.FORMS_IMPORT, Permission.FORMS_UNMASKED}
    for permission in Permission:
        assert roles.allowed(Role.SUPERVISOR, permission)
        assert roles.allowed(Role.REGISTRAR, permission) == (permission in everyone | clerks)
        assert roles.allowed(Role.ADVISOR, permission) == (permission in everyone)
        if permission not in everyone:
            assert roles.MESSAGES[permission].startswith("Only a")


def test_refusals_name_the_role_needed() -> None:
    advisor = UserInfo(1, "a", "", Role.ADVISOR)
    with pytest.raises(NotAllowed, match="registry clerk or a supervisor"):
        roles.require(advisor, Permission.FORMS_CHANGE)
    with pytest.raises(NotAllowed, match="Only a supervisor can change users' roles"):
        roles.require(UserInfo(2, "r", "", Role.REGISTRAR), Permission.USERS_ADMIN)


# --- reading forms ----------------------------------------------------------------------


def unmasked_views(db: Database) -> list[AuditEvent]:
    with db.transaction() as session:
        return list(
            session.scalars(
                sa.select(AuditEvent)
                .where(AuditEvent.action == AuditAction.VIEW_UNMASKED)
                .order_by(AuditEvent.id)
            )
        )


def test_an_advisor_reads_a_form_masked_and_nothing_is_recorded(scene: Scene) -> None:
    with scene.db.transaction() as session:
        detail = forms.get_form(session, scene.form.id, user=scene.users[ADVISOR], today=TODAY)
    assert [p.id_text for p in detail.data.parties] == [PERSON[:8] + "-XXXX"]
    assert PERSON not in repr(detail)
    assert PERSON.replace("-", "") not in repr(detail)
    # The workflow offered is the same as the clerk's (its checks read the whole numbers).
    assert detail.allowed == scene.form.allowed
    assert unmasked_views(scene.db) == []


@pytest.mark.parametrize("role", [REGISTRAR, SUPERVISOR])
def test_a_clerk_reads_the_number_and_the_view_is_recorded(scene: Scene, role: Role) -> None:
    user = scene.users[role]
    with scene.db.transaction() as session:
        detail = forms.get_form(session, scene.form.id, user=user, today=TODAY)
    assert [p.id_text for p in detail.data.parties] == [PERSON]
    (event,) = unmasked_views(scene.db)
    assert (event.username, event.role, event.entity, event.entity_id) == (
        user.username,
        role.value,
        forms.ENTITY,
        str(scene.form.id),
    )
    assert event.person_number == PERSON.replace("-", "")


def test_opening_a_scan_is_recorded(scene: Scene) -> None:
    with scene.db.transaction() as session:
        name, media_type, content = forms.get_attachment(
            session, scene.attachment_id, scene.users[REGISTRAR]
        )
    assert (name, media_type, content) == ("blankett.pdf", "application/pdf", PDF)
    (event,) = unmasked_views(scene.db)
    assert event.entity == forms.ATTACHMENT_ENTITY
    assert event.person_number == PERSON.replace("-", "")


# --- user administration ----------------------------------------------------------------


def test_a_supervisor_changes_a_role_and_it_is_audited(scene: Scene) -> None:
    chef = scene.users[SUPERVISOR]
    with scene.db.transaction() as session:
        changed = users.set_role(session, chef, "radgivare", Role.REGISTRAR)
        listed = {u.username: u.role for u in users.list_users(session, chef)}
    assert changed.role is Role.REGISTRAR
    assert listed["radgivare"] is Role.REGISTRAR
    with scene.db.transaction() as session:
        (event,) = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity == users.USER_ENTITY)
        ).all()
    assert (event.action, event.username, event.entity_id) == (
        AuditAction.UPDATE,
        "chef",
        str(changed.id),
    )
    assert event.details["changes"] == [{"field": "role", "old": "advisor", "new": "registrar"}]


def test_the_last_supervisor_keeps_the_role(scene: Scene) -> None:
    chef = scene.users[SUPERVISOR]
    before = snapshot(scene.db)
    with (
        pytest.raises(users.ValidationError, match="last supervisor"),
        scene.db.transaction() as session,
    ):
        users.set_role(session, chef, "chef", Role.ADVISOR)
    assert snapshot(scene.db) == before
    # With a second supervisor, the first may step down.
    with scene.db.transaction() as session:
        promoted = users.set_role(session, chef, "registrator", Role.SUPERVISOR)
        users.set_role(session, chef, "chef", Role.ADVISOR)
        listed = users.list_users(session, promoted)
    assert [u.username for u in listed if u.role is Role.SUPERVISOR] == ["registrator"]


def test_an_unknown_login_is_refused(scene: Scene) -> None:
    with (
        pytest.raises(users.ValidationError, match="no user with the login nobody"),
        scene.db.transaction() as session,
    ):
        users.set_role(session, scene.users[SUPERVISOR], "nobody", Role.ADVISOR)
