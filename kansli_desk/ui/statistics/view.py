"""The statistics window: a period, key figures, charts and the numbers behind them.

A modeless dialog (Reports → Statistics…, Ctrl+Shift+T). The statistics of the
chosen period are computed on the database thread
(:func:`kansli_desk.services.statistics.compute_statistics`, aggregated in SQL)
and come back as plain data. The key figures are shown as cards; the list on the
left chooses a chart, shown above the table of its numbers. The table copies
(Ctrl+C for the selected rows, "Copy table" for all of it) as tab-separated text
with headers, which pastes into a spreadsheet. "Save as PDF…" writes the report
of :mod:`kansli_desk.ui.reports.pdf` for the period shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.errors import KnownError
from kansli_desk.settings import OFFICE_CLOSES, OFFICE_OPENS, OFFICE_WEEKDAYS
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.statistics.charts import ChartWidget, format_count
from kansli_desk.ui.statistics.figures import (
    Cell,
    Figure,
    Section,
    all_figures,
    key_figure_titles,
    key_figures,
    table_text,
)
from kansli_desk.ui.statistics.period import THIS_MONTH, PeriodChooser
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import make_list_view, name_widget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.core.office_hours import OfficeHours
    from kansli_desk.services.statistics import Statistics

_Index = QModelIndex | QPersistentModelIndex
ERROR_STYLE = "color: #a00000;"
CARD_STYLE = (
    "QFrame#keyFigureCard { background: #f5f7fa; border: 1px solid #d9dee5; border-radius: 4px; }"
)
VALUE_STYLE = "font-size: 15pt; font-weight: 600; color: #2b2f36;"
CAPTION_STYLE = "color: #5f6672;"
REFRESH_DELAY_MS = 400  # a period edited by hand is computed once the typing pauses
RESIZE_ROWS = 60  # the rows a table's column widths are fitted to (besides the visible ones)


class FigureTableModel(QAbstractTableModel):
    """The numbers behind one chart (read-only).

    Attributes:
        _headers: the column headers.
        _rows: the cells; whole numbers stay numbers (right-aligned, copied plainly).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[tuple[Cell, ...], ...] = ()

    def set_table(self, headers: tuple[str, ...], rows: tuple[tuple[Cell, ...], ...]) -> None:
        self.beginResetModel()
        self._headers, self._rows = headers, rows
        self.endResetModel()

    @property
    def headers(self) -> tuple[str, ...]:
        return self._headers

    @property
    def rows(self) -> tuple[tuple[Cell, ...], ...]:
        return self._rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric(cell):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _numeric(cell: Cell) -> bool:
        return isinstance(cell, int) or cell.endswith("%")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = bool(self._rows) and all(self._numeric(row[section]) for row in self._rows)
            side = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None


class StatisticsDialog(QDialog):
    """Statistics of a period: key figures, charts and their numbers.

    Signals:
        computed(): new statistics are shown.
        pdf_saved(str): the report was saved as a PDF file (its path).

    Attributes:
        period: the from and to dates and the quick choices.
        refresh_button, copy_button, pdf_button, close_button: the buttons.
        progress: turns while the statistics are computed.
        status: what is happening, or what went wrong.
        cards: the key figure values by key (``"calls"``, ``"overdue_callbacks"``, …).
        figures_list: the charts to choose from (the first entry: the key figures).
        chart: the chosen chart.
        table, model: the numbers behind it.
        stats: the statistics shown, or None before the first result.
        figures: the figures of ``stats``, in the list's order.
    """

    computed = Signal()
    pdf_saved = Signal(str)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle(self.tr("Statistics"))
        self._context = context
        self.stats: Statistics | None = None
        self.figures: tuple[Figure, ...] = ()
        self._busy = False
        self._pending = False
        self._office_hours = self._read_office_hours()

        self.period = PeriodChooser("statistics", self, initial=THIS_MONTH, today=today)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        name_widget(self.refresh_button, "statisticsRefresh", self.tr("Compute the statistics"))
        self.refresh_button.setToolTip(self.tr("Compute the statistics for the period (F5)"))
        self.refresh_button.setAutoDefault(False)
        refresh_action = QAction(self)
        refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh_action.triggered.connect(self.refresh)
        self.addAction(refresh_action)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("statisticsProgress")
        self.progress.setAccessibleName(self.tr("Computing"))
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.period_error = QLabel(self)
        self.period_error.setObjectName("statisticsPeriodError")
        self.period_error.setStyleSheet(ERROR_STYLE)
        self.period_error.hide()
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.refresh_button)
        top.addWidget(self.progress)
        top.addStretch(1)

        self.cards: dict[str, QLabel] = {}
        cards = QGridLayout()
        cards.setHorizontalSpacing(8)
        cards.setVerticalSpacing(8)
        self._build_cards(cards)

        self.figures_list = QListWidget(self)
        name_widget(self.figures_list, "statisticsFigures", self.tr("Charts"))
        self.figures_list.setMinimumWidth(200)
        self.figures_list.setSpacing(2)
        self.chart = ChartWidget(self)
        self.chart.setObjectName("statisticsChart")
        self.table = make_list_view(self)
        name_widget(self.table, "statisticsTable", self.tr("Numbers behind the chart"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # numbers stay next to their labels
        header.setMinimumSectionSize(90)
        # Columns fit the first rows (and the visible ones), not all 1,000 days of a
        # long period: the widths are alike, and Qt would ask the model for every cell.
        header.setResizeContentsPrecision(RESIZE_ROWS)
        self.model = FigureTableModel(self.table)
        self.table.setModel(self.model)
        copy_action = QAction(self.table)
        copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy_action.triggered.connect(self.copy_selection)
        self.table.addAction(copy_action)
        self.copy_button = QPushButton(self.tr("&Copy table"), self)
        name_widget(
            self.copy_button, "statisticsCopy", self.tr("Copy the table as tab-separated text")
        )
        self.copy_button.setAutoDefault(False)
        self.copy_button.setEnabled(False)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        copy_row = QHBoxLayout()
        self.copy_hint = QLabel(
            self.tr("Ctrl+C copies the selected rows; paste them into a spreadsheet."), self
        )
        self.copy_hint.setStyleSheet(CAPTION_STYLE)
        copy_row.addWidget(self.copy_hint, 1)
        copy_row.addWidget(self.copy_button)
        table_layout.addLayout(copy_row)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("statisticsChartSplitter")
        right.addWidget(self.chart)
        right.addWidget(table_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("statisticsSplitter")
        splitter.addWidget(self.figures_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 950])
        splitter.setChildrenCollapsible(False)

        self.status = QLabel(self)
        self.status.setObjectName("statisticsStatus")
        self.status.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("&Save as PDF…"), self)
        name_widget(self.pdf_button, "statisticsPdf", self.tr("Save the report as a PDF file"))
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        name_widget(self.close_button, "statisticsClose", self.tr("Close"))
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.period_error)
        layout.addLayout(cards)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1240, 840)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.period.changed.connect(self._refresh_timer.start)
        self.refresh_button.clicked.connect(self.refresh)
        self.figures_list.currentRowChanged.connect(self._show_figure)
        self.copy_button.clicked.connect(self.copy_table)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.close)
        self.setTabOrder(self.period.date_to, self.refresh_button)
        self.refresh()

    # --- building ------------------------------------------------------------------------------
    def _read_office_hours(self) -> OfficeHours:
        from kansli_desk.core.office_hours import OfficeHours

        settings = self._context.settings
        return OfficeHours.from_settings(
            settings.get(OFFICE_WEEKDAYS), settings.get(OFFICE_OPENS), settings.get(OFFICE_CLOSES)
        )

    def _build_cards(self, grid: QGridLayout) -> None:
        """One small card per key figure: calls on the first row, forms on the second."""
        columns = {Section.CALLS: 0, Section.FORMS: 0}
        for key, label, section in key_figure_titles():
            card = QFrame(self)
            card.setObjectName("keyFigureCard")
            card.setStyleSheet(CARD_STYLE)
            value = QLabel("–", card)
            value.setObjectName(f"keyFigure_{key}")
            value.setStyleSheet(VALUE_STYLE)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(label, card)
            caption.setStyleSheet(CAPTION_STYLE)
            caption.setWordWrap(True)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(10, 6, 10, 8)
            inner.setSpacing(2)
            inner.addWidget(value)
            inner.addWidget(caption)
            inner.addStretch(1)
            card.setAccessibleName(label)
            row = 0 if section is Section.CALLS else 1
            grid.addWidget(card, row, columns[section])
            columns[section] += 1
            self.cards[key] = value
        for column in range(max(columns.values())):
            grid.setColumnStretch(column, 1)

    # --- computing -----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    @Slot()
    def refresh(self) -> None:
        """Compute the statistics of the chosen period (on the database thread)."""
        self._refresh_timer.stop()
        date_from, date_to = self.period.period()
        if date_from > date_to:
            self._show_period_error(self.tr("The first day is after the last day of the period."))
            return
        self._show_period_error("")
        if self._context.database is None:
            self.status.setText(self.tr("No database is open."))
            return
        if self._busy:
            self._pending = True  # computed again when the running job is done
            return
        self._set_busy(True)
        office_hours = self._office_hours
        now = dt.datetime.now(dt.UTC)

        def job(session: Session) -> Statistics:
            from kansli_desk.services.statistics import compute_statistics

            return compute_statistics(
                session, date_from, date_to, office_hours=office_hours, now=now
            )

        self._context.db_job(job, self._computed, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        self.pdf_button.setEnabled(not busy and self.stats is not None)
        if busy:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Computing the statistics…"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _show_period_error(self, message: str) -> None:
        self.period_error.setText(message)
        self.period_error.setVisible(bool(message))
        for edit in (self.period.date_from, self.period.date_to):
            edit.setAccessibleDescription(message)
        if message:
            self.period.date_from.setFocus()

    def _computed(self, stats: Statistics) -> None:
        self._set_busy(False)
        if self._pending:
            self._pending = False
            self.refresh()
        self.show_statistics(stats)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._pending = False
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(error, KnownError):
            self.status.setText(error.message())
        else:
            report_unexpected(error)
            self.status.setText(
                self.tr("The statistics could not be computed. The details are in the log file.")
            )

    def show_statistics(self, stats: Statistics) -> None:
        """Show ``stats`` (the result of a refresh; tests hand their own)."""
        self.stats = stats
        current = self.current_figure
        chosen = current.key if current is not None else None
        self.figures = all_figures(stats, self._office_hours)
        for key_figure in key_figures(stats):
            self.cards[key_figure.key].setText(key_figure.value)
        self.figures_list.blockSignals(True)
        self.figures_list.clear()
        for figure in self.figures:
            item = QListWidgetItem(figure.title, self.figures_list)
            item.setData(Qt.ItemDataRole.UserRole, figure.key)
        keys = [figure.key for figure in self.figures]
        self.figures_list.setCurrentRow(keys.index(chosen) if chosen in keys else 1)
        self.figures_list.blockSignals(False)
        self._show_figure(self.figures_list.currentRow())  # once, the signal was blocked
        self.pdf_button.setEnabled(not self._busy)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "{calls} calls and {forms} forms from {start} to {end}; computed {time}."
            ).format(
                calls=format_count(stats.calls.total),
                forms=format_count(stats.forms.total),
                start=stats.date_from.isoformat(),
                end=stats.date_to.isoformat(),
                time=formatting.clock(stats.computed_at),
            )
        )
        self.computed.emit()

    @Slot(int)
    def _show_figure(self, row: int) -> None:
        if not 0 <= row < len(self.figures):
            self.chart.set_spec(None)
            self.model.set_table((), ())
            self.copy_button.setEnabled(False)
            return
        figure = self.figures[row]
        self.chart.set_spec(figure.chart)
        self.chart.setVisible(figure.chart is not None)
        self.model.set_table(figure.headers, figure.rows)
        self.table.resizeColumnsToContents()
        first = self.table.horizontalHeader()
        first.resizeSection(0, max(first.sectionSize(0) + 24, 160))
        self.copy_button.setEnabled(bool(figure.rows))

    @property
    def current_figure(self) -> Figure | None:
        row = self.figures_list.currentRow()
        return self.figures[row] if 0 <= row < len(self.figures) else None

    def show_figure(self, key: str) -> None:
        """Choose the chart with this key ("calls_per_hour", …)."""
        for row, figure in enumerate(self.figures):
            if figure.key == key:
                self.figures_list.setCurrentRow(row)
                return
        raise KeyError(key)

    # --- copying -------------------------------------------------------------------------------
    def table_text(self, *, selected_only: bool = False) -> str:
        """The table (or its selected rows) as tab-separated text with a header line."""
        rows = self.model.rows
        if selected_only:
            selected = self.table.selectionModel().selectedIndexes()
            chosen = sorted({index.row() for index in selected})
            if chosen:
                rows = tuple(rows[row] for row in chosen)
        return table_text(self.model.headers, rows)

    @Slot()
    def copy_table(self) -> None:
        """Copy the whole table to the clipboard."""
        self._copy(self.table_text())

    @Slot()
    def copy_selection(self) -> None:
        """Ctrl+C: copy the selected rows (the whole table when none is selected)."""
        self._copy(self.table_text(selected_only=True))

    def _copy(self, text: str) -> None:
        if not self.model.rowCount():
            return
        QGuiApplication.clipboard().setText(text)
        rows = text.count("\n") - 1
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "Copied {rows} rows as tab-separated text: paste them into a spreadsheet."
            ).format(rows=rows)
        )

    # --- the PDF report ------------------------------------------------------------------------
    def ask_pdf_path(self, suggested: Path) -> str:
        """Where to save the report, chosen in a file dialog (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        return path

    @Slot()
    def save_pdf(self) -> None:
        """Write the report of the statistics shown to a PDF file."""
        stats = self.stats
        if stats is None or self._busy:
            return
        name = self.tr("statistics_{start}_{end}.pdf").format(
            start=stats.date_from.isoformat(), end=stats.date_to.isoformat()
        )
        chosen = self.ask_pdf_path(_documents_folder() / name)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        office_hours = self._office_hours

        def job() -> int:
            from kansli_desk.services import exports
            from kansli_desk.ui.reports.pdf import write_report_pdf

            with exports.atomic_output(path) as temporary:
                return write_report_pdf(
                    stats, temporary, kind=exports.ExportKind.AUDIT, office_hours=office_hours
                )

        def saved(pages: int) -> None:
            self.unsetCursor()
            self.pdf_button.setEnabled(True)
            self.status.setStyleSheet("")
            self.status.setText(
                self.tr("Saved the report ({pages} pages) as {file}.").format(
                    pages=pages, file=str(path)
                )
            )
            self.pdf_saved.emit(str(path))

        def failed(error: BaseException) -> None:
            self.unsetCursor()
            self.pdf_button.setEnabled(True)
            self.status.setStyleSheet(ERROR_STYLE)
            if isinstance(error, KnownError):
                self.status.setText(error.message())
            elif isinstance(error, OSError):
                self.status.setText(
                    self.tr("The PDF could not be saved in {folder}: {reason}").format(
                        folder=str(path.parent), reason=error.strerror or str(error)
                    )
                )
            else:
                report_unexpected(error)
                self.status.setText(self.tr("The PDF could not be saved."))

        self.setCursor(Qt.CursorShape.BusyCursor)
        self.pdf_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saving the report…"))
        # Drawn off the GUI thread: a year's report takes a moment.
        self._context.runner.run(job, saved, failed)


def _documents_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()
