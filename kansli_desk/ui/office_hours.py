"""Whether the Kansli is open now, kept current and put into words.

Shared by the status bar and the call form. The status needs the holiday
tables, so it is computed off the GUI thread; the first computation waits until
the database is open (or a moment has passed), so it does not slow the start.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kansli_desk.settings import OFFICE_CLOSES, OFFICE_OPENS, OFFICE_WEEKDAYS
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext

if TYPE_CHECKING:
    from kansli_desk.core.office_hours import OfficeStatus

REFRESH_MS = 30_000
FIRST_REFRESH_MS = 2_000


class OfficeHoursWatcher(QObject):
    """The Kansli's current open/closed status.

    Signals:
        changed(object): a new :class:`OfficeStatus` was computed.

    Attributes:
        status: the last status computed, or None before the first.
    """

    changed = Signal(object)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        settings = context.settings
        self._setting = (
            settings.get(OFFICE_WEEKDAYS),
            settings.get(OFFICE_OPENS),
            settings.get(OFFICE_CLOSES),
        )
        self.status: OfficeStatus | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        context.database_opened.connect(self._start)
        QTimer.singleShot(FIRST_REFRESH_MS, self._start)

    @Slot()
    def _start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Compute the status now (in the background)."""
        weekdays, opens, closes = self._setting
        now = dt.datetime.now(dt.UTC)

        def job() -> OfficeStatus:
            from kansli_desk.core.office_hours import OfficeHours

            return OfficeHours.from_settings(weekdays, opens, closes).status(now)

        self._context.runner.run(job, self._computed)

    def _computed(self, status: OfficeStatus) -> None:
        self.status = status
        self.changed.emit(status)

    def text(self, status: OfficeStatus) -> str:
        """ "Kansliet öppet till 16:30", "Kansliet stängt (Juldagen); öppnar måndag 08:00"."""
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

    def out_of_hours_route(self) -> str:
        """What to tell callers outside office hours (the region's page, "Hantering")."""
        return self.tr(
            "Outside office hours: urgent orders go to Supportcenter Vårdsystem, phone "
            "0480-840 38, option 2 (fill in the digital form first). During standby "
            "17:00–07:00, leave a message and expect a callback within 30 minutes. "
            "Non-urgent orders are handled in office hours."
        )

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
