"""Users: who is working, and in which role."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.errors import KnownError, ValidationError
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
MSG_LOGIN_EMPTY = QT_TRANSLATE_NOOP("Errors", "Enter the login of the new user.")
MSG_LOGIN_SPACES = QT_TRANSLATE_NOOP(
    "Errors", "A login cannot contain spaces or other invisible characters."
)
MSG_LOGIN_LONG = QT_TRANSLATE_NOOP("Errors", "A login can be at most {limit} characters long.")
MSG_LOGIN_TAKEN = QT_TRANSLATE_NOOP("Errors", "There is already a user with the login {username}.")
MSG_NAME_LONG = QT_TRANSLATE_NOOP("Errors", "A name can be at most {limit} characters long.")
MSG_NAME_INVISIBLE = QT_TRANSLATE_NOOP(
    "Errors", "A name cannot contain invisible characters. Type it again."
)
MSG_DEACTIVATE_SELF = QT_TRANSLATE_NOOP(
    "Errors", "You cannot deactivate your own login. Ask another supervisor to do it."
)
MSG_INACTIVE = QT_TRANSLATE_NOOP(
    "Errors",
    "The login {username} has been deactivated in Kansli Desk. Ask a supervisor to reactivate it.",
)

LOGIN_MAX_LENGTH = 128
"""The longest login (the column's size)."""
DISPLAY_NAME_MAX_LENGTH = 200
"""The longest display name (the column's size)."""


class UserInactive(KnownError):
    """The login has been deactivated: the program refuses to work with it."""


@dataclass(frozen=True)
class UserInfo:
    """A user as plain data (safe to hand to the GUI thread)."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool = True

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username


class DbRoleStatus(StrEnum):
    """Whether a user's PostgreSQL login holds the group role of their program role."""

    MATCHES = "matches"  # a member of the matching group role, and of no other
    NO_LOGIN = "no_login"  # no database login of that name
    MISSING = "missing"  # the login is not a member of the matching group role
    OTHER_GROUP = "other_group"  # also a member of another role's group role
    SUPERUSER = "superuser"  # a superuser: the database restricts nothing


@dataclass(frozen=True)
class UserAccount:
    """A user as the administration screen lists them (plain data).

    Attributes:
        user: the user.
        db_role: on PostgreSQL, whether the database login matches the role;
            None on SQLite (the operating-system user is the user).
    """

    user: UserInfo
    db_role: DbRoleStatus | None = None

    @property
    def cursor(self) -> str:
        """Users come as one page; the login marks the end of it."""
        return self.user.username


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, user.role, user.active)


def ensure_user(session: Session, username: str) -> UserInfo:
    """The user with this login, created on first use.

    The first user of a new database becomes its supervisor (someone has to be
    able to administer it); later users start as advisors.

    Raises:
        UserInactive: a supervisor has deactivated the login.
    """
    user = session.scalars(select(User).where(User.username == username)).one_or_none()
    if user is None:
        has_users = session.scalar(select(func.count()).select_from(User)) or 0
        user = User(username=username, role=Role.ADVISOR if has_users else Role.SUPERVISOR)
        session.add(user)
        session.flush()
    if not user.active:
        raise UserInactive(MSG_INACTIVE, username=username)
    return _info(user)


def list_users(session: Session, user: UserInfo) -> list[UserInfo]:
    """Every user, by login (supervisors only).

    Raises:
        NotAllowed: ``user`` is not a supervisor.
    """
    _require_admin(session, user)
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def set_role(session: Session, user: UserInfo, username: str, role: Role) -> UserInfo:
    """Give the user with login ``username`` another role (supervisors only); audited.

    The last active supervisor keeps the role, so that the database can still
    be administered. Nothing is written when the role does not change.

    Raises:
        NotAllowed: ``user`` is not a supervisor.
        ValidationError: no such user, or the last supervisor would be demoted.
    """
    _require_admin(session, user)
    role = Role(role)
    target = _target(session, username)
    old = target.role
    if old is role:
        return _info(target)
    if old is Role.SUPERVISOR and target.active:
        _keep_a_supervisor(session, username, field="role")
    target.role = role
    _record(session, user, target, "role", old=old.value, new=role.value)
    return _info(target)


# --- administration (supervisors) ------------------------------------------------------------


def _require_admin(session: Session, user: UserInfo) -> None:
    """Refuse unless ``user`` is, as saved now, an active supervisor.

    The role is checked on the row as well as on ``user``: a supervisor demoted
    or deactivated by a colleague while working cannot go on administering.

    Raises:
        NotAllowed: not a supervisor (any more).
        UserInactive: deactivated meanwhile.
    """
    roles.require(user, roles.Permission.USERS_ADMIN)
    current = session.scalars(select(User).where(User.username == user.username)).one_or_none()
    if current is not None and not current.active:
        raise UserInactive(MSG_INACTIVE, username=user.username)
    roles.require(
        _info(current) if current is not None else replace(user, role=Role.ADVISOR),
        roles.Permission.USERS_ADMIN,
    )


def _target(session: Session, username: str) -> User:
    """The user row with login ``username``, locked for the change."""
    target = session.scalars(
        select(User).where(User.username == username).with_for_update()
    ).one_or_none()
    if target is None:
        raise ValidationError(MSG_NO_SUCH_USER, field="username", username=username)
    return target


def _keep_a_supervisor(session: Session, username: str, *, field: str) -> None:
    """Refuse when ``username`` is the last active supervisor.

    Locks the active supervisors' rows so that two supervisors cannot demote or
    deactivate each other at once and leave none.
    """
    supervisors = session.scalars(
        select(User.id).where(User.role == Role.SUPERVISOR, User.active.is_(True)).with_for_update()
    ).all()
    if len(supervisors) <= 1:
        raise ValidationError(MSG_LAST_SUPERVISOR, field=field, username=username)


def _record(
    session: Session, user: UserInfo, target: User, field: str, *, old: object, new: object
) -> None:
    from kansli_desk.services import audit  # audit imports this module

    session.flush()
    audit.record(
        session,
        user,
        AuditAction.UPDATE,
        entity=USER_ENTITY,
        entity_id=target.id,
        details={
            "username": target.username,
            "changes": [{"field": field, "old": old, "new": new}],
        },
    )
    session.flush()


def check_login(login: str) -> str:
    """The login as stored (surrounding spaces removed).

    Raises:
        ValidationError: empty, with spaces or invisible characters inside, or too long.
    """
    login = login.strip()
    if not login:
        raise ValidationError(MSG_LOGIN_EMPTY, field="username")
    if not login.isprintable() or any(ch.isspace() for ch in login):
        raise ValidationError(MSG_LOGIN_SPACES, field="username")
    if len(login) > LOGIN_MAX_LENGTH:
        raise ValidationError(MSG_LOGIN_LONG, field="username", limit=LOGIN_MAX_LENGTH)
    return login


def check_display_name(name: str) -> str:
    """The display name as stored: runs of spaces, tabs and line breaks become one space.

    Raises:
        ValidationError: invisible characters, or too long.
    """
    name = " ".join(name.split())
    if not name.isprintable():
        raise ValidationError(MSG_NAME_INVISIBLE, field="display_name")
    if len(name) > DISPLAY_NAME_MAX_LENGTH:
        raise ValidationError(MSG_NAME_LONG, field="display_name", limit=DISPLAY_NAME_MAX_LENGTH)
    return name


def add_user(
    session: Session, user: UserInfo, username: str, display_name: str, role: Role
) -> UserInfo:
    """Add a user with a login, a display name and a role (supervisors only); audited.

    On PostgreSQL the login must also be usable as a database login; the program
    does not create it (a database administrator runs ``kansli-desk db grant``).

    Raises:
        NotAllowed: ``user`` is not a supervisor.
        ValidationError: a bad or taken login, or a bad display name.
    """
    _require_admin(session, user)
    role = Role(role)
    username = check_login(username)
    display_name = check_display_name(display_name)
    if session.get_bind().dialect.name == "postgresql":
        from kansli_desk.services import db_roles

        if not db_roles.LOGIN_PATTERN.fullmatch(username):
            raise ValidationError(db_roles.MSG_BAD_LOGIN, field="username", login=username)
        if username in db_roles.GROUP_ROLES.values():
            raise ValidationError(db_roles.MSG_GROUP_ROLE, field="username", login=username)
    # Case-insensitively (SQLite's lower() knows only ASCII): "Anna" next to "anna"
    # is a typing mistake far more often than a second person.
    for taken in session.scalars(select(User.username)):
        if taken.casefold() == username.casefold():
            raise ValidationError(MSG_LOGIN_TAKEN, field="username", username=taken)
    target = User(username=username, display_name=display_name, role=role, active=True)
    session.add(target)
    session.flush()
    from kansli_desk.services import audit  # audit imports this module

    audit.record(
        session,
        user,
        AuditAction.CREATE,
        entity=USER_ENTITY,
        entity_id=target.id,
        details={
            "username": username,
            "changes": [
                {"field": "role", "old": "", "new": role.value},
                {"field": "display_name", "old": "", "new": display_name},
            ],
        },
    )
    session.flush()
    return _info(target)


def set_display_name(
    session: Session, user: UserInfo, username: str, display_name: str
) -> UserInfo:
    """Change the name shown for a user (supervisors only); audited.

    Nothing is written when the name does not change.

    Raises:
        NotAllowed: ``user`` is not a supervisor.
        ValidationError: no such user, or a bad display name.
    """
    _require_admin(session, user)
    display_name = check_display_name(display_name)
    target = _target(session, username)
    old = target.display_name
    if old == display_name:
        return _info(target)
    target.display_name = display_name
    _record(session, user, target, "display_name", old=old, new=display_name)
    return _info(target)


def set_active(session: Session, user: UserInfo, username: str, active: bool) -> UserInfo:
    """Deactivate or reactivate a user (supervisors only); audited.

    A deactivated user keeps their name on what they did, but the program
    refuses to open the database with their login (:func:`ensure_user`).
    Nobody deactivates themselves, and the last active supervisor stays
    active. Nothing is written when nothing changes.

    Raises:
        NotAllowed: ``user`` is not a supervisor.
        ValidationError: no such user, one's own login, or the last active supervisor.
    """
    _require_admin(session, user)
    target = _target(session, username)
    if target.active == active:
        return _info(target)
    if not active:
        if target.id == user.id or target.username == user.username:
            raise ValidationError(MSG_DEACTIVATE_SELF, field="active")
        if target.role is Role.SUPERVISOR:
            _keep_a_supervisor(session, username, field="active")
    target.active = active
    _record(session, user, target, "active", old=not active, new=active)
    return _info(target)


def list_accounts(session: Session, user: UserInfo) -> list[UserAccount]:
    """Every user, by login, with their database login's state on PostgreSQL
    (supervisors only).

    The state is read from ``pg_roles`` and ``pg_auth_members``, which every login
    may read; nothing is changed in the database's roles.

    Raises:
        NotAllowed: ``user`` is not a supervisor.
    """
    found = list_users(session, user)
    if session.get_bind().dialect.name != "postgresql":
        return [UserAccount(info) for info in found]
    states = database_roles(session, [(info.username, info.role) for info in found])
    return [UserAccount(info, states[info.username]) for info in found]


def database_roles(session: Session, wanted: Iterable[tuple[str, Role]]) -> dict[str, DbRoleStatus]:
    """On PostgreSQL: for each (login, role), whether the login holds the role's group role."""
    from kansli_desk.services.db_roles import GROUP_ROLES

    wanted = list(wanted)
    groups = set(GROUP_ROLES.values())
    logins: dict[str, bool] = {}
    member_of: dict[str, set[str]] = {}
    rows = session.execute(
        text(
            "SELECT r.rolname, r.rolsuper, g.rolname AS grp FROM pg_roles r "
            "LEFT JOIN pg_auth_members m ON m.member = r.oid "
            "LEFT JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE r.rolname = ANY(:logins)"
        ),
        {"logins": [login for login, _role in wanted]},
    )
    for name, superuser, group in rows:
        logins[name] = bool(superuser)
        if group in groups:
            member_of.setdefault(name, set()).add(group)
    states: dict[str, DbRoleStatus] = {}
    for login, role in wanted:
        held = member_of.get(login, set())
        if login not in logins:
            states[login] = DbRoleStatus.NO_LOGIN
        elif logins[login]:
            states[login] = DbRoleStatus.SUPERUSER
        elif GROUP_ROLES[role] not in held:
            states[login] = DbRoleStatus.MISSING
        elif held - {GROUP_ROLES[role]}:
            states[login] = DbRoleStatus.OTHER_GROUP
        else:
            states[login] = DbRoleStatus.MATCHES
    return states
