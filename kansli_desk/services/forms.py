"""The form register: paper backup forms entered, checked and followed to confirmation.

CONTRACT (issue 5). The data types and function signatures in this module are the
interface between the service layer and the GUI; both are built against it. The
functions marked ``NotImplementedError`` are implemented by the service work.

Rules (issue 5 and the domain brief, section 3.2), checked by :func:`check_form`
(pure, no database) and again by :func:`register_form` / :func:`update_form`:

* the minor type (``MINOR_ACCESS``) needs the child to be 13, 14 or 15 on the
  signing date (from the 13th birthday to the day before the 16th; the limits
  come from :class:`kansli_desk.core.age_access.AgeLimits`);
* removing a guardian's access needs a child under 16 on the signing date;
* a signing or arrival date in the future, or arrival before signing: rejected;
* a person or child born after the signing date: rejected;
* an unsigned form cannot go further than "komplettering begärd";
* an urgent form cannot be forwarded before IT-Vårdsystemsupport was phoned
  (when and by whom);
* a duplicate warning (not an error) when the same person has an open form of
  the same type, or one received in the last 30 days (:func:`duplicates`).

Every failed rule is a :class:`~kansli_desk.errors.ValidationError` whose
``field`` names the :class:`FormInput` field at fault (for a party:
``"parties.<index>.id_text"`` / ``"parties.<index>.birth_date"``), with an
English source message marked ``QT_TRANSLATE_NOOP("Errors", ...)`` (shown in
Swedish through Qt's translation). Services take a Session and never commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from kansli_desk.core.enums import (
    FormStatus,
    FormType,
    IdKind,
    Initiator,
    Measure,
    PartyRole,
    SealScope,
)
from kansli_desk.core.identity import mask
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.models import Form, FormParty
from kansli_desk.services.users import UserInfo

PAGE_SIZE = 200
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
"""Largest scan accepted (PDF, PNG or JPEG, recognised by content, not by name)."""
DUPLICATE_WINDOW_DAYS = 30


# --- input ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyInput:
    """A person on a form, as typed.

    ``id_text``: a personnummer or samordningsnummer (any usual format), or a
    reservnummer, which needs ``birth_date``. ``access_given``: for the minor
    type only, whether access is given (True) or removed (False) for this person.
    """

    role: PartyRole
    id_text: str
    birth_date: dt.date | None = None
    name: str = ""
    access_given: bool | None = None


@dataclass(frozen=True)
class FormInput:
    """Everything a clerk enters from a paper form."""

    form_type: FormType
    received_on: dt.date
    parties: tuple[PartyInput, ...] = ()
    initiator: Initiator | None = None  # the first two types only
    measures: frozenset[Measure] = frozenset()
    seal_scope: SealScope | None = None  # when SEAL_JOURNAL is among the measures
    scope_unit: str = ""  # care unit or care provider, for those scopes
    period_from: dt.date | None = None  # TIME_PERIOD scope
    period_to: dt.date | None = None
    orderer_name: str = ""
    orderer_title: str = ""
    orderer_unit: str = ""
    orderer_phone: str = ""
    head_of_operations: str = ""
    signed_on: dt.date | None = None
    is_signed: bool = True
    is_urgent: bool = False
    it_support_phoned_at: dt.datetime | None = None
    it_support_phoned_by: str = ""
    note: str = ""


class FormInvalid(ValidationError):
    """The form breaks one or more rules; nothing was written.

    Attributes:
        problems: one error per field at fault (``field`` set as described above).
    """

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(problems[0].template, field=problems[0].field, **problems[0].params)
        self.problems = problems


class FormConflict(KnownError):
    """Someone else changed the form first (stale version); nothing was written."""


class FormNotFound(KnownError):
    """The form does not exist (any more)."""


# --- output (plain data for the GUI thread) ----------------------------------------------


@dataclass(frozen=True)
class FormRow:
    """One line of the register list."""

    id: int
    registry_number: str
    received_on: dt.date
    form_type: FormType
    status: FormStatus
    is_urgent: bool
    person_masked: str
    orderer_unit: str
    overdue: bool = False

    @property
    def cursor(self) -> tuple[dt.date, int]:
        return (self.received_on, self.id)


@dataclass(frozen=True)
class FormFilter:
    """The register list's filters; ``None`` / False means "any"."""

    status: FormStatus | None = None
    form_type: FormType | None = None
    urgent_only: bool = False
    overdue_only: bool = False
    received_from: dt.date | None = None
    received_to: dt.date | None = None


@dataclass(frozen=True)
class PartyView:
    role: PartyRole
    id_kind: IdKind
    number_masked: str  # YYYYMMDD-XXXX
    birth_date: dt.date
    name: str
    access_given: bool | None


@dataclass(frozen=True)
class HistoryRow:
    from_status: FormStatus | None
    to_status: FormStatus
    changed_at: dt.datetime
    changed_by: str
    comment: str


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    media_type: str
    size_bytes: int
    added_at: dt.datetime


@dataclass(frozen=True)
class DuplicateRow:
    """A form that looks like the one being entered (a warning, shown with the match)."""

    id: int
    registry_number: str
    form_type: FormType
    status: FormStatus
    received_on: dt.date
    person_masked: str


@dataclass(frozen=True)
class FormDetail:
    """A stored form with its history, as the form view shows it.

    ``data`` holds the values as entered (numbers unmasked only in ``data`` and
    only for editing; views show ``parties``, which are masked).
    """

    id: int
    registry_number: str
    status: FormStatus
    version: int
    data: FormInput
    parties: tuple[PartyView, ...]
    history: tuple[HistoryRow, ...]
    attachments: tuple[AttachmentRow, ...]
    registered_at: dt.datetime | None
    confirmation_sent_at: dt.datetime | None
    allowed: tuple[FormStatus, ...] = field(default=())  # transitions offered now


@dataclass(frozen=True)
class Confirmation:
    """The confirmation e-mail: to the head of operations and the orderer."""

    recipients: tuple[str, ...]
    subject: str
    body: str

    def mailto(self) -> str:
        """A ``mailto:`` URL that opens it in the mail program."""
        from urllib.parse import quote

        to = ",".join(quote(r, safe="@") for r in self.recipients)
        return f"mailto:{to}?subject={quote(self.subject)}&body={quote(self.body)}"


# --- the service functions (implemented by the service work) -----------------------------


def check_form(data: FormInput, *, today: dt.date) -> list[ValidationError]:
    """Every rule of a single form that needs no database; an empty list if all hold."""
    raise NotImplementedError


def duplicates(
    session: Session, data: FormInput, *, today: dt.date, exclude_id: int | None = None
) -> list[DuplicateRow]:
    """Open forms of the same type for the same person, or received in the last 30 days."""
    raise NotImplementedError


def register_form(
    session: Session, user: UserInfo, data: FormInput, *, today: dt.date | None = None
) -> FormDetail:
    """Check and store a new form as "Registrerad" (history: Mottagen → Registrerad),
    assigning the next registry number ``KD-<year>-<00001>``; audited.

    Raises:
        FormInvalid: a rule failed; nothing was written.
    """
    raise NotImplementedError


def update_form(
    session: Session,
    user: UserInfo,
    form_id: int,
    expected_version: int,
    data: FormInput,
    *,
    today: dt.date | None = None,
) -> FormDetail:
    """Store corrected values (the status stays); audited with the changed fields.

    Raises:
        FormInvalid, FormConflict, FormNotFound.
    """
    raise NotImplementedError


def get_form(session: Session, form_id: int) -> FormDetail:
    """A stored form with its history, attachments and the transitions allowed now."""
    raise NotImplementedError


def allowed_transitions(
    status: FormStatus, *, is_signed: bool, is_urgent: bool, it_support_phoned: bool
) -> tuple[FormStatus, ...]:
    """The statuses a form may move to from ``status`` (pure)."""
    raise NotImplementedError


def transition(
    session: Session,
    user: UserInfo,
    form_id: int,
    expected_version: int,
    to_status: FormStatus,
    *,
    comment: str = "",
) -> FormDetail:
    """Move a form on (atomic: two clerks cannot both move it); recorded with who,
    when and the comment, and audited.

    Raises:
        ValidationError: the transition is not allowed now (message names why).
        FormConflict: the form moved on since ``expected_version``.
    """
    raise NotImplementedError


def confirmation(detail: FormDetail) -> Confirmation:
    """The confirmation text for an executed form (Swedish; pure)."""
    raise NotImplementedError


def mark_confirmation_sent(
    session: Session, user: UserInfo, form_id: int, expected_version: int
) -> FormDetail:
    """Record that the confirmation was sent (now)."""
    raise NotImplementedError


def add_attachment(
    session: Session, user: UserInfo, form_id: int, filename: str, content: bytes
) -> AttachmentRow:
    """Attach a scan (PDF, PNG or JPEG by content; at most MAX_ATTACHMENT_BYTES).

    Raises:
        ValidationError: wrong type or too large (field ``"attachment"``).
    """
    raise NotImplementedError


def get_attachment(session: Session, attachment_id: int) -> tuple[str, str, bytes]:
    """(filename, media type, content) of an attachment."""
    raise NotImplementedError


def list_forms_page(
    session: Session,
    *,
    filters: FormFilter | None = None,
    after: tuple[dt.date, int] | None = None,
    limit: int = PAGE_SIZE,
    today: dt.date | None = None,
) -> list[FormRow]:
    """Forms, most recently received first, with keyset pagination on (received_on, id).

    (The filters are implemented by the service work; this reads the whole register.)
    """
    del filters, today
    stmt = (
        select(
            Form.id,
            Form.registry_number,
            Form.received_on,
            Form.form_type,
            Form.status,
            Form.is_urgent,
            Form.orderer_unit,
        )
        .order_by(Form.received_on.desc(), Form.id.desc())
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(tuple_(Form.received_on, Form.id) < tuple_(*after))
    rows = session.execute(stmt).all()
    people = _main_person_of(session, [row.id for row in rows])
    return [
        FormRow(
            id=row.id,
            registry_number=row.registry_number or "",
            received_on=row.received_on,
            form_type=row.form_type,
            status=row.status,
            is_urgent=row.is_urgent,
            person_masked=mask(people.get(row.id)),
            orderer_unit=row.orderer_unit,
        )
        for row in rows
    ]


def urgent_queue(session: Session, *, today: dt.date | None = None) -> list[FormRow]:
    """Open urgent forms, oldest first (not yet forwarded, executed or closed)."""
    raise NotImplementedError


def _main_person_of(session: Session, form_ids: list[int]) -> dict[int, str]:
    """The person concerned, or the child, of each form."""
    if not form_ids:
        return {}
    stmt = (
        select(FormParty.form_id, FormParty.id_number)
        .where(
            FormParty.form_id.in_(form_ids),
            FormParty.role.in_([PartyRole.SUBJECT, PartyRole.CHILD]),
        )
        .order_by(FormParty.form_id, FormParty.position)
    )
    found: dict[int, str] = {}
    for form_id, number in session.execute(stmt):
        found.setdefault(form_id, number)
    return found
