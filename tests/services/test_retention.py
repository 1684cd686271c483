"""Retention and purge (kansli_desk.services.retention), on SQLite and PostgreSQL.

A small register spans the cut-offs of the default periods (24 months for call
details, 5 years for closed forms), with a call and a form on each side of each
cut-off. Every row of every affected table is compared before and after a purge:
exactly the rows the dry run named change, in exactly the personal fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kansli_desk.core.enums import (
    AuditAction,
    CallerKind,
    FormStatus,
    FormType,
    IdKind,
    Initiator,
    Measure,
    Outcome,
    PartyRole,
    Role,
    SealScope,
)
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.models import (
    AuditEvent,
    Call,
    Form,
    FormAttachment,
    FormParty,
    FormStatusChange,
    SharedSetting,
    User,
    call_topics,
)
from kansli_desk.services import calls, forms, retention
from kansli_desk.services.calls import CallConflict, CallFilter, CallInput
from kansli_desk.services.database import Database
from kansli_desk.services.forms import FormInput, PartyInput
from kansli_desk.services.retention import PurgePlan, RetentionPolicy
from kansli_desk.services.users import UserInfo

S = FormStatus
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
# The default periods' cut-offs: Swedish midnight (CET, UTC+1) starting 25 November.
CALL_CUTOFF = dt.datetime(2024, 11, 24, 23, 0, tzinfo=dt.UTC)
FORM_CUTOFF = dt.datetime(2021, 11, 24, 23, 0, tzinfo=dt.UTC)
SECOND = dt.timedelta(seconds=1)
PERSON = "19121212-1212"  # Skatteverket's public example
COORDINATION = "19140168-2396"  # a samordningsnummer, born 1914-01-08
PDF = b"%PDF-1.4\n% a scan\n"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


# --- the world -------------------------------------------------------------------------------


@dataclass
class World:
    db: Database
    chef: UserInfo
    anna: UserInfo
    topic: int
    calls: dict[str, int]
    forms: dict[str, int]

    def plan(self, now: dt.datetime = NOW) -> PurgePlan:
        with self.db.transaction() as session:
            return retention.plan_purge(session, now)

    def purge(self, user: UserInfo | None = None, now: dt.datetime = NOW) -> retention.PurgeResult:
        with self.db.transaction() as session:
            return retention.purge(session, user or self.chef, now)


def new_call(
    db: Database,
    user: UserInfo,
    topic: int,
    started: dt.datetime,
    *,
    notes: str = "",
    person: str = "",
    phone: str = "",
    due: dt.datetime | None = None,
) -> int:
    data = CallInput(
        started_at=started,
        duration_seconds=185,
        caller_kind=CallerKind.GUARDIAN,
        topic_ids=(topic,),
        outcome=Outcome.CALLBACK if due else Outcome.ANSWERED,
        notes=notes,
        person_number=person,
        callback_phone=phone,
        callback_due_at=due,
    )
    with db.transaction() as session:
        return calls.create_call(session, user, data, now=started).id


def seal(received: dt.date, person: str = PERSON, *, urgent: bool = False) -> FormInput:
    phoned = dt.datetime.combine(received, dt.time(8, 15), dt.UTC) if urgent else None
    return FormInput(
        is_urgent=urgent,
        it_support_phoned_at=phoned,
        it_support_phoned_by="Karin på IT" if urgent else "",
        form_type=FormType.SEAL_OR_LOCK,
        received_on=received,
        signed_on=received - dt.timedelta(days=3),
        parties=(PartyInput(PartyRole.SUBJECT, person, name="Tolvan Tolvansson"),),
        initiator=Initiator.INDIVIDUAL,
        measures=frozenset({Measure.SEAL_JOURNAL}),
        seal_scope=SealScope.CARE_UNIT,
        scope_unit="Vårdcentralen Kalmar",
        orderer_name="Eva Svensson",
        orderer_title="Sjuksköterska",
        orderer_unit="Vårdcentralen Kalmar",
        orderer_phone="070-174 06 05",
        head_of_operations="Birgitta Lund",
        note="Patienten ringde först till 1177.",
    )


def new_form(
    db: Database,
    user: UserInfo,
    registered: dt.datetime,
    steps: list[tuple[FormStatus, dt.datetime, str]],
    *,
    person: str = PERSON,
    scan: bool = False,
    urgent: bool = False,
) -> int:
    data = seal(registered.date(), person, urgent=urgent)
    with db.transaction() as session:
        detail = forms.register_form(session, user, data, today=registered.date(), now=registered)
        if scan:
            forms.add_attachment(session, user, detail.id, "blankett.pdf", PDF)
    for status, when, comment in steps:
        with db.transaction() as session:
            detail = forms.transition(
                session, user, detail.id, detail.version, status, comment=comment, now=when
            )
    return detail.id


def closed_steps(closed: dt.datetime, last: FormStatus = S.CLOSED) -> list[Any]:
    """Registered → forwarded → executed → confirmed → ``last``, the last at ``closed``."""
    day = dt.timedelta(days=1)
    return [
        (S.FORWARDED, closed - 3 * day, "Skickad till IT, Eva Svensson ringd"),
        (S.EXECUTED, closed - 2 * day, ""),
        (S.CONFIRMED, closed - day, ""),
        (last, closed, "Klart"),
    ]


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


def add_user(session: Session, username: str, role: Role) -> UserInfo:
    user = session.scalars(sa.select(User).where(User.username == username)).one_or_none()
    if user is None:
        user = User(username=username)
        session.add(user)
    user.role = role
    session.flush()
    return UserInfo(user.id, username, "", role)


def build_world(database: Database, supervisor: str = "chef") -> World:
    """Calls and forms on both sides of the default cut-offs at ``NOW``; ``supervisor``
    is the login of the supervisor (the command line's user, say)."""
    with database.transaction() as session:
        chef = add_user(session, supervisor, Role.SUPERVISOR)
        anna = add_user(session, "anna", Role.ADVISOR)
        topic = calls.list_topics(session)[0].id
    db = database
    call_ids = {
        # Before the cut-off, with every personal detail; its callback was made.
        "old": new_call(
            db, anna, topic, utc(2024, 6, 3, 8, 0), notes="Frågade om försegling av journalen",
            person=PERSON, phone="070-174 06 05", due=utc(2024, 6, 3, 12, 0),
        ),
        # Before the cut-off, but its callback is still open: kept whole.
        "open_callback": new_call(
            db, anna, topic, utc(2024, 5, 2, 8, 0), notes="Ring tillbaka om försegling",
            phone="0480-123 45", due=utc(2024, 5, 3, 9, 0),
        ),
        # Before the cut-off, with nothing personal: nothing to do.
        "bare": new_call(db, anna, topic, utc(2023, 1, 10, 9, 0)),
        "edge_before": new_call(db, anna, topic, CALL_CUTOFF - SECOND, notes="försegling kant"),
        "edge_at": new_call(db, anna, topic, CALL_CUTOFF, notes="försegling kant"),
        "recent": new_call(
            db, anna, topic, utc(2026, 11, 20, 9, 0), notes="Försegling igår", person=PERSON
        ),
    }  # fmt: skip
    with db.transaction() as session:
        calls.mark_callback_done(session, anna, call_ids["old"], now=utc(2024, 6, 3, 13, 0))
    form_ids = {
        "closed": new_form(
            db, chef, utc(2020, 3, 2, 9, 0), closed_steps(utc(2020, 4, 1, 10, 0)), scan=True,
            urgent=True,
        ),
        "rejected": new_form(
            db, chef, utc(2021, 5, 3, 9, 0), [(S.REJECTED, utc(2021, 6, 1, 10, 0), "Fel blankett")],
            person=COORDINATION, scan=True,
        ),
        "cancelled_before": new_form(
            db, chef, utc(2021, 11, 1, 9, 0), [(S.CANCELLED, FORM_CUTOFF - SECOND, "Dubblett")]
        ),
        "cancelled_at": new_form(
            db, chef, utc(2021, 11, 1, 9, 0), [(S.CANCELLED, FORM_CUTOFF, "Dubblett")], scan=True
        ),
        # Old, but not closed: confirmed forms wait to be closed; registered ones to be done.
        "confirmed": new_form(
            db, chef, utc(2019, 2, 4, 9, 0), closed_steps(utc(2019, 3, 1, 10, 0), S.CONFIRMED)[:3]
        ),
        "registered": new_form(db, chef, utc(2019, 2, 4, 9, 0), [], scan=True),
        "recent_closed": new_form(
            db, chef, utc(2026, 9, 1, 9, 0), closed_steps(utc(2026, 10, 1, 10, 0))
        ),
    }  # fmt: skip
    return World(database, chef, anna, topic, call_ids, form_ids)


# --- every row, before and after -------------------------------------------------------------

TABLES: dict[str, Any] = {
    "calls": Call.__table__,
    "call_topics": call_topics,
    "forms": Form.__table__,
    "form_parties": FormParty.__table__,
    "form_status_changes": FormStatusChange.__table__,
    "form_attachments": FormAttachment.__table__,
    "audit_events": AuditEvent.__table__,
    "shared_settings": SharedSetting.__table__,
}


def snapshot(db: Database) -> dict[str, dict[Any, dict[str, Any]]]:
    found: dict[str, dict[Any, dict[str, Any]]] = {}
    with db.engine.connect() as conn:
        for name, table in TABLES.items():
            key = [column.name for column in table.primary_key.columns]
            rows = conn.execute(sa.select(table)).mappings().all()
            found[name] = {tuple(row[k] for k in key): dict(row) for row in rows}
    return found


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, set[Any]]]:
    """Per table: the keys of rows added, removed and changed (tables with none left out)."""
    found = {}
    for name in TABLES:
        old, new = before[name], after[name]
        diff = {
            "added": set(new) - set(old),
            "removed": set(old) - set(new),
            "changed": {key for key in set(old) & set(new) if old[key] != new[key]},
        }
        if any(diff.values()):
            found[name] = diff
    return found


def keys(ids: Any) -> set[tuple[int]]:
    return {(i,) for i in ids}


def changed_columns(before: dict[str, Any], after: dict[str, Any], table: str) -> set[str]:
    found = set()
    for key in set(before[table]) & set(after[table]):
        old, new = before[table][key], after[table][key]
        found |= {column for column in old if old[column] != new[column]}
    return found


# --- the settings ----------------------------------------------------------------------------


def test_the_defaults_apply_until_a_supervisor_sets_the_periods(world: World) -> None:
    with world.db.transaction() as session:
        assert retention.get_policy(session) == RetentionPolicy(24, 5)
        policy = retention.set_policy(session, world.chef, call_months=6, now=NOW)
        assert policy == RetentionPolicy(6, 5)
    with world.db.transaction() as session:
        assert retention.get_policy(session) == RetentionPolicy(6, 5)
        assert retention.set_policy(session, world.chef, form_years=10) == RetentionPolicy(6, 10)
        events = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity == retention.SETTING_ENTITY)
        ).all()
    assert [event.details["changes"] for event in events] == [
        [{"field": retention.CALL_MONTHS_KEY, "old": "24", "new": "6"}],
        [{"field": retention.FORM_YEARS_KEY, "old": "5", "new": "10"}],
    ]
    assert all(event.username == "chef" for event in events)


def test_only_a_supervisor_sets_the_periods(world: World) -> None:
    with pytest.raises(KnownError) as info, world.db.transaction() as session:
        retention.set_policy(session, world.anna, call_months=1)
    assert info.value.template == retention.MSG_SUPERVISOR_ONLY
    with world.db.transaction() as session:
        assert retention.get_policy(session) == RetentionPolicy()
        assert session.scalar(sa.select(sa.func.count()).select_from(SharedSetting)) == 0


@pytest.mark.parametrize("value", [0, -1, 1201, True, "12", 2.5, None])
def test_invalid_call_months_are_refused(value: Any) -> None:
    with pytest.raises(ValidationError) as info:
        retention.check_call_months(value)
    assert info.value.field == "call_months"


@pytest.mark.parametrize("value", [0, -5, 101, False, "5", 5.0])
def test_invalid_form_years_are_refused(value: Any) -> None:
    with pytest.raises(ValidationError) as info:
        retention.check_form_years(value)
    assert info.value.field == "form_years"


def test_an_invalid_stored_period_stops_the_purge(world: World) -> None:
    with world.db.transaction() as session:
        session.add(SharedSetting(key=retention.CALL_MONTHS_KEY, value="forever"))
    before = snapshot(world.db)
    with pytest.raises(KnownError) as info:
        world.plan()
    assert info.value.template == retention.MSG_STORED_INVALID
    with pytest.raises(KnownError):
        world.purge()
    assert snapshot(world.db) == before
    # A supervisor mends it by setting the period again.
    with world.db.transaction() as session:
        policy = retention.set_policy(session, world.chef, call_months=36)
    assert policy == RetentionPolicy(36, 5)
    assert world.plan().call_ids == ()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 25), 24, dt.date(2024, 11, 25)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2028, 2, 29), 12, dt.date(2027, 2, 28)),
        (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
        (dt.date(2026, 1, 15), 0, dt.date(2026, 1, 15)),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert retention.months_before(day, months) == expected


def test_the_cut_offs_are_swedish_midnights() -> None:
    assert retention.cutoffs(RetentionPolicy(), NOW) == (CALL_CUTOFF, FORM_CUTOFF)
    # Summer time (CEST, UTC+2) and a Swedish date that is still yesterday in UTC.
    summer = dt.datetime(2026, 7, 1, 22, 30, tzinfo=dt.UTC)  # 2 July 00:30 in Sweden
    assert retention.cutoffs(RetentionPolicy(1, 1), summer) == (
        dt.datetime(2026, 6, 1, 22, 0, tzinfo=dt.UTC),
        dt.datetime(2025, 7, 1, 22, 0, tzinfo=dt.UTC),
    )


# --- the plan (dry run) ----------------------------------------------------------------------


def test_the_plan_names_what_is_past_its_period(world: World) -> None:
    plan = world.plan()
    assert plan.policy == RetentionPolicy(24, 5)
    assert (plan.call_cutoff, plan.form_cutoff) == (CALL_CUTOFF, FORM_CUTOFF)
    assert (plan.call_cutoff_date, plan.form_cutoff_date) == (
        dt.date(2024, 11, 25),
        dt.date(2021, 11, 25),
    )
    assert set(plan.call_ids) == {world.calls["old"], world.calls["edge_before"]}
    assert plan.open_callbacks_kept == 1
    assert set(plan.form_ids) == {
        world.forms["closed"],
        world.forms["rejected"],
        world.forms["cancelled_before"],
    }
    assert plan.party_count == 3
    assert len(plan.attachment_ids) == 2  # the closed and the rejected form's scans
    assert not plan.is_empty


def test_a_dry_run_changes_nothing(world: World) -> None:
    before = snapshot(world.db)
    world.plan()
    assert snapshot(world.db) == before


def test_shorter_periods_reach_further(world: World) -> None:
    with world.db.transaction() as session:
        retention.set_policy(session, world.chef, call_months=1, form_years=1)
    plan = world.plan()
    # The recent call started five days ago: inside even one month.
    assert set(plan.call_ids) == {
        world.calls["old"],
        world.calls["edge_before"],
        world.calls["edge_at"],
    }
    assert set(plan.form_ids) == {
        world.forms["closed"],
        world.forms["rejected"],
        world.forms["cancelled_before"],
        world.forms["cancelled_at"],
    }


# --- the purge -------------------------------------------------------------------------------


def test_the_purge_changes_exactly_what_the_dry_run_counted(world: World) -> None:
    plan = world.plan()
    before = snapshot(world.db)
    result = world.purge()
    after = snapshot(world.db)

    assert result.plan == plan
    assert (result.calls, result.forms, result.attachments) == (2, 3, 2)
    parties = {
        key for key, row in before["form_parties"].items() if row["form_id"] in plan.form_ids
    }
    commented_steps = {
        key
        for key, row in before["form_status_changes"].items()
        if row["form_id"] in plan.form_ids and row["comment"]
    }
    assert len(parties) == plan.party_count
    none: set[Any] = set()
    assert changes(before, after) == {
        "calls": {"added": none, "removed": none, "changed": keys(plan.call_ids)},
        "forms": {"added": none, "removed": none, "changed": keys(plan.form_ids)},
        "form_parties": {"added": none, "removed": none, "changed": parties},
        "form_status_changes": {"added": none, "removed": none, "changed": commented_steps},
        "form_attachments": {"added": none, "removed": keys(plan.attachment_ids), "changed": none},
        "audit_events": {"added": {(result.audit_event_id,)}, "removed": none, "changed": none},
    }


def test_the_purge_keeps_what_statistics_need(world: World) -> None:
    before = snapshot(world.db)
    world.purge()
    after = snapshot(world.db)

    assert changed_columns(before, after, "calls") == {
        "notes",
        "person_number",
        "person_masked",  # generated from the number
        "callback_phone",
        "version",
        "updated_at",
    }
    # What the purge removes never went into the append-only audit log.
    bookkeeping = {"version", "updated_at", "person_number", "person_masked"}
    assert changed_columns(before, after, "calls") - bookkeeping <= calls.REDACTED_FIELDS
    assert changed_columns(before, after, "forms") - bookkeeping <= forms.REDACTED_FIELDS
    old = after["calls"][(world.calls["old"],)]
    assert (old["notes"], old["person_number"], old["callback_phone"]) == ("", None, None)
    assert old["person_masked"] == ""
    was = before["calls"][(world.calls["old"],)]
    for kept in ("started_at", "duration_seconds", "caller_kind", "outcome", "advisor_id",
                 "callback_due_at", "callback_done_at", "form_id", "created_at"):  # fmt: skip
        assert old[kept] == was[kept], kept
    assert old["callback_due_at"] is not None and old["callback_done_at"] is not None
    assert old["version"] == was["version"] + 1
    assert after["call_topics"] == before["call_topics"]

    assert changed_columns(before, after, "forms") == {
        "orderer_name",
        "orderer_phone",
        "head_of_operations",
        "it_support_phoned_by",
        "note",
        "version",
        "updated_at",
    }
    form = after["forms"][(world.forms["closed"],)]
    assert form["it_support_phoned_by"] is None
    assert form["is_urgent"] and form["it_support_phoned_at"] is not None
    assert (form["orderer_name"], form["orderer_phone"], form["head_of_operations"]) == ("",) * 3
    assert form["note"] == ""
    assert form["registry_number"] == "KD-2020-00001"
    assert (form["form_type"], form["status"]) == (FormType.SEAL_OR_LOCK, S.CLOSED)
    assert (form["orderer_unit"], form["orderer_title"]) == (
        "Vårdcentralen Kalmar",
        "Sjuksköterska",
    )
    assert form["received_on"] == dt.date(2020, 3, 2)
    assert form["executed_at"] is not None and form["registered_at"] is not None

    assert changed_columns(before, after, "form_parties") == {
        "id_number", "id_masked", "name", "birth_date"
    }  # fmt: skip
    purged = [row for row in after["form_parties"].values() if row["id_number"] == ""]
    assert sorted(row["birth_date"] for row in purged) == [
        dt.date(1912, 1, 1),
        dt.date(1912, 1, 1),
        dt.date(1914, 1, 1),
    ]
    assert all(row["name"] == "" for row in purged)
    assert {row["id_kind"] for row in purged} == {IdKind.PERSONNUMMER, IdKind.SAMORDNINGSNUMMER}
    steps = [row for row in after["form_status_changes"].values()]
    assert all(row["comment"] == "" for row in steps if row["form_id"] == world.forms["closed"])
    assert {row["comment"] for row in steps if row["form_id"] == world.forms["cancelled_at"]} == {
        "",
        "Dubblett",
    }


def test_the_purge_is_recorded_once_with_its_counts(world: World) -> None:
    result = world.purge()
    with world.db.transaction() as session:
        events = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == AuditAction.PURGE)
        ).all()
    assert [event.id for event in events] == [result.audit_event_id]
    event = events[0]
    assert (event.username, event.role, event.entity) == ("chef", "supervisor", "retention")
    assert event.person_number is None
    assert event.details == {
        "call_months": 24,
        "form_years": 5,
        "call_cutoff": CALL_CUTOFF.isoformat(),
        "form_cutoff": FORM_CUTOFF.isoformat(),
        "calls": 2,
        "open_callbacks_kept": 1,
        "forms": 3,
        "parties": 3,
        "attachments": 2,
    }


def test_the_audit_log_is_kept_in_full(world: World) -> None:
    before = snapshot(world.db)["audit_events"]
    world.purge()
    after = snapshot(world.db)["audit_events"]
    assert {key: after[key] for key in before} == before
    # What the log recorded about purged records stays: who, when, about whom.
    recorded = {row["person_number"] for row in after.values()}
    assert "191212121212" in recorded and "191401682396" in recorded


def test_only_a_supervisor_purges(world: World) -> None:
    before = snapshot(world.db)
    with pytest.raises(KnownError) as info:
        world.purge(world.anna)
    assert info.value.template == retention.MSG_SUPERVISOR_ONLY
    assert snapshot(world.db) == before


def test_nothing_newer_than_the_cut_off_is_touched(world: World) -> None:
    before = snapshot(world.db)
    world.purge()
    after = snapshot(world.db)
    for name in ("open_callback", "bare", "edge_at", "recent"):
        key = (world.calls[name],)
        assert after["calls"][key] == before["calls"][key], name
    for name in ("cancelled_at", "confirmed", "registered", "recent_closed"):
        form_id = world.forms[name]
        assert after["forms"][(form_id,)] == before["forms"][(form_id,)], name
        for table in ("form_parties", "form_status_changes", "form_attachments"):
            rows = {k: v for k, v in before[table].items() if v["form_id"] == form_id}
            assert {k: after[table][k] for k in rows} == rows, (name, table)


def test_purging_again_changes_nothing(world: World) -> None:
    world.purge()
    assert world.plan().is_empty
    before = snapshot(world.db)
    again = world.purge()
    assert (again.calls, again.forms, again.attachments) == (0, 0, 0)
    assert changes(before, snapshot(world.db)) == {
        "audit_events": {"added": {(again.audit_event_id,)}, "removed": set(), "changed": set()}
    }


def test_purged_records_still_open_and_search_no_longer_finds_them(world: World) -> None:
    world.purge()
    with world.db.transaction() as session:
        detail = calls.get_call(session, world.calls["old"])
        assert (detail.notes, detail.person_masked, detail.callback_phone) == ("", "", "")
        assert detail.topic_ids == (world.topic,)
        hits = {
            row.id for row in calls.list_calls_page(session, filters=CallFilter(text="forsegling"))
        }
        assert hits == {
            world.calls["open_callback"],
            world.calls["edge_at"],
            world.calls["recent"],
        }
        for name in ("closed", "rejected"):
            form = forms.get_form(session, world.forms[name], today=NOW.date())
            assert [p.number_masked for p in form.parties] == [""]
            assert form.attachments == ()
            assert form.data.orderer_name == "" and form.data.note == ""
            assert form.allowed == ()
        rows = forms.list_forms_page(session, today=NOW.date(), limit=50)
    masked = {row.id: row.person_masked for row in rows}
    assert masked[world.forms["closed"]] == ""
    assert masked[world.forms["recent_closed"]] == "19121212-XXXX"


def test_an_edit_opened_before_the_purge_cannot_write_the_notes_back(world: World) -> None:
    with world.db.transaction() as session:
        opened = calls.get_call(session, world.calls["old"])
    world.purge()
    data = CallInput(
        started_at=opened.started_at,
        duration_seconds=opened.duration_seconds,
        caller_kind=opened.caller_kind,
        topic_ids=opened.topic_ids,
        outcome=opened.outcome,
        notes=opened.notes + " (rättat)",
        callback_phone=opened.callback_phone,
        callback_due_at=opened.callback_due_at,
    )
    with pytest.raises(CallConflict), world.db.transaction() as session:
        calls.update_call(session, world.anna, opened.id, opened.version, data, now=NOW)
    with world.db.transaction() as session:
        assert calls.get_call(session, opened.id).notes == ""
