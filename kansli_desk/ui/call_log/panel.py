"""The call log: every call, newest first (issue 3 adds quick entry and filters)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList

if TYPE_CHECKING:
    from kansli_desk.services.calls import CallRow

OVERDUE = QColor(255, 228, 225)


class CallLogPanel(QWidget):
    """The list of calls on the current database.

    Attributes:
        list: the call list (lazy model and view).
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callLogPanel")
        self._context = context
        title = QLabel(self.tr("<b>Calls</b>, newest first"), self)
        title.setObjectName("callLogTitle")
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
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.list)
        context.database_opened.connect(self._on_database_opened)

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
            return self.tr("No calls yet.")
        if more:
            return self.tr("{count} calls shown; scroll down for more.").format(count=rows)
        return self.tr("All {count} calls shown.").format(count=rows)

    @Slot()
    def _on_database_opened(self) -> None:
        context = self._context

        def fetch(cursor: Any, limit: int) -> list[CallRow]:
            from kansli_desk.services.calls import list_calls_page

            return context.transactional(
                lambda session: list_calls_page(session, after=cursor, limit=limit)
            )()

        self.list.set_source(fetch)
