"""Python's cycle collector, run on the main thread only, while the window runs.

Python collects reference cycles in whichever thread happens to be allocating when a generation fills
up. A Qt object held in a cycle (a dialog whose slot refers back to it, a page and its model) is then
destroyed in that thread: the search worker, a background task. Qt objects must die in their own
thread. Measured here: of 2,000 QTimers left in cycles while one worker thread allocated, 1,938 were
destroyed by the worker ("QObject::killTimer: Timers cannot be stopped from another thread"). In the
test suite this ended as a segmentation fault inside Qt's event loop, one run in a few.

So the automatic collector is switched off once the QApplication exists, and a timer on the main thread
collects by the same thresholds Python would use. Anki and other PyQt programs do the same. While
bulk work has the collector paused (core/cycles.py: an import in a background task), the timer waits.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from lo_desktop.core import cycles

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def collect(self) -> int:
        """What Python's own collector would do now: the young generation when it is full, the older
        ones when they have waited long enough. Returns how many objects were unreachable."""
        young, middle, old = gc.get_count()
        if young <= self.thresholds[0] or cycles.is_paused():
            return 0
        if old > self.thresholds[2]:
            return gc.collect(2)
        if middle > self.thresholds[1]:
            return gc.collect(1)
        return gc.collect(0)


def install(app) -> MainThreadCollector:
    """The collector of ``app`` (made once; the QApplication owns it)."""
    found = app.findChild(MainThreadCollector)
    return found if found is not None else MainThreadCollector(app)
