"""The call log's service layer (kansli_desk.services.calls), on SQLite and PostgreSQL.

Saving validates every rule at its boundary and writes nothing when anything is
wrong; editing keeps a history and refuses stale versions; the list's filters and
full-text search are checked against a plain Python reading of the same calls.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansli_desk import paths
from kansli_desk.core.enums import AuditAction, CallerKind, FormStatus, FormType, Outcome, Role
from kansli_desk.core.office_hours import TIMEZONE
from kansli_desk.errors import KnownError, ValidationError
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
    article_topics,
    call_topics,
)
from kansli_desk.services import calls, demo, fulltext, knowledge
from kansli_desk.services.calls import (
    CallConflict,
    CallDetail,
    CallFilter,
    CallInput,
    CallInvalid,
    CallNotFound,
    CallRow,
)
from kansli_desk.services.database import Database
from kansli_desk.services.users import UserInfo
from tests.conftest import SHARED_TESTDATA
from tests.helpers import plan

NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)  # a Wednesday, in office hours
META = SHARED_TESTDATA / "personnummer-meta"
FOLD = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuaaoeu")


# --- the world of a test ----------------------------------------------------------------


@dataclass
class World:
    db: Database
    anna: UserInfo  # advisor
    erik: UserInfo  # advisor
    karin: UserInfo  # supervisor
    sara: UserInfo  # registry clerk
    topics: dict[str, int]
    topic_names: dict[int, str]

    def input(self, **changes: Any) -> CallInput:
        values: dict[str, Any] = {
            "started_at": NOW - dt.timedelta(minutes=5),
            "duration_seconds": 180,
            "caller_kind": CallerKind.CITIZEN,
            "topic_ids": (self.topics["sealing"],),
            "outcome": Outcome.ANSWERED,
            "notes": "Frågade vad försegling innebär.",
        }
        values.update(changes)
        return CallInput(**values)

    def create(
        self, user: UserInfo | None = None, now: dt.datetime = NOW, **changes: Any
    ) -> CallDetail:
        with self.db.transaction() as session:
            return calls.create_call(session, user or self.anna, self.input(**changes), now=now)

    def update(
        self,
        detail: CallDetail,
        user: UserInfo | None = None,
        now: dt.datetime = NOW,
        **changes: Any,
    ) -> CallDetail:
        data = dataclasses.replace(as_input(detail), **changes)
        with self.db.transaction() as session:
            return calls.update_call(
                session, user or self.anna, detail.id, detail.version, data, now=now
            )

    def get(self, call_id: int) -> CallDetail:
        with self.db.transaction() as session:
            return calls.get_call(session, call_id)

    def page(self, filters: CallFilter | None = None, **kwargs: Any) -> list[CallRow]:
        with self.db.transaction() as session:
            return calls.list_calls_page(session, filters=filters, **kwargs)

    def all_pages(self, filters: CallFilter | None = None, limit: int = 37) -> list[CallRow]:
        """Every row, page by page through the cursor."""
        rows: list[CallRow] = []
        after = None
        while True:
            page = self.page(filters, after=after, limit=limit)
            rows.extend(page)
            if len(page) < limit:
                return rows
            after = page[-1].cursor

    def problems(self, data: CallInput, existing_id: int | None = None) -> dict[str, Any]:
        with self.db.transaction() as session:
            found = calls.validate_call(session, data, now=NOW, existing_id=existing_id)
        assert all(isinstance(p, ValidationError) for p in found)
        fields = [p.field for p in found]
        assert len(fields) == len(set(fields)), "one problem per field"
        return {str(p.field): p for p in found}


def as_input(detail: CallDetail) -> CallInput:
    """What the edit form submits for an unchanged call."""
    return CallInput(
        started_at=detail.started_at,
        duration_seconds=detail.duration_seconds,
        caller_kind=detail.caller_kind,
        topic_ids=detail.topic_ids,
        outcome=detail.outcome,
        notes=detail.notes,
        person_number=detail.person_masked,
        callback_phone=detail.callback_phone,
        callback_due_at=detail.callback_due_at,
        form_registry_number=detail.form_registry_number,
    )


def add_user(session: Any, username: str, name: str, role: Role) -> UserInfo:
    user = User(username=username, display_name=name, role=role)
    session.add(user)
    session.flush()
    return UserInfo(user.id, username, name, role)


@pytest.fixture
def world(database: Database) -> World:
    with database.transaction() as session:
        anna = add_user(session, "anna", "Anna Lind", Role.ADVISOR)
        erik = add_user(session, "erik", "Erik Ek", Role.ADVISOR)
        karin = add_user(session, "karin", "Karin Öst", Role.SUPERVISOR)
        sara = add_user(session, "sara", "", Role.REGISTRAR)
        rows = session.execute(sa.select(Topic.code, Topic.id, Topic.name)).all()
    return World(
        database,
        anna,
        erik,
        karin,
        sara,
        {code: topic_id for code, topic_id, _ in rows},
        {topic_id: name for _, topic_id, name in rows},
    )


TABLES = (Call, call_topics, AuditEvent, CallArticleView)


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            str(getattr(t, "__tablename__", getattr(t, "name", t))): conn.execute(
                sa.select(sa.func.count()).select_from(t)
            ).scalar_one()
            for t in TABLES
        }


def add_form(db: Database, registry_number: str) -> int:
    with db.transaction() as session:
        form = Form(
            registry_number=registry_number,
            form_type=FormType.SEAL_OR_LOCK,
            status=FormStatus.REGISTERED,
            received_on=dt.date(2026, 11, 20),
        )
        session.add(form)
        session.flush()
        return form.id


# --- a valid call -------------------------------------------------------------------------


def test_a_valid_call_is_saved_with_everything(world: World) -> None:
    add_form(world.db, "KD-2026-00042")
    due = NOW + dt.timedelta(hours=2)
    topics = (world.topics["minor_record"], world.topics["sealing"])  # not in topic order
    detail = world.create(
        caller_kind=CallerKind.GUARDIAN,
        topic_ids=topics,
        outcome=Outcome.CALLBACK,
        notes="  Vårdnadshavare frågade om barnets journal.  ",
        person_number="19121212-1212",
        callback_phone="070-174 06 05",
        callback_due_at=due,
        form_registry_number=" kd-2026-00042 ",
        duration_seconds=0,
    )
    assert detail.version == 1
    assert detail.advisor == "Anna Lind"
    assert detail.advisor_id == world.anna.id
    assert detail.caller_kind is CallerKind.GUARDIAN
    assert detail.outcome is Outcome.CALLBACK
    # In the taxonomy's order, whatever order the form sent.
    assert detail.topic_ids == (world.topics["sealing"], world.topics["minor_record"])
    assert detail.topics == ("Försegling", "Minderårigs journal 13–15 år")
    assert detail.notes == "Vårdnadshavare frågade om barnets journal."
    assert detail.person_masked == "19121212-XXXX"
    assert detail.callback_phone == "070-174 06 05"
    assert detail.callback_due_at == due
    assert detail.callback_done_at is None
    assert detail.form_registry_number == "KD-2026-00042"
    assert detail.duration_seconds == 0
    assert [(c.action, c.username, c.shown_name) for c in detail.history] == [
        (AuditAction.CREATE, "anna", "Anna Lind")
    ]
    # What create_call returns is what get_call reads back.
    assert world.get(detail.id) == detail
    with world.db.engine.connect() as conn:
        stored = conn.execute(sa.select(Call.person_number, Call.form_id)).one()
        audit = conn.execute(sa.select(AuditEvent.person_number, AuditEvent.entity)).one()
    assert stored.person_number == "191212121212"  # normalised, 12 digits
    assert stored.form_id is not None
    assert tuple(audit) == ("191212121212", "call")


def test_the_simplest_call_needs_no_person_number_or_callback(world: World) -> None:
    detail = world.create(duration_seconds=None, notes="")
    assert (detail.person_masked, detail.callback_phone, detail.callback_due_at) == ("", "", None)
    assert detail.duration_seconds is None


def test_naive_times_are_a_programming_error(world: World) -> None:
    with pytest.raises(ValueError, match="aware"):
        world.create(started_at=dt.datetime(2026, 11, 25, 9, 0))


# --- validation at the boundaries ---------------------------------------------------------


def test_required_fields_each_get_a_problem(world: World) -> None:
    data = world.input(caller_kind=None, topic_ids=(), outcome=None)
    problems = world.problems(data)
    assert set(problems) == {"caller_kind", "topic_ids", "outcome"}
    assert problems["topic_ids"].template == calls.MSG_NO_TOPIC
    before = counts(world.db)
    with pytest.raises(CallInvalid) as info, world.db.transaction() as session:
        calls.create_call(session, world.anna, data, now=NOW)
    assert [p.field for p in info.value.problems] == ["caller_kind", "topic_ids", "outcome"]
    assert info.value.field == "caller_kind"
    assert counts(world.db) == before


def test_notes_at_the_limit_are_saved_one_more_is_refused(world: World) -> None:
    at_limit = "ö" * NOTES_MAX_LENGTH
    assert world.problems(world.input(notes=at_limit)) == {}
    assert world.create(notes=at_limit).notes == at_limit
    problems = world.problems(world.input(notes=at_limit + "x"))
    assert set(problems) == {"notes"}
    assert problems["notes"].params == {"length": NOTES_MAX_LENGTH + 1, "limit": NOTES_MAX_LENGTH}
    assert str(NOTES_MAX_LENGTH) in str(problems["notes"])


def test_duration_boundaries(world: World) -> None:
    for good in (None, 0, 24 * 3600):
        assert world.problems(world.input(duration_seconds=good)) == {}, good
    for bad in (-1, 24 * 3600 + 1):
        assert set(world.problems(world.input(duration_seconds=bad))) == {"duration_seconds"}


def test_callback_due_now_is_accepted_a_minute_ago_is_refused(world: World) -> None:
    callback = {"outcome": Outcome.CALLBACK, "callback_phone": "0701740605"}
    assert world.problems(world.input(callback_due_at=NOW, **callback)) == {}
    late = world.problems(world.input(callback_due_at=NOW - dt.timedelta(minutes=1), **callback))
    assert set(late) == {"callback_due_at"}
    assert late["callback_due_at"].template == calls.MSG_DUE_PAST


def test_callback_needs_phone_and_time_together(world: World) -> None:
    due = NOW + dt.timedelta(hours=1)
    only_outcome = world.problems(world.input(outcome=Outcome.CALLBACK))
    assert set(only_outcome) == {"callback_phone", "callback_due_at"}
    assert only_outcome["callback_phone"].template == calls.MSG_PHONE_REQUIRED
    assert only_outcome["callback_due_at"].template == calls.MSG_DUE_REQUIRED
    # A due time on any outcome asks for the number, and a number for a time.
    assert set(world.problems(world.input(callback_due_at=due))) == {"callback_phone"}
    assert set(world.problems(world.input(callback_phone="070-174 06 05"))) == {"callback_due_at"}
    # Both on another outcome: an optional callback.
    assert world.problems(world.input(callback_due_at=due, callback_phone="070-174 06 05")) == {}


@pytest.mark.parametrize(
    "phone",
    ["070-174 06 05", "0701740605", "+46 70 174 06 05", "031-390 06 00", "123456", "1" * 20],
)
def test_phone_numbers_accepted(world: World, phone: str) -> None:
    data = world.input(callback_phone=phone, callback_due_at=NOW + dt.timedelta(hours=1))
    assert world.problems(data) == {}


@pytest.mark.parametrize(
    "phone", ["12345", "1" * 21, "070-ABC 06 05", "070+1740605", "070.174.06.05", "+", "--"]
)
def test_phone_numbers_refused(world: World, phone: str) -> None:
    data = world.input(callback_phone=phone, callback_due_at=NOW + dt.timedelta(hours=1))
    problems = world.problems(data)
    assert set(problems) == {"callback_phone"}
    assert problems["callback_phone"].template == calls.MSG_PHONE_FORMAT


def meta_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((META / "list.json").read_text(encoding="utf-8"))
    # "19090527 1474" is accepted on purpose (spaces are ignored, tests/core/test_identity.py).
    return [case for case in cases if " " not in case["long_format"]]


def test_invalid_personnummer_from_the_shared_cases_are_refused(world: World) -> None:
    forms = ("long_format", "short_format", "separated_format", "separated_long")
    invalid = [case[form] for case in meta_cases() if not case["valid"] for form in forms]
    assert len(invalid) >= 20
    for text in invalid:
        problems = world.problems(world.input(person_number=text))
        assert set(problems) == {"person_number"}, text
    # An interim number (a letter in the serial) is not an identity number either.
    interim = json.loads((META / "interim.json").read_text(encoding="utf-8"))
    problems = world.problems(world.input(person_number=interim[0]["separated_long"]))
    assert set(problems) == {"person_number"}


def test_valid_personnummer_and_samordningsnummer_are_stored_normalised(world: World) -> None:
    valid = [case for case in meta_cases() if case["valid"]]
    kinds = {case["type"] for case in valid}
    assert kinds == {"ssn", "con"}  # personnummer and samordningsnummer
    for case in valid:
        detail = world.create(person_number=case["separated_long"])
        assert detail.person_masked == f"{case['long_format'][:8]}-XXXX", case
    with world.db.engine.connect() as conn:
        stored = set(conn.execute(sa.select(Call.person_number)).scalars())
    assert stored == {case["long_format"] for case in valid}
    coordination = json.loads((META / "allCoords.json").read_text(encoding="utf-8"))
    assert world.problems(world.input(person_number=coordination[0])) == {}


def test_unknown_form_registry_number_is_refused(world: World) -> None:
    add_form(world.db, "KD-2026-00001")
    problems = world.problems(world.input(form_registry_number="KD-2026-00002"))
    assert set(problems) == {"form_registry_number"}
    assert problems["form_registry_number"].params == {"number": "KD-2026-00002"}
    assert world.problems(world.input(form_registry_number="KD-2026-00001")) == {}


def test_unknown_topic_is_refused(world: World) -> None:
    problems = world.problems(world.input(topic_ids=(world.topics["sealing"], 424242)))
    assert set(problems) == {"topic_ids"}
    assert problems["topic_ids"].template == calls.MSG_UNKNOWN_TOPIC


def retire(world: World, code: str) -> None:
    with world.db.transaction() as session:
        calls.retire_topic(session, world.karin, world.topics[code], now=NOW)


def test_retired_topic_refused_for_a_new_call_but_kept_on_update(world: World) -> None:
    old = world.create(topic_ids=(world.topics["sparr"], world.topics["sealing"]))
    retire(world, "sparr")
    problems = world.problems(world.input(topic_ids=(world.topics["sparr"],)))
    assert set(problems) == {"topic_ids"}
    assert problems["topic_ids"].params == {"topic": "Spärr (hänvisa, inte Kansliets ärende)"}
    # The old call keeps it through an edit of something else...
    edited = world.update(old, notes="Hänvisade till vårdgivaren.")
    assert edited.topic_ids == old.topic_ids
    assert "Spärr (hänvisa, inte Kansliets ärende)" in edited.topics
    # ...but a call that did not have it cannot get it now.
    other = world.create()
    with pytest.raises(CallInvalid) as info:
        world.update(other, topic_ids=(world.topics["sparr"],))
    assert [p.field for p in info.value.problems] == ["topic_ids"]


def test_a_failed_create_writes_nothing(world: World) -> None:
    before = counts(world.db)
    bad = world.input(
        notes="x" * (NOTES_MAX_LENGTH + 1),
        person_number="19121212-1213",
        article_views=((1, None, NOW),),
    )
    with pytest.raises(CallInvalid), world.db.transaction() as session:
        calls.create_call(session, world.anna, bad, now=NOW)
    assert counts(world.db) == before


def test_a_failed_update_writes_nothing(world: World) -> None:
    detail = world.create()
    before = counts(world.db)
    with pytest.raises(CallInvalid):
        world.update(detail, notes="ändrad", callback_phone="12")
    assert counts(world.db) == before
    assert world.get(detail.id) == detail


# --- editing: history, masking, conflicts -------------------------------------------------


def test_update_records_who_changed_what_and_when(world: World) -> None:
    detail = world.create()
    started = dt.datetime.now(dt.UTC)
    edited = world.update(
        detail,
        user=world.erik,
        notes="Frågade om försegling och låsning.",
        person_number="19121212-1212",
        topic_ids=(world.topics["sealing"], world.topics["login_lock"]),
        outcome=Outcome.REFERRED_UNIT,
        duration_seconds=300,
    )
    finished = dt.datetime.now(dt.UTC)
    assert edited.version == 2
    create, *changes = edited.history
    assert create.action is AuditAction.CREATE and create.username == "anna"
    by_field = {change.field: change for change in changes}
    assert set(by_field) == {"notes", "person_number", "topic_ids", "outcome", "duration_seconds"}
    for change in changes:
        assert change.username == "erik"
        assert change.shown_name == "Erik Ek"
        assert change.action is AuditAction.UPDATE
        assert started - dt.timedelta(seconds=1) <= change.at <= finished + dt.timedelta(seconds=1)
    # Notes are personal data that retention removes from the call: the
    # append-only audit log records that they changed, never what they said.
    notes = by_field["notes"]
    assert notes.redacted and (notes.old, notes.new) == ("", "")
    with world.db.transaction() as session:
        details = session.scalars(
            sa.select(AuditEvent.details).where(AuditEvent.entity == calls.ENTITY)
        ).all()
    assert "Frågade" not in json.dumps(details, ensure_ascii=False)
    assert not by_field["outcome"].redacted
    # Identity numbers appear masked only, in the history and in the audit details.
    assert (by_field["person_number"].old, by_field["person_number"].new) == ("", "19121212-XXXX")
    assert (by_field["topic_ids"].old, by_field["topic_ids"].new) == (
        "Försegling",
        "Försegling, Låsning av inloggning",
    )
    assert (by_field["outcome"].old, by_field["outcome"].new) == ("answered", "referred_unit")
    assert (by_field["duration_seconds"].old, by_field["duration_seconds"].new) == ("180", "300")
    with world.db.engine.connect() as conn:
        details = conn.execute(
            sa.select(AuditEvent.details).where(AuditEvent.action == AuditAction.UPDATE)
        ).scalar_one()
    assert "191212121212" not in json.dumps(details)
    assert world.get(edited.id) == edited


def test_masked_number_keeps_the_stored_one_and_empty_removes_it(world: World) -> None:
    detail = world.create(person_number="19121212-1212")
    assert detail.person_masked == "19121212-XXXX"
    kept = world.update(detail, notes="Ny anteckning.")
    assert kept.person_masked == "19121212-XXXX"
    assert [c.field for c in kept.history[1:]] == ["notes"]
    removed = world.update(kept, person_number="")
    assert removed.person_masked == ""
    assert (removed.history[-1].field, removed.history[-1].old) == (
        "person_number",
        "19121212-XXXX",
    )
    # A masked text that is not the stored number is just an invalid number.
    with pytest.raises(CallInvalid) as info:
        world.update(removed, person_number="19121212-XXXX")
    assert [p.field for p in info.value.problems] == ["person_number"]


def test_an_unchanged_save_changes_nothing(world: World) -> None:
    detail = world.create()
    before = counts(world.db)
    again = world.update(detail)
    assert again == detail
    assert counts(world.db) == before


def test_a_stale_version_is_a_conflict_and_writes_nothing(world: World) -> None:
    detail = world.create()
    world.update(detail, user=world.erik, notes="Erik sparade först.")
    before = counts(world.db)
    with pytest.raises(CallConflict) as info:
        world.update(detail, notes="Anna sparade sedan.")  # still version 1
    assert info.value.template == calls.MSG_CONFLICT
    assert counts(world.db) == before
    current = world.get(detail.id)
    assert (current.notes, current.version) == ("Erik sparade först.", 2)


POSTGRES_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


@POSTGRES_ONLY
def test_a_save_racing_another_is_a_conflict(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    # Both read version 1; the other commits between this one's check and its write.
    # PostgreSQL's UPDATE ... WHERE version = 1 then finds no row. (SQLite lets only
    # one writer in at a time: the second gets "database is busy" instead.)
    detail = world.create()
    original = calls._snapshot
    raced: list[bool] = []

    def snapshot_after_a_rival_saved(*args: Any) -> dict[str, str]:
        if not raced:
            raced.append(True)
            world.update(detail, user=world.erik, notes="Erik hann före.")
        return original(*args)

    monkeypatch.setattr(calls, "_snapshot", snapshot_after_a_rival_saved)
    before = counts(world.db)
    with pytest.raises(CallConflict):
        world.update(detail, notes="Anna sparade samtidigt.")
    assert raced
    monkeypatch.setattr(calls, "_snapshot", original)
    assert counts(world.db)[AuditEvent.__tablename__] == before[AuditEvent.__tablename__] + 1
    assert world.get(detail.id).notes == "Erik hann före."


def test_unknown_call(world: World) -> None:
    with pytest.raises(CallNotFound):
        world.get(424242)
    with pytest.raises(CallNotFound), world.db.transaction() as session:
        calls.update_call(session, world.anna, 424242, 1, world.input(), now=NOW)
    with pytest.raises(CallNotFound), world.db.transaction() as session:
        calls.validate_call(session, world.input(), now=NOW, existing_id=424242)


def test_an_old_callback_time_may_stay_but_not_be_moved_into_the_past(world: World) -> None:
    due = NOW + dt.timedelta(hours=1)
    detail = world.create(
        outcome=Outcome.CALLBACK, callback_phone="0701740605", callback_due_at=due
    )
    later = NOW + dt.timedelta(hours=3)  # the due time has passed in the meantime
    kept = world.update(detail, now=later, notes="Ringde men fick inget svar.")
    assert kept.callback_due_at == due
    with pytest.raises(CallInvalid) as info:
        world.update(kept, now=later, callback_due_at=due + dt.timedelta(minutes=30))
    assert [p.field for p in info.value.problems] == ["callback_due_at"]


def test_a_new_callback_time_reopens_a_done_callback(world: World) -> None:
    detail = world.create(
        outcome=Outcome.CALLBACK, callback_phone="0701740605", callback_due_at=NOW
    )
    with world.db.transaction() as session:
        calls.mark_callback_done(session, world.anna, detail.id, now=NOW)
    done = world.get(detail.id)
    assert done.callback_done_at == NOW
    reopened = world.update(done, callback_due_at=NOW + dt.timedelta(days=1))
    assert reopened.callback_done_at is None
    assert {"callback_due_at", "callback_done_at"} <= {c.field for c in reopened.history}


def test_a_corrected_start_time_moves_the_call_in_topic_filters(world: World) -> None:
    detail = world.create()
    earlier = NOW - dt.timedelta(days=30)
    world.update(detail, started_at=earlier)
    with world.db.engine.connect() as conn:
        copies = set(conn.execute(sa.select(call_topics.c.started_at)).scalars())
    assert copies == {earlier}
    day = earlier.astimezone(TIMEZONE).date()
    found = world.page(CallFilter(topic_id=world.topics["sealing"], date_from=day, date_to=day))
    assert [row.id for row in found] == [detail.id]


def test_articles_opened_during_the_call_are_recorded(world: World) -> None:
    with world.db.transaction() as session:
        knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
        articles = session.execute(
            sa.select(Article.id, Article.current_revision).order_by(Article.id)
        ).all()
        revision = session.execute(
            sa.select(ArticleRevision.id).where(ArticleRevision.article_id == articles[0].id)
        ).scalar_one()
    first, second = articles[0].id, articles[1].id
    opened = (
        (second, None, NOW - dt.timedelta(minutes=1)),  # no revision: the current one
        (first, revision, NOW - dt.timedelta(minutes=3)),
        (424242, None, NOW),  # deleted meanwhile: left out
    )
    detail = world.create(article_views=opened)
    with world.db.engine.connect() as conn:
        second_revision = conn.execute(
            sa.select(ArticleRevision.id).where(ArticleRevision.article_id == second)
        ).scalar_one()
    expected = (
        (first, revision, NOW - dt.timedelta(minutes=3)),
        (second, second_revision, NOW - dt.timedelta(minutes=1)),
    )
    assert detail.article_views == expected
    assert world.get(detail.id).article_views == expected


# --- topics ---------------------------------------------------------------------------------


def test_topics_are_listed_in_order_and_retired_ones_on_request(world: World) -> None:
    with world.db.transaction() as session:
        active = calls.list_topics(session)
    assert [t.code for t in active][:2] == ["sealing", "login_lock"]
    assert len(active) == 12 and not any(t.retired for t in active)
    retire(world, "proxy")
    with world.db.transaction() as session:
        active = calls.list_topics(session)
        everything = calls.list_topics(session, include_retired=True)
    assert "proxy" not in [t.code for t in active]
    assert [t.code for t in everything if t.retired] == ["proxy"]
    assert len(everything) == 12


def test_only_supervisors_add_and_retire_topics(world: World) -> None:
    for user in (world.anna, world.sara):
        with pytest.raises(KnownError) as info, world.db.transaction() as session:
            calls.add_topic(session, user, "Ny fråga")
        assert info.value.template == calls.MSG_SUPERVISOR_ONLY
        with pytest.raises(KnownError), world.db.transaction() as session:
            calls.retire_topic(session, user, world.topics["other"])
    with world.db.transaction() as session:
        assert len(calls.list_topics(session)) == 12


def test_adding_a_topic(world: World) -> None:
    with world.db.transaction() as session:
        added = calls.add_topic(session, world.karin, "  Åtkomst för   ombud ", "Beskrivning")
    assert (added.code, added.name, added.description, added.retired) == (
        "atkomst_for_ombud",
        "Åtkomst för ombud",
        "Beskrivning",
        False,
    )
    with world.db.transaction() as session:
        assert calls.list_topics(session)[-1] == added  # last in the list
    with pytest.raises(ValidationError) as info, world.db.transaction() as session:
        calls.add_topic(session, world.karin, "åtkomst för ombud")
    assert info.value.template == calls.MSG_TOPIC_EXISTS
    for bad in ("", "   ", "x" * 201):
        with pytest.raises(ValidationError), world.db.transaction() as session:
            calls.add_topic(session, world.karin, bad)
    # Retired, its name may be used again; the code stays unique.
    with world.db.transaction() as session:
        calls.retire_topic(session, world.karin, added.id)
        again = calls.add_topic(session, world.karin, "Åtkomst för ombud")
    assert again.code == "atkomst_for_ombud_2"
    # A new topic can be used at once, and the change is audited.
    assert world.create(topic_ids=(again.id,)).topics == ("Åtkomst för ombud",)
    with world.db.engine.connect() as conn:
        audited = conn.execute(
            sa.select(AuditEvent.action).where(AuditEvent.entity == "topic")
        ).scalars()
        assert list(audited) == [AuditAction.CREATE, AuditAction.UPDATE, AuditAction.CREATE]


def test_retiring_a_topic_keeps_it_on_old_calls(world: World) -> None:
    old = world.create(topic_ids=(world.topics["proxy"],))
    retire(world, "proxy")
    retire(world, "proxy")  # twice: nothing more happens
    assert world.get(old.id).topics == ("Ombud",)
    assert [row.topics for row in world.page()] == [("Ombud",)]
    with pytest.raises(KnownError), world.db.transaction() as session:
        calls.retire_topic(session, world.karin, 424242)


# --- advisors and articles --------------------------------------------------------------------


def test_advisors_are_advisors_and_whoever_logged_calls(world: World) -> None:
    world.create(user=world.karin)
    with world.db.transaction() as session:
        found = calls.advisors(session)
    assert found == [
        (world.anna.id, "Anna Lind"),
        (world.erik.id, "Erik Ek"),
        (world.karin.id, "Karin Öst"),
    ]


def test_articles_for_topics_most_topics_in_common_first(world: World) -> None:
    t = world.topics
    with world.db.transaction() as session:
        specs = [
            ("b", "Beta", [t["sealing"]]),
            ("a", "Alfa", [t["sealing"]]),
            ("c", "Gamma", [t["sealing"], t["login_lock"]]),
            ("d", "Delta", [t["proxy"]]),
            ("e", "Epsilon", [t["sealing"], t["login_lock"]]),
        ]
        ids = {}
        for slug, title, topic_ids in specs:
            article = Article(slug=slug, title=title, current_revision=0)
            session.add(article)
            session.flush()
            ids[slug] = article.id
            session.execute(
                sa.insert(article_topics),
                [{"article_id": article.id, "topic_id": topic} for topic in topic_ids],
            )
        session.get_one(Article, ids["e"]).retired_at = NOW
    with world.db.transaction() as session:
        found = knowledge.articles_for_topics(session, [t["sealing"], t["login_lock"]])
        assert knowledge.articles_for_topics(session, []) == []
        assert [r.title for r in knowledge.articles_for_topics(session, [t["proxy"]])] == ["Delta"]
        limited = knowledge.articles_for_topics(session, [t["sealing"]], limit=2)
    assert [row.title for row in found] == ["Gamma", "Alfa", "Beta"]
    assert [row.title for row in limited] == ["Alfa", "Beta"]


# --- the callback queue -------------------------------------------------------------------------


def test_callback_queue_soonest_first_overdue_marked(world: World) -> None:
    def callback(hours: float, **changes: Any) -> CallDetail:
        return world.create(
            now=NOW - dt.timedelta(days=1),
            outcome=Outcome.CALLBACK,
            callback_phone="070-174 06 05",
            callback_due_at=NOW + dt.timedelta(hours=hours),
            **changes,
        )

    later = callback(3, topic_ids=(world.topics["proxy"],))
    overdue = callback(-2)
    soon = callback(0.5, user=world.erik)
    done = callback(-5)
    world.create()  # no callback at all
    with world.db.transaction() as session:
        calls.mark_callback_done(session, world.anna, done.id, now=NOW)
        queue = calls.callback_queue(session, now=NOW)
    assert [row.call_id for row in queue] == [overdue.id, soon.id, later.id]
    assert [row.overdue for row in queue] == [True, False, False]
    assert queue[1].advisor == "Erik Ek"
    assert queue[2].topics == ("Ombud",)
    assert queue[0].phone == "070-174 06 05"
    assert queue[0].caller_kind is CallerKind.CITIZEN
    with world.db.transaction() as session:
        first = calls.callback_queue(session, now=NOW, limit=2)
        rest = calls.callback_queue(session, now=NOW, after=first[-1].cursor)
    assert [row.call_id for row in first + rest] == [overdue.id, soon.id, later.id]


def test_marking_a_callback_done(world: World) -> None:
    detail = world.create(
        outcome=Outcome.CALLBACK, callback_phone="0701740605", callback_due_at=NOW
    )
    with world.db.transaction() as session:
        calls.mark_callback_done(session, world.erik, detail.id, now=NOW)
    with world.db.transaction() as session:
        calls.mark_callback_done(session, world.anna, detail.id, now=NOW)  # again: no change
        assert calls.callback_queue(session, now=NOW) == []
    done = world.get(detail.id)
    assert done.callback_done_at == NOW
    assert done.version == 2
    change = done.history[-1]
    assert (change.field, change.username, change.old) == ("callback_done_at", "erik", "")
    assert dt.datetime.fromisoformat(change.new) == NOW
    assert len(done.history) == 2
    no_callback = world.create()
    with pytest.raises(KnownError) as info, world.db.transaction() as session:
        calls.mark_callback_done(session, world.anna, no_callback.id)
    assert info.value.template == calls.MSG_NO_CALLBACK
    with pytest.raises(CallNotFound), world.db.transaction() as session:
        calls.mark_callback_done(session, world.anna, 424242)


# --- the list: rows, pages, filters ------------------------------------------------------------


def test_list_rows_match_the_saved_calls(world: World) -> None:
    made = [
        world.create(person_number="19121212-1212"),
        world.create(
            user=world.erik,
            started_at=NOW - dt.timedelta(minutes=1),
            topic_ids=(world.topics["other"], world.topics["sealing"]),
            outcome=Outcome.CALLBACK,
            callback_phone="070-174 06 05",
            callback_due_at=NOW + dt.timedelta(hours=1),
        ),
    ]
    rows = world.page()
    assert [row.id for row in rows] == [made[1].id, made[0].id]  # newest first
    for row, detail in zip(rows, reversed(made), strict=True):
        expected = CallRow(
            id=detail.id,
            started_at=detail.started_at,
            duration_seconds=detail.duration_seconds,
            advisor=detail.advisor,
            caller_kind=detail.caller_kind,
            topics=detail.topics,
            outcome=detail.outcome,
            callback_due_at=detail.callback_due_at,
            callback_done=detail.callback_done_at is not None,
            person_masked=detail.person_masked,
            callback_phone=detail.callback_phone,
        )
        assert row == expected
        # The rows are built without __init__ (speed): they must be complete dataclasses.
        assert vars(row).keys() == {f.name for f in dataclasses.fields(CallRow)}
        assert dataclasses.replace(row) == row
        assert row.started_at.tzinfo is not None and row.started_at.utcoffset() == dt.timedelta(0)
        assert hash(row) == hash(expected)
        with pytest.raises(dataclasses.FrozenInstanceError):
            row.notes = "x"  # type: ignore[attr-defined]
    assert rows[0].topics == ("Försegling", "Övrigt")  # in topic order
    assert rows[1].person_masked == "19121212-XXXX"


def test_calls_at_the_same_moment_page_without_gaps_or_repeats(world: World) -> None:
    made = [world.create().id for _ in range(5)]  # all started at the same moment
    world.create(started_at=NOW - dt.timedelta(hours=1))
    for filters in (None, CallFilter(topic_id=world.topics["sealing"])):
        rows = world.all_pages(filters, limit=2)
        assert [row.id for row in rows][:5] == sorted(made, reverse=True)
        assert len(rows) == 6


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), TIMEZONE)


@pytest.mark.parametrize("day", [dt.date(2026, 1, 14), dt.date(2026, 7, 14)], ids=["CET", "CEST"])
def test_date_filters_are_swedish_days(world: World, day: dt.date) -> None:
    before = dt.timedelta(days=1)
    late = world.create(started_at=local(day - before, 23, 59)).id  # the evening before
    early = world.create(started_at=local(day, 0, 0)).id  # local midnight: UTC the day before
    evening = world.create(started_at=local(day, 23, 59)).id
    next_day = world.create(started_at=local(day + before, 0, 0)).id

    def ids(**kwargs: Any) -> list[int]:
        return [row.id for row in world.page(CallFilter(**kwargs))]

    assert ids(date_from=day, date_to=day) == [evening, early]
    assert ids(date_from=day) == [next_day, evening, early]
    assert ids(date_to=day) == [evening, early, late]
    assert ids(date_from=day + before) == [next_day]
    assert ids(date_to=day - before) == [late]
    assert ids(date_from=day + before, date_to=day) == []


# --- filters against a plain reading of demo data --------------------------------------------


@dataclass(frozen=True)
class Stored:
    id: int
    started_at: dt.datetime
    advisor_id: int
    outcome: str
    topics: frozenset[int]
    notes: str
    open_callback: bool


def stored_calls(db: Database) -> list[Stored]:
    with db.engine.connect() as conn:
        topics: dict[int, set[int]] = {}
        for call_id, topic_id in conn.execute(
            sa.select(call_topics.c.call_id, call_topics.c.topic_id)
        ):
            topics.setdefault(call_id, set()).add(topic_id)
        rows = conn.execute(
            sa.select(
                Call.id,
                Call.started_at,
                Call.advisor_id,
                Call.outcome,
                Call.notes,
                Call.callback_due_at,
                Call.callback_done_at,
            )
        ).all()
    return [
        Stored(
            row.id,
            row.started_at,
            row.advisor_id,
            Outcome(row.outcome).value,
            frozenset(topics.get(row.id, ())),
            row.notes,
            row.callback_due_at is not None and row.callback_done_at is None,
        )
        for row in rows
    ]


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower().translate(FOLD))


def notes_match(notes: str, query: str) -> bool:
    """Every word of the query begins a word of the notes (case and å/ä/ö folded)."""
    wanted = fulltext.search_words(query)
    have = words_of(notes)
    return all(any(word.startswith(w.lower().translate(FOLD)) for word in have) for w in wanted)


def expected_ids(stored: list[Stored], f: CallFilter) -> list[int]:
    def keep(call: Stored) -> bool:
        day = call.started_at.astimezone(TIMEZONE).date()
        return (
            (f.date_from is None or day >= f.date_from)
            and (f.date_to is None or day <= f.date_to)
            and (f.topic_id is None or f.topic_id in call.topics)
            and (f.outcome is None or call.outcome == f.outcome.value)
            and (f.advisor_id is None or call.advisor_id == f.advisor_id)
            and (not f.open_callbacks_only or call.open_callback)
            and notes_match(call.notes, f.text)
        )

    kept = sorted((c for c in stored if keep(c)), key=lambda c: (c.started_at, c.id), reverse=True)
    return [c.id for c in kept]


@pytest.fixture
def demo_world(world: World) -> tuple[World, list[Stored]]:
    demo.generate(world.db.engine, calls=400, forms=20, seed=20261127)
    with world.db.engine.begin() as conn:  # a few notes with every kind of letter
        for call_id, note in (
            (1, "Försegling gjord av misstag; ÅTERSTÄLLNING begärd."),
            (2, "Frågade om Vårdnadshavares åtkomst (e-tjänsten) och 1177:s app."),
            (3, 'Citat: "spärr" OR NOT * NEAR(försegling) – ingen fråga.'),
        ):
            conn.execute(sa.update(Call).where(Call.id == call_id).values(notes=note))
    return world, stored_calls(world.db)


def filter_cases(world: World, stored: list[Stored]) -> dict[str, CallFilter]:
    days = sorted({c.started_at.astimezone(TIMEZONE).date() for c in stored})
    middle = days[len(days) // 2]
    advisor = stored[0].advisor_id
    t = world.topics
    return {
        "none": CallFilter(),
        "from": CallFilter(date_from=middle),
        "to": CallFilter(date_to=middle),
        "period": CallFilter(date_from=days[2], date_to=middle),
        "topic": CallFilter(topic_id=t["minor_record"]),
        "topic+period": CallFilter(topic_id=t["sealing"], date_from=days[1], date_to=middle),
        "outcome": CallFilter(outcome=Outcome.REFERRED_UNIT),
        "advisor": CallFilter(advisor_id=advisor),
        "open callbacks": CallFilter(open_callbacks_only=True),
        "text": CallFilter(text="försegling"),
        "text folded": CallFilter(text="FORSEGL"),
        "two words": CallFilter(text="journalen förklarade"),
        "rare word": CallFilter(text="Vårdnadshavares"),
        "no match": CallFilter(text="zzyzx"),
        "everything": CallFilter(
            date_from=days[0],
            date_to=days[-1],
            topic_id=t["sealing"],
            outcome=Outcome.ANSWERED,
            advisor_id=advisor,
            text="Försegling",
        ),
        "topic+outcome+text": CallFilter(
            topic_id=t["guardian_access"], outcome=Outcome.ANSWERED, text="vardnadshavare"
        ),
        "advisor+open+period": CallFilter(
            advisor_id=advisor, open_callbacks_only=True, date_from=days[0]
        ),
    }


@pytest.mark.parametrize("few_hits", [5000, 3], ids=["from-hits", "from-newest"])
def test_filters_alone_and_combined_match_a_plain_reading(
    demo_world: tuple[World, list[Stored]], few_hits: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite starts a search from its hits when there are few, else from the newest
    # calls: both ways must find the same calls.
    monkeypatch.setattr(calls, "FEW_HITS", few_hits)
    world, stored = demo_world
    for name, filters in filter_cases(world, stored).items():
        expected = expected_ids(stored, filters)
        assert [row.id for row in world.all_pages(filters)] == expected, name
        assert [row.id for row in world.page(filters, limit=5)] == expected[:5], name
        if name not in ("no match", "everything", "advisor+open+period"):
            assert expected, f"{name}: the case should find something"


# --- full-text search ----------------------------------------------------------------------------


@pytest.fixture
def noted(world: World) -> dict[str, int]:
    notes = {
        "seal": "Försegling av Journalen gjordes på begäran.",
        "guardian": "VÅRDNADSHAVARE ville se barnets journal.",
        "lock": "Låsning av inloggningen, ej försegling.",
        "plain": "Fel nummer, kopplade vidare.",
    }
    return {key: world.create(notes=note).id for key, note in notes.items()}


def found(world: World, text: str) -> set[int]:
    return {row.id for row in world.all_pages(CallFilter(text=text))}


def test_search_folds_case_and_swedish_letters(world: World, noted: dict[str, int]) -> None:
    seal, lock = {noted["seal"]}, {noted["lock"]}
    for query in ("försegling", "Försegling", "FÖRSEGLING", "forsegling", "Forsegling"):
        assert found(world, query) == seal | lock, query
    assert found(world, "vårdnadshavare") == {noted["guardian"]}
    assert found(world, "Vardnadshavare") == {noted["guardian"]}
    assert found(world, "låsning") == lock
    assert found(world, "LASNING") == lock


def test_search_matches_word_prefixes_and_all_words(world: World, noted: dict[str, int]) -> None:
    assert found(world, "förs") == {noted["seal"], noted["lock"]}
    assert found(world, "journal") == {noted["seal"], noted["guardian"]}
    assert found(world, "försegling journalen") == {noted["seal"]}
    assert found(world, "försegling xyz") == set()
    assert found(world, "egling") == set()  # prefixes, not substrings


@pytest.mark.parametrize(
    "query", ["", "   ", "!!!", '"', "'", "*", "-", "()", ":", "^", "\x00", "–—…", '"*"']
)
def test_a_query_without_words_is_harmless(world: World, noted: dict[str, int], query: str) -> None:
    assert found(world, query) == set(noted.values())


@pytest.mark.parametrize(
    "query",
    [
        'försegling"',
        "försegling*",
        "försegling:*",
        "försegling & | !",
        "'försegling'",
        "försegling\\",
        "försegling\x00",
        "journal-försegling",
        "(försegling)",
        "försegling AND",  # operator words are words: nothing has a word "and..."
        "OR NOT försegling",
        "NEAR(försegling",
        "försegling %s %(x)s ?",
    ],
)
def test_operators_and_quotes_are_just_separators(
    world: World, noted: dict[str, int], query: str
) -> None:
    with world.db.engine.connect() as conn:
        notes = dict(conn.execute(sa.select(Call.id, Call.notes)).all())
    expected = {call_id for call_id, text in notes.items() if notes_match(text, query)}
    assert found(world, query) == expected
    if query.startswith(("försegling", "'", "(")) and not query.endswith(("AND", "?")):
        assert expected == {noted["seal"], noted["lock"]}


def test_long_queries_are_harmless(world: World, noted: dict[str, int]) -> None:
    for query in ("a" * 5000, "ö " * 2500, '"' * 5000, "försegling " * 500, "x\x00" * 2500):
        world.page(CallFilter(text=query))
    # Only the first words count, the long ones cut to a prefix.
    assert found(world, "försegling " * 500) == {noted["seal"], noted["lock"]}


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(query=st.text(max_size=5000))
def test_any_text_is_a_harmless_query(world: World, noted: dict[str, int], query: str) -> None:
    # Hypothesis reuses the test's database: searching writes nothing.
    for filters in (CallFilter(text=query), CallFilter(text=query, topic_id=1)):
        assert isinstance(world.page(filters), list)
        # The page query itself, both ways SQLite may run it (a query matching
        # nothing stops after counting its hits in list_calls_page).
        dialect = world.db.engine.dialect.name
        with world.db.transaction() as session:
            for hits in (1, calls.FEW_HITS + 1):
                session.execute(calls.calls_query(dialect, filters, hits=hits)).all()


VOCABULARY = [
    "Försegling",
    "journalen",
    "vårdnadshavare",
    "Låsning",
    "barnets",
    "ÅTERSTÄLLNING",
    "e-tjänsten",
    "1177:s",
    "nummer",
]
SEPARATORS = st.sampled_from([" ", "  ", '"', "*", " AND ", " OR ", "-", ":", "(", ")", "'"])


@st.composite
def word_queries(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3))
    parts = []
    for word in words:
        prefix = word[: draw(st.integers(min_value=1, max_value=len(word)))]
        cased = draw(
            st.sampled_from([prefix, prefix.upper(), prefix.lower(), prefix.translate(FOLD)])
        )
        parts.append(cased + draw(SEPARATORS))
    return "".join(parts)


@FUZZ
@given(query=word_queries())
def test_search_finds_what_a_plain_reading_finds(
    world: World, noted: dict[str, int], query: str
) -> None:
    with world.db.engine.connect() as conn:
        notes = dict(conn.execute(sa.select(Call.id, Call.notes)).all())
    expected = {call_id for call_id, text in notes.items() if notes_match(text, query)}
    assert found(world, query) == expected


def test_edited_notes_are_searched_as_edited(world: World) -> None:
    detail = world.create(notes="Frågade om kvittens.")
    assert found(world, "kvittens") == {detail.id}
    world.update(detail, notes="Frågade om tolkbehov.")
    assert found(world, "kvittens") == set()
    assert found(world, "tolkbehov") == {detail.id}


# --- the demo generator keeps the search index right ------------------------------------------


@pytest.mark.parametrize("bulk", [False, True], ids=["row-by-row", "bulk"])
def test_demo_calls_are_searchable(
    world: World, bulk: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Above BULK_INDEX_THRESHOLD the demo drops the search triggers (SQLite) or the
    # GIN index (PostgreSQL) for the load and indexes the notes afterwards.
    if bulk:
        monkeypatch.setattr(demo, "BULK_INDEX_THRESHOLD", 100)
    first = world.create(notes="Nämnde Västervik före demon.")
    demo.generate(world.db.engine, calls=300, forms=10, seed=7)
    after = world.create(notes="Nämnde Västervik efter demon.")
    stored = stored_calls(world.db)
    assert len(stored) == 302
    for query in ("försegling", "vardnadshavare", "Västervik", "journalen"):
        expected = expected_ids(stored, CallFilter(text=query))
        assert [row.id for row in world.all_pages(CallFilter(text=query))] == expected, query
    assert {first.id, after.id} <= set(expected_ids(stored, CallFilter(text="vastervik")))
    with world.db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            triggers = conn.execute(
                sa.text(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                    " AND tbl_name = 'calls'"
                )
            ).scalar_one()
            assert triggers == 3
            conn.execute(
                sa.text("INSERT INTO calls_fts(calls_fts, rank) VALUES ('integrity-check', 1)")
            )
        else:
            indexes = sa.inspect(conn).get_indexes("calls")
            assert "ix_calls_notes_search" in {index["name"] for index in indexes}


# --- indexes the queries use ---------------------------------------------------------------------


def test_queries_use_their_indexes(demo_world: tuple[World, list[Stored]]) -> None:
    world, _ = demo_world
    dialect = world.db.engine.dialect.name
    sqlite = dialect == "sqlite"
    period = {"date_from": dt.date(2026, 1, 1), "date_to": dt.date(2026, 6, 30)}

    def query(**kwargs: Any) -> Any:
        return calls.calls_query(dialect, CallFilter(**kwargs))

    assert "ix_call_topics_topic_started" in plan(
        world.db, query(topic_id=1, **period), no_seqscan=True
    )
    assert "ix_calls_outcome_started" in plan(
        world.db, query(outcome=Outcome.FORM_SENT), no_seqscan=True
    )
    assert "ix_calls_advisor_started" in plan(
        world.db, query(advisor_id=world.anna.id), no_seqscan=True
    )
    assert "ix_calls_started_id" in plan(world.db, query(**period), no_seqscan=True)
    searched = plan(world.db, query(text="kvittens"), no_seqscan=True)
    assert ("calls_fts" if sqlite else "ix_calls_notes_search") in searched
    if sqlite:
        assert "SCAN calls_fts VIRTUAL TABLE" in searched
        # A search with few hits starts from them, whatever else is filtered.
        few = plan(world.db, query(text="kvittens", outcome=Outcome.ANSWERED, topic_id=1))
        assert "SEARCH calls USING INTEGER PRIMARY KEY" in few
        assert "ix_calls_outcome_started" not in few
    queue = calls.callback_queue_query()
    assert "ix_calls_open_callbacks" in plan(world.db, queue, no_seqscan=True)


# --- helpers used above ----------------------------------------------------------------------


def test_search_words() -> None:
    assert fulltext.search_words('Försegling "AND" e-tjänst*, 1177:s') == [
        "Försegling",
        "AND",
        "e",
        "tjänst",
        "1177",
        "s",
    ]
    assert fulltext.search_words("!!! ... ---") == []
    assert len(fulltext.search_words("ord " * 100)) == fulltext.MAX_SEARCH_WORDS
    assert fulltext.search_words("a" * 500) == ["a" * fulltext.MAX_SEARCH_WORD_LENGTH]


def test_topic_code() -> None:
    assert calls.topic_code("Åtkomst för ombud") == "atkomst_for_ombud"
    assert calls.topic_code("  !!  ") == "topic"
    assert len(calls.topic_code("x" * 300)) <= 56
