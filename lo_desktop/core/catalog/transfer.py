"""Import a register into the catalog: read the sheet, map its columns, check every row, write them.

Reading is register_files (formats) and register_layout (where the column names are, which rows are
materials); cells are read by register_cells; export is transfer_export. Import checks every row first
and then writes all rows in one transaction (or only the good ones when asked): a bad file never
leaves half an import behind. Neither step holds the rows as Python objects: the check keeps the
problems, the skipped rows and the codes; the write reads the sheet again, a stage of rows at a time (bulk_insert).
"""
from __future__ import annotations

import functools
import itertools
import operator
from dataclasses import dataclass, field
from pathlib import Path

from lo_desktop.core.catalog.bulk_insert import insert_many
from lo_desktop.core.catalog.materials import DEFAULT_CODE_PATTERN, all_codes, next_codes, now, validate_fields
from lo_desktop.core.catalog.register_cells import COLUMNS, TEXT_FIELDS, field_values, material_from  # noqa: F401
from lo_desktop.core.catalog.register_files import Sheet, decode_csv, read_sheets, refuse_zip_bomb  # noqa: F401
from lo_desktop.core.catalog.register_layout import HEADER_SEARCH_ROWS, SEQUENCE_NAMES, Table, find_header_row, lay_out, normal
from lo_desktop.core.catalog.search import search_text
from lo_desktop.core.catalog.transfer_export import export_cells, export_materials, neutralise, tick, unneutralise  # noqa: F401
from lo_desktop.core import cycles
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Progress
from lo_desktop.core.records import MATERIAL_FIELDS, Material, new_uids
from lo_desktop.core.thaidate import fiscal_year
from lo_desktop.i18n import _, catalog, tr

SYNONYMS = {
    "ชื่อ": "title", "ชื่อเอกสาร": "title", "ชื่อสื่อ": "title", "ชื่อเรื่อง": "title", "name": "title",
    "ชื่อหนังสือ": "title", "รายการ": "title", "รายการสื่อ": "title", "ชื่อคู่มือ": "title",
    "รหัสสื่อ": "code", "เลขที่": "code", "เลขทะเบียน": "code", "id": "code", "ประเภทสื่อ": "kind",
    "ประเภท": "kind", "ปี": "year", "ปี พ.ศ.": "year", "พ.ศ.": "year", "ปีที่จัดทำ": "year", "ปีที่พิมพ์": "year",
    "ผู้จัดทำ": "author", "หน่วยงาน": "author", "หน่วยงานที่จัดทำ": "author", "ผู้แต่ง": "author",
    "ที่เก็บ": "location", "ชั้นวาง": "location", "สถานที่เก็บ": "location", "ที่จัดเก็บ": "location",
    "จำนวน": "copies", "จำนวน (เล่ม)": "copies", "จำนวนเล่ม": "copies", "จำนวน(เล่ม)": "copies",
    "ลิงก์": "link", "url": "link", "สรุป": "summary", "เรื่อง": "topic", "คำสำคัญ": "tags",
    "วันที่รับ": "received_on", "date": "received_on", "แหล่งความรู้": "source", "รูปแบบ": "format",
}


class CheckedRows:
    """The good rows of a checked table, (row number, material) each, made again from the sheet each
    time they are walked: 100,000 materials held between the check and the write took 200 MB. The
    check notes the rows left out (not materials, or with a problem), the last row it read, the list's
    own codes (case-folded) and how many rows have none (for numbering)."""

    def __init__(self, table: Table, items: list[tuple[int, str]]):
        self.table, self.items, self.left_out, self.last = table, items, set(), 0
        self.count, self.blank_codes, self.codes = 0, 0, set()

    def note(self, number: int, material: Material | None) -> None:
        self.last = number
        if material is None:
            self.left_out.add(number)
        elif material.code:
            self.codes.add(material.code.casefold())
        else:
            self.blank_codes += 1
        self.count += material is not None

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        """The rows the check found good, read again without judging them again (only the cells of
        the mapped columns are taken)."""
        first, text = self.table.header_row + self.table.header_rows - 1, self.table.source.text
        items, width = self.items, max(i for i, _name in self.items) + 1
        for number, row in enumerate(itertools.islice(self.table.source.raw(), first, self.last), first + 1):
            if number in self.left_out:
                continue
            if len(row) < width:
                row = list(row) + [""] * (width - len(row))
            cells = {name: v.strip() if (v := row[i]).__class__ is str else text(v) for i, name in items}
            yield number, material_from({name: unneutralise(v) if v[:1] == "'" else v for name, v in cells.items()})


@dataclass
class ImportCheck:
    # (row number, material): a list when made in code; a file's good rows as CheckedRows
    good: list[tuple[int, Material]] | CheckedRows = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # rows that are not materials, and why
    header_row: int = 1  # where the column names were found (or chosen)
    sheet: str = ""

    def own_codes(self) -> tuple[set[str], int]:
        """The good rows' own codes (case-folded) and how many rows have none."""
        if isinstance(self.good, CheckedRows):
            return self.good.codes, self.good.blank_codes
        return {m.code.casefold() for _n, m in self.good if m.code}, sum(1 for _n, m in self.good if not m.code)


# ---------------------------------------------------------------- reading

@cycles.paused
def read_table(path: str | Path, sheet: str | None = None, header_row: int | None = None) -> Table:
    """The register in the file: the sheet named or numbered (1-based) by ``sheet``, else the first that
    looks like a register; its column names on ``header_row`` (1-based), else where they are found."""
    return lay_out(pick_sheet(Path(path), sheet), known_names(), header_row)


def pick_sheet(path: Path, wanted: str | None = None) -> Sheet:
    first = None
    for number, candidate in enumerate(read_sheets(path), 1):
        if wanted is not None:
            if str(wanted).strip().casefold() in (candidate.name.casefold(), str(number)):
                return candidate
            continue
        if looks_like_register(candidate):
            return candidate
        first = first or (candidate if any(map(any, candidate.rows.head(HEADER_SEARCH_ROWS))) else None)
    if wanted is not None:
        raise UserError(tr("“{name}” has no sheet “{sheet}”.", name=path.name, sheet=wanted))
    if first is None:
        raise UserError(tr("“{name}” is empty.", name=path.name))
    return first


def looks_like_register(sheet: Sheet) -> bool:
    """A title column among the names found, or at least two names we know."""
    head = sheet.rows.head(HEADER_SEARCH_ROWS)
    if not any(map(any, head)):
        return False
    names = header_names()
    row = head[find_header_row(head, set(names))]
    fields = [names.get(normal(cell)) for cell in row if cell]
    return "title" in fields or len([f for f in fields if f]) >= 2


# ---------------------------------------------------------------- mapping and checking

@functools.cache
def header_names() -> dict[str, str]:
    """Every column name we recognise (English, Thai, synonyms; as normal() makes them) → field.
    Both languages are always known, so the answer is the same whatever language the window speaks."""
    thai = catalog("th")
    names = {normal(k): v for k, v in SYNONYMS.items()}
    for name, english in COLUMNS.items():
        for text in (name, english, thai.get(english, "")):
            if text:
                names[normal(text)] = name
    return names


def known_names() -> set[str]:
    return set(header_names()) | SEQUENCE_NAMES


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index → field, for every header we recognise (each field taken once; a sequence column
    such as ลำดับที่ is never a field)."""
    names, mapping = header_names(), {}
    for index, header in enumerate(headers):
        name = names.get(normal(header))
        if name and name not in mapping.values():
            mapping[index] = name
    return mapping


def mapping_by_names(headers: list[str], chosen: dict[str, str], base: dict[int, str] | None = None) -> dict[int, str]:
    """``base`` (column → field) with the clerk's choices by column name ("หัวคอลัมน์" → field, where a
    field is its code name or its Thai or English label; "-" leaves the column out) put over it."""
    mapping, names = dict(base or {}), header_names()
    columns = {normal(h): i for i, h in reversed(list(enumerate(headers)))}
    for header, wanted in chosen.items():
        if normal(header) not in columns:
            raise UserError(tr("There is no column “{column}”; the columns are: {columns}.",
                               column=header, columns=", ".join(h for h in headers if h)))
        index = columns[normal(header)]
        name = None if wanted.strip() in ("", "-") else (wanted.strip() if wanted.strip() in COLUMNS
                                                          else names.get(normal(wanted)))
        if wanted.strip() not in ("", "-") and name is None:
            raise UserError(tr("“{field}” is not a field; choose one of: {fields}.", field=wanted,
                               fields=", ".join(COLUMNS)))
        mapping = {i: f for i, f in mapping.items() if i != index and f != name}
        if name:
            mapping[index] = name
    return mapping


@cycles.paused
def check_rows(db, table: Table, mapping: dict[int, str], progress: Progress | None = None) -> ImportCheck:
    """Check every row once; keep the problems, the skipped rows and what numbering needs, not the materials."""
    if "title" not in mapping.values():
        raise UserError(_("No column holds the title. Choose which column is the title."))
    items = list(mapping.items())
    good = CheckedRows(table, items)
    check = ImportCheck(good, header_row=table.header_row, sheet=table.sheet)
    taken, total = all_codes(db), table.size
    for offset, (number, cells, why) in enumerate(table.scan()):
        tick(progress, offset + 1, total)
        material, problem = (None, "") if why else _material_from_cells(cells, items, taken)
        if why:
            check.skipped.append((number, why))
        elif problem:
            check.problems.append((number, problem))
        elif material.code:
            taken.add(material.code.casefold())
        good.note(number, material)
    return check


def _values(cells: list[str], items) -> dict[str, str]:
    return {name: unneutralise(cells[i]) if cells[i][:1] == "'" else cells[i] for i, name in items}


def _material_from_cells(cells, items, taken) -> tuple[Material | None, str]:
    try:
        material = material_from(_values(cells, items))
    except UserError as exc:
        return None, str(exc)
    if material.code and material.code.casefold() in taken:
        return None, tr("The code {code} is already used by another material.", code=material.code)
    problems = validate_fields(material)  # the code was checked against ``taken`` above
    return (None, " ".join(problems.values())) if problems else (material, "")


# ---------------------------------------------------------------- writing

@cycles.paused
def import_rows(db, check: ImportCheck, skip_invalid: bool = False, pattern: str = DEFAULT_CODE_PATTERN,
                progress: Progress | None = None) -> int:
    """Write the checked rows in one transaction; nothing is written if any row is bad (unless skipping).

    The rows are made again from the sheet and written as they come (a file's materials are never all
    in memory); the blank codes are numbered first, knowing every code the list brings itself."""
    if check.problems and not skip_invalid:
        raise UserError(tr("{count} rows have problems; nothing was imported.", count=len(check.problems)))
    own_codes, blanks = check.own_codes()
    codes = iter(next_codes(db, pattern, blanks, own_codes))
    stamp, expected = now(), len(check.good)
    uids = iter(new_uids(expected))
    rows = (_new_row(m, codes, uids, stamp) for _n, m in check.good)
    written = insert_many(db, IMPORTED_COLUMNS, rows, progress, expected)
    if written != expected:  # the rows are read again from the sheet in memory: a guard, not a case
        raise UserError(_("The rows read for writing were not the rows checked; nothing was imported. "
                          "Import the file again."))
    return written


IMPORTED_COLUMNS = tuple(name for name in MATERIAL_FIELDS if name not in ("id", "deleted_at")) + ("search_text",)
_imported_values = operator.itemgetter(*IMPORTED_COLUMNS)


def _new_row(m: Material, codes, uids, stamp: str) -> tuple:
    """The material's values in IMPORTED_COLUMNS order (the material is completed on the way)."""
    m.code = m.code or next(codes)
    m.uid = m.uid or next(uids)
    m.fiscal_year = fiscal_year(m.received_on) if m.received_on else None
    m.created_at = m.updated_at = stamp
    row = vars(m).copy()  # what Material.to_row gives, without a call per field (100,000 rows)
    row["received_on"] = m.received_on.isoformat() if m.received_on else None
    row["search_text"] = search_text(row)
    return _imported_values(row)
