"""Asking for a database password when the server wants one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.ui.widgets import name_widget


class PasswordDialog(QDialog):
    """Password field and "remember in keyring" box.

    Attributes:
        password: the (masked) password field.
        remember: whether to keep it in the keyring.
    """

    def __init__(self, message: str, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Database password"))
        text = QLabel(message, self)
        text.setWordWrap(True)
        self.password = QLineEdit(self)
        name_widget(
            self.password, "passwordField", self.tr("Password for {where}").format(where=where)
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember the password in the keyring"), self)
        name_widget(self.remember, "passwordRemember", self.tr("Remember the password"))
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    @classmethod
    def ask(cls, message: str, where: str, parent: QWidget | None) -> tuple[str, bool] | None:
        """Show the dialog; the password and the "remember" choice, or None if cancelled."""
        dialog = cls(message, where, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
            return None
        return dialog.password.text(), dialog.remember.isChecked()
