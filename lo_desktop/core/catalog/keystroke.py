"""What the catalog page needs for one keystroke: the matching ids in order, the filter counts, the total.

The window's search thread (ui/catalog/search_worker.py) runs these on its own read-only connection and
shows the ids first (the table reads rows as they scroll into view), the counts when they follow;
benchmarks/bench_catalog.py times the same functions.
"""
from __future__ import annotations

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


def compute(conn, serial: int, query: search.Query, order_by: str, descending: bool, want_ids: bool) -> SearchResult:
    """The whole answer to one request (plain function: the worker thread and the synchronous path share it)."""
    result = rows_of(conn, serial, query, order_by, descending, want_ids)
    result.facets, result.total = search.all_facet_counts(conn, query), search.count(conn, search.Query())
    return result


def rows_of(conn, serial: int, query: search.Query, order_by: str, descending: bool, want_ids: bool) -> SearchResult:
    """The first half of an answer: the ordered ids (the table can show them before the counts exist)."""
    ids = search.search_ids(conn, query, order_by, descending) if want_ids else None
    return SearchResult(serial, query, order_by, descending, ids, None, 0)
