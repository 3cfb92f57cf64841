"""The one QR producer, and the rectangles of its dark modules that the label painter fills. No Qt here.

``matrix`` is the only place a QR code is made: the labels (render.py), the window's detail pane
(ui/qr.py) and the catalog register (reports/catalog_register.py) all draw what it returns. Error
correction is M (15 % of the code may be scuffed). zxing-cpp's encoder (C++) makes it, ~25× faster
than the pure-Python ``qrcode``, which matters for a thousand labels or a register with QRs.
"""
from __future__ import annotations

import re
from functools import lru_cache

import zxingcpp

QUIET_MODULES = 4

_DARK_BYTES = bytes((49 if b < 128 else 48) for b in range(256))  # pixel value → "1" dark / "0" light


@lru_cache(maxsize=256)  # a page is drawn, and its ink measured for the edge check, from the same codes
def matrix(payload: str, quiet: int = 0) -> tuple[str, ...]:
    """Rows of modules as strings, "1" for dark, with ``quiet`` light modules around the code (the
    labels leave their quiet zone inside the label instead, so they ask for none)."""
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    size, text = image.shape[0], image.tobytes().translate(_DARK_BYTES).decode("ascii")
    rows = tuple(text[r * size:(r + 1) * size] for r in range(size))
    if not quiet:
        return rows
    blank = ("0" * (size + 2 * quiet),) * quiet
    margin = "0" * quiet
    return blank + tuple(margin + row + margin for row in rows) + blank


def rectangles(modules) -> list[tuple[int, int, int, int]]:
    """The dark modules as (x, y, width, height) rectangles in modules, top to bottom: each row's runs
    of dark modules, a run carried down while the rows below have the very same run.

    The label painter fills them all in ONE fill (one path, the non-zero rule): a rasteriser then
    computes each pixel's coverage from the whole path, so rectangles that share an edge leave no seam
    (seams appear where each module is a fill of its own). They never overlap, so the union is exact.
    The runs of all rows are found by one regex pass over the rows joined by a light module.
    """
    stride = len(modules) + 1
    below: dict[tuple[int, int], list[int]] = {}  # (x, width) → the last rectangle with that run
    found: list[list[int]] = []
    for match in _ONES.finditer("0".join(modules)):
        start, end = match.span()
        y, x = divmod(start, stride)
        rect = below.get((x, end - start))
        if rect is not None and rect[1] + rect[3] == y:
            rect[3] += 1
        else:
            rect = below[x, end - start] = [x, y, end - start, 1]
            found.append(rect)
    return [tuple(rect) for rect in found]


_ONES = re.compile("1+")
