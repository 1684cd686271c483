"""Quick entry of a call while it is going on: timer, fields, keyboard, drafts.

The whole record can be filled in and saved with the keyboard: Tab moves from
field to field, Space ticks topics, Ctrl+S or Ctrl+Enter saves, Esc asks before
throwing the call away. Every change is written to a draft on disk at once
(:mod:`kansli_desk.drafts`), so nothing typed is lost if the program or the
machine dies. Validation happens in the service layer; its messages are shown
at the field they concern.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import CallerKind, Outcome
from kansli_desk.drafts import Draft, DraftStore
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.office_hours import OfficeHoursWatcher
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from kansli_desk.core.office_hours import OfficeStatus
    from kansli_desk.services.calls import CallDetail, TopicRow

NOTES_MAX_LENGTH = 2000  # kansli_desk.models.calls.NOTES_MAX_LENGTH (not imported: SQLAlchemy)
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole
FIELDS = (
    "caller_kind",
    "topic_ids",
    "outcome",
    "notes",
    "person_number",
    "callback_phone",
    "callback_due_at",
    "form_registry_number",
    "duration_seconds",
)


class CallForm(QWidget):
    """One call being logged or edited.

    Signals:
        finished(): the call was saved or thrown away; the form may be hidden.
        saved(int): the id of the call just saved.
        topics_changed(list): the ids of the topics now ticked.

    Attributes:
        caller_kind, topics, outcome, notes, person_number, callback_wanted,
        callback_phone, callback_due, form_link, duration: the input widgets.
        timer_label: the running time of the call.
        errors: an error label under each field, by CallInput field name.
    """

    finished = Signal()
    saved = Signal(int)
    topics_changed = Signal(list)

    def __init__(
        self,
        context: AppContext,
        office_hours: OfficeHoursWatcher,
        drafts: DraftStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callForm")
        self._context = context
        self._office_hours = office_hours
        self._drafts = drafts
        self._key: str | None = None
        self._call_id: int | None = None
        self._version: int | None = None
        self._started_at = dt.datetime.now(dt.UTC)
        self._duration_manual = False
        self._person_number = ""  # normalised, or what was typed when invalid
        self._person_untouched = False  # editing: the stored number is kept as it is
        self._article_views: list[tuple[int, int | None, str]] = []
        self._topic_rows: list[TopicRow] = []
        self._loading = False
        self._saving = False
        self.conflict_dialog: Any = None  # open while the user chooses
        self._build()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_timer)
        office_hours.changed.connect(self.show_office_status)

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("callFormTitle")
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("callTimer")
        self.office_label = QLabel(self)
        self.office_label.setObjectName("callOfficeStatus")
        self.route_label = QLabel(self._office_hours.out_of_hours_route(), self)
        self.route_label.setObjectName("callOutOfHours")
        self.route_label.setWordWrap(True)
        self.route_label.setStyleSheet("background: #fff4d6; padding: 4px; border-radius: 3px;")
        self.route_label.hide()
        self.message = QLabel(self)
        self.message.setObjectName("callFormMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00000;")
        self.message.hide()

        self.caller_kind = QComboBox(self)
        name_widget(self.caller_kind, "callCallerKind", self.tr("Caller"))
        for kind in CallerKind:
            self.caller_kind.addItem(kind.label, kind.value)
        self.caller_kind.setPlaceholderText(self.tr("Choose…"))
        self.topics = QListWidget(self)
        name_widget(self.topics, "callTopics", self.tr("Topics"))
        self.topics.setToolTip(self.tr("Space ticks or unticks the topic under the cursor."))
        self.outcome = QComboBox(self)
        name_widget(self.outcome, "callOutcome", self.tr("Outcome"))
        for outcome in Outcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.outcome.setPlaceholderText(self.tr("Choose…"))
        self.notes = QPlainTextEdit(self)
        name_widget(self.notes, "callNotes", self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What the call was about, in a few words."))
        self.notes_reminder = QLabel(
            self.tr("No medical details: write what was asked and answered, not about health."),
            self,
        )
        self.notes_reminder.setObjectName("callNotesReminder")
        self.notes_reminder.setWordWrap(True)
        self.notes_count = QLabel(self)
        self.notes_count.setObjectName("callNotesCount")
        self.person_number = QLineEdit(self)
        name_widget(self.person_number, "callPersonNumber", self.tr("Identity number (optional)"))
        self.person_number.setPlaceholderText(self.tr("YYYYMMDD-NNNN, only if needed"))
        self.callback_wanted = QCheckBox(self.tr("Call &back"), self)
        name_widget(self.callback_wanted, "callCallbackWanted", self.tr("Call back"))
        self.callback_phone = QLineEdit(self)
        name_widget(self.callback_phone, "callCallbackPhone", self.tr("Phone number to call back"))
        self.callback_phone.setPlaceholderText("070-123 45 67")
        self.callback_due = QDateTimeEdit(self)
        name_widget(self.callback_due, "callCallbackDue", self.tr("Call back at the latest"))
        self.callback_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback_due.setCalendarPopup(True)
        self.form_link = QLineEdit(self)
        name_widget(self.form_link, "callFormLink", self.tr("Linked form (registry number)"))
        self.form_link.setPlaceholderText(self.tr("KD-2026-00042 (optional)"))
        self.duration = QTimeEdit(self)
        name_widget(self.duration, "callDuration", self.tr("Duration"))
        self.duration.setDisplayFormat("H:mm:ss")
        self.duration.setToolTip(self.tr("Follows the timer; correct it if needed."))
        self.history = QListWidget(self)
        name_widget(self.history, "callHistory", self.tr("Changes to this call"))
        self.history.hide()
        self.save_button = QPushButton(self.tr("&Save (Ctrl+S)"), self)
        name_widget(self.save_button, "callSave", self.tr("Save the call"))
        self.discard_button = QPushButton(self.tr("Cancel (Esc)"), self)
        name_widget(self.discard_button, "callDiscard", self.tr("Cancel the call"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.discard_button.setAutoDefault(False)

        self.errors: dict[str, QLabel] = {}
        for field in FIELDS:
            label = QLabel(self)
            label.setObjectName(f"callError_{field}")
            label.setWordWrap(True)
            label.setStyleSheet("color: #a00000;")
            label.hide()
            self.errors[field] = label

        left = QFormLayout()
        left.addRow(
            self._label(self.tr("&Caller:"), self.caller_kind),
            self._with_error(self.caller_kind, "caller_kind"),
        )
        left.addRow(
            self._label(self.tr("&Topics:"), self.topics),
            self._with_error(self.topics, "topic_ids"),
        )
        left.addRow(
            self._label(self.tr("&Outcome:"), self.outcome),
            self._with_error(self.outcome, "outcome"),
        )
        right = QFormLayout()
        notes_box = QVBoxLayout()
        notes_box.setContentsMargins(0, 0, 0, 0)
        notes_box.addWidget(self.notes)
        notes_footer = QHBoxLayout()
        notes_footer.addWidget(self.notes_reminder, 1)
        notes_footer.addWidget(self.notes_count)
        notes_box.addLayout(notes_footer)
        notes_box.addWidget(self.errors["notes"])
        right.addRow(self._label(self.tr("&Notes:"), self.notes), notes_box)
        right.addRow(
            self._label(self.tr("&Identity no.:"), self.person_number),
            self._with_error(self.person_number, "person_number"),
        )
        callback = QHBoxLayout()
        callback.addWidget(self.callback_wanted)
        self.callback_phone.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("070-123 45 67 ") + 16
        )
        callback.addWidget(self.callback_phone, 2)
        callback.addWidget(self.callback_due, 1)
        callback_box = QVBoxLayout()
        callback_box.addLayout(callback)
        callback_box.addWidget(self.errors["callback_phone"])
        callback_box.addWidget(self.errors["callback_due_at"])
        right.addRow(self.tr("Callback:"), callback_box)
        right.addRow(
            self._label(self.tr("&Form:"), self.form_link),
            self._with_error(self.form_link, "form_registry_number"),
        )
        right.addRow(
            self._label(self.tr("D&uration:"), self.duration),
            self._with_error(self.duration, "duration_seconds"),
        )

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.timer_label)
        header.addStretch(1)
        header.addWidget(self.office_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.history, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.route_label)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addLayout(buttons)

        order = [
            self.caller_kind, self.topics, self.outcome, self.notes, self.person_number,
            self.callback_wanted, self.callback_phone, self.callback_due, self.form_link,
            self.duration, self.save_button, self.discard_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence("Esc"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.request_close)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.request_close)

        self.caller_kind.currentIndexChanged.connect(self._changed)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.topics.itemChanged.connect(self._topics_ticked)
        self.notes.textChanged.connect(self._notes_changed)
        self.person_number.textEdited.connect(self._person_edited)
        self.person_number.editingFinished.connect(self._check_person_number)
        self.callback_wanted.toggled.connect(self._callback_toggled)
        self.callback_phone.textChanged.connect(self._changed)
        self.callback_due.dateTimeChanged.connect(self._changed)
        self.form_link.textChanged.connect(self._changed)
        self.duration.timeChanged.connect(self._duration_edited)
        self._callback_toggled(False)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A field label whose Alt+letter moves to the field."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _with_error(self, widget: QWidget, field: str) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(self.errors[field])
        return box

    # --- starting, restoring, editing ------------------------------------------------
    def set_topics(self, rows: list[TopicRow]) -> None:
        """The topics to offer (active ones; retired ones only on calls that have them)."""
        self._topic_rows = list(rows)
        self._fill_topics(set(self.topic_ids()))

    def _fill_topics(self, ticked: set[int], keep_retired: set[int] | None = None) -> None:
        loading, self._loading = self._loading, True
        self.topics.clear()
        for row in self._topic_rows:
            if row.retired and row.id not in (keep_retired or set()) and row.id not in ticked:
                continue
            name = (
                row.name if not row.retired else self.tr("{name} (retired)").format(name=row.name)
            )
            item = QListWidgetItem(name, self.topics)
            item.setData(TOPIC_ID_ROLE, row.id)
            item.setToolTip(row.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id in ticked else Qt.CheckState.Unchecked
            )
        if self.topics.count():
            self.topics.setCurrentRow(0)
        self._loading = loading

    def start_new(self) -> None:
        """A new call: start time now, the timer running, the cursor in the first field."""
        self._reset()
        self._key = self._drafts.new_key()
        self._started_at = dt.datetime.now(dt.UTC)
        self.title.setText(self.tr("<b>New call</b> from {time}").format(
            time=formatting.clock(self._started_at)))  # fmt: skip
        self._tick.start()
        self._update_timer()
        self.caller_kind.setFocus()

    def restore(self, draft: Draft) -> None:
        """Continue a call from its draft (after a crash)."""
        self._reset()
        self._key = draft.key
        self._load_values(draft.values)
        self._duration_manual = True  # the call is over: keep the time it had
        self.title.setText(
            self.tr("<b>Unsaved call</b> from {time} (restored)").format(
                time=formatting.local_time(self._started_at)
            )
        )
        self._update_timer()
        self.caller_kind.setFocus()
        self._save_draft()

    def edit(self, detail: CallDetail) -> None:
        """Correct a saved call; its history is shown under the fields."""
        self._reset()
        self._key = self._drafts.new_key()
        self._call_id = detail.id
        self._version = detail.version
        self._started_at = detail.started_at
        self._loading = True
        self._select(self.caller_kind, detail.caller_kind.value)
        self._select(self.outcome, detail.outcome.value)
        self._fill_topics(set(detail.topic_ids), keep_retired=set(detail.topic_ids))
        self.notes.setPlainText(detail.notes)
        self.person_number.setText(detail.person_masked)
        self._person_number = ""
        self._person_untouched = bool(detail.person_masked)
        if detail.callback_due_at is not None or detail.callback_phone:
            self.callback_wanted.setChecked(True)
            self.callback_phone.setText(detail.callback_phone or "")
            if detail.callback_due_at is not None:
                self.callback_due.setDateTime(_qdatetime(detail.callback_due_at))
        self.form_link.setText(detail.form_registry_number or "")
        self._duration_manual = True
        self.duration.setTime(_qtime(detail.duration_seconds or 0))
        self._loading = False
        self.title.setText(
            self.tr("<b>Call</b> {time}, {advisor}").format(
                time=formatting.local_time(detail.started_at), advisor=detail.advisor
            )
        )
        self.timer_label.clear()
        self.history.clear()
        for change in detail.history:
            self.history.addItem(self._history_line(change))
        self.history.setVisible(bool(detail.history))
        self.caller_kind.setFocus()

    def _history_line(self, change: Any) -> str:
        """One line of a call's history, in words."""
        who = change.shown_name or change.username
        when = formatting.local_time(change.at)
        if not change.field:
            return self.tr("{time} {user}: logged the call").format(time=when, user=who)
        labels = {
            "caller_kind": self.tr("caller"),
            "topic_ids": self.tr("topics"),
            "outcome": self.tr("outcome"),
            "notes": self.tr("notes"),
            "person_number": self.tr("identity number"),
            "callback_phone": self.tr("callback phone"),
            "callback_due_at": self.tr("callback due"),
            "callback_done_at": self.tr("callback done"),
            "form_registry_number": self.tr("linked form"),
            "duration_seconds": self.tr("duration"),
            "started_at": self.tr("start time"),
        }
        field = labels.get(change.field, change.field)
        if change.redacted:
            return self.tr("{time} {user} changed {field}").format(time=when, user=who, field=field)
        return self.tr("{time} {user} changed {field}: “{old}” → “{new}”").format(
            time=when,
            user=who,
            field=field,
            old=_readable(change.field, change.old),
            new=_readable(change.field, change.new),
        )

    def _reset(self) -> None:
        self._loading = True
        self._tick.stop()
        self._call_id = self._version = None
        self._duration_manual = False
        self._person_number = ""
        self._person_untouched = False
        self._article_views = []
        self._saving = False
        self.save_button.setEnabled(True)
        self.caller_kind.setCurrentIndex(-1)
        self.outcome.setCurrentIndex(-1)
        self._fill_topics(set())
        self.notes.clear()
        self.person_number.clear()
        self.callback_wanted.setChecked(False)
        self.callback_phone.clear()
        self.callback_due.setDateTime(_qdatetime(dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)))
        self.form_link.clear()
        self.duration.setTime(QTime(0, 0))
        self.history.clear()
        self.history.hide()
        self.message.hide()
        self.clear_problems()
        self._update_notes_count()
        self._loading = False

    # --- values --------------------------------------------------------------------
    def topic_ids(self) -> list[int]:
        return [
            int(self.topics.item(i).data(TOPIC_ID_ROLE))
            for i in range(self.topics.count())
            if self.topics.item(i).checkState() == Qt.CheckState.Checked
        ]

    def is_blank(self) -> bool:
        """Nothing typed or chosen yet (closing needs no confirmation)."""
        return (
            self.caller_kind.currentIndex() < 0
            and self.outcome.currentIndex() < 0
            and not self.topic_ids()
            and not self.notes.toPlainText().strip()
            and not self.person_number.text().strip()
            and not self.callback_phone.text().strip()
            and not self.form_link.text().strip()
            and self._call_id is None
        )

    def values(self) -> dict[str, Any]:
        """The form as plain data (JSON-safe: it is also the draft)."""
        due = self.callback_due.dateTime().toSecsSinceEpoch()
        return {
            "call_id": self._call_id,
            "version": self._version,
            "started_at": self._started_at.isoformat(),
            "duration_seconds": self._duration_seconds(),
            "duration_manual": self._duration_manual,
            "caller_kind": self.caller_kind.currentData(),
            "topic_ids": self.topic_ids(),
            "outcome": self.outcome.currentData(),
            "notes": self.notes.toPlainText(),
            "person_number": self._person_value(),
            "person_untouched": self._person_untouched,
            "callback_wanted": self.callback_wanted.isChecked(),
            "callback_phone": self.callback_phone.text().strip(),
            "callback_due_at": dt.datetime.fromtimestamp(due, dt.UTC).isoformat(),
            "form_registry_number": self.form_link.text().strip(),
            "article_views": [list(view) for view in self._article_views],
        }

    def _load_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            self._call_id = values.get("call_id")
            self._version = values.get("version")
            self._started_at = dt.datetime.fromisoformat(values["started_at"])
            self._select(self.caller_kind, values.get("caller_kind"))
            self._select(self.outcome, values.get("outcome"))
            self._fill_topics(set(values.get("topic_ids") or []))
            self.notes.setPlainText(values.get("notes") or "")
            self._person_number = values.get("person_number") or ""
            self._person_untouched = bool(values.get("person_untouched"))
            self.person_number.setText(self._person_number)
            self.callback_wanted.setChecked(bool(values.get("callback_wanted")))
            self.callback_phone.setText(values.get("callback_phone") or "")
            if values.get("callback_due_at"):
                due = dt.datetime.fromisoformat(values["callback_due_at"])
                self.callback_due.setDateTime(_qdatetime(due))
            self.form_link.setText(values.get("form_registry_number") or "")
            self.duration.setTime(_qtime(int(values.get("duration_seconds") or 0)))
            self._article_views = [
                (int(a), None if r is None else int(r), str(t))
                for a, r, t in values.get("article_views") or []
            ]
        finally:
            self._loading = False
        self._check_person_number()

    def _person_value(self) -> str:
        if self._person_untouched:
            # The masked number as shown: the service keeps the stored number.
            return self.person_number.text().strip()
        return self._person_number or self.person_number.text().strip()

    def _duration_seconds(self) -> int:
        if self._duration_manual:
            time = self.duration.time()
            return time.hour() * 3600 + time.minute() * 60 + time.second()
        return max(0, int((dt.datetime.now(dt.UTC) - self._started_at).total_seconds()))

    @staticmethod
    def _select(box: QComboBox, value: object) -> None:
        box.setCurrentIndex(box.findData(value) if value is not None else -1)

    # --- reacting to input ---------------------------------------------------------
    @Slot()
    def _changed(self) -> None:
        if not self._loading:
            self._save_draft()

    def _save_draft(self) -> None:
        if self._key is None:
            return
        try:
            self._drafts.save(self._key, self.values())
        except OSError as exc:
            self.message.setText(
                self.tr("The draft could not be saved ({error}); save the call soon.").format(
                    error=exc.strerror or type(exc).__name__
                )
            )
            self.message.show()

    @Slot()
    def _topics_ticked(self) -> None:
        if self._loading:
            return
        self.errors["topic_ids"].hide()
        self.topics_changed.emit(self.topic_ids())
        self._save_draft()

    @Slot()
    def _outcome_changed(self) -> None:
        if self.outcome.currentData() == Outcome.CALLBACK.value:
            self.callback_wanted.setChecked(True)
        self._changed()

    @Slot()
    def _notes_changed(self) -> None:
        self._update_notes_count()
        self._changed()

    def _update_notes_count(self) -> None:
        length = len(self.notes.toPlainText())
        self.notes_count.setText(f"{length}/{NOTES_MAX_LENGTH}")
        self.notes_count.setStyleSheet("color: #a00000;" if length > NOTES_MAX_LENGTH else "")

    @Slot()
    def _person_edited(self) -> None:
        self._person_number = ""
        self._person_untouched = False
        self.errors["person_number"].hide()
        self._changed()

    @Slot()
    def _check_person_number(self) -> None:
        """Validate a typed identity number and show it masked."""
        if self._person_untouched:
            return
        text = self._person_number or self.person_number.text().strip()
        if not text:
            return
        from kansli_desk.core.identity import parse_identity

        try:
            identity = parse_identity(text)
        except ValidationError as exc:
            self._person_number = text
            self.show_problems([exc])
            return
        self._person_number = identity.number
        self.person_number.setText(identity.masked)
        self.person_number.setToolTip(self.tr("Valid; shown masked."))
        self.errors["person_number"].hide()
        self._save_draft()

    @Slot(bool)
    def _callback_toggled(self, wanted: bool) -> None:
        self.callback_phone.setEnabled(wanted)
        self.callback_due.setEnabled(wanted)
        self._changed()

    @Slot()
    def _duration_edited(self) -> None:
        if not self._loading and self.duration.hasFocus():
            self._duration_manual = True
            self._save_draft()

    @Slot()
    def _update_timer(self) -> None:
        seconds = self._duration_seconds()
        self.timer_label.setText(
            self.tr("Ongoing {time}").format(time=formatting.duration(seconds))
        )
        if not self._duration_manual:
            loading, self._loading = self._loading, True
            self.duration.setTime(_qtime(seconds))
            self._loading = loading

    @Slot(object)
    def show_office_status(self, status: OfficeStatus) -> None:
        self.office_label.setText(self._office_hours.text(status))
        self.route_label.setVisible(not status.is_open)

    def record_article(self, article_id: int, revision_id: int | None) -> None:
        """An article was opened while this call is being logged."""
        now = dt.datetime.now(dt.UTC).isoformat()
        self._article_views.append((article_id, revision_id, now))
        self._save_draft()

    # --- problems ------------------------------------------------------------------
    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.hide()

    def show_problems(self, problems: list[ValidationError]) -> None:
        """Each message at its field; the cursor to the first field at fault."""
        first: str | None = None
        widgets: dict[str, QWidget] = {
            "caller_kind": self.caller_kind,
            "topic_ids": self.topics,
            "outcome": self.outcome,
            "notes": self.notes,
            "person_number": self.person_number,
            "callback_phone": self.callback_phone,
            "callback_due_at": self.callback_due,
            "form_registry_number": self.form_link,
            "duration_seconds": self.duration,
        }
        for problem in problems:
            label = self.errors.get(problem.field or "")
            if label is None:
                self.message.setText(problem.message())
                self.message.show()
                continue
            label.setText(problem.message())
            label.show()
            field = problem.field or ""
            if first is None or FIELDS.index(field) < FIELDS.index(first):
                first = field
        if first is not None:
            widgets[first].setFocus()

    # --- saving and closing --------------------------------------------------------
    @Slot()
    def save(self) -> None:
        """Save the call (in the background); problems are shown at their fields."""
        if self._saving or not self.isVisible():
            return
        self._check_person_number()
        self.clear_problems()
        values = self.values()
        user = self._context.user
        if user is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        now = dt.datetime.now(dt.UTC)

        def job(session: Any) -> CallDetail:
            from kansli_desk.services import calls

            data = calls.CallInput(
                started_at=dt.datetime.fromisoformat(values["started_at"]),
                duration_seconds=values["duration_seconds"],
                caller_kind=CallerKind(values["caller_kind"]) if values["caller_kind"] else None,
                topic_ids=tuple(values["topic_ids"]),
                outcome=Outcome(values["outcome"]) if values["outcome"] else None,
                notes=values["notes"],
                person_number=values["person_number"],
                callback_phone=values["callback_phone"] if values["callback_wanted"] else "",
                callback_due_at=dt.datetime.fromisoformat(values["callback_due_at"])
                if values["callback_wanted"]
                else None,
                form_registry_number=values["form_registry_number"],
                article_views=tuple(
                    (a, r, dt.datetime.fromisoformat(t)) for a, r, t in values["article_views"]
                ),
            )
            if values["call_id"] is None:
                return calls.create_call(session, user, data, now=now)
            return calls.update_call(
                session, user, values["call_id"], values["version"], data, now=now
            )

        self._context.db_job(job, self._saved, self._save_failed)

    def _saved(self, detail: CallDetail) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._tick.stop()
        if self._key is not None:
            self._drafts.discard(self._key)
            self._key = None
        self.saved.emit(detail.id)
        self.finished.emit()

    def _save_failed(self, error: BaseException) -> None:
        from kansli_desk.services.calls import CallConflict, CallInvalid

        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, CallInvalid):
            self.show_problems(error.problems)
        elif isinstance(error, CallConflict) and self._call_id is not None:
            self._read_theirs(self._call_id)
        elif isinstance(error, KnownError):
            self.message.setText(error.message())
            self.message.show()
        else:
            report_unexpected(error)

    # --- conflicts -----------------------------------------------------------------
    def _read_theirs(self, call_id: int) -> None:
        """Someone else saved the call first: read their version, then compare."""
        self._saving = True
        self.save_button.setEnabled(False)

        def job(session: Any) -> CallDetail:
            from kansli_desk.services import calls

            return calls.get_call(session, call_id)

        self._context.db_job(job, self._show_conflict, self._save_failed)

    def _field_labels(self) -> list[tuple[str, str]]:
        return [
            ("caller_kind", self.tr("Caller")),
            ("topic_ids", self.tr("Topics")),
            ("outcome", self.tr("Outcome")),
            ("notes", self.tr("Notes")),
            ("person_number", self.tr("Identity number")),
            ("callback_phone", self.tr("Callback phone")),
            ("callback_due_at", self.tr("Callback due")),
            ("form_registry_number", self.tr("Linked form")),
            ("duration_seconds", self.tr("Duration")),
        ]

    def _shown_values(self) -> dict[str, str]:
        """The form's values as the conflict dialog shows them."""
        wanted = self.callback_wanted.isChecked()
        due = dt.datetime.fromtimestamp(self.callback_due.dateTime().toSecsSinceEpoch(), dt.UTC)
        ticked = set(self.topic_ids())
        return {
            "caller_kind": self.caller_kind.currentText(),
            "topic_ids": ", ".join(row.name for row in self._topic_rows if row.id in ticked),
            "outcome": self.outcome.currentText(),
            "notes": self.notes.toPlainText(),
            "person_number": self.person_number.text().strip(),
            "callback_phone": self.callback_phone.text().strip() if wanted else "",
            "callback_due_at": formatting.local_time(due) if wanted else "",
            "form_registry_number": self.form_link.text().strip(),
            "duration_seconds": formatting.duration(self._duration_seconds()),
        }

    @staticmethod
    def _stored_values(detail: CallDetail) -> dict[str, str]:
        due = detail.callback_due_at
        return {
            "caller_kind": detail.caller_kind.label,
            "topic_ids": ", ".join(detail.topics),
            "outcome": detail.outcome.label,
            "notes": detail.notes,
            "person_number": detail.person_masked,
            "callback_phone": detail.callback_phone,
            "callback_due_at": "" if due is None else formatting.local_time(due),
            "form_registry_number": detail.form_registry_number,
            "duration_seconds": formatting.duration(detail.duration_seconds or 0),
        }

    def _show_conflict(self, theirs: CallDetail) -> None:
        from kansli_desk.ui.dialogs.conflict import ConflictDialog, differences

        self._saving = False
        self.save_button.setEnabled(True)
        who = next((c.shown_name or c.username for c in reversed(theirs.history)), theirs.advisor)
        rows = differences(self._field_labels(), self._stored_values(theirs), self._shown_values())
        dialog = ConflictDialog(
            self.tr(
                "{who} saved this call after you opened it, so your changes were not saved. "
                "Choose which version to keep."
            ).format(who=who),
            rows,
            self,
        )
        dialog.finished.connect(lambda _result: self._conflict_chosen(dialog, theirs))
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_chosen(self, dialog: Any, theirs: CallDetail) -> None:
        from kansli_desk.ui.dialogs.conflict import KEEP_THEIRS, USE_MINE, copy_to_clipboard

        self.conflict_dialog = None
        dialog.deleteLater()
        if dialog.choice == KEEP_THEIRS:
            copy_to_clipboard(self.tr("Your version of the call"), dialog.rows)
            if self._key is not None:
                self._drafts.discard(self._key)
            self.edit(theirs)
            self.message.setText(
                self.tr("Their version is loaded. Your values were copied to the clipboard.")
            )
            self.message.show()
        elif dialog.choice == USE_MINE:
            self._version = theirs.version
            self._save_draft()
            self.save()
        else:
            self.message.setText(
                self.tr(
                    "Not saved: someone else changed this call. Saving again shows both "
                    "versions once more."
                )
            )
            self.message.show()
            self.notes.setFocus()

    @Slot()
    def request_close(self) -> None:
        """Esc: throw the call away, after asking if anything was typed."""
        if not self.is_blank() and not self.confirm_discard():
            return
        self._tick.stop()
        if self._key is not None:
            self._drafts.discard(self._key)
            self._key = None
        self.finished.emit()

    def confirm_discard(self) -> bool:
        """Ask before throwing typed input away (tests replace this)."""
        return ask_yes_no(
            self,
            self.tr("Cancel the call"),
            self.tr("Throw away this call? What you typed is not saved."),
        )

    @property
    def is_active(self) -> bool:
        """A call is being logged or edited in the form."""
        return self._key is not None


def _readable(field: str, value: str) -> str:
    """A history value as the user knows it (labels, local times, mm:ss)."""
    if not value:
        return ""
    try:
        if field == "caller_kind":
            return CallerKind(value).label
        if field == "outcome":
            return Outcome(value).label
        if field.endswith("_at"):
            return formatting.local_time(dt.datetime.fromisoformat(value))
        if field == "duration_seconds":
            return formatting.duration(int(value))
    except ValueError:
        pass
    return value


def _qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def _qtime(seconds: int) -> QTime:
    seconds = max(0, min(seconds, 23 * 3600 + 59 * 60 + 59))
    return QTime(seconds // 3600, seconds // 60 % 60, seconds % 60)
