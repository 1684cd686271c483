"""Initial schema: users, topics, calls, knowledge articles, paper forms, audit log.

Also seeds the topic taxonomy of the call log (issue 3); topics are data, so
supervisors can add and retire them later without a code change.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _one_of(table: str, column: str, values: list[str]) -> sa.CheckConstraint:
    """CHECK (column = 'a' OR column = 'b' ...): faster than IN (...) on SQLite inserts."""
    condition = " OR ".join(f"{column} = '{value}'" for value in values)
    return sa.CheckConstraint(condition, name=op.f(f"ck_{table}_{column}"))


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("review_interval_days", sa.Integer(), nullable=False),
        sa.Column("last_reviewed_on", sa.Date(), nullable=True),
        sa.Column("current_revision", sa.Integer(), nullable=False),
        sa.Column("shipped_hash", sa.String(length=64), nullable=True),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("slug", name=op.f("uq_articles_slug")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("person_number", sa.String(length=20), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("workstation", sa.String(length=200), nullable=False),
        _one_of(
            "audit_events",
            "action",
            [
                "create",
                "update",
                "delete",
                "transition",
                "view_unmasked",
                "import",
                "export",
                "print",
                "purge",
                "login",
            ],
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_events_person_at", ["person_number", "at"], unique=False)

    op.create_table(
        "registry_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_registry_counters")),
    )
    op.create_table(
        "shared_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_shared_settings")),
    )
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
        sa.UniqueConstraint("code", name=op.f("uq_topics_code")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=128), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _one_of("users", "role", ["advisor", "registrar", "supervisor"]),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "article_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_revisions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_article_revisions_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_revisions")),
        sa.UniqueConstraint("article_id", "number", name="uq_article_revisions_number"),
    )
    op.create_table(
        "article_topics",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_topics_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
            name=op.f("fk_article_topics_topic_id_topics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "topic_id", name=op.f("pk_article_topics")),
    )
    op.create_table(
        "forms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registry_number", sa.String(length=32), nullable=True),
        sa.Column("form_type", sa.String(length=32), nullable=False),
        sa.Column("initiator", sa.String(length=32), nullable=True),
        sa.Column("measures", sa.JSON(), nullable=False),
        sa.Column("seal_scope", sa.String(length=32), nullable=True),
        sa.Column("scope_unit", sa.String(length=200), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("is_signed", sa.Boolean(), nullable=False),
        sa.Column("is_urgent", sa.Boolean(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("orderer_name", sa.String(length=200), nullable=False),
        sa.Column("orderer_title", sa.String(length=200), nullable=False),
        sa.Column("orderer_unit", sa.String(length=200), nullable=False),
        sa.Column("orderer_phone", sa.String(length=40), nullable=False),
        sa.Column("head_of_operations", sa.String(length=200), nullable=False),
        sa.Column(
            "it_support_phoned_at",
            sa.DateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("it_support_phoned_by", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("executed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "confirmation_sent_at",
            sa.DateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_forms_created_by_id_users"),
            ondelete="SET NULL",
        ),
        _one_of(
            "forms",
            "form_type",
            ["seal_or_lock", "restore_access", "remove_guardian_access", "minor_access"],
        ),
        _one_of("forms", "initiator", ["individual", "staff"]),
        _one_of(
            "forms", "seal_scope", ["whole_account", "care_unit", "care_provider", "time_period"]
        ),
        _one_of(
            "forms",
            "status",
            [
                "received",
                "registered",
                "completion_requested",
                "forwarded",
                "executed",
                "confirmed",
                "closed",
                "cancelled",
                "rejected",
            ],
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forms")),
        sa.UniqueConstraint("registry_number", name=op.f("uq_forms_registry_number")),
    )
    with op.batch_alter_table("forms", schema=None) as batch_op:
        batch_op.create_index("ix_forms_received_id", ["received_on", "id"], unique=False)
        batch_op.create_index("ix_forms_status_received", ["status", "received_on"], unique=False)
        batch_op.create_index("ix_forms_type_received", ["form_type", "received_on"], unique=False)

    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=True),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("caller_kind", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("person_number", sa.String(length=16), nullable=True),
        sa.Column("callback_phone", sa.String(length=40), nullable=True),
        sa.Column("callback_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("callback_done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("form_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["advisor_id"],
            ["users.id"],
            name=op.f("fk_calls_advisor_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["form_id"], ["forms.id"], name=op.f("fk_calls_form_id_forms"), ondelete="SET NULL"
        ),
        _one_of(
            "calls", "caller_kind", ["citizen", "guardian", "representative", "staff", "other"]
        ),
        _one_of(
            "calls",
            "outcome",
            ["answered", "referred_unit", "referred_support", "form_sent", "callback"],
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
    )
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.create_index(
            "ix_calls_advisor_started", ["advisor_id", "started_at"], unique=False
        )
        batch_op.create_index("ix_calls_callback_due", ["callback_due_at"], unique=False)
        batch_op.create_index("ix_calls_outcome_started", ["outcome", "started_at"], unique=False)
        batch_op.create_index("ix_calls_started_id", ["started_at", "id"], unique=False)

    op.create_table(
        "form_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["users.id"],
            name=op.f("fk_form_attachments_added_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["forms.id"],
            name=op.f("fk_form_attachments_form_id_forms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_attachments")),
    )
    with op.batch_alter_table("form_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_attachments_form_id"), ["form_id"], unique=False)

    op.create_table(
        "form_parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id_kind", sa.String(length=32), nullable=False),
        sa.Column("id_number", sa.String(length=20), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("access_given", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["forms.id"],
            name=op.f("fk_form_parties_form_id_forms"),
            ondelete="CASCADE",
        ),
        _one_of("form_parties", "role", ["subject", "child", "guardian"]),
        _one_of("form_parties", "id_kind", ["personnummer", "samordningsnummer", "reservnummer"]),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_parties")),
    )
    with op.batch_alter_table("form_parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_parties_form_id"), ["form_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_form_parties_id_number"), ["id_number"], unique=False)

    op.create_table(
        "form_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["users.id"],
            name=op.f("fk_form_status_changes_changed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["forms.id"],
            name=op.f("fk_form_status_changes_form_id_forms"),
            ondelete="CASCADE",
        ),
        _one_of(
            "form_status_changes",
            "from_status",
            [
                "received",
                "registered",
                "completion_requested",
                "forwarded",
                "executed",
                "confirmed",
                "closed",
                "cancelled",
                "rejected",
            ],
        ),
        _one_of(
            "form_status_changes",
            "to_status",
            [
                "received",
                "registered",
                "completion_requested",
                "forwarded",
                "executed",
                "confirmed",
                "closed",
                "cancelled",
                "rejected",
            ],
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_status_changes")),
    )
    with op.batch_alter_table("form_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_form_status_changes_form_id"), ["form_id"], unique=False
        )

    op.create_table(
        "call_article_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_call_article_views_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["calls.id"],
            name=op.f("fk_call_article_views_call_id_calls"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["article_revisions.id"],
            name=op.f("fk_call_article_views_revision_id_article_revisions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_article_views")),
    )
    with op.batch_alter_table("call_article_views", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_call_article_views_call_id"), ["call_id"], unique=False
        )

    op.create_table(
        "call_topics",
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_call_topics_call_id_calls"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
            name=op.f("fk_call_topics_topic_id_topics"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("call_id", "topic_id", name=op.f("pk_call_topics")),
    )
    with op.batch_alter_table("call_topics", schema=None) as batch_op:
        batch_op.create_index(
            "ix_call_topics_topic_started", ["topic_id", "started_at"], unique=False
        )

    _seed_topics()


def _seed_topics() -> None:
    topics = sa.table(
        "topics",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("description", sa.Text),
        sa.column("sort_order", sa.Integer),
    )
    op.bulk_insert(
        topics,
        [
            {"code": code, "name": name, "description": description, "sort_order": i * 10}
            for i, (code, name, description) in enumerate(TOPICS, start=1)
        ],
    )


# The taxonomy of the call log: the seed's order types and the common questions
# of the domain brief, section I. Names are Swedish data, shown as they are.
TOPICS = [
    (
        "sealing",
        "Försegling",
        "Försegla Journalen: vad det innebär, vem som kan begära det, omfattning.",
    ),
    ("login_lock", "Låsning av inloggning", "Låsa inloggningen till 1177:s e-tjänster."),
    (
        "restore_access",
        "Upplåsning/återställande av direktåtkomst",
        "Häva försegling eller låsning.",
    ),
    (
        "guardian_access",
        "Vårdnadshavares åtkomst och blockering",
        "Ta bort en vårdnadshavares direktåtkomst till barnets journal.",
    ),
    (
        "minor_record",
        "Minderårigs journal 13–15 år",
        "Ge eller ta bort tillgång till journalen för barn 13–15 år.",
    ),
    (
        "journal_content",
        "Vad som visas eller saknas i Journalen",
        "Varför något syns eller saknas i e-tjänsten Journalen.",
    ),
    (
        "hide_information",
        "Dölja information",
        "Rekommenderat arbetssätt för att dölja information för patienten.",
    ),
    (
        "sparr",
        "Spärr (hänvisa, inte Kansliets ärende)",
        "Spärr mot annan vårdpersonal skiljer sig från försegling; hänvisa.",
    ),
    (
        "login_eid",
        "Inloggning och e-legitimation",
        "Inloggning på 1177 med BankID eller Freja eID.",
    ),
    ("proxy", "Ombud", "Ombud och legala ställföreträdare."),
    ("log_extract", "Loggutdrag", "Begäran om loggutdrag: vem har läst min journal."),
    ("other", "Övrigt", "Annat ärende."),
]


def downgrade() -> None:
    with op.batch_alter_table("call_topics", schema=None) as batch_op:
        batch_op.drop_index("ix_call_topics_topic_started")

    op.drop_table("call_topics")
    with op.batch_alter_table("call_article_views", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_article_views_call_id"))

    op.drop_table("call_article_views")
    with op.batch_alter_table("form_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_status_changes_form_id"))

    op.drop_table("form_status_changes")
    with op.batch_alter_table("form_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_parties_id_number"))
        batch_op.drop_index(batch_op.f("ix_form_parties_form_id"))

    op.drop_table("form_parties")
    with op.batch_alter_table("form_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_attachments_form_id"))

    op.drop_table("form_attachments")
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.drop_index("ix_calls_started_id")
        batch_op.drop_index("ix_calls_outcome_started")
        batch_op.drop_index("ix_calls_callback_due")
        batch_op.drop_index("ix_calls_advisor_started")

    op.drop_table("calls")
    with op.batch_alter_table("forms", schema=None) as batch_op:
        batch_op.drop_index("ix_forms_type_received")
        batch_op.drop_index("ix_forms_status_received")
        batch_op.drop_index("ix_forms_received_id")

    op.drop_table("forms")
    op.drop_table("article_topics")
    op.drop_table("article_revisions")
    op.drop_table("users")
    op.drop_table("topics")
    op.drop_table("shared_settings")
    op.drop_table("registry_counters")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_person_at")
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
    op.drop_table("articles")
