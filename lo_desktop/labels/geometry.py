"""Where each label sits on a sheet, and which label of which page each material gets. No Qt here.

Positions are counted the way the clerk counts them on a sheet: 1 is the top-left label, then along
the row, then down (row-major). Every rectangle is in millimetres from the page's top-left corner.
"""
from __future__ import annotations

from dataclasses import dataclass

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.labels.sheets import Sheet

MAX_COPIES = 500


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def moved(self, dx: float, dy: float) -> "Rect":
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


@dataclass(frozen=True)
class Placement:
    page: int   # 0-based page number
    cell: int   # 0-based cell on that page (row-major)
    item: int   # index into the list of materials


def cell_rect(sheet: Sheet, cell: int) -> Rect:
    row, column = divmod(cell, sheet.columns)
    return Rect(sheet.left_mm + column * sheet.h_pitch_mm, sheet.top_mm + row * sheet.v_pitch_mm,
                sheet.label_width_mm, sheet.label_height_mm)


def cell_at(sheet: Sheet, x_mm: float, y_mm: float) -> int | None:
    """The cell under a point of the page (a click in the preview), or None between labels."""
    for cell in range(sheet.per_page):
        if cell_rect(sheet, cell).contains(x_mm, y_mm):
            return cell
    return None


def check_start(sheet: Sheet, start: int) -> None:
    if not 1 <= start <= sheet.per_page:
        raise UserError(tr("The start position must be between 1 and {last}: this sheet has {last} labels.",
                           last=sheet.per_page))


def check_copies(copies: int) -> None:
    if not 1 <= copies <= MAX_COPIES:
        raise UserError(tr("Copies must be between 1 and {most}.", most=MAX_COPIES))


def placements(sheet: Sheet, item_count: int, copies: int = 1, start: int = 1) -> list[Placement]:
    """Each label to print, in order: the copies of a material stay together, the first page begins at
    ``start`` (1-based, the first free label of a partly used sheet), later pages at their first label."""
    if item_count <= 0:
        raise UserError(_("No materials to print labels for: choose at least one."))
    check_start(sheet, start)
    check_copies(copies)
    result = []
    slot = start - 1
    for item in range(item_count):
        for _copy in range(copies):
            page, cell = divmod(slot, sheet.per_page)
            result.append(Placement(page, cell, item))
            slot += 1
    return result


def page_count(sheet: Sheet, item_count: int, copies: int = 1, start: int = 1) -> int:
    return (start - 1 + item_count * copies + sheet.per_page - 1) // sheet.per_page


def next_start(sheet: Sheet, item_count: int, copies: int = 1, start: int = 1) -> int:
    """The first free label of the last sheet used, for the next print on the same sheet."""
    return (start - 1 + item_count * copies) % sheet.per_page + 1
