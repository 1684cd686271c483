"""A stored paper form: its values, its workflow, its scans and its confirmation.

Only the transitions the service allows now (``FormDetail.allowed``) are offered,
each as a button, with an optional comment; the history says who moved the form
where and when. Scans (PDF, PNG, JPEG) are attached from a file and shown: images
inline, PDFs in the system's viewer. Once the form is executed, the confirmation
to the head of operations and the orderer is shown, can be opened in the mail
program and marked as sent. When someone else changed the form first, the clerk
is told and the form is read again.
"""

from __future__ import annotations

import atexit
import html
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import FormStatus, FormType, Measure, PartyRole, SealScope
from kansli_desk.errors import KnownError
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from kansli_desk.core.age_access import AgeLimits
    from kansli_desk.services.forms import AttachmentRow, Confirmation, FormDetail

ERROR_STYLE = "color: #a00000;"
CONFIRMATION_STATUSES = (FormStatus.EXECUTED, FormStatus.CONFIRMED, FormStatus.CLOSED)
# Forms can be corrected until they are forwarded (kansli_desk.services.forms.EDITABLE).
EDITABLE = (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.COMPLETION_REQUESTED)
SIDE_EXITS = (FormStatus.CANCELLED, FormStatus.REJECTED)
ATTACHMENT_ID_ROLE = Qt.ItemDataRole.UserRole
SCAN_FILTER_PATTERNS = "*.pdf *.png *.jpg *.jpeg *.PDF *.PNG *.JPG *.JPEG"
COMMENT_MAX = 1000

STATUS_COLOURS = {
    FormStatus.RECEIVED: "#e8eef7",
    FormStatus.REGISTERED: "#e3f1e3",
    FormStatus.COMPLETION_REQUESTED: "#fff1cc",
    FormStatus.FORWARDED: "#e6e3f5",
    FormStatus.EXECUTED: "#d9efe6",
    FormStatus.CONFIRMED: "#d9efe6",
    FormStatus.CLOSED: "#ececec",
    FormStatus.CANCELLED: "#f6dcdc",
    FormStatus.REJECTED: "#f6dcdc",
}


class FormView(QWidget):
    """One stored form, read-only, with what can be done with it now.

    Signals:
        edit_requested(): the clerk wants to correct the values (Ctrl+E).
        changed(object): the form changed here (the new ``FormDetail``).
        gone(): the form no longer exists.

    Attributes:
        detail: the form shown, or None before it is loaded.
        header, status_label, details, history: what the form is and has been.
        comment, transition_buttons, workflow_message: moving the form on.
        attachments, add_attachment_button, show_attachment_button: the scans.
        confirmation_box, confirmation_text, mail_button, copy_button, sent_button,
        sent_label: the confirmation.
        edit_button, receipt_button, paper_button, close_button: the buttons below.
    """

    edit_requested = Signal()
    changed = Signal(object)
    gone = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formView")
        self._context = context
        self.detail: FormDetail | None = None
        self.confirmation: Confirmation | None = None
        self._busy = False
        self.transition_buttons: dict[FormStatus, QPushButton] = {}
        self._build()

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.header = QLabel(self)
        self.header.setObjectName("formViewHeader")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("formViewStatus")
        self.flags_label = QLabel(self)
        self.flags_label.setObjectName("formViewFlags")
        self.message = QLabel(self)
        self.message.setObjectName("formViewMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        self.details = QTextBrowser(self)
        name_widget(self.details, "formViewDetails", self.tr("The values of the form"))
        self.details.setOpenLinks(False)
        self.history = QTreeWidget(self)
        name_widget(self.history, "formViewHistory", self.tr("History of the form"))
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Status"), self.tr("Comment")]
        )
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setAlternatingRowColors(True)
        header = self.history.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        # Workflow.
        self.comment = QLineEdit(self)
        name_widget(self.comment, "formTransitionComment", self.tr("Comment on the change"))
        self.comment.setPlaceholderText(self.tr("Comment (optional), saved with the change"))
        self.comment.setMaxLength(COMMENT_MAX)
        self.workflow_message = QLabel(self)
        self.workflow_message.setObjectName("formWorkflowMessage")
        self.workflow_message.setWordWrap(True)
        self.workflow_message.setStyleSheet(ERROR_STYLE)
        self.workflow_message.hide()
        self.held_back_label = QLabel(self)
        self.held_back_label.setObjectName("formHeldBack")
        self.held_back_label.setWordWrap(True)
        self.held_back_label.setTextFormat(Qt.TextFormat.RichText)
        self.held_back_label.setStyleSheet("color: #6b4e00;")
        self.held_back_label.hide()
        self.no_transitions = QLabel(self.tr("Nothing more to do: the form is finished."), self)
        self.no_transitions.setObjectName("formNoTransitions")
        self.no_transitions.setWordWrap(True)
        self._buttons_box = QWidget(self)
        self._buttons_grid = QGridLayout(self._buttons_box)
        self._buttons_grid.setContentsMargins(0, 0, 0, 0)
        workflow = QGroupBox(self.tr("Move the form on"), self)
        workflow.setObjectName("formWorkflow")
        workflow_layout = QVBoxLayout(workflow)
        workflow_layout.addWidget(self.comment)
        workflow_layout.addWidget(self._buttons_box)
        workflow_layout.addWidget(self.held_back_label)
        workflow_layout.addWidget(self.no_transitions)
        workflow_layout.addWidget(self.workflow_message)

        # Scans.
        self.attachments = QListWidget(self)
        name_widget(self.attachments, "formAttachments", self.tr("Scans of the paper form"))
        self.attachments.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.add_attachment_button = QPushButton(self.tr("&Attach scan…"), self)
        name_widget(self.add_attachment_button, "formAttachmentAdd", self.tr("Attach a scan"))
        self.show_attachment_button = QPushButton(self.tr("S&how"), self)
        name_widget(self.show_attachment_button, "formAttachmentShow", self.tr("Show the scan"))
        self.attachment_message = QLabel(self)
        self.attachment_message.setObjectName("formAttachmentMessage")
        self.attachment_message.setWordWrap(True)
        self.attachment_message.setStyleSheet(ERROR_STYLE)
        self.attachment_message.hide()
        scans = QGroupBox(self.tr("Scans"), self)
        scans_layout = QVBoxLayout(scans)
        scans_layout.addWidget(self.attachments)
        scan_buttons = QHBoxLayout()
        scan_buttons.addWidget(self.add_attachment_button)
        scan_buttons.addWidget(self.show_attachment_button)
        scan_buttons.addStretch(1)
        scans_layout.addLayout(scan_buttons)
        scans_layout.addWidget(self.attachment_message)

        # Confirmation.
        self.recipients_label = QLabel(self)
        self.recipients_label.setObjectName("formConfirmationRecipients")
        self.recipients_label.setWordWrap(True)
        self.confirmation_text = QPlainTextEdit(self)
        name_widget(self.confirmation_text, "formConfirmationText", self.tr("Confirmation text"))
        self.confirmation_text.setReadOnly(True)
        self.confirmation_text.setTabChangesFocus(True)
        self.confirmation_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.mail_button = QPushButton(self.tr("Open in the &mail program"), self)
        name_widget(self.mail_button, "formConfirmationMail", self.tr("Open in the mail program"))
        self.copy_button = QPushButton(self.tr("Cop&y text"), self)
        name_widget(self.copy_button, "formConfirmationCopy", self.tr("Copy the text"))
        self.sent_button = QPushButton(self.tr("Mark as se&nt"), self)
        name_widget(self.sent_button, "formConfirmationSent", self.tr("Mark as sent"))
        self.sent_label = QLabel(self)
        self.sent_label.setObjectName("formConfirmationSentAt")
        self.confirmation_box = QGroupBox(self.tr("Confirmation"), self)
        self.confirmation_box.setObjectName("formConfirmation")
        confirmation = QVBoxLayout(self.confirmation_box)
        confirmation.addWidget(self.recipients_label)
        confirmation.addWidget(self.confirmation_text, 1)
        mail_buttons = QHBoxLayout()
        mail_buttons.addWidget(self.mail_button)
        mail_buttons.addWidget(self.copy_button)
        mail_buttons.addWidget(self.sent_button)
        mail_buttons.addStretch(1)
        confirmation.addLayout(mail_buttons)
        confirmation.addWidget(self.sent_label)

        # Buttons below.
        self.edit_button = QPushButton(self.tr("&Correct… (Ctrl+E)"), self)
        name_widget(self.edit_button, "formEdit", self.tr("Correct the values"))
        self.receipt_button = QPushButton(self.tr("Print &receipt…"), self)
        name_widget(self.receipt_button, "formPrintReceipt", self.tr("Print the receipt as PDF"))
        self.paper_button = QPushButton(self.tr("&Paper form…"), self)
        name_widget(
            self.paper_button, "formPrintPaper", self.tr("The paper form, pre-filled, as PDF")
        )
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        name_widget(self.close_button, "formClose", self.tr("Close"))
        self.print_message = QLabel(self)
        self.print_message.setObjectName("formPrintMessage")
        self.print_message.setWordWrap(True)
        for button in (
            self.edit_button, self.receipt_button, self.paper_button, self.close_button,
            self.add_attachment_button, self.show_attachment_button, self.mail_button,
            self.copy_button, self.sent_button,
        ):  # fmt: skip
            button.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addWidget(self.status_label)
        top.addWidget(self.flags_label)
        top.addStretch(1)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.details)
        history_box = QWidget(self)
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 4, 0, 0)
        history_layout.addWidget(QLabel("<b>" + self.tr("History") + "</b>", history_box))
        history_layout.addWidget(self.history)
        left.addWidget(history_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)
        for box in (workflow, scans):
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        right = QVBoxLayout()
        right.addWidget(workflow)
        right.addWidget(scans)
        right.addWidget(self.confirmation_box, 1)
        right.addStretch(0)  # takes the room when there is no confirmation
        right_box = QWidget(self)
        right_box.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        body = QSplitter(self)
        body.setObjectName("formViewSplitter")
        body.addWidget(left)
        body.addWidget(right_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.receipt_button)
        bottom.addWidget(self.paper_button)
        bottom.addWidget(self.print_message, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(body, 1)
        layout.addLayout(bottom)

        self.edit_button.clicked.connect(self.edit_requested)
        self.receipt_button.clicked.connect(self.ask_print_receipt)
        self.paper_button.clicked.connect(self.ask_print_paper_form)
        self.add_attachment_button.clicked.connect(self.ask_add_attachment)
        self.show_attachment_button.clicked.connect(self.show_current_attachment)
        self.attachments.itemActivated.connect(lambda _item: self.show_current_attachment())
        self.mail_button.clicked.connect(self.open_mail)
        self.copy_button.clicked.connect(self.copy_confirmation)
        self.sent_button.clicked.connect(self.mark_sent)
        self._set_enabled(False)

    # --- showing -------------------------------------------------------------------
    def load(self, form_id: int) -> None:
        """Read a form (in the background) and show it."""

        limits = self._limits()
        # Registry clerks and supervisors see the numbers (each display is audited);
        # advisors see them masked.
        user = self._context.user

        def job(session: Any) -> FormDetail:
            from kansli_desk.services.forms import get_form

            return get_form(session, form_id, limits=limits, user=user)

        self._busy = True
        self._context.db_job(job, self._loaded, self._failed)

    def _loaded(self, detail: FormDetail) -> None:
        self._busy = False
        self.show_detail(detail)

    def reload(self) -> None:
        if self.detail is not None:
            self.load(self.detail.id)

    def show_detail(self, detail: FormDetail) -> None:
        """Show a form as stored."""
        self.detail = detail
        self.message.hide()
        self.workflow_message.hide()
        number = detail.registry_number or self.tr("Not registered yet")
        self.header.setText(
            f"<span style='font-size: 13pt'><b>{html.escape(number)}</b></span>"
            f" · {html.escape(detail.data.form_type.label)}"
        )
        colour = STATUS_COLOURS.get(detail.status, "#eeeeee")
        self.status_label.setText(detail.status.label)
        self.status_label.setStyleSheet(
            f"QLabel {{ background: {colour}; border: 1px solid #b9b9b9; border-radius: 8px;"
            " padding: 2px 10px; font-weight: bold; }"
        )
        flags = []
        if detail.data.is_urgent:
            flags.append(self.tr("Urgent"))
        if detail.overdue:
            flags.append(self.tr("Overdue"))
        if not detail.data.is_signed:
            flags.append(self.tr("Not signed"))
        self.flags_label.setText(
            " ".join(f"<span style='color: #a03000'><b>{html.escape(f)}</b></span>" for f in flags)
        )
        self.details.setHtml(self.details_html(detail))
        self._fill_history(detail)
        self._fill_transitions(detail)
        self._fill_attachments(detail.attachments)
        self._fill_confirmation(detail)
        self._set_enabled(True)
        self.receipt_button.setEnabled(bool(detail.registry_number))
        self.receipt_button.setToolTip(
            "" if detail.registry_number else self.tr("Register the form first.")
        )
        editable = detail.status in EDITABLE
        self.edit_button.setEnabled(editable)
        self.edit_button.setToolTip(
            "" if editable else self.tr("Forms can be corrected until they are forwarded.")
        )
        if not self._may_change():
            # Advisors read forms; the services refuse changes, the buttons say so first.
            reason = self.tr("Only a registry clerk or a supervisor can change forms.")
            changers: list[QWidget] = [
                self.edit_button, self.add_attachment_button, self.comment,
                self.sent_button, self.show_attachment_button,
                *self.transition_buttons.values(),
            ]  # fmt: skip
            for widget in changers:
                widget.setEnabled(False)
                widget.setToolTip(reason)

    def _may_change(self) -> bool:
        from kansli_desk.services import roles

        user = self._context.user
        return user is not None and roles.allowed(user.role, roles.Permission.FORMS_CHANGE)

    def details_html(self, detail: FormDetail) -> str:
        """The values of a form as a small HTML table."""
        data = detail.data
        rows = self._order_rows(detail) + self._party_rows(detail)
        orderer = ", ".join(
            part
            for part in (
                data.orderer_name,
                data.orderer_title,
                data.orderer_unit,
                data.orderer_phone,
            )
            if part
        )
        rows.append((self.tr("Orderer"), orderer or "–"))
        rows.append((self.tr("Head of operations"), data.head_of_operations or "–"))
        rows.append((self.tr("Signed on"), formatting.date(data.signed_on) or "–"))
        rows.append((self.tr("Signed"), self.tr("Yes") if data.is_signed else self.tr("No")))
        rows.append((self.tr("Received on"), formatting.date(data.received_on)))
        rows.append((self.tr("Registered"), formatting.local_time(detail.registered_at) or "–"))
        if data.is_urgent:
            if data.it_support_phoned_at is not None:
                phoned = self.tr("{time} by {who}").format(
                    time=formatting.local_time(data.it_support_phoned_at),
                    who=data.it_support_phoned_by or "?",
                )
            else:
                phoned = self.tr("Not yet: phone before forwarding the form.")
            rows.append((self.tr("IT-Vårdsystemsupport phoned"), phoned))
        if detail.executed_at is not None:
            rows.append((self.tr("Executed"), formatting.local_time(detail.executed_at)))
        if detail.confirmation_sent_at is not None:
            rows.append(
                (self.tr("Confirmation sent"), formatting.local_time(detail.confirmation_sent_at))
            )
        if data.note.strip():
            rows.append((self.tr("Note"), data.note))
        cells = "".join(
            "<tr><td style='color:#555; padding: 3px 14px 3px 0; white-space: nowrap'>"
            f"{html.escape(label)}</td><td style='padding: 3px 0'>"
            f"{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
            for label, value in rows
        )
        return f"<table cellspacing='0'>{cells}</table>"

    def _order_rows(self, detail: FormDetail) -> list[tuple[str, str]]:
        data = detail.data
        rows: list[tuple[str, str]] = [(self.tr("Type"), data.form_type.label)]
        if data.initiator is not None:
            rows.append((self.tr("Initiative"), data.initiator.label))
        if data.measures:
            measures = ", ".join(m.label for m in _ordered_measures(data.measures))
            rows.append((self.tr("Measures"), measures))
        if data.seal_scope is not None:
            scope = data.seal_scope.label
            if data.seal_scope in (SealScope.CARE_UNIT, SealScope.CARE_PROVIDER):
                scope += f": {data.scope_unit}"
            elif data.seal_scope is SealScope.TIME_PERIOD:
                period = f"{formatting.date(data.period_from)} – {formatting.date(data.period_to)}"
                scope += f": {period}"
            rows.append((self.tr("Scope of the seal"), scope))
        return rows

    def _party_rows(self, detail: FormDetail) -> list[tuple[str, str]]:
        rows = []
        guardian = 0
        for party in detail.parties:
            title = party.role.label
            if party.role is PartyRole.GUARDIAN:
                guardian += 1
                title = self.tr("Guardian {number}").format(number=guardian)
            text = f"{party.number_masked} ({party.id_kind.label.lower()})"
            if party.name:
                text += f", {party.name}"
            text += ", " + self.tr("born {date}").format(date=formatting.date(party.birth_date))
            if party.access_given is not None and detail.data.form_type is FormType.MINOR_ACCESS:
                text += " · " + (
                    self.tr("access given") if party.access_given else self.tr("access removed")
                )
            rows.append((title, text))
        return rows

    def _fill_history(self, detail: FormDetail) -> None:
        self.history.clear()
        for row in reversed(detail.history):
            change = row.to_status.label
            if row.from_status is not None:
                change = f"{row.from_status.label} → {change}"
            item = QTreeWidgetItem(
                [formatting.local_time(row.changed_at), row.changed_by, change, row.comment]
            )
            item.setToolTip(3, row.comment)
            self.history.addTopLevelItem(item)

    def _fill_transitions(self, detail: FormDetail) -> None:
        for button in self.transition_buttons.values():
            self._buttons_grid.removeWidget(button)
            button.deleteLater()
        self.transition_buttons = {}
        previous: QWidget = self.comment
        for number, status in enumerate(detail.allowed):
            button = QPushButton(self._verb(status, detail.status), self._buttons_box)
            name_widget(button, f"formTransition_{status.value}", self._verb(status, detail.status))
            button.setToolTip(self.tr("New status: {status}").format(status=status.label))
            button.setAutoDefault(False)
            if status in SIDE_EXITS:
                button.setStyleSheet("QPushButton { color: #8a1f11; }")
            button.clicked.connect(lambda _checked=False, s=status: self.move_to(s))
            self._buttons_grid.addWidget(button, number // 2, number % 2)
            QWidget.setTabOrder(previous, button)
            previous = button
            self.transition_buttons[status] = button
        self.comment.setVisible(bool(detail.allowed))
        self.no_transitions.setVisible(not detail.allowed and not detail.held_back)
        held = [
            "<li>"
            + html.escape(
                self.tr("“{step}” is not offered: {reason}").format(
                    step=self._verb(h.status, detail.status).rstrip("…"), reason=h.message()
                )
            )
            + "</li>"
            for h in detail.held_back
        ]
        self.held_back_label.setText(
            f"<ul style='margin: 0 0 0 -24px'>{''.join(held)}</ul>" if held else ""
        )
        self.held_back_label.setVisible(bool(held))

    def _verb(self, to: FormStatus, current: FormStatus) -> str:
        verbs = {
            FormStatus.RECEIVED: self.tr("Back to received"),
            FormStatus.REGISTERED: self.tr("Completed: register again")
            if current is FormStatus.COMPLETION_REQUESTED
            else self.tr("Register"),
            FormStatus.COMPLETION_REQUESTED: self.tr("Request completion"),
            FormStatus.FORWARDED: self.tr("Forward for execution"),
            FormStatus.EXECUTED: self.tr("Mark as executed"),
            FormStatus.CONFIRMED: self.tr("Mark as confirmed"),
            FormStatus.CLOSED: self.tr("Close the case"),
            FormStatus.CANCELLED: self.tr("Cancel the form…"),
            FormStatus.REJECTED: self.tr("Reject…"),
        }
        return verbs.get(to, to.label)

    def _fill_attachments(self, rows: tuple[AttachmentRow, ...]) -> None:
        self.attachments.clear()
        for row in rows:
            item = QListWidgetItem(
                self.tr("{name} ({size}, added {time})").format(
                    name=row.filename,
                    size=_size(row.size_bytes),
                    time=formatting.local_time(row.added_at),
                ),
                self.attachments,
            )
            item.setData(ATTACHMENT_ID_ROLE, row.id)
            item.setToolTip(row.media_type)
        if rows:
            self.attachments.setCurrentRow(0)
        else:
            placeholder = QListWidgetItem(self.tr("No scan attached yet."), self.attachments)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        self.show_attachment_button.setEnabled(bool(rows))

    def _fill_confirmation(self, detail: FormDetail) -> None:
        shown = detail.status in CONFIRMATION_STATUSES
        self.confirmation_box.setVisible(shown)
        self.confirmation = None
        if not shown:
            return
        from kansli_desk.services.forms import confirmation

        self.confirmation = confirmation(detail)
        self.recipients_label.setText(
            self.tr("To: {recipients}").format(recipients=", ".join(self.confirmation.recipients))
            + "<br>"
            + self.tr("Subject: {subject}").format(subject=html.escape(self.confirmation.subject))
        )
        self.confirmation_text.setPlainText(self.confirmation.body)
        if detail.confirmation_sent_at is not None:
            self.sent_label.setText(
                self.tr("Sent {time}.").format(
                    time=formatting.local_time(detail.confirmation_sent_at)
                )
            )
        else:
            self.sent_label.setText(self.tr("Not marked as sent yet."))
        self.sent_button.setEnabled(detail.confirmation_sent_at is None)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.edit_button, self.receipt_button, self.paper_button,
            self.add_attachment_button, self.comment,
        ):  # fmt: skip
            widget.setEnabled(enabled)

    # --- the workflow --------------------------------------------------------------
    @Slot()
    def move_to(self, status: FormStatus) -> None:
        """Move the form to ``status`` (one of the allowed ones), with the comment."""
        detail, user = self.detail, self._context.user
        if detail is None or user is None or self._busy or status not in detail.allowed:
            return
        if status in SIDE_EXITS and not self.confirm_side_exit(status):
            return
        comment = self.comment.text().strip()
        form_id, version = detail.id, detail.version
        limits = self._limits()

        def job(session: Any) -> FormDetail:
            from kansli_desk.services.forms import transition

            return transition(
                session, user, form_id, version, status, comment=comment, limits=limits
            )

        self._busy = True
        self._context.db_job(job, self._moved, self._failed)

    def _moved(self, detail: FormDetail) -> None:
        self._busy = False
        self.comment.clear()
        self.show_detail(detail)
        self.changed.emit(detail)
        buttons = list(self.transition_buttons.values())
        (buttons[0] if buttons else self.close_button).setFocus()

    def confirm_side_exit(self, status: FormStatus) -> bool:
        """Ask before cancelling or rejecting a form (tests replace this)."""
        return ask_yes_no(
            self,
            self._verb(status, status).rstrip("…"),
            self.tr("Set the form to “{status}”? It cannot be moved on after that.").format(
                status=status.label
            ),
        )

    @Slot()
    def mark_sent(self) -> None:
        """Record that the confirmation was sent (now)."""
        detail, user = self.detail, self._context.user
        if detail is None or user is None or self._busy:
            return
        form_id, version = detail.id, detail.version

        def job(session: Any) -> FormDetail:
            from kansli_desk.services.forms import mark_confirmation_sent

            return mark_confirmation_sent(session, user, form_id, version)

        self._busy = True
        self._context.db_job(job, self._moved, self._failed)

    def _failed(self, error: BaseException) -> None:
        from kansli_desk.services.forms import FormConflict, FormNotFound

        self._busy = False
        if isinstance(error, FormConflict):
            self.tell(
                self.tr("Changed by someone else"),
                self.tr(
                    "Someone else changed this form a moment ago, so nothing was changed here. "
                    "The form has been read again: check it and try again."
                ),
            )
            self.reload()
        elif isinstance(error, FormNotFound):
            self.message.setText(error.message())
            self.message.show()
            self._set_enabled(False)
            self.gone.emit()
        elif isinstance(error, KnownError):
            problems = getattr(error, "problems", None) or [error]
            self.workflow_message.setText("\n".join(p.message() for p in problems))
            self.workflow_message.show()
        else:
            report_unexpected(error)

    def _limits(self) -> AgeLimits:
        from kansli_desk.settings import access_age_limits

        return access_age_limits(self._context.settings)

    def tell(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    # --- confirmation --------------------------------------------------------------
    @Slot()
    def open_mail(self) -> None:
        """Open the confirmation in the mail program."""
        if self.confirmation is not None:
            self.open_external(QUrl(self.confirmation.mailto()))

    @Slot()
    def copy_confirmation(self) -> None:
        if self.confirmation is not None:
            QGuiApplication.clipboard().setText(self.confirmation.body)
            self.sent_label.setText(self.tr("Text copied.") + " " + self.sent_label.text())

    def open_external(self, url: QUrl) -> None:
        """Hand a URL to the system (tests replace this)."""
        if not QDesktopServices.openUrl(url):
            self.tell(
                self.tr("Could not open"),
                self.tr("No program is set up to open this. Copy the text instead."),
            )

    # --- scans ---------------------------------------------------------------------
    @Slot()
    def ask_add_attachment(self) -> None:
        path = self.ask_attachment_path()
        if path:
            self.add_attachment(Path(path))

    def ask_attachment_path(self) -> str:
        """The scan to attach, chosen in a file dialog (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a scan of the signed form"),
            str(Path.home()),
            self.tr("Scans (PDF, PNG, JPEG) ({patterns})").format(patterns=SCAN_FILTER_PATTERNS),
        )
        return path

    def add_attachment(self, path: Path) -> None:
        """Attach a file (read and stored in the background)."""
        detail, user = self.detail, self._context.user
        if detail is None or user is None:
            return
        form_id = detail.id
        limits = self._limits()
        self.attachment_message.hide()

        def job(session: Any) -> FormDetail:
            from kansli_desk.services import forms

            with path.open("rb") as handle:
                # One byte more than allowed is enough for the service to say "too large".
                content = handle.read(forms.MAX_ATTACHMENT_BYTES + 1)
            forms.add_attachment(session, user, form_id, path.name, content)
            return forms.get_form(session, form_id, limits=limits, user=user)

        def failed(error: BaseException) -> None:
            if isinstance(error, KnownError):
                self.attachment_message.setText(error.message())
            elif isinstance(error, OSError):
                self.attachment_message.setText(
                    self.tr("The file could not be read: {error}").format(
                        error=error.strerror or type(error).__name__
                    )
                )
            else:
                report_unexpected(error)
                return
            self.attachment_message.show()

        def done(new: FormDetail) -> None:
            self.show_detail(new)
            self.changed.emit(new)
            self.attachments.setCurrentRow(self.attachments.count() - 1)

        self._context.db_job(job, done, failed)

    @Slot()
    def show_current_attachment(self) -> None:
        item: QListWidgetItem | None = self.attachments.currentItem()
        attachment_id = item.data(ATTACHMENT_ID_ROLE) if item is not None else None
        if attachment_id is None:
            return

        user = self._context.user

        def job(session: Any) -> tuple[str, str, Path]:
            from kansli_desk.services.forms import get_attachment

            filename, media_type, content = get_attachment(session, int(attachment_id), user)
            target = _scan_dir() / f"{attachment_id}-{_safe_name(filename)}"
            target.write_bytes(content)
            target.chmod(0o600)
            return filename, media_type, target

        def done(result: tuple[str, str, Path]) -> None:
            filename, media_type, target = result
            if media_type.startswith("image/"):
                self.show_image(filename, target)
            else:
                self.open_external(QUrl.fromLocalFile(str(target)))

        def failed(error: BaseException) -> None:
            if isinstance(error, KnownError | OSError):
                self.attachment_message.setText(
                    error.message() if isinstance(error, KnownError) else str(error)
                )
                self.attachment_message.show()
            else:
                report_unexpected(error)

        self._context.db_job(job, done, failed)

    def show_image(self, title: str, path: Path) -> QDialog:
        """A scanned image in a window of its own."""
        dialog = QDialog(self)
        dialog.setObjectName("formScanViewer")
        dialog.setWindowTitle(title)
        image = QLabel(dialog)
        image.setObjectName("formScanImage")
        pixmap = QPixmap(str(path))
        width = int(self.screen().availableGeometry().width() * 0.8)
        if not pixmap.isNull() and pixmap.width() > width > 0:
            pixmap = pixmap.scaledToWidth(width)
        image.setPixmap(pixmap)
        scroll = QScrollArea(dialog)
        scroll.setWidget(image)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        dialog.resize(900, 700)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # --- printing ------------------------------------------------------------------
    @Slot()
    def ask_print_receipt(self) -> None:
        if self.detail is None:
            return
        path = self.ask_pdf_path(
            self.tr("Save the receipt as PDF"), f"kvitto-{self.detail.registry_number}.pdf"
        )
        if path:
            self.print_receipt(path)

    def print_receipt(self, path: str | Path) -> Path | None:
        """Write the receipt (cover sheet) of the form to a PDF file."""
        if self.detail is None:
            return None
        from kansli_desk.ui.forms_register.print import receipt_pdf

        written = receipt_pdf(self.detail, path)
        self._printed(written)
        return written

    @Slot()
    def ask_print_paper_form(self) -> None:
        if self.detail is None:
            return
        path = self.ask_pdf_path(
            self.tr("Save the paper form as PDF"), f"blankett-{self.detail.registry_number}.pdf"
        )
        if path:
            self.print_paper_form(path)

    def print_paper_form(self, path: str | Path) -> Path | None:
        """Write the paper form of this type, pre-filled from the form, to a PDF file."""
        if self.detail is None:
            return None
        from kansli_desk.ui.forms_register.print import paper_form_pdf

        written = paper_form_pdf(self.detail.data.form_type, path, self.detail)
        self._printed(written)
        return written

    def _printed(self, path: Path) -> None:
        self.print_message.setText(self.tr("Saved: {path}").format(path=path.name))
        self.print_message.setToolTip(str(path))

    def ask_pdf_path(self, title: str, suggested: str) -> str:
        """Where to save a PDF, chosen in a file dialog (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / suggested), self.tr("PDF files (*.pdf)")
        )
        return path


def _ordered_measures(measures: frozenset[Measure]) -> list[Measure]:
    return [m for m in Measure if m in measures]


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size / 1024 / 1024:.1f} MB"


def _safe_name(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name
    return re.sub(r"[^\w.\-]+", "_", name)[-100:] or "skanning"


_scans: Path | None = None


def _scan_dir() -> Path:
    """A private folder for scans opened in other programs, removed at exit."""
    global _scans  # noqa: PLW0603 (one folder per process)
    if _scans is None or not _scans.is_dir():
        _scans = Path(tempfile.mkdtemp(prefix="kansli-scans-"))
        atexit.register(shutil.rmtree, _scans, ignore_errors=True)
    return _scans
