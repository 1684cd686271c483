"""The knowledge panel: articles on sealing, locking and access, beside the registers.

Ranked full-text search as you type, browsing by topic, the articles on the
call's topics brought forward, the decision helper, the age calculator and the
contacts card one key away; supervisors edit, compare and restore revisions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kansli_desk import paths
from kansli_desk.core.enums import Role
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.lazy_model import Column
from kansli_desk.ui.register_list import RegisterList
from kansli_desk.ui.widgets import name_widget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.core.age_access import AgeLimits
    from kansli_desk.services.knowledge import ArticleRow, ArticleView
    from kansli_desk.ui.knowledge.shipped import ShippedUpdateBar

SEARCH_DELAY_MS = 120
CONTACTS_SLUG = "kontakter"
REVIEW_BANNER_STYLE = (
    "QLabel { background: #fff4ce; color: #3d2e00; border: 1px solid #e0c45c;"
    " border-radius: 4px; padding: 6px; }"
)


class KnowledgePanel(QWidget):
    """Search field and topic choice, article list, the article and its actions.

    Signals:
        article_opened(int, object): an article (id, revision id) was shown.

    Attributes:
        search: the search field.
        topic: browse one topic (or all).
        list: the article list.
        article: the text of the article shown.
        review_banner: "needs review", shown above an article past its review date.
        current: the article shown, or None.
    """

    article_opened = Signal(int, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePanel")
        self._context = context
        self._topic_ids: list[int] = []
        self.current: ArticleView | None = None
        self.search = QLineEdit(self)
        name_widget(self.search, "knowledgeSearch", self.tr("Search the knowledge articles"))
        self.search.setPlaceholderText(self.tr("Search articles… (Ctrl+K)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(500)
        self.topic = QComboBox(self)
        name_widget(self.topic, "knowledgeTopic", self.tr("Show the articles on a topic"))
        self.topic.addItem(self.tr("All topics"), None)
        self.topic.setMinimumContentsLength(4)
        self.topic.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tools = QToolBar(self.tr("Knowledge tools"), self)
        self.tools.setObjectName("knowledgeTools")
        # Narrower than its first button, the bar still shows its "»" overflow menu;
        # its width must not widen the whole window's minimum.
        self.tools.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.decision_action = self._tool(
            self.tools,
            self.tr("Decision helper"),
            "knowledgeDecision",
            self.tr("Which order, who places it, what to tell the caller (F6)"),
        )
        self.calculator_action = self._tool(
            self.tools,
            self.tr("Age and access"),
            "knowledgeCalculator",
            self.tr("Age on a date and what access applies (F7)"),
        )
        self.contacts_action = self._tool(
            self.tools, self.tr("Contacts"), "knowledgeContacts", self.tr("The contacts card (F2)")
        )
        self.decision_action.triggered.connect(self.show_decision_helper)
        self.calculator_action.triggered.connect(self.show_age_calculator)
        self.contacts_action.triggered.connect(self.show_contacts)

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
            column_widths=(280,),
            parent=self,
        )
        self.review_banner = QLabel(self)
        self.review_banner.setObjectName("knowledgeReviewBanner")
        self.review_banner.setWordWrap(True)
        self.review_banner.setStyleSheet(REVIEW_BANNER_STYLE)
        self.review_banner.hide()
        self.article = QTextBrowser(self)
        name_widget(self.article, "knowledgeArticle", self.tr("Article text"))
        self.article.setOpenExternalLinks(True)
        self.article.setPlaceholderText(self.tr("Choose an article to read it here."))
        self.article_tools = QToolBar(self.tr("Article"), self)
        self.article_tools.setObjectName("knowledgeArticleTools")
        self.article_tools.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.edit_action = self._tool(
            self.article_tools,
            self.tr("Edit…"),
            "knowledgeEdit",
            self.tr("Edit the article: a new revision (supervisors; Ctrl+E)"),
            "Ctrl+E",
        )
        self.history_action = self._tool(
            self.article_tools,
            self.tr("History…"),
            "knowledgeHistory",
            self.tr("Revisions: compare any two, restore one (Ctrl+H)"),
            "Ctrl+H",
        )
        self.print_action = self._tool(
            self.article_tools,
            self.tr("Print…"),
            "knowledgePrint",
            self.tr("Print the article (Ctrl+P)"),
            "Ctrl+P",
        )
        self.pdf_action = self._tool(
            self.article_tools,
            self.tr("PDF…"),
            "knowledgePdf",
            self.tr("Save the article as a PDF file"),
        )
        self.edit_action.triggered.connect(self.edit_article)
        self.history_action.triggered.connect(self.show_history)
        self.print_action.triggered.connect(self.print_article)
        self.pdf_action.triggered.connect(self.ask_save_pdf)

        reader = QWidget(self)
        self._reader = reader
        self.shipped_bar: ShippedUpdateBar | None = None  # made when first needed
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.review_banner)
        reader_layout.addWidget(self.article, 1)
        reader_layout.addWidget(self.article_tools)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("knowledgeSplitter")
        splitter.addWidget(self.list)
        splitter.addWidget(reader)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.tools)
        layout.addWidget(self.topic)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._focus_results)
        self.topic.currentIndexChanged.connect(self._apply_search)
        self.list.view.selectionModel().selectionChanged.connect(self._on_selection)
        context.database_opened.connect(self._on_database_opened)
        self._update_actions()

    def _tool(
        self,
        bar: QToolBar,
        text: str,
        object_name: str,
        tip: str,
        shortcut: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(object_name)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            self.addAction(action)
        bar.addAction(action)  # its button is found through the action's objectName
        return action

    def _footer_text(self, rows: int, loading: bool, more: bool) -> str:
        if loading and rows == 0:
            return self.tr("Loading articles…")
        if self._topic_ids and not self.search.text() and self.topic.currentData() is None:
            return self.tr("Articles on the call's topics: {count}.").format(count=rows)
        if rows == 0:
            return self.tr("No articles match.") if self.search.text() else self.tr("No articles.")
        if rows == 1:
            return self.tr("1 article.")
        return self.tr("{count} articles.").format(count=rows) if not more else ""

    # --- finding articles ------------------------------------------------------------
    @Slot()
    def _on_database_opened(self) -> None:
        def job(session: Session) -> list[tuple[str, int]]:
            from kansli_desk.services.calls import list_topics

            return [(t.name, t.id) for t in list_topics(session)]

        self._apply_search()
        self._context.db_job(job, self._fill_topics)
        self._update_actions()

    def _fill_topics(self, topics: list[tuple[str, int]]) -> None:
        chosen = self.topic.currentData()
        self.topic.blockSignals(True)
        while self.topic.count() > 1:
            self.topic.removeItem(1)
        for name, topic_id in topics:
            self.topic.addItem(name, topic_id)
        self.topic.setCurrentIndex(max(0, self.topic.findData(chosen)) if chosen else 0)
        self.topic.blockSignals(False)

    @Slot(list)
    def show_topics(self, topic_ids: list[int]) -> None:
        """Bring forward the articles on these topics (the call being logged);
        an empty list returns to the whole collection."""
        self._topic_ids = list(topic_ids)
        if not self.search.text() and self.topic.currentData() is None:
            self._apply_search()

    @Slot()
    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self._context.database is None:
            return
        context, query = self._context, self.search.text()
        topic_id: int | None = self.topic.currentData()
        if self._topic_ids and not query and topic_id is None:
            topic_ids = tuple(self._topic_ids)

            def for_topics(cursor: Any, limit: int) -> list[ArticleRow]:
                del limit  # one page: a call has few topics
                if cursor is not None:
                    return []
                from kansli_desk.services.knowledge import articles_for_topics

                return context.transactional(
                    lambda session: articles_for_topics(session, topic_ids)
                )()

            self.list.set_source(for_topics)
            return
        if query.strip():

            def ranked(cursor: Any, limit: int) -> list[ArticleRow]:
                del limit  # ranked hits come as one page (SEARCH_LIMIT)
                if cursor is not None:
                    return []
                from kansli_desk.services.knowledge import search_articles

                return context.transactional(
                    lambda session: search_articles(session, query, topic_id=topic_id)
                )()

            self.list.set_source(ranked)
            return

        def browse(cursor: Any, limit: int) -> list[ArticleRow]:
            from kansli_desk.services.knowledge import list_articles

            return context.transactional(
                lambda session: list_articles(session, topic_id=topic_id, after=cursor, limit=limit)
            )()

        self.list.set_source(browse)

    @Slot()
    def _focus_results(self) -> None:
        if self._search_timer.isActive():
            self._apply_search()
        view = self.list.view
        if self.list.model.rowCount() > 0:
            view.setFocus()
            view.selectRow(0)

    # --- showing an article ----------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.open_article(self.list.model.row_at(indexes[0].row()).id)

    @Slot(int)
    def open_article(self, article_id: int) -> None:
        """Show an article (read off the GUI thread)."""

        shipped = paths.resource("knowledge")

        def load(session: Session) -> ArticleView:
            from kansli_desk.services.knowledge import get_article

            return get_article(session, article_id, shipped_dir=shipped)

        self._context.db_job(load, self._show_article)

    @Slot(str)
    def open_slug(self, slug: str) -> None:
        """Show the article with this stable id (the decision helper, the contacts card)."""
        if self._context.database is None:
            return

        def find(session: Session) -> int | None:
            from kansli_desk.services.knowledge import article_id_for_slug

            return article_id_for_slug(session, slug)

        def found(article_id: int | None) -> None:
            if article_id is not None:
                self.open_article(article_id)

        self._context.db_job(find, found)

    @Slot()
    def show_contacts(self) -> None:
        """The contacts card: phone numbers and office hours, one key (F2) away."""
        self.open_slug(CONTACTS_SLUG)

    def _show_article(self, view: ArticleView) -> None:
        self.current = view
        if view.needs_review:
            self.review_banner.setText(
                "<b>"
                + self.tr("Needs review.")
                + "</b> "
                + self.tr(
                    "Last reviewed {date}; the interval is {days} days. Check the article "
                    "before relying on it."
                ).format(
                    date=formatting.date(view.last_reviewed_on), days=view.review_interval_days
                )
            )
        self.review_banner.setVisible(view.needs_review)
        self._offer_shipped(view)
        self.article.setMarkdown(self._markdown(view))
        self._update_actions()
        self.article_opened.emit(view.id, view.revision_id)

    def _offer_shipped(self, view: ArticleView) -> None:
        """The "newer shipped version" bar, for an article edited here."""
        if not view.shipped_update:
            if self.shipped_bar is not None:
                self.shipped_bar.withdraw()
            return
        if self.shipped_bar is None:
            from kansli_desk.ui.knowledge.shipped import ShippedUpdateBar

            self.shipped_bar = ShippedUpdateBar(self._context, self._reader)
            self.shipped_bar.changed.connect(self._after_save)
            layout = self._reader.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.shipped_bar)
        user = self._context.user
        supervisor = user is not None and user.role is Role.SUPERVISOR
        self.shipped_bar.offer(view.id, view.version, supervisor=supervisor)

    def _markdown(self, view: ArticleView) -> str:
        # The title as a level-2 heading and the body's headings one level down:
        # Qt's level-1 heading is too large for a side panel.
        body = re.sub(r"^(#{1,5}) ", r"#\1 ", view.body, flags=re.MULTILINE)
        parts = [f"## {view.title}", ""]
        if view.topics:
            parts += ["*" + self.tr("Topics:") + "* " + ", ".join(view.topics), ""]
        parts += [body, "", "---", ""]
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
        return "\n".join(parts)

    def _update_actions(self) -> None:
        shown = self.current is not None
        user = self._context.user
        supervisor = user is not None and user.role is Role.SUPERVISOR
        self.edit_action.setEnabled(shown and supervisor)
        for action in (self.history_action, self.print_action, self.pdf_action):
            action.setEnabled(shown)
        opened = self._context.database is not None
        for action in (self.decision_action, self.calculator_action, self.contacts_action):
            action.setEnabled(opened)

    # --- printing --------------------------------------------------------------------
    def document(self) -> QTextDocument:
        """The article shown, as a document to print (with its review state)."""
        document = QTextDocument(self)
        if self.current is not None:
            text = self._markdown(self.current)
            if self.current.needs_review:
                text = "**" + self.review_banner.text().split("</b>")[-1].strip() + "**\n\n" + text
            document.setMarkdown(text)
        return document

    @Slot()
    def print_article(self) -> None:
        """Print the article through the system's print dialog."""
        if self.current is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.document().print_(printer)

    @Slot()
    def ask_save_pdf(self) -> None:
        """Save the article as a PDF file where the user chooses."""
        if self.current is None:
            return
        from PySide6.QtWidgets import QFileDialog

        suggested = str(Path.home() / f"{self.current.slug or 'artikel'}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the article as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: str) -> Path | None:
        """Write the article shown to a PDF file (``.pdf`` added when missing)."""
        if self.current is None:
            return None
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.current.title)
        printer.setOutputFileName(str(target))
        self.document().print_(printer)
        return target

    # --- tools and editing -----------------------------------------------------------
    def _age_limits(self) -> AgeLimits:
        from kansli_desk.settings import access_age_limits

        return access_age_limits(self._context.settings)

    @Slot()
    def show_decision_helper(self) -> None:
        """Which order, who places it, what to tell the caller, and the article to read."""
        from kansli_desk.ui.knowledge.tools import DecisionHelperDialog

        dialog = DecisionHelperDialog(self._age_limits(), self)
        dialog.article_requested.connect(self.open_slug)
        dialog.show()

    @Slot()
    def show_age_calculator(self) -> None:
        """Age on a date and what access applies, from an identity number or birth date."""
        from kansli_desk.ui.knowledge.tools import AgeCalculatorDialog

        dialog = AgeCalculatorDialog(self._age_limits(), self)
        dialog.show()

    @Slot()
    def edit_article(self) -> None:
        """Supervisors: edit the article shown (a new revision on save)."""
        if self.current is None:
            return
        from kansli_desk.ui.knowledge.editor import ArticleEditorDialog

        dialog = ArticleEditorDialog(self._context, self.current.id, self)
        dialog.saved.connect(self._after_save)
        dialog.show()

    @Slot()
    def new_article(self) -> None:
        """Supervisors: write a new article."""
        from kansli_desk.ui.knowledge.editor import ArticleEditorDialog

        dialog = ArticleEditorDialog(self._context, None, self)
        dialog.saved.connect(self._after_save)
        dialog.show()

    @Slot()
    def show_history(self) -> None:
        """The article's revisions: compare any two, restore one (supervisors)."""
        if self.current is None:
            return
        from kansli_desk.ui.knowledge.history import ArticleHistoryDialog

        dialog = ArticleHistoryDialog(self._context, self.current.id, self)
        dialog.restored.connect(self._after_save)
        dialog.show()

    @Slot()
    def show_overdue(self) -> None:
        """Supervisors: the articles past their review date."""
        from kansli_desk.ui.knowledge.history import OverdueArticlesDialog

        dialog = OverdueArticlesDialog(self._context, self)
        dialog.article_requested.connect(self.open_article)
        dialog.show()

    @Slot(int)
    def _after_save(self, article_id: int) -> None:
        self._apply_search()
        self.open_article(article_id)
