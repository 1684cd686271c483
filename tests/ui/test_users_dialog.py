"""Supervisors administer users in the app (issue 7): add, change a role, deactivate."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.errors import ValidationError
from kansli_desk.models import AuditEvent, User
from kansli_desk.services import users
from kansli_desk.services.database import DatabaseLocation
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.dialogs.users import UsersDialog
from kansli_desk.ui.main_window import MainWindow
from tests.helpers import connect, transaction
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> UsersDialog:
    with transaction(location) as conn:  # the supervisor's colleague, before they start
        conn.execute(
            sa.insert(User).values(username="kollega", display_name="Kim", role=Role.SUPERVISOR)
        )
    open_and_wait(qtbot, context, location)
    assert context.user is not None and context.user.role is Role.SUPERVISOR
    assert window.users_action.isEnabled()
    menus = window.menuBar().findChildren(QMenu)
    settings_menu = next(m for m in menus if window.topics_action in m.actions())
    assert window.users_action in settings_menu.actions()  # Settings → Users…
    found = UsersDialog(context, window)
    qtbot.addWidget(found)
    found.show()
    found.activateWindow()
    qtbot.waitUntil(lambda: found.list.model.rowCount() == 2, timeout=OPEN_TIMEOUT_MS)
    return found


@pytest.fixture
def location(location: DatabaseLocation) -> DatabaseLocation:
    """The first user of a database is its supervisor: make it the window's user."""
    from kansli_desk.services.database import open_database

    result = open_database(location)
    with result.database.transaction() as session:
        users.ensure_user(session, location.login)
    result.database.close()
    return location


def rows(dialog: UsersDialog) -> dict[str, tuple[str, str, str]]:
    model = dialog.list.model
    found = {}
    for row in range(model.rowCount()):
        cells = [model.data(model.index(row, column)) for column in range(4)]
        found[cells[0]] = (cells[1], cells[2], cells[3])
    return found


def saved(location: DatabaseLocation) -> dict[str, tuple[str, Role, bool]]:
    with connect(location) as conn:
        return {
            r.username: (r.display_name, Role(r.role), r.active)
            for r in conn.execute(
                sa.select(User.username, User.display_name, User.role, User.active)
            )
        }


def focus(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_a_supervisor_adds_a_user_and_changes_a_role_with_the_keyboard(
    qtbot: Any, dialog: UsersDialog, location: DatabaseLocation
) -> None:
    # Add: type the login and the name, choose the role, Enter.
    focus(qtbot, dialog.new_login)
    qtbot.keyClicks(dialog.new_login, "anna.b")
    qtbot.keyClick(dialog.new_login, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.new_name
    qtbot.keyClicks(dialog.new_name, "Anna Berg")
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.new_role
    qtbot.keyClick(dialog.new_role, Qt.Key.Key_Down)
    assert dialog.new_role.currentData() == Role.REGISTRAR.value
    qtbot.keyClick(dialog.new_role, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.add_button
    qtbot.keyClick(dialog.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "anna.b" in rows(dialog), timeout=OPEN_TIMEOUT_MS)
    assert rows(dialog)["anna.b"] == ("Anna Berg", Role.REGISTRAR.label, dialog.tr("Active"))
    assert "anna.b" in dialog.message.text()
    assert dialog.new_login.text() == ""
    assert saved(location)["anna.b"] == ("Anna Berg", Role.REGISTRAR, True)
    # The new user is chosen; their role is changed from the list with the keyboard.
    qtbot.waitUntil(dialog.chosen_box.isEnabled, timeout=OPEN_TIMEOUT_MS)
    focus(qtbot, dialog.list.view)
    qtbot.keyClick(dialog.list.view, Qt.Key.Key_Home)
    row = sorted(rows(dialog)).index("anna.b")
    for _ in range(row):
        qtbot.keyClick(dialog.list.view, Qt.Key.Key_Down)
    assert dialog.chosen_name.text() == "Anna Berg"
    qtbot.keyClick(dialog.list.view, Qt.Key.Key_Tab)  # the name
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # "Save name"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.chosen_role
    qtbot.keyClick(dialog.chosen_role, Qt.Key.Key_Down)
    assert dialog.chosen_role.currentData() == Role.SUPERVISOR.value
    qtbot.keyClick(dialog.chosen_role, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.role_button
    qtbot.keyClick(dialog.role_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: rows(dialog).get("anna.b", ("",) * 3)[1] == Role.SUPERVISOR.label,
        timeout=OPEN_TIMEOUT_MS,
    )
    assert saved(location)["anna.b"][1] is Role.SUPERVISOR
    with connect(location) as conn:
        actions = conn.execute(
            sa.select(AuditEvent.action)
            .where(AuditEvent.entity == users.USER_ENTITY)
            .order_by(AuditEvent.id)
        ).scalars()
        assert list(actions) == [AuditAction.CREATE, AuditAction.UPDATE]


def test_a_taken_login_is_refused_at_the_field(
    qtbot: Any, dialog: UsersDialog, location: DatabaseLocation
) -> None:
    before = saved(location)
    focus(qtbot, dialog.new_login)
    qtbot.keyClicks(dialog.new_login, "Kollega")
    qtbot.keyClick(dialog.new_login, Qt.Key.Key_Return)
    expected = ValidationError(users.MSG_LOGIN_TAKEN, username="kollega").message()
    qtbot.waitUntil(lambda: dialog.message.text() == expected, timeout=OPEN_TIMEOUT_MS)
    assert "a4000f" in dialog.message.styleSheet()  # shown as an error
    assert dialog.new_login.text() == "Kollega"  # nothing typed is lost
    assert dialog.isVisible()  # Enter did not close the dialog
    assert QApplication.focusWidget() is dialog.new_login
    assert saved(location) == before


def test_deactivating_asks_first_and_own_login_cannot_be_deactivated(
    qtbot: Any,
    dialog: UsersDialog,
    context: AppContext,
    location: DatabaseLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me = context.user
    assert me is not None
    names = sorted(rows(dialog))
    dialog.list.view.selectRow(names.index(me.username))
    assert not dialog.active_button.isEnabled()  # nobody deactivates themselves
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    dialog.list.view.selectRow(names.index("kollega"))
    assert dialog.active_button.isEnabled()
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)  # answered No
    assert saved(location)["kollega"][2]
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: rows(dialog).get("kollega", ("",) * 3)[2] == dialog.tr("Deactivated"),
        timeout=OPEN_TIMEOUT_MS,
    )
    assert not saved(location)["kollega"][2]
    qtbot.waitUntil(dialog.chosen_box.isEnabled, timeout=OPEN_TIMEOUT_MS)
    assert dialog.active_button.text() == dialog.tr("Reac&tivate")


def test_a_supervisor_who_gives_up_the_role_loses_the_supervisor_actions(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with transaction(location) as conn:  # someone stays supervisor
        conn.execute(sa.insert(User).values(username="kollega", role=Role.SUPERVISOR))
    open_and_wait(qtbot, context, location)
    monkeypatch.setattr(UsersDialog, "exec", UsersDialog.show)  # not modal in a test
    window.users_action.trigger()
    dialog = window.findChild(UsersDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.model.rowCount() == 2, timeout=OPEN_TIMEOUT_MS)
    me = context.user
    assert me is not None
    dialog.list.view.selectRow(sorted(rows(dialog)).index(me.username))
    dialog.chosen_role.setCurrentIndex(dialog.chosen_role.findData(Role.REGISTRAR.value))
    qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: context.user is not None and context.user.role is Role.REGISTRAR,
        timeout=OPEN_TIMEOUT_MS,
    )
    assert saved(location)[me.username][1] is Role.REGISTRAR
    for action in (window.users_action, window.topics_action, window.export_action):
        assert not action.isEnabled()
    assert not dialog.new_box.isEnabled() and not dialog.chosen_box.isEnabled()


def test_an_inactive_user_cannot_open_the_program(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    with transaction(location) as conn:
        conn.execute(sa.update(User).values(active=False))
    with qtbot.waitSignal(context.open_failed, timeout=OPEN_TIMEOUT_MS) as failed:
        window.ask_after_failure = lambda *_a: "keep"  # type: ignore[method-assign]
        context.open_database(location)
    error = failed.args[0]
    assert isinstance(error, users.UserInactive)
    assert location.login in error.message()
    assert context.database is None and context.user is None


def test_an_advisor_cannot_open_the_users(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    with transaction(location) as conn:  # the window's user is now an advisor
        conn.execute(
            sa.insert(User).values(username="chefen", display_name="Chefen", role=Role.SUPERVISOR)
        )
        conn.execute(
            sa.update(User).where(User.username == location.login).values(role=Role.ADVISOR)
        )
    open_and_wait(qtbot, context, location)
    assert context.user is not None and context.user.role is Role.ADVISOR
    assert not window.users_action.isEnabled()
    window.show_users_dialog()  # even if triggered: nothing opens
    assert window.findChild(UsersDialog) is None
