"""What the catalog page needs for one keystroke: the matching ids in order, the filter counts, the total.

The window's search thread (ui/catalog/search_worker.py) runs these on its own read-only connection and
shows the ids first (the table reads rows as they scroll into view), the counts when they follow;
benchmarks/bench_catalog.py times the same functions.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from lo_desktop.core.catalog import search


@dataclass
class SearchResult:
    serial: int
    query: search.Query
    order_by: str
    descending: bool
    ids: list[int] | None  # None when only the counts were asked for
    facets: dict | None = None  # None in the first half of an answer (rows only)
    total: int = 0


def compute(conn, serial: int, query: search.Query, order_by: str, descending: bool, want_ids: bool,
            memory: CountsMemory | None = None) -> SearchResult:
    """The whole answer to one request (plain function: the worker thread and the synchronous path share
    it). ``memory`` keeps the counts of recent texts: only for a connection that never writes."""
    result = rows_of(conn, serial, query, order_by, descending, want_ids)
    if memory is None:
        groups, total = search.filter_groups(conn, query), search.count(conn, search.Query())
    else:
        groups, total = memory.counted(conn, query)
    result.facets, result.total = search.all_facet_counts(conn, query, groups), total
    return result


class CountsMemory:
    """The filter counts' grouping for the last few search texts, and the catalog's total, kept until
    the database changes. A filter click keeps the search text, and clearing a search returns to a text
    counted before: both answer at once instead of grouping 100,000 rows again (0.3-0.5 s).

    ``PRAGMA data_version`` moves when ANOTHER connection commits, so the connection it is used with must
    never write itself: the window's search thread reads through its own read-only connection."""

    SIZE = 8

    def __init__(self):
        self._version: int | None = None
        self._total = 0
        self._groups: OrderedDict[tuple, list[tuple]] = OrderedDict()

    def counted(self, conn, query: search.Query) -> tuple[list[tuple], int]:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._groups.clear()
            self._total = search.count(conn, search.Query())
            self._version = version
        key = (query.text, query.deleted)
        groups = self._groups.get(key)
        if groups is None:
            groups = self._groups[key] = search.filter_groups(conn, query)
            if len(self._groups) > self.SIZE:
                self._groups.popitem(last=False)
        self._groups.move_to_end(key)
        return groups, self._total


def rows_of(conn, serial: int, query: search.Query, order_by: str, descending: bool, want_ids: bool) -> SearchResult:
    """The first half of an answer: the ordered ids (the table can show them before the counts exist)."""
    ids = search.search_ids(conn, query, order_by, descending) if want_ids else None
    return SearchResult(serial, query, order_by, descending, ids, None, 0)
