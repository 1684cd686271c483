"""The form register's service layer (kansli_desk.services.forms), on SQLite and PostgreSQL.

The rules are tested at their boundaries with Skatteverket's test personnummer
(../shared/testdata): the 13th and 16th birthdays (the day before and the day
itself, a 29 February birthday included), signing today and tomorrow, arrival
before signing. The workflow is walked from registration to closing, forbidden
steps are refused, and two clerks moving the same form at once get one conflict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
import sqlalchemy as sa

from kansli_desk.core.age_access import AgeLimits, birthday
from kansli_desk.core.enums import (
    AuditAction,
    FormStatus,
    FormType,
    IdKind,
    Initiator,
    Measure,
    PartyRole,
    Role,
    SealScope,
)
from kansli_desk.core.identity import MSG_CHECKSUM
from kansli_desk.errors import ValidationError
from kansli_desk.models import (
    AuditEvent,
    Form,
    FormAttachment,
    FormParty,
    FormStatusChange,
    RegistryCounter,
    User,
)
from kansli_desk.services import forms
from kansli_desk.services.database import Database
from kansli_desk.services.forms import (
    FormConflict,
    FormDetail,
    FormFilter,
    FormInput,
    FormInvalid,
    FormNotFound,
    FormRow,
    PartyInput,
)
from kansli_desk.services.users import UserInfo
from tests.conftest import SHARED_TESTDATA

S = FormStatus
TODAY = dt.date(2026, 11, 25)  # a Wednesday
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
SIGNED = dt.date(2026, 3, 10)  # the signing day of the age boundary tests (a Tuesday)


# --- Skatteverket's test personnummer ---------------------------------------------------


@cache
def numbers_by_birth_date() -> dict[dt.date, list[str]]:
    found: dict[dt.date, list[str]] = {}
    path = SHARED_TESTDATA / "skatteverket-testpersonnummer.txt"
    for line in path.read_text(encoding="ascii").splitlines():
        number = line.strip()
        if number:
            day = dt.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
            found.setdefault(day, []).append(number)
    return found


def born(day: dt.date, index: int = 0) -> str:
    """A test personnummer of someone born on ``day``, as YYYYMMDD-NNNN."""
    numbers = numbers_by_birth_date().get(day, [])
    assert len(numbers) > index, f"no test personnummer born {day} in the shared test data"
    number = numbers[index]
    return f"{number[:8]}-{number[8:]}"


def digits(number: str) -> str:
    return number.replace("-", "")


PERSON = born(dt.date(1982, 2, 2), 0)
GUARDIAN_1 = born(dt.date(1982, 2, 2), 1)
GUARDIAN_2 = born(dt.date(1982, 2, 2), 2)
CHILD_8 = born(dt.date(2018, 5, 14))  # 8 on TODAY
CHILD_14 = born(dt.date(2012, 6, 1))  # 14 on TODAY
SAMORDNINGSNUMMER = "19140168-2396"  # personnummer-meta/allCoords.json: born 1914-01-08


def child_born(age: int, on: dt.date, *, days_after_birthday: int) -> str:
    """A child who turns ``age`` ``-days_after_birthday`` days from ``on``.

    0: the birthday is ``on``; -1: it is the day after ``on`` (still ``age - 1``).
    """
    birth = on - dt.timedelta(days=days_after_birthday)
    return born(dt.date(birth.year - age, birth.month, birth.day))


# --- inputs ------------------------------------------------------------------------------

ORDERER = {
    "orderer_name": "Eva Svensson",
    "orderer_title": "Sjuksköterska",
    "orderer_unit": "Vårdcentralen Kalmar",
    "orderer_phone": "070-174 06 05",
    "head_of_operations": "Birgitta Lund",
}


def seal(**changes: Any) -> FormInput:
    values: dict[str, Any] = {
        "form_type": FormType.SEAL_OR_LOCK,
        "received_on": TODAY - dt.timedelta(days=2),
        "signed_on": TODAY - dt.timedelta(days=6),
        "parties": (PartyInput(PartyRole.SUBJECT, PERSON),),
        "initiator": Initiator.INDIVIDUAL,
        "measures": frozenset({Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN}),
        "seal_scope": SealScope.WHOLE_ACCOUNT,
        **ORDERER,
    }
    values.update(changes)
    return FormInput(**values)


def restore(**changes: Any) -> FormInput:
    values: dict[str, Any] = {
        "form_type": FormType.RESTORE_ACCESS,
        "measures": frozenset({Measure.UNSEAL_JOURNAL}),
        "seal_scope": None,
        "initiator": Initiator.STAFF,
    }
    values.update(changes)
    return seal(**values)


def guardian_form(child: str = CHILD_8, **changes: Any) -> FormInput:
    values: dict[str, Any] = {
        "form_type": FormType.REMOVE_GUARDIAN_ACCESS,
        "parties": (
            PartyInput(PartyRole.CHILD, child),
            PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),
        ),
        "initiator": None,
        "measures": frozenset(),
        "seal_scope": None,
    }
    values.update(changes)
    return seal(**values)


def minor(child: str = CHILD_14, **changes: Any) -> FormInput:
    values: dict[str, Any] = {
        "form_type": FormType.MINOR_ACCESS,
        "parties": (
            PartyInput(PartyRole.CHILD, child, access_given=True),
            PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),
        ),
        "initiator": None,
        "measures": frozenset(),
        "seal_scope": None,
    }
    values.update(changes)
    return seal(**values)


def problems_of(data: FormInput, today: dt.date = TODAY, **kwargs: Any) -> dict[str, str]:
    """field → message template of every problem (one per field)."""
    found = forms.check_form(data, today=today, **kwargs)
    fields = [p.field for p in found]
    assert len(fields) == len(set(fields)), "one problem per field"
    return {str(p.field): p.template for p in found}


# --- the rules, without a database --------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [seal(), restore(), guardian_form(), minor()],
    ids=["seal_or_lock", "restore", "remove_guardian", "minor"],
)
def test_a_complete_form_of_each_type_passes(data: FormInput) -> None:
    assert forms.check_form(data, today=TODAY) == []


@pytest.mark.parametrize(
    ("age", "days", "template"),
    [
        (13, -1, forms.MSG_MINOR_TOO_YOUNG),  # the day before the 13th birthday: 12
        (13, 0, None),  # the 13th birthday
        (16, -1, None),  # the day before the 16th birthday: still 15
        (16, 0, forms.MSG_MINOR_TOO_OLD),  # the 16th birthday
    ],
)
def test_the_minor_type_needs_a_child_of_13_to_15_on_the_signing_day(
    age: int, days: int, template: str | None
) -> None:
    child = child_born(age, SIGNED, days_after_birthday=days)
    data = minor(child, signed_on=SIGNED, received_on=SIGNED + dt.timedelta(days=1))
    found = problems_of(data)
    assert found.get("parties.0.id_text") == template
    assert set(found) <= {"parties.0.id_text"}


def test_the_minor_type_with_a_29_february_birthday() -> None:
    # Born 2012-02-29: 13 on 2025-03-01 (core/age_access.birthday), still 12 on 28 Feb.
    child = born(dt.date(2012, 2, 29))
    assert birthday(dt.date(2012, 2, 29), 13) == dt.date(2025, 3, 1)
    day_before = minor(child, signed_on=dt.date(2025, 2, 28), received_on=dt.date(2025, 3, 3))
    on_the_day = minor(child, signed_on=dt.date(2025, 3, 1), received_on=dt.date(2025, 3, 3))
    assert problems_of(day_before) == {"parties.0.id_text": forms.MSG_MINOR_TOO_YOUNG}
    assert problems_of(on_the_day) == {}


def test_the_age_message_says_the_age_and_the_limits() -> None:
    child = child_born(16, SIGNED, days_after_birthday=0)
    (problem,) = forms.check_form(minor(child, signed_on=SIGNED), today=TODAY)
    assert problem.params["age"] == 16
    assert problem.message() == (
        "The child is 16 on 2026-03-10. From 16 the child has access of their own; "
        "this form is for children aged 13 to 15."
    )


def test_the_age_limits_are_configuration() -> None:
    # Ds 2023:26 would give access from 13: the limits come from the settings.
    child = child_born(13, SIGNED, days_after_birthday=0)
    data = minor(child, signed_on=SIGNED)
    assert problems_of(data) == {}
    limits = AgeLimits(guardian_until=12, own_from=13)
    assert problems_of(data, limits=limits) == {"parties.0.id_text": forms.MSG_MINOR_TOO_OLD}


@pytest.mark.parametrize(("days", "ok"), [(-1, True), (0, False)])
def test_removing_guardian_access_needs_a_child_under_16(days: int, ok: bool) -> None:
    child = child_born(16, SIGNED, days_after_birthday=days)
    found = problems_of(guardian_form(child, signed_on=SIGNED))
    assert found == ({} if ok else {"parties.0.id_text": forms.MSG_GUARDIAN_CHILD_TOO_OLD})


@pytest.mark.parametrize(
    ("signed_on", "received_on", "expected"),
    [
        (TODAY, TODAY, {}),
        (TODAY + dt.timedelta(days=1), TODAY, {"signed_on": forms.MSG_SIGNED_FUTURE}),
        (TODAY, TODAY + dt.timedelta(days=1), {"received_on": forms.MSG_RECEIVED_FUTURE}),
        (
            TODAY - dt.timedelta(days=1),
            TODAY - dt.timedelta(days=2),
            {"received_on": forms.MSG_ARRIVED_BEFORE_SIGNED},
        ),
        (TODAY - dt.timedelta(days=2), TODAY - dt.timedelta(days=2), {}),
    ],
    ids=["today", "signed-tomorrow", "arrives-tomorrow", "arrived-before-signing", "same-day"],
)
def test_dates(signed_on: dt.date, received_on: dt.date, expected: dict[str, str]) -> None:
    assert problems_of(seal(signed_on=signed_on, received_on=received_on)) == expected


def test_a_signed_form_needs_its_signing_date_an_unsigned_one_does_not() -> None:
    assert problems_of(seal(signed_on=None)) == {"signed_on": forms.MSG_SIGNED_REQUIRED}
    assert problems_of(seal(signed_on=None, is_signed=False)) == {}


def test_a_person_born_after_the_signing_day_is_rejected() -> None:
    child = born(dt.date(2020, 1, 5))
    signed = dt.date(2020, 1, 4)
    data = guardian_form(child, signed_on=signed, received_on=dt.date(2020, 1, 10))
    assert problems_of(data) == {"parties.0.id_text": forms.MSG_BORN_AFTER_SIGNING}
    on_the_day = guardian_form(
        child, signed_on=dt.date(2020, 1, 5), received_on=signed.replace(day=10)
    )
    assert problems_of(on_the_day) == {}
    # Unsigned, the arrival day is the reference.
    unsigned = dataclasses.replace(data, signed_on=None, is_signed=False, received_on=signed)
    assert problems_of(unsigned) == {"parties.0.id_text": forms.MSG_BORN_AFTER_ARRIVAL}


def test_every_shared_test_number_is_accepted_and_normalised() -> None:
    numbers = [
        n
        for day in sorted(numbers_by_birth_date())[::400]
        for n in numbers_by_birth_date()[day][:1]
    ]
    for number in numbers:
        data = seal(
            parties=(
                PartyInput(
                    PartyRole.SUBJECT, f"{number[2:8]}{'+' if number < '1926' else '-'}{number[8:]}"
                ),
            )
        )
        errors, clean = forms.normalise_form(data, today=TODAY)
        assert errors == []
        assert clean.persons[0].number == number


def test_reservnummer_needs_a_birth_date() -> None:
    reserve = PartyInput(PartyRole.SUBJECT, "991982-123A")
    assert problems_of(seal(parties=(reserve,))) == {
        "parties.0.birth_date": forms.MSG_RESERVE_NEEDS_BIRTH
    }
    dated = dataclasses.replace(reserve, birth_date=dt.date(1982, 3, 4))
    errors, clean = forms.normalise_form(seal(parties=(dated,)), today=TODAY)
    assert errors == []
    (person,) = clean.persons
    assert (person.kind, person.number, person.born) == (
        IdKind.RESERVNUMMER, "991982-123A", dt.date(1982, 3, 4),
    )  # fmt: skip
    future = dataclasses.replace(reserve, birth_date=TODAY + dt.timedelta(days=1))
    assert problems_of(seal(parties=(future,))) == {"parties.0.birth_date": forms.MSG_BIRTH_FUTURE}
    odd = dataclasses.replace(reserve, id_text="abc", birth_date=dt.date(1982, 3, 4))
    assert problems_of(seal(parties=(odd,))) == {"parties.0.id_text": forms.MSG_RESERVE_FORMAT}


def test_a_personnummer_with_a_typing_error_is_not_taken_for_a_reservnummer() -> None:
    typo = PERSON[:-1] + str((int(PERSON[-1]) + 1) % 10)
    party = PartyInput(PartyRole.SUBJECT, typo, birth_date=dt.date(1982, 2, 2))
    assert problems_of(seal(parties=(party,))) == {"parties.0.id_text": MSG_CHECKSUM}


def test_a_reservnummer_childs_age_is_checked_on_its_birth_date() -> None:
    child = PartyInput(PartyRole.CHILD, "RES-0001", birth_date=dt.date(2000, 1, 1))
    data = minor(parties=(child, PartyInput(PartyRole.GUARDIAN, GUARDIAN_1, access_given=True)))
    assert problems_of(data) == {"parties.0.birth_date": forms.MSG_MINOR_TOO_OLD}


def test_a_samordningsnummer_is_accepted() -> None:
    errors, clean = forms.normalise_form(
        seal(parties=(PartyInput(PartyRole.SUBJECT, SAMORDNINGSNUMMER),)), today=TODAY
    )
    assert errors == []
    assert clean.persons[0].kind is IdKind.SAMORDNINGSNUMMER
    assert clean.persons[0].born == dt.date(1914, 1, 8)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (seal(measures=frozenset()), {"measures": forms.MSG_MEASURES_SEAL}),
        (seal(measures=frozenset({Measure.LOCK_LOGIN}), seal_scope=None), {}),
        (
            seal(measures=frozenset({Measure.UNSEAL_JOURNAL})),
            {"measures": forms.MSG_MEASURES_FOREIGN},
        ),
        (restore(measures=frozenset()), {"measures": forms.MSG_MEASURES_RESTORE}),
        (
            restore(measures=frozenset({Measure.SEAL_JOURNAL})),
            {"measures": forms.MSG_MEASURES_FOREIGN},
        ),
        (restore(measures=frozenset({Measure.UNSEAL_JOURNAL, Measure.UNLOCK_LOGIN})), {}),
        (
            guardian_form(measures=frozenset({Measure.LOCK_LOGIN})),
            {"measures": forms.MSG_MEASURES_FOREIGN},
        ),
        (
            minor(measures=frozenset({Measure.REMOVE_MINOR_ACCESS})),
            {"measures": forms.MSG_MEASURES_ACCESS},
        ),
    ],
    ids=[
        "seal-none",
        "lock-only",
        "seal-with-unseal",
        "restore-none",
        "restore-with-seal",
        "restore-both",
        "guardian-with-lock",
        "minor-contradicts-access",
    ],
)
def test_measures_fit_the_type(data: FormInput, expected: dict[str, str]) -> None:
    assert problems_of(data) == expected


def test_stored_measures_follow_the_type() -> None:
    _, clean = forms.normalise_form(guardian_form(), today=TODAY)
    assert clean.measures == (Measure.REMOVE_GUARDIAN_ACCESS,)
    parties = (
        PartyInput(PartyRole.CHILD, CHILD_14, access_given=True),
        PartyInput(PartyRole.GUARDIAN, GUARDIAN_1, access_given=False),
    )
    _, clean = forms.normalise_form(minor(parties=parties), today=TODAY)
    assert clean.measures == (Measure.GIVE_MINOR_ACCESS, Measure.REMOVE_MINOR_ACCESS)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"seal_scope": None}, {"seal_scope": forms.MSG_SCOPE}),
        ({"seal_scope": SealScope.CARE_UNIT}, {"scope_unit": forms.MSG_SCOPE_UNIT}),
        ({"seal_scope": SealScope.CARE_PROVIDER, "scope_unit": "Region Kalmar län"}, {}),
        (
            {"seal_scope": SealScope.TIME_PERIOD},
            {"period_from": forms.MSG_PERIOD_FROM, "period_to": forms.MSG_PERIOD_TO},
        ),
        (
            {
                "seal_scope": SealScope.TIME_PERIOD,
                "period_from": dt.date(2024, 5, 2),
                "period_to": dt.date(2024, 5, 1),
            },
            {"period_to": forms.MSG_PERIOD_ORDER},
        ),
        (
            {
                "seal_scope": SealScope.TIME_PERIOD,
                "period_from": dt.date(2024, 5, 1),
                "period_to": dt.date(2024, 5, 1),
            },
            {},
        ),
    ],
    ids=["no-scope", "unit-missing", "provider", "period-missing", "period-reversed", "one-day"],
)
def test_seal_scope(changes: dict[str, Any], expected: dict[str, str]) -> None:
    assert problems_of(seal(**changes)) == expected


def test_a_scope_without_a_seal_is_not_stored() -> None:
    data = seal(measures=frozenset({Measure.LOCK_LOGIN}), seal_scope=SealScope.CARE_UNIT)
    errors, clean = forms.normalise_form(data, today=TODAY)
    assert errors == []
    assert (clean.seal_scope, clean.scope_unit) == (None, None)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (seal(parties=()), {"parties": forms.MSG_NEED_SUBJECT}),
        (
            seal(
                parties=(
                    PartyInput(PartyRole.SUBJECT, PERSON),
                    PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),
                )
            ),
            {"parties": forms.MSG_ONE_SUBJECT_ONLY},
        ),
        (
            guardian_form(parties=(PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),)),
            {"parties": forms.MSG_NEED_CHILD},
        ),
        (
            guardian_form(parties=(PartyInput(PartyRole.CHILD, CHILD_8),)),
            {"parties": forms.MSG_NEED_GUARDIANS},
        ),
        (
            guardian_form(
                parties=(
                    PartyInput(PartyRole.CHILD, CHILD_8),
                    PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),
                    PartyInput(PartyRole.GUARDIAN, GUARDIAN_2),
                    PartyInput(PartyRole.GUARDIAN, PERSON),
                )
            ),
            {"parties": forms.MSG_NEED_GUARDIANS},
        ),
        (
            guardian_form(
                parties=(
                    PartyInput(PartyRole.CHILD, CHILD_8),
                    PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),
                    PartyInput(PartyRole.GUARDIAN, GUARDIAN_2),
                )
            ),
            {},
        ),
        (
            minor(
                parties=(
                    PartyInput(PartyRole.CHILD, CHILD_14),
                    PartyInput(PartyRole.GUARDIAN, GUARDIAN_1),
                )
            ),
            {"parties": forms.MSG_ACCESS_CHOICE},
        ),
        (
            minor(
                parties=(
                    PartyInput(PartyRole.CHILD, CHILD_14),
                    PartyInput(PartyRole.GUARDIAN, GUARDIAN_1, access_given=False),
                )
            ),
            {},
        ),
        (
            guardian_form(
                parties=(
                    PartyInput(PartyRole.CHILD, CHILD_8),
                    PartyInput(PartyRole.GUARDIAN, CHILD_8),
                )
            ),
            {"parties.1.id_text": forms.MSG_PERSON_TWICE},
        ),
        (
            seal(parties=(PartyInput(PartyRole.SUBJECT, "  "),)),
            {"parties.0.id_text": forms.MSG_ID_EMPTY},
        ),
    ],
    ids=[
        "no-subject",
        "subject-and-guardian",
        "no-child",
        "no-guardian",
        "three-guardians",
        "two-guardians",
        "minor-no-access-choice",
        "minor-guardian-access-removed",
        "same-person-twice",
        "empty-number",
    ],
)
def test_the_people_on_a_form(data: FormInput, expected: dict[str, str]) -> None:
    assert problems_of(data) == expected


def test_who_asked_and_who_decided() -> None:
    assert problems_of(seal(initiator=None)) == {"initiator": forms.MSG_INITIATOR}
    assert problems_of(restore(initiator=None)) == {"initiator": forms.MSG_INITIATOR}
    blank = seal(orderer_name=" ", orderer_unit="", head_of_operations="")
    assert problems_of(blank) == {
        "orderer_name": forms.MSG_ORDERER,
        "orderer_unit": forms.MSG_ORDERER_UNIT,
        "head_of_operations": forms.MSG_HEAD,
    }
    assert problems_of(seal(orderer_phone="ring växeln")) == {
        "orderer_phone": forms.MSG_PHONE_FORMAT
    }
    assert problems_of(seal(orderer_unit="x" * 201)) == {"orderer_unit": forms.MSG_TOO_LONG}
    assert problems_of(seal(note="x" * (forms.NOTE_MAX_LENGTH + 1))) == {"note": forms.MSG_TOO_LONG}


def test_the_call_to_it_support_needs_when_and_who() -> None:
    at = NOW - dt.timedelta(hours=1)
    assert problems_of(seal(is_urgent=True, it_support_phoned_at=at)) == {
        "it_support_phoned_by": forms.MSG_PHONED_BY
    }
    assert problems_of(seal(is_urgent=True, it_support_phoned_by="Sara Holm")) == {
        "it_support_phoned_at": forms.MSG_PHONED_AT
    }
    tomorrow = NOW + dt.timedelta(days=1)
    assert problems_of(
        seal(is_urgent=True, it_support_phoned_at=tomorrow, it_support_phoned_by="Sara Holm")
    ) == {"it_support_phoned_at": forms.MSG_PHONED_FUTURE}
    assert problems_of(seal(is_urgent=True)) == {}  # registering comes first; forwarding waits


def test_problems_are_swedish_through_the_translation_file() -> None:
    # The message is an English template marked for the "Errors" context.
    (problem,) = forms.check_form(seal(signed_on=TODAY + dt.timedelta(days=1)), today=TODAY)
    assert problem.field == "signed_on"
    assert problem.message() == "The signing date is in the future: check the date."


@pytest.mark.parametrize(
    ("status", "signed", "urgent", "phoned", "expected"),
    [
        (S.RECEIVED, True, False, False, (S.REGISTERED, S.CANCELLED, S.REJECTED)),
        (
            S.REGISTERED,
            True,
            False,
            False,
            (S.COMPLETION_REQUESTED, S.FORWARDED, S.CANCELLED, S.REJECTED),
        ),
        (S.REGISTERED, False, False, False, (S.COMPLETION_REQUESTED, S.CANCELLED, S.REJECTED)),
        (S.REGISTERED, True, True, False, (S.COMPLETION_REQUESTED, S.CANCELLED, S.REJECTED)),
        (
            S.REGISTERED,
            True,
            True,
            True,
            (S.COMPLETION_REQUESTED, S.FORWARDED, S.CANCELLED, S.REJECTED),
        ),
        (S.COMPLETION_REQUESTED, True, False, False, (S.REGISTERED, S.CANCELLED, S.REJECTED)),
        (S.COMPLETION_REQUESTED, False, False, False, (S.REGISTERED, S.CANCELLED, S.REJECTED)),
        (S.FORWARDED, True, False, False, (S.EXECUTED, S.CANCELLED, S.REJECTED)),
        (S.FORWARDED, False, False, False, (S.CANCELLED, S.REJECTED)),
        (S.EXECUTED, True, False, False, (S.CONFIRMED,)),
        (S.CONFIRMED, True, False, False, (S.CLOSED,)),
        (S.CLOSED, True, False, False, ()),
        (S.CANCELLED, True, False, False, ()),
        (S.REJECTED, True, False, False, ()),
    ],
)
def test_allowed_transitions(
    status: FormStatus, signed: bool, urgent: bool, phoned: bool, expected: tuple[FormStatus, ...]
) -> None:
    found = forms.allowed_transitions(
        status, is_signed=signed, is_urgent=urgent, it_support_phoned=phoned
    )
    assert found == expected


def test_overdue_counts_working_days() -> None:
    # Five working days back from Wednesday 25 November 2026: Wednesday the 18th.
    assert forms.overdue_cutoff(TODAY) == dt.date(2026, 11, 18)
    # Easter 2026 (Good Friday 3 April, Easter Monday 6 April) is not counted.
    assert forms.overdue_cutoff(dt.date(2026, 4, 7)) == dt.date(2026, 3, 27)
    late, in_time = dt.date(2026, 11, 17), dt.date(2026, 11, 18)
    for status in (S.RECEIVED, S.REGISTERED, S.FORWARDED):
        assert forms.is_overdue(status, False, late, today=TODAY)
        assert not forms.is_overdue(status, False, in_time, today=TODAY)
    for status in (S.COMPLETION_REQUESTED, S.EXECUTED, S.CONFIRMED, S.CLOSED, S.CANCELLED):
        assert not forms.is_overdue(status, False, late, today=TODAY)
    yesterday = TODAY - dt.timedelta(days=1)
    assert forms.is_overdue(S.REGISTERED, True, yesterday, today=TODAY)
    assert not forms.is_overdue(S.REGISTERED, True, TODAY, today=TODAY)
    assert not forms.is_overdue(S.FORWARDED, True, yesterday, today=TODAY)


# --- the world of a database test ---------------------------------------------------------


@dataclass
class World:
    db: Database
    sara: UserInfo
    johan: UserInfo

    def register(self, data: FormInput | None = None, *, today: dt.date = TODAY) -> FormDetail:
        with self.db.transaction() as session:
            return forms.register_form(session, self.sara, data or seal(), today=today, now=NOW)

    def move(
        self,
        detail: FormDetail,
        *steps: FormStatus,
        user: UserInfo | None = None,
        now: dt.datetime = NOW,
        comment: str = "",
    ) -> FormDetail:
        for step in steps:
            with self.db.transaction() as session:
                detail = forms.transition(
                    session, user or self.sara, detail.id, detail.version, step,
                    comment=comment, now=now,
                )  # fmt: skip
        return detail

    def update(self, detail: FormDetail, **changes: Any) -> FormDetail:
        data = dataclasses.replace(detail.data, **changes)
        with self.db.transaction() as session:
            return forms.update_form(
                session, self.sara, detail.id, detail.version, data, today=TODAY, now=NOW
            )

    def get(self, form_id: int, today: dt.date = TODAY) -> FormDetail:
        """The form as its registry clerk reads it (numbers unmasked, audited)."""
        with self.db.transaction() as session:
            return forms.get_form(session, form_id, user=self.sara, today=today)

    def page(self, filters: FormFilter | None = None, **kwargs: Any) -> list[FormRow]:
        kwargs.setdefault("today", TODAY)
        with self.db.transaction() as session:
            return forms.list_forms_page(session, filters=filters, **kwargs)

    def all_pages(self, filters: FormFilter | None = None, limit: int = 3) -> list[FormRow]:
        rows: list[FormRow] = []
        after = None
        while True:
            page = self.page(filters, after=after, limit=limit)
            rows.extend(page)
            if len(page) < limit:
                return rows
            after = page[-1].cursor

    def counts(self) -> dict[str, int]:
        tables = (Form, FormParty, FormStatusChange, FormAttachment, AuditEvent, RegistryCounter)
        with self.db.engine.connect() as conn:
            return {
                t.__tablename__: conn.execute(
                    sa.select(sa.func.count()).select_from(t)
                ).scalar_one()
                for t in tables
            }

    def audit(self, action: AuditAction | None = None) -> list[AuditEvent]:
        with self.db.transaction() as session:
            stmt = sa.select(AuditEvent).order_by(AuditEvent.id)
            if action is not None:
                stmt = stmt.where(AuditEvent.action == action)
            return list(session.scalars(stmt))


def add_user(session: Any, username: str, name: str) -> UserInfo:
    user = User(username=username, display_name=name, role=Role.REGISTRAR)
    session.add(user)
    session.flush()
    return UserInfo(user.id, username, name, Role.REGISTRAR)


@pytest.fixture
def world(database: Database) -> World:
    with database.transaction() as session:
        sara = add_user(session, "sara", "Sara Holm")
        johan = add_user(session, "johan", "Johan Åberg")
    return World(database, sara, johan)


# --- registering ---------------------------------------------------------------------------


def test_registering_stores_the_form_with_a_registry_number(world: World) -> None:
    detail = world.register()
    assert detail.registry_number == "KD-2026-00001"
    assert detail.status is S.REGISTERED
    assert detail.version == 1
    assert detail.registered_at == NOW
    assert [(h.from_status, h.to_status, h.changed_by) for h in detail.history] == [
        (None, S.RECEIVED, "Sara Holm"),
        (S.RECEIVED, S.REGISTERED, "Sara Holm"),
    ]
    assert detail.allowed == (S.COMPLETION_REQUESTED, S.FORWARDED, S.CANCELLED, S.REJECTED)
    # The view shows the number masked; only ``data`` (for editing) holds it whole.
    (party,) = detail.parties
    assert party.number_masked == PERSON[:8] + "-XXXX"
    assert party.birth_date == dt.date(1982, 2, 2)
    assert detail.data.parties[0].id_text == PERSON
    assert detail.data == seal()
    assert world.get(detail.id) == detail
    (event,) = world.audit(AuditAction.CREATE)
    assert (event.entity, event.entity_id, event.username) == ("form", str(detail.id), "sara")
    assert event.person_number == digits(PERSON)  # for log extracts about a person


def test_registry_numbers_count_per_year_of_arrival(world: World) -> None:
    numbers = [world.register().registry_number for _ in range(3)]
    older = seal(received_on=dt.date(2025, 12, 30), signed_on=dt.date(2025, 12, 29))
    numbers.append(world.register(older).registry_number)
    numbers.append(world.register().registry_number)
    assert numbers == [
        "KD-2026-00001", "KD-2026-00002", "KD-2026-00003", "KD-2025-00001", "KD-2026-00004",
    ]  # fmt: skip


def test_registry_numbers_stay_unique_and_consecutive_under_concurrency(world: World) -> None:
    found: list[str] = []
    errors: list[BaseException] = []

    def clerk(user: UserInfo) -> None:
        try:
            for _ in range(5):
                with world.db.transaction() as session:
                    detail = forms.register_form(session, user, seal(), today=TODAY, now=NOW)
                found.append(detail.registry_number)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=clerk, args=(u,)) for u in (world.sara, world.johan) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(found) == [f"KD-2026-{n:05d}" for n in range(1, 21)]


def test_an_invalid_form_writes_nothing(world: World) -> None:
    before = world.counts()
    with pytest.raises(FormInvalid) as info, world.db.transaction() as session:
        forms.register_form(session, world.sara, seal(initiator=None, orderer_unit=""), today=TODAY)
    assert [p.field for p in info.value.problems] == ["initiator", "orderer_unit"]
    assert info.value.field == "initiator"
    assert world.counts() == before


# --- the workflow --------------------------------------------------------------------------


def test_the_whole_workflow(world: World) -> None:
    detail = world.register()
    later = NOW + dt.timedelta(hours=2)
    detail = world.move(detail, S.COMPLETION_REQUESTED, comment="Underskrift saknas.")
    assert detail.allowed == (S.REGISTERED, S.CANCELLED, S.REJECTED)
    detail = world.move(detail, S.REGISTERED, S.FORWARDED, user=world.johan)
    detail = world.move(detail, S.EXECUTED, now=later)
    assert detail.executed_at == later
    assert detail.allowed == (S.CONFIRMED,)
    detail = world.move(detail, S.CONFIRMED, now=later)
    assert detail.confirmation_sent_at == later  # recorded when it had not been
    detail = world.move(detail, S.CLOSED)
    assert detail.status is S.CLOSED
    assert detail.allowed == ()
    assert detail.registry_number == "KD-2026-00001"  # registering again keeps it
    steps = [(h.from_status, h.to_status, h.changed_by, h.comment) for h in detail.history]
    assert steps[2:] == [
        (S.REGISTERED, S.COMPLETION_REQUESTED, "Sara Holm", "Underskrift saknas."),
        (S.COMPLETION_REQUESTED, S.REGISTERED, "Johan Åberg", ""),
        (S.REGISTERED, S.FORWARDED, "Johan Åberg", ""),
        (S.FORWARDED, S.EXECUTED, "Sara Holm", ""),
        (S.EXECUTED, S.CONFIRMED, "Sara Holm", ""),
        (S.CONFIRMED, S.CLOSED, "Sara Holm", ""),
    ]
    events = world.audit(AuditAction.TRANSITION)
    assert len(events) == 6
    assert events[0].details == {
        "from": "registered", "to": "completion_requested", "commented": True,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ((), S.EXECUTED),
        ((), S.CLOSED),
        ((S.FORWARDED,), S.REGISTERED),
        ((S.FORWARDED, S.EXECUTED), S.CANCELLED),
        ((S.FORWARDED, S.EXECUTED), S.FORWARDED),
        ((S.CANCELLED,), S.REGISTERED),
        ((S.REJECTED,), S.FORWARDED),
    ],
)
def test_forbidden_transitions_are_refused(
    world: World, path: tuple[FormStatus, ...], forbidden: FormStatus
) -> None:
    detail = world.move(world.register(), *path)
    before = world.counts()
    with pytest.raises(ValidationError) as info:
        world.move(detail, forbidden)
    assert info.value.template == forms.MSG_TRANSITION
    assert world.counts() == before
    assert world.get(detail.id).status is detail.status


def test_an_unsigned_form_goes_no_further_than_completion_requested(world: World) -> None:
    detail = world.register(seal(is_signed=False, signed_on=None))
    assert S.FORWARDED not in detail.allowed
    assert [h.template for h in detail.held_back] == [forms.MSG_UNSIGNED]
    assert detail.held_back[0].status is S.FORWARDED
    with pytest.raises(ValidationError) as info:
        world.move(detail, S.FORWARDED)
    assert info.value.template == forms.MSG_UNSIGNED
    detail = world.move(detail, S.COMPLETION_REQUESTED)
    # The signed form arrives: corrected, registered again, forwarded.
    detail = world.update(detail, is_signed=True, signed_on=TODAY - dt.timedelta(days=3))
    detail = world.move(detail, S.REGISTERED, S.FORWARDED)
    assert detail.status is S.FORWARDED


def test_an_urgent_form_is_forwarded_only_after_it_support_was_phoned(world: World) -> None:
    detail = world.register(seal(is_urgent=True))
    assert S.FORWARDED not in detail.allowed
    assert [h.template for h in detail.held_back] == [forms.MSG_URGENT_NOT_PHONED]
    with pytest.raises(ValidationError) as info:
        world.move(detail, S.FORWARDED)
    assert info.value.template == forms.MSG_URGENT_NOT_PHONED
    detail = world.update(
        detail, it_support_phoned_at=NOW - dt.timedelta(minutes=20), it_support_phoned_by="Sara"
    )
    assert S.FORWARDED in detail.allowed
    assert world.move(detail, S.FORWARDED).status is S.FORWARDED


def test_the_childs_age_is_checked_again_when_the_order_is_carried_out(world: World) -> None:
    # Signed the day before the 16th birthday: valid then, not once the child is 16.
    signed = dt.date(2026, 3, 9)
    child = born(dt.date(2010, 3, 10))
    data = minor(child, signed_on=signed, received_on=signed)
    detail = world.register(data, today=signed)
    on_the_birthday = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    assert S.FORWARDED in world.get(detail.id, today=signed).allowed
    later = world.get(detail.id, today=dt.date(2026, 3, 10))
    assert S.FORWARDED not in later.allowed
    assert [h.template for h in later.held_back] == [forms.MSG_AGE_NOW_MINOR]
    with pytest.raises(ValidationError) as info:
        world.move(detail, S.FORWARDED, now=on_the_birthday)
    assert info.value.template == forms.MSG_AGE_NOW_MINOR
    assert world.move(detail, S.REJECTED, now=on_the_birthday).status is S.REJECTED


def test_a_stale_version_is_a_conflict_and_writes_nothing(world: World) -> None:
    detail = world.register()
    world.move(detail, S.FORWARDED, user=world.johan)
    before = world.counts()
    with pytest.raises(FormConflict) as info:
        world.move(detail, S.COMPLETION_REQUESTED)  # still version 1
    assert info.value.template == forms.MSG_CONFLICT
    assert world.counts() == before
    with pytest.raises(FormConflict):
        world.update(detail, note="Sent.")


def test_two_clerks_moving_the_same_version_at_once_one_gets_a_conflict(world: World) -> None:
    # The first holds the form's lock (a row lock on PostgreSQL, the write lock on
    # SQLite) until it commits; the second waits, then finds a newer version.
    detail = world.register()
    outcome: list[str] = []

    def second_clerk() -> None:
        try:
            world.move(detail, S.COMPLETION_REQUESTED, user=world.johan)
            outcome.append("moved")
        except FormConflict:
            outcome.append("conflict")

    with world.db.transaction() as session:
        forms.transition(session, world.sara, detail.id, detail.version, S.FORWARDED, now=NOW)
        rival = threading.Thread(target=second_clerk)
        rival.start()
        rival.join(timeout=0.5)
        assert rival.is_alive(), "the second clerk must wait for the first"
    rival.join(timeout=30)
    assert outcome == ["conflict"]
    current = world.get(detail.id)
    assert (current.status, current.version) == (S.FORWARDED, 2)
    assert [h.to_status for h in current.history][-1] is S.FORWARDED
    assert len(world.audit(AuditAction.TRANSITION)) == 1


def test_unknown_form(world: World) -> None:
    with pytest.raises(FormNotFound):
        world.get(424242)
    with pytest.raises(FormNotFound), world.db.transaction() as session:
        forms.transition(session, world.sara, 424242, 1, S.FORWARDED)


def test_a_comment_has_a_length_limit(world: World) -> None:
    detail = world.register()
    with pytest.raises(ValidationError) as info:
        world.move(detail, S.FORWARDED, comment="x" * (forms.COMMENT_MAX_LENGTH + 1))
    assert info.value.field == "comment"


# --- correcting ------------------------------------------------------------------------------


def test_a_correction_is_audited_field_by_field_with_masked_numbers(world: World) -> None:
    detail = world.register()
    other = born(dt.date(1982, 2, 2), 2)
    changed = world.update(
        detail, note="Ny anteckning", parties=(PartyInput(PartyRole.SUBJECT, other),)
    )
    assert changed.version == detail.version + 1
    assert changed.data.note == "Ny anteckning"
    assert changed.parties[0].number_masked == other[:8] + "-XXXX"
    (event,) = world.audit(AuditAction.UPDATE)
    changes = {c["field"]: c for c in event.details["changes"]}
    assert set(changes) == {"parties", "note"}
    assert changes["parties"]["new"] == "subject " + other[:8] + "-XXXX"
    assert digits(other) not in str(event.details) and digits(PERSON) not in str(event.details)
    assert event.person_number == digits(other)
    # The note is text the retention purge removes: the log says only that it changed.
    assert changes["note"] == {"field": "note", "redacted": True}
    assert "Ny anteckning" not in str(event.details)


def test_an_unchanged_correction_writes_nothing(world: World) -> None:
    detail = world.register()
    before = world.counts()
    again = world.update(detail)
    assert again == detail
    assert world.counts() == before


def test_a_forwarded_form_can_no_longer_be_corrected(world: World) -> None:
    detail = world.move(world.register(), S.FORWARDED)
    with pytest.raises(ValidationError) as info:
        world.update(detail, note="För sent.")
    assert info.value.template == forms.MSG_NOT_EDITABLE


def test_a_correction_is_checked_by_the_same_rules(world: World) -> None:
    detail = world.register()
    with pytest.raises(FormInvalid) as info:
        world.update(detail, received_on=TODAY + dt.timedelta(days=1))
    assert [p.field for p in info.value.problems] == ["received_on"]


# --- duplicates ------------------------------------------------------------------------------


def test_duplicates(world: World) -> None:
    open_one = world.register(seal(received_on=dt.date(2026, 6, 1), signed_on=dt.date(2026, 5, 28)))
    recent_closed = world.move(world.register(), S.FORWARDED, S.EXECUTED, S.CONFIRMED, S.CLOSED)
    old_closed = world.move(
        world.register(seal(received_on=dt.date(2026, 1, 5), signed_on=dt.date(2026, 1, 2))),
        S.CANCELLED,
    )
    world.register(restore())  # another type
    world.register(seal(parties=(PartyInput(PartyRole.SUBJECT, GUARDIAN_2),)))  # another person
    with world.db.transaction() as session:
        found = forms.duplicates(session, seal(), today=TODAY)
        excluded = forms.duplicates(session, seal(), today=TODAY, exclude_id=open_one.id)
        nobody = forms.duplicates(session, seal(parties=()), today=TODAY)
    assert [d.id for d in found] == [recent_closed.id, open_one.id]
    assert old_closed.id not in [d.id for d in found]
    assert [d.id for d in excluded] == [recent_closed.id]
    assert found[0].person_masked == PERSON[:8] + "-XXXX"
    assert found[0].registry_number == recent_closed.registry_number
    assert nobody == []


def test_duplicates_of_a_child(world: World) -> None:
    first = world.register(guardian_form())
    with world.db.transaction() as session:
        # The child is who matters; a guardian's number on another form does not match.
        found = forms.duplicates(session, guardian_form(), today=TODAY)
        as_guardian = forms.duplicates(
            session, guardian_form(child=born(dt.date(2018, 5, 15))), today=TODAY
        )
    assert [d.id for d in found] == [first.id]
    assert as_guardian == []


# --- attachments -----------------------------------------------------------------------------

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20


@pytest.mark.parametrize(
    ("content", "media_type"),
    [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")],
)
def test_scans_are_recognised_by_content(world: World, content: bytes, media_type: str) -> None:
    import hashlib

    detail = world.register()
    with world.db.transaction() as session:
        row = forms.add_attachment(
            session, world.sara, detail.id, "C:\\skannat\\blankett.bin", content
        )
    assert (row.filename, row.media_type, row.size_bytes) == (
        "blankett.bin",
        media_type,
        len(content),
    )
    assert row.sha256 == hashlib.sha256(content).hexdigest()
    with world.db.transaction() as session:
        assert forms.get_attachment(session, row.id) == ("blankett.bin", media_type, content)
    assert world.get(detail.id).attachments == (row,)
    (event,) = [e for e in world.audit(AuditAction.CREATE) if e.entity == "form_attachment"]
    assert event.details["sha256"] == row.sha256


@pytest.mark.parametrize(
    ("content", "template"),
    [
        (b"GIF89a" + b"\x00" * 10, forms.MSG_ATTACHMENT_TYPE),
        (b"<html>%PDF-</html>", forms.MSG_ATTACHMENT_TYPE),
        (b"", forms.MSG_ATTACHMENT_EMPTY),
        (b"%PDF-" + b"\x00" * forms.MAX_ATTACHMENT_BYTES, forms.MSG_ATTACHMENT_SIZE),
    ],
    ids=["gif", "html-named-pdf", "empty", "too-big"],
)
def test_wrong_scans_are_refused(world: World, content: bytes, template: str) -> None:
    detail = world.register()
    before = world.counts()
    with pytest.raises(ValidationError) as info, world.db.transaction() as session:
        forms.add_attachment(session, world.sara, detail.id, "scan.pdf", content)
    assert (info.value.field, info.value.template) == ("attachment", template)
    assert world.counts() == before


def test_an_attachment_needs_a_form(world: World) -> None:
    with pytest.raises(FormNotFound), world.db.transaction() as session:
        forms.add_attachment(session, world.sara, 424242, "scan.pdf", PDF)
    with pytest.raises(FormNotFound), world.db.transaction() as session:
        forms.get_attachment(session, 424242)


# --- confirmation ----------------------------------------------------------------------------


def test_the_confirmation_text(world: World) -> None:
    data = seal(
        orderer_name="Eva Svensson <eva.svensson@example.se>",
        seal_scope=SealScope.TIME_PERIOD,
        period_from=dt.date(2024, 1, 1),
        period_to=dt.date(2024, 6, 30),
    )
    executed = dt.datetime(2026, 11, 25, 14, tzinfo=dt.UTC)
    detail = world.move(world.register(data), S.FORWARDED)
    detail = world.move(detail, S.EXECUTED, now=executed)
    mail = forms.confirmation(detail)
    assert mail.recipients == ("Birgitta Lund", "eva.svensson@example.se")
    assert mail.subject == "Bekräftelse KD-2026-00001: Försegling och/eller låsning"
    body = mail.body
    for expected in (
        "har utförts",
        "Diarienummer: KD-2026-00001",
        "Åtgärd: försegling av Journalen, låsning av inloggningen till 1177",
        "Försegling omfattar: tidsperioden 2024-01-01 – 2024-06-30",
        f"Person: personnummer {PERSON[:8]}-XXXX",
        "På: den enskildes önskemål",
        "Beslutad av verksamhetschef: Birgitta Lund",
        f"Blanketten undertecknad: {TODAY - dt.timedelta(days=6)}",
        f"Mottagen med internpost: {TODAY - dt.timedelta(days=2)}",
        "Registrerad: 2026-11-25",
        "Utförd: 2026-11-25",
    ):
        assert expected in body
    assert digits(PERSON) not in body and PERSON not in body
    assert mail.mailto().startswith("mailto:Birgitta%20Lund,eva.svensson@example.se?subject=")


def test_the_confirmation_of_a_child_form(world: World) -> None:
    parties = (
        PartyInput(PartyRole.CHILD, CHILD_14, access_given=True),
        PartyInput(PartyRole.GUARDIAN, GUARDIAN_1, access_given=False),
    )
    detail = world.move(world.register(minor(parties=parties)), S.FORWARDED, S.EXECUTED)
    body = forms.confirmation(detail).body
    assert f"Barn: personnummer {CHILD_14[:8]}-XXXX, tillgång ges" in body
    assert f"Vårdnadshavare: personnummer {GUARDIAN_1[:8]}-XXXX, tillgång tas bort" in body
    assert digits(CHILD_14) not in body and digits(GUARDIAN_1) not in body


def test_marking_the_confirmation_sent(world: World) -> None:
    detail = world.register()
    with pytest.raises(ValidationError) as info, world.db.transaction() as session:
        forms.mark_confirmation_sent(session, world.sara, detail.id, detail.version)
    assert info.value.template == forms.MSG_CONFIRM_NOT_EXECUTED
    detail = world.move(detail, S.FORWARDED, S.EXECUTED)
    sent = NOW + dt.timedelta(minutes=5)
    with world.db.transaction() as session:
        detail = forms.mark_confirmation_sent(
            session, world.sara, detail.id, detail.version, now=sent
        )
    assert (detail.confirmation_sent_at, detail.status) == (sent, S.EXECUTED)
    detail = world.move(detail, S.CONFIRMED, now=sent + dt.timedelta(hours=1))
    assert detail.confirmation_sent_at == sent  # the recorded time stays
    with pytest.raises(FormConflict), world.db.transaction() as session:
        forms.mark_confirmation_sent(session, world.sara, detail.id, 1)


# --- the register list -------------------------------------------------------------------------


@dataclass(frozen=True)
class Made:
    id: int
    received_on: dt.date
    form_type: FormType
    status: FormStatus
    urgent: bool


def make_register(world: World) -> list[Made]:
    """Forms of every type, several statuses and dates, some urgent."""
    plan: list[tuple[Callable[..., FormInput], dt.date, bool, tuple[FormStatus, ...]]] = [
        (seal, dt.date(2026, 11, 25), True, ()),
        (seal, dt.date(2026, 11, 24), True, ()),
        (restore, dt.date(2026, 11, 24), False, (S.FORWARDED,)),
        (guardian_form, dt.date(2026, 11, 18), False, ()),
        (minor, dt.date(2026, 11, 17), False, ()),
        (seal, dt.date(2026, 11, 17), False, (S.COMPLETION_REQUESTED,)),
        (seal, dt.date(2026, 11, 2), False, (S.FORWARDED,)),
        (guardian_form, dt.date(2026, 10, 1), True, (S.FORWARDED, S.EXECUTED)),
        (restore, dt.date(2026, 9, 1), False, (S.FORWARDED, S.EXECUTED, S.CONFIRMED, S.CLOSED)),
        (minor, dt.date(2026, 8, 3), False, (S.CANCELLED,)),
        (seal, dt.date(2026, 6, 1), True, (S.REJECTED,)),
    ]
    made = []
    for build, received, urgent, steps in plan:
        phoned = {
            "it_support_phoned_at": NOW - dt.timedelta(days=200),
            "it_support_phoned_by": "Sara",
        }
        data = build(
            received_on=received,
            signed_on=received - dt.timedelta(days=1),
            is_urgent=urgent,
            **(phoned if urgent and steps else {}),
        )
        detail = world.move(world.register(data), *steps)
        made.append(Made(detail.id, received, data.form_type, detail.status, urgent))
    return made


def expected_rows(made: list[Made], keep: Callable[[Made], bool]) -> list[int]:
    return [
        m.id for m in sorted(made, key=lambda m: (m.received_on, m.id), reverse=True) if keep(m)
    ]


FILTERS: list[tuple[FormFilter, Callable[[Made], bool]]] = [
    (FormFilter(), lambda m: True),
    (FormFilter(status=S.REGISTERED), lambda m: m.status is S.REGISTERED),
    (FormFilter(form_type=FormType.SEAL_OR_LOCK), lambda m: m.form_type is FormType.SEAL_OR_LOCK),
    (FormFilter(urgent_only=True), lambda m: m.urgent),
    (
        FormFilter(received_from=dt.date(2026, 9, 1), received_to=dt.date(2026, 11, 17)),
        lambda m: dt.date(2026, 9, 1) <= m.received_on <= dt.date(2026, 11, 17),
    ),
    (
        FormFilter(overdue_only=True),
        lambda m: forms.is_overdue(m.status, m.urgent, m.received_on, today=TODAY),
    ),
    (
        FormFilter(status=S.REGISTERED, form_type=FormType.SEAL_OR_LOCK, urgent_only=True),
        lambda m: m.status is S.REGISTERED and m.form_type is FormType.SEAL_OR_LOCK and m.urgent,
    ),
    (
        FormFilter(overdue_only=True, form_type=FormType.MINOR_ACCESS),
        lambda m: (
            m.form_type is FormType.MINOR_ACCESS
            and forms.is_overdue(m.status, m.urgent, m.received_on, today=TODAY)
        ),
    ),
]


def test_the_register_list_filters_and_pages(world: World) -> None:
    made = make_register(world)
    for filters, keep in FILTERS:
        expected = expected_rows(made, keep)
        assert [r.id for r in world.page(filters)] == expected, filters
        assert [r.id for r in world.all_pages(filters)] == expected, filters
    overdue = {r.id for r in world.page(FormFilter(overdue_only=True))}
    # Urgent and not forwarded since yesterday; five working days for the rest.
    assert overdue == {made[1].id, made[4].id, made[6].id}
    assert {r.id for r in world.page() if r.overdue} == overdue


def test_the_urgent_queue(world: World) -> None:
    made = make_register(world)
    with world.db.transaction() as session:
        queue = forms.urgent_queue(session, today=TODAY)
    # Urgent and not yet forwarded, oldest first.
    assert [r.id for r in queue] == [made[1].id, made[0].id]
    assert [r.overdue for r in queue] == [True, False]


def test_list_rows_are_masked(world: World) -> None:
    world.register(minor())
    world.register(seal(parties=(PartyInput(PartyRole.SUBJECT, SAMORDNINGSNUMMER),)))
    reserve = PartyInput(PartyRole.SUBJECT, "RES-123A", birth_date=dt.date(1990, 1, 1))
    world.register(seal(parties=(reserve,)))
    rows = world.page()
    assert [r.person_masked for r in rows] == ["RES-XXXX", "19140168-XXXX", CHILD_14[:8] + "-XXXX"]
    text = repr(rows) + repr([world.get(r.id).parties for r in rows])
    assert not re.search(r"\d{12}|\d{8}-\d{4}", text)
    assert "123A" not in text
    row = rows[-1]
    assert (row.registry_number, row.form_type, row.status, row.is_urgent, row.orderer_unit) == (
        "KD-2026-00001", FormType.MINOR_ACCESS, S.REGISTERED, False, "Vårdcentralen Kalmar",
    )  # fmt: skip


def test_a_form_without_a_registry_number_is_listed(world: World) -> None:
    # Received (from the demo data or an older program) but not registered yet.
    with world.db.transaction() as session:
        form = Form(form_type=FormType.SEAL_OR_LOCK, status=S.RECEIVED, received_on=TODAY)
        session.add(form)
        session.flush()
        form_id = form.id
    (row,) = world.page()
    assert (row.id, row.registry_number, row.person_masked) == (form_id, "", "")
    detail = world.get(form_id)
    assert detail.allowed == (S.REGISTERED, S.CANCELLED, S.REJECTED)
    registered = world.move(detail, S.REGISTERED)
    assert registered.registry_number == "KD-2026-00001"
    assert registered.registered_at == NOW


def explain(db: Database, sql: str, params: Any) -> str:
    with db.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        if conn.dialect.name == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = off")  # a tiny table: can it use the index?
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (FormFilter(), "ix_forms_received_id"),
        (FormFilter(overdue_only=True), "ix_forms_open_received"),
        (
            FormFilter(status=S.REGISTERED, form_type=FormType.MINOR_ACCESS),
            "ix_forms_status_type_received",
        ),
    ],
    ids=["all", "overdue", "status-and-type"],
)
def test_the_list_queries_use_their_indexes(
    database: Database, filters: FormFilter, index: str
) -> None:
    with database.engine.connect() as conn:
        dialect = conn.dialect
    sql, params = forms.forms_page_sql(dialect, filters, today=TODAY)
    assert index in explain(database, sql, params)
    sql, params = forms.urgent_queue_sql(dialect)
    assert "ix_forms_open_received" in explain(database, sql, params)
