"""Users: who is working, and in which role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kansli_desk.core.enums import Role
from kansli_desk.models import User


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
