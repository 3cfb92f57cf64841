"""Measuring printed pages with tools independent of the program: poppler's pdftoppm and pdftotext
read the PDF, Pillow finds the ink, zxing-cpp finds the QR codes. Positions are in mm from the page's
top-left corner."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

MM_PER_INCH = 25.4
DARK = 128


def need_poppler() -> None:
    if not (shutil.which("pdftoppm") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils (pdftoppm, pdftotext) are not installed")


def rasterise(pdf: Path, dpi: int, page: int = 1):
    """One page as a grey Pillow image, rendered by pdftoppm."""
    from PIL import Image

    need_poppler()
    prefix = pdf.with_name(f"{pdf.stem}-p{page}-{dpi}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True, capture_output=True)
    with Image.open(f"{prefix}.png") as image:
        return image.convert("L")


def dark_runs(values, dpi: int, threshold: int = DARK) -> list[float]:
    """The centres (mm) of each run of dark pixels along a row or column of pixel values."""
    centres, start = [], None
    for index, value in enumerate(list(values) + [255]):
        if value < threshold and start is None:
            start = index
        elif value >= threshold and start is not None:
            centres.append((start + index) / 2 / dpi * MM_PER_INCH)  # pixel i spans [i, i + 1)
            start = None
    return centres


def row(image, y_mm: float, dpi: int, from_mm: float = 0.0, to_mm: float | None = None) -> list[int]:
    """Pixel values across the page at ``y_mm``; the positions stay measured from the page's edge."""
    y = round(y_mm * dpi / MM_PER_INCH)
    end = image.width if to_mm is None else round(to_mm * dpi / MM_PER_INCH)
    start = round(from_mm * dpi / MM_PER_INCH)
    return [255] * start + [image.getpixel((x, y)) for x in range(start, end)]


def column(image, x_mm: float, dpi: int, from_mm: float = 0.0, to_mm: float | None = None) -> list[int]:
    x = round(x_mm * dpi / MM_PER_INCH)
    end = image.height if to_mm is None else round(to_mm * dpi / MM_PER_INCH)
    start = round(from_mm * dpi / MM_PER_INCH)
    return [255] * start + [image.getpixel((x, y)) for y in range(start, end)]


def ink_extent(image, dpi: int) -> tuple[float, float, float, float]:
    """Left, top, right and bottom (mm) of all the ink on the page."""
    from PIL import ImageOps

    left, top, right, bottom = ImageOps.invert(image).point(lambda v: 255 if v > 255 - DARK else 0).getbbox()
    to_mm = MM_PER_INCH / dpi
    return left * to_mm, top * to_mm, right * to_mm, bottom * to_mm


def words(pdf: Path) -> list[tuple[str, float, float]]:
    """Each word pdftotext finds, with its box's centre (mm)."""
    need_poppler()
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout
    found = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    for x0, y0, x1, y1, text in re.findall(pattern, html):
        to_mm = MM_PER_INCH / 72
        found.append((text, (float(x0) + float(x1)) / 2 * to_mm, (float(y0) + float(y1)) / 2 * to_mm))
    return found


def qr_centres(image, dpi: int) -> dict[str, tuple[float, float]]:
    """The centre (mm) of every QR code zxing-cpp finds on the page, by its text."""
    import zxingcpp

    to_mm = MM_PER_INCH / dpi
    centres = {}
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = result.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        centres[result.text] = (sum(c.x for c in corners) / 4 * to_mm, sum(c.y for c in corners) / 4 * to_mm)
    return centres
