"""QR codes drawn straight into a QPixmap (no image round trip through Pillow), from the one QR
producer (labels/qr.py) the labels and the register use too."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from lo_desktop.labels import qr


def qr_pixmap(payload: str, size: int = 160) -> QPixmap:
    """The code with its 4-module quiet zone, in whole-pixel modules of at most ``size`` pixels across."""
    matrix = qr.matrix(payload, quiet=qr.QUIET_MODULES)
    modules = len(matrix)
    scale = max(1, size // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark == "1":
                painter.drawRect(x * scale, y * scale, scale, scale)
    painter.end()
    return QPixmap.fromImage(image)
