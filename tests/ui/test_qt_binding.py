"""The Qt binding in use does not corrupt the interpreter during a long session."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 20_000


@pytest.mark.gui
def test_methods_returning_nothing_leave_none_alone(qtbot: QtBot) -> None:
    """PySide6 6.12.0 dropped a reference to None at every such call; on Python 3.11
    the program aborted a few thousand calls into a session (hence the pin in
    pyproject.toml). A whole day of typing makes far more calls than this."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
    assert sys.getrefcount(None) > before - CALLS // 2
