"""The yearly stocktake: scan every label on a shelf (or the whole corner), see what is missing, close it.

Everything lives in the database, so a stocktake is paused by closing the window and resumed by opening
it again. Labels are per material, not per copy: a material with three copies may be scanned three
times; a fourth scan is "already counted". Copies on loan are not expected on the shelf.
Closing writes a snapshot of the result (the record survives later catalog edits) and, when asked,
marks materials of which no copy was found as lost and writes off the copies that are missing.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from lo_desktop.core.catalog.materials import get_material, locations, now
from lo_desktop.core.errors import UserError
from lo_desktop.core.lending.loans import open_loans_of
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.catalog.scan import code_from_payload
from lo_desktop.core.lending.stocktake_summary import Item, Summary, live_summary
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, tr

FOUND, DUPLICATE, ON_LOAN = "found", "duplicate", "on_loan"
OTHER_LOCATION, NOT_SHELVED, UNKNOWN = "other_location", "not_shelved", "unknown"
UNEXPECTED = (OTHER_LOCATION, NOT_SHELVED, UNKNOWN)


@dataclass
class Stocktake:
    id: int
    location: str | None
    started_at: str
    closed_at: str | None = None
    marked_lost: bool = False

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def scope(self) -> str:
        return self.location or _("the whole corner")


@dataclass
class ScanResult:
    outcome: str
    message: str
    code: str = ""
    title: str = ""
    material_id: int | None = None
    scan_id: int | None = None

    @property
    def recorded(self) -> bool:
        return self.outcome != DUPLICATE

    @property
    def is_problem(self) -> bool:
        return self.outcome != FOUND


# --- starting and finding --------------------------------------------------------------------------
def start(db, location: str | None = None) -> Stocktake:
    """Begin counting one shelf location (None or "": the whole corner); one stocktake runs at a time."""
    location = (location or "").strip() or None
    running = open_stocktake(db)
    if running is not None:
        raise UserError(tr("A stocktake of {scope} is already in progress (started {date}). Resume or close it "
                           "first.", scope=running.scope(), date=started_text(running)))
    if location is not None and location.casefold() not in {loc.casefold() for loc in locations(db)}:
        raise UserError(tr("No material is stored at “{location}”. Check the shelf name.", location=location))
    with db.atomic():
        new_id = db["stocktakes"].insert({"location": location, "started_at": now(), "closed_at": None,
                                          "marked_lost": 0, "result": None}).last_pk
    return get_stocktake(db, new_id)


def _stocktake(row) -> Stocktake:
    return Stocktake(id=row[0], location=row[1], started_at=row[2], closed_at=row[3], marked_lost=bool(row[4]))


_COLUMNS = "id, location, started_at, closed_at, marked_lost"


def get_stocktake(db, stocktake_id: int) -> Stocktake:
    row = db.execute(f"SELECT {_COLUMNS} FROM stocktakes WHERE id = ?", [stocktake_id]).fetchone()
    if row is None:
        raise UserError(tr("There is no stocktake number {number}.", number=stocktake_id))
    return _stocktake(row)


def open_stocktake(db) -> Stocktake | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM stocktakes WHERE closed_at IS NULL ORDER BY id DESC").fetchone()
    return _stocktake(row) if row else None


def stocktakes(db) -> list[Stocktake]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM stocktakes ORDER BY id DESC").fetchall()
    return [_stocktake(r) for r in rows]


def started_text(stocktake: Stocktake) -> str:
    from datetime import datetime

    return format_date(datetime.fromisoformat(stocktake.started_at).astimezone().date())


# --- scanning -----------------------------------------------------------------------------------------
def scan(db, stocktake_id: int, payload: str) -> ScanResult:
    """Record one scanned label (or typed code) and say what it means for this stocktake."""
    stocktake = get_stocktake(db, stocktake_id)
    if not stocktake.is_open:
        raise UserError(_("This stocktake is closed; start a new one to count again."))
    payload = (payload or "").strip()
    if not payload:
        raise UserError(_("Scan a label or type a code."))
    with db.atomic():
        result = _classify(db, stocktake, payload)
        if result.recorded:
            result.scan_id = _record(db, stocktake.id, payload, result)
    return result


def _classify(db, stocktake: Stocktake, payload: str) -> ScanResult:
    code = code_from_payload(db, payload)
    if code is None:
        return _unknown(db, stocktake, payload)
    m = get_material(db, code)
    if m.format == "digital" or (m.copies or 0) <= 0 or m.status == "withdrawn":
        return _once(db, stocktake, m, ScanResult(NOT_SHELVED, tr(
            "{code} is withdrawn or digital only: it should not be on the shelf.", code=m.code)))
    if stocktake.location and m.location.strip().casefold() != stocktake.location.casefold():
        where = m.location.strip() or _("no location")
        return _once(db, stocktake, m, ScanResult(OTHER_LOCATION, tr(
            "{code} belongs to “{location}”, not to this shelf.", code=m.code, location=where)))
    return _count_copy(db, stocktake, m)


def _unknown(db, stocktake: Stocktake, payload: str) -> ScanResult:
    in_trash = code_from_payload(db, payload, include_deleted=True)
    shown = in_trash or payload[:60]
    seen = db.execute("SELECT 1 FROM stocktake_scans WHERE stocktake_id = ? AND material_id IS NULL "
                      "AND code = ? COLLATE NOCASE", [stocktake.id, shown]).fetchone()
    if seen:
        return ScanResult(DUPLICATE, tr("“{text}” was already scanned in this stocktake.", text=shown), code=shown)
    message = (tr("{code} is in the Trash.", code=in_trash) if in_trash
               else tr("No material has the code in “{text}”.", text=shown))
    return ScanResult(UNKNOWN, message, code=shown)


def _scans_of(db, stocktake_id: int, material_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM stocktake_scans WHERE stocktake_id = ? AND material_id = ?",
                      [stocktake_id, material_id]).fetchone()[0]


def _once(db, stocktake: Stocktake, m, result: ScanResult) -> ScanResult:
    """An unexpected material is noted once per copy; more scans are duplicates."""
    result.code, result.title, result.material_id = m.code, m.title, m.id
    if _scans_of(db, stocktake.id, m.id) >= max(1, m.copies or 0):
        return _duplicate(m)
    return result


def _duplicate(m) -> ScanResult:
    message = (tr("{code} was already scanned in this stocktake.", code=m.code) if (m.copies or 0) <= 1
               else tr("All {copies} copies of {code} were already counted.", copies=m.copies, code=m.code))
    return ScanResult(DUPLICATE, message, m.code, m.title, m.id)


def _count_copy(db, stocktake: Stocktake, m) -> ScanResult:
    seen = _scans_of(db, stocktake.id, m.id)
    loans = open_loans_of(db, m.id)
    on_shelf = max(0, m.copies - len(loans))
    if seen >= m.copies:
        return _duplicate(m)
    if seen >= on_shelf:
        loan = loans[seen - on_shelf] if seen - on_shelf < len(loans) else loans[-1]
        return ScanResult(ON_LOAN, tr("{code} is recorded as lent to {name} (due {date}): if it is back, "
                                      "return it in Lending.", code=m.code, name=loan.borrower,
                                      date=format_date(loan.due_on, "short")), m.code, m.title, m.id)
    return ScanResult(FOUND, _found_message(m, seen + 1), m.code, m.title, m.id)


def _found_message(m, number: int) -> str:
    if m.status == "lost":
        return tr("Found {code}, which was marked lost: it becomes available again when the stocktake is "
                  "closed.", code=m.code)
    if m.copies > 1:
        return tr("Found {code} (copy {number} of {copies}): {title}", code=m.code, number=number,
                  copies=m.copies, title=m.title)
    return tr("Found {code}: {title}", code=m.code, title=m.title)


def _record(db, stocktake_id: int, payload: str, result: ScanResult) -> int:
    return db["stocktake_scans"].insert({"stocktake_id": stocktake_id, "material_id": result.material_id,
                                         "payload": payload, "code": result.code, "outcome": result.outcome,
                                         "scanned_at": now()}).last_pk


def undo_scan(db, stocktake_id: int, scan_id: int) -> None:
    """Take back one scan of an open stocktake (a label scanned by mistake)."""
    if not get_stocktake(db, stocktake_id).is_open:
        raise UserError(_("This stocktake is closed; start a new one to count again."))
    with db.atomic():
        db.execute("DELETE FROM stocktake_scans WHERE id = ? AND stocktake_id = ?", [scan_id, stocktake_id])


# --- summary and closing ------------------------------------------------------------------------------
def summary(db, stocktake_id: int) -> Summary:
    """Found, missing, on loan and unexpected: live while open, the stored snapshot once closed."""
    stocktake = get_stocktake(db, stocktake_id)
    if stocktake.is_open:
        return live_summary(db, stocktake)
    row = db.execute("SELECT result FROM stocktakes WHERE id = ?", [stocktake_id]).fetchone()
    return _from_json(stocktake, json.loads(row[0]))


def _from_json(stocktake: Stocktake, data: dict) -> Summary:
    lists = {name: [Item(**item) for item in data[name]] for name in ("found", "missing", "on_loan", "unexpected")}
    return Summary(stocktake=stocktake, expected=data["expected"], **lists)


def close(db, stocktake_id: int, mark_lost: bool = True, progress: Progress | None = None) -> Summary:
    """Close the stocktake in one transaction: keep its snapshot and, if asked, write off what is missing.
    Cancelling (``progress``) rolls the whole close back."""
    stocktake = get_stocktake(db, stocktake_id)
    if not stocktake.is_open:
        raise UserError(_("This stocktake is already closed."))
    with db.atomic():
        result = live_summary(db, stocktake)
        if mark_lost:
            _write_off(db, result, progress)
        _restore_found_lost(db, result)
        snapshot = {"expected": result.expected, **{name: [asdict(i) for i in getattr(result, name)]
                                                    for name in ("found", "missing", "on_loan", "unexpected")}}
        db.execute("UPDATE stocktakes SET closed_at = ?, marked_lost = ?, result = ? WHERE id = ?",
                   [now(), int(mark_lost), json.dumps(snapshot, ensure_ascii=False), stocktake.id])
    return summary(db, stocktake.id)


def _write_off(db, result: Summary, progress: Progress | None = None) -> None:
    """No copy seen and none lent: the material is lost. Some copies seen: the missing ones are written off."""
    stamp = now()
    for done, item in enumerate(result.missing):
        if done % 500 == 0:  # a whole-corner count closed early may write off thousands
            report(progress, done, len(result.missing), _("Writing off what was not found…"))
        if item.found == 0 and item.on_loan == 0:
            db.execute("UPDATE materials SET status = 'lost', updated_at = ? WHERE id = ?", [stamp, item.material_id])
        else:
            db.execute("UPDATE materials SET copies = MAX(0, copies - ?), updated_at = ? WHERE id = ?",
                       [item.missing, stamp, item.material_id])


def _restore_found_lost(db, result: Summary) -> None:
    for item in result.found:
        if item.status == "lost":
            status = "on_loan" if item.on_loan >= item.copies else "available"
            db.execute("UPDATE materials SET status = ?, updated_at = ? WHERE id = ? AND status = 'lost'",
                       [status, now(), item.material_id])


def close_preview(result: Summary) -> tuple[int, int]:
    """(materials that would be marked lost, materials that would lose some copies) on closing."""
    lost = sum(1 for i in result.missing if i.found == 0 and i.on_loan == 0)
    return lost, len(result.missing) - lost


@dataclass
class ScanRecord:
    id: int
    code: str
    title: str
    outcome: str
    scanned_at: str


def recent_scans(db, stocktake_id: int, limit: int = 200) -> list[ScanRecord]:
    """The latest scans first, as the stocktake page lists them (also after a pause)."""
    rows = db.execute("""
        SELECT s.id, s.code, COALESCE(m.title, ''), s.outcome, s.scanned_at
        FROM stocktake_scans s LEFT JOIN materials m ON m.id = s.material_id
        WHERE s.stocktake_id = ? ORDER BY s.id DESC LIMIT ?""", [stocktake_id, limit]).fetchall()
    return [ScanRecord(*r) for r in rows]


def closed_counts(db, stocktake_id: int) -> dict[str, int] | None:
    """The counts of a closed stocktake, read by SQLite from its snapshot without loading the lists."""
    row = db.execute("""
        SELECT json_extract(result, '$.expected'), json_array_length(result, '$.found'),
               json_array_length(result, '$.missing'), json_array_length(result, '$.on_loan'),
               json_array_length(result, '$.unexpected')
        FROM stocktakes WHERE id = ? AND result IS NOT NULL""", [stocktake_id]).fetchone()
    return dict(zip(("expected", "found", "missing", "on_loan", "unexpected"), row)) if row else None
