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


def first_page_taken(sheet: Sheet, used=(), start: int = 1) -> frozenset[int]:
    """The positions (1-based) the first page cannot take: those remembered as used and those before
    ``start``. A sheet with nothing free is gone: the labels then begin on a fresh sheet."""
    taken = frozenset(p for p in used if 1 <= p <= sheet.per_page) | frozenset(range(1, start))
    return frozenset() if len(taken) >= sheet.per_page else taken


def _slots(sheet: Sheet, taken: frozenset[int]):
    """(page, cell) in printing order: the free cells of the first page, then every cell of the next."""
    for cell in range(sheet.per_page):
        if cell + 1 not in taken:
            yield 0, cell
    page = 1
    while True:
        for cell in range(sheet.per_page):
            yield page, cell
        page += 1


def placements(sheet: Sheet, item_count: int, copies: int = 1, start: int = 1, used=()) -> list[Placement]:
    """Each label to print, in order: the copies of a material stay together. The first page (the partly
    used sheet in the tray) begins at ``start`` (1-based) and skips the positions in ``used``, so a
    sticker peeled off in the middle leaves a hole that is passed over; later pages are fresh sheets."""
    if item_count <= 0:
        raise UserError(_("No materials to print labels for: choose at least one."))
    check_start(sheet, start)
    check_copies(copies)
    slots = _slots(sheet, first_page_taken(sheet, used, start))
    return [Placement(*next(slots), item) for item in range(item_count) for _copy in range(copies)]


def page_count(sheet: Sheet, item_count: int, copies: int = 1, start: int = 1, used=()) -> int:
    free_first = sheet.per_page - len(first_page_taken(sheet, used, start))
    rest = max(0, item_count * copies - free_first)
    return 1 + (rest + sheet.per_page - 1) // sheet.per_page


def remaining_used(sheet: Sheet, item_count: int, copies: int = 1, start: int = 1, used=()) -> frozenset[int]:
    """The taken positions of the sheet left in the tray after this print: the last page's labels (and,
    when that is the first page, what was taken before). Full pages leave with the print; a job that
    fills its last page exactly leaves a fresh sheet (nothing taken)."""
    todo = placements(sheet, item_count, copies, start, used)
    last = todo[-1].page
    taken = set(first_page_taken(sheet, used, start)) if last == 0 else set()
    taken |= {p.cell + 1 for p in todo if p.page == last}
    return frozenset() if len(taken) >= sheet.per_page else frozenset(taken)


def first_free(sheet: Sheet, used=()) -> int:
    """The first position a print would use: 1 on a fresh or a full sheet."""
    taken = first_page_taken(sheet, used)
    return next(p for p in range(1, sheet.per_page + 1) if p not in taken)


