"""PostgreSQL passwords in the OS keyring (kansli_desk.services.secrets)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest

from kansli_desk.services import secrets
from tests.conftest import MemoryKeyring

ACCOUNT = "kansli@db.example.se:5432/kansli"


NO_BACKEND = "No recommended backend was available."


class NoKeyring(keyring.backend.KeyringBackend):
    """What keyring's ``fail`` backend does in a headless session: raise on every call."""

    priority = 0

    def get_password(self, service: str, username: str) -> str | None:
        del service, username
        raise keyring.errors.NoKeyringError(NO_BACKEND)

    def set_password(self, service: str, username: str, password: str) -> None:
        del service, username, password
        raise keyring.errors.NoKeyringError(NO_BACKEND)

    def delete_password(self, service: str, username: str) -> None:
        del service, username
        raise keyring.errors.NoKeyringError(NO_BACKEND)


@pytest.fixture
def no_keyring(memory_keyring: MemoryKeyring) -> Iterator[None]:
    """No usable keyring (memory_keyring restores the previous backend afterwards)."""
    keyring.set_keyring(NoKeyring())
    yield


# --- with a working keyring ---------------------------------------------------------


def test_round_trip(memory_keyring: MemoryKeyring) -> None:
    assert secrets.get_password(ACCOUNT) is None
    assert secrets.set_password(ACCOUNT, "hunter2") is True
    assert secrets.get_password(ACCOUNT) == "hunter2"
    # Stored under the program's own service name, nowhere else.
    assert memory_keyring.passwords == {(secrets.SERVICE, ACCOUNT): "hunter2"}
    assert secrets.delete_password(ACCOUNT) is True
    assert secrets.get_password(ACCOUNT) is None
    assert memory_keyring.passwords == {}


def test_passwords_are_kept_per_account() -> None:
    other = "kansli@test.example.se:5432/kansli"
    assert secrets.set_password(ACCOUNT, "one")
    assert secrets.set_password(other, "two")
    assert secrets.get_password(ACCOUNT) == "one"
    assert secrets.get_password(other) == "two"
    assert secrets.delete_password(ACCOUNT)
    assert secrets.get_password(other) == "two"


def test_setting_again_replaces_the_password() -> None:
    assert secrets.set_password(ACCOUNT, "old")
    assert secrets.set_password(ACCOUNT, "new password with spaces and åäö")
    assert secrets.get_password(ACCOUNT) == "new password with spaces and åäö"


def test_deleting_a_password_that_is_not_there_reports_false() -> None:
    assert secrets.delete_password(ACCOUNT) is False


def test_other_programs_passwords_are_not_read(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[("some-other-program", ACCOUNT)] = "theirs"
    assert secrets.get_password(ACCOUNT) is None


# --- without a usable keyring --------------------------------------------------------


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_nothing_raises() -> None:
    assert secrets.get_password(ACCOUNT) is None
    assert secrets.set_password(ACCOUNT, "hunter2") is False
    assert secrets.delete_password(ACCOUNT) is False


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_password_is_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        secrets.set_password(ACCOUNT, "hunter2")
        secrets.get_password(ACCOUNT)
        secrets.delete_password(ACCOUNT)
    assert len(caplog.records) == 3
    assert all("NoKeyringError" in record.getMessage() for record in caplog.records)
    assert "hunter2" not in caplog.text


def test_keyring_failing_later_does_not_lose_the_answer(memory_keyring: MemoryKeyring) -> None:
    """A keyring that worked and then became unavailable (session locked, say)."""
    assert secrets.set_password(ACCOUNT, "hunter2")
    keyring.set_keyring(NoKeyring())
    assert secrets.get_password(ACCOUNT) is None
    keyring.set_keyring(memory_keyring)
    assert secrets.get_password(ACCOUNT) == "hunter2"


def test_any_backend_error_is_contained() -> None:
    class Broken(NoKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            del service, username
            raise keyring.errors.KeyringLocked("locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            del service, username, password
            raise keyring.errors.PasswordSetError("refused")

    keyring.set_keyring(Broken())
    assert secrets.get_password(ACCOUNT) is None
    assert secrets.set_password(ACCOUNT, "x") is False
