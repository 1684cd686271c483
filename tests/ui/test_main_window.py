"""The main window on a real database: the three areas, state, keyboard, failures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from kansli_desk import paths
from kansli_desk.core.office_hours import TIMEZONE, OfficeStatus
from kansli_desk.errors import PasswordRequiredError
from kansli_desk.services import demo
from kansli_desk.services.database import Database, DatabaseLocation, open_database
from kansli_desk.settings import DATABASE_URL, LANGUAGE, Settings
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.dialogs.connection import ConnectionDialog
from kansli_desk.ui.dialogs.password import PasswordDialog
from kansli_desk.ui.main_window import MainWindow
from tests.ui.conftest import OPEN_TIMEOUT_MS, MessageBoxes, open_and_wait

MODIFIERS_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

pytestmark = pytest.mark.gui


def shipped_article_count() -> int:
    return len(list(paths.resource("knowledge").glob("*.md")))


def test_three_areas_on_the_real_database(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    open_and_wait(qtbot, context, location)
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Samtalslogg", "&Blankettregister"]
    calls = window.call_log.list
    headers = [
        calls.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(calls.model.columnCount())
    ]
    assert headers == [
        "Tid", "Längd", "Rådgivare", "Uppringare", "Ämnen", "Utfall",
        "Återringning senast", "Personnummer",
    ]  # fmt: skip
    qtbot.waitUntil(lambda: calls.footer.text() == "Inga samtal ännu.", timeout=OPEN_TIMEOUT_MS)
    forms = window.forms_register.list
    qtbot.waitUntil(
        lambda: forms.footer.text() == "Inga blanketter registrerade ännu.", timeout=OPEN_TIMEOUT_MS
    )
    articles = window.knowledge.list.model
    qtbot.waitUntil(lambda: articles.rowCount() == shipped_article_count(), timeout=OPEN_TIMEOUT_MS)
    status = window.status
    expected = "Lokal databas: " if location.is_sqlite else "Delad databas: "
    assert status.database_label.text().startswith(expected)
    assert location.display in status.database_label.text()
    # The first user of a new database administers it.
    assert status.user_label.text().endswith("(Chef)")


def test_call_list_loads_in_batches_newest_first_and_masked(
    qtbot: Any, qtmodeltester: Any, window: MainWindow, context: AppContext, database: Database
) -> None:
    demo.generate(database.engine, calls=450, forms=30, seed=3)
    open_and_wait(qtbot, context, database.location)
    calls = window.call_log.list
    model = calls.model
    qtbot.waitUntil(lambda: model.rowCount() == 200, timeout=OPEN_TIMEOUT_MS)
    assert calls.footer.text() == "200 samtal visas; rulla nedåt för fler."
    with database.engine.connect() as conn:
        newest = conn.execute(sa.text("SELECT max(started_at) FROM calls")).scalar()
    newest_shown = model.row_at(0).started_at
    assert newest_shown.strftime("%Y-%m-%d %H:%M:%S") == str(newest)[:19]
    qtmodeltester.check(model)
    scrollbar = calls.view.verticalScrollBar()
    qtbot.waitUntil(lambda: scrollbar.maximum() > 0)
    scrollbar.setValue(scrollbar.maximum())  # the user scrolls to the end
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=OPEN_TIMEOUT_MS)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 450, timeout=OPEN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: calls.footer.text() == "Alla 450 samtal visas.")
    assert not model.canFetchMore(QModelIndex())
    starts = [model.row_at(r).started_at for r in range(model.rowCount())]
    assert starts == sorted(starts, reverse=True)
    assert len({model.row_at(r).id for r in range(model.rowCount())}) == 450  # no row twice
    column = 7  # identity number
    shown = {model.index(r, column).data() for r in range(model.rowCount())}
    assert shown - {""}, "the demo data has calls with identity numbers"
    assert all(text == "" or text.endswith("-XXXX") for text in shown)
    qtmodeltester.check(model)


def test_form_register_lists_forms(
    qtbot: Any, window: MainWindow, context: AppContext, database: Database
) -> None:
    demo.generate(database.engine, calls=0, forms=25, seed=5)
    open_and_wait(qtbot, context, database.location)
    forms = window.forms_register.list
    qtbot.waitUntil(lambda: forms.model.rowCount() == 25, timeout=OPEN_TIMEOUT_MS)
    assert forms.footer.text() == "Alla 25 blanketter visas."
    types = {forms.model.index(r, 2).data() for r in range(25)}
    assert types <= {
        "Försegling och/eller låsning",
        "Återställande av direktåtkomst",
        "Borttagande av direktåtkomst för vårdnadshavare",
        "Tillgång till minderårigs journal (13–15 år)",
    }


def test_knowledge_article_opens_with_its_source(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    open_and_wait(qtbot, context, location)
    panel = window.knowledge
    qtbot.waitUntil(lambda: panel.list.model.rowCount() > 0, timeout=OPEN_TIMEOUT_MS)
    panel.list.view.selectRow(0)
    qtbot.waitUntil(lambda: "Källor:" in panel.article.toPlainText(), timeout=OPEN_TIMEOUT_MS)
    assert panel.list.model.row_at(0).title in panel.article.toPlainText()
    panel.search.setText("reservrutin")  # ranked: the article named so comes first
    qtbot.waitUntil(
        lambda: (
            panel.list.model.rowCount() > 0
            and panel.list.model.row_at(0).title.startswith("Reservrutin")
        ),
        timeout=OPEN_TIMEOUT_MS,
    )
    panel.search.setText("ordsomintefinns")
    qtbot.waitUntil(lambda: panel.list.footer.text() == "Inga artiklar matchar.")


def test_window_state_is_remembered(
    qtbot: Any, context: AppContext, settings: Settings, swedish: None
) -> None:
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # the offscreen screen is 800 x 600
    first.splitter.setSizes([450, 300])
    first.tabs.setCurrentIndex(1)
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(AppContext(Settings(settings.path), "sv"))
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (760, 540)
    assert second.splitter.sizes() == sizes
    assert second.tabs.currentIndex() == 1


def test_keyboard_reaches_the_areas(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.knowledge.search.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.knowledge.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.knowledge.isVisible()
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["actionConnect"] == "Ctrl+Shift+O"
    assert shortcuts["actionQuit"] == "Ctrl+Q"


def _inside(widget: QWidget, kinds: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed_inputs(root: QWidget) -> list[str]:
    inputs = (QLineEdit, QAbstractSpinBox, QCheckBox, QComboBox, QAbstractItemView, QTextEdit)
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, inputs) or isinstance(widget, QHeaderView):
            continue
        if _inside(widget, (QAbstractSpinBox, QComboBox, QCalendarWidget)):
            continue  # the parts Qt builds inside a spin box, combo box or calendar
        if not widget.objectName() or not widget.accessibleName():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return problems


def test_every_input_widget_is_named(qtbot: Any, window: MainWindow, context: AppContext) -> None:
    assert _unnamed_inputs(window) == []
    dialog = ConnectionDialog(context.runner, None, window)
    qtbot.addWidget(dialog)
    assert _unnamed_inputs(dialog) == []
    password = PasswordDialog("Lösenord behövs", "u@h:5432/db", window)
    qtbot.addWidget(password)
    assert _unnamed_inputs(password) == []


def test_a_database_from_a_newer_version_is_refused_politely(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = sa.create_engine(location.url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    asked: list[tuple[str, bool]] = []

    def ask(text: str, has_db: bool) -> str:
        asked.append((text, has_db))
        return "quit"

    monkeypatch.setattr(window, "ask_after_failure", ask)
    with qtbot.waitSignal(context.open_failed, timeout=OPEN_TIMEOUT_MS):
        context.open_database(location)
    assert len(asked) == 1
    text, has_database = asked[0]
    assert "nyare version av Kansli Desk" in text and "9999" in text
    assert "Traceback" not in text
    assert not has_database
    assert not window.isVisible()  # the user chose to quit
    assert context.database is None


def test_an_unexpected_error_is_shown_without_a_traceback(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    from kansli_desk.services import knowledge

    def broken(*_args: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(knowledge, "sync_shipped_articles", broken)
    monkeypatch.setattr(window, "ask_after_failure", lambda text, has_db: "keep")
    with qtbot.waitSignal(context.open_failed, timeout=OPEN_TIMEOUT_MS):
        context.open_database(location)
    texts = " ".join(message_boxes.texts())
    assert "Något oväntat gick fel" in texts
    assert "ZeroDivisionError" not in texts and "Traceback" not in texts


def test_password_is_asked_for_and_kept_in_the_keyring(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: Any,
) -> None:
    import kansli_desk.services.database as database_module

    real_open = database_module.open_database
    attempts: list[str | None] = []

    def needs_password(loc: DatabaseLocation, *, password: str | None = None, upgrade: bool = True):
        attempts.append(password)
        if password != "rätt-lösenord":
            raise PasswordRequiredError("The server {server} asks for a password for {user}.",
                                        server="db:5432", user="anna")  # fmt: skip
        return real_open(loc, upgrade=upgrade)

    monkeypatch.setattr(database_module, "open_database", needs_password)
    asked: list[str] = []

    def ask(message: str, where: str, parent: object) -> tuple[str, bool]:
        asked.append(message)
        return "rätt-lösenord", True

    monkeypatch.setattr(PasswordDialog, "ask", staticmethod(ask))
    with qtbot.waitSignal(context.database_opened, timeout=OPEN_TIMEOUT_MS):
        context.open_database(location)
    assert asked == ["Servern db:5432 begär ett lösenord för anna."]
    assert attempts[-1] == "rätt-lösenord"
    key = ("kansli-desk", location.keyring_account)
    qtbot.waitUntil(lambda: memory_keyring.passwords.get(key) == "rätt-lösenord")
    assert "rätt-lösenord" not in window.status.database_label.text()


def test_without_a_keyring_the_password_stays_in_memory_and_the_user_is_told(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    message_boxes: MessageBoxes,
) -> None:
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    window._remember_password = True
    with qtbot.waitSignal(context.database_opened, timeout=OPEN_TIMEOUT_MS):
        context.open_database(location, "hemligt")
    qtbot.waitUntil(lambda: any("ingen nyckelring" in t for t in message_boxes.texts()))


def test_connection_dialog_says_what_is_missing(
    qtbot: Any, context: AppContext, swedish: None
) -> None:
    dialog = ConnectionDialog(context.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.database.setText("kansli")
    dialog.user.setText("anna")
    dialog.findChild(QWidget, "connectionButtons")  # exists
    dialog._accept_if_complete()
    assert dialog.result() == 0
    assert dialog.result_label.text() == "Fyll i server, databas och användare."
    qtbot.waitUntil(dialog.host.hasFocus)


def test_connection_test_reports_an_unreachable_server(
    qtbot: Any, context: AppContext, swedish: None
) -> None:
    dialog = ConnectionDialog(context.runner)
    qtbot.addWidget(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database.setText("kansli")
    dialog.user.setText("anna")
    dialog.password.setText("hemligt-lösen")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Det går inte att nå databasservern" in dialog.result_label.text(),
        timeout=OPEN_TIMEOUT_MS,
    )
    assert "hemligt-lösen" not in dialog.result_label.text()


@pytest.mark.postgres
def test_connecting_to_the_shared_database_remembers_it_without_password(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    settings: Settings,
    pg_server: Any,
) -> None:
    postgres_server = pg_server
    target = postgres_server.create(migrated=False)
    try:
        dialog = ConnectionDialog(context.runner)
        qtbot.addWidget(dialog)
        dialog.host.setText(target.url.host)
        dialog.port.setValue(target.url.port)
        dialog.database.setText(target.url.database)
        dialog.user.setText(target.url.username)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: "Databasen är tom" in dialog.result_label.text(), timeout=OPEN_TIMEOUT_MS
        )
        with qtbot.waitSignal(context.database_opened, timeout=OPEN_TIMEOUT_MS):
            window._open(dialog.location(), "ett-lösenord", remember_location=True)
        assert context.database is not None and not context.database.location.is_sqlite
        stored = Settings(settings.path).get(DATABASE_URL)
        assert stored.startswith("postgresql+psycopg://")
        assert "ett-lösenord" not in settings.path.read_text(encoding="utf-8")
        assert window.status.database_label.text().startswith("Delad databas: ")
    finally:
        context.close()
        postgres_server.drop(target)


def test_language_choice_is_saved(
    qtbot: Any, window: MainWindow, settings: Settings, message_boxes: MessageBoxes
) -> None:
    english = next(
        a
        for a in window.findChildren(type(window.connect_action))
        if a.objectName() == "actionLanguage_en"
    )
    english.trigger()
    assert Settings(settings.path).get(LANGUAGE) == "en"
    assert message_boxes.texts() == ["Det nya språket används nästa gång du startar Kansli Desk."]


def test_office_hours_in_the_status_bar(window: MainWindow) -> None:
    status = window.office_hours
    closes = dt.datetime(2026, 11, 27, 16, 30, tzinfo=TIMEZONE)
    assert status.text(OfficeStatus(True, closes)) == "Kansliet öppet till 16:30"
    opens = dt.datetime(2026, 12, 28, 8, 0, tzinfo=TIMEZONE)
    text = status.text(OfficeStatus(False, opens, "Juldagen"))
    assert text == "Kansliet stängt (Juldagen); öppnar måndag 08:00"


def test_office_hours_label_is_filled_after_opening(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    open_and_wait(qtbot, context, location)
    qtbot.waitUntil(
        lambda: window.status.office_label.text().startswith("Kansliet "), timeout=10_000
    )


def test_failed_switch_keeps_the_current_database(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_wait(qtbot, context, location)
    current = context.database
    corrupt = tmp_path / "trasig.sqlite3"
    corrupt.write_bytes(b"this is not a database" * 100)
    from kansli_desk.services.database import parse_location

    asked: list[tuple[str, bool]] = []

    def ask(text: str, has_db: bool) -> str:
        asked.append((text, has_db))
        return "keep"

    monkeypatch.setattr(window, "ask_after_failure", ask)
    with qtbot.waitSignal(context.open_failed, timeout=OPEN_TIMEOUT_MS):
        window._open(parse_location(f"sqlite:///{corrupt}")[0], None, remember_location=True)
    assert asked and "skadad" in asked[0][0] and asked[0][1] is True
    assert context.database is current
    assert window.isVisible()
    assert corrupt.read_bytes() == b"this is not a database" * 100


def test_open_result_upgrades_an_empty_database(
    qtbot: Any, window: MainWindow, context: AppContext, empty_location: DatabaseLocation
) -> None:
    open_and_wait(qtbot, context, empty_location)
    assert context.last_open is not None and context.last_open.result.upgraded
    result = open_database(empty_location)
    try:
        assert result.before.status.value == "current"
    finally:
        result.database.close()


def test_back_to_the_local_database(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    settings: Settings,
) -> None:
    with qtbot.waitSignal(context.database_opened, timeout=OPEN_TIMEOUT_MS):
        window._open(location, None, remember_location=True)
    assert Settings(settings.path).get(DATABASE_URL) == location.to_setting() != ""
    with qtbot.waitSignal(context.database_opened, timeout=OPEN_TIMEOUT_MS):
        window.local_action.trigger()
    assert context.database is not None and context.database.location.is_default
    assert Settings(settings.path).get(DATABASE_URL) == ""
    assert window.status.database_label.text() == (
        f"Lokal databas: {paths.default_database_path()}"
    )


def test_english_when_chosen(qtbot: Any, context: AppContext) -> None:
    # No translator installed: the English source texts, as with --lang en.
    main = MainWindow(context)
    qtbot.addWidget(main)
    assert main.tabs.tabText(0) == "&Call log"
    assert main.menuBar().actions()[0].text() == "&File"


def test_the_form_register_tab_is_built_when_first_needed(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    open_and_wait(qtbot, context, location)
    assert window.findChild(QWidget, "formsRegisterPanel") is None  # not at start-up
    window.call_log.list.view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.call_log.list.view, Qt.Key.Key_N, MODIFIERS_CTRL_SHIFT)
    panel = window.findChild(QWidget, "formsRegisterPanel")
    assert panel is window.forms_register
    assert window.tabs.indexOf(panel) == 1 and window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: bool(window.forms_register.dialogs), timeout=OPEN_TIMEOUT_MS)
    for dialog in list(window.forms_register.dialogs):
        dialog.hide()
    qtbot.waitUntil(
        lambda: window.forms_register.list.footer.text() == "Inga blanketter registrerade ännu.",
        timeout=OPEN_TIMEOUT_MS,
    )


def test_a_waiting_form_draft_builds_the_tab_at_start(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> None:
    from kansli_desk.drafts import DraftStore

    DraftStore(paths.data_dir() / "form-drafts").save("new", {"form_type": "seal_or_lock"})
    assert any((paths.data_dir() / "form-drafts").glob("*.json"))
    open_and_wait(qtbot, context, location)
    assert window.findChild(QWidget, "formsRegisterPanel") is not None
