"""One page of matches and how many there are in all: what a list that pages needs per keystroke.

The same page can be read three ways, and at 100,000 materials the cheapest depends on how many
materials match (the catalogue benchmark, benchmarks/bench_catalog.py):

- **Several words, not too many matches** (``คู่มือ เทศกิจ``: 2,000): ask the trigram index once for the
  ids, count them, and keep the page in code order. Counting and then paging would ask it twice.
- **A common word** (a third of the catalogue holds ทะเบียน): count with the index, then test rows in
  code order with ``instr()`` until the page is full: the first 200 lie within ~600 codes (~1 ms),
  where collecting 38,000 matches to keep 200 costs ~20 ms.
- **Anything else**: count, then ``search.search_ids`` (a walk along the live-code index or a sort of
  the few matches).
"""
from __future__ import annotations

import contextlib
import json
import sqlite3

from lo_desktop.core.records import Page
from lo_desktop.core.catalog.search import (FILTER_FIELDS, WALK_THRESHOLD, Query, count, fetch_by_ids, files_match,
                                    fts_expression, search_ids, terms)

SCAN_BUDGET = 4000  # rows tested in code order to fill a page, at ~2 µs each
FEW_MATCHES = 8000  # ids of a several-word search taken out of the index at once


def search_page(db, query: Query, order_by: str = "code", descending: bool = False,
                limit: int = 200, offset: int = 0) -> Page:
    files = files_match(db, query)  # an attachment may hold a term: only the general way reads files
    ids, total = (None, 0) if files else _from_index_once(db, query, order_by, descending, limit, offset)
    if ids is None:
        total = count(db, query)
        if not files and _scan_in_code_order(db, query, order_by, total, limit + offset):
            ids = _scanned_ids(db, query, descending, limit, offset)
        else:
            ids = search_ids(db, query, order_by, descending, limit, offset, matches=total) if total else []
    rows = fetch_by_ids(db, ids)
    return Page([rows[i] for i in ids], total)


# ------------------------------------------------------------ several words: the index once

def _from_index_once(db, query: Query, order_by: str, descending: bool, limit: int, offset: int):
    """(page ids, total) from one pass over the index, or (None, 0) when another way is cheaper."""
    expression, short = fts_expression(query)
    several_words = len(terms(query.text)) >= 2
    if order_by != "code" or short or query.filters or query.deleted or not several_words or not HAS_JSON:
        return None, 0
    sql = "SELECT rowid FROM materials_fts WHERE materials_fts MATCH ? LIMIT ?"
    ids = [r[0] for r in db.execute(sql, [expression, FEW_MATCHES + 1]).fetchall()]
    if len(ids) > FEW_MATCHES:
        return None, 0  # a common pair of words: counting and scanning is cheaper
    return _in_code_order(db, ids, descending, limit, offset), len(ids)


def _in_code_order(db, ids: list[int], descending: bool, limit: int, offset: int) -> list[int]:
    # Many ids: walk the live-code index testing each; few: look them up and sort (as search_ids does).
    test = "deleted_at IS NULL AND +id" if len(ids) >= WALK_THRESHOLD else "+deleted_at IS NULL AND id"
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT id FROM materials WHERE {test} IN (SELECT value FROM json_each(?)) "
           f"ORDER BY code {direction} LIMIT ? OFFSET ?")
    return [r[0] for r in db.execute(sql, [json.dumps(ids), limit, offset]).fetchall()]


def _has_json() -> bool:
    """json_each is built into SQLite since 3.38 and into most older builds; without it, count and page.
    A property of the SQLite library, so asked once."""
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        try:
            conn.execute("SELECT value FROM json_each('[1]')").fetchall()
        except sqlite3.OperationalError:
            return False
    return True


HAS_JSON = _has_json()


# ------------------------------------------------------------ a common word: scan in code order

def _scan_in_code_order(db, query: Query, order_by: str, matches: int, wanted: int) -> bool:
    """Whether the page is expected within SCAN_BUDGET rows of the code order (wanted / density).
    The caller knows no attachment holds a term (the scan reads the fields only)."""
    if order_by != "code" or query.deleted or not terms(query.text) or matches == 0:
        return False
    live = db.execute("SELECT MAX(id) FROM materials").fetchone()[0] or 0  # an upper bound, O(log n)
    return wanted * live / matches <= SCAN_BUDGET


def _scanned_ids(db, query: Query, descending: bool, limit: int, offset: int) -> list[int]:
    """Every term as a substring of the stored search text: what the trigram index answers, row by row."""
    clauses, params = ["deleted_at IS NULL"], []
    for term in terms(query.text):
        clauses.append("instr(search_text, ?) > 0")
        params.append(term)
    for name, value in query.filters.items():
        if name in FILTER_FIELDS and value is not None:
            clauses.append(f"{name} = ?")
            params.append(value)
    direction = "DESC" if descending else "ASC"
    sql = f"SELECT id FROM materials WHERE {' AND '.join(clauses)} ORDER BY code {direction} LIMIT ? OFFSET ?"
    return [r[0] for r in db.execute(sql, params + [limit, offset]).fetchall()]
