"""The lazy table model and the task runner, with an in-memory row source."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThread
from PySide6.QtWidgets import QApplication

from kansli_desk.errors import DatabaseError
from kansli_desk.ui import tasks
from kansli_desk.ui.lazy_model import Column, LazyTableModel
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Item:
    id: int

    @property
    def cursor(self) -> int:
        return self.id


def source(total: int, calls: list[Any] | None = None):
    def fetch(cursor: int | None, limit: int) -> list[Item]:
        if calls is not None:
            calls.append((cursor, threading.current_thread() is threading.main_thread()))
        start = 0 if cursor is None else cursor + 1
        return [Item(i) for i in range(start, min(total, start + limit))]

    return fetch


COLUMNS: list[Column[Item]] = [
    Column(lambda: "Nummer", lambda item: str(item.id), align_right=True),
    Column(lambda: "Kvadrat", lambda item: str(item.id * item.id)),
]


@pytest.fixture
def runner(qapp: QApplication) -> Any:
    run = TaskRunner()
    yield run
    run.wait_idle()


def test_rows_arrive_in_batches_off_the_gui_thread(
    qtbot: Any, qtmodeltester: Any, runner: TaskRunner
) -> None:
    calls: list[Any] = []
    model: LazyTableModel[Item] = LazyTableModel(COLUMNS, runner, batch_size=50)
    model.set_source(source(120, calls))
    qtbot.waitUntil(lambda: model.rowCount() == 50)
    qtmodeltester.check(model)
    while True:  # the model tester may have started a batch itself
        qtbot.waitUntil(lambda: not model.is_loading)
        if not model.canFetchMore(QModelIndex()):
            break
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 120
    assert [model.row_at(i).id for i in range(120)] == list(range(120))
    assert all(not on_main for _cursor, on_main in calls), "fetching ran on the GUI thread"
    assert model.index(3, 1).data() == "9"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nummer"
    assert model.index(3, 0).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    assert model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole) == "9"
    qtmodeltester.check(model)


def test_reload_drops_a_stale_batch(qtbot: Any, runner: TaskRunner) -> None:
    release = threading.Event()

    def slow(cursor: int | None, limit: int) -> list[Item]:
        release.wait(5)
        return [Item(1000)]

    model: LazyTableModel[Item] = LazyTableModel(COLUMNS, runner, batch_size=10)
    model.set_source(slow)  # in flight, blocked
    model.set_source(source(5))  # the user changed the query meanwhile
    release.set()
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() == 5)
    runner.wait_idle()
    qtbot.wait(50)
    assert [model.row_at(i).id for i in range(model.rowCount())] == [0, 1, 2, 3, 4]


def test_a_failed_batch_is_reported_in_the_footer(qtbot: Any, runner: TaskRunner) -> None:
    def failing(cursor: int | None, limit: int) -> list[Item]:
        raise DatabaseError("Cannot reach the database server {server}.", server="db:5432")

    widget: RegisterList[Item] = RegisterList(
        runner,
        COLUMNS,
        object_name="testList",
        accessible_name="Testlista",
        footer_text=lambda rows, loading, more: f"{rows} rader",
    )
    qtbot.addWidget(widget)
    widget.set_source(failing)
    qtbot.waitUntil(lambda: widget.footer.text() == "Cannot reach the database server db:5432.")
    assert not widget.model.canFetchMore(QModelIndex())


def test_task_results_come_back_on_the_gui_thread(qtbot: Any, runner: TaskRunner) -> None:
    seen: list[Any] = []
    gui = QThread.currentThread()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run_db(
            lambda: 6 * 7, lambda value: seen.append((value, QThread.currentThread() is gui))
        )
    assert seen == [(42, True)]
    errors: list[BaseException] = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(lambda: 1 / 0, lambda _v: None, errors.append)
    assert isinstance(errors[0], ZeroDivisionError)


def test_unhandled_job_errors_reach_the_handler(
    qtbot: Any, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[BaseException] = []
    tasks.set_unexpected_handler(shown.append)
    try:
        with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
            empty: dict[str, int] = {}
            runner.run(lambda: empty["missing"], lambda _v: None)
    finally:
        tasks.set_unexpected_handler(None)
    assert isinstance(shown[0], KeyError)
    assert "Unhandled error in a background job" in caplog.text
