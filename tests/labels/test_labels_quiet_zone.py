"""No glyph of the text reaches into the QR's 4-module quiet zone: by geometry on every bundled sheet, and
by ink in poppler's renders of titles whose first glyph draws left of its pen (ไ ใ โ, ป with a vowel
above) or whose marks stand high over the first line (ฟื้ ปี๊), beside the code and under it."""
from __future__ import annotations

import pytest

from labels_helpers import make_materials, qr_squares, render_poppler
from lo_desktop.core.records import Material
from lo_desktop.labels import qr
from lo_desktop.labels.geometry import cell_rect
from lo_desktop.labels.layout import TEXT_GAP_MM, WIDE, plan
from lo_desktop.labels.render import Job, content_for, metrics, write_pdf
from lo_desktop.labels.sheets import Sheet, builtin_sheets, get_sheet
from lo_desktop.settings import Settings

FIELDS = ["code", "title", "location", "agency"]
# first glyphs whose ink overhangs their pen or stands high: leading vowels, ป under a vowel, J, Thai tails
STARTS = ["ไ", "โ", "ใ", "เ", "ปิ่", "ปี๊", "ฟื้", "ฟ", "J", "ฎ", "ฏ", "ญ", "ฐ", "ฤ"]
TALL = Sheet("custom-tall", "tall", 42, 64, 40, 62, 1, 1, 1, 1, 40, 62, custom=True)
DPI = 600


@pytest.mark.parametrize("sheet", builtin_sheets(), ids=lambda s: s.id)
def test_text_box_starts_after_the_quiet_zone(qapp, db, sheet):
    for material in make_materials(db, 4):
        texts = content_for(material, Settings()).texts
        layout = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, texts, metrics())
        if layout.text_box is None:
            continue
        qr_box, box = layout.qr, layout.text_box
        beside = box.x >= qr_box.right + TEXT_GAP_MM - 1e-9
        below = box.y >= qr_box.bottom + TEXT_GAP_MM - 1e-9
        assert beside or below, (sheet.id, qr_box, box)
        for line in layout.lines:
            assert line.x >= box.x - 1e-9 and line.top >= box.y - 1e-9


def _materials(db, fields_code: bool):
    made = [Material(code=f"{s}J-{i:03d}", title=f"{s}ม้ำ {s}ปู่ " * 8, location=f"{s}ชั้น", link="")
            for i, s in enumerate(STARTS)]
    if not fields_code:  # under the code: the title's first line right below the quiet zone
        made = [Material(code=f"T-{i:03d}", title=f"{s}นฟูปี๊บน้ำ ผู้ใหญ่", location="ชั้น", link="")
                for i, s in enumerate(STARTS)]
    from lo_desktop.core.catalog.materials import add_material

    return [add_material(db, m) for m in made]


@pytest.mark.parametrize("sheet_id, fields", [
    ("avery-l7651", FIELDS), ("avery-l7160", FIELDS), ("avery-l7163", FIELDS),
    ("custom-tall", FIELDS), ("custom-tall", ["title", "location"]),
])
def test_no_ink_in_the_quiet_zone(qapp, db, tmp_path, sheet_id, fields):
    """Every dark pixel of poppler's 600-dpi render on the code's side of the quiet zone's far edge is
    one of the code's own modules: the first glyph's real ink, side bearings and marks included, stays
    outside. The quiet zone is where the PDF itself puts each code (its module and origin)."""
    sheet = TALL if sheet_id == "custom-tall" else get_sheet(db, sheet_id)
    made = _materials(db, "code" in fields)
    contents = [content_for(m, Settings()) for m in make_materials(db, 2) + made]
    if sheet.per_page == 1:
        contents = contents[:4]
    out = tmp_path / "q.pdf"
    write_pdf(out, Job(sheet, contents, fields))
    pages = qr_squares(out)
    scale = DPI / 72  # the PDF measures in points
    clearances = []
    for page_number, squares in enumerate(pages[:2], start=1):
        image = render_poppler(out, DPI, page_number)
        per_page = squares if sheet.per_page > 1 else squares[:1]
        for cell, (x, y, module) in enumerate(per_page):
            content = contents[(page_number - 1) * sheet.per_page + cell]
            clearances.append(_clearance(image, sheet, cell, content, (x, y, module), scale))
    assert min(clearances) > 0, min(clearances)


def _clearance(image, sheet: Sheet, cell: int, content, square, scale: float) -> float:
    """How far (mm) the text's nearest ink stays from the quiet zone's far edge; fails the test when
    any ink other than the modules lies on the code's side of that edge."""
    x, y, module = square
    count = len(qr.matrix(content.payload))
    label = cell_rect(sheet, cell)
    left, top = label.x / 25.4 * 72, label.y / 25.4 * 72
    right, bottom = label.right / 25.4 * 72, label.bottom / 25.4 * 72
    beside = sheet.label_width_mm >= WIDE * sheet.label_height_mm
    quiet_end = (x if beside else y) + (count + qr.QUIET_MODULES) * module
    # the code's side of the quiet zone's far edge, within the label, and the modules' own square in it
    side = (left, top, quiet_end, bottom) if beside else (left, top, right, quiet_end)
    crop = image.crop(tuple(round(v * scale) for v in side))
    ink = crop.point(lambda v: 255 if v < 128 else 0)
    modules = [round((v - o) * scale) for v, o in ((x, side[0]), (y, side[1]),
                                                    (x + count * module, side[0]), (y + count * module, side[1]))]
    ink.paste(0, (modules[0] - 1, modules[1] - 1, modules[2] + 1, modules[3] + 1))  # AA of the outer modules
    assert ink.getbbox() is None, (sheet.id, cell, content.texts["title"][:12], ink.getbbox())
    # and the nearest text ink beyond the edge, for the figure
    text_side = (quiet_end, top, right, bottom) if beside else (left, quiet_end, right, bottom)
    rest = image.crop(tuple(round(v * scale) for v in text_side)).point(lambda v: 255 if v < 128 else 0)
    box = rest.getbbox()
    if box is None:
        return float("inf")
    return (box[0] if beside else box[1]) / scale / 72 * 25.4
