"""Two helpers beside the knowledge articles: the age calculator and the decision helper.

Both work on :mod:`kansli_desk.core.age_access` and :mod:`kansli_desk.core.decision`
and take the age limits from their caller (the settings
``access/guardian_until_age`` and ``access/own_access_from_age``). They update as
the user types, show bad input as a message at the field (never a message box)
and are used with the keyboard alone: every field has an Alt+letter label,
Esc closes.

A personnummer typed here stays in its input field: it is never shown anywhere
else (the results show the birth date only), never put in a window title, a
tooltip or an accessible description, and never logged.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpacerItem,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kansli_desk.core.age_access import (
    AccessStage,
    AgeAccess,
    AgeLimits,
    calculate_age_access,
)
from kansli_desk.core.decision import (
    ADULT_AGE,
    Decision,
    Message,
    Question,
    Request,
    Subject,
    decide,
)
from kansli_desk.core.enums import CallerKind, IdKind
from kansli_desk.errors import ValidationError
from kansli_desk.ui.widgets import name_widget

ERROR_STYLE = "color: #a00000;"
HINT_STYLE = "color: #555555;"
RESULT_FRAME_STYLE = (
    "QFrame#ageResult { background: #f3f6fa; border: 1px solid #c9d3df; border-radius: 4px; }"
)
AGE_STYLE = "font-size: 16pt; font-weight: 600;"
MIN_DIGITS = 8  # fewer digits than a birth date: the user is still typing
UNKNOWN_AGE = -1


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _still_typing(text: str) -> bool:
    """Digits and separators only, and too few digits for a date: not yet an error."""
    stripped = text.strip()
    digits = sum(ch.isdigit() for ch in stripped)
    return all(ch.isdigit() or ch in " -+" for ch in stripped) and digits < MIN_DIGITS


class AgeCalculatorDialog(QDialog):
    """Age on a date and who reads the person's record in Journalen.

    Attributes:
        identity: the input: personnummer, samordningsnummer or birth date.
        error: the problem with the input, shown under it.
        on_date: the date the age is calculated for (default today).
        today_button: sets ``on_date`` back to today.
        age_label, stage_label, boundary_label, note_label: the result, in sentences.
        calculation: the last result, or None while the input is empty or wrong.
    """

    def __init__(
        self,
        limits: AgeLimits,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ageCalculatorDialog")
        self.setWindowTitle(self.tr("Age and access to Journalen"))
        self._limits = limits
        self._today = today
        self.calculation: AgeAccess | None = None

        intro = QLabel(
            self.tr(
                "Type a personnummer, a samordningsnummer or a birth date to see the "
                "person's age and who can read their record in Journalen."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.identity = QLineEdit(self)
        name_widget(
            self.identity,
            "ageIdentity",
            self.tr("Personnummer, samordningsnummer or birth date"),
        )
        self.identity.setPlaceholderText(self.tr("YYYYMMDD-NNNN or YYYY-MM-DD"))
        self.identity.setClearButtonEnabled(True)
        self.identity.setMaxLength(20)
        self.error = QLabel(self)
        self.error.setObjectName("ageError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.on_date = QDateEdit(self)
        name_widget(self.on_date, "ageOnDate", self.tr("Date to calculate the age for"))
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.on_date.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        self.on_date.setDate(_qdate(self._now()))
        self.today_button = QPushButton(self.tr("&Today"), self)
        name_widget(self.today_button, "ageToday", self.tr("Calculate for today"))
        self.today_button.setAutoDefault(False)

        self.age_label = QLabel(self)
        self.age_label.setObjectName("ageValue")
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("ageStage")
        self.boundary_label = QLabel(self)
        self.boundary_label.setObjectName("ageBoundary")
        self.note_label = QLabel(self)
        self.note_label.setObjectName("ageNote")
        result_frame = QFrame(self)
        result_frame.setObjectName("ageResult")
        result_frame.setStyleSheet(RESULT_FRAME_STYLE)
        result_frame.setAccessibleName(self.tr("Result"))
        result_layout = QVBoxLayout(result_frame)
        result_layout.setContentsMargins(14, 12, 14, 12)
        result_layout.setSpacing(8)
        for label in (self.age_label, self.stage_label, self.boundary_label, self.note_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            result_layout.addWidget(label)
        result_layout.addStretch(1)

        identity_label = QLabel(self.tr("&Personnummer, samordningsnummer or birth date:"), self)
        identity_label.setBuddy(self.identity)
        identity_label.setWordWrap(True)
        date_label = QLabel(self.tr("&On date:"), self)
        date_label.setBuddy(self.on_date)
        date_row = QHBoxLayout()
        date_row.addWidget(self.on_date)
        date_row.addWidget(self.today_button)
        date_row.addStretch(1)
        form = QVBoxLayout()
        form.setSpacing(4)
        form.addWidget(identity_label)
        form.addWidget(self.identity)
        form.addWidget(self.error)
        form.addSpacing(8)
        form.addWidget(date_label)
        form.addLayout(date_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("ageButtons")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(result_frame, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 460)

        self.identity.textChanged.connect(self.update_result)
        self.on_date.dateChanged.connect(self.update_result)
        self.today_button.clicked.connect(self._reset_date)
        self.update_result()

    def _now(self) -> dt.date:
        return self._today or dt.date.today()

    @Slot()
    def _reset_date(self) -> None:
        self.on_date.setDate(_qdate(self._now()))

    @Slot()
    def update_result(self) -> None:
        """Recalculate from the fields (called on every change)."""
        text = self.identity.text()
        self.calculation = None
        if not text.strip() or _still_typing(text):
            self._show_error("")
            self._show_hint()
            return
        try:
            self.calculation = calculate_age_access(
                text, on=_pydate(self.on_date.date()), limits=self._limits, today=self._now()
            )
        except ValidationError as exc:
            self._show_error(exc.message())
            self._show_hint()
            return
        self._show_error("")
        self._show_result(self.calculation)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(bool(message))
        # The field's own description tells screen readers what is wrong (never the number).
        self.identity.setAccessibleDescription(message)

    def _show_hint(self) -> None:
        self.age_label.setStyleSheet(HINT_STYLE)
        self.age_label.setText(self.tr("The result appears here as you type."))
        for label in (self.stage_label, self.boundary_label, self.note_label):
            label.clear()
            label.hide()

    def _show_result(self, result: AgeAccess) -> None:
        on = result.on.isoformat()
        self.age_label.setStyleSheet(AGE_STYLE)
        if result.youngest_age != result.age:
            self.age_label.setText(
                self.tr("{youngest}–{age} years old on {date}").format(
                    youngest=result.youngest_age, age=result.age, date=on
                )
            )
        else:
            self.age_label.setText(
                self.tr("{age} years old on {date}").format(age=result.age, date=on)
            )
        self.stage_label.setText(self._stage_text(result))
        self.boundary_label.setText(self._boundary_text(result))
        self.note_label.setText(" ".join(self._notes(result)))
        for label in (self.stage_label, self.boundary_label, self.note_label):
            label.setVisible(bool(label.text()))

    def _stage_text(self, result: AgeAccess) -> str:
        if result.stage is AccessStage.GUARDIAN:
            text = self.tr(
                "Guardians can read the child's record in Journalen. The child has no access "
                "of their own yet."
            )
        elif result.stage is AccessStage.NO_DEFAULT_ACCESS:
            text = self.tr(
                "Neither the guardians nor the child can read the record in Journalen, unless "
                "the head of operations (verksamhetschef) has decided an exception."
            )
        elif result.age < ADULT_AGE:
            text = self.tr(
                "The person reads their own record in Journalen. Guardians no longer have access."
            )
        else:
            text = self.tr("The person reads their own record in Journalen.")
        if not result.stage_certain:
            text += " " + self.tr("This is not certain, because the exact birth date is not known.")
        return text

    def _boundary_text(self, result: AgeAccess) -> str:
        boundary = result.next_boundary
        if boundary is None:
            return ""
        if boundary.days_until == 1:
            when = self.tr("tomorrow")
        else:
            when = self.tr("in {days} days").format(days=boundary.days_until)
        if boundary.stage is AccessStage.NO_DEFAULT_ACCESS:
            template = self.tr("Turns {age} on {date}, {when}: then the guardians' access ends.")
        else:
            template = self.tr(
                "Turns {age} on {date}, {when}: then the person gets access of their own."
            )
        return template.format(age=boundary.age, date=boundary.date.isoformat(), when=when)

    def _notes(self, result: AgeAccess) -> Iterable[str]:
        birth = result.birth
        if not birth.exact:
            yield self.tr(
                "The samordningsnummer does not give the exact birth date: it lies between "
                "{first} and {last}, and the age is counted from {first}."
            ).format(first=birth.date.isoformat(), last=birth.latest.isoformat())
        else:
            yield self.tr("Born {date}.").format(date=birth.date.isoformat())
        if result.leap_day_birth:
            yield self.tr(
                "Born on 29 February: in years that are not leap years the birthday is "
                "counted as 1 March."
            )
        if birth.kind is IdKind.SAMORDNINGSNUMMER:
            yield self.tr("People with a samordningsnummer cannot log in to 1177.")


class DecisionHelperDialog(QDialog):
    """Questions about a call, and what the Kansli should do, updated as they change.

    Signals:
        article_requested(str): the user asked to read the article with this slug.

    Attributes:
        caller: who is calling.
        about_buttons: whom the call is about (radio buttons by Subject).
        request: what the caller wants.
        identity: personnummer or birth date of the person (optional).
        identity_error: the problem with ``identity``, shown under it.
        age: the person's age when no identity is given ("Unknown" at the minimum).
        urgent: the matter is urgent.
        route_down: the digital ordering route does not work.
        answer: the decision, as text.
        open_article: emits :attr:`article_requested` for the decision's article.
        open_route_article: emits it for the article on the ordering route.
        decision: the current decision.
    """

    article_requested = Signal(str)

    def __init__(
        self,
        limits: AgeLimits,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionHelperDialog")
        self.setWindowTitle(self.tr("Decision helper"))
        self._limits = limits
        self._today = today
        self._typed_age = UNKNOWN_AGE
        self.decision: Decision | None = None

        self.caller = QComboBox(self)
        name_widget(self.caller, "decisionCaller", self.tr("Who is calling"))
        for kind in CallerKind:
            self.caller.addItem(kind.label, kind.value)
        self.about_group = QButtonGroup(self)
        self.about_buttons: dict[Subject, QRadioButton] = {}
        about_box = QVBoxLayout()
        about_box.setSpacing(2)
        for subject, object_name in (
            (Subject.SELF, "decisionAboutSelf"),
            (Subject.CHILD, "decisionAboutChild"),
            (Subject.OTHER_ADULT, "decisionAboutOtherAdult"),
        ):
            button = QRadioButton(subject.label, self)
            name_widget(button, object_name, subject.label)
            self.about_group.addButton(button)
            self.about_buttons[subject] = button
            about_box.addWidget(button)
        self.about_buttons[Subject.SELF].setChecked(True)
        self.request = QComboBox(self)
        name_widget(self.request, "decisionRequest", self.tr("What the caller wants"))
        for wish in Request:
            self.request.addItem(wish.label(limits), wish.value)
        self.request.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.request.setMinimumContentsLength(28)
        self.identity = QLineEdit(self)
        name_widget(self.identity, "decisionIdentity", self.tr("Personnummer or birth date"))
        self.identity.setPlaceholderText(self.tr("Optional: YYYYMMDD-NNNN or YYYY-MM-DD"))
        self.identity.setClearButtonEnabled(True)
        self.identity.setMaxLength(20)
        self.identity_error = QLabel(self)
        self.identity_error.setObjectName("decisionIdentityError")
        self.identity_error.setWordWrap(True)
        self.identity_error.setStyleSheet(ERROR_STYLE)
        self.identity_error.hide()
        self.age = QSpinBox(self)
        name_widget(self.age, "decisionAge", self.tr("Age of the person"))
        self.age.setRange(UNKNOWN_AGE, 120)
        self.age.setSpecialValueText(self.tr("Unknown"))
        self.age.setSuffix(self.tr(" years"))
        self.age.setValue(UNKNOWN_AGE)
        self.age.setToolTip(
            self.tr("A personnummer or birth date, when given, decides the age instead.")
        )
        self.urgent = QCheckBox(self.tr("&Urgent"), self)
        name_widget(self.urgent, "decisionUrgent", self.tr("Urgent"))
        self.route_down = QCheckBox(self.tr("Digital ordering is &down (backup routine)"), self)
        name_widget(
            self.route_down, "decisionRouteDown", self.tr("The digital ordering route is down")
        )

        self.answer = QTextBrowser(self)
        name_widget(self.answer, "decisionAnswer", self.tr("What to do"))
        self.answer.setOpenLinks(False)
        self.answer.setTabChangesFocus(True)
        self.answer.setMinimumWidth(420)
        self.answer.document().setDocumentMargin(10)
        self.open_article = QPushButton(self.tr("Open ar&ticle"), self)
        name_widget(self.open_article, "decisionOpenArticle", self.tr("Open the article"))
        self.open_route_article = QPushButton(self.tr("Open the &ordering routine"), self)
        name_widget(
            self.open_route_article,
            "decisionOpenRouteArticle",
            self.tr("Open the article on the ordering routine"),
        )
        for push in (self.open_article, self.open_route_article):
            push.setAutoDefault(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        form.addRow(self._label(self.tr("Who is &calling:"), self.caller), self.caller)
        about_label = self._label(self.tr("A&bout:"), self.about_buttons[Subject.SELF])
        about_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(about_label, about_box)
        form.addRow(self._label(self.tr("What do they &want:"), self.request), self.request)
        identity_box = QVBoxLayout()
        identity_box.setSpacing(2)
        identity_box.addWidget(self.identity)
        identity_box.addWidget(self.identity_error)
        form.addRow(
            self._label(self.tr("&Personnummer or birth date:"), self.identity), identity_box
        )
        form.addRow(self._label(self.tr("A&ge:"), self.age), self.age)
        form.addItem(QSpacerItem(0, 6))
        form.addRow(self.urgent)
        form.addRow(self.route_down)
        questions = QGroupBox(self.tr("The call"), self)
        questions.setObjectName("decisionQuestions")
        questions_layout = QVBoxLayout(questions)
        questions_layout.addLayout(form)
        questions_layout.addStretch(1)
        questions.setMinimumWidth(440)
        questions.setMaximumWidth(480)

        answer_box = QGroupBox(self.tr("What to do"), self)
        answer_box.setObjectName("decisionAnswerBox")
        answer_buttons = QHBoxLayout()
        answer_buttons.addWidget(self.open_article)
        answer_buttons.addWidget(self.open_route_article)
        answer_buttons.addStretch(1)
        answer_layout = QVBoxLayout(answer_box)
        answer_layout.addWidget(self.answer, 1)
        answer_layout.addLayout(answer_buttons)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("decisionButtons")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(questions, 0)
        columns.addWidget(answer_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 10)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(960, 640)

        chain: list[QWidget] = [
            self.caller,
            *self.about_buttons.values(),
            self.request,
            self.identity,
            self.age,
            self.urgent,
            self.route_down,
            self.answer,
            self.open_article,
            self.open_route_article,
            close,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.caller.currentIndexChanged.connect(self.update_decision)
        self.about_group.buttonToggled.connect(self.update_decision)
        self.request.currentIndexChanged.connect(self.update_decision)
        self.identity.textChanged.connect(self.update_decision)
        self.age.valueChanged.connect(self._age_edited)
        self.urgent.toggled.connect(self.update_decision)
        self.route_down.toggled.connect(self.update_decision)
        self.open_article.clicked.connect(self._open_article)
        self.open_route_article.clicked.connect(self._open_route_article)
        self.update_decision()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A field label whose Alt+letter moves to the field."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def question(self) -> Question:
        """The answers in the fields (an unusable identity counts as none)."""
        about = next(
            (subject for subject, button in self.about_buttons.items() if button.isChecked()),
            Subject.SELF,
        )
        age = self._typed_age
        return Question(
            caller=CallerKind(self.caller.currentData()),
            about=about,
            request=Request(self.request.currentData()),
            age=None if age == UNKNOWN_AGE else age,
            identity=self.identity.text().strip() or None,
            urgent=self.urgent.isChecked(),
            digital_route_down=self.route_down.isChecked(),
        )

    @Slot()
    def update_decision(self) -> None:
        """Decide again from the fields (called on every change)."""
        question = self.question()
        has_identity = question.identity is not None
        self.age.setEnabled(not has_identity)
        if has_identity and _still_typing(self.identity.text()):
            question = _without_identity(question)
        try:
            decision = decide(question, limits=self._limits, today=self._today)
        except ValidationError as exc:
            self._show_identity_error(exc.message())
            decision = decide(_without_identity(question), limits=self._limits, today=self._today)
        else:
            self._show_identity_error("")
        self.decision = decision
        self._show_age(decision)
        self.answer.setHtml(self._answer_html(decision))
        self.open_route_article.setEnabled(decision.route_article is not None)

    @Slot(int)
    def _age_edited(self, value: int) -> None:
        self._typed_age = value
        self.update_decision()

    def _show_age(self, decision: Decision) -> None:
        """The age field shows the age from the identity while one is given."""
        if self.age.isEnabled():
            shown = self._typed_age
        elif decision.age_access is not None:
            shown = decision.age_access.age
        else:
            shown = UNKNOWN_AGE
        blocked = self.age.blockSignals(True)
        self.age.setValue(shown)
        self.age.blockSignals(blocked)

    def _show_identity_error(self, message: str) -> None:
        self.identity_error.setText(message)
        self.identity_error.setVisible(bool(message))
        self.identity.setAccessibleDescription(message)

    @Slot()
    def _open_article(self) -> None:
        if self.decision is not None:
            self.article_requested.emit(self.decision.article)

    @Slot()
    def _open_route_article(self) -> None:
        if self.decision is not None and self.decision.route_article is not None:
            self.article_requested.emit(self.decision.route_article)

    def answer_text(self) -> str:
        """The answer as plain text (what a screen reader reads)."""
        return self.answer.toPlainText()

    def _answer_html(self, decision: Decision) -> str:
        esc = html.escape
        parts: list[str] = []
        if decision.order_type is not None:
            order = self.tr("Order type: {type}").format(type=decision.order_type.label)
        else:
            order = self.tr("No Kansli order")
        parts.append(f"<h3 style='margin-top:0'>{esc(order)}</h3>")
        if decision.order_type is not None and (
            not decision.caller_may_request or decision.age_ok is False
        ):
            blocked = self.tr("Not possible as asked: see Check first.")
            parts.append(f"<p style='color:#8a1c00'><b>{esc(blocked)}</b></p>")
        if decision.age is not None and decision.stage is not None:
            parts.append(
                "<p>"
                + esc(
                    self.tr("Age {age}: {stage}.").format(
                        age=decision.age, stage=decision.stage.label
                    )
                )
                + "</p>"
            )
        if decision.warnings:
            parts.append(self._section(self.tr("Check first"), decision.warnings, warn=True))
        who = [m for m in (decision.orderer, decision.decided_by) if m is not None]
        if who:
            parts.append(self._section(self.tr("Who orders"), who))
        parts.append(
            self._section(
                self.tr("Route: {route}").format(route=decision.route.label),
                decision.steps,
                ordered=True,
            )
        )
        parts.append(self._section(self.tr("Tell the caller"), decision.tell))
        return "".join(parts)

    @staticmethod
    def _section(
        title: str, messages: Iterable[Message], *, warn: bool = False, ordered: bool = False
    ) -> str:
        tag = "ol" if ordered else "ul"
        style = " style='color:#8a1c00'" if warn else ""
        items = "".join(f"<li{style}>{html.escape(message.text())}</li>" for message in messages)
        return f"<h4>{html.escape(title)}</h4><{tag}>{items}</{tag}>"


def _without_identity(question: Question) -> Question:
    return replace(question, identity=None, age=None)
