"""Helpers for the label tests: materials, PDF rasterising (QtPdf, no system tools) and QR decoding."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.records import Material

MARK_HEAVY = "กั้นกิ้นกี้กึ๊กื๋กุ่กู้กำ์ ที่นี่มีน้ำผึ้งดื่มชื่นฉ่ำรื่นรมย์ สุขุมนุ่มนิ่ม ปั๊มน้ำมันเอื้อเฟื้อเผื่อแผ่"


def make_materials(db, count: int, link_every: int = 3) -> list[Material]:
    """Materials with long Thai titles; every ``link_every``-th has a web link (two payload forms)."""
    added = []
    for i in range(1, count + 1):
        link = f"https://km.bangna.go.th/doc/{i}" if link_every and i % link_every == 0 else ""
        material = Material(title=f"คู่มือการปฏิบัติงานฝ่ายเทศกิจ เล่มที่ {i} {MARK_HEAVY}",
                            code=f"LB-{i:04d}", location=f"ชั้น A-{i % 4}", link=link)
        added.append(add_material(db, material))
    return added


def render_pages(path, dpi: int):
    """Each page of a PDF as a PIL grey image at ``dpi``, rendered by QtPdf (PDFium)."""
    from PIL import Image
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = []
    for index in range(document.pageCount()):
        points = document.pagePointSize(index)
        size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
        image = _on_white(document.render(index, size))
        pages.append(Image.frombuffer("L", (image.width(), image.height()), bytes(image.constBits()),
                                      "raw", "L", image.bytesPerLine(), 1).copy())
    document.close()
    return pages


def _on_white(rendered):
    """PDFium leaves unpainted paper transparent: lay the page on white paper, in grey."""
    from PySide6.QtGui import QColor, QImage, QPainter

    page = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page.convertToFormat(QImage.Format.Format_Grayscale8)


def crop_cell(page, sheet, cell: int, dpi: int):
    """The label as a scanner meets it: exactly the label's rectangle, nothing around it."""
    from lo_desktop.labels.geometry import cell_rect

    box = cell_rect(sheet, cell)
    scale = dpi / 25.4
    # (A4 is 595 × 842 pt, a hair narrower than 210 mm: edge-to-edge sheets may touch that edge)
    assert box.right * scale <= page.width + 2 and box.bottom * scale <= page.height + 2, "label off the page"
    return page.crop((round(box.x * scale), round(box.y * scale), round(box.right * scale),
                      round(box.bottom * scale)))


def decode_zxing(image) -> list[str]:
    import zxingcpp

    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def decode_zbar(image, tmp_path) -> list[str] | None:
    """zbarimg's reading of an image, or None when zbar is not installed."""
    if shutil.which("zbarimg") is None:
        return None
    file = tmp_path / "cell.png"
    image.save(file)
    done = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(file)],
                          capture_output=True, text=True, encoding="utf-8")
    return [done.stdout.rstrip("\n")] if done.stdout else []


def run(*args, db, ok=True):
    """The command line as a clerk runs it: a real process, no traceback, the expected exit."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "lo_desktop", "--db", str(db), *args], capture_output=True,
                            text=True, encoding="utf-8", env=env)
    assert "Traceback" not in result.stderr
    assert (result.returncode == 0) == ok, result.stderr
    return result


def render_poppler(path, dpi: int, page: int = 1):
    """One page of a PDF as a PIL grey image at ``dpi``, rendered by poppler's pdftoppm (a renderer
    independent of Qt); the test is skipped where poppler-utils is not installed."""
    import pytest
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    prefix = f"{path}-{page}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(path), prefix], check=True, capture_output=True)
    with Image.open(f"{prefix}.png") as image:
        return image.convert("L")


def qr_squares(path) -> list[list[tuple[float, float, float]]]:
    """Where each QR code's modules are, read from the PDF itself: per page, per code in painting order,
    (x, y, module) in points from the page's top-left corner. The painter draws a code as one
    ``a 0 0 a e f cm`` (a module of ``a`` device pixels) and its rectangles, inside a page whose own
    ``s 0 0 -s 0 h cm`` turns device pixels into points."""
    import re
    import zlib

    data = path.read_bytes()
    height_pt = float(re.search(rb"/MediaBox \[\s*0 0 [\d.]+ ([\d.]+)\s*\]", data).group(1))
    pages = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            content = zlib.decompress(raw).decode("latin-1")
        except zlib.error:
            continue
        page = re.search(r"([\d.]+) 0 0 -([\d.]+) ([\d.]+) ([\d.]+) cm", content)
        if page is None:
            continue
        scale, dx, height = float(page.group(1)), float(page.group(3)), float(page.group(4))
        codes = re.findall(r"(?m)^([\d.]+) 0 0 \1 ([\d.]+) ([\d.]+) cm\n(?:[\d. ]+ re\n)+f", content)
        pages.append([(dx + float(x) * scale, height_pt - height + float(y) * scale, float(a) * scale)
                      for a, x, y in codes])
    return pages
