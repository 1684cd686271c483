"""Someone else saved the record first: both versions field by field, and a choice.

A save made with a stale version is refused by the service (``CallConflict``,
``FormConflict``); nothing is overwritten silently. The form that tried to save
reads the stored record again and opens this dialog with the fields that differ
(field, their saved value, your value). The user chooses:

* **Keep theirs**: the stored record is loaded into the form; what you typed is
  copied to the clipboard first, so nothing typed is lost;
* **Use mine**: your values are saved again on top of their version (a deliberate
  choice, recorded in the history like any save);
* **Cancel**: back to the form, your values still in it (nothing saved).

The dialog is window-modal and opened with ``open()``: the form gets the choice
from :attr:`ConflictDialog.choice` when ``finished`` is emitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.ui.widgets import name_widget

KEEP_THEIRS = "theirs"
USE_MINE = "mine"
CANCEL = "cancel"


@dataclass(frozen=True)
class Difference:
    """One field whose saved value differs from the user's."""

    field: str
    theirs: str
    yours: str


def differences(
    labels: Sequence[tuple[str, str]], theirs: dict[str, str], yours: dict[str, str]
) -> list[Difference]:
    """The fields (``labels``: key, shown name, in order) whose two values differ."""
    return [
        Difference(label, theirs.get(key, ""), yours.get(key, ""))
        for key, label in labels
        if theirs.get(key, "") != yours.get(key, "")
    ]


def copy_to_clipboard(title: str, rows: Sequence[Difference]) -> str:
    """Put the user's values of ``rows`` on the clipboard (as "field: value" lines)."""
    text = "\n".join([title, *(f"{row.field}: {row.yours}" for row in rows)])
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
    return text


class ConflictDialog(QDialog):
    """The two versions of a record side by side, and the user's choice.

    Attributes:
        table: one row per differing field: field, their saved value, your value.
        keep_theirs_button, use_mine_button, cancel_button: the three choices.
        choice: :data:`KEEP_THEIRS`, :data:`USE_MINE` or :data:`CANCEL` (Esc, closing).
    """

    def __init__(
        self,
        intro: str,
        rows: Sequence[Difference],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.choice = CANCEL
        self.rows = tuple(rows)
        self.intro = QLabel(intro, self)
        self.intro.setObjectName("conflictIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 3, self)
        name_widget(
            self.table, "conflictTable", self.tr("The fields that differ: theirs and yours")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Their saved value"), self.tr("Your value")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for index, row in enumerate(self.rows):
            for column, text in enumerate((row.field, row.theirs, row.yours)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        self.empty = QLabel(self.tr("The two versions have the same values."), self)
        self.empty.setObjectName("conflictSame")
        self.empty.setVisible(not self.rows)

        buttons = QDialogButtonBox(self)
        self.keep_theirs_button = QPushButton(self.tr("&Keep theirs"), self)
        name_widget(
            self.keep_theirs_button,
            "conflictKeepTheirs",
            self.tr("Keep theirs: load the saved version; your values go to the clipboard"),
        )
        self.use_mine_button = QPushButton(self.tr("&Use mine"), self)
        name_widget(
            self.use_mine_button,
            "conflictUseMine",
            self.tr("Use mine: save your values on top of their version"),
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        name_widget(self.cancel_button, "conflictCancel", self.tr("Cancel: go on editing"))
        buttons.addButton(self.keep_theirs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.use_mine_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.keep_theirs_button, self.use_mine_button):
            button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.keep_theirs_button.clicked.connect(lambda: self._choose(KEEP_THEIRS))
        self.use_mine_button.clicked.connect(lambda: self._choose(USE_MINE))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.setTabOrder(self.table, self.keep_theirs_button)
        self.setTabOrder(self.keep_theirs_button, self.use_mine_button)
        self.setTabOrder(self.use_mine_button, self.cancel_button)
        self.resize(760, 420)
        self.table.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        self.choice = CANCEL
        super().reject()
