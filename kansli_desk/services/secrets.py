"""PostgreSQL passwords in the operating system's keyring, and nowhere else.

Without a usable keyring (a headless Linux session has none) ``keyring`` raises
on every call; these wrappers then report "not stored" and the program asks for
the password each time, keeping it in memory only. ``keyrings.alt`` is not a
dependency on purpose: it would store passwords in a plain file.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SERVICE = "kansli-desk"


def get_password(account: str) -> str | None:
    """The stored password, or None when there is none or no keyring works."""
    try:
        import keyring

        return keyring.get_password(SERVICE, account)
    except Exception as exc:
        log.info("Keyring unavailable for reading: %s", type(exc).__name__)
        return None


def set_password(account: str, password: str) -> bool:
    """Store a password; False when no keyring can keep it."""
    try:
        import keyring

        keyring.set_password(SERVICE, account, password)
        return True
    except Exception as exc:
        log.info("Keyring unavailable for writing: %s", type(exc).__name__)
        return False


def delete_password(account: str) -> bool:
    """Forget a stored password; False when there was none or no keyring works."""
    try:
        import keyring

        keyring.delete_password(SERVICE, account)
        return True
    except Exception as exc:
        log.info("Keyring could not delete: %s", type(exc).__name__)
        return False
