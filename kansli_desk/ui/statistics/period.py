"""Choosing a period: two dates with calendar pop-ups and quick choices.

Shared by the statistics view and the export dialog. Dates are Swedish local
dates, both ends included. A quick choice (this month, last month, this year,
the last 12 months) sets both dates; editing a date by hand switches the quick
choice to "Chosen dates".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from kansli_desk.ui import formatting
from kansli_desk.ui.widgets import name_widget

THIS_MONTH = "this_month"
LAST_MONTH = "last_month"
THIS_YEAR = "this_year"
LAST_12_MONTHS = "last_12_months"
CHOSEN = "chosen"


def today_in_sweden() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(formatting.swedish_time()).date()


def quick_period(choice: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates of a quick choice: up to ``today`` for the current month and year.

    Raises:
        ValueError: an unknown choice.
    """
    if choice == THIS_MONTH:
        return today.replace(day=1), today
    if choice == LAST_MONTH:
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    if choice == THIS_YEAR:
        return today.replace(month=1, day=1), today
    if choice == LAST_12_MONTHS:
        try:
            start = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28)
        return start + dt.timedelta(days=1), today
    raise ValueError(choice)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PeriodChooser(QWidget):
    """From and to dates and a quick choice, in one row.

    Signals:
        changed(): either date changed.

    Attributes:
        date_from, date_to: the dates (calendar pop-ups, ``yyyy-MM-dd``).
        quick: this month, last month, this year, the last 12 months, or chosen dates.
        from_label, to_label: their labels (with Alt+letter).
    """

    changed = Signal()

    def __init__(
        self,
        prefix: str,
        parent: QWidget | None = None,
        *,
        initial: str = THIS_MONTH,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.quick = QComboBox(self)
        name_widget(self.quick, f"{prefix}Quick", self.tr("Quick choice of period"))
        for key, text in (
            (THIS_MONTH, self.tr("This month")),
            (LAST_MONTH, self.tr("Last month")),
            (THIS_YEAR, self.tr("This year")),
            (LAST_12_MONTHS, self.tr("The last 12 months")),
            (CHOSEN, self.tr("Chosen dates")),
        ):
            self.quick.addItem(text, key)
        self.date_from = self._date_edit(f"{prefix}From", self.tr("First day of the period"))
        self.date_to = self._date_edit(f"{prefix}To", self.tr("Last day of the period"))
        self.from_label = QLabel(self.tr("&From:"), self)
        self.from_label.setBuddy(self.date_from)
        self.to_label = QLabel(self.tr("&To:"), self)
        self.to_label.setBuddy(self.date_to)
        quick_label = QLabel(self.tr("&Quick choice:"), self)
        quick_label.setBuddy(self.quick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(quick_label)
        layout.addWidget(self.quick)
        layout.addSpacing(12)
        layout.addWidget(self.from_label)
        layout.addWidget(self.date_from)
        layout.addWidget(self.to_label)
        layout.addWidget(self.date_to)
        self.choose(initial)
        self.quick.currentIndexChanged.connect(self._quick_chosen)
        self.date_from.dateChanged.connect(self._edited)
        self.date_to.dateChanged.connect(self._edited)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        name_widget(edit, name, accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        return edit

    def today(self) -> dt.date:
        return self._today or today_in_sweden()

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen dates (from may be after to: the caller says so at the field)."""
        return to_date(self.date_from.date()), to_date(self.date_to.date())

    def set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        """Set both dates (the quick choice becomes "Chosen dates")."""
        with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
            self.date_from.setDate(to_qdate(date_from))
            self.date_to.setDate(to_qdate(date_to))
        self._show_quick(CHOSEN)
        self.changed.emit()

    def choose(self, choice: str) -> None:
        """Apply a quick choice (``THIS_MONTH``, ``LAST_MONTH``, …)."""
        self._show_quick(choice)
        if choice == CHOSEN:
            return
        date_from, date_to = quick_period(choice, self.today())
        with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
            self.date_from.setDate(to_qdate(date_from))
            self.date_to.setDate(to_qdate(date_to))
        self.changed.emit()

    def _show_quick(self, choice: str) -> None:
        with QSignalBlocker(self.quick):
            self.quick.setCurrentIndex(max(0, self.quick.findData(choice)))

    @Slot(int)
    def _quick_chosen(self, index: int) -> None:
        self.choose(str(self.quick.itemData(index)))

    @Slot()
    def _edited(self) -> None:
        self._show_quick(CHOSEN)
        self.changed.emit()
