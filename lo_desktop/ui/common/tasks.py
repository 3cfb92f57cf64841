"""The one helper that runs every long action off the window's thread (Anki's CollectionOp, TagStudio).

``run_task(parent, title, work, on_done, output_path)`` runs ``work(progress)`` on the thread pool behind
a small progress dialog with a Cancel button, and brings the result or the error back to the main
thread: ``on_done(result)`` on success, a Thai message box for a UserError, a quiet "cancelled" note
in the status bar for Cancelled, and for anything else one sentence (the traceback goes to the log).
When the work wrote a file (``output_path``), the clerk may open it or its folder straight away.
Errors are shown in a box that does not block (messages.notify): the work has ended, nothing waits.

``run_in_background(work, on_done)`` is the same helper for work the clerk does not wait for (reading
the text of new attachments): no dialog and no Cancel; a failure goes to the log and ``on_done`` gets
None. The catalog's search thread (ui/catalog/search_worker.py) is the one other background helper (see
its docstring); loading the Thai dictionary ahead of the Labels dialog is a plain daemon thread, as it
touches nothing of Qt and reports nothing.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from lo_desktop.core.progress import Cancelled, Progress
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick tasks finish before a dialog would flash
STATUS_MS = 5000
RELEASE_WAIT_S = 10  # a worker lets go within microseconds of its result; this only bounds a stuck one
_running: set["TaskHandle"] = set()  # keeps handles (and their signals) alive while work runs


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class QtProgress(Progress):
    """Forwards each report to the main thread by a queued signal."""

    def __init__(self, signals: _Signals):
        super().__init__()
        self._signals = signals

    def reported(self, done: int, total: int, text: str) -> None:
        self._signals.progressed.emit(done, total, text)


class _Runner(QRunnable):
    """Runs the work on a pool thread and lets go of it before saying so.

    The pool thread must never free a Qt object: when it dropped the last reference to the task's signals
    (the window had already taken the result and forgotten the task), the signals were destroyed on that
    thread while Qt still used them, and a stress run of 18,000 tasks crashed once. So every
    reference is dropped here first, then ``released`` is set. The task holds the same objects (its work
    too: a closure may hold a window) and is kept alive (``_running``) until then, so the main thread is
    the one that frees them.
    """

    def __init__(self, work: Callable, progress: Progress, signals: _Signals):
        super().__init__()
        self._job = (work, progress, signals)
        self.released = threading.Event()

    def run(self) -> None:
        try:
            _run_job(*self._job)
        finally:
            self._job = None
            self.released.set()


def _run_job(work: Callable, progress: Progress, signals: _Signals) -> None:
    try:
        result = work(progress)
    except BaseException as exc:  # every error must reach the main thread, never kill the pool
        signals.failed.emit(exc)
    else:
        signals.succeeded.emit(result)


def _start(owner) -> threading.Event:
    """Run ``owner.work`` on the pool; ``owner`` (a task) keeps the work, progress and signals alive."""
    runner = _Runner(owner.work, owner.progress, owner.signals)
    QThreadPool.globalInstance().start(runner)
    return runner.released


class TaskDialog(QDialog):
    """A progress dialog that stays until the work has really stopped (QProgressDialog hides on cancel)."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(title)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(420)

    def show_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total) if total > 0 else 0)
        if text and self.cancel_button.isEnabled():
            self.label.setText(text)

    def reject(self) -> None:
        """Escape, the close box and Cancel all ask the work to stop; the dialog waits for it."""
        if self.cancel_button.isEnabled():
            self.cancel_button.setEnabled(False)
            self.label.setText(_("Stopping…"))
            self.cancel_requested.emit()

    def finish(self) -> None:
        super().accept()


class TaskHandle(QObject, Generic[T]):
    """One running task. ``state`` is running, done, failed or cancelled; ``wait()`` blocks (for tests)."""

    finished = Signal()

    def __init__(self, parent, title, on_done, output_path):
        super().__init__()
        self.parent_widget, self.title = parent, title
        self.on_done, self.output_path = on_done, output_path
        self.state, self.result, self.error = "running", None, None
        self.signals = _Signals()
        self.progress = QtProgress(self.signals)
        self.dialog = TaskDialog(parent, title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.cancel_requested.connect(self.cancel)
        self.signals.progressed.connect(self.dialog.show_progress)
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        QTimer.singleShot(SHOW_AFTER_MS, self._show_dialog)

    def cancel(self) -> None:
        self.progress.cancel()

    def wait(self) -> T | None:
        """Run the event loop until the task has ended; the result, or None when it failed or was cancelled."""
        if self.state == "running":
            loop = QEventLoop()
            self.finished.connect(loop.quit)
            loop.exec()
        return self.result

    def _show_dialog(self) -> None:
        if self.state == "running":
            self.dialog.show()

    def _end(self, state: str) -> None:
        self.state = state
        self.dialog.finish()
        self.released.wait(RELEASE_WAIT_S)  # the worker lets go right after handing over the result
        _running.discard(self)
        self.finished.emit()

    def _succeeded(self, result) -> None:
        self.result = result
        self._end("done")
        try:
            if self.on_done is not None:
                self.on_done(result)
        except Exception as exc:  # the work is done; a failure presenting it is still one sentence
            self.error = exc
            messages.notify_error(self.parent_widget, exc, self.title)
            return
        if self.output_path is not None:
            offer_output(self.parent_widget, Path(self.output_path))

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        if isinstance(exc, Cancelled):
            self._end("cancelled")
            show_status(self.parent_widget, _("Cancelled."))
            return
        self._end("failed")
        messages.notify_error(self.parent_widget, exc, self.title)


def run_task(parent: QWidget | None, title: str, work: Callable[[Progress], T],
             on_done: Callable[[T], None] | None = None, output_path: Path | None = None) -> TaskHandle:
    handle = TaskHandle(parent, title, on_done, output_path)
    handle.work = work
    _running.add(handle)
    handle.released = _start(handle)
    return handle


class _Quiet(QObject):
    """Keeps a background job's signals alive until its result has been handed on."""

    def __init__(self, on_done):
        super().__init__()
        self.on_done = on_done
        self.signals = _Signals()
        self.signals.succeeded.connect(self._deliver)
        self.signals.failed.connect(self._failed)

    def _failed(self, exc: BaseException) -> None:
        messages.log_exception(exc)
        self._deliver(None)

    def _deliver(self, result) -> None:
        self.released.wait(RELEASE_WAIT_S)  # see _Runner: the main thread frees the job's Qt objects
        _quiet.discard(self)
        if self.on_done is not None:
            try:
                self.on_done(result)
            except RuntimeError:  # its receiver's window has closed meanwhile: nobody is left to tell
                pass


_quiet: set[_Quiet] = set()


def run_in_background(work: Callable[[], T], on_done: Callable[[T | None], None] | None = None) -> None:
    """Run ``work()`` on the thread pool with no dialog; ``on_done(result)`` (None after a failure, which is
    logged) arrives on the window's thread."""
    quiet = _Quiet(on_done)
    quiet.work, quiet.progress = (lambda _progress: work()), Progress()
    _quiet.add(quiet)
    quiet.released = _start(quiet)


def show_status(parent: QWidget | None, text: str) -> None:
    """A quiet note in the main window's status bar, when there is one."""
    window = parent.window() if parent is not None else None
    status_bar = getattr(window, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(text, STATUS_MS)


def offer_output(parent: QWidget | None, path: Path) -> None:
    choices = [_("Open the file"), _("Open its folder"), _("Close")]
    answer = messages.choose(parent, tr("Saved “{name}”.", name=path.name), choices)
    if answer < 2:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path if answer == 0 else path.parent)))
