"""Editing knowledge articles: the editor with its preview, conflicts, history, overdue list."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kansli_desk.core.enums import Role
from kansli_desk.models import Article
from kansli_desk.services import article_edit
from kansli_desk.services.article_edit import ArticleDraft, EditableArticle
from kansli_desk.services.database import Database, DatabaseLocation
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.knowledge.editor import ArticleEditorDialog
from kansli_desk.ui.knowledge.history import ArticleHistoryDialog, OverdueArticlesDialog
from tests.ui.conftest import OPEN_TIMEOUT_MS, MessageBoxes, open_and_wait

pytestmark = pytest.mark.gui

TIMEOUT = OPEN_TIMEOUT_MS
DRAFT = ArticleDraft(
    title="Loggutdrag",
    body="## Vad är ett loggutdrag?\n\nEn lista över vem som har läst journalen.\n",
    sources="Patientdatalagen 4 kap.",
    topic_codes=("log_extract",),
    owner="Regionstab Kansli",
    review_interval_days=365,
    comment="Första versionen",
)


@pytest.fixture
def ready(qtbot: Any, context: AppContext, location: DatabaseLocation) -> Iterator[AppContext]:
    """A context on a fresh database whose user (the first) is a supervisor."""
    open_and_wait(qtbot, context, location)
    assert context.user is not None and context.user.role is Role.SUPERVISOR
    yield context
    context.runner.wait_idle()


def database(context: AppContext) -> Database:
    assert context.database is not None
    return context.database


@pytest.fixture
def article_id(ready: AppContext) -> int:
    assert ready.user is not None
    with database(ready).transaction() as session:
        return article_edit.create_article(session, ready.user, DRAFT)


def load(context: AppContext, article_id: int) -> EditableArticle:
    with database(context).transaction() as session:
        return article_edit.load_for_edit(session, article_id)


def save_elsewhere(context: AppContext, article_id: int, **changes: Any) -> int:
    """Someone saves the article outside the dialog (another desk)."""
    assert context.user is not None
    loaded = load(context, article_id)
    draft = dataclasses.replace(loaded.draft(), **changes)
    with database(context).transaction() as session:
        return article_edit.save_article(session, context.user, article_id, loaded.version, draft)


def revision_count(context: AppContext, article_id: int) -> int:
    with database(context).transaction() as session:
        return len(article_edit.list_revisions(session, article_id))


def open_editor(qtbot: Any, context: AppContext, article_id: int | None) -> ArticleEditorDialog:
    dialog = ArticleEditorDialog(context, article_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(dialog.title.isEnabled, timeout=TIMEOUT)
    return dialog


def open_history(qtbot: Any, context: AppContext, article_id: int) -> ArticleHistoryDialog:
    dialog = ArticleHistoryDialog(context, article_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


# --- the editor ---------------------------------------------------------------------


def test_edit_and_ctrl_s_saves_a_new_revision_shown_in_the_history(
    qtbot: Any, ready: AppContext, article_id: int
) -> None:
    dialog = open_editor(qtbot, ready, article_id)
    assert dialog.title.text() == "Loggutdrag"
    assert "vem som har läst" in dialog.body.toPlainText()
    assert dialog.topic_codes() == ("log_extract",)
    dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.End)
    dialog.body.setFocus()
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.body, "Ask the unit for the log.")
    dialog.comment.setFocus()
    qtbot.keyClicks(dialog.comment, "Added who to ask")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as saved:
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [article_id]
    assert not dialog.isVisible()
    after = load(ready, article_id)
    assert after.revision == 2
    assert after.body.endswith("Ask the unit for the log.\n")

    history = open_history(qtbot, ready, article_id)
    model = history.revisions.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=TIMEOUT)
    newest = model.row_at(0)
    assert (newest.number, newest.comment, newest.current) == (2, "Added who to ask", True)
    assert model.index(0, 2).data() == ready.user.shown_name  # type: ignore[union-attr]
    # The newest change is compared at once.
    qtbot.waitUntil(lambda: "Ask the unit for the log." in history.diff.toPlainText())
    assert "+ Ask the unit for the log." in history.diff.toPlainText()


def test_the_preview_follows_the_text(qtbot: Any, ready: AppContext, article_id: int) -> None:
    dialog = open_editor(qtbot, ready, article_id)
    assert "Vad är ett loggutdrag?" in dialog.preview.toPlainText()
    assert "Patientdatalagen" in dialog.preview.toPlainText()
    dialog.body.setPlainText("## Rubrik\n\nNew **bold** words")
    assert "bold" not in dialog.preview.toPlainText()  # on a short timer, not per key
    qtbot.waitUntil(lambda: "New bold words" in dialog.preview.toPlainText())
    assert "**" not in dialog.preview.toPlainText()  # rendered, not shown as typed
    assert "font-weight:700" in dialog.preview.toHtml()
    dialog.title.setText("A new title")
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("A new title"))


def test_an_empty_title_is_refused_at_the_field_and_nothing_is_saved(
    qtbot: Any, ready: AppContext, article_id: int
) -> None:
    dialog = open_editor(qtbot, ready, article_id)
    dialog.title.setText("   ")
    dialog.sources.setPlainText("")
    dialog.save()
    qtbot.waitUntil(dialog.errors["title"].isVisible, timeout=TIMEOUT)
    assert dialog.errors["title"].text() == article_edit.MSG_TITLE.format(limit=300)
    assert dialog.errors["sources"].isVisible()
    assert not dialog.errors["body"].isVisible()
    assert QApplication.focusWidget() is dialog.title
    assert dialog.isVisible()
    assert revision_count(ready, article_id) == 1
    qtbot.keyClicks(dialog.title, "L")
    assert not dialog.errors["title"].isVisible()  # typing clears the message


def test_unchanged_with_reviewed_ticked_only_marks_the_review(
    qtbot: Any, ready: AppContext, article_id: int
) -> None:
    with database(ready).transaction() as session:
        session.get_one(Article, article_id).last_reviewed_on = None
    dialog = open_editor(qtbot, ready, article_id)
    dialog.save()
    assert dialog.message.isVisible() and dialog.isVisible()  # nothing to save
    dialog.reviewed.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save()
    after = load(ready, article_id)
    assert after.last_reviewed_on is not None and after.revision == 1


def test_escape_asks_before_throwing_changes_away(
    qtbot: Any, ready: AppContext, article_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_editor(qtbot, ready, article_id)
    answers: list[bool] = []

    def confirm() -> bool:
        answers.append(False)
        return len(answers) > 1

    monkeypatch.setattr(dialog, "confirm_discard", confirm)
    dialog.body.setFocus()
    qtbot.keyClicks(dialog.body, "x")
    press(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert len(answers) == 1 and dialog.isVisible()  # "No": keep editing
    press(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert len(answers) == 2 and not dialog.isVisible()
    assert revision_count(ready, article_id) == 1

    unchanged = open_editor(qtbot, ready, article_id)
    monkeypatch.setattr(unchanged, "confirm_discard", confirm)
    press(qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert not unchanged.isVisible() and len(answers) == 2  # nothing to lose, no question


def test_a_new_article_is_created(qtbot: Any, ready: AppContext) -> None:
    dialog = open_editor(qtbot, ready, None)
    assert dialog.reviewed.isChecked()
    qtbot.keyClicks(dialog.title, "Proxy for an adult")
    dialog.sources.setPlainText("Föräldrabalken 11 kap.")
    dialog.body.setPlainText("Text om ombud.")
    dialog.save()
    qtbot.waitUntil(dialog.errors["topic_codes"].isVisible, timeout=TIMEOUT)
    item = next(
        dialog.topics.item(i)
        for i in range(dialog.topics.count())
        if dialog.topics.item(i).data(Qt.ItemDataRole.UserRole) == "proxy"
    )
    item.setCheckState(Qt.CheckState.Checked)
    assert not dialog.errors["topic_codes"].isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as saved:
        dialog.save()
    created = load(ready, saved.args[0])
    assert (created.title, created.topic_codes, created.revision) == (
        "Proxy for an adult",
        ("proxy",),
        1,
    )
    assert created.last_reviewed_on is not None


# --- conflicts ----------------------------------------------------------------------


@pytest.mark.parametrize("choice", ["theirs", "mine", "discard"])
def test_a_stale_save_shows_both_versions_and_nothing_is_overwritten(
    qtbot: Any, ready: AppContext, article_id: int, choice: str
) -> None:
    dialog = open_editor(qtbot, ready, article_id)
    dialog.body.setPlainText("My text for the article.")
    dialog.comment.setText("Mine")
    save_elsewhere(ready, article_id, body="Their text for the article.\n", comment="Theirs")
    dialog.save()
    qtbot.waitUntil(dialog.conflict.isVisible, timeout=TIMEOUT)
    assert "My text for the article." in dialog.yours.toPlainText()
    assert "Their text for the article." in dialog.theirs.toPlainText()
    assert "Their text" not in dialog.yours.toPlainText()
    assert "version 2" in dialog.conflict_text.text()
    assert not dialog.save_button.isEnabled()  # choose first
    assert QApplication.focusWidget() is dialog.use_theirs_button
    assert load(ready, article_id).body == "Their text for the article.\n"  # theirs kept
    assert revision_count(ready, article_id) == 2

    if choice == "discard":
        dialog.discard_button.click()
        assert not dialog.isVisible()
        assert revision_count(ready, article_id) == 2
        return
    button = dialog.use_theirs_button if choice == "theirs" else dialog.keep_mine_button
    button.click()
    assert dialog.save_button.isEnabled()
    assert dialog.conflict.isVisible()  # still there to copy from
    assert "My text for the article." in dialog.yours.toPlainText()
    if choice == "theirs":
        assert dialog.body.toPlainText() == "Their text for the article.\n"
        dialog.body.setPlainText("Their text, with my sentence added.")
        expected = "Their text, with my sentence added.\n"
    else:
        assert dialog.body.toPlainText() == "My text for the article."
        expected = "My text for the article.\n"
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save()
    after = load(ready, article_id)
    assert (after.revision, after.body) == (3, expected)


# --- history ------------------------------------------------------------------------


def three_versions(context: AppContext, article_id: int) -> None:
    save_elsewhere(
        context,
        article_id,
        body=DRAFT.body + "\nA <b>second</b> paragraph.\n",
        comment="Second",
    )
    save_elsewhere(
        context,
        article_id,
        title="Log extracts",
        body=DRAFT.body.replace("En lista", "A list"),
        comment="Third",
    )


def test_comparing_any_two_revisions_shows_added_and_removed_lines(
    qtbot: Any, ready: AppContext, article_id: int
) -> None:
    three_versions(ready, article_id)
    history = open_history(qtbot, ready, article_id)
    qtbot.waitUntil(lambda: history.compare_to.count() == 3, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "From version 2 to version 3." in history.diff.toPlainText())
    text = history.diff.toPlainText()
    assert "− A <b>second</b> paragraph." in text  # escaped, shown as typed
    assert "+ Log extracts" in text and "− Loggutdrag" in text

    history.compare_from.setCurrentIndex(history.compare_from.findData(1))
    history.compare_to.setCurrentIndex(history.compare_to.findData(2))
    history.compare()
    qtbot.waitUntil(lambda: "From version 1 to version 2." in history.diff.toPlainText())
    text = history.diff.toPlainText()
    assert "+ A <b>second</b> paragraph." in text
    assert "− " not in text
    html = history.diff.toHtml()
    assert "#dcf5e3" in html  # added lines on green
    # Choosing a row compares it with the one before.
    history.revisions.view.selectRow(2)
    qtbot.waitUntil(lambda: "Version 1 compared with itself." in history.diff.toPlainText())
    assert "The two versions are the same." in history.diff.toPlainText()


def test_restore_writes_a_new_revision_after_asking(
    qtbot: Any, ready: AppContext, article_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_versions(ready, article_id)
    history = open_history(qtbot, ready, article_id)
    qtbot.waitUntil(lambda: history.revisions.model.rowCount() == 3, timeout=TIMEOUT)
    assert history.restore_button.isVisible()
    qtbot.waitUntil(lambda: history._version is not None, timeout=TIMEOUT)
    assert not history.restore_button.isEnabled()  # the current version is chosen
    history.revisions.view.selectRow(2)  # version 1
    assert history.restore_button.isEnabled()

    asked: list[int] = []

    def refuse(number: int) -> bool:
        asked.append(number)
        return False

    monkeypatch.setattr(history, "confirm_restore", refuse)
    history.restore_button.click()
    assert asked == [1]
    assert revision_count(ready, article_id) == 3  # "No": nothing restored

    monkeypatch.setattr(history, "confirm_restore", lambda n: True)
    with qtbot.waitSignal(history.restored, timeout=TIMEOUT) as restored:
        history.restore_button.click()
    assert restored.args == [article_id]
    after = load(ready, article_id)
    assert (after.revision, after.title, after.body) == (4, DRAFT.title, DRAFT.body)
    qtbot.waitUntil(lambda: history.revisions.model.rowCount() == 4, timeout=TIMEOUT)
    assert history.revisions.model.row_at(0).comment == "Återställd från version 1"
    assert "restored as version 4" in history.message.text()


def test_only_supervisors_are_offered_restore(
    qtbot: Any, ready: AppContext, article_id: int
) -> None:
    assert ready.user is not None
    ready.user = dataclasses.replace(ready.user, role=Role.ADVISOR)
    history = open_history(qtbot, ready, article_id)
    qtbot.waitUntil(lambda: history.revisions.model.rowCount() == 1, timeout=TIMEOUT)
    assert history.restore_button.isHidden()


# --- overdue ------------------------------------------------------------------------


def test_overdue_articles_and_enter_asks_for_one(
    qtbot: Any, ready: AppContext, article_id: int, message_boxes: MessageBoxes
) -> None:
    with database(ready).transaction() as session:
        session.get_one(Article, article_id).last_reviewed_on = None
    dialog = OverdueArticlesDialog(ready)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    model = dialog.list.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=TIMEOUT)
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == article_id)
    assert model.index(row, 3).data() == "never reviewed"
    dialog.list.view.selectRow(row)
    dialog.list.view.setFocus()
    with qtbot.waitSignal(dialog.article_requested) as requested:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert requested.args == [article_id]
    assert dialog.isVisible()  # Enter chose the article; it did not close the list
    assert message_boxes.shown == []
