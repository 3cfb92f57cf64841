"""The register of the corner's materials (ทะเบียนสื่อในมุมความรู้): one table, optionally with small QRs.

It lists every live material or those a search and its filters found, in code order, on landscape A4
so the title column has room. Rows are written as they are read, reporting progress, so the clerk can
cancel a very long register.
"""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from PIL import Image

from lo_desktop.core.progress import report
from lo_desktop.core.catalog.search import Query, count, search
from lo_desktop.labels import qr
from lo_desktop.labels.payload import payload_for
from lo_desktop.core.thaidate import format_date
from lo_desktop.core.vocab import word
from lo_desktop.reports.docx_base import Builder, Verbatim, set_widths, thai

BATCH = 500
QR_CM = 1.6
REGISTER_PT = 12  # a register is looked up, not read: 12 pt keeps most rows to one or two lines
COLUMNS = ("No.", "Code", "Title", "Kind", "Format", "Source", "Stored at", "Year (BE)")
# 24.7 cm: landscape A4 less the 3 cm and 2 cm margins; the title takes what the short columns leave.
# The knowledge source gets room for its longest words ("การแลกเปลี่ยนเรียนรู้", "การจัดการความรู้ (KM)"):
# at 1.9 cm they stood three or four lines high beside one-line titles.
WIDTHS = [1.1, 2.2, 9.7, 2.6, 2.4, 3.0, 2.2, 1.5]
WIDTHS_QR = [1.1, 2.2, 8.3, 2.5, 2.2, 2.8, 2.0, 1.5, 2.1]  # the QR: 1.6 cm and the cell margins


def build_catalog_register(db, settings, out: str | Path, query: Query | None = None,
                           with_qr: bool = False, progress=None) -> Path:
    query = query or Query()
    builder = Builder(settings, landscape=True)
    total = count(db, query)
    _title(builder, total)
    table = builder.table([thai(c) for c in COLUMNS] + ([thai("QR code")] if with_qr else []), [],
                          WIDTHS_QR if with_qr else WIDTHS, size=REGISTER_PT)
    for start in range(0, max(total, 1), BATCH):
        for index, material in enumerate(search(db, query, limit=BATCH, offset=start), start + 1):
            _row(builder, table, index, material, settings, with_qr)
        report(progress, min(start + BATCH, total), total, thai("Writing the register…"))
    set_widths(table, WIDTHS_QR if with_qr else WIDTHS)
    builder.page_numbers()
    return builder.save(out)


def _title(builder: Builder, total: int) -> None:
    builder.paragraph(thai("Register of materials in the learning corner"), style="Title")
    builder.paragraph(builder.settings.agency_name, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    as_of = format_date(date.today(), lang="th")
    builder.paragraph(thai("{count} items as of {date}", count=f"{total:,}", date=as_of),
                      align=WD_ALIGN_PARAGRAPH.CENTER)
    builder.paragraph("")


def _row(builder: Builder, table, index: int, material, settings, with_qr: bool) -> None:
    values = [index, Verbatim(material.code), _title_text(material), _label("kind", material.kind),
              _label("format", material.format), _label("source", material.source),
              material.location, material.year or ""]
    cells = builder.row(table, values, REGISTER_PT)
    cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if with_qr:
        _qr(builder, cells[-1], payload_for(material, settings))


def _title_text(material) -> str:
    """The title alone: the author (often the section that wrote it) is in the catalog, and a second
    line on every row halves the materials a page holds."""
    return material.title


def _label(field: str, key: str) -> str:
    return word(field, key, "th")


def qr_png(payload: str, module_px: int = 4) -> bytes:
    """The labels' code (labels/qr.py) with its 4-module quiet zone: scans from a printed page at arm's length."""
    matrix = qr.matrix(payload, quiet=qr.QUIET_MODULES)
    image = Image.new("1", (len(matrix), len(matrix)), 1)
    image.putdata([0 if dark == "1" else 1 for row in matrix for dark in row])
    image = image.resize((image.width * module_px, image.height * module_px), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _qr(builder: Builder, cell, payload: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    builder.picture(paragraph, qr_png(payload), width=Cm(QR_CM))
