"""Child process of bench/calls.py and bench/forms.py: a register list's first rows
shown and the memory it takes.

    python bench/_calls_ui_probe.py app|bare DATABASE_FILE_OR_POSTGRESQL_URL [calls|forms]

``app``: the real main window on the database; times from asking the call list
(or the form register, shown in its tab) for its rows (``apply_filters``) until
the first page is painted in the view.
``bare``: the floor, a bare QTableView over a minimal lazy model that reads the
same first page with the plain driver (sqlite3, or psycopg for a
``postgresql+psycopg://`` URL) on the GUI thread. Both print ``first-rows-ms
<ms>`` and ``rss-mb <MB>`` (resident memory with the list open).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

SQL = {
    "calls": (
        "SELECT calls.id, started_at, duration_seconds, users.display_name, caller_kind,"
        " outcome, callback_due_at, person_number FROM calls"
        " JOIN users ON users.id = calls.advisor_id"
        " ORDER BY started_at DESC, calls.id DESC LIMIT 200"
    ),
    "forms": (
        "SELECT f.id, f.registry_number, f.received_on, f.form_type, f.status, f.is_urgent,"
        " f.orderer_unit, (SELECT p.id_number FROM form_parties p WHERE p.form_id = f.id"
        " ORDER BY p.position LIMIT 1) FROM forms f"
        " ORDER BY f.received_on DESC, f.id DESC LIMIT 200"
    ),
}


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class PaintWatch(QObject):
    """Calls back after the next paint of a widget's viewport."""

    def __init__(self, viewport: QObject, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback = callback
        self.armed = False
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        del watched
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self.callback)
        return False


class BareModel(QAbstractTableModel):
    """The floor's model: fetchMore reads the first page synchronously."""

    def __init__(self, target: str, register: str) -> None:
        super().__init__()
        self.rows: list[tuple[object, ...]] = []
        self.conn = _connect(target)
        self.sql = SQL[register]
        self.done = False

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self.done

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        del parent
        rows = self.conn.execute(self.sql).fetchall()
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self.rows = rows
        self.done = True
        self.endInsertRows()


def _connect(target: str) -> Any:
    """A plain driver connection: sqlite3 for a file, psycopg for a PostgreSQL URL."""
    if not target.startswith("postgresql"):
        return sqlite3.connect(target)
    import psycopg

    return psycopg.connect(target.replace("postgresql+psycopg://", "postgresql://", 1))


def _location(target: str) -> Any:
    from kansli_desk.services.database import parse_location

    url = target if target.startswith("postgresql") else f"sqlite:///{target}"
    return parse_location(url)[0]


def run_bare(path: str, register: str) -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    view = QTableView(window)
    window.setCentralWidget(view)
    window.show()
    app.processEvents()
    started = 0.0

    def shown() -> None:
        print(f"first-rows-ms {(time.perf_counter() - started) * 1000:.2f}", flush=True)
        print(f"rss-mb {rss_mb():.1f}", flush=True)
        app.quit()

    watch = PaintWatch(view.viewport(), shown)
    model = BareModel(path, register)
    started = time.perf_counter()
    watch.armed = True
    view.setModel(model)
    app.exec()


def run_app(path: str, register: str) -> None:

    from kansli_desk.settings import CURRENT_TAB, Settings
    from kansli_desk.ui.app import use_holiday_cache
    from kansli_desk.ui.context import AppContext
    from kansli_desk.ui.main_window import MainWindow
    from kansli_desk.ui.translation import install_translators

    app = QApplication(sys.argv[:1])
    translators = install_translators(app, "sv")  # noqa: F841 (kept while installed)
    use_holiday_cache()  # as the program does
    context = AppContext(Settings(), "sv")
    # Start on the list's tab, not the one the last probe left in the settings
    # (bench/forms.py leaves the form register's): a hidden list is never painted.
    context.settings.set(CURRENT_TAB, 1 if register == "forms" else 0)
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    panel = window.call_log if register == "calls" else window.forms_register
    if register == "forms":
        window.show_tab(1)
    calls = panel.list
    opened = False

    def on_open() -> None:
        nonlocal opened
        opened = True

    context.database_opened.connect(on_open)
    context.open_database(_location(path))
    # Warm-up: wait until everything started by opening the database is done
    # (first pages of every list, topics, holiday tables), as a user would.
    while not opened or context.runner.busy or window.office_hours.status is None:
        app.processEvents()
        time.sleep(0.001)
    started = 0.0

    def shown() -> None:
        print(f"first-rows-ms {(time.perf_counter() - started) * 1000:.2f}", flush=True)
        print(f"rss-mb {rss_mb():.1f}", flush=True)
        if os.environ.get("KANSLI_BENCH_MODULES"):
            tops = sorted({name.split(".")[0] for name in sys.modules})
            print("modules", " ".join(tops), flush=True)
        app.quit()

    watch = PaintWatch(calls.view.viewport(), shown)

    def painted_after_rows(count: int) -> None:
        if count:
            watch.armed = True
            calls.view.viewport().update()

    calls.model.batch_loaded.connect(painted_after_rows)
    started = time.perf_counter()
    panel.apply_filters()  # the list asks for its first page again
    app.exec()
    context.close()


if __name__ == "__main__":
    mode, database = sys.argv[1], sys.argv[2]
    register = sys.argv[3] if len(sys.argv) > 3 else "calls"
    (run_app if mode == "app" else run_bare)(database, register)
