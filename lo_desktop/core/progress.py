"""Progress reporting and cancelling for long core routines, without Qt.

A long routine takes an optional ``progress`` and calls ``progress.report(done, total, text)`` now and
then, and ``progress.check()`` (or reads ``progress.cancelled``) where stopping is safe. The window passes
a subclass that forwards reports to a progress dialog; the CLI and tests pass this class or nothing.
"""
from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user asked to stop; nothing was changed (the routine rolled back what it had begun)."""


class Progress:
    """Thread-safe: the worker reports, the user's side cancels, from different threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._cancelled = threading.Event()
        self.done = 0
        self.total = 0
        self.text = ""

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def check(self) -> None:
        """Raise Cancelled when the user asked to stop: call it where stopping leaves nothing half-done."""
        if self.cancelled:
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        with self._lock:
            self.done, self.total, self.text = done, total, text
        self.reported(done, total, text)

    def reported(self, done: int, total: int, text: str) -> None:
        """Hook for subclasses (the window forwards it to the progress dialog by a signal)."""


def report(progress: Progress | None, done: int, total: int, text: str = "") -> None:
    """Report and check in one call, for routines whose ``progress`` may be None."""
    if progress is not None:
        progress.report(done, total, text)
        progress.check()
