"""The statistics window: computed on the database, shown in Swedish, tables that copy.

Also holds what the report and export tests share: :func:`sample_statistics`
(a small week computed by hand) and the ``swedish_ui`` fixture (the shipped
Swedish translation, plus the translations of this change that are still waiting
to be merged into it, when there are any).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QItemSelectionModel, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import QApplication, QMenu

from kansli_desk.core.enums import CallerKind, FormStatus, FormType, Outcome
from kansli_desk.services import demo
from kansli_desk.services.database import Database
from kansli_desk.services.statistics import (
    CallStatistics,
    FormStatistics,
    Statistics,
    Tally,
)
from kansli_desk.ui.context import AppContext
from kansli_desk.ui.main_window import MainWindow
from kansli_desk.ui.statistics.charts import (
    BAND,
    CALLS_COLOR,
    ChartKind,
    ChartSpec,
    nice_ticks,
    paint_chart,
)
from kansli_desk.ui.statistics.period import (
    LAST_12_MONTHS,
    LAST_MONTH,
    THIS_MONTH,
    THIS_YEAR,
    quick_period,
)
from kansli_desk.ui.statistics.view import StatisticsDialog
from tests.ui.conftest import OPEN_TIMEOUT_MS, open_and_wait

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 3, 12)


# --- shared with test_report_pdf.py and test_export_dialog.py -------------------------------------


class _PendingTranslations(QTranslator):
    """Swedish for strings not yet merged into the shipped .ts (``.helper-sv-*.json``)."""

    def __init__(self, table: dict[str, dict[str, str]]) -> None:
        super().__init__()
        self._table = table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        del disambiguation, n
        return self._table.get(context, {}).get(source)

    def isEmpty(self) -> bool:
        return not self._table


def pending_translations() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for path in sorted(ROOT.glob(".helper-sv-*.json")):
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            table.setdefault(context, {}).update(messages)
    return table


@pytest.fixture
def swedish_ui(qapp: QApplication, swedish: None) -> Iterator[None]:
    """The program in Swedish, as it runs."""
    extra = _PendingTranslations(pending_translations())
    qapp.installTranslator(extra)
    yield
    qapp.removeTranslator(extra)


def _tallies(
    pairs: list[tuple[str, int]], labels: dict[str, str] | None = None
) -> tuple[Tally, ...]:
    return tuple(Tally(key, (labels or {}).get(key, key), count) for key, count in pairs)


def sample_statistics(
    date_from: dt.date = dt.date(2026, 3, 2), date_to: dt.date = dt.date(2026, 3, 8)
) -> Statistics:
    """A week (Monday 2 to Sunday 8 March 2026) of 15 calls and 6 forms, counted by hand.

    A longer period repeats the week's daily counts (the other figures stay).
    """
    week = [5, 3, 0, 4, 2, 0, 1]
    days = [
        (date_from + dt.timedelta(days=i)).isoformat()
        for i in range((date_to - date_from).days + 1)
    ]
    per_day = _tallies([(day, week[dt.date.fromisoformat(day).weekday()]) for day in days])
    weeks: dict[str, int] = {}
    for tally in per_day:
        year, number, _ = dt.date.fromisoformat(tally.key).isocalendar()
        weeks[f"{year}-W{number:02d}"] = weeks.get(f"{year}-W{number:02d}", 0) + tally.count
    hours = {8: 4, 9: 5, 10: 3, 13: 2, 17: 1}
    calls = CallStatistics(
        total=15,
        per_day=per_day,
        per_week=tuple(Tally(k, f"w. {int(k[-2:])}", v) for k, v in weeks.items()),
        per_topic=_tallies(
            [("journalen", 9), ("forsegling", 4), ("ovrigt", 2)],
            {"journalen": "Journalen", "forsegling": "Försegling", "ovrigt": "Övrigt"},
        ),
        per_outcome=_tallies(list(zip([o.value for o in Outcome], [8, 3, 1, 2, 1], strict=True))),
        per_caller_kind=_tallies(
            list(zip([k.value for k in CallerKind], [9, 3, 1, 2, 0], strict=True))
        ),
        per_hour=_tallies([(f"{h:02d}", hours.get(h, 0)) for h in range(24)]),
        per_weekday=_tallies([(str(i + 1), week[i]) for i in range(7)]),
        within_office_hours=14,
        outside_office_hours=1,
        mean_duration_seconds=245.0,
        median_duration_seconds=210.0,
        open_callbacks=2,
        overdue_callbacks=1,
    )
    forms = FormStatistics(
        total=6,
        per_type=_tallies(list(zip([t.value for t in FormType], [3, 1, 1, 1], strict=True))),
        per_status=_tallies(
            list(zip([s.value for s in FormStatus], [1, 2, 0, 0, 1, 2, 0, 0, 0], strict=True))
        ),
        median_days_to_registration=1.5,
        median_days_to_confirmation=None,
        urgent=3,
        urgent_phoned_in_time=1,
        urgent_phoned_late=1,
        urgent_not_phoned=1,
    )
    return Statistics(
        date_from=date_from,
        date_to=date_to,
        computed_at=dt.datetime(2026, 3, 9, 8, 30, tzinfo=dt.UTC),
        calls=calls,
        forms=forms,
    )


# --- the window -----------------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: Any, context: AppContext, swedish_ui: None) -> StatisticsDialog:
    """The window with no database: tests hand it statistics themselves."""
    window = StatisticsDialog(context, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_period_chooser_offers_quick_choices() -> None:
    today = dt.date(2026, 3, 12)
    assert quick_period(THIS_MONTH, today) == (dt.date(2026, 3, 1), today)
    assert quick_period(LAST_MONTH, today) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert quick_period(THIS_YEAR, today) == (dt.date(2026, 1, 1), today)
    assert quick_period(LAST_12_MONTHS, today) == (dt.date(2025, 3, 13), today)
    assert quick_period(LAST_MONTH, dt.date(2026, 1, 15)) == (
        dt.date(2025, 12, 1),
        dt.date(2025, 12, 31),
    )
    assert quick_period(LAST_12_MONTHS, dt.date(2028, 2, 29))[0] == dt.date(2027, 3, 1)


def test_hand_built_statistics_are_shown_in_swedish(dialog: StatisticsDialog) -> None:
    assert dialog.windowTitle() == "Statistik"
    assert dialog.period.period() == (dt.date(2026, 3, 1), TODAY)  # this month by default
    assert dialog.status.text() == "Ingen databas är öppen."
    dialog.show_statistics(sample_statistics())
    cards = {key: label.text() for key, label in dialog.cards.items()}
    assert cards["calls"] == "15"
    assert cards["mean_duration"] == "4:05 min"
    assert cards["median_duration"] == "3:30 min"
    assert cards["within_office_hours"] == "14 (93,3 %)"
    assert cards["outside_office_hours"] == "1 (6,7 %)"
    assert cards["open_callbacks"] == "2"
    assert cards["overdue_callbacks"] == "1"
    assert cards["forms"] == "6"
    assert cards["median_days_to_registration"] == "1,5 dagar"
    assert cards["median_days_to_confirmation"] == "–"
    assert (cards["urgent"], cards["urgent_phoned_in_time"]) == ("3", "1")
    assert (cards["urgent_phoned_late"], cards["urgent_not_phoned"]) == ("1", "1")
    titles = [dialog.figures_list.item(i).text() for i in range(dialog.figures_list.count())]
    assert titles == [
        "Nyckeltal", "Samtal per dag", "Samtal per vecka", "Samtal per ämne",
        "Samtal per utfall", "Samtal per uppringare", "Samtal per timme",
        "Samtal per veckodag", "Blanketter per typ", "Blanketter per status",
    ]  # fmt: skip
    assert dialog.current_figure is not None
    assert dialog.current_figure.key == "calls_per_day"
    assert dialog.chart.spec is not None and dialog.chart.spec.kind is ChartKind.LINE
    assert "15 samtal och 6 blanketter från 2026-03-02 till 2026-03-08" in dialog.status.text()

    dialog.show_figure("calls_per_outcome")
    model = dialog.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Utfall",
        "Samtal",
        "Andel",
    ]
    first = [model.data(model.index(0, c)) for c in range(3)]
    assert first == [Outcome.ANSWERED.label, "8", "53,3 %"]
    assert Outcome.ANSWERED.label != "Answered"  # the enum's Swedish label
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )

    dialog.show_figure("calls_per_hour")
    spec = dialog.chart.spec
    assert spec is not None
    assert spec.bands == ((8.0, 16.5),)  # office hours 08:00-16:30 shaded
    assert spec.band_label == "Kontorstid 08:00–16:30"
    assert model.rowCount() == 24
    assert [model.data(model.index(8, c)) for c in range(3)] == ["08–09", "4", "26,7 %"]

    dialog.show_figure("calls_per_weekday")
    weekdays = dialog.chart.spec
    assert weekdays is not None
    assert weekdays.bands == ((0.0, 5.0),)  # Monday to Friday
    assert weekdays.labels == ("mån", "tis", "ons", "tor", "fre", "lör", "sön")

    dialog.show_figure("key_figures")
    assert not dialog.chart.isVisible()
    assert model.data(model.index(1, 0)) == "Medellängd"


def test_the_table_copies_as_tab_separated_text_with_headers(
    qtbot: Any, dialog: StatisticsDialog
) -> None:
    dialog.show_statistics(sample_statistics())
    dialog.show_figure("calls_per_caller_kind")
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    labels = [kind.label for kind in CallerKind]
    shares = ["60,0 %", "20,0 %", "6,7 %", "13,3 %", "0,0 %"]
    counts = [9, 3, 1, 2, 0]
    expected = "Uppringare\tSamtal\tAndel\n" + "".join(
        f"{label}\t{count}\t{share}\n"
        for label, count, share in zip(labels, counts, shares, strict=True)
    )
    assert clipboard.text() == expected
    assert "Kopierade 5 rader" in dialog.status.text()

    # Ctrl+C in the table copies the selected rows, with the header line.
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    dialog.table.selectionModel().select(
        dialog.model.index(3, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    clipboard.clear()
    qtbot.keySequence(dialog.table, QKeySequence(QKeySequence.StandardKey.Copy))
    assert clipboard.text() == (
        f"Uppringare\tSamtal\tAndel\n{labels[0]}\t9\t60,0 %\n{labels[3]}\t2\t13,3 %\n"
    )


def test_the_table_model_holds_together(qtmodeltester: Any, dialog: StatisticsDialog) -> None:
    dialog.show_statistics(sample_statistics())
    dialog.show_figure("calls_per_topic")
    qtmodeltester.check(dialog.model)
    dialog.show_figure("calls_per_day")
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 7
    assert [dialog.model.data(dialog.model.index(0, c)) for c in range(3)] == [
        "2026-03-02",
        "måndag",
        "5",
    ]


def test_a_period_that_ends_before_it_begins_is_shown_at_the_dates(
    dialog: StatisticsDialog,
) -> None:
    dialog.period.set_period(dt.date(2026, 3, 10), dt.date(2026, 3, 1))
    dialog.refresh()
    assert dialog.period_error.isVisible()
    assert dialog.period_error.text() == "Periodens första dag ligger efter dess sista dag."
    assert not dialog.busy
    assert dialog.period.quick.currentText() == "Valda datum"


def test_save_as_pdf_writes_the_report(
    qtbot: Any, dialog: StatisticsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not dialog.pdf_button.isEnabled()  # nothing computed yet
    dialog.show_statistics(sample_statistics())
    assert dialog.pdf_button.isEnabled()
    target = tmp_path / "rapport"
    suggested: list[Path] = []

    def ask(path: Path) -> str:
        suggested.append(path)
        return str(target)

    monkeypatch.setattr(dialog, "ask_pdf_path", ask)
    with qtbot.waitSignal(dialog.pdf_saved, timeout=OPEN_TIMEOUT_MS):
        dialog.save_pdf()
        assert dialog.status.text() == "Sparar rapporten…"
    assert suggested[0].name == "statistik_2026-03-02_2026-03-08.pdf"
    written = tmp_path / "rapport.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]  # no temporary file left
    assert dialog.status.text().startswith("Sparade rapporten (")


def test_a_pdf_that_cannot_be_saved_is_told_politely(
    qtbot: Any, dialog: StatisticsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.show_statistics(sample_statistics())
    missing = tmp_path / "finns-inte" / "rapport.pdf"
    monkeypatch.setattr(dialog, "ask_pdf_path", lambda path: str(missing))
    dialog.save_pdf()
    qtbot.waitUntil(dialog.pdf_button.isEnabled, timeout=OPEN_TIMEOUT_MS)
    assert "rapport.pdf" in dialog.status.text()
    assert "Traceback" not in dialog.status.text()
    assert list(tmp_path.iterdir()) == []


def test_the_view_computes_the_period_on_the_database(
    qtbot: Any, context: AppContext, database: Database, swedish_ui: None
) -> None:
    demo.generate(database.engine, calls=240, forms=25, seed=11)
    open_and_wait(qtbot, context, database.location)
    window = StatisticsDialog(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.stats is not None and not window.busy, timeout=OPEN_TIMEOUT_MS)
    with qtbot.waitSignal(window.computed, timeout=OPEN_TIMEOUT_MS):
        window.period.choose(LAST_12_MONTHS)
    stats = window.stats
    assert stats is not None
    first, last = window.period.period()
    assert (stats.date_from, stats.date_to) == (first, last)
    with database.engine.connect() as conn:
        calls = conn.execute(sa.text("SELECT count(*) FROM calls")).scalar_one()
        forms = conn.execute(
            sa.text("SELECT count(*) FROM forms WHERE received_on >= :first"), {"first": first}
        ).scalar_one()
    assert stats.calls.total == calls == 240  # the demo's calls are all of the last weeks
    assert stats.forms.total == forms
    assert window.cards["calls"].text() == "240"
    assert sum(t.count for t in stats.calls.per_outcome) == 240
    window.show_figure("calls_per_hour")
    assert window.model.rowCount() == 24
    assert sum(int(window.model.data(window.model.index(r, 1))) for r in range(24)) == 240
    assert window.status.text().startswith("240 samtal och ")


def test_errors_are_told_politely(
    qtbot: Any,
    context: AppContext,
    database: Database,
    swedish_ui: None,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    open_and_wait(qtbot, context, database.location)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("kansli_desk.services.statistics.compute_statistics", broken)
    window = StatisticsDialog(context)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.busy and window.status.text() != "", timeout=5000)
    qtbot.waitUntil(lambda: "kunde inte" in window.status.text(), timeout=OPEN_TIMEOUT_MS)
    assert window.status.text() == (
        "Statistiken kunde inte beräknas. Detaljerna finns i loggfilen."
    )
    assert "Traceback" not in window.status.text()
    assert "Unhandled error in a background job" in caplog.text  # logged with its traceback
    assert window.refresh_button.isEnabled()


# --- the charts -----------------------------------------------------------------------------------


def _painted(spec: ChartSpec, width: int = 640, height: int = 300) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_chart(painter, image.rect().toRectF().adjusted(10, 10, -10, -10), spec)
    painter.end()
    return image


def _colours(image: QImage) -> set[int]:
    return {
        image.pixel(x, y) & 0xFFFFFF
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_charts_draw_bars_lines_and_office_hours(qapp: QApplication) -> None:
    bar = CALLS_COLOR.rgb() & 0xFFFFFF
    band = BAND.rgb() & 0xFFFFFF
    labels = tuple(f"{h:02d}" for h in range(24))
    values = tuple(10 * h if 8 <= h <= 16 else 0 for h in range(24))
    columns = ChartSpec(
        ChartKind.COLUMNS, "Per hour", labels, values, bands=((8.0, 16.5),), band_label="Open"
    )
    colours = _colours(_painted(columns))
    assert bar in colours and band in colours
    bars = ChartSpec(ChartKind.BARS, "Per topic", ("A", "B"), (3, 7), value_title="Calls")
    assert bar in _colours(_painted(bars))
    line = ChartSpec(ChartKind.LINE, "Per day", ("1", "2", "3"), (1, 5, 2), ticks=((0, "1/3"),))
    assert len(_colours(_painted(line))) > 3
    empty = ChartSpec(ChartKind.BARS, "Nothing", ("A",), (0,), empty_text="No calls")
    assert bar not in _colours(_painted(empty))


def test_a_long_line_is_filled_under_it_quickly(qapp: QApplication) -> None:
    # Three years of days, none on Saturdays and Sundays: denser than the pixels.
    values = tuple(0 if day % 7 in (5, 6) else 1300 + day % 90 for day in range(1096))
    line = ChartSpec(ChartKind.LINE, "Per day", ("",) * len(values), values)
    started = time.perf_counter()
    image = _painted(line, 900, 400)
    assert time.perf_counter() - started < 0.5  # as one antialiased path: about a second
    fill = QColor(CALLS_COLOR)
    under = image.pixelColor(450, 330)  # below the line in the middle, above the axis
    assert under != QColor("white")
    assert under.blue() > under.red()  # the line's colour, lightened
    assert under.red() > fill.red()
    # Twenty busy days and ten without calls, over and over: filled under the busy
    # days only (two thirds of a row halfway up), the quiet ones stay white.
    values = tuple(0 if day % 30 >= 20 else 1000 for day in range(300))
    row = _painted(ChartSpec(ChartKind.LINE, "", ("",) * 300, values), 900, 400)
    middle = [row.pixelColor(x, 220) for x in range(120, 860)]
    white = sum(colour == QColor("white") for colour in middle)
    assert 0.25 < white / len(middle) < 0.4


def test_value_axes_use_round_steps() -> None:
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(100) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(1663) == [0, 500, 1000, 1500, 2000]
    assert nice_ticks(23) == [0, 5, 10, 15, 20, 25]


# --- the main window ------------------------------------------------------------------------------


def test_the_reports_menu_opens_statistics_and_exports(
    qtbot: Any, swedish_ui: None, window: MainWindow, context: AppContext, database: Database
) -> None:
    menu = window.menuBar().findChild(QMenu, "menuReports")
    assert menu is not None
    assert menu.title() == "&Rapporter"
    assert [a.objectName() for a in menu.actions()] == ["actionStatistics", "actionExport"]
    statistics = window.statistics_action
    export = window.export_action
    assert statistics.shortcut() == QKeySequence("Ctrl+Shift+T")
    assert export.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert (statistics.text(), export.text()) == ("&Statistik…", "&Exportera…")
    assert not statistics.isEnabled() and not export.isEnabled()  # no database yet
    open_and_wait(qtbot, context, database.location)
    assert statistics.isEnabled()
    assert export.isEnabled()  # the first user of a new database is a supervisor
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_T, ctrl_shift)
    opened = window.findChild(StatisticsDialog)
    assert opened is not None and opened.isVisible()
    qtbot.waitUntil(lambda: opened.stats is not None, timeout=OPEN_TIMEOUT_MS)
    statistics.trigger()  # the same window again, not a second one
    assert len(window.findChildren(StatisticsDialog)) == 1
    from kansli_desk.ui.dialogs.export import ExportDialog

    export.trigger()
    exporter = window.findChild(ExportDialog)
    assert exporter is not None and exporter.isVisible()
    exporter.close()
    opened.close()


def test_export_is_for_supervisors_only(
    qtbot: Any, window: MainWindow, context: AppContext, database: Database
) -> None:
    from kansli_desk.core.enums import Role
    from kansli_desk.services import users

    with database.transaction() as session:
        users.ensure_user(session, "first.supervisor")  # the first user administers
    open_and_wait(qtbot, context, database.location)
    assert context.user is not None and context.user.role is Role.ADVISOR
    assert window.statistics_action.isEnabled()
    assert not window.export_action.isEnabled()


def test_the_reports_load_only_when_used() -> None:
    """Start-up stays cheap: the main window does not import statistics, exports or PDFs."""
    code = (
        "import sys\n"
        "import kansli_desk.ui.main_window\n"
        "late = ('kansli_desk.ui.statistics.view', 'kansli_desk.ui.dialogs.export',\n"
        "        'kansli_desk.ui.reports.pdf', 'kansli_desk.services.exports',\n"
        "        'kansli_desk.services.statistics')\n"
        "print([name for name in late if name in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
