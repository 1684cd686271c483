"""The age calculator and the decision helper dialogs (kansli_desk.ui.knowledge.tools)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from kansli_desk.core.age_access import AccessStage, AgeLimits
from kansli_desk.core.decision import Decision, Request, Route, Subject
from kansli_desk.core.enums import CallerKind, FormType
from kansli_desk.ui.knowledge.tools import AgeCalculatorDialog, DecisionHelperDialog
from tests.ui.conftest import MessageBoxes

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 27)
PNR_2013_05_01 = "20130501-2393"  # Skatteverket test personnummer
PNR_2013_01_01 = "20130101-2397"
SNR_OCT_2010 = "201010602397"  # test samordningsnummer, day unknown
ALT = Qt.KeyboardModifier.AltModifier


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def shown_texts(dialog: QWidget) -> str:
    """Every label's text in the dialog (what the user can read)."""
    return "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def activate(qtbot: Any, dialog: QDialog) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


@pytest.fixture
def age_dialog(qtbot: Any) -> AgeCalculatorDialog:
    dialog = AgeCalculatorDialog(AgeLimits(), today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def decision_dialog(qtbot: Any) -> DecisionHelperDialog:
    dialog = DecisionHelperDialog(AgeLimits(), today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


# --- age calculator ---------------------------------------------------------------------------


def test_age_calculator_starts_empty_on_today(age_dialog: AgeCalculatorDialog) -> None:
    assert age_dialog.on_date.date() == qdate(TODAY)
    assert age_dialog.calculation is None
    assert age_dialog.error.isHidden()
    assert "appears here" in age_dialog.age_label.text()


def test_typing_a_personnummer_shows_age_and_stage(
    qtbot: Any, age_dialog: AgeCalculatorDialog, message_boxes: MessageBoxes
) -> None:
    activate(qtbot, age_dialog)
    qtbot.keyClicks(age_dialog.identity, PNR_2013_05_01)
    assert age_dialog.calculation is not None
    assert age_dialog.calculation.stage is AccessStage.NO_DEFAULT_ACCESS
    assert age_dialog.age_label.text() == "13 years old on 2026-11-27"
    assert "Neither the guardians nor the child" in age_dialog.stage_label.text()
    assert age_dialog.boundary_label.text() == (
        "Turns 16 on 2029-05-01, in 886 days: then the person gets access of their own."
    )
    assert "Born 2013-05-01" in age_dialog.note_label.text()
    assert age_dialog.error.isHidden()
    assert message_boxes.shown == []


def test_the_personnummer_is_shown_only_in_its_field(
    qtbot: Any, age_dialog: AgeCalculatorDialog
) -> None:
    age_dialog.show()
    age_dialog.identity.setText(PNR_2013_05_01)
    assert "2393" not in shown_texts(age_dialog)
    assert "2393" not in age_dialog.windowTitle()
    for widget in age_dialog.findChildren(QWidget):
        assert "2393" not in widget.toolTip()
        assert "2393" not in widget.accessibleName()
        assert "2393" not in widget.accessibleDescription()


@pytest.mark.parametrize(
    ("on", "age", "stage_text", "boundary"),
    [
        (
            dt.date(2025, 12, 31),
            12,
            "Guardians can read the child's record",
            "Turns 13 on 2026-01-01, tomorrow: then the guardians' access ends.",
        ),
        (
            dt.date(2026, 1, 1),
            13,
            "Neither the guardians nor the child",
            "Turns 16 on 2029-01-01, in 1096 days: then the person gets access of their own.",
        ),
    ],
)
def test_the_13th_birthday(
    age_dialog: AgeCalculatorDialog, on: dt.date, age: int, stage_text: str, boundary: str
) -> None:
    age_dialog.identity.setText(PNR_2013_01_01)
    age_dialog.on_date.setDate(qdate(on))
    assert age_dialog.age_label.text() == f"{age} years old on {on.isoformat()}"
    assert stage_text in age_dialog.stage_label.text()
    assert age_dialog.boundary_label.text() == boundary


def test_adult_has_own_access_and_no_boundary(age_dialog: AgeCalculatorDialog) -> None:
    age_dialog.identity.setText("1990-06-15")
    assert age_dialog.age_label.text() == "36 years old on 2026-11-27"
    assert age_dialog.stage_label.text() == "The person reads their own record in Journalen."
    assert age_dialog.boundary_label.isHidden()


def test_leap_day_child_gets_the_1_march_note(age_dialog: AgeCalculatorDialog) -> None:
    age_dialog.identity.setText("20120229-2395")
    age_dialog.on_date.setDate(QDate(2025, 2, 28))
    assert age_dialog.age_label.text() == "12 years old on 2025-02-28"
    assert "tomorrow" in age_dialog.boundary_label.text()
    assert "1 March" in age_dialog.note_label.text()


def test_samordningsnummer_without_a_day_says_so(age_dialog: AgeCalculatorDialog) -> None:
    age_dialog.identity.setText(SNR_OCT_2010)
    age_dialog.on_date.setDate(QDate(2026, 10, 15))
    assert age_dialog.age_label.text() == "15–16 years old on 2026-10-15"
    assert "not certain" in age_dialog.stage_label.text()
    notes = age_dialog.note_label.text()
    assert "does not give the exact birth date" in notes
    assert "2010-10-01 and 2010-10-31" in notes
    assert "cannot log in to 1177" in notes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-30", "The birth date is not a real date"),
        ("2099-01-01", "The birth date is in the future."),
        ("20130501-2394", "The check digit (the last digit) is wrong"),
        ("hello", "Write a personnummer or samordningsnummer as YYYYMMDD-NNNN"),
    ],
)
def test_bad_input_shows_the_message_at_the_field(
    qtbot: Any,
    age_dialog: AgeCalculatorDialog,
    message_boxes: MessageBoxes,
    text: str,
    message: str,
) -> None:
    activate(qtbot, age_dialog)
    qtbot.keyClicks(age_dialog.identity, text)
    assert age_dialog.error.isVisible()
    assert message in age_dialog.error.text()
    assert age_dialog.identity.accessibleDescription() == age_dialog.error.text()
    assert age_dialog.calculation is None
    assert age_dialog.stage_label.isHidden()
    assert message_boxes.shown == []


def test_no_error_while_still_typing_and_it_clears_when_fixed(
    age_dialog: AgeCalculatorDialog,
) -> None:
    age_dialog.identity.setText("2013")
    assert age_dialog.error.isHidden()
    age_dialog.identity.setText("2013-02-30")
    assert not age_dialog.error.isHidden()
    age_dialog.identity.setText("2013-02-28")
    assert age_dialog.error.isHidden()
    assert age_dialog.calculation is not None


def test_born_after_the_chosen_date(age_dialog: AgeCalculatorDialog) -> None:
    age_dialog.identity.setText(PNR_2013_05_01)
    age_dialog.on_date.setDate(QDate(2010, 1, 1))
    assert (
        age_dialog.error.text() == "The person was not yet born on 2010-01-01: choose a later date."
    )


def test_today_button_and_date_by_keyboard(qtbot: Any, age_dialog: AgeCalculatorDialog) -> None:
    activate(qtbot, age_dialog)
    age_dialog.on_date.setDate(QDate(2020, 1, 1))
    press(qtbot, Qt.Key.Key_T, ALT)  # &Today (a button mnemonic clicks after a short delay)
    qtbot.waitUntil(lambda: age_dialog.on_date.date() == qdate(TODAY))
    press(qtbot, Qt.Key.Key_P, ALT)  # &Personnummer...
    assert QApplication.focusWidget() is age_dialog.identity
    press(qtbot, Qt.Key.Key_O, ALT)  # &On date
    assert QApplication.focusWidget() is age_dialog.on_date


def test_escape_closes_the_age_calculator(qtbot: Any, age_dialog: AgeCalculatorDialog) -> None:
    activate(qtbot, age_dialog)
    qtbot.keyClicks(age_dialog.identity, PNR_2013_05_01)
    press(qtbot, Qt.Key.Key_Return)  # Enter does not close the dialog
    assert age_dialog.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert not age_dialog.isVisible()
    assert age_dialog.result() == QDialog.DialogCode.Rejected


def test_custom_limits(qtbot: Any) -> None:
    dialog = AgeCalculatorDialog(AgeLimits(guardian_until=12, own_from=13), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.identity.setText(PNR_2013_05_01)
    assert dialog.calculation is not None
    assert dialog.calculation.stage is AccessStage.OWN
    assert "Guardians no longer have access" in dialog.stage_label.text()


# --- decision helper --------------------------------------------------------------------------


def current(dialog: DecisionHelperDialog) -> Decision:
    assert dialog.decision is not None
    return dialog.decision


def choose(dialog: DecisionHelperDialog, caller: CallerKind, about: Subject, wish: Request) -> None:
    dialog.caller.setCurrentIndex(dialog.caller.findData(caller.value))
    dialog.about_buttons[about].setChecked(True)
    dialog.request.setCurrentIndex(dialog.request.findData(wish.value))


def test_decision_helper_starts_with_an_answer(decision_dialog: DecisionHelperDialog) -> None:
    decision = decision_dialog.decision
    assert decision is not None
    assert decision.order_type is FormType.SEAL_OR_LOCK  # a citizen who wants a seal
    assert "Order type: Sealing and/or locking" in decision_dialog.answer_text()
    assert decision_dialog.age.isEnabled()
    assert decision_dialog.age.text() == "Unknown"


@pytest.mark.parametrize(
    ("caller", "about", "wish", "age", "order_type", "route", "article"),
    [
        (
            CallerKind.GUARDIAN,
            Subject.CHILD,
            Request.MINOR_ACCESS,
            14,
            FormType.MINOR_ACCESS,
            Route.DIGITAL_FORM,
            "minderarig-journal",
        ),
        (
            CallerKind.STAFF,
            Subject.CHILD,
            Request.REMOVE_GUARDIAN_ACCESS,
            8,
            FormType.REMOVE_GUARDIAN_ACCESS,
            Route.DIGITAL_FORM,
            "vardnadshavare",
        ),
        (
            CallerKind.CITIZEN,
            Subject.SELF,
            Request.RESTORE_ACCESS,
            40,
            FormType.RESTORE_ACCESS,
            Route.DIGITAL_FORM,
            "upplasning",
        ),
        (CallerKind.CITIZEN, Subject.SELF, Request.BLOCK_STAFF, 40, None, Route.REFER, "sparr"),
        (
            CallerKind.GUARDIAN,
            Subject.CHILD,
            Request.EXPLAIN_CONTENT,
            14,
            None,
            Route.ANSWER,
            "minderarig-journal",
        ),
    ],
)
def test_paths_lead_to_the_order_type_and_article(
    qtbot: Any,
    decision_dialog: DecisionHelperDialog,
    caller: CallerKind,
    about: Subject,
    wish: Request,
    age: int,
    order_type: FormType | None,
    route: Route,
    article: str,
) -> None:
    choose(decision_dialog, caller, about, wish)
    decision_dialog.age.setValue(age)
    decision = decision_dialog.decision
    assert decision is not None
    assert decision.order_type is order_type
    assert decision.route is route
    text = decision_dialog.answer_text()
    if order_type is None:
        assert "No Kansli order" in text
    else:
        assert f"Order type: {order_type.label}" in text
    assert f"Route: {route.label}" in text
    with qtbot.waitSignal(decision_dialog.article_requested) as blocker:
        decision_dialog.open_article.click()
    assert blocker.args == [article]


def test_urgent_order_when_the_digital_route_is_down(
    qtbot: Any, decision_dialog: DecisionHelperDialog
) -> None:
    choose(decision_dialog, CallerKind.STAFF, Subject.OTHER_ADULT, Request.SEAL_JOURNAL)
    decision_dialog.urgent.setChecked(True)
    decision_dialog.route_down.setChecked(True)
    decision = decision_dialog.decision
    assert decision is not None
    assert decision.route is Route.PAPER_FORM
    text = decision_dialog.answer_text()
    assert "Regionstab Kansli, Strömgatan, Kalmar" in text
    assert "IT-Vårdsystemsupport on 0480-840 38, option 2" in text
    assert decision_dialog.open_route_article.isEnabled()
    with qtbot.waitSignal(decision_dialog.article_requested) as blocker:
        decision_dialog.open_route_article.click()
    assert blocker.args == ["reservrutin"]


def test_no_route_article_without_an_order(decision_dialog: DecisionHelperDialog) -> None:
    choose(decision_dialog, CallerKind.CITIZEN, Subject.SELF, Request.LOG_EXTRACT)
    assert not decision_dialog.open_route_article.isEnabled()


def test_warnings_are_shown_first(decision_dialog: DecisionHelperDialog) -> None:
    choose(decision_dialog, CallerKind.GUARDIAN, Subject.CHILD, Request.MINOR_ACCESS)
    decision_dialog.age.setValue(12)
    text = decision_dialog.answer_text()
    assert "Not possible as asked" in text
    assert text.index("Check first") < text.index("Who orders") < text.index("Tell the caller")
    assert "under 13 the guardians already have access" in text


def test_identity_gives_the_age_and_disables_the_age_field(
    qtbot: Any, decision_dialog: DecisionHelperDialog, message_boxes: MessageBoxes
) -> None:
    choose(decision_dialog, CallerKind.GUARDIAN, Subject.CHILD, Request.MINOR_ACCESS)
    decision_dialog.age.setValue(7)
    qtbot.keyClicks(decision_dialog.identity, PNR_2013_05_01)
    decision = decision_dialog.decision
    assert decision is not None
    assert decision.age == 13
    assert decision.age_ok is True
    assert not decision_dialog.age.isEnabled()
    assert decision_dialog.age.value() == 13  # shown, from the number
    assert "Age 13: Nobody has access by default." in decision_dialog.answer_text()
    assert "2393" not in decision_dialog.answer_text()
    decision_dialog.identity.setText("20130501-2394")
    assert not decision_dialog.identity_error.isHidden()
    assert "check digit" in decision_dialog.identity_error.text()
    assert current(decision_dialog).age is None  # an unusable number counts as none
    assert decision_dialog.age.text() == "Unknown"
    decision_dialog.identity.clear()
    assert decision_dialog.identity_error.isHidden()
    assert decision_dialog.age.isEnabled()
    assert decision_dialog.age.value() == 7  # what the user had typed comes back
    assert current(decision_dialog).age == 7
    assert message_boxes.shown == []


def test_partial_identity_is_not_an_error(decision_dialog: DecisionHelperDialog) -> None:
    decision_dialog.identity.setText("2013")
    assert decision_dialog.identity_error.isHidden()
    assert decision_dialog.decision is not None
    assert decision_dialog.decision.age is None


def test_decision_helper_by_keyboard_only(
    qtbot: Any, decision_dialog: DecisionHelperDialog
) -> None:
    activate(qtbot, decision_dialog)
    press(qtbot, Qt.Key.Key_C, ALT)  # Who is &calling
    assert QApplication.focusWidget() is decision_dialog.caller
    press(qtbot, Qt.Key.Key_Down)  # Citizen -> Guardian
    assert decision_dialog.caller.currentData() == CallerKind.GUARDIAN.value
    press(qtbot, Qt.Key.Key_B, ALT)  # A&bout
    assert QApplication.focusWidget() is decision_dialog.about_buttons[Subject.SELF]
    press(qtbot, Qt.Key.Key_Down)  # Themself -> A child
    assert decision_dialog.about_buttons[Subject.CHILD].isChecked()
    press(qtbot, Qt.Key.Key_W, ALT)  # What do they &want
    assert QApplication.focusWidget() is decision_dialog.request
    for _ in range(list(Request).index(Request.REMOVE_GUARDIAN_ACCESS)):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_G, ALT)  # A&ge
    assert QApplication.focusWidget() is decision_dialog.age
    qtbot.keyClicks(decision_dialog.age, "9")
    press(qtbot, Qt.Key.Key_U, ALT)  # &Urgent ticks the box (after a short delay)
    qtbot.waitUntil(decision_dialog.urgent.isChecked)
    decision = decision_dialog.decision
    assert decision is not None
    assert decision.order_type is FormType.REMOVE_GUARDIAN_ACCESS
    assert decision.age == 9
    with qtbot.waitSignal(decision_dialog.article_requested) as blocker:
        press(qtbot, Qt.Key.Key_T, ALT)  # Open ar&ticle
    assert blocker.args == ["vardnadshavare"]
    press(qtbot, Qt.Key.Key_Escape)
    assert not decision_dialog.isVisible()


def test_tab_reaches_every_control(qtbot: Any, decision_dialog: DecisionHelperDialog) -> None:
    activate(qtbot, decision_dialog)
    decision_dialog.caller.setFocus()
    seen: list[QWidget] = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget)
        press(qtbot, Qt.Key.Key_Tab)
    names = {widget.objectName() for widget in seen}
    assert {
        "decisionCaller",
        "decisionAboutSelf",
        "decisionRequest",
        "decisionIdentity",
        "decisionAge",
        "decisionUrgent",
        "decisionRouteDown",
        "decisionOpenArticle",
        "decisionOpenRouteArticle",
    } <= names


def test_every_input_has_a_name(
    age_dialog: AgeCalculatorDialog, decision_dialog: DecisionHelperDialog
) -> None:
    inputs = [
        age_dialog.identity,
        age_dialog.on_date,
        age_dialog.today_button,
        decision_dialog.caller,
        *decision_dialog.about_buttons.values(),
        decision_dialog.request,
        decision_dialog.identity,
        decision_dialog.age,
        decision_dialog.urgent,
        decision_dialog.route_down,
        decision_dialog.answer,
        decision_dialog.open_article,
        decision_dialog.open_route_article,
    ]
    for widget in inputs:
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()


def test_request_labels_follow_the_limits(qtbot: Any) -> None:
    dialog = DecisionHelperDialog(AgeLimits(guardian_until=12, own_from=18), today=TODAY)
    qtbot.addWidget(dialog)
    index = dialog.request.findData(Request.MINOR_ACCESS.value)
    assert dialog.request.itemText(index).endswith("aged 12–17")
