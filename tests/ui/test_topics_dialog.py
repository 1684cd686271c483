"""Supervisors add and retire call topics in the app; the call form follows at once."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kansli_desk.core.enums import Role
from kansli_desk.models import User
from kansli_desk.services.database import DatabaseLocation
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.dialogs.topics import TopicsDialog
from kansli_desk.ui.main_window import MainWindow
from tests.helpers import transaction
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> TopicsDialog:
    open_and_wait(qtbot, context, location)
    qtbot.waitUntil(lambda: window.call_log.topic_filter.count() > 1, timeout=OPEN_TIMEOUT_MS)
    assert window.topics_action.isEnabled()  # the first user of a database is a supervisor
    topics = TopicsDialog(context, window)
    topics.topics_changed.connect(window.call_log.reload_choices)
    qtbot.addWidget(topics)
    topics.show()
    qtbot.waitUntil(lambda: topics.list.model.rowCount() > 0, timeout=OPEN_TIMEOUT_MS)
    return topics


def topic_names(dialog: TopicsDialog) -> list[str]:
    model = dialog.list.model
    return [model.row_at(i).name for i in range(model.rowCount())]


def filter_names(window: MainWindow) -> list[str]:
    box = window.call_log.topic_filter
    return [box.itemText(i) for i in range(1, box.count())]


def offered_in_a_new_call(window: MainWindow) -> list[str]:
    window.new_call()
    form = window.call_log.form
    assert form is not None
    return [form.topics.item(i).text() for i in range(form.topics.count())]


def test_added_topic_is_offered_in_the_call_log_at_once(
    qtbot: Any, dialog: TopicsDialog, window: MainWindow
) -> None:
    assert "Försegling" in topic_names(dialog)
    qtbot.keyClicks(dialog.name, "Vaccinationsintyg")
    qtbot.keyClicks(dialog.description, "Intyg i 1177")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Vaccinationsintyg" in topic_names(dialog), timeout=OPEN_TIMEOUT_MS)
    assert dialog.message.text() == "Ämnet ”Vaccinationsintyg” har lagts till."
    assert dialog.name.text() == ""
    qtbot.waitUntil(lambda: "Vaccinationsintyg" in filter_names(window), timeout=OPEN_TIMEOUT_MS)


def test_a_taken_name_is_refused_at_the_field(qtbot: Any, dialog: TopicsDialog) -> None:
    before = topic_names(dialog)
    dialog.name.insert("försegling")  # Qt's key simulation knows only ASCII
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=OPEN_TIMEOUT_MS)
    assert "finns redan" in dialog.message.text()
    assert dialog.name.text() == "försegling"  # nothing typed is lost
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.list.model.rowCount() == len(before), timeout=OPEN_TIMEOUT_MS)
    assert topic_names(dialog) == before


def test_retiring_asks_first_and_keeps_the_topic_listed_as_retired(
    qtbot: Any, dialog: TopicsDialog, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    row = topic_names(dialog).index("Ombud")
    dialog.list.view.setFocus()
    dialog.list.view.selectRow(row)
    assert dialog.retire_button.isEnabled()
    qtbot.keyClick(dialog.list.view, Qt.Key.Key_Delete)  # answered No: nothing happens
    assert not dialog.list.model.row_at(row).retired
    assert "Ombud" in offered_in_a_new_call(window)
    qtbot.keyClick(dialog.list.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "Ombud" not in offered_in_a_new_call(window), timeout=OPEN_TIMEOUT_MS)
    assert "Ombud" in filter_names(window)  # old calls keep it, so the filter still has it
    qtbot.waitUntil(
        lambda: dialog.list.model.rowCount() > row and dialog.list.model.row_at(row).retired,
        timeout=OPEN_TIMEOUT_MS,
    )
    assert dialog.list.model.data(dialog.list.model.index(row, 1)) == "Avvecklat"


def test_an_advisor_cannot_open_the_topics(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    with transaction(location) as conn:  # someone else became the supervisor first
        conn.execute(
            sa.insert(User).values(username="chefen", display_name="Chefen", role=Role.SUPERVISOR)
        )
    open_and_wait(qtbot, context, location)
    assert context.user is not None and context.user.role is Role.ADVISOR
    assert not window.topics_action.isEnabled()
