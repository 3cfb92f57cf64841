"""The scan field of the lend dialog and the stocktake page: a line edit that takes labels, Enter-terminated.

The main window's scanner detector turns a fast burst typed anywhere in the window into "show this
material". Inside this field a scan must stay here, so the field watches the application's key presses
while it is visible, ahead of the detector (an application filter installed later runs first), and
keeps the Enter that ends a burst for itself. A label printed on two lines ("CODE" Enter "TITLE" Enter)
arrives as two bursts: the field waits ``SETTLE_MS`` after an Enter for more before it submits.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLineEdit

from lo_desktop.i18n import _
from lo_desktop.ui.window.scan import ENTER_KEYS, SETTLE_MS  # the same burst rules as the window's scanner



class ScanEntry(QLineEdit):
    """Emits ``submitted(text)`` once per scanned label or typed code."""

    submitted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lendingScanEntry")
        self.setPlaceholderText(_("Scan a label or type a code, then Enter"))
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.setFont(font)
        self._lines: list[str] = []
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.flush)
        self._filtering = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._filtering:
            QApplication.instance().installEventFilter(self)
            self._filtering = True

    def hideEvent(self, event) -> None:
        self._stop_filtering()
        super().hideEvent(event)

    def _stop_filtering(self) -> None:
        if self._filtering and QApplication.instance() is not None:
            QApplication.instance().removeEventFilter(self)
        self._filtering = False

    def eventFilter(self, obj, event) -> bool:
        if obj is self and event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            self.take_line()
            return True
        return False

    def keyPressEvent(self, event) -> None:
        if event.key() in ENTER_KEYS:  # reached directly when the application filter is not installed
            self.take_line()
            return
        super().keyPressEvent(event)

    def take_line(self) -> None:
        """Keep what was typed and wait a moment for a second line of the same label."""
        text = self.text().strip()
        self.clear()
        if text:
            self._lines.append(text)
        if self._lines:
            self._settle.start()

    def flush(self) -> None:
        self._settle.stop()
        text, self._lines = "\n".join(self._lines), []
        if text:
            self.submitted.emit(text)
