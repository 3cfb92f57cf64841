"""Searches run beside the window: a thread with its own read-only connection to the database file.

This is the one background helper besides ui/common/tasks.run_task, kept on purpose: a search is not a
task with a progress dialog but a stream of requests, each making the last one stale. What one request
computes is core/catalog/keystroke.py (Qt-free; the benchmark times the same function).

The window asks for a query and keeps going; the worker answers with the ordered ids, the filter counts
and the total, and the window shows them in one cheap model reset. A newer request interrupts the query
that is still running (sqlite3 ``interrupt``), and only the newest answer is shown, so typing quickly
never queues up stale searches. WAL mode lets this reader and the window's writer work at the same time.
"""
from __future__ import annotations

import queue
import sqlite3
import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from lo_desktop.core.catalog import search
from lo_desktop.core.catalog.keystroke import CountsMemory, SearchResult, compute, rows_of


class SearchWorker(QObject):
    """``answered(SearchResult)`` arrives on the window's thread, newest request only."""

    answered = Signal(object)

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self._path = Path(path)
        self._requests: queue.Queue = queue.Queue()
        self._latest = 0
        self._conn: sqlite3.Connection | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lo-search", daemon=True)
        self._thread.start()
        self._ready.wait(5)

    @property
    def latest(self) -> int:
        return self._latest

    def request(self, query: search.Query, order_by: str, descending: bool, want_ids: bool = True) -> int:
        self._latest += 1
        if self._thread.is_alive():
            self._requests.put((self._latest, query, order_by, descending, want_ids))
            self._interrupt()  # the running query is stale now
        return self._latest

    def stop(self) -> None:
        self._requests.put(None)
        self._interrupt()
        self._thread.join(2)

    def _interrupt(self) -> None:
        try:
            if self._conn is not None:
                self._conn.interrupt()
        except sqlite3.ProgrammingError:
            pass  # closed: the worker has stopped

    def _run(self) -> None:
        try:
            self._conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True,
                                         check_same_thread=False)
            self._conn.execute("PRAGMA temp_store = MEMORY")  # the counts' groupings (CountsMemory)
        finally:
            self._ready.set()
        counts = partial(compute, memory=CountsMemory())  # this connection only reads: see CountsMemory
        while (item := self._newest()) is not None:
            if item[-1]:  # the table first, the counts after it
                self._emit(self._answer(rows_of, item))
            self._emit(self._answer(counts, item[:-1] + (False,)))
        self._conn.close()

    def _emit(self, result: SearchResult | None) -> None:
        if result is not None and result.serial == self._latest:
            self.answered.emit(result)

    def _newest(self):
        item = self._requests.get()
        while item is not None and not self._requests.empty():
            item = self._requests.get_nowait()
        return item

    def _answer(self, step, item) -> SearchResult | None:
        while item[0] == self._latest:
            try:
                return step(self._conn, *item)
            except sqlite3.OperationalError as exc:
                if "interrupt" not in str(exc):
                    return None  # the window keeps showing the previous answer
            except sqlite3.Error:
                return None
        return None  # a newer request is waiting
