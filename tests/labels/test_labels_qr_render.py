"""The QR code drawn as one fill of rectangles: no hairline seam between modules in poppler's, PDFium's
and Qt's own (the preview's) renders at 150-600 dpi, and every label of a full page decodes at 150 dpi."""
from __future__ import annotations

import pytest

from labels_helpers import crop_cell, decode_zxing, make_materials, qr_squares, render_pages, render_poppler
from lo_desktop.core.catalog.scan import code_from_payload
from lo_desktop.labels import qr
from lo_desktop.labels.geometry import cell_rect
from lo_desktop.labels.layout import plan
from lo_desktop.labels.render import Job, Painter, content_for, metrics, write_pdf
from lo_desktop.labels.sheets import Sheet, get_sheet
from lo_desktop.settings import Settings

FIELDS = ["code", "title", "location", "agency"]
# the smallest bundled labels (L7651's 38.1 × 21.2 mm, the smallest modules), four on a small page
SMALL = Sheet("custom-small", "small", 80, 46, 38.1, 21.2, 2, 2, 1, 1, 39.1, 22.2, custom=True)


def _shared_edges(modules):
    """The middle of every edge between two dark modules, in modules from the code's corner."""
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark != "1":
                continue
            if x + 1 < len(row) and row[x + 1] == "1":
                yield x + 1, y + 0.5
            if y + 1 < len(modules) and modules[y + 1][x] == "1":
                yield x + 0.5, y + 1


def _seams(image, modules, x0: float, y0: float, module: float) -> list[tuple[int, int, int]]:
    """Pixels lighter than black on an edge between two dark modules (the code's corner at x0, y0 and
    its modules ``module`` pixels wide). Each sampled pixel lies wholly inside the two modules."""
    light = []
    for x, y in _shared_edges(modules):
        px, py = int(x0 + x * module), int(y0 + y * module)
        if image.getpixel((px, py)) > 30:  # wholly inside dark modules: black, not grey
            light.append((px, py, image.getpixel((px, py))))
    return light


def _write(db, tmp_path, count: int, sheet: Sheet):
    contents = [content_for(m, Settings()) for m in make_materials(db, count)]
    out = tmp_path / f"{sheet.id}.pdf"
    write_pdf(out, Job(sheet, contents, FIELDS))
    return out, contents


@pytest.mark.parametrize("dpi", [150, 300, 600])
@pytest.mark.parametrize("renderer", ["poppler", "pdfium"])
def test_no_seams_between_modules_in_pdf_renders(qapp, db, tmp_path, renderer, dpi):
    out, contents = _write(db, tmp_path, 4, SMALL)
    image = render_poppler(out, dpi) if renderer == "poppler" else render_pages(out, dpi)[0]
    scale = dpi / 72
    checked = 0
    for content, (x, y, module) in zip(contents, qr_squares(out)[0]):
        modules = qr.matrix(content.payload)
        assert _seams(image, modules, x * scale, y * scale, module * scale) == []
        checked += sum(1 for _ in _shared_edges(modules))
    assert checked > 1000


@pytest.mark.parametrize("dpi", [150, 300])
def test_no_seams_in_the_preview(qapp, db, dpi):
    """The window's preview paints through Qt's raster engine, which fills rectangles one by one: it
    gets the rectangles as one path, so it shows no seams either."""
    from PIL import Image
    from PySide6.QtGui import QColor, QImage, QPainter

    contents = [content_for(m, Settings()) for m in make_materials(db, 4)]
    per_mm = dpi / 25.4
    image = QImage(round(SMALL.page_width_mm * per_mm), round(SMALL.page_height_mm * per_mm),
                   QImage.Format.Format_Grayscale8)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    labels = Painter(painter, dpi)
    for cell, content in enumerate(contents):
        labels.label(SMALL, cell, content, FIELDS)
    painter.end()
    grey = Image.frombuffer("L", (image.width(), image.height()), bytes(image.constBits()), "raw", "L",
                            image.bytesPerLine(), 1)
    for cell, content in enumerate(contents):
        modules = qr.matrix(content.payload)
        square = plan(SMALL.label_width_mm, SMALL.label_height_mm, FIELDS, content.texts, metrics()).qr
        module = square.w * per_mm / (len(modules) + 2 * qr.QUIET_MODULES)  # not snapped below 12 px
        box = cell_rect(SMALL, cell)
        x0 = (box.x + square.x) * per_mm + qr.QUIET_MODULES * module
        y0 = (box.y + square.y) * per_mm + qr.QUIET_MODULES * module
        assert _seams(grey, modules, x0, y0, module) == []


def test_every_label_of_a_full_page_decodes_at_150_dpi(qapp, db, tmp_path):
    """65 of the smallest labels, rendered by poppler at 150 dpi, each read back by zxing-cpp."""
    sheet = get_sheet(db, "avery-l7651")
    materials = make_materials(db, sheet.per_page)
    out = tmp_path / "page.pdf"
    write_pdf(out, Job(sheet, [content_for(m, Settings()) for m in materials], FIELDS))
    image = render_poppler(out, 150)
    for cell, material in enumerate(materials):
        decoded = decode_zxing(crop_cell(image, sheet, cell, 150))
        assert len(decoded) == 1 and code_from_payload(db, decoded[0]) == material.code, cell
