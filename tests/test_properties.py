"""Property-based tests: arbitrary text to every parser and validator (issue 7).

Whatever a user types, pastes or imports, the program answers with a message it
can show (:class:`~kansli_desk.errors.KnownError`, of which
:class:`~kansli_desk.errors.ValidationError` is one) or with a result, never with
an unhandled exception. Hypothesis feeds arbitrary Unicode (control characters
included; surrogates cannot be typed or stored as UTF-8, so they are left out),
very long strings and near-misses of the expected formats to:

* identity numbers, birth dates and the age calculator and decision helper
  (:mod:`kansli_desk.core`);
* database addresses (:func:`~kansli_desk.services.database.parse_location`);
* the form import (:func:`~kansli_desk.services.form_import.check_file`), with
  CSV files built from arbitrary cells, quoted and unquoted, and arbitrary bytes;
* a call (:func:`~kansli_desk.services.calls.validate_call`) on SQLite and
  PostgreSQL, and a form (:func:`~kansli_desk.services.forms.check_form`);
* the settings file and its validators, the retention periods, the shipped
  article files' parser and the draft store.

Examples are limited (:data:`PROPERTY`) to keep the suite fast; hypothesis keeps
no example database (``database=None``, see ``tests/conftest.py``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from kansli_desk.core import age_access, decision, identity
from kansli_desk.core.decision import Question, Request, Subject
from kansli_desk.core.enums import (
    CallerKind,
    FormType,
    Initiator,
    Measure,
    Outcome,
    PartyRole,
    SealScope,
)
from kansli_desk.core.office_hours import OfficeHours
from kansli_desk.drafts import DraftStore
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.services import calls, database, form_import, forms, knowledge, retention
from kansli_desk.services.database import Database
from kansli_desk.settings import (
    OFFICE_CLOSES,
    OFFICE_OPENS,
    OFFICE_WEEKDAYS,
    Settings,
    access_age_limits,
    all_options,
)

PROPERTY = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)

# --- strategies ------------------------------------------------------------------------------

# Arbitrary text (every category but surrogates), control characters on their own,
# very long strings, and near-misses of the formats the parsers expect.
CONTROL = st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]), max_size=20)
LONG = st.builds(
    lambda text, times: (text or "x") * times,
    st.text(max_size=8),
    st.integers(min_value=200, max_value=5_000),
)
NUMBERISH = st.from_regex(
    r"\s*([0-9]{2})?[0-9]{6}[-+: ]?[0-9A-Z]{3}[0-9]\s*|[0-9A-Za-z+ -]{1,25}", fullmatch=True
)
DATEISH = st.from_regex(r"\s*[0-9]{2,4}-?[0-9]{1,2}-?[0-9]{1,3}\s*", fullmatch=True)
# What breaks naive code: a NUL (PostgreSQL refuses it in any text), a byte order
# mark, bidirectional overrides, SQL and format-string syntax, line breaks.
NASTY = st.builds(
    lambda before, nasty, after: before + nasty + after,
    st.text(max_size=6),
    st.sampled_from(
        ["\x00", "\ufeff", "\u202e", "\r\n", "\t", "'; DROP TABLE calls; --", "%s", "{0}",
         "{}", "\\", '"', "\u0130", "ß", "\U0001f600", "\x7f"]
    ),
    st.text(max_size=6),
)  # fmt: skip
TEXT = st.one_of(st.text(), CONTROL, LONG, NUMBERISH, DATEISH, NASTY)
ANY_DATE = st.dates()
AWARE = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1), timezones=st.just(dt.UTC)
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=10,
)


def harmless(call: Any, *args: Any, **kwargs: Any) -> Any:
    """The result of ``call``, or None when it refused with a message for the user."""
    try:
        return call(*args, **kwargs)
    except KnownError as exc:
        # The message can be shown: its template fills in with its own parameters.
        assert isinstance(exc.message(), str) and exc.message()
        return None


# --- identity numbers, birth dates, the knowledge tools --------------------------------------


@PROPERTY
@given(text=TEXT, today=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)))
def test_identity_numbers(text: str, today: dt.date) -> None:
    number = harmless(identity.parse_identity, text, today=today)
    if number is not None:
        assert len(number.number) == 12 and number.number.isdigit()
        assert identity.mask(number.number).endswith("-XXXX")
    assert isinstance(identity.mask(text), str)
    assert isinstance(identity.format_number(text), str)


@PROPERTY
@given(
    text=TEXT,
    on=st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
)
def test_birth_dates_and_the_age_calculator(text: str, on: dt.date | None) -> None:
    harmless(age_access.parse_birth, text, today=TODAY)
    harmless(age_access.calculate_age_access, text, on=on, today=TODAY)


@PROPERTY
@given(
    text=TEXT,
    caller=st.sampled_from(CallerKind),
    about=st.sampled_from(Subject),
    request=st.sampled_from(Request),
    on=st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
)
def test_the_decision_helper(
    text: str, caller: CallerKind, about: Subject, request: Request, on: dt.date | None
) -> None:
    question = Question(caller, about, request, identity=text, on=on)
    harmless(decision.decide, question, today=TODAY)


# --- database addresses ----------------------------------------------------------------------

URLISH = st.builds(
    lambda scheme, rest: f"{scheme}://{rest}",
    st.sampled_from(["sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg",
                     "mysql", "", "sqlite:", "http"]),
    TEXT,
)  # fmt: skip


@PROPERTY
@given(text=st.one_of(TEXT, URLISH))
def test_database_addresses(text: str) -> None:
    found = harmless(database.parse_location, text)
    if found is not None:
        location, password = found
        # Never a password in what is stored or shown.
        assert (
            password is None
            or password not in location.to_setting().split("@")[0][-len(password) :]
        )
        assert isinstance(location.display, str)


# --- the form import -------------------------------------------------------------------------

COLUMN_NAMES = st.sampled_from([*form_import.COLUMNS, "", "TYP", "extra", "personnummer "])
CELL = st.one_of(
    TEXT,
    st.sampled_from(
        ["forsegling_lasning", "aterstallande", "vardnadshavare", "minderarig", "ja", "nej",
         "enskild", "personal", "2026-11-02", "2026-02-30", "0000-01-01", "9999-12-31",
         "19121212-1212", "201206011234", "=cmd|' /C calc'!A0", ""]
    ),
)  # fmt: skip


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], quoted: bool, bom: bool
) -> None:
    if quoted:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        content = buffer.getvalue()
    else:  # as a careless export writes it: separators and quotes inside cells unescaped
        content = "\n".join(";".join(cells) for cells in [header, *rows])
    path.write_bytes(("\ufeff" if bom else "").encode() + content.encode("utf-8", "replace"))


@PROPERTY
@given(
    header=st.one_of(
        st.just(list(form_import.COLUMNS)),
        st.permutations(form_import.COLUMNS).map(list),
        st.lists(COLUMN_NAMES, max_size=14),
    ),
    rows=st.lists(st.lists(CELL, max_size=14), max_size=6),
    quoted=st.booleans(),
    bom=st.booleans(),
)
def test_import_files_built_from_arbitrary_cells(
    tmp_path: Path, header: list[str], rows: list[list[str]], quoted: bool, bom: bool
) -> None:
    path = tmp_path / "register.csv"
    write_csv(path, header, rows, quoted, bom)
    checked = harmless(form_import.check_file, path, today=TODAY)
    if checked is not None:
        assert checked.rows == len(checked.forms) + len({p.row for p in checked.problems})
        for problem in checked.problems:
            assert problem.message()
            assert problem.column in ("", *form_import.COLUMNS)


@PROPERTY
@given(content=st.binary(max_size=3000) | st.text(max_size=3000).map(str.encode))
def test_import_files_of_arbitrary_bytes(tmp_path: Path, content: bytes) -> None:
    for name in ("register.csv", "register.xlsx"):
        path = tmp_path / name
        path.write_bytes(content)
        harmless(form_import.check_file, path, today=TODAY)


@PROPERTY
@given(
    valid=st.lists(
        st.fixed_dictionaries(
            {
                "typ": st.sampled_from(sorted(form_import.TYPES)),
                "personnummer": st.sampled_from(["19121212-1212", "191212121212", "121212-1212"]),
                "initiativ": st.sampled_from(["", "enskild", "personal", "Personal"]),
                "underskriftsdatum": ANY_DATE.map(dt.date.isoformat) | st.just(""),
                "mottagen": ANY_DATE.map(dt.date.isoformat),
                "undertecknad": st.sampled_from(["ja", "nej", "JA"]),
                "akut": st.sampled_from(["ja", "nej"]),
                "bestallare": TEXT,
                "enhet": TEXT,
                "verksamhetschef": TEXT,
                "anteckning": TEXT,
                "fodelsedatum": ANY_DATE.map(dt.date.isoformat) | st.just(""),
            }
        ),
        min_size=1,
        max_size=5,
    )
)
def test_import_rows_near_valid_ones(tmp_path: Path, valid: list[dict[str, str]]) -> None:
    # Every cell in its place and of its kind, any dates: the form's rules decide.
    path = tmp_path / "register.csv"
    header = list(form_import.COLUMNS)
    write_csv(path, header, [[row[c] for c in header] for row in valid], True, False)
    harmless(form_import.check_file, path, today=TODAY)


# --- a call ----------------------------------------------------------------------------------


@pytest.fixture
def topic_ids(database: Database) -> list[int]:
    with database.transaction() as session:
        found = [topic.id for topic in calls.list_topics(session, include_retired=True)]
    return found


@PROPERTY
@given(
    notes=TEXT,
    person=TEXT,
    phone=TEXT,
    registry_number=TEXT,
    started=AWARE,
    due=st.none() | AWARE,
    duration=st.none() | st.integers(),
    caller=st.none() | st.sampled_from(CallerKind),
    outcome=st.none() | st.sampled_from(Outcome),
    picked=st.lists(st.integers(min_value=-5, max_value=40), max_size=4),
    editing=st.booleans(),
)
@example(  # PostgreSQL refuses a NUL in any text: it must never reach a query
    notes="\x00", person="1912\x001212-1212", phone="070\x00", registry_number="KD\x00",
    started=NOW, due=None, duration=None, caller=None, outcome=None, picked=[], editing=True,
)  # fmt: skip
def test_a_call_with_arbitrary_values(
    database: Database,
    topic_ids: list[int],
    notes: str,
    person: str,
    phone: str,
    registry_number: str,
    started: dt.datetime,
    due: dt.datetime | None,
    duration: int | None,
    caller: CallerKind | None,
    outcome: Outcome | None,
    picked: list[int],
    editing: bool,
) -> None:
    data = calls.CallInput(
        started_at=started,
        duration_seconds=duration,
        caller_kind=caller,
        topic_ids=tuple(picked),
        outcome=outcome,
        notes=notes,
        person_number=person,
        callback_phone=phone,
        callback_due_at=due,
        form_registry_number=registry_number,
    )
    with database.transaction() as session:
        existing = None
        if editing:  # an edit: a saved call to compare with (rolled back below)
            saved = calls.CallInput(
                NOW, 60, CallerKind.CITIZEN, (topic_ids[0],), Outcome.ANSWERED,
                person_number="19121212-1212",
            )  # fmt: skip
            existing = calls.create_call(session, _user(session), saved, now=NOW).id
        problems = harmless(calls.validate_call, session, data, now=NOW, existing_id=existing)
        session.rollback()
    assert problems is not None  # validating lists problems; it never raises
    assert all(isinstance(problem, ValidationError) and problem.field for problem in problems)
    assert len({problem.field for problem in problems}) == len(problems)


def _user(session: Any) -> Any:
    from kansli_desk.services.users import ensure_user

    return ensure_user(session, "property")


@PROPERTY
@given(name=TEXT, description=TEXT)
@example(name="Ny\x00rubrik", description="\x00")
def test_adding_a_topic_with_arbitrary_text(
    database: Database, name: str, description: str
) -> None:
    from kansli_desk.core.enums import Role
    from kansli_desk.services.users import UserInfo

    supervisor = UserInfo(1, "chef", "", Role.SUPERVISOR)
    with database.transaction() as session:
        topic = harmless(calls.add_topic, session, supervisor, name, description)
        if topic is not None:
            assert topic.code and topic.code.isascii()
            assert "\x00" not in topic.name
        session.rollback()  # nothing is kept between examples


@PROPERTY
@given(query=TEXT)
def test_searching_the_calls_with_arbitrary_text(database: Database, query: str) -> None:
    with database.transaction() as session:
        assert calls.list_calls_page(session, filters=calls.CallFilter(text=query)) == []


@PROPERTY
@given(login=TEXT, name=TEXT)
@example(login="anna\x00", name="Anna\x00")
def test_adding_a_user_with_arbitrary_text(database: Database, login: str, name: str) -> None:
    from kansli_desk.core.enums import Role
    from kansli_desk.services.users import add_user

    with database.transaction() as session:
        supervisor = _user(session)  # the first user of the database: a supervisor
        added = harmless(add_user, session, supervisor, login, name, Role.ADVISOR)
        if added is not None:
            assert added.username == login.strip() and added.username.isprintable()
            assert "\x00" not in added.display_name
        session.rollback()  # nothing is kept between examples


# --- a form ----------------------------------------------------------------------------------

PARTY = st.builds(
    forms.PartyInput,
    role=st.sampled_from(PartyRole),
    id_text=TEXT,
    birth_date=st.none() | ANY_DATE,
    name=TEXT,
    access_given=st.none() | st.booleans(),
)
FORM = st.builds(
    forms.FormInput,
    form_type=st.sampled_from(FormType),
    received_on=ANY_DATE,
    parties=st.lists(PARTY, max_size=4).map(tuple),
    initiator=st.none() | st.sampled_from(Initiator),
    measures=st.frozensets(st.sampled_from(Measure)),
    seal_scope=st.none() | st.sampled_from(SealScope),
    scope_unit=TEXT,
    period_from=st.none() | ANY_DATE,
    period_to=st.none() | ANY_DATE,
    orderer_name=TEXT,
    orderer_title=TEXT,
    orderer_unit=TEXT,
    orderer_phone=TEXT,
    head_of_operations=TEXT,
    signed_on=st.none() | ANY_DATE,
    is_signed=st.booleans(),
    is_urgent=st.booleans(),
    it_support_phoned_at=st.none() | AWARE,
    it_support_phoned_by=TEXT,
    note=TEXT,
)


@PROPERTY
@given(data=FORM, require_details=st.booleans())
def test_a_form_with_arbitrary_values(data: forms.FormInput, require_details: bool) -> None:
    problems = harmless(forms.check_form, data, today=TODAY, require_details=require_details)
    assert problems is not None
    assert all(isinstance(problem, ValidationError) and problem.field for problem in problems)
    if not problems:
        found, clean = forms.normalise_form(data, today=TODAY, require_details=require_details)
        assert found == []
        assert len(clean.persons) == len(data.parties)


# --- settings, retention, article files, drafts ----------------------------------------------


@PROPERTY
@given(value=JSON)
def test_every_setting_validator_answers_yes_or_no(value: Any) -> None:
    for option in all_options():
        assert option.valid(value) in (True, False)
        assert option.valid(option.default) is True


@PROPERTY
@given(
    content=st.one_of(
        st.text(max_size=500),
        st.builds(
            lambda version, values: json.dumps({"version": version, "values": values}),
            JSON,
            st.dictionaries(st.sampled_from([o.key for o in all_options()]) | st.text(), JSON),
        ),
    )
)
def test_any_settings_file_loads(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    stored = Settings(path)
    for option in all_options():
        assert option.valid(stored.get(option))
    assert access_age_limits(stored).guardian_until < access_age_limits(stored).own_from
    hours = OfficeHours.from_settings(
        stored.get(OFFICE_WEEKDAYS), stored.get(OFFICE_OPENS), stored.get(OFFICE_CLOSES)
    )
    assert hours.is_working_day(TODAY) in (True, False)


@PROPERTY
@given(value=JSON)
def test_retention_periods(value: Any) -> None:
    for check in (retention.check_call_months, retention.check_form_years):
        accepted = harmless(check, value)
        assert accepted is None or (isinstance(accepted, int) and accepted >= 1)


@PROPERTY
@given(
    call_months=st.integers(*retention.CALL_MONTHS_RANGE),
    form_years=st.integers(*retention.FORM_YEARS_RANGE),
    now=AWARE,
)
def test_retention_cut_offs(call_months: int, form_years: int, now: dt.datetime) -> None:
    calls_before, forms_before = retention.cutoffs(
        retention.RetentionPolicy(call_months, form_years), now
    )
    assert calls_before < now and forms_before < now


ARTICLE_HEADER = st.lists(
    st.one_of(
        st.builds(
            lambda key, value: f"{key}: {value}",
            st.sampled_from(["id", "title", "topics", "sources", "owner", "last_reviewed",
                             "review_interval_days", "unknown"]),
            st.one_of(TEXT, DATEISH, st.integers().map(str)),
        ),
        TEXT,
    ),
    max_size=9,
)  # fmt: skip


@PROPERTY
@given(
    header=ARTICLE_HEADER,
    body=TEXT,
    raw=st.none() | st.binary(max_size=500),
)
def test_article_files(tmp_path: Path, header: list[str], body: str, raw: bytes | None) -> None:
    path = tmp_path / "article.md"
    if raw is None:
        text = "\n".join(["---", *header, "---", body])
        path.write_bytes(text.encode("utf-8", "replace"))
    else:
        path.write_bytes(raw)
    harmless(knowledge.parse_article_file, path)


@PROPERTY
@given(
    content=st.binary(max_size=300) | JSON.map(json.dumps),
    key=st.text(string.hexdigits, min_size=1, max_size=32),
)
def test_draft_files_of_any_content(tmp_path: Path, content: bytes | str, key: str) -> None:
    assume(key.isalnum())
    store = DraftStore(tmp_path / "drafts")
    store.directory.mkdir(exist_ok=True)
    path = store.directory / f"call-{key}.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    for draft in store.load_all():
        assert isinstance(draft.values, dict)
        assert draft.saved_at.tzinfo is not None or draft.saved_at.tzinfo is None
