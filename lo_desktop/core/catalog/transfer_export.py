"""Export the catalog as a CSV (UTF-8 with BOM, so Excel shows Thai) or an .xlsx file.

In a CSV, cells a spreadsheet would run as formulas are neutralised with a leading apostrophe (the import
takes it off again). The .xlsx is written directly as one sheet of inline text cells: every cell is text,
so none can become a formula and none needs the apostrophe (it would show: "-5", a phone "+66 2…"), and
100,000 rows take a few seconds instead of openpyxl's half a minute.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from lo_desktop.core.atomic import write_atomically
from lo_desktop.core.catalog.register_cells import COLUMNS, VOCABULARY_FIELDS
from lo_desktop.core.catalog.search import Query, search
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.records import Material
from lo_desktop.core.thaidate import format_date
from lo_desktop.core.vocab import word
from lo_desktop.i18n import _, tr

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # XML 1.0 cannot hold these
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
XML_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def export_materials(db, query: Query, path: str | Path, progress: Progress | None = None) -> int:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(tr("Export to a .csv or .xlsx file, not “{name}”.", name=path.name))
    materials = search(db, query)
    header = [_(english) for english in COLUMNS.values()]
    rows = [export_cells(m) for m in materials]
    writer = _write_xlsx if suffix == ".xlsx" else _write_csv
    write_atomically(path, lambda f: writer(f, header, rows, progress))
    return len(rows)


def export_cells(m: Material) -> list[str]:
    cells = {name: str(getattr(m, name) if getattr(m, name) is not None else "") for name in COLUMNS}
    for name in VOCABULARY_FIELDS:
        cells[name] = word(name, getattr(m, name))
    cells["received_on"] = format_date(m.received_on, "numeric") if m.received_on else ""
    return [cells[name] for name in COLUMNS]


def neutralise(text: str) -> str:
    """A leading apostrophe keeps Excel and LibreOffice from running a cell as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def _write_csv(f, header, rows, progress) -> None:
    text = io.StringIO()
    out = csv.writer(text, lineterminator="\r\n")
    out.writerow(header)
    for done, row in enumerate(rows, 1):
        out.writerow([neutralise(cell) for cell in row])
        tick(progress, done, len(rows))
    f.write(text.getvalue().encode("utf-8-sig"))


def _write_xlsx(f, header, rows, progress) -> None:
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", XML_START + CONTENT_TYPES)
        book.writestr("_rels/.rels", XML_START + _relationships(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"))
        book.writestr("xl/workbook.xml", XML_START + (
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
            f'<sheet name="{escape(_("Materials"))}" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        book.writestr("xl/_rels/workbook.xml.rels", XML_START + _relationships(
            f"{RELATIONSHIPS}/worksheet", "worksheets/sheet1.xml"))
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'{XML_START}<worksheet xmlns="{MAIN}"><sheetViews><sheetView workbookViewId="0">'
                        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                        '</sheetView></sheetViews><sheetData>'.encode())
            sheet.write(_row_xml(header).encode())
            for start in range(0, len(rows), 1000):
                sheet.write("".join(map(_row_xml, rows[start:start + 1000])).encode())
                report(progress, min(start + 1000, len(rows)), len(rows))
            sheet.write(b"</sheetData></worksheet>")


def _relationships(kind: str, target: str) -> str:
    return (f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{kind}" Target="{target}"/></Relationships>')


def _row_xml(cells: list[str]) -> str:
    return "<row>" + "".join(
        f'<c t="inlineStr"><is><t xml:space="preserve">{escape(NOT_IN_XML.sub("", text))}</t></is></c>'
        if text else "<c/>" for text in cells) + "</row>"


def tick(progress, done: int, total: int) -> None:
    if done % 1000 == 0:
        report(progress, done, total)
