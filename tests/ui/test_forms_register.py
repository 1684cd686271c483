"""The form register GUI: the list, entering the four types, the workflow, printing.

Most tests drive the widgets against :class:`FakeForms`, an in-memory stand-in for
the service functions of :mod:`kansli_desk.services.forms` (the contract), so
they test what the GUI does with each answer the service can give. The tests at
the end run the main flows against the real service and database.

Texts of the GUI are compared through ``QCoreApplication.translate`` (:func:`ui`),
so the tests hold in English and in Swedish alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kansli_desk.core.age_access import age_on
from kansli_desk.core.enums import (
    FormStatus,
    FormType,
    IdKind,
    Initiator,
    Measure,
    PartyRole,
    Role,
    SealScope,
)
from kansli_desk.core.identity import mask, parse_identity
from kansli_desk.errors import ValidationError
from kansli_desk.services import forms
from kansli_desk.services.database import DatabaseLocation
from kansli_desk.services.forms import (
    AttachmentRow,
    Confirmation,
    DuplicateRow,
    FormConflict,
    FormDetail,
    FormFilter,
    FormInput,
    FormInvalid,
    FormRow,
    HistoryRow,
    PartyInput,
    PartyView,
)
from kansli_desk.services.users import UserInfo
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.forms_register import print as form_print
from kansli_desk.ui.forms_register.dialog import FormDialog
from kansli_desk.ui.forms_register.form_entry import FormEntry, local_today
from kansli_desk.ui.forms_register.form_view import FormView
from kansli_desk.ui.forms_register.panel import OVERDUE, URGENT, FormsRegisterPanel
from kansli_desk.ui.main_window import MainWindow
from tests.ui.conftest import OPEN_TIMEOUT_MS, MessageBoxes, open_and_wait

pytestmark = pytest.mark.gui

TODAY = local_today()
SIGNED = TODAY - dt.timedelta(days=3)
ADULT = "191212121212"  # Tolvan Tolvansson
# From ../shared/testdata/skatteverket-testpersonnummer.txt
CHILD_13 = "201301012397"  # 13 in 2026
CHILD_16 = "201001012382"  # 16 in 2026
GUARDIAN_A = "198001022386"
GUARDIAN_B = "198001032385"

ALLOWED: dict[FormStatus, tuple[FormStatus, ...]] = {
    FormStatus.RECEIVED: (FormStatus.REGISTERED, FormStatus.CANCELLED),
    FormStatus.REGISTERED: (
        FormStatus.COMPLETION_REQUESTED,
        FormStatus.FORWARDED,
        FormStatus.CANCELLED,
        FormStatus.REJECTED,
    ),
    FormStatus.COMPLETION_REQUESTED: (FormStatus.REGISTERED, FormStatus.CANCELLED),
    FormStatus.FORWARDED: (FormStatus.EXECUTED,),
    FormStatus.EXECUTED: (FormStatus.CONFIRMED,),
    FormStatus.CONFIRMED: (FormStatus.CLOSED,),
}


# --- a stand-in for the service -------------------------------------------------------------


class FakeForms:
    """The service functions of the contract, in memory (the session is ignored).

    Attributes:
        details: stored forms by id.
        registered, updated: the FormInputs that reached register_form / update_form.
        duplicate_rows: what duplicates() answers.
        extra_rows: list rows that have no detail (a big register).
        filters_seen: the filters list_forms_page was called with.
        conflict_next: the next change raises FormConflict.
    """

    def __init__(self) -> None:
        self.details: dict[int, FormDetail] = {}
        self.registered: list[FormInput] = []
        self.updated: list[FormInput] = []
        self.duplicate_rows: list[DuplicateRow] = []
        self.extra_rows: list[FormRow] = []
        self.filters_seen: list[FormFilter | None] = []
        self.attachments: dict[int, tuple[str, str, bytes]] = {}
        self.conflict_next = False
        self.readers: list[Any] = []  # the user each get_form / get_attachment read as
        self._ids = itertools.count(1)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for name in (
            "check_form", "duplicates", "register_form", "update_form", "get_form",
            "allowed_transitions", "transition", "confirmation", "mark_confirmation_sent",
            "add_attachment", "get_attachment", "list_forms_page", "urgent_queue",
        ):  # fmt: skip
            monkeypatch.setattr(forms, name, getattr(self, name))

    # --- rules (a few, enough to see them reach the fields) ---
    def check_form(
        self, data: FormInput, *, today: dt.date, limits: Any = None
    ) -> list[ValidationError]:
        del limits
        problems = []
        if data.form_type in (FormType.SEAL_OR_LOCK, FormType.RESTORE_ACCESS):
            if data.initiator is None:
                problems.append(ValidationError("Choose the initiative.", field="initiator"))
            if not data.measures:
                problems.append(ValidationError("Choose a measure.", field="measures"))
        for index, party in enumerate(data.parties):
            field = f"parties.{index}.id_text"
            if not party.id_text:
                problems.append(ValidationError("Enter the identity number.", field=field))
            elif party.birth_date is None:
                try:
                    born = parse_identity(party.id_text).birth_date
                except ValidationError as exc:
                    problems.append(ValidationError(exc.template, field=field))
                    continue
                if (
                    data.form_type is FormType.MINOR_ACCESS
                    and party.role is PartyRole.CHILD
                    and data.signed_on is not None
                    and data.signed_on <= today
                    and not 13 <= age_on(born, data.signed_on) <= 15
                ):
                    problems.append(ValidationError("The child must be 13, 14 or 15.", field=field))
        if data.signed_on is None:
            problems.append(ValidationError("Enter the signing date.", field="signed_on"))
        elif data.signed_on > today:
            problems.append(
                ValidationError("The signing date is in the future.", field="signed_on")
            )
        if data.received_on > today:
            problems.append(
                ValidationError("The arrival date is in the future.", field="received_on")
            )
        if not data.orderer_name:
            problems.append(ValidationError("Enter the orderer.", field="orderer_name"))
        return problems

    def allowed_transitions(
        self, status: FormStatus, *, is_signed: bool, is_urgent: bool, it_support_phoned: bool
    ) -> tuple[FormStatus, ...]:
        allowed = ALLOWED.get(status, ())
        if not is_signed:
            allowed = tuple(s for s in allowed if s is not FormStatus.FORWARDED)
        if is_urgent and not it_support_phoned:
            allowed = tuple(s for s in allowed if s is not FormStatus.FORWARDED)
        return allowed

    # --- storing ---
    def duplicates(
        self, session: Any, data: FormInput, *, today: dt.date, exclude_id: int | None = None
    ) -> list[DuplicateRow]:
        del session, data, today, exclude_id
        return list(self.duplicate_rows)

    def register_form(
        self,
        session: Any,
        user: UserInfo,
        data: FormInput,
        *,
        today: dt.date | None = None,
        limits: Any = None,
    ) -> FormDetail:
        del session, limits
        problems = self.check_form(data, today=today or TODAY)
        if problems:
            raise FormInvalid(problems)
        self.registered.append(data)
        return self.store(data, user=user.shown_name)

    def store(
        self,
        data: FormInput,
        *,
        status: FormStatus = FormStatus.REGISTERED,
        user: str = "Kim Kanslist",
        form_id: int | None = None,
    ) -> FormDetail:
        form_id = form_id or next(self._ids)
        now = dt.datetime(2026, 11, 27, 8, 5, tzinfo=dt.UTC)
        history = (
            HistoryRow(None, FormStatus.RECEIVED, now, user, ""),
            HistoryRow(FormStatus.RECEIVED, status, now, user, ""),
        )
        detail = self._detail(form_id, data, status, 1, history, (), None)
        self.details[form_id] = detail
        return detail

    def _detail(
        self,
        form_id: int,
        data: FormInput,
        status: FormStatus,
        version: int,
        history: tuple[HistoryRow, ...],
        attachments: tuple[AttachmentRow, ...],
        sent_at: dt.datetime | None,
    ) -> FormDetail:
        parties = []
        for party in data.parties:
            if party.birth_date is not None:
                kind, number, born = IdKind.RESERVNUMMER, party.id_text, party.birth_date
            else:
                identity = parse_identity(party.id_text)
                kind, number, born = identity.kind, identity.number, identity.birth_date
            parties.append(
                PartyView(party.role, kind, mask(number), born, party.name, party.access_given)
            )
        return FormDetail(
            id=form_id,
            registry_number=f"KD-2026-{form_id:05d}",
            status=status,
            version=version,
            data=data,
            parties=tuple(parties),
            history=history,
            attachments=attachments,
            registered_at=history[0].changed_at,
            confirmation_sent_at=sent_at,
            allowed=self.allowed_transitions(
                status,
                is_signed=data.is_signed,
                is_urgent=data.is_urgent,
                it_support_phoned=data.it_support_phoned_at is not None,
            ),
        )

    def _changed(self, form_id: int, expected_version: int, **changes: Any) -> FormDetail:
        old = self.details[form_id]
        if self.conflict_next or expected_version != old.version:
            self.conflict_next = False
            raise FormConflict("Someone else changed the form first.")
        data = changes.pop("data", old.data)
        detail = self._detail(
            form_id,
            data,
            changes.get("status", old.status),
            old.version + 1,
            changes.get("history", old.history),
            changes.get("attachments", old.attachments),
            changes.get("sent_at", old.confirmation_sent_at),
        )
        self.details[form_id] = detail
        return detail

    def update_form(
        self,
        session: Any,
        user: UserInfo,
        form_id: int,
        expected_version: int,
        data: FormInput,
        *,
        today: dt.date | None = None,
        limits: Any = None,
    ) -> FormDetail:
        del session, user, limits
        problems = self.check_form(data, today=today or TODAY)
        if problems:
            raise FormInvalid(problems)
        detail = self._changed(form_id, expected_version, data=data)
        self.updated.append(data)
        return detail

    def get_form(
        self, session: Any, form_id: int, *, limits: Any = None, user: Any = None
    ) -> FormDetail:
        del session, limits
        self.readers.append(user)
        return self.details[form_id]

    def transition(
        self,
        session: Any,
        user: UserInfo,
        form_id: int,
        expected_version: int,
        to_status: FormStatus,
        *,
        comment: str = "",
        limits: Any = None,
    ) -> FormDetail:
        del session, limits
        old = self.details[form_id]
        if expected_version != old.version:
            raise FormConflict("Someone else changed the form first.")
        if to_status not in old.allowed:
            raise ValidationError("That step is not allowed now.")
        row = HistoryRow(old.status, to_status, dt.datetime.now(dt.UTC), user.shown_name, comment)
        return self._changed(
            form_id, expected_version, status=to_status, history=(*old.history, row)
        )

    def confirmation(self, detail: FormDetail) -> Confirmation:
        data = detail.data
        return Confirmation(
            recipients=(data.head_of_operations, data.orderer_name),
            subject=f"Bekräftelse: {detail.registry_number} är utförd",
            body=f"Beställningen {detail.registry_number} ({data.form_type.label}) är utförd.",
        )

    def mark_confirmation_sent(
        self, session: Any, user: UserInfo, form_id: int, expected_version: int
    ) -> FormDetail:
        del session, user
        return self._changed(form_id, expected_version, sent_at=dt.datetime.now(dt.UTC))

    def add_attachment(
        self, session: Any, user: UserInfo, form_id: int, filename: str, content: bytes
    ) -> AttachmentRow:
        del session, user
        if content.startswith(b"%PDF"):
            media = "application/pdf"
        elif content.startswith(b"\x89PNG"):
            media = "image/png"
        else:
            raise ValidationError("Attach a PDF, PNG or JPEG file.", field="attachment")
        attachment_id = 100 + len(self.attachments)
        self.attachments[attachment_id] = (filename, media, content)
        row = AttachmentRow(attachment_id, filename, media, len(content), dt.datetime.now(dt.UTC))
        old = self.details[form_id]
        self._changed(form_id, old.version, attachments=(*old.attachments, row))
        return row

    def get_attachment(
        self, session: Any, attachment_id: int, user: Any = None
    ) -> tuple[str, str, bytes]:
        del session
        self.readers.append(user)
        return self.attachments[attachment_id]

    # --- lists ---
    def rows(self) -> list[FormRow]:
        stored = [
            FormRow(
                d.id,
                d.registry_number,
                d.data.received_on,
                d.data.form_type,
                d.status,
                d.data.is_urgent,
                d.parties[0].number_masked if d.parties else "",
                d.data.orderer_unit,
            )
            for d in self.details.values()
        ]
        return stored + self.extra_rows

    def list_forms_page(
        self,
        session: Any,
        *,
        filters: FormFilter | None = None,
        after: tuple[dt.date, int] | None = None,
        limit: int = 200,
        today: dt.date | None = None,
    ) -> list[FormRow]:
        del session, today
        self.filters_seen.append(filters)
        f = filters or FormFilter()
        rows = [
            r
            for r in self.rows()
            if (f.status is None or r.status is f.status)
            and (f.form_type is None or r.form_type is f.form_type)
            and (not f.urgent_only or r.is_urgent)
            and (not f.overdue_only or r.overdue)
            and (f.received_from is None or r.received_on >= f.received_from)
            and (f.received_to is None or r.received_on <= f.received_to)
        ]
        rows.sort(key=lambda r: r.cursor, reverse=True)
        if after is not None:
            rows = [r for r in rows if r.cursor < after]
        return rows[:limit]

    def urgent_queue(self, session: Any, *, today: dt.date | None = None) -> list[FormRow]:
        del session, today
        open_ = (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.COMPLETION_REQUESTED)
        rows = [r for r in self.rows() if r.is_urgent and r.status in open_]
        return sorted(rows, key=lambda r: r.cursor)


def seal_input(**changes: Any) -> FormInput:
    data = FormInput(
        form_type=FormType.SEAL_OR_LOCK,
        received_on=TODAY,
        parties=(PartyInput(PartyRole.SUBJECT, ADULT, name="Tolvan Tolvansson"),),
        initiator=Initiator.INDIVIDUAL,
        measures=frozenset({Measure.SEAL_JOURNAL}),
        seal_scope=SealScope.CARE_UNIT,
        scope_unit="Psykiatriska kliniken Kalmar",
        orderer_name="Anna Berg",
        orderer_title="Sjuksköterska",
        orderer_unit="Vårdcentralen Kalmar",
        orderer_phone="0480-123 45",
        head_of_operations="Per Ek",
        signed_on=SIGNED,
    )
    return dataclasses.replace(data, **changes)


def make_row(number: int, **changes: Any) -> FormRow:
    row = FormRow(
        id=10_000 + number,
        registry_number=f"KD-2025-{number:05d}",
        received_on=dt.date(2025, 1, 1) + dt.timedelta(days=number % 300),
        form_type=list(FormType)[number % 4],
        status=list(FormStatus)[number % 9],
        is_urgent=number % 7 == 0,
        person_masked="19800102-XXXX",
        orderer_unit="Vårdcentralen Nybro",
        overdue=number % 11 == 0,
    )
    return dataclasses.replace(row, **changes)


# --- fixtures and helpers -------------------------------------------------------------------


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeForms:
    service = FakeForms()
    service.install(monkeypatch)
    return service


@pytest.fixture
def ready(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    location: DatabaseLocation,
    fake: FakeForms,
) -> MainWindow:
    """The main window on the form register, on an open database, with the fake service."""
    open_and_wait(qtbot, context, location)
    window.show_tab(1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press to whatever has the keyboard focus, as a user's would go."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def ui(context: str, text: str) -> str:
    """A text of the GUI as the user sees it (translated when Swedish is installed)."""
    return QCoreApplication.translate(context, text)


def tab(qtbot: Any, expected: QWidget) -> None:
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is expected, f"focus on {focused()!r}, expected {expected.objectName()}"


def type_text(qtbot: Any, text: str) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def open_new(qtbot: Any, window: MainWindow) -> FormDialog:
    """Ctrl+Shift+N on the register: a new form window, the cursor on the type."""
    panel = window.forms_register
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.list.view.setFocus()
    press(
        qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert panel.dialogs, "Ctrl+Shift+N opened no form"
    dialog = panel.dialogs[-1]
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is dialog.entry.form_type)
    return dialog


def choose(qtbot: Any, combo_steps: int) -> None:
    for _ in range(combo_steps):
        press(qtbot, Qt.Key.Key_Down)


def type_orderer_and_save(qtbot: Any, dialog: FormDialog, first: QWidget | None = None) -> None:
    """From the last person field: orderer, decision, dates, note, Ctrl+S."""
    entry = dialog.entry
    tab(qtbot, entry.orderer_name)
    type_text(qtbot, "Anna Berg")
    tab(qtbot, entry.orderer_title)
    type_text(qtbot, "Sjukskoterska")
    tab(qtbot, entry.orderer_unit)
    type_text(qtbot, "Vardcentralen Kalmar")
    tab(qtbot, entry.orderer_phone)
    type_text(qtbot, "0480-12345")
    tab(qtbot, entry.head_of_operations)
    type_text(qtbot, "Per Ek")
    tab(qtbot, entry.signed_on)
    type_text(qtbot, SIGNED.strftime("%Y%m%d"))
    tab(qtbot, entry.received_on)
    assert entry.signed_on.text() == SIGNED.isoformat()  # normalised on leaving
    assert entry.received_on.text() == TODAY.isoformat()  # arrival: today unless changed
    tab(qtbot, entry.is_signed)
    tab(qtbot, entry.is_urgent)
    tab(qtbot, entry.note)
    type_text(qtbot, "Inkom med internposten")
    with qtbot.waitSignal(entry.saved, timeout=OPEN_TIMEOUT_MS):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


# --- entering each type with the keyboard ---------------------------------------------------


def test_seal_form_entered_with_the_keyboard_only(
    qtbot: Any, ready: MainWindow, fake: FakeForms
) -> None:
    dialog = open_new(qtbot, ready)
    entry = dialog.entry
    assert not entry.initiator.isVisible() and not entry.parties[0].id_text.isVisible()
    choose(qtbot, 1)  # Försegling och/eller låsning
    assert entry.initiator.isVisible() and entry.parties[0].id_text.isVisible()
    assert not entry.parties[1].id_text.isVisible()  # no child for this type
    tab(qtbot, entry.initiator)
    choose(qtbot, 1)  # the individual's own wish
    tab(qtbot, entry.measures[Measure.SEAL_JOURNAL])
    press(qtbot, Qt.Key.Key_Space)
    tab(qtbot, entry.measures[Measure.LOCK_LOGIN])
    press(qtbot, Qt.Key.Key_Space)
    tab(qtbot, entry.seal_scope)  # shown once "seal" is ticked
    choose(qtbot, 2)  # care unit
    tab(qtbot, entry.scope_unit)
    type_text(qtbot, "Psykiatriska kliniken Kalmar")
    tab(qtbot, entry.parties[0].id_text)
    type_text(qtbot, "19121212-1212")
    tab(qtbot, entry.parties[0].reserve)
    assert entry.parties[0].id_text.text() == "19121212-XXXX"  # masked once checked
    tab(qtbot, entry.parties[0].name)
    type_text(qtbot, "Tolvan Tolvansson")
    type_orderer_and_save(qtbot, dialog)

    (data,) = fake.registered
    assert data.form_type is FormType.SEAL_OR_LOCK
    assert data.initiator is Initiator.INDIVIDUAL
    assert data.measures == {Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN}
    assert (data.seal_scope, data.scope_unit) == (
        SealScope.CARE_UNIT,
        "Psykiatriska kliniken Kalmar",
    )
    assert data.parties == (PartyInput(PartyRole.SUBJECT, ADULT, None, "Tolvan Tolvansson", None),)
    assert (data.signed_on, data.received_on, data.is_signed) == (SIGNED, TODAY, True)
    assert (data.orderer_name, data.head_of_operations) == ("Anna Berg", "Per Ek")
    assert data.note == "Inkom med internposten"
    # Saved: the window shows the stored form with its registry number.
    assert dialog.pages.currentWidget() is dialog.view
    assert "KD-2026-00001" in dialog.view.header.text()
    assert "19121212-XXXX" in dialog.view.details.toPlainText()
    assert ADULT not in dialog.view.details.toPlainText()
    panel = ready.forms_register
    qtbot.waitUntil(lambda: panel.list.model.rowCount() == 1, timeout=OPEN_TIMEOUT_MS)


def test_restore_form_with_a_reserve_number(qtbot: Any, ready: MainWindow, fake: FakeForms) -> None:
    dialog = open_new(qtbot, ready)
    entry = dialog.entry
    choose(qtbot, 2)  # Återställande av direktåtkomst
    tab(qtbot, entry.initiator)
    choose(qtbot, 2)  # at the request of health-care staff
    tab(qtbot, entry.measures[Measure.UNSEAL_JOURNAL])
    press(qtbot, Qt.Key.Key_Space)
    tab(qtbot, entry.measures[Measure.UNLOCK_LOGIN])
    assert not entry.seal_scope.isVisible()  # no scope when restoring
    tab(qtbot, entry.parties[0].id_text)
    type_text(qtbot, "RES-99-1234")
    tab(qtbot, entry.parties[0].reserve)
    press(qtbot, Qt.Key.Key_Space)  # it is a reservnummer: the birth date is asked for
    tab(qtbot, entry.parties[0].birth_date)
    type_text(qtbot, "1980-05-17")
    tab(qtbot, entry.parties[0].name)
    type_orderer_and_save(qtbot, dialog)

    (data,) = fake.registered
    assert data.form_type is FormType.RESTORE_ACCESS
    assert data.initiator is Initiator.STAFF
    assert data.measures == {Measure.UNSEAL_JOURNAL}
    assert data.seal_scope is None
    assert data.parties == (
        PartyInput(PartyRole.SUBJECT, "RES-99-1234", dt.date(1980, 5, 17), "", None),
    )


def test_guardian_removal_with_child_and_two_guardians(
    qtbot: Any, ready: MainWindow, fake: FakeForms
) -> None:
    dialog = open_new(qtbot, ready)
    entry = dialog.entry
    choose(qtbot, 3)  # Borttagande av direktåtkomst för vårdnadshavare
    assert not entry.initiator.isVisible()
    child, first, second = entry.parties[1], entry.parties[2], entry.parties[3]
    tab(qtbot, child.id_text)
    type_text(qtbot, CHILD_13)
    tab(qtbot, child.reserve)
    tab(qtbot, child.name)
    tab(qtbot, first.id_text)
    type_text(qtbot, GUARDIAN_A)
    tab(qtbot, first.reserve)
    tab(qtbot, first.name)
    type_text(qtbot, "Eva Ek")
    tab(qtbot, second.id_text)
    type_text(qtbot, GUARDIAN_B)
    tab(qtbot, second.reserve)
    tab(qtbot, second.name)
    assert not child.access.isVisible()  # access per person: the minor type only
    type_orderer_and_save(qtbot, dialog)

    (data,) = fake.registered
    assert data.form_type is FormType.REMOVE_GUARDIAN_ACCESS
    assert data.initiator is None
    assert data.measures == {Measure.REMOVE_GUARDIAN_ACCESS}
    assert [(p.role, p.id_text, p.name) for p in data.parties] == [
        (PartyRole.CHILD, CHILD_13, ""),
        (PartyRole.GUARDIAN, GUARDIAN_A, "Eva Ek"),
        (PartyRole.GUARDIAN, GUARDIAN_B, ""),
    ]


def test_minor_access_given_and_removed_per_person(
    qtbot: Any, ready: MainWindow, fake: FakeForms
) -> None:
    dialog = open_new(qtbot, ready)
    entry = dialog.entry
    choose(qtbot, 4)  # Ge eller ta bort tillgång till minderårigs journal
    child, first = entry.parties[1], entry.parties[2]
    tab(qtbot, child.id_text)
    type_text(qtbot, CHILD_13)
    tab(qtbot, child.reserve)
    tab(qtbot, child.name)
    tab(qtbot, child.access)
    choose(qtbot, 1)  # give access
    tab(qtbot, first.id_text)
    type_text(qtbot, GUARDIAN_A)
    tab(qtbot, first.reserve)
    tab(qtbot, first.name)
    tab(qtbot, first.access)
    choose(qtbot, 2)  # remove access
    tab(qtbot, entry.parties[3].id_text)  # the second guardian is optional: left blank
    tab(qtbot, entry.parties[3].reserve)
    tab(qtbot, entry.parties[3].name)
    tab(qtbot, entry.parties[3].access)
    type_orderer_and_save(qtbot, dialog)

    (data,) = fake.registered
    assert data.form_type is FormType.MINOR_ACCESS
    assert [(p.role, p.id_text, p.access_given) for p in data.parties] == [
        (PartyRole.CHILD, CHILD_13, True),
        (PartyRole.GUARDIAN, GUARDIAN_A, False),
    ]
    assert data.measures == {Measure.GIVE_MINOR_ACCESS, Measure.REMOVE_MINOR_ACCESS}
    view = dialog.view.details.toPlainText()
    assert "20130101-XXXX" in view and ui("FormView", "access given") in view


# --- problems at the fields --------------------------------------------------------------


def test_rule_failures_are_shown_at_their_fields_and_nothing_is_saved(
    qtbot: Any, ready: MainWindow, fake: FakeForms
) -> None:
    dialog = open_new(qtbot, ready)
    entry = dialog.entry
    entry.form_type.setCurrentIndex(entry.form_type.findData(FormType.MINOR_ACCESS.value))
    entry.parties[1].id_text.setText(CHILD_16)  # too old for this type
    entry.check_identity(entry.parties[1])
    entry.signed_on.set_date(TODAY + dt.timedelta(days=1))
    entry.note.setPlainText("Mottagen")
    entry.save()
    child_error = entry.parties[1].id_error
    qtbot.waitUntil(entry.errors["signed_on"].isVisible, timeout=OPEN_TIMEOUT_MS)
    assert entry.errors["signed_on"].text() == "The signing date is in the future."
    assert entry.errors["orderer_name"].isVisible()
    assert focused() is entry.orderer_name  # the first field at fault, in screen order
    assert fake.registered == [] and fake.details == {}
    assert dialog.pages.currentWidget() is entry and entry.note.toPlainText() == "Mottagen"

    entry.signed_on.set_date(SIGNED)
    entry.orderer_name.setText("Anna Berg")
    entry.save()
    qtbot.waitUntil(child_error.isVisible, timeout=OPEN_TIMEOUT_MS)
    assert child_error.text() == "The child must be 13, 14 or 15."
    assert focused() is entry.parties[1].id_text
    assert not entry.errors["signed_on"].isVisible()
    assert fake.registered == []


def test_a_wrong_identity_number_is_named_at_once_and_a_bad_date_before_saving(
    qtbot: Any, ready: MainWindow, fake: FakeForms, swedish: None
) -> None:
    dialog = open_new(qtbot, ready)
    entry = dialog.entry
    choose(qtbot, 1)
    subject = entry.parties[0]
    subject.id_text.setFocus()
    type_text(qtbot, "19121212-1213")
    press(qtbot, Qt.Key.Key_Tab)
    assert subject.id_error.isVisible()
    assert "Kontrollsiffran" in subject.id_error.text()  # the Swedish message, at the field
    entry.received_on.setText("2026-13-45")
    entry.save()
    assert entry.errors["received_on"].isVisible()
    assert focused() is entry.received_on
    qtbot.wait(50)
    assert fake.registered == []


def test_choosing_no_type_is_named_at_the_type(qtbot: Any, ready: MainWindow) -> None:
    dialog = open_new(qtbot, ready)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.entry.errors["form_type"].isVisible()
    assert focused() is dialog.entry.form_type


# --- duplicates -----------------------------------------------------------------------------


def test_a_possible_duplicate_is_shown_and_saved_only_when_confirmed(
    qtbot: Any, ready: MainWindow, fake: FakeForms, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.duplicate_rows = [
        DuplicateRow(
            7,
            "KD-2026-00007",
            FormType.SEAL_OR_LOCK,
            FormStatus.REGISTERED,
            TODAY - dt.timedelta(days=10),
            "19121212-XXXX",
        )
    ]
    dialog = open_new(qtbot, ready)
    entry = dialog.entry
    answers = [False, True]
    asked: list[list[DuplicateRow]] = []

    def confirm(rows: list[DuplicateRow]) -> bool:
        asked.append(rows)
        return answers.pop(0)

    monkeypatch.setattr(entry, "confirm_duplicates", confirm)
    fill_seal_form(entry)
    entry.save()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=OPEN_TIMEOUT_MS)
    assert entry.duplicates_banner.isVisible()
    assert "KD-2026-00007" in entry.duplicates_banner.text()
    assert "19121212-XXXX" in entry.duplicates_banner.text()
    assert fake.registered == []
    assert dialog.pages.currentWidget() is entry
    with qtbot.waitSignal(entry.saved, timeout=OPEN_TIMEOUT_MS):
        entry.save()
    assert len(asked) == 2 and len(fake.registered) == 1


def fill_seal_form(entry: FormEntry) -> None:
    entry.form_type.setCurrentIndex(entry.form_type.findData(FormType.SEAL_OR_LOCK.value))
    entry.initiator.setCurrentIndex(0)
    entry.measures[Measure.LOCK_LOGIN].setChecked(True)
    entry.parties[0].id_text.setText(ADULT)
    entry.check_identity(entry.parties[0])
    entry.orderer_name.setText("Anna Berg")
    entry.orderer_unit.setText("Vårdcentralen Kalmar")
    entry.head_of_operations.setText("Per Ek")
    entry.signed_on.set_date(SIGNED)


# --- closing, drafts -------------------------------------------------------------------------


def test_escape_asks_before_throwing_a_form_away(
    qtbot: Any, ready: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_new(qtbot, ready)
    answers = [False, True]
    monkeypatch.setattr(dialog, "confirm_discard", lambda: answers.pop(0))
    choose(qtbot, 1)
    tab(qtbot, dialog.entry.initiator)
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == [True]
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers == []


def test_typed_form_is_kept_as_a_draft_and_offered_again(
    qtbot: Any, ready: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = ready.forms_register
    dialog = open_new(qtbot, ready)
    fill_seal_form(dialog.entry)
    dialog.entry.note.setPlainText("Halvfärdig")
    dialog.entry.flush_draft()
    (draft,) = panel._draft_store().load_all()
    assert draft.values["parties"][0]["id_text"] == ADULT
    dialog.entry._draft_key = None  # as if the program had died: the draft stays
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not panel.dialogs)
    monkeypatch.setattr(panel, "ask_restore", lambda _draft: True)
    panel.offer_drafts()
    restored = panel.dialogs[-1].entry
    assert restored.note.toPlainText() == "Halvfärdig"
    assert restored.parties[0].id_text.text() == "19121212-XXXX"
    assert restored.current_type() is FormType.SEAL_OR_LOCK


# --- the stored form: workflow, conflict, scans, confirmation, printing ---------------------


def open_stored(qtbot: Any, window: MainWindow, fake: FakeForms, data: FormInput) -> FormDialog:
    detail = fake.store(data)
    panel = window.forms_register
    panel.refresh()
    qtbot.waitUntil(lambda: panel.list.model.rowCount() >= 1, timeout=OPEN_TIMEOUT_MS)
    panel.list.view.setFocus()
    panel.list.view.selectRow(0)
    press(qtbot, Qt.Key.Key_Return)  # Enter opens the form
    assert panel.dialogs
    dialog = panel.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.view.detail is not None, timeout=OPEN_TIMEOUT_MS)
    assert dialog.view.detail is not None and dialog.view.detail.id == detail.id
    return dialog


def status_of(dialog: FormDialog) -> FormStatus | None:
    return dialog.view.detail.status if dialog.view.detail is not None else None


def offered(dialog: FormDialog) -> set[FormStatus]:
    return set(dialog.view.transition_buttons)


def test_an_advisor_reads_a_form_as_themself_and_cannot_change_it(
    qtbot: Any, ready: MainWindow, fake: FakeForms, context: AppContext
) -> None:
    assert context.user is not None
    context.user = dataclasses.replace(context.user, role=Role.ADVISOR)
    dialog = open_stored(qtbot, ready, fake, seal_input())
    view = dialog.view
    # The service masks the numbers for this user (and audits unmasked reads for others).
    assert fake.readers[-1] == context.user
    assert view.transition_buttons
    for button in [view.edit_button, view.add_attachment_button, *view.transition_buttons.values()]:
        assert not button.isEnabled()
        assert ui("FormView", "Only a registry clerk or a supervisor can change forms.") == (
            button.toolTip()
        )


def test_workflow_offers_only_allowed_steps_and_records_history(
    qtbot: Any, ready: MainWindow, fake: FakeForms, context: AppContext
) -> None:
    dialog = open_stored(qtbot, ready, fake, seal_input(is_urgent=True))
    view = dialog.view
    assert view.detail is not None and view.detail.status is FormStatus.REGISTERED
    # Urgent and IT support not phoned yet: it cannot be forwarded.
    assert offered(dialog) == {
        FormStatus.COMPLETION_REQUESTED,
        FormStatus.CANCELLED,
        FormStatus.REJECTED,
    }
    assert (
        ui("FormView", "Not yet: phone before forwarding the form.") in view.details.toPlainText()
    )

    # Correct the values (Ctrl+E): IT support was phoned.
    view.edit_button.setFocus()
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    entry = dialog.entry
    assert dialog.pages.currentWidget() is entry and entry.phoned.isVisible()
    entry.phoned.setChecked(True)
    entry.phoned_by.setText("Kim Kanslist")
    with qtbot.waitSignal(entry.saved, timeout=OPEN_TIMEOUT_MS):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fake.updated[-1].it_support_phoned_by == "Kim Kanslist"
    assert dialog.pages.currentWidget() is view
    assert FormStatus.FORWARDED in offered(dialog)

    steps = [
        FormStatus.COMPLETION_REQUESTED,
        FormStatus.REGISTERED,
        FormStatus.FORWARDED,
        FormStatus.EXECUTED,
        FormStatus.CONFIRMED,
        FormStatus.CLOSED,
    ]
    for step in steps:
        assert view.detail is not None
        assert set(view.transition_buttons) == set(view.detail.allowed)
        view.comment.setText(f"steg {step.value}")
        with qtbot.waitSignal(view.changed, timeout=OPEN_TIMEOUT_MS):
            view.transition_buttons[step].click()
        assert view.detail.status is step
    assert view.transition_buttons == {}
    assert view.no_transitions.isVisibleTo(dialog)
    history = [view.history.topLevelItem(i) for i in range(view.history.topLevelItemCount())]
    assert len(history) == 2 + len(steps)
    newest = history[0]
    assert newest is not None and context.user is not None
    assert newest.text(1) == context.user.shown_name and newest.text(3) == "steg closed"
    assert newest.text(2).endswith(FormStatus.CLOSED.label)


def test_cancelling_asks_first(
    qtbot: Any, ready: MainWindow, fake: FakeForms, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_stored(qtbot, ready, fake, seal_input())
    view = dialog.view
    answers = [False, True]
    monkeypatch.setattr(view, "confirm_side_exit", lambda _status: answers.pop(0))
    view.transition_buttons[FormStatus.CANCELLED].click()
    qtbot.wait(50)
    assert status_of(dialog) is FormStatus.REGISTERED
    with qtbot.waitSignal(view.changed, timeout=OPEN_TIMEOUT_MS):
        view.transition_buttons[FormStatus.CANCELLED].click()
    assert status_of(dialog) is FormStatus.CANCELLED


def test_a_conflict_is_explained_and_the_form_read_again(
    qtbot: Any, ready: MainWindow, fake: FakeForms, message_boxes: MessageBoxes
) -> None:
    dialog = open_stored(qtbot, ready, fake, seal_input())
    view = dialog.view
    assert view.detail is not None
    # Someone else moves the form on meanwhile.
    fake._changed(view.detail.id, view.detail.version, status=FormStatus.COMPLETION_REQUESTED)
    view.transition_buttons[FormStatus.FORWARDED].click()
    qtbot.waitUntil(
        lambda: status_of(dialog) is FormStatus.COMPLETION_REQUESTED, timeout=OPEN_TIMEOUT_MS
    )
    expected = ui(
        "FormView",
        "Someone else changed this form a moment ago, so nothing was changed here. "
        "The form has been read again: check it and try again.",
    )
    assert expected in message_boxes.texts()
    assert set(view.transition_buttons) == set(ALLOWED[FormStatus.COMPLETION_REQUESTED])


def test_scans_are_attached_and_shown(
    qtbot: Any, ready: MainWindow, fake: FakeForms, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_stored(qtbot, ready, fake, seal_input())
    view = dialog.view
    scan = tmp_path / "skanning.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(scan))
    monkeypatch.setattr(view, "ask_attachment_path", lambda: str(scan))
    with qtbot.waitSignal(view.changed, timeout=OPEN_TIMEOUT_MS):
        view.add_attachment_button.click()
    assert view.attachments.count() == 1
    assert "skanning.png" in view.attachments.item(0).text()
    shown: list[Path] = []
    monkeypatch.setattr(view, "show_image", lambda _title, path: shown.append(path))
    view.show_attachment_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=OPEN_TIMEOUT_MS)
    assert shown[0].read_bytes() == scan.read_bytes()  # a private copy, opened from there
    viewer = FormView.show_image(view, "skanning.png", shown[0])  # the real one
    image_label = viewer.findChild(QLabel, "formScanImage")
    assert image_label is not None and image_label.pixmap().width() == 40
    viewer.close()

    wrong = tmp_path / "anteckning.txt"
    wrong.write_text("=cmd|' /C calc'!A0", encoding="utf-8")
    monkeypatch.setattr(view, "ask_attachment_path", lambda: str(wrong))
    view.add_attachment_button.click()
    qtbot.waitUntil(view.attachment_message.isVisible, timeout=OPEN_TIMEOUT_MS)
    assert view.attachment_message.text() == "Attach a PDF, PNG or JPEG file."
    assert view.attachments.count() == 1


def test_confirmation_opened_in_the_mail_program_and_marked_sent(
    qtbot: Any, ready: MainWindow, fake: FakeForms, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = fake.store(seal_input())
    fake._changed(detail.id, 1, status=FormStatus.EXECUTED)
    dialog = ready.forms_register.open_form(detail.id)
    assert dialog is not None
    view = dialog.view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=OPEN_TIMEOUT_MS)
    assert view.confirmation_box.isVisibleTo(dialog)
    assert "Per Ek" in view.recipients_label.text() and "Anna Berg" in view.recipients_label.text()
    assert "KD-2026-00001" in view.confirmation_text.toPlainText()
    urls: list[QUrl] = []
    monkeypatch.setattr(view, "open_external", urls.append)
    view.mail_button.click()
    assert urls[0].scheme() == "mailto" and "Per%20Ek" not in urls[0].toString()
    with qtbot.waitSignal(view.changed, timeout=OPEN_TIMEOUT_MS):
        view.sent_button.click()
    assert view.detail is not None and view.detail.confirmation_sent_at is not None
    assert not view.sent_button.isEnabled()
    assert view.sent_label.text().startswith(ui("FormView", "Sent {time}.").split("{")[0])
    # The same form opened again goes to the window it is already in.
    assert ready.forms_register.open_form(detail.id) is dialog


def test_receipt_and_paper_form_printed_from_the_form(
    qtbot: Any, ready: MainWindow, fake: FakeForms, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_stored(qtbot, ready, fake, seal_input())
    view = dialog.view
    targets = iter([tmp_path / "kvitto", tmp_path / "blankett.pdf"])
    monkeypatch.setattr(view, "ask_pdf_path", lambda _title, _suggested: str(next(targets)))
    view.receipt_button.click()
    view.paper_button.click()
    receipt, paper = tmp_path / "kvitto.pdf", tmp_path / "blankett.pdf"
    assert receipt.read_bytes().startswith(b"%PDF")
    assert paper.read_bytes().startswith(b"%PDF")
    assert "blankett.pdf" in view.print_message.text()


# --- printing -------------------------------------------------------------------------------


def test_receipt_holds_the_registration_and_masks_the_person(
    qtbot: Any, fake: FakeForms, tmp_path: Path
) -> None:
    detail = fake.store(seal_input(is_urgent=True))
    text = html_text(form_print.receipt_html(detail))
    assert "KD-2026-00001" in text
    assert FormType.SEAL_OR_LOCK.label in text
    assert "19121212-XXXX" in text and ADULT not in text and "1212-1212" not in text
    assert "Anna Berg" in text and "Per Ek" in text
    assert SIGNED.isoformat() in text and TODAY.isoformat() in text
    path = form_print.receipt_pdf(detail, tmp_path / "kvitto.pdf")
    assert path.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("form_type", list(FormType), ids=lambda t: t.value)
def test_blank_paper_form_for_each_type(qtbot: Any, tmp_path: Path, form_type: FormType) -> None:
    text = html_text(form_print.paper_form_html(form_type))
    assert form_type.label in text
    assert "Head of operations" in text
    child_type = form_type in (FormType.REMOVE_GUARDIAN_ACCESS, FormType.MINOR_ACCESS)
    assert ("Guardian 1" in text) == child_type
    assert ("On whose initiative" in text) == (not child_type)
    assert ("Scope of the seal" in text) == (form_type is FormType.SEAL_OR_LOCK)
    assert ("☐ Give" in text) == (form_type is FormType.MINOR_ACCESS)
    path = form_print.paper_form_pdf(form_type, tmp_path / f"{form_type.value}.pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_pre_filled_paper_form_leaves_the_last_four_digits_blank(
    qtbot: Any, fake: FakeForms
) -> None:
    detail = fake.store(seal_input())
    text = html_text(form_print.paper_form_html(FormType.SEAL_OR_LOCK, detail))
    assert "19121212-____" in text and "XXXX" not in text and ADULT not in text
    assert "☒ " + Measure.SEAL_JOURNAL.label in text
    assert "☐ " + Measure.LOCK_LOGIN.label in text
    assert "Psykiatriska kliniken Kalmar" in text


def test_blank_form_from_the_register(
    qtbot: Any, ready: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = ready.forms_register
    target = tmp_path / "tom.pdf"
    monkeypatch.setattr(panel, "ask_pdf_path", lambda _title, _suggested: str(target))
    menu = panel.blank_button.menu()
    assert menu is not None
    actions = [a for a in menu.actions() if a.objectName() == "formBlank_minor_access"]
    actions[0].trigger()
    assert target.read_bytes().startswith(b"%PDF")


def test_unwritable_pdf_path_raises_a_clear_error(qtbot: Any, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        form_print.paper_form_pdf(FormType.SEAL_OR_LOCK, tmp_path / "saknas" / "x.pdf")


def html_text(markup: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(markup)
    return document.toPlainText()


# --- the register list ----------------------------------------------------------------------


def test_list_is_lazy_masked_highlighted_and_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, ready: MainWindow, fake: FakeForms
) -> None:
    fake.extra_rows = [make_row(n) for n in range(450)]
    panel = ready.forms_register
    panel.refresh()
    model = panel.list.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 200 and not model.is_loading, timeout=OPEN_TIMEOUT_MS
    )
    qtmodeltester.check(model)
    while True:  # the model tester may have started a batch itself
        qtbot.waitUntil(lambda: not model.is_loading, timeout=OPEN_TIMEOUT_MS)
        if not model.canFetchMore(QModelIndex()):
            break
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert "450" in panel.list.footer.text()
    cursors = [model.row_at(i).cursor for i in range(450)]
    assert cursors == sorted(cursors, reverse=True)
    qtmodeltester.check(model)

    colours = {}
    for i in range(model.rowCount()):
        row = model.row_at(i)
        brush = model.index(i, 0).data(Qt.ItemDataRole.BackgroundRole)
        colours[(row.is_urgent, row.overdue)] = brush.color() if brush is not None else None
    assert colours[(True, False)] == URGENT
    assert colours[(False, True)] == OVERDUE
    assert colours[(True, True)] == OVERDUE
    assert colours[(False, False)] is None
    person_column = 5
    assert all(
        model.index(i, person_column).data().endswith("-XXXX") for i in range(model.rowCount())
    )
    urgent_row = next(
        i for i in range(450) if model.row_at(i).is_urgent and not model.row_at(i).overdue
    )
    assert model.index(urgent_row, 4).data() == ui("FormsRegisterPanel", "Urgent")


def test_filters_reach_the_service_and_the_list(
    qtbot: Any, ready: MainWindow, fake: FakeForms
) -> None:
    fake.extra_rows = [make_row(n) for n in range(120)]
    panel = ready.forms_register
    panel.refresh()
    model = panel.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=OPEN_TIMEOUT_MS)

    panel.status_filter.setCurrentIndex(panel.status_filter.findData("forwarded"))
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("minor_access"))
    qtbot.waitUntil(lambda: not model.is_loading, timeout=OPEN_TIMEOUT_MS)
    assert fake.filters_seen[-1] == FormFilter(
        status=FormStatus.FORWARDED, form_type=FormType.MINOR_ACCESS
    )
    expected = [
        r for r in fake.extra_rows
        if r.status is FormStatus.FORWARDED and r.form_type is FormType.MINOR_ACCESS
    ]  # fmt: skip
    qtbot.waitUntil(lambda: model.rowCount() == len(expected), timeout=OPEN_TIMEOUT_MS)

    panel.status_filter.setCurrentIndex(0)
    panel.type_filter.setCurrentIndex(0)
    panel.urgent_only.setChecked(True)
    panel.overdue_only.setChecked(True)
    qtbot.waitUntil(
        lambda: fake.filters_seen[-1] == FormFilter(urgent_only=True, overdue_only=True),
        timeout=OPEN_TIMEOUT_MS,
    )
    expected = [r for r in fake.extra_rows if r.is_urgent and r.overdue]
    qtbot.waitUntil(lambda: model.rowCount() == len(expected), timeout=OPEN_TIMEOUT_MS)

    panel.urgent_only.setChecked(False)
    panel.overdue_only.setChecked(False)
    panel.period.setCurrentIndex(panel.period.findData(-1))  # chosen dates
    assert panel.date_from is not None and panel.date_to is not None
    assert panel.date_from.isVisible()
    from PySide6.QtCore import QDate

    panel.date_from.setDate(QDate(2025, 1, 10))
    panel.date_to.setDate(QDate(2025, 1, 20))
    qtbot.waitUntil(
        lambda: (
            fake.filters_seen[-1]
            == FormFilter(received_from=dt.date(2025, 1, 10), received_to=dt.date(2025, 1, 20))
        ),
        timeout=OPEN_TIMEOUT_MS,
    )
    expected = [
        r for r in fake.extra_rows if dt.date(2025, 1, 10) <= r.received_on <= dt.date(2025, 1, 20)
    ]
    qtbot.waitUntil(lambda: model.rowCount() == len(expected), timeout=OPEN_TIMEOUT_MS)
    panel.period.setCurrentIndex(0)
    assert not panel.date_from.isVisible()
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=OPEN_TIMEOUT_MS)


def test_urgent_queue_lists_open_urgent_forms_oldest_first(
    qtbot: Any, ready: MainWindow, fake: FakeForms, qtmodeltester: Any
) -> None:
    fake.extra_rows = [
        make_row(1, is_urgent=True, status=FormStatus.REGISTERED, received_on=dt.date(2026, 3, 2)),
        make_row(2, is_urgent=True, status=FormStatus.RECEIVED, received_on=dt.date(2026, 1, 5)),
        make_row(3, is_urgent=True, status=FormStatus.CLOSED),
        make_row(4, is_urgent=False, status=FormStatus.REGISTERED),
    ]
    panel = ready.forms_register
    panel.refresh()
    queue = panel.queue.model
    qtbot.waitUntil(lambda: queue.rowCount() == 2, timeout=OPEN_TIMEOUT_MS)
    assert [queue.row_at(i).registry_number for i in range(2)] == [
        "KD-2025-00002",
        "KD-2025-00001",
    ]
    qtmodeltester.check(queue)


def test_panel_without_a_database_opens_nothing(qtbot: Any, context: AppContext) -> None:
    panel = FormsRegisterPanel(context)
    qtbot.addWidget(panel)
    assert panel.new_form() is None and panel.open_form(1) is None
    assert panel.new_form_action.shortcut().toString() == "Ctrl+Shift+N"


# --- with the real service ------------------------------------------------------------------


@pytest.fixture
def real(
    qtbot: Any, window: MainWindow, context: AppContext, location: DatabaseLocation
) -> MainWindow:
    """The main window on the form register, on an open database, with the real service."""
    open_and_wait(qtbot, context, location)
    window.show_tab(1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_real_service_enter_move_through_and_print(
    qtbot: Any, real: MainWindow, tmp_path: Path
) -> None:
    dialog = open_new(qtbot, real)
    entry = dialog.entry
    fill_seal_form(entry)
    entry.seal_scope.setCurrentIndex(entry.seal_scope.findData(SealScope.WHOLE_ACCOUNT.value))
    entry.measures[Measure.SEAL_JOURNAL].setChecked(True)
    with qtbot.waitSignal(entry.saved, timeout=OPEN_TIMEOUT_MS):
        entry.save()
    view = dialog.view
    assert view.detail is not None and view.detail.status is FormStatus.REGISTERED
    assert view.detail.registry_number.startswith(f"KD-{TODAY.year}-")
    panel = real.forms_register
    qtbot.waitUntil(lambda: panel.list.model.rowCount() == 1, timeout=OPEN_TIMEOUT_MS)
    assert panel.list.model.row_at(0).person_masked == "19121212-XXXX"
    for step in (FormStatus.FORWARDED, FormStatus.EXECUTED):
        assert step in view.transition_buttons, view.detail.allowed
        with qtbot.waitSignal(view.changed, timeout=OPEN_TIMEOUT_MS):
            view.transition_buttons[step].click()
    assert not view.edit_button.isEnabled()  # corrected only until forwarded
    assert view.confirmation_box.isVisibleTo(dialog)
    assert view.confirmation_text.toPlainText()
    with qtbot.waitSignal(view.changed, timeout=OPEN_TIMEOUT_MS):
        view.sent_button.click()
    for step in (FormStatus.CONFIRMED, FormStatus.CLOSED):
        with qtbot.waitSignal(view.changed, timeout=OPEN_TIMEOUT_MS):
            view.transition_buttons[step].click()
    assert status_of(dialog) is FormStatus.CLOSED
    assert view.history.topLevelItemCount() == 6  # received, registered + four steps
    path = view.print_receipt(tmp_path / "kvitto.pdf")
    assert path is not None and path.read_bytes().startswith(b"%PDF")


def test_real_service_rule_shown_at_the_field(qtbot: Any, real: MainWindow) -> None:
    dialog = open_new(qtbot, real)
    entry = dialog.entry
    fill_seal_form(entry)
    entry.signed_on.set_date(TODAY + dt.timedelta(days=1))
    entry.save()
    qtbot.waitUntil(entry.errors["signed_on"].isVisible, timeout=OPEN_TIMEOUT_MS)
    assert entry.errors["signed_on"].text()
    assert focused() is entry.signed_on
    assert real.forms_register.list.model.rowCount() == 0


def test_real_service_child_too_old_for_the_minor_type(qtbot: Any, real: MainWindow) -> None:
    dialog = open_new(qtbot, real)
    entry = dialog.entry
    fill_seal_form(entry)
    entry.form_type.setCurrentIndex(entry.form_type.findData(FormType.MINOR_ACCESS.value))
    child, guardian = entry.parties[1], entry.parties[2]
    child.id_text.setText(CHILD_16)
    child.access.setCurrentIndex(child.access.findData(True))
    guardian.id_text.setText(GUARDIAN_A)
    entry.save()
    qtbot.waitUntil(child.id_error.isVisible, timeout=OPEN_TIMEOUT_MS)
    assert "16" in child.id_error.text()
    assert focused() is child.id_text
    assert dialog.pages.currentWidget() is entry


def test_real_service_duplicate_warning(
    qtbot: Any, real: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_new(qtbot, real)
    fill_seal_form(first.entry)
    with qtbot.waitSignal(first.entry.saved, timeout=OPEN_TIMEOUT_MS):
        first.entry.save()
    assert first.view.detail is not None
    number = first.view.detail.registry_number
    first.close()
    second = open_new(qtbot, real)
    asked: list[list[DuplicateRow]] = []
    monkeypatch.setattr(second.entry, "confirm_duplicates", asked.append)
    fill_seal_form(second.entry)
    second.entry.save()
    qtbot.waitUntil(lambda: bool(asked), timeout=OPEN_TIMEOUT_MS)
    assert [row.registry_number for row in asked[0]] == [number]
    assert number in second.entry.duplicates_banner.text()
    qtbot.wait(50)
    assert real.forms_register.list.model.rowCount() == 1


def test_real_service_says_why_an_urgent_form_is_not_forwarded(
    qtbot: Any, real: MainWindow
) -> None:
    dialog = open_new(qtbot, real)
    entry = dialog.entry
    fill_seal_form(entry)
    entry.is_urgent.setChecked(True)
    with qtbot.waitSignal(entry.saved, timeout=OPEN_TIMEOUT_MS):
        entry.save()
    view = dialog.view
    assert view.detail is not None
    assert FormStatus.FORWARDED not in view.transition_buttons
    assert view.held_back_label.isVisibleTo(dialog)
    assert "IT-Vårdsystemsupport" in view.held_back_label.text()
    queue = real.forms_register.queue.model
    qtbot.waitUntil(lambda: queue.rowCount() == 1, timeout=OPEN_TIMEOUT_MS)


IMPORT_HEADER = (
    "typ;personnummer;initiativ;underskriftsdatum;mottagen;undertecknad;akut;"
    "bestallare;enhet;verksamhetschef;anteckning"
)


def import_row(number: str, *, typ: str = "forsegling_lasning", signed: dt.date = SIGNED) -> str:
    initiative = "enskild" if typ in ("forsegling_lasning", "aterstallande") else ""
    return (
        f"{typ};{number};{initiative};{signed.isoformat()};{TODAY.isoformat()};ja;nej;"
        "Anna Berg;Vårdcentralen Kalmar;Per Ek;Från gamla registret"
    )


def test_import_from_the_gui_all_or_nothing(
    qtbot: Any, real: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = real.forms_register
    bad = tmp_path / "gamla.csv"
    bad.write_text(
        "\n".join(
            [
                IMPORT_HEADER,
                import_row(ADULT),
                import_row("19121212-1213"),  # wrong check digit
                import_row(GUARDIAN_A, signed=TODAY + dt.timedelta(days=2)),
            ]
        ),
        encoding="utf-8",
    )
    dialog = panel.show_import()
    assert dialog is not None
    monkeypatch.setattr(dialog, "ask_path", lambda: str(bad))
    dialog.choose_button.click()
    qtbot.waitUntil(dialog.problems.isVisible, timeout=OPEN_TIMEOUT_MS)
    lines = dialog.problems.toPlainText().splitlines()
    assert len(lines) == 2
    assert "3" in lines[0] and "personnummer" in lines[0]
    assert "4" in lines[1] and "underskriftsdatum" in lines[1]
    assert "19121212-1213" not in dialog.problems.toPlainText()  # the reason, never the value
    assert not dialog.import_button.isEnabled()

    good = tmp_path / "gamla-ratt.csv"
    good.write_text(
        "\ufeff" + "\n".join([IMPORT_HEADER, import_row(ADULT), import_row(GUARDIAN_A)]),
        encoding="utf-8",
    )
    monkeypatch.setattr(dialog, "ask_path", lambda: str(good))
    dialog.choose_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=OPEN_TIMEOUT_MS)
    assert not dialog.problems.isVisible()
    with qtbot.waitSignal(dialog.imported, timeout=OPEN_TIMEOUT_MS) as imported:
        dialog.import_button.click()
    assert imported.args == [2]
    assert f"KD-{TODAY.year}-00001" in dialog.status.text()
    model = panel.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=OPEN_TIMEOUT_MS)
