"""Painting label sheets with Qt: a vector PDF (QPdfWriter), a printer (QPrinter) or a preview image.

One painting routine serves all three, so what the preview shows is what prints. Coordinates are
converted from mm to device pixels at the device's resolution. The QR code is ONE fill of the
rectangles its dark modules make (qr.rectangles), without a pen: a rasteriser computes coverage from
the whole path, so no hairline seams or gaps appear between modules at any resolution. Text stays
text, in the embedded Sarabun font.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QPageLayout, QPageSize, QPaintEngine, QPainter, QPainterPath, QPdfWriter,
                           QPen)

from lo_desktop.core.atomic import write_atomically_by_name
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import report
from lo_desktop.i18n import _, tr
from lo_desktop.labels import qr
from lo_desktop.labels.geometry import Placement, Rect, cell_rect, placements
from lo_desktop.labels.layout import LabelLayout, plan
from lo_desktop.labels.payload import payload_for
from lo_desktop.labels.pdf_text import LineLog, add_actual_text
from lo_desktop.labels.qtfonts import QtMetrics, label_font
from lo_desktop.labels.sheets import Sheet, check

PDF_DPI = 1200
SNAP_MODULE_PX = 12  # below this (screen previews) whole-pixel modules would visibly shrink the code
MM_PER_INCH = 25.4
MAX_LAYOUTS = 256  # more than a page of the largest sheet: the preview redraws a page without laying it out again
_LAYOUTS: dict = {}  # (label size, fields, texts) → its layout, for every painter (the metrics are one)
BLACK = QColor("black")


@dataclass(frozen=True)
class LabelContent:
    payload: str
    texts: dict


def content_for(material, settings) -> LabelContent:
    texts = {"code": material.code, "title": material.title, "location": material.location,
             "agency": getattr(settings, "agency_short", "")}
    return LabelContent(payload_for(material, settings), texts)


FULL_SIZE = (100.0, 100.0)  # a printer's scale correction when none is needed


@dataclass
class Job:
    """Everything one print run needs; ``offset_mm`` and ``scale_pct`` are the printer's calibration
    (labels/calibration.py); ``used`` the positions already taken on the sheet in the tray (passed over,
    see labels/usage.py)."""
    sheet: Sheet
    contents: list[LabelContent]
    fields: list[str]
    copies: int = 1
    start: int = 1
    offset_mm: tuple[float, float] = (0.0, 0.0)
    used: frozenset[int] = frozenset()
    scale_pct: tuple[float, float] = FULL_SIZE

    def placements(self) -> list[Placement]:
        return placements(self.sheet, len(self.contents), self.copies, self.start, self.used)


@lru_cache(maxsize=1)
def metrics() -> QtMetrics:
    return QtMetrics()


class Painter:
    """Paints labels onto an open QPainter whose device has ``dpi`` dots per inch."""

    def __init__(self, painter: QPainter, dpi: float, offset_mm=(0.0, 0.0), log: LineLog | None = None):
        self.p, self.scale = painter, dpi / MM_PER_INCH
        self.dx, self.dy = offset_mm
        self.metrics = metrics()
        self.log = log  # the lines drawn, for the PDF's /ActualText (pdf_text.py)
        engine = painter.paintEngine()
        self._pdf = engine is not None and engine.type() == QPaintEngine.Type.Pdf

    def px(self, mm: float) -> float:
        return mm * self.scale

    def label(self, sheet: Sheet, cell: int, content: LabelContent, fields: list[str]) -> None:
        box = cell_rect(sheet, cell).moved(self.dx, self.dy)
        layout = self._layout(sheet, content, tuple(fields))
        if layout.qr is not None:
            self.qr(content.payload, layout.qr.moved(box.x, box.y))
        self.p.setPen(BLACK)
        for line in layout.lines:
            self.p.setFont(label_font(line.size, line.bold))
            pen = QPointF(self.px(box.x + line.x), self.px(box.y + line.baseline))
            self.p.drawText(pen, line.text)
            if self.log is not None:
                self.log.line(pen.x(), pen.y(), line.text)

    def _layout(self, sheet: Sheet, content: LabelContent, fields: tuple) -> LabelLayout:
        key = (sheet.label_width_mm, sheet.label_height_mm, fields, tuple(sorted(content.texts.items())))
        found = _LAYOUTS.get(key)
        if found is None:
            if len(_LAYOUTS) >= MAX_LAYOUTS:  # copies come together: 10,000 labels keep a few
                _LAYOUTS.clear()
            found = _LAYOUTS[key] = plan(sheet.label_width_mm, sheet.label_height_mm, list(fields),
                                         content.texts, self.metrics)
        return found

    def qr(self, payload: str, square: Rect) -> None:
        """The code inside ``square`` (mm), keeping its 4-module quiet zone white inside the square.

        On a fine device (the PDF) modules are whole device pixels from a whole-pixel origin: edges
        then fall on the same grid everywhere, and the PDF writes short integer coordinates."""
        rects, modules = qr_rects(payload)
        span = modules + 2 * qr.QUIET_MODULES
        module = self.px(square.w) / span
        x, y = self.px(square.x), self.px(square.y)
        if module >= SNAP_MODULE_PX:
            whole = math.floor(module)
            x, y = round(x + (module - whole) * span / 2), round(y + (module - whole) * span / 2)
            module = whole
        self.p.save()
        self.p.translate(x + qr.QUIET_MODULES * module, y + qr.QUIET_MODULES * module)
        self.p.scale(module, module)
        if self._pdf:  # one "re" per rectangle, one fill: a small page that renders without seams
            self.p.setPen(Qt.PenStyle.NoPen)
            self.p.setBrush(BLACK)
            self.p.drawRects(rects)
        else:  # the raster and printer engines fill rectangles one by one: give them one path
            self.p.fillPath(qr_path(payload), BLACK)
        self.p.restore()

    def outline(self, sheet: Sheet, cell: int, color: str = "#9a9a9a", number: bool = False) -> None:
        box = cell_rect(sheet, cell).moved(self.dx, self.dy)
        rect = QRectF(self.px(box.x), self.px(box.y), self.px(box.w), self.px(box.h))
        pen = QPen(QColor(color))
        pen.setWidthF(max(1.0, self.px(0.2)))
        self.p.setPen(pen)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        radius = self.px(sheet.corner_radius_mm)
        self.p.drawRoundedRect(rect, radius, radius)
        if number:
            self.p.setFont(label_font(min(6.0, box.h * 0.3)))
            self.p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(cell + 1))
        self.p.setPen(Qt.PenStyle.NoPen)


@lru_cache(maxsize=256)
def qr_rects(payload: str) -> tuple[list[QRectF], int]:
    """The dark modules as rectangles in module units (qr.rectangles), and the code's width in
    modules. Cached for copies and the preview's redraws."""
    modules = qr.matrix(payload)
    known = _QRECTS.get
    return [found if (found := known(rect)) is not None else _qrectf(rect) for rect in qr.rectangles(modules)], \
        len(modules)


# Codes of one size share most rectangles (finder patterns, timing lines, short runs): 1,000 labels draw
# 254,000 rectangles of only ~6,600 kinds. Each kind is made once (drawRects only reads them).
_QRECTS: dict[tuple[int, int, int, int], QRectF] = {}
MAX_QRECTS = 50_000


def _qrectf(rect: tuple[int, int, int, int]) -> QRectF:
    if len(_QRECTS) >= MAX_QRECTS:
        _QRECTS.clear()
    made = _QRECTS[rect] = QRectF(*rect)
    return made


@lru_cache(maxsize=256)  # a whole page of the largest sheet (65), so a preview's redraw finds them
def qr_path(payload: str) -> QPainterPath:
    """The same rectangles as one path, for devices that would fill rectangles one at a time (a
    preview, a Windows printer) and so could leave hairlines between them at fractional pixels."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for rect in qr_rects(payload)[0]:
        path.addRect(rect)
    return path


def page_size(sheet: Sheet) -> QPageSize:
    if abs(sheet.page_width_mm - 210) < 0.5 and abs(sheet.page_height_mm - 297) < 0.5:
        return QPageSize(QPageSize.PageSizeId.A4)
    # Paper sizes are named upright; a wide page is that paper turned (see page_layout).
    short, long = sorted((sheet.page_width_mm, sheet.page_height_mm))
    return QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter, sheet.name,
                     QPageSize.SizeMatchPolicy.ExactMatch)


def page_layout(sheet: Sheet) -> QPageLayout:
    orientation = QPageLayout.Orientation.Portrait
    if sheet.page_width_mm > sheet.page_height_mm:
        orientation = QPageLayout.Orientation.Landscape
    return QPageLayout(page_size(sheet), orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def paint_job(painter: QPainter, new_page, job: Job, dpi: float, progress=None,
              log: LineLog | None = None) -> int:
    """Paint every label of a job; ``new_page()`` starts the next page. Returns the number of pages.
    ``log`` keeps the lines drawn on each page (for a PDF's /ActualText).

    The printer's calibration: at full size its offset moves each label, so QR modules stay on whole
    device pixels; with a scale correction, offset and scale are the painter's transform instead."""
    check(job.sheet)
    todo = job.placements()
    offset = job.offset_mm
    if tuple(job.scale_pct) != FULL_SIZE:
        calibrate(painter, dpi, job.offset_mm, job.scale_pct)
        offset = (0.0, 0.0)
    labels = Painter(painter, dpi, offset, log)
    page = 0
    for done, place in enumerate(todo):
        if place.page != page:
            if log is not None:
                log.page()
            new_page()
            page = place.page
        labels.label(job.sheet, place.cell, job.contents[place.item], job.fields)
        if done % 50 == 0:
            report(progress, done, len(todo), _("Drawing labels…"))
    report(progress, len(todo), len(todo), _("Drawing labels…"))
    if log is not None:
        log.page()
    return page + 1


def paint_calibration(painter: QPainter, sheet: Sheet, dpi: float, offset_mm=(0.0, 0.0)) -> None:
    """Every label outlined and numbered, to hold against a sheet in front of a window."""
    labels = Painter(painter, dpi, offset_mm)
    for cell in range(sheet.per_page):
        labels.outline(sheet, cell, "#000000", number=True)


def pdf_writer(path: str, sheet: Sheet, title: str) -> QPdfWriter:
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(sheet))
    writer.setTitle(title)
    writer.setCreator("lo-desktop")
    return writer


def write_pdf(out: str | Path, job: Job, progress=None) -> int:
    """Write the job to ``out``; the page count. The file is written through core/atomic.py: a
    cancelled or failed job leaves no half-written PDF. Each line's text is then said with /ActualText
    (pdf_text.py), so Thai extracts and copies as printed."""
    check(job.sheet)
    job.placements()  # bad input is refused before a file is touched
    log = LineLog()
    try:
        return write_painted_pdf(out, job.sheet, _("Labels"),
                                 lambda painter, new_page: paint_job(painter, new_page, job, PDF_DPI, progress, log),
                                 lambda temp: add_actual_text(temp, log))
    finally:
        log.close()


def write_painted_pdf(out: str | Path, sheet: Sheet, title: str, paint, finish=None) -> int:
    """The one way a label PDF is made (labels and the calibration page): ``paint(painter, new_page)``
    on a PDF of the sheet's paper, then ``finish(path)`` on the closed file, all at a temporary name
    that becomes ``out`` only when everything succeeded. Returns what ``paint`` returns."""
    done = []

    def write(temp: Path) -> None:
        writer = pdf_writer(str(temp), sheet, title)  # held until the painter ends
        painter = QPainter()
        if not painter.begin(writer):
            raise UserError(tr("Cannot write “{path}”.", path=out))
        try:
            done.append(paint(painter, writer.newPage))
        finally:
            painter.end()
        if finish is not None:
            finish(Path(temp))

    write_atomically_by_name(out, write)
    return done[0]


def calibrate(painter: QPainter, dpi: float, offset_mm, scale_pct) -> None:
    """What is painted next lands at offset + scale × position (mm from the paper's corner)."""
    per_mm = dpi / MM_PER_INCH
    painter.translate(offset_mm[0] * per_mm, offset_mm[1] * per_mm)
    painter.scale(scale_pct[0] / 100.0, scale_pct[1] / 100.0)
