"""The knowledge panel: articles on sealing, locking and access, beside the registers.

Issue 4 adds ranked full-text search, topics, the decision helper and editing;
this panel lists the articles in the database and shows the one selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.widgets import name_widget

if TYPE_CHECKING:
    from kansli_desk.services.knowledge import ArticleRow, ArticleView

SEARCH_DELAY_MS = 150


class KnowledgePanel(QWidget):
    """Search field, article list and the article text.

    Signals:
        article_opened(int, object): an article (id, revision id) was shown.

    Attributes:
        search: the search field.
        list: the article list.
        article: the text of the selected article.
    """

    article_opened = Signal(int, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePanel")
        self._context = context
        self._topic_ids: list[int] = []
        self.search = QLineEdit(self)
        name_widget(self.search, "knowledgeSearch", self.tr("Search the knowledge articles"))
        self.search.setPlaceholderText(self.tr("Search articles…"))
        self.search.setClearButtonEnabled(True)
        columns: list[Column[ArticleRow]] = [
            Column(lambda: self.tr("Article"), lambda r: r.title),
            Column(
                lambda: self.tr("Reviewed"),
                lambda r: formatting.date(r.last_reviewed_on) + (" ⚠" if r.needs_review else ""),
            ),
        ]
        self.list: RegisterList[ArticleRow] = RegisterList(
            context.runner,
            columns,
            object_name="articleList",
            accessible_name=self.tr("Knowledge articles"),
            footer_text=self._footer_text,
            column_widths=(260,),
            parent=self,
        )
        self.article = QTextBrowser(self)
        name_widget(self.article, "knowledgeArticle", self.tr("Article text"))
        self.article.setOpenExternalLinks(False)
        self.article.setPlaceholderText(self.tr("Choose an article to read it here."))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("knowledgeSplitter")
        splitter.addWidget(self.list)
        splitter.addWidget(self.article)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._focus_results)
        self.list.view.selectionModel().selectionChanged.connect(self._on_selection)
        context.database_opened.connect(self._apply_search)

    def _footer_text(self, rows: int, loading: bool, more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading articles…")
        if self._topic_ids and not self.search.text():
            return self.tr("Articles on the call's topics: {count}.").format(count=rows)
        if rows == 0:
            return self.tr("No articles match.") if self.search.text() else self.tr("No articles.")
        return self.tr("{count} articles.").format(count=rows) if not more else ""

    @Slot(list)
    def show_topics(self, topic_ids: list[int]) -> None:
        """Bring forward the articles on these topics (the call being logged);
        an empty list returns to the whole collection."""
        self._topic_ids = list(topic_ids)
        if not self.search.text():
            self._apply_search()

    @Slot()
    def _apply_search(self) -> None:
        if self._context.database is None:
            return
        context, query = self._context, self.search.text()
        if self._topic_ids and not query:
            topic_ids = tuple(self._topic_ids)

            def for_topics(cursor: Any, limit: int) -> list[ArticleRow]:
                del cursor, limit  # one page: a call has few topics
                from kansli_desk.services.knowledge import articles_for_topics

                return context.transactional(
                    lambda session: articles_for_topics(session, topic_ids)
                )()

            self.list.set_source(for_topics)
            return

        def fetch(cursor: Any, limit: int) -> list[ArticleRow]:
            from kansli_desk.services.knowledge import list_articles

            return context.transactional(
                lambda session: list_articles(session, query=query, after=cursor, limit=limit)
            )()

        self.list.set_source(fetch)

    @Slot()
    def _focus_results(self) -> None:
        view = self.list.view
        if self.list.model.rowCount() > 0:
            view.setFocus()
            view.selectRow(0)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        article_id = self.list.model.row_at(indexes[0].row()).id

        def load(session: Any) -> ArticleView:
            from kansli_desk.services.knowledge import get_article

            return get_article(session, article_id)

        self._context.db_job(load, self._show_article)

    def _show_article(self, view: ArticleView) -> None:
        parts = [f"# {view.title}", ""]
        if view.needs_review:
            parts += [
                "> **"
                + self.tr("Needs review:")
                + "** "
                + self.tr("this article is past its review date; check it before relying on it."),
                "",
            ]
        parts += [view.body, "", "---", ""]
        parts.append("*" + self.tr("Sources:") + "* " + view.sources)
        parts.append("")
        parts.append(
            "*"
            + self.tr("Last reviewed {date} by {owner}, revision {revision}.").format(
                date=formatting.date(view.last_reviewed_on),
                owner=view.owner,
                revision=view.revision,
            )
            + "*"
        )
        self.article.setMarkdown("\n".join(parts))
        self.article_opened.emit(view.id, view.revision_id)
