"""No glyph of the text reaches into the QR's 4-module quiet zone: by geometry on every bundled sheet, and
by ink in a render of long, mark-heavy titles."""
from __future__ import annotations

import pytest

from labels_helpers import make_materials, render_pages
from lo_desktop.labels.geometry import cell_rect
from lo_desktop.labels.layout import TEXT_GAP_MM, plan
from lo_desktop.labels.render import Job, content_for, metrics, write_pdf
from lo_desktop.labels.sheets import builtin_sheets
from lo_desktop.settings import Settings

FIELDS = ["code", "title", "location", "agency"]


@pytest.mark.parametrize("sheet", builtin_sheets(), ids=lambda s: s.id)
def test_text_box_starts_after_the_quiet_zone(qapp, db, sheet):
    for material in make_materials(db, 4):
        texts = content_for(material, Settings()).texts
        layout = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, texts, metrics())
        if layout.text_box is None:
            continue
        qr, box = layout.qr, layout.text_box
        beside = box.x >= qr.right + TEXT_GAP_MM - 1e-9
        below = box.y >= qr.bottom + TEXT_GAP_MM - 1e-9
        assert beside or below, (sheet.id, qr, box)
        for line in layout.lines:
            assert line.x >= box.x - 1e-9 and line.top >= box.y - 1e-9


@pytest.mark.parametrize("sheet_id", ["avery-l7651", "avery-l7160", "avery-l7163"])
def test_no_ink_in_the_quiet_zone(qapp, db, tmp_path, sheet_id):
    from lo_desktop.labels import qr as qrcode
    from lo_desktop.labels.sheets import get_sheet

    sheet = get_sheet(db, sheet_id)
    from lo_desktop.core.catalog.materials import add_material
    from lo_desktop.core.records import Material

    # first glyphs whose ink overhangs their advance box: leading vowels, J, italic-like Thai tails
    starts = ["ไ", "โ", "ใ", "เ", "ฟ", "ป", "J", "ฎ", "ฏ", "ญ", "ฐ", "ฤ"]
    made = [add_material(db, Material(code=f"{s}J-{i:03d}", title=f"{s}ม้ำ {s}ปู่ " * 8,
                                      location=f"{s}ชั้น", link="")) for i, s in enumerate(starts)]
    contents = [content_for(m, Settings()) for m in make_materials(db, 4) + made]
    out = tmp_path / "q.pdf"
    write_pdf(out, Job(sheet, contents, FIELDS))
    dpi = 300
    page = render_pages(out, dpi)[0]
    scale = dpi / 25.4
    for cell, content in enumerate(contents[: sheet.per_page]):  # the first page's labels
        label = cell_rect(sheet, cell)
        square = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, content.texts, metrics()).qr
        count = len(qrcode.matrix(content.payload))
        quiet = qrcode.QUIET_MODULES * square.w / (count + 2 * qrcode.QUIET_MODULES)
        x0, y0 = (label.x + square.x) * scale, (label.y + square.y) * scale
        x1, y1 = x0 + square.w * scale, y0 + square.h * scale
        inner = (x0 + quiet * scale, y0 + quiet * scale, x1 - quiet * scale, y1 - quiet * scale)
        # one pixel's grace inward at both edges of the band (anti-aliasing of the outermost modules)
        band = page.crop((round(x0), round(y0), round(x1), round(y1))).load()
        w, h = round(x1) - round(x0), round(y1) - round(y0)
        dark = [(x, y) for y in range(h) for x in range(w)
                if band[x, y] < 128 and not (inner[0] - x0 - 1 <= x <= inner[2] - x0 + 1
                                             and inner[1] - y0 - 1 <= y <= inner[3] - y0 + 1)]
        assert not dark, (sheet_id, cell, dark[:5])
