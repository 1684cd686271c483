"""The background job runner: results reach only callbacks whose widgets still exist."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject

from kansli_desk.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []

    def take(self, result: object) -> None:
        self.setObjectName(str(result))  # raises on a deleted object, as a widget would
        self.results.append(result)


def test_a_result_for_a_deleted_widget_is_dropped(qtbot: Any) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    kept, gone = Receiver(), Receiver()
    runner.run(lambda: gate.wait(5) and "first", kept.take)
    runner.run(lambda: gate.wait(5) and "second", gone.take)
    shiboken6.delete(gone)  # the window closed while its job ran
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert kept.results == ["first"]


def test_shutdown_drops_results_nobody_waits_for(qtbot: Any) -> None:
    runner = TaskRunner()
    receiver = Receiver()
    runner.run(lambda: "late", receiver.take)
    runner.shutdown()
    assert not runner.busy
    qtbot.wait(50)  # the finished signal arrives after the shutdown: no error, no call
    assert receiver.results == []
