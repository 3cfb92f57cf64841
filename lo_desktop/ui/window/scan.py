"""Label scanners: a USB scanner is a keyboard that types the label's payload very fast, then Enter.

``ScanDetector`` watches every key press of the application. Keys that follow each other faster than a
person types (gap < ``MAX_GAP`` seconds) form a burst; a burst of ``MIN_LENGTH`` characters or more that
ends with Enter is a scan. The Enter is swallowed (it must not also start editing the selected row) and a
line edit that received the burst gets its earlier text back, so a scan never leaves the code typed into
the search box. A payload on several lines is passed on whole. ``ScanBox`` is the visible field in the tool bar for typing or pasting a code by hand.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from lo_desktop.i18n import _

MAX_GAP = 0.030
MIN_LENGTH = 4
# A payload on several lines ("CODE\nTITLE") arrives as several bursts, each ending with Enter: the scan
# is complete only when no key follows an Enter within this many milliseconds.
SETTLE_MS = 80
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A scanner presses Shift for every capital letter ("BN-0001" is Shift, B, Shift, N, …). A modifier alone
# types nothing and must neither end a burst nor count as a key of it, or the "B" before the second Shift
# is lost ("N-0001").
MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
                 Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock)


class ScanDetector(QObject):
    """An application event filter that emits ``scanned(text)`` for bursts typed into ``window``."""

    scanned = Signal(str)

    def __init__(self, window: QWidget, clock=time.monotonic):
        super().__init__(window)
        self._window = window
        self._clock = clock
        self._buffer = ""
        self._last = 0.0
        self._snapshot: tuple[QLineEdit, str, int] | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._emit)

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not self._is_target(obj):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            return self._claim_enter(event)
        if event.key() in MODIFIER_KEYS:
            return False
        now = self._clock()
        fast = now - self._last < MAX_GAP
        self._last = now
        if event.key() in ENTER_KEYS:
            return self._finish(fast)
        text = event.text()
        if not text or not text.isprintable():
            self._buffer = ""
            return False
        if not fast and not self._settle.isActive():
            self._start(obj)
        self._buffer += text
        return False

    def _is_target(self, obj) -> bool:
        """Each key press once: at the focus widget of the main window, not as it bubbles to parents."""
        # QWidget.window(obj), not obj.window(): a widget may have an attribute of that name.
        if not isinstance(obj, QWidget) or QWidget.window(obj) is not self._window:
            return False
        if QApplication.activeModalWidget() is not None:
            return False
        focus = QApplication.focusWidget()
        return obj is focus if focus is not None else obj is self._window

    def _start(self, obj) -> None:
        self._buffer = ""
        self._snapshot = (obj, obj.text(), obj.cursorPosition()) if isinstance(obj, QLineEdit) else None

    def _claim_enter(self, event) -> bool:
        """Before a key press Qt offers it to shortcuts: the Enter ending a scan must not start editing."""
        if event.key() in ENTER_KEYS and self._is_scan(self._clock() - self._last < MAX_GAP):
            event.accept()
            return True
        return False

    def _is_scan(self, fast: bool) -> bool:
        line = self._buffer.rsplit("\n", 1)[-1]
        return fast and (len(line) >= MIN_LENGTH or self._settle.isActive())

    def _finish(self, fast: bool) -> bool:
        if not self._is_scan(fast):
            self._buffer = ""
            return False
        self._buffer += "\n"
        self._settle.start()
        return True

    def _emit(self) -> None:
        text, self._buffer = self._buffer.strip(), ""
        self._restore_line_edit()
        if text:
            self.scanned.emit(text)

    def _restore_line_edit(self) -> None:
        if self._snapshot is None:
            return
        edit, text, cursor = self._snapshot
        self._snapshot = None
        edit.setText(text)
        edit.setCursorPosition(cursor)


class ScanBox(QLineEdit):
    """The tool bar field: type, paste or scan a code, press Enter."""

    submitted = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scanBox")
        self.setPlaceholderText(_("Scan or type a code"))
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(220)
        self.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        text = self.text().strip()
        self.clear()
        if text:
            self.submitted.emit(text)
