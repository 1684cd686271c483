"""A table model that loads its rows in batches, off the GUI thread.

Only the rows the user has scrolled to are in memory. When the view asks for
more (``canFetchMore``/``fetchMore``), the next page is read by a database job
with keyset pagination (each row dataclass has a ``cursor``), and the rows are
inserted when the job returns. The pattern of Qt's fetchmore example, with the
database work moved off the GUI thread as in Anki's browser table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from kansli_desk.ui.tasks import TaskRunner


class _Row(Protocol):
    @property
    def cursor(self) -> Any: ...


R = TypeVar("R", bound=_Row)
Index = QModelIndex | QPersistentModelIndex

# fetch_page(cursor_or_None, limit) -> rows; runs on the database thread.
PageFetcher = Callable[[Any, int], Sequence[Any]]


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its header, how to show a row in it, and its alignment."""

    header: Callable[[], str]
    text: Callable[[R], str]
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


class LazyTableModel(QAbstractTableModel, Generic[R]):
    """Rows of dataclasses loaded ``batch_size`` at a time.

    Signals:
        batch_loaded(int): a batch arrived; the argument is the new row count.
        load_failed(object): a batch could not be read (the exception).

    Attributes:
        _rows: the rows loaded so far, in display order.
        _more: whether the database may have rows after the last one.
        _loading: a batch job is running.
        _generation: bumped by :meth:`reload`; results of older jobs are dropped.
        _fetch: the page reader, or None while no database is open.
    """

    batch_loaded = Signal(int)
    load_failed = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        runner: TaskRunner,
        *,
        batch_size: int = 200,
        highlight: Callable[[R], QColor | None] | None = None,
    ) -> None:
        super().__init__()
        self._columns = list(columns)
        self._runner = runner
        self._batch_size = batch_size
        self._highlight = highlight
        self._rows: list[R] = []
        self._more = False
        self._loading = False
        self._generation = 0
        self._fetch: PageFetcher | None = None

    # --- own API ---------------------------------------------------------
    def set_source(self, fetch: PageFetcher | None) -> None:
        """Show the rows that ``fetch`` reads (None: show nothing)."""
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        """Drop the loaded rows and read the first batch again."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._more = self._fetch is not None
        self._loading = self._more  # already, so no view sees "empty" in between
        self.endResetModel()
        if self._more:
            self._load_next()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        """The database may hold rows after the last one loaded."""
        return self._more

    # --- Qt overrides ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The full text, for cells too narrow to show it.
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._highlight is not None:
            color = self._highlight(row)
            return QBrush(color) if color is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header()
        return super().headerData(section, orientation, role)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._load_next()

    # --- loading ---------------------------------------------------------
    def _load_next(self) -> None:
        fetch = self._fetch
        assert fetch is not None
        self._loading = True
        generation = self._generation
        cursor = self._rows[-1].cursor if self._rows else None
        limit = self._batch_size

        def done(rows: Sequence[R]) -> None:
            if generation != self._generation:
                return
            # Still "loading" while the rows go in: views and model testers call
            # fetchMore from the insert signals, and must not start a second
            # load from the old cursor.
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            self._more = len(rows) >= limit
            self._loading = False
            self.batch_loaded.emit(len(self._rows))

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            self._loading = False
            self._more = False
            self.load_failed.emit(error)

        self._runner.run_db(lambda: fetch(cursor, limit), done, failed)
