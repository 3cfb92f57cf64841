"""Where a register's column names are and which of its rows are materials.

District offices keep registers for people, not programs: a title row (often merged) and a blank row
above the column names, names split over two rows (a group such as การจัดเก็บ over ชั้นวาง and จำนวน), a
sequence column (ลำดับที่), pre-numbered empty rows, a totals row, notes and signature lines at the end.
The column names are the row among the first ones that holds the most names we know; a row below it
that only adds names (under an empty or group cell) is the second half of the names. Rows that are not
materials are skipped with the reason, never imported.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lo_desktop.core.catalog.register_files import Rows, Sheet
from lo_desktop.core.errors import UserError
from lo_desktop.core.thaidate import to_arabic_digits
from lo_desktop.i18n import _, tr

HEADER_SEARCH_ROWS = 30
SEQUENCE_NAMES = {"ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#", "ลำดับ ที่", "seq", "item no."}
TOTALS = re.compile(r"^(ยอด)?รวม(ทั้งสิ้น|ทั้งหมด)?\s*[:：]?\s*[\d,.]*\s*(รายการ|เล่ม|ชุด|เรื่อง|ชิ้น|แผ่น|ฉบับ)?$"
                    r"|^(grand\s+)?totals?\b", re.IGNORECASE)
NOTE = re.compile(r"^(หมายเหตุ|ข้อสังเกต|ที่มา|notes?|remarks?)(\s|[:：.]|$)|^\*", re.IGNORECASE)
SIGNATURE = re.compile(r"^\(?\s*(ลงชื่อ|ลงนาม|signed|signature)|^\(\s*[^()]*\)$|^ตำแหน่ง|^[.…_\s]{5,}$|"
                       r"\.{5,}\s*(ผู้|หัวหน้า|เจ้าหน้าที่)", re.IGNORECASE)


@dataclass
class Table:
    """A sheet laid out: its column names and, below them, the rows that may be materials and the rows
    that are not (with the reason). The rows are read from the sheet as they are walked (``scan``),
    never all held: the lists ``rows``, ``numbers`` and ``skipped`` are made on request."""
    headers: list[str]
    source: Rows  # the sheet's rows, first to last
    header_row: int = 1  # the sheet's row the column names were taken from
    header_rows: int = 1  # 2 when the names are split over two rows
    sequence_column: int | None = None
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)

    def scan(self) -> Iterator[tuple[int, list[str], str]]:
        """(row number, cells as wide as the headers, why it is not a material or "") for every row
        below the column names; empty rows after the last filled one (Excel keeps formatted ones) are left out."""
        width, first, blanks = len(self.headers), self.header_row + self.header_rows - 1, []
        for number, cells in enumerate(itertools.islice(iter(self.source), first, None), first + 1):
            if len(cells) != width:
                cells = (cells + [""] * width)[:width]
            reason = not_a_material(cells, self)
            if reason and not any(cells):
                blanks.append((number, cells, reason))  # reported only if a filled row follows
                continue
            yield from blanks
            blanks.clear()
            yield number, cells, reason

    def head(self, count: int) -> list[tuple[int, list[str]]]:
        """The first ``count`` rows that may be materials, with their row numbers (the window's preview)."""
        return list(itertools.islice(((n, c) for n, c, why in self.scan() if not why), count))

    @property
    def size(self) -> int:
        """How many rows lie below the column names (for progress)."""
        return max(0, self.source.count - self.header_row - self.header_rows + 1)

    @property
    def rows(self) -> list[list[str]]:
        return [cells for _n, cells, why in self.scan() if not why]

    @property
    def numbers(self) -> list[int]:
        return [number for number, _c, why in self.scan() if not why]

    @property
    def skipped(self) -> list[tuple[int, str]]:
        return [(number, why) for number, _c, why in self.scan() if why]


def normal(text: str) -> str:
    """A column name as compared: one space between words (Excel's line breaks too), no case, no ':' or '*'."""
    return " ".join(text.split()).casefold().rstrip(":*： ")


def lay_out(sheet: Sheet, known: set[str], header_row: int | None = None) -> Table:
    """The sheet as a table: its column names (found, or the ``header_row`` the clerk chose; 1-based)
    and the rows below them; ``known`` holds the normal() names we recognise. Only the first rows are
    read here (and the rows up to the first material)."""
    head = sheet.rows.head(max(HEADER_SEARCH_ROWS, header_row or 0) + 1)
    if not any(map(any, head)) and not any(map(any, sheet.rows)):
        raise UserError(tr("The sheet “{sheet}” is empty.", sheet=sheet.name))
    top = _chosen_row(head, header_row, sheet.rows.count) if header_row else find_header_row(head, known)
    width = max(sheet.rows.width, max(map(len, head)))
    headers, used = _headers(head, top, width, known)
    table = Table(headers, sheet.rows, top + 1, used, _sequence_column(headers), sheet.name, sheet.names)
    if not table.head(1):
        raise UserError(tr("The sheet “{sheet}” has column names on row {row} but no materials below them: "
                           "nothing to import.", sheet=sheet.name, row=top + 1))
    return table


def _chosen_row(rows: list[list[str]], header_row: int, count: int) -> int:
    if not 1 <= header_row <= min(len(rows), count) or not any(rows[header_row - 1]):
        raise UserError(tr("Row {row} holds no column names; choose the row with the column names.",
                           row=header_row))
    return header_row - 1


def find_header_row(rows: list[list[str]], known: set[str]) -> int:
    """The index of the row among the first ones holding the most column names we know; without any,
    the first row filled at least half as wide as the widest (a title row fills one merged cell)."""
    first = rows[:HEADER_SEARCH_ROWS]
    scores = [sum(normal(c) in known or normal(c) in SEQUENCE_NAMES for c in row if c) for row in first]
    best = max(range(len(first)), key=lambda i: (scores[i], -i))
    if scores[best]:
        return best
    filled = [sum(1 for c in row if c) for row in first]
    return next(i for i, n in enumerate(filled) if n >= max(1, max(filled) / 2))


def _headers(rows, top: int, width: int, known: set[str]) -> tuple[list[str], int]:
    """The column names from row ``top``, joined with the row below when that row continues them."""
    upper = (rows[top] + [""] * width)[:width]
    lower = (rows[top + 1] + [""] * width)[:width] if top + 1 < len(rows) else []
    if not _continues(upper, lower, known):
        return upper, 1
    names, group = [], ""
    for above, below in zip(upper, lower):
        group = above or group
        joined = f"{group} {below}".strip()
        names.append(below if below and normal(below) in known and normal(joined) not in known
                     else joined if below else above)
    return names, 2


def _continues(upper: list[str], lower: list[str], known: set[str]) -> bool:
    """A row of data fills columns that have names; a second row of names fills only columns without
    a name above (under a merged group) or holds names we know."""
    filled = [(above, below) for above, below in zip(upper, lower) if below]
    return bool(filled) and all(not above or normal(below) in known for above, below in filled) \
        and any(not above or normal(below) in known for above, below in filled)


def _sequence_column(headers: list[str]) -> int | None:
    return next((i for i, name in enumerate(headers) if normal(name) in SEQUENCE_NAMES), None)


def not_a_material(cells: list[str], table: Table) -> str:
    """Why this row is not a material ("" when it may be one)."""
    sequence = table.sequence_column  # its number is no content; a note written across it is
    texts = [c for i, c in enumerate(cells) if c and not (i == sequence and _numeric(c))]
    if not texts:
        return _("a numbered row with nothing in it") if any(cells) else _("a blank row")
    if cells == table.headers:
        return _("the column names repeated")
    if TOTALS.match(to_arabic_digits(texts[0])) and all(_numeric(t) for t in texts[1:]):
        return _("a totals row")
    if len(texts) <= 2 and NOTE.match(texts[0]):
        return _("a note")
    if len(texts) <= 3 and any(SIGNATURE.search(t) for t in texts):
        return _("a signature line")
    return ""


def _numeric(text: str) -> bool:
    return to_arabic_digits(text).replace(",", "").replace(".", "", 1).strip().isdigit()
