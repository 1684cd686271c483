"""Statistics: one index for the durations and caller kinds of a period's calls.

The statistics (kansli_desk.services.statistics) count a period's calls per
duration and caller kind: a histogram of the durations gives the exact median.
Both live only in the table, so without this index a year of calls is read row
by row through ``ix_calls_started_id`` and sorted: about 1.4 s for 1,000,000
calls on SQLite, 0.5 s on PostgreSQL. ``ix_calls_duration_kind_started
(duration_seconds, caller_kind, started_at)`` holds everything the query needs,
already in its GROUP BY order: one index-only pass, about 0.2 s on either
database. SQLite reads the whole index for a long period (the statistics
service decides, see ``FULL_SCAN_SHARE``) and keeps to ``ix_calls_started_id``
for a short one; PostgreSQL's planner chooses by itself.

Only an index is created: no table is recreated, so no full-text trigger is
touched (see the notes in 0002 and 0003).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_calls_duration_kind_started",
        "calls",
        ["duration_seconds", "caller_kind", "started_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_calls_duration_kind_started", table_name="calls")
