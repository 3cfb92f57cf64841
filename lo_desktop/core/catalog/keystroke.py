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
    it). ``memory`` keeps the counts of recent searches: only for a connection that never writes."""
    result = rows_of(conn, serial, query, order_by, descending, want_ids)
    if memory is None:
        result.facets, result.total = search.all_facet_counts(conn, query), search.count(conn, search.Query())
    else:
        result.facets, result.total = memory.counted(conn, query)
    return result


def rows_of(conn, serial: int, query: search.Query, order_by: str, descending: bool, want_ids: bool) -> SearchResult:
    """The first half of an answer: the ordered ids (the table can show them before the counts exist)."""
    ids = search.search_ids(conn, query, order_by, descending) if want_ids else None
    return SearchResult(serial, query, order_by, descending, ids, None, 0)


class CountsMemory:
    """The filter counts of recent searches, and the catalog's total, kept until the database changes.

    Two things are kept: the grouping of the materials a text matches (0.3-0.5 s at 100,000), as a
    temporary table of the connection, which a filter click reuses because it keeps the text; and the
    counts of each recent search with its filters, so a search the clerk returns to (a cleared one above
    all) is answered with no work at all.

    ``PRAGMA data_version`` moves when ANOTHER connection commits, so the connection it is used with must
    never write itself: the window's search thread reads through its own read-only connection."""

    SIZE = 8  # searches whose counts are kept
    GROUPINGS = 4  # texts whose grouping is kept (a whole catalog's: ~60,000 rows, a few MB)

    def __init__(self):
        self._version: int | None = None
        self._total = 0
        self._made = 0
        self._tables: OrderedDict[tuple, str] = OrderedDict()
        self._counts: OrderedDict[tuple, dict] = OrderedDict()

    def counted(self, conn, query: search.Query) -> tuple[dict, int]:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._forget(conn)
            self._total = search.count(conn, search.Query())
            self._version = version
        whole = (query.text, query.deleted, tuple(sorted((name, repr(value)) for name, value in query.filters.items())))
        counts = _recall(self._counts, whole)
        if counts is None:
            counts = search.all_facet_counts(conn, query, self._grouping(conn, query))
            _keep(self._counts, whole, counts, self.SIZE)
        return counts, self._total

    def _grouping(self, conn, query: search.Query) -> str:
        text = (query.text, query.deleted)
        table = _recall(self._tables, text)
        if table is None:
            self._made += 1
            table = f"facet_groups_{self._made}"
            grouping, params = search.filter_groups(query)
            conn.execute(f"CREATE TEMP TABLE {table} AS {grouping}", params)
            self._tables[text] = table
            while len(self._tables) > self.GROUPINGS:
                oldest = next(iter(self._tables))  # forgotten only once dropped: a cut-short drop is tried again
                conn.execute(f"DROP TABLE IF EXISTS temp.{self._tables[oldest]}")
                del self._tables[oldest]
        return f"temp.{table}"

    def _forget(self, conn) -> None:
        while self._tables:  # IF EXISTS, and forgotten only once dropped: a newer request may cut this short
            text, table = next(iter(self._tables.items()))
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
            del self._tables[text]
        self._counts.clear()


def _recall(kept: OrderedDict, key):
    found = kept.get(key)
    if found is not None:
        kept.move_to_end(key)
    return found


def _keep(kept: OrderedDict, key, value, size: int) -> None:
    kept[key] = value
    if len(kept) > size:
        kept.popitem(last=False)
