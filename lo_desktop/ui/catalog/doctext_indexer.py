"""Reads the text of new attachments beside the window (ui/common/tasks.run_in_background), on its own connection.

One job at a time: a request made while a job runs is answered by one more pass when it ends (the job
reads every attachment still without text, so no request is lost). ``indexed(IndexSummary)`` arrives on
the window's thread. A damaged or locked file is noted in the status bar; it never stops the others.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from lo_desktop.core.catalog import attachment_index
from lo_desktop.core.db import db_path, open_database
from lo_desktop.ui.common.tasks import run_in_background


def _index_pending(path):
    """Runs on the thread pool: a connection of its own, closed whatever happens."""
    db = open_database(path)
    try:
        return attachment_index.index_pending(db)
    finally:
        db.close()


class AttachmentIndexer(QObject):
    indexed = Signal(object)

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self._db = db
        self._path = db_path(db)
        self._running = self._again = False

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
        path = self._path
        run_in_background(lambda: _index_pending(path), self._finished)  # a failure: read again next start

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
