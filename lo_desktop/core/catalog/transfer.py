"""Import and export the catalog as CSV and Excel, the way clerks keep their lists.

Import reads the whole file, checks every row first and then writes all rows in one transaction (or
only the good ones when asked): a bad file never leaves half an import behind. Export writes UTF-8
with BOM (so Excel shows Thai) or XLSX, and neutralises cells a spreadsheet would run as formulas.
"""
from __future__ import annotations

import csv
import functools
import gc
import io
import operator
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lo_desktop.core.atomic import write_atomically
from lo_desktop.core.catalog.materials import (DEFAULT_CODE_PATTERN, all_codes, insert_many, next_codes, now, validate_fields)
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.records import MATERIAL_FIELDS, Material, new_uids
from lo_desktop.core.catalog.search import Query, search, search_text
from lo_desktop.core.thaidate import fiscal_year, format_date, parse_date, parse_year
from lo_desktop.core.vocab import key_for, word
from lo_desktop.i18n import _, catalog, tr

COLUMNS = {
    "code": "Code", "title": "Title", "kind": "Kind", "format": "Format", "source": "Knowledge source",
    "topic": "Topic", "tags": "Tags", "author": "Author / unit", "year": "Year (BE)", "summary": "Summary",
    "location": "Shelf location", "copies": "Copies", "link": "Digital link", "status": "Status",
    "received_on": "Received on", "origin": "Origin",
}
SYNONYMS = {
    "ชื่อ": "title", "ชื่อเอกสาร": "title", "ชื่อสื่อ": "title", "ชื่อเรื่อง": "title", "name": "title",
    "รหัสสื่อ": "code", "เลขที่": "code", "id": "code", "ประเภทสื่อ": "kind", "ปี": "year", "ปี พ.ศ.": "year",
    "พ.ศ.": "year", "ผู้จัดทำ": "author", "หน่วยงาน": "author", "ที่เก็บ": "location", "ชั้นวาง": "location",
    "จำนวน": "copies", "ลิงก์": "link", "url": "link", "สรุป": "summary", "เรื่อง": "topic",
    "คำสำคัญ": "tags", "วันที่รับ": "received_on", "date": "received_on", "แหล่งความรู้": "source",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_FILE_BYTES = {".csv": 250 * 1024 * 1024, ".txt": 250 * 1024 * 1024, ".xlsx": 50 * 1024 * 1024,
                  ".xlsm": 50 * 1024 * 1024}
MAX_XLSX_UNPACKED = 300 * 1024 * 1024
MAX_XLSX_RATIO = 200


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]  # row i is spreadsheet row i + 2 (row 1 holds the headers)


@dataclass
class ImportCheck:
    good: list[tuple[int, Material]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def _cycle_collector_paused(function):
    """Run ``function`` with Python's cycle collector paused (reference counting still frees memory).

    Reading, checking and writing a list build ~100,000 records and hold a file's 1.5 million cells, none
    of them in reference cycles; the collector walked them all again and again: 1.3 s of 3.4 s of CPU
    for checking and preparing 100,000 rows.
    """
    @functools.wraps(function)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return paused


# ---------------------------------------------------------------- reading

@_cycle_collector_paused
def read_table(path: str | Path) -> Table:
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("The file “{path}” does not exist.", path=path))
    suffix = path.suffix.lower()
    if path.stat().st_size > MAX_FILE_BYTES.get(suffix, 0) > 0:
        raise UserError(tr("“{name}” is larger than {size} MB; split it into smaller files.",
                           name=path.name, size=MAX_FILE_BYTES[suffix] // (1024 * 1024)))
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise UserError(tr("“{name}” is neither a CSV nor an Excel (.xlsx) file.", name=path.name))


def _read_csv(path: Path) -> Table:
    text = decode_csv(path.read_bytes())
    try:
        rows = list(csv.reader(io.StringIO(text.replace("\x00", "")), delimiter=_delimiter(text)))
    except csv.Error as exc:
        raise UserError(tr("“{name}” is damaged or is not a real CSV file ({reason}).",
                           name=path.name, reason=exc)) from exc
    return _table(rows, path)


def _delimiter(text: str) -> str:
    """The separator of the header line (Excel writes ; or tab in some locales); quotes are always "."""
    header = text.split("\n", 1)[0]
    return max(",;\t", key=header.count)


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows Thai (cp874), which Excel writes on a Thai PC."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp874", errors="replace")


def _read_xlsx(path: Path) -> Table:
    refuse_zip_bomb(path)
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(tr("“{name}” is damaged or is not a real Excel file ({reason}).",
                           name=path.name, reason=type(exc).__name__)) from exc
    return _table(rows, path)


def refuse_zip_bomb(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(tr("“{name}” is damaged or is not a real Excel file ({reason}).",
                           name=path.name, reason=type(exc).__name__)) from exc
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_XLSX_UNPACKED or unpacked / packed > MAX_XLSX_RATIO:
        raise UserError(tr("“{name}” unpacks to an unreasonable size and was refused.", name=path.name))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(rows: list[list[str]], path: Path) -> Table:
    rows = [[c.strip() for c in row] for row in rows]
    while rows and not any(rows[0]):
        rows.pop(0)
    if not rows:
        raise UserError(tr("“{name}” is empty.", name=path.name))
    width = len(rows[0])
    body = [(row + [""] * width)[:width] for row in rows[1:]]
    if not any(any(row) for row in body):
        raise UserError(tr("“{name}” has column headers but no rows below them: nothing to import.",
                           name=path.name))
    return Table(headers=rows[0], rows=body)


# ---------------------------------------------------------------- mapping and checking

def header_names() -> dict[str, str]:
    """Every header text we recognise (English, Thai, synonyms; case-folded) → field."""
    thai = catalog("th")
    names = {k.casefold(): v for k, v in SYNONYMS.items()}
    for name, english in COLUMNS.items():
        for text in (name, english, thai.get(english, ""), _(english)):
            if text:
                names[text.casefold()] = name
    return names


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field, for every header we recognise (each field taken once)."""
    names, mapping = header_names(), {}
    for index, header in enumerate(headers):
        name = names.get(header.strip().casefold())
        if name and name not in mapping.values():
            mapping[index] = name
    return mapping


@_cycle_collector_paused
def check_rows(db, table: Table, mapping: dict[int, str], progress: Progress | None = None) -> ImportCheck:
    if "title" not in mapping.values():
        raise UserError(_("No column holds the title. Choose which column is the title."))
    check, taken = ImportCheck(), all_codes(db)
    for offset, cells in enumerate(table.rows):
        number = offset + 2
        _tick(progress, offset + 1, len(table.rows))
        if not any(cells):
            continue
        material, problem = _material_from_cells(db, cells, mapping, taken)
        if problem:
            check.problems.append((number, problem))
        else:
            check.good.append((number, material))
            if material.code:
                taken.add(material.code.casefold())
    return check


def _material_from_cells(db, cells, mapping, taken) -> tuple[Material | None, str]:
    values = {name: _unneutralise(cells[i]) if cells[i][:1] == "'" else cells[i] for i, name in mapping.items()}
    try:
        material = _material(values)
    except UserError as exc:
        return None, str(exc)
    if material.code and material.code.casefold() in taken:
        return None, tr("The code {code} is already used by another material.", code=material.code)
    problems = validate_fields(material)  # the code was checked against ``taken`` above
    return (None, " ".join(problems.values())) if problems else (material, "")


TEXT_FIELDS = ("title", "code", "topic", "tags", "author", "summary", "location", "link", "origin")
DEFAULTS = Material()


def _material(values: dict[str, str]) -> Material:
    fields = {name: values.get(name, "") for name in TEXT_FIELDS}
    for name in ("kind", "format", "source", "status"):
        fields[name] = _vocabulary_key(name, values.get(name, "")) or getattr(DEFAULTS, name)
    if values.get("year"):
        fields["year"] = parse_year(values["year"])
    if values.get("received_on"):
        fields["received_on"] = parse_date(values["received_on"])
    if values.get("copies"):
        fields["copies"] = _copies(values["copies"])
    return Material(**fields)


def field_values(values: dict[str, str]) -> dict:
    """The given fields' texts as stored values, read by the same rules as an imported row (a kind as the
    clerk words it, a year in BE or Thai digits, a Thai date); an empty text clears a field."""
    fields = {name: text.strip() for name, text in values.items() if name in TEXT_FIELDS}
    for name in ("kind", "format", "source", "status"):
        if name in values:
            fields[name] = _vocabulary_key(name, values[name].strip()) or getattr(DEFAULTS, name)
    if "year" in values:
        fields["year"] = parse_year(values["year"]) if values["year"].strip() else None
    if "received_on" in values:
        fields["received_on"] = parse_date(values["received_on"]) if values["received_on"].strip() else None
    if "copies" in values:
        fields["copies"] = _copies(values["copies"]) if values["copies"].strip() else DEFAULTS.copies
    return fields


def _vocabulary_key(name: str, text: str) -> str | None:
    if not text:
        return None
    key = key_for(name, text)
    if key is None:
        raise UserError(tr("“{value}” is not a known {column}.", value=text, column=_(COLUMNS[name])))
    return key


def _copies(text: str) -> int:
    from lo_desktop.core.thaidate import to_arabic_digits

    digits = to_arabic_digits(text).strip()
    if not digits.isdigit():
        raise UserError(tr("The number of copies “{value}” is not a whole number.", value=text))
    return int(digits)


# ---------------------------------------------------------------- writing

@_cycle_collector_paused
def import_rows(db, check: ImportCheck, skip_invalid: bool = False, pattern: str = DEFAULT_CODE_PATTERN,
                progress: Progress | None = None) -> int:
    """Write the checked rows in one transaction; nothing is written if any row is bad (unless skipping)."""
    if check.problems and not skip_invalid:
        raise UserError(tr("{count} rows have problems; nothing was imported.", count=len(check.problems)))
    materials = [m for _, m in check.good]
    own_codes = {m.code.casefold() for m in materials if m.code}
    codes = iter(next_codes(db, pattern, sum(1 for m in materials if not m.code), own_codes))
    stamp, uids = now(), iter(new_uids(len(materials)))
    rows = [_new_row(m, codes, uids, stamp) for m in materials]
    insert_many(db, IMPORTED_COLUMNS, rows, progress)
    return len(rows)


IMPORTED_COLUMNS = tuple(name for name in MATERIAL_FIELDS if name not in ("id", "deleted_at")) + ("search_text",)
_imported_values = operator.itemgetter(*IMPORTED_COLUMNS)


def _new_row(m: Material, codes, uids, stamp: str) -> tuple:
    """The material's values in IMPORTED_COLUMNS order (the material is completed on the way)."""
    m.code = m.code or next(codes)
    m.uid = m.uid or next(uids)
    m.fiscal_year = fiscal_year(m.received_on) if m.received_on else None
    m.created_at = m.updated_at = stamp
    row = m.to_row()
    row["search_text"] = search_text(row)
    return _imported_values(row)


def export_materials(db, query: Query, path: str | Path, progress: Progress | None = None) -> int:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(tr("Export to a .csv or .xlsx file, not “{name}”.", name=path.name))
    materials = search(db, query)
    header = [_(english) for english in COLUMNS.values()]
    rows = [[neutralise(v) for v in export_cells(m)] for m in materials]
    writer = _write_xlsx if suffix == ".xlsx" else _write_csv
    write_atomically(path, lambda f: writer(f, header, rows, progress))
    return len(rows)


def export_cells(m: Material) -> list[str]:
    cells = {name: str(getattr(m, name) if getattr(m, name) is not None else "") for name in COLUMNS}
    for name in ("kind", "format", "source", "status"):
        cells[name] = word(name, getattr(m, name))
    cells["received_on"] = format_date(m.received_on, "numeric") if m.received_on else ""
    return [cells[name] for name in COLUMNS]


def neutralise(text: str) -> str:
    """A leading apostrophe keeps Excel and LibreOffice from running a cell as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def _write_csv(f, header, rows, progress) -> None:
    text = io.StringIO()
    out = csv.writer(text, lineterminator="\r\n")
    out.writerow(header)
    for done, row in enumerate(rows, 1):
        out.writerow(row)
        _tick(progress, done, len(rows))
    f.write(text.getvalue().encode("utf-8-sig"))


def _write_xlsx(f, header, rows, progress) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(_("Materials"))
    sheet.append(header)
    for done, row in enumerate(rows, 1):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # never a formula, whatever the text
            cells.append(cell)
        sheet.append(cells)
        _tick(progress, done, len(rows))
    book.save(f)


def _tick(progress, done: int, total: int) -> None:
    if done % 1000 == 0:
        report(progress, done, total)
