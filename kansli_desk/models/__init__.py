"""SQLAlchemy models of Kansli Desk (no Qt here).

Importing this package registers every table on :data:`Base.metadata`.
"""

import kansli_desk.lean_imports  # noqa: F401  (before SQLAlchemy: see lean_imports)
from kansli_desk.models.audit import AuditEvent, SharedSetting
from kansli_desk.models.base import Base, UTCDateTime, utcnow
from kansli_desk.models.calls import (
    NOTES_MAX_LENGTH,
    OPEN_CALLBACK,
    Call,
    CallArticleView,
    Topic,
    call_topics,
)
from kansli_desk.models.forms import (
    Form,
    FormAttachment,
    FormParty,
    FormStatusChange,
    RegistryCounter,
)
from kansli_desk.models.knowledge import Article, ArticleRevision, article_topics
from kansli_desk.models.users import User

__all__ = [
    "NOTES_MAX_LENGTH",
    "OPEN_CALLBACK",
    "Article",
    "ArticleRevision",
    "AuditEvent",
    "Base",
    "Call",
    "CallArticleView",
    "Form",
    "FormAttachment",
    "FormParty",
    "FormStatusChange",
    "RegistryCounter",
    "SharedSetting",
    "Topic",
    "UTCDateTime",
    "User",
    "article_topics",
    "call_topics",
    "utcnow",
]
