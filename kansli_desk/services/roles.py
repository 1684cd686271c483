"""Who may do what: the role matrix, enforced by the services.

The matrix is data (:data:`MATRIX`): each :class:`Permission` lists the roles
that hold it. Services call :func:`require` at the start of every entry point
that changes data or reveals unmasked identity numbers, so hiding a button is
never the only guard.

=====================  ==========  ===========  ==========
permission             rådgivare   registrator  chef
=====================  ==========  ===========  ==========
calls (read, log)      yes         yes          yes
knowledge (read)       yes         yes          yes
forms (read, masked)   yes         yes          yes
forms (change)         no          yes          yes
forms (import)         no          yes          yes
forms (unmasked)       no          yes          yes
exports                no          no           yes
articles (edit)        no          no           yes
topics (edit)          no          no           yes
users (administer)     no          no           yes
retention (purge)      no          no           yes
audit log (read)       no          no           yes
=====================  ==========  ===========  ==========
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from kansli_desk.core.enums import Role
from kansli_desk.errors import KnownError
from kansli_desk.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kansli_desk.services.users import UserInfo


class NotAllowed(KnownError):
    """The user's role does not allow this; nothing was changed or shown."""


class Permission(StrEnum):
    """Something a role may be allowed to do."""

    CALLS = "calls"  # read the call log, log and change calls, callbacks
    KNOWLEDGE_READ = "knowledge_read"
    FORMS_READ = "forms_read"  # the register and forms, identity numbers masked
    FORMS_CHANGE = "forms_change"  # register, correct, move on, attach, confirm
    FORMS_IMPORT = "forms_import"
    FORMS_UNMASKED = "forms_unmasked"  # identity numbers of forms unmasked (audited)
    EXPORT = "export"
    ARTICLES_EDIT = "articles_edit"
    TOPICS_EDIT = "topics_edit"
    USERS_ADMIN = "users_admin"
    RETENTION = "retention"
    AUDIT_READ = "audit_read"


_ALL = frozenset(Role)
_CLERKS = frozenset({Role.REGISTRAR, Role.SUPERVISOR})
_CHEF = frozenset({Role.SUPERVISOR})

MATRIX: dict[Permission, frozenset[Role]] = {
    Permission.CALLS: _ALL,
    Permission.KNOWLEDGE_READ: _ALL,
    Permission.FORMS_READ: _ALL,
    Permission.FORMS_CHANGE: _CLERKS,
    Permission.FORMS_IMPORT: _CLERKS,
    Permission.FORMS_UNMASKED: _CLERKS,
    Permission.EXPORT: _CHEF,
    Permission.ARTICLES_EDIT: _CHEF,
    Permission.TOPICS_EDIT: _CHEF,
    Permission.USERS_ADMIN: _CHEF,
    Permission.RETENTION: _CHEF,
    Permission.AUDIT_READ: _CHEF,
}
"""Which roles hold each permission."""

MSG_FORMS_CHANGE = QT_TRANSLATE_NOOP(
    "Errors", "Only a registry clerk or a supervisor can register or change forms."
)
MSG_FORMS_IMPORT = QT_TRANSLATE_NOOP(
    "Errors", "Only a registry clerk or a supervisor can import forms."
)
MSG_FORMS_UNMASKED = QT_TRANSLATE_NOOP(
    "Errors", "Only a registry clerk or a supervisor can see unmasked identity numbers on forms."
)
MSG_USERS_ADMIN = QT_TRANSLATE_NOOP("Errors", "Only a supervisor can change users' roles.")
MSG_NOT_ALLOWED = QT_TRANSLATE_NOOP("Errors", "Your role does not allow this.")
# The same texts as the services used before the matrix (already translated).
MSG_EXPORT = QT_TRANSLATE_NOOP("Errors", "Only a supervisor can export records.")
MSG_ARTICLES_EDIT = QT_TRANSLATE_NOOP("Errors", "Only a supervisor can edit knowledge articles.")
MSG_TOPICS_EDIT = QT_TRANSLATE_NOOP("Errors", "Only a supervisor can add or retire topics.")
MSG_RETENTION = QT_TRANSLATE_NOOP(
    "Errors", "Only a supervisor can purge old data or change how long data is kept."
)
MSG_AUDIT_READ = QT_TRANSLATE_NOOP(
    "Errors", "Only a supervisor can read the audit log about people."
)

MESSAGES: dict[Permission, str] = {
    Permission.FORMS_CHANGE: MSG_FORMS_CHANGE,
    Permission.FORMS_IMPORT: MSG_FORMS_IMPORT,
    Permission.FORMS_UNMASKED: MSG_FORMS_UNMASKED,
    Permission.EXPORT: MSG_EXPORT,
    Permission.ARTICLES_EDIT: MSG_ARTICLES_EDIT,
    Permission.TOPICS_EDIT: MSG_TOPICS_EDIT,
    Permission.USERS_ADMIN: MSG_USERS_ADMIN,
    Permission.RETENTION: MSG_RETENTION,
    Permission.AUDIT_READ: MSG_AUDIT_READ,
}
"""The refusal of each permission, naming the role that holds it (every role holds
the others, whose refusal falls back to :data:`MSG_NOT_ALLOWED`)."""


def allowed(role: Role, permission: Permission) -> bool:
    """Whether ``role`` holds ``permission``."""
    return role in MATRIX[permission]


def require(user: UserInfo, permission: Permission) -> None:
    """Refuse unless the user's role holds ``permission``.

    Raises:
        NotAllowed: it does not (the message names the role needed).
    """
    if not allowed(user.role, permission):
        raise NotAllowed(MESSAGES.get(permission, MSG_NOT_ALLOWED))
