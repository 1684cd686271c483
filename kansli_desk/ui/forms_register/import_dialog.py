"""Importing the old form register from a CSV or XLSX file, from the GUI.

The same all-or-nothing import as ``kansli-desk import forms FILE``
(:mod:`kansli_desk.services.form_import`): the file is read and every row
checked first, off the GUI thread; the problems are listed by row and column
and nothing is imported; when every row holds, the clerk sees how many forms
the file has and imports them in one transaction.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.errors import KnownError
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import name_widget

if TYPE_CHECKING:
    from kansli_desk.core.age_access import AgeLimits
    from kansli_desk.services.form_import import CheckedFile

PROBLEMS_SHOWN = 2000
COLUMNS_HELP = (
    "typ; personnummer; initiativ; underskriftsdatum; mottagen; undertecknad; akut; "
    "bestallare; enhet; verksamhetschef; anteckning"
)


class FormImportDialog(QDialog):
    """Choose a file, see what is wrong or how many forms it holds, import them.

    Signals:
        imported(int): forms were registered (how many).

    Attributes:
        choose_button, import_button, close_button: the buttons.
        status: what was found.
        problems: each problem of the file: row, column and reason.
        checked: the file checked last, when every row holds.
    """

    imported = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formImportDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Import the old form register"))
        self._context = context
        self.checked: CheckedFile | None = None
        self._busy = False
        intro = QLabel(
            self.tr(
                "A CSV file (UTF-8, separated by “;” or “,”) or an XLSX file with a header row "
                "with these columns: {columns}. Every row is checked by the rules of a form "
                "entered by hand; if any row fails, nothing is imported."
            ).format(columns=COLUMNS_HELP),
            self,
        )
        intro.setObjectName("formImportIntro")
        intro.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("formImportStatus")
        self.status.setWordWrap(True)
        self.problems = QPlainTextEdit(self)
        name_widget(self.problems, "formImportProblems", self.tr("Problems found in the file"))
        self.problems.setReadOnly(True)
        self.problems.setTabChangesFocus(True)
        self.problems.hide()
        self.choose_button = QPushButton(self.tr("&Choose a file…"), self)
        name_widget(self.choose_button, "formImportChoose", self.tr("Choose the file to import"))
        self.import_button = QPushButton(self.tr("&Import"), self)
        name_widget(self.import_button, "formImportRun", self.tr("Import the forms"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        name_widget(self.close_button, "formImportClose", self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.ask_file)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.close)
        self.resize(760, 460)

    def _limits(self) -> AgeLimits:
        from kansli_desk.settings import access_age_limits

        return access_age_limits(self._context.settings)

    @Slot()
    def ask_file(self) -> None:
        path = self.ask_path()
        if path:
            self.check(Path(path))

    def ask_path(self) -> str:
        """The file to import, chosen in a file dialog (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the old form register"),
            str(Path.home()),
            self.tr("Registers (*.csv *.xlsx)"),
        )
        return path

    def check(self, path: Path) -> None:
        """Read and check every row (in the background; nothing is written)."""
        if self._busy:
            return
        self._busy = True
        self.checked = None
        self.import_button.setEnabled(False)
        self.problems.hide()
        self.status.setText(self.tr("Checking {file}…").format(file=path.name))
        limits = self._limits()

        def job() -> CheckedFile:
            from kansli_desk.services import form_import, forms

            return form_import.check_file(path, today=forms.today_in_sweden(), limits=limits)

        self._context.runner.run(job, self._checked, self._failed)

    def _checked(self, checked: CheckedFile) -> None:
        self._busy = False
        if checked.problems:
            rows = len({problem.row for problem in checked.problems})
            self.status.setText(
                "<b>"
                + self.tr("Nothing can be imported yet.")
                + "</b> "
                + self.tr("{rows} of the {total} rows in {file} break rules:").format(
                    rows=rows, total=checked.rows, file=html.escape(checked.name)
                )
            )
            self.problems.setPlainText(self.problem_lines(checked))
            self.problems.show()
            self.choose_button.setFocus()
            return
        self.checked = checked
        self.status.setText(
            self.tr("All {count} forms in {file} can be imported.").format(
                count=checked.rows, file=checked.name
            )
        )
        self.import_button.setEnabled(True)
        self.import_button.setFocus()

    def problem_lines(self, checked: CheckedFile) -> str:
        """One line per problem (the first ones, when there are very many)."""
        lines = []
        for problem in checked.problems[:PROBLEMS_SHOWN]:
            if problem.column:
                lines.append(
                    self.tr("Row {row}, column {column}: {reason}").format(
                        row=problem.row, column=problem.column, reason=problem.message()
                    )
                )
            else:
                lines.append(
                    self.tr("Row {row}: {reason}").format(row=problem.row, reason=problem.message())
                )
        rest = len(checked.problems) - PROBLEMS_SHOWN
        if rest > 0:
            lines.append(self.tr("… and {count} more problems.").format(count=rest))
        return "\n".join(lines)

    @Slot()
    def run_import(self) -> None:
        """Register every form of the checked file, in one transaction."""
        checked, user = self.checked, self._context.user
        if checked is None or user is None or self._busy or self._context.database is None:
            return
        self._busy = True
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Importing {count} forms…").format(count=checked.rows))

        def job(session: Any) -> tuple[int, str, str]:
            from kansli_desk.services.form_import import write_forms

            first, last = write_forms(session, user, checked.forms, source=checked.name)
            return len(checked.forms), first, last

        self._context.db_job(job, self._imported, self._failed)

    def _imported(self, result: tuple[int, str, str]) -> None:
        self._busy = False
        count, first, last = result
        self.checked = None
        self.status.setText(
            "<b>"
            + self.tr("Registered {count} forms ({first} to {last}).").format(
                count=count, first=first, last=last
            )
            + "</b>"
        )
        self.close_button.setFocus()
        self.imported.emit(count)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, KnownError):
            self.status.setText(error.message())
        else:
            report_unexpected(error)
            self.status.setText(self.tr("The file could not be imported."))
        self.choose_button.setFocus()
