"""Living with a shared database that goes away: a banner and a background retry.

When a job fails because the server cannot be reached (:class:`ConnectionLostError`,
reported by :attr:`AppContext.connection_lost`), the main window shows a banner
instead of an error dialog per job, and :class:`ConnectionWatcher` asks the
database thread to try ``SELECT 1`` again, first after two seconds and then less
often, up to every ten seconds. Only one probe is ever queued: a connect attempt to
a dead host may take the whole connect timeout, and the next probe is planned only
when it has come back. Once the server answers, the banner goes and the lists read
their rows again. Forms are left alone: what was typed stays, and saving again works.

Built the first time the connection is lost (nothing of this at start-up).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from kansli_desk.ui.context import AppContext

FIRST_RETRY_MS = 2_000
MAX_RETRY_MS = 10_000


class ConnectionWatcher(QObject):
    """Retries the database after a lost connection until it answers again.

    Signals:
        lost(): the connection was lost (emitted once until it is back).
        restored(): the database answers again.

    Attributes:
        _context: runs the probes.
        _timer: single shot; starts the next probe.
        _delay_ms: the wait before the next probe (doubles up to ``MAX_RETRY_MS``).
        _probing: a probe is queued or running (never more than one).
        _down: the connection is lost.
    """

    lost = Signal()
    restored = Signal()

    def __init__(
        self,
        context: AppContext,
        parent: QObject | None = None,
        *,
        first_retry_ms: int = FIRST_RETRY_MS,
        max_retry_ms: int = MAX_RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._first_retry_ms = first_retry_ms
        self._max_retry_ms = max_retry_ms
        self._delay_ms = first_retry_ms
        self._probing = False
        self._down = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._probe)
        context.connection_lost.connect(self.connection_lost)
        context.database_opened.connect(self._on_database_opened)

    @property
    def is_down(self) -> bool:
        """Whether the database is known to be unreachable."""
        return self._down

    @property
    def is_probing(self) -> bool:
        """Whether a probe is queued or running on the database thread."""
        return self._probing

    @Slot()
    def connection_lost(self) -> None:
        """A job could not reach the database: show it and start retrying."""
        if self._down:
            return
        self._down = True
        self._delay_ms = self._first_retry_ms
        self.lost.emit()
        self._schedule()

    def _schedule(self) -> None:
        if self._down and not self._probing and not self._timer.isActive():
            self._timer.start(self._delay_ms)

    @Slot()
    def _probe(self) -> None:
        if not self._down or self._probing:
            return
        self._probing = True
        self._context.probe(self._probed)

    def _probed(self, answered: bool) -> None:
        self._probing = False
        if not self._down:
            return
        if answered:
            self._down = False
            self._delay_ms = self._first_retry_ms
            self.restored.emit()
            return
        self._delay_ms = min(self._delay_ms * 2, self._max_retry_ms)
        self._schedule()

    @Slot()
    def _on_database_opened(self) -> None:
        """Another (or the same) database was opened: it answered, so all is well."""
        self._timer.stop()
        if self._down:
            self._down = False
            self.restored.emit()


class ConnectionBanner(QLabel):
    """The strip at the top of the window while the database cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAccessibleName(self.tr("Database connection"))
        self.setText(
            self.tr(
                "The shared database cannot be reached. Your input is kept; "
                "Kansli Desk retries every few seconds."
            )
        )
        self.setAccessibleDescription(self.text())
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(6)
        self.setStyleSheet(
            "QLabel#connectionBanner { background: #fff3cd; color: #5c4300;"
            " border-bottom: 1px solid #e0c46c; }"
        )
        self.hide()
