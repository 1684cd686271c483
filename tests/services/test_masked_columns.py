"""The database masks identity numbers as the program does (migration 0007).

``calls.person_masked`` and ``form_parties.id_masked`` are generated columns: the
database computes them from the number on every write, so that a login that may
not read the numbers (an advisor's) can still read their masked form. They must
give exactly what :func:`kansli_desk.core.identity.mask` gives, on both databases.
"""

from __future__ import annotations

import random
from typing import cast

import sqlalchemy as sa

from kansli_desk.core.identity import mask
from kansli_desk.models import Call, FormParty
from kansli_desk.services import forms, users
from kansli_desk.services.database import Database
from tests.services.test_forms import NOW, SHARED_TESTDATA, TODAY, minor

ODD = [
    None, "", "1", "1234", "12345", "ABC-1234", "AB1234", "1234567890", "12345678901",
    "R1234567-89", "   12", "+-+-1234", "19121212-1212", "1912121212120", "1234567890123456",
    "ÅÄÖ12345", "2012060112-3",
]  # fmt: skip


def numbers() -> list[str | None]:
    lines = (SHARED_TESTDATA / "skatteverket-testpersonnummer.txt").read_text("ascii").split()
    return ODD + random.Random(7).sample(lines, 300)


def test_the_masked_columns_match_the_programs_mask(database: Database) -> None:
    values = numbers()
    with database.transaction() as session:
        user = users.ensure_user(session, "kd_mask_test")
        session.execute(
            sa.insert(cast(sa.Table, Call.__table__)),
            [
                {
                    "started_at": NOW,
                    "advisor_id": user.id,
                    "caller_kind": "citizen",
                    "outcome": "answered",
                    "notes": "",
                    "person_number": value,
                    "version": 1,
                }
                for value in values
            ],
        )
        got = session.execute(
            sa.select(Call.person_number, Call.person_masked).order_by(Call.id)
        ).all()
    assert [(number, masked) for number, masked in got] == [
        (value, mask(value)) for value in values
    ]


def test_a_form_party_s_masked_number(database: Database) -> None:
    with database.transaction() as session:
        chef = users.ensure_user(session, "kd_mask_chef")
        form_id = forms.register_form(session, chef, minor(), today=TODAY, now=NOW).id
        rows = session.execute(
            sa.select(FormParty.id_number, FormParty.id_masked).where(FormParty.form_id == form_id)
        ).all()
    assert rows and all(masked == mask(number) for number, masked in rows)
