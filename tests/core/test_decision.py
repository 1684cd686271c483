"""The decision helper (kansli_desk.core.decision): every question, every branch."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kansli_desk import i18n
from kansli_desk.core import decision as d
from kansli_desk.core.age_access import AccessStage, AgeLimits
from kansli_desk.core.decision import (
    ARTICLE_SLUGS,
    ORDER_TYPE_ARTICLES,
    Decision,
    Message,
    Question,
    Request,
    Route,
    Subject,
    decide,
)
from kansli_desk.core.enums import CallerKind, FormType
from kansli_desk.errors import ValidationError

TODAY = dt.date(2026, 11, 27)
C = CallerKind
R = Request
S = Subject

# Skatteverket test personnummer / test samordningsnummer (see test_age_access.py).
BORN_2013_05_01 = "20130501-2393"  # 13 on TODAY
BORN_2013_01_01 = "20130101-2397"
SNR_BORN_2010_02_08 = "20100268-2399"  # 16 on TODAY
SNR_OCT_2010 = "201010602397"  # day unknown

ARTICLES_THAT_WILL_EXIST = {
    "journalen-innehall",
    "dolja-information",
    "forsegling",
    "lasning",
    "upplasning",
    "vardnadshavare",
    "minderarig-journal",
    "sparr",
    "bestallning",
    "reservrutin",
    "kontakter",
    "ombud",
    "loggutdrag",
    "inloggning",
}


def ask(
    caller: CallerKind = C.CITIZEN,
    about: Subject = S.SELF,
    request: Request = R.SEAL_JOURNAL,
    *,
    limits: AgeLimits | None = None,
    **kwargs: object,
) -> Decision:
    question = Question(caller, about, request, **kwargs)  # type: ignore[arg-type]
    return decide(question, limits=limits, today=TODAY)


def templates(messages: tuple[Message, ...]) -> list[str]:
    return [message.template for message in messages]


def texts(messages: tuple[Message, ...]) -> list[str]:
    return [message.text() for message in messages]


# --- tables ------------------------------------------------------------------------------


def test_every_order_type_has_an_article() -> None:
    assert set(ORDER_TYPE_ARTICLES) == set(FormType)
    assert set(ORDER_TYPE_ARTICLES.values()) <= ARTICLES_THAT_WILL_EXIST


def test_every_article_the_helper_names_will_exist() -> None:
    assert ARTICLE_SLUGS == ARTICLES_THAT_WILL_EXIST


def test_every_request_has_an_article_and_tell_messages() -> None:
    assert set(d.REQUEST_ARTICLES) == set(Request)
    assert set(d._TELL) == set(Request)


def test_order_types_of_requests() -> None:
    assert d.REQUEST_ORDER_TYPES == {
        R.SEAL_JOURNAL: FormType.SEAL_OR_LOCK,
        R.LOCK_LOGIN: FormType.SEAL_OR_LOCK,
        R.RESTORE_ACCESS: FormType.RESTORE_ACCESS,
        R.REMOVE_GUARDIAN_ACCESS: FormType.REMOVE_GUARDIAN_ACCESS,
        R.MINOR_ACCESS: FormType.MINOR_ACCESS,
    }


def test_labels_are_english_distinct_and_filled_in() -> None:
    limits = AgeLimits()
    labels = [request.label(limits) for request in Request]
    assert len(set(labels)) == len(labels)
    assert "Give or remove access to the record of a child aged 13–15" in labels
    assert R.MINOR_ACCESS.label(AgeLimits(12, 18)).endswith("aged 12–17")
    assert [subject.label for subject in Subject] == [
        "Themself",
        "A child (under 18)",
        "Another adult",
    ]
    assert len({route.label for route in Route}) == len(Route)


def test_labels_and_messages_are_translated_through_the_installed_translator() -> None:
    seen: list[tuple[str, str]] = []

    def fake(context: str, text: str) -> str:
        seen.append((context, text))
        return f"sv: {text}"

    i18n.set_translator(fake)
    try:
        assert S.CHILD.label == "sv: A child (under 18)"
        assert Route.REFER.label == "sv: Refer to the care unit or care provider"
        assert R.MINOR_ACCESS.label(AgeLimits()).endswith("aged 13–15")
        message = d._msg(d.TELL_MINOR_ENDS, own_from=16)
        assert message.text() == "sv: Extended access for a guardian ends when the child turns 16."
    finally:
        i18n.set_translator(None)
    assert ("Decision", d.TELL_MINOR_ENDS) in seen
    assert ("Enums", "A child (under 18)") in seen


# --- order type, route, article -------------------------------------------------------------


@pytest.mark.parametrize(
    ("caller", "about", "request_", "order_type", "route", "article"),
    [
        (
            C.CITIZEN,
            S.SELF,
            R.SEAL_JOURNAL,
            FormType.SEAL_OR_LOCK,
            Route.DIGITAL_FORM,
            "forsegling",
        ),
        (C.CITIZEN, S.SELF, R.LOCK_LOGIN, FormType.SEAL_OR_LOCK, Route.DIGITAL_FORM, "lasning"),
        (
            C.CITIZEN,
            S.SELF,
            R.RESTORE_ACCESS,
            FormType.RESTORE_ACCESS,
            Route.DIGITAL_FORM,
            "upplasning",
        ),
        (
            C.GUARDIAN,
            S.CHILD,
            R.REMOVE_GUARDIAN_ACCESS,
            FormType.REMOVE_GUARDIAN_ACCESS,
            Route.DIGITAL_FORM,
            "vardnadshavare",
        ),
        (
            C.GUARDIAN,
            S.CHILD,
            R.MINOR_ACCESS,
            FormType.MINOR_ACCESS,
            Route.DIGITAL_FORM,
            "minderarig-journal",
        ),
        (C.CITIZEN, S.SELF, R.BLOCK_STAFF, None, Route.REFER, "sparr"),
        (C.CITIZEN, S.SELF, R.HIDE_INFORMATION, None, Route.REFER, "dolja-information"),
        (C.CITIZEN, S.SELF, R.LOG_EXTRACT, None, Route.REFER, "loggutdrag"),
        (C.CITIZEN, S.SELF, R.EXPLAIN_CONTENT, None, Route.ANSWER, "journalen-innehall"),
        (C.CITIZEN, S.SELF, R.LOGIN_HELP, None, Route.ANSWER, "inloggning"),
        (C.OTHER, S.SELF, R.OTHER, None, Route.ANSWER, "kontakter"),
    ],
)
def test_order_type_route_and_article(
    caller: CallerKind,
    about: Subject,
    request_: Request,
    order_type: FormType | None,
    route: Route,
    article: str,
) -> None:
    result = ask(caller, about, request_, age=14 if about is S.CHILD else 40)
    assert result.order_type is order_type
    assert result.route is route
    assert result.article == article
    assert result.route_article == {Route.DIGITAL_FORM: "bestallning"}.get(route)
    assert (result.orderer is None) == (order_type is None)


def test_sparr_is_not_a_kansli_order_and_is_referred() -> None:
    result = ask(C.CITIZEN, S.SELF, R.BLOCK_STAFF)
    assert result.order_type is None
    assert result.route is Route.REFER
    assert templates(result.steps) == [d.STEP_REFER]
    assert templates(result.tell) == [d.TELL_SPARR_WHAT, d.TELL_SPARR_WHERE]
    assert result.orderer is None
    assert result.decided_by is None
    assert result.route_article is None


@pytest.mark.parametrize(
    ("urgent", "down", "route", "steps", "route_article"),
    [
        (
            False,
            False,
            Route.DIGITAL_FORM,
            [d.STEP_DIGITAL, d.STEP_OFFICE_HOURS, d.STEP_CONFIRMATION],
            "bestallning",
        ),
        (
            True,
            False,
            Route.DIGITAL_FORM,
            [d.STEP_DIGITAL, d.STEP_DIGITAL_URGENT, d.STEP_STANDBY, d.STEP_CONFIRMATION],
            "bestallning",
        ),
        (
            False,
            True,
            Route.PAPER_FORM,
            [d.STEP_PAPER, d.STEP_PAPER_MAIL, d.STEP_OFFICE_HOURS],
            "reservrutin",
        ),
        (
            True,
            True,
            Route.PAPER_FORM,
            [d.STEP_PAPER_URGENT, d.STEP_STANDBY, d.STEP_PAPER, d.STEP_PAPER_MAIL],
            "reservrutin",
        ),
    ],
)
def test_route_of_an_order(
    urgent: bool, down: bool, route: Route, steps: list[str], route_article: str
) -> None:
    result = ask(C.STAFF, S.OTHER_ADULT, R.SEAL_JOURNAL, urgent=urgent, digital_route_down=down)
    assert result.route is route
    assert templates(result.steps) == steps
    assert result.route_article == route_article


def test_route_facts_from_the_regions_page() -> None:
    digital = " ".join(texts(ask(urgent=True).steps))
    assert "Supportcenter Vårdsystem" in digital
    assert "1177/e-tjänster" in digital
    assert "0480-840 38, option 2" in digital
    assert "17:00–07:00" in digital
    assert "30 minutes" in digital
    paper = " ".join(texts(ask(urgent=True, digital_route_down=True).steps))
    assert "internal mail to Regionstab Kansli, Strömgatan, Kalmar" in paper
    assert "IT-Vårdsystemsupport" in paper
    assert "sign it" in paper


@pytest.mark.parametrize("urgent", [False, True])
@pytest.mark.parametrize("down", [False, True])
@pytest.mark.parametrize("request_", [R.BLOCK_STAFF, R.HIDE_INFORMATION, R.LOG_EXTRACT])
def test_urgency_and_a_broken_route_do_not_change_a_referral(
    request_: Request, down: bool, urgent: bool
) -> None:
    result = ask(C.CITIZEN, S.SELF, request_, urgent=urgent, digital_route_down=down)
    assert result.route is Route.REFER
    assert templates(result.steps) == [d.STEP_REFER]


@pytest.mark.parametrize("request_", [R.EXPLAIN_CONTENT, R.LOGIN_HELP, R.OTHER])
def test_questions_are_answered_without_an_order(request_: Request) -> None:
    result = ask(C.CITIZEN, S.SELF, request_, urgent=True, digital_route_down=True)
    assert result.route is Route.ANSWER
    assert templates(result.steps) == [d.STEP_ANSWER]
    assert result.order_type is None
    assert d.TELL_CANNOT_ORDER not in templates(result.tell)


# --- who orders, who decides --------------------------------------------------------------


def test_a_citizen_cannot_order_and_is_told_so() -> None:
    result = ask(C.CITIZEN, S.SELF, R.SEAL_JOURNAL)
    assert result.orderer is not None
    assert result.orderer.template == d.ORDERER_STAFF
    assert templates(result.tell)[0] == d.TELL_CANNOT_ORDER
    assert result.decided_by is None
    assert result.caller_may_request


def test_staff_calling_about_a_patient_order_themselves() -> None:
    result = ask(C.STAFF, S.OTHER_ADULT, R.LOCK_LOGIN)
    assert result.orderer is not None
    assert result.orderer.template == d.ORDERER_CALLER
    assert d.TELL_CANNOT_ORDER not in templates(result.tell)
    assert result.decided_by is not None
    assert result.decided_by.template == d.DECIDER_STAFF
    assert result.caller_may_request


def test_staff_calling_about_themselves_are_a_citizen() -> None:
    result = ask(C.STAFF, S.SELF, R.SEAL_JOURNAL)
    assert result.orderer is not None
    assert result.orderer.template == d.ORDERER_STAFF
    assert result.decided_by is None


@pytest.mark.parametrize(
    ("request_", "decider"),
    [
        (R.MINOR_ACCESS, d.DECIDER_MINOR),
        (R.REMOVE_GUARDIAN_ACCESS, d.DECIDER_GUARDIAN),
    ],
)
def test_the_head_of_operations_decides_on_child_orders(request_: Request, decider: str) -> None:
    result = ask(C.GUARDIAN, S.CHILD, request_, age=14)
    assert result.decided_by is not None
    assert result.decided_by.template == decider


# --- who may ask ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("caller", "about", "request_", "may", "warning"),
    [
        # About oneself: anyone.
        (C.GUARDIAN, S.SELF, R.RESTORE_ACCESS, True, None),
        (C.REPRESENTATIVE, S.SELF, R.LOCK_LOGIN, True, None),
        (C.OTHER, S.SELF, R.BLOCK_STAFF, True, None),
        # Spärr: only the patient.
        (C.GUARDIAN, S.CHILD, R.BLOCK_STAFF, False, d.WARN_GUARDIAN_SPARR),
        (C.STAFF, S.CHILD, R.BLOCK_STAFF, False, d.WARN_SPARR_PATIENT_ONLY),
        (C.STAFF, S.OTHER_ADULT, R.BLOCK_STAFF, False, d.WARN_SPARR_PATIENT_ONLY),
        (C.CITIZEN, S.OTHER_ADULT, R.BLOCK_STAFF, False, d.WARN_SPARR_PATIENT_ONLY),
        # Staff on a patient.
        (C.STAFF, S.OTHER_ADULT, R.RESTORE_ACCESS, True, None),
        (C.STAFF, S.CHILD, R.REMOVE_GUARDIAN_ACCESS, True, None),
        # Another adult.
        (C.CITIZEN, S.OTHER_ADULT, R.SEAL_JOURNAL, False, d.WARN_NOT_FOR_OTHER_ADULT),
        (C.GUARDIAN, S.OTHER_ADULT, R.LOG_EXTRACT, False, d.WARN_NOT_FOR_OTHER_ADULT),
        (C.OTHER, S.OTHER_ADULT, R.HIDE_INFORMATION, False, d.WARN_NOT_FOR_OTHER_ADULT),
        (C.REPRESENTATIVE, S.OTHER_ADULT, R.SEAL_JOURNAL, True, d.WARN_REPRESENTATIVE),
        # A child: guardians (and staff) only.
        (C.CITIZEN, S.CHILD, R.MINOR_ACCESS, False, d.WARN_NOT_GUARDIAN),
        (C.REPRESENTATIVE, S.CHILD, R.REMOVE_GUARDIAN_ACCESS, False, d.WARN_NOT_GUARDIAN),
        (C.OTHER, S.CHILD, R.LOG_EXTRACT, False, d.WARN_NOT_GUARDIAN),
        (C.GUARDIAN, S.CHILD, R.REMOVE_GUARDIAN_ACCESS, True, d.WARN_OTHER_GUARDIAN),
        (C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, True, None),
        (C.GUARDIAN, S.CHILD, R.LOG_EXTRACT, True, None),
        # Questions: anyone may ask about anyone.
        (C.OTHER, S.OTHER_ADULT, R.EXPLAIN_CONTENT, True, None),
        (C.CITIZEN, S.CHILD, R.LOGIN_HELP, True, None),
        (C.OTHER, S.OTHER_ADULT, R.OTHER, True, None),
    ],
)
def test_who_may_ask(
    caller: CallerKind, about: Subject, request_: Request, may: bool, warning: str | None
) -> None:
    age = 14 if about is S.CHILD else 40
    result = ask(caller, about, request_, age=age)
    assert result.caller_may_request is may
    caller_warnings = {
        d.WARN_GUARDIAN_SPARR,
        d.WARN_SPARR_PATIENT_ONLY,
        d.WARN_NOT_FOR_OTHER_ADULT,
        d.WARN_REPRESENTATIVE,
        d.WARN_NOT_GUARDIAN,
        d.WARN_OTHER_GUARDIAN,
        d.WARN_CHILD_DECIDES,
    }
    found = [t for t in templates(result.warnings) if t in caller_warnings]
    assert found == ([] if warning is None else [warning])


@pytest.mark.parametrize(
    ("request_", "age", "may"),
    [
        (R.SEAL_JOURNAL, 16, False),
        (R.LOCK_LOGIN, 17, False),
        (R.RESTORE_ACCESS, 16, False),
        (R.RESTORE_ACCESS, 15, True),
        (R.RESTORE_ACCESS, None, True),
        (R.HIDE_INFORMATION, 17, True),  # not one of the person's own matters
    ],
)
def test_from_16_the_child_decides_about_their_own_journalen(
    request_: Request, age: int | None, may: bool
) -> None:
    result = ask(C.GUARDIAN, S.CHILD, request_, age=age)
    assert result.caller_may_request is may
    assert (d.WARN_CHILD_DECIDES in templates(result.warnings)) is (not may)


def test_another_adult_gets_the_proxy_article() -> None:
    result = ask(C.CITIZEN, S.OTHER_ADULT, R.SEAL_JOURNAL)
    assert result.article == "ombud"
    assert result.order_type is FormType.SEAL_OR_LOCK  # what the person would need
    representative = ask(C.REPRESENTATIVE, S.OTHER_ADULT, R.SEAL_JOURNAL)
    assert representative.article == "forsegling"


# --- age rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "age_ok", "warning"),
    [
        (12, False, d.WARN_MINOR_TOO_YOUNG),
        (13, True, None),
        (15, True, None),
        (16, False, d.WARN_MINOR_TOO_OLD),
        (None, None, d.WARN_AGE_NEEDED),
    ],
)
def test_minor_access_needs_a_child_aged_13_to_15(
    age: int | None, age_ok: bool | None, warning: str | None
) -> None:
    result = ask(C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, age=age)
    assert result.order_type is FormType.MINOR_ACCESS
    assert result.age_ok is age_ok
    assert templates(result.warnings) == ([] if warning is None else [warning])


@pytest.mark.parametrize(
    ("age", "age_ok", "warning"),
    [
        (0, True, None),
        (12, True, None),
        (13, True, d.WARN_GUARDIAN_NO_DEFAULT),
        (15, True, d.WARN_GUARDIAN_NO_DEFAULT),
        (16, False, d.WARN_GUARDIAN_TOO_OLD),
        (17, False, d.WARN_GUARDIAN_TOO_OLD),
        (None, None, d.WARN_AGE_NEEDED),
    ],
)
def test_removing_guardian_access_needs_a_child_under_16(
    age: int | None, age_ok: bool | None, warning: str | None
) -> None:
    result = ask(C.STAFF, S.CHILD, R.REMOVE_GUARDIAN_ACCESS, age=age)
    assert result.age_ok is age_ok
    assert templates(result.warnings) == ([] if warning is None else [warning])


@pytest.mark.parametrize(
    ("about", "age", "age_ok", "warning"),
    [
        (S.SELF, 16, True, None),
        (S.SELF, 15, False, d.WARN_SEAL_TOO_YOUNG),
        (S.SELF, None, None, None),
        (S.CHILD, 10, False, d.WARN_SEAL_CHILD),
        (S.CHILD, 16, True, None),
        (S.CHILD, None, None, d.WARN_AGE_NEEDED),
        (S.OTHER_ADULT, 40, True, None),
    ],
)
def test_seal_age(
    about: Subject, age: int | None, age_ok: bool | None, warning: str | None
) -> None:
    result = ask(C.STAFF, about, R.SEAL_JOURNAL, age=age)
    assert result.age_ok is age_ok
    assert templates(result.warnings) == ([] if warning is None else [warning])


@pytest.mark.parametrize(
    ("about", "age", "age_ok", "warning"),
    [
        (S.SELF, 13, True, None),
        (S.SELF, 12, False, d.WARN_LOCK_TOO_YOUNG),
        (S.SELF, None, None, None),
        (S.CHILD, 14, False, d.WARN_LOCK_CHILD),
        (S.CHILD, None, False, d.WARN_LOCK_CHILD),
    ],
)
def test_login_lock_age(
    about: Subject, age: int | None, age_ok: bool | None, warning: str | None
) -> None:
    result = ask(C.STAFF, about, R.LOCK_LOGIN, age=age)
    assert result.age_ok is age_ok
    assert templates(result.warnings) == ([] if warning is None else [warning])


@pytest.mark.parametrize(
    "request_",
    [R.RESTORE_ACCESS, R.BLOCK_STAFF, R.HIDE_INFORMATION, R.EXPLAIN_CONTENT, R.LOG_EXTRACT],
)
def test_other_requests_have_no_age_rule(request_: Request) -> None:
    assert ask(C.CITIZEN, S.SELF, request_, age=10).age_ok is None


def test_custom_limits_change_the_age_rules_and_the_messages() -> None:
    limits = AgeLimits(guardian_until=12, own_from=18)
    result = ask(C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, age=17, limits=limits)
    assert result.age_ok is True
    assert result.stage is AccessStage.NO_DEFAULT_ACCESS
    assert texts(result.tell)[1] == (
        "From 12 until the child turns 18, neither the guardians nor the child can read the "
        "child's record by default."
    )
    too_young = ask(C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, age=11, limits=limits)
    assert texts(too_young.warnings) == [
        "The child is 11: under 12 the guardians already have access. This order type is for "
        "children aged 12–17."
    ]


def test_a_child_of_18_or_more_is_another_adult() -> None:
    result = ask(C.GUARDIAN, S.CHILD, R.SEAL_JOURNAL, age=18)
    assert templates(result.warnings)[:2] == [d.WARN_CHILD_IS_ADULT, d.WARN_NOT_FOR_OTHER_ADULT]
    assert not result.caller_may_request
    assert result.article == "ombud"


def test_another_adult_under_18_is_a_child() -> None:
    result = ask(C.GUARDIAN, S.OTHER_ADULT, R.MINOR_ACCESS, age=14)
    assert templates(result.warnings) == [d.WARN_ADULT_IS_CHILD]
    assert result.caller_may_request
    assert result.age_ok is True


def test_negative_age_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        ask(age=-1)


# --- identity numbers -----------------------------------------------------------------------


def test_identity_gives_the_age_and_wins_over_the_age_field() -> None:
    result = ask(C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, identity=BORN_2013_05_01, age=3)
    assert result.age == 13
    assert result.stage is AccessStage.NO_DEFAULT_ACCESS
    assert result.age_access is not None
    assert result.age_access.on == TODAY
    assert result.age_ok is True


def test_identity_as_a_date_and_reference_date() -> None:
    result = ask(
        C.GUARDIAN,
        S.CHILD,
        R.MINOR_ACCESS,
        identity=dt.date(2013, 5, 1),
        on=dt.date(2026, 4, 30),
    )
    assert result.age == 12
    assert result.age_ok is False


@pytest.mark.parametrize("identity", ["", "   ", None])
def test_blank_identity_means_unknown(identity: str | None) -> None:
    result = ask(C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, identity=identity)
    assert result.age is None
    assert result.stage is None
    assert result.age_access is None


def test_invalid_identity_raises() -> None:
    with pytest.raises(ValidationError):
        ask(C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, identity="20130501-2394")


def test_identity_is_not_in_the_repr_of_the_question() -> None:
    question = Question(C.GUARDIAN, S.CHILD, R.MINOR_ACCESS, identity=BORN_2013_05_01)
    assert "2393" not in repr(question)
    assert "2393" not in repr(decide(question, today=TODAY))


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (R.SEAL_JOURNAL, True),
        (R.LOGIN_HELP, False),  # the login article says it already
    ],
)
def test_samordningsnummer_warns_on_orders(request_: Request, expected: bool) -> None:
    result = ask(C.STAFF, S.OTHER_ADULT, request_, identity="19800102-2386")
    assert d.WARN_SNR not in templates(result.warnings)
    snr = ask(C.STAFF, S.OTHER_ADULT, request_, identity="19800166-2397")
    assert (d.WARN_SNR in templates(snr.warnings)) is expected


def test_inexact_samordningsnummer_warns_when_the_age_is_uncertain() -> None:
    result = ask(
        C.GUARDIAN, S.CHILD, R.EXPLAIN_CONTENT, identity=SNR_OCT_2010, on=dt.date(2026, 10, 15)
    )
    assert d.WARN_INEXACT_AGE in templates(result.warnings)
    assert "may be 15, not 16" in " ".join(texts(result.warnings))
    certain = ask(C.GUARDIAN, S.CHILD, R.EXPLAIN_CONTENT, identity=SNR_OCT_2010)
    assert d.WARN_INEXACT_AGE not in templates(certain.warnings)


@pytest.mark.parametrize(
    ("on", "request_", "warned"),
    [
        (dt.date(2025, 12, 2), R.MINOR_ACCESS, True),  # 30 days before the 13th birthday
        (dt.date(2025, 12, 1), R.MINOR_ACCESS, False),  # 31 days before
        (dt.date(2025, 12, 31), R.REMOVE_GUARDIAN_ACCESS, True),
        (dt.date(2025, 12, 31), R.EXPLAIN_CONTENT, False),  # no order, no warning
    ],
)
def test_a_birthday_that_changes_the_rules_soon_is_warned_about(
    on: dt.date, request_: Request, warned: bool
) -> None:
    result = ask(C.STAFF, S.CHILD, request_, identity=BORN_2013_01_01, on=on)
    assert (d.WARN_BOUNDARY_SOON in templates(result.warnings)) is warned


def test_boundary_warning_text() -> None:
    result = ask(
        C.STAFF,
        S.CHILD,
        R.REMOVE_GUARDIAN_ACCESS,
        identity=BORN_2013_01_01,
        on=dt.date(2025, 12, 31),
    )
    assert texts(result.warnings)[-1] == (
        "The person turns 13 on 2026-01-01, within 30 days, and the rules change then. Check "
        "the age again when the order is handled."
    )


def test_no_boundary_warning_once_the_person_has_own_access() -> None:
    result = ask(C.STAFF, S.OTHER_ADULT, R.SEAL_JOURNAL, identity=SNR_BORN_2010_02_08)
    assert result.age == 16
    assert result.age_access is not None
    assert result.age_access.next_boundary is None
    assert d.WARN_BOUNDARY_SOON not in templates(result.warnings)


# --- what to tell -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("about", "age", "self_service"),
    [
        (S.SELF, None, True),
        (S.SELF, 16, True),
        (S.SELF, 15, False),
        (S.OTHER_ADULT, 40, True),
        (S.CHILD, 17, False),
    ],
)
def test_self_service_sealing_is_suggested_when_it_fits(
    about: Subject, age: int | None, self_service: bool
) -> None:
    result = ask(C.STAFF, about, R.SEAL_JOURNAL, age=age)
    assert (d.TELL_SEAL_SELF_SERVICE in templates(result.tell)) is self_service


def test_seal_tells_what_a_seal_does_and_how_to_undo_it() -> None:
    result = ask(C.CITIZEN, S.SELF, R.SEAL_JOURNAL)
    assert templates(result.tell) == [
        d.TELL_CANNOT_ORDER,
        d.TELL_SEAL_WHAT,
        d.TELL_SEAL_SELF_SERVICE,
        d.TELL_SEAL_UNDO,
        d.TELL_SEAL_NOT_LOGIN,
    ]
    assert "Alternativ → Försegla konto" in " ".join(texts(result.tell))


@pytest.mark.parametrize(
    ("age", "first", "article"),
    [
        (5, [d.TELL_STAGE_GUARDIAN], "vardnadshavare"),
        (14, [d.TELL_NO_ACCESS_WINDOW], "minderarig-journal"),
        (17, [d.TELL_STAGE_OWN], "vardnadshavare"),
        (
            None,
            [d.TELL_STAGE_GUARDIAN, d.TELL_NO_ACCESS_WINDOW, d.TELL_STAGE_OWN],
            "vardnadshavare",
        ),
    ],
)
def test_questions_about_a_childs_record_explain_the_age_rules(
    age: int | None, first: list[str], article: str
) -> None:
    result = ask(C.GUARDIAN, S.CHILD, R.EXPLAIN_CONTENT, age=age)
    assert templates(result.tell)[: len(first)] == first
    assert templates(result.tell)[len(first)] == d.TELL_CONTENT_START
    assert result.article == article


def test_every_message_formats_without_leftover_placeholders() -> None:
    for caller in CallerKind:
        for about in Subject:
            for request_ in Request:
                for age in (None, 5, 14, 17, 40):
                    result = ask(caller, about, request_, age=age, urgent=True)
                    messages = (*result.steps, *result.tell, *result.warnings)
                    extra = [m for m in (result.orderer, result.decided_by) if m is not None]
                    for message in (*messages, *extra):
                        assert not re.search(r"[{}]", message.text()), message.template
                    assert result.article in ARTICLES_THAT_WILL_EXIST
                    assert result.tell
