"""Where a register's column names are and which of its rows are materials.

District offices keep registers for people, not programs: a title row (often merged) and a blank row
above the column names, names split over two rows (a group such as การจัดเก็บ over ชั้นวาง and จำนวน), a
sequence column (ลำดับที่), pre-numbered empty rows, a totals row, notes and signature lines at the end.
The column names are the row among the first ones that holds the most names we know; a row below it
that only adds names (under an empty or group cell) is the second half of the names. Rows that are not
materials are skipped with the reason, never imported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lo_desktop.core.catalog.register_files import Sheet
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
    headers: list[str]
    rows: list[list[str]]  # the rows that may be materials, each as wide as the headers
    numbers: list[int] = field(default_factory=list)  # the sheet's row number of each row
    header_row: int = 1  # the sheet's row the column names were taken from
    header_rows: int = 1  # 2 when the names are split over two rows
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row number, why it is not a material)
    sequence_column: int | None = None
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)

    def __post_init__(self):
        if not self.numbers:  # a table made in code: the names on row 1, the rows below
            self.numbers = list(range(self.header_row + 1, self.header_row + 1 + len(self.rows)))


def normal(text: str) -> str:
    """A column name as compared: one space between words (Excel's line breaks too), no case, no ':' or '*'."""
    return " ".join(text.split()).casefold().rstrip(":*： ")


def lay_out(sheet: Sheet, known: set[str], header_row: int | None = None) -> Table:
    """The sheet as a table: its column names (found, or the ``header_row`` the clerk chose; 1-based)
    and the rows below them that may be materials; ``known`` holds the normal() names we recognise."""
    rows, end = sheet.rows, len(sheet.rows)
    while end and not any(rows[end - 1]):  # Excel keeps formatted empty rows below the register
        end -= 1
    if not end:
        raise UserError(tr("The sheet “{sheet}” is empty.", sheet=sheet.name))
    top = _chosen_row(rows[:end], header_row) if header_row else find_header_row(rows, known)
    width = max(map(len, rows))
    headers, used = _headers(rows, top, width, known)
    table = Table(headers, [], [], top + 1, used, [], _sequence_column(headers), sheet.name, sheet.names)
    for index in range(top + used, end):
        cells = (rows[index] + [""] * width)[:width] if len(rows[index]) != width else rows[index]
        reason = not_a_material(cells, table)
        if reason:
            table.skipped.append((index + 1, reason))
        else:
            table.rows.append(cells)
            table.numbers.append(index + 1)
    if not table.rows:
        raise UserError(tr("The sheet “{sheet}” has column names on row {row} but no materials below them: "
                           "nothing to import.", sheet=sheet.name, row=top + 1))
    return table


def _chosen_row(rows: list[list[str]], header_row: int) -> int:
    if not 1 <= header_row <= len(rows) or not any(rows[header_row - 1]):
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
