"""The offer of a newer shipped version of an article that was edited here.

Shipped articles update themselves on start unless someone edited them locally;
then the panel shows this bar instead of overwriting the edit. Supervisors see
the differences and choose: adopt the shipped text (a new revision; the local
one stays in the history) or keep the local one (not offered again until the
next shipped change).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kansli_desk import paths
from kansli_desk.errors import KnownError
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.knowledge.history import diff_html
from kansli_desk.ui.tasks import report_unexpected

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.services.article_edit import DiffLine

BAR_STYLE = (
    "QFrame#shippedUpdateBar { background: #e8f1fb; border: 1px solid #8fb4de;"
    " border-radius: 4px; }"
)


class ShippedUpdateBar(QFrame):
    """ "A newer shipped version exists" with Show differences / Adopt / Keep.

    Signals:
        changed(int): the article (id) was changed or the offer declined.
    """

    changed = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shippedUpdateBar")
        self.setStyleSheet(BAR_STYLE)
        self._context = context
        self._article: tuple[int, int] | None = None  # id, version
        self.text = QLabel(
            self.tr(
                "A newer shipped version of this article exists. It was not loaded, "
                "because the article has been edited here."
            ),
            self,
        )
        self.text.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show differences…"), self)
        self.show_button.setObjectName("shippedShow")
        self.adopt_button = QPushButton(self.tr("Use the shipped version"), self)
        self.adopt_button.setObjectName("shippedAdopt")
        self.keep_button = QPushButton(self.tr("Keep ours"), self)
        self.keep_button.setObjectName("shippedKeep")
        self.show_button.clicked.connect(self.show_differences)
        self.adopt_button.clicked.connect(self.adopt)
        self.keep_button.clicked.connect(self.keep)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.adopt_button)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()

    def offer(self, article_id: int, version: int, *, supervisor: bool) -> None:
        """Show the offer for this article; only supervisors may act on it."""
        self._article = (article_id, version)
        for button in (self.adopt_button, self.keep_button):
            button.setVisible(supervisor)
        self.show()

    def withdraw(self) -> None:
        self._article = None
        self.hide()

    @Slot()
    def show_differences(self) -> None:
        if self._article is None:
            return
        article_id = self._article[0]
        directory = paths.resource("knowledge")

        def job(session: Session) -> tuple[list[DiffLine], list[DiffLine]] | None:
            from kansli_desk.services.article_edit import shipped_difference

            return shipped_difference(session, article_id, directory)

        self._context.db_job(job, self._show_differences, self._failed)

    def _show_differences(self, diff: tuple[list[DiffLine], list[DiffLine]] | None) -> None:
        if diff is None:
            self.withdraw()
            return
        title, body = diff
        folded = self.tr("… {count} unchanged lines …")
        dialog = QDialog(self)
        dialog.setObjectName("shippedDifferences")
        dialog.setWindowTitle(self.tr("Ours and the shipped version"))
        text = QTextBrowser(dialog)
        text.setObjectName("shippedDifferencesText")
        text.setAccessibleName(self.tr("Differences"))
        text.setHtml(
            "<p>"
            + html.escape(self.tr("Removed lines are ours; added lines are the shipped version."))
            + "</p><h3>"
            + html.escape(self.tr("Title"))
            + "</h3>"
            + diff_html(title, folded)
            + "<h3>"
            + html.escape(self.tr("Text"))
            + "</h3>"
            + diff_html(body, folded)
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(close)
        dialog.resize(760, 560)
        dialog.show()

    @Slot()
    def adopt(self) -> None:
        """Replace our text with the shipped one (a new revision)."""
        self._act(adopt=True)

    @Slot()
    def keep(self) -> None:
        """Keep our text; the shipped version is not offered again."""
        self._act(adopt=False)

    def _act(self, *, adopt: bool) -> None:
        user = self._context.user
        if self._article is None or user is None:
            return
        article_id, version = self._article
        directory = paths.resource("knowledge")

        def job(session: Session) -> None:
            from kansli_desk.services import article_edit

            act = article_edit.adopt_shipped_version if adopt else article_edit.keep_local_version
            act(session, user, article_id, version, directory)

        def done(_none: None) -> None:
            self.withdraw()
            self.changed.emit(article_id)

        self._context.db_job(job, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, KnownError):
            report_unexpected(error)
            return
        QMessageBox.warning(self, self.tr("Knowledge article"), error.message())
