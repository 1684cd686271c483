"""Grab the screens of the README offscreen: ``python tools/screenshots.py [OUTDIR]``.

Builds a demo database in a temporary folder, opens the main window on it with
the offscreen Qt platform, waits for the lists to load, and saves PNGs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="kansli-shots-"))
    os.environ["KANSLI_DESK_DATA_DIR"] = str(tmp / "data")
    os.environ["KANSLI_DESK_CONFIG_DIR"] = str(tmp / "config")
    db_url = f"sqlite:///{tmp / 'demo.sqlite3'}"

    from kansli_desk.services import demo
    from kansli_desk.services.database import open_database, parse_location

    location, _ = parse_location(db_url)
    result = open_database(location)
    demo.generate(result.database.engine, calls=3000, forms=400, seed=7)
    # The screens as the supervisor sees them: every action offered, numbers as stored.
    from sqlalchemy import update

    from kansli_desk.core.enums import Role
    from kansli_desk.models import User
    from kansli_desk.services.users import ensure_user

    with result.database.transaction() as session:
        ensure_user(session, location.login)
        session.execute(
            update(User)
            .where(User.username == location.login)
            .values(role=Role.SUPERVISOR, display_name="Kim Kanslist")
        )
    result.database.close()

    from PySide6.QtCore import (
        QEventLoop,
        Qt,
        QTimer,
    )
    from PySide6.QtWidgets import QApplication

    from kansli_desk.settings import Settings
    from kansli_desk.ui.context import AppContext
    from kansli_desk.ui.main_window import MainWindow
    from kansli_desk.ui.translation import install_translators

    app = QApplication([sys.argv[0]])
    translators = install_translators(app, "sv")  # noqa: F841 (kept while installed)
    context = AppContext(Settings(tmp / "config" / "settings.json"), "sv")
    window = MainWindow(context)
    window.resize(1400, 820)
    window.show()

    def wait(condition: object, timeout_ms: int = 20_000) -> None:
        loop_timer = QTimer()
        loop_timer.setInterval(20)
        loop = QEventLoop()
        loop_timer.timeout.connect(lambda: loop.quit() if condition() else None)  # type: ignore[operator]
        loop_timer.start()
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()

    context.open_database(location)
    wait(
        lambda: (
            window.call_log.list.model.rowCount() > 0 and window.knowledge.list.model.rowCount() > 0
        )
    )
    window.knowledge.list.view.selectRow(0)
    wait(lambda: bool(window.knowledge.article.toPlainText()))
    wait(lambda: bool(window.status.office_label.text()))
    window.grab().save(str(out / "main-window.png"))
    window.knowledge.open_slug("forsegling")
    wait(
        lambda: (
            window.knowledge.current is not None and window.knowledge.current.slug == "forsegling"
        )
    )
    window.knowledge.show_decision_helper()
    from kansli_desk.core.decision import Request, Subject
    from kansli_desk.ui.knowledge.tools import AgeCalculatorDialog, DecisionHelperDialog

    helper = window.findChild(DecisionHelperDialog)
    assert helper is not None
    helper.caller.setCurrentIndex(helper.caller.findData("guardian"))
    helper.about_buttons[Subject.CHILD].setChecked(True)
    helper.request.setCurrentIndex(helper.request.findData(Request.MINOR_ACCESS.value))
    helper.identity.setText("20120101-2380")
    helper.update_decision()
    helper.grab().save(str(out / "decision-helper.png"))
    helper.close()
    window.knowledge.show_age_calculator()
    calculator = window.findChild(AgeCalculatorDialog)
    assert calculator is not None
    calculator.identity.setText("20130501-2393")
    calculator.update_result()
    calculator.grab().save(str(out / "age-calculator.png"))
    calculator.close()
    window.new_call()
    form = window.call_log.form
    assert form is not None
    form.caller_kind.setCurrentIndex(1)
    for row in (0, 1):
        form.topics.item(row).setCheckState(Qt.CheckState.Checked)
    form.outcome.setCurrentIndex(form.outcome.findData("callback"))
    form.notes.setPlainText(
        "Vill försegla sitt konto och låsa inloggningen. Förklarade skillnaden."
    )
    form.callback_phone.setText("070-174 06 05")
    wait(lambda: window.knowledge.list.model.rowCount() == 1)
    window.knowledge.list.view.selectRow(0)
    wait(lambda: bool(window.knowledge.article.toPlainText()))
    window.grab().save(str(out / "call-entry.png"))
    form.request_close = lambda: None  # type: ignore[method-assign]
    window.tabs.setCurrentIndex(1)
    wait(lambda: window.forms_register.list.model.rowCount() > 0)
    window.grab().save(str(out / "form-register.png"))
    register = window.forms_register
    executed = next(
        register.list.model.row_at(i).id
        for i in range(register.list.model.rowCount())
        if register.list.model.row_at(i).status.value == "executed"
    )
    dialog = register.open_form(executed)
    assert dialog is not None
    wait(lambda: dialog.view.detail is not None)
    dialog.resize(1120, 780)
    wait(lambda: False, 300)
    dialog.grab().save(str(out / "form.png"))
    dialog.close()
    _statistics_shots(window, out, wait)
    _users_shot(window, out, wait)
    window.close()
    context.close()
    print(f"screenshots in {out}")
    return 0


def _statistics_shots(window: object, out: Path, wait: Callable[..., None]) -> None:
    """The statistics window on the demo data, and the PDF report's first page."""
    from kansli_desk.services.exports import ExportKind
    from kansli_desk.ui.main_window import MainWindow
    from kansli_desk.ui.reports.pdf import render_page
    from kansli_desk.ui.statistics.period import LAST_MONTH
    from kansli_desk.ui.statistics.view import StatisticsDialog

    assert isinstance(window, MainWindow)
    window.show_statistics()
    statistics = window.findChild(StatisticsDialog)
    assert statistics is not None
    wait(lambda: statistics.stats is not None and not statistics.busy)
    statistics.period.choose(LAST_MONTH)
    statistics.refresh()
    wait(
        lambda: (
            statistics.stats is not None
            and not statistics.busy
            and statistics.stats.date_from == statistics.period.period()[0]
        )
    )
    statistics.show_figure("calls_per_hour")
    statistics.resize(1280, 860)
    wait(lambda: False, 300)
    statistics.grab().save(str(out / "statistics.png"))
    assert statistics.stats is not None
    page = render_page(statistics.stats, kind=ExportKind.AUDIT, page=0, scale=1.5)
    page.save(str(out / "report-page.png"))
    statistics.close()


def _users_shot(window: object, out: Path, wait: Callable[..., None]) -> None:
    """Settings → Users, with the demo team, one of them deactivated and one chosen."""
    from kansli_desk.services import users
    from kansli_desk.ui.dialogs.users import UsersDialog
    from kansli_desk.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    context = window._context  # a tool, not the program
    database, me = context.database, context.user
    assert database is not None and me is not None
    with database.transaction() as session:
        others = [u for u in users.list_users(session, me) if u.username != me.username]
        users.set_active(session, me, others[-1].username, False)
    dialog = UsersDialog(context, window)
    dialog.show()
    wait(lambda: dialog.list.model.rowCount() > 1 and not dialog.list.model.is_loading)
    dialog.list.view.selectRow(1)
    wait(lambda: False, 300)
    dialog.grab().save(str(out / "users.png"))
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
