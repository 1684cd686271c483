"""Running work off the GUI thread and handing the result back to it.

The pattern of Anki's ``CollectionOp``/``QueryOp`` and Picard's ``run_task``:
a job runs on a worker thread; its result or exception comes back on the GUI
thread through a queued signal, where the ``on_done``/``on_error`` callbacks run.
Database jobs share one worker thread, so they run one after another and a
slow shared server never freezes the window. Jobs must not touch widgets, and
they return plain data (dataclasses, ids), never ORM objects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries one job's outcome from the worker thread to the GUI thread."""

    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._func()
        except BaseException as exc:  # delivered to the GUI thread
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


class TaskRunner(QObject):
    """Runs jobs on worker threads and calls back on the GUI thread.

    Signals:
        busy_changed(bool): whether any job is running or waiting.

    Attributes:
        _db_pool: one thread, for everything that touches the database.
        _general_pool: for other slow work (loading holidays, files).
        _pending: relays of running jobs with their callbacks (keeps them alive).
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._general_pool = QThreadPool(self)
        self._general_pool.setMaxThreadCount(2)
        self._pending: dict[_Relay, tuple[Done, Failed | None]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run_db(
        self, func: Callable[[], Any], on_done: Done, on_error: Failed | None = None
    ) -> None:
        """Queue a database job (jobs run one at a time, in order)."""
        self._start(self._db_pool, func, on_done, on_error)

    def run(self, func: Callable[[], Any], on_done: Done, on_error: Failed | None = None) -> None:
        """Run a job that does not touch the database."""
        self._start(self._general_pool, func, on_done, on_error)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until the worker threads are idle (for shutdown and tests)."""
        ok = self._db_pool.waitForDone(msecs) and self._general_pool.waitForDone(msecs)
        return bool(ok)

    def shutdown(self, msecs: int = 30_000) -> None:
        """Wait for the running jobs and drop their callbacks (results not yet
        delivered go nowhere: the windows they were for are closing)."""
        self.wait_idle(msecs)
        self._pending.clear()

    def _start(
        self, pool: QThreadPool, func: Callable[[], Any], on_done: Done, on_error: Failed | None
    ) -> None:
        relay = _Relay()
        relay.finished.connect(self._deliver)
        was_busy = self.busy
        self._pending[relay] = (on_done, on_error)
        pool.start(_Job(func, relay))
        if not was_busy:
            self.busy_changed.emit(True)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        relay = self.sender()
        if not isinstance(relay, _Relay):  # dropped by shutdown() and already deleted
            return
        callbacks = self._pending.pop(relay, None)
        relay.deleteLater()
        if callbacks is None:  # dropped by shutdown(): nobody waits for it any more
            return
        on_done, on_error = callbacks
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # its widget was closed and deleted while the job ran
        try:
            if error is None:
                on_done(result)
            else:
                assert isinstance(error, BaseException)
                if on_error is None:
                    report_unexpected(error)
                else:
                    on_error(error)
        finally:
            if not self.busy:
                self.busy_changed.emit(False)


_unexpected_handler: Failed | None = None


def set_unexpected_handler(handler: Failed | None) -> None:
    """Who shows errors that no job handled (the main window installs a dialog)."""
    global _unexpected_handler  # noqa: PLW0603 (one per application)
    _unexpected_handler = handler


def report_unexpected(error: BaseException) -> None:
    """Log an unhandled job error with its traceback and tell the user politely."""
    log.error("Unhandled error in a background job", exc_info=error)
    if _unexpected_handler is not None:
        _unexpected_handler(error)
