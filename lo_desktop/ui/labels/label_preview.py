"""Drawings of a sheet: the live preview of the first page (taken labels hatched; a click marks a label
used or free) and the plain outline drawing the custom-sheet dialog updates as the clerk types her
measures."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from lo_desktop.i18n import _
from lo_desktop.labels.geometry import cell_at, cell_rect
from lo_desktop.labels.render import Job, Painter
from lo_desktop.labels.sheets import Sheet, problems

PAPER = QColor("white")
USED = QColor("#d8d8d8")
HATCH = QColor("#8a8a8a")
OUTLINE = QColor("#a0a0a0")
OVERFLOW = QColor("#c62828")


class _PageView(QWidget):
    """A page scaled to fit the widget, with a thin shadow so white paper shows on a white dialog."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(340, 460)
        self.sheet: Sheet | None = None

    def sizeHint(self) -> QSize:
        return QSize(380, 520)

    def page_rect(self) -> QRectF:
        """Where the page is drawn, in widget pixels."""
        if self.sheet is None:
            return QRectF()
        margin = 8
        w, h = self.width() - 2 * margin, self.height() - 2 * margin
        scale = min(w / self.sheet.page_width_mm, h / self.sheet.page_height_mm)
        pw, ph = self.sheet.page_width_mm * scale, self.sheet.page_height_mm * scale
        return QRectF((self.width() - pw) / 2, (self.height() - ph) / 2, pw, ph)

    def mm_at(self, point: QPointF) -> tuple[float, float] | None:
        rect = self.page_rect()
        if rect.isEmpty() or not rect.contains(point):
            return None
        scale = rect.width() / self.sheet.page_width_mm
        return (point.x() - rect.x()) / scale, (point.y() - rect.y()) / scale

    def _paper(self, painter: QPainter) -> QRectF:
        rect = self.page_rect()
        painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 40))
        painter.fillRect(rect, PAPER)
        return rect


def paint_used(painter: QPainter, rect: QRectF) -> None:
    """A taken label: grey with diagonal hatching, so it reads as "gone" even in grey print-outs."""
    painter.fillRect(rect, USED)
    painter.fillRect(rect, QBrush(HATCH, Qt.BrushStyle.BDiagPattern))


def used_swatch(size: int = 16) -> QPixmap:
    """The legend's sample of a taken label."""
    pixmap = QPixmap(size, size)
    pixmap.fill(PAPER)
    painter = QPainter(pixmap)
    paint_used(painter, QRectF(0, 0, size, size))
    painter.setPen(OUTLINE)
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return pixmap


class SheetPreview(_PageView):
    """The first page as it will print. Taken labels (used before, or before the start) are hatched;
    a click on a label says it is used or free; Shift+click says every label before it is used."""

    position_clicked = Signal(int, bool)  # 1-based position, Shift held

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.job: Job | None = None
        self.taken: frozenset[int] = frozenset()
        self._image: QImage | None = None
        self.setToolTip(_("Click a label to mark it used or free (a sticker already peeled off); "
                          "Shift+click: every label before it is used."))

    def set_job(self, job: Job | None, sheet: Sheet, taken=frozenset()) -> None:
        self.job, self.sheet, self.taken, self._image = job, sheet, frozenset(taken), None
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.sheet is None:
            return
        painter = QPainter(self)
        rect = self._paper(painter)
        image = self._page_image(rect.size().toSize())
        painter.drawImage(rect.topLeft(), image)
        painter.end()

    def _page_image(self, size: QSize) -> QImage:
        if self._image is not None and self._image.size() == size:
            return self._image
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(PAPER)
        dpi = size.width() / self.sheet.page_width_mm * 25.4
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._draw_page(painter, dpi)
        painter.end()
        self._image = image
        return image

    def _draw_page(self, painter: QPainter, dpi: float) -> None:
        labels = Painter(painter, dpi)
        for cell in range(self.sheet.per_page):
            if cell + 1 in self.taken:
                box = cell_rect(self.sheet, cell)
                paint_used(painter, QRectF(labels.px(box.x), labels.px(box.y), labels.px(box.w), labels.px(box.h)))
            labels.outline(self.sheet, cell, OUTLINE.name())
        if self.job is None or not self.job.contents:
            return
        try:
            todo = self.job.placements()
        except Exception:  # noqa: BLE001 - the dialog shows the reason; the preview just stays empty
            return
        for place in todo:
            if place.page > 0:
                break
            labels.label(self.sheet, place.cell, self.job.contents[place.item], self.job.fields)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        point = self.mm_at(event.position())
        cell = cell_at(self.sheet, *point) if point and self.sheet else None
        if cell is not None:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.position_clicked.emit(cell + 1, shift)


class SheetDrawing(_PageView):
    """Outlines of a sheet being defined; labels that leave the page are drawn in red."""

    def set_sheet(self, sheet: Sheet | None) -> None:
        self.sheet = sheet
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.sheet is None or self.sheet.page_width_mm <= 0 or self.sheet.page_height_mm <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self._paper(painter)
        scale = rect.width() / self.sheet.page_width_mm
        bad = bool(problems(self.sheet))
        for cell in range(min(self.sheet.per_page, 2000)):
            box = cell_rect(self.sheet, cell)
            outside = box.right > self.sheet.page_width_mm + 0.05 or box.bottom > self.sheet.page_height_mm + 0.05
            pen = QPen(OVERFLOW if outside or bad else QColor("#1565c0"))
            pen.setWidthF(1.2 if outside else 0.8)
            painter.setPen(pen)
            radius = self.sheet.corner_radius_mm * scale
            painter.drawRoundedRect(QRectF(rect.x() + box.x * scale, rect.y() + box.y * scale,
                                           box.w * scale, box.h * scale), radius, radius)
        painter.end()
