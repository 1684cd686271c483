"""PDFs of the form register, made with Qt (QTextDocument on an A4 QPrinter).

* :func:`receipt_pdf`: the receipt / cover sheet of a registered form: registry
  number, type, dates, the people (masked), the orderer, the status. It goes on
  top of the paper form in the binder.
* :func:`paper_form_pdf`: the paper order form of one of the four types, blank
  or pre-filled from a stored form, so a care unit can follow the backup routine
  even without its own template (or complete a form sent back to it). Identity
  numbers are pre-filled masked (``YYYYMMDD-____``): the unit writes the last
  four digits by hand, so no full number leaves the register on paper.

Each function returns the path written (``.pdf`` added when missing).

Raises:
    OSError: the file cannot be written (checked before Qt writes it).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument

from kansli_desk.core.enums import FormType, IdKind, Initiator, Measure, PartyRole, SealScope
from kansli_desk.ui import formatting

if TYPE_CHECKING:
    from kansli_desk.services.forms import FormDetail, FormInput, PartyView

ORGANISATION = "Regionstab Kansli, Region Kalmar län"
BODY_PT = 10
TICKED, UNTICKED = "☒", "☐"

TABLE = (
    "<table width='100%' border='1' cellspacing='0' cellpadding='5' "
    "style='border-color: #8a8a8a; border-style: solid; border-collapse: collapse'>"
)
LABEL_CELL = "<td width='32%' style='background: #f1f1f1'>"


# --- the receipt ---------------------------------------------------------------------------


def receipt_html(detail: FormDetail, *, printed_at: dt.datetime | None = None) -> str:
    """The receipt of a registered form, as HTML for QTextDocument."""
    data = detail.data
    printed_at = printed_at or dt.datetime.now(dt.UTC)
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("FormPrint", "Registry number"), detail.registry_number),
        (QCoreApplication.translate("FormPrint", "Order type"), data.form_type.label),
        (QCoreApplication.translate("FormPrint", "Status"), detail.status.label),
        (
            QCoreApplication.translate("FormPrint", "Received by internal mail"),
            formatting.date(data.received_on),
        ),
        (
            QCoreApplication.translate("FormPrint", "Signed on"),
            formatting.date(data.signed_on) or "–",
        ),
        (
            QCoreApplication.translate("FormPrint", "Signed"),
            QCoreApplication.translate("FormPrint", "Yes")
            if data.is_signed
            else QCoreApplication.translate("FormPrint", "No"),
        ),
        (
            QCoreApplication.translate("FormPrint", "Registered"),
            formatting.local_time(detail.registered_at) or "–",
        ),
        (
            QCoreApplication.translate("FormPrint", "Urgent"),
            QCoreApplication.translate("FormPrint", "Yes")
            if data.is_urgent
            else QCoreApplication.translate("FormPrint", "No"),
        ),
    ]
    if data.measures:
        rows.append(
            (
                QCoreApplication.translate("FormPrint", "Measures"),
                ", ".join(m.label for m in Measure if m in data.measures),
            )
        )
    rows += [(_party_title(party, detail), _party_text(party)) for party in detail.parties]
    orderer = ", ".join(
        p
        for p in (data.orderer_name, data.orderer_title, data.orderer_unit, data.orderer_phone)
        if p
    )
    rows.append((QCoreApplication.translate("FormPrint", "Orderer"), orderer or "–"))
    rows.append(
        (
            QCoreApplication.translate("FormPrint", "Head of operations"),
            data.head_of_operations or "–",
        )
    )
    rows.append(
        (QCoreApplication.translate("FormPrint", "Scans attached"), str(len(detail.attachments)))
    )
    cells = "".join(
        f"<tr>{LABEL_CELL}{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
        for label, value in rows
    )
    history = "".join(
        "<tr><td>"
        + html.escape(formatting.local_time(row.changed_at))
        + "</td><td>"
        + html.escape(row.to_status.label)
        + "</td><td>"
        + html.escape(row.changed_by)
        + "</td><td>"
        + html.escape(row.comment)
        + "</td></tr>"
        for row in detail.history
    )
    heading = QCoreApplication.translate("FormPrint", "Receipt: paper form registered")
    history_heading = QCoreApplication.translate("FormPrint", "History")
    columns = (
        QCoreApplication.translate("FormPrint", "When"),
        QCoreApplication.translate("FormPrint", "Status"),
        QCoreApplication.translate("FormPrint", "Who"),
        QCoreApplication.translate("FormPrint", "Comment"),
    )
    footer = QCoreApplication.translate(
        "FormPrint",
        "Identity numbers are masked. Keep this sheet on top of the paper form. Printed {time}.",
    ).format(time=formatting.local_time(printed_at))
    header_cells = "".join(f"<th align='left'>{html.escape(c)}</th>" for c in columns)
    return (
        f"<p style='color:#555'>{html.escape(ORGANISATION)}</p>"
        f"<h2>{html.escape(heading)}</h2>"
        f"<p style='font-size: 20pt'><b>{html.escape(detail.registry_number)}</b></p>"
        f"{TABLE}{cells}</table>"
        f"<h3>{html.escape(history_heading)}</h3>"
        f"{TABLE}<tr style='background: #f1f1f1'>{header_cells}</tr>{history}</table>"
        f"<p style='color:#555; font-size: 8pt; margin-top: 10px'>{html.escape(footer)}</p>"
    )


def receipt_pdf(detail: FormDetail, path: str | Path) -> Path:
    """Write the receipt (cover sheet) of a registered form to a PDF file."""
    title = QCoreApplication.translate("FormPrint", "Receipt {number}").format(
        number=detail.registry_number
    )
    return write_pdf(receipt_html(detail), path, title)


# --- the paper forms ----------------------------------------------------------------------

FORM_TABLE = TABLE.replace("cellpadding='5'", "cellpadding='6'")
WRITE = "&nbsp;"  # an empty, bordered cell to write in
BLANK = "_" * 22  # a line to write on


def paper_form_html(form_type: FormType, detail: FormDetail | None = None) -> str:
    """The paper order form of a type, blank or pre-filled from ``detail``, as HTML."""
    data = detail.data if detail is not None and detail.data.form_type is form_type else None
    intro = QCoreApplication.translate(
        "FormPrint",
        "Use this form only while the digital order forms cannot be used. Fill it in clearly, "
        "have it signed by the head of operations and send it by internal mail to Regionstab "
        "Kansli. If the order is urgent, also phone IT-Vårdsystemsupport.",
    )
    parts = [
        "<p style='color:#555'>"
        + html.escape(ORGANISATION)
        + " · "
        + html.escape(QCoreApplication.translate("FormPrint", "Backup routine: paper order form"))
        + "</p>",
        f"<h2>{html.escape(form_type.label)}</h2>",
        f"<p>{html.escape(intro)}</p>",
    ]
    if detail is not None and data is not None:
        prefilled = QCoreApplication.translate(
            "FormPrint",
            "Pre-filled from {number}: check every value. Identity numbers are printed "
            "without their last four digits: write them in by hand.",
        ).format(number=detail.registry_number or "–")
        parts.append(f"<p><b>{html.escape(prefilled)}</b></p>")
    parts += [
        _section(QCoreApplication.translate("FormPrint", "1. The order")),
        _order_table(form_type, data),
        _section(QCoreApplication.translate("FormPrint", "2. Persons")),
        _people_table(form_type, detail if data is not None else None),
        _section(QCoreApplication.translate("FormPrint", "3. Orderer and decision")),
        _orderer_table(data),
        _section(QCoreApplication.translate("FormPrint", "4. Urgency")),
        _urgency_table(data),
        _section(QCoreApplication.translate("FormPrint", "For Regionstab Kansli")),
        FORM_TABLE
        + "<tr>"
        + _label_cell(QCoreApplication.translate("FormPrint", "Registry number"), "20%")
        + f"<td width='30%'>{_value(detail.registry_number if detail else '')}</td>"
        + _label_cell(QCoreApplication.translate("FormPrint", "Received on"), "20%")
        + f"<td width='30%'>{WRITE}</td></tr><tr>"
        + _label_cell(QCoreApplication.translate("FormPrint", "Registered by"), "20%")
        + f"<td colspan='3'>{WRITE}</td></tr></table>",
    ]
    return "".join(parts)


def paper_form_pdf(form_type: FormType, path: str | Path, detail: FormDetail | None = None) -> Path:
    """Write the paper form of a type (blank, or pre-filled from ``detail``) to a PDF file."""
    return write_pdf(paper_form_html(form_type, detail), path, form_type.label)


def _section(title: str) -> str:
    return f"<h3 style='margin-top: 12px; margin-bottom: 4px'>{html.escape(title)}</h3>"


def _label_cell(label: str, width: str = "30%") -> str:
    return f"<td width='{width}' style='background: #f1f1f1'>{html.escape(label)}</td>"


def _row(label: str, value_html: str) -> str:
    return f"<tr>{_label_cell(label)}<td>{value_html}</td></tr>"


def _choices(options: list[tuple[str, bool]]) -> str:
    return " &nbsp;&nbsp; ".join(
        f"{TICKED if ticked else UNTICKED} {html.escape(text)}" for text, ticked in options
    )


def _value(text: str | None) -> str:
    return html.escape(text) if text else WRITE


def _order_table(form_type: FormType, data: FormInput | None) -> str:
    rows = []
    measures = data.measures if data is not None else frozenset()
    if form_type in (FormType.SEAL_OR_LOCK, FormType.RESTORE_ACCESS):
        initiator = data.initiator if data is not None else None
        rows.append(
            _row(
                QCoreApplication.translate("FormPrint", "On whose initiative"),
                _choices([(i.label, initiator is i) for i in Initiator]),
            )
        )
        offered = (
            (Measure.SEAL_JOURNAL, Measure.LOCK_LOGIN)
            if form_type is FormType.SEAL_OR_LOCK
            else (Measure.UNSEAL_JOURNAL, Measure.UNLOCK_LOGIN)
        )
        rows.append(
            _row(
                QCoreApplication.translate("FormPrint", "Measures (one or both)"),
                _choices([(m.label, m in measures) for m in offered]),
            )
        )
    if form_type is FormType.SEAL_OR_LOCK:
        rows.append(
            _row(
                QCoreApplication.translate("FormPrint", "Scope of the seal"),
                _scope_lines(data),
            )
        )
    if form_type is FormType.REMOVE_GUARDIAN_ACCESS:
        rule = QCoreApplication.translate(
            "FormPrint", "The child must be under 16 on the signing date."
        )
        rows.append(
            _row(
                QCoreApplication.translate("FormPrint", "Measure"),
                f"{html.escape(Measure.REMOVE_GUARDIAN_ACCESS.label)}<br>{html.escape(rule)}",
            )
        )
    if form_type is FormType.MINOR_ACCESS:
        rule = QCoreApplication.translate(
            "FormPrint",
            "Give or remove access to the record of a child aged 13–15, for the child and/or "
            "a guardian (below). The child must be 13, 14 or 15 on the signing date.",
        )
        rows.append(_row(QCoreApplication.translate("FormPrint", "Measure"), html.escape(rule)))
    return FORM_TABLE + "".join(rows) + "</table>"


def _scope_lines(data: FormInput | None) -> str:
    scope = data.seal_scope if data is not None else None
    unit = data.scope_unit if data is not None else ""

    def named(which: SealScope) -> str:
        value = html.escape(unit) if scope is which and unit else BLANK
        return _choices([(which.label, scope is which)]) + ": " + value

    if data is not None and scope is SealScope.TIME_PERIOD:
        period = html.escape(
            f"{formatting.date(data.period_from)} – {formatting.date(data.period_to)}"
        )
    else:
        period = html.escape(
            QCoreApplication.translate("FormPrint", "from {start} to {end}").format(
                start="____________", end="____________"
            )
        )
    lines = [
        _choices([(SealScope.WHOLE_ACCOUNT.label, scope is SealScope.WHOLE_ACCOUNT)]),
        named(SealScope.CARE_UNIT),
        named(SealScope.CARE_PROVIDER),
        _choices([(SealScope.TIME_PERIOD.label, scope is SealScope.TIME_PERIOD)]) + ": " + period,
    ]
    return "<br>".join(lines)


def _people_table(form_type: FormType, detail: FormDetail | None) -> str:
    """One row per person: identity number, birth date (reservnummer), name (and access)."""
    child_types = (FormType.REMOVE_GUARDIAN_ACCESS, FormType.MINOR_ACCESS)
    minor = form_type is FormType.MINOR_ACCESS
    slots: list[tuple[str, PartyRole]] = (
        [
            (PartyRole.CHILD.label, PartyRole.CHILD),
            (QCoreApplication.translate("FormPrint", "Guardian 1"), PartyRole.GUARDIAN),
            (QCoreApplication.translate("FormPrint", "Guardian 2 (if any)"), PartyRole.GUARDIAN),
        ]
        if form_type in child_types
        else [(PartyRole.SUBJECT.label, PartyRole.SUBJECT)]
    )
    headers = [
        QCoreApplication.translate("FormPrint", "Person"),
        QCoreApplication.translate("FormPrint", "Personnummer / samordningsnummer / reservnummer"),
        QCoreApplication.translate("FormPrint", "Birth date (reservnummer only)"),
        QCoreApplication.translate("FormPrint", "Name"),
    ]
    widths = ["20%", "28%", "18%", "34%"]
    if minor:
        headers.append(QCoreApplication.translate("FormPrint", "Access"))
        widths = ["20%", "24%", "16%", "22%", "18%"]
    head = "".join(
        f"<td width='{w}' style='background: #f1f1f1; font-size: 8pt'>{html.escape(h)}</td>"
        for h, w in zip(headers, widths, strict=True)
    )
    parties = list(detail.parties) if detail is not None else []
    rows = []
    for title, role in slots:
        party = next((p for p in parties if p.role is role), None)
        if party is not None:
            parties.remove(party)
        number = party.number_masked.replace("XXXX", "____") if party is not None else ""
        reserve = party is not None and party.id_kind is IdKind.RESERVNUMMER
        cells = [
            html.escape(title),
            _value(number),
            _value(formatting.date(party.birth_date) if reserve and party else ""),
            _value(party.name if party else ""),
        ]
        if minor:
            given = party.access_given if party is not None else None
            cells.append(
                _choices([(QCoreApplication.translate("FormPrint", "Give"), given is True)])
                + "<br>"
                + _choices([(QCoreApplication.translate("FormPrint", "Remove"), given is False)])
            )
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return FORM_TABLE + f"<tr>{head}</tr>" + "".join(rows) + "</table>"


def _orderer_table(data: FormInput | None) -> str:
    def pair(label_a: str, value_a: str, label_b: str, value_b: str) -> str:
        return (
            "<tr>"
            + _label_cell(label_a, "24%")
            + f"<td width='26%'>{_value(value_a)}</td>"
            + _label_cell(label_b, "20%")
            + f"<td width='30%'>{_value(value_b)}</td></tr>"
        )

    signed = data is not None and data.is_signed
    signature = (
        html.escape(QCoreApplication.translate("FormPrint", "(signed on the original)"))
        if signed
        else ""
    )
    return (
        FORM_TABLE
        + pair(
            QCoreApplication.translate("FormPrint", "Orderer's name"),
            data.orderer_name if data else "",
            QCoreApplication.translate("FormPrint", "Title"),
            data.orderer_title if data else "",
        )
        + pair(
            QCoreApplication.translate("FormPrint", "Care unit"),
            data.orderer_unit if data else "",
            QCoreApplication.translate("FormPrint", "Phone"),
            data.orderer_phone if data else "",
        )
        + pair(
            QCoreApplication.translate("FormPrint", "Head of operations (name)"),
            data.head_of_operations if data else "",
            QCoreApplication.translate("FormPrint", "Date signed"),
            formatting.date(data.signed_on) if data else "",
        )
        + "<tr>"
        + _label_cell(
            QCoreApplication.translate("FormPrint", "Signature of the head of operations"), "24%"
        )
        + f"<td colspan='3'>{signature}<br><br></td></tr>"
        + "</table>"
    )


def _urgency_table(data: FormInput | None) -> str:
    urgent = data is not None and data.is_urgent
    phoned = data.it_support_phoned_at if data is not None else None
    when = formatting.local_time(phoned) if phoned is not None else ""
    by = data.it_support_phoned_by if data is not None and phoned is not None else ""
    choices = _choices(
        [
            (QCoreApplication.translate("FormPrint", "Yes"), urgent),
            (QCoreApplication.translate("FormPrint", "No"), data is not None and not urgent),
        ]
    )
    return (
        FORM_TABLE
        + "<tr>"
        + _label_cell(QCoreApplication.translate("FormPrint", "Urgent"), "28%")
        + f"<td colspan='3'>{choices}</td></tr>"
        + "<tr>"
        + _label_cell(
            QCoreApplication.translate("FormPrint", "IT-Vårdsystemsupport phoned (date, time)"),
            "28%",
        )
        + f"<td width='24%'>{_value(when)}</td>"
        + _label_cell(QCoreApplication.translate("FormPrint", "Phoned by"), "16%")
        + f"<td width='32%'>{_value(by)}</td></tr></table>"
    )


def _party_title(party: PartyView, detail: FormDetail) -> str:
    if party.role is not PartyRole.GUARDIAN:
        return party.role.label
    guardians = [p for p in detail.parties if p.role is PartyRole.GUARDIAN]
    return QCoreApplication.translate("FormPrint", "Guardian {number}").format(
        number=guardians.index(party) + 1
    )


def _party_text(party: PartyView) -> str:
    text = f"{party.number_masked} ({party.id_kind.label.lower()})"
    if party.name:
        text += f", {party.name}"
    if party.access_given is not None:
        text += ", " + (
            QCoreApplication.translate("FormPrint", "access given")
            if party.access_given
            else QCoreApplication.translate("FormPrint", "access removed")
        )
    return text


# --- writing --------------------------------------------------------------------------------


def write_pdf(body_html: str, path: str | Path, title: str) -> Path:
    """Lay out HTML on A4 pages and write it as a PDF file.

    Raises:
        OSError: the file cannot be written.
    """
    from PySide6.QtPrintSupport import QPrinter

    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    with target.open("wb"):  # a clear OSError now instead of a silent failure in Qt
        pass
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # QTextDocument.print() lays the text out with margins of 2 cm of its own (and numbers
    # the pages); margins of the printer would come on top of those.
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setDocName(title)
    printer.setCreator("Kansli Desk")
    printer.setOutputFileName(str(target))
    document = QTextDocument()
    font = QFont()
    font.setPointSize(BODY_PT)
    document.setDefaultFont(font)
    document.setHtml(f"<html><body>{body_html}</body></html>")
    document.print_(printer)
    return target
