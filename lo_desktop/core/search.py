"""Find materials by any fragment of Thai (or other) text combined with filters.

Text is normalised the same way when stored and when searched (Thai digits folded to Arabic, case
folded), so ๒๕๕๖ finds 2556. Each whitespace-separated term must occur: terms of 3+ code points use
the FTS5 trigram index; shorter ones a LIKE on the base table. User text is always bound as a quoted
string, never parsed as FTS syntax, so quotes, AND, NEAR(, * and - are taken literally.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lo_desktop.core.records import SEARCHED_FIELDS, Material
from lo_desktop.core.thaidate import to_arabic_digits

FILTER_FIELDS = ("kind", "source", "format", "status", "location", "fiscal_year")
SORT_COLUMNS = (
    "code", "title", "kind", "source", "format", "status", "location", "year", "fiscal_year",
    "author", "topic", "copies", "updated_at", "created_at", "deleted_at",
)


@dataclass
class Query:
    text: str = ""
    filters: dict = field(default_factory=dict)
    deleted: bool = False  # True: the Trash

    def with_filter(self, name: str, value) -> "Query":
        filters = {k: v for k, v in self.filters.items() if k != name}
        if value is not None:
            filters[name] = value
        return Query(self.text, filters, self.deleted)


def normalize(text: str) -> str:
    return to_arabic_digits(text or "").casefold()


def search_text(values: dict) -> str:
    """The stored, normalised text a material is found by."""
    return "\n".join(normalize(str(values.get(name) or "")) for name in SEARCHED_FIELDS)


def terms(text: str) -> list[str]:
    return [t for t in normalize(text).split() if t]


def where(query: Query) -> tuple[str, list]:
    """SQL condition on ``materials`` (no alias) and its parameters."""
    clauses = ["deleted_at IS NOT NULL" if query.deleted else "deleted_at IS NULL"]
    params: list = []
    for term in terms(query.text):
        if len(term) >= 3:
            clauses.append("id IN (SELECT rowid FROM materials_fts WHERE materials_fts MATCH ?)")
            params.append('"' + term.replace('"', '""') + '"')
        else:
            clauses.append("search_text LIKE ? ESCAPE '\\'")
            params.append("%" + _escape_like(term) + "%")
    for name, value in query.filters.items():
        if name in FILTER_FIELDS and value is not None:
            clauses.append(f"{name} = ?")
            params.append(value)
    return " AND ".join(clauses), params


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order_clause(order_by: str = "code", descending: bool = False) -> str:
    column = order_by if order_by in SORT_COLUMNS else "code"
    direction = "DESC" if descending else "ASC"
    # id breaks ties so that paging through a sorted result is stable.
    return f"{column} {direction}, id {direction}"


def search_ids(db, query: Query, order_by: str = "code", descending: bool = False) -> list[int]:
    """Every matching id in display order: cheap even for 100,000 rows, rows are fetched later."""
    sql, params = where(query)
    rows = db.execute(f"SELECT id FROM materials WHERE {sql} ORDER BY {order_clause(order_by, descending)}",
                      params)
    return [r[0] for r in rows.fetchall()]


def search(db, query: Query, order_by: str = "code", descending: bool = False,
           limit: int | None = None, offset: int = 0) -> list[Material]:
    sql, params = where(query)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    cursor = db.execute(
        f"SELECT * FROM materials WHERE {sql} ORDER BY {order_clause(order_by, descending)}{page}", params)
    return [Material.from_row(row) for row in _dicts(cursor)]


def count(db, query: Query) -> int:
    sql, params = where(query)
    return db.execute(f"SELECT COUNT(*) FROM materials WHERE {sql}", params).fetchone()[0]


def facet_counts(db, query: Query, name: str) -> dict:
    """How many matches each value of one filter field has, ignoring that field's own filter."""
    if name not in FILTER_FIELDS:
        raise ValueError(name)
    sql, params = where(query.with_filter(name, None))
    rows = db.execute(
        f"SELECT {name}, COUNT(*) FROM materials WHERE {sql} GROUP BY {name} ORDER BY {name}", params)
    return {value: n for value, n in rows.fetchall()}


def fetch_by_ids(db, ids: list[int]) -> dict[int, Material]:
    """Rows for a block of ids (the lazy table model asks for a screenful at a time)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    cursor = db.execute(f"SELECT * FROM materials WHERE id IN ({marks})", list(ids))
    return {row["id"]: Material.from_row(row) for row in _dicts(cursor)}


def _dicts(cursor):
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        yield dict(zip(names, values))
