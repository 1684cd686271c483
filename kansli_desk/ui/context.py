"""The application's shared state: settings, the open database and its user.

Panels do not open databases or sessions; they ask the context to run a job in a
transaction on the database thread (:meth:`AppContext.db_job`) and get plain
data back. Opening a database (and creating or upgrading it) is itself a job,
so a slow or unreachable server never freezes the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from kansli_desk import __version__, paths
from kansli_desk.errors import DatabaseError
from kansli_desk.settings import DATABASE_URL, Settings
from kansli_desk.ui.tasks import Failed, TaskRunner, report_unexpected

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kansli_desk.services.database import Database, DatabaseLocation, OpenResult
    from kansli_desk.services.knowledge import SyncReport
    from kansli_desk.services.users import UserInfo

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class OpenOutcome:
    """What opening a database produced (plain data for the GUI thread)."""

    result: OpenResult
    user: UserInfo
    articles: SyncReport
    password: str | None


class AppContext(QObject):
    """Settings, the task runner and the current database.

    Signals:
        database_opened(): :attr:`database` and :attr:`user` are set.
        open_failed(object, object): the exception and the location that failed.
        connection_lost(): a job failed because the database server cannot be
            reached (emitted from the database thread, delivered queued).

    Attributes:
        settings: the user's settings.
        runner: runs jobs off the GUI thread.
        database: the open database, or None.
        user: the user working in it, or None.
        last_open: details of the last successful open (schema upgrade, articles).
    """

    database_opened = Signal()
    open_failed = Signal(object, object)
    connection_lost = Signal()

    def __init__(self, settings: Settings, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self.runner = TaskRunner(self)
        self.database: Database | None = None
        self.user: UserInfo | None = None
        self.last_open: OpenOutcome | None = None

    # --- database ----------------------------------------------------------
    def open_database(
        self,
        location: DatabaseLocation,
        password: str | None = None,
        *,
        remember_location: bool = False,
    ) -> None:
        """Open (create, upgrade) a database in the background.

        On success :attr:`database` is replaced and ``database_opened`` emitted;
        on failure ``open_failed`` is emitted and the current database stays.
        ``remember_location`` stores the location (never the password) in the
        settings once it has opened.
        """

        def job() -> OpenOutcome:
            return _open_job(location, password)

        def done(outcome: OpenOutcome) -> None:
            previous = self.database
            self.database = outcome.result.database
            self.user = outcome.user
            self.last_open = outcome
            if previous is not None:
                self.runner.run_db(previous.close, lambda _: None)
            if remember_location:
                self.settings.set(DATABASE_URL, location.to_setting())
                self.settings.save()
            for error in outcome.articles.errors:
                log.warning("Shipped article skipped: %s", error)
            self.database_opened.emit()

        def failed(error: BaseException) -> None:
            self.open_failed.emit(error, location)

        self.runner.run_db(job, done, failed)

    def transactional(self, func: Callable[[Session], T]) -> Callable[[], T]:
        """A job running ``func(session)`` in one transaction on the current database.

        Database errors come out as :class:`~kansli_desk.errors.DatabaseError`.
        """
        database = self.database
        if database is None:
            raise RuntimeError("no database is open")

        def job() -> T:
            from kansli_desk.services.database import map_error
            from kansli_desk.services.errors import is_database_error

            try:
                with database.transaction() as session:
                    return func(session)
            except Exception as exc:
                if is_database_error(exc):
                    mapped = map_error(exc, database.location)
                    if is_connection_lost_error(mapped):
                        self.connection_lost.emit()  # queued to the GUI thread
                    raise mapped from exc
                raise

        return job

    def db_job(
        self,
        func: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        """Run ``func(session)`` in one transaction on the database thread.

        Without ``on_error``, an unreachable server is left to the connection
        banner (no dialog per job); other errors are reported as unexpected.
        """
        if on_error is None:
            on_error = _report_unless_connection_lost
        self.runner.run_db(self.transactional(func), on_done, on_error)

    def probe(self, on_done: Callable[[bool], None]) -> None:
        """Check in the background whether the database answers ``SELECT 1``.

        ``on_done`` gets True when it does, False when it does not (or when no
        database is open). The connect attempt runs on the database thread, so a
        dead server costs the GUI thread nothing.
        """
        database = self.database
        if database is None:
            on_done(False)
            return

        def job() -> bool:
            import sqlalchemy as sa

            with database.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            return True

        def failed(error: BaseException) -> None:
            log.info("The database still does not answer: %s", error)
            on_done(False)

        self.runner.run_db(job, on_done, failed)

    def close(self) -> None:
        """Wait for running jobs and close the database (at exit)."""
        self.runner.shutdown()
        if self.database is not None:
            self.database.close()
            self.database = None


def is_connection_lost_error(error: object) -> bool:
    """Whether a (mapped) job error means the database server cannot be reached."""
    if not isinstance(error, DatabaseError):
        return False
    # Loaded already: the error was made by it.
    from kansli_desk.services.database import ConnectionLostError

    return isinstance(error, ConnectionLostError)


def _report_unless_connection_lost(error: BaseException) -> None:
    if not is_connection_lost_error(error):
        report_unexpected(error)


def _open_job(location: DatabaseLocation, password: str | None) -> OpenOutcome:
    """Runs on the database thread: open, find the user, load shipped articles."""
    from kansli_desk.core.enums import AuditAction
    from kansli_desk.services import audit, knowledge, secrets, users
    from kansli_desk.services.database import is_permission_denied, map_error, open_database
    from kansli_desk.services.errors import is_database_error

    if password is None and not location.is_sqlite:
        password = secrets.get_password(location.keyring_account)
    result = open_database(location, password=password)
    try:
        with result.database.transaction() as session:
            user = users.ensure_user(session, location.login)
            try:
                with session.begin_nested():
                    report = knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
            except Exception as exc:
                # An advisor's or clerk's own login may not write articles: newer
                # shipped articles wait for a supervisor's start.
                if not is_permission_denied(exc):
                    raise
                report = knowledge.SyncReport()
            audit.record(session, user, AuditAction.LOGIN, details={"version": __version__})
    except Exception as exc:
        result.database.close()
        if is_database_error(exc):
            raise map_error(exc, location) from exc
        raise
    return OpenOutcome(result, user, report, password)
