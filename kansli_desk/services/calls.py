"""The call log: logging and editing calls, finding them, the callback queue, topics.

Every function takes the caller's :class:`~sqlalchemy.orm.Session` and never
commits; the caller owns one transaction per user action. Results are frozen
dataclasses, safe to hand to the GUI thread.

Saving a call validates everything first and writes nothing when anything is
wrong (:class:`CallInvalid` lists one problem per field). Edits are optimistic:
the form sends the version it loaded, and a call saved by someone else in the
meantime raises :class:`CallConflict`. Creating and editing a call is recorded in
the audit log, field by field, which is the history :func:`get_call` shows.

Searching the notes uses each database's own full-text index (migration 0002):
SQLite FTS5 (``unicode61 remove_diacritics 2``) and a PostgreSQL ``tsvector``
over the notes with å, ä, ö, é, ü folded. Both fold case and Swedish letters and
match word prefixes: "forsegl" finds "Försegling". Only the letters and digits of
a query are used, so no text can break the query.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar
from typing import cast as cast_type

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    Text,
    bindparam,
    cast,
    delete,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    table,
    text,
    tuple_,
    type_coerce,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op
from sqlalchemy.types import NullType

from kansli_desk.core.enums import AuditAction, CallerKind, Outcome, Role
from kansli_desk.core.identity import mask, parse_identity
from kansli_desk.core.office_hours import TIMEZONE
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import (
    NOTES_MAX_LENGTH,
    Article,
    ArticleRevision,
    AuditEvent,
    Call,
    CallArticleView,
    Form,
    Topic,
    User,
    UTCDateTime,
    call_topics,
    utcnow,
)
from kansli_desk.models.calls import NOTES_FTS_TABLE, NOTES_SEARCH_COLUMN
from kansli_desk.services import audit, roles
from kansli_desk.services.compiled import StatementCache
from kansli_desk.services.fulltext import fulltext_query, search_words
from kansli_desk.services.users import UserInfo

T = TypeVar("T")

PAGE_SIZE = 200
CALLBACK_QUEUE_LIMIT = 500
MAX_DURATION_SECONDS = 24 * 3600
PHONE_DIGITS = (6, 20)
TOPIC_NAME_MAX_LENGTH = 200
ENTITY = "call"
REDACTED_FIELDS = frozenset({"notes", "callback_phone"})
"""Fields whose changes the audit log records without their values: free text and
phone numbers are personal data that retention removes from the call after N
months, and the append-only log would otherwise keep them for good."""
TOPIC_ENTITY = "topic"

# --- messages (context "Errors") ----------------------------------------------------

MSG_INVALID = QT_TRANSLATE_NOOP("Errors", "The call was not saved: correct the marked fields.")
MSG_CALLER_KIND = QT_TRANSLATE_NOOP("Errors", "Choose who is calling.")
MSG_NO_TOPIC = QT_TRANSLATE_NOOP("Errors", "Choose at least one topic.")
MSG_UNKNOWN_TOPIC = QT_TRANSLATE_NOOP(
    "Errors", "A chosen topic no longer exists. Choose the topics again."
)
MSG_RETIRED_TOPIC = QT_TRANSLATE_NOOP(
    "Errors", "The topic “{topic}” has been retired and cannot be chosen for a call now."
)
MSG_OUTCOME = QT_TRANSLATE_NOOP("Errors", "Choose how the call ended.")
MSG_NOTES_TOO_LONG = QT_TRANSLATE_NOOP(
    "Errors", "The notes are {length} characters long; at most {limit} are allowed."
)
MSG_PHONE_REQUIRED = QT_TRANSLATE_NOOP("Errors", "Give the phone number to call back.")
MSG_PHONE_FORMAT = QT_TRANSLATE_NOOP(
    "Errors",
    "Write the phone number with 6 to 20 digits; only spaces, “-” and a leading “+” may be added.",
)
MSG_DUE_REQUIRED = QT_TRANSLATE_NOOP("Errors", "Give the time to call back.")
MSG_DUE_PAST = QT_TRANSLATE_NOOP(
    "Errors", "The time to call back has already passed. Choose a later time."
)
MSG_UNKNOWN_FORM = QT_TRANSLATE_NOOP(
    "Errors", "No form in the register has the registry number “{number}”."
)
MSG_DURATION = QT_TRANSLATE_NOOP("Errors", "The duration must be between 0 seconds and 24 hours.")
MSG_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors",
    "Someone else saved this call while you were editing it. Open the call again to see "
    "their changes, then make yours.",
)
MSG_CALL_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "The call no longer exists.")
MSG_NO_CALLBACK = QT_TRANSLATE_NOOP("Errors", "This call has no callback to mark as done.")
MSG_SUPERVISOR_ONLY = roles.MSG_TOPICS_EDIT
MSG_TOPIC_NAME = QT_TRANSLATE_NOOP("Errors", "Give the topic a name of at most {limit} characters.")
MSG_TOPIC_EXISTS = QT_TRANSLATE_NOOP("Errors", "A topic named “{name}” already exists.")
MSG_TOPIC_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "The topic no longer exists.")


# --- errors ----------------------------------------------------------------------------


class CallInvalid(ValidationError):
    """The call breaks one or more rules; nothing was written.

    Attributes:
        problems: one error per field at fault, each with ``field`` set to the
            :class:`CallInput` field name.
    """

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(MSG_INVALID, field=problems[0].field if problems else None)
        self.problems = problems


class CallConflict(KnownError):
    """Someone else saved the call first (stale version); nothing was written."""


class CallNotFound(KnownError):
    """The call does not exist (any more)."""


# --- data --------------------------------------------------------------------------------

ArticleViewInput = tuple[int, int | None, dt.datetime]
"""An article opened while logging: (article id, revision id or None, opened at)."""
ArticleView_ = ArticleViewInput  # the name used in the issue-3 API sketch


@dataclass(frozen=True)
class CallInput:
    """What the call form submits (see the module docstring for the rules)."""

    started_at: dt.datetime
    duration_seconds: int | None
    caller_kind: CallerKind | None
    topic_ids: tuple[int, ...]
    outcome: Outcome | None
    notes: str = ""
    person_number: str = ""
    """Optional. On an edit, the call's masked number (``CallDetail.person_masked``)
    keeps the stored number; an empty string removes it."""
    callback_phone: str = ""
    callback_due_at: dt.datetime | None = None
    form_registry_number: str = ""
    article_views: tuple[ArticleViewInput, ...] = ()


@dataclass(frozen=True)
class CallChange:
    """One entry of a call's history.

    ``old`` and ``new`` are plain text: enum codes for ``caller_kind`` and
    ``outcome``, ISO 8601 in UTC for times, topic names joined by ", " for
    ``topic_ids``, masked identity numbers for ``person_number``, seconds for
    ``duration_seconds``, "" for nothing. The creation of the call is an entry
    with ``action`` CREATE and an empty ``field``. A change of the notes or the
    callback number is ``redacted``: the history says that they changed, not
    what they said (see :data:`REDACTED_FIELDS`).
    """

    at: dt.datetime
    username: str
    field: str
    old: str
    new: str
    action: AuditAction = AuditAction.UPDATE
    shown_name: str = ""
    redacted: bool = False


@dataclass(frozen=True)
class CallDetail:
    """A saved call for the edit form."""

    id: int
    version: int
    started_at: dt.datetime
    duration_seconds: int | None
    advisor: str
    caller_kind: CallerKind
    topic_ids: tuple[int, ...]
    outcome: Outcome
    notes: str
    person_masked: str
    callback_phone: str
    callback_due_at: dt.datetime | None
    callback_done_at: dt.datetime | None
    form_registry_number: str
    history: tuple[CallChange, ...]
    advisor_id: int = 0
    topics: tuple[str, ...] = ()
    """Names of ``topic_ids``, in the same order (retired ones included)."""
    article_views: tuple[ArticleViewInput, ...] = ()


@dataclass(frozen=True)
class CallFilter:
    """What the call list shows: every condition given must hold."""

    date_from: dt.date | None = None
    """Swedish local date, inclusive."""
    date_to: dt.date | None = None
    """Swedish local date, inclusive."""
    topic_id: int | None = None
    outcome: Outcome | None = None
    advisor_id: int | None = None
    open_callbacks_only: bool = False
    text: str = ""
    """Words to find in the notes (all of them, as word prefixes)."""


@dataclass(frozen=True)
class CallRow:
    """One line of the call list, as plain data for the GUI thread.

    ``person_masked`` is the identity number with its last four digits hidden.
    """

    id: int
    started_at: dt.datetime
    duration_seconds: int | None
    advisor: str
    caller_kind: CallerKind
    topics: tuple[str, ...]
    outcome: Outcome
    callback_due_at: dt.datetime | None
    callback_done: bool
    person_masked: str
    callback_phone: str = ""

    @property
    def cursor(self) -> tuple[dt.datetime, int]:
        """Position of the row in the newest-first order (for the next page)."""
        return (self.started_at, self.id)


@dataclass(frozen=True)
class CallbackRow:
    """An open callback in the queue."""

    call_id: int
    due_at: dt.datetime
    phone: str
    caller_kind: CallerKind
    topics: tuple[str, ...]
    advisor: str
    overdue: bool

    @property
    def cursor(self) -> tuple[dt.datetime, int]:
        """Position in the soonest-due-first order (``after=`` of the next page)."""
        return (self.due_at, self.call_id)


@dataclass(frozen=True)
class TopicRow:
    """A topic of the taxonomy."""

    id: int
    code: str
    name: str
    description: str
    retired: bool

    @property
    def cursor(self) -> int:
        """Rows come as one page; the id marks the end of it."""
        return self.id


# --- validation --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stored:
    """What validation needs to know about the call being edited."""

    topic_ids: frozenset[int]
    callback_due_at: dt.datetime | None
    person_masked: str
    """The stored number, masked: the edit form shows it so, and an advisor's
    database login may not read the number itself."""


@dataclass(frozen=True)
class _Clean:
    """The validated, normalised values to store."""

    topic_ids: tuple[int, ...]
    """In topic order."""
    topic_names: tuple[str, ...]
    notes: str
    person_number: str | None
    """The number typed (12 digits), None when there is none or it is kept."""
    person_kept: bool
    """The stored number is left as it is (the form showed it masked, unchanged)."""
    callback_phone: str | None
    form_id: int | None
    form_registry_number: str


_PHONE = re.compile(r"\+?[0-9 -]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _require_aware(value: dt.datetime | None, name: str) -> None:
    if value is not None and value.tzinfo is None:
        raise ValueError(f"{name} must be an aware datetime")


def _problem(template: str, field: str, **params: Any) -> ValidationError:
    return ValidationError(template, field=field, **params)


def _check(
    session: Session, data: CallInput, now: dt.datetime, stored: _Stored | None
) -> tuple[list[ValidationError], _Clean]:
    """Every problem of ``data`` (one per field, in form order) and its normalised values."""
    _require_aware(data.started_at, "started_at")
    _require_aware(data.callback_due_at, "callback_due_at")
    _require_aware(now, "now")
    problems: list[ValidationError | None] = []
    if data.duration_seconds is not None and not (
        0 <= data.duration_seconds <= MAX_DURATION_SECONDS
    ):
        problems.append(_problem(MSG_DURATION, "duration_seconds"))
    if data.caller_kind is None:
        problems.append(_problem(MSG_CALLER_KIND, "caller_kind"))
    topic_problem, topics = _check_topics(session, data.topic_ids, stored)
    problems.append(topic_problem)
    if data.outcome is None:
        problems.append(_problem(MSG_OUTCOME, "outcome"))
    notes = data.notes.replace("\x00", "").strip()
    if len(notes) > NOTES_MAX_LENGTH:
        problems.append(
            _problem(MSG_NOTES_TOO_LONG, "notes", length=len(notes), limit=NOTES_MAX_LENGTH)
        )
    person_problem, person_number, person_kept = _check_person(data.person_number, now, stored)
    problems.append(person_problem)
    phone = " ".join(data.callback_phone.split())
    problems.extend(_check_callback(data, phone, now, stored))
    # No registry number holds a NUL, and PostgreSQL refuses one in any text.
    number = data.form_registry_number.replace("\x00", "").strip().upper()
    form_id: int | None = None
    if number:
        form_id = session.scalar(select(Form.id).where(Form.registry_number == number))
        if form_id is None:
            problems.append(_problem(MSG_UNKNOWN_FORM, "form_registry_number", number=number))
    clean = _Clean(
        topic_ids=tuple(topic_id for topic_id, _ in topics),
        topic_names=tuple(name for _, name in topics),
        notes=notes,
        person_number=person_number,
        person_kept=person_kept,
        callback_phone=phone or None,
        form_id=form_id,
        form_registry_number=number if form_id is not None else "",
    )
    return [problem for problem in problems if problem is not None], clean


def _check_topics(
    session: Session, topic_ids: Sequence[int], stored: _Stored | None
) -> tuple[ValidationError | None, list[tuple[int, str]]]:
    """A problem with the topics, and the (id, name) of those found, in topic order."""
    wanted = set(topic_ids)
    if not wanted:
        return _problem(MSG_NO_TOPIC, "topic_ids"), []
    rows = session.execute(
        select(Topic.id, Topic.name, Topic.retired_at)
        .where(Topic.id.in_(wanted))
        .order_by(Topic.sort_order, Topic.id)
    ).all()
    found = [(row.id, row.name) for row in rows]
    if len(found) != len(wanted):
        return _problem(MSG_UNKNOWN_TOPIC, "topic_ids"), found
    kept = stored.topic_ids if stored is not None else frozenset()
    retired = [row.name for row in rows if row.retired_at is not None and row.id not in kept]
    if retired:
        return _problem(MSG_RETIRED_TOPIC, "topic_ids", topic=retired[0]), found
    return None, found


def _check_person(
    typed: str, now: dt.datetime, stored: _Stored | None
) -> tuple[ValidationError | None, str | None, bool]:
    """A problem with the identity number, the number to store (12 digits or None),
    and whether the stored number is kept as it is."""
    typed = typed.strip()
    if not typed:
        return None, None, False
    if stored is not None and stored.person_masked and typed == stored.person_masked:
        return None, None, True  # shown masked in the form, left unchanged
    try:
        return None, parse_identity(typed, today=now.astimezone(TIMEZONE).date()).number, False
    except ValidationError as exc:
        return exc, None, False


def _check_callback(
    data: CallInput, phone: str, now: dt.datetime, stored: _Stored | None
) -> list[ValidationError]:
    """Problems with the callback: a phone number and a due time go together."""
    problems = []
    wants_callback = data.outcome is Outcome.CALLBACK or data.callback_due_at is not None
    if phone:
        digits = sum(ch.isdigit() for ch in phone)
        if not _PHONE.fullmatch(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            problems.append(_problem(MSG_PHONE_FORMAT, "callback_phone"))
    elif wants_callback:
        problems.append(_problem(MSG_PHONE_REQUIRED, "callback_phone"))
    due = data.callback_due_at
    changed = stored is None or stored.callback_due_at != due
    if due is None and (phone or data.outcome is Outcome.CALLBACK):
        problems.append(_problem(MSG_DUE_REQUIRED, "callback_due_at"))
    # Due times are chosen to the minute: "now" means the current minute.
    elif due is not None and changed and due < now.replace(second=0, microsecond=0):
        problems.append(_problem(MSG_DUE_PAST, "callback_due_at"))
    return problems


def _stored(session: Session, call: Call) -> _Stored:
    topic_ids = session.scalars(
        select(call_topics.c.topic_id).where(call_topics.c.call_id == call.id)
    ).all()
    return _Stored(frozenset(topic_ids), call.callback_due_at, call.person_masked)


def validate_call(
    session: Session, data: CallInput, *, now: dt.datetime, existing_id: int | None = None
) -> list[ValidationError]:
    """Every problem of ``data``, one per field (empty when it can be saved).

    With ``existing_id`` the rules for editing that call apply: it may keep a
    retired topic it already has, an unchanged callback time may lie in the past,
    and its masked identity number stands for the stored one.
    """
    stored = None
    if existing_id is not None:
        call = session.get(Call, existing_id)
        if call is None:
            raise CallNotFound(MSG_CALL_NOT_FOUND)
        stored = _stored(session, call)
    problems, _ = _check(session, data, now, stored)
    return problems


# --- saving ----------------------------------------------------------------------------


def create_call(
    session: Session, user: UserInfo, data: CallInput, *, now: dt.datetime | None = None
) -> CallDetail:
    """Log a new call by ``user``.

    Raises:
        CallInvalid: listing the problems; nothing was written.
    """
    roles.require(user, roles.Permission.CALLS)
    now = now or utcnow()
    problems, clean = _check(session, data, now, None)
    if problems:
        raise CallInvalid(problems)
    assert data.caller_kind is not None and data.outcome is not None
    call = Call(
        started_at=data.started_at,
        duration_seconds=data.duration_seconds,
        advisor_id=user.id,
        caller_kind=data.caller_kind,
        outcome=data.outcome,
        notes=clean.notes,
        person_number=clean.person_number,
        callback_phone=clean.callback_phone,
        callback_due_at=data.callback_due_at,
        form_id=clean.form_id,
        created_at=now,
        updated_at=now,
    )
    session.add(call)
    session.flush()
    session.execute(
        insert(call_topics),
        [
            {"call_id": call.id, "topic_id": topic_id, "started_at": data.started_at}
            for topic_id in clean.topic_ids
        ],
    )
    views = _record_article_views(session, call.id, data.article_views)
    event = audit.record(
        session,
        user,
        AuditAction.CREATE,
        entity=ENTITY,
        entity_id=call.id,
        person_number=clean.person_number,
    )
    session.flush()
    # Everything is known: no need to read the call back (saving stays fast).
    return CallDetail(
        id=call.id,
        version=call.version,
        started_at=data.started_at.astimezone(dt.UTC),
        duration_seconds=data.duration_seconds,
        advisor=user.shown_name,
        caller_kind=data.caller_kind,
        topic_ids=clean.topic_ids,
        outcome=data.outcome,
        notes=clean.notes,
        person_masked=mask(clean.person_number),
        callback_phone=clean.callback_phone or "",
        callback_due_at=None
        if data.callback_due_at is None
        else data.callback_due_at.astimezone(dt.UTC),
        callback_done_at=None,
        form_registry_number=clean.form_registry_number,
        history=(
            CallChange(event.at, user.username, "", "", "", AuditAction.CREATE, user.shown_name),
        ),
        advisor_id=user.id,
        topics=clean.topic_names,
        article_views=views,
    )


def update_call(
    session: Session,
    user: UserInfo,
    call_id: int,
    version: int,
    data: CallInput,
    *,
    now: dt.datetime | None = None,
) -> CallDetail:
    """Save an edited call; ``version`` is the one the form loaded.

    Each changed field is recorded in the audit log (the call's history). A
    callback given a new time is open again.

    Raises:
        CallNotFound: the call was deleted.
        CallConflict: someone saved the call after ``version``; nothing was written.
        CallInvalid: listing the problems; nothing was written.
    """
    roles.require(user, roles.Permission.CALLS)
    now = now or utcnow()
    call = session.get(Call, call_id, populate_existing=True)
    if call is None:
        raise CallNotFound(MSG_CALL_NOT_FOUND)
    if call.version != version:
        raise CallConflict(MSG_CONFLICT)
    stored = _stored(session, call)
    problems, clean = _check(session, data, now, stored)
    if problems:
        raise CallInvalid(problems)
    assert data.caller_kind is not None and data.outcome is not None

    with session.no_autoflush:
        before = _snapshot(session, call, stored.topic_ids, stored.person_masked)
        due_changed = call.callback_due_at != data.callback_due_at
        started_changed = call.started_at != data.started_at
        call.started_at = data.started_at
        call.duration_seconds = data.duration_seconds
        call.caller_kind = data.caller_kind
        call.outcome = data.outcome
        call.notes = clean.notes
        if not clean.person_kept and (clean.person_number or stored.person_masked):
            # Only a real change is written: the number is not loaded (deferred).
            call.person_number = clean.person_number
        call.callback_phone = clean.callback_phone
        if due_changed:  # a new time: a callback to make again
            call.callback_due_at = data.callback_due_at
            call.callback_done_at = None
        call.form_id = clean.form_id
        shown = stored.person_masked if clean.person_kept else mask(clean.person_number)
        after = _snapshot(session, call, frozenset(clean.topic_ids), shown)
    changes = [
        {"field": name, "redacted": True}
        if name in REDACTED_FIELDS
        else {"field": name, "old": before[name], "new": after[name]}
        for name in before
        if before[name] != after[name]
    ]
    topics_changed = set(clean.topic_ids) != stored.topic_ids
    if changes or topics_changed or started_changed:
        call.updated_at = now  # an UPDATE, so the version moves on even for topics alone
        _flush_or_conflict(session)
        _store_topics(session, call_id, stored.topic_ids, clean.topic_ids, data.started_at)
        audit.record(
            session,
            user,
            AuditAction.UPDATE,
            entity=ENTITY,
            entity_id=call_id,
            person_number=clean.person_number,
            details={"changes": changes},
        )
    _record_article_views(session, call_id, data.article_views)
    session.flush()
    return get_call(session, call_id)


def _flush_or_conflict(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError:  # the UPDATE ... WHERE version = ... found no row
        raise CallConflict(MSG_CONFLICT) from None


def _store_topics(
    session: Session,
    call_id: int,
    old: frozenset[int],
    new: tuple[int, ...],
    started_at: dt.datetime,
) -> None:
    gone = old - set(new)
    if gone:
        session.execute(
            delete(call_topics).where(
                call_topics.c.call_id == call_id, call_topics.c.topic_id.in_(gone)
            )
        )
    # Kept rows follow a corrected start time (the copy that the topic index needs).
    session.execute(
        update(call_topics)
        .where(call_topics.c.call_id == call_id, call_topics.c.started_at != started_at)
        .values(started_at=started_at)
    )
    added = [topic_id for topic_id in new if topic_id not in old]
    if added:
        session.execute(
            insert(call_topics),
            [{"call_id": call_id, "topic_id": t, "started_at": started_at} for t in added],
        )


def _iso(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(dt.UTC).isoformat(timespec="seconds")


def _snapshot(
    session: Session, call: Call, topic_ids: frozenset[int], person_masked: str
) -> dict[str, str]:
    """The editable fields of a call as history text (run without autoflush).

    Notes and the callback number are personal data that retention removes from
    the call; the append-only audit log cannot forget them, so their history
    says only that they changed (:data:`REDACTED`), never what they said.
    """
    form_number: str | None = None
    if call.form_id is not None:
        form_number = session.scalar(select(Form.registry_number).where(Form.id == call.form_id))
    return {
        "started_at": _iso(call.started_at),
        "duration_seconds": "" if call.duration_seconds is None else str(call.duration_seconds),
        "caller_kind": call.caller_kind.value,
        "topic_ids": ", ".join(_topic_names(session, topic_ids)),
        "outcome": call.outcome.value,
        "notes": call.notes,
        "person_number": person_masked,
        "callback_phone": call.callback_phone or "",
        "callback_due_at": _iso(call.callback_due_at),
        "callback_done_at": _iso(call.callback_done_at),
        "form_registry_number": form_number or "",
    }


def _topic_names(session: Session, topic_ids: frozenset[int] | Sequence[int]) -> list[str]:
    if not topic_ids:
        return []
    return list(
        session.scalars(
            select(Topic.name)
            .where(Topic.id.in_(list(topic_ids)))
            .order_by(Topic.sort_order, Topic.id)
        )
    )


def _record_article_views(
    session: Session, call_id: int, views: Sequence[ArticleViewInput]
) -> tuple[ArticleViewInput, ...]:
    """Record the articles opened while logging; returns what was recorded, in time order.

    A view without a revision (or with one of another article) is recorded with
    the article's current revision. Views of articles deleted in the meantime are
    left out: they are a record of reading, not input the user can correct.
    """
    if not views:
        return ()
    article_ids = {article_id for article_id, _, _ in views}
    current = dict(
        session.execute(
            select(Article.id, ArticleRevision.id)
            .outerjoin(
                ArticleRevision,
                (ArticleRevision.article_id == Article.id)
                & (ArticleRevision.number == Article.current_revision),
            )
            .where(Article.id.in_(article_ids))
        ).all()
    )
    revision_ids = {revision for _, revision, _ in views if revision is not None}
    owners = dict(
        session.execute(
            select(ArticleRevision.id, ArticleRevision.article_id).where(
                ArticleRevision.id.in_(revision_ids)
            )
        ).all()
    )
    recorded = []
    for article_id, given, opened_at in sorted(views, key=lambda view: view[2]):
        if article_id not in current:
            continue
        _require_aware(opened_at, "opened_at")
        revision_id = given if given is not None and owners.get(given) == article_id else None
        if revision_id is None:
            revision_id = current[article_id]
        session.add(
            CallArticleView(
                call_id=call_id,
                article_id=article_id,
                revision_id=revision_id,
                opened_at=opened_at,
            )
        )
        recorded.append((article_id, revision_id, opened_at.astimezone(dt.UTC)))
    return tuple(recorded)


# --- reading one call ------------------------------------------------------------------


def get_call(session: Session, call_id: int) -> CallDetail:
    """A saved call with its history, for the edit form.

    Raises:
        CallNotFound: no such call.
    """
    row = session.execute(
        select(Call, User.display_name, User.username, Form.registry_number)
        .join(User, User.id == Call.advisor_id)
        .outerjoin(Form, Form.id == Call.form_id)
        .where(Call.id == call_id)
    ).one_or_none()
    if row is None:
        raise CallNotFound(MSG_CALL_NOT_FOUND)
    call: Call = row[0]
    topics = session.execute(
        select(Topic.id, Topic.name)
        .join(call_topics, call_topics.c.topic_id == Topic.id)
        .where(call_topics.c.call_id == call_id)
        .order_by(Topic.sort_order, Topic.id)
    ).all()
    views = session.execute(
        select(CallArticleView.article_id, CallArticleView.revision_id, CallArticleView.opened_at)
        .where(CallArticleView.call_id == call_id)
        .order_by(CallArticleView.opened_at, CallArticleView.id)
    ).all()
    return CallDetail(
        id=call.id,
        version=call.version,
        started_at=call.started_at,
        duration_seconds=call.duration_seconds,
        advisor=row.display_name or row.username,
        caller_kind=call.caller_kind,
        topic_ids=tuple(topic_id for topic_id, _ in topics),
        outcome=call.outcome,
        notes=call.notes,
        person_masked=call.person_masked,
        callback_phone=call.callback_phone or "",
        callback_due_at=call.callback_due_at,
        callback_done_at=call.callback_done_at,
        form_registry_number=row.registry_number or "",
        history=_history(session, call_id),
        advisor_id=call.advisor_id,
        topics=tuple(name for _, name in topics),
        article_views=tuple((a, r, at) for a, r, at in views),
    )


def _history(session: Session, call_id: int) -> tuple[CallChange, ...]:
    rows = session.execute(
        select(
            AuditEvent.at,
            AuditEvent.username,
            AuditEvent.action,
            AuditEvent.details,
            User.display_name,
        )
        .outerjoin(User, User.username == AuditEvent.username)
        .where(
            AuditEvent.entity == ENTITY,
            AuditEvent.entity_id == str(call_id),
            AuditEvent.action.in_([AuditAction.CREATE, AuditAction.UPDATE]),
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()
    history: list[CallChange] = []
    for at, username, action, details, display_name in rows:
        shown = display_name or username
        if action is AuditAction.CREATE:
            history.append(CallChange(at, username, "", "", "", action, shown))
            continue
        for change in (details or {}).get("changes", []):
            history.append(
                CallChange(
                    at,
                    username,
                    str(change.get("field", "")),
                    str(change.get("old", "")),
                    str(change.get("new", "")),
                    action,
                    shown,
                    redacted=bool(change.get("redacted")),
                )
            )
    return tuple(history)


# --- the call list ----------------------------------------------------------------------


# The list is read with Core table columns (ORM-annotated ones send every page through
# the ORM's loading machinery) and statements built once per combination of filters.
# Its values are converted by _page_rows, not by SQLAlchemy's result processors: with
# 200 rows a page, those per-value calls and frozen-dataclass set-up cost more than the
# query itself (bench/calls.py: filter and search at most twice the raw query).
_CALLS = cast_type(Table, Call.__table__)
_USERS = cast_type(Table, User.__table__)
_C = _CALLS.c
_U = _USERS.c
_RAW = NullType()

_ROW_COLUMNS = (
    _C.id,
    _C.started_at,
    _C.duration_seconds,
    _U.display_name,
    _U.username,
    _C.caller_kind,
    _C.outcome,
    _C.callback_due_at,
    _C.callback_done_at,
    _C.person_masked,
    _C.callback_phone,
)
_RAW_VALUES = ("started_at", "caller_kind", "outcome", "callback_due_at", "callback_done_at")


def _notes_match() -> ColumnElement[bool]:
    """PostgreSQL: the notes contain every word of ``:notes_query`` (a tsquery text)."""
    tsquery = func.to_tsquery(
        literal_column("'simple'::regconfig"), bindparam("notes_query", type_=String())
    )
    column: ColumnElement[Any] = literal_column(f"calls.{NOTES_SEARCH_COLUMN}")
    return column.op("@@", is_comparison=True)(tsquery)


def _day_start(day: dt.date) -> dt.datetime:
    """Swedish local midnight at the start of ``day``, in UTC."""
    return dt.datetime.combine(day, dt.time(0), TIMEZONE).astimezone(dt.UTC)


def _topic_ids_column(dialect: str, call_id: ColumnElement[int]) -> ColumnElement[Any]:
    """The call's topic ids as "3,7": a correlated subquery on the key of call_topics."""
    own = call_topics.alias("own_topics")
    if dialect == "sqlite":
        joined: ColumnElement[Any] = func.group_concat(own.c.topic_id, ",")
    else:
        joined = func.string_agg(cast(own.c.topic_id, Text), ",")
    return type_coerce(
        select(joined).where(own.c.call_id == call_id).scalar_subquery(), _RAW
    ).label("topic_ids")


def _unindexed(column: ColumnElement[T]) -> ColumnElement[T]:
    """``+column``: the same value, but SQLite will not pick an index for the term."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


TEXT_NONE, TEXT_FEW, TEXT_MANY, TEXT_POSTGRES = "", "few", "many", "postgres"
FEW_HITS = 5000
"""SQLite: a search with at most this many hits starts from them; with more, from the
newest calls (a common word: the first 200 newest matches come quickly)."""


@dataclass(frozen=True)
class _Shape:
    """Which filters a page uses: one statement is built and cached for each."""

    dialect: str
    topic: bool
    date_from: bool
    date_to: bool
    outcome: bool
    advisor: bool
    open_callbacks: bool
    text: str
    after: bool


# The page statements' parameters, typed so that their values are converted as the
# columns' are (a time compared inside a tuple would otherwise go to the driver as is).
_AFTER_STARTED = bindparam("after_started", type_=UTCDateTime())
_AFTER_ID = bindparam("after_id", type_=Integer())
_TOPIC_ID = bindparam("topic_id", type_=Integer())
_LOW = bindparam("low", type_=UTCDateTime())
_HIGH = bindparam("high", type_=UTCDateTime())
_OUTCOME = bindparam("outcome", type_=_C.outcome.type)
_ADVISOR_ID = bindparam("advisor_id", type_=Integer())


@lru_cache(maxsize=512)
def _page_statement(shape: _Shape) -> Select[*tuple[Any, ...]]:
    """The page query for a shape, with named parameters (see :func:`_page_parameters`).

    With a topic the query walks the index (topic_id, started_at) of
    ``call_topics``, which carries a copy of the start time; without one, the
    index (started_at, id) of ``calls``, or the outcome's, the advisor's or the
    open callbacks' index when the database finds it better. A SQLite search with
    few hits starts from them instead, every other condition kept away from the
    indexes. The topics are read for the page's rows only, after the limit.
    """
    few = shape.text == TEXT_FEW

    def plain(column: ColumnElement[T]) -> ColumnElement[T]:
        return _unindexed(column) if few else column

    columns: tuple[ColumnElement[Any], ...] = _ROW_COLUMNS
    if not few:  # the final columns; a search with few hits gets them after its limit
        columns = (*_raw_columns(columns), _topic_ids_column(shape.dialect, _C.id))
    started: ColumnElement[dt.datetime]
    ident: ColumnElement[int]
    stmt: Select[*tuple[Any, ...]]
    if shape.topic and not few:
        started, ident = call_topics.c.started_at, call_topics.c.call_id
        stmt = (
            select(*columns)
            .select_from(call_topics)
            .join(_CALLS, _C.id == call_topics.c.call_id)
            .where(call_topics.c.topic_id == _TOPIC_ID)
        )
        if shape.after:
            # Spelled out: the index holds started_at but not call_id.
            stmt = stmt.where(
                started <= _AFTER_STARTED,
                or_(started < _AFTER_STARTED, ident < _AFTER_ID),
            )
    else:
        started, ident = plain(_C.started_at), plain(_C.id)
        stmt = select(*columns).select_from(_CALLS)
        if shape.topic:
            stmt = stmt.where(
                exists().where(
                    call_topics.c.call_id == _C.id,
                    call_topics.c.topic_id == _TOPIC_ID,
                )
            )
        if shape.after:
            stmt = stmt.where(tuple_(started, ident) < tuple_(_AFTER_STARTED, _AFTER_ID))
    stmt = stmt.join(_USERS, _U.id == _C.advisor_id).where(*_conditions(shape, started, plain))
    stmt = stmt.order_by(started.desc(), ident.desc()).limit(bindparam("limit", type_=Integer()))
    if not few:
        return stmt
    # A search with few hits sorts them all: its topics are read after the limit.
    page = stmt.subquery("page")
    return select(*_raw_columns(page.c), _topic_ids_column(shape.dialect, page.c.id)).order_by(
        page.c.started_at.desc(), page.c.id.desc()
    )


def _conditions(
    shape: _Shape,
    started: ColumnElement[dt.datetime],
    plain: Callable[[ColumnElement[Any]], ColumnElement[Any]],
) -> list[ColumnElement[bool]]:
    """The filters but the topic (``plain`` keeps a column away from the indexes)."""
    found: list[ColumnElement[bool]] = []
    if shape.date_from:
        found.append(started >= _LOW)
    if shape.date_to:
        found.append(started < _HIGH)
    if shape.outcome:
        found.append(plain(_C.outcome) == _OUTCOME)
    if shape.advisor:
        found.append(plain(_C.advisor_id) == _ADVISOR_ID)
    if shape.open_callbacks:
        # Written as the partial index ix_calls_open_callbacks is, so it can be used.
        found.append(plain(_C.callback_due_at).is_not(None))
        found.append(plain(_C.callback_done_at).is_(None))
    if shape.text == TEXT_POSTGRES:
        found.append(_notes_match())
    elif shape.text:
        few = shape.text == TEXT_FEW
        found.append((_C.id if few else _unindexed(_C.id)).in_(_fts_hits()))
    return found


def _raw_columns(columns: Iterable[ColumnElement[Any]]) -> list[ColumnElement[Any]]:
    """The row columns, with times and codes read as the driver gives them."""
    return [
        type_coerce(column, _RAW).label(column.key) if column.key in _RAW_VALUES else column
        for column in columns
    ]


def _fts_hits() -> Select[Any]:
    """SQLite: the ids of the calls whose notes match ``:notes_query``."""
    return (
        select(literal_column("rowid"))
        .select_from(table(NOTES_FTS_TABLE))
        .where(
            text(f"{NOTES_FTS_TABLE} MATCH :notes_query").bindparams(
                bindparam("notes_query", type_=String())
            )
        )
    )


def _page_parameters(
    dialect: str,
    filters: CallFilter | None,
    after: tuple[dt.datetime, int] | None,
    limit: int,
    hits: int | None = None,
) -> tuple[_Shape, dict[str, Any]]:
    """The shape and parameters of a page; ``hits``: how many notes match (SQLite)."""
    f = filters or CallFilter()
    words = search_words(f.text)
    if not words:
        text_mode = TEXT_NONE
    elif dialect != "sqlite":
        text_mode = TEXT_POSTGRES
    else:
        text_mode = TEXT_FEW if hits is None or hits <= FEW_HITS else TEXT_MANY
    shape = _Shape(
        dialect=dialect,
        topic=f.topic_id is not None,
        date_from=f.date_from is not None,
        date_to=f.date_to is not None,
        outcome=f.outcome is not None,
        advisor=f.advisor_id is not None,
        open_callbacks=f.open_callbacks_only,
        text=text_mode,
        after=after is not None,
    )
    params: dict[str, Any] = {"limit": limit}
    if f.topic_id is not None:
        params["topic_id"] = f.topic_id
    if after is not None:
        params["after_started"], params["after_id"] = after
    if f.date_from is not None:
        params["low"] = _day_start(f.date_from)
    if f.date_to is not None:
        params["high"] = _day_start(f.date_to + dt.timedelta(days=1))
    if f.outcome is not None:
        params["outcome"] = f.outcome
    if f.advisor_id is not None:
        params["advisor_id"] = f.advisor_id
    if words:
        params["notes_query"] = fulltext_query(dialect, words)
    return shape, params


def _count_hits(conn: Connection, query: str) -> int:
    """SQLite: how many notes match, counted up to ``FEW_HITS + 1``."""
    return int(
        conn.exec_driver_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM {NOTES_FTS_TABLE} "
            f"WHERE {NOTES_FTS_TABLE} MATCH ? LIMIT ?)",
            (query, FEW_HITS + 1),
        ).scalar_one()
    )


def calls_query(
    dialect: str,
    filters: CallFilter | None = None,
    *,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = PAGE_SIZE,
    hits: int | None = None,
) -> Select[*tuple[Any, ...]]:
    """The statement behind :func:`list_calls_page`, values bound (for EXPLAIN).

    ``hits``: on SQLite, how many notes match the text (None: few).
    """
    shape, params = _page_parameters(dialect, filters, after, limit, hits)
    return _page_statement(shape).params(**params)


def list_calls_page(
    session: Session,
    *,
    filters: CallFilter | None = None,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = PAGE_SIZE,
) -> list[CallRow]:
    """Calls newest first, ``limit`` at a time, continuing after the cursor ``after``.

    Keyset pagination: every page costs the same, however far the user has
    scrolled. ``filters`` narrow the list (see :class:`CallFilter`).
    """
    conn = session.connection()
    dialect = conn.dialect.name
    hits = None
    words = search_words(filters.text) if filters is not None else []
    if words and dialect == "sqlite":
        hits = _count_hits(conn, fulltext_query(dialect, words))
        if hits == 0:
            return []
    shape, params = _page_parameters(dialect, filters, after, limit, hits)
    compiled = _PAGES.get(shape, conn.dialect)
    # The driver's cursor on the session's connection (so in its transaction): no
    # Row objects, no events; the statement was compiled by SQLAlchemy.
    driver = conn.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        cursor.execute(compiled.sql, compiled.parameters(params))
        rows = cursor.fetchall()
        if not rows:
            return []
        cursor.execute("SELECT id, sort_order, name FROM topics")
        topics = {str(topic_id): (order, topic_id, name) for topic_id, order, name in cursor}
    finally:
        cursor.close()
    return _page_rows(rows, dialect, topics)


_PAGES: StatementCache[_Shape] = StatementCache(_page_statement)


_CALLER_KINDS = {kind.value: kind for kind in CallerKind}
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}
_new = object.__new__
_setattr = object.__setattr__


def _page_rows(
    rows: Sequence[Any], dialect: str, topics: dict[str, tuple[int, int, str]]
) -> list[CallRow]:
    """CallRows from raw rows (text times on SQLite, aware datetimes on PostgreSQL).

    ``topics`` maps a topic id (as text) to (sort order, id, name). Written for
    speed, as measured with 200 rows: a frozen dataclass's ``__init__`` sets
    each field through ``object.__setattr__`` (three times slower than setting
    the instance dictionary at once), and ``fromisoformat(text + "+00:00")`` is
    several times faster than ``fromisoformat(text).replace(tzinfo=...)``.
    """
    sqlite = dialect == "sqlite"
    parse = dt.datetime.fromisoformat
    utc = dt.UTC
    kinds, outcomes = _CALLER_KINDS, _OUTCOMES
    result = []
    for (
        call_id,
        raw_started,
        duration,
        display_name,
        username,
        caller_kind,
        outcome,
        raw_due,
        done_at,
        person_masked,
        phone,
        topic_ids,
    ) in rows:
        if sqlite:
            started_at = parse(raw_started + "+00:00")
            due_at = None if raw_due is None else parse(raw_due + "+00:00")
        else:
            started_at = raw_started.astimezone(utc)
            due_at = None if raw_due is None else raw_due.astimezone(utc)
        if not topic_ids:
            names: tuple[str, ...] = ()
        elif "," not in topic_ids:
            names = (topics[topic_ids][2],)
        else:
            names = tuple(topic[2] for topic in sorted(topics[i] for i in topic_ids.split(",")))
        row = _new(CallRow)
        _setattr(
            row,
            "__dict__",
            {
                "id": call_id,
                "started_at": started_at,
                "duration_seconds": duration,
                "advisor": display_name or username,
                "caller_kind": kinds[caller_kind],
                "topics": names,
                "outcome": outcomes[outcome],
                "callback_due_at": due_at,
                "callback_done": done_at is not None,
                "person_masked": person_masked or "",
                "callback_phone": phone or "",
            },
        )
        result.append(row)
    return result


def _topics_of(session: Session, call_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not call_ids:
        return {}
    stmt = (
        select(call_topics.c.call_id, Topic.name)
        .join(Topic, Topic.id == call_topics.c.topic_id)
        .where(call_topics.c.call_id.in_(call_ids))
        .order_by(call_topics.c.call_id, Topic.sort_order)
    )
    found: dict[int, list[str]] = {}
    for call_id, name in session.execute(stmt):
        found.setdefault(call_id, []).append(name)
    return {call_id: tuple(names) for call_id, names in found.items()}


def advisors(session: Session) -> list[tuple[int, str]]:
    """(user id, shown name) of the advisors and of everyone who has logged calls."""
    # Not EXISTS (SELECT * ...): that needs every column, and an advisor's
    # database login may not read calls.person_number.
    has_calls = select(Call.id).where(Call.advisor_id == User.id).exists()
    rows = session.execute(
        select(User.id, User.display_name, User.username).where(
            or_(User.role == Role.ADVISOR, has_calls)
        )
    ).all()
    found = [(user_id, display or username) for user_id, display, username in rows]
    return sorted(found, key=lambda item: (item[1].casefold(), item[0]))


# --- callbacks --------------------------------------------------------------------------


def callback_queue_query(
    *, limit: int = CALLBACK_QUEUE_LIMIT, after: tuple[dt.datetime, int] | None = None
) -> Select[*tuple[Any, ...]]:
    """The statement behind :func:`callback_queue` (the partial index of open callbacks)."""
    stmt = (
        select(
            _C.id,
            _C.callback_due_at,
            _C.callback_phone,
            _C.caller_kind,
            _U.display_name,
            _U.username,
        )
        .select_from(_CALLS)
        .join(_USERS, _U.id == _C.advisor_id)
        .where(_C.callback_due_at.is_not(None), _C.callback_done_at.is_(None))
        .order_by(_C.callback_due_at, _C.id)
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(tuple_(_C.callback_due_at, _C.id) > tuple_(*after))
    return stmt


def callback_queue(
    session: Session,
    *,
    now: dt.datetime,
    limit: int = CALLBACK_QUEUE_LIMIT,
    after: tuple[dt.datetime, int] | None = None,
) -> list[CallbackRow]:
    """Open callbacks (due time set, not done), soonest due first; ``after`` pages on."""
    _require_aware(now, "now")
    rows = session.execute(callback_queue_query(limit=limit, after=after)).all()
    topics = _topics_of(session, [row.id for row in rows])
    return [
        CallbackRow(
            call_id=row.id,
            due_at=row.callback_due_at,
            phone=row.callback_phone or "",
            caller_kind=row.caller_kind,
            topics=topics.get(row.id, ()),
            advisor=row.display_name or row.username,
            overdue=row.callback_due_at < now,
        )
        for row in rows
    ]


def mark_callback_done(
    session: Session, user: UserInfo, call_id: int, *, now: dt.datetime | None = None
) -> None:
    """Mark the call's callback as done (audited; done already: nothing happens).

    Raises:
        CallNotFound: no such call.
        KnownError: the call has no callback.
    """
    roles.require(user, roles.Permission.CALLS)
    now = now or utcnow()
    call = session.get(Call, call_id)
    if call is None:
        raise CallNotFound(MSG_CALL_NOT_FOUND)
    if call.callback_due_at is None:
        raise KnownError(MSG_NO_CALLBACK)
    if call.callback_done_at is not None:
        return
    call.callback_done_at = now
    call.updated_at = now
    _flush_or_conflict(session)
    audit.record(
        session,
        user,
        AuditAction.UPDATE,
        entity=ENTITY,
        entity_id=call_id,
        # Not the number: an advisor's login may not read it. Log extracts find
        # this event through the call (audit.person_log).
        details={"changes": [{"field": "callback_done_at", "old": "", "new": _iso(now)}]},
    )
    session.flush()


# --- topics -----------------------------------------------------------------------------


def _topic_row(topic: Topic) -> TopicRow:
    return TopicRow(
        topic.id, topic.code, topic.name, topic.description, topic.retired_at is not None
    )


def list_topics(session: Session, *, include_retired: bool = False) -> list[TopicRow]:
    """The topics in their order; retired ones only when asked for (editing old calls)."""
    stmt = select(Topic).order_by(Topic.sort_order, Topic.id)
    if not include_retired:
        stmt = stmt.where(Topic.retired_at.is_(None))
    return [_topic_row(topic) for topic in session.scalars(stmt)]


def _require_supervisor(user: UserInfo) -> None:
    roles.require(user, roles.Permission.TOPICS_EDIT)


def topic_code(name: str) -> str:
    """A code from a topic name: ASCII letters, digits and ``_`` (at most 56)."""
    folded = name.casefold().translate(str.maketrans("åäöéü", "aaoeu"))
    code = re.sub(r"[^a-z0-9]+", "_", folded).strip("_")[:56].strip("_")
    return code or "topic"


def add_topic(session: Session, user: UserInfo, name: str, description: str = "") -> TopicRow:
    """Add a topic at the end of the list (supervisors only).

    Raises:
        KnownError: the user is not a supervisor.
        ValidationError: the name is empty, too long or taken by a topic in use.
    """
    _require_supervisor(user)
    # Control characters removed (PostgreSQL refuses a NUL in any text).
    name = " ".join(_CONTROL.sub(" ", name).split())
    description = _CONTROL.sub("", description)
    if not name or len(name) > TOPIC_NAME_MAX_LENGTH:
        raise ValidationError(MSG_TOPIC_NAME, field="name", limit=TOPIC_NAME_MAX_LENGTH)
    in_use = session.scalars(select(Topic.name).where(Topic.retired_at.is_(None)))
    if name.casefold() in {taken.casefold() for taken in in_use}:  # SQLite's lower() is ASCII
        raise ValidationError(MSG_TOPIC_EXISTS, field="name", name=name)
    base = topic_code(name)
    codes = set(session.scalars(select(Topic.code).where(Topic.code.startswith(base))))
    code, number = base, 1
    while code in codes:
        number += 1
        code = f"{base}_{number}"
    last = session.scalar(select(func.max(Topic.sort_order))) or 0
    topic = Topic(code=code, name=name, description=description.strip(), sort_order=last + 10)
    session.add(topic)
    session.flush()
    audit.record(
        session,
        user,
        AuditAction.CREATE,
        entity=TOPIC_ENTITY,
        entity_id=topic.id,
        details={"code": code, "name": name},
    )
    return _topic_row(topic)


def retire_topic(
    session: Session, user: UserInfo, topic_id: int, *, now: dt.datetime | None = None
) -> None:
    """Stop offering a topic for new calls (supervisors only); old calls keep it.

    Raises:
        KnownError: the user is not a supervisor, or the topic does not exist.
    """
    _require_supervisor(user)
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise KnownError(MSG_TOPIC_NOT_FOUND)
    if topic.retired_at is not None:
        return
    topic.retired_at = now or utcnow()
    audit.record(
        session,
        user,
        AuditAction.UPDATE,
        entity=TOPIC_ENTITY,
        entity_id=topic.id,
        details={"changes": [{"field": "retired_at", "old": "", "new": _iso(topic.retired_at)}]},
    )
    session.flush()
