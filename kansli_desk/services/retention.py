"""Retention: how long personal data is kept, and the purge that removes it after that.

Two periods, team-wide settings in the database (``shared_settings``), changed by
supervisors only (:func:`set_policy`):

* ``retention/call_personal_months`` (default :data:`DEFAULT_CALL_MONTHS`, 24): a
  call that started more than this many calendar months ago loses its notes, its
  callback phone number and its identity number. What statistics need stays: the
  start time, duration, topics, outcome, caller kind, advisor, the callback's due
  and done times, the link to a form and the articles read. A call whose callback
  is still open (due, not done) keeps everything until the callback is done.
* ``retention/closed_form_years`` (default :data:`DEFAULT_FORM_YEARS`, 5): a form
  that was closed more than this many years ago is anonymised. "Closed" means one
  of the final statuses :data:`CLOSED_STATUSES`, from which no step leads on:
  Avslutad (closed), Makulerad (cancelled) and Avvisad (rejected); a confirmed
  form still waits to be closed and is not counted. The closing time is the time
  of the form's last status change. The form keeps its type, status, registry
  number, dates (arrival, signing, registration, execution, confirmation, the
  seal's period), urgency, signed flag, initiator, measures, seal scope and unit,
  the orderer's title and unit, the steps of its history (who, when, from, to)
  and, for each person, their part (person concerned, child, guardian), the kind
  of identity number and the access given or removed. It loses each person's
  identity number (stored as an empty string, :data:`ANONYMISED_NUMBER`: the
  column cannot be NULL and no real number is ever empty), name and exact birth
  date (cut to 1 January of the birth year, enough for age statistics); the
  orderer's name and phone, the head of operations, who phoned IT support, the
  note and the comments of its status steps; its scanned attachments are deleted.

The defaults are placeholders until the region's retention schedule
(informationshanteringsplan, brief F.5) sets the periods: 24 months for call
details as the issue proposes, and for forms the five years the access log must
at least be kept (HSLF-FS 2016:40 4 kap 9 §), so that a form can be shown for as
long as the log entries about it.

**The audit log is never purged.** Its rows are append-only (migration 0005: the
database refuses UPDATE and DELETE), so the program keeps them for good, which
satisfies "at least five years". What an audit row recorded stays as recorded:
the identity number of the person concerned (needed for log extracts), and the
fields a change touched. The values of what a purge removes (a call's notes and
callback number, a form's note, orderer and IT-support names) are never written
to the log: a change of them is recorded as changed, without old or new text
(``calls.REDACTED_FIELDS``, ``forms.REDACTED_FIELDS``), so the log keeps
nothing the purge removes but the identity numbers log extracts need. Removing audit rows older than
the region's period is a database administrator's task outside the program.

:func:`plan_purge` lists what a purge would change (the dry run);
:func:`purge` changes exactly that, in the caller's transaction, and records one
``PURGE`` audit event with the counts. Running it again changes nothing more.
Purged rows get a new version, so an edit form opened before the purge cannot
write the removed data back (it gets the "someone else saved" conflict).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Date,
    Table,
    and_,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction, FormStatus
from kansli_desk.core.office_hours import TIMEZONE
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import (
    Call,
    Form,
    FormAttachment,
    FormParty,
    FormStatusChange,
    SharedSetting,
    utcnow,
)
from kansli_desk.services import audit, roles
from kansli_desk.services.users import UserInfo

T = TypeVar("T")

CALL_MONTHS_KEY = "retention/call_personal_months"
FORM_YEARS_KEY = "retention/closed_form_years"
DEFAULT_CALL_MONTHS = 24
DEFAULT_FORM_YEARS = 5
CALL_MONTHS_RANGE = (1, 1200)
FORM_YEARS_RANGE = (1, 100)
AUDIT_MIN_YEARS = 5
"""The access log is kept at least this long (HSLF-FS 2016:40 4 kap 9 §); the
program never deletes audit rows at all."""

CLOSED_STATUSES: tuple[FormStatus, ...] = (
    FormStatus.CLOSED,
    FormStatus.CANCELLED,
    FormStatus.REJECTED,
)
"""The final statuses: no step of the workflow leads out of them."""
ANONYMISED_NUMBER = ""
"""What an anonymised person's identity number is stored as (the column is NOT NULL)."""
ENTITY = "retention"
SETTING_ENTITY = "shared_setting"
CHUNK = 500
"""Rows changed per statement (SQLite limits the parameters of one statement)."""

MSG_SUPERVISOR_ONLY = roles.MSG_RETENTION
MSG_CALL_MONTHS = QT_TRANSLATE_NOOP(
    "Errors", "Give the months to keep call details as a whole number from {low} to {high}."
)
MSG_FORM_YEARS = QT_TRANSLATE_NOOP(
    "Errors", "Give the years to keep closed forms as a whole number from {low} to {high}."
)
MSG_STORED_INVALID = QT_TRANSLATE_NOOP(
    "Errors",
    "The retention setting {key} stored in the database is not valid; nothing was purged. "
    "A supervisor can set it again with “kansli-desk retention set”.",
)


@dataclass(frozen=True)
class RetentionPolicy:
    """How long personal data is kept (see the module docstring)."""

    call_months: int = DEFAULT_CALL_MONTHS
    form_years: int = DEFAULT_FORM_YEARS


@dataclass(frozen=True)
class PurgePlan:
    """What a purge at ``now`` changes.

    Attributes:
        now: the moment the cut-offs are counted from.
        policy: the periods in force.
        call_cutoff: calls that started before this lose their personal details.
        form_cutoff: forms closed before this are anonymised.
        call_ids: the calls that still hold notes, a callback number or an
            identity number and started before the cut-off.
        open_callbacks_kept: calls before the cut-off that keep their details
            because their callback is still open.
        form_ids: the closed forms before the cut-off that still hold personal data.
        party_count: the people on those forms.
        attachment_ids: the scans of those forms, to be deleted.
    """

    now: dt.datetime
    policy: RetentionPolicy
    call_cutoff: dt.datetime
    form_cutoff: dt.datetime
    call_ids: tuple[int, ...]
    open_callbacks_kept: int
    form_ids: tuple[int, ...]
    party_count: int
    attachment_ids: tuple[int, ...]

    @property
    def call_cutoff_date(self) -> dt.date:
        """The cut-off of calls as a Swedish date (calls before it are purged)."""
        return self.call_cutoff.astimezone(TIMEZONE).date()

    @property
    def form_cutoff_date(self) -> dt.date:
        """The cut-off of closed forms as a Swedish date."""
        return self.form_cutoff.astimezone(TIMEZONE).date()

    @property
    def is_empty(self) -> bool:
        return not (self.call_ids or self.form_ids or self.attachment_ids)


@dataclass(frozen=True)
class PurgeResult:
    """What :func:`purge` changed (the plan it carried out) and its audit event."""

    plan: PurgePlan
    audit_event_id: int

    @property
    def calls(self) -> int:
        return len(self.plan.call_ids)

    @property
    def forms(self) -> int:
        return len(self.plan.form_ids)

    @property
    def attachments(self) -> int:
        return len(self.plan.attachment_ids)


# --- the settings ----------------------------------------------------------------------------


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_call_months(value: Any) -> int:
    """``value`` as months to keep call details.

    Raises:
        ValidationError: not a whole number in :data:`CALL_MONTHS_RANGE`.
    """
    low, high = CALL_MONTHS_RANGE
    if not _whole(value) or not low <= value <= high:
        raise ValidationError(MSG_CALL_MONTHS, field="call_months", low=low, high=high)
    return int(value)


def check_form_years(value: Any) -> int:
    """``value`` as years to keep closed forms.

    Raises:
        ValidationError: not a whole number in :data:`FORM_YEARS_RANGE`.
    """
    low, high = FORM_YEARS_RANGE
    if not _whole(value) or not low <= value <= high:
        raise ValidationError(MSG_FORM_YEARS, field="form_years", low=low, high=high)
    return int(value)


_CHECKS = {CALL_MONTHS_KEY: check_call_months, FORM_YEARS_KEY: check_form_years}


_DEFAULTS = {CALL_MONTHS_KEY: DEFAULT_CALL_MONTHS, FORM_YEARS_KEY: DEFAULT_FORM_YEARS}


def _stored(session: Session) -> dict[str, Any]:
    """The stored values of the periods, as stored (valid or not)."""
    return dict(
        session.execute(
            select(SharedSetting.key, SharedSetting.value).where(SharedSetting.key.in_(_CHECKS))
        ).all()
    )


def get_policy(session: Session) -> RetentionPolicy:
    """The periods stored in the database, or the defaults where none is stored.

    Raises:
        KnownError: a stored value is not valid (a purge must not guess).
    """
    rows = _stored(session)
    values: dict[str, int] = {}
    for key, check in _CHECKS.items():
        if key not in rows:
            continue
        try:
            values[key] = check(rows[key])
        except ValidationError:
            raise KnownError(MSG_STORED_INVALID, key=key) from None
    return RetentionPolicy(
        call_months=values.get(CALL_MONTHS_KEY, DEFAULT_CALL_MONTHS),
        form_years=values.get(FORM_YEARS_KEY, DEFAULT_FORM_YEARS),
    )


def require_supervisor(user: UserInfo) -> None:
    """Purging and changing the periods are for supervisors.

    Raises:
        NotAllowed: ``user`` is not a supervisor (the role matrix's retention right).
    """
    roles.require(user, roles.Permission.RETENTION)


def set_policy(
    session: Session,
    user: UserInfo,
    *,
    call_months: int | None = None,
    form_years: int | None = None,
    now: dt.datetime | None = None,
) -> RetentionPolicy:
    """Change the periods (supervisors only; None keeps a period); audited.

    Raises:
        KnownError: the user is not a supervisor.
        ValidationError: a value is out of range; nothing was changed.
    """
    require_supervisor(user)
    wanted: dict[str, int] = {}
    if call_months is not None:
        wanted[CALL_MONTHS_KEY] = check_call_months(call_months)
    if form_years is not None:
        wanted[FORM_YEARS_KEY] = check_form_years(form_years)
    # What was stored, even if not valid: setting a period is how an invalid one is mended.
    old = {**_DEFAULTS, **_stored(session)}
    now = now or utcnow()
    changes = []
    for key, value in wanted.items():
        # Stored even when it equals the default: the team chose it explicitly.
        row = session.get(SharedSetting, key)
        if row is None:
            session.add(SharedSetting(key=key, value=value, updated_at=now))
        elif row.value != value:
            row.value = value
            row.updated_at = now
        if old[key] != value:
            changes.append({"field": key, "old": str(old[key]), "new": str(value)})
    if changes:
        audit.record(
            session,
            user,
            AuditAction.UPDATE,
            entity=SETTING_ENTITY,
            entity_id="retention",
            details={"changes": changes},
        )
    session.flush()
    return get_policy(session)


# --- the cut-offs ----------------------------------------------------------------------------


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), TIMEZONE).astimezone(dt.UTC)


def cutoffs(policy: RetentionPolicy, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """(calls, forms): the start of the Swedish day the period before today began.

    Calls that started, and forms closed, before these moments are purged.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    today = now.astimezone(TIMEZONE).date()
    return (
        _local_midnight(months_before(today, policy.call_months)),
        _local_midnight(months_before(today, 12 * policy.form_years)),
    )


# --- the plan --------------------------------------------------------------------------------

_CALLS = cast(Table, Call.__table__)
_FORMS = cast(Table, Form.__table__)
_PARTIES = cast(Table, FormParty.__table__)
_HISTORY = cast(Table, FormStatusChange.__table__)
_ATTACHMENTS = cast(Table, FormAttachment.__table__)
_C = _CALLS.c
_F = _FORMS.c
_P = _PARTIES.c
_H = _HISTORY.c
_A = _ATTACHMENTS.c


def _call_conditions(cutoff: dt.datetime) -> list[Any]:
    return [
        _C.started_at < cutoff,
        or_(_C.notes != "", _C.person_number.is_not(None), _C.callback_phone.is_not(None)),
    ]


def _open_callback() -> Any:
    return and_(_C.callback_due_at.is_not(None), _C.callback_done_at.is_(None))


def _closed_at() -> Any:
    """When a form reached its current status: its last status change (or last update)."""
    last_step = select(func.max(_H.changed_at)).where(_H.form_id == _F.id).scalar_subquery()
    return func.coalesce(last_step, _F.updated_at)


def _has_personal_data() -> Any:
    """A form that still holds something :func:`purge` removes."""
    return or_(
        _F.orderer_name != "",
        _F.orderer_phone != "",
        _F.head_of_operations != "",
        _F.note != "",
        func.coalesce(_F.it_support_phoned_by, "") != "",
        exists().where(_P.form_id == _F.id, _P.id_number != ANONYMISED_NUMBER),
        exists().where(_A.form_id == _F.id),
        exists().where(_H.form_id == _F.id, _H.comment != ""),
    )


def plan_purge(session: Session, now: dt.datetime) -> PurgePlan:
    """What :func:`purge` would change at ``now`` (reads only; anyone may ask).

    Raises:
        KnownError: a stored retention setting is not valid.
    """
    policy = get_policy(session)
    call_cutoff, form_cutoff = cutoffs(policy, now)
    call_ids = tuple(
        session.scalars(
            select(_C.id).where(*_call_conditions(call_cutoff), ~_open_callback()).order_by(_C.id)
        )
    )
    kept = session.scalar(
        select(func.count())
        .select_from(_CALLS)
        .where(*_call_conditions(call_cutoff), _open_callback())
    )
    form_ids = tuple(
        session.scalars(
            select(_F.id)
            .where(
                _F.status.in_(CLOSED_STATUSES),
                _closed_at() < form_cutoff,
                _has_personal_data(),
            )
            .order_by(_F.id)
        )
    )
    parties = 0
    attachment_ids: list[int] = []
    for chunk in _chunks(form_ids):
        parties += (
            session.scalar(select(func.count()).select_from(_PARTIES).where(_P.form_id.in_(chunk)))
            or 0
        )
        attachment_ids.extend(
            session.scalars(select(_A.id).where(_A.form_id.in_(chunk)).order_by(_A.id))
        )
    return PurgePlan(
        now=now,
        policy=policy,
        call_cutoff=call_cutoff,
        form_cutoff=form_cutoff,
        call_ids=call_ids,
        open_callbacks_kept=kept or 0,
        form_ids=form_ids,
        party_count=parties,
        attachment_ids=tuple(sorted(attachment_ids)),
    )


def _chunks(ids: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# --- the purge -------------------------------------------------------------------------------


def _year_start(session: Session, column: Any) -> Any:
    """``column`` (a date) cut to 1 January of its year, in the database's dialect."""
    if session.connection().dialect.name == "sqlite":
        return func.date(column, "start of year")
    return func.date_trunc("year", column).cast(Date)


def purge(session: Session, user: UserInfo, now: dt.datetime | None = None) -> PurgeResult:
    """Remove the personal data past its period (:func:`plan_purge` at ``now``) and
    record one ``PURGE`` audit event with the counts (supervisors only).

    Raises:
        KnownError: the user is not a supervisor, or a stored setting is not valid.
    """
    require_supervisor(user)
    now = now or utcnow()
    plan = plan_purge(session, now)
    for calls in _chunks(plan.call_ids):
        session.execute(
            update(_CALLS)
            .where(_C.id.in_(calls))
            .values(
                notes="",
                person_number=None,
                callback_phone=None,
                version=_C.version + 1,
                updated_at=now,
            )
        )
    year_start = _year_start(session, _P.birth_date)
    for forms in _chunks(plan.form_ids):
        session.execute(
            update(_FORMS)
            .where(_F.id.in_(forms))
            .values(
                orderer_name="",
                orderer_phone="",
                head_of_operations="",
                it_support_phoned_by=None,
                note="",
                version=_F.version + 1,
                updated_at=now,
            )
        )
        session.execute(
            update(_PARTIES)
            .where(_P.form_id.in_(forms))
            .values(id_number=ANONYMISED_NUMBER, name="", birth_date=year_start)
        )
        session.execute(
            update(_HISTORY).where(_H.form_id.in_(forms), _H.comment != "").values(comment="")
        )
        session.execute(delete(_ATTACHMENTS).where(_A.form_id.in_(forms)))
    event = audit.record(
        session,
        user,
        AuditAction.PURGE,
        entity=ENTITY,
        details={
            "call_months": plan.policy.call_months,
            "form_years": plan.policy.form_years,
            "call_cutoff": plan.call_cutoff.isoformat(),
            "form_cutoff": plan.form_cutoff.isoformat(),
            "calls": len(plan.call_ids),
            "open_callbacks_kept": plan.open_callbacks_kept,
            "forms": len(plan.form_ids),
            "parties": plan.party_count,
            "attachments": len(plan.attachment_ids),
        },
    )
    session.flush()
    # Purged rows read back as they now are.
    session.expire_all()
    return PurgeResult(plan, event.id)
