"""The knowledge panel in the main window: search, topics, tools, review banner, PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kansli_desk.models import Article
from kansli_desk.services.database import DatabaseLocation
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.knowledge.panel import KnowledgePanel
from kansli_desk.ui.knowledge.tools import AgeCalculatorDialog, DecisionHelperDialog
from kansli_desk.ui.main_window import MainWindow
from tests.helpers import transaction
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> KnowledgePanel:
    open_and_wait(qtbot, context, location)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    knowledge = window.knowledge
    qtbot.waitUntil(lambda: knowledge.list.model.rowCount() > 10, timeout=OPEN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: knowledge.topic.count() > 1, timeout=OPEN_TIMEOUT_MS)
    return knowledge


def titles(panel: KnowledgePanel) -> list[str]:
    model = panel.list.model
    return [model.row_at(i).title for i in range(model.rowCount())]


def settled(qtbot: Any, panel: KnowledgePanel) -> list[str]:
    """The titles once a search (debounced, then read in the background) has finished."""
    qtbot.waitUntil(
        lambda: not panel._search_timer.isActive() and not panel.list.model.is_loading,
        timeout=OPEN_TIMEOUT_MS,
    )
    return titles(panel)


def wait_for_article(qtbot: Any, panel: KnowledgePanel, title_start: str) -> None:
    qtbot.waitUntil(
        lambda: panel.current is not None and panel.current.title.startswith(title_start),
        timeout=OPEN_TIMEOUT_MS,
    )


def test_search_as_you_type_ranks_and_folds_swedish_letters(
    qtbot: Any, panel: KnowledgePanel
) -> None:
    qtbot.keyClicks(panel.search, "forsegling")  # typed without ö
    qtbot.waitUntil(
        lambda: bool(titles(panel)) and titles(panel)[0] == "Försegling av Journalen",
        timeout=OPEN_TIMEOUT_MS,
    )
    assert len(titles(panel)) > 1  # other articles mention it in their text
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)  # Enter: to the best hit, opened
    assert panel.list.view.hasFocus()
    wait_for_article(qtbot, panel, "Försegling")
    assert "Källor:" in panel.article.toPlainText()


def test_nonsense_and_huge_queries_are_harmless(qtbot: Any, panel: KnowledgePanel) -> None:
    panel.search.setText("ordsomintefinns")
    qtbot.waitUntil(lambda: panel.list.footer.text() == "Inga artiklar matchar.")
    panel.search.setText('"*()-:^')  # punctuation alone: every article
    assert len(settled(qtbot, panel)) > 10
    panel.search.setText("NEAR(AND OR NOT")  # FTS5 operators are only words here
    settled(qtbot, panel)
    assert panel.list.footer.text() != "Listan kunde inte läsas."
    panel.search.setText("x" * 5000)  # cut at the field's limit, searched, nothing found
    assert len(panel.search.text()) == panel.search.maxLength()
    qtbot.waitUntil(lambda: panel.list.footer.text() == "Inga artiklar matchar.")


def test_browsing_one_topic(qtbot: Any, panel: KnowledgePanel) -> None:
    panel.topic.setCurrentIndex(panel.topic.findText("Spärr (hänvisa, inte Kansliets ärende)"))
    assert settled(qtbot, panel) == ["Spärr mot annan vårdpersonal (inte försegling)"]
    panel.search.setText("forsegling")  # a search keeps to the topic
    assert settled(qtbot, panel) == ["Spärr mot annan vårdpersonal (inte försegling)"]
    panel.search.clear()
    panel.topic.setCurrentIndex(0)
    assert len(settled(qtbot, panel)) > 10


def test_contacts_card_is_one_key_away(
    qtbot: Any, window: MainWindow, panel: KnowledgePanel
) -> None:
    window.toggle_knowledge.setChecked(False)
    window.call_log.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F2)
    wait_for_article(qtbot, panel, "Kontakter")
    assert panel.isVisible()
    assert "0480-44 86 00" in panel.article.toPlainText()


def test_decision_helper_and_calculator_open_with_their_keys(
    qtbot: Any, window: MainWindow, panel: KnowledgePanel
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.findChild(DecisionHelperDialog) is not None)
    helper = window.findChild(DecisionHelperDialog)
    assert helper is not None and helper.isVisible()
    helper.article_requested.emit("sparr")  # "Open article" in the helper
    wait_for_article(qtbot, panel, "Spärr")
    helper.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel.search, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: window.findChild(AgeCalculatorDialog) is not None)
    calculator = window.findChild(AgeCalculatorDialog)
    assert calculator is not None and calculator.isVisible()
    calculator.close()


def test_an_article_past_its_review_date_carries_a_banner(
    qtbot: Any, panel: KnowledgePanel, location: DatabaseLocation
) -> None:
    with transaction(location) as conn:
        conn.execute(
            sa.update(Article)
            .where(Article.slug == "sparr")
            .values(last_reviewed_on=dt.date.today() - dt.timedelta(days=400))
        )
    panel.search.setText("sparr")
    row = next(i for i, title in enumerate(settled(qtbot, panel)) if title.startswith("Spärr"))
    assert row == 0  # the title says it: ranked first
    assert panel.list.model.data(panel.list.model.index(row, 1)).endswith("⚠")
    panel.list.view.selectRow(row)
    wait_for_article(qtbot, panel, "Spärr")
    assert panel.review_banner.isVisible()
    assert panel.review_banner.text().startswith("<b>Behöver granskas.</b>")
    panel.open_slug("kontakter")  # a reviewed article: no banner
    wait_for_article(qtbot, panel, "Kontakter")
    assert not panel.review_banner.isVisible()


def test_an_article_saved_as_pdf(qtbot: Any, panel: KnowledgePanel, tmp_path: Path) -> None:
    assert not panel.pdf_action.isEnabled()  # nothing shown yet
    panel.open_slug("forsegling")
    wait_for_article(qtbot, panel, "Försegling")
    assert panel.pdf_action.isEnabled() and panel.print_action.isEnabled()
    written = panel.save_pdf(str(tmp_path / "forsegling"))
    assert written == tmp_path / "forsegling.pdf"
    data = written.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000
    text = panel.document().toPlainText()
    assert text.startswith("Försegling av Journalen") and "Källor:" in text


def test_a_broken_article_file_is_reported_at_start_not_crashed_on(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kansli_desk import paths

    shipped = paths.resource("knowledge")
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "kontakter.md").write_bytes((shipped / "kontakter.md").read_bytes())
    (folder / "trasig.md").write_text("ingen rubrik\n", encoding="utf-8")
    monkeypatch.setattr(
        paths,
        "resource",
        lambda *parts: folder if parts == ("knowledge",) else shipped.parent.joinpath(*parts),
    )
    open_and_wait(qtbot, context, location)
    message = window.status.currentMessage()
    assert "Kunskapsartikelfiler som inte kunde läsas (1)" in message
    assert "trasig.md" in message
    qtbot.waitUntil(lambda: window.knowledge.list.model.rowCount() == 1, timeout=OPEN_TIMEOUT_MS)


def test_a_newer_shipped_version_of_an_edited_article_is_offered(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    from kansli_desk import paths
    from kansli_desk.services import article_edit
    from kansli_desk.services.database import open_database

    shipped = paths.resource("knowledge")
    folder = tmp_path / "knowledge"
    folder.mkdir()
    original = (shipped / "kontakter.md").read_text(encoding="utf-8")
    (folder / "kontakter.md").write_text(original, encoding="utf-8")
    monkeypatch.setattr(
        paths,
        "resource",
        lambda *parts: folder if parts == ("knowledge",) else shipped.parent.joinpath(*parts),
    )
    open_and_wait(qtbot, context, location)
    panel = window.knowledge
    user = context.user
    assert user is not None  # the first user: a supervisor
    database = open_database(location).database
    try:
        with database.transaction() as session:  # a supervisor edits it here
            article_id = session.scalars(sa.select(Article.id)).one()
            loaded = article_edit.load_for_edit(session, article_id)
            draft = dataclasses.replace(loaded.draft(), body="Vårt eget kontaktkort.\n")
            article_edit.save_article(session, user, article_id, loaded.version, draft)
    finally:
        database.close()
    newer = original.replace("0480-44 86 00", "0480-44 86 00 (växel)")
    (folder / "kontakter.md").write_text(newer, encoding="utf-8")
    panel.show_contacts()
    qtbot.waitUntil(
        lambda: panel.shipped_bar is not None and panel.shipped_bar.isVisible(),
        timeout=OPEN_TIMEOUT_MS,
    )
    bar = panel.shipped_bar
    assert bar is not None
    assert "Vårt eget kontaktkort." in panel.article.toPlainText()
    assert bar.adopt_button.isVisible()
    qtbot.mouseClick(bar.adopt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "(växel)" in panel.article.toPlainText(), timeout=OPEN_TIMEOUT_MS)
    assert not bar.isVisible()
