"""Sheets that remember: per sheet type, which positions of the partly used sheet in the tray are taken.

Kept in the database (table ``sheet_usage``, migration ``0007_sheet_usage``), beside the clerk's own
sheets, so a backup carries it. No Qt here.

The rules (docs/labels.md, "Sheets that remember"):
- a print fills the FREE positions of the first page in order, from ``start``; taken positions are
  passed over (a sticker peeled off by hand in the middle leaves a hole that is never printed on), and
  a free hole before later labels is used;
- afterwards the sheet in the tray is the job's last page: only its positions are remembered (full
  pages left with the print), and a job that fills its last page exactly leaves a fresh sheet;
- a sheet with every position taken is gone: the next print starts on a fresh sheet.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import tr
from lo_desktop.labels import geometry
from lo_desktop.labels.sheets import Sheet, get_sheet

TABLE = "sheet_usage"


def _sheet(db, sheet) -> Sheet:
    return sheet if isinstance(sheet, Sheet) else get_sheet(db, sheet)


def used_positions(db, sheet) -> set[int]:
    """The taken positions (1-based) of the sheet in the tray; empty for a fresh sheet. ``sheet`` is a
    Sheet or its id; positions a changed custom sheet no longer has are left out."""
    sheet = _sheet(db, sheet)
    if TABLE not in db.table_names():
        return set()
    row = db.execute(f"SELECT used FROM {TABLE} WHERE sheet_id = ?", [sheet.id]).fetchone()
    positions = json.loads(row[0]) if row else []
    return {p for p in positions if isinstance(p, int) and 1 <= p <= sheet.per_page}


def _store(db, sheet: Sheet, positions) -> set[int]:
    positions = sorted(set(positions))
    with db.atomic():
        if not positions:
            db.execute(f"DELETE FROM {TABLE} WHERE sheet_id = ?", [sheet.id])
        else:
            when = datetime.now(timezone.utc).isoformat(timespec="seconds")
            db.execute(f"INSERT OR REPLACE INTO {TABLE} (sheet_id, used, updated_at) VALUES (?, ?, ?)",
                       [sheet.id, json.dumps(positions), when])
    return set(positions)


def mark(db, sheet, positions, used: bool) -> set[int]:
    """Mark positions taken (``used``) or free again (a sticker peeled off, or one put back); the new set."""
    sheet = _sheet(db, sheet)
    positions = set(positions)
    bad = sorted(p for p in positions if not 1 <= p <= sheet.per_page)
    if bad:
        raise UserError(tr("The sheet {sheet} has labels 1 to {last}; there is no label {position}.",
                           sheet=sheet.id, last=sheet.per_page, position=bad[0]))
    current = used_positions(db, sheet)
    return _store(db, sheet, current | positions if used else current - positions)


def toggle(db, sheet, position: int) -> set[int]:
    """A click on a label in the preview: taken becomes free, free becomes taken."""
    return mark(db, sheet, [position], position not in used_positions(db, sheet))


def start_at(db, sheet, position: int) -> set[int]:
    """Shift+click in the preview: every label before ``position`` is taken and it is free, so the next
    print starts there; the new set."""
    sheet = _sheet(db, sheet)
    with db.atomic():
        mark(db, sheet, range(1, position), True)
        return mark(db, sheet, [position], False)


def new_sheet(db, sheet) -> None:
    """A fresh sheet was loaded into the tray: nothing on it is taken."""
    _store(db, _sheet(db, sheet), [])


def first_free(db, sheet) -> int:
    """Where the next print starts: the first free position (1 on a fresh or a full sheet)."""
    sheet = _sheet(db, sheet)
    return geometry.first_free(sheet, used_positions(db, sheet))


def is_full(sheet: Sheet, used) -> bool:
    return len({p for p in used if 1 <= p <= sheet.per_page}) >= sheet.per_page


def record_print(db, sheet: Sheet, item_count: int, copies: int = 1, start: int = 1, used=()) -> set[int]:
    """After a successful print (or PDF) of a job placed with ``used`` and ``start``: remember what is
    taken on the sheet left in the tray; returns it."""
    return _store(db, sheet, geometry.remaining_used(sheet, item_count, copies, start, used))
