"""Searches run beside the window: a thread with its own read-only connection to the database file.

The window asks for a query and keeps going; the worker answers with the ordered ids, the filter counts
and the total, and the window shows them in one cheap model reset. A newer request interrupts the query
that is still running (sqlite3 ``interrupt``), and only the newest answer is shown, so typing quickly
never queues up stale searches. WAL mode lets this reader and the window's writer work at the same time.
"""
from __future__ import annotations

import queue
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from lo_desktop.core import search
from lo_desktop.ui.filter_panel import FACETS


@dataclass
class SearchResult:
    serial: int
    query: search.Query
    order_by: str
    descending: bool
    ids: list[int] | None  # None when only the counts were asked for
    facets: dict | None = None  # None in the first half of an answer (rows only)
    total: int = 0


def compute(conn, serial: int, query: search.Query, order_by: str, descending: bool, want_ids: bool) -> SearchResult:
    """The whole answer to one request (plain function: the worker thread and the synchronous path share it)."""
    result = rows_of(conn, serial, query, order_by, descending, want_ids)
    result.facets, result.total = all_facet_counts(conn, query), search.count(conn, search.Query())
    return result


def rows_of(conn, serial: int, query: search.Query, order_by: str, descending: bool, want_ids: bool) -> SearchResult:
    """The first half of an answer: the ordered ids (the table can show them before the counts exist)."""
    ids = search.search_ids(conn, query, order_by, descending) if want_ids else None
    return SearchResult(serial, query, order_by, descending, ids, None, 0)


def all_facet_counts(conn, query: search.Query) -> dict[str, dict]:
    """The same numbers as core.search.facet_counts for every filter field, from one GROUP BY instead of
    six (at 100,000 rows: ~0.1 s instead of ~0.5 s). Each field's counts ignore that field's own filter."""
    names = [name for name, _caption in FACETS]
    sql, params = search.where(search.Query(query.text, {}, query.deleted))
    rows = conn.execute(f"SELECT {', '.join(names)}, COUNT(*) FROM materials WHERE {sql} "
                        f"GROUP BY {', '.join(names)}", params).fetchall()
    wanted = [(i, query.filters[name]) for i, name in enumerate(names) if query.filters.get(name) is not None]
    counts: dict[str, dict] = {name: {} for name in names}
    for row in rows:
        misses = [i for i, value in wanted if row[i] != value]
        if len(misses) > 1:
            continue  # fails two filters: ignoring one of them does not let it in
        for i, name in enumerate(names):
            if not misses or misses == [i]:
                counts[name][row[i]] = counts[name].get(row[i], 0) + row[-1]
    return counts


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
        finally:
            self._ready.set()
        while (item := self._newest()) is not None:
            if item[-1]:  # the table first, the counts after it
                self._emit(self._answer(rows_of, item))
            self._emit(self._answer(compute, item[:-1] + (False,)))
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
