"""Supervisors administer the users: add one, change a name or a role, deactivate.

The service checks every change (supervisors only, the last active supervisor
stays, nobody deactivates themselves) and records it in the audit log. On a
shared PostgreSQL database the list also shows whether each person's database
login is a member of the group role of their role; the program never creates
roles itself: a database administrator runs ``kansli-desk db grant``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import Role
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.services.db_roles import GROUP_ROLES
from kansli_desk.services.users import (
    DISPLAY_NAME_MAX_LENGTH,
    LOGIN_MAX_LENGTH,
    DbRoleStatus,
    UserAccount,
    UserInfo,
)
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

INACTIVE_BACKGROUND = QColor("#dedede")
MISSING_BACKGROUND = QColor("#fff4ce")
ERROR_STYLE = "color: #a4000f;"
GRANT_ROLE_NAMES: dict[Role, str] = {
    Role.ADVISOR: "rådgivare",
    Role.REGISTRAR: "registrator",
    Role.SUPERVISOR: "chef",
}
"""The role as ``kansli-desk db grant`` is told it (its Swedish name)."""


def grant_command(user: UserInfo) -> str:
    """The command a database administrator runs to give ``user`` their group role."""
    return f"kansli-desk db grant {user.username} {GRANT_ROLE_NAMES[user.role]}"


class UsersDialog(QDialog):
    """The users with "Add", "Save name", "Change role" and "Deactivate"/"Reactivate"
    (supervisors; the service checks the role).

    Signals:
        current_user_changed(): the supervisor changed their own role or name;
            :attr:`AppContext.user` holds the new one.

    Attributes:
        list: every user, by login; deactivated ones greyed out.
        database_note: on PostgreSQL, the chosen user's database login in words.
        chosen_box: the chosen user's name, role and state, with their buttons.
        new_box: the new user's fields (new_login, new_name, new_role) and add_button.
        message: the last result or error, in words.
    """

    current_user_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self._context = context
        database = context.database
        self._postgres = database is not None and not database.location.is_sqlite
        self._reselect: str | None = None
        text = self.tr(
            "A deactivated user can no longer open Kansli Desk; what they did keeps their "
            "name. The last active supervisor keeps the role, and nobody deactivates "
            "themselves."
        )
        if self._postgres:
            text += " " + self.tr(
                "On this shared database each person also needs a database login in the "
                "group role of their role: a database administrator runs "
                "“kansli-desk db grant LOGIN ROLE”."
            )
        intro = QLabel(text, self)
        intro.setWordWrap(True)

        columns: list[Column[UserAccount]] = [
            Column(lambda: self.tr("Login"), lambda a: a.user.username),
            Column(lambda: self.tr("Name"), lambda a: a.user.display_name),
            Column(lambda: self.tr("Role"), lambda a: a.user.role.label),
            Column(
                lambda: self.tr("Status"),
                lambda a: self.tr("Active") if a.user.active else self.tr("Deactivated"),
            ),
        ]
        if self._postgres:
            columns.append(
                Column(
                    lambda: self.tr("Database role"),
                    lambda a: self._db_role_text(a.db_role),
                    tooltip=self._db_role_note,
                )
            )
        self.list: RegisterList[UserAccount] = RegisterList(
            context.runner,
            columns,
            object_name="userList",
            accessible_name=self.tr("Users"),
            footer_text=self._footer_text,
            column_widths=(150, 200, 130, 100),
            highlight=self._highlight,
            parent=self,
        )
        list_label = QLabel(self.tr("&Users:"), self)
        list_label.setBuddy(self.list.view)
        self.database_note = QLabel(self)
        self.database_note.setObjectName("userDatabaseNote")
        self.database_note.setWordWrap(True)
        self.database_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_note.setVisible(self._postgres)

        # The chosen user.
        self.chosen_box = QGroupBox(self.tr("Chosen user"), self)
        self.chosen_box.setObjectName("userChosenBox")
        self.chosen_name = QLineEdit(self.chosen_box)
        name_widget(self.chosen_name, "userChosenName", self.tr("Name of the chosen user"))
        self.chosen_name.setMaxLength(DISPLAY_NAME_MAX_LENGTH)
        self.chosen_name.returnPressed.connect(self.save_name)
        self.save_name_button = self._button(self.tr("&Save name"), "userSaveName", self.save_name)
        self.chosen_role = self._role_box("userChosenRole", self.tr("Role of the chosen user"))
        self.role_button = self._button(self.tr("&Change role"), "userChangeRole", self.change_role)
        self.active_button = self._button(
            self.tr("&Deactivate…"), "userToggleActive", self.toggle_active
        )
        chosen = QFormLayout(self.chosen_box)
        chosen.addRow(
            self._label(self.tr("&Name:"), self.chosen_name),
            self._row(self.chosen_name, self.save_name_button),
        )
        chosen.addRow(
            self._label(self.tr("R&ole:"), self.chosen_role),
            self._row(self.chosen_role, self.role_button),
        )
        chosen.addRow(self._row(None, self.active_button))
        self.chosen_box.setEnabled(False)

        # A new user.
        new_box = self.new_box = QGroupBox(self.tr("New user"), self)
        self.new_login = QLineEdit(new_box)
        name_widget(self.new_login, "userNewLogin", self.tr("Login of the new user"))
        self.new_login.setMaxLength(LOGIN_MAX_LENGTH)
        self.new_login.setPlaceholderText(
            self.tr("Their database login")
            if self._postgres
            else self.tr("Their login on this computer")
        )
        self.new_name = QLineEdit(new_box)
        name_widget(self.new_name, "userNewName", self.tr("Name of the new user"))
        self.new_name.setMaxLength(DISPLAY_NAME_MAX_LENGTH)
        self.new_name.setPlaceholderText(self.tr("First and last name"))
        self.new_role = self._role_box("userNewRole", self.tr("Role of the new user"))
        self.add_button = self._button(self.tr("&Add user"), "userAdd", self.add_user)
        self.new_login.returnPressed.connect(self.add_user)
        self.new_name.returnPressed.connect(self.add_user)
        form = QFormLayout(new_box)
        form.addRow(self.tr("&Login:"), self.new_login)
        form.addRow(self.tr("Display na&me:"), self.new_name)
        form.addRow(
            self._label(self.tr("Rol&e:"), self.new_role),
            self._row(self.new_role, self.add_button),
        )

        self.message = QLabel(self)
        self.message.setObjectName("userMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # No default button: Enter in a field runs that field's action, never "Close".
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)

        boxes = QHBoxLayout()
        boxes.addWidget(self.chosen_box, 1)
        boxes.addWidget(new_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.database_note)
        layout.addLayout(boxes)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for before, after in (
            (self.list.view, self.chosen_name),
            (self.chosen_name, self.save_name_button),
            (self.save_name_button, self.chosen_role),
            (self.chosen_role, self.role_button),
            (self.role_button, self.active_button),
            (self.active_button, self.new_login),
            (self.new_login, self.new_name),
            (self.new_name, self.new_role),
            (self.new_role, self.add_button),
        ):
            QWidget.setTabOrder(before, after)
        self.resize(900, 640)
        self.list.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.list.model.batch_loaded.connect(self._after_load)
        self.list.view.setFocus()
        self.reload()

    # --- building ---------------------------------------------------------
    def _button(self, text: str, object_name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(object_name)
        button.setAutoDefault(False)  # Enter in a field runs that field's action only
        button.clicked.connect(slot)
        return button

    def _role_box(self, object_name: str, accessible_name: str) -> QComboBox:
        box = QComboBox(self)
        name_widget(box, object_name, accessible_name)
        for role in Role:
            box.addItem(role.label, role.value)
        return box

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A form label whose mnemonic moves to ``buddy`` (its row holds a button too)."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _row(self, field: QWidget | None, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        if field is not None:
            row.addWidget(field, 1)
        else:
            row.addStretch(1)
        row.addWidget(button)
        return row

    # --- the list -----------------------------------------------------------
    def _footer_text(self, rows: int, loading: bool, _more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading users…")
        return self.tr("{count} users.").format(count=rows)

    def _highlight(self, account: UserAccount) -> QColor | None:
        if not account.user.active:
            return INACTIVE_BACKGROUND
        if account.db_role not in (None, DbRoleStatus.MATCHES):
            return MISSING_BACKGROUND
        return None

    def _db_role_text(self, status: DbRoleStatus | None) -> str:
        texts = {
            DbRoleStatus.MATCHES: self.tr("Matches"),
            DbRoleStatus.NO_LOGIN: self.tr("No database login"),
            DbRoleStatus.MISSING: self.tr("Group role missing"),
            DbRoleStatus.OTHER_GROUP: self.tr("Also another role's group"),
            DbRoleStatus.SUPERUSER: self.tr("Superuser"),
        }
        return "" if status is None else texts[status]

    def _db_role_note(self, account: UserAccount) -> str:
        """The chosen user's database login in a sentence, with what to do about it."""
        status, user = account.db_role, account.user
        if status is None:
            return ""
        if status is DbRoleStatus.MATCHES:
            text = self.tr("The database login {login} is a member of {group}, as its role asks.")
        elif status is DbRoleStatus.SUPERUSER:
            text = self.tr(
                "The database login {login} is a superuser: the database does not restrict "
                "what it reads or changes."
            )
        else:
            problem = {
                DbRoleStatus.NO_LOGIN: self.tr("There is no database login {login}."),
                DbRoleStatus.MISSING: self.tr(
                    "The database login {login} is not a member of {group}."
                ),
                DbRoleStatus.OTHER_GROUP: self.tr(
                    "The database login {login} is also a member of another role's group "
                    "role, so the database allows more than its role."
                ),
            }[status]
            text = problem + " " + self.tr("A database administrator runs: {command}")
        return text.format(
            login=user.username, group=GROUP_ROLES[user.role], command=grant_command(user)
        )

    def reload(self) -> None:
        """Read the users again."""
        context = self._context
        if context.database is None or context.user is None:
            return
        user = context.user

        def fetch(cursor: Any, limit: int) -> list[UserAccount]:
            del limit  # a team: one page
            if cursor is not None:
                return []
            from kansli_desk.services.users import list_accounts

            return context.transactional(lambda session: list_accounts(session, user))()

        self.list.set_source(fetch)

    def _selected(self) -> UserAccount | None:
        rows = self.list.view.selectionModel().selectedRows()
        return self.list.model.row_at(rows[0].row()) if rows else None

    @Slot(int)
    def _after_load(self, rows: int) -> None:
        """Choose again the user that was just changed (or the first one)."""
        wanted, self._reselect = self._reselect, None
        model = self.list.model
        for row in range(rows):
            if model.row_at(row).user.username == wanted:
                self.list.view.selectRow(row)
                return
        if rows and self._selected() is None:
            self.list.view.selectRow(0)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        account = self._selected()
        self.chosen_box.setEnabled(account is not None)
        if account is None:
            self.chosen_box.setTitle(self.tr("Chosen user"))
            self.database_note.clear()
            return
        user = account.user
        self.chosen_box.setTitle(self.tr("Chosen user: {login}").format(login=user.username))
        self.chosen_name.setText(user.display_name)
        self.chosen_role.setCurrentIndex(self.chosen_role.findData(user.role.value))
        me = self._context.user
        yourself = me is not None and me.username == user.username
        self.active_button.setText(
            self.tr("&Deactivate…") if user.active else self.tr("Reac&tivate")
        )
        self.active_button.setEnabled(not (user.active and yourself))
        self.active_button.setToolTip(
            self.tr("You cannot deactivate your own login.") if user.active and yourself else ""
        )
        self.database_note.setText(self._db_role_note(account))

    # --- changes ----------------------------------------------------------
    def _run(
        self,
        job: Callable[[Session, UserInfo], UserInfo],
        done_text: Callable[[UserInfo], str],
        field: QLineEdit | None,
    ) -> None:
        """Run one change on the database thread, then show the outcome."""
        me = self._context.user
        if me is None or self._context.database is None:
            return

        def done(changed: UserInfo) -> None:
            self._show(done_text(changed), error=False)
            self._reselect = changed.username
            if changed.username == me.username:
                self._context.user = changed
                self.current_user_changed.emit()
                if changed.role is not Role.SUPERVISOR:
                    # No longer theirs to administer: the list stays as it was.
                    for widget in (self.list, self.chosen_box, self.new_box):
                        widget.setEnabled(False)
                    self._show(
                        done_text(changed)
                        + " "
                        + self.tr("You are no longer a supervisor; close this window."),
                        error=False,
                    )
                    return
            self.reload()

        self._context.db_job(
            lambda session: job(session, me), done, lambda e: self._failed(e, field)
        )

    @Slot()
    def add_user(self) -> None:
        """Add the user described in the "New user" fields."""
        login, name = self.new_login.text(), self.new_name.text()
        role = Role(self.new_role.currentData())

        def job(session: Session, me: UserInfo) -> UserInfo:
            from kansli_desk.services.users import add_user

            return add_user(session, me, login, name, role)

        def done_text(user: UserInfo) -> str:
            self.new_login.clear()
            self.new_name.clear()
            self.new_role.setCurrentIndex(0)
            self.new_login.setFocus()
            text = self.tr("User {login} added with the role {role}.")
            if self._postgres:
                text += " " + self.tr(
                    "A database administrator gives them their database login: {command}"
                )
            return text.format(
                login=user.username, role=user.role.label, command=grant_command(user)
            )

        self._run(job, done_text, self.new_login)

    @Slot()
    def save_name(self) -> None:
        """Give the chosen user the name in the field."""
        account = self._selected()
        if account is None:
            return
        login, name = account.user.username, self.chosen_name.text()

        def job(session: Session, me: UserInfo) -> UserInfo:
            from kansli_desk.services.users import set_display_name

            return set_display_name(session, me, login, name)

        self._run(
            job,
            lambda u: self.tr("The name of {login} is now “{name}”.").format(
                login=u.username, name=u.shown_name
            ),
            self.chosen_name,
        )

    @Slot()
    def change_role(self) -> None:
        """Give the chosen user the role chosen in the box."""
        account = self._selected()
        if account is None:
            return
        login, role = account.user.username, Role(self.chosen_role.currentData())
        if role is account.user.role:
            self._show(
                self.tr("{login} already has the role {role}.").format(
                    login=login, role=role.label
                ),
                error=False,
            )
            return

        def job(session: Session, me: UserInfo) -> UserInfo:
            from kansli_desk.services.users import set_role

            return set_role(session, me, login, role)

        def done_text(user: UserInfo) -> str:
            text = self.tr("{login} now has the role {role}.")
            if self._postgres:
                text += " " + self.tr(
                    "A database administrator moves their database login: {command}"
                )
            return text.format(
                login=user.username, role=user.role.label, command=grant_command(user)
            )

        self._run(job, done_text, None)

    @Slot()
    def toggle_active(self) -> None:
        """Deactivate the chosen user (after asking), or reactivate them."""
        account = self._selected()
        if account is None:
            return
        user = account.user
        login, active = user.username, not user.active
        if not active and not ask_yes_no(
            self,
            self.tr("Deactivate user"),
            self.tr(
                "Deactivate {login}? They can no longer open Kansli Desk until a supervisor "
                "reactivates them. What they did keeps their name."
            ).format(login=login),
        ):
            return

        def job(session: Session, me: UserInfo) -> UserInfo:
            from kansli_desk.services.users import set_active

            return set_active(session, me, login, active)

        self._run(
            job,
            lambda u: (
                self.tr("{login} is reactivated.")
                if u.active
                else self.tr("{login} is deactivated.")
            ).format(login=u.username),
            None,
        )

    def _failed(self, error: BaseException, field: QLineEdit | None) -> None:
        if not isinstance(error, KnownError):
            report_unexpected(error)
            return
        if isinstance(error, ValidationError) and field is not None:
            if error.field == "display_name":
                field = self.new_name if field is self.new_login else field
            field.setFocus()
            field.selectAll()
        self._show(error.message(), error=True)

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
