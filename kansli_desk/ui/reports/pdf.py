"""The statistics report as a PDF: A4 pages drawn with QPainter.

:func:`write_report_pdf` lays out a title with the period and when the report was
made, a summary of key figures, then every chart with the table of its numbers
(:mod:`kansli_desk.ui.statistics.figures`), breaking pages between blocks and
inside long tables (whose header is repeated), and numbers the pages. The charts
are painted by the same code as on screen (:mod:`kansli_desk.ui.statistics.charts`).

Everything is laid out in logical pixels at 96 dpi (an A4 page is 794 × 1123 of
them); the PDF painter is scaled to its resolution, and :func:`render_page`
paints a page onto an image the same way (screenshots, tests).

Text is translated with :func:`kansli_desk.i18n.translate`, so the report is in
the program's language (Swedish by default) from the GUI and the command line
alike. The command line calls :func:`ensure_gui_application` first: fonts need
a QGuiApplication, which it creates on the offscreen platform.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from kansli_desk.i18n import translate
from kansli_desk.ui import formatting
from kansli_desk.ui.statistics.charts import (
    BASE_PX,
    GRID,
    MUTED,
    TEXT,
    ChartKind,
    ChartSpec,
    format_count,
    paint_chart,
    preferred_height,
)
from kansli_desk.ui.statistics.figures import (
    Figure,
    KeyFigure,
    Section,
    call_figures,
    form_figures,
    key_figures,
    period_text,
)

if TYPE_CHECKING:
    from kansli_desk.core.office_hours import OfficeHours
    from kansli_desk.services.exports import ExportKind
    from kansli_desk.services.statistics import Statistics

ORGANISATION = "Regionstab Kansli, Region Kalmar län"
LOGICAL_DPI = 96.0
PDF_DPI = 300
PAGE_WIDTH = 210 / 25.4 * LOGICAL_DPI  # A4 in logical pixels
PAGE_HEIGHT = 297 / 25.4 * LOGICAL_DPI
MARGIN_X = 17 / 25.4 * LOGICAL_DPI
MARGIN_TOP = 15 / 25.4 * LOGICAL_DPI
MARGIN_BOTTOM = 14 / 25.4 * LOGICAL_DPI
FOOTER_HEIGHT = 22.0
GAP = 10.0
XY_CHART_HEIGHT = 230.0
BARS_CHART_MAX_HEIGHT = 520.0
ROW_HEIGHT = BASE_PX * 1.55
TABLE_GROUP_GAP = 18.0
TABLE_MIN_ROWS = 3  # a table starts on a page only if this many of its rows fit there
KEEP_WHOLE_LINES = 12  # tables of this many lines or fewer are never split over pages
SMALL_TABLE_ROWS = 10  # tables this short are one group of columns
GROUP_ROWS_MIN = 8  # a table is split into side-by-side groups of at least this many rows
HEADER_BACKGROUND = QColor("#eef1f5")
RULE = QColor("#c9d0d9")

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Make sure a QGuiApplication exists (the command line has none).

    A new one uses the offscreen platform: a report never shows a window, and so
    it works without a display (a scheduled export on a server).

    Raises:
        RuntimeError: a QCoreApplication without GUI already exists.
    """
    global _app  # noqa: PLW0603 (one application per process, as in Qt)
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("the PDF report needs a QGuiApplication, not a QCoreApplication")
        return
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv else "kansli-desk"])


# --- blocks ------------------------------------------------------------------------------------


def _font(px: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


class _Block:
    """Something placed on a page: measured for a width, painted into a rectangle."""

    keep_with_next = False

    def height(self, width: float) -> float:
        raise NotImplementedError

    def min_height(self, width: float) -> float:
        """The least of it that may start a page (tables: the header and a few rows)."""
        return self.height(width)

    def split(self, width: float, available: float) -> tuple[_Block, _Block] | None:
        """What fits in ``available`` and the rest (None: the block cannot be split)."""
        del width, available
        return None

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError


@dataclass
class _Text(_Block):
    text: str
    px: float = BASE_PX
    bold: bool = False
    color: QColor = field(default_factory=lambda: QColor(TEXT))
    space_before: float = 0.0
    keep_with_next: bool = False

    def height(self, width: float) -> float:
        metrics = QFontMetricsF(_font(self.px, bold=self.bold))
        bound = metrics.boundingRect(
            QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), self.text
        )
        return self.space_before + bound.height()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setFont(_font(self.px, bold=self.bold))
        painter.setPen(self.color)
        painter.drawText(
            rect.adjusted(0, self.space_before, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            | int(Qt.TextFlag.TextWordWrap),
            self.text,
        )


@dataclass
class _Chart(_Block):
    spec: ChartSpec
    keep_with_next: bool = True

    def height(self, width: float) -> float:
        del width
        if self.spec.kind is ChartKind.BARS:
            return min(preferred_height(self.spec), BARS_CHART_MAX_HEIGHT)
        return XY_CHART_HEIGHT

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        paint_chart(painter, rect, self.spec)


@dataclass
class _KeyFigures(_Block):
    """Key figures in one or two columns (calls, forms) of "label … value" lines."""

    columns: tuple[tuple[str, tuple[KeyFigure, ...]], ...]

    def _row_height(self) -> float:
        return BASE_PX * 1.75

    def height(self, width: float) -> float:
        del width
        rows = max(len(figures) for _title, figures in self.columns)
        return self._row_height() * (rows + 1) + 4

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        count = len(self.columns)
        column_w = (rect.width() - TABLE_GROUP_GAP * (count - 1)) / count
        row_h = self._row_height()
        label_font, value_font = _font(BASE_PX), _font(BASE_PX, bold=True)
        for index, (title, figures) in enumerate(self.columns):
            left = rect.left() + index * (column_w + TABLE_GROUP_GAP)
            painter.setFont(_font(BASE_PX * 1.05, bold=True))
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(left, rect.top(), column_w, row_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                title,
            )
            y = rect.top() + row_h
            painter.setPen(QPen(RULE, 1))
            painter.drawLine(QPointF(left, y), QPointF(left + column_w, y))
            for figure in figures:
                cell = QRectF(left, y, column_w, row_h)
                painter.setFont(value_font)
                painter.setPen(TEXT)
                painter.drawText(
                    cell.adjusted(0, 0, -2, 0),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    figure.value,
                )
                value_w = QFontMetricsF(value_font).horizontalAdvance(figure.value)
                label = QFontMetricsF(label_font).elidedText(
                    figure.label, Qt.TextElideMode.ElideRight, column_w - value_w - 12
                )
                painter.setFont(label_font)
                painter.setPen(MUTED)
                painter.drawText(
                    cell.adjusted(2, 0, 0, 0),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
                y += row_h
                painter.setPen(QPen(GRID, 1))
                painter.drawLine(QPointF(left, y), QPointF(left + column_w, y))


@dataclass
class _Table(_Block):
    """A number table, in side-by-side groups of columns when it is long and narrow.

    Attributes:
        headers: the column headers (repeated over every group and on every page).
        rows: the cells as text.
        numeric: right-aligned columns.
        groups: side-by-side groups of columns; rows run down the first group first.
        continued: a later part of a table split over pages.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    groups: int = 1
    group_width: float = 0.0
    widths: tuple[float, ...] = ()
    continued: bool = False

    @classmethod
    def of(cls, figure: Figure, width: float) -> _Table:
        rows = tuple(tuple(str(cell) for cell in row) for row in figure.rows)
        numeric = tuple(
            bool(rows) and all(isinstance(row[i], int) or "%" in str(row[i]) for row in figure.rows)
            for i in range(len(figure.headers))
        )
        header_fm = QFontMetricsF(_font(BASE_PX * 0.92, bold=True))
        cell_fm = QFontMetricsF(_font(BASE_PX * 0.92))
        natural = [
            max(
                [header_fm.horizontalAdvance(h)]
                + [cell_fm.horizontalAdvance(row[i]) for row in rows]
            )
            + 14
            for i, h in enumerate(figure.headers)
        ]
        needed = sum(natural)
        if len(rows) <= SMALL_TABLE_ROWS:
            groups = 1
            group_width = min(width, max(needed, width * 0.62))
        else:
            fit = max(1, math.floor((width + TABLE_GROUP_GAP) / (needed + TABLE_GROUP_GAP)))
            groups = max(1, min(fit, math.ceil(len(rows) / GROUP_ROWS_MIN)))
            group_width = (width - TABLE_GROUP_GAP * (groups - 1)) / groups
        spare = max(0.0, group_width - needed)
        widths = (natural[0] + spare, *natural[1:]) if natural else ()
        if needed > group_width and natural:
            widths = (
                max(40.0, group_width - sum(natural[1:])),
                *natural[1:],
            )
        return cls(figure.headers, rows, numeric, groups, group_width, tuple(widths))

    def _lines(self, rows: int) -> int:
        return math.ceil(rows / self.groups) if rows else 0

    def height(self, width: float) -> float:
        del width
        return ROW_HEIGHT * (1 + self._lines(len(self.rows))) + 2

    def min_height(self, width: float) -> float:
        lines = self._lines(len(self.rows))
        if lines <= KEEP_WHOLE_LINES:
            return self.height(width)
        return ROW_HEIGHT * (1 + TABLE_MIN_ROWS) + 2

    def split(self, width: float, available: float) -> tuple[_Block, _Block] | None:
        del width
        total = self._lines(len(self.rows))
        lines = math.floor((available - 2) / ROW_HEIGHT) - 1
        if total <= KEEP_WHOLE_LINES or lines < TABLE_MIN_ROWS or lines >= total:
            return None
        cut = lines * self.groups
        first = _Table(
            self.headers,
            self.rows[:cut],
            self.numeric,
            self.groups,
            self.group_width,
            self.widths,
            self.continued,
        )
        rest = _Table(
            self.headers,
            self.rows[cut:],
            self.numeric,
            self.groups,
            self.group_width,
            self.widths,
            continued=True,
        )
        return first, rest

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        lines = self._lines(len(self.rows))
        header_font = _font(BASE_PX * 0.92, bold=True)
        cell_font = _font(BASE_PX * 0.92)
        for group in range(self.groups):
            chunk = self.rows[group * lines : (group + 1) * lines]
            if not chunk and group:
                break
            left = rect.left() + group * (self.group_width + TABLE_GROUP_GAP)
            top = rect.top()
            painter.fillRect(QRectF(left, top, self.group_width, ROW_HEIGHT), HEADER_BACKGROUND)
            self._paint_row(painter, QPointF(left, top), self.headers, header_font)
            y = top + ROW_HEIGHT
            for row in chunk:
                self._paint_row(painter, QPointF(left, y), row, cell_font)
                y += ROW_HEIGHT
                painter.setPen(QPen(GRID, 1))
                painter.drawLine(QPointF(left, y), QPointF(left + self.group_width, y))
            painter.setPen(QPen(RULE, 1))
            painter.drawLine(
                QPointF(left, top + ROW_HEIGHT), QPointF(left + self.group_width, top + ROW_HEIGHT)
            )

    def _paint_row(
        self, painter: QPainter, origin: QPointF, cells: Sequence[str], font: QFont
    ) -> None:
        left, top = origin.x(), origin.y()
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(TEXT)
        x = left
        for index, (cell, width) in enumerate(zip(cells, self.widths, strict=True)):
            align = (
                Qt.AlignmentFlag.AlignRight if self.numeric[index] else Qt.AlignmentFlag.AlignLeft
            )
            text = metrics.elidedText(cell, Qt.TextElideMode.ElideRight, width - 12)
            painter.drawText(
                QRectF(x + 6, top, width - 12, ROW_HEIGHT),
                align | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += width


@dataclass
class _Rule(_Block):
    """A thin line under the title."""

    def height(self, width: float) -> float:
        del width
        return 8.0

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(QPen(RULE, 1))
        y = rect.top() + 4
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))


@dataclass(frozen=True)
class _Placed:
    block: _Block
    top: float
    height: float


# --- the document ------------------------------------------------------------------------------


class ReportDocument:
    """The statistics report laid out on A4 pages (logical pixels, 96 dpi).

    Attributes:
        stats: the statistics reported.
        sections: which sections are included (calls, forms or both).
        pages: the blocks of each page with their positions.
        title: the report's title (also the PDF's title).
    """

    def __init__(
        self,
        stats: Statistics,
        *,
        kind: ExportKind | str,
        office_hours: OfficeHours | None = None,
    ) -> None:
        from kansli_desk.core.office_hours import OfficeHours

        self.stats = stats
        self._office_hours = office_hours or OfficeHours()
        value = str(getattr(kind, "value", kind))
        if value == "calls":
            self.sections: tuple[Section, ...] = (Section.CALLS,)
        elif value == "forms":
            self.sections = (Section.FORMS,)
        else:
            self.sections = (Section.CALLS, Section.FORMS)
        self.title = translate("StatisticsReport", "Statistics report {period}").format(
            period=period_text(stats.date_from, stats.date_to)
        )
        self._width = PAGE_WIDTH - 2 * MARGIN_X
        self.pages: list[list[_Placed]] = self._flow(self._blocks())

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def _blocks(self) -> list[_Block]:
        stats = self.stats
        made = formatting.local_time(stats.computed_at)
        blocks: list[_Block] = [
            _Text(ORGANISATION, px=BASE_PX * 0.95, color=QColor(MUTED)),
            _Text(
                translate("StatisticsReport", "Statistics report"),
                px=BASE_PX * 2,
                bold=True,
                space_before=4,
            ),
            _Text(
                translate("StatisticsReport", "Period: {period}").format(
                    period=period_text(stats.date_from, stats.date_to)
                ),
                px=BASE_PX * 1.25,
                space_before=4,
            ),
            _Text(
                translate("StatisticsReport", "Made {time} (Swedish time) by Kansli Desk.").format(
                    time=made
                ),
                px=BASE_PX * 0.95,
                color=QColor(MUTED),
                space_before=2,
            ),
            _Rule(),
            _Text(
                translate("StatisticsReport", "Summary"),
                px=BASE_PX * 1.45,
                bold=True,
                space_before=4,
                keep_with_next=True,
            ),
            _Text(self._summary_sentence(), space_before=2),
        ]
        figures = key_figures(stats)
        columns = []
        if Section.CALLS in self.sections:
            columns.append(
                (
                    translate("StatisticsReport", "Calls"),
                    tuple(f for f in figures if f.section is Section.CALLS),
                )
            )
        if Section.FORMS in self.sections:
            columns.append(
                (
                    translate("StatisticsReport", "Forms"),
                    tuple(f for f in figures if f.section is Section.FORMS),
                )
            )
        blocks.append(_KeyFigures(tuple(columns)))
        if Section.CALLS in self.sections:
            blocks.append(self._section_heading(translate("StatisticsReport", "Calls")))
            for figure in call_figures(stats, self._office_hours):
                blocks += self._figure_blocks(figure)
        if Section.FORMS in self.sections:
            blocks.append(self._section_heading(translate("StatisticsReport", "Forms")))
            for figure in form_figures(stats):
                blocks += self._figure_blocks(figure)
        return blocks

    def _summary_sentence(self) -> str:
        calls, forms = self.stats.calls.total, self.stats.forms.total
        if self.sections == (Section.CALLS,):
            return translate("StatisticsReport", "{calls} calls were logged in the period.").format(
                calls=format_count(calls)
            )
        if self.sections == (Section.FORMS,):
            return translate(
                "StatisticsReport", "{forms} paper forms arrived in the period."
            ).format(forms=format_count(forms))
        return translate(
            "StatisticsReport",
            "{calls} calls were logged and {forms} paper forms arrived in the period.",
        ).format(calls=format_count(calls), forms=format_count(forms))

    @staticmethod
    def _section_heading(text: str) -> _Block:
        return _Text(text, px=BASE_PX * 1.45, bold=True, space_before=14, keep_with_next=True)

    def _figure_blocks(self, figure: Figure) -> list[_Block]:
        blocks: list[_Block] = []
        if figure.chart is not None:
            blocks.append(_Chart(figure.chart))
        blocks.append(_Table.of(figure, self._width))
        return blocks

    def _flow(self, blocks: list[_Block]) -> list[list[_Placed]]:
        """Place blocks on pages: keep headings and charts with what follows, split tables."""
        width = self._width
        top, bottom = MARGIN_TOP, PAGE_HEIGHT - MARGIN_BOTTOM - FOOTER_HEIGHT
        pages: list[list[_Placed]] = [[]]
        y = top
        queue = list(blocks)
        while queue:
            block = queue.pop(0)
            height = block.height(width)
            needed = height
            if block.keep_with_next and queue:
                needed += GAP + self._keep_height(queue, width)
            if y + needed <= bottom:
                pages[-1].append(_Placed(block, y, height))
                y += height + GAP
                continue
            parts = block.split(width, bottom - y)
            if parts is not None:
                first, rest = parts
                pages[-1].append(_Placed(first, y, first.height(width)))
                queue.insert(0, rest)
            elif not pages[-1]:  # taller than a page and not splittable: it is cut off
                pages[-1].append(_Placed(block, y, min(height, bottom - y)))
            else:
                queue.insert(0, block)
            pages.append([])
            y = top
        return [page for page in pages if page] or [[]]

    @staticmethod
    def _keep_height(queue: list[_Block], width: float) -> float:
        """How much of what follows must fit with a block kept with it."""
        following = queue[0]
        height = following.min_height(width)
        if following.keep_with_next and len(queue) > 1:
            height += GAP + queue[1].min_height(width)
        return height

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Paint page ``index`` (0-based) in logical pixels (the caller scales)."""
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            for placed in self.pages[index]:
                rect = QRectF(MARGIN_X, placed.top, self._width, placed.height)
                placed.block.paint(painter, rect)
            self._paint_footer(painter, index)
        finally:
            painter.restore()

    def _paint_footer(self, painter: QPainter, index: int) -> None:
        top = PAGE_HEIGHT - MARGIN_BOTTOM - FOOTER_HEIGHT + 6
        rect = QRectF(MARGIN_X, top, self._width, FOOTER_HEIGHT - 6)
        painter.setPen(QPen(RULE, 1))
        painter.drawLine(QPointF(rect.left(), top), QPointF(rect.right(), top))
        painter.setFont(_font(BASE_PX * 0.8))
        painter.setPen(MUTED)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            f"{ORGANISATION} · {self.title}",
        )
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            translate("StatisticsReport", "Page {page} of {pages}").format(
                page=index + 1, pages=self.page_count
            ),
        )


def write_report_pdf(
    stats: Statistics,
    path: Path,
    *,
    kind: ExportKind,
    office_hours: OfficeHours | None = None,
) -> int:
    """Write the statistics report to ``path`` as a PDF; returns the number of pages.

    Args:
        stats: the statistics of the period.
        path: the file to write (written as given: no suffix is added).
        kind: calls (the call section), forms (the form section) or audit (both).
        office_hours: shaded in the hour and weekday charts (default: the default
            office hours).

    Raises:
        OSError: the file cannot be written.
    """
    document = ReportDocument(stats, kind=kind, office_hours=office_hours)
    with path.open("wb"):  # a clear OSError now instead of a silent failure in Qt
        pass
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(document.title)
    writer.setCreator("Kansli Desk")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF file {path.name}")
    try:
        scale = PDF_DPI / LOGICAL_DPI
        for index in range(document.page_count):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            document.paint_page(painter, index)
            painter.restore()
    finally:
        painter.end()
    return document.page_count


def render_page(
    stats: Statistics,
    *,
    kind: ExportKind | str,
    page: int = 0,
    scale: float = 2.0,
    office_hours: OfficeHours | None = None,
) -> QImage:
    """One page of the report as an image (white A4 at ``scale`` × 96 dpi)."""
    document = ReportDocument(stats, kind=kind, office_hours=office_hours)
    size = QSizeF(PAGE_WIDTH, PAGE_HEIGHT) * scale
    image = QImage(round(size.width()), round(size.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    document.paint_page(painter, page)
    painter.end()
    return image
