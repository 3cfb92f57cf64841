"""Printing labels on a real printer through QPrinter, at 100 % scale from the paper's corner."""
from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Cancelled
from lo_desktop.i18n import _, tr
from lo_desktop.labels.geometry import cell_rect
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


PAPER_TOLERANCE_MM = 1.0  # A4 (210 × 297) and Letter (215.9 × 279.4) differ by far more


def check_paper(printer: QPrinter, sheet: Sheet) -> None:
    """Refuse, before anything prints, paper that is not the sheet's (Letter chosen in the print dialog
    would print the A4 layout and clip the bottom row)."""
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    got = sorted((paper.width(), paper.height()))
    wanted = sorted((sheet.page_width_mm, sheet.page_height_mm))
    if any(abs(a - b) > PAPER_TOLERANCE_MM for a, b in zip(got, wanted)):
        raise UserError(tr("The paper chosen for printing ({got} mm) is not the size of the sheet “{sheet}” "
                           "({wanted} mm): choose that paper in the print dialog and print again.",
                           got=_size(got), sheet=sheet.name_th or sheet.name, wanted=_size(wanted)))


def printable_area_warning(printer: QPrinter, sheet: Sheet) -> str | None:
    """One Thai sentence when this printer cannot print as close to the paper's edge as the sheet's
    outermost labels come (the printer's own minimum margins); None when every label is printable."""
    layout = QPageLayout(printer.pageLayout())
    layout.setUnits(QPageLayout.Unit.Millimeter)
    m = layout.minimumMargins()
    return edge_warning(sheet, (m.left(), m.top(), m.right(), m.bottom()))


def edge_warning(sheet: Sheet, margins_mm: tuple[float, float, float, float]) -> str | None:
    last = cell_rect(sheet, sheet.per_page - 1)
    gaps = (sheet.left_mm, sheet.top_mm, sheet.page_width_mm - last.right, sheet.page_height_mm - last.bottom)
    short = [(margin - gap) for gap, margin in zip(gaps, margins_mm) if margin > gap + 0.05]
    if not short:
        return None
    return tr("This printer cannot print within {margin} mm of the paper's edge, and the outermost labels of "
              "this sheet come closer: their edges may come out blank. Print anyway?",
              margin=f"{max(margins_mm):.1f}")


def _size(sides) -> str:
    return " × ".join(f"{side:.1f}".rstrip("0").rstrip(".") for side in sides)


def _begin(printer: QPrinter) -> QPainter:
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(tr("The printer “{name}” cannot be used right now.", name=printer.printerName()))
    return painter


def print_job(printer: QPrinter, job: Job, progress=None) -> int:
    """Paint the job on the printer; when cancelled, what was spooled is withdrawn (abort)."""
    check(job.sheet)
    check_paper(printer, job.sheet)
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
    check_paper(printer, sheet)
    painter = _begin(printer)
    try:
        paint_calibration(painter, sheet, printer.resolution(), offset_mm)
    finally:
        painter.end()
