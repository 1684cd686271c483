"""The export dialog: fields, checks at the field in Swedish, a real export, Cancel, PDF."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QWidget,
)

from kansli_desk.core.enums import Role
from kansli_desk.i18n import translate
from kansli_desk.services import demo, exports, users
from kansli_desk.services.database import Database
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.dialogs.export import ExportDialog
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait
from tests.ui.test_statistics_view import swedish_ui  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("swedish_ui")]


@pytest.fixture
def opened(qtbot: Any, context: AppContext, database: Database) -> Iterator[Database]:
    """A database with demo calls and forms, opened by a supervisor."""
    with database.transaction() as session:
        user = users.ensure_user(session, database.location.login)
    assert user.role is Role.SUPERVISOR  # the first user of a new database
    demo.generate(database.engine, calls=260, forms=20, seed=4)
    open_and_wait(qtbot, context, database.location)
    yield database
    context.runner.wait_idle()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder exports are written to (empty: the database lives beside it)."""
    folder = tmp_path / "ut"
    folder.mkdir()
    return folder


def make_dialog(qtbot: Any, context: AppContext) -> ExportDialog:
    dialog = ExportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def export_events(database: Database) -> list[dict[str, Any]]:
    """The details of the audit log's export events."""
    with database.engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT details FROM audit_events WHERE action = 'export' ORDER BY id")
        ).all()
    return [json.loads(row[0]) if isinstance(row[0], str) else row[0] for row in rows]


def test_every_field_has_a_name_a_label_and_a_keyboard_route(
    qtbot: Any, context: AppContext, opened: Database
) -> None:
    dialog = make_dialog(qtbot, context)
    inputs = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(
            w, QComboBox | QDateEdit | QLineEdit | QCheckBox | QListWidget | QAbstractButton
        )
    ]
    inputs = [w for w in inputs if w.parent() is not None and not w.objectName().startswith("qt_")]
    assert len(inputs) >= 14
    for widget in inputs:
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QDateEdit):
            continue  # the editor inside a combo box or date field
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget.objectName()
    assert dialog.windowTitle() == "Exportera"
    assert [dialog.kind.itemText(i) for i in range(3)] == [
        "Samtalslogg",
        "Blankettregister",
        "Granskningslogg",
    ]
    # The columns of the export, all checked, with the file's Swedish headers.
    headers = [c.header for c in exports.columns(exports.ExportKind.CALLS)]
    items = [dialog.columns.item(i) for i in range(dialog.columns.count())]
    assert [item.text() for item in items] == headers
    assert all(item.checkState() == Qt.CheckState.Checked for item in items)
    dialog.kind.setCurrentIndex(1)
    assert dialog.columns.count() == len(exports.columns(exports.ExportKind.FORMS))
    assert dialog.masked.isChecked() and dialog.masked.isEnabled()
    assert not dialog.masked_warning.isVisible()
    dialog.masked.setChecked(False)  # a supervisor may
    assert dialog.masked_warning.isVisible()
    assert "fullständiga personnummer" in dialog.masked_warning.text()


def test_the_format_sets_the_suffix_and_what_applies(
    qtbot: Any, context: AppContext, opened: Database, out: Path
) -> None:
    dialog = make_dialog(qtbot, context)
    assert dialog.output.text().endswith(".csv")
    assert Path(dialog.output.text()).name.startswith("samtal_")
    assert dialog.delimiter.isEnabled() and dialog.delimiter.currentData() == ";"
    dialog.set_output(out / "utdrag.csv")
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.output.text() == str(out / "utdrag.xlsx")
    assert not dialog.delimiter.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.output.text() == str(out / "utdrag.pdf")
    assert not dialog.columns.isEnabled() and not dialog.masked.isEnabled()


def test_a_period_that_ends_before_it_begins_is_refused_at_the_field_in_swedish(
    qtbot: Any, context: AppContext, opened: Database, out: Path
) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.period.set_period(dt.date(2026, 3, 10), dt.date(2026, 3, 1))
    target = out / "samtal.csv"
    dialog.set_output(target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    error = dialog.errors["date_from"]
    assert error.isVisible()
    template = translate("Errors", exports.MSG_PERIOD_ORDER)
    assert template != exports.MSG_PERIOD_ORDER  # translated
    assert error.text() == template.format(date_from="2026-03-10", date_to="2026-03-01")
    assert dialog.focusWidget() is dialog.period.date_from
    assert not dialog.running
    assert list(out.iterdir()) == []
    assert export_events(opened) == []


def test_a_non_supervisor_cannot_export_unmasked(
    qtbot: Any, context: AppContext, opened: Database, out: Path
) -> None:
    assert context.user is not None
    context.user = dataclasses.replace(context.user, role=Role.ADVISOR)
    dialog = make_dialog(qtbot, context)
    assert dialog.masked.isChecked()
    assert not dialog.masked.isEnabled()
    qtbot.mouseClick(dialog.masked, Qt.MouseButton.LeftButton)
    assert dialog.masked.isChecked()  # a disabled box does not uncheck
    assert dialog.masked.toolTip() == "Bara en chef kan exportera omaskerade personnummer."
    # Even forced, the check refuses it at the field, and nothing is written.
    dialog.masked.setChecked(False)
    dialog.set_output(out / "samtal.csv")
    dialog.start()
    assert dialog.errors["masked"].isVisible()
    assert dialog.errors["masked"].text() == translate("Errors", exports.MSG_UNMASKED)
    assert not dialog.running
    assert list(out.iterdir()) == []


def test_a_csv_export_writes_the_chosen_columns(
    qtbot: Any, context: AppContext, opened: Database, out: Path
) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.period.choose("last_12_months")
    dialog.check_all_columns(False)
    wanted = ("started_at", "outcome", "person_number")
    known = {column.key: column for column in exports.columns(exports.ExportKind.CALLS)}
    assert set(wanted) <= set(known)
    for row in range(dialog.columns.count()):
        item = dialog.columns.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in wanted:
            item.setCheckState(Qt.CheckState.Checked)
    target = out / "samtal.csv"
    dialog.set_output(target)
    with qtbot.waitSignal(dialog.exported, timeout=OPEN_TIMEOUT_MS) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.running
        assert not dialog.export_button.isEnabled()
    result = done.args[0]
    assert result.path == target and result.rows == 260
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    order = [c.key for c in exports.columns(exports.ExportKind.CALLS) if c.key in wanted]
    assert rows[0] == [known[key].header for key in order]
    assert len(rows) == 261
    person = order.index("person_number")
    assert all(r[person] == "" or r[person].endswith("-XXXX") for r in rows[1:])  # masked
    assert dialog.status.text() == f"Exporterade 260 rader till {target}."
    assert dialog.progress.value() == dialog.progress.maximum()
    assert [p.name for p in out.iterdir()] == ["samtal.csv"]
    (event,) = export_events(opened)
    assert (event["kind"], event["format"], event["rows"], event["masked"]) == (
        "calls",
        "csv",
        260,
        True,
    )
    assert event["columns"] == order and event["file"] == "samtal.csv"


def test_cancel_leaves_no_file(
    qtbot: Any, context: AppContext, opened: Database, out: Path
) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.period.choose("last_12_months")
    target = out / "samtal.xlsx"
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.set_output(target)
    # Hold the database thread, so that Cancel is pressed before the export starts.
    gate = threading.Event()
    context.runner.run_db(lambda: gate.wait(30), lambda _: None)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Avbryter exporten…"
    assert dialog.isVisible()  # Cancel stops the export; it does not close the dialog yet
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=OPEN_TIMEOUT_MS)
    assert dialog.status.text() == translate("Errors", exports.MSG_CANCELLED)
    assert list(out.iterdir()) == []
    assert export_events(opened) == []
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # now it closes
    assert not dialog.isVisible()


def test_cancel_during_the_export_leaves_no_file(
    qtbot: Any,
    context: AppContext,
    opened: Database,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(exports, "BATCH_ROWS", 50)  # progress after each 50 rows
    dialog = make_dialog(qtbot, context)
    dialog.period.choose("last_12_months")
    target = out / "samtal.csv"
    dialog.set_output(target)
    pressed = threading.Event()
    real_export = exports.export

    def export(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def report(done: int, total: int) -> None:
            progress(done, total)
            if done >= 50 and not pressed.is_set():
                pressed.set()  # Cancel, pressed while the rows are being written
                dialog.cancel_event.set()

        return real_export(*args, progress=report, **kwargs)

    monkeypatch.setattr(exports, "export", export)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=OPEN_TIMEOUT_MS)
    assert pressed.is_set()
    assert dialog.status.text() == translate("Errors", exports.MSG_CANCELLED)
    assert list(out.iterdir()) == []
    assert export_events(opened) == []


def test_a_pdf_report_through_the_dialog(
    qtbot: Any, context: AppContext, opened: Database, out: Path
) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.period.choose("last_12_months")
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    target = out / "rapport.pdf"
    dialog.set_output(target)
    with qtbot.waitSignal(dialog.exported, timeout=OPEN_TIMEOUT_MS):
        dialog.start()
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.iterdir()] == ["rapport.pdf"]
    (event,) = export_events(opened)
    assert (event["format"], event["rows"], event["file"]) == ("pdf", 260, "rapport.pdf")


def test_an_empty_period_writes_nothing(
    qtbot: Any, context: AppContext, opened: Database, out: Path
) -> None:
    dialog = make_dialog(qtbot, context)
    dialog.period.set_period(dt.date(2001, 1, 1), dt.date(2001, 1, 31))
    for fmt in ("csv", "pdf"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        dialog.set_output(out / f"tomt.{fmt}")
        dialog.start()
        qtbot.waitUntil(lambda: not dialog.running, timeout=OPEN_TIMEOUT_MS)
        expected = translate("Errors", exports.MSG_NO_CALLS).format(
            date_from="2001-01-01", date_to="2001-01-31"
        )
        assert dialog.status.text() == expected
    assert list(out.iterdir()) == []
