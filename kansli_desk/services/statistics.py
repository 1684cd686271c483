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
hours). SQLite counts the calls of each bucket with an index range count
(``ix_calls_started_id``); PostgreSQL counts them in one grouped scan by slots of
the longest length of which every bucket edge is a multiple (half an hour for
the default 16:30), and Python adds the slots to their buckets
(:data:`BUCKET_COUNTING`), then the buckets up by day, week, hour and weekday.
Outcomes and topics are counted on their (outcome/topic, start) indexes, the
commonest outcome as what is left of the total; durations and caller kinds are
grouped together (a histogram of the durations gives the exact median), on
SQLite by a loose scan of the index of migration 0006 (:data:`DURATION_INDEX`);
open callbacks are read from their partial index. On PostgreSQL every statement
is planned for its period (:func:`_custom_plans`). The forms of the period are
grouped in one pass by type, status, urgency and the days from arrival to
registration, confirmation and the phone call, the days computed in SQL on the
Swedish calendar (see
:func:`_days_after_arrival`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar
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

COMMONEST_OUTCOME = Outcome.ANSWERED
"""Most calls are answered (six in ten in the demo data): their number is the total
less the other outcomes' (see :func:`_outcomes`)."""

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
    overdue. Reads only (on PostgreSQL it changes two settings for its own statements
    and restores them: custom plans, see :func:`_custom_plans`, and no JIT compiler
    for the bucket counts, see :func:`_bucket_counts`); safe to run off the GUI thread
    in its own session. Reads committed data only: the hour buckets and the forms
    are read on a second connection of the session's engine (:func:`_alongside`).

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
    buckets = _buckets(date_from, date_to, office_hours)

    def beside(other: Connection) -> tuple[list[int], FormStatistics]:
        return _bucket_counts(other, buckets), _form_statistics(other, date_from, date_to, now)

    with _custom_plans(conn), _alongside(conn, beside) as counts_and_forms:
        figures = _call_figures(conn, date_from, date_to, now)
        counts, forms = counts_and_forms()
    calls = _call_statistics(date_from, date_to, buckets, counts, figures)
    return Statistics(
        date_from=date_from,
        date_to=date_to,
        computed_at=now.astimezone(dt.UTC),
        calls=calls,
        forms=forms,
    )


@contextmanager
def _custom_plans(conn: Connection) -> Iterator[None]:
    """PostgreSQL: plan every statement for its period (restored afterwards).

    psycopg prepares a statement on the server from its fifth run on a connection,
    and PostgreSQL may then keep one generic plan for any period, chosen for a
    guessed handful of calls: for three years of calls the durations took four
    times longer (an index scan and a sort instead of a parallel index-only scan).
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    previous = conn.exec_driver_sql("SELECT current_setting('plan_cache_mode')").scalar_one()
    conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
    try:
        yield
    finally:
        conn.exec_driver_sql(
            "SELECT set_config('plan_cache_mode', %(previous)s, true)", {"previous": previous}
        )


_R = TypeVar("_R")


@contextmanager
def _alongside(conn: Connection, work: Callable[[Connection], _R]) -> Iterator[Callable[[], _R]]:
    """Run ``work`` beside the caller's statements; yields a function that waits for
    its result (or raises its error).

    On a second connection of the same engine, in a thread, so that the database
    counts the hour buckets (the longest statement, ~40 % of the time for a million
    calls) and the forms on another core while this connection reads the other
    figures of the calls (about as long): the PostgreSQL server runs each
    connection in a process of its own, and Python's sqlite3 releases the GIL
    while SQLite reads (readers never wait for each other).
    Each statement sees its own snapshot, so the figures are as consistent as when
    run one after another. An in-memory SQLite database exists only on ``conn``:
    there ``work`` runs on it, when the result is asked for.
    """
    database = conn.engine.url.database
    if conn.dialect.name == "sqlite" and (not database or database == ":memory:"):
        yield lambda: work(conn)
        return

    def run() -> _R:
        with conn.engine.connect() as other, _custom_plans(other):
            return work(other)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="statistics") as pool:
        yield pool.submit(run).result


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

# One grouped scan of the period instead: the calls per slot of ``slot`` seconds
# (slot n runs from n * slot to (n + 1) * slot seconds since the epoch, start
# included), every bucket edge being a multiple of ``slot`` (see _slot_seconds).
# PostgreSQL bins with date_bin (integer arithmetic on the stored microseconds, no
# time zone) and converts only the slots to numbers; SQLite parses the stored text
# cut to the second (its date functions round the microseconds to milliseconds, so
# "08:59:59.999999" would become 09:00:00).
_SLOTS_POSTGRES = """
SELECT CAST(extract(epoch FROM slot) AS bigint) / %(slot)s, n FROM (
    SELECT date_bin(make_interval(secs => %(slot)s), started_at,
                    TIMESTAMPTZ '1970-01-01 00:00:00+00') AS slot, count(*) AS n
    FROM calls WHERE started_at >= to_timestamp(%(low)s) AND started_at < to_timestamp(%(high)s)
    GROUP BY 1
) AS slots
"""

_SLOTS_SQLITE = """
SELECT CAST(strftime('%s', substr(started_at, 1, 19)) AS INTEGER) / ?, count(*) FROM calls
WHERE started_at >= datetime(?, 'unixepoch') AND started_at < datetime(?, 'unixepoch')
GROUP BY 1
"""


class BucketCounting(StrEnum):
    """How :func:`_bucket_counts` counts (the fastest differs per database)."""

    RANGES = "ranges"  # one index range count per bucket
    SLOTS = "slots"  # one grouped scan by slots of whole minutes, added up in Python


BUCKET_COUNTING = {"sqlite": BucketCounting.RANGES, "postgresql": BucketCounting.SLOTS}
"""The way each database counts by default. SQLite seeks an index range quickly but
parses the stored text per row slowly (a grouped scan of a million calls takes about
twice as long). On PostgreSQL both take about as long for the million calls of the
demo database; the grouped scan's cost follows the number of calls, the range
counts' the number of hours (a year of few calls still makes 9,000 range counts)."""


def _slot_seconds(buckets: _Buckets) -> int:
    """The longest slot (a divisor of an hour) of which every edge is a multiple.

    An hour without an opening or closing time inside, 1800 s for the default
    08:00-16:30, 900 s for 07:45, at least 60 s (office hours are whole minutes).
    """
    slot = 3600
    for edge in buckets.edges:
        if edge % slot:
            slot = math.gcd(slot, edge % 3600)
    return slot


def _bucket_counts(
    conn: Connection, buckets: _Buckets, counting: BucketCounting | None = None
) -> list[int]:
    """How many calls started in each bucket (by ``counting``, default: the database's)."""
    dialect = conn.dialect.name
    if counting is None:
        counting = BUCKET_COUNTING.get(dialect, BucketCounting.RANGES)
    counts = [0] * (len(buckets.edges) - 1)
    if counting is BucketCounting.SLOTS:
        return _add_slots(buckets, counts, _slot_counts(conn, buckets))
    if dialect == "sqlite":
        rows: Sequence[Any] = conn.exec_driver_sql(
            _BUCKETS_SQLITE, (json.dumps(buckets.edges),)
        ).all()
    else:
        # PostgreSQL's estimate for thousands of small range counts is high enough to
        # start its JIT compiler, which then takes longer than the counting itself.
        rows = _without_jit(conn, _BUCKETS_POSTGRES, {"edges": buckets.edges})
    for k, n in rows:
        counts[int(k)] = int(n)
    return counts


def _without_jit(conn: Connection, sql: str, params: Mapping[str, Any]) -> Sequence[Any]:
    """PostgreSQL: run ``sql`` with the JIT compiler off (the setting is restored)."""
    previous = conn.exec_driver_sql("SELECT current_setting('jit')").scalar_one()
    conn.exec_driver_sql("SET LOCAL jit = off")
    rows = conn.exec_driver_sql(sql, dict(params)).all()
    conn.exec_driver_sql("SELECT set_config('jit', %(previous)s, true)", {"previous": previous})
    return rows


def _slot_counts(conn: Connection, buckets: _Buckets) -> list[tuple[int, int]]:
    """(slot number, calls) for the slots of the period that have calls, in order."""
    slot = _slot_seconds(buckets)
    low, high = buckets.edges[0], buckets.edges[-1]
    rows: Sequence[Any]
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(_SLOTS_SQLITE, (slot, low, high)).all()
    else:
        # The planner takes every call for a group of its own: the cost it expects
        # would start the JIT compiler, which takes longer than the scan.
        rows = _without_jit(conn, _SLOTS_POSTGRES, {"slot": slot, "low": low, "high": high})
    return sorted((int(number) * slot, int(n)) for number, n in rows)


def _add_slots(buckets: _Buckets, counts: list[int], slots: list[tuple[int, int]]) -> list[int]:
    """Add the (slot start, calls) pairs, in order, to the buckets they lie in."""
    edges = buckets.edges
    bucket = 0
    for start, n in slots:
        while edges[bucket + 1] <= start:
            bucket += 1
        counts[bucket] += n
    return counts


@dataclass(frozen=True)
class _CallFigures:
    """The figures of a period's calls that do not come from the hour buckets."""

    durations: Counter[int]
    kinds: dict[str, int]
    topics: tuple[Tally, ...]
    outcomes: dict[str, int]
    open_callbacks: int
    overdue_callbacks: int


def _call_figures(
    conn: Connection, date_from: dt.date, date_to: dt.date, now: dt.datetime
) -> _CallFigures:
    period = {"low": _day_start(date_from), "high": _day_start(date_to + _DAY)}
    durations, kinds = _durations_and_kinds(conn, period)
    # Every call has a caller kind: their sum is the period's calls.
    outcomes = _outcomes(conn, period, sum(kinds.values()))
    open_callbacks, overdue_callbacks = _callbacks(conn, {**period, "now": now})
    return _CallFigures(
        durations, kinds, _topics(conn, period), outcomes, open_callbacks, overdue_callbacks
    )


def _call_statistics(
    date_from: dt.date,
    date_to: dt.date,
    buckets: _Buckets,
    counts: Sequence[int],
    figures: _CallFigures,
) -> CallStatistics:
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
    mean, median = _mean_and_median(figures.durations)
    return CallStatistics(
        total=total,
        per_day=tuple(
            Tally(d.isoformat(), d.isoformat(), n) for d, n in zip(days, per_day, strict=True)
        ),
        per_week=tuple(
            Tally(f"{y}-W{w:02d}", translate(CONTEXT, WEEK_LABEL).format(week=w), n)
            for (y, w), n in weeks.items()
        ),
        per_topic=figures.topics,
        per_outcome=_enum_tallies(Outcome, figures.outcomes),
        per_caller_kind=_enum_tallies(CallerKind, figures.kinds),
        per_hour=tuple(Tally(f"{h:02d}", f"{h:02d}", n) for h, n in enumerate(per_hour)),
        per_weekday=tuple(
            Tally(str(i + 1), translate(CONTEXT, WEEKDAY_LABELS[i]), n)
            for i, n in enumerate(per_weekday)
        ),
        within_office_hours=within,
        outside_office_hours=total - within,
        mean_duration_seconds=mean,
        median_duration_seconds=median,
        open_callbacks=figures.open_callbacks,
        overdue_callbacks=figures.overdue_callbacks,
    )


def _in_period(column: ColumnElement[Any]) -> list[ColumnElement[bool]]:
    return [column >= _LOW, column < _HIGH]


def _outcomes(conn: Connection, period: Mapping[str, Any], total: int) -> dict[str, int]:
    """Calls per outcome: one range count on ``ix_calls_outcome_started`` each, but for
    :data:`COMMONEST_OUTCOME`, which is what is left of the ``total`` (every call has
    one outcome): its range, the longest, is not read."""
    others = [outcome for outcome in Outcome if outcome is not COMMONEST_OUTCOME]
    if total == 0:
        return {}
    columns = [
        select(func.count())
        .select_from(_CALLS)
        .where(_C.outcome == literal_column(f"'{outcome.value}'"), *_in_period(_C.started_at))
        .scalar_subquery()
        .label(outcome.value)
        for outcome in others
    ]
    row = conn.execute(select(*columns), dict(period)).one()
    found = {outcome.value: int(n) for outcome, n in zip(others, row, strict=True)}
    found[COMMONEST_OUTCOME.value] = total - sum(found.values())
    return found


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
    conn: Connection, period: Mapping[str, Any]
) -> tuple[Counter[int], dict[str, int]]:
    """The histogram of durations (None left out) and the calls per caller kind."""
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
