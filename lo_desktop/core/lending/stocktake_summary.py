"""What a stocktake has found so far, computed in one pass over the database (fast for 100,000 items).

A material is expected on the shelf when it is in the stocktake's scope, physical, has copies and is
neither lost nor withdrawn. Its copies on loan are not expected: ``expected = copies − open loans``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_SCOPE = "m.deleted_at IS NULL AND m.format != 'digital' AND m.copies > 0"
_EXPECTED = "m.status NOT IN ('lost', 'withdrawn')"


@dataclass
class Item:
    material_id: int | None
    code: str
    title: str = ""
    location: str = ""
    copies: int = 0
    status: str = ""
    expected: int = 0
    found: int = 0
    on_loan: int = 0
    missing: int = 0
    borrowers: str = ""
    outcome: str = ""
    payload: str = ""


@dataclass
class Summary:
    stocktake: object
    expected: int = 0
    found: list[Item] = field(default_factory=list)
    missing: list[Item] = field(default_factory=list)
    on_loan: list[Item] = field(default_factory=list)
    unexpected: list[Item] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"expected": self.expected, "found": len(self.found), "missing": len(self.missing),
                "on_loan": len(self.on_loan), "unexpected": len(self.unexpected)}


def live_summary(db, stocktake) -> Summary:
    result = Summary(stocktake=stocktake)
    for item in _material_items(db, stocktake):
        _sort_item(result, item)
    result.unexpected = _unexpected(db, stocktake.id)
    return result


def _sort_item(result: Summary, item: Item) -> None:
    in_expected_set = item.status not in ("lost", "withdrawn")
    if in_expected_set:
        result.expected += 1
    if item.found:
        result.found.append(item)
    if item.on_loan and in_expected_set:
        result.on_loan.append(item)
    if item.missing and in_expected_set:
        result.missing.append(item)


def _material_items(db, stocktake) -> list[Item]:
    where, params = _scope(stocktake)
    sql = f"""
        WITH loaned AS (
            SELECT l.material_id, COUNT(*) AS n, GROUP_CONCAT(b.name, ', ') AS names
            FROM loans l JOIN borrowers b ON b.id = l.borrower_id
            WHERE l.returned_on IS NULL GROUP BY l.material_id),
        seen AS (
            SELECT material_id, COUNT(*) AS n FROM stocktake_scans
            WHERE stocktake_id = ? AND outcome IN ('found', 'on_loan') AND material_id IS NOT NULL
            GROUP BY material_id)
        SELECT m.id, m.code, m.title, m.location, m.copies, m.status,
               COALESCE(l.n, 0), COALESCE(l.names, ''), COALESCE(s.n, 0)
        FROM materials m LEFT JOIN loaned l ON l.material_id = m.id LEFT JOIN seen s ON s.material_id = m.id
        WHERE {where} AND ({_EXPECTED} OR s.n IS NOT NULL)
        ORDER BY m.location, m.code
    """
    return [_item(r) for r in db.execute(sql, [stocktake.id] + params).fetchall()]


def _scope(stocktake) -> tuple[str, list]:
    if stocktake.location:
        return _SCOPE + " AND TRIM(m.location) = ? COLLATE NOCASE", [stocktake.location]
    return _SCOPE, []


def _item(r) -> Item:
    material_id, code, title, location, copies, status, lent, names, seen = r
    expected = max(0, copies - lent)
    return Item(material_id=material_id, code=code, title=title, location=location, copies=copies,
                status=status, expected=expected, found=seen, on_loan=lent,
                missing=max(0, expected - seen), borrowers=names)


def _unexpected(db, stocktake_id: int) -> list[Item]:
    rows = db.execute("""
        SELECT s.material_id, s.code, COALESCE(m.title, ''), COALESCE(m.location, ''), s.outcome, s.payload
        FROM stocktake_scans s LEFT JOIN materials m ON m.id = s.material_id
        WHERE s.stocktake_id = ? AND s.outcome IN ('other_location', 'not_shelved', 'unknown')
        ORDER BY s.id""", [stocktake_id]).fetchall()
    return [Item(material_id=r[0], code=r[1], title=r[2], location=r[3], outcome=r[4], payload=r[5]) for r in rows]
