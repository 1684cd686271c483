"""The form register: paper backup forms (issue 5 adds entry and workflow)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList

if TYPE_CHECKING:
    from kansli_desk.services.forms import FormRow

URGENT = QColor(255, 236, 204)


class FormsRegisterPanel(QWidget):
    """The list of registered paper forms.

    Attributes:
        list: the form list (lazy model and view).
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formsRegisterPanel")
        self._context = context
        title = QLabel(self.tr("<b>Paper forms</b>, most recently received first"), self)
        title.setObjectName("formsRegisterTitle")
        columns: list[Column[FormRow]] = [
            Column(lambda: self.tr("Registry no."), lambda r: r.registry_number),
            Column(lambda: self.tr("Received"), lambda r: formatting.date(r.received_on)),
            Column(lambda: self.tr("Type"), lambda r: r.form_type.label),
            Column(lambda: self.tr("Status"), lambda r: r.status.label),
            Column(lambda: self.tr("Urgent"), lambda r: self.tr("Urgent") if r.is_urgent else ""),
            Column(lambda: self.tr("Identity number"), lambda r: r.person_masked),
            Column(lambda: self.tr("Care unit"), lambda r: r.orderer_unit),
        ]
        self.list: RegisterList[FormRow] = RegisterList(
            context.runner,
            columns,
            object_name="formList",
            accessible_name=self.tr("Form register"),
            footer_text=self._footer_text,
            column_widths=(120, 95, 290, 150, 70, 130),
            highlight=lambda r: URGENT if r.is_urgent else None,
            parent=self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.list)
        context.database_opened.connect(self._on_database_opened)

    def _footer_text(self, rows: int, loading: bool, more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading forms…")
        if rows == 0:
            return self.tr("No forms registered yet.")
        if more:
            return self.tr("{count} forms shown; scroll down for more.").format(count=rows)
        return self.tr("All {count} forms shown.").format(count=rows)

    @Slot()
    def _on_database_opened(self) -> None:
        context = self._context

        def fetch(cursor: Any, limit: int) -> list[FormRow]:
            from kansli_desk.services.forms import list_forms_page

            return context.transactional(
                lambda session: list_forms_page(session, after=cursor, limit=limit)
            )()

        self.list.set_source(fetch)
