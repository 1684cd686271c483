"""The form register: paper backup forms, entered, followed and printed.

The list shows the register newest first, filtered in the database (status,
type, urgent only, overdue only, received between two dates) and loaded in
batches; identity numbers are masked, urgent forms are marked orange and
overdue ones red. Above it the urgent queue lists the open urgent forms, oldest
first, with the same columns. ``Ctrl+Shift+N`` (or *Ny blankett*) enters a new
form; Enter or a double-click opens one. *Tom blankett* saves an empty paper
form of any of the four types as PDF, for units without their own template.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets  # date edits are made when first needed
from PySide6.QtCore import QDate, QModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import FormStatus, FormType
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from pathlib import Path

    from kansli_desk.drafts import Draft, DraftStore
    from kansli_desk.services.forms import FormRow
    from kansli_desk.ui.forms_register.dialog import FormDialog
    from kansli_desk.ui.forms_register.import_dialog import FormImportDialog

URGENT = QColor(255, 236, 204)
OVERDUE = QColor(255, 214, 214)
QUEUE_LIMIT = 500
CHOSEN_DATES = -1


class FormsRegisterPanel(QWidget):
    """The register of paper forms, its filters and the urgent queue.

    Attributes:
        new_button: enters a new form (Ctrl+Shift+N; ``new_form_action``).
        blank_button: saves an empty paper form as PDF (a menu of the four types).
        import_button: imports the old register from a CSV or XLSX file.
        status_filter, type_filter, period, date_from, date_to, urgent_only,
        overdue_only: the filters (the dates are made when first needed).
        list: the register (lazy model and view).
        queue: open urgent forms, oldest first.
        dialogs: the form windows open now.
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        drafts: DraftStore | None = None,
        new_form_action: QAction | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formsRegisterPanel")
        self._context = context
        self._drafts = drafts
        self._drafts_offered = False
        self.dialogs: list[FormDialog] = []

        if new_form_action is None:
            new_form_action = QAction(self.tr("&New paper form…"), self)
            new_form_action.setObjectName("actionNewForm")
            new_form_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
            new_form_action.triggered.connect(self.new_form)
            self.addAction(new_form_action)
        self.new_form_action = new_form_action  # the main window's, when it made one
        self.new_button = QPushButton(self.tr("&New form (Ctrl+Shift+N)"), self)
        name_widget(self.new_button, "formNewButton", self.tr("New paper form"))
        self.new_button.clicked.connect(self.new_form)
        self.blank_button = QPushButton(self.tr("&Blank paper form…"), self)
        name_widget(
            self.blank_button, "formBlankButton", self.tr("Save an empty paper form as PDF")
        )
        self.blank_button.setToolTip(
            self.tr("An empty paper form of each type, for units without their own template")
        )
        blank_menu = QMenu(self.blank_button)
        blank_menu.setObjectName("formBlankMenu")
        for form_type in FormType:
            action = blank_menu.addAction(form_type.label)
            action.setObjectName(f"formBlank_{form_type.value}")
            action.triggered.connect(lambda _checked=False, t=form_type: self.ask_blank_form(t))
        self.blank_button.setMenu(blank_menu)
        self.import_button = QPushButton(self.tr("Im&port the old register…"), self)
        name_widget(
            self.import_button, "formImportButton", self.tr("Import the old register from a file")
        )
        self.import_button.setToolTip(
            self.tr("CSV or XLSX; every row is checked and nothing is imported if one fails")
        )
        self.import_button.clicked.connect(self.show_import)

        self.status_filter = QComboBox(self)
        name_widget(self.status_filter, "formFilterStatus", self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in FormStatus:
            self.status_filter.addItem(status.label, status.value)
        self.type_filter = QComboBox(self)
        name_widget(self.type_filter, "formFilterType", self.tr("Order type"))
        self.type_filter.addItem(self.tr("All types"), None)
        for form_type in FormType:
            self.type_filter.addItem(form_type.label, form_type.value)
        self.period = QComboBox(self)
        name_widget(self.period, "formFilterPeriod", self.tr("Received"))
        for text, days in (
            (self.tr("Received any time"), None),
            (self.tr("Received today"), 0),
            (self.tr("Last 7 days"), 6),
            (self.tr("Last 30 days"), 29),
            (self.tr("Last 365 days"), 364),
            (self.tr("Chosen dates…"), CHOSEN_DATES),
        ):
            self.period.addItem(text, days)
        self.date_from: QtWidgets.QDateEdit | None = None
        self.date_to: QtWidgets.QDateEdit | None = None
        self.urgent_only = QCheckBox(self.tr("&Urgent only"), self)
        name_widget(self.urgent_only, "formFilterUrgent", self.tr("Urgent forms only"))
        self.overdue_only = QCheckBox(self.tr("Ove&rdue only"), self)
        name_widget(self.overdue_only, "formFilterOverdue", self.tr("Overdue forms only"))
        for box in (self.status_filter, self.type_filter, self.period):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)

        # The queue above the list has the list's columns, so the two read as one.
        columns: list[Column[FormRow]] = [
            Column(lambda: self.tr("Registry no."), lambda r: r.registry_number or "–"),
            Column(lambda: self.tr("Received"), lambda r: formatting.date(r.received_on)),
            Column(lambda: self.tr("Type"), lambda r: r.form_type.label),
            Column(lambda: self.tr("Status"), lambda r: r.status.label),
            Column(lambda: self.tr("Attention"), self._attention),
            Column(lambda: self.tr("Identity number"), lambda r: r.person_masked),
            Column(lambda: self.tr("Care unit"), lambda r: r.orderer_unit),
        ]
        widths = (112, 88, 215, 140, 110, 112)
        self.list: RegisterList[FormRow] = RegisterList(
            context.runner,
            columns,
            object_name="formList",
            accessible_name=self.tr("Form register"),
            footer_text=self._footer_text,
            column_widths=widths,
            highlight=_highlight,
            parent=self,
        )
        self.queue: RegisterList[FormRow] = RegisterList(
            context.runner,
            columns,
            object_name="urgentFormList",
            accessible_name=self.tr("Urgent forms"),
            footer_text=self._queue_footer,
            column_widths=widths,
            highlight=_highlight,
            batch_size=QUEUE_LIMIT + 1,
            parent=self,
        )
        queue_box = QWidget(self)
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(2)
        queue_title = QLabel(
            self.tr("<b>Urgent queue</b>: open urgent forms, oldest first"), queue_box
        )
        queue_title.setObjectName("urgentFormsTitle")
        queue_layout.addWidget(queue_title)
        queue_layout.addWidget(self.queue)
        rows = self.queue.view.verticalHeader().defaultSectionSize()
        self.queue.view.setMinimumHeight(
            rows * 2 + self.queue.view.horizontalHeader().sizeHint().height()
        )
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(2)
        list_title = QLabel(self.tr("<b>All forms</b>, most recently received first"), list_box)
        list_title.setObjectName("formsRegisterTitle")
        list_layout.addWidget(list_title)
        list_layout.addWidget(self.list)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.blank_button)
        top.addWidget(self.import_button)
        top.addStretch(1)
        legend = QLabel(
            " ".join(
                f"<span style='background:{colour.name()}'>&nbsp;{html.escape(text)}&nbsp;</span>"
                for colour, text in ((URGENT, self.tr("urgent")), (OVERDUE, self.tr("overdue")))
            ),
            self,
        )
        legend.setObjectName("formLegend")
        top.addWidget(legend)
        self._filters = filters = QHBoxLayout()
        for widget in (
            self.status_filter,
            self.type_filter,
            self.period,
            self.urgent_only,
            self.overdue_only,
        ):
            filters.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("formListsSplitter")
        self.splitter.addWidget(queue_box)
        self.splitter.addWidget(list_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.type_filter.currentIndexChanged.connect(self.apply_filters)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.urgent_only.toggled.connect(self.apply_filters)
        self.overdue_only.toggled.connect(self.apply_filters)
        self.list.view.activated.connect(self._open_from_list)
        self.queue.view.activated.connect(self._open_from_queue)
        context.database_opened.connect(self._on_database_opened)
        if context.database is not None:  # made after the database opened (the main window
            self._on_database_opened()  # builds this tab when it is first needed)

    # --- the list ------------------------------------------------------------------
    def _attention(self, row: FormRow) -> str:
        marks = []
        if row.is_urgent:
            marks.append(self.tr("Urgent"))
        if row.overdue:
            marks.append(self.tr("Overdue"))
        return ", ".join(marks)

    def _footer_text(self, rows: int, loading: bool, more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading forms…")
        if rows == 0:
            if self._filtering():
                return self.tr("No forms match.")
            return self.tr("No forms registered yet.")
        if more:
            return self.tr("{count} forms shown; scroll down for more.").format(count=rows)
        return self.tr("All {count} forms shown.").format(count=rows)

    def _queue_footer(self, rows: int, loading: bool, more: bool) -> str:
        del more
        if loading and rows == 0:
            return ""
        if rows == 0:
            return self.tr("No open urgent forms.")
        return self.tr("{count} open urgent forms.").format(count=rows)

    def _filtering(self) -> bool:
        return bool(
            self.status_filter.currentData() is not None
            or self.type_filter.currentData() is not None
            or self.period.currentData() is not None
            or self.urgent_only.isChecked()
            or self.overdue_only.isChecked()
        )

    def current_filter(self) -> dict[str, Any]:
        """The filters as plain values (the FormFilter is built on the database thread)."""
        today = _today()
        days = self.period.currentData()
        received_from = received_to = None
        if days == CHOSEN_DATES and self.date_from is not None and self.date_to is not None:
            received_from = self.date_from.date().toPython()
            received_to = self.date_to.date().toPython()
        elif days is not None:
            received_from, received_to = today - dt.timedelta(days=days), today
        status = self.status_filter.currentData()
        form_type = self.type_filter.currentData()
        return {
            "status": FormStatus(status) if status else None,
            "form_type": FormType(form_type) if form_type else None,
            "urgent_only": self.urgent_only.isChecked(),
            "overdue_only": self.overdue_only.isChecked(),
            "received_from": received_from,
            "received_to": received_to,
        }

    @Slot()
    def _period_changed(self) -> None:
        chosen = self.period.currentData() == CHOSEN_DATES
        if chosen and self.date_from is None:
            self._make_date_edits()
        for edit in (self.date_from, self.date_to):
            if edit is not None:
                edit.setVisible(chosen)
        self.apply_filters()

    def _make_date_edits(self) -> None:
        position = self._filters.indexOf(self.period) + 1
        today = _today()
        edits = []
        for offset, (name, text, start) in enumerate(
            (
                ("formFilterFrom", self.tr("Received from"), today - dt.timedelta(days=30)),
                ("formFilterTo", self.tr("Received to"), today),
            )
        ):
            edit = QtWidgets.QDateEdit(self)
            name_widget(edit, name, text)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setDate(QDate(start.year, start.month, start.day))
            edit.dateChanged.connect(self.apply_filters)
            self._filters.insertWidget(position + offset, edit)
            edits.append(edit)
        self.date_from, self.date_to = edits
        QWidget.setTabOrder(self.period, self.date_from)
        QWidget.setTabOrder(self.date_from, self.date_to)
        QWidget.setTabOrder(self.date_to, self.urgent_only)

    @Slot()
    def apply_filters(self) -> None:
        """Show the forms that match the filters (queried in the background)."""
        if self._context.database is None:
            return
        context, wanted = self._context, self.current_filter()

        def fetch(cursor: Any, limit: int) -> list[FormRow]:
            from kansli_desk.services.forms import FormFilter, list_forms_page

            filters = FormFilter(**wanted)
            today = _today()
            return context.transactional(
                lambda session: list_forms_page(
                    session, filters=filters, after=cursor, limit=limit, today=today
                )
            )()

        self.list.set_source(fetch)

    def reload_queue(self) -> None:
        if self._context.database is None:
            return
        context = self._context

        def fetch(cursor: Any, limit: int) -> list[FormRow]:
            del limit  # one page: the queue is short
            if cursor is not None:
                return []
            from kansli_desk.services.forms import urgent_queue

            today = _today()
            rows = context.transactional(lambda session: urgent_queue(session, today=today))()
            return rows[:QUEUE_LIMIT]

        self.queue.set_source(fetch)

    @Slot()
    def refresh(self) -> None:
        """Read the list and the queue again (a form was saved or moved on)."""
        self.apply_filters()
        self.reload_queue()

    @Slot()
    def _on_database_opened(self) -> None:
        for dialog in list(self.dialogs):
            dialog.close()
        self._apply_role()
        self.refresh()
        if not self._drafts_offered:
            self._drafts_offered = True
            self.offer_drafts()

    def _may(self, permission: str) -> bool:
        """Whether the user's role holds a permission (:mod:`kansli_desk.services.roles`);
        True before a database is open (nothing can be done then anyway)."""
        user = self._context.user
        if user is None:
            return True
        from kansli_desk.services import roles  # loaded with the database already

        return roles.allowed(user.role, roles.Permission(permission))

    def _apply_role(self) -> None:
        """Advisors read the register: entering and importing forms are switched off
        (the services refuse them too)."""
        can_enter = self._may("forms_change")
        can_import = self._may("forms_import")
        self.new_button.setEnabled(can_enter)
        self.new_form_action.setEnabled(can_enter)
        self.import_button.setEnabled(can_import)
        self.import_button.setVisible(can_import)
        if not can_enter:
            self.new_button.setToolTip(
                self.tr("Only a registry clerk or a supervisor can register forms.")
            )
        else:
            self.new_button.setToolTip("")

    # --- opening forms -------------------------------------------------------------
    def _draft_store(self) -> DraftStore:
        if self._drafts is None:
            from kansli_desk import paths
            from kansli_desk.drafts import DraftStore

            self._drafts = DraftStore(paths.data_dir() / "form-drafts")
        return self._drafts

    def _make_dialog(self) -> FormDialog:
        from kansli_desk.ui.forms_register.dialog import FormDialog

        dialog = FormDialog(self._context, self._draft_store(), self)
        dialog.changed.connect(self.refresh)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        return dialog

    def _forget(self, dialog: FormDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    @Slot()
    def new_form(self) -> FormDialog | None:
        """Enter a new paper form, in a window of its own."""
        if self._context.database is None or not self._may("forms_change"):
            return None
        dialog = self._make_dialog()
        dialog.start_new()
        dialog.show()
        dialog.activateWindow()
        return dialog

    def open_form(self, form_id: int) -> FormDialog | None:
        """Show a stored form (the window it is already open in, if any)."""
        if self._context.database is None:
            return None
        for dialog in self.dialogs:
            if dialog.form_id == form_id:
                dialog.showNormal() if dialog.isMinimized() else dialog.show()
                dialog.activateWindow()  # brings it to the front
                return dialog
        dialog = self._make_dialog()
        dialog.open_form(form_id)
        dialog.show()
        dialog.activateWindow()
        return dialog

    @Slot(QModelIndex)
    def _open_from_list(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_form(self.list.model.row_at(index.row()).id)

    @Slot(QModelIndex)
    def _open_from_queue(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_form(self.queue.model.row_at(index.row()).id)

    def offer_drafts(self) -> None:
        """Offer the forms left unsaved when the program last stopped (to those who
        may register forms; the drafts stay for them)."""
        if not self._may("forms_change"):
            return
        store = self._draft_store()
        for draft in store.load_all():
            if self.ask_restore(draft):
                dialog = self._make_dialog()
                dialog.restore(draft)
                dialog.show()
            else:
                store.discard(draft.key)

    def ask_restore(self, draft: Draft) -> bool:
        """Ask whether to continue an unsaved form (tests replace this)."""
        return ask_yes_no(
            self,
            self.tr("Unsaved paper form"),
            self.tr(
                "A paper form typed in at {time} was not saved when Kansli Desk last "
                "stopped. Continue entering it?"
            ).format(time=formatting.local_time(draft.saved_at)),
            default_yes=True,
        )

    @Slot()
    def show_import(self) -> FormImportDialog | None:
        """Import the old register from a CSV or XLSX file (all or nothing)."""
        if self._context.database is None or not self._may("forms_import"):
            return None
        from kansli_desk.ui.forms_register.import_dialog import FormImportDialog

        dialog = FormImportDialog(self._context, self)
        dialog.imported.connect(lambda _count: self.refresh())
        dialog.show()
        dialog.choose_button.setFocus()
        return dialog

    # --- blank paper forms ---------------------------------------------------------
    def ask_blank_form(self, form_type: FormType) -> Path | None:
        """Save an empty paper form of a type as PDF, where the clerk chooses."""
        from pathlib import Path

        suggested = Path.home() / f"blankett-{form_type.value.replace('_', '-')}.pdf"
        path = self.ask_pdf_path(self.tr("Save the blank paper form as PDF"), str(suggested))
        if not path:
            return None
        from kansli_desk.ui.forms_register.print import paper_form_pdf

        return paper_form_pdf(form_type, path)

    def ask_pdf_path(self, title: str, suggested: str) -> str:
        """Where to save a PDF, chosen in a file dialog (tests replace this)."""
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, title, suggested, self.tr("PDF files (*.pdf)")
        )
        return path


def _highlight(row: FormRow) -> QColor | None:
    if row.overdue:
        return OVERDUE
    if row.is_urgent:
        return URGENT
    return None


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(formatting.swedish_time()).date()
