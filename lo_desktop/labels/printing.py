"""Printing labels on a real printer through QPrinter, at 100 % scale from the paper's corner."""
from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Cancelled
from lo_desktop.i18n import _, tr
from lo_desktop.labels.render import Job, page_layout, paint_calibration, paint_job
from lo_desktop.labels.sheets import Sheet, check


def default_printer_name() -> str:
    return QPrinterInfo.defaultPrinterName()


def make_printer(sheet: Sheet) -> QPrinter:
    """A printer set up for the sheet: its paper size, no margins, the page's corner as origin (full
    page), so one millimetre drawn is one millimetre on paper; nothing is scaled to fit."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(sheet))
    printer.setFullPage(True)
    printer.setDocName(_("Labels"))
    return printer


def _begin(printer: QPrinter) -> QPainter:
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(tr("The printer “{name}” cannot be used right now.", name=printer.printerName()))
    return painter


def print_job(printer: QPrinter, job: Job, progress=None) -> int:
    """Paint the job on the printer; when cancelled, what was spooled is withdrawn (abort)."""
    check(job.sheet)
    job.placements()
    painter = _begin(printer)
    try:
        return paint_job(painter, printer.newPage, job, printer.resolution(), progress)
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()


def print_calibration(printer: QPrinter, sheet: Sheet, offset_mm=(0.0, 0.0)) -> None:
    check(sheet)
    painter = _begin(printer)
    try:
        paint_calibration(painter, sheet, printer.resolution(), offset_mm)
    finally:
        painter.end()
