"""Decision helper: what a caller's wish means for the Kansli.

A pure function, :func:`decide`, turns the answers to a few questions (who is
calling, about whom, the person's age, what they want, urgency, whether the
digital ordering route works) into a :class:`Decision`: the order type (or none),
who places the order, the route, what to tell the caller, warnings and the
knowledge article to read.

Where the rules come from (domain brief; [S] sourced, [I] inference):

* the four order types, who orders, the digital route, urgency, standby hours and
  the backup routine: the region's page "Journal som e-tjänst" (seed; brief E.1,
  E.6);
* seal vs login lock vs spärr vs guardian block: A.1–A.9, A.14;
* the age rules (guardians until 13, nobody 13–15, own access from 16, exceptions
  by the verksamhetschef): C.1–C.5, through :class:`AgeLimits`;
* order-type age checks and the seal/lock ages: 3.2 V3–V5 [I], V8;
* guardians cannot block (spärra) a child's data: A.6–A.8, C.11; one guardian
  cannot stop the other: C.10; no proxy access to an adult's record: B.10;
* what Journalen shows: B.2–B.9, E.3; log extracts: F.3; login: D.3, C.3.

Messages are English source strings marked with ``QT_TRANSLATE_NOOP("Decision",
...)`` and translated when shown (:meth:`Message.text`); enum labels use the
``Enums`` context. Nothing here keeps or returns an identity number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from kansli_desk.core.age_access import (
    AccessStage,
    AgeAccess,
    AgeLimits,
    calculate_age_access,
    stage_for_age,
)
from kansli_desk.core.enums import CallerKind, FormType, IdKind
from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Decision"
ADULT_AGE = 18  # legal majority; not one of the configurable Journalen limits
BOUNDARY_SOON_DAYS = 30  # warn when an order's age rule changes within this many days


# --- questions ---------------------------------------------------------------------------


class Subject(StrEnum):
    """Whom the call is about, seen from the caller."""

    SELF = "self"
    CHILD = "child"
    OTHER_ADULT = "other_adult"

    @property
    def label(self) -> str:
        return translate("Enums", _SUBJECT_LABELS[self.value])


_SUBJECT_LABELS = {
    "self": QT_TRANSLATE_NOOP("Enums", "Themself"),
    "child": QT_TRANSLATE_NOOP("Enums", "A child (under 18)"),
    "other_adult": QT_TRANSLATE_NOOP("Enums", "Another adult"),
}


class Request(StrEnum):
    """What the caller wants."""

    SEAL_JOURNAL = "seal_journal"
    LOCK_LOGIN = "lock_login"
    RESTORE_ACCESS = "restore_access"
    REMOVE_GUARDIAN_ACCESS = "remove_guardian_access"
    MINOR_ACCESS = "minor_access"
    BLOCK_STAFF = "block_staff"  # spärr
    HIDE_INFORMATION = "hide_information"
    EXPLAIN_CONTENT = "explain_content"
    LOG_EXTRACT = "log_extract"
    LOGIN_HELP = "login_help"
    OTHER = "other"

    def label(self, limits: AgeLimits) -> str:
        """The label in the current language, with the configured ages filled in."""
        return translate("Enums", _REQUEST_LABELS[self.value]).format(
            guardian_until=limits.guardian_until, minor_last=limits.minor_last_age
        )


_REQUEST_LABELS = {
    "seal_journal": QT_TRANSLATE_NOOP("Enums", "Seal Journalen (hide the record from the person)"),
    "lock_login": QT_TRANSLATE_NOOP("Enums", "Lock the 1177 login"),
    "restore_access": QT_TRANSLATE_NOOP("Enums", "Restore access (unseal or unlock)"),
    "remove_guardian_access": QT_TRANSLATE_NOOP(
        "Enums", "Remove a guardian's access to a child's record"
    ),
    "minor_access": QT_TRANSLATE_NOOP(
        "Enums", "Give or remove access to the record of a child aged {guardian_until}–{minor_last}"
    ),
    "block_staff": QT_TRANSLATE_NOOP(
        "Enums", "Block other health-care staff from reading the record (spärr)"
    ),
    "hide_information": QT_TRANSLATE_NOOP("Enums", "Hide specific information in Journalen"),
    "explain_content": QT_TRANSLATE_NOOP("Enums", "Understand why something is shown or missing"),
    "log_extract": QT_TRANSLATE_NOOP("Enums", "A log extract (who has read the record)"),
    "login_help": QT_TRANSLATE_NOOP("Enums", "Problems logging in to 1177"),
    "other": QT_TRANSLATE_NOOP("Enums", "Something else"),
}


class Route(StrEnum):
    """How the matter goes on."""

    DIGITAL_FORM = "digital_form"
    PAPER_FORM = "paper_form"
    REFER = "refer"
    ANSWER = "answer"

    @property
    def label(self) -> str:
        return translate("Enums", _ROUTE_LABELS[self.value])


_ROUTE_LABELS = {
    "digital_form": QT_TRANSLATE_NOOP("Enums", "Digital form at Supportcenter Vårdsystem"),
    "paper_form": QT_TRANSLATE_NOOP("Enums", "Paper form (backup routine)"),
    "refer": QT_TRANSLATE_NOOP("Enums", "Refer to the care unit or care provider"),
    "answer": QT_TRANSLATE_NOOP("Enums", "Answer the question; no order"),
}


@dataclass(frozen=True)
class Question:
    """The answers the Kansli gives to the helper's questions.

    Attributes:
        caller: who is calling.
        about: whom the call is about.
        request: what the caller wants.
        age: the person's age in years, when no identity is given.
        identity: personnummer, samordningsnummer or birth date of the person
            (text or date); wins over ``age``. Never shown in ``repr``.
        urgent: the matter is urgent.
        digital_route_down: ordering at Supportcenter Vårdsystem does not work,
            so the backup routine (paper forms) applies.
        on: the date the age is computed for (default today).
    """

    caller: CallerKind
    about: Subject
    request: Request
    age: int | None = None
    identity: str | dt.date | None = field(default=None, repr=False)
    urgent: bool = False
    digital_route_down: bool = False
    on: dt.date | None = None


# --- answers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """A translatable message with its parameters.

    Attributes:
        template: the English source text (context ``Decision``).
        params: values for the template's ``{placeholders}``.
    """

    template: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self) -> str:
        """The message in the current language."""
        return translate(CONTEXT, self.template).format(**dict(self.params))


def _msg(template: str, **params: object) -> Message:
    return Message(template, tuple(sorted(params.items())))


@dataclass(frozen=True)
class Decision:
    """What to do about a call.

    Attributes:
        order_type: the Kansli order type, or None when the wish is not one
            (e.g. a spärr: refer to the care unit).
        route: digital form, paper form, refer or answer.
        orderer: who places the order (None when there is no order).
        decided_by: who decides, when that is not simply the orderer.
        steps: the route, step by step.
        tell: what to tell the caller.
        warnings: rules the answers break or that need checking.
        article: slug of the knowledge article to read.
        route_article: slug of the article on the ordering route, or None.
        caller_may_request: the caller may raise this for the person concerned.
        age_ok: the person's age fits the order (None: unknown or no age rule).
        age: the person's age, when known.
        stage: the person's access stage, when the age is known.
        age_access: the full age calculation, when an identity was given.
    """

    order_type: FormType | None
    route: Route
    orderer: Message | None
    decided_by: Message | None
    steps: tuple[Message, ...]
    tell: tuple[Message, ...]
    warnings: tuple[Message, ...]
    article: str
    route_article: str | None
    caller_may_request: bool
    age_ok: bool | None
    age: int | None
    stage: AccessStage | None = None
    age_access: AgeAccess | None = None


# --- tables ------------------------------------------------------------------------------

REQUEST_ORDER_TYPES: dict[Request, FormType] = {
    Request.SEAL_JOURNAL: FormType.SEAL_OR_LOCK,
    Request.LOCK_LOGIN: FormType.SEAL_OR_LOCK,
    Request.RESTORE_ACCESS: FormType.RESTORE_ACCESS,
    Request.REMOVE_GUARDIAN_ACCESS: FormType.REMOVE_GUARDIAN_ACCESS,
    Request.MINOR_ACCESS: FormType.MINOR_ACCESS,
}

ORDER_TYPE_ARTICLES: dict[FormType, str] = {
    FormType.SEAL_OR_LOCK: "forsegling",
    FormType.RESTORE_ACCESS: "upplasning",
    FormType.REMOVE_GUARDIAN_ACCESS: "vardnadshavare",
    FormType.MINOR_ACCESS: "minderarig-journal",
}

REQUEST_ARTICLES: dict[Request, str] = {
    Request.SEAL_JOURNAL: "forsegling",
    Request.LOCK_LOGIN: "lasning",
    Request.RESTORE_ACCESS: "upplasning",
    Request.REMOVE_GUARDIAN_ACCESS: "vardnadshavare",
    Request.MINOR_ACCESS: "minderarig-journal",
    Request.BLOCK_STAFF: "sparr",
    Request.HIDE_INFORMATION: "dolja-information",
    Request.EXPLAIN_CONTENT: "journalen-innehall",
    Request.LOG_EXTRACT: "loggutdrag",
    Request.LOGIN_HELP: "inloggning",
    Request.OTHER: "kontakter",
}

ROUTE_ARTICLES: dict[Route, str] = {
    Route.DIGITAL_FORM: "bestallning",
    Route.PAPER_FORM: "reservrutin",
}

ARTICLE_SLUGS = frozenset(
    {*REQUEST_ARTICLES.values(), *ORDER_TYPE_ARTICLES.values(), *ROUTE_ARTICLES.values(), "ombud"}
)

# Wishes answered from the articles: no order, and anyone may ask.
INFO_REQUESTS = frozenset({Request.EXPLAIN_CONTENT, Request.LOGIN_HELP, Request.OTHER})
# Wishes referred to the care unit or provider (not a Kansli order).
REFER_REQUESTS = frozenset({Request.BLOCK_STAFF, Request.HIDE_INFORMATION, Request.LOG_EXTRACT})
# Matters a person of own-access age decides about their own Journalen.
OWN_MATTERS = frozenset({Request.SEAL_JOURNAL, Request.LOCK_LOGIN, Request.RESTORE_ACCESS})


# --- messages ----------------------------------------------------------------------------

# Who orders, who decides.
ORDERER_STAFF = QT_TRANSLATE_NOOP(
    "Decision",
    "Responsible health-care staff at the care unit place the order. The citizen cannot "
    "order it themself, and the Kansli does not order on a caller's behalf.",
)
ORDERER_CALLER = QT_TRANSLATE_NOOP(
    "Decision", "You, as responsible health-care staff at the care unit, place the order."
)
DECIDER_MINOR = QT_TRANSLATE_NOOP(
    "Decision",
    "The head of operations (verksamhetschef) of the care unit decides case by case, "
    "after a harm assessment.",
)
DECIDER_GUARDIAN = QT_TRANSLATE_NOOP(
    "Decision",
    "The head of operations (verksamhetschef) decides, when the child can be assumed to "
    "suffer significant harm if the guardian sees the information.",
)
DECIDER_STAFF = QT_TRANSLATE_NOOP(
    "Decision",
    "On staff's initiative the measure rests on the care provider's judgement that access "
    "could harm the patient, staff or a third person; the head of operations approves it.",
)

# Route steps.
STEP_DIGITAL = QT_TRANSLATE_NOOP(
    "Decision",
    "Responsible health-care staff fill in the digital form at Supportcenter Vårdsystem, "
    "under the heading 1177/e-tjänster.",
)
STEP_OFFICE_HOURS = QT_TRANSLATE_NOOP(
    "Decision", "Orders that are not urgent are handled during office hours."
)
STEP_DIGITAL_URGENT = QT_TRANSLATE_NOOP(
    "Decision",
    "Urgent: fill in the form first, then phone Supportcenter Vårdsystem on 0480-840 38, option 2.",
)
STEP_STANDBY = QT_TRANSLATE_NOOP(
    "Decision",
    "During standby hours (17:00–07:00) leave a message and wait for a call back within "
    "30 minutes.",
)
STEP_CONFIRMATION = QT_TRANSLATE_NOOP(
    "Decision",
    "A confirmation e-mail goes automatically to the head of operations and to whoever "
    "created the order.",
)
STEP_PAPER = QT_TRANSLATE_NOOP(
    "Decision",
    "Backup routine: fill in the paper form on the computer, print it and sign it.",
)
STEP_PAPER_MAIL = QT_TRANSLATE_NOOP(
    "Decision", "Send the signed form by internal mail to Regionstab Kansli, Strömgatan, Kalmar."
)
STEP_PAPER_URGENT = QT_TRANSLATE_NOOP(
    "Decision",
    "Urgent: also phone IT-Vårdsystemsupport on 0480-840 38, option 2, then fill in and "
    "send the form.",
)
STEP_REFER = QT_TRANSLATE_NOOP(
    "Decision",
    "This is not a Kansli order: refer the caller to the care unit or the care provider.",
)
STEP_ANSWER = QT_TRANSLATE_NOOP(
    "Decision", "No order is needed: answer with the help of the article."
)

# What to tell the caller.
TELL_CANNOT_ORDER = QT_TRANSLATE_NOOP(
    "Decision",
    "The caller cannot place the order: they contact the care unit, where responsible "
    "health-care staff order it.",
)
TELL_SEAL_WHAT = QT_TRANSLATE_NOOP(
    "Decision",
    "A seal hides Journalen from the person (and from anyone they shared it with). It does "
    "not stop health-care staff from reading the record.",
)
TELL_SEAL_SELF_SERVICE = QT_TRANSLATE_NOOP(
    "Decision",
    "The person can seal Journalen themself: log in on 1177.se, open Journalen and choose "
    "Alternativ → Försegla konto.",
)
TELL_SEAL_UNDO = QT_TRANSLATE_NOOP(
    "Decision",
    "Opening a sealed Journalen again needs a request to the care provider (order type: "
    "Restoring direct access).",
)
TELL_SEAL_NOT_LOGIN = QT_TRANSLATE_NOOP(
    "Decision",
    "A seal does not lock the 1177 login. To cut off both the e-services and Journalen, "
    "both a seal and a login lock are needed.",
)
TELL_LOCK_WHAT = QT_TRANSLATE_NOOP(
    "Decision",
    "A login lock stops the 1177 e-services, but Journalen can still be opened through a "
    "saved link. To stop Journalen too, it must also be sealed.",
)
TELL_RESTORE_WHAT = QT_TRANSLATE_NOOP(
    "Decision",
    "Access comes back only through the care provider: staff at the care unit order "
    "Restoring direct access, also when the person sealed Journalen themself by mistake.",
)
TELL_GUARDIAN_WHAT = QT_TRANSLATE_NOOP(
    "Decision",
    "Removing a guardian's access takes away the proxy link: the guardian no longer sees "
    "the child's record or the child's e-services on 1177.",
)
TELL_GUARDIAN_ONE = QT_TRANSLATE_NOOP(
    "Decision", "Blocking one guardian leaves the other guardian's access in place."
)
TELL_GUARDIAN_PROTECTED = QT_TRANSLATE_NOOP(
    "Decision",
    "A child with protected personal data already has no guardian access on 1177: the "
    "order may not be needed.",
)
TELL_NO_ACCESS_WINDOW = QT_TRANSLATE_NOOP(
    "Decision",
    "From {guardian_until} until the child turns {own_from}, neither the guardians nor the "
    "child can read the child's record by default.",
)
TELL_MINOR_EXCEPTION = QT_TRANSLATE_NOOP(
    "Decision",
    "The head of operations (verksamhetschef) can decide that a guardian keeps access or "
    "that the child gets access earlier. The decision covers only that unit's information.",
)
TELL_MINOR_ENDS = QT_TRANSLATE_NOOP(
    "Decision", "Extended access for a guardian ends when the child turns {own_from}."
)
TELL_STAGE_GUARDIAN = QT_TRANSLATE_NOOP(
    "Decision", "Guardians can read the child's record until the child turns {guardian_until}."
)
TELL_STAGE_OWN = QT_TRANSLATE_NOOP(
    "Decision",
    "From {own_from} the child reads their own record. Guardians no longer have access to "
    "Journalen, but may ask the care unit for a paper copy, subject to confidentiality.",
)
TELL_SPARR_WHAT = QT_TRANSLATE_NOOP(
    "Decision",
    "A block (spärr) stops health-care staff at other units or care providers from reading "
    "the record. It is not a seal: a seal hides Journalen from the person themself.",
)
TELL_SPARR_WHERE = QT_TRANSLATE_NOOP(
    "Decision",
    "The patient can set a block themself in Journalen under Övriga tjänster, or ask the "
    "care unit or the care provider.",
)
TELL_HIDE_UNIT = QT_TRANSLATE_NOOP(
    "Decision",
    "The care unit decides what is kept out of Journalen (for example with excluded "
    "keywords and templates). Ask the unit that wrote the information.",
)
TELL_HIDE_14_DAYS = QT_TRANSLATE_NOOP(
    "Decision", "At each login the person can choose to hide information newer than 14 days."
)
TELL_HIDE_BY_SEAL = QT_TRANSLATE_NOOP(
    "Decision",
    "To hide everything from one care unit or one time period, a seal limited to that unit "
    "or period can be ordered (Sealing and/or locking).",
)
TELL_CONTENT_START = QT_TRANSLATE_NOOP(
    "Decision",
    "Information from before 1 October 2015 may be missing: that is when Journalen started "
    "in Region Kalmar län.",
)
TELL_CONTENT_EXCLUDED = QT_TRANSLATE_NOOP(
    "Decision",
    "Some units, keywords and templates are not shown, nor are scanned documents and forms. "
    "A paper copy of the record holds everything, after a harm assessment.",
)
TELL_CONTENT_IMMEDIATE = QT_TRANSLATE_NOOP(
    "Decision", "New information is shown as soon as it is written, even before it is signed."
)
TELL_CONTENT_ASK_UNIT = QT_TRANSLATE_NOOP(
    "Decision",
    "What is shown differs between regions and units. Questions about a note, or wrong "
    "information, go to the unit that wrote it.",
)
TELL_LOG_RIGHT = QT_TRANSLATE_NOOP(
    "Decision",
    "The patient has a right to a log extract showing which units have read the record and "
    "when. Ask the care provider for it.",
)
TELL_LOGIN_EID = QT_TRANSLATE_NOOP(
    "Decision",
    "Logging in to 1177 needs an e-ID (BankID or Freja eID); password and SMS no longer work.",
)
TELL_LOGIN_SNR = QT_TRANSLATE_NOOP(
    "Decision", "People with a samordningsnummer or a reservnummer cannot log in to 1177."
)
TELL_LOGIN_TEEN = QT_TRANSLATE_NOOP(
    "Decision",
    "From {guardian_until} a child can log in to the e-services, but reads Journalen only "
    "from {own_from}.",
)
TELL_KANSLI = QT_TRANSLATE_NOOP(
    "Decision",
    "Regionstab Kansli answers questions about the 1177 account and Journalen on "
    "0480-44 86 00 during office hours.",
)

# Warnings.
WARN_CHILD_IS_ADULT = QT_TRANSLATE_NOOP(
    "Decision", "The person is {age}, an adult: treated as another adult, not as a child."
)
WARN_ADULT_IS_CHILD = QT_TRANSLATE_NOOP(
    "Decision", "The person is {age}, a child: treated as a child, not as an adult."
)
WARN_NOT_FOR_OTHER_ADULT = QT_TRANSLATE_NOOP(
    "Decision",
    "An adult cannot ask for this on another adult's record, and a proxy gets no direct "
    "access to an adult's record. The person must contact the care unit themself.",
)
WARN_REPRESENTATIVE = QT_TRANSLATE_NOOP(
    "Decision",
    "A legal representative needs the district court's appointment decision, and access "
    "for a representative is granted restrictively: the care unit checks the mandate.",
)
WARN_NOT_GUARDIAN = QT_TRANSLATE_NOOP(
    "Decision",
    "Only the child's guardians, as registered with Skatteverket, or staff at the care "
    "unit can raise this for a child.",
)
WARN_GUARDIAN_SPARR = QT_TRANSLATE_NOOP(
    "Decision", "A guardian cannot ask for a block (spärr) on a child's record."
)
WARN_SPARR_PATIENT_ONLY = QT_TRANSLATE_NOOP(
    "Decision", "Only the patient themself can ask for a block (spärr)."
)
WARN_OTHER_GUARDIAN = QT_TRANSLATE_NOOP(
    "Decision",
    "One guardian cannot stop the other guardian's access on their own: the care unit "
    "removes it only when the head of operations finds that the child would suffer "
    "significant harm.",
)
WARN_CHILD_DECIDES = QT_TRANSLATE_NOOP(
    "Decision",
    "From {own_from} the child decides about their own Journalen and must ask for this themself.",
)
WARN_AGE_NEEDED = QT_TRANSLATE_NOOP(
    "Decision", "Ask for the child's age or personnummer: the rules depend on it."
)
WARN_MINOR_TOO_YOUNG = QT_TRANSLATE_NOOP(
    "Decision",
    "The child is {age}: under {guardian_until} the guardians already have access. This "
    "order type is for children aged {guardian_until}–{minor_last}.",
)
WARN_MINOR_TOO_OLD = QT_TRANSLATE_NOOP(
    "Decision",
    "The person is {age}: from {own_from} they have access of their own. This order type "
    "is for children aged {guardian_until}–{minor_last}.",
)
WARN_GUARDIAN_TOO_OLD = QT_TRANSLATE_NOOP(
    "Decision",
    "The person is {age}: a guardian's access can only be removed for a child under "
    "{own_from}. From {own_from} guardians have no access to Journalen anyway.",
)
WARN_GUARDIAN_NO_DEFAULT = QT_TRANSLATE_NOOP(
    "Decision",
    "The child is {age}: from {guardian_until} to {minor_last} guardians have no access by "
    "default, so this only matters if extended guardian access was granted.",
)
WARN_SEAL_TOO_YOUNG = QT_TRANSLATE_NOOP(
    "Decision",
    "The person is {age}: a seal on the person's own wish needs them to be at least "
    "{own_from}. Younger people have no access of their own to Journalen.",
)
WARN_SEAL_CHILD = QT_TRANSLATE_NOOP(
    "Decision",
    "A child under {own_from} has no access of their own to Journalen. To stop a guardian "
    "reading the record, remove the guardian's access instead.",
)
WARN_LOCK_TOO_YOUNG = QT_TRANSLATE_NOOP(
    "Decision",
    "The person is {age}: a login lock on the person's own wish needs them to be at least "
    "{guardian_until}.",
)
WARN_LOCK_CHILD = QT_TRANSLATE_NOOP(
    "Decision",
    "A child's login should not be locked: that also stops the guardians acting for the "
    "child. Remove the guardian's access instead.",
)
WARN_SNR = QT_TRANSLATE_NOOP(
    "Decision",
    "People with a samordningsnummer cannot log in to 1177, so Journalen orders for them "
    "are rare: check the case with the care unit.",
)
WARN_INEXACT_AGE = QT_TRANSLATE_NOOP(
    "Decision",
    "The samordningsnummer does not give the exact birth date: the person may be "
    "{youngest}, not {age}.",
)
WARN_BOUNDARY_SOON = QT_TRANSLATE_NOOP(
    "Decision",
    "The person turns {age} on {date}, within {soon} days, and the rules change then. "
    "Check the age again when the order is handled.",
)


# --- the decision ------------------------------------------------------------------------


@dataclass
class _Facts:
    """What :func:`decide` works from once the age is known."""

    question: Question
    limits: AgeLimits
    about: Subject
    age: int | None
    age_access: AgeAccess | None
    warnings: list[Message]

    @property
    def acting_as_staff(self) -> bool:
        """Staff calling in their professional role (not about themselves)."""
        return self.question.caller is CallerKind.STAFF and self.about is not Subject.SELF

    def limit_params(self) -> dict[str, object]:
        return {
            "guardian_until": self.limits.guardian_until,
            "own_from": self.limits.own_from,
            "minor_last": self.limits.minor_last_age,
        }

    def msg(self, template: str) -> Message:
        """A message with the age limits (and the age, when known) as parameters."""
        params = self.limit_params()
        if self.age is not None:
            params["age"] = self.age
        return _msg(template, **params)


def decide(
    question: Question, *, limits: AgeLimits | None = None, today: dt.date | None = None
) -> Decision:
    """What the Kansli should do about a call.

    Args:
        question: the answers to the helper's questions.
        limits: the age limits (default 13 and 16).
        today: the real date today (default :meth:`datetime.date.today`).

    Returns:
        The decision.

    Raises:
        ValidationError: the identity number or birth date is not valid.
        ValueError: a negative age.
    """
    facts = _facts(question, limits or AgeLimits(), today)
    order_type = REQUEST_ORDER_TYPES.get(question.request)
    may_request = _caller_check(facts)
    age_ok = _age_check(facts)
    _identity_warnings(facts, order_type)
    route, steps = _route(question, order_type)
    tell = list(_tell(facts))
    if order_type is not None and not facts.acting_as_staff:
        tell.insert(0, _msg(TELL_CANNOT_ORDER))
    return Decision(
        order_type=order_type,
        route=route,
        orderer=_orderer(facts, order_type),
        decided_by=_decider(facts, order_type),
        steps=steps,
        tell=tuple(tell),
        warnings=tuple(facts.warnings),
        article=_article(facts, may_request),
        route_article=ROUTE_ARTICLES.get(route),
        caller_may_request=may_request,
        age_ok=age_ok,
        age=facts.age,
        stage=None if facts.age is None else stage_for_age(facts.age, facts.limits),
        age_access=facts.age_access,
    )


def _facts(question: Question, limits: AgeLimits, today: dt.date | None) -> _Facts:
    identity = question.identity
    if isinstance(identity, str) and not identity.strip():
        identity = None
    age_access = None
    age = question.age
    if identity is not None:
        age_access = calculate_age_access(identity, on=question.on, limits=limits, today=today)
        age = age_access.age
    if age is not None and age < 0:
        raise ValueError("age must not be negative")
    facts = _Facts(question, limits, question.about, age, age_access, [])
    if age is not None and question.about is Subject.CHILD and age >= ADULT_AGE:
        facts.about = Subject.OTHER_ADULT
        facts.warnings.append(facts.msg(WARN_CHILD_IS_ADULT))
    elif age is not None and question.about is Subject.OTHER_ADULT and age < ADULT_AGE:
        facts.about = Subject.CHILD
        facts.warnings.append(facts.msg(WARN_ADULT_IS_CHILD))
    return facts


def _caller_check(facts: _Facts) -> bool:
    """May the caller raise this for the person concerned? Adds the warnings why not."""
    request, caller, about = facts.question.request, facts.question.caller, facts.about
    if request in INFO_REQUESTS or about is Subject.SELF:
        return True
    if request is Request.BLOCK_STAFF:
        guardian_for_child = caller is CallerKind.GUARDIAN and about is Subject.CHILD
        facts.warnings.append(
            _msg(WARN_GUARDIAN_SPARR if guardian_for_child else WARN_SPARR_PATIENT_ONLY)
        )
        return False
    if caller is CallerKind.STAFF:
        return True
    if about is Subject.OTHER_ADULT:
        if caller is CallerKind.REPRESENTATIVE:
            facts.warnings.append(_msg(WARN_REPRESENTATIVE))
            return True
        facts.warnings.append(_msg(WARN_NOT_FOR_OTHER_ADULT))
        return False
    if caller is not CallerKind.GUARDIAN:
        facts.warnings.append(_msg(WARN_NOT_GUARDIAN))
        return False
    if request is Request.REMOVE_GUARDIAN_ACCESS:
        facts.warnings.append(_msg(WARN_OTHER_GUARDIAN))
    elif request in OWN_MATTERS and facts.age is not None and facts.age >= facts.limits.own_from:
        facts.warnings.append(facts.msg(WARN_CHILD_DECIDES))
        return False
    return True


def _age_check(facts: _Facts) -> bool | None:
    """Does the age fit the order (brief 3.2 V3–V5)? None when unknown or no rule."""
    request = facts.question.request
    if request is Request.MINOR_ACCESS:
        return _age_window(
            facts,
            {AccessStage.GUARDIAN: WARN_MINOR_TOO_YOUNG, AccessStage.OWN: WARN_MINOR_TOO_OLD},
            allowed={AccessStage.NO_DEFAULT_ACCESS},
        )
    if request is Request.REMOVE_GUARDIAN_ACCESS:
        return _age_window(
            facts,
            {
                AccessStage.NO_DEFAULT_ACCESS: WARN_GUARDIAN_NO_DEFAULT,
                AccessStage.OWN: WARN_GUARDIAN_TOO_OLD,
            },
            allowed={AccessStage.GUARDIAN, AccessStage.NO_DEFAULT_ACCESS},
        )
    if request is Request.SEAL_JOURNAL:
        return _seal_age(facts)
    if request is Request.LOCK_LOGIN:
        return _lock_age(facts)
    return None


def _age_window(
    facts: _Facts, warnings: dict[AccessStage, str], *, allowed: set[AccessStage]
) -> bool | None:
    """A child order's age rule: the stages ``allowed``, and a warning per stage."""
    if facts.age is None:
        facts.warnings.append(_msg(WARN_AGE_NEEDED))
        return None
    stage = stage_for_age(facts.age, facts.limits)
    if stage in warnings:
        facts.warnings.append(facts.msg(warnings[stage]))
    return stage in allowed


def _seal_age(facts: _Facts) -> bool | None:
    if facts.age is None:
        if facts.about is Subject.CHILD:
            facts.warnings.append(_msg(WARN_AGE_NEEDED))
        return None
    if facts.age >= facts.limits.own_from:
        return True
    facts.warnings.append(
        facts.msg(WARN_SEAL_CHILD if facts.about is Subject.CHILD else WARN_SEAL_TOO_YOUNG)
    )
    return False


def _lock_age(facts: _Facts) -> bool | None:
    if facts.about is Subject.CHILD:
        facts.warnings.append(_msg(WARN_LOCK_CHILD))
        return False
    if facts.age is None:
        return None
    if facts.age >= facts.limits.guardian_until:
        return True
    facts.warnings.append(facts.msg(WARN_LOCK_TOO_YOUNG))
    return False


def _identity_warnings(facts: _Facts, order_type: FormType | None) -> None:
    info = facts.age_access
    if info is None:
        return
    if order_type is not None and info.birth.kind is IdKind.SAMORDNINGSNUMMER:
        facts.warnings.append(_msg(WARN_SNR))
    if info.youngest_age != info.age:
        facts.warnings.append(_msg(WARN_INEXACT_AGE, age=info.age, youngest=info.youngest_age))
    boundary = info.next_boundary
    if order_type is None or boundary is None:
        return
    if boundary.days_until <= BOUNDARY_SOON_DAYS:
        facts.warnings.append(
            _msg(
                WARN_BOUNDARY_SOON,
                age=boundary.age,
                date=boundary.date.isoformat(),
                soon=BOUNDARY_SOON_DAYS,
            )
        )


def _route(question: Question, order_type: FormType | None) -> tuple[Route, tuple[Message, ...]]:
    if order_type is None:
        if question.request in REFER_REQUESTS:
            return Route.REFER, (_msg(STEP_REFER),)
        return Route.ANSWER, (_msg(STEP_ANSWER),)
    steps: tuple[str, ...]
    if question.digital_route_down:
        if question.urgent:
            steps = (STEP_PAPER_URGENT, STEP_STANDBY, STEP_PAPER, STEP_PAPER_MAIL)
        else:
            steps = (STEP_PAPER, STEP_PAPER_MAIL, STEP_OFFICE_HOURS)
        return Route.PAPER_FORM, tuple(_msg(step) for step in steps)
    if question.urgent:
        steps = (STEP_DIGITAL, STEP_DIGITAL_URGENT, STEP_STANDBY, STEP_CONFIRMATION)
    else:
        steps = (STEP_DIGITAL, STEP_OFFICE_HOURS, STEP_CONFIRMATION)
    return Route.DIGITAL_FORM, tuple(_msg(step) for step in steps)


def _orderer(facts: _Facts, order_type: FormType | None) -> Message | None:
    if order_type is None:
        return None
    return _msg(ORDERER_CALLER if facts.acting_as_staff else ORDERER_STAFF)


def _decider(facts: _Facts, order_type: FormType | None) -> Message | None:
    if order_type is FormType.MINOR_ACCESS:
        return _msg(DECIDER_MINOR)
    if order_type is FormType.REMOVE_GUARDIAN_ACCESS:
        return _msg(DECIDER_GUARDIAN)
    if order_type is not None and facts.acting_as_staff:
        return _msg(DECIDER_STAFF)
    return None


_TELL: dict[Request, tuple[str, ...]] = {
    Request.SEAL_JOURNAL: (TELL_SEAL_WHAT, TELL_SEAL_UNDO, TELL_SEAL_NOT_LOGIN),
    Request.LOCK_LOGIN: (TELL_LOCK_WHAT,),
    Request.RESTORE_ACCESS: (TELL_RESTORE_WHAT,),
    Request.REMOVE_GUARDIAN_ACCESS: (
        TELL_GUARDIAN_WHAT,
        TELL_GUARDIAN_ONE,
        TELL_GUARDIAN_PROTECTED,
    ),
    Request.MINOR_ACCESS: (TELL_NO_ACCESS_WINDOW, TELL_MINOR_EXCEPTION, TELL_MINOR_ENDS),
    Request.BLOCK_STAFF: (TELL_SPARR_WHAT, TELL_SPARR_WHERE),
    Request.HIDE_INFORMATION: (TELL_HIDE_UNIT, TELL_HIDE_14_DAYS, TELL_HIDE_BY_SEAL),
    Request.EXPLAIN_CONTENT: (
        TELL_CONTENT_START,
        TELL_CONTENT_EXCLUDED,
        TELL_CONTENT_IMMEDIATE,
        TELL_CONTENT_ASK_UNIT,
    ),
    Request.LOG_EXTRACT: (TELL_LOG_RIGHT,),
    Request.LOGIN_HELP: (TELL_LOGIN_EID, TELL_LOGIN_SNR, TELL_LOGIN_TEEN),
    Request.OTHER: (TELL_KANSLI,),
}

_STAGE_TELL = {
    AccessStage.GUARDIAN: TELL_STAGE_GUARDIAN,
    AccessStage.NO_DEFAULT_ACCESS: TELL_NO_ACCESS_WINDOW,
    AccessStage.OWN: TELL_STAGE_OWN,
}


def _tell(facts: _Facts) -> list[Message]:
    request = facts.question.request
    messages = [facts.msg(template) for template in _TELL[request]]
    if request is Request.SEAL_JOURNAL and _may_seal_self(facts):
        messages.insert(1, _msg(TELL_SEAL_SELF_SERVICE))
    if request is Request.EXPLAIN_CONTENT and facts.about is Subject.CHILD:
        stage = _child_stage(facts)
        stages = list(AccessStage) if stage is None else [stage]
        messages[:0] = [facts.msg(_STAGE_TELL[stage]) for stage in stages]
    return messages


def _may_seal_self(facts: _Facts) -> bool:
    """Self-service sealing fits: an adult or own-access person, as far as we know."""
    if facts.about is Subject.CHILD:
        return False
    return facts.age is None or facts.age >= facts.limits.own_from


def _child_stage(facts: _Facts) -> AccessStage | None:
    return None if facts.age is None else stage_for_age(facts.age, facts.limits)


def _article(facts: _Facts, may_request: bool) -> str:
    request = facts.question.request
    if not may_request and facts.about is Subject.OTHER_ADULT:
        return "ombud"
    if request is Request.EXPLAIN_CONTENT and facts.about is Subject.CHILD:
        if _child_stage(facts) is AccessStage.NO_DEFAULT_ACCESS:
            return "minderarig-journal"
        return "vardnadshavare"
    return REQUEST_ARTICLES[request]
