"""A list of database rows: the lazy model, its view and a footer line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kansli_desk.errors import KnownError
from kansli_desk.ui.lazy_model import Column, LazyTableModel, PageFetcher
from kansli_desk.ui.tasks import TaskRunner, report_unexpected
from kansli_desk.ui.widgets import make_list_view, name_widget

R = TypeVar("R")


class RegisterList(QWidget, Generic[R]):
    """A lazily loaded list with a footer that says how many rows are shown.

    Attributes:
        model: the lazy table model.
        view: the table view.
        footer: the status line under the list.
    """

    def __init__(
        self,
        runner: TaskRunner,
        columns: Sequence[Column[Any]],
        *,
        object_name: str,
        accessible_name: str,
        footer_text: Callable[[int, bool, bool], str],
        column_widths: Sequence[int] = (),
        highlight: Callable[[Any], QColor | None] | None = None,
        batch_size: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._footer_text = footer_text
        self.model: LazyTableModel[Any] = LazyTableModel(
            columns, runner, batch_size=batch_size, highlight=highlight
        )
        self.view = make_list_view(self)
        self.view.setModel(self.model)
        name_widget(self.view, object_name, accessible_name)
        for column, width in enumerate(column_widths):
            self.view.setColumnWidth(column, width)
        self.footer = QLabel(self)
        self.footer.setObjectName(f"{object_name}Footer")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.footer)
        self.model.batch_loaded.connect(self._update_footer)
        self.model.modelReset.connect(self._update_footer)
        self.model.load_failed.connect(self._show_failure)
        self._update_footer()

    def set_source(self, fetch: PageFetcher | None) -> None:
        self.model.set_source(fetch)

    @Slot()
    def _update_footer(self) -> None:
        model = self.model
        self.footer.setText(self._footer_text(model.rowCount(), model.is_loading, model.has_more))

    @Slot(object)
    def _show_failure(self, error: object) -> None:
        if isinstance(error, KnownError):
            self.footer.setText(error.message())
            return
        assert isinstance(error, BaseException)
        report_unexpected(error)
        self.footer.setText(self.tr("The list could not be read."))
