"""Read a register file, whatever a district PC saved it as, into the plain text of one sheet's cells.

Workbooks (.xlsx, .xlsm, .xls, .ods) are read by python-calamine (a Rust reader: no XML entity
expansion, a fraction of openpyxl's time and memory); .xlsx and .ods are zips, so their unpacked size
is checked first. Text files are CSV or tab-separated in UTF-8 (with or without BOM), Windows Thai
(cp874) or the UTF-16 "Unicode text" Excel saves. Every cell becomes text the way the clerk sees it:
dates as ISO dates, whole numbers without ".0". Row numbers stay the sheet's own (1 = the first row).
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import tr

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_FILES = (".csv", ".txt", ".tsv")
MAX_FILE_BYTES = dict.fromkeys(TEXT_FILES, 250 * 1024 * 1024) | dict.fromkeys(WORKBOOKS, 50 * 1024 * 1024)
MAX_XLSX_UNPACKED = 300 * 1024 * 1024
MAX_XLSX_RATIO = 200
SNIFF_LINES = 30


@dataclass
class Sheet:
    name: str
    rows: list[list[str]]  # rows[i] is the sheet's row i + 1
    names: list[str] = field(default_factory=list)  # every sheet of the file, in order


def check_file(path: Path) -> str:
    """The file's suffix once it is known to exist, to be of a kind we read and of a sane size."""
    if not path.is_file():
        raise UserError(tr("The file “{path}” does not exist.", path=path))
    suffix = path.suffix.lower()
    if suffix not in MAX_FILE_BYTES:
        raise UserError(tr("“{name}” is not a register file we can read (Excel .xlsx or .xls, "
                           "LibreOffice .ods, CSV or Unicode text).", name=path.name))
    if path.stat().st_size > MAX_FILE_BYTES[suffix]:
        raise UserError(tr("“{name}” is larger than {size} MB; split it into smaller files.",
                           name=path.name, size=MAX_FILE_BYTES[suffix] // (1024 * 1024)))
    return suffix


def sheet_names(path: Path) -> list[str]:
    """The names of the file's sheets (a text file has one, named after the file)."""
    if check_file(path) in TEXT_FILES:
        return [path.stem]
    with _workbook(path) as book:
        return _visible_sheets(book)


def read_sheets(path: Path):
    """Each sheet of the file in turn (read only when asked for: the first register-like one is enough)."""
    if check_file(path) in TEXT_FILES:
        yield Sheet(path.stem, _read_text(path), [path.stem])
        return
    with _workbook(path) as book:
        names = _visible_sheets(book)
        for name in names:
            yield Sheet(name, _damaged_guard(path, lambda: _sheet_rows(book, name)), names)


class _workbook:
    """python-calamine's workbook, opened with the guards and closed afterwards."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        if self.path.suffix.lower() != ".xls":
            refuse_zip_bomb(self.path)
        from python_calamine import CalamineWorkbook

        self.book = _damaged_guard(self.path, lambda: CalamineWorkbook.from_path(str(self.path)))
        return self.book

    def __exit__(self, *exc) -> None:
        self.book.close()


def _damaged_guard(path: Path, read):
    try:
        return read()
    except UserError:
        raise
    except Exception as exc:  # calamine raises its own kinds, and OSError, for a damaged file
        raise UserError(tr("“{name}” is damaged or is not a real spreadsheet ({reason}).",
                           name=path.name, reason=type(exc).__name__)) from exc


def _visible_sheets(book) -> list[str]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    names = [m.name for m in book.sheets_metadata
             if m.visible == SheetVisibleEnum.Visible and m.typ == SheetTypeEnum.WorkSheet]
    return names or list(book.sheet_names)


def _sheet_rows(book, name: str) -> list[list[str]]:
    # iter_rows yields the rows from the sheet's first row (columns from the first used one), so a
    # row's place in the list is its row number - 1.
    # Most cells are text: the comprehension handles them without a call (1.7 million cells per 100,000 rows).
    return [[v.strip() if v.__class__ is str else _cell_text(v) for v in row]
            for row in book.get_sheet_by_name(name).iter_rows()]


def refuse_zip_bomb(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(tr("“{name}” is damaged or is not a real spreadsheet ({reason}).",
                           name=path.name, reason=type(exc).__name__)) from exc
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_XLSX_UNPACKED or unpacked / packed > MAX_XLSX_RATIO:
        raise UserError(tr("“{name}” unpacks to an unreasonable size and was refused.", name=path.name))


def _cell_text(value) -> str:
    if value.__class__ is str:
        return value.strip()
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return ""  # a ticked box says nothing about a material
    return str(value).strip()


# ---------------------------------------------------------------- text files

def _read_text(path: Path) -> list[list[str]]:
    text = decode_csv(path.read_bytes()).replace("\x00", "")
    try:
        rows = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
        return [[cell.strip() for cell in row] for row in rows]
    except csv.Error as exc:
        raise UserError(tr("“{name}” is damaged or is not a real CSV file ({reason}).",
                           name=path.name, reason=exc)) from exc


def _delimiter(text: str) -> str:
    """The separator the file uses most on one of its first lines (title rows above the column names
    hold none; Excel writes ; or tab in some locales and tab for "Unicode text")."""
    lines = text.split("\n", SNIFF_LINES)[:SNIFF_LINES]
    return max(",;\t", key=lambda sep: max(line.count(sep) for line in lines))


def decode_csv(data: bytes) -> str:
    """UTF-16 (Excel's "Unicode text"), UTF-8 with or without BOM, else Windows Thai (cp874)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if _looks_utf16le(data):
        return data.decode("utf-16-le", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp874", errors="replace")


def _looks_utf16le(data: bytes) -> bool:
    """UTF-16 without its BOM: every second byte of Latin or Thai (U+0E..) text is 0x00 or 0x0E."""
    sample = data[1:2000:2]
    return len(sample) > 8 and sum(b in (0, 0x0E) for b in sample) > 0.9 * len(sample)
