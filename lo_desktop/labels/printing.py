"""Printing labels through QPrinter, and the calibration page with its rulers (to a printer or a PDF).

The page is painted from the paper's corner (full page) at 100 %, then corrected by the printer's
calibration (labels/calibration.py): ``scale_pct`` scales it about the paper's corner, undoing a driver
that scales the page ("fit to page"), and ``offset_mm`` moves it. Before anything prints, the paper
chosen in the print dialog must be the sheet's (check_paper); printable_area_warning says when the
printer's own margins would cut into the labels' ink.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Cancelled
from lo_desktop.i18n import _, tr
from lo_desktop.labels.calibration import RULER_LINE_MM, ink_box, paper_gaps, ruler_ticks
from lo_desktop.labels.qtfonts import label_font
from lo_desktop.labels.render import (FULL_SIZE, MM_PER_INCH, PDF_DPI, Job, calibrate, metrics, page_layout,
                                      paint_calibration, paint_job, write_painted_pdf)
from lo_desktop.labels.sheets import Sheet, check

RULER_PEN_MM = 0.15
RULER_TEXT_MM = 2.2  # em height of the ruler's numbers, ~6 pt


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


def printable_area_warning(printer: QPrinter, sheet: Sheet, fields=(), contents=(), offset_mm=(0.0, 0.0),
                           scale_pct=FULL_SIZE) -> str | None:
    """One sentence when this printer cannot print as close to the paper's edge as the ink of the
    sheet's outermost labels comes (``contents``: the labels of the first page; none: their outlines),
    with the printer's own offset and scale; None when all of it is printable."""
    layout = QPageLayout(printer.pageLayout())
    layout.setUnits(QPageLayout.Unit.Millimeter)
    m = layout.minimumMargins()
    ink = ink_box(sheet, list(fields), list(contents), metrics())
    return edge_warning(sheet, (m.left(), m.top(), m.right(), m.bottom()), ink, offset_mm, scale_pct)


def edge_warning(sheet: Sheet, margins_mm, ink=None, offset_mm=(0.0, 0.0), scale_pct=FULL_SIZE) -> str | None:
    gaps = paper_gaps(sheet, ink, offset_mm, scale_pct)
    cut, margin = max((margin - gap, margin) for gap, margin in zip(gaps, margins_mm))
    if cut <= 0.05:
        return None
    return tr("This printer cannot print within {margin} mm of the paper's edge, so up to {cut} mm of the "
              "print on the outermost labels would be lost: print anyway?",
              margin=f"{margin:.1f}", cut=f"{cut:.1f}")


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


def print_calibration(printer: QPrinter, sheet: Sheet, offset_mm=(0.0, 0.0), scale_pct=FULL_SIZE) -> None:
    check(sheet)
    check_paper(printer, sheet)
    painter = _begin(printer)
    try:
        paint_calibration_page(painter, sheet, printer.resolution(), offset_mm, scale_pct)
    finally:
        painter.end()


def write_calibration(out, sheet: Sheet, offset_mm=(0.0, 0.0), scale_pct=FULL_SIZE) -> None:
    """The calibration page as a PDF at ``out``, written atomically (a failure leaves no half-written file)."""
    check(sheet)
    write_painted_pdf(out, sheet, _("Calibration page"),
                      lambda painter, _new_page: paint_calibration_page(painter, sheet, PDF_DPI, offset_mm, scale_pct))


def paint_calibration_page(painter: QPainter, sheet: Sheet, dpi: float, offset_mm, scale_pct) -> int:
    """Every label outlined and numbered, and a millimetre ruler along the top and the left edge, all
    moved and scaled as labels are: a real ruler laid on the printout shows what the printer changed."""
    calibrate(painter, dpi, offset_mm, scale_pct)
    paint_calibration(painter, sheet, dpi)
    paint_rulers(painter, sheet, dpi)
    return 1


def paint_rulers(painter: QPainter, sheet: Sheet, dpi: float) -> None:
    per_mm = dpi / MM_PER_INCH
    pen = QPen(QColor("black"))
    pen.setWidthF(RULER_PEN_MM * per_mm)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.setFont(label_font(RULER_TEXT_MM))
    line = RULER_LINE_MM * per_mm
    across, down = ruler_ticks(sheet.page_width_mm), ruler_ticks(sheet.page_height_mm)
    painter.drawLine(QPointF(across[0].at_mm * per_mm, line), QPointF(across[-1].at_mm * per_mm, line))
    painter.drawLine(QPointF(line, down[0].at_mm * per_mm), QPointF(line, down[-1].at_mm * per_mm))
    for tick in across:
        x, end = tick.at_mm * per_mm, line + tick.length_mm * per_mm
        painter.drawLine(QPointF(x, line), QPointF(x, end))
        if tick.number is not None:
            box = QRectF(x - 5 * per_mm, end + 0.3 * per_mm, 10 * per_mm, 3 * per_mm)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(tick.number))
    for tick in down:
        y, end = tick.at_mm * per_mm, line + tick.length_mm * per_mm
        painter.drawLine(QPointF(line, y), QPointF(end, y))
        if tick.number is not None:
            box = QRectF(end + 0.5 * per_mm, y - 1.5 * per_mm, 10 * per_mm, 3 * per_mm)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(tick.number))

