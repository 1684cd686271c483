"""Entering a paper form: the four order types, keyboard first.

Choosing the order type shows only the fields that apply to it: the initiator
and the measures for sealing/locking and restoring, the scope of a seal, the
child and one or two guardians for the child types, and access given or
removed per person for the minor type. Tab moves through the fields in reading
order, Ctrl+S (or Ctrl+Enter) saves, Esc asks before throwing the form away
(the dialog handles Esc). Identity numbers are checked as they are typed and
shown masked; the rules themselves are checked by the service
(:mod:`kansli_desk.services.forms`) and each message is shown at its field.

Before a new form is stored, forms that look like it (same person, same type,
open or received lately) are shown and the clerk confirms. Everything typed is
kept in a draft on disk until the form is saved or thrown away.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import FormType, Initiator, Measure, PartyRole, SealScope
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import name_widget

if TYPE_CHECKING:
    from kansli_desk.core.age_access import AgeLimits
    from kansli_desk.drafts import DraftStore
    from kansli_desk.services.forms import DuplicateRow, FormDetail, FormInput

ERROR_STYLE = "color: #a00000;"
WARNING_STYLE = (
    "QLabel { background: #fff4ce; color: #3d2e00; border: 1px solid #e0c45c;"
    " border-radius: 4px; padding: 6px; }"
)
REMINDER_STYLE = "color: #6b4e00;"
DRAFT_DELAY_MS = 400
NOTE_MAX_LENGTH = 2000

# Lengths of the database columns (kansli_desk.models.forms; not imported: SQLAlchemy).
NAME_MAX = 200
PHONE_MAX = 40
ID_MAX = 20

CHILD_TYPES = (FormType.REMOVE_GUARDIAN_ACCESS, FormType.MINOR_ACCESS)
INITIATOR_TYPES = (FormType.SEAL_OR_LOCK, FormType.RESTORE_ACCESS)
TYPE_MEASURES: dict[FormType, tuple[Measure, ...]] = {
    FormType.SEAL_OR_LOCK: (Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN),
    FormType.RESTORE_ACCESS: (Measure.UNSEAL_JOURNAL, Measure.UNLOCK_LOGIN),
}
# Party slots: which editors a type uses, in the order they go into FormInput.parties.
SUBJECT, CHILD, GUARDIAN_1, GUARDIAN_2 = range(4)
TYPE_SLOTS: dict[FormType, tuple[int, ...]] = {
    FormType.SEAL_OR_LOCK: (SUBJECT,),
    FormType.RESTORE_ACCESS: (SUBJECT,),
    FormType.REMOVE_GUARDIAN_ACCESS: (CHILD, GUARDIAN_1, GUARDIAN_2),
    FormType.MINOR_ACCESS: (CHILD, GUARDIAN_1, GUARDIAN_2),
}
SLOT_ROLES = (PartyRole.SUBJECT, PartyRole.CHILD, PartyRole.GUARDIAN, PartyRole.GUARDIAN)
SLOT_KEYS = ("subject", "child", "guardian1", "guardian2")

# Where a message goes, in the order the fields come on screen (the cursor goes to
# the first field at fault).
FIELDS = (
    "form_type",
    "initiator",
    "measures",
    "seal_scope",
    "scope_unit",
    "period_from",
    "period_to",
    "parties",
    "orderer_name",
    "orderer_title",
    "orderer_unit",
    "orderer_phone",
    "head_of_operations",
    "signed_on",
    "received_on",
    "is_signed",
    "is_urgent",
    "it_support_phoned_at",
    "it_support_phoned_by",
    "note",
)
_PARTY_FIELD = re.compile(r"parties\.(\d+)(?:\.(\w+))?")
_DATE = re.compile(r"(\d{4})-?(\d{1,2})-?(\d{1,2})", re.ASCII)


def local_today() -> dt.date:
    """Today in Sweden (the dates on a form are Swedish dates)."""
    return dt.datetime.now(dt.UTC).astimezone(formatting.swedish_time()).date()


def parse_date(text: str) -> dt.date | None:
    """A date typed as ``YYYY-MM-DD`` or ``YYYYMMDD``; None when empty.

    Raises:
        ValueError: the text is not such a date.
    """
    text = text.strip()
    if not text:
        return None
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError(text)
    return dt.date(*(int(part) for part in match.groups()))


class DateField(QLineEdit):
    """A date typed as ``YYYY-MM-DD`` (or ``YYYYMMDD``), empty when not given.

    Typing is faster and surer than a spin box when copying dates off paper;
    a valid date is rewritten as ``YYYY-MM-DD`` when the cursor leaves.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setMaxLength(10)
        width = self.fontMetrics().horizontalAdvance("0000-00-00") + 24
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)
        self.editingFinished.connect(self._normalise)

    def date(self) -> dt.date | None:
        """The date, None when empty.

        Raises:
            ValueError: the text is not a date.
        """
        return parse_date(self.text())

    def set_date(self, value: dt.date | None) -> None:
        self.setText(formatting.date(value))

    @Slot()
    def _normalise(self) -> None:
        try:
            value = self.date()
        except ValueError:
            return
        if value is not None and self.text() != value.isoformat():
            self.setText(value.isoformat())


@dataclass
class PartyEditor:
    """The widgets for one person on the form.

    Attributes:
        role: the person's role on the form.
        heading: the person's title above the fields.
        id_text: identity number (personnummer, samordningsnummer or reservnummer).
        reserve: ticked for a reservnummer (the birth date is then asked for).
        birth_date: the birth date of a reservnummer.
        name: the person's name (optional).
        access: for the minor type, access given, removed or unchanged.
        id_error, birth_error, other_error: messages at the fields.
        number: the checked, normalised number behind a masked ``id_text``.
    """

    role: PartyRole
    heading: QLabel
    id_text: QLineEdit
    reserve: QCheckBox
    id_row: QWidget
    birth_date: DateField
    name: QLineEdit
    access: QComboBox
    id_error: QLabel
    birth_error: QLabel
    other_error: QLabel
    number: str = ""
    birth_row: QWidget | None = None
    access_row: QWidget | None = None

    def value(self) -> str:
        return self.number or self.id_text.text().strip()

    def is_blank(self) -> bool:
        return not (self.id_text.text().strip() or self.name.text().strip()) and (
            self.access.currentData() is None
        )


class FormEntry(QWidget):
    """A paper form being registered or corrected.

    Signals:
        saved(object): the stored form (a ``FormDetail``) after saving.
        reloaded(object): the stored form (a ``FormDetail``) read again after someone
            else changed it first; the clerk then chooses between both versions.
        changed(): the clerk changed something (the dialog marks itself modified).

    Attributes:
        form_type, initiator, measures, seal_scope, scope_unit, period_from, period_to,
        parties, orderer_name, orderer_title, orderer_unit, orderer_phone,
        head_of_operations, signed_on, received_on, is_signed, is_urgent, phoned,
        phoned_at, phoned_by, note: the input widgets (``measures`` by measure,
        ``parties`` by slot: person concerned, child, guardian 1, guardian 2).
        errors: a message label at each field, by FormInput field name.
        message: problems that belong to no field.
        duplicates_banner: the forms that look like this one.
        save_button, cancel_button: the buttons under the form.
    """

    saved = Signal(object)
    reloaded = Signal(object)
    changed = Signal()

    def __init__(
        self, context: AppContext, drafts: DraftStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formEntry")
        self._context = context
        self._drafts = drafts
        self._draft_key: str | None = None
        self._form_id: int | None = None
        self._version: int | None = None
        self._loaded_people: tuple[Any, ...] | None = None
        self._confirmed_people: tuple[Any, ...] | None = None
        self._slots: tuple[int, ...] = ()
        self._loading = False
        self._saving = False
        self._dirty = False
        self.conflict_dialog: Any = None  # open while the clerk chooses
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._build()
        self._type_changed()

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("formEntryTitle")
        self.message = self._error_label("formEntryMessage")
        self.duplicates_banner = QLabel(self)
        self.duplicates_banner.setObjectName("formDuplicates")
        self.duplicates_banner.setWordWrap(True)
        self.duplicates_banner.setStyleSheet(WARNING_STYLE)
        self.duplicates_banner.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates_banner.hide()
        self.errors: dict[str, QLabel] = {f: self._error_label(f"formError_{f}") for f in FIELDS}

        # The order.
        self.form_type = QComboBox(self)
        name_widget(self.form_type, "formType", self.tr("Order type"))
        for form_type in FormType:
            self.form_type.addItem(form_type.label, form_type.value)
        self.form_type.setPlaceholderText(self.tr("Choose the type of the paper form…"))
        self.initiator = QComboBox(self)
        name_widget(self.initiator, "formInitiator", self.tr("On whose initiative"))
        for initiator in Initiator:
            self.initiator.addItem(initiator.label, initiator.value)
        self.initiator.setPlaceholderText(self.tr("Choose…"))
        self.measures: dict[Measure, QCheckBox] = {}
        measures_box = QWidget(self)
        measures_layout = QHBoxLayout(measures_box)
        measures_layout.setContentsMargins(0, 0, 0, 0)
        for measures in TYPE_MEASURES.values():
            for measure in measures:
                box = QCheckBox(measure.label, measures_box)
                name_widget(box, f"formMeasure_{measure.value}", measure.label)
                measures_layout.addWidget(box)
                self.measures[measure] = box
        measures_layout.addStretch(1)
        self.fixed_measure = QLabel(self)
        self.fixed_measure.setObjectName("formFixedMeasure")
        self.fixed_measure.setWordWrap(True)
        self.seal_scope = QComboBox(self)
        name_widget(self.seal_scope, "formSealScope", self.tr("What the seal covers"))
        for scope in SealScope:
            self.seal_scope.addItem(scope.label, scope.value)
        self.seal_scope.setPlaceholderText(self.tr("Choose…"))
        self.scope_unit = QLineEdit(self)
        name_widget(self.scope_unit, "formScopeUnit", self.tr("Care unit or care provider sealed"))
        self.scope_unit.setMaxLength(NAME_MAX)
        self.period_from = DateField(self)
        name_widget(self.period_from, "formPeriodFrom", self.tr("Sealed period from"))
        self.period_to = DateField(self)
        name_widget(self.period_to, "formPeriodTo", self.tr("Sealed period to"))

        # The people.
        titles = (
            PartyRole.SUBJECT.label,
            PartyRole.CHILD.label,
            self.tr("Guardian 1"),
            self.tr("Guardian 2 (if any)"),
        )
        self.parties = [
            self._party_editor(SLOT_ROLES[slot], titles[slot], SLOT_KEYS[slot]) for slot in range(4)
        ]

        # The orderer and the decision.
        self.orderer_name = self._line("formOrdererName", self.tr("Orderer's name"), NAME_MAX)
        self.orderer_title = self._line("formOrdererTitle", self.tr("Orderer's title"), NAME_MAX)
        self.orderer_unit = self._line("formOrdererUnit", self.tr("Orderer's care unit"), NAME_MAX)
        self.orderer_phone = self._line("formOrdererPhone", self.tr("Orderer's phone"), PHONE_MAX)
        self.orderer_phone.setPlaceholderText("0480-84 000")
        self.head_of_operations = self._line(
            "formHeadOfOperations", self.tr("Head of operations who decided"), NAME_MAX
        )
        self.orderer_title.setPlaceholderText(self.tr("e.g. nurse, physician"))

        # Dates, signature, urgency.
        self.signed_on = DateField(self)
        name_widget(self.signed_on, "formSignedOn", self.tr("Date the form was signed"))
        self.received_on = DateField(self)
        name_widget(self.received_on, "formReceivedOn", self.tr("Date it arrived by internal mail"))
        self.is_signed = QCheckBox(self.tr("Signe&d by the head of operations"), self)
        name_widget(self.is_signed, "formIsSigned", self.tr("The form is signed"))
        self.is_urgent = QCheckBox(self.tr("&Urgent"), self)
        name_widget(self.is_urgent, "formIsUrgent", self.tr("Urgent"))
        self.phoned = QCheckBox(self.tr("IT-Vårdsystemsupport &phoned"), self)
        name_widget(self.phoned, "formPhoned", self.tr("IT-Vårdsystemsupport has been phoned"))
        self.phoned_at = QDateTimeEdit(self)
        name_widget(self.phoned_at, "formPhonedAt", self.tr("When IT-Vårdsystemsupport was phoned"))
        self.phoned_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.phoned_at.setCalendarPopup(True)
        self.phoned_by = self._line(
            "formPhonedBy", self.tr("Who phoned IT-Vårdsystemsupport"), NAME_MAX
        )
        self.phoned_by.setPlaceholderText(self.tr("Who phoned"))
        self.urgent_hint = QLabel(
            self.tr("An urgent form is forwarded only after IT-Vårdsystemsupport was phoned."),
            self,
        )
        self.urgent_hint.setObjectName("formUrgentHint")
        self.urgent_hint.setWordWrap(True)
        self.urgent_hint.setStyleSheet(REMINDER_STYLE)

        self.note = QPlainTextEdit(self)
        name_widget(self.note, "formNote", self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("What is missing, who was contacted, anything the next clerk must know.")
        )
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.note_reminder = QLabel(
            self.tr(
                "No medical details: write about the form and its handling, never about health."
            ),
            self,
        )
        self.note_reminder.setObjectName("formNoteReminder")
        self.note_reminder.setWordWrap(True)
        self.note_reminder.setStyleSheet(REMINDER_STYLE)
        self.note_count = QLabel(self)
        self.note_count.setObjectName("formNoteCount")

        self.save_button = QPushButton(self.tr("&Save (Ctrl+S)"), self)
        name_widget(self.save_button, "formSave", self.tr("Save the form"))
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        name_widget(self.cancel_button, "formCancel", self.tr("Cancel"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)

        # --- layout ---
        order_box = QGroupBox(self.tr("The order"), self)
        order = self._order_form = QFormLayout(order_box)
        order.addRow(
            self._label(self.tr("&Type:"), self.form_type), self._field(self.form_type, "form_type")
        )
        self._initiator_row = self._field(self.initiator, "initiator")
        order.addRow(self._label(self.tr("&Initiative:"), self.initiator), self._initiator_row)
        self._measures_row = self._field(measures_box, "measures")
        order.addRow(self.tr("Measures:"), self._measures_row)
        order.addRow(self.tr("Measure:"), self.fixed_measure)
        self._scope_row = self._field(self.seal_scope, "seal_scope")
        order.addRow(self._label(self.tr("Sc&ope of the seal:"), self.seal_scope), self._scope_row)
        self.scope_unit_label = self._label(self.tr("Care unit:"), self.scope_unit)
        self._scope_unit_row = self._field(self.scope_unit, "scope_unit")
        order.addRow(self.scope_unit_label, self._scope_unit_row)
        period = QWidget(self)
        period_layout = QGridLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        period_layout.addWidget(self.period_from, 0, 0)
        period_layout.addWidget(QLabel("–", period), 0, 1)
        period_layout.addWidget(self.period_to, 0, 2)
        period_layout.setColumnStretch(3, 1)
        period_layout.addWidget(self.errors["period_from"], 1, 0, 1, 4)
        period_layout.addWidget(self.errors["period_to"], 2, 0, 1, 4)
        order.addRow(self._label(self.tr("Period:"), self.period_from), period)
        self._period_box = period

        people_box = self._people_box = QGroupBox(self.tr("Persons"), self)
        people = self._people_form = QFormLayout(people_box)
        people.addRow(self.errors["parties"])
        for editor in self.parties:
            people.addRow(editor.heading)
            people.addRow(self._label(self.tr("Identity no.:"), editor.id_text), editor.id_row)
            editor.birth_row = self._pair(editor.birth_date, editor.birth_error)
            people.addRow(self._label(self.tr("Birth date:"), editor.birth_date), editor.birth_row)
            people.addRow(self._label(self.tr("Name:"), editor.name), editor.name)
            editor.access_row = self._pair(editor.access, editor.other_error)
            people.addRow(self._label(self.tr("Access:"), editor.access), editor.access_row)

        orderer_box = QGroupBox(self.tr("Orderer and decision"), self)
        orderer = QFormLayout(orderer_box)
        orderer.addRow(
            self._label(self.tr("O&rderer:"), self.orderer_name),
            self._field(self.orderer_name, "orderer_name"),
        )
        orderer.addRow(
            self._label(self.tr("Title:"), self.orderer_title),
            self._field(self.orderer_title, "orderer_title"),
        )
        orderer.addRow(
            self._label(self.tr("Care unit:"), self.orderer_unit),
            self._field(self.orderer_unit, "orderer_unit"),
        )
        orderer.addRow(
            self._label(self.tr("Phone:"), self.orderer_phone),
            self._field(self.orderer_phone, "orderer_phone"),
        )
        orderer.addRow(
            self._label(self.tr("&Head of operations:"), self.head_of_operations),
            self._field(self.head_of_operations, "head_of_operations"),
        )

        dates_box = QGroupBox(self.tr("Dates, signature, urgency"), self)
        dates = self._dates_form = QFormLayout(dates_box)
        dates.addRow(
            self._label(self.tr("Si&gned on:"), self.signed_on),
            self._field(self.signed_on, "signed_on"),
        )
        dates.addRow(
            self._label(self.tr("Re&ceived on:"), self.received_on),
            self._field(self.received_on, "received_on"),
        )
        dates.addRow("", self._field(self.is_signed, "is_signed"))
        dates.addRow("", self._field(self.is_urgent, "is_urgent"))
        phoned = QWidget(self)
        phoned_layout = QGridLayout(phoned)
        phoned_layout.setContentsMargins(0, 0, 0, 0)
        phoned_layout.addWidget(self.phoned, 0, 0, 1, 3)
        phoned_layout.addWidget(self.phoned_at, 1, 0)
        phoned_layout.addWidget(self.phoned_by, 1, 1)
        phoned_layout.setColumnStretch(1, 1)
        phoned_layout.addWidget(self.errors["it_support_phoned_at"], 2, 0, 1, 3)
        phoned_layout.addWidget(self.errors["it_support_phoned_by"], 3, 0, 1, 3)
        phoned_layout.addWidget(self.urgent_hint, 4, 0, 1, 3)
        self._phoned_box = phoned
        dates.addRow(self.tr("IT support:"), phoned)

        note_box = QGroupBox(self.tr("&Note (optional)"), self)  # Alt+N: to the note
        note_layout = QVBoxLayout(note_box)
        note_layout.addWidget(self.note)
        note_footer = QHBoxLayout()
        note_footer.addWidget(self.note_reminder, 1)
        note_footer.addWidget(self.note_count)
        note_layout.addLayout(note_footer)
        note_layout.addWidget(self.errors["note"])

        left = QVBoxLayout()
        left.addWidget(order_box)
        left.addWidget(people_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(orderer_box)
        right.addWidget(dates_box)
        right.addWidget(note_box)
        right.addStretch(1)
        content = QWidget(self)
        content.setObjectName("formEntryContent")
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 6, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("formEntryScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        buttons = QHBoxLayout()
        self.draft_label = QLabel(self)
        self.draft_label.setObjectName("formDraftState")
        self.draft_label.setStyleSheet("color: #555;")
        buttons.addWidget(self.draft_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.duplicates_banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

        self._set_tab_order()
        self.save_button.clicked.connect(self.save)
        self.form_type.currentIndexChanged.connect(self._type_changed)
        self.seal_scope.currentIndexChanged.connect(self._scope_changed)
        for measure_box in self.measures.values():
            measure_box.toggled.connect(self._scope_changed)
        self.is_urgent.toggled.connect(self._urgent_changed)
        self.phoned.toggled.connect(self._phoned_changed)
        self.note.textChanged.connect(self._update_note_count)
        for widget in (self.initiator, self.seal_scope):
            widget.currentIndexChanged.connect(self._edited)
        for box in (*self.measures.values(), self.is_signed, self.is_urgent, self.phoned):
            box.toggled.connect(self._edited)
        for line in (
            self.scope_unit, self.period_from, self.period_to, self.orderer_name,
            self.orderer_title, self.orderer_unit, self.orderer_phone, self.head_of_operations,
            self.signed_on, self.received_on, self.phoned_by,
        ):  # fmt: skip
            line.textEdited.connect(self._edited)
        self.phoned_at.dateTimeChanged.connect(self._edited)
        self.note.textChanged.connect(self._edited)
        self._update_note_count()

    def _party_editor(self, role: PartyRole, title: str, key: str) -> PartyEditor:
        heading = QLabel(f"<b>{title}</b>", self)
        heading.setObjectName(f"formParty_{key}_heading")
        if key.startswith("guardian"):
            heading.setContentsMargins(0, 8, 0, 0)
        id_text = QLineEdit(self)
        name_widget(
            id_text,
            f"formParty_{key}_id",
            self.tr("{person}: identity number").format(person=title),
        )
        id_text.setPlaceholderText(self.tr("YYYYMMDD-NNNN"))
        id_text.setMaxLength(ID_MAX + 4)
        reserve = QCheckBox(self.tr("Reserve number"), self)
        name_widget(
            reserve,
            f"formParty_{key}_reserve",
            self.tr("{person}: the number is a reserve number").format(person=title),
        )
        reserve.setToolTip(
            self.tr("A reserve number is not checked; the birth date must be given.")
        )
        birth = DateField(self)
        name_widget(
            birth, f"formParty_{key}_birth", self.tr("{person}: birth date").format(person=title)
        )
        name = QLineEdit(self)
        name_widget(name, f"formParty_{key}_name", self.tr("{person}: name").format(person=title))
        name.setMaxLength(NAME_MAX)
        name.setPlaceholderText(self.tr("As on the form (optional)"))
        access = QComboBox(self)
        name_widget(
            access,
            f"formParty_{key}_access",
            self.tr("{person}: access to the minor's record").format(person=title),
        )
        access.addItem(self.tr("No change"), None)
        access.addItem(self.tr("Give access"), True)
        access.addItem(self.tr("Remove access"), False)
        id_error = self._error_label(f"formError_{key}_id")
        birth_error = self._error_label(f"formError_{key}_birth")
        other_error = self._error_label(f"formError_{key}_other")
        id_row = QWidget(self)
        grid = QGridLayout(id_row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(id_text, 0, 0)
        grid.addWidget(reserve, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.addWidget(id_error, 1, 0, 1, 2)
        editor = PartyEditor(
            role, heading, id_text, reserve, id_row, birth, name, access, id_error, birth_error,
            other_error,
        )  # fmt: skip
        id_text.textEdited.connect(lambda _text, e=editor: self._id_edited(e))
        id_text.editingFinished.connect(lambda e=editor: self.check_identity(e))
        reserve.toggled.connect(lambda _on, e=editor: self._reserve_toggled(e))
        birth.textEdited.connect(self._edited)
        name.textEdited.connect(self._edited)
        access.currentIndexChanged.connect(self._edited)
        return editor

    def _line(self, object_name: str, accessible_name: str, max_length: int) -> QLineEdit:
        line = QLineEdit(self)
        name_widget(line, object_name, accessible_name)
        line.setMaxLength(max_length)
        return line

    def _error_label(self, object_name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A field label whose Alt+letter moves to the field."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _field(self, widget: QWidget, field: str) -> QWidget:
        return self._pair(widget, self.errors[field])

    def _pair(self, widget: QWidget, error: QLabel) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(error)
        return box

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [self.form_type, self.initiator, *self.measures.values()]
        order += [self.seal_scope, self.scope_unit, self.period_from, self.period_to]
        for editor in self.parties:
            order += [editor.id_text, editor.reserve, editor.birth_date, editor.name, editor.access]
        order += [
            self.orderer_name, self.orderer_title, self.orderer_unit, self.orderer_phone,
            self.head_of_operations, self.signed_on, self.received_on, self.is_signed,
            self.is_urgent, self.phoned, self.phoned_at, self.phoned_by, self.note,
            self.save_button, self.cancel_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- what is shown for which type ----------------------------------------------
    def current_type(self) -> FormType | None:
        value = self.form_type.currentData()
        return FormType(value) if value else None

    @Slot()
    def _type_changed(self) -> None:
        form_type = self.current_type()
        chosen = form_type is not None
        order = self._order_form
        order.setRowVisible(self._initiator_row, form_type in INITIATOR_TYPES)
        wanted = TYPE_MEASURES.get(form_type, ()) if form_type is not None else ()
        for measure, box in self.measures.items():
            box.setVisible(measure in wanted)
        order.setRowVisible(self._measures_row, bool(wanted))
        fixed = ""
        if form_type is FormType.REMOVE_GUARDIAN_ACCESS:
            fixed = Measure.REMOVE_GUARDIAN_ACCESS.label
        elif form_type is FormType.MINOR_ACCESS:
            fixed = self.tr("Give or remove access to the record, per person below.")
        self.fixed_measure.setText(fixed)
        order.setRowVisible(self.fixed_measure, bool(fixed))
        slots = TYPE_SLOTS.get(form_type, ()) if form_type is not None else ()
        people = self._people_form
        self._people_box.setVisible(chosen)
        for slot, editor in enumerate(self.parties):
            shown = slot in slots
            people.setRowVisible(editor.heading, shown)
            people.setRowVisible(editor.id_row, shown)
            people.setRowVisible(editor.name, shown)
            assert editor.access_row is not None
            people.setRowVisible(editor.access_row, shown and form_type is FormType.MINOR_ACCESS)
            self._show_birth_row(editor, shown)
        if form_type is FormType.MINOR_ACCESS:
            age = self.tr("13–15 years on the signing date")
        else:
            age = self.tr("under 16 on the signing date")
        self.parties[CHILD].heading.setText(f"<b>{PartyRole.CHILD.label}</b> ({age})")
        self._scope_changed()
        if not self._loading:
            self._edited()

    def _show_birth_row(self, editor: PartyEditor, slot_shown: bool) -> None:
        assert editor.birth_row is not None
        self._people_form.setRowVisible(editor.birth_row, slot_shown and editor.reserve.isChecked())

    @Slot()
    def _scope_changed(self) -> None:
        form_type = self.current_type()
        sealing = (
            form_type is FormType.SEAL_OR_LOCK and self.measures[Measure.SEAL_JOURNAL].isChecked()
        )
        order = self._order_form
        order.setRowVisible(self._scope_row, sealing)
        scope = self.seal_scope.currentData()
        unit = sealing and scope in (SealScope.CARE_UNIT.value, SealScope.CARE_PROVIDER.value)
        self.scope_unit_label.setText(
            self.tr("Care provider:") if scope == SealScope.CARE_PROVIDER.value
            else self.tr("Care unit:")
        )  # fmt: skip
        order.setRowVisible(self._scope_unit_row, unit)
        order.setRowVisible(self._period_box, sealing and scope == SealScope.TIME_PERIOD.value)

    @Slot(bool)
    def _urgent_changed(self, urgent: bool) -> None:
        self._dates_form.setRowVisible(self._phoned_box, urgent)
        self._phoned_changed(self.phoned.isChecked())

    @Slot(bool)
    def _phoned_changed(self, phoned: bool) -> None:
        self.phoned_at.setEnabled(phoned)
        self.phoned_by.setEnabled(phoned)
        if phoned and not self._loading and self.sender() is self.phoned:
            self.phoned_at.setDateTime(_qdatetime(dt.datetime.now(dt.UTC)))
        self.urgent_hint.setVisible(not phoned)

    @Slot()
    def _update_note_count(self) -> None:
        length = len(self.note.toPlainText())
        self.note_count.setText(f"{length}/{NOTE_MAX_LENGTH}")
        self.note_count.setStyleSheet(ERROR_STYLE if length > NOTE_MAX_LENGTH else "")

    # --- identity numbers ----------------------------------------------------------
    def _id_edited(self, editor: PartyEditor) -> None:
        editor.number = ""
        editor.id_text.setToolTip("")
        editor.id_error.hide()
        self._edited()

    def _reserve_toggled(self, editor: PartyEditor) -> None:
        slot = self.parties.index(editor)
        slots = TYPE_SLOTS.get(self.current_type() or FormType.SEAL_OR_LOCK, ())
        self._show_birth_row(editor, slot in slots and self.current_type() is not None)
        editor.id_error.hide()
        if not editor.reserve.isChecked():
            self.check_identity(editor)
        self._edited()

    def check_identity(self, editor: PartyEditor) -> ValidationError | None:
        """Check a typed identity number and show it masked; the problem, if any."""
        if editor.reserve.isChecked():
            return None
        text = editor.value()
        if not text:
            return None
        from kansli_desk.core.identity import parse_identity

        try:
            identity = parse_identity(text)
        except ValidationError as exc:
            editor.number = text
            editor.id_error.setText(exc.message())
            editor.id_error.show()
            return exc
        editor.number = identity.number
        editor.id_text.setText(identity.masked)
        editor.id_text.setToolTip(
            self.tr("Valid {kind}; shown masked.").format(kind=identity.kind.label.lower())
        )
        editor.id_error.hide()
        return None

    # --- starting and loading ------------------------------------------------------
    def start_new(self, form_type: FormType | None = None) -> None:
        """An empty form (arrival date today); the cursor in the type field."""
        self._reset()
        self.title.setText("<b>" + self.tr("New paper form") + "</b>")
        if form_type is not None:
            self._select(self.form_type, form_type.value)
        self._dirty = False
        self._start_draft()
        self.form_type.setFocus()

    def edit(self, detail: FormDetail) -> None:
        """Correct a stored form (its status stays)."""
        self._reset()
        self._loading = True
        try:
            self._form_id, self._version = detail.id, detail.version
            self.title.setText(
                "<b>"
                + self.tr("Correcting {number}").format(number=detail.registry_number)
                + "</b> · "
                + detail.status.label
            )
            self._load_input(detail.data)
        finally:
            self._loading = False
        self._type_changed()
        self._urgent_changed(self.is_urgent.isChecked())
        for editor in self.parties:
            self.check_identity(editor)
        self._loaded_people = self._people_key()
        self._dirty = False
        self._start_draft()
        self.form_type.setFocus()

    def restore(self, key: str, values: dict[str, Any]) -> None:
        """Continue a form from its draft (after a crash)."""
        self._reset()
        self._load_values(values)
        self._draft_key = key
        title = self.tr("New paper form") if self._form_id is None else self.tr("Correcting")
        self.title.setText("<b>" + title + "</b> · " + self.tr("continued from an unsaved draft"))
        self._dirty = True
        self.form_type.setFocus()

    def _start_draft(self) -> None:
        self._draft_key = self._drafts.new_key() if self._drafts is not None else None
        self.draft_label.setText("")

    def _reset(self) -> None:
        self._loading = True
        self._draft_timer.stop()
        self._form_id = self._version = None
        self._loaded_people = self._confirmed_people = None
        self._saving = False
        self.save_button.setEnabled(True)
        for combo in (self.form_type, self.initiator, self.seal_scope):
            combo.setCurrentIndex(-1)
        for box in self.measures.values():
            box.setChecked(False)
        for line in (
            self.scope_unit, self.period_from, self.period_to, self.orderer_name,
            self.orderer_title, self.orderer_unit, self.orderer_phone, self.head_of_operations,
            self.signed_on, self.phoned_by,
        ):  # fmt: skip
            line.clear()
        for editor in self.parties:
            editor.number = ""
            for line in (editor.id_text, editor.birth_date, editor.name):
                line.clear()
            editor.id_text.setToolTip("")
            editor.reserve.setChecked(False)
            editor.access.setCurrentIndex(0)
        self.received_on.set_date(local_today())
        self.is_signed.setChecked(True)
        self.is_urgent.setChecked(False)
        self.phoned.setChecked(False)
        self.phoned_at.setDateTime(_qdatetime(dt.datetime.now(dt.UTC)))
        self.note.clear()
        self.duplicates_banner.hide()
        self.clear_problems()
        self._loading = False
        self._type_changed()
        self._urgent_changed(False)

    def _load_input(self, data: FormInput) -> None:
        self._select(self.form_type, data.form_type.value)
        self._select(self.initiator, data.initiator.value if data.initiator else None)
        for measure, box in self.measures.items():
            box.setChecked(measure in data.measures)
        self._select(self.seal_scope, data.seal_scope.value if data.seal_scope else None)
        self.scope_unit.setText(data.scope_unit)
        self.period_from.set_date(data.period_from)
        self.period_to.set_date(data.period_to)
        guardians = iter((GUARDIAN_1, GUARDIAN_2))
        for party in data.parties:
            if party.role is PartyRole.GUARDIAN:
                slot = next(guardians, None)
                if slot is None:
                    continue
            else:
                slot = SUBJECT if party.role is PartyRole.SUBJECT else CHILD
            editor = self.parties[slot]
            editor.number = ""
            editor.id_text.setText(party.id_text)
            editor.reserve.setChecked(
                party.birth_date is not None and not _is_identity(party.id_text)
            )
            editor.birth_date.set_date(party.birth_date if editor.reserve.isChecked() else None)
            editor.name.setText(party.name)
            editor.access.setCurrentIndex(max(0, editor.access.findData(party.access_given)))
        self.orderer_name.setText(data.orderer_name)
        self.orderer_title.setText(data.orderer_title)
        self.orderer_unit.setText(data.orderer_unit)
        self.orderer_phone.setText(data.orderer_phone)
        self.head_of_operations.setText(data.head_of_operations)
        self.signed_on.set_date(data.signed_on)
        self.received_on.set_date(data.received_on)
        self.is_signed.setChecked(data.is_signed)
        self.is_urgent.setChecked(data.is_urgent)
        self.phoned.setChecked(data.it_support_phoned_at is not None)
        if data.it_support_phoned_at is not None:
            self.phoned_at.setDateTime(_qdatetime(data.it_support_phoned_at))
        self.phoned_by.setText(data.it_support_phoned_by)
        self.note.setPlainText(data.note)

    @staticmethod
    def _select(box: QComboBox, value: object) -> None:
        box.setCurrentIndex(box.findData(value) if value is not None else -1)

    # --- values --------------------------------------------------------------------
    @property
    def form_id(self) -> int | None:
        """The stored form being corrected, or None for a new one."""
        return self._form_id

    def is_modified(self) -> bool:
        """Something was typed or changed since the form was started or loaded."""
        return self._dirty

    def values(self) -> dict[str, Any]:
        """The form as plain data (JSON-safe: it is also the draft)."""
        phoned_at = dt.datetime.fromtimestamp(self.phoned_at.dateTime().toSecsSinceEpoch(), dt.UTC)
        form_type = self.current_type()
        return {
            "form_id": self._form_id,
            "version": self._version,
            "form_type": form_type.value if form_type else None,
            "initiator": self.initiator.currentData(),
            "measures": [m.value for m, box in self.measures.items() if box.isChecked()],
            "seal_scope": self.seal_scope.currentData(),
            "scope_unit": self.scope_unit.text().strip(),
            "period_from": self.period_from.text().strip(),
            "period_to": self.period_to.text().strip(),
            "parties": [
                {
                    "role": editor.role.value,
                    "id_text": editor.value(),
                    "reserve": editor.reserve.isChecked(),
                    "birth_date": editor.birth_date.text().strip(),
                    "name": editor.name.text().strip(),
                    "access_given": editor.access.currentData(),
                    "blank": editor.is_blank(),
                }
                for editor in self.parties
            ],
            "orderer_name": self.orderer_name.text().strip(),
            "orderer_title": self.orderer_title.text().strip(),
            "orderer_unit": self.orderer_unit.text().strip(),
            "orderer_phone": self.orderer_phone.text().strip(),
            "head_of_operations": self.head_of_operations.text().strip(),
            "signed_on": self.signed_on.text().strip(),
            "received_on": self.received_on.text().strip(),
            "is_signed": self.is_signed.isChecked(),
            "is_urgent": self.is_urgent.isChecked(),
            "phoned": self.phoned.isChecked(),
            "phoned_at": phoned_at.isoformat(),
            "phoned_by": self.phoned_by.text().strip(),
            "note": self.note.toPlainText(),
        }

    def _load_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            self._form_id = values.get("form_id")
            self._version = values.get("version")
            self._select(self.form_type, values.get("form_type"))
            self._select(self.initiator, values.get("initiator"))
            chosen = set(values.get("measures") or [])
            for measure, box in self.measures.items():
                box.setChecked(measure.value in chosen)
            self._select(self.seal_scope, values.get("seal_scope"))
            self.scope_unit.setText(values.get("scope_unit") or "")
            self.period_from.setText(values.get("period_from") or "")
            self.period_to.setText(values.get("period_to") or "")
            for editor, party in zip(self.parties, values.get("parties") or [], strict=False):
                editor.number = ""
                editor.id_text.setText(party.get("id_text") or "")
                editor.reserve.setChecked(bool(party.get("reserve")))
                editor.birth_date.setText(party.get("birth_date") or "")
                editor.name.setText(party.get("name") or "")
                editor.access.setCurrentIndex(
                    max(0, editor.access.findData(party.get("access_given")))
                )
            for name in (
                "orderer_name", "orderer_title", "orderer_unit", "orderer_phone",
                "head_of_operations", "signed_on", "received_on",
            ):  # fmt: skip
                line = getattr(self, name)
                line.setText(values.get(name) or "")
            self.phoned_by.setText(values.get("phoned_by") or "")
            self.is_signed.setChecked(bool(values.get("is_signed", True)))
            self.is_urgent.setChecked(bool(values.get("is_urgent")))
            self.phoned.setChecked(bool(values.get("phoned")))
            if values.get("phoned_at"):
                self.phoned_at.setDateTime(
                    _qdatetime(dt.datetime.fromisoformat(values["phoned_at"]))
                )
            self.note.setPlainText(values.get("note") or "")
        finally:
            self._loading = False
        self._type_changed()
        self._urgent_changed(self.is_urgent.isChecked())
        for editor in self.parties:
            self.check_identity(editor)

    def _people_key(self) -> tuple[Any, ...]:
        """What a duplicate is judged on: the type and the people's numbers."""
        form_type = self.current_type()
        slots = TYPE_SLOTS.get(form_type, ()) if form_type is not None else ()
        return (form_type, tuple(self.parties[slot].value() for slot in slots))

    # --- reacting to input ---------------------------------------------------------
    @Slot()
    def _edited(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.changed.emit()
        if self._draft_key is not None:
            self._draft_timer.start()

    @Slot()
    def _save_draft(self) -> None:
        if self._draft_key is None or self._drafts is None:
            return
        try:
            self._drafts.save(self._draft_key, self.values())
        except OSError as exc:
            self.draft_label.setText(
                self.tr("The draft could not be saved ({error}); save the form soon.").format(
                    error=exc.strerror or type(exc).__name__
                )
            )
            return
        self.draft_label.setText(self.tr("Draft kept on this computer until saved."))

    def flush_draft(self) -> None:
        """Write the draft now (the program is closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._save_draft()

    def discard_draft(self) -> None:
        """Throw the draft away (the form was saved, or the clerk threw it away)."""
        self._draft_timer.stop()
        if self._draft_key is not None and self._drafts is not None:
            self._drafts.discard(self._draft_key)
        self._draft_key = None

    # --- problems ------------------------------------------------------------------
    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.hide()
        for editor in self.parties:
            for label in (editor.id_error, editor.birth_error, editor.other_error):
                label.hide()
        self.message.hide()

    def show_problems(self, problems: list[ValidationError]) -> None:
        """Each message at its field; the cursor to the first field at fault."""
        first: tuple[float, QWidget] | None = None
        general: list[str] = []
        for problem in problems:
            place = self._place_of(problem.field or "")
            if place is None:
                general.append(problem.message())
                continue
            label, widget, rank = place
            text = problem.message()
            if label.isVisibleTo(self) and label.text() and label.text() != text:
                text = label.text() + "\n" + text
            label.setText(text)
            label.show()
            if first is None or rank < first[0]:
                first = (rank, widget)
        if general:
            self.message.setText("\n".join(general))
            self.message.show()
        if first is not None:
            widget = first[1]
            widget.setFocus()
            self.scroll_area.ensureWidgetVisible(widget)

    def _place_of(self, field: str) -> tuple[QLabel, QWidget, float] | None:
        """The message label and the widget for a FormInput field, with its rank."""
        widgets: dict[str, QWidget] = {
            "form_type": self.form_type,
            "initiator": self.initiator,
            "measures": next(iter(b for b in self.measures.values() if b.isVisibleTo(self)),
                             self.form_type),
            "seal_scope": self.seal_scope,
            "scope_unit": self.scope_unit,
            "period_from": self.period_from,
            "period_to": self.period_to,
            "parties": self.parties[self._slots[0] if self._slots else SUBJECT].id_text,
            "orderer_name": self.orderer_name,
            "orderer_title": self.orderer_title,
            "orderer_unit": self.orderer_unit,
            "orderer_phone": self.orderer_phone,
            "head_of_operations": self.head_of_operations,
            "signed_on": self.signed_on,
            "received_on": self.received_on,
            "is_signed": self.is_signed,
            "is_urgent": self.is_urgent,
            "it_support_phoned_at": self.phoned_at,
            "it_support_phoned_by": self.phoned_by,
            "note": self.note,
        }  # fmt: skip
        if field in widgets:
            widget = widgets[field]
            if (
                field in ("it_support_phoned_at", "it_support_phoned_by")
                and not self.is_urgent.isChecked()
            ):
                widget = self.is_urgent
            if field == "measures" and self.current_type() is FormType.MINOR_ACCESS:
                return self.errors["parties"], self.parties[CHILD].access, FIELDS.index("parties")
            return self.errors[field], widget, FIELDS.index(field)
        match = _PARTY_FIELD.fullmatch(field)
        if match is None:
            return None
        index, part = int(match.group(1)), match.group(2) or "id_text"
        if not 0 <= index < len(self._slots):
            return self.errors["parties"], widgets["parties"], FIELDS.index("parties")
        editor = self.parties[self._slots[index]]
        rank = FIELDS.index("parties") + (index + 1) / 100  # the people in their order
        if part == "birth_date" and editor.reserve.isChecked():
            return editor.birth_error, editor.birth_date, rank
        if part in ("id_text", "birth_date", "role"):
            return editor.id_error, editor.id_text, rank
        if part == "access_given" and self.current_type() is FormType.MINOR_ACCESS:
            return editor.other_error, editor.access, rank
        if part == "name":
            return editor.id_error, editor.name, rank
        return editor.id_error, editor.id_text, rank

    def _local_problems(self) -> list[tuple[QLabel, QWidget, str]]:
        """Dates that are not dates (checked here: the service gets date values)."""
        problems: list[tuple[QLabel, QWidget, str]] = []
        message = self.tr("Write the date as YYYY-MM-DD.")
        fields: list[tuple[DateField, QLabel]] = [
            (self.period_from, self.errors["period_from"]),
            (self.period_to, self.errors["period_to"]),
        ]
        fields += [
            (self.parties[slot].birth_date, self.parties[slot].birth_error)
            for slot in self._slots_in_use()
            if self.parties[slot].reserve.isChecked()
        ]
        fields += [(self.signed_on, self.errors["signed_on"]),
                   (self.received_on, self.errors["received_on"])]  # fmt: skip
        for field, label in fields:
            if not field.isVisibleTo(self) and field not in (self.signed_on, self.received_on):
                continue
            try:
                field.date()
            except ValueError:
                problems.append((label, field, message))
        if not self.received_on.text().strip():
            problems.append(
                (
                    self.errors["received_on"],
                    self.received_on,
                    self.tr("Enter the date the form arrived."),
                )
            )
        return problems

    def _limits(self) -> AgeLimits:
        from kansli_desk.settings import access_age_limits

        return access_age_limits(self._context.settings)

    def _slots_in_use(self) -> tuple[int, ...]:
        form_type = self.current_type()
        return TYPE_SLOTS.get(form_type, ()) if form_type is not None else ()

    # --- saving --------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        """Check and save the form in the background; problems are shown at their fields."""
        if self._saving:
            return
        self.clear_problems()
        for editor in self.parties:
            self.check_identity(editor)
        local = self._local_problems()
        if self.current_type() is None:
            local.insert(
                0,
                (self.errors["form_type"], self.form_type, self.tr("Choose the type of the form.")),
            )
        if local:
            for label, _widget, text in local:
                label.setText(text)
                label.show()
            local[0][1].setFocus()
            self.scroll_area.ensureWidgetVisible(local[0][1])
            return
        user = self._context.user
        if user is None or self._context.database is None:
            return
        values = self.values()
        self._slots = included_slots(values)
        today = local_today()
        limits = self._limits()
        people = self._people_key()
        check_duplicates = people != self._confirmed_people and (
            self._form_id is None or people != self._loaded_people
        )
        self._saving = True
        self.save_button.setEnabled(False)

        def job(session: Any) -> FormDetail | list[DuplicateRow]:
            from kansli_desk.services import forms

            data = build_input(values)
            if check_duplicates:
                problems = forms.check_form(data, today=today, limits=limits)
                if problems:
                    raise forms.FormInvalid(problems)
                found = forms.duplicates(session, data, today=today, exclude_id=values["form_id"])
                if found:
                    return found
            if values["form_id"] is None:
                return forms.register_form(session, user, data, today=today, limits=limits)
            return forms.update_form(
                session, user, values["form_id"], values["version"], data,
                today=today, limits=limits,
            )  # fmt: skip

        self._context.db_job(job, self._save_done, self._save_failed)

    def _save_done(self, result: FormDetail | list[DuplicateRow]) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(result, list):
            self._show_duplicates(result)
            if self.confirm_duplicates(result):
                self._confirmed_people = self._people_key()
                self.save()
            return
        self.discard_draft()
        self._dirty = False
        self.duplicates_banner.hide()
        self.saved.emit(result)

    def _show_duplicates(self, rows: list[DuplicateRow]) -> None:
        lines = "".join(
            "<li>" + self.tr("{number}, {type}, received {date}, {status}, {person}").format(
                number=row.registry_number, type=row.form_type.label,
                date=formatting.date(row.received_on), status=row.status.label.lower(),
                person=row.person_masked,
            ) + "</li>"
            for row in rows
        )  # fmt: skip
        self.duplicates_banner.setText(
            "<b>"
            + self.tr("This may be a duplicate.")
            + "</b> "
            + self.tr(
                "The same person has an open form of the same type, or one received in the "
                "last 30 days:"
            )
            + f"<ul style='margin: 2px 0 0 -20px'>{lines}</ul>"
        )
        self.duplicates_banner.show()

    def confirm_duplicates(self, rows: list[DuplicateRow]) -> bool:
        """Ask whether to save although the form looks like another (tests replace this)."""
        del rows  # shown in the banner above the form
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Possible duplicate"),
            self.tr(
                "This form looks like a form already in the register (shown above the form). "
                "Save it anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Save anyway"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Go back to the form"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _save_failed(self, error: BaseException) -> None:
        from kansli_desk.services.forms import FormConflict, FormInvalid

        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, FormInvalid):
            self.show_problems(error.problems)
        elif isinstance(error, FormConflict) and self._form_id is not None:
            self._read_theirs(self._form_id)
        elif isinstance(error, ValidationError):
            self.show_problems([error])
        elif isinstance(error, KnownError):
            self.message.setText(error.message())
            self.message.show()
        else:
            report_unexpected(error)

    # --- conflicts -----------------------------------------------------------------
    def _read_theirs(self, form_id: int) -> None:
        """Someone else changed the form first: read their version, then compare."""
        user = self._context.user
        limits = self._limits()
        self._saving = True
        self.save_button.setEnabled(False)

        def job(session: Any) -> FormDetail:
            from kansli_desk.services import forms

            return forms.get_form(session, form_id, user=user, limits=limits)

        self._context.db_job(job, self._show_conflict, self._save_failed)

    def _field_labels(self) -> list[tuple[str, str]]:
        return [
            ("form_type", self.tr("Order type")),
            ("received_on", self.tr("Date it arrived by internal mail")),
            ("parties", self.tr("Persons")),
            ("initiator", self.tr("On whose initiative")),
            ("measures", self.tr("Measures")),
            ("seal_scope", self.tr("What the seal covers")),
            ("scope_unit", self.tr("Care unit or care provider sealed")),
            ("period_from", self.tr("Sealed period from")),
            ("period_to", self.tr("Sealed period to")),
            ("orderer_name", self.tr("Orderer's name")),
            ("orderer_title", self.tr("Orderer's title")),
            ("orderer_unit", self.tr("Orderer's care unit")),
            ("orderer_phone", self.tr("Orderer's phone")),
            ("head_of_operations", self.tr("Head of operations who decided")),
            ("signed_on", self.tr("Date the form was signed")),
            ("is_signed", self.tr("The form is signed")),
            ("is_urgent", self.tr("Urgent")),
            ("it_support_phoned_at", self.tr("When IT-Vårdsystemsupport was phoned")),
            ("it_support_phoned_by", self.tr("Who phoned IT-Vårdsystemsupport")),
            ("note", self.tr("Note")),
        ]

    def _described(self, data: FormInput) -> dict[str, str]:
        """A form's values as the conflict dialog shows them."""

        def number(text: str) -> str:
            digits = re.sub(r"[\s-]", "", text)
            return f"{digits[:8]}-{digits[8:]}" if len(digits) == 12 else text.strip()

        def yes(value: bool) -> str:
            return self.tr("Yes") if value else self.tr("No")

        people = "; ".join(
            " ".join(
                part
                for part in (
                    party.role.label + ":",
                    number(party.id_text),
                    formatting.date(party.birth_date) if party.birth_date else "",
                    party.name,
                    ""
                    if party.access_given is None
                    else self.tr("Give access")
                    if party.access_given
                    else self.tr("Remove access"),
                )
                if part
            )
            for party in data.parties
        )
        return {
            "form_type": data.form_type.label,
            "received_on": formatting.date(data.received_on),
            "parties": people,
            "initiator": data.initiator.label if data.initiator else "",
            "measures": ", ".join(m.label for m in sorted(data.measures, key=lambda m: m.value)),
            "seal_scope": data.seal_scope.label if data.seal_scope else "",
            "scope_unit": data.scope_unit,
            "period_from": formatting.date(data.period_from),
            "period_to": formatting.date(data.period_to),
            "orderer_name": data.orderer_name,
            "orderer_title": data.orderer_title,
            "orderer_unit": data.orderer_unit,
            "orderer_phone": data.orderer_phone,
            "head_of_operations": data.head_of_operations,
            "signed_on": formatting.date(data.signed_on),
            "is_signed": yes(data.is_signed),
            "is_urgent": yes(data.is_urgent),
            "it_support_phoned_at": formatting.local_time(data.it_support_phoned_at),
            "it_support_phoned_by": data.it_support_phoned_by,
            "note": data.note,
        }

    def _show_conflict(self, theirs: FormDetail) -> None:
        from kansli_desk.ui.dialogs.conflict import ConflictDialog, differences

        self._saving = False
        self.save_button.setEnabled(True)
        self.reloaded.emit(theirs)
        mine = build_input(self.values())
        rows = differences(
            self._field_labels(), self._described(theirs.data), self._described(mine)
        )
        dialog = ConflictDialog(
            self.tr(
                "Someone else changed this form after you opened it, so your corrections "
                "were not saved. Choose which version to keep."
            ),
            rows,
            self,
        )
        dialog.finished.connect(lambda _result: self._conflict_chosen(dialog, theirs))
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_chosen(self, dialog: Any, theirs: FormDetail) -> None:
        from kansli_desk.ui.dialogs.conflict import KEEP_THEIRS, USE_MINE, copy_to_clipboard

        self.conflict_dialog = None
        dialog.deleteLater()
        if dialog.choice == KEEP_THEIRS:
            copy_to_clipboard(self.tr("Your version of the form"), dialog.rows)
            self.discard_draft()
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
                    "Not saved: someone else changed this form. Saving again shows both "
                    "versions once more."
                )
            )
            self.message.show()
            self.note.setFocus()


def included_slots(values: dict[str, Any]) -> tuple[int, ...]:
    """The party slots that go into the form, in order (``parties.<i>`` is the i-th).

    The person concerned or the child always (so a missing number is named at its
    field); the first guardian always when removing a guardian's access; other
    guardians when anything was typed for them.
    """
    if not values.get("form_type"):
        return ()
    form_type = FormType(values["form_type"])
    parties = values["parties"]
    slots = []
    for slot in TYPE_SLOTS[form_type]:
        needed = slot in (SUBJECT, CHILD) or (
            slot == GUARDIAN_1 and form_type is FormType.REMOVE_GUARDIAN_ACCESS
        )
        if needed or not parties[slot]["blank"]:
            slots.append(slot)
    return tuple(slots)


def build_input(values: dict[str, Any]) -> FormInput:
    """The FormInput for the values of :meth:`FormEntry.values` (only what the type uses).

    Raises:
        ValueError: no type is chosen, or a date field does not hold a date (both are
            checked before saving).
    """
    from kansli_desk.services.forms import FormInput, PartyInput

    form_type = FormType(values["form_type"])
    minor = form_type is FormType.MINOR_ACCESS
    parties = []
    for slot in included_slots(values):
        party = values["parties"][slot]
        parties.append(
            PartyInput(
                role=PartyRole(party["role"]),
                id_text=party["id_text"],
                birth_date=parse_date(party["birth_date"]) if party["reserve"] else None,
                name=party["name"],
                access_given=party["access_given"] if minor else None,
            )
        )
    measures: set[Measure] = set()
    if form_type in TYPE_MEASURES:
        measures = {Measure(m) for m in values["measures"]} & set(TYPE_MEASURES[form_type])
    elif form_type is FormType.REMOVE_GUARDIAN_ACCESS:
        measures = {Measure.REMOVE_GUARDIAN_ACCESS}
    else:
        given = {p.access_given for p in parties}
        if True in given:
            measures.add(Measure.GIVE_MINOR_ACCESS)
        if False in given:
            measures.add(Measure.REMOVE_MINOR_ACCESS)
    sealing = form_type is FormType.SEAL_OR_LOCK and Measure.SEAL_JOURNAL in measures
    scope = SealScope(values["seal_scope"]) if sealing and values["seal_scope"] else None
    urgent, phoned = values["is_urgent"], values["is_urgent"] and values["phoned"]
    return FormInput(
        form_type=form_type,
        received_on=parse_date(values["received_on"]) or local_today(),
        parties=tuple(parties),
        initiator=Initiator(values["initiator"])
        if form_type in INITIATOR_TYPES and values["initiator"]
        else None,
        measures=frozenset(measures),
        seal_scope=scope,
        scope_unit=values["scope_unit"]
        if scope in (SealScope.CARE_UNIT, SealScope.CARE_PROVIDER)
        else "",
        period_from=parse_date(values["period_from"]) if scope is SealScope.TIME_PERIOD else None,
        period_to=parse_date(values["period_to"]) if scope is SealScope.TIME_PERIOD else None,
        orderer_name=values["orderer_name"],
        orderer_title=values["orderer_title"],
        orderer_unit=values["orderer_unit"],
        orderer_phone=values["orderer_phone"],
        head_of_operations=values["head_of_operations"],
        signed_on=parse_date(values["signed_on"]),
        is_signed=values["is_signed"],
        is_urgent=urgent,
        it_support_phoned_at=dt.datetime.fromisoformat(values["phoned_at"]) if phoned else None,
        it_support_phoned_by=values["phoned_by"] if phoned else "",
        note=values["note"],
    )


def _is_identity(text: str) -> bool:
    from kansli_desk.core.identity import parse_identity

    try:
        parse_identity(text)
    except ValidationError:
        return False
    return True


def _qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
