"""Form register: indexes for the register list's filters.

The register list's "overdue" filter and the urgent queue look only at forms
that are received, registered, waiting for completion or forwarded: a few
percent of a register that grows by every form ever received. The partial index
``ix_forms_open_received (received_on, id) WHERE status IN (...)`` holds just
those, in arrival order, on both databases. Queries must repeat the condition
verbatim (``kansli_desk.models.forms.OPEN_FORM``) for SQLite to use it.

A second index, ``ix_forms_status_type_received (status, form_type,
received_on)``, serves a status and a type filtered together, which the
single-column indexes of 0001 serve badly when the combination is rare.

Only indexes are created: no table is recreated, so no full-text trigger is
touched (see the notes in 0002 and 0003).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Verbatim copy of kansli_desk.models.forms.OPEN_FORM (migrations stay self-contained).
OPEN_FORM = "status IN ('received', 'registered', 'completion_requested', 'forwarded')"


def upgrade() -> None:
    with op.batch_alter_table("forms", schema=None) as batch_op:
        batch_op.create_index(
            "ix_forms_open_received",
            ["received_on", "id"],
            unique=False,
            sqlite_where=sa.text(OPEN_FORM),
            postgresql_where=sa.text(OPEN_FORM),
        )
        batch_op.create_index(
            "ix_forms_status_type_received",
            ["status", "form_type", "received_on"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("forms", schema=None) as batch_op:
        batch_op.drop_index("ix_forms_status_type_received")
        batch_op.drop_index("ix_forms_open_received")
