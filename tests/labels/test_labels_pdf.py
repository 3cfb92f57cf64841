"""The PDF as a scanner meets it: every label, cut out of the rendered page, reads back its own code."""
from __future__ import annotations

import pytest

from labels_helpers import crop_cell, decode_zbar, decode_zxing, make_materials, render_pages
from lo_desktop.core.catalog.scan import code_from_payload
from lo_desktop.labels.geometry import placements
from lo_desktop.labels.render import Job, content_for, write_pdf
from lo_desktop.labels.sheets import get_sheet
from lo_desktop.settings import Settings

FIELDS = ["code", "title", "location", "agency"]


def _write(db, tmp_path, sheet_id, count, copies=1, start=1, settings=None):
    settings = settings or Settings()
    materials = make_materials(db, count)
    sheet = get_sheet(db, sheet_id)
    job = Job(sheet, [content_for(m, settings) for m in materials], FIELDS, copies, start)
    out = tmp_path / f"{sheet_id}.pdf"
    pages = write_pdf(out, job)
    return out, sheet, materials, pages


@pytest.mark.parametrize("sheet_id, count, copies, start", [
    ("avery-l7160", 12, 2, 5),     # 24 labels from label 5: spills onto a second page
    ("avery-l7651", 40, 1, 30),    # the smallest labels, 65 a page
    ("avery-l7163", 5, 3, 1),
    ("roll-62x29", 3, 1, 1),       # one label per page
])
@pytest.mark.parametrize("dpi", [300, 150])
def test_each_label_reads_back_its_code_in_its_cell(qapp, db, tmp_path, sheet_id, count, copies, start, dpi):
    out, sheet, materials, pages = _write(db, tmp_path, sheet_id, count, copies, start)
    images = render_pages(out, dpi)
    for image in images:  # the sheet's own page, the right way up
        assert abs(image.width - sheet.page_width_mm / 25.4 * dpi) < 2
        assert abs(image.height - sheet.page_height_mm / 25.4 * dpi) < 2
    expected = placements(sheet, len(materials), copies, start)
    assert len(images) == pages == expected[-1].page + 1
    for place in expected:
        decoded = decode_zxing(crop_cell(images[place.page], sheet, place.cell, dpi))
        assert len(decoded) == 1, f"page {place.page + 1}, label {place.cell + 1}: {decoded}"
        assert code_from_payload(db, decoded[0]) == materials[place.item].code
    used = {(p.page, p.cell) for p in expected}
    for cell in range(sheet.per_page):  # labels before the start and after the last stay blank
        if (0, cell) not in used:
            assert decode_zxing(crop_cell(images[0], sheet, cell, dpi)) == []


@pytest.mark.parametrize("sheet_id, dpi", [("avery-l7160", 300), ("avery-l7651", 150), ("avery-3651", 300)])
def test_zbar_reads_the_labels_too(qapp, db, tmp_path, sheet_id, dpi):
    out, sheet, materials, _ = _write(db, tmp_path, sheet_id, 6)
    image = render_pages(out, dpi)[0]
    for cell, material in enumerate(materials):
        decoded = decode_zbar(crop_cell(image, sheet, cell, dpi), tmp_path)
        if decoded is None:
            pytest.skip("zbarimg is not installed")
        assert len(decoded) == 1 and material.code in decoded[0]


def test_url_pattern_labels_read_back(qapp, db, tmp_path):
    settings = Settings(label_url_pattern="http://intranet.bangna.local/km/item?c={code}")
    out, sheet, materials, _ = _write(db, tmp_path, "avery-l7159", 4, settings=settings)
    image = render_pages(out, 150)[0]
    for cell, material in enumerate(materials):
        (text,) = decode_zxing(crop_cell(image, sheet, cell, 150))
        assert text == f"http://intranet.bangna.local/km/item?c={material.code}"


def test_pdf_is_vector_with_embedded_font_and_real_text(qapp, db, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    out, _, materials, _ = _write(db, tmp_path, "avery-l7160", 3)
    data = out.read_bytes()
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data  # the QR is shapes
    assert b"/FontFile2" in data  # TrueType font program embedded
    document = QPdfDocument()
    document.load(str(out))
    text = document.getAllText(0).text()
    # Text is text: codes and plain Thai extract as typed (glyphs that Sarabun repositions for stacked
    # marks come out in visual order, a known limit of PDF text extraction for Thai). These long titles
    # do not fit whole, so the agency's line gave way to them (layout.py).
    assert materials[0].code in text and "การปฏิบัติงาน" in text


def test_each_qr_code_is_one_filled_path(qapp, db, tmp_path):
    """One fill per label on the page: the modules are not separate shapes a rasteriser could seam."""
    import re
    import zlib

    out, _, materials, _ = _write(db, tmp_path, "avery-l7160", 5)
    fills = 0
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", out.read_bytes(), re.S):
        try:
            content = zlib.decompress(raw)
        except zlib.error:
            continue  # a font or another binary stream
        fills += len(re.findall(rb"(?m)^f\*?$", content))
    assert fills == len(materials)


def test_qr_has_no_gaps_between_modules(qapp, db, tmp_path):
    """Where four dark modules meet, the pixel is black at an awkward resolution (97 dpi): modules are
    drawn at their full pitch, edge to edge (a gap or a shrunken module would show here)."""
    from lo_desktop.labels import qr
    from lo_desktop.labels.layout import plan
    from lo_desktop.labels.render import metrics

    out, sheet, materials, _ = _write(db, tmp_path, "avery-l7160", 1)
    dpi = 97
    image = render_pages(out, dpi)[0]
    content = content_for(materials[0], Settings())
    square = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, content.texts, metrics()).qr
    modules = qr.matrix(content.payload)
    size = square.w / (len(modules) + 2 * qr.QUIET_MODULES)
    scale = dpi / 25.4
    checked = 0
    for y in range(len(modules) - 1):
        for x in range(len(modules) - 1):
            if all(modules[y + dy][x + dx] == "1" for dx in (0, 1) for dy in (0, 1)):
                # the point where four dark modules meet: any seam would cross it
                px = (sheet.left_mm + square.x + (qr.QUIET_MODULES + x + 1) * size) * scale
                py = (sheet.top_mm + square.y + (qr.QUIET_MODULES + y + 1) * size) * scale
                assert image.getpixel((int(px), int(py))) < 40, (x, y)
                checked += 1
    assert checked > 20


@pytest.mark.parametrize("sheet_id", ["avery-l7651", "avery-l7160"])
def test_nothing_is_drawn_outside_the_labels(qapp, db, tmp_path, sheet_id):
    """Long Thai titles full of marks, long codes and shelves: every dark pixel lies on a label."""
    from lo_desktop.core.catalog.materials import add_material
    from lo_desktop.core.records import Material
    from lo_desktop.labels.geometry import cell_rect

    from labels_helpers import MARK_HEAVY

    materials = [add_material(db, Material(code=f"KM-LONG-CODE-{i:05d}", title=(MARK_HEAVY + " ") * 4,
                                           location="ชั้นวางเอกสารด้านหลังห้องประชุมใหญ่ ชั้นที่ 3 กล่อง " * 2))
                 for i in range(8)]
    sheet = get_sheet(db, sheet_id)
    out = tmp_path / "long.pdf"
    write_pdf(out, Job(sheet, [content_for(m, Settings()) for m in materials], FIELDS))
    dpi = 200
    page = render_pages(out, dpi)[0]
    scale = dpi / 25.4
    mask = page.point(lambda v: 255 if v < 160 else 0)  # dark pixels
    from PIL import ImageDraw

    draw = ImageDraw.Draw(mask)
    for cell in range(len(materials)):
        box = cell_rect(sheet, cell)
        draw.rectangle((box.x * scale - 1, box.y * scale - 1, box.right * scale + 1, box.bottom * scale + 1), fill=0)
    assert mask.getbbox() is None, f"ink outside the labels at {mask.getbbox()}"
    for cell, material in enumerate(materials):  # and the code still reads back
        (text,) = decode_zxing(crop_cell(page, sheet, cell, dpi))
        assert code_from_payload(db, text) == material.code
