"""The status bar: which database, who is working, and whether the Kansli is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from kansli_desk.ui.context import AppContext
from kansli_desk.ui.office_hours import OfficeHoursWatcher

if TYPE_CHECKING:
    from kansli_desk.services.database import DatabaseLocation


class StatusBar(QStatusBar):
    """Permanent labels for the database, the user and the office hours.

    Attributes:
        database_label, user_label, office_label: the three labels.
    """

    def __init__(
        self,
        context: AppContext,
        office_hours: OfficeHoursWatcher,
        parent: QWidget | None = None,
    ) -> None:
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
        context.database_opened.connect(self._on_database_opened)
        office_hours.changed.connect(
            lambda status: self.office_label.setText(office_hours.text(status))
        )

    @Slot()
    def _on_database_opened(self) -> None:
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
