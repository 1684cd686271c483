"""The floor of bench/startup.py: a bare PySide6 main window, shown, then quit.

With ``--table FILE`` it also shows the first 200 calls of FILE in a QTableView
read with plain sqlite3 (the floor for "first rows shown").
"""

import os
import sqlite3
import sys
import time

start = time.perf_counter()
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem  # noqa: E402

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
table = QTableWidget(window)
window.setCentralWidget(table)
window.show()


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


QTimer.singleShot(0, shown)
status = app.exec()
sys.stdout.flush()
# Skip interpreter finalisation: PySide 6.12 can abort while collecting the
# table items at exit, which has nothing to do with what is measured.
os._exit(status)
