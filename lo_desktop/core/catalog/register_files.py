"""Read a register file, whatever a district PC saved it as, into the plain text of one sheet's cells.

Workbooks (.xlsx, .xlsm, .xls, .ods) are read by python-calamine (a Rust reader: no XML entity
expansion, a fraction of openpyxl's time and memory); .xlsx and .ods are zips, so their unpacked size
is checked first. Text files are CSV or tab-separated in UTF-8 (with or without BOM), Windows Thai
(cp874) or the UTF-16 "Unicode text" Excel saves. Every cell becomes text the way the clerk sees it:
dates as ISO dates, whole numbers without ".0". Row numbers stay the sheet's own (1 = the first row).

A sheet's rows are read as they are walked, every time they are walked: an import walks them twice
(check, then write) rather than holding 1.5 million cells as Python text (150 MB at 100,000 rows).
A workbook's sheet stays as calamine's compact cells; a text file as its decoded text.
"""
from __future__ import annotations

import csv
import itertools
import zipfile
from collections.abc import Iterator
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


class Rows:
    """A sheet's rows as lists of cell texts, first to last (the i-th is the sheet's row i + 1), made
    anew each time they are walked. ``width`` is the widest row's (a workbook's rows are all as wide).
    ``raw()`` walks the rows as the reader gives them, for ``text(cell)`` to be taken of a few cells only."""

    def __init__(self, raw, text, width: int, count: int):
        self.raw, self.text, self.width, self.count = raw, text, width, count

    def __iter__(self) -> Iterator[list[str]]:
        text = self.text
        # Most cells are text: the comprehension handles them without a call (1.7 million cells).
        return ([v.strip() if v.__class__ is str else text(v) for v in row] for row in self.raw())

    def head(self, count: int) -> list[list[str]]:
        return list(itertools.islice(iter(self), count))

    @classmethod
    def of(cls, rows: list[list[str]]) -> Rows:
        """Rows already in memory (tests, small tables made in code)."""
        return cls(lambda: iter(rows), str.strip, max(map(len, rows), default=0), len(rows))


@dataclass
class Sheet:
    name: str
    rows: Rows
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


def _sheet_rows(book, name: str) -> Rows:
    # iter_rows yields the rows from the sheet's first row (columns from the first used one), so a
    # row's place is its row number - 1. The sheet keeps its cells after the workbook is closed.
    sheet = book.get_sheet_by_name(name)
    return Rows(sheet.iter_rows, _cell_text, sheet.width, sheet.height)


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
    if value.__class__ is float and value.is_integer():
        return str(int(value))
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

def _read_text(path: Path) -> Rows:
    """The file's rows, parsed from its decoded text each time they are walked (parsed once here to
    refuse a damaged file at once and to know the widest row)."""
    text = decode_csv(path.read_bytes())
    if "\x00" in text:
        text = text.replace("\x00", "")
    delimiter = _delimiter(text)

    def walk():
        return csv.reader(_lines(text), delimiter=delimiter)
    try:
        widths = [len(row) for row in csv.reader(_lines(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise UserError(tr("“{name}” is damaged or is not a real CSV file ({reason}).",
                           name=path.name, reason=exc)) from exc
    return Rows(walk, str.strip, max(widths, default=0), len(widths))


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their ends, one at a time: io.StringIO would copy the whole text at four
    bytes a character (200 MB for a 70 MB Thai CSV file)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start) + 1 or size
        yield text[start:end]
        start = end


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
