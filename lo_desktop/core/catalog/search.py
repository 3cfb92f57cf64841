"""Find materials by any fragment of Thai (or other) text combined with filters.

Text is normalised the same way when stored and when searched (Thai digits folded to Arabic, case
folded), so ๒๕๕๖ finds 2556. Each whitespace-separated term must occur: terms of 3+ code points use
the FTS5 trigram index; shorter ones a substring scan (instr) of the base table's normalised text.
User text is always bound as a quoted string, never parsed as FTS syntax, so quotes, AND, NEAR(, *
and - are taken literally.

A term also matches a material when it occurs in the text of one of its attachments (its own trigram
index, see attachment_index). That is a second alternative tried only after the fields' index, on the
few materials that have a matching file, so searches that no file answers cost one extra index probe.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lo_desktop.core.records import SEARCHED_FIELDS, SELECT_COLUMNS, Material
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

    def __post_init__(self):
        # A lone surrogate (bytes a terminal could not decode, a broken paste) cannot reach SQLite, which
        # takes UTF-8 only: it becomes U+FFFD, so the search simply finds nothing with that character.
        object.__setattr__(self, "text", valid_text(self.text))
        object.__setattr__(self, "filters", {k: valid_text(v) if isinstance(v, str) else v
                                             for k, v in self.filters.items()})

    def with_filter(self, name: str, value) -> "Query":
        filters = {k: v for k, v in self.filters.items() if k != name}
        if value is not None:
            filters[name] = value
        return Query(self.text, filters, self.deleted)


_SURROGATES = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (what UTF-8 can hold)."""
    return _SURROGATES.sub("\ufffd", text) if isinstance(text, str) else text


def normalize(text: str) -> str:
    return to_arabic_digits(text or "").casefold()


def search_text(values: dict) -> str:
    """The stored, normalised text a material is found by (normalised once, whole: same result as field
    by field, since folding works letter by letter, and 6x fewer calls in an import)."""
    return normalize("\n".join(str(values.get(name) or "") for name in SEARCHED_FIELDS))


def terms(text: str) -> list[str]:
    return [t for t in normalize(text).split() if t]


def where(query: Query, walk_code_index: bool = False, files: bool = True) -> tuple[str, list]:
    """SQL condition on ``materials`` (no alias) and its parameters.

    ``walk_code_index``: match ids with ``+id IN`` so SQLite walks the live-code index in order and
    tests each id, instead of looking up every match and sorting them (10x faster for common words).
    ``files=False``: the fields alone decide (the caller knows no attachment holds a term: files_match).
    """
    clauses = [_live_clause(query, walk_code_index)]
    params: list = []
    text_sql, text_params = text_condition(query, "+id" if walk_code_index else "id", files)
    if text_sql:
        clauses.append(text_sql)
        params.extend(text_params)
    for name, value in query.filters.items():
        if name in FILTER_FIELDS and value is not None:
            clauses.append(f"{name} = ?")
            params.append(value)
    return " AND ".join(clauses), params


def _live_clause(query: Query, walk_code_index: bool) -> str:
    if query.deleted:
        return "deleted_at IS NOT NULL"
    if walk_code_index or not fts_expression(query)[0]:
        return "deleted_at IS NULL"
    # A few text matches: look each up by id; "+" keeps SQLite from walking the live-code index instead.
    return "+deleted_at IS NULL"


# The materials with an attachment whose text matches (one bound MATCH expression).
FILE_MATCHES = ("SELECT a.material_id FROM attachment_text_fts f JOIN attachments a ON a.id = f.rowid "
                "WHERE attachment_text_fts MATCH ?")


def text_condition(query: Query, member: str = "id", with_files: bool = True) -> tuple[str, list]:
    """Every term in the fields, or else every term in the fields or a file of a material with a matching file."""
    parts = text_parts(query, member)
    if parts is None:
        return "", []
    fields, fields_params, files, files_params = parts
    if not with_files:
        return fields, fields_params
    expression, short = fts_expression(query)
    if len(terms(query.text)) == 1 and not short:
        # One id list to test each row against instead of two: the walk in code order stays as cheap.
        return (f"{member} IN (SELECT rowid FROM materials_fts WHERE materials_fts MATCH ? UNION "
                f"{FILE_MATCHES})", fields_params + files_params)
    return f"({fields} OR ({files}))", fields_params + files_params


def text_parts(query: Query, member: str = "id"):
    """(fields SQL, params, files SQL, params) for the query's text, or None when it has no terms."""
    expression, short = fts_expression(query)
    if not expression and not short:
        return None
    fields, params = _fields_condition(expression, short, member)
    long_terms = [t for t in terms(query.text) if t not in short]
    gate, gate_params = _file_gate(long_terms if not short else [], member)
    per_term = [_term_condition(t, t in short, member) for t in terms(query.text)]
    if len(per_term) == 1 and long_terms:
        return fields, params, gate, gate_params  # one term: the gate is the whole answer
    files = " AND ".join([gate] + [sql for sql, _p in per_term])
    return fields, params, files, gate_params + [p for _sql, term_params in per_term for p in term_params]


def _fields_condition(expression: str, short: list[str], member: str) -> tuple[str, list]:
    clauses, params = [], []
    if expression:
        clauses.append(f"{member} IN (SELECT rowid FROM materials_fts WHERE materials_fts MATCH ?)")
        params.append(expression)
    for term in short:
        clauses.append("instr(search_text, ?) > 0")
        params.append(term)
    return " AND ".join(clauses), params


def _file_gate(long_terms: list[str], member: str) -> tuple[str, list]:
    """Materials with a file holding any of the (long) terms: one index probe; with short terms, any file
    with text (a file may hold only the short one)."""
    if long_terms:
        return f"{member} IN ({FILE_MATCHES})", [_any_of(long_terms)]
    return (f"{member} IN (SELECT a.material_id FROM attachment_text t JOIN attachments a "
            "ON a.id = t.attachment_id WHERE t.status = 'ok')", [])


def _term_condition(term: str, short: bool, member: str) -> tuple[str, list]:
    if short:
        return ("(instr(search_text, ?) > 0 OR EXISTS (SELECT 1 FROM attachments a JOIN attachment_text t "
                "ON t.attachment_id = a.id WHERE a.material_id = materials.id AND instr(t.search_text, ?) > 0))",
                [term, term])
    quoted = _quote(term)
    return (f"{member} IN (SELECT rowid FROM materials_fts WHERE materials_fts MATCH ? UNION {FILE_MATCHES})",
            [quoted, quoted])


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _any_of(long_terms: list[str]) -> str:
    return " OR ".join(_quote(t) for t in long_terms)


def files_match(db, query: Query) -> bool:
    """Whether an attachment's text may answer the query (else the fields alone decide): one index probe."""
    long_terms = [t for t in terms(query.text) if len(t) >= 3]
    if not terms(query.text):
        return False
    if len(long_terms) < len(terms(query.text)):  # a short term: any file with text may hold it
        return db.execute("SELECT 1 FROM attachment_text WHERE status = 'ok' LIMIT 1").fetchone() is not None
    sql = "SELECT 1 FROM attachment_text_fts WHERE attachment_text_fts MATCH ? LIMIT 1"
    return db.execute(sql, [_any_of(long_terms)]).fetchone() is not None


def fts_expression(query: Query) -> tuple[str, list[str]]:
    """The trigram MATCH expression for terms of 3+ code points, and the terms left for a plain scan.

    The Trash is not in the index (it is small), so all its terms are scanned.
    """
    long_terms = [t for t in terms(query.text) if len(t) >= 3 and not query.deleted]
    short = [t for t in terms(query.text) if t not in long_terms]
    return " AND ".join(_quote(t) for t in long_terms), short


def order_clause(order_by: str = "code", descending: bool = False) -> str:
    column = order_by if order_by in SORT_COLUMNS else "code"
    direction = "DESC" if descending else "ASC"
    if column == "code":
        return f"code {direction}"  # unique: its index gives the order without a sort
    # id breaks ties so that paging through a sorted result is stable.
    return f"{column} {direction}, id {direction}"


def search_ids(db, query: Query, order_by: str = "code", descending: bool = False,
               limit: int | None = None, offset: int = 0, matches: int | None = None) -> list[int]:
    """Matching ids in display order: cheap even for 100,000 rows, the rows are fetched later.

    ``matches``: how many materials the query finds, when the caller knows (spares a probe).
    """
    walk = order_by == "code" and not query.deleted and _many_matches(db, query, matches)
    sql, params = where(query, walk_code_index=walk, files=files_match(db, query))
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = db.execute(
        f"SELECT id FROM materials WHERE {sql} ORDER BY {order_clause(order_by, descending)}{page}", params)
    return [r[0] for r in rows.fetchall()]


WALK_THRESHOLD = 2000


def _many_matches(db, query: Query, matches: int | None = None) -> bool:
    """Whether walking the code index beats sorting the matches: only when they are many.

    Counting at most WALK_THRESHOLD index hits costs well under a millisecond; a walk over 100,000
    codes for a handful of matches would cost ten.
    """
    if matches is not None:
        return matches >= WALK_THRESHOLD
    expression, _short = fts_expression(query)
    if not expression:
        return True
    sql = "SELECT COUNT(*) FROM (SELECT rowid FROM materials_fts WHERE materials_fts MATCH ? LIMIT ?)"
    return db.execute(sql, [expression, WALK_THRESHOLD]).fetchone()[0] >= WALK_THRESHOLD


def search(db, query: Query, order_by: str = "code", descending: bool = False,
           limit: int | None = None, offset: int = 0) -> list[Material]:
    # Order the narrow ids first, then read only the wide rows that are shown.
    ids = search_ids(db, query, order_by, descending, limit, offset)
    rows = fetch_by_ids(db, ids)
    return [rows[i] for i in ids]


def count(db, query: Query) -> int:
    expression, short = fts_expression(query)
    if expression and not short and not query.filters and not query.deleted:
        # The index holds exactly the materials outside the Trash: it can count alone, and the few
        # materials found only through a file are counted apart (a scan of every row would cost 10x).
        sql = "SELECT COUNT(*) FROM materials_fts WHERE materials_fts MATCH ?"
        found = db.execute(sql, [expression]).fetchone()[0]
        if files_match(db, query):
            _fields, _params, files, files_params = text_parts(query)
            # +deleted_at: look up the few file matches by id rather than walk every live material; and
            # test their own text directly (the same substring test as the index, for a few rows).
            missing = " OR ".join("instr(search_text, ?) = 0" for _t in terms(query.text))
            sql = f"SELECT COUNT(*) FROM materials WHERE +deleted_at IS NULL AND {files} AND ({missing})"
            found += db.execute(sql, files_params + terms(query.text)).fetchone()[0]
        return found
    sql, params = where(query, files=files_match(db, query))
    return db.execute(f"SELECT COUNT(*) FROM materials WHERE {sql}", params).fetchone()[0]


def facet_counts(db, query: Query, name: str) -> dict:
    """How many matches each value of one filter field has, ignoring that field's own filter."""
    if name not in FILTER_FIELDS:
        raise ValueError(name)
    sql, params = where(query.with_filter(name, None))
    rows = db.execute(
        f"SELECT {name}, COUNT(*) FROM materials WHERE {sql} GROUP BY {name} ORDER BY {name}", params)
    return {value: n for value, n in rows.fetchall()}


def all_facet_counts(db, query: Query, groups: str | None = None) -> dict[str, dict]:
    """facet_counts for every filter field, from ONE grouping of the text's matches by every filter
    field at once (100,000 rows: ~0.5 s instead of ~2 s for six), summed per field by SQLite (which does
    it without Python's lock: the window's search thread does this while the window shows rows). Each
    field's counts ignore that field's own filter, as facet_counts does.

    ``groups``: a table already holding filter_groups' rows for the query's text (CountsMemory keeps
    them for a filter click); else the text is grouped here."""
    head, params = "", []
    if groups is None:
        grouping, params = filter_groups(query)
        head, groups = f"WITH grouped AS ({grouping}) ", "grouped"
    parts = []
    for name in FILTER_FIELDS:
        others = [(field, value) for field, value in query.filters.items()
                  if field != name and field in FILTER_FIELDS and value is not None]
        matching = " AND ".join(f"{field} = ?" for field, _value in others) or "1"
        parts.append(f"SELECT ?, {name}, SUM(found) FROM {groups} WHERE {matching} GROUP BY {name}")
        params += [name, *(value for _field, value in others)]
    counts: dict[str, dict] = {name: {} for name in FILTER_FIELDS}
    for name, value, found in db.execute(head + " UNION ALL ".join(parts), params):
        counts[name][value] = found
    return counts


def filter_groups(query: Query) -> tuple[str, list]:
    """The SELECT counting the materials that match the query's text by each combination of filter
    values (as ``found``; the query's own filters play no part: all_facet_counts applies them)."""
    sql, params = where(Query(query.text, {}, query.deleted))
    fields = ", ".join(FILTER_FIELDS)
    return f"SELECT {fields}, COUNT(*) AS found FROM materials WHERE {sql} GROUP BY {fields}", params


def fetch_by_ids(db, ids: list[int]) -> dict[int, Material]:
    """Rows for a block of ids (the lazy table model asks for a screenful at a time)."""
    return {m.id: m for m in map(Material.from_values, rows_for_ids(db, SELECT_COLUMNS, ids))}


ID_BLOCK = 500  # ids bound per statement: under SQLite's limit on bound parameters


def rows_for_ids(db, columns: str, ids: list[int]):
    """``SELECT columns FROM materials`` for these ids (in no set order), a block of ids per statement."""
    for start in range(0, len(ids), ID_BLOCK):
        block = list(ids[start:start + ID_BLOCK])
        yield from db.execute(f"SELECT {columns} FROM materials WHERE id IN ({','.join('?' * len(block))})",
                              block).fetchall()
