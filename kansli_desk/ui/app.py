"""Starting the desktop application.

The window is shown before anything slow happens: SQLAlchemy, the database,
the holiday tables and the keyring are all loaded by background jobs after
the first paint, so the program feels instant even on a big shared database.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

from kansli_desk import APP_ID, APP_NAME, paths
from kansli_desk.errors import MSG_NO_DISPLAY, KnownError
from kansli_desk.i18n import set_translator, translate
from kansli_desk.logs import setup_file_logging
from kansli_desk.settings import DATABASE_URL, Settings

if TYPE_CHECKING:
    from kansli_desk.services.database import DatabaseLocation
    from kansli_desk.ui.context import AppContext
    from kansli_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def has_display() -> bool:
    """Whether Qt can open windows (Linux needs X11 or Wayland, or a chosen platform)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(var) for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(args: argparse.Namespace, settings: Settings, language: str) -> int:
    """Show the main window and run until it is closed; returns the exit status."""
    if not has_display():
        from kansli_desk.ui.translation import load_translator

        no_display_translator = load_translator(language)
        if no_display_translator is not None:
            found = no_display_translator
            set_translator(lambda ctx, text: found.translate(ctx, text) or text)
        print(f"{APP_ID}: {translate('Errors', MSG_NO_DISPLAY)}", file=sys.stderr)
        return 1
    from PySide6.QtGui import QIcon

    from kansli_desk.ui.context import AppContext
    from kansli_desk.ui.main_window import MainWindow
    from kansli_desk.ui.translation import install_translators

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Region Kalmar län")
    app.setDesktopFileName(APP_ID)
    translators = install_translators(app, language)  # noqa: F841 (kept while the window runs)

    context = AppContext(settings, language)
    window = MainWindow(context)
    previous_hook = sys.excepthook
    sys.excepthook = _excepthook
    probe = _StartupProbe(context, window) if args.quit_after_start else None

    def after_first_paint() -> None:
        use_holiday_cache()
        # The icon loads Qt's SVG plugin: not worth delaying the first paint for.
        app.setWindowIcon(QIcon(str(paths.resource("icons", "kansli-desk.svg"))))
        setup_file_logging()
        _open_initial_database(context, args.database, settings)

    window.show()
    handle = window.windowHandle()
    assert handle is not None
    # Slow work (a background import of SQLAlchemy still competes for the GIL)
    # starts once the first frame is on the screen.
    _FirstFrame(after_first_paint, handle)
    if probe is not None:
        handle.installEventFilter(probe)
    try:
        status = app.exec()
    finally:
        sys.excepthook = previous_hook
        context.close()
        set_translator(None)
    return int(status)


def use_holiday_cache() -> None:
    """Holiday tables from the on-disk cache: the ``holidays`` package stays out of
    this process (it would take about 20 MB)."""
    from kansli_desk.core.office_hours import set_holiday_provider
    from kansli_desk.holiday_cache import cached_provider

    set_holiday_provider(cached_provider())


def _open_initial_database(context: AppContext, cli_url: str | None, settings: Settings) -> None:
    """Choose the database from the arguments and settings, and open it in the background."""

    def job() -> tuple[DatabaseLocation, str | None]:
        from kansli_desk.services.database import choose_location

        return choose_location(cli_url, settings.get(DATABASE_URL))

    def chosen(result: tuple[DatabaseLocation, str | None]) -> None:
        location, password = result
        context.open_database(location, password)

    def failed(error: BaseException) -> None:
        context.open_failed.emit(error, None)

    context.runner.run_db(job, chosen, failed)


class _FirstFrame(QObject):
    """Calls back once, after a window's first frame is painted.

    The QWindow's own Paint event comes after its widgets have painted.
    """

    def __init__(self, callback: Callable[[], None], window: QWindow) -> None:
        super().__init__(window)
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._callback is not None and event.type() == QEvent.Type.Paint:
            callback, self._callback = self._callback, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


class _StartupProbe(QObject):
    """For ``--quit-after-start`` (bench/startup.py): report progress, then quit.

    "window-shown" is printed after the window's first frame is painted (the
    QWindow's own Paint event follows its widgets'), "first-rows" when the first
    page of calls is in the list.
    """

    def __init__(self, context: AppContext, window: MainWindow) -> None:
        super().__init__()
        self._started = time.perf_counter()
        window.call_log.list.model.batch_loaded.connect(self.first_rows)
        context.open_failed.connect(self.failed)
        self._painted = False
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint and isinstance(watched, QWindow):
            self._painted = True
            QTimer.singleShot(0, lambda: self._say("window-shown"))
        return False

    def _say(self, what: str) -> None:
        print(f"{what} {time.perf_counter() - self._started:.4f}", flush=True)

    def first_rows(self, count: int) -> None:
        if self._done:
            return
        self._done = True
        QTimer.singleShot(0, lambda: self._finish(count))

    def _finish(self, count: int) -> None:
        self._say(f"first-rows({count})")
        QApplication.quit()

    def failed(self, error: object, _location: object) -> None:
        message = error.message() if isinstance(error, KnownError) else repr(error)
        print(f"open-failed {message}", flush=True)
        QApplication.exit(1)


def _excepthook(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    """Unhandled exceptions in slots: log with traceback, tell the user politely."""
    from kansli_desk.ui.tasks import report_unexpected

    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    report_unexpected(error.with_traceback(traceback))
