"""What the statistics show: key figures, charts and the numbers behind each chart.

Built from a :class:`~kansli_desk.services.statistics.Statistics` as plain data and
shared by the statistics view and the PDF report, so both show the same figures
with the same words. Enum keys (outcomes, caller kinds, form types and statuses)
are translated here through their labels in :mod:`kansli_desk.core.enums`; text
goes through :func:`kansli_desk.i18n.translate`, which the GUI and the command
line both install, so the report is Swedish wherever it is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from kansli_desk.core.enums import CallerKind, FormStatus, FormType, Outcome
from kansli_desk.i18n import translate
from kansli_desk.ui import formatting
from kansli_desk.ui.statistics.charts import (
    CALLS_COLOR,
    FORMS_COLOR,
    ChartKind,
    ChartSpec,
    format_count,
)

if TYPE_CHECKING:
    from kansli_desk.core.office_hours import OfficeHours
    from kansli_desk.services.statistics import Statistics, Tally

Cell = str | int
DAILY_TICKS_MAX_DAYS = 31  # up to a month: a label for (nearly) every day
WEEKLY_TICKS_MAX_DAYS = 120  # up to four months: a label every Monday; longer: every month


class Section(StrEnum):
    """Which part of the report a figure belongs to."""

    SUMMARY = "summary"
    CALLS = "calls"
    FORMS = "forms"


@dataclass(frozen=True)
class KeyFigure:
    """One key figure: a label and its value as text."""

    key: str
    label: str
    value: str
    section: Section


@dataclass(frozen=True)
class Figure:
    """A chart and the table of the numbers behind it.

    Attributes:
        key: stable identifier ("calls_per_day").
        title: heading of the chart and the table.
        section: calls, forms or the summary.
        chart: what to draw, or None (the key figures are a table only).
        headers: the table's column headers.
        rows: the table's cells: text, or whole numbers (copied without separators).
    """

    key: str
    title: str
    section: Section
    chart: ChartSpec | None
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


# --- numbers as text ------------------------------------------------------------------------


def decimal(value: float, digits: int = 1) -> str:
    """``2.5`` as "2,5" in Swedish (the decimal sign follows the language)."""
    whole, _, fraction = f"{value:.{digits}f}".partition(".")
    if not fraction:
        return whole
    return translate("StatisticsReport", "{whole}.{fraction}").format(
        whole=whole, fraction=fraction
    )


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` in per cent with one decimal ("12,5 %"); "–" of nothing."""
    if whole <= 0:
        return "–"
    return f"{decimal(100 * part / whole)} %"


def minutes(seconds: float | None) -> str:
    """A duration as "4:05 min" (minutes:seconds); "–" when unknown."""
    if seconds is None:
        return "–"
    return translate("StatisticsReport", "{duration} min").format(
        duration=formatting.duration(round(seconds))
    )


def days(value: float | None) -> str:
    """A number of days with one decimal ("2,5 days"); "–" when unknown."""
    if value is None:
        return "–"
    return translate("StatisticsReport", "{days} days").format(days=decimal(value))


def period_text(date_from: dt.date, date_to: dt.date) -> str:
    """``2026-01-01 – 2026-12-31``."""
    return f"{date_from.isoformat()} – {date_to.isoformat()}"


def _month_names() -> tuple[str, ...]:
    return (
        translate("StatisticsReport", "Jan"),
        translate("StatisticsReport", "Feb"),
        translate("StatisticsReport", "Mar"),
        translate("StatisticsReport", "Apr"),
        translate("StatisticsReport", "May"),
        translate("StatisticsReport", "Jun"),
        translate("StatisticsReport", "Jul"),
        translate("StatisticsReport", "Aug"),
        translate("StatisticsReport", "Sep"),
        translate("StatisticsReport", "Oct"),
        translate("StatisticsReport", "Nov"),
        translate("StatisticsReport", "Dec"),
    )


def weekday_names() -> tuple[str, ...]:
    """Monday to Sunday, in full."""
    return (
        translate("StatisticsReport", "Monday"),
        translate("StatisticsReport", "Tuesday"),
        translate("StatisticsReport", "Wednesday"),
        translate("StatisticsReport", "Thursday"),
        translate("StatisticsReport", "Friday"),
        translate("StatisticsReport", "Saturday"),
        translate("StatisticsReport", "Sunday"),
    )


def _weekday_short() -> tuple[str, ...]:
    return (
        translate("StatisticsReport", "Mon"),
        translate("StatisticsReport", "Tue"),
        translate("StatisticsReport", "Wed"),
        translate("StatisticsReport", "Thu"),
        translate("StatisticsReport", "Fri"),
        translate("StatisticsReport", "Sat"),
        translate("StatisticsReport", "Sun"),
    )


def _enum_label(kind: type[CallerKind | FormStatus | FormType | Outcome], tally: Tally) -> str:
    """The translated label of an enum key (the service's text if the key is unknown)."""
    try:
        return kind(tally.key).label
    except ValueError:
        return tally.label


def _week_parts(key: str) -> tuple[int, int] | None:
    """``"2026-W05"`` as (2026, 5)."""
    year, _, week = key.partition("-W")
    if year.isdigit() and week.isdigit():
        return int(year), int(week)
    return None


def week_label(key: str, *, with_year: bool) -> str:
    """A week in the table: "w. 5" ("v. 5"), with the year when the period spans years."""
    parts = _week_parts(key)
    if parts is None:
        return key
    year, week = parts
    if with_year:
        return translate("StatisticsReport", "w. {week} {year}").format(week=week, year=year)
    return translate("StatisticsReport", "w. {week}").format(week=week)


def _day(key: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(key)
    except ValueError:
        return None


def day_ticks(keys: Iterable[str]) -> tuple[tuple[int, str], ...]:
    """Axis labels of a day-by-day line: every day, every Monday or every month."""
    days_ = [(_day(key), key) for key in keys]
    count = len(days_)
    months = _month_names()
    spans_years = len({d.year for d, _ in days_ if d is not None}) > 1
    ticks: list[tuple[int, str]] = []
    for index, (day, key) in enumerate(days_):
        if day is None:
            ticks.append((index, key))
            continue
        if count <= DAILY_TICKS_MAX_DAYS or (count <= WEEKLY_TICKS_MAX_DAYS and day.weekday() == 0):
            ticks.append((index, f"{day.day}/{day.month}"))
        elif count > WEEKLY_TICKS_MAX_DAYS and day.day == 1:
            name = months[day.month - 1]
            if spans_years and (day.month == 1 or not ticks):
                name = f"{name} {day.year}"
            ticks.append((index, name))
    return tuple(ticks)


# --- the figures ----------------------------------------------------------------------------


def key_figure_titles() -> tuple[tuple[str, str, Section], ...]:
    """The key figures' keys, labels and sections, in the order they are shown."""
    c, f = Section.CALLS, Section.FORMS
    return (
        ("calls", translate("StatisticsReport", "Calls"), c),
        ("mean_duration", translate("StatisticsReport", "Mean duration"), c),
        ("median_duration", translate("StatisticsReport", "Median duration"), c),
        ("within_office_hours", translate("StatisticsReport", "Within office hours"), c),
        ("outside_office_hours", translate("StatisticsReport", "Outside office hours"), c),
        ("open_callbacks", translate("StatisticsReport", "Open callbacks"), c),
        ("overdue_callbacks", translate("StatisticsReport", "Overdue callbacks"), c),
        ("forms", translate("StatisticsReport", "Forms"), f),
        (
            "median_days_to_registration",
            translate("StatisticsReport", "Median time to registration"),
            f,
        ),
        (
            "median_days_to_confirmation",
            translate("StatisticsReport", "Median time to confirmation"),
            f,
        ),
        ("urgent", translate("StatisticsReport", "Urgent forms"), f),
        (
            "urgent_phoned_in_time",
            translate("StatisticsReport", "Urgent: IT support phoned in time"),
            f,
        ),
        ("urgent_phoned_late", translate("StatisticsReport", "Urgent: phoned late"), f),
        ("urgent_not_phoned", translate("StatisticsReport", "Urgent: not phoned"), f),
    )


def key_figures(stats: Statistics) -> tuple[KeyFigure, ...]:
    """The figures a supervisor reads first, calls then forms."""
    calls, forms = stats.calls, stats.forms
    office_total = calls.within_office_hours + calls.outside_office_hours

    def share(part: int) -> str:
        return f"{format_count(part)} ({percent(part, office_total)})"

    values = {
        "calls": format_count(calls.total),
        "mean_duration": minutes(calls.mean_duration_seconds),
        "median_duration": minutes(calls.median_duration_seconds),
        "within_office_hours": share(calls.within_office_hours),
        "outside_office_hours": share(calls.outside_office_hours),
        "open_callbacks": format_count(calls.open_callbacks),
        "overdue_callbacks": format_count(calls.overdue_callbacks),
        "forms": format_count(forms.total),
        "median_days_to_registration": days(forms.median_days_to_registration),
        "median_days_to_confirmation": days(forms.median_days_to_confirmation),
        "urgent": format_count(forms.urgent),
        "urgent_phoned_in_time": format_count(forms.urgent_phoned_in_time),
        "urgent_phoned_late": format_count(forms.urgent_phoned_late),
        "urgent_not_phoned": format_count(forms.urgent_not_phoned),
    }
    return tuple(
        KeyFigure(key, label, values[key], section) for key, label, section in key_figure_titles()
    )


def summary_figure(stats: Statistics) -> Figure:
    """The key figures as a table (no chart)."""
    return Figure(
        "key_figures",
        translate("StatisticsReport", "Key figures"),
        Section.SUMMARY,
        None,
        (translate("StatisticsReport", "Figure"), translate("StatisticsReport", "Value")),
        tuple((figure.label, figure.value) for figure in key_figures(stats)),
    )


def _tally_figure(
    key: str,
    title: str,
    section: Section,
    tallies: Iterable[Tally],
    labels: Iterable[str],
    *,
    header: str,
    kind: ChartKind,
    total: int,
) -> Figure:
    """A chart of counts per category and its table: label, count, share of the total."""
    tallies = tuple(tallies)
    labels = tuple(labels)
    counts = tuple(t.count for t in tallies)
    calls = section is not Section.FORMS
    count_header = (
        translate("StatisticsReport", "Calls") if calls else translate("StatisticsReport", "Forms")
    )
    chart = ChartSpec(
        kind=kind,
        title=title,
        labels=labels,
        values=counts,
        value_title=count_header,
        empty_text=_empty_text(section),
        color=(CALLS_COLOR if calls else FORMS_COLOR).name(),
    )
    rows = tuple(
        (label, count, percent(count, total)) for label, count in zip(labels, counts, strict=True)
    )
    share = translate("StatisticsReport", "Share")
    return Figure(key, title, section, chart, (header, count_header, share), rows)


def _empty_text(section: Section) -> str:
    if section is Section.FORMS:
        return translate("StatisticsReport", "No forms arrived in the period.")
    return translate("StatisticsReport", "No calls in the period.")


def _bands(positions: Iterable[int]) -> tuple[tuple[float, float], ...]:
    """Runs of consecutive positions as (first, end) spans."""
    spans: list[tuple[float, float]] = []
    for position in sorted(set(positions)):
        if spans and spans[-1][1] == position:
            spans[-1] = (spans[-1][0], position + 1.0)
        else:
            spans.append((float(position), position + 1.0))
    return tuple(spans)


def call_figures(stats: Statistics, office_hours: OfficeHours) -> tuple[Figure, ...]:
    """Calls per day, week, topic, outcome, caller kind, hour of day and weekday."""
    calls = stats.calls
    total = calls.total
    calls_text = translate("StatisticsReport", "Calls")
    empty = _empty_text(Section.CALLS)
    color = CALLS_COLOR.name()

    day_title = translate("StatisticsReport", "Calls per day")
    per_day = Figure(
        "calls_per_day",
        day_title,
        Section.CALLS,
        ChartSpec(
            ChartKind.LINE,
            day_title,
            tuple(t.key for t in calls.per_day),
            tuple(t.count for t in calls.per_day),
            value_title=calls_text,
            ticks=day_ticks(t.key for t in calls.per_day),
            empty_text=empty,
            color=color,
        ),
        (
            translate("StatisticsReport", "Day"),
            translate("StatisticsReport", "Weekday"),
            calls_text,
        ),
        tuple((t.key, _weekday_of(t.key), t.count) for t in calls.per_day),
    )

    week_title = translate("StatisticsReport", "Calls per week")
    years = {parts[0] for t in calls.per_week if (parts := _week_parts(t.key)) is not None}
    per_week = Figure(
        "calls_per_week",
        week_title,
        Section.CALLS,
        ChartSpec(
            ChartKind.COLUMNS,
            week_title,
            tuple(str(p[1]) if (p := _week_parts(t.key)) else t.label for t in calls.per_week),
            tuple(t.count for t in calls.per_week),
            value_title=calls_text,
            category_title=translate("StatisticsReport", "Week"),
            empty_text=empty,
            color=color,
        ),
        (translate("StatisticsReport", "Week"), calls_text),
        tuple((week_label(t.key, with_year=len(years) > 1), t.count) for t in calls.per_week),
    )

    per_topic = _tally_figure(
        "calls_per_topic",
        translate("StatisticsReport", "Calls per topic"),
        Section.CALLS,
        calls.per_topic,
        (t.label for t in calls.per_topic),
        header=translate("StatisticsReport", "Topic"),
        kind=ChartKind.BARS,
        total=total,
    )
    per_outcome = _tally_figure(
        "calls_per_outcome",
        translate("StatisticsReport", "Calls per outcome"),
        Section.CALLS,
        calls.per_outcome,
        (_enum_label(Outcome, t) for t in calls.per_outcome),
        header=translate("StatisticsReport", "Outcome"),
        kind=ChartKind.BARS,
        total=total,
    )
    per_caller = _tally_figure(
        "calls_per_caller_kind",
        translate("StatisticsReport", "Calls per caller"),
        Section.CALLS,
        calls.per_caller_kind,
        (_enum_label(CallerKind, t) for t in calls.per_caller_kind),
        header=translate("StatisticsReport", "Caller"),
        kind=ChartKind.BARS,
        total=total,
    )

    opens, closes = office_hours.opens, office_hours.closes
    hours_label = translate("StatisticsReport", "Office hours {opens}–{closes}").format(
        opens=opens.strftime("%H:%M"), closes=closes.strftime("%H:%M")
    )
    hour_title = translate("StatisticsReport", "Calls by hour of day")
    per_hour = _tally_figure(
        "calls_per_hour",
        hour_title,
        Section.CALLS,
        calls.per_hour,
        (t.key for t in calls.per_hour),
        header=translate("StatisticsReport", "Hour"),
        kind=ChartKind.COLUMNS,
        total=total,
    )
    start = opens.hour + opens.minute / 60
    end = closes.hour + closes.minute / 60
    per_hour = _with_chart(
        per_hour,
        category_title=translate("StatisticsReport", "Hour of day (Swedish time)"),
        bands=((start, end),) if end > start else (),
        band_label=hours_label,
        rows=tuple((_hour_range(t.key), t.count, percent(t.count, total)) for t in calls.per_hour),
    )

    weekday_title = translate("StatisticsReport", "Calls by weekday")
    names = weekday_names()
    weekday_labels = tuple(_weekday_name(t.key, names) for t in calls.per_weekday)
    per_weekday = _tally_figure(
        "calls_per_weekday",
        weekday_title,
        Section.CALLS,
        calls.per_weekday,
        weekday_labels,
        header=translate("StatisticsReport", "Weekday"),
        kind=ChartKind.COLUMNS,
        total=total,
    )
    short = _weekday_short()
    per_weekday = _with_chart(
        per_weekday,
        labels=tuple(_weekday_name(t.key, short) for t in calls.per_weekday),
        bands=_bands(
            index
            for index, t in enumerate(calls.per_weekday)
            if t.key.isdigit() and int(t.key) - 1 in office_hours.weekdays
        ),
        band_label=translate("StatisticsReport", "Office days"),
    )
    return (per_day, per_week, per_topic, per_outcome, per_caller, per_hour, per_weekday)


def _with_chart(
    figure: Figure,
    *,
    labels: tuple[str, ...] | None = None,
    category_title: str | None = None,
    bands: tuple[tuple[float, float], ...] = (),
    band_label: str = "",
    rows: tuple[tuple[Cell, ...], ...] | None = None,
) -> Figure:
    """``figure`` with some of its chart's (and table's) settings replaced."""
    assert figure.chart is not None
    chart = replace(
        figure.chart,
        labels=labels if labels is not None else figure.chart.labels,
        category_title=category_title
        if category_title is not None
        else figure.chart.category_title,
        bands=bands,
        band_label=band_label if bands else "",
    )
    return replace(figure, chart=chart, rows=rows if rows is not None else figure.rows)


def _hour_range(key: str) -> str:
    """``"08"`` as "08–09"."""
    if not key.isdigit():
        return key
    hour = int(key)
    return f"{hour:02d}–{(hour + 1) % 24:02d}"


def _weekday_name(key: str, names: tuple[str, ...]) -> str:
    """``"1"`` (Monday) as its name."""
    if key.isdigit() and 1 <= int(key) <= len(names):
        return names[int(key) - 1]
    return key


def _weekday_of(key: str) -> str:
    day = _day(key)
    return weekday_names()[day.weekday()] if day is not None else ""


def form_figures(stats: Statistics) -> tuple[Figure, ...]:
    """Forms per type and per status."""
    forms = stats.forms
    per_type = _tally_figure(
        "forms_per_type",
        translate("StatisticsReport", "Forms per type"),
        Section.FORMS,
        forms.per_type,
        (_enum_label(FormType, t) for t in forms.per_type),
        header=translate("StatisticsReport", "Form type"),
        kind=ChartKind.BARS,
        total=forms.total,
    )
    per_status = _tally_figure(
        "forms_per_status",
        translate("StatisticsReport", "Forms per status"),
        Section.FORMS,
        forms.per_status,
        (_enum_label(FormStatus, t) for t in forms.per_status),
        header=translate("StatisticsReport", "Status"),
        kind=ChartKind.BARS,
        total=forms.total,
    )
    return (per_type, per_status)


def all_figures(stats: Statistics, office_hours: OfficeHours) -> tuple[Figure, ...]:
    """The key figures, then the call figures, then the form figures."""
    return (summary_figure(stats), *call_figures(stats, office_hours), *form_figures(stats))


def table_text(headers: Iterable[str], rows: Iterable[Iterable[Cell]]) -> str:
    """Tab-separated text with a header line, as spreadsheets paste it."""

    def clean(cell: Cell) -> str:
        return str(cell).replace("\t", " ").replace("\r", " ").replace("\n", " ")

    lines = ["\t".join(clean(h) for h in headers)]
    lines += ["\t".join(clean(cell) for cell in row) for row in rows]
    return "\n".join(lines) + "\n"
