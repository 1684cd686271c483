"""Setting up a shared PostgreSQL database: server, user, password, Test connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.errors import KnownError
from kansli_desk.ui.tasks import TaskRunner
from kansli_desk.ui.widgets import name_widget

if TYPE_CHECKING:
    from kansli_desk.services.database import DatabaseLocation
    from kansli_desk.services.schema import SchemaState

DEFAULT_PORT = 5432


class ConnectionDialog(QDialog):
    """Ask for a PostgreSQL server, database, user and password.

    The password is only kept in the dialog's field; :meth:`result_values`
    hands it to the caller, who stores it in the keyring only if the user
    ticked "Remember".

    Attributes:
        host, port, database, user, password, remember: the input widgets.
        test_button: runs a read-only connection test in the background.
        result_label: says how the test went.
    """

    def __init__(
        self,
        runner: TaskRunner,
        current: DatabaseLocation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Connect to a shared database"))
        self._runner = runner
        self._testing = False
        intro = QLabel(
            self.tr(
                "Connect to the team's shared PostgreSQL database. The password is never "
                "written to the settings; tick the box to keep it in the system's keyring."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.host = QLineEdit(self)
        name_widget(self.host, "connectionHost", self.tr("Server"))
        self.host.setPlaceholderText("db.example.se")
        self.port = QSpinBox(self)
        name_widget(self.port, "connectionPort", self.tr("Port"))
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        name_widget(self.database, "connectionDatabase", self.tr("Database"))
        self.database.setPlaceholderText("kansli")
        self.user = QLineEdit(self)
        name_widget(self.user, "connectionUser", self.tr("User"))
        self.password = QLineEdit(self)
        name_widget(self.password, "connectionPassword", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember the password in the keyring"), self)
        name_widget(self.remember, "connectionRemember", self.tr("Remember the password"))
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        name_widget(self.test_button, "connectionTest", self.tr("Test connection"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("connectionResult")
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("connectionButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Connect"))
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self._test)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        if current is not None and not current.is_sqlite:
            self.host.setText(current.url.host or "")
            self.port.setValue(current.url.port or DEFAULT_PORT)
            self.database.setText(current.url.database or "")
            self.user.setText(current.url.username or "")

    def location(self) -> DatabaseLocation:
        """The location the fields describe.

        Raises:
            DatabaseError: a required field is empty.
        """
        from kansli_desk.services.database import postgres_location

        return postgres_location(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )

    def entered_password(self) -> str | None:
        return self.password.text() or None

    @Slot()
    def _accept_if_complete(self) -> None:
        try:
            self.location()
        except KnownError as exc:
            self._show_problem(exc)
            return
        self.accept()

    def _show_problem(self, error: KnownError) -> None:
        self.result_label.setText(error.message())
        widget = {"host": self.host, "database": self.database, "user": self.user}.get(
            error.field or ""
        )
        if widget is not None:
            widget.setFocus()

    @Slot()
    def _test(self) -> None:
        if self._testing:
            return
        try:
            location = self.location()
        except KnownError as exc:
            self._show_problem(exc)
            return
        password = self.entered_password()
        self._testing = True
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Connecting to {server}…").format(server=location.server))

        def job() -> SchemaState:
            from kansli_desk.services.database import check_connection

            return check_connection(location, password)

        self._runner.run(job, self._test_done, self._test_failed)

    def _test_done(self, state: SchemaState) -> None:
        from kansli_desk.services.schema import SCHEMA_HEAD, SchemaStatus

        self._testing = False
        self.test_button.setEnabled(True)
        texts = {
            SchemaStatus.EMPTY: self.tr(
                "The connection works. The database is empty; Kansli Desk prepares it "
                "when you connect."
            ),
            SchemaStatus.CURRENT: self.tr(
                "The connection works. The database is a Kansli Desk database (schema {rev})."
            ).format(rev=SCHEMA_HEAD),
            SchemaStatus.OUTDATED: self.tr(
                "The connection works. The database is upgraded from schema {old} to {rev} "
                "when you connect."
            ).format(old=state.revision, rev=SCHEMA_HEAD),
            SchemaStatus.NEWER: self.tr(
                "The connection works, but the database belongs to a newer version of "
                "Kansli Desk (schema {old}). Update the program first."
            ).format(old=state.revision),
            SchemaStatus.FOREIGN: self.tr(
                "The connection works, but the database holds another program's tables. "
                "Choose an empty database."
            ),
        }
        self.result_label.setText(texts[state.status])

    def _test_failed(self, error: BaseException) -> None:
        self._testing = False
        self.test_button.setEnabled(True)
        if isinstance(error, KnownError):
            self.result_label.setText(error.message())
        else:
            raise error
