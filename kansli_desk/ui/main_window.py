"""The main window: assembles the panels, the menus and the status bar.

The window only wires things together; each area is its own widget
(:class:`CallLogPanel`, :class:`FormsRegisterPanel`, :class:`KnowledgePanel`).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6 import QtWidgets  # QMessageBox is looked up when used: its enums cost start-up
from PySide6.QtCore import QByteArray, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QWidget

from kansli_desk import APP_NAME, __version__
from kansli_desk.core.enums import Role
from kansli_desk.errors import KnownError, PasswordRequiredError
from kansli_desk.i18n import LANGUAGES
from kansli_desk.settings import (
    CURRENT_TAB,
    LANGUAGE,
    MAIN_SPLITTER,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Option,
)
from kansli_desk.ui.call_log.panel import CallLogPanel
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.knowledge.panel import KnowledgePanel
from kansli_desk.ui.office_hours import OfficeHoursWatcher
from kansli_desk.ui.status_bar import StatusBar
from kansli_desk.ui.tasks import set_unexpected_handler

if TYPE_CHECKING:
    from kansli_desk.services.database import DatabaseLocation
    from kansli_desk.ui.connection import ConnectionBanner, ConnectionWatcher
    from kansli_desk.ui.forms_register.panel import FormsRegisterPanel
    from kansli_desk.ui.register_list import RegisterList


class MainWindow(QMainWindow):
    """Registers in tabs on the left, the knowledge panel on the right.

    Attributes:
        tabs: the register tabs (call log, form register).
        call_log, forms_register, knowledge: the three areas.
        splitter: between the registers and the knowledge panel.
        status: the status bar.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._context = context
        self._remember_password = False
        self._remember_location = False
        self.setWindowTitle(APP_NAME)
        self.office_hours = OfficeHoursWatcher(context, self)
        self.call_log = CallLogPanel(context, self.office_hours, parent=self)
        # The form register tab is built when first shown or used (start-up time).
        self._forms_register: FormsRegisterPanel | None = None
        self._statistics: QWidget | None = None  # the statistics window, while open
        self._forms_placeholder = QWidget(self)
        self._forms_placeholder.setObjectName("formsRegisterPlaceholder")
        self.knowledge = KnowledgePanel(context, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registerTabs")
        self.tabs.setAccessibleName(self.tr("Registers"))
        self.tabs.addTab(self.call_log, self.tr("&Call log"))
        self.tabs.addTab(self._forms_placeholder, self.tr("&Form register"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.knowledge)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # The connection banner (built when first needed) goes above the splitter.
        central = QWidget(self)
        central.setObjectName("centralArea")
        self._central_layout = QtWidgets.QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        self._connection: ConnectionWatcher | None = None
        self.connection_banner: ConnectionBanner | None = None
        self.status = StatusBar(context, self.office_hours, self)
        self.setStatusBar(self.status)
        self._build_menus()
        self._restore_state()
        self.call_log.topics_changed.connect(self.knowledge.show_topics)
        self.knowledge.article_opened.connect(self.call_log.record_article)
        context.database_opened.connect(self._on_database_opened)
        context.open_failed.connect(self._on_open_failed)
        context.connection_lost.connect(self._on_connection_lost)
        set_unexpected_handler(self._show_unexpected)

    # --- menus -------------------------------------------------------------
    def _action(
        self, text: str, object_name: str, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(object_name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.connect_action = self._action(
            self.tr("&Connect to a shared database…"), "actionConnect", "Ctrl+Shift+O"
        )
        self.connect_action.triggered.connect(self.show_connection_dialog)
        self.local_action = self._action(self.tr("Use the &local database"), "actionUseLocal")
        self.local_action.triggered.connect(self.use_local_database)
        quit_action = self._action(self.tr("&Quit"), "actionQuit", "Ctrl+Q")
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.connect_action)
        file_menu.addAction(self.local_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        call_menu = bar.addMenu(self.tr("&Call"))
        new_call = self._action(self.tr("&New call"), "actionNewCall", "Ctrl+N")
        new_call.triggered.connect(self.new_call)
        call_menu.addAction(new_call)

        form_menu = bar.addMenu(self.tr("F&orm"))
        self.new_form_action = self._action(
            self.tr("&New paper form…"), "actionNewForm", "Ctrl+Shift+N"
        )
        # A lambda: the tab (and its panel) is built only when the action is used.
        self.new_form_action.triggered.connect(lambda: self.forms_register.new_form())  # noqa: PLW0108
        form_menu.addAction(self.new_form_action)

        reports_menu = bar.addMenu(self.tr("&Reports"))
        reports_menu.setObjectName("menuReports")
        self.statistics_action = self._action(
            self.tr("&Statistics…"), "actionStatistics", "Ctrl+Shift+T"
        )
        self.statistics_action.triggered.connect(self.show_statistics)
        self.export_action = self._action(self.tr("&Export…"), "actionExport", "Ctrl+Shift+E")
        self.export_action.triggered.connect(self.show_export_dialog)
        for action in (self.statistics_action, self.export_action):
            action.setEnabled(False)  # once the database is open (export: supervisors)
            reports_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        show_calls = self._action(self.tr("&Call log"), "actionShowCalls", "Ctrl+1")
        show_calls.triggered.connect(lambda: self.show_tab(0))
        show_forms = self._action(self.tr("&Form register"), "actionShowForms", "Ctrl+2")
        show_forms.triggered.connect(lambda: self.show_tab(1))
        search = self._action(self.tr("&Search the knowledge articles"), "actionSearch", "Ctrl+K")
        search.triggered.connect(self.focus_knowledge_search)
        self.toggle_knowledge = self._action(
            self.tr("Show the &knowledge panel"), "actionToggleKnowledge", "F9"
        )
        self.toggle_knowledge.setCheckable(True)
        self.toggle_knowledge.setChecked(True)
        self.toggle_knowledge.toggled.connect(self.knowledge.setVisible)
        for action in (show_calls, show_forms, self.toggle_knowledge):
            view_menu.addAction(action)

        knowledge_menu = bar.addMenu(self.tr("&Knowledge"))
        knowledge = self.knowledge
        decision = self._action(self.tr("&Decision helper…"), "actionDecisionHelper", "F6")
        decision.triggered.connect(lambda: self._with_knowledge(knowledge.show_decision_helper))
        calculator = self._action(self.tr("&Age and access…"), "actionAgeCalculator", "F7")
        calculator.triggered.connect(lambda: self._with_knowledge(knowledge.show_age_calculator))
        contacts = self._action(self.tr("&Contacts card"), "actionContacts", "F2")
        contacts.triggered.connect(lambda: self._with_knowledge(knowledge.show_contacts))
        self.new_article_action = self._action(self.tr("&New article…"), "actionNewArticle")
        self.new_article_action.triggered.connect(
            lambda: self._with_knowledge(knowledge.new_article)
        )
        self.overdue_action = self._action(
            self.tr("Articles due for &review…"), "actionOverdueArticles"
        )
        self.overdue_action.triggered.connect(lambda: self._with_knowledge(knowledge.show_overdue))
        self.knowledge_tools = (decision, calculator, contacts)
        self.supervisor_actions = (self.new_article_action, self.overdue_action)
        for action in (*self.knowledge_tools, *self.supervisor_actions):
            action.setEnabled(False)  # once the database is open (supervisors: the last two)
        for action in (search, decision, calculator, contacts):
            knowledge_menu.addAction(action)
        knowledge_menu.addSeparator()
        knowledge_menu.addAction(self.new_article_action)
        knowledge_menu.addAction(self.overdue_action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.topics_action = self._action(self.tr("Call &topics…"), "actionTopics")
        self.topics_action.setEnabled(False)  # supervisors, once the database is open
        self.topics_action.triggered.connect(self.show_topics_dialog)
        settings_menu.addAction(self.topics_action)
        self.users_action = self._action(self.tr("&Users…"), "actionUsers")
        self.users_action.setEnabled(False)  # supervisors, once the database is open
        self.users_action.triggered.connect(self.show_users_dialog)
        settings_menu.addAction(self.users_action)
        settings_menu.addSeparator()
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        language_menu.setObjectName("menuLanguage")
        group = QActionGroup(self)
        group.setExclusive(True)
        current = self._context.settings.get(LANGUAGE)
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"actionLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = self._action(self.tr("&About Kansli Desk"), "actionAbout")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    @property
    def forms_register(self) -> FormsRegisterPanel:
        """The form register tab, built on first use."""
        if self._forms_register is None:
            from kansli_desk.ui.forms_register import panel as forms_panel

            panel = forms_panel.FormsRegisterPanel(
                self._context, self, new_form_action=self.new_form_action
            )
            index = self.tabs.indexOf(self._forms_placeholder)
            current = self.tabs.currentIndex()
            text = self.tabs.tabText(index)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, panel, text)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self._forms_placeholder.deleteLater()
            self._forms_register = panel
        return self._forms_register

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if self._forms_register is None and self.tabs.widget(index) is self._forms_placeholder:
            self.forms_register  # noqa: B018 (builds the tab)

    # --- actions -----------------------------------------------------------
    @Slot()
    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        view = page.findChild(QWidget, "callList" if index == 0 else "formList")
        (view or page).setFocus()

    @Slot()
    def new_call(self) -> None:
        """Ctrl+N from anywhere: the call log, with a new call started."""
        self.tabs.setCurrentWidget(self.call_log)
        self.call_log.new_call()

    @Slot()
    def focus_knowledge_search(self) -> None:
        self.toggle_knowledge.setChecked(True)
        self.knowledge.search.setFocus()
        self.knowledge.search.selectAll()

    def _with_knowledge(self, show: Callable[[], object]) -> None:
        """Open the knowledge panel (F9 may have hidden it) and run one of its actions."""
        self.toggle_knowledge.setChecked(True)
        show()

    @Slot()
    def show_topics_dialog(self) -> None:
        """Supervisors add and retire the call log's topics."""
        from kansli_desk.ui.dialogs.topics import TopicsDialog

        dialog = TopicsDialog(self._context, self)
        dialog.topics_changed.connect(self.call_log.reload_choices)
        dialog.exec()

    @Slot()
    def show_users_dialog(self) -> None:
        """Supervisors add users and change their names, roles and whether they are active."""
        user = self._context.user
        if self._context.database is None or user is None or user.role is not Role.SUPERVISOR:
            return
        from kansli_desk.ui.dialogs.users import UsersDialog

        dialog = UsersDialog(self._context, self)
        dialog.current_user_changed.connect(self._apply_role)
        dialog.exec()

    @Slot()
    def _apply_role(self) -> None:
        """Offer what the current user's role allows (the services check it anyway)."""
        user = self._context.user
        supervisor = user is not None and user.role is Role.SUPERVISOR
        for action in (
            self.topics_action,
            self.users_action,
            self.export_action,
            *self.supervisor_actions,
        ):
            action.setEnabled(supervisor)

    @Slot()
    def show_statistics(self) -> None:
        """The statistics window (modeless; brought to the front when already open)."""
        if self._context.database is None:
            return
        dialog = self._statistics
        if dialog is None or not shiboken6.isValid(dialog):
            from kansli_desk.ui.statistics.view import StatisticsDialog

            dialog = StatisticsDialog(self._context, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._statistics = dialog
        dialog.show()
        dialog.activateWindow()  # brings it to the front

    @Slot()
    def show_export_dialog(self) -> None:
        """Supervisors export the call log, the form register or the audit log."""
        user = self._context.user
        if self._context.database is None or user is None or user.role is not Role.SUPERVISOR:
            return
        from kansli_desk.ui.dialogs.export import ExportDialog

        dialog = ExportDialog(self._context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def show_connection_dialog(self) -> None:
        from kansli_desk.ui.dialogs.connection import ConnectionDialog

        current = self._context.database
        dialog = ConnectionDialog(self._context.runner, current.location if current else None, self)
        if dialog.exec() != ConnectionDialog.DialogCode.Accepted:
            return
        self._remember_password = dialog.remember.isChecked()
        self._open(dialog.location(), dialog.entered_password(), remember_location=True)

    @Slot()
    def use_local_database(self) -> None:
        from kansli_desk.services.database import default_location

        # Remembered once it has opened (the default is stored as an empty URL).
        self._open(default_location(), None, remember_location=True)

    def _open(
        self, location: DatabaseLocation, password: str | None, *, remember_location: bool
    ) -> None:
        self._remember_location = remember_location
        self.status.database_label.setText(
            self.tr("Opening {where}…").format(where=location.display)
        )
        self._context.open_database(location, password, remember_location=remember_location)

    @Slot(str)
    def set_language(self, code: str) -> None:
        settings = self._context.settings
        if settings.get(LANGUAGE) == code:
            return
        settings.set(LANGUAGE, code)
        settings.save()
        QtWidgets.QMessageBox.information(
            self,
            APP_NAME,
            self.tr("The new language is used the next time you start Kansli Desk."),
        )

    @Slot()
    def show_about(self) -> None:
        database = self._context.database
        where = database.location.display if database else self.tr("none")
        QtWidgets.QMessageBox.about(
            self,
            self.tr("About Kansli Desk"),
            self.tr(
                "<h3>Kansli Desk {version}</h3>"
                "<p>Call log, knowledge panel and form register for Regionstab Kansli, "
                "Region Kalmar län.</p><p>Database: {where}</p>"
            ).format(version=__version__, where=where),
        )

    # --- database events -----------------------------------------------------
    @Slot()
    def _on_database_opened(self) -> None:
        outcome = self._context.last_open
        database = self._context.database
        if outcome is None or database is None:
            return
        if self._forms_register is None and _has_form_drafts():
            self.forms_register  # noqa: B018 (builds the tab, which offers the drafts)
        user = self._context.user
        supervisor = user is not None and user.role is Role.SUPERVISOR
        self._apply_role()
        self.statistics_action.setEnabled(True)
        for action in self.knowledge_tools:
            action.setEnabled(True)
        if self._remember_password and outcome.password:
            self._store_password(database.location, outcome.password)
        self._remember_password = False
        notes = []
        if outcome.result.upgraded and not outcome.result.created:
            notes.append(self.tr("The database was upgraded to the current schema."))
        articles = outcome.articles
        if articles.errors:
            notes.append(
                self.tr("Knowledge article files that could not be read ({count}): {first}").format(
                    count=len(articles.errors), first=articles.errors[0].message()
                )
            )
        if articles.kept_local_edits and supervisor:
            notes.append(
                self.tr(
                    "A newer shipped version exists for edited articles ({count}); "
                    "open them to compare."
                ).format(count=len(articles.kept_local_edits))
            )
        if notes:
            self.status.showMessage(" ".join(notes), 30_000)

    @Slot()
    def _on_connection_lost(self) -> None:
        """The shared database went away: a banner, and retries in the background."""
        if self._connection is not None:
            return  # the watcher has the signal itself
        from kansli_desk.ui.connection import ConnectionBanner, ConnectionWatcher

        self.connection_banner = ConnectionBanner(self)
        self._central_layout.insertWidget(0, self.connection_banner)
        self._connection = ConnectionWatcher(self._context, self)
        self._connection.lost.connect(self.connection_banner.show)
        self._connection.restored.connect(self._on_connection_restored)
        self._connection.connection_lost()

    @property
    def connection_watcher(self) -> ConnectionWatcher | None:
        """What retries the database after a lost connection (None until one was lost)."""
        return self._connection

    @Slot()
    def _on_connection_restored(self) -> None:
        if self.connection_banner is not None:
            self.connection_banner.hide()
        self.status.showMessage(self.tr("The database answers again."), 10_000)
        # The lists read again with their current filters (their last load failed).
        registers: list[RegisterList[Any]] = [
            self.call_log.list,
            self.call_log.queue,
            self.knowledge.list,
        ]
        if self._forms_register is not None:
            registers += [self._forms_register.list, self._forms_register.queue]
        for register in registers:
            register.model.reload()  # nothing while it has no source

    def _store_password(self, location: DatabaseLocation, password: str) -> None:
        def job() -> bool:
            from kansli_desk.services import secrets

            return secrets.set_password(location.keyring_account, password)

        def done(stored: bool) -> None:
            if not stored:
                QtWidgets.QMessageBox.information(
                    self,
                    APP_NAME,
                    self.tr(
                        "No keyring is available on this computer, so the password could "
                        "not be saved. It is kept in memory until you quit Kansli Desk."
                    ),
                )

        self._context.runner.run(job, done)

    @Slot(object, object)
    def _on_open_failed(self, error: object, location: object) -> None:
        if isinstance(error, PasswordRequiredError) and location is not None:
            from kansli_desk.ui.dialogs.password import PasswordDialog

            answer = PasswordDialog.ask(
                error.message(), str(getattr(location, "display", "")), self
            )
            if answer is not None:
                password, self._remember_password = answer
                self._open(location, password, remember_location=self._remember_location)  # type: ignore[arg-type]
                return
        message = (
            error.message()
            if isinstance(error, KnownError)
            else self.tr(
                "The database could not be opened because of an unexpected error. "
                "The details are in the log file."
            )
        )
        if not isinstance(error, KnownError):
            assert isinstance(error, BaseException)
            from kansli_desk.ui.tasks import report_unexpected

            report_unexpected(error)
        has_database = self._context.database is not None
        if has_database:
            assert self._context.database is not None
            self.status.show_location(self._context.database.location)
        choice = self.ask_after_failure(message, has_database)
        if choice == "connect":
            self.show_connection_dialog()
        elif choice == "local":
            self.use_local_database()
        elif choice == "quit":
            self.close()

    def ask_after_failure(self, message: str, has_database: bool) -> str:
        """Ask what to do after a failed open: "connect", "local", "quit" or "keep"."""
        QMessageBox = QtWidgets.QMessageBox
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, parent=self)
        box.setObjectName("databaseProblem")
        connect = box.addButton(
            self.tr("Choose another database…"), QMessageBox.ButtonRole.ActionRole
        )
        local = box.addButton(self.tr("Use the local database"), QMessageBox.ButtonRole.ActionRole)
        if has_database:
            keep = box.addButton(
                self.tr("Keep the current database"), QMessageBox.ButtonRole.RejectRole
            )
        else:
            keep = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is connect:
            return "connect"
        if clicked is local:
            return "local"
        return "keep" if has_database else "quit"

    def _show_unexpected(self, error: BaseException) -> None:
        del error  # logged with its traceback by report_unexpected
        QtWidgets.QMessageBox.warning(
            self,
            APP_NAME,
            self.tr(
                "Something unexpected went wrong. Nothing you saved was lost; the details "
                "are in the log file. Please tell the developers."
            ),
        )

    # --- state ---------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = self._context.settings
        if not self._restore(WINDOW_GEOMETRY, self.restoreGeometry):
            self.resize(1280, 800)
        self._restore(WINDOW_STATE, self.restoreState)
        if not self._restore(MAIN_SPLITTER, self.splitter.restoreState):
            self.splitter.setSizes([860, 420])
        self.tabs.setCurrentIndex(min(settings.get(CURRENT_TAB), self.tabs.count() - 1))

    def _restore(self, option: Option[str], apply: object) -> bool:
        data = self._context.settings.get(option)
        if not data:
            return False
        try:
            raw = base64.b64decode(data.encode("ascii"), validate=True)
        except ValueError:
            return False
        return bool(apply(QByteArray(raw)))  # type: ignore[operator]

    def save_state(self) -> None:
        """Remember geometry, splitter and tab for the next start."""
        settings = self._context.settings

        def encode(data: QByteArray) -> str:
            return base64.b64encode(bytes(data.data())).decode("ascii")

        settings.set(WINDOW_GEOMETRY, encode(self.saveGeometry()))
        settings.set(WINDOW_STATE, encode(self.saveState()))
        settings.set(MAIN_SPLITTER, encode(self.splitter.saveState()))
        settings.set(CURRENT_TAB, self.tabs.currentIndex())
        settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        set_unexpected_handler(None)
        super().closeEvent(event)


def _has_form_drafts() -> bool:
    """Whether a paper form was left unsaved (the form register offers it again)."""
    from kansli_desk import paths

    try:
        return any((paths.data_dir() / "form-drafts").glob("*.json"))
    except OSError:
        return False
