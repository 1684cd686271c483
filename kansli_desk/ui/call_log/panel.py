"""The call log: quick entry, the list of calls with filters and search, callbacks.

``Ctrl+N`` (or *Nytt samtal*) opens the entry form above the list; saving or
cancelling closes it. The list is filtered in the database (period, topic,
outcome, advisor, open callbacks, full-text search in the notes), newest
first, loaded in batches. The callback queue beside it lists open callbacks,
soonest first, overdue ones marked; ``Ctrl+D`` marks the selected one done.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets  # date edits and message boxes are made when first needed
from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import Outcome
from kansli_desk.drafts import Draft, DraftStore
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.office_hours import OfficeHoursWatcher
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from kansli_desk.services.calls import CallbackRow, CallDetail, CallFilter, CallRow, TopicRow
    from kansli_desk.ui.call_log.call_form import CallForm

OVERDUE = QColor(255, 228, 225)
SEARCH_DELAY_MS = 250
QUEUE_LIMIT = 500


class CallLogPanel(QWidget):
    """The call log area.

    Signals:
        topics_changed(list): topics ticked in the call being logged.

    Attributes:
        new_button: starts a new call.
        search, period, date_from, date_to, topic_filter, outcome_filter,
        advisor_filter, open_callbacks: the filters.
        list: the call list (lazy model and view).
        queue: the callback queue.
        form: the entry form, created the first time it is needed.
    """

    topics_changed = Signal(list)

    def __init__(
        self,
        context: AppContext,
        office_hours: OfficeHoursWatcher,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callLogPanel")
        self._context = context
        self._office_hours = office_hours
        self._drafts = drafts if drafts is not None else DraftStore()
        self._topics: list[TopicRow] = []
        self.form: CallForm | None = None

        self.new_button = QPushButton(self.tr("&New call (Ctrl+N)"), self)
        name_widget(self.new_button, "callNewButton", self.tr("New call"))
        self.search = QLineEdit(self)
        name_widget(self.search, "callSearch", self.tr("Search the notes"))
        self.search.setPlaceholderText(self.tr("Search the notes…"))
        self.search.setClearButtonEnabled(True)
        self.period = QComboBox(self)
        name_widget(self.period, "callFilterPeriod", self.tr("Period"))
        for text, days in (
            (self.tr("All dates"), None),
            (self.tr("Today"), 0),
            (self.tr("Last 7 days"), 6),
            (self.tr("Last 30 days"), 29),
            (self.tr("Last 365 days"), 364),
            (self.tr("Chosen dates…"), -1),
        ):
            self.period.addItem(text, days)
        # From/to dates: made when "Chosen dates…" is first picked.
        self.date_from: QtWidgets.QDateEdit | None = None
        self.date_to: QtWidgets.QDateEdit | None = None
        self.topic_filter = QComboBox(self)
        name_widget(self.topic_filter, "callFilterTopic", self.tr("Topic"))
        self.topic_filter.addItem(self.tr("All topics"), None)
        self.outcome_filter = QComboBox(self)
        name_widget(self.outcome_filter, "callFilterOutcome", self.tr("Outcome"))
        self.outcome_filter.addItem(self.tr("All outcomes"), None)
        for outcome in Outcome:
            self.outcome_filter.addItem(outcome.label, outcome.value)
        self.advisor_filter = QComboBox(self)
        name_widget(self.advisor_filter, "callFilterAdvisor", self.tr("Advisor"))
        self.advisor_filter.addItem(self.tr("All advisors"), None)
        self.open_callbacks = QCheckBox(self.tr("Open &callbacks only"), self)
        name_widget(self.open_callbacks, "callFilterOpenCallbacks", self.tr("Open callbacks only"))

        columns: list[Column[CallRow]] = [
            Column(lambda: self.tr("Time"), lambda r: formatting.local_time(r.started_at)),
            Column(
                lambda: self.tr("Duration"),
                lambda r: formatting.duration(r.duration_seconds),
                align_right=True,
            ),
            Column(lambda: self.tr("Advisor"), lambda r: r.advisor),
            Column(lambda: self.tr("Caller"), lambda r: r.caller_kind.label),
            Column(
                lambda: self.tr("Topics"),
                lambda r: ", ".join(r.topics),
                tooltip=lambda r: "\n".join(r.topics),
            ),
            Column(lambda: self.tr("Outcome"), lambda r: r.outcome.label),
            Column(lambda: self.tr("Callback due"), self._callback_text),
            Column(lambda: self.tr("Identity number"), lambda r: r.person_masked),
        ]
        self.list: RegisterList[CallRow] = RegisterList(
            context.runner,
            columns,
            object_name="callList",
            accessible_name=self.tr("Call list"),
            footer_text=self._footer_text,
            column_widths=(125, 60, 130, 130, 220, 190, 125),
            highlight=self._highlight,
            parent=self,
        )
        queue_columns: list[Column[CallbackRow]] = [
            Column(lambda: self.tr("Due"), lambda r: formatting.local_time(r.due_at)),
            Column(lambda: self.tr("Phone"), lambda r: r.phone),
            Column(
                lambda: self.tr("Topics"),
                lambda r: ", ".join(r.topics),
                tooltip=lambda r: "\n".join(r.topics),
            ),
        ]
        self.queue: RegisterList[CallbackRow] = RegisterList(
            context.runner,
            queue_columns,
            object_name="callbackList",
            accessible_name=self.tr("Callback queue"),
            footer_text=self._queue_footer,
            column_widths=(115, 105),
            highlight=lambda r: OVERDUE if r.overdue else None,
            batch_size=QUEUE_LIMIT + 1,
            parent=self,
        )
        self.done_button = QPushButton(self.tr("Mark &done (Ctrl+D)"), self)
        name_widget(self.done_button, "callbackDone", self.tr("Mark the callback done"))
        queue_box = QWidget(self)
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_title = QLabel(self.tr("<b>Callbacks</b>, soonest first"), queue_box)
        queue_layout.addWidget(queue_title)
        queue_layout.addWidget(self.queue)
        queue_layout.addWidget(self.done_button)

        for box in (self.period, self.topic_filter, self.outcome_filter, self.advisor_filter):
            # Sized for a short name, not the longest entry: the bar must fit a laptop.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(6)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.search, 1)
        self._filters = filters = QHBoxLayout()
        for widget in (
            self.period,
            self.topic_filter,
            self.outcome_filter,
            self.advisor_filter,
            self.open_callbacks,
        ):
            stretch = 1 if isinstance(widget, QComboBox) else 0
            filters.addWidget(widget, stretch)
        lists = QSplitter(Qt.Orientation.Horizontal, self)
        lists.setObjectName("callListsSplitter")
        lists.addWidget(self.list)
        lists.addWidget(queue_box)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("callLogSplitter")
        self.splitter.addWidget(lists)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.period.currentIndexChanged.connect(self._period_changed)
        for box in (self.topic_filter, self.outcome_filter, self.advisor_filter):
            box.currentIndexChanged.connect(self.apply_filters)
        self.open_callbacks.toggled.connect(self.apply_filters)
        self.new_button.clicked.connect(self.new_call)
        self.list.view.activated.connect(self._open_call)
        self.done_button.clicked.connect(self.mark_done)
        done = QShortcut(QKeySequence("Ctrl+D"), self)
        done.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        done.activated.connect(self.mark_done)
        context.database_opened.connect(self._on_database_opened)

    # --- list ----------------------------------------------------------------------
    def _callback_text(self, row: CallRow) -> str:
        if row.callback_due_at is None:
            return ""
        text = formatting.local_time(row.callback_due_at)
        return self.tr("{due} (done)").format(due=text) if row.callback_done else text

    @staticmethod
    def _highlight(row: CallRow) -> QColor | None:
        overdue = (
            row.callback_due_at is not None
            and not row.callback_done
            and row.callback_due_at < dt.datetime.now(dt.UTC)
        )
        return OVERDUE if overdue else None

    def _footer_text(self, rows: int, loading: bool, more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading calls…")
        if rows == 0:
            return self.tr("No calls match.") if self._filtering() else self.tr("No calls yet.")
        if more:
            return self.tr("{count} calls shown; scroll down for more.").format(count=rows)
        return self.tr("All {count} calls shown.").format(count=rows)

    def _queue_footer(self, rows: int, loading: bool, more: bool) -> str:
        del more
        if loading and rows == 0:
            return ""
        if rows == 0:
            return self.tr("No open callbacks.")
        return self.tr("{count} open.").format(count=rows)

    def _filtering(self) -> bool:
        return bool(
            self.search.text().strip()
            or self.period.currentData() is not None
            or self.topic_filter.currentData() is not None
            or self.outcome_filter.currentData() is not None
            or self.advisor_filter.currentData() is not None
            or self.open_callbacks.isChecked()
        )

    def current_filter(self) -> dict[str, Any]:
        """The filters as plain values (the CallFilter is built on the database thread)."""
        today = dt.datetime.now(dt.UTC).astimezone(formatting.swedish_time()).date()
        days = self.period.currentData()
        date_from = date_to = None
        if days == -1 and self.date_from is not None and self.date_to is not None:
            date_from = self.date_from.date().toPython()
            date_to = self.date_to.date().toPython()
        elif days is not None:
            date_from, date_to = today - dt.timedelta(days=days), today
        outcome = self.outcome_filter.currentData()
        return {
            "date_from": date_from,
            "date_to": date_to,
            "topic_id": self.topic_filter.currentData(),
            "outcome": Outcome(outcome) if outcome else None,
            "advisor_id": self.advisor_filter.currentData(),
            "open_callbacks_only": self.open_callbacks.isChecked(),
            "text": self.search.text().strip(),
        }

    @Slot()
    def _period_changed(self) -> None:
        chosen = self.period.currentData() == -1
        if chosen and self.date_from is None:
            self._make_date_edits()
        for edit in (self.date_from, self.date_to):
            if edit is not None:
                edit.setVisible(chosen)
        self.apply_filters()

    def _make_date_edits(self) -> None:
        position = self._filters.indexOf(self.period) + 1
        edits = []
        for offset, (name, text) in enumerate(
            (("callFilterFrom", self.tr("From date")), ("callFilterTo", self.tr("To date")))
        ):
            edit = QtWidgets.QDateEdit(self)
            name_widget(edit, name, text)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            today = dt.datetime.now(dt.UTC).astimezone(formatting.swedish_time()).date()
            edit.setDate(QDate(today.year, today.month, today.day))
            edit.dateChanged.connect(self.apply_filters)
            self._filters.insertWidget(position + offset, edit)
            edits.append(edit)
        self.date_from, self.date_to = edits

    @Slot()
    def apply_filters(self) -> None:
        """Show the calls that match the filters (queried in the background)."""
        if self._context.database is None:
            return
        context, wanted = self._context, self.current_filter()

        def fetch(cursor: Any, limit: int) -> list[CallRow]:
            from kansli_desk.services.calls import CallFilter, list_calls_page

            filters: CallFilter = CallFilter(**wanted)
            return context.transactional(
                lambda session: list_calls_page(session, filters=filters, after=cursor, limit=limit)
            )()

        self.list.set_source(fetch)

    def reload_queue(self) -> None:
        if self._context.database is None:
            return
        context = self._context

        def fetch(cursor: Any, limit: int) -> list[CallbackRow]:
            del cursor, limit  # one page: the queue is short
            from kansli_desk.services.calls import callback_queue

            now = dt.datetime.now(dt.UTC)
            return context.transactional(
                lambda session: callback_queue(session, now=now, limit=QUEUE_LIMIT)
            )()

        self.queue.set_source(fetch)

    @Slot()
    def mark_done(self) -> None:
        """Mark the selected callback done (Ctrl+D)."""
        user = self._context.user
        rows = self.queue.view.selectionModel().selectedRows()
        index = rows[0] if rows else self.queue.view.currentIndex()
        if user is None or not index.isValid():
            return
        call_id = self.queue.model.row_at(index.row()).call_id

        def job(session: Any) -> None:
            from kansli_desk.services.calls import mark_callback_done

            mark_callback_done(session, user, call_id)

        self._context.db_job(job, lambda _none: self._refresh_after_change())

    def _refresh_after_change(self) -> None:
        self.apply_filters()
        self.reload_queue()

    # --- the database ----------------------------------------------------------------
    @Slot()
    def _on_database_opened(self) -> None:
        self.apply_filters()
        self.reload_queue()
        self.reload_choices(offer_drafts=True)

    @Slot()
    def reload_choices(self, *, offer_drafts: bool = False) -> None:
        """Read the topics and advisors again (the filters and the form offer them)."""

        def job(session: Any) -> tuple[list[TopicRow], list[tuple[int, str]]]:
            from kansli_desk.services.calls import advisors, list_topics

            return list_topics(session, include_retired=True), advisors(session)

        def done(result: tuple[list[TopicRow], list[tuple[int, str]]]) -> None:
            self._fill_choices(result)
            if offer_drafts:
                self.offer_drafts()

        self._context.db_job(job, done)

    def _fill_choices(self, result: tuple[list[TopicRow], list[tuple[int, str]]]) -> None:
        topics, people = result
        self._topics = topics
        for box, items in (
            (self.topic_filter, [(t.name, t.id) for t in topics]),
            (self.advisor_filter, [(name, uid) for uid, name in people]),
        ):
            box.blockSignals(True)
            chosen = box.currentData()
            while box.count() > 1:
                box.removeItem(1)
            for text, value in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.blockSignals(False)
        if self.form is not None:
            self.form.set_topics(topics)

    # --- entry -----------------------------------------------------------------------
    def _ensure_form(self) -> CallForm:
        if self.form is None:
            from kansli_desk.ui.call_log.call_form import CallForm

            self.form = CallForm(self._context, self._office_hours, self._drafts, self)
            self.form.set_topics(self._topics)
            self.form.finished.connect(self._form_finished)
            self.form.saved.connect(lambda _call_id: self._refresh_after_change())
            self.form.topics_changed.connect(self.topics_changed)
            if self._office_hours.status is not None:
                self.form.show_office_status(self._office_hours.status)
            self.splitter.insertWidget(0, self.form)
            self.splitter.setStretchFactor(0, 0)
            self.splitter.setStretchFactor(1, 1)
            self.form.hide()
        return self.form

    @Slot()
    def new_call(self) -> None:
        """Start logging a new call (or go back to the one being logged)."""
        if self._context.database is None:
            return
        form = self._ensure_form()
        if form.is_active and form.isVisible() and not form.is_blank():
            form.caller_kind.setFocus()
            return
        form.show()
        form.start_new()

    def offer_drafts(self) -> None:
        """Offer the calls left unsaved when the program last stopped."""
        for draft in self._drafts.load_all():
            if self.form is not None and self.form.is_active:
                return
            if self.ask_restore(draft):
                form = self._ensure_form()
                form.show()
                form.restore(draft)
                return
            self._drafts.discard(draft.key)

    def ask_restore(self, draft: Draft) -> bool:
        """Ask whether to continue an unsaved call (tests replace this)."""
        return ask_yes_no(
            self,
            self.tr("Unsaved call"),
            self.tr(
                "A call from {time} was not saved when Kansli Desk last stopped. "
                "Continue logging it?"
            ).format(time=formatting.local_time(_started_at(draft))),
            default_yes=True,
        )

    @Slot()
    def _form_finished(self) -> None:
        if self.form is not None:
            self.form.hide()
        self.list.view.setFocus()
        self.topics_changed.emit([])

    @Slot(QModelIndex)
    def _open_call(self, index: QModelIndex) -> None:
        """Enter or double-click on a call: open it for correction, with its history."""
        if not index.isValid():
            return
        form = self._ensure_form()
        if form.is_active and form.isVisible() and not form.is_blank():
            form.caller_kind.setFocus()
            return
        call_id = self.list.model.row_at(index.row()).id

        def job(session: Any) -> CallDetail:
            from kansli_desk.services.calls import get_call

            return get_call(session, call_id)

        def show(detail: CallDetail) -> None:
            form.show()
            form.edit(detail)

        self._context.db_job(job, show)

    def record_article(self, article_id: int, revision_id: int | None) -> None:
        """An article was opened: note it on the call being logged, if any."""
        if self.form is not None and self.form.is_active and self.form.isVisible():
            self.form.record_article(article_id, revision_id)


def _started_at(draft: Draft) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(str(draft.values["started_at"]))
    except (KeyError, ValueError):
        return draft.saved_at
