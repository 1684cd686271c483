"""Statistics of the call log and the form register for a period (issue 6).

:func:`compute_statistics` answers, for the Swedish local days ``date_from`` to
``date_to`` (both included), what the statistics view and the PDF report show.
Every figure is aggregated in the database; no call is read row by row, so a
year of a million calls takes well under a second (``bench/exports.py``).

**Calls** belong to the period by their start (``started_at``) on the Swedish
calendar (Europe/Stockholm, summer time included), the same rule the call list's
date filter and the export use.

* ``per_day`` (every day of the period, zero days included), ``per_week`` (ISO
  weeks, Monday to Sunday, every week that has a day in the period; a week cut
  by the period counts only its days inside it), ``per_hour`` (local hour of
  the start, 00 to 23) and ``per_weekday`` (Monday to Sunday) are counted on
  local time. On the spring change day hour 02 does not exist; on the autumn
  change day hour 02 happens twice and both count as 02.
* ``within_office_hours`` / ``outside_office_hours``: whether the Kansli was open
  when the call started, by :meth:`OfficeHours.status
  <kansli_desk.core.office_hours.OfficeHours.status>`: an opening weekday that is
  no Swedish holiday (public holidays plus Midsommarafton, Julafton and
  Nyårsafton) nor an extra closed day, from the opening time (included) to the
  closing time (excluded).
* ``per_topic``: calls per topic, for the topics used in the period, most calls
  first (a call with two topics counts once for each; the total is the number
  of calls). ``per_outcome`` and ``per_caller_kind``: every member of the enum,
  in the enum's order, zeros included.
* ``mean_duration_seconds`` and ``median_duration_seconds`` are taken over the
  calls that have a duration (calls logged without one are left out; None when
  no call has one). The median is exact: the middle duration, or the mean of the
  two middle ones when their number is even.
* ``open_callbacks``: calls of the period with a callback time whose callback is
  not marked done; ``overdue_callbacks``: those of them due before ``now``.

**Forms** belong to the period by their arrival day (``received_on``).

* ``per_type`` and ``per_status`` (the forms' status today): every member, in
  the enum's order.
* ``median_days_to_registration``: median number of calendar days from the
  arrival day to the Swedish local day of registration (``registered_at``; 0 =
  registered the day it arrived), over the forms registered so far;
  ``median_days_to_confirmation`` likewise to the day the confirmation was sent
  (``confirmation_sent_at``). None when no form qualifies; an even count gives
  the mean of the two middle values (so possibly half a day).
* ``urgent``: urgent forms. An urgent form must be forwarded on the day it
  arrives (after that :func:`kansli_desk.services.forms.is_overdue` calls it
  overdue) and cannot be forwarded before IT-Vårdsystemsupport was phoned, so
  IT support is **phoned in time** when the call was recorded (time and name,
  as the forwarding rule wants them) on the Swedish local arrival day or
  earlier; **late** when it was recorded for a later day; **not phoned** when no
  call is recorded (yet). The three add up to ``urgent``.

How it is computed: the period is cut into buckets on the UTC axis, one per
local hour of each day, split again at the opening and closing times, so that
each bucket has one local date, one local hour and one open/closed state
(Swedish time differs from UTC by whole hours, so local hours begin on UTC
hours). The database counts the calls of each bucket with an index range count
(``ix_calls_started_id``), and Python adds the buckets up by day, week, hour and
weekday. Outcomes and topics are counted on their (outcome/topic, start)
indexes; durations and caller kinds are grouped together (a histogram of the
durations gives the exact median), on SQLite by a loose scan of the index of
migration 0006 (:data:`DURATION_INDEX`); open callbacks are read from their
partial index. The forms of the period are grouped in one pass by
type, status, urgency and the days from arrival to registration, confirmation
and the phone call, the days computed in SQL on the Swedish calendar (see
:func:`_days_after_arrival`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any
from typing import cast as cast_type

from sqlalchemy import (
    Date,
    Integer,
    Table,
    and_,
    bindparam,
    case,
    cast,
    extract,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kansli_desk.core import enums
from kansli_desk.core.enums import CallerKind, FormStatus, FormType, Outcome
from kansli_desk.core.office_hours import TIMEZONE, OfficeHours
from kansli_desk.errors import ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate
from kansli_desk.models import Call, Form, Topic, UTCDateTime, call_topics, utcnow

CONTEXT = "Statistics"

MSG_PERIOD_ORDER = QT_TRANSLATE_NOOP(
    "Errors",
    "The period ends before it begins: the last day ({date_to}) is before the first ({date_from}).",
)
WEEK_LABEL = QT_TRANSLATE_NOOP("Statistics", "w. {week}")
"""A week's label in charts (``"w. 5"``; Swedish ``"v. 5"``)."""
WEEKDAY_LABELS = (
    QT_TRANSLATE_NOOP("Statistics", "Mon"),
    QT_TRANSLATE_NOOP("Statistics", "Tue"),
    QT_TRANSLATE_NOOP("Statistics", "Wed"),
    QT_TRANSLATE_NOOP("Statistics", "Thu"),
    QT_TRANSLATE_NOOP("Statistics", "Fri"),
    QT_TRANSLATE_NOOP("Statistics", "Sat"),
    QT_TRANSLATE_NOOP("Statistics", "Sun"),
)

DURATION_INDEX = "ix_calls_duration_kind_started"
"""(duration_seconds, caller_kind, started_at), migration 0006: on SQLite the duration
histogram and the caller kinds are counted on it (see :data:`_DURATIONS_SQLITE`); without
it, the period's calls are read from the table and sorted (several times slower)."""

_DAY = dt.timedelta(days=1)

_CALLS = cast_type(Table, Call.__table__)
_FORMS = cast_type(Table, Form.__table__)
_TOPICS = cast_type(Table, Topic.__table__)
_C = _CALLS.c
_F = _FORMS.c
_T = _TOPICS.c
_CT = call_topics.c

_LOW = bindparam("low", type_=UTCDateTime())
_HIGH = bindparam("high", type_=UTCDateTime())
_NOW = bindparam("now", type_=UTCDateTime())
_FIRST_DAY = bindparam("first_day", type_=Date())
_LAST_DAY = bindparam("last_day", type_=Date())


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """One bar of a chart, one row of a table.

    Attributes:
        key: a stable code: an ISO date (``"2026-03-02"``), an ISO week
            (``"2026-W05"``), an hour (``"00"``..``"23"``), an ISO weekday
            (``"1"`` = Monday .. ``"7"``), a topic code or an enum value.
        label: the text shown: the date, ``"w. 5"`` (translated when computed),
            ``"13"``, ``"Mon"`` (translated), the topic's name, or for enums the
            English source label (the GUI translates enum labels itself).
        count: how many.
    """

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class CallStatistics:
    """The calls that started in the period (see the module docstring)."""

    total: int
    per_day: tuple[Tally, ...]
    per_week: tuple[Tally, ...]
    per_topic: tuple[Tally, ...]
    per_outcome: tuple[Tally, ...]
    per_caller_kind: tuple[Tally, ...]
    per_hour: tuple[Tally, ...]
    per_weekday: tuple[Tally, ...]
    within_office_hours: int
    outside_office_hours: int
    mean_duration_seconds: float | None
    median_duration_seconds: float | None
    open_callbacks: int
    overdue_callbacks: int


@dataclass(frozen=True)
class FormStatistics:
    """The forms that arrived in the period (see the module docstring)."""

    total: int
    per_type: tuple[Tally, ...]
    per_status: tuple[Tally, ...]
    median_days_to_registration: float | None
    median_days_to_confirmation: float | None
    urgent: int
    urgent_phoned_in_time: int
    urgent_phoned_late: int
    urgent_not_phoned: int


@dataclass(frozen=True)
class Statistics:
    """Everything the statistics view and the PDF report show for one period.

    ``computed_at``: the moment the figures hold for (``now``), aware, in UTC.
    """

    date_from: dt.date
    date_to: dt.date
    computed_at: dt.datetime
    calls: CallStatistics
    forms: FormStatistics


# --- entry point -------------------------------------------------------------------------


def compute_statistics(
    session: Session,
    date_from: dt.date,
    date_to: dt.date,
    *,
    office_hours: OfficeHours,
    now: dt.datetime | None = None,
) -> Statistics:
    """The statistics of the Swedish local days ``date_from`` to ``date_to`` (included).

    ``now`` (aware; default the current time) decides which open callbacks are
    overdue. Reads only (on PostgreSQL it turns the JIT compiler off for one query,
    see :func:`_bucket_counts`); safe to run off the GUI thread in its own session.

    Raises:
        ValidationError: ``date_from`` is after ``date_to`` (field ``"date_to"``).
    """
    if date_from > date_to:
        raise ValidationError(
            MSG_PERIOD_ORDER,
            field="date_to",
            date_from=date_from.isoformat(),
            date_to=date_to.isoformat(),
        )
    if now is None:
        now = utcnow()
    elif now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    conn = session.connection()
    return Statistics(
        date_from=date_from,
        date_to=date_to,
        computed_at=now.astimezone(dt.UTC),
        calls=_call_statistics(conn, date_from, date_to, office_hours, now),
        forms=_form_statistics(conn, date_from, date_to, now),
    )


# --- calls ---------------------------------------------------------------------------------


def _day_start(day: dt.date) -> dt.datetime:
    """Swedish local midnight at the start of ``day``, in UTC."""
    return dt.datetime.combine(day, dt.time(0), TIMEZONE).astimezone(dt.UTC)


@dataclass(frozen=True)
class _Buckets:
    """The period cut on the UTC axis into pieces of one local hour and one office state.

    Bucket ``i`` runs from ``edges[i]`` (included) to ``edges[i + 1]`` (excluded),
    in whole seconds since the Unix epoch.
    """

    edges: list[int]
    days: list[int]  # index of the bucket's local day in the period
    hours: list[int]  # its local hour
    open: list[bool]  # the Kansli is open during it


def _epoch(at: dt.datetime) -> int:
    return int(at.timestamp())


def _buckets(date_from: dt.date, date_to: dt.date, office_hours: OfficeHours) -> _Buckets:
    """The buckets of the period (opening and closing times taken to the second)."""
    edges: list[int] = []
    days: list[int] = []
    hours: list[int] = []
    opened: list[bool] = []
    day, index = date_from, 0
    start = _epoch(_day_start(day))
    while day <= date_to:
        following = day + _DAY
        end = _epoch(_day_start(following))
        length = (end - start) // 3600  # 23, 24 or 25 hours
        cuts = list(range(start, end, 3600))
        opening = closing = 0
        if office_hours.is_working_day(day):
            # As OfficeHours.status compares: aware local times, i.e. instants.
            opening = _epoch(dt.datetime.combine(day, office_hours.opens, TIMEZONE))
            closing = _epoch(dt.datetime.combine(day, office_hours.closes, TIMEZONE))
            extra = [cut for cut in (opening, closing) if start < cut < end and cut % 3600]
            if extra:
                cuts = sorted(set(cuts + extra))
        edges.extend(cuts)
        days.extend([index] * len(cuts))
        if length == 24:
            hours.extend((cut - start) // 3600 for cut in cuts)
        else:  # a summer-time change day: the local hours skip or repeat one
            hours.extend(dt.datetime.fromtimestamp(cut, TIMEZONE).hour for cut in cuts)
        opened.extend(opening <= cut < closing for cut in cuts)
        day, index, start = following, index + 1, end
    edges.append(start)
    return _Buckets(edges, days, hours, opened)


# One index range count per bucket (ix_calls_started_id). The edges come as seconds
# since the epoch; SQLite compares them as the stored text ("2026-11-27 09:00:00"
# sorts just before "2026-11-27 09:00:00.000000", so a call exactly on an edge
# falls into the bucket that starts there).
_BUCKETS_SQLITE = """
WITH edge(k, lo, hi) AS (
    SELECT key, datetime(value, 'unixepoch'), datetime(lead(value) OVER (ORDER BY key), 'unixepoch')
    FROM json_each(?)
)
SELECT k, (SELECT count(*) FROM calls
           WHERE calls.started_at >= edge.lo AND calls.started_at < edge.hi)
FROM edge WHERE hi IS NOT NULL
"""

_BUCKETS_POSTGRES = """
SELECT k - 1, (SELECT count(*) FROM calls
               WHERE calls.started_at >= edge.lo AND calls.started_at < edge.hi)
FROM (
    SELECT k, to_timestamp(lo) AS lo, to_timestamp(lead(lo) OVER (ORDER BY k)) AS hi
    FROM unnest(CAST(%(edges)s AS bigint[])) WITH ORDINALITY AS u(lo, k)
) AS edge
WHERE hi IS NOT NULL
"""


def _bucket_counts(conn: Connection, buckets: _Buckets) -> list[int]:
    """How many calls started in each bucket."""
    if conn.dialect.name == "sqlite":
        rows: Sequence[Any] = conn.exec_driver_sql(
            _BUCKETS_SQLITE, (json.dumps(buckets.edges),)
        ).all()
    else:
        # PostgreSQL's estimate for thousands of small range counts is high enough to
        # start its JIT compiler, which then takes longer than the counting itself.
        previous = conn.exec_driver_sql("SELECT current_setting('jit')").scalar_one()
        conn.exec_driver_sql("SET LOCAL jit = off")
        rows = conn.exec_driver_sql(_BUCKETS_POSTGRES, {"edges": buckets.edges}).all()
        conn.exec_driver_sql("SELECT set_config('jit', %(previous)s, true)", {"previous": previous})
    counts = [0] * (len(buckets.edges) - 1)
    for k, n in rows:
        counts[int(k)] = int(n)
    return counts


def _call_statistics(
    conn: Connection,
    date_from: dt.date,
    date_to: dt.date,
    office_hours: OfficeHours,
    now: dt.datetime,
) -> CallStatistics:
    low, high = _day_start(date_from), _day_start(date_to + _DAY)
    period = {"low": low, "high": high}
    buckets = _buckets(date_from, date_to, office_hours)
    counts = _bucket_counts(conn, buckets)
    days = [date_from + dt.timedelta(days=i) for i in range((date_to - date_from).days + 1)]
    per_day = [0] * len(days)
    per_hour = [0] * 24
    within = 0
    for i, n in enumerate(counts):
        if n:
            per_day[buckets.days[i]] += n
            per_hour[buckets.hours[i]] += n
            if buckets.open[i]:
                within += n
    total = sum(per_day)
    per_weekday = [0] * 7
    weeks: dict[tuple[int, int], int] = {}
    for day, n in zip(days, per_day, strict=True):
        per_weekday[day.weekday()] += n
        year, week, _ = day.isocalendar()
        weeks[(year, week)] = weeks.get((year, week), 0) + n
    durations, kinds = _durations_and_kinds(conn, period, total)
    mean, median = _mean_and_median(durations)
    open_callbacks, overdue_callbacks = _callbacks(conn, {**period, "now": now})
    return CallStatistics(
        total=total,
        per_day=tuple(
            Tally(d.isoformat(), d.isoformat(), n) for d, n in zip(days, per_day, strict=True)
        ),
        per_week=tuple(
            Tally(f"{y}-W{w:02d}", translate(CONTEXT, WEEK_LABEL).format(week=w), n)
            for (y, w), n in weeks.items()
        ),
        per_topic=_topics(conn, period),
        per_outcome=_enum_tallies(Outcome, _outcomes(conn, period)),
        per_caller_kind=_enum_tallies(CallerKind, kinds),
        per_hour=tuple(Tally(f"{h:02d}", f"{h:02d}", n) for h, n in enumerate(per_hour)),
        per_weekday=tuple(
            Tally(str(i + 1), translate(CONTEXT, WEEKDAY_LABELS[i]), n)
            for i, n in enumerate(per_weekday)
        ),
        within_office_hours=within,
        outside_office_hours=total - within,
        mean_duration_seconds=mean,
        median_duration_seconds=median,
        open_callbacks=open_callbacks,
        overdue_callbacks=overdue_callbacks,
    )


def _in_period(column: ColumnElement[Any]) -> list[ColumnElement[bool]]:
    return [column >= _LOW, column < _HIGH]


def _outcomes(conn: Connection, period: Mapping[str, Any]) -> dict[str, int]:
    """Calls per outcome: one range count on ``ix_calls_outcome_started`` each."""
    columns = [
        select(func.count())
        .select_from(_CALLS)
        .where(_C.outcome == literal_column(f"'{outcome.value}'"), *_in_period(_C.started_at))
        .scalar_subquery()
        .label(outcome.value)
        for outcome in Outcome
    ]
    row = conn.execute(select(*columns), dict(period)).one()
    return {outcome.value: int(n) for outcome, n in zip(Outcome, row, strict=True)}


def _topics(conn: Connection, period: Mapping[str, Any]) -> tuple[Tally, ...]:
    """Calls per topic used in the period, most first (``ix_call_topics_topic_started``)."""
    used = (
        select(func.count())
        .select_from(call_topics)
        .where(_CT.topic_id == _T.id, *_in_period(_CT.started_at))
        .scalar_subquery()
    )
    rows = conn.execute(
        select(_T.code, _T.name, _T.sort_order, used.label("n")), dict(period)
    ).all()
    found = sorted((r for r in rows if r.n), key=lambda r: (-r.n, r.sort_order, r.name))
    return tuple(Tally(r.code, r.name, int(r.n)) for r in found)


# SQLite with the index of migration 0006: a loose index scan. The recursive part
# steps from one distinct duration to the next (one seek each); for each duration
# (and for no duration) and each caller kind, the period's calls are an index range
# (duration, kind, start) and are counted there. Only the period's index entries are
# read, already grouped, without a sort.
_DURATIONS_SQLITE = """
WITH RECURSIVE duration(v) AS (
    SELECT min(duration_seconds) FROM calls
    UNION ALL
    SELECT (SELECT min(duration_seconds) FROM calls WHERE duration_seconds > duration.v)
    FROM duration WHERE duration.v IS NOT NULL
),
kind(k) AS (VALUES {kinds})
SELECT v, k, (SELECT count(*) FROM calls INDEXED BY {index}
              WHERE duration_seconds IS v AND caller_kind = k
              AND started_at >= ? AND started_at < ?)
FROM (SELECT v FROM duration WHERE v IS NOT NULL UNION ALL SELECT NULL), kind
"""

# Otherwise (PostgreSQL, whose planner reads the index by itself; SQLite without it).
_DURATIONS = (
    "SELECT duration_seconds, caller_kind, count(*) FROM calls "
    "WHERE started_at >= :low AND started_at < :high GROUP BY duration_seconds, caller_kind"
)


def _durations_and_kinds(
    conn: Connection, period: Mapping[str, Any], total: int
) -> tuple[Counter[int], dict[str, int]]:
    """The histogram of durations (None left out) and the calls per caller kind."""
    if total == 0:
        return Counter(), {}
    rows: Sequence[Any]
    if conn.dialect.name == "sqlite" and _has_duration_index(conn):
        to_text = UTCDateTime().bind_processor(conn.dialect)
        assert to_text is not None
        kinds_sql = ", ".join(f"('{kind.value}')" for kind in CallerKind)
        sql = _DURATIONS_SQLITE.format(kinds=kinds_sql, index=DURATION_INDEX)
        rows = conn.exec_driver_sql(sql, (to_text(period["low"]), to_text(period["high"]))).all()
    else:
        rows = conn.execute(text(_DURATIONS).bindparams(_LOW, _HIGH), dict(period)).all()
    durations: Counter[int] = Counter()
    kinds: dict[str, int] = {}
    for duration, kind, n in rows:
        if n:
            kinds[kind] = kinds.get(kind, 0) + int(n)
            if duration is not None:
                durations[int(duration)] += int(n)
    return durations, kinds


def _has_duration_index(conn: Connection) -> bool:
    """SQLite: whether the database has :data:`DURATION_INDEX` (migration 0006)."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (DURATION_INDEX,)
    ).first()
    return found is not None


def _mean_and_median(histogram: Counter[int]) -> tuple[float | None, float | None]:
    count = sum(histogram.values())
    if count == 0:
        return None, None
    mean = sum(value * n for value, n in histogram.items()) / count
    return mean, _median(histogram, count)


def _median(histogram: Mapping[int, int], count: int) -> float:
    """The exact median of ``count`` values given as value -> how many."""
    lower_rank, upper_rank = (count - 1) // 2, count // 2  # 0-based middle positions
    lower = upper = None
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if lower is None and seen > lower_rank:
            lower = value
        if seen > upper_rank:
            upper = value
            break
    assert lower is not None and upper is not None
    return (lower + upper) / 2


def _callbacks(conn: Connection, params: Mapping[str, Any]) -> tuple[int, int]:
    """Open and overdue callbacks of the period's calls (partial index of open ones)."""
    started: ColumnElement[Any] = _C.started_at
    if conn.dialect.name == "sqlite":  # keep ix_calls_started_id away: the partial index
        started = literal_column("+calls.started_at", UTCDateTime())
    stmt = select(
        func.count(),
        func.count(case((_C.callback_due_at < _NOW, 1))),
    ).where(
        # Written as OPEN_CALLBACK, so that the partial index ix_calls_open_callbacks is used.
        _C.callback_due_at.is_not(None),
        _C.callback_done_at.is_(None),
        *_in_period(started),
    )
    open_count, overdue = conn.execute(stmt, dict(params)).one()
    return int(open_count), int(overdue)


def _enum_tallies(enum: type[StrEnum], counts: Mapping[str, int]) -> tuple[Tally, ...]:
    """Every member in order, labelled with its English source label (not translated)."""
    labels = enums._LABELS[enum.__name__]  # the English source labels
    return tuple(Tally(m.value, labels[m.value], counts.get(m.value, 0)) for m in enum)


# --- forms -----------------------------------------------------------------------------------


def _form_statistics(
    conn: Connection, date_from: dt.date, date_to: dt.date, now: dt.datetime
) -> FormStatistics:
    """One grouped pass over the period's forms (by type, status, urgency and days)."""
    summer = _summer_days(date_from.year - 1, max(date_to.year, now.year) + 1)
    dialect = conn.dialect.name

    def days(column: ColumnElement[Any]) -> ColumnElement[Any]:
        return _days_after_arrival(dialect, column, summer)

    phoned = and_(
        _F.is_urgent,
        _F.it_support_phoned_at.is_not(None),
        _F.it_support_phoned_by.is_not(None),
        _F.it_support_phoned_by != "",
    )
    inner = (
        select(
            _F.form_type,
            _F.status,
            _F.is_urgent,
            days(_F.registered_at).label("registration"),
            days(_F.confirmation_sent_at).label("confirmation"),
            case((phoned, days(_F.it_support_phoned_at))).label("phoned"),
        )
        .where(_F.received_on.between(_FIRST_DAY, _LAST_DAY))
        .subquery()
    )
    # Grouped outside: PostgreSQL would not match the expressions' own parameters.
    keys = list(inner.c)
    stmt = select(*keys, func.count()).group_by(*keys)
    per_type: Counter[str] = Counter()
    per_status: Counter[str] = Counter()
    registration: Counter[int] = Counter()
    confirmation: Counter[int] = Counter()
    urgent = in_time = late = 0
    rows: Sequence[Any] = conn.execute(stmt, {"first_day": date_from, "last_day": date_to}).all()
    for form_type, status, is_urgent, registered, confirmed, phoned_days, n in rows:
        per_type[form_type.value] += n
        per_status[status.value] += n
        if registered is not None:
            registration[int(registered)] += n
        if confirmed is not None:
            confirmation[int(confirmed)] += n
        if is_urgent:
            urgent += n
            if phoned_days is not None:
                if int(phoned_days) <= 0:
                    in_time += n
                else:
                    late += n
    return FormStatistics(
        total=sum(per_type.values()),
        per_type=_enum_tallies(FormType, per_type),
        per_status=_enum_tallies(FormStatus, per_status),
        median_days_to_registration=_median_or_none(registration),
        median_days_to_confirmation=_median_or_none(confirmation),
        urgent=urgent,
        urgent_phoned_in_time=in_time,
        urgent_phoned_late=late,
        urgent_not_phoned=urgent - in_time - late,
    )


@lru_cache(maxsize=64)
def _summer_year(year: int) -> tuple[tuple[dt.date, dt.date], ...]:
    """The UTC days of ``year`` on which 22:00 UTC is already the next Swedish day."""
    found: list[tuple[dt.date, dt.date]] = []
    day = dt.date(year, 1, 1)
    first: dt.date | None = None
    while day.year == year:
        at = dt.datetime.combine(day, dt.time(22), dt.UTC).astimezone(TIMEZONE)
        if at.date() != day and first is None:
            first = day
        elif at.date() == day and first is not None:
            found.append((first, day - _DAY))
            first = None
        day += _DAY
    if first is not None:
        found.append((first, dt.date(year, 12, 31)))
    return tuple(found)


def _summer_days(first_year: int, last_year: int) -> list[tuple[dt.date, dt.date]]:
    """:func:`_summer_year` for the years ``first_year`` to ``last_year``."""
    return [span for year in range(first_year, last_year + 1) for span in _summer_year(year)]


def _days_after_arrival(
    dialect: str, column: ColumnElement[Any], summer: list[tuple[dt.date, dt.date]]
) -> ColumnElement[Any]:
    """Calendar days from ``forms.received_on`` to the Swedish local day of ``column``.

    Swedish time is UTC+1 in winter and UTC+2 in summer: the Swedish day is the
    UTC day, or the next one from 23:00 UTC, and from 22:00 UTC on the days in
    ``summer`` (summer time; computed by Python from the time zone rules for the
    years concerned and written into the statement as ranges of days). NULL when
    ``column`` is.
    """
    if dialect == "sqlite":  # stored as UTC text, "2026-11-27 09:30:00.000000"
        day: ColumnElement[Any] = func.substr(column, 1, 10)
        hour: ColumnElement[Any] = cast(func.substr(column, 12, 2), Integer)
        between: ColumnElement[Any] = cast(
            func.julianday(day) - func.julianday(_F.received_on), Integer
        )
    else:
        utc = func.timezone(literal_column("'UTC'"), column)
        day = cast(utc, Date)
        hour = cast(extract("hour", utc), Integer)
        between = day - _F.received_on
    in_summer = or_(
        false(),
        *(
            day.between(literal_column(f"'{first.isoformat()}'"), literal_column(f"'{last}'"))
            for first, last in summer
        ),
    )
    next_day = case((hour >= 23, 1), (and_(hour == 22, in_summer), 1), else_=0)
    return between + next_day


def _median_or_none(histogram: Counter[int]) -> float | None:
    count = sum(histogram.values())
    return None if count == 0 else _median(histogram, count)
