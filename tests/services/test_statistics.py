"""Statistics of calls and forms (kansli_desk.services.statistics), on SQLite and PostgreSQL.

A small hand-made data set around the spring change to summer time and Easter
2026 is checked against figures worked out by hand (the comments show the
working); a larger random set is checked against a plain Python reading of the
same calls (local time from zoneinfo, office hours from OfficeHours.status).
Every test runs with and without the duration index of migration 0006, which
changes how SQLite reads durations and caller kinds.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics as pystats
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa

from kansli_desk.core.enums import CallerKind, FormStatus, FormType, Outcome, Role
from kansli_desk.core.office_hours import TIMEZONE, OfficeHours
from kansli_desk.errors import ValidationError
from kansli_desk.models import Call, Form, Topic, User, call_topics
from kansli_desk.services import statistics
from kansli_desk.services.database import Database
from kansli_desk.services.statistics import Statistics, Tally, compute_statistics

HOURS = OfficeHours()  # Monday to Friday, 08:00 to 16:30
FIRST, LAST = dt.date(2026, 3, 27), dt.date(2026, 4, 6)  # Friday .. Easter Monday
NOW = dt.datetime(2026, 4, 7, 12, 0, tzinfo=TIMEZONE)
INDEX_SQL = (
    f"CREATE INDEX IF NOT EXISTS {statistics.DURATION_INDEX} "
    "ON calls (duration_seconds, caller_kind, started_at)"
)


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime:
    """A Swedish local time (not in the skipped or repeated hour of a change day)."""
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=TIMEZONE)


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=dt.UTC)


@pytest.fixture(params=["with index", "without index"])
def db(request: pytest.FixtureRequest, database: Database) -> Database:
    """The database with or without ix_calls_duration_kind_started."""
    with database.engine.begin() as conn:
        if request.param == "with index":
            conn.execute(sa.text(INDEX_SQL))
        else:
            conn.execute(sa.text(f"DROP INDEX IF EXISTS {statistics.DURATION_INDEX}"))
    return database


# --- building the data ---------------------------------------------------------------


@dataclass
class Data:
    db: Database
    advisor_id: int
    topics: dict[str, int]

    def call(
        self,
        started_at: dt.datetime,
        *,
        duration: int | None = 120,
        kind: CallerKind = CallerKind.CITIZEN,
        outcome: Outcome = Outcome.ANSWERED,
        topics: tuple[str, ...] = ("sealing",),
        due: dt.datetime | None = None,
        done: dt.datetime | None = None,
    ) -> None:
        with self.db.transaction() as session:
            call = Call(
                started_at=started_at,
                duration_seconds=duration,
                advisor_id=self.advisor_id,
                caller_kind=kind,
                outcome=outcome,
                callback_phone="08-123 456" if due else None,
                callback_due_at=due,
                callback_done_at=done,
            )
            session.add(call)
            session.flush()
            session.execute(
                sa.insert(call_topics),
                [
                    {"call_id": call.id, "topic_id": self.topics[code], "started_at": started_at}
                    for code in topics
                ],
            )

    def form(
        self,
        form_type: FormType,
        received_on: dt.date,
        status: FormStatus,
        *,
        registered: dt.datetime | None = None,
        confirmed: dt.datetime | None = None,
        urgent: bool = False,
        phoned: dt.datetime | None = None,
        phoned_by: str | None = "Eva Berg",
    ) -> None:
        with self.db.transaction() as session:
            session.add(
                Form(
                    form_type=form_type,
                    status=status,
                    received_on=received_on,
                    signed_on=received_on - dt.timedelta(days=2),
                    is_urgent=urgent,
                    it_support_phoned_at=phoned,
                    it_support_phoned_by=phoned_by if phoned else None,
                    registered_at=registered,
                    confirmation_sent_at=confirmed,
                    orderer_name="Per Holm",
                    orderer_unit="Vårdcentralen Åby",
                    head_of_operations="Lena Ek",
                )
            )

    def stats(
        self,
        first: dt.date = FIRST,
        last: dt.date = LAST,
        *,
        now: dt.datetime = NOW,
        hours: OfficeHours = HOURS,
    ) -> Statistics:
        with self.db.transaction() as session:
            return compute_statistics(session, first, last, office_hours=hours, now=now)


def empty_data(db: Database) -> Data:
    with db.transaction() as session:
        user = User(username="anna", display_name="Anna Lind", role=Role.ADVISOR)
        session.add(user)
        session.flush()
        topics = {t.code: t.id for t in session.scalars(sa.select(Topic))}
        return Data(db, user.id, topics)


@pytest.fixture
def data(db: Database) -> Data:
    """The hand-made calls and forms (see the comments for each)."""
    d = empty_data(db)
    kind, end = CallerKind, Outcome
    # Just outside the period on both sides (an open callback, a long call): never counted.
    d.call(local(2026, 3, 26, 23, 59, 59), outcome=end.CALLBACK, due=local(2026, 3, 27, 9))
    d.call(local(2026, 4, 7, 0, 0, 0), duration=5000, kind=kind.OTHER, topics=("other",))
    # The period's eleven calls, local time; "in"/"out": in office hours or not
    # (Monday to Friday 08:00-16:30, holidays closed).
    # Friday 27 March: out (midnight), out (before opening), in (opening time
    # included), in, out (closing time excluded).
    d.call(local(2026, 3, 27), duration=100, kind=kind.REPRESENTATIVE, topics=("proxy",))
    d.call(local(2026, 3, 27, 7, 59, 59), duration=100)
    d.call(
        local(2026, 3, 27, 8),
        duration=200,
        outcome=end.REFERRED_UNIT,
        topics=("sealing", "proxy"),
    )
    d.call(local(2026, 3, 27, 16, 29, 59), duration=None, kind=kind.GUARDIAN, topics=("proxy",))
    d.call(
        local(2026, 3, 27, 16, 30),
        duration=400,
        kind=kind.STAFF,
        outcome=end.CALLBACK,
        due=local(2026, 3, 30, 10),
        done=local(2026, 3, 30, 9),
    )
    # Sunday 29 March, 02:00 CET becomes 03:00 CEST: 01:30 CET and 03:30 CEST.
    d.call(utc(2026, 3, 29, 0, 30), duration=None, topics=("log_extract",))
    d.call(
        utc(2026, 3, 29, 1, 30),
        duration=None,
        kind=kind.OTHER,
        outcome=end.FORM_SENT,
        topics=("log_extract",),
    )
    # Monday 00:30 CEST, still Sunday 22:30 in UTC; its callback is overdue at NOW.
    d.call(
        utc(2026, 3, 29, 22, 30),
        duration=700,
        kind=kind.GUARDIAN,
        outcome=end.CALLBACK,
        topics=("proxy",),
        due=local(2026, 4, 1, 10),
    )
    d.call(local(2026, 3, 30, 9, 15), duration=90)  # in
    # Good Friday (out); the last second of Easter Monday (out), callback due later.
    d.call(
        local(2026, 4, 3, 10),
        duration=60,
        kind=kind.STAFF,
        outcome=end.REFERRED_UNIT,
        topics=("log_extract",),
    )
    d.call(
        local(2026, 4, 6, 23, 59, 59),
        duration=300,
        outcome=end.CALLBACK,
        topics=("other",),
        due=local(2026, 4, 8, 10),
    )
    # Forms, with the days from arrival to the local day of registration / confirmation.
    t, s = FormType, FormStatus
    d.form(  # outside the period
        t.SEAL_OR_LOCK,
        dt.date(2026, 3, 26),
        s.REGISTERED,
        registered=local(2026, 3, 26, 9),
        urgent=True,
        phoned=local(2026, 3, 27, 9),
    )
    d.form(
        t.SEAL_OR_LOCK,
        dt.date(2026, 3, 27),
        s.CONFIRMED,
        registered=utc(2026, 3, 27, 23, 30),  # 00:30 CET on the 28th: 1 day
        confirmed=local(2026, 4, 1, 10),  # 5 days
    )
    d.form(
        t.SEAL_OR_LOCK,
        dt.date(2026, 3, 27),
        s.REGISTERED,
        registered=utc(2026, 3, 29, 22, 30),  # 00:30 CEST on the 30th: 3 days
        urgent=True,
        phoned=local(2026, 3, 27, 15),  # in time
    )
    d.form(
        t.RESTORE_ACCESS,
        dt.date(2026, 3, 30),
        s.CONFIRMED,
        registered=utc(2026, 3, 30, 21, 30),  # 23:30 CEST: 0 days
        confirmed=local(2026, 4, 2, 11),  # 3 days
        urgent=True,
        phoned=utc(2026, 3, 30, 22, 10),  # 00:10 CEST the next day: late
    )
    d.form(t.MINOR_ACCESS, dt.date(2026, 4, 2), s.RECEIVED, urgent=True)  # not phoned
    d.form(
        t.MINOR_ACCESS,
        dt.date(2026, 4, 6),
        s.CANCELLED,
        registered=utc(2026, 4, 7, 22),  # 00:00 CEST on the 8th: 2 days
        urgent=True,
        phoned=local(2026, 4, 6, 9),
        phoned_by="",  # who phoned is missing: not phoned
    )
    d.form(
        t.SEAL_OR_LOCK,
        dt.date(2026, 4, 3),
        s.CLOSED,
        registered=local(2026, 4, 8, 9),  # 5 days
        confirmed=local(2026, 4, 10, 14),  # 7 days
        urgent=True,
        phoned=local(2026, 4, 3, 7),  # in time (a holiday, before opening)
    )
    d.form(
        t.SEAL_OR_LOCK,
        dt.date(2026, 3, 27),
        s.FORWARDED,
        registered=utc(2026, 3, 28, 22, 30),  # 23:30 CET, the same day: 1 day
    )
    return d


def counts(tallies: tuple[Tally, ...]) -> dict[str, int]:
    return {t.key: t.count for t in tallies}


def nonzero(tallies: tuple[Tally, ...]) -> dict[str, int]:
    return {t.key: t.count for t in tallies if t.count}


# --- calls -------------------------------------------------------------------------------


def test_calls_per_day_week_hour_and_weekday(data: Data) -> None:
    calls = data.stats().calls
    assert calls.total == 11
    assert [t.key for t in calls.per_day] == [
        (FIRST + dt.timedelta(days=i)).isoformat() for i in range(11)
    ]
    assert all(t.label == t.key for t in calls.per_day)
    assert nonzero(calls.per_day) == {
        "2026-03-27": 5,
        "2026-03-29": 2,  # 01:30 CET and 03:30 CEST
        "2026-03-30": 2,  # 00:30 CEST (Sunday in UTC) and 09:15
        "2026-04-03": 1,
        "2026-04-06": 1,
    }
    # ISO week 13 ends on Sunday 29 March; only the period's days of week 15 count.
    assert [(t.key, t.label, t.count) for t in calls.per_week] == [
        ("2026-W13", "w. 13", 7),
        ("2026-W14", "w. 14", 3),
        ("2026-W15", "w. 15", 1),
    ]
    assert [t.key for t in calls.per_hour] == [f"{h:02d}" for h in range(24)]
    assert nonzero(calls.per_hour) == {
        "00": 2,
        "01": 1,
        "03": 1,
        "07": 1,
        "08": 1,
        "09": 1,
        "10": 1,
        "16": 2,
        "23": 1,
    }
    assert [(t.key, t.label) for t in calls.per_weekday] == [
        ("1", "Mon"),
        ("2", "Tue"),
        ("3", "Wed"),
        ("4", "Thu"),
        ("5", "Fri"),
        ("6", "Sat"),
        ("7", "Sun"),
    ]
    assert counts(calls.per_weekday) == {
        "1": 3,
        "2": 0,
        "3": 0,
        "4": 0,
        "5": 6,
        "6": 0,
        "7": 2,
    }


def test_office_hours_split(data: Data) -> None:
    calls = data.stats().calls
    # 08:00:00 and 16:29:59 on Friday 27 March, 09:15 on Monday 30 March; Good Friday's
    # 10:00 call, 07:59:59 and 16:30:00 are outside.
    assert (calls.within_office_hours, calls.outside_office_hours) == (3, 8)
    # Other opening hours, at half hours: 07:30-16:00, Saturdays too, Monday 30 closed.
    hours = OfficeHours(
        weekdays=frozenset(range(6)),
        opens=dt.time(7, 30),
        closes=dt.time(16, 0),
        extra_closed=frozenset({dt.date(2026, 3, 30)}),
    )
    calls = data.stats(hours=hours).calls
    assert (calls.within_office_hours, calls.outside_office_hours) == (2, 9)  # 07:59:59, 08:00


def test_per_topic_outcome_and_caller_kind(data: Data) -> None:
    calls = data.stats().calls
    names = {t.key: t.label for t in calls.per_topic}
    assert [(t.key, t.count) for t in calls.per_topic] == [
        ("sealing", 4),
        ("proxy", 4),
        ("log_extract", 3),
        ("other", 1),
    ]  # "sealing" and "proxy" tie: the taxonomy's order decides
    assert names["proxy"] == "Ombud"
    assert [(t.key, t.count) for t in calls.per_outcome] == [
        ("answered", 5),
        ("referred_unit", 2),
        ("referred_support", 0),
        ("form_sent", 1),
        ("callback", 3),
    ]
    assert calls.per_outcome[1].label == "Referred to care unit"  # the English source
    assert [(t.key, t.count) for t in calls.per_caller_kind] == [
        ("citizen", 5),
        ("guardian", 2),
        ("representative", 1),
        ("staff", 2),
        ("other", 1),
    ]
    assert calls.per_caller_kind[0].label == "Citizen/patient"


@pytest.mark.parametrize(
    ("first", "last", "mean", "median"),
    [
        # 100, 100, 200, 400, 700, 90, 60, 300 (three calls have no duration): even count.
        (FIRST, LAST, 1950 / 8, 150.0),
        # 700, 90, 60: odd count.
        (dt.date(2026, 3, 30), dt.date(2026, 4, 3), 850 / 3, 90.0),
        # 100, 100, 200, 400 (and one without).
        (FIRST, FIRST, 200.0, 150.0),
        # Two calls, neither with a duration.
        (dt.date(2026, 3, 29), dt.date(2026, 3, 29), None, None),
    ],
)
def test_mean_and_median_duration(
    data: Data, first: dt.date, last: dt.date, mean: float | None, median: float | None
) -> None:
    calls = data.stats(first, last).calls
    assert calls.mean_duration_seconds == (None if mean is None else pytest.approx(mean))
    assert calls.median_duration_seconds == median


def test_open_and_overdue_callbacks(data: Data) -> None:
    # Three callbacks in the period: one done, one due 1 April, one due 8 April.
    assert (data.stats().calls.open_callbacks, data.stats().calls.overdue_callbacks) == (2, 1)
    early = data.stats(now=local(2026, 3, 31, 12)).calls
    assert (early.open_callbacks, early.overdue_callbacks) == (2, 0)
    late = data.stats(now=local(2026, 4, 9, 12)).calls
    assert (late.open_callbacks, late.overdue_callbacks) == (2, 2)


def test_autumn_change_day_has_25_hours(db: Database) -> None:
    d = empty_data(db)
    day = dt.date(2026, 10, 25)  # 03:00 CEST becomes 02:00 CET
    d.call(utc(2026, 10, 24, 21, 59, 59))  # 23:59:59 CEST on the 24th: not counted
    d.call(utc(2026, 10, 24, 22, 0))  # 00:00 CEST
    d.call(utc(2026, 10, 25, 0, 30))  # 02:30 CEST
    d.call(utc(2026, 10, 25, 1, 30))  # 02:30 CET, the second time
    d.call(utc(2026, 10, 25, 22, 59, 59))  # 23:59:59 CET
    d.call(utc(2026, 10, 25, 23, 0))  # 00:00 CET on the 26th: not counted
    calls = d.stats(day, day).calls
    assert calls.total == 4
    assert counts(calls.per_day) == {"2026-10-25": 4}
    assert nonzero(calls.per_hour) == {"00": 1, "02": 2, "23": 1}
    assert nonzero(calls.per_weekday) == {"7": 4}
    assert (calls.within_office_hours, calls.outside_office_hours) == (0, 4)
    assert [t.key for t in calls.per_week] == ["2026-W43"]


# --- forms -------------------------------------------------------------------------------


def test_forms(data: Data) -> None:
    forms = data.stats().forms
    assert forms.total == 7
    assert counts(forms.per_type) == {
        "seal_or_lock": 4,
        "restore_access": 1,
        "remove_guardian_access": 0,
        "minor_access": 2,
    }
    assert [t.key for t in forms.per_type] == [t.value for t in FormType]
    assert forms.per_type[0].label == "Sealing and/or locking"
    assert counts(forms.per_status) == {
        "received": 1,
        "registered": 1,
        "completion_requested": 0,
        "forwarded": 1,
        "executed": 0,
        "confirmed": 2,
        "closed": 1,
        "cancelled": 1,
        "rejected": 0,
    }
    assert [t.key for t in forms.per_status] == [s.value for s in FormStatus]
    # Registration: 1, 3, 0, 2, 5, 1 days -> 0 1 1 2 3 5 -> (1 + 2) / 2.
    assert forms.median_days_to_registration == 1.5
    # Confirmation: 5, 3, 7 days.
    assert forms.median_days_to_confirmation == 5.0
    assert forms.urgent == 5
    assert forms.urgent_phoned_in_time == 2
    assert forms.urgent_phoned_late == 1
    assert forms.urgent_not_phoned == 2


def test_forms_of_a_shorter_period(data: Data) -> None:
    forms = data.stats(dt.date(2026, 3, 30), dt.date(2026, 4, 3)).forms
    # The restore form (0 days; confirmed after 3; phoned late), the minor form
    # (never registered; not phoned) and the seal form of 3 April (5 and 7 days).
    assert forms.total == 3
    assert forms.median_days_to_registration == 2.5
    assert forms.median_days_to_confirmation == 5.0
    assert (forms.urgent, forms.urgent_phoned_in_time, forms.urgent_phoned_late) == (3, 1, 1)
    assert forms.urgent_not_phoned == 1


# --- the period ----------------------------------------------------------------------------


def test_empty_period(data: Data) -> None:
    first, last = dt.date(2030, 1, 1), dt.date(2030, 1, 3)
    stats = data.stats(first, last)
    assert (stats.date_from, stats.date_to) == (first, last)
    assert stats.computed_at == NOW.astimezone(dt.UTC)
    assert stats.computed_at.tzinfo is dt.UTC
    calls = stats.calls
    assert calls.total == 0
    assert counts(calls.per_day) == {"2030-01-01": 0, "2030-01-02": 0, "2030-01-03": 0}
    assert [t.key for t in calls.per_week] == ["2030-W01"]
    assert calls.per_topic == ()
    for tallies in (calls.per_outcome, calls.per_caller_kind, calls.per_hour, calls.per_weekday):
        assert tallies and all(t.count == 0 for t in tallies)
    assert len(calls.per_outcome) == len(Outcome)
    assert len(calls.per_caller_kind) == len(CallerKind)
    assert len(calls.per_hour) == 24
    assert len(calls.per_weekday) == 7
    assert (calls.within_office_hours, calls.outside_office_hours) == (0, 0)
    assert calls.mean_duration_seconds is None
    assert calls.median_duration_seconds is None
    assert (calls.open_callbacks, calls.overdue_callbacks) == (0, 0)
    forms = stats.forms
    assert forms.total == 0
    assert all(t.count == 0 for t in forms.per_type + forms.per_status)
    assert len(forms.per_type) == len(FormType)
    assert len(forms.per_status) == len(FormStatus)
    assert forms.median_days_to_registration is None
    assert forms.median_days_to_confirmation is None
    assert (forms.urgent, forms.urgent_phoned_in_time, forms.urgent_phoned_late) == (0, 0, 0)
    assert forms.urgent_not_phoned == 0


def test_empty_database(db: Database) -> None:
    stats = empty_data(db).stats()
    assert stats.calls.total == 0
    assert stats.forms.total == 0
    assert len(stats.calls.per_day) == 11


def test_period_that_ends_before_it_begins(data: Data) -> None:
    with pytest.raises(ValidationError) as caught:
        data.stats(dt.date(2026, 4, 2), dt.date(2026, 4, 1))
    assert caught.value.field == "date_to"
    assert str(caught.value) == (
        "The period ends before it begins: the last day (2026-04-01) is before the first "
        "(2026-04-02)."
    )


def test_one_day_period_and_naive_now(data: Data) -> None:
    assert data.stats(FIRST, FIRST).calls.total == 5
    with pytest.raises(ValueError, match="aware"):
        data.stats(now=dt.datetime(2026, 4, 7, 12, 0))


# --- against a plain reading of random calls ----------------------------------------------


def expected(
    started: list[tuple[dt.datetime, int | None]],
    first: dt.date,
    last: dt.date,
    hours: OfficeHours,
) -> dict[str, Any]:
    """The figures computed call by call, the simple way."""
    per_day: Counter[str] = Counter()
    per_hour: Counter[str] = Counter()
    per_weekday: Counter[str] = Counter()
    within = 0
    durations = []
    for at, duration in started:
        here = at.astimezone(TIMEZONE)
        if not first <= here.date() <= last:
            continue
        per_day[here.date().isoformat()] += 1
        per_hour[f"{here.hour:02d}"] += 1
        per_weekday[str(here.isoweekday())] += 1
        within += hours.status(at).is_open
        if duration is not None:
            durations.append(duration)
    return {
        "total": sum(per_day.values()),
        "per_day": dict(per_day),
        "per_hour": dict(per_hour),
        "per_weekday": dict(per_weekday),
        "within": within,
        "mean": pystats.mean(durations) if durations else None,
        "median": pystats.median(durations) if durations else None,
    }


@pytest.fixture
def random_calls(db: Database) -> Iterator[tuple[Data, list[tuple[dt.datetime, int | None]]]]:
    d = empty_data(db)
    rng = random.Random(6)
    start = utc(2026, 3, 20)
    started = []
    rows = []
    for _ in range(400):
        # Whole minutes, a quarter of them on an hour or half hour (the bucket edges).
        minutes = rng.randrange(0, 22 * 24 * 60)
        if rng.random() < 0.25:
            minutes -= minutes % 30
        at = start + dt.timedelta(minutes=minutes, seconds=rng.choice([0, 0, 59]))
        duration = None if rng.random() < 0.1 else rng.randrange(0, 900)
        started.append((at, duration))
        rows.append(
            {
                "started_at": at,
                "duration_seconds": duration,
                "advisor_id": d.advisor_id,
                "caller_kind": rng.choice(list(CallerKind)),
                "outcome": rng.choice(list(Outcome)),
            }
        )
    with db.transaction() as session:
        session.execute(sa.insert(Call), rows)
    yield d, started


@pytest.mark.parametrize(
    "hours",
    [
        HOURS,
        OfficeHours(opens=dt.time(7, 45), closes=dt.time(16, 30)),
        OfficeHours(
            weekdays=frozenset({0, 2, 5}),
            opens=dt.time(9, 0),
            closes=dt.time(18, 15),
            extra_closed=frozenset({dt.date(2026, 3, 25)}),
        ),
    ],
    ids=["default", "quarter-hours", "odd-days"],
)
def test_random_calls_match_a_plain_reading(
    random_calls: tuple[Data, list[tuple[dt.datetime, int | None]]], hours: OfficeHours
) -> None:
    d, started = random_calls
    first, last = dt.date(2026, 3, 22), dt.date(2026, 4, 8)  # spring change, Easter
    want = expected(started, first, last, hours)
    calls = d.stats(first, last, hours=hours).calls
    assert calls.total == want["total"]
    assert nonzero(calls.per_day) == want["per_day"]
    assert nonzero(calls.per_hour) == want["per_hour"]
    assert nonzero(calls.per_weekday) == want["per_weekday"]
    assert calls.within_office_hours == want["within"]
    assert calls.outside_office_hours == want["total"] - want["within"]
    assert calls.mean_duration_seconds == pytest.approx(want["mean"])
    assert calls.median_duration_seconds == want["median"]
    assert sum(t.count for t in calls.per_outcome) == want["total"]
    assert sum(t.count for t in calls.per_caller_kind) == want["total"]
    assert sum(t.count for t in calls.per_week) == want["total"]


@pytest.mark.parametrize(
    "hours",
    [
        HOURS,
        OfficeHours(weekdays=frozenset(range(7)), opens=dt.time(7, 45), closes=dt.time(16, 15)),
    ],
    ids=["default", "quarter-hours-every-day"],
)
def test_both_ways_of_counting_buckets_agree(
    db: Database, hours: OfficeHours, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One range count per bucket and one grouped scan by slots give the same figures,
    around both summer-time changes of 2026, at half and quarter hours and a microsecond
    either side of them (the spring change is Sunday 29 March, the autumn one Sunday
    25 October; Good Friday 3 April and All Saints' Day 31 October are closed)."""
    d = empty_data(db)
    rng = random.Random(25)
    started: list[tuple[dt.datetime, int | None]] = []
    for first_day in (utc(2026, 3, 26), utc(2026, 10, 22)):
        for _ in range(300):
            at = first_day + dt.timedelta(minutes=rng.randrange(0, 12 * 24 * 4) * 15)
            at += rng.choice([dt.timedelta(0), dt.timedelta(microseconds=-1), dt.timedelta(0)])
            started.append((at, 60))
    # Exactly on the edges of the changed hours and of the opening and closing times.
    started += [
        (utc(2026, 3, 29, 1), 60),  # 03:00 CEST, just after the skipped hour
        (
            utc(
                2026,
                3,
                29,
                0,
                59,
                59,
            )
            + dt.timedelta(microseconds=999999),
            60,
        ),
        (utc(2026, 10, 25, 0), 60),  # 02:00 CEST
        (utc(2026, 10, 25, 1), 60),  # 02:00 CET, the second time
        (utc(2026, 10, 25, 1, 30), 60),
        (utc(2026, 10, 26, 15, 30), 60),  # Monday 16:30 CET: closed
        (utc(2026, 10, 26, 15, 29, 59) + dt.timedelta(microseconds=999999), 60),
        (utc(2026, 3, 30, 14, 30), 60),  # Monday 16:30 CEST: closed
    ]
    with db.transaction() as session:
        session.execute(
            sa.insert(Call),
            [
                {
                    "started_at": at,
                    "duration_seconds": duration,
                    "advisor_id": d.advisor_id,
                    "caller_kind": CallerKind.CITIZEN,
                    "outcome": Outcome.ANSWERED,
                }
                for at, duration in started
            ],
        )
    found = {}
    for period in (
        (dt.date(2026, 3, 26), dt.date(2026, 4, 6)),
        (dt.date(2026, 10, 22), dt.date(2026, 11, 2)),
    ):
        with db.transaction() as session:
            buckets = statistics._buckets(*period, hours)
            conn = session.connection()
            ranges = statistics._bucket_counts(conn, buckets, statistics.BucketCounting.RANGES)
            slots = statistics._bucket_counts(conn, buckets, statistics.BucketCounting.SLOTS)
        assert slots == ranges
        assert sum(ranges) == expected(started, *period, hours)["total"] > 300
        for counting in statistics.BucketCounting:
            monkeypatch.setitem(statistics.BUCKET_COUNTING, db.engine.dialect.name, counting)
            found[counting] = d.stats(*period, hours=hours).calls
            want = expected(started, *period, hours)
            assert nonzero(found[counting].per_hour) == want["per_hour"]
            assert nonzero(found[counting].per_day) == want["per_day"]
            assert found[counting].within_office_hours == want["within"]
        assert found[statistics.BucketCounting.SLOTS] == found[statistics.BucketCounting.RANGES]


def test_postgresql_settings_are_restored(data: Data) -> None:
    """Custom plans and no JIT hold only while the statistics are computed."""
    if data.db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL settings")
    with data.db.transaction() as session:
        session.execute(sa.text("SET LOCAL plan_cache_mode = force_generic_plan"))
        session.execute(sa.text("SET LOCAL jit = on"))
        stats = compute_statistics(session, FIRST, LAST, office_hours=HOURS, now=NOW)
        after = session.execute(
            sa.text("SELECT current_setting('plan_cache_mode'), current_setting('jit')")
        ).one()
    assert stats.calls.total > 0
    assert tuple(after) == ("force_generic_plan", "on")


def test_slots_fit_the_opening_hours() -> None:
    day = dt.date(2026, 3, 2)
    assert statistics._slot_seconds(statistics._buckets(day, day, HOURS)) == 1800  # 16:30
    quarter = OfficeHours(opens=dt.time(7, 45), closes=dt.time(16, 0))
    assert statistics._slot_seconds(statistics._buckets(day, day, quarter)) == 900
    whole = OfficeHours(opens=dt.time(8, 0), closes=dt.time(16, 0))
    assert statistics._slot_seconds(statistics._buckets(day, day, whole)) == 3600
    odd = OfficeHours(opens=dt.time(8, 7), closes=dt.time(16, 0))
    assert statistics._slot_seconds(statistics._buckets(day, day, odd)) == 60


def test_median_helper() -> None:
    assert statistics._median({5: 1}, 1) == 5
    assert statistics._median({1: 1, 3: 1}, 2) == 2
    assert statistics._median({1: 2, 9: 2}, 4) == 5
    assert statistics._median({1: 3, 9: 2}, 5) == 1
    assert statistics._median({0: 1, 2: 1, 7: 1}, 3) == 2


def test_sqlite_counts_durations_on_the_index_when_there_is_one(
    data: Data, request: pytest.FixtureRequest
) -> None:
    if data.db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's planner chooses by itself")
    with data.db.transaction() as session:
        found = statistics._has_duration_index(session.connection())
    assert found is ("with index" in request.node.callspec.id)
