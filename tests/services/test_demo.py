"""Synthetic demo data (kansli_desk.services.demo), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import types
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from kansli_desk import paths
from kansli_desk.core.enums import (
    CallerKind,
    FormStatus,
    FormType,
    IdKind,
    Outcome,
    PartyRole,
    Role,
)
from kansli_desk.core.office_hours import TIMEZONE, OfficeHours
from kansli_desk.models import (
    Base,
    Call,
    Form,
    FormParty,
    FormStatusChange,
    RegistryCounter,
    Topic,
    User,
    call_topics,
)
from kansli_desk.services import demo
from kansli_desk.services.database import Database, open_database, parse_location
from tests.conftest import SHARED_TESTDATA, PostgresServer

CALLS = 300
FORMS = 60
SEED = 20261127
HOURS = OfficeHours()


@cache
def skatteverket_numbers() -> frozenset[str]:
    return frozenset(demo.load_test_numbers())


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def date_of(number: str) -> dt.date:
    return dt.date(int(number[:4]), int(number[4:6]), int(number[6:8]))


def count(db: Database, table: Any) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.fixture
def generated(database: Database) -> tuple[Database, dt.datetime]:
    """A database with demo data, and the moment generation finished."""
    summary = demo.generate(database.engine, calls=CALLS, forms=FORMS, seed=SEED)
    assert summary == demo.DemoSummary(CALLS, FORMS)
    return database, dt.datetime.now(dt.UTC)


@pytest.fixture
def other_database(
    backend: str, tmp_path: Path, sqlite_template: Path, postgres_server: PostgresServer | None
) -> Iterator[Database]:
    """A second fresh, migrated database of the same kind as ``database``."""
    if backend == "sqlite":
        path = tmp_path / "other.sqlite3"
        shutil.copy(sqlite_template, path)
        location = parse_location(f"sqlite:///{path}")[0]
        result = open_database(location)
        yield result.database
        result.database.close()
        return
    assert postgres_server is not None
    location = postgres_server.create()
    result = open_database(location)
    yield result.database
    result.database.close()
    postgres_server.drop(location)


class _DelegatingMeta(type):
    def __getattr__(cls, name: str) -> Any:
        return getattr(dt.datetime, name)


def freeze_demo_clock(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    """Make ``demo`` believe it is ``moment`` (everything else keeps the real clock)."""

    class FrozenDatetime(metaclass=_DelegatingMeta):
        @staticmethod
        def now(tz: dt.tzinfo | None = None) -> dt.datetime:
            return moment.astimezone(tz)

    fake = types.ModuleType("datetime")
    fake.__dict__.update(vars(dt))
    fake.datetime = FrozenDatetime  # type: ignore[attr-defined]
    monkeypatch.setattr(demo, "dt", fake)


# --- resources ----------------------------------------------------------------------


def test_vendored_test_numbers_are_skatteverkets_file_unchanged() -> None:
    vendored = paths.resource("testdata", "skatteverket-testpersonnummer.txt")
    shared = SHARED_TESTDATA / "skatteverket-testpersonnummer.txt"
    assert vendored.read_bytes() == shared.read_bytes()
    assert len(demo.load_test_numbers()) == 41_493


# --- what one run writes ---------------------------------------------------------------


def test_counts(generated: tuple[Database, dt.datetime]) -> None:
    db, _ = generated
    assert count(db, Call) == CALLS
    assert count(db, Form) == FORMS
    topics = count(db, call_topics)
    assert CALLS <= topics <= 2 * CALLS
    assert count(db, FormParty) >= FORMS
    assert count(db, FormStatusChange) >= FORMS
    with db.engine.connect() as conn:
        users = dict(conn.execute(select(User.username, User.role)).all())
    assert {name: Role(role) for name, role in users.items()} == {
        name: role for name, _, role in demo.DEMO_USERS
    }


def test_every_call_has_one_or_two_topics_at_its_own_time(
    generated: tuple[Database, dt.datetime],
) -> None:
    db, _ = generated
    with db.engine.connect() as conn:
        started = dict(conn.execute(select(Call.id, Call.started_at)).all())
        rows = conn.execute(
            select(call_topics.c.call_id, call_topics.c.topic_id, call_topics.c.started_at)
        ).all()
        codes = dict(conn.execute(select(Topic.id, Topic.code)).all())
    per_call = Counter(call_id for call_id, _, _ in rows)
    assert set(per_call) == set(started)
    assert set(per_call.values()) <= {1, 2}
    assert 2 in per_call.values()  # about a quarter of calls have a second topic
    for call_id, topic_id, at in rows:
        assert at == started[call_id]
        assert topic_id in codes


def test_calls_are_in_the_past_on_working_days_mostly_in_office_hours(
    generated: tuple[Database, dt.datetime],
) -> None:
    db, finished = generated
    with db.engine.connect() as conn:
        calls = conn.execute(select(Call.started_at, Call.created_at, Call.callback_done_at)).all()
    assert len(calls) == CALLS
    inside = 0
    for started, created, callback_done in calls:
        assert started.tzinfo is not None
        assert started <= finished
        assert created <= finished
        if callback_done is not None:
            assert started < callback_done <= finished
        local = started.astimezone(TIMEZONE)
        assert HOURS.is_working_day(local.date()), local
        assert dt.time(7, 0) <= local.time() < dt.time(18, 0), local
        inside += HOURS.status(started).is_open
    assert inside >= 0.9 * CALLS
    assert inside < CALLS  # a few calls come in before opening or after closing


def test_call_values_are_plausible(generated: tuple[Database, dt.datetime]) -> None:
    db, _ = generated
    with db.engine.connect() as conn:
        calls = conn.execute(select(Call.__table__)).all()
        advisors = set(
            conn.execute(select(User.id).where(User.role == Role.ADVISOR)).scalars().all()
        )
        form_ids = set(conn.execute(select(Form.id)).scalars().all())
    numbers = skatteverket_numbers()
    with_number = 0
    for call in calls:
        assert call.advisor_id in advisors
        assert CallerKind(call.caller_kind) in CallerKind
        assert 20 <= call.duration_seconds <= 3600
        assert call.notes.strip()
        if call.person_number is not None:
            with_number += 1
            assert call.person_number in numbers
        if call.outcome == Outcome.CALLBACK:
            assert call.callback_phone.startswith(("070-174 06 ", "031-390 06 "))
            assert call.callback_due_at > call.started_at
        else:
            assert call.callback_phone is None
            assert call.callback_due_at is None
        if call.form_id is not None:
            assert call.outcome == Outcome.FORM_SENT
            assert call.form_id in form_ids
    assert 0 < with_number < CALLS


def test_forms_have_unique_registry_numbers(generated: tuple[Database, dt.datetime]) -> None:
    db, _ = generated
    with db.engine.connect() as conn:
        forms = conn.execute(
            select(Form.registry_number, Form.received_on, Form.registered_at)
        ).all()
        counters = dict(
            conn.execute(select(RegistryCounter.year, RegistryCounter.last_number)).all()
        )
    registered = [f for f in forms if f.registry_number is not None]
    assert registered
    numbers = [f.registry_number for f in registered]
    assert len(set(numbers)) == len(numbers)
    for form in forms:
        # A form has a registry number exactly when it was registered.
        assert (form.registry_number is None) == (form.registered_at is None)
    per_year: Counter[int] = Counter()
    for form in registered:
        prefix, year, serial = form.registry_number.split("-")
        assert prefix == "KD"
        assert int(year) == form.received_on.year
        assert len(serial) == 5
        per_year[int(year)] += 1
    # The counters continue where the demo left off, so new forms get fresh numbers.
    assert counters == dict(per_year)


def test_form_steps_are_in_the_past_and_in_order(generated: tuple[Database, dt.datetime]) -> None:
    db, finished = generated
    with db.engine.connect() as conn:
        forms = {form.id: form for form in conn.execute(select(Form)).all()}
        changes = conn.execute(select(FormStatusChange).order_by(FormStatusChange.id)).all()
    history: dict[int, list[Any]] = {}
    for change in changes:
        history.setdefault(change.form_id, []).append(change)
    assert set(history) == set(forms)
    today = finished.astimezone(TIMEZONE).date()
    for form_id, form in forms.items():
        steps = history[form_id]
        assert steps[0].from_status is None
        assert steps[0].to_status == FormStatus.RECEIVED
        assert steps[-1].to_status == form.status
        for before, after in itertools.pairwise(steps):
            assert after.from_status == before.to_status
            assert before.changed_at <= after.changed_at
        for step in steps:
            assert step.changed_at <= finished
        for moment in (
            form.created_at,
            form.updated_at,
            form.registered_at,
            form.executed_at,
            form.confirmation_sent_at,
        ):
            assert moment is None or moment <= finished
        assert form.received_on <= today
        assert HOURS.is_working_day(form.received_on)
        assert form.signed_on < form.received_on


def test_form_parties_have_the_right_ages(generated: tuple[Database, dt.datetime]) -> None:
    db, _ = generated
    with db.engine.connect() as conn:
        forms = {form.id: form for form in conn.execute(select(Form)).all()}
        parties = conn.execute(select(FormParty.__table__)).all()
    by_form: dict[int, list[Any]] = {}
    for party in parties:
        by_form.setdefault(party.form_id, []).append(party)
    numbers = skatteverket_numbers()
    seen_types = set()
    for form_id, form in forms.items():
        form_type = FormType(form.form_type)
        seen_types.add(form_type)
        people = by_form[form_id]
        for party in people:
            assert party.id_number in numbers
            assert party.birth_date == date_of(party.id_number)
        children = [p for p in people if p.role == PartyRole.CHILD]
        guardians = [p for p in people if p.role == PartyRole.GUARDIAN]
        if form_type is FormType.MINOR_ACCESS:
            assert len(children) == 1
            assert 13 <= age_on(children[0].birth_date, form.signed_on) <= 15
            assert len(guardians) == 1
        elif form_type is FormType.REMOVE_GUARDIAN_ACCESS:
            assert len(children) == 1
            assert 0 <= age_on(children[0].birth_date, form.signed_on) < 16
            assert 1 <= len(guardians) <= 2
        else:
            assert [p.role for p in people] == [PartyRole.SUBJECT]
            assert age_on(people[0].birth_date, form.signed_on) >= 16
        for guardian in guardians:
            assert age_on(guardian.birth_date, form.signed_on) >= 18
    # With 60 forms every type turns up (the smallest has weight 15 %).
    assert seen_types == set(FormType)


# --- repeatability and appending -------------------------------------------------------


CALL_COLUMNS = (
    Call.id,
    Call.started_at,
    Call.duration_seconds,
    Call.advisor_id,
    Call.caller_kind,
    Call.outcome,
    Call.notes,
    Call.person_number,
)


def snapshot(db: Database) -> tuple[list[Any], list[Any], list[Any]]:
    with db.engine.connect() as conn:
        calls = [tuple(row) for row in conn.execute(select(*CALL_COLUMNS).order_by(Call.id))]
        topics = [
            tuple(row)
            for row in conn.execute(
                select(call_topics).order_by(call_topics.c.call_id, call_topics.c.topic_id)
            )
        ]
        forms = [
            tuple(row)
            for row in conn.execute(
                select(Form.id, Form.form_type, Form.registry_number, Form.received_on).order_by(
                    Form.id
                )
            )
        ]
    return calls, topics, forms


def test_same_seed_gives_the_same_data(
    database: Database, other_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Today" decides which days are used and how much of today is over: fix it.
    freeze_demo_clock(monkeypatch, dt.datetime(2026, 11, 25, 14, 0, tzinfo=TIMEZONE))
    demo.generate(database.engine, calls=CALLS, forms=FORMS, seed=SEED)
    demo.generate(other_database.engine, calls=CALLS, forms=FORMS, seed=SEED)
    first, second = snapshot(database), snapshot(other_database)
    assert len(first[0]) == CALLS
    assert first == second


def test_different_seeds_give_different_data(
    database: Database, other_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    freeze_demo_clock(monkeypatch, dt.datetime(2026, 11, 25, 14, 0, tzinfo=TIMEZONE))
    demo.generate(database.engine, calls=CALLS, forms=0, seed=1)
    demo.generate(other_database.engine, calls=CALLS, forms=0, seed=2)
    assert snapshot(database)[0] != snapshot(other_database)[0]


def test_nothing_after_a_frozen_now_on_a_monday_morning(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Monday 09:00: today's calls all happened before 09:00, none after."""
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=TIMEZONE)
    freeze_demo_clock(monkeypatch, now)
    demo.generate(database.engine, calls=CALLS, forms=FORMS, seed=SEED)
    with database.engine.connect() as conn:
        started = conn.execute(select(Call.started_at)).scalars().all()
        changed = conn.execute(select(FormStatusChange.changed_at)).scalars().all()
        received = conn.execute(select(Form.received_on)).scalars().all()
    assert max(started) < now
    assert max(changed) < now
    assert max(received) <= now.date()
    local_days = {moment.astimezone(TIMEZONE).date() for moment in started}
    assert now.date() in local_days  # Monday morning already had calls
    assert max(local_days) == now.date()


def test_running_twice_appends(generated: tuple[Database, dt.datetime]) -> None:
    db, _ = generated
    with db.engine.connect() as conn:
        first_max = conn.execute(select(func.max(Call.id))).scalar_one()
        first_forms_max = conn.execute(select(func.max(Form.id))).scalar_one()
    demo.generate(db.engine, calls=CALLS, forms=FORMS, seed=SEED)  # same seed: no clashes
    assert count(db, Call) == 2 * CALLS
    assert count(db, Form) == 2 * FORMS
    assert count(db, User) == len(demo.DEMO_USERS)
    with db.engine.connect() as conn:
        call_ids = conn.execute(select(Call.id).order_by(Call.id)).scalars().all()
        form_ids = conn.execute(select(Form.id).order_by(Form.id)).scalars().all()
        registry = [
            n for n in conn.execute(select(Form.registry_number)).scalars().all() if n is not None
        ]
    assert call_ids == list(range(call_ids[0], call_ids[0] + 2 * CALLS))
    assert first_max in call_ids and first_max + 1 in call_ids
    assert form_ids == list(range(form_ids[0], form_ids[0] + 2 * FORMS))
    assert first_forms_max + 1 in form_ids
    assert len(registry) == len(set(registry))


def test_program_can_add_rows_after_the_demo(generated: tuple[Database, dt.datetime]) -> None:
    """On PostgreSQL the id sequences must have been moved past the demo's explicit ids."""
    db, _ = generated
    with db.transaction() as session:
        advisor = session.scalars(select(User).where(User.role == Role.ADVISOR)).first()
        assert advisor is not None
        call = Call(
            started_at=dt.datetime.now(dt.UTC),
            advisor_id=advisor.id,
            caller_kind=CallerKind.CITIZEN,
            outcome=Outcome.ANSWERED,
            notes="Frågade efter öppettiderna.",
        )
        form = Form(form_type=FormType.SEAL_OR_LOCK, received_on=dt.date.today())
        session.add_all([call, form])
        session.flush()
        form.parties.append(
            FormParty(
                role=PartyRole.SUBJECT,
                id_kind=IdKind.PERSONNUMMER,
                id_number="191212121212",
                birth_date=dt.date(1912, 12, 12),
            )
        )
        session.add(
            FormStatusChange(form_id=form.id, from_status=None, to_status=FormStatus.RECEIVED)
        )
    assert call.id == CALLS + 1
    assert form.id == FORMS + 1
    assert count(db, Call) == CALLS + 1
    # And the demo can still append after that.
    demo.generate(db.engine, calls=10, forms=2, seed=1)
    assert count(db, Call) == CALLS + 11


def test_zero_rows(database: Database) -> None:
    assert demo.generate(database.engine, calls=0, forms=0, seed=1) == demo.DemoSummary(0, 0)
    assert count(database, Call) == 0
    assert count(database, Form) == 0
    assert count(database, User) == len(demo.DEMO_USERS)


# --- large loads --------------------------------------------------------------------


@pytest.mark.slow
def test_bulk_load_rebuilds_the_indexes(tmp_path: Path, sqlite_template: Path) -> None:
    """Above BULK_INDEX_THRESHOLD the indexes are dropped for the load and built again."""
    calls = 120_000
    assert calls >= demo.BULK_INDEX_THRESHOLD
    path = tmp_path / "big.sqlite3"
    shutil.copy(sqlite_template, path)
    result = open_database(parse_location(f"sqlite:///{path}")[0])
    db = result.database
    try:
        expected = {
            table: {index.name for index in Base.metadata.tables[table].indexes}
            for table in ("calls", "call_topics")
        }
        assert expected["calls"] and expected["call_topics"]
        demo.generate(db.engine, calls=calls, forms=10, seed=SEED)
        inspector = sa.inspect(db.engine)
        for table, names in expected.items():
            assert {index["name"] for index in inspector.get_indexes(table)} >= names
        assert count(db, Call) == calls
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
            # The notes' full-text index was built after the load and matches the calls.
            conn.execute(
                sa.text("INSERT INTO calls_fts(calls_fts, rank) VALUES ('integrity-check', 1)")
            )
            triggers = conn.execute(
                sa.text(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                    " AND tbl_name = 'calls'"
                )
            ).scalar_one()
            assert triggers == 3
            plan = " ".join(
                str(row[-1])
                for row in conn.execute(
                    sa.text(
                        "EXPLAIN QUERY PLAN SELECT call_id FROM call_topics "
                        "WHERE topic_id = 1 AND started_at > '2026-01-01'"
                    )
                )
            )
        assert "ix_call_topics_topic_started" in plan
    finally:
        db.close()


def test_a_bulk_load_keeps_the_partial_indexes_partial(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The indexes dropped for a big load come back as the migrations made them: the
    open-callback index still covers only the open callbacks."""
    monkeypatch.setattr(demo, "BULK_INDEX_THRESHOLD", 100)
    demo.generate(database.engine, calls=300, forms=5, seed=SEED)
    with database.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            query = "SELECT pg_get_indexdef(to_regclass('ix_calls_open_callbacks'))"
        else:
            query = "SELECT sql FROM sqlite_master WHERE name = 'ix_calls_open_callbacks'"
        definition = conn.execute(sa.text(query)).scalar_one()
    assert "callback_done_at IS NULL" in definition
