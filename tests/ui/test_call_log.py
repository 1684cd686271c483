"""The call log: quick entry with the keyboard, drafts, filters, callbacks, editing."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kansli_desk import paths
from kansli_desk.core.office_hours import TIMEZONE, OfficeStatus
from kansli_desk.drafts import DraftStore
from kansli_desk.services import demo
from kansli_desk.services.database import Database, DatabaseLocation
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.main_window import MainWindow
from tests.helpers import checkout_env, connect
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait

pytestmark = pytest.mark.gui

KNOWLEDGE_DIR = paths.resources_dir() / "knowledge"

VALID_PNR = "191212121212"  # the classic public example (Tolvan Tolvansson)


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press to whatever has the keyboard focus, as a user's would go."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.fixture
def ready(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> MainWindow:
    """The main window, active, on a fresh database with its topics loaded."""
    open_and_wait(qtbot, context, location)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.call_log
    qtbot.waitUntil(lambda: panel.topic_filter.count() > 1, timeout=OPEN_TIMEOUT_MS)
    return window


def count_calls(location: DatabaseLocation) -> int:
    with connect(location) as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM calls")).scalar_one())


def test_ctrl_n_starts_a_call_with_a_running_timer(qtbot: Any, ready: MainWindow) -> None:
    ready.tabs.setCurrentIndex(1)  # from anywhere in the program
    qtbot.keyClick(ready, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = ready.call_log.form
    assert form is not None and form.isVisible()
    assert ready.tabs.currentWidget() is ready.call_log
    qtbot.waitUntil(lambda: focused() is form.caller_kind)
    assert form.timer_label.text().startswith("Pågår 0:0")
    qtbot.waitUntil(lambda: form.timer_label.text() != "Pågår 0:00", timeout=3000)
    assert "Nytt samtal" in form.title.text()


def log_call_with_keyboard(qtbot: Any, window: MainWindow, note: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.call_log.form
    assert form is not None
    qtbot.waitUntil(lambda: focused() is form.caller_kind)
    press(qtbot, Qt.Key.Key_Down)  # caller: the first kind
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.topics
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # tick the second topic
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.outcome
    press(qtbot, Qt.Key.Key_Down)  # outcome: answered
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.notes
    qtbot.keyClicks(focused(), note)
    with qtbot.waitSignal(form.saved, timeout=OPEN_TIMEOUT_MS):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()


def test_ten_calls_in_a_row_with_the_keyboard_only(
    qtbot: Any, ready: MainWindow, location: DatabaseLocation
) -> None:
    for number in range(10):
        log_call_with_keyboard(qtbot, ready, f"Fragade om forsegling, samtal {number}")
    assert count_calls(location) == 10
    model = ready.call_log.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=OPEN_TIMEOUT_MS)
    row = model.row_at(0)
    assert row.outcome.value == "answered"
    assert row.topics == ("Låsning av inloggning",)
    assert row.duration_seconds is not None


def test_ctrl_enter_saves_too(qtbot: Any, ready: MainWindow, location: DatabaseLocation) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    form.caller_kind.setCurrentIndex(0)
    form.topics.item(0).setCheckState(Qt.CheckState.Checked)
    form.outcome.setCurrentIndex(0)
    form.notes.setFocus()
    with qtbot.waitSignal(form.saved, timeout=OPEN_TIMEOUT_MS):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count_calls(location) == 1


def test_missing_fields_are_named_and_nothing_is_saved(
    qtbot: Any, ready: MainWindow, location: DatabaseLocation
) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    form.notes.setPlainText("Bara en anteckning")
    form.save()
    qtbot.waitUntil(form.errors["caller_kind"].isVisible, timeout=OPEN_TIMEOUT_MS)
    assert form.errors["topic_ids"].isVisible() and form.errors["outcome"].isVisible()
    assert all(label.text() for label in form.errors.values() if label.isVisible())
    assert focused() is form.caller_kind
    assert form.isVisible() and form.notes.toPlainText() == "Bara en anteckning"
    assert count_calls(location) == 0


def test_identity_number_is_validated_and_shown_masked(qtbot: Any, ready: MainWindow) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    form.person_number.setFocus()
    qtbot.keyClicks(form.person_number, "19121212-1213")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.errors["person_number"].isVisible()
    assert "Kontrollsiffran" in form.errors["person_number"].text()
    form.person_number.setFocus()
    form.person_number.selectAll()
    qtbot.keyClicks(form.person_number, "19121212-1212")
    press(qtbot, Qt.Key.Key_Tab)
    assert not form.errors["person_number"].isVisible()
    assert form.person_number.text() == "19121212-XXXX"
    assert form.values()["person_number"] == VALID_PNR


def test_callback_in_the_past_is_refused_at_the_field(
    qtbot: Any, ready: MainWindow, location: DatabaseLocation
) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    form.caller_kind.setCurrentIndex(0)
    form.topics.item(0).setCheckState(Qt.CheckState.Checked)
    form.outcome.setCurrentIndex(form.outcome.findData("callback"))
    assert form.callback_wanted.isChecked()
    form.callback_phone.setText("070-174 06 05")
    from kansli_desk.ui.call_log.call_form import _qdatetime

    form.callback_due.setDateTime(_qdatetime(dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)))
    form.save()
    qtbot.waitUntil(form.errors["callback_due_at"].isVisible, timeout=OPEN_TIMEOUT_MS)
    assert count_calls(location) == 0


def test_escape_asks_before_throwing_a_call_away(
    qtbot: Any, ready: MainWindow, monkeypatch: pytest.MonkeyPatch, location: DatabaseLocation
) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    form.notes.setPlainText("Viktigt")
    answers = [False, True]
    asked: list[bool] = []

    def confirm() -> bool:
        asked.append(True)
        return answers.pop(0)

    monkeypatch.setattr(form, "confirm_discard", confirm)
    form.notes.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert form.isVisible() and len(asked) == 1
    press(qtbot, Qt.Key.Key_Escape)
    assert not form.isVisible() and len(asked) == 2
    assert DraftStore().load_all() == []
    assert count_calls(location) == 0
    # A blank call closes without a question.
    ready.new_call()
    form.caller_kind.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert not form.isVisible() and len(asked) == 2


def test_a_draft_is_written_while_typing_and_offered_again(
    qtbot: Any,
    ready: MainWindow,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    swedish: None,
) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    form.caller_kind.setCurrentIndex(1)
    form.topics.item(2).setCheckState(Qt.CheckState.Checked)
    form.notes.setPlainText("Vill låsa upp sin journal")
    drafts = DraftStore().load_all()
    assert len(drafts) == 1
    assert drafts[0].values["notes"] == "Vill låsa upp sin journal"
    # The program "stops" without saving; a new window offers the draft.
    second = MainWindow(context)
    qtbot.addWidget(second)
    offered: list[str] = []

    def ask(draft: Any) -> bool:
        offered.append(draft.values["notes"])
        return True

    monkeypatch.setattr(second.call_log, "ask_restore", ask)
    second.call_log._on_database_opened()
    qtbot.waitUntil(lambda: second.call_log.form is not None, timeout=OPEN_TIMEOUT_MS)
    restored = second.call_log.form
    assert restored is not None
    assert offered == ["Vill låsa upp sin journal"]
    assert restored.notes.toPlainText() == "Vill låsa upp sin journal"
    assert restored.caller_kind.currentIndex() == 1
    assert len(restored.topic_ids()) == 1


DRAFT_WRITER = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from kansli_desk.i18n import set_translator
from kansli_desk.services.database import parse_location
from kansli_desk.settings import Settings
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.main_window import MainWindow

app = QApplication([])
set_translator(QCoreApplication.translate)
context = AppContext(Settings(), "sv")
window = MainWindow(context)
window.show()
context.open_database(parse_location(sys.argv[1])[0])
while window.call_log.topic_filter.count() < 2:
    app.processEvents()
    time.sleep(0.01)
window.new_call()
form = window.call_log.form
form.caller_kind.setCurrentIndex(2)
form.topics.item(4).setCheckState(Qt.CheckState.Checked)
form.notes.setPlainText("Mitt i samtalet – åäö")
print("TYPED", flush=True)
while True:  # typing goes on until the process is killed
    app.processEvents()
    time.sleep(0.01)
"""


def test_a_draft_survives_a_killed_process(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script = tmp_path / "writer.py"
    script.write_text(DRAFT_WRITER, encoding="utf-8")
    url = location.url.render_as_string(hide_password=False)
    process = subprocess.Popen(
        [sys.executable, str(script), url],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=checkout_env(),
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "TYPED"
    finally:
        os.kill(process.pid, signal.SIGKILL)  # no clean-up, no atexit: as in a crash
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    files = list((Path(os.environ["KANSLI_DESK_DATA_DIR"]) / "drafts").glob("call-*.json"))
    assert len(files) == 1
    assert json.loads(files[0].read_text(encoding="utf-8"))["values"]["notes"] == (
        "Mitt i samtalet – åäö"
    )
    monkeypatch.setattr(window.call_log, "ask_restore", lambda draft: True)
    open_and_wait(qtbot, context, location)
    qtbot.waitUntil(lambda: window.call_log.form is not None, timeout=OPEN_TIMEOUT_MS)
    form = window.call_log.form
    assert form is not None and form.isVisible()
    assert form.notes.toPlainText() == "Mitt i samtalet – åäö"
    assert form.caller_kind.currentIndex() == 2
    assert len(form.topic_ids()) == 1


def test_out_of_hours_route_is_shown_in_the_form(qtbot: Any, ready: MainWindow) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    opens = dt.datetime(2026, 11, 30, 8, 0, tzinfo=TIMEZONE)
    form.show_office_status(OfficeStatus(False, opens))
    assert form.route_label.isVisible()
    assert "0480-840 38" in form.route_label.text() and "30 minuter" in form.route_label.text()
    form.show_office_status(OfficeStatus(True, opens))
    assert not form.route_label.isVisible()


def test_editing_a_call_keeps_its_history(
    qtbot: Any, ready: MainWindow, location: DatabaseLocation
) -> None:
    log_call_with_keyboard(qtbot, ready, "Forsta versionen")
    panel = ready.call_log
    qtbot.waitUntil(lambda: panel.list.model.rowCount() == 1, timeout=OPEN_TIMEOUT_MS)
    form = panel.form
    assert form is not None
    panel.list.view.activated.emit(panel.list.model.index(0, 0))
    qtbot.waitUntil(form.isVisible, timeout=OPEN_TIMEOUT_MS)
    assert form.notes.toPlainText() == "Forsta versionen"
    form.notes.setPlainText("Andra versionen")
    with qtbot.waitSignal(form.saved, timeout=OPEN_TIMEOUT_MS):
        form.save()
    qtbot.waitUntil(
        lambda: not panel.list.model.is_loading and panel.list.model.rowCount() == 1,
        timeout=OPEN_TIMEOUT_MS,
    )
    panel.list.view.activated.emit(panel.list.model.index(0, 0))
    qtbot.waitUntil(lambda: form.isVisible() and form.history.count() > 0, timeout=OPEN_TIMEOUT_MS)
    texts = [form.history.item(i).text() for i in range(form.history.count())]
    changed = QApplication.translate("CallForm", "{time} {user} changed {field}").format(
        time="", user="", field=QApplication.translate("CallForm", "notes")
    )
    assert len(texts) == 2 and texts[1].endswith(changed.strip())
    # The history says that the notes changed, never what they said (the audit
    # log outlives the notes, which the retention purge removes).
    assert not any("versionen" in text for text in texts)
    assert count_calls(location) == 1


def test_filters_and_search_narrow_the_list(
    qtbot: Any, ready: MainWindow, database: Database, qtmodeltester: Any
) -> None:
    demo.generate(database.engine, calls=400, forms=0, seed=9)
    panel = ready.call_log
    panel.apply_filters()
    model = panel.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 200, timeout=OPEN_TIMEOUT_MS)
    panel.outcome_filter.setCurrentIndex(panel.outcome_filter.findData("callback"))
    qtbot.waitUntil(lambda: 0 < model.rowCount() < 200, timeout=OPEN_TIMEOUT_MS)
    assert {model.row_at(r).outcome.value for r in range(model.rowCount())} == {"callback"}
    qtmodeltester.check(model)
    panel.outcome_filter.setCurrentIndex(0)
    topic = panel.topic_filter.findText("Ombud")
    panel.topic_filter.setCurrentIndex(topic)
    qtbot.waitUntil(
        lambda: (
            model.rowCount() > 0
            and all("Ombud" in model.row_at(r).topics for r in range(model.rowCount()))
        ),
        timeout=OPEN_TIMEOUT_MS,
    )
    panel.topic_filter.setCurrentIndex(0)
    panel.search.setText("forsegling")  # without ö, lower case
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() > 0, timeout=OPEN_TIMEOUT_MS)
    panel.search.setText("ordsomintefinnsnagonstans")
    qtbot.waitUntil(
        lambda: panel.list.footer.text() == "Inga samtal matchar.", timeout=OPEN_TIMEOUT_MS
    )


def test_callback_queue_and_marking_one_done(
    qtbot: Any, ready: MainWindow, database: Database
) -> None:
    panel = ready.call_log
    ready.new_call()
    form = panel.form
    assert form is not None
    form.caller_kind.setCurrentIndex(0)
    form.topics.item(0).setCheckState(Qt.CheckState.Checked)
    form.outcome.setCurrentIndex(form.outcome.findData("callback"))
    form.callback_phone.setText("070-174 06 05")
    with qtbot.waitSignal(form.saved, timeout=OPEN_TIMEOUT_MS):
        form.save()
    queue = panel.queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=OPEN_TIMEOUT_MS)
    assert queue.model.row_at(0).phone == "070-174 06 05"
    queue.view.setFocus()
    queue.view.selectRow(0)
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: queue.footer.text() == "Inga öppna återringningar.", timeout=OPEN_TIMEOUT_MS
    )
    assert queue.model.rowCount() == 0


def test_topics_bring_articles_forward_and_opened_articles_are_recorded(
    qtbot: Any, ready: MainWindow, location: DatabaseLocation
) -> None:
    ready.new_call()
    form = ready.call_log.form
    assert form is not None
    knowledge = ready.knowledge
    qtbot.waitUntil(lambda: knowledge.list.model.rowCount() >= 2, timeout=OPEN_TIMEOUT_MS)
    sealing = next(
        i for i in range(form.topics.count()) if form.topics.item(i).text() == "Försegling"
    )
    on_sealing = [  # the shipped articles on sealing
        path
        for path in KNOWLEDGE_DIR.glob("*.md")
        if "sealing" in path.read_text(encoding="utf-8").split("topics:", 1)[1].split("\n")[0]
    ]
    form.topics.item(sealing).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(
        lambda: (
            not knowledge.list.model.is_loading
            and knowledge.list.footer.text() == f"Artiklar om samtalets ämnen: {len(on_sealing)}."
        ),
        timeout=OPEN_TIMEOUT_MS,
    )
    titles = {knowledge.list.model.row_at(r).title for r in range(knowledge.list.model.rowCount())}
    assert len(titles) == len(on_sealing) >= 2
    assert any(title.startswith("Reservrutin") for title in titles)
    knowledge.list.view.selectRow(0)
    qtbot.waitUntil(lambda: len(form.values()["article_views"]) == 1, timeout=OPEN_TIMEOUT_MS)
    form.caller_kind.setCurrentIndex(0)
    form.outcome.setCurrentIndex(0)
    with qtbot.waitSignal(form.saved, timeout=OPEN_TIMEOUT_MS):
        form.save()
    with connect(location) as conn:
        views = conn.execute(
            sa.text("SELECT article_id, revision_id FROM call_article_views")
        ).all()
    assert len(views) == 1 and views[0][1] is not None
