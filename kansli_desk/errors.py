"""Error types shared by every layer.

Errors are split as in qutebrowser's ``misc/sql.py``:

* :class:`KnownError`: the environment or the user's input is at fault (a locked
  or corrupt file, an unreachable server, an invalid value). The message is shown
  to the user, translated, without a traceback.
* Anything else is a bug: it is logged with its traceback and reported as such.

Messages are English templates marked with :func:`QT_TRANSLATE_NOOP` and filled
with ``str.format`` parameters after translation. Parameters must never hold a
password or a personnummer.
"""

from __future__ import annotations

from typing import Any

from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Errors"


class KnownError(Exception):
    """An error the user can understand and act on.

    Attributes:
        template: English message template (translated in ``CONTEXT``).
        params: values for the template's ``{placeholders}``.
        field: name of the input field at fault, when there is one.
    """

    def __init__(self, template: str, *, field: str | None = None, **params: Any) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params
        self.field = field

    def message(self) -> str:
        """The message in the current language."""
        return translate(CONTEXT, self.template).format(**self.params)


class DatabaseError(KnownError):
    """The database cannot be opened or used."""


class SchemaTooNewError(DatabaseError):
    """The database was made by a newer version of the program."""


class PasswordRequiredError(DatabaseError):
    """The server asked for a password that we do not have (or it was wrong)."""


class ValidationError(KnownError):
    """Input that breaks a rule; nothing was changed."""


# Message templates used from several places.
MSG_NO_DISPLAY = QT_TRANSLATE_NOOP(
    "Errors",
    "No screen was found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
    "Start Kansli Desk from a desktop session.",
)
