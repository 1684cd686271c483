"""One paper form in a window of its own: entering it, then following it.

A new form opens on the entry page; once saved, the window shows the stored
form (registry number, status, workflow, scans, confirmation, printing).
Ctrl+E goes back to the entry page to correct the values. Esc leaves the entry
page after asking, when something was typed; on the stored form it closes the
window. Several forms may be open at once, beside the register.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout, QWidget

from kansli_desk.core.enums import FormType
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.forms_register.form_entry import FormEntry
from kansli_desk.ui.forms_register.form_view import FormView
from kansli_desk.ui.widgets import ask_yes_no

if TYPE_CHECKING:
    from kansli_desk.drafts import Draft, DraftStore
    from kansli_desk.services.forms import FormDetail


class FormDialog(QDialog):
    """A window for one paper form.

    Signals:
        changed(int): the form was saved or moved on (its id): lists reload.

    Attributes:
        entry: the entry page (new form, or correcting a stored one).
        view: the stored form.
        pages: which of the two is shown.
    """

    changed = Signal(int)

    def __init__(
        self, context: AppContext, drafts: DraftStore | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._context = context
        self.entry = FormEntry(context, drafts, self)
        self.view = FormView(context, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.entry)
        self.pages.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(1120, 780)

        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self._save)
        edit = QShortcut(QKeySequence("Ctrl+E"), self)
        edit.activated.connect(self.edit)
        self.entry.saved.connect(self._saved)
        self.entry.reloaded.connect(self._reloaded)
        self.entry.cancel_button.clicked.connect(self.reject)
        self.entry.changed.connect(self._update_title)
        self.view.edit_requested.connect(self.edit)
        self.view.changed.connect(self._view_changed)
        self.view.close_button.clicked.connect(self.close)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.entry.flush_draft)

    # --- opening -------------------------------------------------------------------
    def start_new(self, form_type: FormType | None = None) -> None:
        """Enter a new paper form."""
        self.pages.setCurrentWidget(self.entry)
        self.entry.start_new(form_type)
        self._update_title()

    def restore(self, draft: Draft) -> None:
        """Continue a form left unsaved (its draft)."""
        self.pages.setCurrentWidget(self.entry)
        self.entry.restore(draft.key, draft.values)
        self._update_title()

    def open_form(self, form_id: int) -> None:
        """Show a stored form (read in the background)."""
        self.pages.setCurrentWidget(self.view)
        self.setWindowTitle(self.tr("Paper form"))
        self.view.load(form_id)
        self.view.close_button.setFocus()

    def show_detail(self, detail: FormDetail) -> None:
        self.pages.setCurrentWidget(self.view)
        self.view.show_detail(detail)
        self._update_title()

    @property
    def form_id(self) -> int | None:
        """The stored form in the window (None while a new one is entered)."""
        if self.view.detail is not None:
            return self.view.detail.id
        return self.entry.form_id

    # --- moving between the pages --------------------------------------------------
    @Slot()
    def edit(self) -> None:
        """Ctrl+E: correct the values of the stored form."""
        if self.pages.currentWidget() is not self.view or self.view.detail is None:
            return
        self.entry.edit(self.view.detail)
        self.pages.setCurrentWidget(self.entry)
        self._update_title()

    @Slot()
    def _save(self) -> None:
        if self.pages.currentWidget() is self.entry:
            self.entry.save()

    def _saved(self, detail: FormDetail) -> None:
        self.show_detail(detail)
        self.view.close_button.setFocus()
        self.changed.emit(detail.id)

    def _view_changed(self, detail: FormDetail) -> None:
        self._update_title()
        self.changed.emit(detail.id)

    def _reloaded(self, detail: FormDetail) -> None:
        """Someone else changed the form while it was corrected: the view shows theirs."""
        self.view.show_detail(detail)
        self._update_title()
        self.changed.emit(detail.id)

    @Slot()
    def _update_title(self) -> None:
        detail = self.view.detail
        if self.pages.currentWidget() is self.entry:
            if self.entry.form_id is None:
                title = self.tr("New paper form")
            else:
                number = detail.registry_number if detail is not None else ""
                title = self.tr("Correcting {number}").format(number=number)
            if self.entry.is_modified():
                title = "* " + title
        elif detail is not None:
            title = self.tr("{number} – {status}").format(
                number=detail.registry_number or detail.data.form_type.label,
                status=detail.status.label,
            )
        else:
            title = self.tr("Paper form")
        self.setWindowTitle(title)

    # --- closing -------------------------------------------------------------------
    def reject(self) -> None:
        """Esc: leave the entry page (asking first if something was typed), or close."""
        if self.pages.currentWidget() is self.entry:
            if self.entry.is_modified() and not self.confirm_discard():
                return
            self.entry.discard_draft()
            if self.view.detail is not None:  # correcting: back to the stored form
                self.pages.setCurrentWidget(self.view)
                self.view.close_button.setFocus()
                self._update_title()
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self.pages.currentWidget() is self.entry
            and self.entry.is_modified()
            and not self.confirm_discard()
        ):
            event.ignore()
            return
        self.entry.discard_draft()
        event.accept()

    def confirm_discard(self) -> bool:
        """Ask before throwing typed input away (tests replace this)."""
        return ask_yes_no(
            self,
            self.tr("Throw away the form"),
            self.tr("Throw away what you typed? It is not saved."),
        )
