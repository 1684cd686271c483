"""Two edits of the same call or form: the second sees both versions and chooses.

A save made with the version the form loaded is refused when someone else saved
in between (the service raises a conflict); the form then shows the fields that
differ, theirs and yours, and nothing is written until the user chooses: keep
theirs (loaded into the form, the user's values on the clipboard), use mine
(saved on top of their version, recorded in the history) or cancel (go on
editing, nothing saved).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kansli_desk.core.enums import (
    CallerKind,
    FormType,
    Initiator,
    Measure,
    Outcome,
    PartyRole,
    Role,
    SealScope,
)
from kansli_desk.models import User
from kansli_desk.services import calls, demo, forms, users
from kansli_desk.services.database import Database, DatabaseLocation
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.dialogs.conflict import ConflictDialog
from kansli_desk.ui.forms_register.dialog import FormDialog
from kansli_desk.ui.main_window import MainWindow
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait

pytestmark = pytest.mark.gui


@pytest.fixture
def backend() -> str:
    """These widget tests run on SQLite (the service races are tested on PostgreSQL)."""
    return "sqlite"


@pytest.fixture
def ready(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> MainWindow:
    open_and_wait(qtbot, context, location)
    panel = window.call_log
    qtbot.waitUntil(lambda: panel.topic_filter.count() > 1, timeout=OPEN_TIMEOUT_MS)
    return window


def colleague(database: Database, role: Role = Role.SUPERVISOR) -> users.UserInfo:
    """Someone else working on the same database."""
    with database.transaction() as session:
        users.ensure_user(session, "kollega")
        session.execute(sa.update(User).where(User.username == "kollega").values(role=role))
        return users.ensure_user(session, "kollega")


def table(dialog: ConflictDialog) -> list[tuple[str, str, str]]:
    rows = []
    for row in range(dialog.table.rowCount()):
        items = [dialog.table.item(row, column) for column in range(3)]
        rows.append(tuple(item.text() if item is not None else "" for item in items))
    return rows  # type: ignore[return-value]


# --- calls ---------------------------------------------------------------------------


def stored_call(database: Database) -> int:
    with database.transaction() as session:
        user = colleague(database)
        topics = tuple(t.id for t in calls.list_topics(session)[:1])
        detail = calls.create_call(
            session,
            user,
            calls.CallInput(
                started_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
                duration_seconds=90,
                caller_kind=CallerKind.CITIZEN,
                topic_ids=topics,
                outcome=Outcome.ANSWERED,
                notes="Forsta versionen",
            ),
        )
    return detail.id


def change_call(database: Database, call_id: int, notes: str) -> None:
    """The colleague saves the call (as their own form would)."""
    user = colleague(database)
    with database.transaction() as session:
        call = calls.get_call(session, call_id)
        data = calls.CallInput(
            started_at=call.started_at,
            duration_seconds=call.duration_seconds,
            caller_kind=call.caller_kind,
            topic_ids=call.topic_ids,
            outcome=Outcome.REFERRED_UNIT,
            notes=notes,
        )
        calls.update_call(session, user, call_id, call.version, data)


def stored_notes(database: Database, call_id: int) -> tuple[str, int]:
    with database.transaction() as session:
        call = calls.get_call(session, call_id)
        return call.notes, call.version


def edit_in_form(qtbot: Any, window: MainWindow, database: Database) -> tuple[Any, int]:
    """Open the stored call in the call form and type another note (not saved)."""
    call_id = stored_call(database)
    panel = window.call_log
    panel.apply_filters()
    qtbot.waitUntil(lambda: panel.list.model.rowCount() == 1, timeout=OPEN_TIMEOUT_MS)
    panel.list.view.activated.emit(panel.list.model.index(0, 0))
    qtbot.waitUntil(lambda: panel.form is not None and panel.form.isVisible())
    form = panel.form
    assert form is not None
    qtbot.waitUntil(lambda: form.notes.toPlainText() == "Forsta versionen")
    form.notes.setPlainText("Min version")
    return form, call_id


def conflict_after_save(qtbot: Any, form: Any) -> ConflictDialog:
    form.save()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None, timeout=OPEN_TIMEOUT_MS)
    dialog = form.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_stale_call_save_shows_both_versions_and_writes_nothing(
    qtbot: Any, ready: MainWindow, database: Database
) -> None:
    form, call_id = edit_in_form(qtbot, ready, database)
    change_call(database, call_id, "Kollegans version")
    dialog = conflict_after_save(qtbot, form)
    rows = table(dialog)
    label = dict(form._field_labels())
    fields = {field for field, _theirs, _yours in rows}
    assert (label["notes"], "Kollegans version", "Min version") in rows
    assert label["outcome"] in fields  # they changed it, the form still has the old one
    assert fields == {label["notes"], label["outcome"]}  # equal fields are not listed
    assert "kollega" in dialog.intro.text()
    # Nothing was written while the choice waits.
    assert stored_notes(database, call_id) == ("Kollegans version", 2)
    for name in ("conflictTable", "conflictKeepTheirs", "conflictUseMine", "conflictCancel"):
        widget = dialog.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName()

    # Cancel: back to the form with my text, still nothing saved.
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: form.conflict_dialog is None)
    assert form.notes.toPlainText() == "Min version"
    assert form.message.isVisible()
    assert stored_notes(database, call_id) == ("Kollegans version", 2)
    # Saving again compares once more instead of overwriting.
    dialog = conflict_after_save(qtbot, form)
    assert (label["notes"], "Kollegans version", "Min version") in table(dialog)
    dialog.reject()  # Esc
    assert stored_notes(database, call_id) == ("Kollegans version", 2)


def test_use_mine_saves_on_top_of_their_version(
    qtbot: Any, ready: MainWindow, database: Database
) -> None:
    form, call_id = edit_in_form(qtbot, ready, database)
    change_call(database, call_id, "Kollegans version")
    dialog = conflict_after_save(qtbot, form)
    with qtbot.waitSignal(form.saved, timeout=OPEN_TIMEOUT_MS):
        dialog.use_mine_button.click()
    assert stored_notes(database, call_id) == ("Min version", 3)
    with database.transaction() as session:
        history = calls.get_call(session, call_id).history
    # Both changes are in the history, by whom, as changed (notes are not kept there).
    notes = [(c.username, c.redacted, c.old, c.new) for c in history if c.field == "notes"]
    assert len(notes) == 2 and all(redacted and old == new == "" for _, redacted, old, new in notes)


def test_keep_theirs_loads_their_version_and_keeps_mine_on_the_clipboard(
    qtbot: Any, ready: MainWindow, database: Database
) -> None:
    form, call_id = edit_in_form(qtbot, ready, database)
    change_call(database, call_id, "Kollegans version")
    dialog = conflict_after_save(qtbot, form)
    dialog.keep_theirs_button.click()
    qtbot.waitUntil(lambda: form.conflict_dialog is None)
    assert form.notes.toPlainText() == "Kollegans version"
    assert form.outcome.currentData() == Outcome.REFERRED_UNIT.value
    clipboard = QGuiApplication.clipboard()
    notes = dict(form._field_labels())["notes"]
    assert f"{notes}: Min version" in clipboard.text()
    assert stored_notes(database, call_id) == ("Kollegans version", 2)
    # Editing their version now saves normally.
    form.notes.setPlainText("Efter jamforelsen")
    with qtbot.waitSignal(form.saved, timeout=OPEN_TIMEOUT_MS):
        form.save()
    assert stored_notes(database, call_id) == ("Efter jamforelsen", 3)


# --- forms ---------------------------------------------------------------------------


def stored_form(database: Database) -> int:
    user = colleague(database)
    today = forms.today_in_sweden()
    person = next(n for n in demo.load_test_numbers() if 1950 <= int(n[:4]) <= 1990)
    data = forms.FormInput(
        form_type=FormType.SEAL_OR_LOCK,
        received_on=today - dt.timedelta(days=2),
        signed_on=today - dt.timedelta(days=6),
        parties=(forms.PartyInput(PartyRole.SUBJECT, person),),
        initiator=Initiator.INDIVIDUAL,
        measures=frozenset({Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN}),
        seal_scope=SealScope.WHOLE_ACCOUNT,
        orderer_name="Eva Svensson",
        orderer_title="Sjukskoterska",
        orderer_unit="Vardcentralen Kalmar",
        orderer_phone="070-174 06 05",
        head_of_operations="Birgitta Lund",
        note="Forsta versionen",
    )
    with database.transaction() as session:
        return forms.register_form(session, user, data, today=today).id


def change_form(database: Database, form_id: int, **changes: Any) -> None:
    user = colleague(database)
    with database.transaction() as session:
        form = forms.get_form(session, form_id, user=user)
        data = dataclasses.replace(form.data, **changes)
        forms.update_form(session, user, form_id, form.version, data)


def form_note(database: Database, form_id: int) -> tuple[str, str, int]:
    with database.transaction() as session:
        form = forms.get_form(session, form_id)
        return form.data.note, form.data.orderer_phone, form.version


@pytest.fixture
def correcting(
    qtbot: Any, ready: MainWindow, context: AppContext, database: Database
) -> tuple[FormDialog, int]:
    """A stored form opened for correcting, its note changed (not saved)."""
    form_id = stored_form(database)
    assert context.user is not None
    with database.transaction() as session:
        detail = forms.get_form(session, form_id, user=context.user)
    dialog = FormDialog(context, parent=ready)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_detail(detail)
    dialog.edit()
    assert dialog.pages.currentWidget() is dialog.entry
    dialog.entry.note.setPlainText("Min rattelse")
    return dialog, form_id


def form_conflict(qtbot: Any, dialog: FormDialog) -> ConflictDialog:
    entry = dialog.entry
    entry.save()
    qtbot.waitUntil(lambda: entry.conflict_dialog is not None, timeout=OPEN_TIMEOUT_MS)
    conflict = entry.conflict_dialog
    assert isinstance(conflict, ConflictDialog)
    return conflict


def test_a_stale_form_correction_shows_the_fields_that_differ(
    qtbot: Any, correcting: tuple[FormDialog, int], database: Database
) -> None:
    dialog, form_id = correcting
    change_form(database, form_id, note="Kollegans rattelse", orderer_phone="070-111 22 33")
    conflict = form_conflict(qtbot, dialog)
    rows = table(conflict)
    label = dict(dialog.entry._field_labels())
    assert (label["note"], "Kollegans rattelse", "Min rattelse") in rows
    assert (label["orderer_phone"], "070-111 22 33", "070-174 06 05") in rows
    assert len(rows) == 2  # nothing else differs
    assert form_note(database, form_id) == ("Kollegans rattelse", "070-111 22 33", 2)
    conflict.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.entry.conflict_dialog is None)
    assert dialog.pages.currentWidget() is dialog.entry
    assert dialog.entry.note.toPlainText() == "Min rattelse"
    assert form_note(database, form_id) == ("Kollegans rattelse", "070-111 22 33", 2)


def test_use_mine_on_a_form_saves_my_values_over_their_version(
    qtbot: Any, correcting: tuple[FormDialog, int], database: Database
) -> None:
    dialog, form_id = correcting
    change_form(database, form_id, note="Kollegans rattelse", orderer_phone="070-111 22 33")
    conflict = form_conflict(qtbot, dialog)
    with qtbot.waitSignal(dialog.entry.saved, timeout=OPEN_TIMEOUT_MS):
        conflict.use_mine_button.click()
    # Mine is the whole form as I saw it: their phone number is replaced too, by choice.
    assert form_note(database, form_id) == ("Min rattelse", "070-174 06 05", 3)
    assert dialog.pages.currentWidget() is dialog.view


def test_keep_theirs_on_a_form_loads_their_version(
    qtbot: Any, correcting: tuple[FormDialog, int], database: Database
) -> None:
    dialog, form_id = correcting
    change_form(database, form_id, note="Kollegans rattelse")
    conflict = form_conflict(qtbot, dialog)
    note = dict(dialog.entry._field_labels())["note"]
    assert table(conflict) == [(note, "Kollegans rattelse", "Min rattelse")]
    conflict.keep_theirs_button.click()
    entry = dialog.entry
    qtbot.waitUntil(lambda: entry.conflict_dialog is None)
    assert entry.note.toPlainText() == "Kollegans rattelse"
    clipboard = QGuiApplication.clipboard()
    assert f"{note}: Min rattelse" in clipboard.text()
    assert dialog.view.detail is not None and dialog.view.detail.version == 2
    assert form_note(database, form_id)[0] == "Kollegans rattelse"
    entry.note.setPlainText("Min rattelse, igen")
    with qtbot.waitSignal(entry.saved, timeout=OPEN_TIMEOUT_MS):
        entry.save()
    assert form_note(database, form_id)[0] == "Min rattelse, igen"
