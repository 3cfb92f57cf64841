"""Label sheet templates: the bundled ones (resources/sheets/sheets.json) and the clerk's own.

Every measure is in millimetres, as manufacturers publish them. A custom sheet, measured with a ruler,
is kept in the database (table ``label_sheets``) so that a backup or a copy carries it. No Qt here.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from functools import lru_cache

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, language, tr
from lo_desktop.paths import resource

# A sheet's own measures may be off by a rounding in the published numbers; a label may touch the
# page edge (edge-to-edge sheets) but not cross it by more than this.
TOLERANCE_MM = 0.05
CUSTOM_PREFIX = "custom-"


@dataclass(frozen=True)
class Sheet:
    id: str
    name: str
    page_width_mm: float
    page_height_mm: float
    label_width_mm: float
    label_height_mm: float
    columns: int
    rows: int
    left_mm: float
    top_mm: float
    h_pitch_mm: float
    v_pitch_mm: float
    corner_radius_mm: float = 0.0
    name_th: str = ""
    custom: bool = False

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def display_name(self) -> str:
        return self.name_th if language() == "th" and self.name_th else self.name

    def public(self) -> dict:
        """The fields ``lo-desktop sheets --json`` prints."""
        row = asdict(self)
        row.pop("name_th")
        return row

    @classmethod
    def from_dict(cls, values: dict) -> "Sheet":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})


@lru_cache(maxsize=1)
def builtin_sheets() -> tuple[Sheet, ...]:
    rows = json.loads(resource("sheets", "sheets.json").read_text(encoding="utf-8"))
    return tuple(Sheet.from_dict(row) for row in rows)


def custom_sheets(db) -> list[Sheet]:
    if db is None or "label_sheets" not in db.table_names():
        return []
    rows = db.execute("SELECT definition FROM label_sheets ORDER BY id").fetchall()
    return [Sheet.from_dict({**json.loads(r[0]), "custom": True}) for r in rows]


def all_sheets(db=None) -> list[Sheet]:
    return list(builtin_sheets()) + custom_sheets(db)


def get_sheet(db, sheet_id: str) -> Sheet:
    for sheet in all_sheets(db):
        if sheet.id == (sheet_id or "").strip().lower():
            return sheet
    known = ", ".join(s.id for s in all_sheets(db))
    raise UserError(tr("There is no label sheet “{id}”. Known sheets: {known}.", id=sheet_id, known=known))


def problems(sheet: Sheet) -> list[str]:
    """Every reason a sheet cannot be printed on, as sentences; empty when it is usable."""
    found = []
    measures = (sheet.page_width_mm, sheet.page_height_mm, sheet.label_width_mm, sheet.label_height_mm)
    if min(measures) <= 0 or sheet.columns < 1 or sheet.rows < 1:
        return [_("The page, the label and the number of columns and rows must all be greater than zero.")]
    if min(sheet.left_mm, sheet.top_mm, sheet.corner_radius_mm) < 0:
        found.append(_("Margins and the corner radius cannot be negative."))
    if sheet.columns > 1 and sheet.h_pitch_mm < sheet.label_width_mm - TOLERANCE_MM:
        found.append(_("The horizontal pitch is smaller than the label width: labels would overlap."))
    if sheet.rows > 1 and sheet.v_pitch_mm < sheet.label_height_mm - TOLERANCE_MM:
        found.append(_("The vertical pitch is smaller than the label height: labels would overlap."))
    right = sheet.left_mm + (sheet.columns - 1) * sheet.h_pitch_mm + sheet.label_width_mm
    bottom = sheet.top_mm + (sheet.rows - 1) * sheet.v_pitch_mm + sheet.label_height_mm
    if right > sheet.page_width_mm + TOLERANCE_MM:
        found.append(tr("The labels do not fit across the page: the last column ends at {end} mm "
                        "but the page is {page} mm wide.", end=_mm(right), page=_mm(sheet.page_width_mm)))
    if bottom > sheet.page_height_mm + TOLERANCE_MM:
        found.append(tr("The labels do not fit down the page: the last row ends at {end} mm "
                        "but the page is {page} mm high.", end=_mm(bottom), page=_mm(sheet.page_height_mm)))
    return found


def _mm(value: float) -> str:
    return f"{value:.1f}"


def check(sheet: Sheet) -> Sheet:
    found = problems(sheet)
    if found:
        raise UserError(" ".join(found))
    return sheet


def custom_id(name: str, db) -> str:
    """A stable id for a new custom sheet from its name: ``custom-my-sheet`` (numbered when taken)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "sheet"
    taken = {s.id for s in all_sheets(db)}
    candidate, n = CUSTOM_PREFIX + slug, 2
    while candidate in taken:
        candidate, n = f"{CUSTOM_PREFIX}{slug}-{n}", n + 1
    return candidate


def save_custom_sheet(db, sheet: Sheet) -> Sheet:
    if not sheet.name.strip():
        raise UserError(_("Give the sheet a name."))
    if not sheet.id.startswith(CUSTOM_PREFIX):
        raise UserError(_("Only your own sheets can be changed; the bundled sheets stay as published."))
    check(sheet)
    definition = {k: v for k, v in sheet.public().items() if k != "custom"}
    before = next((s for s in custom_sheets(db) if s.id == sheet.id), None)
    with db.atomic():
        if before is not None and (before.columns, before.rows) != (sheet.columns, sheet.rows):
            _forget_usage(db, sheet.id)  # the remembered positions meant other labels
        db["label_sheets"].upsert({"id": sheet.id, "definition": json.dumps(definition, ensure_ascii=False)},
                                  pk="id")
    return Sheet.from_dict({**definition, "custom": True})


def delete_custom_sheet(db, sheet_id: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM label_sheets WHERE id = ?", [sheet_id])
        _forget_usage(db, sheet_id)


def _forget_usage(db, sheet_id: str) -> None:
    if "sheet_usage" in db.table_names():
        db.execute("DELETE FROM sheet_usage WHERE sheet_id = ?", [sheet_id])
