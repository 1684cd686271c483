"""The PDF report: pages, the period, headings, charts, page numbers, in Swedish.

The PDF's text is read back with ``pdftotext`` (poppler-utils) when it is
installed; the page count is read from the PDF's page objects either way, and
the first page is also painted onto an image by the same drawing code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kansli_desk.services.exports import ExportKind
from kansli_desk.ui.reports.pdf import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    ReportDocument,
    render_page,
    write_report_pdf,
)
from kansli_desk.ui.statistics.charts import BAND, CALLS_COLOR, FORMS_COLOR
from tests.ui.test_statistics_view import (  # swedish_ui: the fixture
    ROOT,
    sample_statistics,
    swedish_ui,  # noqa: F401
)

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("swedish_ui")]

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(path: Path) -> int:
    return len(PAGE_OBJECT.findall(path.read_bytes()))


def pdf_text(path: Path) -> str | None:
    """The PDF's text by pdftotext, or None when poppler-utils is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run(
        [tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_report_has_a_title_the_period_the_sections_and_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "rapport.pdf"
    pages = write_report_pdf(sample_statistics(), path, kind=ExportKind.AUDIT)
    assert pages >= 1
    assert path.read_bytes().startswith(b"%PDF-")
    assert pdf_pages(path) == pages
    text = pdf_text(path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the text was not read back")
    assert "Statistikrapport" in text
    assert "Period: 2026-03-02 – 2026-03-08" in text
    assert "Skapad 2026-03-09 09:30 (svensk tid)" in text
    for heading in (
        "Sammanfattning",
        "Samtal per dag",
        "Samtal per timme",
        "Kontorstid 08:00–16:30",
        "Blanketter per status",
    ):
        assert heading in text, heading
    assert "15 samtal loggades och 6 pappersblanketter kom in under perioden." in text
    assert "Medellängd" in text and "4:05 min" in text
    assert "1,5 dagar" in text
    assert f"Sida 1 av {pages}" in text
    assert f"Sida {pages} av {pages}" in text


def test_the_kind_chooses_the_sections(tmp_path: Path) -> None:
    calls = tmp_path / "samtal.pdf"
    forms = tmp_path / "blanketter.pdf"
    write_report_pdf(sample_statistics(), calls, kind=ExportKind.CALLS)
    write_report_pdf(sample_statistics(), forms, kind=ExportKind.FORMS)
    calls_text, forms_text = pdf_text(calls), pdf_text(forms)
    if calls_text is None or forms_text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert "Samtal per utfall" in calls_text and "Blanketter per typ" not in calls_text
    assert "Blanketter per typ" in forms_text and "Samtal per utfall" not in forms_text
    assert "6 pappersblanketter kom in under perioden." in forms_text


def test_a_year_breaks_into_numbered_pages_with_repeated_table_headers(tmp_path: Path) -> None:
    stats = sample_statistics(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    document = ReportDocument(stats, kind=ExportKind.AUDIT)
    assert document.page_count >= 4
    bottom = PAGE_HEIGHT
    for page in document.pages:
        assert page, "no empty page"
        for placed in page:
            assert placed.top >= 0 and placed.top + placed.height <= bottom
    path = tmp_path / "year.pdf"
    assert write_report_pdf(stats, path, kind=ExportKind.AUDIT) == document.page_count
    assert pdf_pages(path) == document.page_count
    text = pdf_text(path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert "2026-12-31" in text  # the last day's row of the per-day table
    assert "v. 53" in text  # 2026 has 53 ISO weeks
    assert "v. 1 2026" not in text  # one year: weeks without the year
    assert text.count("Dag ") >= 4  # the day table's header on every page it spans
    assert f"Sida {document.page_count} av {document.page_count}" in text


def test_the_first_page_renders_as_an_image() -> None:
    image = render_page(sample_statistics(), kind=ExportKind.AUDIT, page=0, scale=1.0)
    assert (image.width(), image.height()) == (round(PAGE_WIDTH), round(PAGE_HEIGHT))
    colours = {
        image.pixel(x, y) & 0xFFFFFF
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert len(colours) > 20  # text and charts, not a blank page
    assert CALLS_COLOR.rgb() & 0xFFFFFF in colours
    later = [
        render_page(sample_statistics(), kind=ExportKind.AUDIT, page=index, scale=0.5)
        for index in range(ReportDocument(sample_statistics(), kind="audit").page_count)
    ]
    every = {
        page.pixel(x, y) & 0xFFFFFF
        for page in later
        for x in range(page.width())
        for y in range(0, page.height(), 2)
    }
    assert BAND.rgb() & 0xFFFFFF in every  # office hours shaded
    assert FORMS_COLOR.rgb() & 0xFFFFFF in every
    assert isinstance(image, QImage)


def test_an_unwritable_file_is_an_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_report_pdf(sample_statistics(), tmp_path / "missing" / "r.pdf", kind=ExportKind.CALLS)
    assert not (tmp_path / "missing").exists()


def test_the_command_line_writes_a_report_without_a_display(tmp_path: Path) -> None:
    """The CLI has no QApplication and maybe no display: ensure_gui_application makes one."""
    target = tmp_path / "cli.pdf"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kansli_desk.ui.reports.pdf import ensure_gui_application, write_report_pdf\n"
        "from tests.ui.test_statistics_view import sample_statistics\n"
        "ensure_gui_application()\n"
        "ensure_gui_application()  # twice is harmless\n"
        "pages = write_report_pdf(sample_statistics(), Path(sys.argv[1]), kind='forms')\n"
        "print(pages)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) == pdf_pages(target) >= 1
    assert "Traceback" not in done.stderr
