"""Users: who is working, and in which role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.errors import ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import User
from kansli_desk.services import roles

USER_ENTITY = "user"

MSG_NO_SUCH_USER = QT_TRANSLATE_NOOP("Errors", "There is no user with the login {username}.")
MSG_LAST_SUPERVISOR = QT_TRANSLATE_NOOP(
    "Errors",
    "{username} is the last supervisor. Make someone else a supervisor first, "
    "so that someone can still administer users.",
)


@dataclass(frozen=True)
class UserInfo:
    """A user as plain data (safe to hand to the GUI thread)."""

    id: int
    username: str
    display_name: str
    role: Role

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, user.role)


def ensure_user(session: Session, username: str) -> UserInfo:
    """The user with this login, created on first use.

    The first user of a new database becomes its supervisor (someone has to be
    able to administer it); later users start as advisors.
    """
    user = session.scalars(select(User).where(User.username == username)).one_or_none()
    if user is None:
        has_users = session.scalar(select(func.count()).select_from(User)) or 0
        user = User(username=username, role=Role.ADVISOR if has_users else Role.SUPERVISOR)
        session.add(user)
        session.flush()
    return _info(user)


def list_users(session: Session, user: UserInfo) -> list[UserInfo]:
    """Every user, by login (supervisors only).

    Raises:
        NotAllowed: ``user`` is not a supervisor.
    """
    roles.require(user, roles.Permission.USERS_ADMIN)
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def set_role(session: Session, user: UserInfo, username: str, role: Role) -> UserInfo:
    """Give the user with login ``username`` another role (supervisors only); audited.

    The last supervisor keeps the role, so that the database can still be
    administered. Nothing is written when the role does not change.

    Raises:
        NotAllowed: ``user`` is not a supervisor.
        ValidationError: no such user, or the last supervisor would be demoted.
    """
    from kansli_desk.services import audit  # audit imports this module

    roles.require(user, roles.Permission.USERS_ADMIN)
    role = Role(role)
    target = session.scalars(
        select(User).where(User.username == username).with_for_update()
    ).one_or_none()
    if target is None:
        raise ValidationError(MSG_NO_SUCH_USER, field="username", username=username)
    old = target.role
    if old is role:
        return _info(target)
    if old is Role.SUPERVISOR:
        # Lock the supervisors' rows so that two supervisors cannot demote each
        # other at once and leave none.
        supervisors = session.scalars(
            select(User.id).where(User.role == Role.SUPERVISOR).with_for_update()
        ).all()
        if len(supervisors) <= 1:
            raise ValidationError(MSG_LAST_SUPERVISOR, field="role", username=username)
    target.role = role
    session.flush()
    audit.record(
        session,
        user,
        AuditAction.UPDATE,
        entity=USER_ENTITY,
        entity_id=target.id,
        details={
            "username": username,
            "changes": [{"field": "role", "old": old.value, "new": role.value}],
        },
    )
    session.flush()
    return _info(target)
