"""Reads the text of new attachments beside the window, on the thread pool with its own connection.

One job at a time: a request made while a job runs is answered by one more pass when it ends (the job
reads every attachment still without text, so no request is lost). ``indexed(IndexSummary)`` arrives on
the window's thread. A damaged or locked file is noted in the status bar; it never stops the others.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from lo_desktop.core.catalog import attachment_index
from lo_desktop.core.db import db_path, open_database

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, path, signals: _Signals):
        super().__init__()
        self._path, self._signals = path, signals

    def run(self) -> None:
        summary = None
        try:
            db = open_database(self._path)
            try:
                summary = attachment_index.index_pending(db)
            finally:
                db.close()
        except Exception:  # the window must go on; the files are read again at the next start
            log.exception("reading attachment text failed")
        try:
            self._signals.done.emit(summary)
        except RuntimeError:  # the window closed while the files were read: nobody is left to tell
            pass


class AttachmentIndexer(QObject):
    indexed = Signal(object)

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self._db = db
        self._path = db_path(db)
        self._running = self._again = False
        self._signals = _Signals()
        self._signals.done.connect(self._finished)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._path is None:
            return  # an in-memory database holds no files
        if self._running:
            self._again = True
            return
        self._running, self._again = True, False
        QThreadPool.globalInstance().start(_Job(self._path, self._signals))

    def start_if_pending(self, material_id: int) -> None:
        """Files added elsewhere (the material editor) are read as soon as their material is shown."""
        row = self._db.execute(
            "SELECT 1 FROM attachments a LEFT JOIN attachment_text t ON t.attachment_id = a.id "
            "WHERE a.material_id = ? AND (t.attachment_id IS NULL OR t.status = 'pending') LIMIT 1",
            [material_id]).fetchone()
        if row is not None:
            self.start()

    def _finished(self, summary) -> None:
        self._running = False
        if self._again:
            self.start()
        if summary is not None:
            self.indexed.emit(summary)
