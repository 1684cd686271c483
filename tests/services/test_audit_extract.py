"""Log extracts (loggutdrag) and spot checks of the audit log (issue 7, "Audit trail").

The events come from calls and forms saved through the services, as in use; the
identity numbers are Skatteverket's test personnummer (../shared/testdata).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from kansli_desk.core.enums import AuditAction, FormStatus, PartyRole, Role
from kansli_desk.core.identity import MSG_CHECKSUM
from kansli_desk.core.office_hours import TIMEZONE
from kansli_desk.errors import ValidationError
from kansli_desk.models import AuditEvent
from kansli_desk.services import audit, calls, forms
from kansli_desk.services.database import Database
from kansli_desk.services.forms import PartyInput
from kansli_desk.services.roles import NotAllowed
from kansli_desk.services.users import UserInfo
from tests.services.test_forms import GUARDIAN_1, TODAY, born, digits, minor
from tests.services.test_retention import add_user, new_call, new_form, seal, utc

X = born(dt.date(1982, 2, 2), 0)  # YYYYMMDD-NNNN
Y = born(dt.date(2012, 6, 1), 0)
RESERVE = "RES-4711"
NOTES = "Ringde om sin journal, mår dåligt"
COMMENT = "Skickad till IT, Eva Svensson ringd"


@dataclass
class Desk:
    db: Database
    chef: UserInfo
    anna: UserInfo
    call_x: int
    call_y: int
    form_x: int
    form_y: int
    form_reserve: int

    def log(self, text: str, user: UserInfo | None = None, **period: dt.date) -> audit.PersonLog:
        with self.db.transaction() as session:
            return audit.person_log(session, user or self.chef, text, **period)

    def sample(self, user: UserInfo | None = None, **kwargs: object) -> list[audit.AuditRow]:
        options: dict[str, object] = {
            "size": 5,
            "date_from": dt.date(2020, 11, 1),
            "date_to": dt.date(2020, 11, 30),
        }
        options.update(kwargs)
        with self.db.transaction() as session:
            return audit.spot_check(session, user or self.chef, **options)  # type: ignore[arg-type]


def events(db: Database) -> list[AuditEvent]:
    with db.transaction() as session:
        found = list(session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)))
        session.expunge_all()
        return found


@pytest.fixture
def desk(database: Database) -> Desk:
    db = database
    with db.transaction() as session:
        chef = add_user(session, "chef", Role.SUPERVISOR)
        anna = add_user(session, "anna", Role.ADVISOR)
        topic = calls.list_topics(session)[0].id
    # X: a call with a callback (created, then the callback done), and a forwarded form.
    call_x = new_call(
        db, anna, topic, utc(2026, 11, 2, 8), notes=NOTES, person=X, phone="070-174 06 05",
        due=utc(2026, 11, 2, 12),
    )  # fmt: skip
    call_y = new_call(db, anna, topic, utc(2026, 11, 3, 8), notes="Annan person", person=Y)
    new_call(db, anna, topic, utc(2026, 11, 3, 9), notes="Ingen person")
    with db.transaction() as session:
        calls.mark_callback_done(session, anna, call_x, now=utc(2026, 11, 4, 9))
    form_x = new_form(
        db, chef, utc(2026, 11, 5, 9), [(FormStatus.FORWARDED, utc(2026, 11, 6, 9), COMMENT)],
        person=X,
    )  # fmt: skip
    form_y = new_form(db, chef, utc(2026, 11, 5, 10), [], person=Y)
    reserve = dataclasses.replace(
        seal(dt.date(2026, 11, 7)),
        parties=(PartyInput(PartyRole.SUBJECT, RESERVE.lower(), birth_date=dt.date(1990, 1, 1)),),
    )
    with db.transaction() as session:
        form_reserve = forms.register_form(
            session, chef, reserve, today=dt.date(2026, 11, 7), now=utc(2026, 11, 7, 9)
        ).id
    return Desk(db, chef, anna, call_x, call_y, form_x, form_y, form_reserve)


# --- the log extract ---------------------------------------------------------------------------


def test_the_extract_lists_exactly_the_persons_events_oldest_first(desk: Desk) -> None:
    log = desk.log(X)
    assert log.person_number == digits(X)
    assert log.formatted_number == X
    assert [(e.action, e.entity, e.entity_id, e.username) for e in log.events] == [
        (AuditAction.CREATE, calls.ENTITY, str(desk.call_x), "anna"),
        (AuditAction.UPDATE, calls.ENTITY, str(desk.call_x), "anna"),
        (AuditAction.CREATE, forms.ENTITY, str(desk.form_x), "chef"),
        (AuditAction.TRANSITION, forms.ENTITY, str(desk.form_x), "chef"),
    ]
    assert [e.at for e in log.events] == sorted(e.at for e in log.events)
    assert {e.person_number for e in log.events} == {digits(X)}
    assert {e.role for e in log.events} == {"advisor", "supervisor"}
    assert all(e.workstation for e in log.events)
    # A short description, never the notes or the comment typed by the user.
    assert log.events[1].description == "changes: callback_done_at"
    assert log.events[3].description == "from: registered; to: forwarded"
    assert "registry_number: " in log.events[2].description
    for event in log.events:
        assert NOTES not in event.description and COMMENT not in event.description
    # Nor anywhere in the append-only log: the purge removes notes and comments.
    stored = str([event.details for event in events(desk.db)])
    assert NOTES not in stored and COMMENT not in stored and "'commented': True" in stored


@pytest.mark.parametrize("typed", [digits(X), X[2:], f" {X[2:8]} {X[9:]} "])
def test_the_number_may_be_typed_in_any_usual_form(desk: Desk, typed: str) -> None:
    assert len(desk.log(typed).events) == 4


def test_a_reservnummer_is_found_as_typed(desk: Desk) -> None:
    log = desk.log(f" {RESERVE.lower()} ")
    assert log.person_number == RESERVE
    assert [(e.action, e.entity_id) for e in log.events] == [
        (AuditAction.CREATE, str(desk.form_reserve))
    ]


def test_the_extract_is_recorded_and_appears_in_the_next_one(desk: Desk) -> None:
    before = len(events(desk.db))
    desk.log(X)
    after = events(desk.db)
    assert len(after) == before + 1
    event = after[-1]
    assert (event.action, event.entity, event.username, event.role) == (
        AuditAction.VIEW_UNMASKED,
        audit.PERSON_LOG_ENTITY,
        "chef",
        "supervisor",
    )
    assert event.person_number == digits(X)
    assert event.details == {"events": 4}
    again = desk.log(X)
    assert len(again.events) == 5
    assert again.events[-1].entity == audit.PERSON_LOG_ENTITY
    assert again.events[-1].description == "events: 4"
    # The other person's extract does not show it.
    assert audit.PERSON_LOG_ENTITY not in {e.entity for e in desk.log(Y).events}


def test_the_period_limits_the_extract_by_swedish_days(desk: Desk) -> None:
    # The services stamp audit events with the clock, not with the times they are given.
    today = dt.datetime.now(TIMEZONE).date()
    day = dt.timedelta(days=1)
    log = desk.log(X, date_from=today, date_to=today)
    assert len(log.events) == 4
    assert (log.date_from, log.date_to) == (today, today)
    assert len(desk.log(X, date_to=today).events) == 5  # the extract just made
    assert desk.log(X, date_from=today + day).events == ()
    assert desk.log(X, date_to=today - day).events == ()
    assert desk.log(X, date_from=today - 3 * day, date_to=today - day).events == ()


def test_only_a_supervisor_gets_an_extract(desk: Desk) -> None:
    before = len(events(desk.db))
    with pytest.raises(NotAllowed) as caught:
        desk.log(X, desk.anna)
    assert caught.value.message() == "Only a supervisor can read the audit log about people."
    assert len(events(desk.db)) == before


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the identity number of the person"),
        ("   ", "Enter the identity number of the person"),
        (X[:-1] + str((int(X[-1]) + 1) % 10), MSG_CHECKSUM),
        ("19121212-1212; DROP", "neither a valid personnummer"),
        ("ÅÄÖ", "neither a valid personnummer"),
        ("A" * 21, "neither a valid personnummer"),
    ],
)
def test_an_invalid_number_is_refused_clearly(desk: Desk, typed: str, message: str) -> None:
    before = len(events(desk.db))
    with pytest.raises(ValidationError) as caught:
        desk.log(typed)
    assert message in caught.value.message()
    assert caught.value.field == "person_number"
    assert len(events(desk.db)) == before


def test_a_period_that_ends_before_it_starts_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError) as caught:
        desk.log(X, date_from=dt.date(2026, 11, 5), date_to=dt.date(2026, 11, 4))
    assert caught.value.message() == (
        "The period starts (2026-11-05) after it ends (2026-11-04). Swap the dates."
    )


# --- the spot check ----------------------------------------------------------------------------


@pytest.fixture
def busy(desk: Desk) -> Desk:
    """40 accesses in November 2020, and some outside it or about nobody (the services
    stamp their events with the clock: the calls and forms of ``desk`` are not in 2020)."""
    people = [X, Y, born(dt.date(1982, 2, 2), 1), born(dt.date(2018, 5, 14))]
    numbers = [digits(person) for person in people]
    with desk.db.transaction() as session:
        for i in range(40):
            event = audit.record(
                session, desk.anna, AuditAction.UPDATE, entity="call", entity_id=1000 + i,
                person_number=numbers[i % 4],
            )  # fmt: skip
            event.at = utc(2020, 11, 10 + i % 10, 8, i)
        for when in (utc(2020, 10, 31, 22, 59), utc(2020, 11, 30, 23, 0), utc(2020, 12, 2)):
            # Swedish 31 October 23:59 and 1 December 00:00: outside November.
            event = audit.record(session, desk.anna, AuditAction.UPDATE, person_number=numbers[0])
            event.at = when
        audit.record(session, desk.anna, AuditAction.LOGIN).at = utc(2020, 11, 12)
    return desk


def in_november(row: audit.AuditRow) -> bool:
    return utc(2020, 10, 31, 23) <= row.at < utc(2020, 11, 30, 23)


def test_a_spot_check_draws_accesses_of_the_period(busy: Desk) -> None:
    rows = busy.sample(size=10, seed=7)
    assert len(rows) == 10
    assert len({row.id for row in rows}) == 10
    assert all(row.person_number and in_november(row) for row in rows)
    assert [(row.at, row.id) for row in rows] == sorted((row.at, row.id) for row in rows)


def test_a_spot_check_is_repeatable_with_its_seed(busy: Desk) -> None:
    first = [row.id for row in busy.sample(size=10, seed=7)]
    assert [row.id for row in busy.sample(size=10, seed=7)] == first
    others = {tuple(row.id for row in busy.sample(size=10, seed=seed)) for seed in (1, 2, 3)}
    assert others != {tuple(first)}


def test_a_small_period_gives_all_its_accesses(busy: Desk) -> None:
    everything = busy.sample(size=1000, seed=1)
    population = sum(
        1 for e in events(busy.db) if e.person_number and (e.at.year, e.at.month) == (2020, 11)
    )
    assert len(everything) == population - 1 == 40  # not the one at 23:00 UTC on 30 November
    assert all(in_november(row) for row in everything)


def test_a_spot_check_is_recorded_with_what_it_drew(busy: Desk) -> None:
    rows = busy.sample(size=3, seed=11)
    event = events(busy.db)[-1]
    assert (event.action, event.entity, event.username) == (
        AuditAction.VIEW_UNMASKED,
        audit.SPOT_CHECK_ENTITY,
        "chef",
    )
    assert event.person_number is None  # about many people: not in anyone's extract
    assert event.details == {
        "from": "2020-11-01",
        "to": "2020-11-30",
        "size": 3,
        "events": 3,
        "population": 40,
        "event_ids": [row.id for row in rows],
        "seed": 11,
    }


def test_only_a_supervisor_runs_a_spot_check(busy: Desk) -> None:
    with pytest.raises(NotAllowed, match="Only a supervisor"):
        busy.sample(busy.anna)


@pytest.mark.parametrize("size", [0, -1, 1001])
def test_the_sample_size_is_checked(busy: Desk, size: int) -> None:
    with pytest.raises(ValidationError) as caught:
        busy.sample(size=size)
    assert caught.value.message() == "The sample size must be a whole number from 1 to 1000."


def test_a_spot_check_of_an_empty_period_is_empty(busy: Desk) -> None:
    assert busy.sample(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 1, 31)) == []
    with pytest.raises(ValidationError, match="Swap the dates"):
        busy.sample(date_from=dt.date(2020, 11, 2), date_to=dt.date(2020, 11, 1))


# --- people named on a record, and numbers corrected -------------------------------------


def test_a_guardians_extract_shows_the_form_that_names_them(desk: Desk) -> None:
    with desk.db.transaction() as session:
        form_id = forms.register_form(session, desk.chef, minor(), today=TODAY).id
    with desk.db.transaction() as session:
        forms.get_form(session, form_id, user=desk.chef, today=TODAY)
    log = desk.log(GUARDIAN_1)
    assert [(e.action, e.entity, e.entity_id) for e in log.events] == [
        (AuditAction.CREATE, forms.ENTITY, str(form_id)),
        (AuditAction.VIEW_UNMASKED, forms.ENTITY, str(form_id)),
        (AuditAction.VIEW_UNMASKED, forms.ENTITY, str(form_id)),  # the child's number shown
    ]
    # The extract names only the person it is for, never the child on the same form.
    assert {e.person_number for e in log.events} == {digits(GUARDIAN_1)}


def test_a_corrected_number_stays_in_the_first_persons_extract(desk: Desk) -> None:
    with desk.db.transaction() as session:
        shown = calls.get_call(session, desk.call_y)
        calls.update_call(
            session,
            desk.anna,
            desk.call_y,
            shown.version,
            calls.CallInput(
                started_at=shown.started_at,
                duration_seconds=shown.duration_seconds,
                caller_kind=shown.caller_kind,
                topic_ids=shown.topic_ids,
                outcome=shown.outcome,
                notes=shown.notes,
                person_number=X,  # Y was a typing mistake
            ),
            now=utc(2026, 11, 20, 9),
        )
    corrected = (AuditAction.UPDATE, calls.ENTITY, str(desk.call_y))
    assert corrected in {(e.action, e.entity, e.entity_id) for e in desk.log(Y).events}
    assert corrected in {(e.action, e.entity, e.entity_id) for e in desk.log(X).events}
