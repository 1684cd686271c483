"""Reading the form register (issue 5 adds entering and moving forms)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from kansli_desk.core.enums import FormStatus, FormType, PartyRole
from kansli_desk.core.identity import mask
from kansli_desk.models import Form, FormParty

PAGE_SIZE = 200


@dataclass(frozen=True)
class FormRow:
    """One line of the register list, as plain data for the GUI thread."""

    id: int
    registry_number: str
    received_on: dt.date
    form_type: FormType
    status: FormStatus
    is_urgent: bool
    person_masked: str
    orderer_unit: str

    @property
    def cursor(self) -> tuple[dt.date, int]:
        return (self.received_on, self.id)


def list_forms_page(
    session: Session, *, after: tuple[dt.date, int] | None = None, limit: int = PAGE_SIZE
) -> list[FormRow]:
    """Forms, most recently received first, with keyset pagination on (received_on, id)."""
    stmt = (
        select(
            Form.id,
            Form.registry_number,
            Form.received_on,
            Form.form_type,
            Form.status,
            Form.is_urgent,
            Form.orderer_unit,
        )
        .order_by(Form.received_on.desc(), Form.id.desc())
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(tuple_(Form.received_on, Form.id) < tuple_(*after))
    rows = session.execute(stmt).all()
    people = _main_person_of(session, [row.id for row in rows])
    return [
        FormRow(
            id=row.id,
            registry_number=row.registry_number or "",
            received_on=row.received_on,
            form_type=row.form_type,
            status=row.status,
            is_urgent=row.is_urgent,
            person_masked=mask(people.get(row.id)),
            orderer_unit=row.orderer_unit,
        )
        for row in rows
    ]


def _main_person_of(session: Session, form_ids: list[int]) -> dict[int, str]:
    """The person concerned, or the child, of each form."""
    if not form_ids:
        return {}
    stmt = (
        select(FormParty.form_id, FormParty.id_number)
        .where(
            FormParty.form_id.in_(form_ids),
            FormParty.role.in_([PartyRole.SUBJECT, PartyRole.CHILD]),
        )
        .order_by(FormParty.form_id, FormParty.position)
    )
    found: dict[int, str] = {}
    for form_id, number in session.execute(stmt):
        found.setdefault(form_id, number)
    return found
