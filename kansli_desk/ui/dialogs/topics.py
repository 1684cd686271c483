"""Supervisors keep the call log's topic taxonomy: add a topic, retire one.

Topics are data (issue 3): a new topic is offered in the call form at once, a
retired one is no longer offered but stays on the calls that have it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
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

from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.services.calls import TopicRow

RETIRED_BACKGROUND = QColor("#ececec")


class TopicsDialog(QDialog):
    """The topic list with "Add" and "Retire" (supervisors; the service checks the role).

    Signals:
        topics_changed(): a topic was added or retired.

    Attributes:
        list: all topics, retired ones greyed out at the end of their order.
        name, description: the new topic's fields.
        add_button, retire_button: the two changes.
        message: the last result or error, in words.
    """

    topics_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicsDialog")
        self.setWindowTitle(self.tr("Call topics"))
        self._context = context
        intro = QLabel(
            self.tr(
                "Topics are offered in the call form. A retired topic is no longer offered "
                "but stays on the calls that have it."
            ),
            self,
        )
        intro.setWordWrap(True)
        columns: list[Column[TopicRow]] = [
            Column(lambda: self.tr("Topic"), lambda t: t.name),
            Column(
                lambda: self.tr("Status"),
                lambda t: self.tr("Retired") if t.retired else self.tr("In use"),
            ),
            Column(lambda: self.tr("Description"), lambda t: t.description),
        ]
        self.list: RegisterList[TopicRow] = RegisterList(
            context.runner,
            columns,
            object_name="topicList",
            accessible_name=self.tr("Call topics"),
            footer_text=self._footer_text,
            column_widths=(300, 90),
            highlight=lambda t: RETIRED_BACKGROUND if t.retired else None,
            parent=self,
        )
        self.retire_button = QPushButton(self.tr("&Retire the chosen topic…"), self)
        self.retire_button.setObjectName("topicRetire")
        self.retire_button.setEnabled(False)
        self.retire_button.clicked.connect(self.retire_selected)
        delete = QKeySequence(QKeySequence.StandardKey.Delete)
        QShortcut(delete, self.list.view, self.retire_selected)

        self.name = QLineEdit(self)
        name_widget(self.name, "topicName", self.tr("Name of the new topic"))
        self.name.setMaxLength(200)
        self.description = QLineEdit(self)
        name_widget(self.description, "topicDescription", self.tr("Description of the new topic"))
        self.description.setPlaceholderText(self.tr("What calls on this topic are about"))
        self.add_button = QPushButton(self.tr("&Add topic"), self)
        self.add_button.setObjectName("topicAdd")
        self.add_button.clicked.connect(self.add_topic)
        self.name.returnPressed.connect(self.add_topic)
        self.description.returnPressed.connect(self.add_topic)
        add_box = QGroupBox(self.tr("New topic"), self)
        form = QFormLayout(add_box)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Description:"), self.description)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        form.addRow(add_row)

        self.message = QLabel(self)
        self.message.setObjectName("topicMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        list_row = QHBoxLayout()
        list_row.addStretch(1)
        list_row.addWidget(self.retire_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(list_row)
        layout.addWidget(add_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(780, 580)
        self.list.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.reload()

    def _footer_text(self, rows: int, loading: bool, _more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading topics…")
        return self.tr("{count} topics.").format(count=rows)

    def reload(self) -> None:
        """Read the topics again (retired ones included)."""
        context = self._context
        if context.database is None:
            return

        def fetch(cursor: Any, limit: int) -> list[TopicRow]:
            del limit  # the taxonomy is a few dozen rows: one page
            if cursor is not None:
                return []
            from kansli_desk.services.calls import list_topics

            return context.transactional(
                lambda session: list_topics(session, include_retired=True)
            )()

        self.list.set_source(fetch)

    def _selected(self) -> TopicRow | None:
        rows = self.list.view.selectionModel().selectedRows()
        return self.list.model.row_at(rows[0].row()) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        topic = self._selected()
        self.retire_button.setEnabled(topic is not None and not topic.retired)

    @Slot()
    def add_topic(self) -> None:
        """Add the topic named in the fields."""
        user, name, description = self._context.user, self.name.text(), self.description.text()
        if user is None:
            return

        def job(session: Session) -> TopicRow:
            from kansli_desk.services.calls import add_topic

            return add_topic(session, user, name, description)

        self._context.db_job(job, self._added, self._failed)

    def _added(self, topic: TopicRow) -> None:
        self.name.clear()
        self.description.clear()
        self.name.setFocus()
        self._show(self.tr("Topic “{name}” added.").format(name=topic.name), error=False)
        self.reload()
        self.topics_changed.emit()

    @Slot()
    def retire_selected(self) -> None:
        """Retire the chosen topic, after asking."""
        topic, user = self._selected(), self._context.user
        if topic is None or topic.retired or user is None:
            return
        answer = ask_yes_no(
            self,
            self.tr("Retire topic"),
            self.tr(
                "Retire “{name}”? It is no longer offered for new calls; "
                "calls that have it keep it."
            ).format(name=topic.name),
        )
        if not answer:
            return
        topic_id = topic.id

        def job(session: Session) -> None:
            from kansli_desk.services.calls import retire_topic

            retire_topic(session, user, topic_id)

        def done(_none: None) -> None:
            self._show(self.tr("Topic “{name}” retired.").format(name=topic.name), error=False)
            self.reload()
            self.topics_changed.emit()

        self._context.db_job(job, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, KnownError):
            report_unexpected(error)
            return
        if isinstance(error, ValidationError) and error.field == "name":
            self.name.setFocus()
            self.name.selectAll()
        self._show(error.message(), error=True)

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a4000f;" if error else "")
