"""The form register: paper backup forms entered, checked and followed to confirmation.

CONTRACT (issue 5). The data types and function signatures in this module are the
interface between the service layer and the GUI; both are built against it.

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

and, so that what is forwarded is complete and consistent:

* identity numbers: a personnummer or samordningsnummer is checked with
  :func:`~kansli_desk.core.identity.parse_identity` and stored as 12 digits. Any
  other text is taken as a **reservnummer** (free-form, 4 to 20 letters, digits
  and "-"; brief G.3) only when a birth date is entered with it; without one it
  is an error at ``parties.<i>.birth_date``. A number that has the form of a
  personnummer but a wrong check digit, serial 000 or a future date stays an
  error at ``id_text`` (a typing error is far likelier than such a reservnummer);
* the people: the first two types concern exactly one person (``SUBJECT``); the
  child types a ``CHILD`` and one or two ``GUARDIAN``\\ s; nobody twice. For the
  minor type, access given or removed (``access_given``) for the child and/or a
  guardian; the measures stored for it follow from those choices;
* the measures fit the type: seal Journalen, lock the 1177 login or both for
  sealing/locking; unseal, unlock or both for restoring; removing guardian
  access is implied by its type. Sealing/locking and restoring need the
  initiator (the individual or health-care staff);
* a seal needs its scope; a care unit or care provider scope needs the unit; a
  time period needs both days and ``period_from <= period_to``;
* the orderer's name and unit and the head of operations are required; the
  phone, when given, has 6 to 20 digits; text fields have length limits;
* an unsigned form needs no signing date; its ages are then taken on the
  arrival date. A signed form needs the signing date.

Ages are computed with :func:`kansli_desk.core.age_access.age_on` (29 February
birthdays fall on 1 March). A samordningsnummer without an exact birth date must
satisfy an age rule for every birth date it allows. Ages are checked again on
the day a form is forwarded or executed (:func:`transition`): a child who has
turned 16 in the meantime stops the order.

Every failed rule is a :class:`~kansli_desk.errors.ValidationError` whose
``field`` names the :class:`FormInput` field at fault (for a party:
``"parties.<index>.id_text"`` / ``"parties.<index>.birth_date"``; a missing or
superfluous party: ``"parties"``), with an English source message marked
``QT_TRANSLATE_NOOP("Errors", ...)`` (shown in Swedish through Qt's
translation). Services take a Session and never commit.

**Workflow.** Mottagen → Registrerad → (Komplettering begärd ↔ Registrerad) →
Vidarebefordrad → Utförd → Bekräftad → Avslutad. Makulerad (cancelled) and
Avvisad (rejected) are side exits from every state before execution (received,
registered, completion requested, forwarded): an executed order cannot be
withdrawn, only confirmed and closed. An unsigned form goes no further than
Komplettering begärd; an urgent one is forwarded only once IT-Vårdsystemsupport
was phoned. Forwarding checks the whole form again (imported forms may lack
details, see :mod:`kansli_desk.services.form_import`). Moving to Bekräftad
records the confirmation as sent if :func:`mark_confirmation_sent` has not.
Forms can be corrected (:func:`update_form`) until they are forwarded.

**Registry numbers** (diarienummer) ``KD-<year>-<00001>`` count per year of
arrival (``received_on``), as the demo data does, from
:class:`~kansli_desk.models.RegistryCounter`, incremented with one
``UPDATE ... RETURNING`` (a row lock on PostgreSQL; SQLite has one writer at a
time): unique and gap-free however many clerks register at once.

**Overdue** (:func:`is_overdue`): a form not yet executed (received, registered
or forwarded) that arrived more than :data:`OVERDUE_WORKING_DAYS` (5) working
days ago, i.e. not executed by the end of the fifth working day after the day of
arrival; or an urgent form still received or registered (not forwarded) after
the day it arrived. Forms waiting for completion are never overdue: the unit
has them. Working days are those of
:class:`~kansli_desk.core.office_hours.OfficeHours` (Monday to Friday, Swedish
holidays excluded).

**Confirmation** (:func:`confirmation`): a Swedish text to the head of
operations and the orderer. A :class:`FormInput` holds their names only, so the
recipients are those names as typed, unless a name contains an e-mail address,
which is then used instead; the mail program asks for the rest.

Identity numbers are shown masked (``YYYYMMDD-XXXX``) everywhere except in
:attr:`FormDetail.data`, which is for editing and unmasked only for registry
clerks and supervisors (:func:`get_form` records that display in the audit log);
audit details hold masked numbers; nothing here logs a number.

**Roles** (:mod:`kansli_desk.services.roles`): registering, correcting, moving
on, attaching and confirming need a registry clerk or a supervisor; advisors
read forms with masked numbers only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    Date,
    Integer,
    Select,
    Table,
    bindparam,
    delete,
    insert,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kansli_desk.core import age_access
from kansli_desk.core.age_access import AgeLimits, age_on
from kansli_desk.core.enums import (
    AuditAction,
    FormStatus,
    FormType,
    IdKind,
    Initiator,
    Measure,
    PartyRole,
    SealScope,
)
from kansli_desk.core.identity import (
    MSG_CHECKSUM,
    MSG_FUTURE,
    MSG_SERIAL,
    format_number,
    mask,
    parse_identity,
)
from kansli_desk.core.office_hours import TIMEZONE, OfficeHours
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate
from kansli_desk.models import (
    Form,
    FormAttachment,
    FormParty,
    FormStatusChange,
    RegistryCounter,
    User,
    utcnow,
)
from kansli_desk.models.forms import OPEN_FORM
from kansli_desk.services import audit, roles
from kansli_desk.services.compiled import StatementCache
from kansli_desk.services.users import UserInfo

PAGE_SIZE = 200
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
"""Largest scan accepted (PDF, PNG or JPEG, recognised by content, not by name)."""
DUPLICATE_WINDOW_DAYS = 30
OVERDUE_WORKING_DAYS = 5
"""A form not executed by the end of this many working days after arrival is overdue."""
URGENT_QUEUE_LIMIT = 500
TEXT_MAX_LENGTH = 200
PHONE_MAX_LENGTH = 40
NOTE_MAX_LENGTH = 2000
COMMENT_MAX_LENGTH = 1000
FILENAME_MAX_LENGTH = 255
PHONE_DIGITS = (6, 20)
REGISTRY_PREFIX = "KD"
ENTITY = "form"
ATTACHMENT_ENTITY = "form_attachment"
REDACTED_FIELDS = frozenset(
    {"note", "orderer_name", "orderer_phone", "head_of_operations", "it_support_phoned_by"}
)
"""Fields whose corrections the audit log records without their values: the
retention purge removes them from closed forms, and the append-only log would
otherwise keep them for good (see :mod:`kansli_desk.services.retention`)."""

# --- messages (context "Errors") ----------------------------------------------------

MSG_ID_EMPTY = QT_TRANSLATE_NOOP(
    "Errors", "Enter the identity number: personnummer, samordningsnummer or reservnummer."
)
MSG_RESERVE_NEEDS_BIRTH = QT_TRANSLATE_NOOP(
    "Errors",
    "This is not a valid personnummer or samordningsnummer. If it is a reservnummer, "
    "enter the person's birth date as well.",
)
MSG_RESERVE_FORMAT = QT_TRANSLATE_NOOP(
    "Errors",
    "A reservnummer is written with 4 to 20 letters A–Z, digits and “-”.",
)
MSG_BIRTH_FUTURE = age_access.MSG_BIRTH_FUTURE
MSG_BORN_AFTER_SIGNING = QT_TRANSLATE_NOOP(
    "Errors", "The person was not yet born on {date}, the day the form was signed."
)
MSG_BORN_AFTER_ARRIVAL = QT_TRANSLATE_NOOP(
    "Errors", "The person was not yet born on {date}, the day the form arrived."
)
MSG_PERSON_TWICE = QT_TRANSLATE_NOOP("Errors", "The same person is entered twice on the form.")
MSG_NEED_SUBJECT = QT_TRANSLATE_NOOP("Errors", "Enter the person the order concerns.")
MSG_ONE_SUBJECT_ONLY = QT_TRANSLATE_NOOP(
    "Errors", "This order type concerns one person only, with no child or guardian."
)
MSG_NEED_CHILD = QT_TRANSLATE_NOOP("Errors", "Enter the child the order concerns.")
MSG_CHILD_FORM_PARTIES = QT_TRANSLATE_NOOP(
    "Errors", "This order type concerns one child and their guardians: enter them as such."
)
MSG_NEED_GUARDIANS = QT_TRANSLATE_NOOP("Errors", "Enter one or two guardians.")
MSG_ACCESS_CHOICE = QT_TRANSLATE_NOOP(
    "Errors", "Choose for the child, a guardian or both whether access is given or removed."
)
MSG_MINOR_TOO_YOUNG = QT_TRANSLATE_NOOP(
    "Errors",
    "The child is {age} on {date}. Guardians have access until the child turns {low}; "
    "this form is for children aged {low} to {high}.",
)
MSG_MINOR_TOO_OLD = QT_TRANSLATE_NOOP(
    "Errors",
    "The child is {age} on {date}. From {own} the child has access of their own; "
    "this form is for children aged {low} to {high}.",
)
MSG_GUARDIAN_CHILD_TOO_OLD = QT_TRANSLATE_NOOP(
    "Errors",
    "The child is {age} on {date}. From {own} guardians have no access to remove: "
    "the child has access of their own.",
)
MSG_INITIATOR = QT_TRANSLATE_NOOP(
    "Errors", "Choose who asked for the order: the individual or health-care staff."
)
MSG_MEASURES_SEAL = QT_TRANSLATE_NOOP(
    "Errors", "Choose what is ordered: sealing Journalen, locking the 1177 login, or both."
)
MSG_MEASURES_RESTORE = QT_TRANSLATE_NOOP(
    "Errors", "Choose what is restored: unsealing Journalen, unlocking the 1177 login, or both."
)
MSG_MEASURES_FOREIGN = QT_TRANSLATE_NOOP(
    "Errors", "A measure was chosen that does not belong to this order type."
)
MSG_MEASURES_ACCESS = QT_TRANSLATE_NOOP(
    "Errors", "The measures do not match the access given or removed for each person."
)
MSG_SCOPE = QT_TRANSLATE_NOOP("Errors", "Choose what the seal covers.")
MSG_SCOPE_UNIT = QT_TRANSLATE_NOOP(
    "Errors", "Enter the care unit or care provider that the seal covers."
)
MSG_PERIOD_FROM = QT_TRANSLATE_NOOP("Errors", "Enter the first day of the period the seal covers.")
MSG_PERIOD_TO = QT_TRANSLATE_NOOP("Errors", "Enter the last day of the period the seal covers.")
MSG_PERIOD_ORDER = QT_TRANSLATE_NOOP(
    "Errors", "The period ends before it begins: the last day must not be before the first."
)
MSG_RECEIVED_FUTURE = QT_TRANSLATE_NOOP(
    "Errors", "The arrival date is in the future: check the date."
)
MSG_SIGNED_FUTURE = QT_TRANSLATE_NOOP(
    "Errors", "The signing date is in the future: check the date."
)
MSG_SIGNED_REQUIRED = QT_TRANSLATE_NOOP("Errors", "Enter the date the form was signed.")
MSG_ARRIVED_BEFORE_SIGNED = QT_TRANSLATE_NOOP(
    "Errors", "The form cannot have arrived before it was signed ({date}): check both dates."
)
MSG_ORDERER = QT_TRANSLATE_NOOP("Errors", "Enter the name of the person who ordered.")
MSG_ORDERER_UNIT = QT_TRANSLATE_NOOP("Errors", "Enter the orderer's care unit.")
MSG_HEAD = QT_TRANSLATE_NOOP(
    "Errors", "Enter the head of operations (verksamhetschef) who decided the order."
)
MSG_TOO_LONG = QT_TRANSLATE_NOOP(
    "Errors", "The text is {length} characters long; at most {limit} are allowed."
)
MSG_PHONE_FORMAT = QT_TRANSLATE_NOOP(
    "Errors",
    "Write the phone number with 6 to 20 digits; only spaces, “-” and a leading “+” may be added.",
)
MSG_PHONED_BY = QT_TRANSLATE_NOOP("Errors", "Enter who phoned IT-Vårdsystemsupport.")
MSG_PHONED_AT = QT_TRANSLATE_NOOP("Errors", "Enter when IT-Vårdsystemsupport was phoned.")
MSG_PHONED_FUTURE = QT_TRANSLATE_NOOP(
    "Errors", "The time IT-Vårdsystemsupport was phoned is in the future."
)
MSG_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors",
    "Someone else changed this form while you had it open. Open it again to see their "
    "changes, then make yours.",
)
MSG_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "The form no longer exists.")
MSG_NOT_EDITABLE = QT_TRANSLATE_NOOP(
    "Errors",
    "The form can no longer be corrected: it is “{status}”. Forms can be corrected until "
    "they are forwarded.",
)
MSG_TRANSITION = QT_TRANSLATE_NOOP(
    "Errors", "A form that is “{from_status}” cannot be moved to “{to_status}”."
)
MSG_UNSIGNED = QT_TRANSLATE_NOOP(
    "Errors",
    "The form is not signed: until a signed form arrives it can only be sent back for "
    "completion, cancelled or rejected.",
)
MSG_URGENT_NOT_PHONED = QT_TRANSLATE_NOOP(
    "Errors",
    "An urgent form can be forwarded only after IT-Vårdsystemsupport was phoned: record "
    "when and by whom first.",
)
MSG_AGE_NOW_MINOR = QT_TRANSLATE_NOOP(
    "Errors",
    "The child is {age} today: the order is for children aged {low} to {high} and can no "
    "longer be carried out. Reject the form or ask the unit for a new one.",
)
MSG_AGE_NOW_GUARDIAN = QT_TRANSLATE_NOOP(
    "Errors",
    "The child is {age} today: from {own} guardians have no access to remove. Reject the "
    "form or ask the unit for a new one.",
)
MSG_COMMENT_TOO_LONG = QT_TRANSLATE_NOOP(
    "Errors", "The comment is {length} characters long; at most {limit} are allowed."
)
MSG_CONFIRM_NOT_EXECUTED = QT_TRANSLATE_NOOP(
    "Errors", "A confirmation can be sent once the order has been executed."
)
MSG_ATTACHMENT_TYPE = QT_TRANSLATE_NOOP(
    "Errors",
    "Attach the scan as a PDF, PNG or JPEG file; this file is none of them (its content "
    "was checked, not its name).",
)
MSG_ATTACHMENT_SIZE = QT_TRANSLATE_NOOP(
    "Errors", "The file is {size} MB; at most {limit} MB can be attached."
)
MSG_ATTACHMENT_EMPTY = QT_TRANSLATE_NOOP("Errors", "The file is empty.")
MSG_ATTACHMENT_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "The attachment no longer exists.")


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
    sha256: str = ""


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

    ``held_back`` says why a next step of the workflow is not offered now
    (unsigned, urgent without the call to IT support, incomplete, the child's
    age changed), for the form view to show.
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
    executed_at: dt.datetime | None = None
    overdue: bool = False
    held_back: tuple[HeldBack, ...] = ()


@dataclass(frozen=True)
class HeldBack:
    """Why the workflow's step to ``status`` is not offered now.

    Attributes:
        status: the step held back.
        template: the English message (context "Errors"); :meth:`message` translates it.
        params: the message's parameters.
        field: the :class:`FormInput` field to correct, when there is one.
    """

    status: FormStatus
    template: str
    params: tuple[tuple[str, Any], ...] = ()
    field: str | None = None

    @classmethod
    def of(cls, status: FormStatus, error: ValidationError) -> HeldBack:
        return cls(status, error.template, tuple(sorted(error.params.items())), error.field)

    def message(self) -> str:
        """The reason in the current language."""
        return translate("Errors", self.template).format(**dict(self.params))


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


# --- statuses -----------------------------------------------------------------------------

S = FormStatus
PROCESSING: tuple[FormStatus, ...] = (S.RECEIVED, S.REGISTERED, S.COMPLETION_REQUESTED, S.FORWARDED)
"""Not yet executed: side exits allowed; the partial index ``ix_forms_open_received``."""
ACTIVE: tuple[FormStatus, ...] = (*PROCESSING, S.EXECUTED, S.CONFIRMED)
"""Not closed, cancelled or rejected: "open" for the duplicate warning."""
EDITABLE: tuple[FormStatus, ...] = (S.RECEIVED, S.REGISTERED, S.COMPLETION_REQUESTED)
OVERDUE_STATUSES: tuple[FormStatus, ...] = (S.RECEIVED, S.REGISTERED, S.FORWARDED)
URGENT_WAITING: tuple[FormStatus, ...] = (S.RECEIVED, S.REGISTERED, S.COMPLETION_REQUESTED)
"""Urgent forms in the urgent queue: not yet forwarded, executed or closed."""
_SIDE_EXITS = (S.CANCELLED, S.REJECTED)
_NEXT: dict[FormStatus, tuple[FormStatus, ...]] = {
    S.RECEIVED: (S.REGISTERED,),
    S.REGISTERED: (S.COMPLETION_REQUESTED, S.FORWARDED),
    S.COMPLETION_REQUESTED: (S.REGISTERED,),
    S.FORWARDED: (S.EXECUTED,),
    S.EXECUTED: (S.CONFIRMED,),
    S.CONFIRMED: (S.CLOSED,),
    S.CLOSED: (),
    S.CANCELLED: (),
    S.REJECTED: (),
}
# How far an unsigned form may go: nothing after "completion requested" in the order.
_UNSIGNED_REACH = frozenset({S.RECEIVED, S.REGISTERED, S.COMPLETION_REQUESTED, *_SIDE_EXITS})

_SUBJECT_TYPES = (FormType.SEAL_OR_LOCK, FormType.RESTORE_ACCESS)
_CHILD_TYPES = (FormType.REMOVE_GUARDIAN_ACCESS, FormType.MINOR_ACCESS)
_SEAL_MEASURES = frozenset({Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN})
_RESTORE_MEASURES = frozenset({Measure.UNSEAL_JOURNAL, Measure.UNLOCK_LOGIN})
_ACCESS_MEASURES = frozenset({Measure.GIVE_MINOR_ACCESS, Measure.REMOVE_MINOR_ACCESS})
_MEASURE_ORDER = {measure: index for index, measure in enumerate(Measure)}


def allowed_transitions(
    status: FormStatus, *, is_signed: bool, is_urgent: bool, it_support_phoned: bool
) -> tuple[FormStatus, ...]:
    """The statuses a form may move to from ``status`` (pure)."""
    found = list(_NEXT[status])
    if status in PROCESSING:
        found.extend(_SIDE_EXITS)
    if not is_signed:
        found = [s for s in found if s in _UNSIGNED_REACH]
    if is_urgent and not it_support_phoned:
        found = [s for s in found if s is not S.FORWARDED]
    return tuple(found)


def today_in_sweden() -> dt.date:
    """The date in Sweden now (the default ``today`` of every function here)."""
    return dt.datetime.now(TIMEZONE).date()


# --- checking a form ----------------------------------------------------------------------


@dataclass(frozen=True)
class NormalisedParty:
    """A validated party, as stored."""

    index: int  # position in FormInput.parties
    role: PartyRole
    kind: IdKind
    number: str  # 12 digits, or the reservnummer as written (upper case, no spaces)
    born: dt.date  # the earliest possible birth date
    latest: dt.date  # the latest possible birth date (== born when exact)
    name: str
    access_given: bool | None

    @property
    def field(self) -> str:
        """The input field an age problem belongs to."""
        part = "birth_date" if self.kind is IdKind.RESERVNUMMER else "id_text"
        return f"parties.{self.index}.{part}"


@dataclass(frozen=True)
class NormalisedForm:
    """The values of a checked form as they are stored (see :func:`normalise_form`)."""

    persons: tuple[NormalisedParty, ...]
    initiator: Initiator | None
    measures: tuple[Measure, ...]
    seal_scope: SealScope | None
    scope_unit: str | None
    period_from: dt.date | None
    period_to: dt.date | None
    orderer_name: str
    orderer_title: str
    orderer_unit: str
    orderer_phone: str
    head_of_operations: str
    phoned_at: dt.datetime | None
    phoned_by: str | None
    note: str


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PHONE = re.compile(r"\+?[0-9 -]+")
_RESERVE = re.compile(r"[0-9A-Z+-]{4,20}", re.ASCII)
_IDENTITY_TYPOS = (MSG_CHECKSUM, MSG_SERIAL, MSG_FUTURE)


def _line(value: str) -> str:
    """One line of text: control characters removed, whitespace collapsed."""
    return " ".join(_CONTROL.sub(" ", value).split())


def _multiline(value: str) -> str:
    """Free text: control characters but tab and newline removed, ends stripped."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _length(value: str, limit: int, name: str, problems: list[ValidationError]) -> str:
    if len(value) > limit:
        problems.append(ValidationError(MSG_TOO_LONG, field=name, length=len(value), limit=limit))
    return value


def _parse_party(
    index: int, party: PartyInput, today: dt.date, problems: list[ValidationError]
) -> NormalisedParty | None:
    """A validated person, or None with the problem added."""
    prefix = f"parties.{index}"
    name = _line(party.name)
    if len(name) > TEXT_MAX_LENGTH:
        problems.append(
            ValidationError(
                MSG_TOO_LONG, field=f"{prefix}.name", length=len(name), limit=TEXT_MAX_LENGTH
            )
        )
        return None
    typed = _line(party.id_text)
    if not typed:
        problems.append(ValidationError(MSG_ID_EMPTY, field=f"{prefix}.id_text"))
        return None
    try:
        number = parse_identity(typed, today=today)
    except ValidationError as exc:
        if exc.template in _IDENTITY_TYPOS:
            problems.append(ValidationError(exc.template, field=f"{prefix}.id_text", **exc.params))
            return None
        return _reserve_person(index, party, typed, name, today=today, problems=problems)
    latest = number.birth_date
    if not number.birth_date_exact:  # a samordningsnummer without its day or month
        latest = age_access.parse_birth(number.number, today=today).latest
    return NormalisedParty(
        index, party.role, number.kind, number.number, number.birth_date, latest, name,
        party.access_given,
    )  # fmt: skip


def _reserve_person(
    index: int,
    party: PartyInput,
    typed: str,
    name: str,
    *,
    today: dt.date,
    problems: list[ValidationError],
) -> NormalisedParty | None:
    prefix = f"parties.{index}"
    if party.birth_date is None:
        problems.append(ValidationError(MSG_RESERVE_NEEDS_BIRTH, field=f"{prefix}.birth_date"))
        return None
    number = re.sub(r"\s", "", typed).upper()
    if not _RESERVE.fullmatch(number):
        problems.append(ValidationError(MSG_RESERVE_FORMAT, field=f"{prefix}.id_text"))
        return None
    if party.birth_date > today:
        problems.append(ValidationError(MSG_BIRTH_FUTURE, field=f"{prefix}.birth_date"))
        return None
    born = party.birth_date
    return NormalisedParty(
        index, party.role, IdKind.RESERVNUMMER, number, born, born, name, party.access_given
    )


def _age_range(person: NormalisedParty, on: dt.date) -> tuple[int, int]:
    """(youngest, oldest) possible age on ``on``."""
    oldest = age_on(person.born, on)
    youngest = age_on(person.latest, on) if person.latest <= on else 0
    return youngest, oldest


def _age_problem(
    form_type: FormType, child: NormalisedParty, on: dt.date, limits: AgeLimits, *, executing: bool
) -> ValidationError | None:
    """The child's age breaks the rule of ``form_type`` on ``on`` (None: it holds)."""
    youngest, oldest = _age_range(child, on)
    params: dict[str, Any] = {
        "date": on.isoformat(),
        "low": limits.guardian_until,
        "high": limits.minor_last_age,
        "own": limits.own_from,
    }
    if form_type is FormType.MINOR_ACCESS:
        if youngest < limits.guardian_until:
            template = MSG_AGE_NOW_MINOR if executing else MSG_MINOR_TOO_YOUNG
            return ValidationError(template, field=child.field, age=youngest, **params)
        if oldest >= limits.own_from:
            template = MSG_AGE_NOW_MINOR if executing else MSG_MINOR_TOO_OLD
            return ValidationError(template, field=child.field, age=oldest, **params)
    elif form_type is FormType.REMOVE_GUARDIAN_ACCESS and oldest >= limits.own_from:
        template = MSG_AGE_NOW_GUARDIAN if executing else MSG_GUARDIAN_CHILD_TOO_OLD
        return ValidationError(template, field=child.field, age=oldest, **params)
    return None


def check_form(
    data: FormInput,
    *,
    today: dt.date,
    limits: AgeLimits | None = None,
    require_details: bool = True,
) -> list[ValidationError]:
    """Every rule of a single form that needs no database; an empty list if all hold.

    Args:
        data: the form as entered.
        today: the date in Sweden (what is "in the future").
        limits: the age limits (default 13 and 16; the program passes its settings).
        require_details: False for forms imported from the old register, which
            holds no measures, seal scope, guardians or access choices: those may
            then be missing (the rest is checked as always) and are required
            before the form is forwarded.
    """
    problems, _ = _check(data, today, limits or AgeLimits(), require_details)
    return problems


def normalise_form(
    data: FormInput,
    *,
    today: dt.date,
    limits: AgeLimits | None = None,
    require_details: bool = True,
) -> tuple[list[ValidationError], NormalisedForm]:
    """:func:`check_form`'s problems and the values to store (meaningful when there are
    none): numbers as 12 digits, text trimmed, measures and scope as they apply."""
    return _check(data, today, limits or AgeLimits(), require_details)


def _check(
    data: FormInput, today: dt.date, limits: AgeLimits, require_details: bool = True
) -> tuple[list[ValidationError], NormalisedForm]:
    problems: list[ValidationError] = []
    _check_dates(data, today, problems)
    reference = data.signed_on or data.received_on
    persons = _check_people(
        data, today, reference, limits, require_details=require_details, problems=problems
    )
    initiator = data.initiator if data.form_type in _SUBJECT_TYPES else None
    if data.form_type in _SUBJECT_TYPES and initiator is None:
        problems.append(ValidationError(MSG_INITIATOR, field="initiator"))
    measures = _check_measures(data, require_details, problems)
    scope, unit, period = _check_scope(data, measures, require_details, problems)
    orderer_name = _length(_line(data.orderer_name), TEXT_MAX_LENGTH, "orderer_name", problems)
    if not orderer_name:
        problems.append(ValidationError(MSG_ORDERER, field="orderer_name"))
    title = _length(_line(data.orderer_title), TEXT_MAX_LENGTH, "orderer_title", problems)
    unit_name = _length(_line(data.orderer_unit), TEXT_MAX_LENGTH, "orderer_unit", problems)
    if not unit_name:
        problems.append(ValidationError(MSG_ORDERER_UNIT, field="orderer_unit"))
    phone = _line(data.orderer_phone)
    if phone:
        digits = sum(ch.isdigit() for ch in phone)
        if not _PHONE.fullmatch(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            problems.append(ValidationError(MSG_PHONE_FORMAT, field="orderer_phone"))
    head = _length(_line(data.head_of_operations), TEXT_MAX_LENGTH, "head_of_operations", problems)
    if not head:
        problems.append(ValidationError(MSG_HEAD, field="head_of_operations"))
    phoned_at, phoned_by = _check_phone_call(data, today, problems)
    note = _length(_multiline(data.note), NOTE_MAX_LENGTH, "note", problems)
    clean = NormalisedForm(
        persons=tuple(persons),
        initiator=initiator,
        measures=measures,
        seal_scope=scope,
        scope_unit=unit,
        period_from=period[0],
        period_to=period[1],
        orderer_name=orderer_name,
        orderer_title=title,
        orderer_unit=unit_name,
        orderer_phone=phone,
        head_of_operations=head,
        phoned_at=phoned_at,
        phoned_by=phoned_by,
        note=note,
    )
    return _one_per_field(problems), clean


def _one_per_field(problems: list[ValidationError]) -> list[ValidationError]:
    """The first problem of each field, in the order found."""
    seen: set[str | None] = set()
    found = []
    for problem in problems:
        if problem.field not in seen:
            seen.add(problem.field)
            found.append(problem)
    return found


def _check_dates(data: FormInput, today: dt.date, problems: list[ValidationError]) -> None:
    if data.received_on > today:
        problems.append(ValidationError(MSG_RECEIVED_FUTURE, field="received_on"))
    signed = data.signed_on
    if signed is None:
        if data.is_signed:
            problems.append(ValidationError(MSG_SIGNED_REQUIRED, field="signed_on"))
        return
    if signed > today:
        problems.append(ValidationError(MSG_SIGNED_FUTURE, field="signed_on"))
    elif data.received_on < signed:
        problems.append(
            ValidationError(MSG_ARRIVED_BEFORE_SIGNED, field="received_on", date=signed.isoformat())
        )


def _check_people(
    data: FormInput,
    today: dt.date,
    reference: dt.date,
    limits: AgeLimits,
    *,
    require_details: bool,
    problems: list[ValidationError],
) -> list[NormalisedParty]:
    persons: list[NormalisedParty] = []
    numbers: set[str] = set()
    born_after = MSG_BORN_AFTER_SIGNING if data.signed_on is not None else MSG_BORN_AFTER_ARRIVAL
    for index, party in enumerate(data.parties):
        person = _parse_party(index, party, today, problems)
        if person is None:
            continue
        if person.number in numbers:
            problems.append(ValidationError(MSG_PERSON_TWICE, field=f"parties.{index}.id_text"))
            continue
        numbers.add(person.number)
        if person.born > reference:
            problems.append(
                ValidationError(born_after, field=person.field, date=reference.isoformat())
            )
            continue
        persons.append(person)
    roles_problem = _roles_problem(data, require_details)
    if roles_problem is not None:
        problems.append(roles_problem)
    child = next((p for p in persons if p.role is PartyRole.CHILD), None)
    if child is not None and data.form_type in _CHILD_TYPES:
        problem = _age_problem(data.form_type, child, reference, limits, executing=False)
        if problem is not None:
            problems.append(problem)
    return persons


def _roles_problem(data: FormInput, require_details: bool) -> ValidationError | None:
    """Who is on the form, against what its type needs (field ``parties``)."""
    roles = [party.role for party in data.parties]
    if data.form_type in _SUBJECT_TYPES:
        if PartyRole.SUBJECT not in roles:
            return ValidationError(MSG_NEED_SUBJECT, field="parties")
        if len(roles) > 1:
            return ValidationError(MSG_ONE_SUBJECT_ONLY, field="parties")
        return None
    children = roles.count(PartyRole.CHILD)
    guardians = roles.count(PartyRole.GUARDIAN)
    if children == 0:
        return ValidationError(MSG_NEED_CHILD, field="parties")
    if children > 1 or PartyRole.SUBJECT in roles:
        return ValidationError(MSG_CHILD_FORM_PARTIES, field="parties")
    if guardians > 2 or (require_details and guardians == 0):
        return ValidationError(MSG_NEED_GUARDIANS, field="parties")
    if (
        require_details
        and data.form_type is FormType.MINOR_ACCESS
        and all(party.access_given is None for party in data.parties)
    ):
        return ValidationError(MSG_ACCESS_CHOICE, field="parties")
    return None


def _check_measures(
    data: FormInput,
    require_details: bool,
    problems: list[ValidationError],
) -> tuple[Measure, ...]:
    """The measures to store (in a fixed order)."""
    chosen = frozenset(data.measures)
    form_type = data.form_type
    if form_type in _SUBJECT_TYPES:
        allowed = _SEAL_MEASURES if form_type is FormType.SEAL_OR_LOCK else _RESTORE_MEASURES
        if chosen - allowed:
            problems.append(ValidationError(MSG_MEASURES_FOREIGN, field="measures"))
        elif not chosen and require_details:
            message = (
                MSG_MEASURES_SEAL if form_type is FormType.SEAL_OR_LOCK else (MSG_MEASURES_RESTORE)
            )
            problems.append(ValidationError(message, field="measures"))
        result = chosen & allowed
    elif form_type is FormType.REMOVE_GUARDIAN_ACCESS:
        if chosen - {Measure.REMOVE_GUARDIAN_ACCESS}:
            problems.append(ValidationError(MSG_MEASURES_FOREIGN, field="measures"))
        result = frozenset({Measure.REMOVE_GUARDIAN_ACCESS})
    else:
        if chosen - _ACCESS_MEASURES:
            problems.append(ValidationError(MSG_MEASURES_FOREIGN, field="measures"))
        given = {p.access_given for p in data.parties if p.access_given is not None}
        result = frozenset(
            Measure.GIVE_MINOR_ACCESS if value else Measure.REMOVE_MINOR_ACCESS for value in given
        )
        if chosen & _ACCESS_MEASURES and chosen & _ACCESS_MEASURES != result:
            problems.append(ValidationError(MSG_MEASURES_ACCESS, field="measures"))
    return tuple(sorted(result, key=_MEASURE_ORDER.__getitem__))


def _check_scope(
    data: FormInput,
    measures: Sequence[Measure],
    require_details: bool,
    problems: list[ValidationError],
) -> tuple[SealScope | None, str | None, tuple[dt.date | None, dt.date | None]]:
    """The seal's scope, unit and period to store (None when they do not apply)."""
    if Measure.SEAL_JOURNAL not in measures:
        return None, None, (None, None)
    scope = data.seal_scope
    if scope is None:
        if require_details:
            problems.append(ValidationError(MSG_SCOPE, field="seal_scope"))
        return None, None, (None, None)
    if scope in (SealScope.CARE_UNIT, SealScope.CARE_PROVIDER):
        unit = _length(_line(data.scope_unit), TEXT_MAX_LENGTH, "scope_unit", problems)
        if not unit:
            problems.append(ValidationError(MSG_SCOPE_UNIT, field="scope_unit"))
        return scope, unit, (None, None)
    if scope is SealScope.TIME_PERIOD:
        first, last = data.period_from, data.period_to
        if first is None:
            problems.append(ValidationError(MSG_PERIOD_FROM, field="period_from"))
        if last is None:
            problems.append(ValidationError(MSG_PERIOD_TO, field="period_to"))
        if first is not None and last is not None and first > last:
            problems.append(ValidationError(MSG_PERIOD_ORDER, field="period_to"))
        return scope, None, (first, last)
    return scope, None, (None, None)


def _check_phone_call(
    data: FormInput, today: dt.date, problems: list[ValidationError]
) -> tuple[dt.datetime | None, str | None]:
    """When and by whom IT support was phoned (both or neither)."""
    at = data.it_support_phoned_at
    if at is not None and at.tzinfo is None:
        raise ValueError("it_support_phoned_at must be an aware datetime")
    by = _length(
        _line(data.it_support_phoned_by), TEXT_MAX_LENGTH, "it_support_phoned_by", problems
    )
    if at is not None and at.astimezone(TIMEZONE).date() > today:
        problems.append(ValidationError(MSG_PHONED_FUTURE, field="it_support_phoned_at"))
    if at is not None and not by:
        problems.append(ValidationError(MSG_PHONED_BY, field="it_support_phoned_by"))
    if by and at is None:
        problems.append(ValidationError(MSG_PHONED_AT, field="it_support_phoned_at"))
    return (None if at is None else at.astimezone(dt.UTC)), (by or None)


# --- duplicates ---------------------------------------------------------------------------


def _main_numbers(data: FormInput, today: dt.date) -> list[str]:
    """The stored numbers of the person concerned or the child, where they are valid."""
    found = []
    for index, party in enumerate(data.parties):
        if party.role not in (PartyRole.SUBJECT, PartyRole.CHILD):
            continue
        person = _parse_party(index, party, today, [])
        if person is not None:
            found.append(person.number)
    return found


def duplicates(
    session: Session, data: FormInput, *, today: dt.date, exclude_id: int | None = None
) -> list[DuplicateRow]:
    """Open forms of the same type for the same person, or received in the last 30 days.

    "The same person" is the person concerned or the child; "open" is any status
    but closed, cancelled and rejected; a form of the same type received in the
    last :data:`DUPLICATE_WINDOW_DAYS` days counts whatever its status.
    """
    numbers = _main_numbers(data, today)
    if not numbers:
        return []
    since = today - dt.timedelta(days=DUPLICATE_WINDOW_DAYS)
    stmt = (
        select(_F.id, _F.registry_number, _F.form_type, _F.status, _F.received_on, _P.id_number)
        .select_from(_PARTIES)
        .join(_FORMS, _F.id == _P.form_id)
        .where(
            _P.id_number.in_(numbers),
            _P.role.in_([PartyRole.SUBJECT, PartyRole.CHILD]),
            _F.form_type == data.form_type,
            or_(_F.status.in_(ACTIVE), _F.received_on >= since),
        )
        .order_by(_F.received_on.desc(), _F.id.desc())
    )
    if exclude_id is not None:
        stmt = stmt.where(_F.id != exclude_id)
    return [
        DuplicateRow(
            id=row.id,
            registry_number=row.registry_number or "",
            form_type=row.form_type,
            status=row.status,
            received_on=row.received_on,
            person_masked=mask(row.id_number),
        )
        for row in session.execute(stmt)
    ]


# --- registering and correcting -----------------------------------------------------------


def registry_number(year: int, serial: int) -> str:
    """``KD-2026-00042``."""
    return f"{REGISTRY_PREFIX}-{year}-{serial:05d}"


def reserve_registry_numbers(session: Session, year: int, count: int = 1) -> int:
    """Take ``count`` consecutive registry serials of ``year``; returns the first.

    One ``UPDATE registry_counters ... RETURNING``: on PostgreSQL the row stays
    locked until the caller's transaction ends, so concurrent registrations get
    distinct, gap-free numbers; a year's first number inserts the counter row
    (``ON CONFLICT DO NOTHING``, then the same UPDATE).
    """
    table = _COUNTERS
    bump = (
        update(table)
        .where(table.c.year == year)
        .values(last_number=table.c.last_number + count)
        .returning(table.c.last_number)
    )
    last = session.execute(bump).scalar_one_or_none()
    if last is None:
        # Imported here: the PostgreSQL dialect is not loaded into SQLite sessions.
        if session.connection().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            first: Any = pg_insert(table).on_conflict_do_nothing(index_elements=["year"])
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            first = sqlite_insert(table).on_conflict_do_nothing(index_elements=["year"])
        session.execute(first.values(year=year, last_number=0))
        last = session.execute(bump).scalar_one()
    return int(last) - count + 1


def register_form(
    session: Session,
    user: UserInfo,
    data: FormInput,
    *,
    today: dt.date | None = None,
    limits: AgeLimits | None = None,
    now: dt.datetime | None = None,
) -> FormDetail:
    """Check and store a new form as "Registrerad" (history: Mottagen → Registrerad),
    assigning the next registry number ``KD-<year>-<00001>``; audited.

    Raises:
        FormInvalid: a rule failed; nothing was written.
        NotAllowed: the user is an advisor.
    """
    roles.require(user, roles.Permission.FORMS_CHANGE)
    today = today or today_in_sweden()
    now = now or utcnow()
    problems, clean = _check(data, today, limits or AgeLimits())
    if problems:
        raise FormInvalid(problems)
    serial = reserve_registry_numbers(session, data.received_on.year)
    form = Form(
        registry_number=registry_number(data.received_on.year, serial),
        form_type=data.form_type,
        status=S.REGISTERED,
        is_signed=data.is_signed,
        is_urgent=data.is_urgent,
        signed_on=data.signed_on,
        received_on=data.received_on,
        registered_at=now,
        created_by_id=user.id,
        created_at=now,
        updated_at=now,
    )
    _apply(form, clean)
    session.add(form)
    session.flush()
    _store_parties(session, form.id, clean.persons)
    session.add_all(
        [
            FormStatusChange(
                form_id=form.id, from_status=None, to_status=S.RECEIVED, changed_at=now,
                changed_by_id=user.id,
            ),
            FormStatusChange(
                form_id=form.id, from_status=S.RECEIVED, to_status=S.REGISTERED,
                changed_at=now, changed_by_id=user.id,
            ),
        ]
    )  # fmt: skip
    audit.record(
        session,
        user,
        AuditAction.CREATE,
        entity=ENTITY,
        entity_id=form.id,
        person_number=main_number(clean.persons),
        details={"registry_number": form.registry_number},
    )
    session.flush()
    return _read_form(session, form.id, unmasked=True, today=today, limits=limits)


def _apply(form: Form, clean: NormalisedForm) -> None:
    """Copy the normalised values (but status, dates and flags) onto the form."""
    form.initiator = clean.initiator
    form.measures = [measure.value for measure in clean.measures]
    form.seal_scope = clean.seal_scope
    form.scope_unit = clean.scope_unit
    form.period_from = clean.period_from
    form.period_to = clean.period_to
    form.orderer_name = clean.orderer_name
    form.orderer_title = clean.orderer_title
    form.orderer_unit = clean.orderer_unit
    form.orderer_phone = clean.orderer_phone
    form.head_of_operations = clean.head_of_operations
    form.it_support_phoned_at = clean.phoned_at
    form.it_support_phoned_by = clean.phoned_by
    form.note = clean.note


def main_number(persons: Iterable[NormalisedParty]) -> str | None:
    """The number of the person concerned, or of the child."""
    for person in persons:
        if person.role in (PartyRole.SUBJECT, PartyRole.CHILD):
            return person.number
    return None


def _party_rows(form_id: int, persons: Iterable[NormalisedParty]) -> list[dict[str, Any]]:
    return [
        {
            "form_id": form_id,
            "role": person.role,
            "position": position,
            "id_kind": person.kind,
            "id_number": person.number,
            "birth_date": person.born,
            "name": person.name,
            "access_given": person.access_given,
        }
        for position, person in enumerate(persons)
    ]


def _store_parties(session: Session, form_id: int, persons: Sequence[NormalisedParty]) -> None:
    if persons:
        session.execute(insert(_PARTIES), _party_rows(form_id, persons))


# Plain SQL: a Core update() would also set the onupdate column updated_at.
_SQLITE_WRITE_LOCK = text("UPDATE forms SET id = id WHERE id = :id")


def _lock_form(session: Session, form_id: int) -> Form:
    """The form, read fresh and locked until the transaction ends.

    PostgreSQL: ``SELECT ... FOR UPDATE``. SQLite has no row locks: a no-op
    UPDATE of the row first takes the database's write lock (waiting for another
    writer as the busy timeout allows), so the read that follows sees the last
    committed version and nobody can change it before this transaction ends.

    Raises:
        FormNotFound: no such form.
    """
    if session.connection().dialect.name == "sqlite":
        session.execute(_SQLITE_WRITE_LOCK, {"id": form_id})
    form = session.scalars(
        select(Form)
        .where(Form.id == form_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if form is None:
        raise FormNotFound(MSG_NOT_FOUND)
    return form


def _flush_or_conflict(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError:  # the UPDATE ... WHERE version = ... found no row
        raise FormConflict(MSG_CONFLICT) from None


def update_form(
    session: Session,
    user: UserInfo,
    form_id: int,
    expected_version: int,
    data: FormInput,
    *,
    today: dt.date | None = None,
    limits: AgeLimits | None = None,
    now: dt.datetime | None = None,
) -> FormDetail:
    """Store corrected values (the status stays); audited with the changed fields.

    Forms can be corrected while received, registered or waiting for completion.
    The registry number, the arrival year's counter and the status never change
    here. Nothing is written when nothing changed.

    Raises:
        FormInvalid, FormConflict, FormNotFound; ValidationError when the form was
        already forwarded; NotAllowed: the user is an advisor.
    """
    roles.require(user, roles.Permission.FORMS_CHANGE)
    today = today or today_in_sweden()
    now = now or utcnow()
    form = _lock_form(session, form_id)
    if form.version != expected_version:
        raise FormConflict(MSG_CONFLICT)
    if form.status not in EDITABLE:
        raise ValidationError(MSG_NOT_EDITABLE, field="status", status=form.status.label)
    problems, clean = _check(data, today, limits or AgeLimits())
    if problems:
        raise FormInvalid(problems)
    old_persons = _stored_persons(session, form_id)
    with session.no_autoflush:
        before = _snapshot(form, old_persons)
        form.is_signed = data.is_signed
        form.is_urgent = data.is_urgent
        form.signed_on = data.signed_on
        form.received_on = data.received_on
        form.form_type = data.form_type
        _apply(form, clean)
        after = _snapshot(form, clean.persons)
    changes = [
        {"field": name, "redacted": True}
        if name in REDACTED_FIELDS
        else {"field": name, "old": before[name][1], "new": after[name][1]}
        for name in before
        if before[name][0] != after[name][0]
    ]
    if not changes:
        session.expire(form)
        return _read_form(session, form_id, unmasked=True, today=today, limits=limits)
    form.updated_at = now  # an UPDATE even when only the people changed: the version moves
    _flush_or_conflict(session)
    if before["parties"][0] != after["parties"][0]:
        session.execute(delete(_PARTIES).where(_P.form_id == form_id))
        _store_parties(session, form_id, clean.persons)
    audit.record(
        session,
        user,
        AuditAction.UPDATE,
        entity=ENTITY,
        entity_id=form_id,
        person_number=main_number(clean.persons),
        details={"changes": changes},
    )
    session.flush()
    return _read_form(session, form_id, unmasked=True, today=today, limits=limits)


def _snapshot(form: Form, persons: Sequence[NormalisedParty]) -> dict[str, tuple[str, str]]:
    """Each editable field as (value to compare, value for the audit record)."""

    def same(value: object) -> tuple[str, str]:
        shown = "" if value is None else str(getattr(value, "value", value))
        return shown, shown

    people = [
        (person.role.value, person.number, str(person.born), person.name, str(person.access_given))
        for person in persons
    ]
    shown = "; ".join(
        f"{person.role.value} {mask(person.number)}"
        + ("" if person.access_given is None else f" access={person.access_given}")
        for person in persons
    )
    return {
        "form_type": same(form.form_type),
        "received_on": same(form.received_on),
        "parties": (repr(people), shown),
        "initiator": same(form.initiator),
        "measures": (",".join(form.measures), ",".join(form.measures)),
        "seal_scope": same(form.seal_scope),
        "scope_unit": same(form.scope_unit),
        "period_from": same(form.period_from),
        "period_to": same(form.period_to),
        "orderer_name": same(form.orderer_name),
        "orderer_title": same(form.orderer_title),
        "orderer_unit": same(form.orderer_unit),
        "orderer_phone": same(form.orderer_phone),
        "head_of_operations": same(form.head_of_operations),
        "signed_on": same(form.signed_on),
        "is_signed": same(form.is_signed),
        "is_urgent": same(form.is_urgent),
        "it_support_phoned_at": same(
            None if form.it_support_phoned_at is None else form.it_support_phoned_at.isoformat()
        ),
        "it_support_phoned_by": same(form.it_support_phoned_by),
        "note": same(form.note),
    }


def _stored_persons(
    session: Session, form_id: int, *, masked: bool = False
) -> list[NormalisedParty]:
    """The parties of a form; with ``masked``, their numbers masked (``id_masked``,
    which every role may read: an advisor's database login may not read ``id_number``)."""
    number = _P.id_masked if masked else _P.id_number
    rows = session.execute(
        select(_P.role, _P.id_kind, number.label("id_number"), _P.birth_date, _P.name,
               _P.access_given)
        .where(_P.form_id == form_id)
        .order_by(_P.position, _P.id)
    ).all()  # fmt: skip
    persons = []
    for index, row in enumerate(rows):
        latest = row.birth_date
        # An anonymised person (retention purge) has an empty number and keeps its kind.
        # The masked number keeps the date part, all that the latest birth date needs.
        if row.id_kind is IdKind.SAMORDNINGSNUMMER and row.id_number:
            latest = age_access.latest_birth(row.id_number, row.birth_date)
        persons.append(
            NormalisedParty(
                index, row.role, row.id_kind, row.id_number, row.birth_date, latest,
                row.name or "", row.access_given,
            )
        )  # fmt: skip
    return persons


# --- reading one form ---------------------------------------------------------------------


def get_form(
    session: Session,
    form_id: int,
    *,
    user: UserInfo | None = None,
    today: dt.date | None = None,
    limits: AgeLimits | None = None,
) -> FormDetail:
    """A stored form with its history, attachments and the transitions allowed now.

    The identity numbers in :attr:`FormDetail.data` (for correcting the form)
    are unmasked only for a ``user`` whose role may see them (registry clerks
    and supervisors); that display is recorded in the audit log, one
    ``VIEW_UNMASKED`` event per person, in the caller's transaction. Without a
    user, and for advisors, they are masked like :attr:`FormDetail.parties`.

    An advisor's form is read without the numbers themselves (their database
    login may not read them); the transitions shown skip the re-check of the
    whole numbers (see :func:`_next_steps`).

    Raises:
        FormNotFound: no such form.
    """
    unmasked = user is not None and roles.allowed(user.role, roles.Permission.FORMS_UNMASKED)
    if user is not None and not unmasked:
        return _read_form(session, form_id, unmasked=False, today=today, limits=limits,
                          numbers_readable=False)  # fmt: skip
    detail = _read_form(session, form_id, unmasked=unmasked, today=today, limits=limits)
    if user is not None and unmasked:
        numbers = dict.fromkeys(n for p in _stored_persons(session, form_id) if (n := p.number))
        for number in numbers:
            audit.record(
                session,
                user,
                AuditAction.VIEW_UNMASKED,
                entity=ENTITY,
                entity_id=form_id,
                person_number=number,
                details={"registry_number": detail.registry_number},
            )
        session.flush()
    return detail


def _read_form(
    session: Session,
    form_id: int,
    *,
    unmasked: bool,
    today: dt.date | None = None,
    limits: AgeLimits | None = None,
    numbers_readable: bool = True,
) -> FormDetail:
    """The form (see :func:`get_form`), with its numbers unmasked in ``data`` when
    ``unmasked`` (not audited here: the caller audits or has just audited a change).
    Without ``numbers_readable`` only the masked numbers are read, and no
    transition is offered (its checks need the whole numbers).
    """
    today = today or today_in_sweden()
    limits = limits or AgeLimits()
    row = session.execute(select(_FORMS).where(_F.id == form_id)).one_or_none()
    if row is None:
        raise FormNotFound(MSG_NOT_FOUND)
    persons = _stored_persons(session, form_id, masked=not numbers_readable)
    data = _as_input(row, persons)  # the workflow's checks read the whole numbers
    history = tuple(
        HistoryRow(
            from_status=h.from_status,
            to_status=h.to_status,
            changed_at=h.changed_at,
            changed_by=(h.display_name or h.username or ""),
            comment=h.comment or "",
        )
        for h in session.execute(
            select(
                _H.from_status, _H.to_status, _H.changed_at, _H.comment,
                _U.display_name, _U.username,
            )
            .select_from(_HISTORY)
            .outerjoin(_USERS, _U.id == _H.changed_by_id)
            .where(_H.form_id == form_id)
            .order_by(_H.id)
        )
    )  # fmt: skip
    attachments = tuple(
        AttachmentRow(a.id, a.filename, a.media_type, a.size_bytes, a.added_at, a.sha256)
        for a in session.execute(
            select(_A.id, _A.filename, _A.media_type, _A.size_bytes, _A.added_at, _A.sha256)
            .where(_A.form_id == form_id)
            .order_by(_A.id)
        )
    )
    allowed, held_back = _next_steps(
        row, data, persons, today, limits, numbers_readable=numbers_readable
    )
    return FormDetail(
        id=row.id,
        registry_number=row.registry_number or "",
        status=row.status,
        version=row.version,
        data=data if unmasked else _as_input(row, persons, masked=True),
        parties=tuple(
            PartyView(p.role, p.kind, mask(p.number), p.born, p.name, p.access_given)
            for p in persons
        ),
        history=history,
        attachments=attachments,
        registered_at=row.registered_at,
        confirmation_sent_at=row.confirmation_sent_at,
        allowed=allowed,
        executed_at=row.executed_at,
        overdue=is_overdue(row.status, row.is_urgent, row.received_on, today=today),
        held_back=held_back,
    )


def _as_input(row: Any, persons: Sequence[NormalisedParty], *, masked: bool = False) -> FormInput:
    """The stored form as the values an edit form shows (numbers unmasked unless
    ``masked``)."""
    return FormInput(
        form_type=row.form_type,
        received_on=row.received_on,
        parties=tuple(
            PartyInput(
                role=p.role,
                id_text=mask(p.number) if masked else format_number(p.number),
                birth_date=p.born if p.kind is IdKind.RESERVNUMMER else None,
                name=p.name,
                access_given=p.access_given,
            )
            for p in persons
        ),
        initiator=row.initiator,
        measures=frozenset(Measure(m) for m in row.measures or ()),
        seal_scope=row.seal_scope,
        scope_unit=row.scope_unit or "",
        period_from=row.period_from,
        period_to=row.period_to,
        orderer_name=row.orderer_name,
        orderer_title=row.orderer_title,
        orderer_unit=row.orderer_unit,
        orderer_phone=row.orderer_phone,
        head_of_operations=row.head_of_operations,
        signed_on=row.signed_on,
        is_signed=row.is_signed,
        is_urgent=row.is_urgent,
        it_support_phoned_at=row.it_support_phoned_at,
        it_support_phoned_by=row.it_support_phoned_by or "",
        note=row.note,
    )


def _phoned(row: Any) -> bool:
    return row.it_support_phoned_at is not None and bool(row.it_support_phoned_by)


def _next_steps(
    row: Any,
    data: FormInput,
    persons: Sequence[NormalisedParty],
    today: dt.date,
    limits: AgeLimits,
    *,
    numbers_readable: bool = True,
) -> tuple[tuple[FormStatus, ...], tuple[HeldBack, ...]]:
    """The transitions offered now, and why the workflow's others are held back.

    Without ``numbers_readable`` (``persons`` hold masked numbers) the form's
    re-check before forwarding is left out: it parses the whole numbers, which
    were checked when the form was stored. The age checks need only the birth
    dates and still apply.
    """
    held: list[HeldBack] = []
    possible = allowed_transitions(
        row.status, is_signed=True, is_urgent=False, it_support_phoned=True
    )
    allowed = allowed_transitions(
        row.status,
        is_signed=row.is_signed,
        is_urgent=row.is_urgent,
        it_support_phoned=_phoned(row),
    )
    for status in possible:
        if status not in allowed:
            held.append(HeldBack.of(status, _refusal(row, status)))
    found = []
    for status in allowed:
        problem = _step_problem(
            status, data, persons, today=today, limits=limits, recheck=numbers_readable
        )
        if problem is None:
            found.append(status)
        else:
            held.append(HeldBack.of(status, problem))
    return tuple(found), tuple(held)


def _refusal(row: Any, to_status: FormStatus) -> ValidationError:
    """Why ``allowed_transitions`` does not offer ``to_status``."""
    if not row.is_signed and to_status not in _UNSIGNED_REACH:
        return ValidationError(MSG_UNSIGNED, field="status")
    if row.is_urgent and not _phoned(row) and to_status is S.FORWARDED:
        return ValidationError(MSG_URGENT_NOT_PHONED, field="it_support_phoned_at")
    return ValidationError(
        MSG_TRANSITION,
        field="status",
        from_status=row.status.label,
        to_status=to_status.label,
    )


def _step_problem(
    to_status: FormStatus,
    data: FormInput,
    persons: Sequence[NormalisedParty],
    *,
    today: dt.date,
    limits: AgeLimits,
    recheck: bool = True,
) -> ValidationError | None:
    """What stops forwarding or executing a form today (None: nothing); ``recheck``:
    check the whole form again before forwarding."""
    if to_status not in (S.FORWARDED, S.EXECUTED):
        return None
    child = next((p for p in persons if p.role is PartyRole.CHILD), None)
    if child is not None:
        problem = _age_problem(data.form_type, child, today, limits, executing=True)
        if problem is not None:
            return problem
    if to_status is S.FORWARDED and recheck:
        problems, _ = _check(data, today, limits)
        if problems:
            return FormInvalid(problems)
    return None


# --- the workflow -------------------------------------------------------------------------


def transition(
    session: Session,
    user: UserInfo,
    form_id: int,
    expected_version: int,
    to_status: FormStatus,
    *,
    comment: str = "",
    now: dt.datetime | None = None,
    limits: AgeLimits | None = None,
) -> FormDetail:
    """Move a form on (atomic: two clerks cannot both move it); recorded with who,
    when and the comment, and audited.

    Registering a received form gives it its registry number; executing records
    ``executed_at``; confirming records the confirmation as sent unless it was.

    Raises:
        ValidationError: the transition is not allowed now (message names why).
        FormConflict: the form moved on since ``expected_version``.
        FormNotFound: no such form.
        NotAllowed: the user is an advisor.
    """
    roles.require(user, roles.Permission.FORMS_CHANGE)
    now = now or utcnow()
    today = now.astimezone(TIMEZONE).date()
    limits = limits or AgeLimits()
    comment = _multiline(comment)
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            MSG_COMMENT_TOO_LONG, field="comment", length=len(comment), limit=COMMENT_MAX_LENGTH
        )
    form = _lock_form(session, form_id)
    if form.version != expected_version:
        raise FormConflict(MSG_CONFLICT)
    phoned = form.it_support_phoned_at is not None and bool(form.it_support_phoned_by)
    allowed = allowed_transitions(
        form.status, is_signed=form.is_signed, is_urgent=form.is_urgent, it_support_phoned=phoned
    )
    if to_status not in allowed:
        raise _refusal(form, to_status)
    persons = _stored_persons(session, form_id)
    if to_status in (S.FORWARDED, S.EXECUTED):
        row = session.execute(select(_FORMS).where(_F.id == form_id)).one()
        problem = _step_problem(
            to_status, _as_input(row, persons), persons, today=today, limits=limits
        )
        if problem is not None:
            raise problem
    from_status = form.status
    form.status = to_status
    form.updated_at = now
    if to_status is S.REGISTERED and form.registry_number is None:
        serial = reserve_registry_numbers(session, form.received_on.year)
        form.registry_number = registry_number(form.received_on.year, serial)
        form.registered_at = now
    elif to_status is S.EXECUTED:
        form.executed_at = now
    elif to_status is S.CONFIRMED and form.confirmation_sent_at is None:
        form.confirmation_sent_at = now
    _flush_or_conflict(session)
    session.add(
        FormStatusChange(
            form_id=form_id,
            from_status=from_status,
            to_status=to_status,
            changed_at=now,
            changed_by_id=user.id,
            comment=comment,
        )
    )
    audit.record(
        session,
        user,
        AuditAction.TRANSITION,
        entity=ENTITY,
        entity_id=form_id,
        person_number=main_number(persons),
        # Whether there was a comment, not what it said: the purge removes step
        # comments, and the append-only log would keep them (REDACTED_FIELDS).
        details={"from": from_status.value, "to": to_status.value, "commented": bool(comment)},
    )
    session.flush()
    return _read_form(session, form_id, unmasked=True, today=today, limits=limits)


def mark_confirmation_sent(
    session: Session,
    user: UserInfo,
    form_id: int,
    expected_version: int,
    *,
    now: dt.datetime | None = None,
) -> FormDetail:
    """Record that the confirmation was sent (now); the status stays.

    Raises:
        ValidationError: the order has not been executed yet.
        FormConflict, FormNotFound; NotAllowed: the user is an advisor.
    """
    roles.require(user, roles.Permission.FORMS_CHANGE)
    now = now or utcnow()
    form = _lock_form(session, form_id)
    if form.version != expected_version:
        raise FormConflict(MSG_CONFLICT)
    if form.status not in (S.EXECUTED, S.CONFIRMED, S.CLOSED):
        raise ValidationError(MSG_CONFIRM_NOT_EXECUTED, field="confirmation_sent_at")
    old = form.confirmation_sent_at
    form.confirmation_sent_at = now
    form.updated_at = now
    _flush_or_conflict(session)
    audit.record(
        session,
        user,
        AuditAction.UPDATE,
        entity=ENTITY,
        entity_id=form_id,
        person_number=main_number(_stored_persons(session, form_id)),
        details={
            "changes": [
                {
                    "field": "confirmation_sent_at",
                    "old": "" if old is None else old.isoformat(),
                    "new": now.astimezone(dt.UTC).isoformat(),
                }
            ]
        },
    )
    session.flush()
    return _read_form(session, form_id, unmasked=True, today=now.astimezone(TIMEZONE).date())


# --- the confirmation ---------------------------------------------------------------------

_SV_TYPE = {
    FormType.SEAL_OR_LOCK: "Försegling och/eller låsning",
    FormType.RESTORE_ACCESS: "Återställande av direktåtkomst",
    FormType.REMOVE_GUARDIAN_ACCESS: "Borttagande av direktåtkomst för vårdnadshavare",
    FormType.MINOR_ACCESS: "Ge eller ta bort tillgång till minderårigs journal (13–15 år)",
}
_SV_MEASURE = {
    Measure.SEAL_JOURNAL: "försegling av Journalen",
    Measure.LOCK_LOGIN: "låsning av inloggningen till 1177",
    Measure.UNSEAL_JOURNAL: "hävd försegling av Journalen",
    Measure.UNLOCK_LOGIN: "upplåsning av inloggningen till 1177",
    Measure.REMOVE_GUARDIAN_ACCESS: "borttagen direktåtkomst för vårdnadshavare",
    Measure.GIVE_MINOR_ACCESS: "tillgång till den minderåriges journal given",
    Measure.REMOVE_MINOR_ACCESS: "tillgång till den minderåriges journal borttagen",
}
_SV_INITIATOR = {
    Initiator.INDIVIDUAL: "den enskildes önskemål",
    Initiator.STAFF: "begäran av hälso- och sjukvårdspersonal",
}
_SV_ROLE = {
    PartyRole.SUBJECT: "Person",
    PartyRole.CHILD: "Barn",
    PartyRole.GUARDIAN: "Vårdnadshavare",
}
_SV_KIND = {
    IdKind.PERSONNUMMER: "personnummer",
    IdKind.SAMORDNINGSNUMMER: "samordningsnummer",
    IdKind.RESERVNUMMER: "reservnummer",
}
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def _recipient(name: str) -> str:
    """The e-mail address in ``name`` if it holds one, else the name itself."""
    found = _EMAIL.search(name)
    return found.group(0) if found else _line(name)


def _local_date(value: dt.datetime | None) -> str:
    return "–" if value is None else value.astimezone(TIMEZONE).date().isoformat()


def _scope_text(data: FormInput) -> str:
    scope = data.seal_scope
    if scope is SealScope.WHOLE_ACCOUNT:
        return "hela kontot"
    if scope is SealScope.CARE_UNIT:
        return f"vårdenhet: {data.scope_unit}"
    if scope is SealScope.CARE_PROVIDER:
        return f"vårdgivare: {data.scope_unit}"
    if scope is SealScope.TIME_PERIOD:
        first = data.period_from.isoformat() if data.period_from else "–"
        last = data.period_to.isoformat() if data.period_to else "–"
        return f"tidsperioden {first} – {last}"
    return ""


def confirmation(detail: FormDetail) -> Confirmation:
    """The confirmation text for an executed form (Swedish; pure).

    Addressed to the head of operations and the orderer (their names, or the
    e-mail address a name contains). Identity numbers are masked; no names of
    the people concerned are included.
    """
    data = detail.data
    number = detail.registry_number or "(ej registrerad)"
    type_text = _SV_TYPE[data.form_type]
    recipients = tuple(
        dict.fromkeys(
            r for r in (_recipient(data.head_of_operations), _recipient(data.orderer_name)) if r
        )
    )
    measures = sorted(data.measures, key=_MEASURE_ORDER.__getitem__)
    lines = [
        "Hej,",
        "",
        f"Regionstab Kansli bekräftar att beställningen med diarienummer {number} "
        + ("har utförts." if detail.executed_at is not None else "har tagits emot."),
        "",
        f"Diarienummer: {number}",
        f"Beställning: {type_text}",
    ]
    if data.initiator is not None:
        lines.append(f"På: {_SV_INITIATOR[data.initiator]}")
    if measures:
        lines.append("Åtgärd: " + ", ".join(_SV_MEASURE[m] for m in measures))
    scope = _scope_text(data)
    if scope:
        lines.append(f"Försegling omfattar: {scope}")
    lines.append("Gäller:")
    for party in detail.parties:
        access = ""
        if party.access_given is not None:
            access = ", tillgång ges" if party.access_given else ", tillgång tas bort"
        lines.append(
            f"  {_SV_ROLE[party.role]}: {_SV_KIND[party.id_kind]} {party.number_masked}{access}"
        )
    orderer = ", ".join(
        part for part in (data.orderer_name, data.orderer_title, data.orderer_unit) if part
    )
    lines += [
        f"Beställare: {orderer}",
        f"Beslutad av verksamhetschef: {data.head_of_operations}",
        "Blanketten undertecknad: "
        + (data.signed_on.isoformat() if data.signed_on else "ej undertecknad"),
        f"Mottagen med internpost: {data.received_on.isoformat()}",
        f"Registrerad: {_local_date(detail.registered_at)}",
        f"Utförd: {_local_date(detail.executed_at)}",
        "",
        "Med vänliga hälsningar",
        "Regionstab Kansli",
        "Region Kalmar län",
    ]
    subject = f"Bekräftelse {number}: {type_text}"
    return Confirmation(recipients=recipients, subject=subject, body="\n".join(lines))


# --- attachments --------------------------------------------------------------------------

_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def media_type_of(content: bytes) -> str | None:
    """The media type of a scan by its first bytes (PDF, PNG, JPEG), or None."""
    for magic, media_type in _MAGIC:
        if content.startswith(magic):
            return media_type
    return None


def _safe_filename(filename: str, media_type: str) -> str:
    """The name without folders or control characters, at most 255 characters."""
    name = _line(re.split(r"[\\/]", filename)[-1]).strip(". ")
    if not name:
        name = "scan." + media_type.rsplit("/", 1)[-1].replace("jpeg", "jpg")
    return name[-FILENAME_MAX_LENGTH:]


def add_attachment(
    session: Session, user: UserInfo, form_id: int, filename: str, content: bytes
) -> AttachmentRow:
    """Attach a scan (PDF, PNG or JPEG by content; at most MAX_ATTACHMENT_BYTES).

    Raises:
        ValidationError: wrong type or too large (field ``"attachment"``).
        FormNotFound: no such form.
        NotAllowed: the user is an advisor.
    """
    roles.require(user, roles.Permission.FORMS_CHANGE)
    if not content:
        raise ValidationError(MSG_ATTACHMENT_EMPTY, field="attachment")
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            MSG_ATTACHMENT_SIZE,
            field="attachment",
            size=f"{len(content) / 1024 / 1024:.1f}",
            limit=f"{MAX_ATTACHMENT_BYTES / 1024 / 1024:g}",
        )
    media_type = media_type_of(content)
    if media_type is None:
        raise ValidationError(MSG_ATTACHMENT_TYPE, field="attachment")
    main = session.execute(
        select(_F.id, _main_person_column().label("person")).where(_F.id == form_id)
    ).one_or_none()
    if main is None:
        raise FormNotFound(MSG_NOT_FOUND)
    digest = hashlib.sha256(content).hexdigest()
    attachment = FormAttachment(
        form_id=form_id,
        filename=_safe_filename(filename, media_type),
        media_type=media_type,
        size_bytes=len(content),
        sha256=digest,
        content=content,
        added_at=utcnow(),
        added_by_id=user.id,
    )
    session.add(attachment)
    session.flush()
    audit.record(
        session,
        user,
        AuditAction.CREATE,
        entity=ATTACHMENT_ENTITY,
        entity_id=attachment.id,
        person_number=main.person,
        details={
            "form_id": form_id,
            "media_type": media_type,
            "size_bytes": len(content),
            "sha256": digest,
        },
    )
    session.flush()
    return AttachmentRow(
        attachment.id,
        attachment.filename,
        media_type,
        len(content),
        attachment.added_at,
        digest,
    )


def get_attachment(
    session: Session, attachment_id: int, user: UserInfo | None = None
) -> tuple[str, str, bytes]:
    """(filename, media type, content) of an attachment.

    A scan shows identity numbers unmasked: with a ``user``, only registry clerks
    and supervisors may open it, and the display is audited (``VIEW_UNMASKED``
    with the form's main person).

    Raises:
        FormNotFound: no such attachment.
        NotAllowed: ``user`` is an advisor.
    """
    if user is not None:
        roles.require(user, roles.Permission.FORMS_UNMASKED)
    row = session.execute(
        select(_A.filename, _A.media_type, _A.content, _A.form_id).where(_A.id == attachment_id)
    ).one_or_none()
    if row is None:
        raise FormNotFound(MSG_ATTACHMENT_NOT_FOUND)
    if user is not None:
        person = session.execute(
            select(_main_person_column()).where(_F.id == row.form_id)
        ).scalar_one_or_none()
        audit.record(
            session,
            user,
            AuditAction.VIEW_UNMASKED,
            entity=ATTACHMENT_ENTITY,
            entity_id=attachment_id,
            person_number=person,
            details={"form_id": row.form_id},
        )
        session.flush()
    return row.filename, row.media_type, bytes(row.content)


# --- the register list --------------------------------------------------------------------

# Core table columns (ORM-annotated ones send every page through the ORM's loading).
_FORMS = cast(Table, Form.__table__)
_PARTIES = cast(Table, FormParty.__table__)
_HISTORY = cast(Table, FormStatusChange.__table__)
_ATTACHMENTS = cast(Table, FormAttachment.__table__)
_COUNTERS = cast(Table, RegistryCounter.__table__)
_USERS = cast(Table, User.__table__)
_F = _FORMS.c
_P = _PARTIES.c
_H = _HISTORY.c
_A = _ATTACHMENTS.c
_U = _USERS.c

OPEN_FORMS_INDEX = "ix_forms_open_received"
_OVERDUE_SQL = (
    "(forms.received_on < :overdue_cutoff AND forms.status <> 'completion_requested') OR "
    "(forms.is_urgent AND forms.status IN ('received', 'registered') "
    "AND forms.received_on < :overdue_today)"
)


def overdue_cutoff(today: dt.date, hours: OfficeHours | None = None) -> dt.date:
    """Forms received before this day and not yet executed are overdue on ``today``.

    It is the day :data:`OVERDUE_WORKING_DAYS` working days before ``today``.
    """
    if hours is None:
        return _default_cutoff(today)
    day, counted = today, 0
    while counted < OVERDUE_WORKING_DAYS:
        day -= dt.timedelta(days=1)
        if hours.is_working_day(day):
            counted += 1
    return day


@lru_cache(maxsize=64)
def _default_cutoff(today: dt.date) -> dt.date:
    """:func:`overdue_cutoff` with the default office hours (holiday look-ups are slow)."""
    return overdue_cutoff(today, OfficeHours())


def is_overdue(
    status: FormStatus,
    is_urgent: bool,
    received_on: dt.date,
    *,
    today: dt.date,
    cutoff: dt.date | None = None,
) -> bool:
    """Whether a form is overdue on ``today`` (see the module docstring)."""
    if status not in OVERDUE_STATUSES:
        return False
    if is_urgent and status is not S.FORWARDED and received_on < today:
        return True
    return received_on < (cutoff or overdue_cutoff(today))


def _main_person_column(*, masked: bool = False) -> Any:
    """The number of the person concerned, or of the child (the form's first such
    party); its masked form (``id_masked``) when ``masked``, which every role may read."""
    party = _PARTIES.alias("main_party")
    return (
        select(party.c.id_masked if masked else party.c.id_number)
        .where(party.c.form_id == _F.id, text("main_party.role IN ('subject', 'child')"))
        .order_by(party.c.position)
        .limit(1)
        .scalar_subquery()
    )


@dataclass(frozen=True)
class _Shape:
    """Which filters a page uses: one statement is built and compiled for each."""

    status: bool = False
    form_type: bool = False
    urgent: bool = False
    overdue: bool = False
    received_from: bool = False
    received_to: bool = False
    after: bool = False
    ascending: bool = False
    urgent_waiting: bool = False

    @property
    def open_only(self) -> bool:
        """Reads the partial index of forms not yet executed."""
        return self.overdue or self.urgent_waiting


@lru_cache(maxsize=256)
def _page_statement(shape: _Shape) -> Select[Any]:
    """The page query of a shape, with named parameters (:func:`_page_parameters`).

    Without filters it walks ``ix_forms_received_id`` backwards; a status or a
    type, ``ix_forms_status_received`` / ``ix_forms_type_received``; "overdue"
    and the urgent queue, the partial index of forms not yet executed
    (``ix_forms_open_received``), whose condition they repeat verbatim (on
    SQLite the executed text also names it, see :func:`_compiled_page`).
    """
    columns = (
        _F.id,
        _F.registry_number,
        _F.received_on,
        _F.form_type,
        _F.status,
        _F.is_urgent,
        _main_person_column(masked=True).label("person"),
        _F.orderer_unit,
    )
    stmt = select(*columns).select_from(_FORMS)
    if shape.status:
        stmt = stmt.where(_F.status == bindparam("status", type_=_F.status.type))
    if shape.form_type:
        stmt = stmt.where(_F.form_type == bindparam("form_type", type_=_F.form_type.type))
    if shape.urgent or shape.urgent_waiting:
        stmt = stmt.where(_F.is_urgent)
    if shape.open_only:
        stmt = stmt.where(text("forms." + OPEN_FORM))
    if shape.overdue:
        overdue_today = bindparam("overdue_today", type_=Date())
        stmt = stmt.where(
            _F.received_on < overdue_today,
            text(f"({_OVERDUE_SQL})").bindparams(
                bindparam("overdue_cutoff", type_=Date()), overdue_today
            ),
        )
    if shape.urgent_waiting:
        stmt = stmt.where(text("forms.status <> 'forwarded'"))
    if shape.received_from:
        stmt = stmt.where(_F.received_on >= bindparam("received_from", type_=Date()))
    if shape.received_to:
        stmt = stmt.where(_F.received_on <= bindparam("received_to", type_=Date()))
    after_on = bindparam("after_on", type_=Date())
    after_id = bindparam("after_id", type_=Integer())
    if shape.ascending:
        if shape.after:
            stmt = stmt.where(
                _F.received_on >= after_on,
                tuple_(_F.received_on, _F.id) > tuple_(after_on, after_id),
            )
        stmt = stmt.order_by(_F.received_on, _F.id)
    else:
        if shape.after:
            # The first term lets an index on (…, received_on) without id narrow the scan.
            stmt = stmt.where(
                _F.received_on <= after_on,
                tuple_(_F.received_on, _F.id) < tuple_(after_on, after_id),
            )
        stmt = stmt.order_by(_F.received_on.desc(), _F.id.desc())
    return stmt.limit(bindparam("limit", type_=Integer()))


def _page_parameters(
    filters: FormFilter | None,
    after: tuple[dt.date, int] | None,
    limit: int,
    today: dt.date,
    cutoff: dt.date,
) -> tuple[_Shape, dict[str, Any]]:
    f = filters or FormFilter()
    shape = _Shape(
        status=f.status is not None,
        form_type=f.form_type is not None,
        urgent=f.urgent_only,
        overdue=f.overdue_only,
        received_from=f.received_from is not None,
        received_to=f.received_to is not None,
        after=after is not None,
    )
    params: dict[str, Any] = {"limit": limit}
    if f.status is not None:
        params["status"] = f.status
    if f.form_type is not None:
        params["form_type"] = f.form_type
    if f.overdue_only:
        params["overdue_cutoff"] = cutoff
        params["overdue_today"] = today
    if f.received_from is not None:
        params["received_from"] = f.received_from
    if f.received_to is not None:
        params["received_to"] = f.received_to
    if after is not None:
        params["after_on"], params["after_id"] = after
    return shape, params


def _hint_open_forms(shape: _Shape, dialect: Dialect, sql: str) -> str:
    if not (shape.open_only and dialect.name == "sqlite"):
        return sql
    # SQLAlchemy renders no table hints for SQLite. Without this one, SQLite's
    # planner looks up each open status in ix_forms_status_received and sorts
    # every overdue form (25 ms at 200,000 forms instead of 2).
    hinted = sql.replace("\nFROM forms ", f"\nFROM forms INDEXED BY {OPEN_FORMS_INDEX} ", 1)
    if hinted == sql:
        raise AssertionError("page statement: FROM forms not found")
    return hinted


_PAGES: StatementCache[_Shape] = StatementCache(_page_statement, _hint_open_forms)


def forms_page_sql(
    dialect: Dialect,
    filters: FormFilter | None = None,
    *,
    after: tuple[dt.date, int] | None = None,
    limit: int = PAGE_SIZE,
    today: dt.date | None = None,
) -> tuple[str, Any]:
    """The SQL text and driver parameters :func:`list_forms_page` runs (for EXPLAIN)."""
    today = today or today_in_sweden()
    shape, params = _page_parameters(filters, after, limit, today, overdue_cutoff(today))
    page = _PAGES.get(shape, dialect)
    return page.sql, page.parameters(params)


def urgent_queue_sql(dialect: Dialect) -> tuple[str, Any]:
    """The SQL text and driver parameters :func:`urgent_queue` runs (for EXPLAIN)."""
    page = _PAGES.get(_URGENT_QUEUE, dialect)
    return page.sql, page.parameters({"limit": URGENT_QUEUE_LIMIT})


_URGENT_QUEUE = _Shape(ascending=True, urgent_waiting=True)
_OVERDUE_SET = frozenset(OVERDUE_STATUSES)
_FORM_TYPES = {member.value: member for member in FormType}
_STATUSES = {member.value: member for member in FormStatus}
_new = object.__new__
_setattr = object.__setattr__


def _run_page(
    session: Session, shape: _Shape, params: dict[str, Any], today: dt.date, cutoff: dt.date
) -> list[FormRow]:
    """Run a page on the session's connection (so in its transaction) and convert it.

    Values arrive as the driver gives them: dates as text and flags as 0/1 on
    SQLite, codes as text on both. Rows are built by setting the frozen
    dataclass's dictionary at once (see ``calls._page_rows``).
    """
    conn = session.connection()
    page = _PAGES.get(shape, conn.dialect)
    driver = conn.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        cursor.execute(page.sql, page.parameters(params))
        raw = cursor.fetchall()
    finally:
        cursor.close()
    return _form_rows(raw, conn.dialect.name == "sqlite", today, cutoff)


def _form_rows(raw: Sequence[Any], sqlite: bool, today: dt.date, cutoff: dt.date) -> list[FormRow]:
    """FormRows from the driver's rows (see :func:`_run_page`)."""
    parse_date = dt.date.fromisoformat
    types, statuses = _FORM_TYPES, _STATUSES
    late_statuses, forwarded = _OVERDUE_SET, S.FORWARDED
    new, set_dict = _new, _setattr
    rows = []
    for form_id, number, received, form_type, status_code, flag, person, unit in raw:
        received_on = parse_date(received) if sqlite else received
        status = statuses[status_code]
        urgent = bool(flag)
        # is_overdue, inlined (200 rows a page).
        overdue = status in late_statuses and (
            received_on < cutoff or (urgent and status is not forwarded and received_on < today)
        )
        row = new(FormRow)
        set_dict(
            row,
            "__dict__",
            {
                "id": form_id,
                "registry_number": number or "",
                "received_on": received_on,
                "form_type": types[form_type],
                "status": status,
                "is_urgent": urgent,
                "person_masked": person or "",
                "orderer_unit": unit,
                "overdue": overdue,
            },
        )
        rows.append(row)
    return rows


def list_forms_page(
    session: Session,
    *,
    filters: FormFilter | None = None,
    after: tuple[dt.date, int] | None = None,
    limit: int = PAGE_SIZE,
    today: dt.date | None = None,
) -> list[FormRow]:
    """Forms, most recently received first, with keyset pagination on (received_on, id).

    ``filters`` narrow the list (every condition given must hold; dates are
    inclusive); ``today`` decides what is overdue (default: today in Sweden).
    Every page costs the same however far the user has scrolled.
    """
    today = today or today_in_sweden()
    cutoff = overdue_cutoff(today)
    shape, params = _page_parameters(filters, after, limit, today, cutoff)
    return _run_page(session, shape, params, today, cutoff)


def urgent_queue(session: Session, *, today: dt.date | None = None) -> list[FormRow]:
    """Open urgent forms, oldest first (not yet forwarded, executed or closed).

    At most :data:`URGENT_QUEUE_LIMIT` forms.
    """
    today = today or today_in_sweden()
    cutoff = overdue_cutoff(today)
    return _run_page(session, _URGENT_QUEUE, {"limit": URGENT_QUEUE_LIMIT}, today, cutoff)
