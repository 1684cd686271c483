"""Realistic synthetic data for trying the program out and for benchmarks.

Calls fall on working days (Swedish holidays excluded) and mostly within office
hours, with a morning peak and Mondays busiest; topics follow the caller
(guardians ask about children's records, staff about orders). Identity numbers
come from Skatteverket's test personnummer, which are never issued to real
people. Notes are short Swedish sentences with no medical details, as the
program asks of its users. Phone numbers are from the ranges the Swedish Post
and Telecom Authority reserves for fiction (070-174 06 05..99, 031-390 06 00..99).

Rows are written in large batches with SQLAlchemy Core (``executemany`` of a
compiled ``insert()``; ``COPY`` on PostgreSQL), never through the ORM unit of
work, and generated in a second process while the first one writes: a million
calls take well under a minute on SQLite, not many minutes. Big loads build the
indexes, the notes' full-text index included, once at the end.
"""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing
import queue
import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from kansli_desk import paths
from kansli_desk.core.enums import (
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
from kansli_desk.core.office_hours import TIMEZONE, OfficeHours
from kansli_desk.models import (
    Call,
    Form,
    FormParty,
    FormStatusChange,
    RegistryCounter,
    Topic,
    User,
    UTCDateTime,
    call_topics,
)
from kansli_desk.models.calls import NOTES_FTS_TABLE, NOTES_FTS_TRIGGERS, NOTES_SEARCH_INDEX

T = TypeVar("T")

# The tables as Core ``Table`` objects (the ORM types them as FromClause).
CALLS = cast(Table, Call.__table__)
FORMS = cast(Table, Form.__table__)
FORM_PARTIES = cast(Table, FormParty.__table__)
FORM_STATUS_CHANGES = cast(Table, FormStatusChange.__table__)
REGISTRY_COUNTERS = cast(Table, RegistryCounter.__table__)

BATCH = 20_000
BULK_INDEX_THRESHOLD = 100_000
PARALLEL_THRESHOLD = 100_000
CALLS_PER_WORKING_DAY = 40
MAX_WORKING_DAYS = 750  # about three years

DEMO_USERS: Sequence[tuple[str, str, Role]] = (
    ("demo.anna", "Anna Lindqvist", Role.ADVISOR),
    ("demo.erik", "Erik Johansson", Role.ADVISOR),
    ("demo.fatima", "Fatima Hassan", Role.ADVISOR),
    ("demo.lars", "Lars Nyström", Role.ADVISOR),
    ("demo.maria", "Maria Berg", Role.ADVISOR),
    ("demo.oskar", "Oskar Ek", Role.ADVISOR),
    ("demo.sara", "Sara Holm", Role.REGISTRAR),
    ("demo.johan", "Johan Åberg", Role.REGISTRAR),
    ("demo.karin", "Karin Öst", Role.SUPERVISOR),
)

_CALLER_WEIGHTS = {
    CallerKind.CITIZEN: 55,
    CallerKind.GUARDIAN: 20,
    CallerKind.STAFF: 15,
    CallerKind.REPRESENTATIVE: 5,
    CallerKind.OTHER: 5,
}

# Topic codes (seeded by migration 0001) and how often each caller asks about them.
_TOPIC_WEIGHTS: dict[CallerKind, dict[str, int]] = {
    CallerKind.CITIZEN: {
        "sealing": 20, "login_lock": 10, "restore_access": 14, "journal_content": 22,
        "hide_information": 6, "sparr": 8, "login_eid": 10, "log_extract": 6, "other": 4,
    },
    CallerKind.GUARDIAN: {
        "guardian_access": 35, "minor_record": 40, "journal_content": 10, "login_eid": 5,
        "sparr": 4, "other": 6,
    },
    CallerKind.STAFF: {
        "sealing": 25, "login_lock": 15, "restore_access": 15, "guardian_access": 15,
        "minor_record": 10, "hide_information": 15, "other": 5,
    },
    CallerKind.REPRESENTATIVE: {"proxy": 60, "journal_content": 15, "sealing": 10, "other": 15},
    CallerKind.OTHER: {"other": 50, "journal_content": 20, "log_extract": 15, "sparr": 15},
}  # fmt: skip

_OUTCOME_WEIGHTS = {
    Outcome.ANSWERED: 62,
    Outcome.REFERRED_UNIT: 14,
    Outcome.REFERRED_SUPPORT: 8,
    Outcome.FORM_SENT: 8,
    Outcome.CALLBACK: 8,
}

_NOTES: dict[str, Sequence[str]] = {
    "sealing": (
        "Frågade vad försegling innebär. Förklarade att Journalen då inte kan läsas alls.",
        "Vill försegla sitt konto själv. Visade vägen via Alternativ i Journalen.",
        "Undrade om försegling kan gälla en viss vårdenhet. Förklarade omfattningen.",
    ),
    "login_lock": (
        "Vill låsa inloggningen till 1177. Förklarade att Journalen även bör förseglas.",
        "Frågade om skillnaden mellan låsning och försegling.",
    ),
    "restore_access": (
        "Försegling gjord av misstag. Förklarade blanketten för återställande.",
        "Vill få tillbaka direktåtkomsten. Hänvisade till vårdgivaren som beslutar.",
    ),
    "guardian_access": (
        "Vårdnadshavare undrar varför barnet inte syns på startsidan.",
        "Personal vill ta bort en vårdnadshavares åtkomst. Beskrev blanketten.",
        "Frågade om den andra vårdnadshavarens åtkomst påverkas. Svarade nej.",
    ),
    "minor_record": (
        "Förälder undrar varför journalen inte syns sedan barnet fyllt 13.",
        "Frågade om undantag för barn 13–15 år. Förklarade att verksamhetschef beslutar.",
        "Barnet vill läsa sin journal före 16. Förklarade hur undantag begärs.",
    ),
    "journal_content": (
        "Saknar anteckningar i Journalen. Förklarade vilka uppgifter som inte visas.",
        "Undrar varför gamla uppgifter saknas. Förklarade regionens startdatum.",
        "Ser inte det senaste besöket. Påminde om valet att dölja nya uppgifter.",
    ),
    "hide_information": (
        "Personal frågade om rekommenderat arbetssätt för att dölja information.",
        "Undrade vilka sökord som inte visas i Journalen.",
    ),
    "sparr": (
        "Ville spärra journalen mot annan vårdgivare. Hänvisade, inte Kansliets ärende.",
        "Blandade ihop spärr och försegling. Förklarade skillnaden och hänvisade.",
    ),
    "login_eid": (
        "Kommer inte in på 1177. Förklarade att e-legitimation krävs.",
        "Har samordningsnummer och kan inte logga in. Förklarade varför.",
    ),
    "proxy": (
        "Anhörig vill läsa journalen som ombud. Förklarade att det inte går för vuxna.",
        "God man frågade om åtkomst. Förklarade att tingsrättens beslut krävs.",
    ),
    "log_extract": ("Vill veta vem som läst journalen. Beskrev hur loggutdrag begärs.",),
    "other": (
        "Allmän fråga om 1177:s e-tjänster.",
        "Fel nummer, kopplade vidare.",
        "Frågade efter Kansliets öppettider.",
    ),
}

_CLOSINGS = (
    "",
    " Nöjd med svaret.",
    " Skickade länk till blanketten.",
    " Ringer tillbaka vid behov.",
    " Bad personen kontakta sin vårdenhet.",
)

_RARE_WORDS = ("kvittens", "tolkbehov", "adressändring", "Västervik", "Oskarshamn")

_UNITS = (
    "Vårdcentralen Kalmar",
    "Vårdcentralen Västervik",
    "BUP Kalmar",
    "Ungdomsmottagningen Oskarshamn",
    "Länssjukhuset Kalmar, barnklinik",
    "Västerviks sjukhus, medicinklinik",
    "Oskarshamns sjukhus, akutmottagning",
)
_ORDERERS = (
    ("Eva Svensson", "Sjuksköterska"),
    ("Ahmed Ali", "Läkare"),
    ("Ingrid Karlsson", "Kurator"),
    ("Peter Olsson", "Enhetschef"),
    ("Lena Nilsson", "Barnmorska"),
)
_HEADS = ("Birgitta Lund", "Mats Engström", "Helena Sjöberg", "Ola Persson")


@dataclass(frozen=True)
class DemoSummary:
    """How much :func:`generate` wrote."""

    calls: int
    forms: int


def load_test_numbers() -> list[str]:
    """Skatteverket's test personnummer (12 digits each), from the resources."""
    path = paths.resource("testdata", "skatteverket-testpersonnummer.txt")
    return [line.strip() for line in path.read_text(encoding="ascii").splitlines() if line.strip()]


def generate(engine: Engine, *, calls: int, forms: int, seed: int | None = None) -> DemoSummary:
    """Add ``calls`` calls and ``forms`` forms to a migrated database, in one transaction."""
    rng = random.Random(seed)
    today = dt.datetime.now(TIMEZONE).date()
    generator = _Generator(rng, today, load_test_numbers())
    with engine.begin() as conn:
        users = _ensure_users(conn)
        topic_ids = dict(conn.execute(select(Topic.code, Topic.id)).all())
        advisors = [uid for uid, role in users.values() if role is Role.ADVISOR]
        clerks = [uid for uid, role in users.values() if role is not Role.ADVISOR]
        form_ids = _write_forms(conn, generator, forms, clerks)
        plan = _CallPlan(
            seed=rng.getrandbits(63),
            count=calls,
            first_id=_next_id(conn, CALLS),
            today=today,
            now=_now(),
            advisors=tuple(advisors),
            topic_ids=topic_ids,
            form_ids=tuple(form_ids),
            dialect=conn.dialect.name,
        )
        _write_calls(conn, plan)
        if conn.dialect.name == "postgresql":
            for table in ("calls", "forms", "form_parties", "form_status_changes"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
                    )
                )
    return DemoSummary(calls, forms)


def _ensure_users(conn: Connection) -> dict[str, tuple[int, Role]]:
    existing = {name for (name,) in conn.execute(select(User.username))}
    missing = [
        {"username": u, "display_name": n, "role": r, "active": True, "created_at": _now()}
        for u, n, r in DEMO_USERS
        if u not in existing
    ]
    if missing:
        conn.execute(insert(User), missing)
    rows = conn.execute(
        select(User.username, User.id, User.role).where(
            User.username.in_([u for u, _, _ in DEMO_USERS])
        )
    )
    return {name: (uid, role) for name, uid, role in rows}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _next_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def _batched(rows: Iterator[T], size: int = BATCH) -> Iterator[list[T]]:
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Generator:
    """Draws plausible values; all randomness goes through one seeded RNG."""

    def __init__(self, rng: random.Random, today: dt.date, numbers: list[str]) -> None:
        self.rng = rng
        self.today = today
        self.numbers = numbers
        self.hours = OfficeHours()
        self._by_year: dict[int, list[str]] = {}
        for number in numbers:
            self._by_year.setdefault(int(number[:4]), []).append(number)

    def working_days(self, count: int) -> list[dt.date]:
        """The last ``count`` working days up to today."""
        days: list[dt.date] = []
        day = self.today
        while len(days) < count:
            if self.hours.is_working_day(day):
                days.append(day)
            day -= dt.timedelta(days=1)
        days.reverse()
        return days

    def seconds_into_day(self) -> int:
        """Local time of a call: mostly office hours, a morning peak, a few outside."""
        rng = self.rng
        pick = rng.random()
        if pick < 0.015:
            minutes = 7 * 60 + rng.random() * 60  # before opening
        elif pick < 0.03:
            minutes = 16.5 * 60 + rng.random() * 90  # after closing
        else:
            minutes = rng.triangular(8 * 60, 16.5 * 60, 9.75 * 60)
        return int(minutes * 60)

    def call_time(self, day: dt.date) -> dt.datetime:
        """A moment on ``day`` (UTC)."""
        return dt.datetime.fromtimestamp(_midnight(day) + self.seconds_into_day(), dt.UTC)

    def call_times(self, days: Sequence[dt.date], count: int, now: dt.datetime) -> list[float]:
        """``count`` sorted POSIX times spread over ``days``.

        Adding seconds to local midnight is exact on working days: daylight-saving
        time changes on Sundays.
        """
        midnights = [_midnight(day) for day in days]
        chance, seconds = self.rng.random, self.seconds_into_day
        latest = now.timestamp()
        times: list[float] = []
        while len(times) < count:
            moment = midnights[int(chance() * len(midnights))] + seconds()
            if moment < latest:  # today's calls only up to now
                times.append(moment)
        times.sort()
        return times

    def duration(self) -> int:
        return max(20, min(3600, int(math.exp(self.rng.gauss(5.4, 0.6)))))

    def person_of_age(self, on: dt.date, low: int, high: int) -> str:
        """A test personnummer of someone aged ``low``..``high`` on ``on``."""
        years = [y for y in range(on.year - high - 1, on.year - low + 1) if y in self._by_year]
        while True:
            number = self.rng.choice(self._by_year[self.rng.choice(years)])
            born = dt.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
            age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
            if low <= age <= high:
                return number

    def adult(self, on: dt.date) -> str:
        return self.person_of_age(on, 18, 90)

    def phone(self) -> str:
        if self.rng.random() < 0.5:
            return f"070-174 06 {self.rng.randrange(5, 100):02d}"
        return f"031-390 06 {self.rng.randrange(0, 100):02d}"

    def notes(self, codes: list[str], choice: Callable[[Sequence[str]], str]) -> str:
        """A short Swedish note for a call about ``codes`` (no medical details)."""
        text = " ".join([choice(_NOTES[code]) for code in codes]) + choice(_CLOSINGS)
        if self.rng.random() < 0.001:
            text += f" Nämnde {choice(_RARE_WORDS)}."
        return text


def _midnight(day: dt.date) -> float:
    """POSIX time of local midnight at the start of ``day``."""
    return dt.datetime.combine(day, dt.time(0), TIMEZONE).timestamp()


def _expand(weights: dict[Any, int]) -> list[Any]:
    """Each key repeated by its weight: ``rng.choice`` on it is a fast weighted draw."""
    return [key for key, weight in weights.items() for _ in range(weight)]


@dataclass(frozen=True)
class _CallPlan:
    """All a call generator needs; picklable, so a second process can run it."""

    seed: int
    count: int
    first_id: int
    today: dt.date
    now: dt.datetime
    advisors: tuple[int, ...]
    topic_ids: dict[str, int]
    form_ids: tuple[int, ...]
    dialect: str


def _write_calls(conn: Connection, plan: _CallPlan) -> None:
    """Insert the planned calls and their topics.

    Above :data:`PARALLEL_THRESHOLD` the rows are generated in a second process
    while this one writes (2 cores: generating and writing take about as long).
    """
    if plan.count == 0:
        return
    calls_insert = BulkInsert(conn, CALLS, _CALL_COLUMNS)
    topics_insert = BulkInsert(conn, call_topics, ("call_id", "topic_id", "started_at"))
    batches = (
        _batches_from_subprocess(plan) if plan.count >= PARALLEL_THRESHOLD else _call_batches(plan)
    )
    with (
        _notes_search_rebuilt_after(conn, plan.first_id, plan.count),
        _indexes_rebuilt_after(conn, [CALLS, call_topics], plan.count),
    ):
        for call_batch, topic_batch in batches:
            calls_insert.run(call_batch)
            topics_insert.run(topic_batch)


Batch = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def _call_batches(plan: _CallPlan) -> Iterator[Batch]:
    """The rows of the planned calls and of their topics, ``BATCH`` calls at a time."""
    gen = _Generator(random.Random(plan.seed), plan.today, load_test_numbers())
    rng = gen.rng
    chance = rng.random

    def choice(seq: Sequence[T]) -> T:  # rng.choice without its argument checks
        return seq[int(chance() * len(seq))]

    # Plain strings in the hot loop: enum attribute access costs more than the rest.
    callers = [kind.value for kind in _expand(_CALLER_WEIGHTS)]
    topics_by_kind = {kind.value: _expand(weights) for kind, weights in _TOPIC_WEIGHTS.items()}
    outcomes = [outcome.value for outcome in _expand(_OUTCOME_WEIGHTS)]
    durations = [gen.duration() for _ in range(4096)]
    days = gen.working_days(max(5, min(MAX_WORKING_DAYS, plan.count // CALLS_PER_WORKING_DAY)))
    starts = gen.call_times(days, plan.count, plan.now)
    to_db = datetime_processor(plan.dialect)
    topic_ids, advisors, form_ids, now = plan.topic_ids, plan.advisors, plan.form_ids, plan.now
    callback, form_sent = Outcome.CALLBACK.value, Outcome.FORM_SENT.value
    call_rows: list[tuple[Any, ...]] = []
    topic_rows: list[tuple[Any, ...]] = []
    utc = dt.UTC
    for offset, timestamp in enumerate(starts):
        call_id = plan.first_id + offset
        started = dt.datetime.fromtimestamp(timestamp, utc)
        started_db = to_db(started)
        kind = choice(callers)
        kind_topics = topics_by_kind[kind]
        codes = [choice(kind_topics)]
        if chance() < 0.25:
            second = choice(kind_topics)
            if second != codes[0]:
                codes.append(second)
        for code in codes:
            topic_rows.append((call_id, topic_ids[code], started_db))
        outcome = choice(outcomes)
        callback_due = callback_done = phone = None
        if outcome == callback:
            phone = gen.phone()
            due = started + dt.timedelta(hours=choice((1, 2, 4, 24, 48)))
            callback_due = to_db(due)
            if due < now and chance() < 0.95:
                callback_done = to_db(due - dt.timedelta(minutes=rng.randrange(0, 50)))
        form_id = None
        if form_ids and outcome == form_sent and chance() < 0.5:
            form_id = choice(form_ids)
        call_rows.append(
            (
                call_id,
                started_db,
                choice(durations),
                choice(advisors),
                kind,
                outcome,
                gen.notes(codes, choice),
                choice(gen.numbers) if chance() < 0.2 else None,
                phone,
                callback_due,
                callback_done,
                form_id,
                1,
                started_db,
                started_db,
            )
        )
        if len(call_rows) >= BATCH:
            yield call_rows, topic_rows
            call_rows, topic_rows = [], []
    yield call_rows, topic_rows


def _produce(plan: _CallPlan, out: Any) -> None:
    """Runs in the second process: generate the batches into the queue ``out``."""
    try:
        for batch in _call_batches(plan):
            out.put(batch)
        out.put(None)
    except BaseException as exc:  # reported to the writing process
        out.put(f"{type(exc).__name__}: {exc}")
        raise


def _batches_from_subprocess(plan: _CallPlan) -> Iterator[Batch]:
    """The batches of :func:`_call_batches`, generated by a second process."""
    context = multiprocessing.get_context("spawn")  # no inherited connections or locks
    batches = context.Queue(maxsize=3)
    worker = context.Process(target=_produce, args=(plan, batches), daemon=True)
    worker.start()
    try:
        while True:
            try:
                item = batches.get(timeout=1)
            except queue.Empty:
                if not worker.is_alive():
                    raise RuntimeError("the demo data generator stopped unexpectedly") from None
                continue
            if item is None:
                break
            if isinstance(item, str):
                raise RuntimeError(f"the demo data generator failed: {item}")
            yield item
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()


@contextmanager
def _indexes_rebuilt_after(conn: Connection, tables: list[Table], rows: int) -> Iterator[None]:
    """For big loads, drop the secondary indexes and build them again afterwards.

    Building an index once over sorted data is several times faster than
    updating it row by row. Each index is built again from the definition the
    database holds (the migrations' partial indexes keep their WHERE clause),
    inside the same transaction.
    """
    if rows < BULK_INDEX_THRESHOLD:
        yield
        return
    definitions = []
    for index in (index for table in tables for index in table.indexes):
        definitions.append(_index_definition(conn, str(index.name)))
        index.drop(conn)
    yield
    for definition in definitions:
        conn.exec_driver_sql(definition)


def _index_definition(conn: Connection, name: str) -> str:
    """The CREATE INDEX statement of an existing index, as the database stores it."""
    if conn.dialect.name == "postgresql":
        query = text("SELECT pg_get_indexdef(to_regclass(:name))")
    else:
        query = text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name")
    definition = conn.execute(query, {"name": name}).scalar_one()
    return str(definition)


@contextmanager
def _notes_search_rebuilt_after(conn: Connection, first_id: int, rows: int) -> Iterator[None]:
    """For big loads, index the new notes for full-text search in one go afterwards.

    SQLite: the FTS5 triggers are dropped for the load and the new rows (ids from
    ``first_id`` on) are added to ``calls_fts`` with one INSERT ... SELECT; the
    triggers are then created again from their own SQL. Measured at 1,000,000
    calls: 7 s instead of 60 s with the triggers firing row by row.
    PostgreSQL: the generated ``tsvector`` column is computed during COPY; its GIN
    index is dropped and built again afterwards, as the other indexes are.
    """
    if rows < BULK_INDEX_THRESHOLD:
        yield
        return
    if conn.dialect.name == "sqlite":
        names = ", ".join(f"'{name}'" for name in NOTES_FTS_TRIGGERS)
        triggers = conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})"
        ).all()
        for name, _ in triggers:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        yield
        conn.execute(
            text(
                f"INSERT INTO {NOTES_FTS_TABLE}(rowid, notes) "
                "SELECT id, notes FROM calls WHERE id >= :first"
            ),
            {"first": first_id},
        )
        for _, sql in triggers:
            conn.exec_driver_sql(sql)
        return
    definition = conn.execute(
        text("SELECT pg_get_indexdef(to_regclass(:name))"), {"name": NOTES_SEARCH_INDEX}
    ).scalar_one()
    if definition is None:  # not there: nothing to rebuild
        yield
        return
    conn.exec_driver_sql(f"DROP INDEX {NOTES_SEARCH_INDEX}")
    yield
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    conn.exec_driver_sql(definition)


_CALL_COLUMNS = (
    "id",
    "started_at",
    "duration_seconds",
    "advisor_id",
    "caller_kind",
    "outcome",
    "notes",
    "person_number",
    "callback_phone",
    "callback_due_at",
    "callback_done_at",
    "form_id",
    "version",
    "created_at",
    "updated_at",
)


def datetime_processor(dialect_name: str) -> Callable[[dt.datetime], Any]:
    """How a database stores a :class:`UTCDateTime` value (computed once per value)."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = sqlite.dialect() if dialect_name == "sqlite" else postgresql.dialect()
    processor = UTCDateTime().bind_processor(dialect)
    return processor if processor is not None else (lambda value: value)


class BulkInsert:
    """Bulk insertion of plain tuples into one table.

    SQLite: the table's Core ``insert()`` compiled once and run with
    ``executemany``. The rows already hold values in database form (see
    :func:`datetime_processor`), so SQLAlchemy's per-row parameter assembly is
    skipped: for a million calls it costs more than SQLite's own work.
    PostgreSQL: ``COPY ... FROM STDIN`` through the driver, which is several
    times faster than any INSERT there. Also used by the form import
    (:mod:`kansli_desk.services.form_import`).

    Attributes:
        table_name: the table written.
        columns: the columns of each row, in order.
    """

    def __init__(self, conn: Connection, table: Table, columns: Sequence[str]) -> None:
        self._conn = conn
        self._columns = tuple(columns)
        self.table_name = table.name
        self.columns = self._columns
        if conn.dialect.name == "postgresql":
            quoted = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in columns)
            self._copy: str | None = f"COPY {table.name} ({quoted}) FROM STDIN"
            return
        self._copy = None
        compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
        assert compiled.positional and tuple(compiled.positiontup or ()) == self._columns
        self._sql = str(compiled)

    def run(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self._copy is None:
            self._conn.exec_driver_sql(self._sql, list(rows))
            return
        driver = self._conn.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor, cursor.copy(self._copy) as copy:
            for row in rows:
                copy.write_row(row)


_FORM_TYPE_WEIGHTS = {
    FormType.SEAL_OR_LOCK: 40,
    FormType.RESTORE_ACCESS: 20,
    FormType.REMOVE_GUARDIAN_ACCESS: 25,
    FormType.MINOR_ACCESS: 15,
}

# Where a form ends up, and the path of statuses that led there.
_PATHS: Sequence[tuple[int, tuple[FormStatus, ...]]] = (
    (4, (FormStatus.RECEIVED,)),
    (6, (FormStatus.RECEIVED, FormStatus.REGISTERED)),
    (3, (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.COMPLETION_REQUESTED)),
    (5, (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.FORWARDED)),
    (5, (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.FORWARDED, FormStatus.EXECUTED)),
    (8, (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.FORWARDED, FormStatus.EXECUTED,
         FormStatus.CONFIRMED)),
    (60, (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.FORWARDED, FormStatus.EXECUTED,
          FormStatus.CONFIRMED, FormStatus.CLOSED)),
    (2, (FormStatus.RECEIVED, FormStatus.CANCELLED)),
    (2, (FormStatus.RECEIVED, FormStatus.REGISTERED, FormStatus.REJECTED)),
)  # fmt: skip


def _write_forms(conn: Connection, gen: _Generator, count: int, clerks: list[int]) -> list[int]:
    if count == 0:
        return []
    rng = gen.rng
    days = gen.working_days(max(5, min(MAX_WORKING_DAYS, count // 2)))
    received = sorted(rng.choice(days) for _ in range(count))
    first_id = _next_id(conn, FORMS)
    counters = dict(conn.execute(select(RegistryCounter.year, RegistryCounter.last_number)).all())
    known_years = set(counters)
    forms: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    paths_ = _expand({path: weight for weight, path in _PATHS})
    form_types = _expand(_FORM_TYPE_WEIGHTS)
    for offset, received_on in enumerate(received):
        form_id = first_id + offset
        form_type = rng.choice(form_types)
        signed_on = received_on - dt.timedelta(days=rng.randrange(1, 6))
        path = rng.choice(paths_)
        urgent = rng.random() < 0.12
        steps = _step_times(gen, received_on, len(path))
        path = path[: len(steps)]
        reached = dict(zip(path, steps, strict=True))
        registry_number = None
        if FormStatus.REGISTERED in path:
            year = received_on.year
            counters[year] = counters.get(year, 0) + 1
            registry_number = f"KD-{year}-{counters[year]:05d}"
        orderer, title = rng.choice(_ORDERERS)
        form = {
            "id": form_id,
            "registry_number": registry_number,
            "form_type": form_type,
            "initiator": None,
            "measures": [],
            "seal_scope": None,
            "scope_unit": None,
            "period_from": None,
            "period_to": None,
            "status": path[-1],
            "is_signed": path[-1] is not FormStatus.COMPLETION_REQUESTED,
            "is_urgent": urgent,
            "signed_on": signed_on,
            "received_on": received_on,
            "orderer_name": orderer,
            "orderer_title": title,
            "orderer_unit": rng.choice(_UNITS),
            "orderer_phone": gen.phone(),
            "head_of_operations": rng.choice(_HEADS),
            "it_support_phoned_at": steps[0] - dt.timedelta(hours=2) if urgent else None,
            "it_support_phoned_by": orderer if urgent else None,
            "note": "",
            "registered_at": reached.get(FormStatus.REGISTERED),
            "executed_at": reached.get(FormStatus.EXECUTED),
            "confirmation_sent_at": reached.get(FormStatus.CONFIRMED),
            "created_by_id": rng.choice(clerks),
            "version": 1,
            "created_at": steps[0],
            "updated_at": steps[-1],
        }
        _fill_form_type(gen, form, parties, signed_on)
        forms.append(form)
        previous = None
        for status, at in zip(path, steps, strict=True):
            history.append(
                {
                    "form_id": form_id,
                    "from_status": previous,
                    "to_status": status,
                    "changed_at": at,
                    "changed_by_id": rng.choice(clerks),
                    "comment": "",
                }
            )
            previous = status
    for batch in _batched(iter(forms)):
        conn.execute(insert(FORMS), batch)
    for batch in _batched(iter(parties)):
        conn.execute(insert(FORM_PARTIES), batch)
    for batch in _batched(iter(history)):
        conn.execute(insert(FORM_STATUS_CHANGES), batch)
    for year, last in counters.items():
        table = REGISTRY_COUNTERS
        if year in known_years:
            conn.execute(table.update().where(table.c.year == year).values(last_number=last))
        else:
            conn.execute(insert(table).values(year=year, last_number=last))
    return [form["id"] for form in forms]


def _step_times(gen: _Generator, received_on: dt.date, count: int) -> list[dt.datetime]:
    """Times of successive workflow steps from the arrival day, none in the future."""
    now = _now()
    at = min(gen.call_time(received_on), now - dt.timedelta(minutes=1))
    times = [at]
    for _ in range(count - 1):
        at = at + dt.timedelta(hours=gen.rng.choice((1, 3, 20, 26, 48, 70)))
        if at > now:
            break
        times.append(at)
    return times


def _fill_form_type(
    gen: _Generator, form: dict[str, Any], parties: list[dict[str, Any]], signed_on: dt.date
) -> None:
    rng = gen.rng
    form_type: FormType = form["form_type"]

    def party(role: PartyRole, position: int, number: str, given: bool | None = None) -> None:
        parties.append(
            {
                "form_id": form["id"],
                "role": role,
                "position": position,
                "id_kind": IdKind.PERSONNUMMER,
                "id_number": number,
                "birth_date": dt.date(int(number[:4]), int(number[4:6]), int(number[6:8])),
                "name": "",
                "access_given": given,
            }
        )

    if form_type in (FormType.SEAL_OR_LOCK, FormType.RESTORE_ACCESS):
        form["initiator"] = rng.choice((Initiator.INDIVIDUAL, Initiator.STAFF))
        sealing = form_type is FormType.SEAL_OR_LOCK
        options = (
            [[Measure.SEAL_JOURNAL], [Measure.LOCK_LOGIN],
             [Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN]]
            if sealing
            else [[Measure.UNSEAL_JOURNAL], [Measure.UNLOCK_LOGIN],
                  [Measure.UNSEAL_JOURNAL, Measure.UNLOCK_LOGIN]]
        )  # fmt: skip
        form["measures"] = [m.value for m in rng.choice(options)]
        if sealing and Measure.SEAL_JOURNAL.value in form["measures"]:
            scope = rng.choices(list(SealScope), weights=(70, 15, 5, 10))[0]
            form["seal_scope"] = scope
            if scope in (SealScope.CARE_UNIT, SealScope.CARE_PROVIDER):
                form["scope_unit"] = rng.choice(_UNITS)
            elif scope is SealScope.TIME_PERIOD:
                form["period_from"] = signed_on - dt.timedelta(days=rng.randrange(30, 900))
                form["period_to"] = signed_on
        party(PartyRole.SUBJECT, 0, gen.person_of_age(signed_on, 16, 90))
    elif form_type is FormType.REMOVE_GUARDIAN_ACCESS:
        form["measures"] = [Measure.REMOVE_GUARDIAN_ACCESS.value]
        party(PartyRole.CHILD, 0, gen.person_of_age(signed_on, 0, 12))
        for position in range(1, rng.choice((2, 2, 3))):
            party(PartyRole.GUARDIAN, position, gen.adult(signed_on))
    else:
        give = rng.random() < 0.7
        form["measures"] = [
            (Measure.GIVE_MINOR_ACCESS if give else Measure.REMOVE_MINOR_ACCESS).value
        ]
        party(PartyRole.CHILD, 0, gen.person_of_age(signed_on, 13, 15), give)
        party(PartyRole.GUARDIAN, 1, gen.adult(signed_on), give if rng.random() < 0.5 else None)
