"""Reading the call log (issue 3 adds logging and editing calls)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from kansli_desk.core.enums import CallerKind, Outcome
from kansli_desk.core.identity import mask
from kansli_desk.models import Call, Topic, User, call_topics

PAGE_SIZE = 200


@dataclass(frozen=True)
class CallRow:
    """One line of the call list, as plain data for the GUI thread.

    ``person_masked`` is the identity number with its last four digits hidden.
    """

    id: int
    started_at: dt.datetime
    duration_seconds: int | None
    advisor: str
    caller_kind: CallerKind
    topics: tuple[str, ...]
    outcome: Outcome
    callback_due_at: dt.datetime | None
    callback_done: bool
    person_masked: str

    @property
    def cursor(self) -> tuple[dt.datetime, int]:
        """Position of the row in the newest-first order (for the next page)."""
        return (self.started_at, self.id)


def list_calls_page(
    session: Session, *, after: tuple[dt.datetime, int] | None = None, limit: int = PAGE_SIZE
) -> list[CallRow]:
    """Calls newest first, ``limit`` at a time, continuing after the cursor ``after``.

    Keyset pagination on the index (started_at, id): every page costs the same,
    however far the user has scrolled.
    """
    stmt = (
        select(
            Call.id,
            Call.started_at,
            Call.duration_seconds,
            User.display_name,
            User.username,
            Call.caller_kind,
            Call.outcome,
            Call.callback_due_at,
            Call.callback_done_at,
            Call.person_number,
        )
        .join(User, User.id == Call.advisor_id)
        .order_by(Call.started_at.desc(), Call.id.desc())
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(tuple_(Call.started_at, Call.id) < tuple_(*after))
    rows = session.execute(stmt).all()
    topics = _topics_of(session, [row.id for row in rows])
    return [
        CallRow(
            id=row.id,
            started_at=row.started_at,
            duration_seconds=row.duration_seconds,
            advisor=row.display_name or row.username,
            caller_kind=row.caller_kind,
            topics=topics.get(row.id, ()),
            outcome=row.outcome,
            callback_due_at=row.callback_due_at,
            callback_done=row.callback_done_at is not None,
            person_masked=mask(row.person_number),
        )
        for row in rows
    ]


def _topics_of(session: Session, call_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not call_ids:
        return {}
    stmt = (
        select(call_topics.c.call_id, Topic.name)
        .join(Topic, Topic.id == call_topics.c.topic_id)
        .where(call_topics.c.call_id.in_(call_ids))
        .order_by(call_topics.c.call_id, Topic.sort_order)
    )
    found: dict[int, list[str]] = {}
    for call_id, name in session.execute(stmt):
        found.setdefault(call_id, []).append(name)
    return {call_id: tuple(names) for call_id, names in found.items()}
