"""The floor of bench/startup.py: a bare PySide6 main window, shown, then quit.

With ``--table FILE`` it also shows the first 200 calls of FILE in a QTableView
read with plain sqlite3 (the floor for "first rows shown").
"""

import os
import sqlite3
import sys
import time

start = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QWindow  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem  # noqa: E402

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
table = QTableWidget(window)
window.setCentralWidget(table)


class FirstPaint(QObject):
    """Calls back once the window's first frame is painted (the window's own Paint
    event comes after all its widgets have painted)."""

    def __init__(self, callback) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.callback = callback
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QWindow):
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def shown() -> None:
    print(f"window-shown {time.perf_counter() - start:.4f}", flush=True)
    if "--table" not in sys.argv:
        app.quit()
        return
    path = sys.argv[sys.argv.index("--table") + 1]
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT calls.id, started_at, duration_seconds, users.display_name, caller_kind, outcome,"
        " callback_due_at, person_number FROM calls JOIN users ON users.id = calls.advisor_id"
        " ORDER BY started_at DESC, calls.id DESC LIMIT 200"
    ).fetchall()
    table.setColumnCount(8)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    QTimer.singleShot(0, first_rows)


def first_rows() -> None:
    print(f"first-rows {time.perf_counter() - start:.4f}", flush=True)
    app.quit()


first_paint = FirstPaint(shown)
window.show()
handle = window.windowHandle()
assert handle is not None
handle.installEventFilter(first_paint)  # only this window's events, as the program does
status = app.exec()
sys.stdout.flush()
# Skip interpreter finalisation: it has nothing to do with what is measured (and
# PySide 6.12.0, now excluded in pyproject.toml, aborted there).
os._exit(status)
