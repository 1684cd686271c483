"""The audit trail: one append-only row per thing worth tracing."""

from __future__ import annotations

import datetime as dt
import platform
import random
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, undefer

from kansli_desk.core import identity
from kansli_desk.core.enums import AuditAction
from kansli_desk.core.office_hours import TIMEZONE
from kansli_desk.errors import ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import AuditEvent, Call, FormAttachment, FormParty
from kansli_desk.services import roles
from kansli_desk.services.users import UserInfo


def record(
    session: Session,
    user: UserInfo,
    action: AuditAction,
    *,
    entity: str = "",
    entity_id: str | int | None = None,
    person_number: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the caller's transaction (its time is set on flush)."""
    event = AuditEvent(
        username=user.username,
        role=user.role.value,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        person_number=person_number,
        details=details or {},
        workstation=platform.node()[:200],
    )
    session.add(event)
    return event


# --- log extracts and spot checks (supervisors) -------------------------------------------------

PERSON_LOG_ENTITY = "person_log"
CALL_ENTITY = "call"  # calls.ENTITY (which imports this module)
FORM_ENTITY = "form"  # forms.ENTITY
ATTACHMENT_ENTITY = "form_attachment"  # forms.ATTACHMENT_ENTITY
SPOT_CHECK_ENTITY = "audit_sample"
SPOT_CHECK_MAX = 1000
"""The largest spot check: a sample meant to be read through by a person."""
_ID_CHUNK = 500
_RESERVE = re.compile(r"[0-9A-Z+-]{4,20}", re.ASCII)
_IDENTITY_TYPOS = (identity.MSG_CHECKSUM, identity.MSG_SERIAL, identity.MSG_FUTURE)
"""Messages of numbers that look like a personnummer with a typing error: not
taken as a reservnummer (as the form register decides)."""
_DESCRIBED = (
    "registry_number",
    "form_id",
    "from",
    "to",
    "kind",
    "format",
    "rows",
    "masked",
    "media_type",
    "events",
    "size",
    "code",
)
"""Details keys whose values are shown in a description: none of them holds free
text written by a user (notes, comments, names, old and new values)."""

MSG_AUDIT_SUPERVISOR_ONLY = roles.MSG_AUDIT_READ
MSG_PERSON_EMPTY = QT_TRANSLATE_NOOP(
    "Errors",
    "Enter the identity number of the person: personnummer, samordningsnummer or reservnummer.",
)
MSG_PERSON_INVALID = QT_TRANSLATE_NOOP(
    "Errors",
    "This is neither a valid personnummer or samordningsnummer nor a reservnummer "
    "(4 to 20 letters A–Z, digits and “-”).",
)
MSG_PERIOD_ORDER = QT_TRANSLATE_NOOP(  # the same text as the exports'
    "Errors", "The period starts ({date_from}) after it ends ({date_to}). Swap the dates."
)
MSG_SAMPLE_SIZE = QT_TRANSLATE_NOOP(
    "Errors", "The sample size must be a whole number from 1 to {limit}."
)


@dataclass(frozen=True)
class AuditRow:
    """One audit event as plain data (safe to hand to the GUI thread).

    Attributes:
        id: the event's id.
        at: when, in UTC.
        username, role: who (the role when it happened).
        action: what was done.
        entity, entity_id: to which record (``"call"``, ``"form"``…, and its id).
        person_number: the person concerned (12 digits, or a reservnummer), if any.
        workstation: the computer it was done on.
        description: a short summary of the details: changed field names, statuses,
            registry numbers; never notes, comments, names or old and new values.
    """

    id: int
    at: dt.datetime
    username: str
    role: str
    action: AuditAction
    entity: str
    entity_id: str | None
    person_number: str | None
    workstation: str
    description: str


@dataclass(frozen=True)
class PersonLog:
    """A log extract (loggutdrag): every audit event about one person, oldest first.

    Attributes:
        person_number: the number searched for, normalised as stored.
        date_from, date_to: the period (Swedish days, both included), or None.
        events: the events.
    """

    person_number: str
    date_from: dt.date | None
    date_to: dt.date | None
    events: tuple[AuditRow, ...]

    @property
    def formatted_number(self) -> str:
        """``YYYYMMDD-NNNN`` (a reservnummer as stored)."""
        return identity.format_number(self.person_number)


def require_audit_reader(user: UserInfo) -> None:
    """Log extracts and spot checks are for supervisors.

    Raises:
        NotAllowed: ``user`` is not a supervisor (the role matrix's audit right).
    """
    roles.require(user, roles.Permission.AUDIT_READ)


def normalise_person(text: str, *, today: dt.date | None = None) -> str:
    """The number of a person as the services store it on audit events.

    A personnummer or samordningsnummer becomes 12 digits; other text is taken as
    a reservnummer (upper case, without spaces), as the form register does.

    Raises:
        ValidationError: empty text, a personnummer with a typing error, or text
            that is no reservnummer either.
    """
    typed = " ".join(text.split())
    if not typed:
        raise ValidationError(MSG_PERSON_EMPTY, field="person_number")
    try:
        return identity.parse_identity(typed, today=today).number
    except ValidationError as exc:
        if exc.template in _IDENTITY_TYPOS:
            raise
    number = typed.replace(" ", "").upper()
    if not _RESERVE.fullmatch(number):
        raise ValidationError(MSG_PERSON_INVALID, field="person_number")
    return number


def check_period(date_from: dt.date | None, date_to: dt.date | None) -> None:
    """Raises ValidationError when the period starts after it ends."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ValidationError(
            MSG_PERIOD_ORDER,
            field="date_from",
            date_from=date_from.isoformat(),
            date_to=date_to.isoformat(),
        )


def check_sample_size(size: int) -> None:
    """Raises ValidationError unless 1 ≤ ``size`` ≤ :data:`SPOT_CHECK_MAX`."""
    if isinstance(size, bool) or not 1 <= size <= SPOT_CHECK_MAX:
        raise ValidationError(MSG_SAMPLE_SIZE, field="size", limit=SPOT_CHECK_MAX)


def _day_start(day: dt.date) -> dt.datetime:
    """Swedish local midnight at the start of ``day``, in UTC."""
    return dt.datetime.combine(day, dt.time(0), TIMEZONE).astimezone(dt.UTC)


def _in_period(date_from: dt.date | None, date_to: dt.date | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if date_from is not None:
        where.append(AuditEvent.at >= _day_start(date_from))
    if date_to is not None:
        where.append(AuditEvent.at < _day_start(date_to + dt.timedelta(days=1)))
    return where


def describe(details: dict[str, Any] | None) -> str:
    """A short, safe summary of an event's details (see :class:`AuditRow`)."""
    if not isinstance(details, dict):
        return ""
    parts: list[str] = []
    changes = details.get("changes")
    if isinstance(changes, list):
        fields = [str(c["field"]) for c in changes if isinstance(c, dict) and "field" in c]
        if fields:
            parts.append("changes: " + ", ".join(fields))
    for key in _DESCRIBED:
        value = details.get(key)
        if isinstance(value, bool | int | float) or (isinstance(value, str) and value):
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _records_of(session: Session, number: str) -> dict[str, list[str]]:
    """The records that concern the person, by audit entity: the calls and forms
    that hold the number now, the records audited with it before (a number since
    corrected or purged), and the scans of those forms."""
    calls = set(session.scalars(select(Call.id).where(Call.person_number == number)))
    forms = set(session.scalars(select(FormParty.form_id).where(FormParty.id_number == number)))
    found: dict[str, set[str]] = {
        CALL_ENTITY: {str(i) for i in calls},
        FORM_ENTITY: {str(i) for i in forms},
        ATTACHMENT_ENTITY: set(),
    }
    earlier = session.execute(
        select(AuditEvent.entity, AuditEvent.entity_id, AuditEvent.details).where(
            AuditEvent.person_number == number,
            AuditEvent.entity.in_(list(found)),
            AuditEvent.entity_id.is_not(None),
        )
    )
    for entity, entity_id, details in earlier:
        found[entity].add(entity_id)
        if entity == ATTACHMENT_ENTITY and isinstance(details, dict) and details.get("form_id"):
            found[FORM_ENTITY].add(str(details["form_id"]))
    form_ids = sorted(int(i) for i in found[FORM_ENTITY] if i.isdigit())
    for start in range(0, len(form_ids), _ID_CHUNK):
        part = form_ids[start : start + _ID_CHUNK]
        found[ATTACHMENT_ENTITY].update(
            str(i)
            for i in session.scalars(
                select(FormAttachment.id).where(FormAttachment.form_id.in_(part))
            )
        )
    return {entity: sorted(ids) for entity, ids in found.items() if ids}


def _row(event: AuditEvent, *, person_number: str | None = None) -> AuditRow:
    """``person_number``: shown instead of the event's own (a log extract names
    only the person it is about)."""
    return AuditRow(
        id=event.id,
        at=event.at.astimezone(dt.UTC),
        username=event.username,
        role=event.role,
        action=event.action,
        entity=event.entity,
        entity_id=event.entity_id,
        person_number=person_number or event.person_number,
        workstation=event.workstation,
        description=describe(event.details),
    )


def person_log(
    session: Session,
    user: UserInfo,
    person_text: str,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> PersonLog:
    """Who has seen or changed data about a person: a log extract (supervisors only).

    Every audit event about the person, in the period if one is given, oldest
    first: the events recorded with the person's number, and every event on a
    call, form or scan that concerns the person (:func:`_records_of`), so
    that a guardian's extract shows the form that names them, and an event whose
    author's database login could not read the number (an advisor marking a
    callback done) is found through its call. Each row shows the searched
    number, never another person's. Producing the extract is itself recorded (an
    unmasked view of the person's data), in the caller's transaction.

    Raises:
        ValidationError: not a supervisor, an invalid number, or a period that
            starts after it ends.
    """
    require_audit_reader(user)
    number = normalise_person(person_text)
    check_period(date_from, date_to)
    about = [AuditEvent.person_number == number]
    for entity, ids in _records_of(session, number).items():
        for start in range(0, len(ids), _ID_CHUNK):
            part = ids[start : start + _ID_CHUNK]
            about.append(and_(AuditEvent.entity == entity, AuditEvent.entity_id.in_(part)))
    stmt = (
        select(AuditEvent)
        .where(or_(*about), *_in_period(date_from, date_to))
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    events = tuple(_row(event, person_number=number) for event in session.scalars(stmt))
    record(
        session,
        user,
        AuditAction.VIEW_UNMASKED,
        entity=PERSON_LOG_ENTITY,
        person_number=number,
        details={"events": len(events)},
    )
    session.flush()
    return PersonLog(number, date_from, date_to, events)


def spot_check(
    session: Session,
    user: UserInfo,
    *,
    size: int,
    date_from: dt.date,
    date_to: dt.date,
    seed: int | None = None,
) -> list[AuditRow]:
    """A random sample of accesses to people's data in a period (supervisors only).

    Accesses are the events recorded with a person's number: views, changes,
    status changes, scans, log extracts. The sample holds ``size`` of them (all
    when there are fewer), oldest first; with the same ``seed`` and the same log
    it is the same sample. Only the ids of the period are read to draw it. The
    spot check is recorded, with the ids drawn, in the caller's transaction.

    Raises:
        ValidationError: not a supervisor, a size out of range, or a period
            that starts after it ends.
    """
    require_audit_reader(user)
    check_sample_size(size)
    check_period(date_from, date_to)
    ids = list(
        session.scalars(
            select(AuditEvent.id)
            .where(AuditEvent.person_number.is_not(None), *_in_period(date_from, date_to))
            .order_by(AuditEvent.id)
        )
    )
    chosen = sorted(random.Random(seed).sample(ids, min(size, len(ids))))
    rows: list[AuditRow] = []
    for start in range(0, len(chosen), _ID_CHUNK):
        part = chosen[start : start + _ID_CHUNK]
        rows.extend(
            _row(e)
            for e in session.scalars(
                select(AuditEvent)
                .options(undefer(AuditEvent.person_number))
                .where(AuditEvent.id.in_(part))
            )
        )
    rows.sort(key=lambda row: (row.at, row.id))
    details: dict[str, Any] = {
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "size": size,
        "events": len(rows),
        "population": len(ids),
        "event_ids": [row.id for row in rows],
    }
    if seed is not None:
        details["seed"] = seed
    record(session, user, AuditAction.VIEW_UNMASKED, entity=SPOT_CHECK_ENTITY, details=details)
    session.flush()
    return rows
