"""The status bar: which database, who is working, and whether the Kansli is open."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from kansli_desk.settings import OFFICE_CLOSES, OFFICE_OPENS, OFFICE_WEEKDAYS
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext

if TYPE_CHECKING:
    from kansli_desk.core.office_hours import OfficeStatus
    from kansli_desk.services.database import DatabaseLocation

OFFICE_REFRESH_MS = 30_000
FIRST_OFFICE_REFRESH_MS = 2_000


class StatusBar(QStatusBar):
    """Permanent labels for the database, the user and the office hours.

    Attributes:
        database_label, user_label, office_label: the three labels.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._context = context
        self.database_label = QLabel(self.tr("Opening the database…"), self)
        self.database_label.setObjectName("statusDatabase")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.office_label = QLabel(self)
        self.office_label.setObjectName("statusOfficeHours")
        self.addWidget(self.database_label, 1)
        self.addPermanentWidget(self.user_label)
        self.addPermanentWidget(self.office_label)
        settings = context.settings
        self._hours_setting = (
            settings.get(OFFICE_WEEKDAYS),
            settings.get(OFFICE_OPENS),
            settings.get(OFFICE_CLOSES),
        )
        self._timer = QTimer(self)
        self._timer.setInterval(OFFICE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_office_hours)
        context.database_opened.connect(self._on_database_opened)
        # Office status needs the holiday tables, computed off the GUI thread; the
        # first computation waits until the database is open (or a moment has
        # passed), so loading them does not slow the start.
        QTimer.singleShot(FIRST_OFFICE_REFRESH_MS, self._start_office_hours)

    @Slot()
    def _start_office_hours(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            self.refresh_office_hours()

    @Slot()
    def _on_database_opened(self) -> None:
        self._start_office_hours()
        context = self._context
        assert context.database is not None and context.user is not None
        self.show_location(context.database.location)
        user = context.user
        self.user_label.setText(
            self.tr("{user} ({role})").format(user=user.shown_name, role=user.role.label)
        )
        self.user_label.setToolTip(self.tr("Logged in as {login}").format(login=user.username))

    def show_location(self, location: DatabaseLocation) -> None:
        """Show where the data is; never a password (the location holds none)."""
        if location.is_sqlite:
            text = self.tr("Local database: {path}").format(path=location.display)
        else:
            text = self.tr("Shared database: {where}").format(where=location.display)
        self.database_label.setText(text)
        self.database_label.setToolTip(text)

    @Slot()
    def refresh_office_hours(self) -> None:
        weekdays, opens, closes = self._hours_setting
        now = dt.datetime.now(dt.UTC)

        def job() -> OfficeStatus:
            from kansli_desk.core.office_hours import OfficeHours

            return OfficeHours.from_settings(weekdays, opens, closes).status(now)

        self._context.runner.run(job, self._show_office_status)

    def _show_office_status(self, status: OfficeStatus) -> None:
        self.office_label.setText(self.office_text(status))

    def office_text(self, status: OfficeStatus) -> str:
        if status.is_open and status.changes_at is not None:
            return self.tr("Kansli open until {time}").format(
                time=formatting.clock(status.changes_at)
            )
        if status.changes_at is None:
            return self.tr("Kansli closed")
        opens = self.tr("opens {day} {time}").format(
            day=self._day_name(status.changes_at), time=formatting.clock(status.changes_at)
        )
        if status.holiday:
            return self.tr("Kansli closed ({holiday}); {opens}").format(
                holiday=status.holiday, opens=opens
            )
        return self.tr("Kansli closed; {opens}").format(opens=opens)

    def _day_name(self, moment: dt.datetime) -> str:
        names = [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]
        today = dt.datetime.now(dt.UTC).astimezone(moment.tzinfo).date()
        local = moment.date()
        if local == today:
            return self.tr("today")
        if local == today + dt.timedelta(days=1):
            return self.tr("tomorrow")
        return names[local.weekday()]
