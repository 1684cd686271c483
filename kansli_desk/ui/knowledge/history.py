"""An article's history (compare any two versions, restore one) and the overdue list.

Every saved version of an article is kept. The history lists them newest first;
choosing a version compares it with the one before, and any two can be chosen
to compare. The differences are shown line by line, added lines green with "+",
removed ones red with "−". A supervisor can restore an old version: that writes
a new version equal to it, so the history itself never changes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import Role
from kansli_desk.errors import KnownError
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.services.article_edit import (
        EditableArticle,
        OverdueRow,
        RevisionDiff,
        RevisionRow,
    )

ADDED_BACKGROUND = "#dcf5e3"
ADDED_TEXT = "#0b4a1f"
REMOVED_BACKGROUND = "#fbe0e0"
REMOVED_TEXT = "#7a1010"
CONTEXT_LINES = 3
"""Unchanged lines kept around a change; longer unchanged runs are folded."""
NUMBER_ROLE = Qt.ItemDataRole.UserRole


class ArticleHistoryDialog(QDialog):
    """The versions of one article, the differences between two, and restoring.

    Signals:
        restored(int): an old version of the article (its id) was restored.

    Attributes:
        revisions: the list of versions, newest first.
        compare_from, compare_to: the two versions compared.
        diff: the differences between them.
        restore_button: restores the version chosen in the list (supervisors).
        message: what happened (or went wrong) last.
    """

    restored = Signal(int)

    def __init__(self, context: AppContext, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHistory")
        self._context = context
        self._article_id = article_id
        self._version: int | None = None
        self._current: int | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Article history"))
        user = context.user
        self._may_restore = user is not None and user.role is Role.SUPERVISOR

        self.heading = QLabel(self.tr("Loading…"), self)
        self.heading.setObjectName("articleHistoryHeading")
        self.heading.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("articleHistoryMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        columns: list[Column[RevisionRow]] = [
            Column(lambda: self.tr("Version"), lambda r: str(r.number), align_right=True),
            Column(lambda: self.tr("Saved"), lambda r: formatting.local_time(r.created_at)),
            Column(lambda: self.tr("By"), self._author),
            Column(lambda: self.tr("Comment"), lambda r: r.comment),
        ]
        self.revisions: RegisterList[RevisionRow] = RegisterList(
            context.runner,
            columns,
            object_name="revisionList",
            accessible_name=self.tr("Versions of the article"),
            footer_text=self._footer_text,
            column_widths=(70, 140, 160),
            highlight=lambda r: QColor("#eef4ff") if r.current else None,
            parent=self,
        )
        self.compare_from = QComboBox(self)
        name_widget(self.compare_from, "revisionCompareFrom", self.tr("Compare from version"))
        self.compare_to = QComboBox(self)
        name_widget(self.compare_to, "revisionCompareTo", self.tr("Compare with version"))
        self.diff = QTextBrowser(self)
        name_widget(self.diff, "revisionDiff", self.tr("Differences between the two versions"))
        self.diff.setOpenLinks(False)
        self.restore_button = QPushButton(self.tr("&Restore this version…"), self)
        name_widget(self.restore_button, "revisionRestore", self.tr("Restore the chosen version"))
        self.restore_button.setVisible(self._may_restore)
        self.restore_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        name_widget(self.close_button, "articleHistoryClose", self.tr("Close"))
        for button in (self.restore_button, self.close_button):
            button.setAutoDefault(False)

        from_label = QLabel(self.tr("Compare &version"), self)
        from_label.setBuddy(self.compare_from)
        to_label = QLabel(self.tr("&with version"), self)
        to_label.setBuddy(self.compare_to)
        added, removed = html.escape(self.tr("added")), html.escape(self.tr("removed"))
        legend = QLabel(
            f'<span style="background-color:{ADDED_BACKGROUND}; color:{ADDED_TEXT};">'
            f"&nbsp;+ {added}&nbsp;</span>&nbsp; "
            f'<span style="background-color:{REMOVED_BACKGROUND}; color:{REMOVED_TEXT};">'
            f"&nbsp;− {removed}&nbsp;</span>",
            self,
        )
        legend.setObjectName("revisionLegend")
        compare = QHBoxLayout()
        compare.addWidget(from_label)
        compare.addWidget(self.compare_from)
        compare.addWidget(to_label)
        compare.addWidget(self.compare_to)
        compare.addStretch(1)
        compare.addWidget(legend)
        lower = QWidget(self)
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addLayout(compare)
        lower_box.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("articleHistorySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.revisions)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.revisions.view, self.compare_from)
        self.setTabOrder(self.compare_from, self.compare_to)
        self.setTabOrder(self.compare_to, self.diff)
        self.setTabOrder(self.diff, self.restore_button)
        self.setTabOrder(self.restore_button, self.close_button)

        self.revisions.model.batch_loaded.connect(self._rows_loaded)
        self.revisions.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.compare_from.activated.connect(self.compare)
        self.compare_to.activated.connect(self.compare)
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button.clicked.connect(self.accept)
        self.resize(900, 680)
        self.reload()

    # --- loading -------------------------------------------------------------------
    def _author(self, row: RevisionRow) -> str:
        return self.tr("Shipped version") if row.shipped else row.author

    def _footer_text(self, rows: int, loading: bool, more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading the versions…")
        if more:
            return ""
        if rows == 1:
            return self.tr("One version.")
        return self.tr("{count} versions.").format(count=rows)

    def reload(self) -> None:
        """Read the article and its versions again."""
        context, article_id = self._context, self._article_id

        def header(session: Session) -> EditableArticle:
            from kansli_desk.services.article_edit import load_for_edit

            return load_for_edit(session, article_id)

        def fetch(cursor: Any, limit: int) -> list[RevisionRow]:
            from kansli_desk.services.article_edit import list_revisions

            return context.transactional(
                lambda session: list_revisions(session, article_id, after=cursor, limit=limit)
            )()

        context.db_job(header, self._show_header, self._failed)
        self.revisions.set_source(fetch)

    def _show_header(self, article: EditableArticle) -> None:
        self._version = article.version
        self._current = article.revision
        self.setWindowTitle(self.tr("History – {title}").format(title=article.title))
        self.heading.setText(
            self.tr("<b>{title}</b><br>Current version: {revision}.").format(
                title=html.escape(article.title), revision=article.revision
            )
        )
        self._update_restore()

    @Slot(int)
    def _rows_loaded(self, count: int) -> None:
        """Offer the loaded versions for comparing; at first, the latest change."""
        model = self.revisions.model
        numbers = [model.row_at(row).number for row in range(count)]
        old_from, old_to = self.compare_from.currentData(), self.compare_to.currentData()
        for box in (self.compare_from, self.compare_to):
            box.blockSignals(True)
            box.clear()
            for number in numbers:
                box.addItem(str(number), number)
            box.blockSignals(False)
        if old_to is not None and old_to in numbers:  # a later batch: keep the pair shown
            self._select_pair(old_from, old_to, compare=False)
        elif numbers:
            self.revisions.view.selectRow(0)
            self.revisions.view.setFocus()
        else:
            self.diff.clear()

    def _select_pair(self, first: int | None, second: int, *, compare: bool = True) -> None:
        self.compare_from.setCurrentIndex(max(0, self.compare_from.findData(first)))
        self.compare_to.setCurrentIndex(max(0, self.compare_to.findData(second)))
        if compare:
            self.compare()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        model = self.revisions.model
        row = indexes[0].row()
        number = model.row_at(row).number
        previous = model.row_at(row + 1).number if row + 1 < model.rowCount() else number
        self._select_pair(previous, number)
        self._update_restore()

    def selected_number(self) -> int | None:
        """The version chosen in the list, or None."""
        rows = self.revisions.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.revisions.model.row_at(rows[0].row()).number

    def _update_restore(self) -> None:
        number = self.selected_number()
        self.restore_button.setEnabled(
            self._may_restore
            and not self._busy
            and number is not None
            and self._version is not None
            and number != self._current
        )

    # --- comparing -----------------------------------------------------------------
    @Slot()
    def compare(self) -> None:
        """Show the differences between the two chosen versions."""
        old, new = self.compare_from.currentData(), self.compare_to.currentData()
        if old is None or new is None:
            return
        article_id = self._article_id

        def job(session: Session) -> RevisionDiff:
            from kansli_desk.services.article_edit import compare_revisions

            return compare_revisions(session, article_id, int(old), int(new))

        self._context.db_job(job, self._show_diff, self._failed)

    def _show_diff(self, diff: RevisionDiff) -> None:
        if (diff.old, diff.new) != (
            self.compare_from.currentData(),
            self.compare_to.currentData(),
        ):
            return  # the user has chosen another pair meanwhile
        if diff.old == diff.new:
            intro = self.tr("Version {number} compared with itself.").format(number=diff.new)
        else:
            intro = self.tr("From version {old} to version {new}.").format(
                old=diff.old, new=diff.new
            )
        if not diff.changed:
            intro += " " + self.tr("The two versions are the same.")
        parts = [f"<p>{html.escape(intro)}</p>"]
        for heading, lines in (
            (self.tr("Title"), diff.title),
            (self.tr("Sources"), diff.sources),
            (self.tr("Text"), diff.body),
        ):
            parts.append(f"<h3>{html.escape(heading)}</h3>")
            parts.append(diff_html(lines, self.tr("… {count} unchanged lines …")))
        self.diff.setHtml("".join(parts))

    # --- restoring -----------------------------------------------------------------
    @Slot()
    def restore_selected(self) -> None:
        """Restore the version chosen in the list, after asking."""
        number = self.selected_number()
        user, version = self._context.user, self._version
        if number is None or user is None or version is None or self._busy:
            return
        if not self.confirm_restore(number):
            return
        article_id = self._article_id

        def job(session: Session) -> int:
            from kansli_desk.services.article_edit import restore_revision

            return restore_revision(session, user, article_id, number, version)

        self._busy = True
        self._update_restore()
        self._context.db_job(job, lambda new: self._restored(number, new), self._restore_failed)

    def confirm_restore(self, number: int) -> bool:
        """Ask before restoring (tests replace this)."""
        return ask_yes_no(
            self,
            self.tr("Restore a version"),
            self.tr(
                "Make version {number} the current text again? It is saved as a new version; "
                "nothing in the history is lost."
            ).format(number=number),
        )

    def _restored(self, number: int, new: int) -> None:
        self._busy = False
        self._show_message(
            self.tr("Version {number} was restored as version {new}.").format(
                number=number, new=new
            ),
            error=False,
        )
        self.compare_from.clear()
        self.compare_to.clear()
        self.reload()
        self.restored.emit(self._article_id)

    def _restore_failed(self, error: BaseException) -> None:
        from kansli_desk.services.article_edit import ArticleConflict

        self._busy = False
        if isinstance(error, ArticleConflict):
            self._show_message(
                self.tr(
                    "Someone else saved the article just now, so nothing was restored. "
                    "The list shows their version; choose again."
                )
            )
            self.reload()
            return
        self._failed(error)
        self._update_restore()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._show_message(error.message())
        else:
            report_unexpected(error)

    def _show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet("color: #a00000;" if error else "color: #0b4a1f;")
        self.message.setText(text)
        self.message.show()


def diff_html(lines: Sequence[tuple[str, str]], folded: str) -> str:
    """Diff lines as HTML: added green with "+", removed red with "−", text escaped.

    Runs of unchanged lines longer than twice :data:`CONTEXT_LINES` are folded
    into one line saying how many were left out (``folded`` with ``{count}``).
    """
    keep = [False] * len(lines)
    for index, (kind, _text) in enumerate(lines):
        if kind != "same":
            low, high = max(0, index - CONTEXT_LINES), min(len(lines), index + CONTEXT_LINES + 1)
            for near in range(low, high):
                keep[near] = True
    if not any(kind != "same" for kind, _ in lines):
        keep = [True] * len(lines)
    rows: list[str] = []
    skipped = 0
    for (kind, text), shown in zip(lines, keep, strict=True):
        if not shown:
            skipped += 1
            continue
        if skipped:
            rows.append(_line("same", folded.format(count=skipped), note=True))
            skipped = 0
        rows.append(_line(kind, text))
    if skipped:
        rows.append(_line("same", folded.format(count=skipped), note=True))
    return "".join(rows)


def _line(kind: str, text: str, *, note: bool = False) -> str:
    style = "margin:0; white-space:pre-wrap; font-family:monospace;"
    if kind == "added":
        style += f" background-color:{ADDED_BACKGROUND}; color:{ADDED_TEXT};"
        sign = "+ "
    elif kind == "removed":
        style += f" background-color:{REMOVED_BACKGROUND}; color:{REMOVED_TEXT};"
        sign = "− "
    else:
        sign = "  "
    if note:
        style += " color:#777777; font-style:italic;"
    return f'<p style="{style}">{html.escape(sign + text)}</p>'


class OverdueArticlesDialog(QDialog):
    """The articles past their review date, most overdue first.

    Signals:
        article_requested(int): the user chose an article (Enter or double-click).

    Attributes:
        list: the overdue articles.
    """

    article_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overdueArticles")
        self.setWindowTitle(self.tr("Articles to review"))
        self._context = context
        intro = QLabel(
            self.tr(
                "These articles are past their review date. Check each against its sources, "
                "then save it with “Mark as reviewed today”."
            ),
            self,
        )
        intro.setWordWrap(True)
        columns: list[Column[OverdueRow]] = [
            Column(lambda: self.tr("Article"), lambda r: r.title),
            Column(lambda: self.tr("Owner"), lambda r: r.owner),
            Column(lambda: self.tr("Last reviewed"), lambda r: formatting.date(r.last_reviewed_on)),
            Column(lambda: self.tr("Overdue"), self._overdue_text, align_right=True),
        ]
        self.list: RegisterList[OverdueRow] = RegisterList(
            context.runner,
            columns,
            object_name="overdueList",
            accessible_name=self.tr("Articles past their review date"),
            footer_text=self._footer_text,
            column_widths=(330, 160, 110),
            parent=self,
        )
        self.open_button = QPushButton(self.tr("&Open"), self)
        name_widget(self.open_button, "overdueOpen", self.tr("Open the chosen article"))
        self.close_button = QPushButton(self.tr("Close"), self)
        name_widget(self.close_button, "overdueClose", self.tr("Close"))
        for button in (self.open_button, self.close_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.view.activated.connect(self._activated)
        self.list.model.batch_loaded.connect(self._rows_loaded)
        self.open_button.clicked.connect(self.open_selected)
        self.close_button.clicked.connect(self.accept)
        self.resize(820, 460)
        self.reload()

    def _overdue_text(self, row: OverdueRow) -> str:
        if row.days_overdue is None:
            return self.tr("never reviewed")
        return self.tr("{days} days").format(days=row.days_overdue)

    def _footer_text(self, rows: int, loading: bool, more: bool) -> str:
        del more
        if loading and rows == 0:
            return self.tr("Loading…")
        if rows == 0:
            return self.tr("Every article has been reviewed in time.")
        if rows == 1:
            return self.tr("One article to review.")
        return self.tr("{count} articles to review.").format(count=rows)

    def reload(self) -> None:
        """Read the list again (after an article was reviewed)."""
        context = self._context

        def fetch(cursor: Any, limit: int) -> list[OverdueRow]:
            del limit  # one page: the list is short and sorted in Python
            if cursor is not None:
                return []
            from kansli_desk.services.article_edit import overdue_articles

            return context.transactional(overdue_articles)()

        self.list.set_source(fetch)

    @Slot(int)
    def _rows_loaded(self, count: int) -> None:
        if count and not self.list.view.selectionModel().hasSelection():
            self.list.view.selectRow(0)
            self.list.view.setFocus()

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_requested.emit(self.list.model.row_at(index.row()).id)

    @Slot()
    def open_selected(self) -> None:
        """Ask for the article chosen in the list."""
        rows = self.list.view.selectionModel().selectedRows()
        if rows:
            self.article_requested.emit(self.list.model.row_at(rows[0].row()).id)
