"""Exporting the call log, the form register or the audit log to a file.

Reports → Export… (Ctrl+Shift+E, supervisors). The dialog asks what to export,
the period, the columns, the format (CSV, XLSX or the PDF report), whether
personnummer are masked (always, unless a supervisor unchecks it: the export is
then recorded as unmasked in the audit log, like every export), the CSV
separator and the file.

The request is checked first (:func:`kansli_desk.services.exports.check_request`)
and a problem is shown in Swedish at its field; nothing is written. The export
runs on the database thread with a progress bar: progress comes back through a
signal, and Cancel sets a :class:`threading.Event` that the export asks between
batches of rows. A cancelled or failed export leaves no file under the chosen
name (:func:`~kansli_desk.services.exports.atomic_output`). A PDF is the
statistics report of the period (:mod:`kansli_desk.ui.reports.pdf`), written
the same way and audited too.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.enums import Role
from kansli_desk.errors import KnownError
from kansli_desk.services import exports
from kansli_desk.settings import OFFICE_CLOSES, OFFICE_OPENS, OFFICE_WEEKDAYS
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.statistics.period import LAST_MONTH, PeriodChooser
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import name_widget

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from kansli_desk.core.office_hours import OfficeHours
    from kansli_desk.services.users import UserInfo

ERROR_STYLE = "color: #a00000;"
WARNING_STYLE = "color: #8a4b00; font-weight: 600;"
SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "pdf": ".pdf"}


class _ProgressRelay(QObject):
    """Carries progress from the database thread to the GUI thread (a queued signal)."""

    progress = Signal(int, int)  # rows done, rows in all


def export_pdf_report(
    session: Session,
    user: UserInfo,
    request: exports.ExportRequest,
    *,
    office_hours: OfficeHours,
    cancelled: Callable[[], bool],
    now: dt.datetime | None = None,
) -> exports.ExportResult:
    """The PDF report of a period as an export: checked, written whole or not at all, audited.

    Raises:
        KnownError: the request is refused (see ``exports.check_request``), nothing
            is in the period, or the file cannot be written.
        ExportCancelled: cancelled before the file took its name.
    """
    from kansli_desk.services.statistics import compute_statistics
    from kansli_desk.ui.reports.pdf import write_report_pdf

    exports.check_request(user, request)
    rows = exports.count_rows(session, request.kind, request.date_from, request.date_to)
    if rows == 0:
        raise KnownError(
            exports.EMPTY_PERIOD_MESSAGES[request.kind],
            date_from=request.date_from.isoformat(),
            date_to=request.date_to.isoformat(),
        )
    if cancelled():
        raise exports.ExportCancelled
    stats = compute_statistics(
        session, request.date_from, request.date_to, office_hours=office_hours, now=now
    )
    with exports.atomic_output(request.output) as temporary:
        try:
            write_report_pdf(stats, temporary, kind=request.kind, office_hours=office_hours)
        except OSError as exc:
            raise KnownError(
                exports.MSG_WRITE_FAILED,
                file=request.output.name,
                reason=exc.strerror or str(exc),
            ) from None
        if cancelled():
            raise exports.ExportCancelled
        exports.record_export(session, user, request, rows=rows)
        session.flush()
    return exports.ExportResult(request.output, rows, 1)


class ExportDialog(QDialog):
    """What, when, which columns, which format, masked or not, and where to.

    Signals:
        exported(object): an :class:`~kansli_desk.services.exports.ExportResult`.

    Attributes:
        kind: calls, forms or the audit log.
        period: the from and to dates and the quick choices.
        columns: the columns of the chosen export, each checkable (all by default).
        all_button, none_button: check or uncheck every column.
        format: CSV, XLSX or PDF (the statistics report).
        delimiter: the CSV separator (";" for Swedish Excel, or ",").
        masked: mask personnummer (only a supervisor may uncheck it).
        masked_warning: shown while unmasked.
        output: the file to write; browse_button chooses it.
        errors: the message label of each field ("date_from", "columns", "masked",
            "delimiter", "output"), shown under it.
        progress: the export's progress.
        status: what happened (or what went wrong, when no field is at fault).
        export_button, cancel_button: start; cancel the export (or close).
        last_result: the last export's result.
        cancel_event: set by Cancel; the running export asks it between batches.
    """

    exported = Signal(object)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._context = context
        user = context.user
        self._supervisor = user is not None and user.role is Role.SUPERVISOR
        self._running = False
        self._close_when_done = False
        self.cancel_event = threading.Event()
        self._output_edited = False
        self._relay = _ProgressRelay(self)
        self._relay.progress.connect(self._progressed)
        self.last_result: exports.ExportResult | None = None
        self.errors: dict[str, QLabel] = {}

        intro = QLabel(
            self.tr(
                "Exports the records of a period to a file that opens in Excel. Every "
                "export is recorded in the audit log."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.kind = QComboBox(self)
        name_widget(self.kind, "exportKind", self.tr("What to export"))
        self.kind.addItem(self.tr("Call log"), exports.ExportKind.CALLS.value)
        self.kind.addItem(self.tr("Form register"), exports.ExportKind.FORMS.value)
        self.kind.addItem(self.tr("Audit log"), exports.ExportKind.AUDIT.value)
        self.period = PeriodChooser("export", self, initial=LAST_MONTH, today=today)

        self.columns = QListWidget(self)
        name_widget(self.columns, "exportColumns", self.tr("Columns to export"))
        self.columns.setMinimumHeight(150)
        self.all_button = QPushButton(self.tr("&All"), self)
        name_widget(self.all_button, "exportAllColumns", self.tr("Check every column"))
        self.none_button = QPushButton(self.tr("&None"), self)
        name_widget(self.none_button, "exportNoColumns", self.tr("Uncheck every column"))
        for button in (self.all_button, self.none_button):
            button.setAutoDefault(False)

        self.format = QComboBox(self)
        name_widget(self.format, "exportFormat", self.tr("File format"))
        self.format.addItem(self.tr("CSV (opens in Excel)"), exports.ExportFormat.CSV.value)
        self.format.addItem(self.tr("Excel workbook (XLSX)"), exports.ExportFormat.XLSX.value)
        self.format.addItem(
            self.tr("PDF report (statistics and charts)"), exports.ExportFormat.PDF.value
        )
        self.delimiter = QComboBox(self)
        name_widget(self.delimiter, "exportDelimiter", self.tr("CSV separator"))
        self.delimiter.addItem(self.tr("Semicolon (;), for Swedish Excel"), ";")
        self.delimiter.addItem(self.tr("Comma (,)"), ",")

        self.masked = QCheckBox(self.tr("&Mask personnummer (the last four digits hidden)"), self)
        name_widget(self.masked, "exportMasked", self.tr("Mask personnummer"))
        self.masked.setChecked(True)
        self.masked.setEnabled(self._supervisor)
        if not self._supervisor:
            self.masked.setToolTip(self.tr("Only a supervisor can export unmasked personnummer."))
        self.masked_warning = QLabel(
            self.tr(
                "The file will hold full personnummer. The export is recorded as unmasked in "
                "the audit log. Keep the file safe and delete it when it is no longer needed."
            ),
            self,
        )
        self.masked_warning.setObjectName("exportMaskedWarning")
        self.masked_warning.setWordWrap(True)
        self.masked_warning.setStyleSheet(WARNING_STYLE)

        self.output = QLineEdit(self)
        name_widget(self.output, "exportOutput", self.tr("File to write"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        name_widget(self.browse_button, "exportBrowse", self.tr("Choose the file to write"))
        self.browse_button.setAutoDefault(False)

        self.progress = QProgressBar(self)
        name_widget(self.progress, "exportProgress", self.tr("Export progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("&Export"), self)
        name_widget(self.export_button, "exportRun", self.tr("Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        name_widget(self.cancel_button, "exportCancel", self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)

        for combo in (self.kind, self.format, self.delimiter):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._rows: dict[str, int] = {}  # the message rows (shown when they say something)
        form.addRow(self._label(self.tr("&What:"), self.kind), self.kind)
        form.addRow(self.tr("Period:"), self.period)
        self._message_row("date_from", self._error_label("date_from"))
        column_buttons = QVBoxLayout()
        column_buttons.addWidget(self.all_button)
        column_buttons.addWidget(self.none_button)
        column_buttons.addStretch(1)
        column_row = QHBoxLayout()
        column_row.addWidget(self.columns, 1)
        column_row.addLayout(column_buttons)
        form.addRow(self._label(self.tr("Co&lumns:"), self.columns), column_row)
        self._message_row("columns", self._error_label("columns"))
        form.addRow(self._label(self.tr("F&ormat:"), self.format), self.format)
        form.addRow(self._label(self.tr("&Separator:"), self.delimiter), self.delimiter)
        self._message_row("delimiter", self._error_label("delimiter"))
        form.addRow(self.tr("Personnummer:"), self.masked)
        self._message_row("masked", self._error_label("masked"))
        self._message_row("masked_warning", self.masked_warning)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.browse_button)
        form.addRow(self._label(self.tr("F&ile:"), self.output), output_row)
        self._message_row("output", self._error_label("output"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(680, 640)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.period.changed.connect(self._suggest_output)
        self.masked.toggled.connect(self._masked_toggled)
        self.output.textEdited.connect(self._output_typed)
        self.all_button.clicked.connect(lambda: self.check_all_columns(True))
        self.none_button.clicked.connect(lambda: self.check_all_columns(False))
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self._kind_changed()
        self._format_changed()

    # --- building ------------------------------------------------------------------------------
    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _error_label(self, key: str) -> QLabel:
        error = QLabel(self)
        error.setObjectName(f"exportError_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        self.errors[key] = error
        return error

    def _message_row(self, key: str, label: QLabel) -> None:
        """A row under a field for a message about it, hidden while there is none."""
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._form.addRow(label)
        self._rows[key] = self._form.rowCount() - 1
        self._form.setRowVisible(self._rows[key], False)

    def _show_row(self, key: str, visible: bool) -> None:
        self._form.setRowVisible(self._rows[key], visible)

    def _office_hours(self) -> OfficeHours:
        from kansli_desk.core.office_hours import OfficeHours

        settings = self._context.settings
        return OfficeHours.from_settings(
            settings.get(OFFICE_WEEKDAYS), settings.get(OFFICE_OPENS), settings.get(OFFICE_CLOSES)
        )

    # --- fields --------------------------------------------------------------------------------
    @property
    def export_kind(self) -> str:
        return str(self.kind.currentData())

    @property
    def export_format(self) -> str:
        return str(self.format.currentData())

    @Slot()
    def _kind_changed(self) -> None:
        """The columns of the chosen export, all checked."""
        self.columns.clear()
        for column in exports.columns(exports.ExportKind(self.export_kind)):
            item = QListWidgetItem(column.header, self.columns)
            item.setData(Qt.ItemDataRole.UserRole, column.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.columns.setCurrentRow(0)
        self._suggest_output()

    def check_all_columns(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.columns.count()):
            self.columns.item(row).setCheckState(state)

    def chosen_columns(self) -> tuple[str, ...]:
        """The keys of the checked columns, in the export's order."""
        return tuple(
            str(self.columns.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.columns.count())
            if self.columns.item(row).checkState() == Qt.CheckState.Checked
        )

    @Slot()
    def _format_changed(self) -> None:
        fmt = self.export_format
        is_pdf = fmt == "pdf"
        self.delimiter.setEnabled(fmt == "csv")
        # The report holds counts only: no columns, no personnummer.
        for widget in (self.columns, self.all_button, self.none_button):
            widget.setEnabled(not is_pdf)
        self.masked.setEnabled(self._supervisor and not is_pdf)
        self._masked_toggled(self.masked.isChecked())
        text = self.output.text().strip()
        if self._output_edited and text:
            self.output.setText(str(_with_suffix(Path(text), SUFFIXES[fmt])))
        else:
            self._suggest_output()

    @Slot(bool)
    def _masked_toggled(self, checked: bool) -> None:
        self._show_row("masked_warning", not checked and self.export_format != "pdf")

    @Slot(str)
    def _output_typed(self, text: str) -> None:
        self._output_edited = bool(text.strip())

    @Slot()
    def _suggest_output(self) -> None:
        """A file name from what, when and the format, until the user gives one."""
        if self._output_edited:
            return
        date_from, date_to = self.period.period()
        base = {
            "calls": self.tr("calls"),
            "forms": self.tr("forms"),
            "audit": self.tr("audit-log"),
        }[self.export_kind]
        name = f"{base}_{date_from.isoformat()}_{date_to.isoformat()}"
        self.output.setText(str(_documents_folder() / (name + SUFFIXES[self.export_format])))

    def set_output(self, path: Path) -> None:
        """Write to ``path`` (as if typed or chosen)."""
        self.output.setText(str(path))
        self._output_edited = True

    def ask_path(self) -> str:
        """The file to write, chosen in a file dialog (tests replace this)."""
        fmt = self.export_format
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF files (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.output.text(), filters[fmt]
        )
        return path

    @Slot()
    def browse(self) -> None:
        chosen = self.ask_path()
        if chosen:
            self.set_output(_with_suffix(Path(chosen), SUFFIXES[self.export_format]))

    # --- running -------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    def request(self) -> exports.ExportRequest:
        """The export the fields describe (not yet checked)."""
        date_from, date_to = self.period.period()
        chosen = self.chosen_columns()
        everything = len(chosen) == self.columns.count()
        text = self.output.text().strip()
        fmt = exports.ExportFormat(self.export_format)
        output = _with_suffix(Path(text).expanduser(), SUFFIXES[fmt.value]) if text else Path()
        return exports.ExportRequest(
            kind=exports.ExportKind(self.export_kind),
            date_from=date_from,
            date_to=date_to,
            format=fmt,
            output=output,
            masked=self.masked.isChecked() or fmt is exports.ExportFormat.PDF,
            delimiter=str(self.delimiter.currentData()),
            columns=None if everything or fmt is exports.ExportFormat.PDF else chosen,
        )

    def _clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            self._show_row(key, False)
        for widget in (self.period.date_from, self.columns, self.masked, self.output):
            widget.setAccessibleDescription("")
        self.status.clear()
        self.status.setStyleSheet("")

    def show_error(self, field: str | None, message: str) -> None:
        """Show ``message`` at its field (or in the status line) and go there."""
        widgets: dict[str, QWidget] = {
            "date_from": self.period.date_from,
            "date_to": self.period.date_to,
            "columns": self.columns,
            "masked": self.masked,
            "delimiter": self.delimiter,
            "output": self.output,
        }
        key = "date_from" if field == "date_to" else field
        if key is None or key not in self.errors:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(message)
            return
        self.errors[key].setText(message)
        self._show_row(key, True)
        widget = widgets[field or key]
        widget.setAccessibleDescription(message)
        widget.setFocus()

    @Slot()
    def start(self) -> None:
        """Check the request, then export in the background."""
        if self._running:
            return
        self._clear_errors()
        user = self._context.user
        if user is None or self._context.database is None:
            self.show_error(None, self.tr("No database is open."))
            return
        if not self.output.text().strip():
            self.show_error("output", self.tr("Give the file to write."))
            return
        request = self.request()
        try:
            exports.check_request(user, request)
        except KnownError as exc:
            self.show_error(exc.field, exc.message())
            return
        self._run(user, request)

    def _run(self, user: UserInfo, request: exports.ExportRequest) -> None:
        self.cancel_event = threading.Event()
        cancel = self.cancel_event
        relay = self._relay
        office_hours = self._office_hours()
        self._set_running(True)
        self.status.setText(self.tr("Exporting to {file}…").format(file=request.output.name))

        def job(session: Session) -> exports.ExportResult:
            if cancel.is_set():
                raise exports.ExportCancelled
            if request.format is exports.ExportFormat.PDF:
                return export_pdf_report(
                    session, user, request, office_hours=office_hours, cancelled=cancel.is_set
                )
            return exports.export(
                session, user, request, progress=relay.progress.emit, cancelled=cancel.is_set
            )

        self._context.db_job(job, self._done, self._failed)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(running or self.progress.value() > 0)
        if running:
            self.progress.setRange(0, 0)  # busy until the first progress report
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        for widget in (
            self.kind,
            self.period,
            self.format,
            self.output,
            self.browse_button,
            self.export_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        if not running:
            self._format_changed()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if not self._running or total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("{done} of {total} rows")
            .format(done=f"{done:,}", total=f"{total:,}")
            .replace(",", "\u00a0")
        )

    def _done(self, result: exports.ExportResult) -> None:
        self._set_running(False)
        self.last_result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(self.tr("Done"))
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Exported {rows} rows to {file}.").format(
                rows=result.rows, file=str(result.path)
            )
        )
        self.exported.emit(result)
        self._finish()

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        if isinstance(error, exports.ExportCancelled):
            self.status.setStyleSheet("")
            self.status.setText(error.message())
        elif isinstance(error, KnownError):
            self.show_error(error.field, error.message())
        else:
            report_unexpected(error)
            self.show_error(
                None,
                self.tr("The export failed because of an unexpected error. No file was written."),
            )
        self._finish()

    def _finish(self) -> None:
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    @Slot()
    def cancel(self) -> None:
        """Stop the running export (nothing is written under the chosen name)."""
        if self._running and not self.cancel_event.is_set():
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Cancelling the export…"))

    def reject(self) -> None:
        """Cancel (Esc): stops a running export, else closes the dialog."""
        if self._running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            self.cancel()
            self._close_when_done = True
            event.ignore()
            return
        super().closeEvent(event)


def _with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix``: a known export suffix is replaced, else it is added."""
    if path.suffix.lower() == suffix:
        return path
    if path.suffix.lower() in SUFFIXES.values():
        return path.with_suffix(suffix)
    return path.with_name(path.name + suffix)


def _documents_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()
