"""Masked identity numbers as generated columns, readable by every role.

Issue 7: on PostgreSQL an advisor's login may not read ``form_parties.id_number``
or ``calls.person_number`` (column grants, ``kansli-desk db roles``), yet the
program shows advisors the masked numbers (``YYYYMMDD-XXXX``). Until now it
masked them in Python after reading the whole number, so an advisor's own login
could not run the program. Two generated columns hold the masked form, computed
by the database from the number on every write, whoever writes:

* ``form_parties.id_masked`` and
* ``calls.person_masked``,

``''`` when there is no number. The expression is the same on both databases and
gives what :func:`kansli_desk.core.identity.mask` gives (a test compares them).
The lists and the masked views read these columns; the numbers themselves are
read only where a role may see them.

* SQLite: ``VIRTUAL`` (computed when read; ``ALTER TABLE ADD COLUMN`` cannot add a
  stored one). No table is recreated, so no full-text trigger is touched.
* PostgreSQL: ``STORED`` (PostgreSQL 12 to 17 have no virtual columns); adding
  them rewrites both tables once. Column grants made by ``kansli-desk db roles``
  before this revision do not cover new columns, so the upgrade grants SELECT on
  them to the program's group roles that exist (the role names are copied here).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, generated column, number column, length): a copy, as migrations do not change later.
COLUMNS = (
    ("form_parties", "id_masked", "id_number", 20),
    ("calls", "person_masked", "person_number", 16),
)


def _masked(column: str) -> str:
    return (
        f"CASE WHEN {column} IS NULL OR {column} = '' THEN '' ELSE "
        f"rtrim(substr({column}, 1, CASE WHEN length({column}) >= 12 THEN 8 "
        f"WHEN length({column}) <= 4 THEN 0 ELSE length({column}) - 4 END), '-+ ') "
        f"|| '-XXXX' END"
    )


GROUP_ROLES = ("kansli_radgivare", "kansli_registrator", "kansli_chef")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    kind = "STORED" if postgres else "VIRTUAL"
    for table, column, source, length in COLUMNS:
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR({length}) "
            f"GENERATED ALWAYS AS ({_masked(source)}) {kind}"
        )
        if postgres:
            for role in GROUP_ROLES:
                op.execute(
                    f"DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
                    f"THEN GRANT SELECT ({column}) ON {table} TO {role}; END IF; END $$"
                )


def downgrade() -> None:
    for table, column, _source, _length in COLUMNS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
