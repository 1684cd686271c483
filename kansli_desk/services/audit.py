"""The audit trail: one append-only row per thing worth tracing."""

from __future__ import annotations

import platform
from typing import Any

from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction
from kansli_desk.models import AuditEvent
from kansli_desk.services.users import UserInfo


def record(
    session: Session,
    user: UserInfo,
    action: AuditAction,
    *,
    entity: str = "",
    entity_id: str | int | None = None,
    person_number: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the caller's transaction (its time is set on flush)."""
    event = AuditEvent(
        username=user.username,
        role=user.role.value,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        person_number=person_number,
        details=details or {},
        workstation=platform.node()[:200],
    )
    session.add(event)
    return event
