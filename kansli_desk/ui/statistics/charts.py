"""Bar and line charts drawn with QPainter (only PySide6-Essentials: no QtCharts).

One function, :func:`paint_chart`, draws a :class:`ChartSpec` into a rectangle on
any QPainter. The screen widget (:class:`ChartWidget`) and the pages of the PDF
report (:mod:`kansli_desk.ui.reports.pdf`) use the same code, so what a supervisor
sees is what gets printed. Sizes are logical pixels at 96 dpi and fonts are set
by pixel size, so a caller drawing on paper scales the painter and everything
scales with it.

The look is meant for print as much as for the screen: dark text on white, one
calm colour per chart, light grid lines, values written on the bars when they
fit, and shaded bands (office hours) behind the bars with a legend.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

BASE_PX = 12.0  # body text of a chart: 12 px at 96 dpi = 9 pt on paper

TEXT = QColor("#2b2f36")
MUTED = QColor("#5f6672")
GRID = QColor("#e3e6ea")
AXIS = QColor("#9aa1ab")
BAND = QColor("#fbefd5")
BAND_EDGE = QColor("#e6cf9f")
CALLS_COLOR = QColor("#4e79a7")  # calm blue
FORMS_COLOR = QColor("#4f9a8a")  # calm teal
LINE_DOTS_MIN_SLOT = 7.0  # draw the points of a line when they are at least this far apart
ALL_LINE_VALUES_MAX = 16  # a short line gets every value written; a long one only its peak
DENSE_FILL_SLOT = 6.0  # a line with points closer: filled by pixel columns, drawn thin


class ChartKind(Enum):
    """How a chart shows its categories."""

    COLUMNS = "columns"  # vertical bars over ordered categories (hours, weekdays, weeks)
    BARS = "bars"  # horizontal bars, one labelled row per category (topics, outcomes)
    LINE = "line"  # a series over time (calls per day)


@dataclass(frozen=True)
class ChartSpec:
    """What to draw (plain data: built once, painted on screen and on paper).

    Attributes:
        kind: columns, bars or a line.
        title: shown above the chart.
        labels: one per category, in order (axis labels, or row labels of bars).
        values: one count per category.
        value_title: what the values count ("Calls"), written at the value axis.
        category_title: what the categories are ("Hour of day"), under the axis.
        bands: shaded spans of categories, as (first, end) positions where category
            ``i`` spans ``i`` to ``i + 1`` (8.0 to 16.5 shades 08:00–16:30).
        band_label: legend text of the bands.
        ticks: explicit axis labels as (category index, text) for long series; None
            labels every category that fits.
        empty_text: shown instead of the chart when every value is zero.
        color: the bars' or line's colour.
    """

    kind: ChartKind
    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    value_title: str = ""
    category_title: str = ""
    bands: tuple[tuple[float, float], ...] = ()
    band_label: str = ""
    ticks: tuple[tuple[int, str], ...] | None = None
    empty_text: str = ""
    color: str = CALLS_COLOR.name()


def format_count(value: float) -> str:
    """A whole number with a no-break space between thousands: ``12 345``."""
    return f"{round(value):,}".replace(",", "\u00a0")


def nice_ticks(maximum: float, count: int = 5) -> list[int]:
    """Round values for a count axis from 0 to at least ``maximum`` (about ``count`` steps)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude * 10
    for multiple in (1, 2, 2.5, 5, 10):
        candidate = multiple * magnitude
        if candidate >= raw and float(candidate).is_integer():
            step = candidate
            break
    step = max(1, round(step))
    top = math.ceil(maximum / step) * step
    return list(range(0, top + 1, step))


def preferred_height(spec: ChartSpec, base_px: float = BASE_PX) -> float:
    """A height that shows every label: horizontal bars grow with their rows."""
    if spec.kind is ChartKind.BARS:
        rows = max(1, len(spec.labels))
        return base_px * (5.5 + 2.0 * rows)
    return base_px * 20


class _Fonts:
    """The chart's fonts by pixel size, with their metrics."""

    def __init__(self, base_px: float) -> None:
        self.base = base_px
        self.title = QFont()
        self.title.setPixelSize(max(1, round(base_px * 1.15)))
        self.title.setBold(True)
        self.label = QFont()
        self.label.setPixelSize(max(1, round(base_px)))
        self.small = QFont()
        self.small.setPixelSize(max(1, round(base_px * 0.88)))
        self.title_fm = QFontMetricsF(self.title)
        self.label_fm = QFontMetricsF(self.label)
        self.small_fm = QFontMetricsF(self.small)


@dataclass(frozen=True)
class _Frame:
    """Where columns or a line are drawn: the plot area and its scales."""

    plot: QRectF
    slot: float  # width of one category
    top_value: float  # the value at the top of the plot
    color: QColor
    fonts: _Fonts

    def y_at(self, value: float) -> float:
        return self.plot.bottom() - value / self.top_value * self.plot.height()


def paint_chart(
    painter: QPainter,
    rect: QRectF,
    spec: ChartSpec,
    *,
    base_px: float = BASE_PX,
    show_title: bool = True,
) -> None:
    """Draw ``spec`` inside ``rect`` (logical pixels) on any painter."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        fonts = _Fonts(base_px)
        area = QRectF(rect)
        area = _paint_heading(painter, area, spec, fonts, show_title=show_title)
        if not spec.values or max(spec.values) <= 0:
            painter.setFont(fonts.label)
            painter.setPen(MUTED)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, spec.empty_text)
            return
        if spec.kind is ChartKind.BARS:
            _paint_bars(painter, area, spec, fonts)
        else:
            _paint_xy(painter, area, spec, fonts)
    finally:
        painter.restore()


def _paint_heading(
    painter: QPainter, area: QRectF, spec: ChartSpec, fonts: _Fonts, *, show_title: bool
) -> QRectF:
    """The title and the bands' legend; returns what is left for the chart."""
    base = fonts.base
    line_h = fonts.title_fm.height()
    title_w = fonts.title_fm.horizontalAdvance(spec.title) if show_title and spec.title else 0.0
    legend_w = 0.0
    if spec.bands and spec.band_label:
        legend_w = base * 1.4 + fonts.small_fm.horizontalAdvance(spec.band_label)
    if title_w:
        painter.setFont(fonts.title)
        painter.setPen(TEXT)
        text = fonts.title_fm.elidedText(spec.title, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
    legend_top = area.top()
    if title_w and title_w + legend_w + base * 2 > area.width():
        legend_top += line_h  # no room beside the title: on a line of its own
    if legend_w:
        swatch = QRectF(area.right() - legend_w, legend_top + (line_h - base) / 2, base, base)
        painter.setPen(QPen(BAND_EDGE, 1))
        painter.setBrush(BAND)
        painter.drawRect(swatch)
        painter.setFont(fonts.small)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(swatch.right() + base * 0.4, legend_top, legend_w, line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            spec.band_label,
        )
    bottom = max(
        area.top() + (line_h if title_w else 0.0), legend_top + (line_h if legend_w else 0.0)
    )
    if bottom > area.top():
        bottom += base * 0.5
    return QRectF(area.left(), bottom, area.width(), max(0.0, area.bottom() - bottom))


def _paint_xy(painter: QPainter, area: QRectF, spec: ChartSpec, fonts: _Fonts) -> None:
    """Columns or a line over categories, with a labelled value axis on the left."""
    base = fonts.base
    values = spec.values
    count = len(values)
    ticks = nice_ticks(max(values))
    top_value = ticks[-1]
    small_fm = fonts.small_fm
    tick_w = max(small_fm.horizontalAdvance(format_count(t)) for t in ticks)
    left = area.left() + tick_w + base * 0.6
    value_title_h = small_fm.height() if spec.value_title else 0.0
    category_h = small_fm.height() + base * 0.5
    category_title_h = small_fm.height() + base * 0.2 if spec.category_title else 0.0
    plot = QRectF(
        left,
        area.top() + value_title_h + small_fm.height() * 0.8,  # headroom for the top value
        max(1.0, area.right() - left - base * 0.3),
        0.0,
    )
    plot.setBottom(max(plot.top() + 1.0, area.bottom() - category_h - category_title_h))
    slot = plot.width() / count
    frame = _Frame(plot, slot, top_value, QColor(spec.color), fonts)

    def x_at(position: float) -> float:
        return plot.left() + position * slot

    y_at = frame.y_at

    # Shaded bands (office hours) behind everything.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BAND)
    for first, end in spec.bands:
        painter.drawRect(QRectF(x_at(first), plot.top(), (end - first) * slot, plot.height()))
    # Grid lines and the value axis.
    painter.setFont(fonts.small)
    for tick in ticks:
        y = y_at(tick)
        painter.setPen(QPen(GRID, 1))
        if tick:
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(area.left(), y - small_fm.height() / 2, tick_w, small_fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_count(tick),
        )
    if spec.value_title:
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), value_title_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            spec.value_title,
        )
    if spec.kind is ChartKind.COLUMNS:
        _paint_columns(painter, frame, values)
    else:
        _paint_line(painter, frame, values)
    painter.setPen(QPen(AXIS, 1))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    _paint_categories(painter, plot, spec, slot, fonts)
    if spec.category_title:
        painter.setFont(fonts.small)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(plot.left(), area.bottom() - category_title_h, plot.width(), category_title_h),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            spec.category_title,
        )


def _paint_columns(painter: QPainter, frame: _Frame, values: Sequence[int]) -> None:
    plot, slot, y_at, fonts = frame.plot, frame.slot, frame.y_at, frame.fonts
    width = min(slot * 0.72, fonts.base * 4)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(frame.color)
    for index, value in enumerate(values):
        if value <= 0:
            continue
        x = plot.left() + index * slot + (slot - width) / 2
        painter.drawRect(QRectF(x, y_at(value), width, plot.bottom() - y_at(value)))
    # Values on top of the bars, when every one of them fits its slot.
    small_fm = fonts.small_fm
    widest = max(small_fm.horizontalAdvance(format_count(v)) for v in values)
    if widest > slot * 0.96:
        return
    painter.setFont(fonts.small)
    painter.setPen(TEXT)
    height = small_fm.height()
    for index, value in enumerate(values):
        if value <= 0:
            continue
        y = y_at(value) - height - 1
        painter.drawText(
            QRectF(plot.left() + index * slot, y, slot, height),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            format_count(value),
        )


def _paint_line(painter: QPainter, frame: _Frame, values: Sequence[int]) -> None:
    plot, slot, y_at, fonts, color = frame.plot, frame.slot, frame.y_at, frame.fonts, frame.color
    points = [
        QPointF(plot.left() + (index + 0.5) * slot, y_at(value))
        for index, value in enumerate(values)
    ]
    fill = QColor(color)
    fill.setAlpha(46)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    if slot < DENSE_FILL_SLOT and len(points) > 1:
        _fill_columns(painter, plot.bottom(), points, fill)
    else:
        area = QPainterPath()
        area.moveTo(QPointF(points[0].x(), plot.bottom()))
        for point in points:
            area.lineTo(point)
        area.lineTo(QPointF(points[-1].x(), plot.bottom()))
        area.closeSubpath()
        painter.drawPath(area)
    # A dense line is drawn one pixel wide: wider, its spikes are outlined as a path,
    # which takes Qt as long as filling it (a tenth of a second for a year of days).
    width = 1.0 if slot < DENSE_FILL_SLOT else min(fonts.base * 0.17, max(1.0, slot * 0.5))
    pen = QPen(color, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if len(points) > 1:
        painter.drawPolyline(QPolygonF(points))
    if slot >= LINE_DOTS_MIN_SLOT or len(points) == 1:
        painter.setBrush(QBrush(color))
        radius = min(fonts.base * 0.28, slot / 3)
        painter.setPen(QPen(QColor("white"), 1))
        for point in points:
            painter.drawEllipse(point, radius, radius)
    # Values: all of a short series, else only the highest point.
    small_fm = fonts.small_fm
    height = small_fm.height()
    if len(values) <= ALL_LINE_VALUES_MAX:
        widest = max(small_fm.horizontalAdvance(format_count(v)) for v in values)
        shown = list(range(len(values))) if widest <= slot * 0.96 else []
    else:
        shown = [max(range(len(values)), key=lambda i: values[i])]
    painter.setFont(fonts.small)
    painter.setPen(TEXT)
    for index in shown:
        text = format_count(values[index])
        width = small_fm.horizontalAdvance(text) + 4
        x = min(max(points[index].x() - width / 2, plot.left()), plot.right() - width)
        painter.drawText(
            QRectF(x, points[index].y() - height - 3, width, height),
            Qt.AlignmentFlag.AlignCenter,
            text,
        )


def _fill_columns(
    painter: QPainter, bottom: float, points: Sequence[QPointF], fill: QColor
) -> None:
    """The area under a dense line (days of a year or more), one pixel column at a time.

    As one antialiased path its spikes (weekends) take Qt's rasterizer up to a second;
    each column is filled from the highest point of the line over it (interpolated at
    the column's edges) down to ``bottom``. The line drawn on top hides the steps.
    """
    tops: dict[int, float] = {}
    for a, b in itertools.pairwise(points):
        ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
        span = bx - ax
        for column in range(math.floor(ax), math.floor(bx) + 1):
            left, right = max(ax, float(column)), min(bx, float(column + 1))
            if span > 0:
                y_left = ay + (by - ay) * (left - ax) / span
                y_right = ay + (by - ay) * (right - ax) / span
                top = min(y_left, y_right)
            else:
                top = min(ay, by)
            tops[column] = min(top, tops.get(column, top))
    end = round(bottom)
    first, last = min(tops), max(tops)
    heights = [(column, end - round(tops.get(column, end))) for column in range(first, last + 1)]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRects(_skyline_rects(heights, end))
    painter.restore()


def _skyline_rects(heights: Sequence[tuple[int, int]], bottom: int) -> list[QRect]:
    """Columns of pixels (column, height above ``bottom``), adjacent, as few wide
    rectangles that do not overlap (a translucent fill is blended row by row, so wide
    rectangles blend several times faster than one per column)."""
    rects: list[QRect] = []
    stack: list[tuple[int, int]] = []  # (first column, height), heights increasing
    end = heights[-1][0] + 1 if heights else 0
    for column, height in [*heights, (end, 0)]:
        start = column
        while stack and stack[-1][1] > height:
            first, top = stack.pop()
            below = max(height, stack[-1][1] if stack else 0)
            rects.append(QRect(first, bottom - top, column - first, top - below))
            start = first
        if height > 0 and (not stack or stack[-1][1] < height):
            stack.append((start, height))
    return rects


def _paint_categories(
    painter: QPainter, plot: QRectF, spec: ChartSpec, slot: float, fonts: _Fonts
) -> None:
    """Category labels under the axis: explicit ticks, or every label that fits."""
    small_fm = fonts.small_fm
    painter.setFont(fonts.small)
    height = small_fm.height()
    top = plot.bottom() + fonts.base * 0.3
    if spec.ticks is not None:
        placed_right = -math.inf
        for index, text in spec.ticks:
            x = plot.left() + (index + 0.5) * slot
            width = small_fm.horizontalAdvance(text)
            left = min(max(x - width / 2, plot.left() - slot / 2), plot.right() - width)
            if left < placed_right + fonts.base * 0.6:
                continue  # would overlap the previous label
            painter.setPen(QPen(AXIS, 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(left, top, width + 1, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                text,
            )
            placed_right = left + width
        return
    if not spec.labels:
        return
    widest = max(small_fm.horizontalAdvance(text) for text in spec.labels)
    step = max(1, math.ceil((widest + fonts.base * 0.5) / slot))
    painter.setPen(MUTED)
    for index in range(0, len(spec.labels), step):
        center = plot.left() + (index + 0.5) * slot
        width = max(slot * step, widest + 2)
        painter.drawText(
            QRectF(center - width / 2, top, width, height),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            spec.labels[index],
        )


def _paint_bars(painter: QPainter, area: QRectF, spec: ChartSpec, fonts: _Fonts) -> None:
    """Horizontal bars: labels on the left, values at the bar ends, an axis below."""
    base = fonts.base
    label_fm, small_fm = fonts.label_fm, fonts.small_fm
    values = spec.values
    count = len(values)
    ticks = nice_ticks(max(values))
    top_value = ticks[-1]
    label_w = min(
        max(label_fm.horizontalAdvance(text) for text in spec.labels) + base * 0.8,
        area.width() * 0.42,
    )
    value_w = small_fm.horizontalAdvance(format_count(max(values))) + base * 0.8
    axis_h = small_fm.height() + base * 0.4
    title_h = small_fm.height() + base * 0.2 if spec.value_title else 0.0
    plot = QRectF(
        area.left() + label_w,
        area.top(),
        max(1.0, area.width() - label_w - value_w),
        max(1.0, area.height() - axis_h - title_h),
    )
    row_h = plot.height() / count
    thickness = min(row_h * 0.68, base * 1.7)

    def x_at(value: float) -> float:
        return plot.left() + value / top_value * plot.width()

    painter.setFont(fonts.small)
    for tick in ticks:
        x = x_at(tick)
        painter.setPen(QPen(GRID, 1))
        if tick:
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        text = format_count(tick)
        width = small_fm.horizontalAdvance(text) + 2
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(x - width / 2, plot.bottom() + base * 0.3, width, small_fm.height()),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            text,
        )
    if spec.value_title:
        painter.drawText(
            QRectF(plot.left(), area.bottom() - title_h, plot.width(), title_h),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            spec.value_title,
        )
    color = QColor(spec.color)
    label_font = fonts.label if row_h >= label_fm.height() else fonts.small
    label_metrics = label_fm if row_h >= label_fm.height() else small_fm
    for index, value in enumerate(values):
        center = plot.top() + (index + 0.5) * row_h
        painter.setFont(label_font)
        painter.setPen(TEXT)
        label = label_metrics.elidedText(
            spec.labels[index], Qt.TextElideMode.ElideRight, label_w - base * 0.8
        )
        painter.drawText(
            QRectF(area.left(), center - row_h / 2, label_w - base * 0.6, row_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        end = x_at(value)
        if value > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRect(
                QRectF(plot.left(), center - thickness / 2, end - plot.left(), thickness)
            )
        painter.setFont(fonts.small)
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(end + base * 0.35, center - row_h / 2, value_w, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            format_count(value),
        )
    painter.setPen(QPen(AXIS, 1))
    painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))


class ChartWidget(QWidget):
    """Shows one chart on screen, drawn by :func:`paint_chart`.

    Attributes:
        spec: the chart shown, or None (an empty white area).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: ChartSpec | None = None
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_spec(self, spec: ChartSpec | None) -> None:
        """Show ``spec`` (None: nothing)."""
        self.spec = spec
        self.setAccessibleName(spec.title if spec is not None else "")
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        height = preferred_height(self.spec) if self.spec is not None else 260
        return QSize(640, max(260, round(height)))

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.spec is not None:
            area = QRectF(self.rect()).adjusted(14, 10, -14, -10)
            paint_chart(painter, area, self.spec)
        painter.end()
