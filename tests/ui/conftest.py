"""Fixtures for widget tests: Swedish translation, a context, no real modal dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from kansli_desk.i18n import set_translator
from kansli_desk.services.database import DatabaseLocation
from kansli_desk.settings import Settings
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.main_window import MainWindow
from kansli_desk.ui.translation import load_translator

OPEN_TIMEOUT_MS = 30_000


class MessageBoxes:
    """Records message boxes instead of showing them (a modal box would hang a test)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def texts(self) -> list[str]:
        return [text for _kind, text in self.shown]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def static(kind: str) -> Any:
        def show(_parent: object, _title: str, text: str, *args: object, **kwargs: object) -> Any:
            boxes.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))

    def exec_box(box: QMessageBox) -> int:
        boxes.shown.append(("exec", box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return boxes


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[None]:
    """The Swedish translation installed, as in the running program."""
    translator = load_translator("sv")
    assert translator is not None
    qapp.installTranslator(translator)
    set_translator(QCoreApplication.translate)
    yield
    qapp.removeTranslator(translator)
    set_translator(None)


@pytest.fixture
def settings(isolated_user_dirs: Path) -> Settings:
    return Settings(isolated_user_dirs / "config" / "settings.json")


@pytest.fixture
def context(qapp: QApplication, settings: Settings) -> Iterator[AppContext]:
    ctx = AppContext(settings, "sv")
    yield ctx
    ctx.close()


@pytest.fixture
def window(qtbot: Any, context: AppContext, swedish: None) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    return main


def open_and_wait(qtbot: Any, context: AppContext, location: DatabaseLocation) -> None:
    """Open a database through the context and wait until it is open."""
    with qtbot.waitSignal(context.database_opened, timeout=OPEN_TIMEOUT_MS):
        context.open_database(location)
