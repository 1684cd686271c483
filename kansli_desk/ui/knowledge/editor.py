"""Writing and editing a knowledge article, with a live preview.

Supervisors keep the articles true: title, topics, sources, owner, review
interval and the Markdown text, with a preview beside the text that follows
the typing. Ctrl+S saves a new revision off the GUI thread; Esc asks before
throwing changes away. Validation happens in the service layer
(:mod:`kansli_desk.services.article_edit`); its messages are shown at the field
they concern. When someone else saved the article in the meantime, nothing is
overwritten: both versions are shown side by side and the user chooses.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.ui import formatting
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.tasks import report_unexpected
from kansli_desk.ui.widgets import ask_yes_no, name_widget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.services.article_edit import ArticleConflict, EditableArticle, TopicChoice

PREVIEW_DELAY_MS = 250
CODE_ROLE = Qt.ItemDataRole.UserRole
# kansli_desk.services.article_edit limits (not imported here: SQLAlchemy)
TITLE_MAX_LENGTH = 300
OWNER_MAX_LENGTH = 200
COMMENT_MAX_LENGTH = 500
INTERVAL_DAYS = (1, 3650)
DEFAULT_INTERVAL_DAYS = 365
FIELDS = (
    "title",
    "sources",
    "owner",
    "review_interval_days",
    "topic_codes",
    "body",
    "comment",
)
ERROR_STYLE = "color: #a00000;"
DIFFERS_BACKGROUND = "#fff0b3"


class ArticleEditorDialog(QDialog):
    """A new article or a new revision of one, typed with a live preview.

    Signals:
        saved(int): the id of the article just saved (new or edited).

    Attributes:
        title, sources, owner, interval, topics, body, comment, reviewed: the
            input widgets.
        preview: the rendered article beside the text.
        errors: an error label at each field, by :class:`ArticleDraft` field name.
        message: problems that belong to no field (and "nothing to save").
        conflict: the side-by-side comparison shown after a conflicting save.
        yours, theirs: the two versions in the comparison.
    """

    saved = Signal(int)

    def __init__(
        self, context: AppContext, article_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self._context = context
        self._article_id = article_id
        self._version: int | None = None
        self._base: dict[str, Any] = {}  # the values the edit started from (dirty check)
        self._topic_choices: list[TopicChoice] = []
        self._loading = True
        self._saving = False
        self._conflict_open = False  # a conflict waits for the user's choice
        self._theirs: EditableArticle | None = None
        self.setWindowTitle(self.tr("New article") if article_id is None else self.tr("Article"))
        self._build()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        for signal in (self.title.textChanged, self.sources.textChanged, self.body.textChanged):
            signal.connect(self._preview_timer.start)
        self._load()

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.status = QLabel(self.tr("Loading the article…"), self)
        self.status.setObjectName("articleEditorStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setObjectName("articleEditorMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        self.title = QLineEdit(self)
        name_widget(self.title, "articleTitle", self.tr("Title"))
        self.title.setMaxLength(TITLE_MAX_LENGTH)
        self.sources = QPlainTextEdit(self)
        name_widget(self.sources, "articleSources", self.tr("Sources"))
        self.sources.setTabChangesFocus(True)
        self.sources.setPlaceholderText(
            self.tr("Where the facts come from: law, regulation, the region's own pages…")
        )
        lines = self.sources.fontMetrics().lineSpacing()
        self.sources.setFixedHeight(lines * 3 + 14)
        self.owner = QLineEdit(self)
        name_widget(self.owner, "articleOwner", self.tr("Owner"))
        self.owner.setMaxLength(OWNER_MAX_LENGTH)
        self.owner.setPlaceholderText(self.tr("Who keeps the article true"))
        self.interval = QSpinBox(self)
        name_widget(self.interval, "articleReviewInterval", self.tr("Review interval in days"))
        self.interval.setRange(*INTERVAL_DAYS)
        self.interval.setValue(DEFAULT_INTERVAL_DAYS)
        self.interval.setSuffix(self.tr(" days"))
        self.last_reviewed = QLabel(self)
        self.last_reviewed.setObjectName("articleLastReviewed")
        self.topics = QListWidget(self)
        name_widget(self.topics, "articleTopics", self.tr("Topics"))
        self.topics.setToolTip(self.tr("Space ticks or unticks the topic under the cursor."))
        self.body = QPlainTextEdit(self)
        name_widget(self.body, "articleBody", self.tr("Article text in Markdown"))
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            self.tr("## Heading\n\nText, **bold**, *italic*, lists with “- ”…")
        )
        self.preview = QTextBrowser(self)
        name_widget(self.preview, "articlePreview", self.tr("Preview of the article"))
        self.preview.setOpenLinks(False)
        self.comment = QLineEdit(self)
        name_widget(self.comment, "articleComment", self.tr("Comment on this change"))
        self.comment.setMaxLength(COMMENT_MAX_LENGTH)
        self.comment.setPlaceholderText(self.tr("What was changed and why (shown in the history)"))
        self.reviewed = QCheckBox(self.tr("&Mark as reviewed today"), self)
        name_widget(self.reviewed, "articleReviewed", self.tr("Mark as reviewed today"))
        self.reviewed.setToolTip(
            self.tr("You have checked the whole article against its sources today.")
        )
        self.save_button = QPushButton(self.tr("&Save (Ctrl+S)"), self)
        name_widget(self.save_button, "articleSave", self.tr("Save the article"))
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        name_widget(self.cancel_button, "articleCancel", self.tr("Cancel"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)

        self.errors: dict[str, QLabel] = {}
        for field in FIELDS:
            label = QLabel(self)
            label.setObjectName(f"articleError_{field}")
            label.setWordWrap(True)
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
            self.errors[field] = label

        form = QFormLayout()
        form.addRow(
            self._label(self.tr("&Title:"), self.title), self._with_error("title", self.title)
        )
        form.addRow(
            self._label(self.tr("S&ources:"), self.sources),
            self._with_error("sources", self.sources),
        )
        form.addRow(
            self._label(self.tr("O&wner:"), self.owner), self._with_error("owner", self.owner)
        )
        review = QHBoxLayout()
        review.addWidget(self.interval)
        review.addSpacing(12)
        review.addWidget(self.last_reviewed, 1)
        form.addRow(
            self._label(self.tr("Review &every:"), self.interval),
            self._with_error("review_interval_days", review),
        )
        topics_box = QVBoxLayout()
        topics_box.setContentsMargins(0, 0, 0, 0)
        topics_box.addWidget(self._label(self.tr("To&pics:"), self.topics))
        topics_box.addWidget(self.topics, 1)
        topics_box.addWidget(self.errors["topic_codes"])
        self.topics.setMinimumWidth(260)
        self.topics.setMaximumHeight(lines * 9)
        fields = QHBoxLayout()
        fields.addLayout(form, 3)
        fields.addSpacing(12)
        fields.addLayout(topics_box, 2)

        text_pane = QWidget(self)
        text_box = QVBoxLayout(text_pane)
        text_box.setContentsMargins(0, 0, 0, 0)
        text_box.addWidget(self._label(self.tr("Te&xt (Markdown):"), self.body))
        text_box.addWidget(self.body, 1)
        text_box.addWidget(self.errors["body"])
        preview_pane = QWidget(self)
        preview_box = QVBoxLayout(preview_pane)
        preview_box.setContentsMargins(0, 0, 0, 0)
        preview_box.addWidget(self._label(self.tr("Pre&view:"), self.preview))
        preview_box.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("articleEditorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(text_pane)
        self.splitter.addWidget(preview_pane)
        self.splitter.setSizes([1, 1])

        self.conflict = self._build_conflict()
        self.vertical = QSplitter(Qt.Orientation.Vertical, self)
        self.vertical.setObjectName("articleEditorVertical")
        self.vertical.setChildrenCollapsible(False)
        self.vertical.addWidget(self.splitter)
        self.vertical.addWidget(self.conflict)
        self.conflict.hide()

        comment_row = QHBoxLayout()
        comment_row.addWidget(self._label(self.tr("&Comment:"), self.comment))
        comment_row.addWidget(self.comment, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reviewed)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addLayout(fields)
        layout.addWidget(self.vertical, 1)
        layout.addLayout(comment_row)
        layout.addWidget(self.errors["comment"])
        layout.addLayout(buttons)

        order = [
            self.title, self.sources, self.owner, self.interval, self.topics, self.body,
            self.preview, self.use_theirs_button, self.keep_mine_button, self.discard_button,
            self.hide_conflict_button, self.comment, self.reviewed, self.save_button,
            self.cancel_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.topics.itemChanged.connect(self._topics_ticked)
        self.title.textEdited.connect(self.errors["title"].hide)
        self.owner.textEdited.connect(self.errors["owner"].hide)
        self.sources.textChanged.connect(self.errors["sources"].hide)
        self.body.textChanged.connect(self.errors["body"].hide)
        self.resize(1120, 780)

    def _build_conflict(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("articleConflict")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_text = QLabel(frame)
        self.conflict_text.setObjectName("articleConflictText")
        self.conflict_text.setWordWrap(True)
        self.conflict_text.setStyleSheet("background: #fff4d6; padding: 6px; border-radius: 3px;")
        self.yours = QTextBrowser(frame)
        name_widget(self.yours, "articleConflictYours", self.tr("Your version"))
        self.theirs = QTextBrowser(frame)
        name_widget(self.theirs, "articleConflictTheirs", self.tr("Their version"))
        self.yours_label = self._label(self.tr("Your version:"), self.yours)
        self.theirs_label = self._label(self.tr("Their version:"), self.theirs)
        sides = QSplitter(Qt.Orientation.Horizontal, frame)
        sides.setObjectName("articleConflictSides")
        sides.setChildrenCollapsible(False)
        for label, browser in ((self.yours_label, self.yours), (self.theirs_label, self.theirs)):
            pane = QWidget(sides)
            box = QVBoxLayout(pane)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(label)
            box.addWidget(browser, 1)
            sides.addWidget(pane)
        self.use_theirs_button = QPushButton(self.tr("E&dit their version"), frame)
        name_widget(
            self.use_theirs_button,
            "conflictUseTheirs",
            self.tr("Load their version into the editor; yours stays here to copy from"),
        )
        self.keep_mine_button = QPushButton(self.tr("&Keep my text"), frame)
        name_widget(
            self.keep_mine_button,
            "conflictKeepMine",
            self.tr("Keep my text in the editor, to save it over theirs"),
        )
        self.discard_button = QPushButton(self.tr("D&iscard my changes"), frame)
        name_widget(self.discard_button, "conflictDiscard", self.tr("Discard my changes"))
        self.hide_conflict_button = QPushButton(self.tr("&Hide the comparison"), frame)
        name_widget(self.hide_conflict_button, "conflictHide", self.tr("Hide the comparison"))
        self.hide_conflict_button.hide()
        row = QHBoxLayout()
        for button in (
            self.use_theirs_button,
            self.keep_mine_button,
            self.discard_button,
            self.hide_conflict_button,
        ):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        box = QVBoxLayout(frame)
        box.addWidget(self.conflict_text)
        box.addWidget(sides, 1)
        box.addLayout(row)
        self.use_theirs_button.clicked.connect(self.edit_their_version)
        self.keep_mine_button.clicked.connect(self.keep_my_text)
        self.discard_button.clicked.connect(self.discard)
        self.hide_conflict_button.clicked.connect(self._hide_conflict)
        return frame

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A field label whose Alt+letter moves to the field."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _with_error(self, field: str, widget: QWidget | QHBoxLayout) -> QVBoxLayout:
        """The field (or a row of widgets) with its error label under it."""
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        if isinstance(widget, QHBoxLayout):
            box.addLayout(widget)
        else:
            box.addWidget(widget)
        box.addWidget(self.errors[field])
        return box

    # --- loading -------------------------------------------------------------------
    def _load(self) -> None:
        self._set_busy(True)
        article_id = self._article_id

        def job(session: Session) -> EditableArticle | list[TopicChoice]:
            from kansli_desk.services import article_edit

            if article_id is None:
                return article_edit.topic_choices(session)
            return article_edit.load_for_edit(session, article_id)

        self._context.db_job(job, self._loaded, self._load_failed)

    def _loaded(self, result: EditableArticle | list[TopicChoice]) -> None:
        self._loading = False
        self._set_busy(False)
        if isinstance(result, list):
            self._topic_choices = result
            self._fill_topics(())
            self.reviewed.setChecked(True)
            self.status.setText(
                self.tr("A new article. Name its sources and choose the topics it answers.")
            )
            self._base = self.values()
            self.update_preview()
            self.title.setFocus()
            return
        self._show_article(result)
        self._base = self.values()
        self.body.setFocus()

    def _load_failed(self, error: BaseException) -> None:
        # Still "loading": nothing can be saved, and closing has nothing to lose.
        self.status.setText(self.tr("The article could not be opened."))
        if isinstance(error, KnownError):
            self._show_message(error.message())
        else:
            report_unexpected(error)

    def _show_article(self, article: EditableArticle) -> None:
        """Put an article's current values into the fields (``comment`` is left alone)."""
        self._version = article.version
        self._topic_choices = list(article.topics)
        self.setWindowTitle(self.tr("Edit article – {title}").format(title=article.title))
        self.title.setText(article.title)
        self.sources.setPlainText(article.sources)
        self.owner.setText(article.owner)
        self.interval.setValue(article.review_interval_days)
        self._fill_topics(article.topic_codes)
        self.body.setPlainText(article.body)
        self.last_reviewed.setText(
            self.tr("last reviewed {date}").format(date=formatting.date(article.last_reviewed_on))
            if article.last_reviewed_on is not None
            else self.tr("never reviewed")
        )
        self.status.setText(
            self.tr("Editing version {revision}, saved by {who} on {time}.").format(
                revision=article.revision,
                who=self._author(article.saved_by),
                time=formatting.local_time(article.saved_at),
            )
        )
        self.update_preview()

    def _author(self, name: str) -> str:
        from kansli_desk.services.article_edit import SHIPPED_AUTHOR

        return self.tr("the shipped version") if name == SHIPPED_AUTHOR else name

    def _fill_topics(self, ticked: tuple[str, ...]) -> None:
        blocked = self.topics.blockSignals(True)
        self.topics.clear()
        for choice in self._topic_choices:
            name = choice.name
            if choice.retired:
                name = self.tr("{name} (retired)").format(name=choice.name)
            item = QListWidgetItem(name, self.topics)
            item.setData(CODE_ROLE, choice.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if choice.code in ticked else Qt.CheckState.Unchecked
            )
        if self.topics.count():  # the keyboard starts at the top, nothing looks chosen
            self.topics.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.topics.blockSignals(blocked)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.title, self.sources, self.owner, self.interval, self.topics, self.body,
            self.comment, self.reviewed,
        ):  # fmt: skip
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy and not self._conflict_open)

    # --- values --------------------------------------------------------------------
    def topic_codes(self) -> tuple[str, ...]:
        return tuple(
            str(self.topics.item(i).data(CODE_ROLE))
            for i in range(self.topics.count())
            if self.topics.item(i).checkState() == Qt.CheckState.Checked
        )

    def values(self) -> dict[str, Any]:
        """The fields as plain data (the names of :class:`ArticleDraft`)."""
        return {
            "title": self.title.text(),
            "body": self.body.toPlainText(),
            "sources": self.sources.toPlainText(),
            "topic_codes": self.topic_codes(),
            "owner": self.owner.text(),
            "review_interval_days": self.interval.value(),
            "comment": self.comment.text(),
        }

    def is_dirty(self) -> bool:
        """Something was typed or chosen since the article was loaded."""
        if self._loading:
            return False
        values = self.values()
        return any(values[key] != self._base.get(key) for key in values)

    # --- preview -------------------------------------------------------------------
    @Slot()
    def update_preview(self) -> None:
        """Render the title, text and sources as the knowledge panel will show them."""
        self._preview_timer.stop()
        parts = [f"# {self.title.text().strip()}", "", self.body.toPlainText(), ""]
        sources = [line.strip() for line in self.sources.toPlainText().splitlines()]
        sources = [line for line in sources if line]
        if sources:
            parts += ["---", "", "*" + self.tr("Sources:") + "* " + "  \n".join(sources)]
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setMarkdown("\n".join(parts))
        self.preview.verticalScrollBar().setValue(scroll)

    # --- problems ------------------------------------------------------------------
    def _field_widget(self, field: str) -> QWidget:
        return {
            "title": self.title,
            "sources": self.sources,
            "owner": self.owner,
            "review_interval_days": self.interval,
            "topic_codes": self.topics,
            "body": self.body,
            "comment": self.comment,
        }[field]

    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.hide()

    def show_problems(self, problems: list[ValidationError]) -> None:
        """Each message at its field; the cursor to the first field at fault."""
        first: str | None = None
        for problem in problems:
            label = self.errors.get(problem.field or "")
            if label is None:
                self._show_message(problem.message())
                continue
            label.setText(problem.message())
            label.show()
            field = problem.field or ""
            if first is None or FIELDS.index(field) < FIELDS.index(first):
                first = field
        if first is not None:
            self._field_widget(first).setFocus()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @Slot()
    def _topics_ticked(self) -> None:
        self.errors["topic_codes"].hide()

    # --- saving --------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        """Save (off the GUI thread); problems are shown at their fields."""
        if self._loading or self._saving:
            return
        if self._conflict_open:
            self.use_theirs_button.setFocus()
            return
        user = self._context.user
        if user is None:
            return
        self.clear_problems()
        values = self.values()
        reviewed = self.reviewed.isChecked()
        article_id, version = self._article_id, self._version
        if article_id is not None and not self.is_dirty() and not reviewed:
            self._show_message(self.tr("Nothing has changed, so there is nothing to save."))
            return
        only_reviewed = article_id is not None and not self.is_dirty()

        def job(session: Session) -> int:
            from kansli_desk.services import article_edit

            if article_id is None:
                draft = article_edit.ArticleDraft(**values)
                return article_edit.create_article(session, user, draft, reviewed=reviewed)
            assert version is not None
            if only_reviewed:
                article_edit.mark_reviewed(session, user, article_id, version)
            else:
                draft = article_edit.ArticleDraft(**values)
                article_edit.save_article(
                    session, user, article_id, version, draft, reviewed=reviewed
                )
            return article_id

        self._saving = True
        self.save_button.setEnabled(False)
        self._context.db_job(job, self._saved, self._save_failed)

    def _saved(self, article_id: int) -> None:
        self._saving = False
        self._article_id = article_id
        self.saved.emit(article_id)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        from kansli_desk.services.article_edit import ArticleConflict, ArticleInvalid

        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ArticleConflict):
            self.show_conflict(error)
        elif isinstance(error, ArticleInvalid):
            self.show_problems(error.problems)
        elif isinstance(error, KnownError):
            self._show_message(error.message())
        else:
            report_unexpected(error)

    # --- conflicts -----------------------------------------------------------------
    def show_conflict(self, conflict: ArticleConflict) -> None:
        """Show the user's text and the one saved meanwhile side by side, and ask."""
        from kansli_desk.services.article_edit import diff_lines

        theirs = conflict.theirs
        self._theirs = theirs
        self._conflict_open = True
        self.save_button.setEnabled(False)
        self.conflict_text.setText(
            conflict.message()
            + " "
            + self.tr("Their version {revision} was saved by {who} on {time}.").format(
                revision=theirs.revision,
                who=self._author(theirs.saved_by),
                time=formatting.local_time(theirs.saved_at),
            )
            + " "
            + self.tr("Lines that differ are marked in yellow.")
        )
        mine = self._as_text(self.values())
        other = self._as_text(
            {
                "title": theirs.title,
                "sources": theirs.sources,
                "body": theirs.body,
                "topic_codes": theirs.topic_codes,
                "owner": theirs.owner,
                "review_interval_days": theirs.review_interval_days,
            }
        )
        self.theirs_label.setText(
            self.tr("Their version ({who}):").format(who=self._author(theirs.saved_by))
        )
        for button in (self.use_theirs_button, self.keep_mine_button, self.discard_button):
            button.show()
        self.hide_conflict_button.hide()
        self.conflict.show()
        height = max(self.vertical.height(), 2)
        self.vertical.setSizes([height // 2, height - height // 2])
        lines = diff_lines(mine, other)
        for browser, own in ((self.yours, "removed"), (self.theirs, "added")):
            _show_side(browser, lines, own)
        self.use_theirs_button.setFocus()

    def _as_text(self, values: dict[str, Any]) -> str:
        """A version as plain lines for the comparison."""
        names = {choice.code: choice.name for choice in self._topic_choices}
        topics = ", ".join(names.get(code, code) for code in values["topic_codes"])
        return "\n".join(
            [
                values["title"].strip(),
                "",
                self.tr("Sources:") + " " + " / ".join(values["sources"].split("\n")).strip(),
                self.tr("Topics:") + " " + topics,
                self.tr("Owner:") + " " + values["owner"].strip(),
                self.tr("Review every {days} days").format(days=values["review_interval_days"]),
                "",
                values["body"].rstrip(),
            ]
        )

    def _conflict_chosen(self, text: str) -> None:
        self._conflict_open = False
        for button in (self.use_theirs_button, self.keep_mine_button, self.discard_button):
            button.hide()
        self.hide_conflict_button.show()
        self.conflict_text.setText(text)
        self.save_button.setEnabled(True)

    @Slot()
    def edit_their_version(self) -> None:
        """Load their version into the editor; the user's text stays shown to copy from."""
        theirs = self._theirs
        if theirs is None:
            return
        self._show_article(theirs)
        self._base = {**self.values(), "comment": ""}
        self._conflict_chosen(
            self.tr(
                "Their version is now in the editor. Your text is on the left: copy what you "
                "need from it, then save."
            )
        )
        self.body.setFocus()

    @Slot()
    def keep_my_text(self) -> None:
        """Keep the user's text, now based on their version: saving replaces it knowingly."""
        theirs = self._theirs
        if theirs is None:
            return
        self._version = theirs.version
        self._base = dataclasses.asdict(theirs.draft())
        self._conflict_chosen(
            self.tr(
                "Your text stays in the editor. Saving it replaces their version, which stays "
                "in the history."
            )
        )
        self.body.setFocus()

    @Slot()
    def _hide_conflict(self) -> None:
        self.conflict.hide()
        self.body.setFocus()

    @Slot()
    def discard(self) -> None:
        """Close without saving and without asking."""
        self._preview_timer.stop()
        super().reject()

    # --- closing -------------------------------------------------------------------
    def reject(self) -> None:
        """Esc, Cancel or the window's close button: ask first if anything changed."""
        if self._saving:
            return
        if self.is_dirty() and not self.confirm_discard():
            return
        self.discard()

    def confirm_discard(self) -> bool:
        """Ask before throwing changes away (tests replace this)."""
        return ask_yes_no(
            self,
            self.tr("Discard changes"),
            self.tr("Throw away your changes to this article? They are not saved."),
        )


def _show_side(browser: QTextBrowser, lines: Sequence[tuple[str, str]], own: str) -> None:
    """One side of the conflict comparison: its lines, those the other side lacks
    marked, scrolled to show the first of them near the top."""
    shown = [(kind, text) for kind, text in lines if kind in ("same", own)]
    rows = []
    for kind, text in shown:
        style = "margin:0; white-space:pre-wrap;"
        if kind == own:
            style += f" background-color:{DIFFERS_BACKGROUND};"
        rows.append(f'<p style="{style}">{html.escape(text) or "&nbsp;"}</p>')
    browser.setHtml("".join(rows))
    first = next((number for number, (kind, _) in enumerate(shown) if kind == own), 0)
    block = browser.document().findBlockByNumber(first)
    browser.setTextCursor(QTextCursor(block))
    top = browser.document().documentLayout().blockBoundingRect(block).top()
    context = 2 * browser.fontMetrics().lineSpacing()  # a little of what comes before
    browser.verticalScrollBar().setValue(max(0, int(top) - context))
